/**
 * Daftra's v1 envelopes, parsed at the boundary: `{code, result, data, pagination}`. A 2xx whose
 * `result` is not "successful" is a failure. Model rows are `{"Invoice": {...}, ...}`; related
 * parts may sit inside the model object or beside it, and both are accepted.
 */
import { z } from "zod";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";

const count = z.union([z.number(), z.string()]).nullish().transform((v) => (v === null || v === undefined || v === "" ? undefined : Number(v)));

const row = z.record(z.unknown());
export type WireRow = Record<string, unknown>;

export const listEnvelope = z.object({
  result: z.string().optional(),
  data: z.array(row).nullish().transform((v) => v ?? []),
  pagination: z.object({ page: count, page_count: count, total_results: count }).passthrough().nullish(),
});

export const itemEnvelope = z.object({ result: z.string().optional(), data: row });

/** Creates answer `{code: 202, result, id}` (id as a string or number); edits and deletes `{code: 200, result}`. */
export const writeEnvelope = z.object({
  result: z.string().optional(),
  id: z.union([z.string().min(1), z.number()]).transform(String).optional(),
});

export function parseEnvelope<S extends z.ZodTypeAny>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  const result = (body as { result?: unknown } | null)?.result;
  if (!parsed.success || (result !== undefined && result !== "successful")) {
    throw new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Daftra sent an answer for ${what} that could not be read. Try again shortly.`, {
      details: { provider: "DAFTRA", what },
    });
  }
  return parsed.data;
}

/** The model object of a row, with sibling parts merged in where the model does not already nest them. */
export function unwrap(record: WireRow, model: string): WireRow {
  const inner = record[model];
  if (!inner || typeof inner !== "object") return record;
  const siblings = Object.fromEntries(Object.entries(record).filter(([key]) => key !== model));
  return { ...siblings, ...(inner as WireRow) };
}
