import { unprocessable } from "../http/errors.js";
import type { RequestContext } from "../http/request.js";
import { dashDate } from "../books/seed/calendar.js";

const DAY = /^\d{4}[-/]\d{2}[-/]\d{2}$/;

function dayParam(ctx: RequestContext, name: string): string | undefined {
  const text = ctx.query.get(name);
  if (text === null || text === "") return undefined;
  if (!DAY.test(text)) throw unprocessable({ [name]: ["must be a date (YYYY-MM-DD)"] });
  return dashDate(text);
}

/** `updated_since=YYYY-MM-DD`: records changed on or after that (UTC) day. */
export function updatedSince<T extends { updated_at: string }>(ctx: RequestContext, records: readonly T[]): readonly T[] {
  const since = dayParam(ctx, "updated_since");
  return since ? records.filter((r) => r.updated_at.slice(0, 10) >= since) : records;
}

/** The expenses window: `from_date`/`to_date`, by default the current fiscal (calendar) year. */
export function dateWindow(ctx: RequestContext): { from: string; to: string } {
  const year = ctx.now.toISOString().slice(0, 4);
  return { from: dayParam(ctx, "from_date") ?? `${year}-01-01`, to: dayParam(ctx, "to_date") ?? `${year}-12-31` };
}

export const byNewest = <T extends { id: number }>(dateOf: (r: T) => string) => (a: T, b: T) => dateOf(b).localeCompare(dateOf(a)) || b.id - a.id;
