import type { ClientaryBooks } from "../books/types.js";
import type { Random } from "../books/seed/random.js";

/** The collections the simulator writes to, as they are named in the books. */
export type ActivityEntity = "client" | "lead" | "contact" | "staff" | "project" | "task" | "hour" | "estimate" | "invoice" | "payment" | "expense";

/** What the simulator can do, one business action a step. */
export type ActivityKind =
  | "client.created" | "lead.created" | "staff.created" | "project.created" | "task.created" | "hours.logged" | "estimate.created"
  | "invoice.created" | "invoice.sent" | "invoice.updated" | "invoice.deleted" | "payment.received" | "expense.created";

/** One record an action wrote: a step answers its action's main record first, then any it wrote beside it (a new client's contact). */
export interface ActivityChange {
  kind: ActivityKind;
  entity: ActivityEntity;
  id: number;
}

/** What every action shares: the live books, the simulator's own draws, and the sandbox clock. */
export interface ActivityContext {
  books: ClientaryBooks;
  random: Random;
  /** The sandbox clock, now. */
  now(): Date;
  /** The sandbox clock, but at least a second after `stamp`: an update always moves a record's `updated_at` forward. */
  after(stamp: string): Date;
  /** The sandbox clock's day, "YYYY-MM-DD". */
  today(): string;
}

export interface ActivityAction {
  kind: ActivityKind;
  /** Relative frequency among the actions that can run. */
  weight: number;
  /** Whether the books allow it now (a draft to delete, a plan with room for one more client). */
  possible(ctx: ActivityContext): boolean;
  run(ctx: ActivityContext): ActivityChange[];
}

export function activityContext(books: ClientaryBooks, random: Random, clock: () => Date): ActivityContext {
  return {
    books,
    random,
    now: clock,
    after: (stamp) => new Date(Math.max(clock().getTime(), Date.parse(stamp) + 1000)),
    today: () => clock().toISOString().slice(0, 10),
  };
}

/** A pick among `items` matching `keep`, or undefined when none does. */
export function pickWhere<T>(ctx: ActivityContext, items: readonly T[], keep: (item: T) => boolean): T | undefined {
  const candidates = items.filter(keep);
  return candidates.length ? ctx.random.pick(candidates) : undefined;
}

export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");
