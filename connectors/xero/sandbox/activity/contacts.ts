/** New customers and suppliers arrive; existing ones change their details. */
import { writeContacts } from "../books/writes/index.js";
import { activeContactNamed } from "../books/writes/contacts.js";
import { pickOrNone } from "./choose.js";
import type { Action, ActionContext } from "./types.js";

const FIRST = ["Bluebird", "Copperline", "Harbourview", "Northgate", "Silverleaf", "Redwood", "Lakeside", "Summit", "Granite", "Willow", "Brightwater", "Ironbark"];
const SECOND = ["Joinery", "Dental", "Logistics", "Design Studio", "Bakery", "Engineering", "Florists", "Architects", "Fitness", "Print Co", "Plumbing", "Veterinary"];
const PEOPLE = [["Ana", "Lopes"], ["Tom", "Reilly"], ["Priya", "Nair"], ["Jonas", "Berg"], ["Mei", "Tanaka"], ["Sam", "Okafor"], ["Lucy", "Grant"], ["Omar", "Haddad"]] as const;

function uniqueName(ctx: ActionContext): string {
  const base = `${ctx.rng.pick(FIRST)} ${ctx.rng.pick(SECOND)}`;
  let name = base;
  for (let n = 2; activeContactNamed(ctx.books, name); n++) name = `${base} ${n}`;
  return name;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function phone(ctx: ActionContext): string {
  return `555-${String(ctx.rng.int(1000, 9999))}`;
}

export const createContact: Action = (ctx) => {
  const name = uniqueName(ctx);
  const [first, last] = ctx.rng.pick(PEOPLE);
  const contact = ctx.write(writeContacts, {
    Name: name, FirstName: first, LastName: last, EmailAddress: `accounts@${slug(name)}.example`,
    Phones: [{ PhoneType: "DEFAULT", PhoneNumber: phone(ctx) }],
  }, "create");
  return contact && { kind: "create-contact", entity: "Contact", id: contact.ContactID, status: contact.ContactStatus, summary: `new contact ${contact.Name}` };
};

export const updateContact: Action = (ctx) => {
  const contact = pickOrNone(ctx, ctx.books.contacts.filter((c) => c.ContactStatus === "ACTIVE"));
  if (!contact) return undefined;
  const [first, last] = ctx.rng.pick(PEOPLE);
  const change = ctx.rng.pick(["phone", "email", "person"] as const);
  const element = change === "phone"
    ? { Phones: [{ PhoneType: "DEFAULT", PhoneNumber: phone(ctx) }] }
    : change === "email"
      ? { EmailAddress: `${first.toLowerCase()}@${slug(contact.Name)}.example` }
      : { FirstName: first, LastName: last };
  const updated = ctx.write(writeContacts, { ContactID: contact.ContactID, ...element });
  return updated && { kind: "update-contact", entity: "Contact", id: updated.ContactID, status: updated.ContactStatus, summary: `${updated.Name}: new ${change}` };
};
