/** Shapes shared by the activity simulator and its actions. */
import type { SeedRandom } from "../books/seed/prng.js";
import type { WriteOptions, WriteResult, XeroBooks } from "../books/types.js";

export type ActivityKind =
  | "create-contact" | "update-contact"
  | "create-invoice" | "create-bill" | "edit-draft" | "approve-draft" | "void-invoice" | "delete-draft"
  | "record-payment" | "create-quote" | "create-credit-note" | "spend-money" | "receive-money";

/** The Accounting API resource an action wrote (bills are Invoices, as in Xero). */
export type ActivityEntity = "Contact" | "Invoice" | "Payment" | "Quote" | "CreditNote" | "BankTransaction";

export interface ActivityAction {
  kind: ActivityKind;
  entity: ActivityEntity;
  /** The record's id: GET /api.xro/2.0/{entity}s/{id} shows it. */
  id: string;
  /** The record's status right after the action, for records that have one. */
  status?: string;
  /** What happened, in words (no ids, so runs with the same seed read the same). */
  summary: string;
}

/** What an action works with: the live books, the simulator's random stream and the sandbox clock. */
export interface ActionContext {
  books: XeroBooks;
  rng: SeedRandom;
  /** ISO timestamp of this step (stamps UpdatedDateUTC and history). */
  now: string;
  /** Its date, "YYYY-MM-DD": new documents, payments and bank lines are dated today. */
  today: string;
  /** Runs one element through a books write rule; the record when kept, undefined (and counted) when refused. */
  write<T>(rule: (books: XeroBooks, elements: unknown[], opts: WriteOptions) => WriteResult<T>[], element: object, mode?: WriteOptions["mode"]): T | undefined;
}

/** An action does one realistic thing, or answers undefined when the books offer nothing to do it to. */
export type Action = (ctx: ActionContext) => ActivityAction | undefined;
