import type { TextLimit } from "../../src/server/input-limits.js";

/** Multi-line text the providers keep long (Xero: 4,000 characters for line, item and quote texts). */
const LONG_TEXT: TextLimit = { maxLength: 4_000, multiline: true };

/**
 * The string fields that differ from the default limits (1,000 characters on one line for strings,
 * 512 for ids; `src/server/input-limits.ts`), by schema coordinate. Building the schema fails if a
 * coordinate here names nothing, so this table cannot drift from the types.
 */
export const TEXT_LIMITS: Readonly<Record<string, TextLimit>> = {
  "LineInput.description": LONG_TEXT,
  "ItemInput.description": LONG_TEXT,
  "ExpenseInput.description": LONG_TEXT,
  "ExpenseUpdateInput.description": LONG_TEXT,
  "ProjectInput.description": LONG_TEXT,
  "TaskInput.description": LONG_TEXT,
  "TimeEntryInput.description": LONG_TEXT,
  "QuoteInput.summary": LONG_TEXT,
  "QuoteInput.terms": LONG_TEXT,
  "QuoteUpdateInput.summary": LONG_TEXT,
  "QuoteUpdateInput.terms": LONG_TEXT,
  "PurchaseOrderInput.deliveryAddress": { maxLength: 1_000, multiline: true },
  /** Xero keeps history notes of up to 2,500 characters (addNote says so too). */
  "Mutation.addNote(note:)": { maxLength: 2_500, multiline: true },
  "Mutation.addStock(note:)": { maxLength: 1_000, multiline: true },
  /** Endpoint URLs may be as long as `checkEndpointUrl` accepts (it names the field when one is longer). */
  "CreateWebhookEndpointInput.url": { maxLength: 2_048, multiline: false },
  "UpdateWebhookEndpointInput.url": { maxLength: 2_048, multiline: false },
};
