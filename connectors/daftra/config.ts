import { z } from "zod";

/** An organization's non-secret Daftra settings (`OrganizationRecord.settings`), validated once. */
export const daftraSettingsSchema = z.object({
  /**
   * The account's API base: full origin plus path, e.g. "https://acme.daftra.com/api2". Daftra runs
   * per-account hosts and white-label domains, so this is never derived from a subdomain.
   */
  baseUrl: z
    .string()
    .url()
    .refine((text) => /^https?:$/.test(new URL(text).protocol), "must be an http(s) URL")
    .transform((text) => text.replace(/\/+$/, "")),
  /** Daftra documents no limit; practitioners pace about 2 requests a second. */
  limits: z
    .object({
      maxConcurrent: z.number().int().positive().default(2),
      perMinute: z.number().int().positive().default(100),
      /** The longest Retry-After worth waiting for; a longer one fails at once as PROVIDER_RATE_LIMITED. */
      maxRetryWaitMs: z.number().int().nonnegative().default(60_000),
    })
    .default({}),
  /** How long taxes, accounts and the site profile stay cached. @default 600000 */
  referenceDataTtlMs: z.number().int().positive().default(10 * 60_000),
  /** Day/month order of slashed dates ("25/09/2026") when the text alone cannot tell. @default "dmy" */
  dateOrder: z.enum(["dmy", "mdy"]).default("dmy"),
});
export type DaftraSettings = z.output<typeof daftraSettingsSchema>;
export type DaftraSettingsInput = z.input<typeof daftraSettingsSchema>;

/** What is sealed in the store per organization. */
export const daftraSecretSchema = z.object({ apiKey: z.string().min(1) });
export type DaftraSecret = z.output<typeof daftraSecretSchema>;

export function parseDaftraSettings(settings: unknown): DaftraSettings {
  return daftraSettingsSchema.parse(settings);
}
