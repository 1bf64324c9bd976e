/** What the activity simulator does and reports. */
import type { Prng } from "../books/prng.js";
import type { DaftraBooks } from "../books/types.js";
import type { WriteOutcome } from "../books/writes/index.js";

export type ActivityKind = "created" | "updated" | "deleted";

/** The record an action touched, named as Daftra's API paths name it (`/invoice_payments` → "invoice_payment"). */
export type ActivityEntity = "client" | "invoice" | "invoice_payment" | "estimate" | "product" | "stock_transaction" | "expense";

/** One thing the simulated business did: `{ kind: "updated", entity: "product", id: 12 }`. */
export interface ActivityRecord {
  kind: ActivityKind;
  entity: ActivityEntity;
  id: number;
}

/** What an action works with during one step. */
export interface ActivityContext {
  books: DaftraBooks;
  /** This step's draws (keyed on the seed and the step number). */
  rng: Prng;
  /** The sandbox clock at this step. */
  now: Date;
  /** The sandbox clock's day, YYYY-MM-DD. */
  today: string;
}

/** One kind of business action; `run` answers undefined when there is nothing to act on (no draft to delete, say). */
export interface ActivityAction {
  name: string;
  /** Relative likelihood among all actions. */
  weight: number;
  run(ctx: ActivityContext): ActivityRecord | undefined;
}

/**
 * The record a write made or changed. Actions only ask for writes Daftra's rules allow, so a refusal
 * is a fault in the action and throws (the timer skips that step; a test sees it).
 */
export function recorded(kind: ActivityKind, entity: ActivityEntity, outcome: WriteOutcome): ActivityRecord {
  if ("id" in outcome) return { kind, entity, id: outcome.id };
  throw new Error(`The sandbox refused a simulated ${entity} ${kind.replace(/d$/, "")}: ${JSON.stringify(outcome)}`);
}

/**
 * The time to stamp an edit with: the step's time, or one second past the record's `modified` when
 * that is not earlier (stamps have whole seconds), so an edited record's `modified` always moves.
 */
export function editTime(now: Date, modified: string): Date {
  const last = Date.parse(`${modified.replace(" ", "T")}Z`);
  return Number.isNaN(last) || now.getTime() >= last + 1000 ? now : new Date(last + 1000);
}
