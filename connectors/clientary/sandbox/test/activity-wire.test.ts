import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActivityChange, ActivityEntity } from "../activity/activity.js";
import { invoiceView } from "../books/invoice-view.js";
import type { ClientarySandbox } from "../server.js";
import { inconsistencies } from "./books-consistency.js";
import { call, FIXED_NOW, startSandbox } from "./harness.js";

const DAY = FIXED_NOW.toISOString().slice(0, 10);
type Served = Record<string, any> & { id: number };

let sandbox: ClientarySandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** Every page of a paginated list. */
async function listAll(path: string, key: string): Promise<Served[]> {
  const records: Served[] = [];
  for (let page = 1; ; page++) {
    const { status, json } = await call(sandbox, `${path}${path.includes("?") ? "&" : "?"}page=${page}&page_size=100`);
    expect(status).toBe(200);
    records.push(...json[key]);
    if (page >= json.page_count) return records;
  }
}

/** Everything the API lists now, by entity and id. */
async function servedBooks(): Promise<Record<ActivityEntity, Map<number, Served>>> {
  const byId = (records: Served[]) => new Map(records.map((r) => [r.id, r]));
  const hours = await Promise.all(sandbox.books.projects.map(async (p) => (await call(sandbox, `/projects/${p.id}/hours`)).json.hours as Served[]));
  return {
    client: byId(await listAll("/clients", "clients")),
    lead: byId(await listAll("/leads", "leads")),
    contact: byId(await listAll("/contacts", "contacts")),
    staff: byId((await call(sandbox, "/staff")).json.staff),
    project: byId(await listAll("/projects?filter=all", "projects")),
    task: byId(await listAll("/tasks", "tasks")),
    hour: byId(hours.flat()),
    estimate: byId(await listAll("/estimates", "estimates")),
    invoice: byId(await listAll("/invoices", "invoices")),
    payment: byId(await listAll("/payments", "payments")),
    expense: byId((await call(sandbox, "/expenses")).json.expenses),
  };
}

describe("300 steps of activity, seen through the API", () => {
  const changes: ActivityChange[] = [];
  /** Each changed invoice's updated_at before the activity first touched it. */
  const firstStamp = new Map<number, string>();

  it("keeps the books consistent, moving an invoice's updated_at on every change", () => {
    expect(inconsistencies(sandbox.books)).toEqual([]);
    for (let step = 0; step < 300; step++) {
      const before = new Map(sandbox.books.invoices.map((i) => [i.id, i.updated_at]));
      const done = sandbox.activity.step();
      expect(done.length).toBeGreaterThan(0);
      for (const change of done) {
        const invoiceId = change.entity === "payment" ? sandbox.books.payments.find((p) => p.id === change.id)!.invoice_id : change.id;
        if (change.kind === "invoice.updated" || change.kind === "invoice.sent" || change.kind === "payment.received") {
          const invoice = sandbox.books.invoices.find((i) => i.id === invoiceId)!;
          expect(invoice.updated_at > before.get(invoiceId)!, `${change.kind} ${invoiceId}`).toBe(true);
          if (!firstStamp.has(invoiceId)) firstStamp.set(invoiceId, before.get(invoiceId)!);
        }
      }
      changes.push(...done);
      if (step % 50 === 49) expect(inconsistencies(sandbox.books)).toEqual([]);
    }
    expect(sandbox.activity.steps).toBe(300);
  });

  it("serves every new record in its list, every changed invoice with a later updated_at, and no deleted draft", async () => {
    const served = await servedBooks();
    const deleted = new Set(changes.filter((c) => c.kind === "invoice.deleted").map((c) => c.id));
    expect(deleted.size).toBeGreaterThan(0);
    for (const change of changes) {
      const record = served[change.entity].get(change.id);
      if (change.entity === "invoice" && deleted.has(change.id)) {
        expect(record, `${change.kind} ${change.id}`).toBeUndefined();
        continue;
      }
      expect(record, `${change.kind} ${change.entity} ${change.id}`).toBeDefined();
      if (change.kind.endsWith(".created") || change.kind === "hours.logged") expect(record!.created_at.slice(0, 10)).toBe(DAY);
    }
    for (const [id, stamp] of firstStamp) {
      if (deleted.has(id)) continue;
      const invoice = served.invoice.get(id)!;
      expect(invoice.updated_at > stamp, `invoice ${id}`).toBe(true);
      expect(invoice).toMatchObject(JSON.parse(JSON.stringify(invoiceView(sandbox.books, sandbox.books.invoices.find((i) => i.id === id)!))));
    }
    for (const payment of changes.filter((c) => c.kind === "payment.received")) {
      const invoiceId = sandbox.books.payments.find((p) => p.id === payment.id)!.invoice_id;
      expect(served.invoice.get(invoiceId)!.payments.map((p: Served) => p.id)).toContain(payment.id);
    }
  });

  it("answers 404 for deleted drafts, and lists changed invoices and new clients under updated_since", async () => {
    for (const change of changes.filter((c) => c.kind === "invoice.deleted")) expect((await call(sandbox, `/invoices/${change.id}`)).status).toBe(404);
    const recentInvoices = new Set((await listAll(`/invoices?updated_since=${DAY}`, "invoices")).map((i) => i.id));
    for (const id of firstStamp.keys()) if (sandbox.books.invoices.some((i) => i.id === id)) expect(recentInvoices).toContain(id);
    const recentClients = new Set((await listAll(`/clients?updated_since=${DAY}`, "clients")).map((c) => c.id));
    for (const change of changes.filter((c) => c.entity === "client")) expect(recentClients).toContain(change.id);
  });

  it("lists new staff, one by one too", async () => {
    const hires = changes.filter((c) => c.kind === "staff.created");
    expect(hires.length).toBeGreaterThan(0);
    for (const hire of hires) expect((await call(sandbox, `/staff/${hire.id}`)).json).toMatchObject({ id: hire.id, email: expect.stringMatching(/@brightpixel\.example$/) });
  });
});
