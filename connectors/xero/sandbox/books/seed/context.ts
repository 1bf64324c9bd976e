import { addMonths } from "../dates.js";
import type { XeroAccount, XeroBooks, XeroContact, XeroHistoryRecord } from "../types.js";
import { SeedRandom } from "./prng.js";

export const SEED_USER = "Demo User";

/** What every seeding step shares: the random stream, the books being built and the calendar. */
export class SeedContext {
  readonly rng: SeedRandom;
  /** First day of seeded history (18 months before `today`). */
  readonly start: string;

  constructor(seed: number, readonly today: string, readonly books: XeroBooks) {
    this.rng = new SeedRandom(seed);
    this.start = addMonths(today, -18);
  }

  guid(): string {
    return this.rng.guid();
  }

  /** A timestamp during `date` (business hours), never later than the start of `today`'s morning. */
  stamp(date: string): string {
    const onToday = date >= this.today;
    const day = onToday ? this.today : date;
    const seconds = onToday ? this.rng.int(0, 6 * 3600 - 1) : this.rng.int(8 * 3600, 18 * 3600 - 1);
    const ms = this.rng.int(0, 999);
    const hh = String(Math.floor(seconds / 3600)).padStart(2, "0");
    const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
    const ss = String(seconds % 60).padStart(2, "0");
    return `${day}T${hh}:${mm}:${ss}.${String(ms).padStart(3, "0")}Z`;
  }

  /** Appends a history record for `parentId` (kept in time order) and returns its timestamp. */
  history(parentId: string, date: string, changes: string, details: string): string {
    const records = (this.books.history[parentId] ??= []);
    const previous = records[records.length - 1]?.DateUTC;
    let stamp = this.stamp(date);
    if (previous && stamp <= previous) stamp = new Date(Date.parse(previous) + 1000).toISOString();
    records.push({ Changes: changes, DateUTC: stamp, User: SEED_USER, Details: details } satisfies XeroHistoryRecord);
    return stamp;
  }

  account(code: string): XeroAccount {
    const account = this.books.accounts.find((a) => a.Code === code);
    if (!account) throw new Error(`seed: no account ${code}`);
    return account;
  }

  /** Issues the next document number for a prefix ("INV" gives "INV-0001", ...). */
  nextNumber(prefix: string): string {
    const n = (this.books.sequences[prefix] ?? 0) + 1;
    this.books.sequences[prefix] = n;
    return `${prefix}-${String(n).padStart(4, "0")}`;
  }

  /** A date uniformly within [from, to] (both "YYYY-MM-DD"). */
  dateBetween(from: string, to: string): string {
    const a = Date.parse(from), b = Date.parse(to);
    if (b <= a) return from;
    const days = Math.round((b - a) / 86_400_000);
    return new Date(a + this.rng.int(0, days) * 86_400_000).toISOString().slice(0, 10);
  }

  contactRef(contact: XeroContact) {
    return { ContactID: contact.ContactID, Name: contact.Name };
  }
}
