/** Lenient readers for request elements (PascalCase JSON as Xero clients send it). */
import type { WriteResult } from "../types.js";

export type Element = Record<string, unknown>;

export function asElement(value: unknown): Element {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Element) : {};
}

export function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** A number or numeric string; undefined when absent, NaN when present but not numeric. */
export function numeric(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : NaN;
}

export function flag(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return undefined;
}

const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/**
 * Reads an accounting date sent as "YYYY-MM-DD", an ISO date-time or "/Date(ms+0000)/".
 * undefined when absent, null when present but unreadable.
 */
export function dateInput(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return null;
  const ms = MS_DATE.exec(value);
  if (ms) return new Date(Number(ms[1])).toISOString().slice(0, 10);
  const iso = /^(\d{4}-\d{2}-\d{2})([T ].*)?$/.exec(value);
  if (!iso || Number.isNaN(Date.parse(iso[1]!))) return null;
  return iso[1]!;
}

export function today(now: string): string {
  return now.slice(0, 10);
}

export function failed<T>(element: unknown, errors: string[], notFound = false): WriteResult<T> {
  return notFound ? { ok: false, element, errors, notFound } : { ok: false, element, errors };
}

export function succeeded<T>(record: T): WriteResult<T> {
  return { ok: true, record };
}

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();
}
