import { describe, expect, it } from "vitest";
import type { Contact as XeroContact } from "xero-node";
import { fromGlobalId } from "../../../src/ids/global-id.js";
import { fromWire } from "../testing/from-wire.js";
import { toUnifiedContact, toXeroContact } from "./to-contact.js";
import { toWireJson } from "./wire-json.js";
import { rawOf } from "../../../src/connector/raw.js";

const ctx = { organizationId: "org-1", now: new Date("2026-11-15T00:00:00Z") };
const emptySlots = {
  Addresses: [{ AddressType: "POBOX" }, { AddressType: "STREET" }],
  Phones: [{ PhoneType: "DEFAULT" }, { PhoneType: "DDI" }, { PhoneType: "FAX" }, { PhoneType: "MOBILE" }],
};
const map = (json: Record<string, unknown>) => toUnifiedContact(fromWire<XeroContact>({ ContactID: "c-1", Name: "Acme", ...json }, "Contact"), ctx);

describe("toUnifiedContact", () => {
  it.each([
    ["ACTIVE", "ACTIVE"],
    ["ARCHIVED", "ARCHIVED"],
    ["GDPRREQUEST", "ARCHIVED"],
    [undefined, "ACTIVE"],
  ])("status %s → %s", (status, expected) => {
    expect(map({ ContactStatus: status }).status).toBe(expected);
  });

  it("maps a full contact, composing phones and dropping Xero's empty slots", () => {
    const contact = map({
      FirstName: "Ada", LastName: "Lovelace", EmailAddress: "ada@acme.test", AccountNumber: "A-1", TaxNumber: "12-345",
      DefaultCurrency: "NZD", IsCustomer: true, IsSupplier: false, ContactStatus: "ACTIVE",
      UpdatedDateUTC: `/Date(${Date.parse("2026-10-02T03:04:05Z")}+0000)/`,
      Phones: [...emptySlots.Phones, { PhoneType: "MOBILE", PhoneNumber: "555 0100", PhoneAreaCode: "21", PhoneCountryCode: "64" }],
      Addresses: [...emptySlots.Addresses, { AddressType: "STREET", AddressLine1: "1 Main St", AddressLine2: "Level 2", AddressLine3: "Suite 4", City: "Auckland", PostalCode: "1010", Country: "NZ" }],
    });
    expect(fromGlobalId(contact.id)).toEqual({ organizationId: "org-1", type: "Contact", remoteId: "c-1" });
    expect(contact).toMatchObject({
      name: "Acme", firstName: "Ada", lastName: "Lovelace", email: "ada@acme.test", accountNumber: "A-1", taxNumber: "12-345",
      currency: "NZD", isCustomer: true, isSupplier: false, updatedAt: "2026-10-02T03:04:05.000Z",
      phones: [{ kind: "MOBILE", number: "+64 21 555 0100" }],
      addresses: [{ kind: "STREET", line1: "1 Main St", line2: "Level 2, Suite 4", city: "Auckland", region: null, postalCode: "1010", country: "NZ" }],
    });
    expect((rawOf(contact.raw) as Record<string, unknown>).EmailAddress).toBe("ada@acme.test");
  });

  it("tolerates a bare contact", () => {
    expect(map(emptySlots)).toMatchObject({
      firstName: null, lastName: null, email: null, accountNumber: null, taxNumber: null, currency: null,
      isCustomer: false, isSupplier: false, phones: [], addresses: [], updatedAt: null,
    });
  });
});

describe("toXeroContact", () => {
  it.each([
    [{ name: "Acme" }, { Name: "Acme" }],
    [{ name: "Acme", email: "a@b.test", firstName: "A", lastName: "B" }, { Name: "Acme", EmailAddress: "a@b.test", FirstName: "A", LastName: "B" }],
    [{ name: "Acme", email: null }, { Name: "Acme", EmailAddress: "" }],
    [{ name: "Acme", phones: [{ number: "555" }, { kind: "mobile", number: "021" }] },
      { Name: "Acme", Phones: [{ PhoneType: "DEFAULT", PhoneNumber: "555" }, { PhoneType: "MOBILE", PhoneNumber: "021" }] }],
    [{ name: "Acme", addresses: [{ line1: "1 Main St", city: "Auckland" }, { kind: "POBOX", line1: "PO Box 1" }] },
      { Name: "Acme", Addresses: [{ AddressType: "STREET", AddressLine1: "1 Main St", City: "Auckland" }, { AddressType: "POBOX", AddressLine1: "PO Box 1" }] }],
    [{ name: "Acme", accountNumber: "A-1", taxNumber: "T-1" }, { Name: "Acme", AccountNumber: "A-1", TaxNumber: "T-1" }],
  ])("%j → %j", (input, expected) => {
    expect(toWireJson(toXeroContact(input), "Contact")).toEqual(expected);
  });
});
