/**
 * Seeding is deterministic (same seed and day ⇒ deep-equal books) but takes a few hundred
 * milliseconds, so each process seeds a given (seed, today) once and hands out deep copies, each
 * held at the clock it is seeded at (as `seedBooks` with that `now` would give).
 */
import { seedBooks } from "../books/seed.js";
import { holdStampsAt, seedInstant } from "../books/seed/clock.js";
import type { XeroBooks } from "../books/types.js";

const MAX_ENTRIES = 4;
const pristine = new Map<string, XeroBooks>();

export function seededBooks(seed: number, today: string, now?: Date | string): XeroBooks {
  const key = `${seed}|${today}`;
  let books = pristine.get(key);
  if (!books) {
    books = seedBooks({ seed, today });
    if (pristine.size >= MAX_ENTRIES) pristine.delete(pristine.keys().next().value!);
    pristine.set(key, books);
  }
  return holdStampsAt(structuredClone(books), seedInstant(today, now));
}
