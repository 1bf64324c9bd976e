import type { KeyValueStore } from "../../../src/store/key-value-store.js";
import type { SealedSecret, SecretBox } from "../../../src/secrets/secret-box.js";
import { clientarySecretSchema, type ClientarySecret } from "../config.js";

/** Where an organization's Clientary API token lives: sealed, in the durable store. */
export interface ClientaryCredentialsStore {
  load(organizationId: string): Promise<ClientarySecret | undefined>;
  save(organizationId: string, secret: ClientarySecret): Promise<void>;
}

export const CLIENTARY_CREDENTIALS_NAMESPACE = "clientary-credentials";

export function clientaryCredentialsStore(store: KeyValueStore, secrets: SecretBox): ClientaryCredentialsStore {
  const sealed = store.namespace(CLIENTARY_CREDENTIALS_NAMESPACE);
  return {
    async load(organizationId) {
      const value = await sealed.get<SealedSecret>(organizationId);
      return value ? clientarySecretSchema.parse(secrets.open(value)) : undefined;
    },
    async save(organizationId, secret) {
      await sealed.set(organizationId, secrets.seal(clientarySecretSchema.parse(secret)));
    },
  };
}
