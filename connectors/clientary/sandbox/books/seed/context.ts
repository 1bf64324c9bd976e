import type { ClientaryBooks, Sequence } from "../types.js";
import { addDays, daysBetween, stampOn } from "./calendar.js";
import type { Random } from "./random.js";

/** What every seed step shares: the draws, the calendar window and the id sequences. */
export interface SeedContext {
  random: Random;
  today: string;
  /** First day of the seeded history (18 months before today). */
  start: string;
  books: ClientaryBooks;
}

export function nextId(books: ClientaryBooks, sequence: Sequence): number {
  books.sequences[sequence] = (books.sequences[sequence] ?? 0) + 1;
  return books.sequences[sequence];
}

/** A day in [from, to] (clamped to today). */
export function dayBetween(ctx: SeedContext, from: string, to: string = ctx.today): string {
  const span = Math.max(0, daysBetween(from, to < ctx.today ? to : ctx.today));
  return addDays(from, ctx.random.int(0, span));
}

/** created_at on `day`, updated_at on a day up to `maxLag` later (not after today), never before created_at. */
export function stamps(ctx: SeedContext, day: string, maxLag = 20) {
  const updated = dayBetween(ctx, day, addDays(day, maxLag));
  const created_at = stampOn(day, ctx.random.int(8, 17));
  const updated_at = stampOn(updated, ctx.random.int(8, 20));
  return { created_at, updated_at: updated_at < created_at ? created_at : updated_at };
}
