import type { KeyValueStore } from "../store/key-value-store.js";
import type { SecretBox, SealedSecret } from "../secrets/secret-box.js";
import { ALL_SCOPES, type ApiKeyService } from "../auth/index.js";

const LOCAL_KEY = "local-api-key";

/**
 * The embedded default's API key for local use: created once with access to every organization and
 * every scope (ADMIN included, so `npm start` users can administer). A local key made before scopes
 * existed is given them all. Only this key is kept (sealed) so `npm start` can print it again; keys
 * made for others are stored hashed only.
 */
export async function ensureLocalApiKey(store: KeyValueStore, apiKeys: ApiKeyService, secrets: SecretBox): Promise<string> {
  const sealed = await store.get<SealedSecret>(LOCAL_KEY);
  if (sealed) {
    const key = secrets.open<string>(sealed);
    const principal = await apiKeys.verify(key);
    if (principal) {
      if (ALL_SCOPES.some((scope) => !principal.scopes.includes(scope))) await apiKeys.setScopes(principal.apiKeyId, ALL_SCOPES);
      return key;
    }
  }
  const { key } = await apiKeys.create({ name: "local development", organizationIds: "*", scopes: ALL_SCOPES });
  await store.set(LOCAL_KEY, secrets.seal(key));
  return key;
}
