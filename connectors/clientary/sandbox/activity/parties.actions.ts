/** New clients, leads (each with a first contact) and staff, through the books' own writes. */
import type { PartyRecord } from "../books/types.js";
import { CITIES, COMPANY_KINDS, COMPANY_STEMS, FIRST_NAMES, LAST_NAMES } from "../books/seed/names.js";
import { createContact, createParty } from "../books/writes/clients.js";
import { createStaff } from "../books/writes/staff.js";
import { slug, type ActivityAction, type ActivityChange, type ActivityContext } from "./context.js";

const STAFF_TITLES = ["Designer", "Developer", "Copywriter", "Project Manager", "Illustrator", "Marketing Specialist"] as const;
/** A small agency: hiring stops at this size. */
const MAX_STAFF = 20;

function personName(ctx: ActivityContext) {
  const first = ctx.random.pick(FIRST_NAMES);
  const last = ctx.random.pick(LAST_NAMES);
  return { first, last, name: `${first} ${last}` };
}

function partyBody(ctx: ActivityContext) {
  const { random } = ctx;
  const [city, state, zip] = random.pick(CITIES);
  const name = `${random.pick(COMPANY_STEMS)} ${random.pick(COMPANY_KINDS)}`;
  return {
    name, address: `${random.int(10, 980)} ${random.pick(["Main", "Oak", "Pine", "Elm", "Market"])} St`, city, state, zip, country: "United States",
    website: random.chance(0.7) ? `https://${slug(name)}.example` : null,
  };
}

function firstContact(ctx: ActivityContext, owner: PartyRecord, kind: ActivityChange["kind"]): ActivityChange {
  const { first, last, name } = personName(ctx);
  const contact = createContact(ctx.books, owner, {
    name, email: `${slug(first)}.${slug(last)}@${slug(owner.name)}.example`, title: ctx.random.pick(["Owner", "Office Manager", "Marketing Lead"]),
    phone: `555-${ctx.random.int(200, 999)}-${ctx.random.int(1000, 9999)}`,
  }, ctx.now());
  return { kind, entity: "contact", id: contact.id };
}

const roomFor = (ctx: ActivityContext, kind: "clients" | "leads") =>
  ctx.books[kind].length < ctx.books.account.planLimits[kind] && ctx.books.contacts.length < ctx.books.account.planLimits.contacts;

function newParty(kind: "clients" | "leads"): ActivityAction["run"] {
  const change = kind === "clients" ? ({ kind: "client.created", entity: "client" } as const) : ({ kind: "lead.created", entity: "lead" } as const);
  return (ctx) => {
    const party = createParty(ctx.books, kind, partyBody(ctx), ctx.now());
    return [{ ...change, id: party.id }, firstContact(ctx, party, change.kind)];
  };
}

/** The first free login of a new hire: first.last@, then first.last2@... on the account's domain. */
function freeEmail(ctx: ActivityContext, first: string, last: string): string {
  const domain = ctx.books.staff[0]?.email.split("@")[1] ?? "brightpixel.example";
  const taken = new Set(ctx.books.staff.map((s) => s.email.toLowerCase()));
  const base = `${slug(first)}.${slug(last)}`;
  let email = `${base}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${base}${n}@${domain}`;
  return email;
}

export const partyActions: ActivityAction[] = [
  { kind: "client.created", weight: 5, possible: (ctx) => roomFor(ctx, "clients"), run: newParty("clients") },
  { kind: "lead.created", weight: 4, possible: (ctx) => roomFor(ctx, "leads"), run: newParty("leads") },
  {
    kind: "staff.created",
    weight: 1,
    possible: (ctx) => ctx.books.staff.length < MAX_STAFF,
    run(ctx) {
      const { first, last, name } = personName(ctx);
      const member = createStaff(ctx.books, { name, email: freeEmail(ctx, first, last), title: ctx.random.pick(STAFF_TITLES), mobile: `555-01${ctx.random.int(10, 99)}` }, ctx.now());
      return [{ kind: "staff.created", entity: "staff", id: member.id }];
    },
  },
];
