import type { KeyValueStore } from "../../../src/store/key-value-store.js";
import type { SealedSecret, SecretBox } from "../../../src/secrets/secret-box.js";
import { daftraSecretSchema, type DaftraSecret } from "../config.js";

/** Where an organization's Daftra API key lives: sealed, in the durable store. */
export interface DaftraCredentialsStore {
  load(organizationId: string): Promise<DaftraSecret | undefined>;
  save(organizationId: string, secret: DaftraSecret): Promise<void>;
}

export const DAFTRA_CREDENTIALS_NAMESPACE = "daftra-credentials";

export function daftraCredentialsStore(store: KeyValueStore, secrets: SecretBox): DaftraCredentialsStore {
  const sealed = store.namespace(DAFTRA_CREDENTIALS_NAMESPACE);
  return {
    async load(organizationId) {
      const value = await sealed.get<SealedSecret>(organizationId);
      return value ? daftraSecretSchema.parse(secrets.open(value)) : undefined;
    },
    async save(organizationId, secret) {
      await sealed.set(organizationId, secrets.seal(daftraSecretSchema.parse(secret)));
    },
  };
}
