import { describe, expect, it } from "vitest";
import { ENTITY_NAMES } from "../connector/entities.js";
import { columnsOf, defaultArchivedRule, normaliseInstant, sortOf, sortValueOf } from "./columns.js";

describe("sortOf", () => {
  it("lists documents newest first and everything else by name", () => {
    const documents = ["Invoice", "Bill", "CreditNote", "Quote", "PurchaseOrder", "Payment", "BankTransaction", "Expense", "TimeEntry"];
    for (const entity of ENTITY_NAMES) {
      expect(sortOf(entity)).toEqual(documents.includes(entity) ? { key: "date", direction: "desc" } : { key: "name", direction: "asc" });
    }
  });

  it("stores the date or the lower-cased name, never null", () => {
    expect(sortValueOf("Invoice", { date: "2024-01-02", name: "X" })).toBe("2024-01-02");
    expect(sortValueOf("Invoice", { date: null, name: "X" })).toBe("");
    expect(sortValueOf("Contact", { date: null, name: "ÉCOLE Acme" })).toBe("école acme");
    expect(sortValueOf("Contact", { date: null, name: null })).toBe("");
  });
});

describe("columnsOf", () => {
  it("reads an invoice: number, status, contact, issue date, normalised updatedAt, search text", () => {
    const columns = columnsOf("Invoice", {
      remoteId: "i1",
      number: "INV-001",
      reference: "PO 77",
      status: "AUTHORISED",
      issueDate: "2024-05-01",
      updatedAt: "2024-05-02T12:00:00+02:00",
      contactRef: { remoteId: "c9", name: "Acme Ltd" },
    });
    expect(columns).toEqual({
      status: "AUTHORISED",
      contactRemoteId: "c9",
      date: "2024-05-01",
      updatedAt: "2024-05-02T10:00:00.000Z",
      number: "INV-001",
      name: null,
      email: null,
      phone: null,
      searchText: "inv-001\npo 77\nacme ltd",
      archived: false,
    });
  });

  it("reads a contact: name, email, first phone, account number; ARCHIVED hides it by default", () => {
    const columns = columnsOf("Contact", {
      remoteId: "c1",
      name: "Jane Doe Trading",
      firstName: "Jane",
      email: "Jane@Example.com",
      accountNumber: "CUST-7",
      status: "ARCHIVED",
      phones: [{ kind: "DEFAULT", number: "+1 555 0100" }, { kind: "MOBILE", number: "+1 555 0199" }],
    });
    expect(columns).toMatchObject({ name: "Jane Doe Trading", email: "Jane@Example.com", phone: "+1 555 0100", number: "CUST-7", status: "ARCHIVED", archived: true, date: null });
    expect(columns.searchText).toContain("jane@example.com");
    expect(columns.searchText).toContain("+1 555 0199");
  });

  it("takes payments', expenses' and time entries' date from `date`, and items' number from `code`", () => {
    expect(columnsOf("Payment", { date: "2024-01-03", contactRef: { remoteId: "c2" }, status: "DELETED", reference: "R1" })).toMatchObject({
      date: "2024-01-03",
      contactRemoteId: "c2",
      archived: true,
      searchText: "r1",
    });
    expect(columnsOf("Expense", { date: "2024-01-04T08:00:00Z" }).date).toBe("2024-01-04");
    expect(columnsOf("TimeEntry", { date: "2024-01-05" }).date).toBe("2024-01-05");
    expect(columnsOf("Item", { code: "SKU-1", name: "Widget" })).toMatchObject({ number: "SKU-1", name: "Widget", date: null, searchText: "widget\nsku-1" });
    expect(columnsOf("Project", { name: "P", startDate: "2024-01-01" }).date).toBeNull();
  });

  it("uses the archived rule it is given instead of the default", () => {
    const voided = { status: "VOIDED", issueDate: "2024-01-01" };
    expect(columnsOf("Invoice", voided).archived).toBe(false);
    expect(columnsOf("Invoice", voided, (record) => record.status === "VOIDED").archived).toBe(true);
    expect(defaultArchivedRule({ status: "deleted" })).toBe(true);
    expect(defaultArchivedRule({})).toBe(false);
  });

  it("tolerates missing and odd fields", () => {
    expect(columnsOf("Contact", { name: "", phones: "nope", contactRef: "x", updatedAt: "not a date" })).toEqual({
      status: null,
      contactRemoteId: null,
      date: null,
      updatedAt: null,
      number: null,
      name: null,
      email: null,
      phone: null,
      searchText: "",
      archived: false,
    });
  });
});

describe("normaliseInstant", () => {
  it("spells every instant as ISO UTC with milliseconds, so text order is time order", () => {
    expect(normaliseInstant("2024-05-01T10:00:00Z")).toBe("2024-05-01T10:00:00.000Z");
    expect(normaliseInstant("2024-05-01T10:00:00.5+01:00")).toBe("2024-05-01T09:00:00.500Z");
    expect(normaliseInstant("2024-05-01")).toBe("2024-05-01T00:00:00.000Z");
    expect(normaliseInstant("")).toBeNull();
    expect(normaliseInstant(null)).toBeNull();
    expect(normaliseInstant("soon")).toBeNull();
  });
});
