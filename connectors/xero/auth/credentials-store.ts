import type { KeyValueStore } from "../../../src/store/key-value-store.js";
import type { SealedSecret, SecretBox } from "../../../src/secrets/secret-box.js";
import { xeroSecretSchema, type XeroSecret } from "../config.js";

/** Where an organization's Xero client secret and token set live: sealed, in the durable store. */
export interface XeroCredentialsStore {
  load(organizationId: string): Promise<XeroSecret | undefined>;
  save(organizationId: string, secret: XeroSecret): Promise<void>;
}

export const XERO_CREDENTIALS_NAMESPACE = "xero-credentials";

export function xeroCredentialsStore(store: KeyValueStore, secrets: SecretBox): XeroCredentialsStore {
  const sealed = store.namespace(XERO_CREDENTIALS_NAMESPACE);
  return {
    async load(organizationId) {
      const value = await sealed.get<SealedSecret>(organizationId);
      return value ? xeroSecretSchema.parse(secrets.open(value)) : undefined;
    },
    async save(organizationId, secret) {
      await sealed.set(organizationId, secrets.seal(xeroSecretSchema.parse(secret)));
    },
  };
}
