/** Which writes become webhook events, straight over the books' write rules. */
import { describe, expect, it } from "vitest";
import { fresh, NOW } from "../books/test-support.js";
import { addHistoryNotes, writeContacts, writeInvoices, writePayments } from "../books/writes/index.js";
import { writeAllocations, writeCreditNotes } from "../books/writes/index.js";
import { ChangeTracker } from "./change-tracker.js";

const opts = { now: NOW, mode: "upsert" as const };
const later = { now: "2026-03-15T12:05:00.000Z", mode: "upsert" as const };

function setup() {
  const books = fresh();
  const tracker = new ChangeTracker(() => books);
  const customer = books.contacts.find((c) => c.ContactStatus === "ACTIVE" && c.IsCustomer)!;
  return { books, tracker, customer };
}

const line = { Description: "Work", Quantity: 1, UnitAmount: 100, AccountCode: "200" };
const brief = (changes: ReturnType<ChangeTracker["collect"]>) => changes.map((c) => `${c.category} ${c.eventType}`);

describe("change tracker", () => {
  it("reports nothing for the books as they were", () => {
    expect(setup().tracker.collect()).toEqual([]);
  });

  it("an invoice naming a new contact creates both, the contact first", () => {
    const { books, tracker } = setup();
    const [result] = writeInvoices(books, [{ Type: "ACCREC", Contact: { Name: "Brand New Ltd" }, Status: "DRAFT", LineItems: [line] }], opts);
    expect(result!.ok).toBe(true);
    expect(brief(tracker.collect())).toEqual(["CONTACT CREATE", "INVOICE CREATE"]);
    expect(tracker.collect()).toEqual([]);
  });

  it("a payment updates its invoice, even within the same millisecond; a note does not", () => {
    const { books, tracker, customer } = setup();
    const [created] = writeInvoices(books, [{ Type: "ACCREC", Contact: { ContactID: customer.ContactID }, Status: "AUTHORISED", Date: "2026-03-15", DueDate: "2026-04-01", LineItems: [line] }], opts);
    const invoice = created!.ok ? created.record : undefined;
    tracker.collect();
    writePayments(books, [{ Invoice: { InvoiceID: invoice!.InvoiceID }, Account: { Code: "090" }, Date: "2026-03-15", Amount: 10 }], opts);
    expect(tracker.collect()).toEqual([{ category: "INVOICE", resourceId: invoice!.InvoiceID, eventType: "UPDATE" }]);
    addHistoryNotes(books, "Invoices", invoice!.InvoiceID, [{ Details: "Chased by phone." }], later);
    expect(tracker.collect()).toEqual([]);
  });

  it("renaming a contact updates the contact only; documents showing its name are not announced", () => {
    const { books, tracker, customer } = setup();
    writeContacts(books, [{ ContactID: customer.ContactID, Name: `${customer.Name} Group` }], later);
    expect(tracker.collect()).toEqual([{ category: "CONTACT", resourceId: customer.ContactID, eventType: "UPDATE" }]);
  });

  it("credit notes carry their type and status; applying one updates the note and the invoice", () => {
    const { books, tracker, customer } = setup();
    const [inv] = writeInvoices(books, [{ Type: "ACCREC", Contact: { ContactID: customer.ContactID }, Status: "AUTHORISED", Date: "2026-03-15", DueDate: "2026-04-01", LineItems: [line] }], opts);
    const [cn] = writeCreditNotes(books, [{ Type: "ACCRECCREDIT", Contact: { ContactID: customer.ContactID }, Status: "AUTHORISED", Date: "2026-03-15", LineItems: [{ ...line, UnitAmount: 20 }] }], opts);
    const note = cn!.ok ? cn.record : undefined;
    expect(tracker.collect().at(-1)).toEqual({ category: "CREDITNOTE", resourceId: note!.CreditNoteID, eventType: "CREATE", data: { Type: "ACCRECCREDIT", Status: "AUTHORISED" } });
    writeAllocations(books, note!, [{ Invoice: { InvoiceID: inv!.ok ? inv.record.InvoiceID : "" }, Amount: 22, Date: "2026-03-15" }], later);
    expect(tracker.collect().map((c) => [c.category, c.eventType, c.data?.Status])).toEqual([["INVOICE", "UPDATE", undefined], ["CREDITNOTE", "UPDATE", "PAID"]]);
  });
});
