import { z } from "zod";

/** https://www.clientary.com/api — every account has its own host, `https://{account}.clientary.com`. */
export const CLIENTARY_API_PATH = "/api/v2";

const origin = z
  .string()
  .url()
  .refine((text) => /^https?:$/.test(new URL(text).protocol), "must be an http(s) URL")
  .transform((text) => new URL(text).origin);

/** An organization's non-secret Clientary settings (`OrganizationRecord.settings`), validated once. */
export const clientarySettingsSchema = z.object({
  /** The account's origin, e.g. "https://acme.clientary.com". The sandbox passes its own URL. */
  apiUrl: origin,
  /** The account's currency: Clientary states none for expenses and payments. @default "USD" */
  currency: z.string().regex(/^[A-Z]{3}$/).default("USD"),
  /** Clientary publishes no limits; these keep the gateway polite. */
  limits: z
    .object({
      maxConcurrent: z.number().int().positive().default(3),
      perMinute: z.number().int().positive().default(60),
      /** The longest Retry-After the gateway waits out before answering PROVIDER_RATE_LIMITED. */
      maxRetryWaitMs: z.number().int().nonnegative().default(60_000),
    })
    .default({}),
  /** How long joined lists (contacts of clients, all payments, all hours, staff) stay cached. @default 60000 */
  listCacheTtlMs: z.number().int().positive().default(60_000),
  /** First day of the expenses window when a list asks for no dates (Clientary's default is this fiscal year). */
  expensesSince: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default("2000-01-01"),
});
export type ClientarySettings = z.output<typeof clientarySettingsSchema>;
export type ClientarySettingsInput = z.input<typeof clientarySettingsSchema>;

/** What is sealed in the store per organization: the API token of the user the gateway acts as. */
export const clientarySecretSchema = z.object({ apiToken: z.string().min(1) });
export type ClientarySecret = z.output<typeof clientarySecretSchema>;

export function parseClientarySettings(settings: unknown): ClientarySettings {
  return clientarySettingsSchema.parse(settings);
}
