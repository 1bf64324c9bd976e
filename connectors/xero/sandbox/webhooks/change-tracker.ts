/**
 * Finds which contacts, invoices (sales and bills) and credit notes a write created or changed, by
 * comparing each record with the last look: a record not seen before was created; one whose
 * UpdatedDateUTC moved, or that gained audit history (a status change, a payment, an applied
 * credit), was updated. History notes alone do not count, and neither do side effects Xero leaves
 * UpdatedDateUTC alone for (a contact becoming a customer, a renamed contact shown on documents).
 * Because it looks at the books after a write has been kept, a batch undone by a validation error
 * never produces an event.
 */
import type { CreditNoteType, DocumentStatus, XeroBooks } from "../books/types.js";
import type { WebhookCategory, WebhookEventType } from "./payload.js";

export interface RecordChange {
  category: WebhookCategory;
  resourceId: string;
  eventType: WebhookEventType;
  data?: { Type: CreditNoteType; Status: DocumentStatus };
}

interface Watched {
  category: WebhookCategory;
  id: string;
  updated: string;
  data?: RecordChange["data"];
}

/** Contacts first, so a contact created along with a document is announced before it. */
function* watched(books: XeroBooks): Generator<Watched> {
  for (const c of books.contacts) yield { category: "CONTACT", id: c.ContactID, updated: c.UpdatedDateUTC };
  for (const i of books.invoices) yield { category: "INVOICE", id: i.InvoiceID, updated: i.UpdatedDateUTC };
  for (const n of books.creditNotes) {
    yield { category: "CREDITNOTE", id: n.CreditNoteID, updated: n.UpdatedDateUTC, data: { Type: n.Type, Status: n.Status } };
  }
}

function auditedChanges(books: XeroBooks, id: string): number {
  let count = 0;
  for (const record of books.history[id] ?? []) if (record.Changes !== "Note") count++;
  return count;
}

export class ChangeTracker {
  private seen = new Map<string, string>();

  constructor(private readonly books: () => XeroBooks) {
    this.reset();
  }

  /** Takes the current books as the baseline, without reporting anything. */
  reset(): void {
    this.seen.clear();
    this.collect();
  }

  /** What changed since the last call, in a stable order. */
  collect(): RecordChange[] {
    const books = this.books();
    const changes: RecordChange[] = [];
    for (const record of watched(books)) {
      const fingerprint = `${record.updated}#${auditedChanges(books, record.id)}`;
      const before = this.seen.get(record.id);
      if (before === fingerprint) continue;
      this.seen.set(record.id, fingerprint);
      changes.push({
        category: record.category,
        resourceId: record.id,
        eventType: before === undefined ? "CREATE" : "UPDATE",
        ...(record.data ? { data: record.data } : {}),
      });
    }
    return changes;
  }
}
