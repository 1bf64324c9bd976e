import { describe, expect, it } from "vitest";
import { fresh, NOW } from "../test-support.js";
import { addHistoryNotes, ARCHIVED_CONTACT_MESSAGE, duplicateNameMessage, writeContacts } from "./index.js";

const create = { now: NOW, mode: "create" } as const;
const upsert = { now: NOW, mode: "upsert" } as const;

describe("contact writes", () => {
  it("creates a contact with Xero's default slots and stamps it", () => {
    const books = fresh();
    const [result] = writeContacts(books, [{ Name: "Brand New Co", EmailAddress: "hi@brandnew.example", Phones: [{ PhoneType: "MOBILE", PhoneNumber: "555-1234" }] }], create);
    expect(result!.ok).toBe(true);
    const contact = books.contacts.find((c) => c.Name === "Brand New Co")!;
    expect(contact).toMatchObject({ ContactStatus: "ACTIVE", IsCustomer: false, IsSupplier: false, UpdatedDateUTC: NOW, HasValidationErrors: false });
    expect(contact.Addresses.map((a) => a.AddressType).sort()).toEqual(["POBOX", "STREET"]);
    expect(contact.Phones.map((p) => p.PhoneType).sort()).toEqual(["DDI", "DEFAULT", "FAX", "MOBILE"]);
    expect(books.history[contact.ContactID]![0]!.Changes).toBe("Created");
  });

  it("refuses a name already used by an active contact, in any case", () => {
    const books = fresh();
    const taken = books.contacts.find((c) => c.ContactStatus === "ACTIVE")!.Name;
    const [result] = writeContacts(books, [{ Name: taken.toUpperCase() }], create);
    expect(result).toMatchObject({ ok: false, errors: [duplicateNameMessage(taken.toUpperCase())] });
  });

  it("allows reusing an archived contact's name, and refuses bad emails and missing names", () => {
    const books = fresh();
    const archived = books.contacts.find((c) => c.ContactStatus === "ARCHIVED")!;
    expect(writeContacts(books, [{ Name: archived.Name }], create)[0]!.ok).toBe(true);
    expect(writeContacts(books, [{ Name: "X", EmailAddress: "nope" }], create)[0]).toMatchObject({ ok: false, errors: ["Email address must be valid."] });
    expect(writeContacts(books, [{ EmailAddress: "a@b.example" }], create)[0]!.ok).toBe(false);
  });

  it("updates by ContactID, renames documents' contact names, and archives", () => {
    const books = fresh();
    const contact = books.contacts.find((c) => c.ContactStatus === "ACTIVE" && books.invoices.some((i) => i.Contact.ContactID === c.ContactID))!;
    const [renamed] = writeContacts(books, [{ ContactID: contact.ContactID, Name: "Renamed Ltd" }], upsert);
    expect(renamed!.ok).toBe(true);
    expect(books.invoices.filter((i) => i.Contact.ContactID === contact.ContactID).every((i) => i.Contact.Name === "Renamed Ltd")).toBe(true);
    writeContacts(books, [{ ContactID: contact.ContactID, ContactStatus: "ARCHIVED" }], upsert);
    expect(contact.ContactStatus).toBe("ARCHIVED");
    expect(books.history[contact.ContactID]!.at(-1)!.Changes).toBe("Archived");
    expect(writeContacts(books, [{ ContactID: contact.ContactID, Name: "Again" }], upsert)[0]).toMatchObject({ ok: false, errors: [ARCHIVED_CONTACT_MESSAGE] });
  });

  it("refuses renaming onto another active contact and reports unknown ids as not found", () => {
    const books = fresh();
    const [a, b] = books.contacts.filter((c) => c.ContactStatus === "ACTIVE");
    expect(writeContacts(books, [{ ContactID: a!.ContactID, Name: b!.Name }], upsert)[0]).toMatchObject({ ok: false, errors: [duplicateNameMessage(b!.Name)] });
    expect(writeContacts(books, [{ ContactID: "00000000-0000-4000-8000-000000000001", Name: "Ghost" }], upsert)[0]).toMatchObject({ ok: false, notFound: true });
  });
});

describe("history notes", () => {
  it("adds a Note record and refuses unknown parents", () => {
    const books = fresh();
    const invoice = books.invoices[0]!;
    const [note] = addHistoryNotes(books, "Invoices", invoice.InvoiceID, [{ Details: "Called the customer" }], { now: NOW });
    expect(note).toEqual({ ok: true, record: { Changes: "Note", DateUTC: NOW, User: "System Generated", Details: "Called the customer" } });
    expect(books.history[invoice.InvoiceID]!.at(-1)!.Details).toBe("Called the customer");
    expect(addHistoryNotes(books, "Contacts", invoice.InvoiceID, [{ Details: "x" }], { now: NOW })[0])
      .toMatchObject({ ok: false, errors: ["The document with the supplied id was not found for this endpoint."] });
  });
});
