import { z } from "zod";

/** https://developer.xero.com/documentation/api/accounting/overview */
export const XERO_API_URL = "https://api.xero.com";
/** https://developer.xero.com/documentation/guides/oauth2/auth-flow */
export const XERO_IDENTITY_URL = "https://identity.xero.com";

const origin = z
  .string()
  .url()
  .refine((text) => /^https?:$/.test(new URL(text).protocol), "must be an http(s) URL")
  .transform((text) => new URL(text).origin);

/** An organization's non-secret Xero settings (`OrganizationRecord.settings`), validated once. */
export const xeroSettingsSchema = z.object({
  /** Origin of the API (`/api.xro/2.0`, `/connections`). The sandbox passes its own URL. */
  apiUrl: origin.default(XERO_API_URL),
  /** Origin of the identity server (discovery, token, revocation). The sandbox passes its own URL. */
  identityUrl: origin.default(XERO_IDENTITY_URL),
  /** The organisation (`xero-tenant-id`) these books live in. */
  tenantId: z.string().min(1),
  /** The app's OAuth client id; its secret is sealed with the tokens. */
  clientId: z.string().min(1),
  /**
   * Xero's per-organization limits (5 calls at once, 60 a rolling minute, 5,000 a day); lower them to
   * share a budget, raise them only for a sandbox. The gateway counts the day over the last 24 hours.
   * https://developer.xero.com/documentation/guides/oauth2/limits/
   */
  limits: z
    .object({
      maxConcurrent: z.number().int().positive().default(5),
      perMinute: z.number().int().positive().default(60),
      perDay: z.number({ invalid_type_error: "limits.perDay must be a whole number of calls a day (Xero allows 5000)" })
        .int("limits.perDay must be a whole number of calls a day (Xero allows 5000)")
        .positive("limits.perDay must be above 0 (Xero allows 5000 calls a day)")
        .default(5000),
    })
    .default({}),
  /** How long accounts, tax rates, tracking categories and the organisation profile stay cached. @default 600000 */
  referenceDataTtlMs: z.number().int().positive().default(10 * 60_000),
});
export type XeroSettings = z.output<typeof xeroSettingsSchema>;
export type XeroSettingsInput = z.input<typeof xeroSettingsSchema>;

/** A token set as the gateway keeps it (epoch-ms expiry, so the injected clock decides freshness). */
export const xeroTokenSetSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Epoch milliseconds when the access token stops working. */
  expiresAt: z.number(),
  tokenType: z.string().default("Bearer"),
  /** Space-separated scopes granted. */
  scope: z.string().default(""),
  idToken: z.string().optional(),
});
export type XeroTokenSet = z.output<typeof xeroTokenSetSchema>;

/** What is sealed in the store per organization: the client secret and the rotating token set. */
export const xeroSecretSchema = z.object({
  clientSecret: z.string().min(1),
  tokenSet: xeroTokenSetSchema,
});
export type XeroSecret = z.output<typeof xeroSecretSchema>;

export function parseXeroSettings(settings: unknown): XeroSettings {
  return xeroSettingsSchema.parse(settings);
}
