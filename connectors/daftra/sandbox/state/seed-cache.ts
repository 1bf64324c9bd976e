/**
 * Seeding takes a few hundred milliseconds, so each process seeds a (seed, day) once and hands out
 * deep copies, each held at the clock it is seeded at (as `seedBooks` with that `now` would give).
 */
import { seedBooks } from "../books/seed.js";
import { holdStampsAt, seedInstant } from "../books/seed/clock.js";
import type { DaftraBooks } from "../books/types.js";

const pristine = new Map<string, DaftraBooks>();

export function seededBooks(seed: number, today: string, now?: Date | string): DaftraBooks {
  const key = `${seed}|${today}`;
  let books = pristine.get(key);
  if (!books) {
    books = seedBooks(seed, today);
    if (pristine.size >= 4) pristine.delete(pristine.keys().next().value!);
    pristine.set(key, books);
  }
  return holdStampsAt(structuredClone(books), seedInstant(today, now));
}
