import type { XeroContact } from "../types.js";
import type { SeedContext } from "./context.js";

const STEMS = ["Acme", "Bayside", "Summit", "Harbor", "Pioneer", "Cedar", "Riverbend", "Northwind", "Bluebird", "Granite",
  "Maple", "Evergreen", "Silverline", "Redwood", "Lakeside", "Oakridge", "Brightway", "Coastal", "Ironwood", "Sunrise"];
const CUSTOMER_KINDS = ["Trading", "Logistics", "Dental", "Bakery", "Consulting", "Builders", "Design Studio", "Health Clinic",
  "Hardware", "Cafe", "Print Co", "Architects", "Fitness", "Law Group"];
const SUPPLIER_KINDS = ["Supplies", "Wholesale", "Utilities", "Office Products", "Leasing", "Insurance", "Telecom", "Freight", "Software"];
const FIRST = ["Maria", "James", "Aiko", "Daniel", "Priya", "Liam", "Sofia", "Noah", "Fatima", "Owen", "Grace", "Mateo", "Chloe", "Ethan"];
const LAST = ["Gonzalez", "Walker", "Tanaka", "Okafor", "Sharma", "Murphy", "Rossi", "Nguyen", "Haddad", "Jensen", "Kim", "Silva"];
const STREETS = ["Main St", "Oak Ave", "Pine Rd", "Harbor Blvd", "Market St", "Elm St", "Lake Dr", "Hill Rd"];
const CITIES: [string, string, string][] = [["Portland", "OR", "972"], ["Seattle", "WA", "981"], ["Boise", "ID", "837"],
  ["Sacramento", "CA", "958"], ["Denver", "CO", "802"], ["Austin", "TX", "787"]];

export type ContactRole = "customer" | "supplier" | "both";

export interface SeededContact { contact: XeroContact; role: ContactRole; archived: boolean }

const ROLES: [ContactRole, number][] = [["customer", 38], ["supplier", 16], ["both", 6]];
const ARCHIVED_EVERY = 15;

function uniqueName(ctx: SeedContext, taken: Set<string>, role: ContactRole): string {
  for (;;) {
    const name = role !== "supplier" && ctx.rng.chance(0.15)
      ? `${ctx.rng.pick(FIRST)} ${ctx.rng.pick(LAST)}`
      : `${ctx.rng.pick(STEMS)} ${ctx.rng.pick(role === "supplier" ? SUPPLIER_KINDS : CUSTOMER_KINDS)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function phoneNumber(ctx: SeedContext): string {
  return `555-${String(ctx.rng.int(100, 9999)).padStart(4, "0")}`;
}

function buildContact(ctx: SeedContext, name: string, role: ContactRole, index: number): XeroContact {
  const [city, region, zip] = ctx.rng.pick(CITIES);
  const first = ctx.rng.pick(FIRST), last = ctx.rng.pick(LAST);
  const domain = name.toLowerCase().replace(/[^a-z]+/g, "") + ".example";
  const street = `${ctx.rng.int(10, 990)} ${ctx.rng.pick(STREETS)}`;
  const postcode = zip + String(ctx.rng.int(1, 99)).padStart(2, "0");
  const area = String(ctx.rng.int(201, 989));
  const terms = ctx.rng.chance(0.5);
  return {
    ContactID: ctx.guid(),
    ContactNumber: ctx.rng.chance(0.4) ? `EXT-${1000 + index}` : undefined,
    AccountNumber: `${role === "supplier" ? "S" : "C"}${String(index + 1).padStart(4, "0")}`,
    ContactStatus: "ACTIVE",
    Name: name,
    FirstName: first,
    LastName: last,
    EmailAddress: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}`,
    ContactPersons: ctx.rng.chance(0.3)
      ? [{ FirstName: ctx.rng.pick(FIRST), LastName: last, EmailAddress: `accounts@${domain}`, IncludeInEmails: true }]
      : [],
    TaxNumber: ctx.rng.chance(0.3) ? `${ctx.rng.int(10, 99)}-${ctx.rng.int(1000000, 9999999)}` : undefined,
    Addresses: [
      { AddressType: "POBOX", AddressLine1: `PO Box ${ctx.rng.int(100, 9999)}`, City: city, Region: region, PostalCode: postcode, Country: "USA", AttentionTo: `${first} ${last}` },
      { AddressType: "STREET", AddressLine1: street, City: city, Region: region, PostalCode: postcode, Country: "USA" },
    ],
    Phones: [
      { PhoneType: "DEFAULT", PhoneNumber: phoneNumber(ctx), PhoneAreaCode: area, PhoneCountryCode: "1" },
      { PhoneType: "DDI" },
      { PhoneType: "FAX", ...(ctx.rng.chance(0.2) ? { PhoneNumber: phoneNumber(ctx), PhoneAreaCode: area, PhoneCountryCode: "1" } : {}) },
      { PhoneType: "MOBILE", ...(ctx.rng.chance(0.5) ? { PhoneNumber: phoneNumber(ctx), PhoneAreaCode: area, PhoneCountryCode: "1" } : {}) },
    ],
    IsSupplier: false,
    IsCustomer: false,
    DefaultCurrency: "USD",
    PaymentTerms: terms
      ? role === "supplier"
        ? { Bills: { Day: ctx.rng.pick([14, 30]), Type: "DAYSAFTERBILLDATE" } }
        : { Sales: { Day: ctx.rng.pick([7, 14, 30]), Type: "DAYSAFTERBILLDATE" } }
      : undefined,
    Website: `https://www.${domain}`,
    HasAttachments: false,
    HasValidationErrors: false,
    UpdatedDateUTC: ctx.stamp(ctx.start),
  };
}

/** 60 contacts: customers, suppliers, some both; every 15th ends up archived. */
export function seedContacts(ctx: SeedContext): SeededContact[] {
  const taken = new Set<string>();
  const roles = ROLES.flatMap(([role, n]) => Array.from({ length: n }, () => role));
  return roles.map((role, index) => {
    const contact = buildContact(ctx, uniqueName(ctx, taken, role), role, index);
    for (const key of Object.keys(contact) as (keyof XeroContact)[]) if (contact[key] === undefined) delete contact[key];
    return { contact, role, archived: index % ARCHIVED_EVERY === ARCHIVED_EVERY - 1 };
  });
}

/** A named counterparty used by the banking seed (owner, payroll provider, landlord, ...). */
export function seedParty(ctx: SeedContext, name: string, index: number): XeroContact {
  const contact = buildContact(ctx, name, "supplier", index);
  delete contact.PaymentTerms;
  delete contact.ContactNumber;
  return contact;
}

export function activeContacts(pool: SeededContact[]): SeededContact[] {
  return pool.filter((c) => !c.archived);
}
