import type { ClientaryBooks, Sequence } from "./types.js";
import { addDays } from "./seed/calendar.js";
import { holdStampsAt, seedInstant } from "./seed/clock.js";
import { seedExpenses } from "./seed/expenses.js";
import { seedParties, seedStaff } from "./seed/parties.js";
import { seededRandom } from "./seed/random.js";
import { seedEstimates, seedInvoices } from "./seed/sales.js";
import { seedWork } from "./seed/work.js";

const SEQUENCES: Sequence[] = ["client", "contact", "project", "task", "hour", "staff", "estimate", "invoice", "item", "payment", "expense", "message"];

/**
 * Demo books of a small design agency: same seed, today and clock ⇒ the same books. `now` is the
 * sandbox clock when seeding: no record is stamped later (held within `today`; default its end).
 */
export function seedBooks(seed: number, today: string, now?: Date | string): ClientaryBooks {
  const books: ClientaryBooks = {
    seed, today, account: { name: "Bright Pixel Studio", currency: "USD", planLimits: { clients: 200, leads: 100, contacts: 500 } },
    sequences: Object.fromEntries(SEQUENCES.map((s) => [s, 0])) as Record<Sequence, number>,
    clients: [], leads: [], contacts: [], staff: [], projects: [], tasks: [], hours: [], estimates: [], invoices: [], payments: [], expenses: [], messages: [],
  };
  const ctx = { random: seededRandom(seed), today, start: addDays(today, -548), books };
  seedStaff(ctx);
  seedParties(ctx);
  seedWork(ctx);
  seedEstimates(ctx);
  seedInvoices(ctx);
  seedExpenses(ctx);
  return holdStampsAt(books, seedInstant(today, now));
}
