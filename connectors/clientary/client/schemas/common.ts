import { z } from "zod";

/** Ids are integers on the wire; some integrations see strings. Both become strings. */
export const wireId = z.union([z.number(), z.string().min(1)]).transform(String);
export const optionalId = z.union([z.number(), z.string()]).nullish().transform((v) => (v === null || v === undefined || v === "" ? null : String(v)));
/** Money and quantities: JSON numbers, sometimes numeric strings. */
export const wireNumber = z.union([z.number(), z.string()]).nullish();
export const wireText = z.string().nullish();
export const wireFlag = z.union([z.boolean(), z.number(), z.string()]).nullish().transform((v) => v === true || v === 1 || v === "1" || v === "true");
export const stamps = { created_at: wireText, updated_at: wireText };

/**
 * A paginated list envelope `{page_count, page_size, total_count, <key>: [...]}`. A bare array is
 * accepted too, as one page holding everything.
 */
export function pageEnvelope<S extends z.ZodTypeAny>(key: string, record: S) {
  return z.preprocess(
    (body) => (Array.isArray(body) ? { [key]: body, page_count: 1, total_count: body.length } : body),
    z.object({ page_count: z.number().nullish(), page_size: z.number().nullish(), total_count: z.number().nullish(), [key]: z.array(record) }).passthrough(),
  ) as unknown as z.ZodType<{ page_count?: number | null; page_size?: number | null; total_count?: number | null } & Record<string, Array<z.output<S>>>>;
}

/** A whole list `{<key>: [...]}` (hours, staff, expenses); a bare array is accepted too. */
export function wholeEnvelope<S extends z.ZodTypeAny>(key: string, record: S) {
  return z.preprocess((body) => (Array.isArray(body) ? { [key]: body } : body), z.object({ [key]: z.array(record) }).passthrough()) as unknown as z.ZodType<Record<string, Array<z.output<S>>>>;
}
