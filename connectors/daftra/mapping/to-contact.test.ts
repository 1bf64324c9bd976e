import { describe, expect, it } from "vitest";
import { fromGlobalId } from "../../../src/ids/global-id.js";
import { rawOf } from "../../../src/connector/raw.js";
import { toDaftraParty, toUnifiedContact, type PartyKind } from "./to-contact.js";
import { partySchema } from "./wire-schemas.js";

const ctx = { organizationId: "org-1", now: new Date("2026-11-15T00:00:00Z") };
const map = (wire: Record<string, unknown>, kind: PartyKind = "client") => toUnifiedContact(partySchema.parse({ id: "12", ...wire }), kind, ctx);

describe("toUnifiedContact", () => {
  it.each([
    [{ business_name: "Haddad Trading" }, "client", "Haddad Trading", true, false],
    [{ business_name: "", first_name: "Sara", last_name: "Aziz" }, "client", "Sara Aziz", true, false],
    [{ business_name: null }, "supplier", "supplier 12", false, true],
  ] as const)("%j as %s → %s", (wire, kind, name, isCustomer, isSupplier) => {
    expect(map(wire, kind)).toMatchObject({ name, isCustomer, isSupplier, status: "ACTIVE", remoteId: `${kind}:12` });
  });

  it("maps a full client, reading numbers sent as numbers", () => {
    const contact = map({
      id: 12, client_number: "0000012", type: 3, business_name: "Haddad Trading", first_name: "Omar", last_name: "Haddad",
      email: "omar@example.com", phone1: "+966500000000", address1: "1 King Fahd Road", city: "Riyadh", state: "Riyadh",
      postal_code: 11564, country_code: "SA", default_currency_code: "SAR", bn1: "300000000000003", modified: "2026-10-02 03:04:05",
    });
    expect(fromGlobalId(contact.id)).toEqual({ organizationId: "org-1", type: "Contact", remoteId: "client:12" });
    expect(contact).toMatchObject({
      accountNumber: "0000012", taxNumber: "300000000000003", currency: "SAR", email: "omar@example.com",
      phones: [{ kind: "PRIMARY", number: "+966500000000" }], updatedAt: "2026-10-02T03:04:05.000Z",
      addresses: [{ line1: "1 King Fahd Road", city: "Riyadh", region: "Riyadh", postalCode: "11564", country: "SA" }],
    });
    expect((rawOf(contact.raw) as Record<string, unknown>).client_number).toBe("0000012");
  });

  it("tolerates a bare record", () => {
    expect(map({})).toMatchObject({ email: null, phones: [], addresses: [], updatedAt: null, accountNumber: null });
  });
});

describe("toDaftraParty", () => {
  it.each([
    [{ name: "Acme" }, "client", { Client: { type: 3, business_name: "Acme" } }],
    [{ name: "Acme", firstName: "Ada", lastName: "L" }, "client", { Client: { type: 2, business_name: "Acme", first_name: "Ada", last_name: "L" } }],
    [{ name: "Acme", email: null, accountNumber: "S-1" }, "supplier", { Supplier: { type: 3, business_name: "Acme", email: "", supplier_number: "S-1" } }],
    [{ name: "Acme", phones: [{ number: "1" }, { number: "2" }, { number: "3" }], addresses: [{ line1: "A", city: "B", country: "SA" }] }, "client",
      { Client: { type: 3, business_name: "Acme", phone1: "1", phone2: "2", address1: "A", city: "B", country_code: "SA" } }],
  ] as const)("%j as %s → %j", (input, kind, expected) => {
    expect(toDaftraParty(input as never, kind)).toEqual(expected);
  });
});
