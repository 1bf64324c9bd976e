import type { ContactRecord, PartyRecord, StaffRecord } from "../types.js";
import { addDays } from "./calendar.js";
import { dayBetween, nextId, stamps, type SeedContext } from "./context.js";
import { CITIES, COMPANY_KINDS, COMPANY_STEMS, FIRST_NAMES, LAST_NAMES, STAFF } from "./names.js";

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");

export function seedStaff(ctx: SeedContext): void {
  for (const [name, title] of STAFF) {
    const [first] = name.split(" ");
    ctx.books.staff.push({
      id: nextId(ctx.books, "staff"), ...stamps(ctx, ctx.start, 0), name, title, email: `${slug(first!)}@brightpixel.example`,
      phone: null, mobile: `555-01${ctx.random.int(10, 99)}`, ext: null, avatar: null,
    } satisfies StaffRecord);
  }
}

function party(ctx: SeedContext, index: number, day: string, status: number): PartyRecord {
  const { random } = ctx;
  const [city, state, zip] = random.pick(CITIES);
  const name = `${COMPANY_STEMS[index % COMPANY_STEMS.length]} ${random.pick(COMPANY_KINDS)}`;
  return {
    id: nextId(ctx.books, "client"), ...stamps(ctx, day, 540), number: String(1000 + index), name,
    address: `${random.int(10, 980)} ${random.pick(["Main", "Oak", "Pine", "Elm", "Market"])} St`, address_2: random.chance(0.2) ? `Suite ${random.int(100, 400)}` : null,
    city, state, zip, country: "United States", website: random.chance(0.7) ? `https://${slug(name)}.example` : null,
    description: null, invoice_extra_fields: null, status,
  };
}

function contactsFor(ctx: SeedContext, owner: PartyRecord, count: number): ContactRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const first = ctx.random.pick(FIRST_NAMES);
    const last = ctx.random.pick(LAST_NAMES);
    return {
      id: nextId(ctx.books, "contact"), client_id: owner.id, ...stamps(ctx, owner.created_at.slice(0, 10), 60),
      name: `${first} ${last}`, email: `${slug(first)}.${slug(last)}@${slug(owner.name)}.example`,
      title: i === 0 ? ctx.random.pick(["Owner", "Office Manager", "Marketing Lead"]) : null,
      phone: `555-${ctx.random.int(200, 999)}-${ctx.random.int(1000, 9999)}`, mobile: ctx.random.chance(0.5) ? `555-${ctx.random.int(200, 999)}-${ctx.random.int(1000, 9999)}` : null,
      ext: null, avatar: null,
    };
  });
}

/** ~30 clients (a few archived), ~10 leads, and one to three contacts each. */
export function seedParties(ctx: SeedContext, clients = 30, leads = 10): void {
  for (let i = 0; i < clients; i++) {
    const client = party(ctx, i, dayBetween(ctx, ctx.start, addDays(ctx.start, 300)), i % 11 === 10 ? 2 : 1);
    ctx.books.clients.push(client);
    ctx.books.contacts.push(...contactsFor(ctx, client, ctx.random.int(1, 3)));
  }
  for (let i = 0; i < leads; i++) {
    const lead = party(ctx, clients + i, dayBetween(ctx, addDays(ctx.today, -120)), 1);
    ctx.books.leads.push(lead);
    ctx.books.contacts.push(...contactsFor(ctx, lead, 1));
  }
}
