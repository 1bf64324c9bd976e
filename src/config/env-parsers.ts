import { z } from "zod";

/**
 * One zod schema per kind of environment variable. Each takes the raw string (or undefined),
 * treats blank as unset, and on a bad value reports what it expects and what it got. Secret
 * values are never echoed back.
 */

const text = z.string().optional().transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

function fail(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  return z.NEVER;
}

function parseInteger(raw: string, min: number, max: number, ctx: z.RefinementCtx): number {
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) return fail(ctx, `expected an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** A decimal number of seconds (e.g. "0.5") from `min` to `max`, returned in milliseconds. */
export function secondsVar(min: number, max: number, fallbackSeconds: number) {
  return text.transform((raw, ctx) => {
    if (raw === undefined) return Math.round(fallbackSeconds * 1000);
    const n = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(n) || n < min || n > max) return fail(ctx, `expected a number of seconds from ${min} to ${max} (decimals allowed), got "${raw}"`);
    return Math.round(n * 1000);
  });
}

/** A value checked by `parse` (which names the problem); unset gives `fallback`. */
export function parsedVar<T>(fallback: T, parse: (raw: string) => { ok: true; value: T } | { ok: false; problem: string }) {
  return text.transform((raw, ctx): T => {
    if (raw === undefined) return fallback;
    const result = parse(raw);
    return result.ok ? result.value : fail(ctx, result.problem);
  });
}

export function integerVar(min: number, max: number, fallback: number) {
  return text.transform((raw, ctx) => (raw === undefined ? fallback : parseInteger(raw, min, max, ctx)));
}

/** An optional integer from `min` to `max`; unset stays undefined. */
export function optionalIntegerVar(min: number, max: number) {
  return text.transform((raw, ctx) => (raw === undefined ? undefined : parseInteger(raw, min, max, ctx)));
}

export function stringVar(fallback: string, pattern = /^\S+$/, expected = "a value without spaces") {
  return text.transform((raw, ctx) => {
    if (raw === undefined) return fallback;
    return pattern.test(raw) ? raw : fail(ctx, `expected ${expected}, got "${raw}"`);
  });
}

export function optionalStringVar() {
  return text;
}

export function enumVar<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return text.transform((raw, ctx): T[number] => {
    if (raw === undefined) return fallback;
    const match = values.find((v) => v === raw.toLowerCase());
    return match ?? fail(ctx, `expected one of ${values.join(", ")}, got "${raw}"`);
  });
}

const truthy = ["1", "true", "yes", "on"];
const falsy = ["0", "false", "no", "off"];

export function booleanVar(fallback: boolean) {
  return text.transform((raw, ctx) => {
    if (raw === undefined) return fallback;
    const v = raw.toLowerCase();
    if (truthy.includes(v)) return true;
    if (falsy.includes(v)) return false;
    return fail(ctx, `expected true or false (also 1/0, yes/no, on/off), got "${raw}"`);
  });
}

/** An optional URL whose scheme is one of `protocols` (e.g. `["http:", "https:"]`). */
export function urlVar(protocols: readonly string[]) {
  const expected = `expected a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`;
  return text.transform((raw, ctx) => {
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (protocols.includes(url.protocol) && url.hostname !== "") return raw;
    } catch {
      // reported below
    }
    return fail(ctx, `${expected}, got "${raw.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@")}"`);
  });
}

/** An optional secret: checked for length only, and never quoted in a message. */
export function secretVar(minLength: number, hint: string) {
  return text.transform((raw, ctx) => {
    if (raw === undefined) return undefined;
    if (raw.length < minLength) return fail(ctx, `expected at least ${minLength} characters (${hint}), got ${raw.length}`);
    return raw;
  });
}
