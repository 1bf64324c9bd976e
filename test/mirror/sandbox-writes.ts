import { Provider } from "../../schema/common/provider.enum.js";
import type { FleetSandbox, SandboxApi } from "../triggers/sandbox-fleet.js";

/**
 * Writes straight to the sandboxes' own HTTP APIs, as another application connected to the same
 * books would (not through the gateway): Xero contacts, invoices and items over its REST API with a
 * client-credentials token, Daftra clients, invoices, products and expenses with its API key, and
 * Clientary clients, leads, tasks, projects, hours and invoices with its Basic token. Creates,
 * updates, status moves and deletions, drawn from a seeded PRNG. A write the sandbox refuses (a
 * business rule the simulated activity made true meanwhile) is recorded and changes nothing.
 */

/** One write as sent and answered. */
export interface DirectWrite {
  provider: Provider;
  organizationId: string;
  /** `invoice.create`, `client.delete`…: the sandbox's own name for the resource. */
  label: string;
  /** The sandbox's id of the record written (unset for a create the sandbox refused). */
  id?: string;
  status: number;
  ok: boolean;
  /** The sandbox's answer when it refused the write. */
  refusal?: string;
  at: number;
}

interface Answer {
  status: number;
  json: any;
  text: string;
}

type Action = { label: string; run(): Promise<{ answer: Answer; id?: string; kept?: () => void }> };

/** What one writer can do next: only the actions whose records exist are drawn. */
interface Writer {
  provider: Provider;
  organizationId: string;
  actions(): Action[];
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const day = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const removeFrom = <T>(items: T[], item: T) => {
  const at = items.indexOf(item);
  if (at >= 0) items.splice(at, 1);
};

async function send(url: string, method: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

// ---------------------------------------------------------------- Xero

async function xeroWriter(api: Extract<SandboxApi, { provider: Provider.XERO }>, organizationId: string, random: () => number): Promise<Writer> {
  let token: string | undefined;
  // The token endpoint takes a form, so it is posted by hand.
  const tokenRequest = async () => {
    const response = await fetch(`${api.url}/connect/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${api.clientId}:${api.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ grant_type: "client_credentials" }),
    });
    if (response.status !== 200) throw new Error(`Xero sandbox token: ${response.status} ${await response.text()}`);
    token = ((await response.json()) as { access_token: string }).access_token;
  };
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    if (!token) await tokenRequest();
    const go = () => send(`${api.url}/api.xro/2.0${path}`, method, { authorization: `Bearer ${token}`, "xero-tenant-id": api.tenantId }, body);
    let answer = await go();
    if (answer.status === 401) {
      await tokenRequest();
      answer = await go();
    }
    return answer;
  };

  const listed = await call("GET", "/Contacts?page=1");
  const customers: string[] = (listed.json?.Contacts ?? []).filter((c: any) => c.ContactStatus === "ACTIVE").slice(0, 20).map((c: any) => c.ContactID as string);
  if (customers.length === 0) throw new Error(`Xero sandbox: no active contact to invoice (${listed.status} ${listed.text.slice(0, 200)})`);
  const contacts: string[] = [];
  const drafts: string[] = [];
  const authorised: string[] = [];
  const items: string[] = [];
  const tag = Math.floor(random() * 1e6).toString(36);
  let n = 0;

  return {
    provider: Provider.XERO,
    organizationId,
    actions() {
      const actions: Action[] = [
        {
          label: "Contact.create",
          run: async () => {
            const answer = await call("PUT", "/Contacts", { Contacts: [{ Name: `Direct ${tag} ${++n}`, EmailAddress: `direct${n}@${tag}.example` }] });
            const id = answer.json?.Contacts?.[0]?.ContactID as string | undefined;
            return { answer, id, kept: () => void contacts.push(id!) };
          },
        },
        {
          label: "Contact.update",
          run: async () => {
            const id = pick(random, [...customers, ...contacts]);
            return { answer: await call("POST", `/Contacts/${id}`, { Contacts: [{ EmailAddress: `changed${++n}@${tag}.example` }] }), id };
          },
        },
        {
          label: "Invoice.create",
          run: async () => {
            const answer = await call("PUT", "/Invoices", {
              Invoices: [{
                Type: "ACCREC", Contact: { ContactID: pick(random, customers) }, Date: day(), DueDate: day(30), Status: "DRAFT", Reference: `direct ${tag} ${++n}`,
                LineItems: [{ Description: `Direct work ${n}`, Quantity: 1 + Math.floor(random() * 5), UnitAmount: 10 + Math.floor(random() * 500), AccountCode: "200" }],
              }],
            });
            const id = answer.json?.Invoices?.[0]?.InvoiceID as string | undefined;
            return { answer, id, kept: () => void drafts.push(id!) };
          },
        },
        {
          label: "Item.create",
          run: async () => {
            const answer = await call("PUT", "/Items", { Items: [{ Code: `D-${tag}-${++n}`, Name: `Direct item ${n}`, SalesDetails: { UnitPrice: 5 + Math.floor(random() * 100), AccountCode: "200" } }] });
            const id = answer.json?.Items?.[0]?.ItemID as string | undefined;
            return { answer, id, kept: () => void items.push(id!) };
          },
        },
      ];
      if (contacts.length > 0) {
        actions.push({
          label: "Contact.archive",
          run: async () => {
            const id = pick(random, contacts);
            return { answer: await call("POST", `/Contacts/${id}`, { Contacts: [{ ContactStatus: "ARCHIVED" }] }), id, kept: () => removeFrom(contacts, id) };
          },
        });
      }
      if (drafts.length > 0) {
        const draft = () => pick(random, drafts);
        actions.push(
          { label: "Invoice.update", run: async () => { const id = draft(); return { answer: await call("POST", `/Invoices/${id}`, { Invoices: [{ Reference: `changed ${tag} ${++n}` }] }), id }; } },
          { label: "Invoice.delete", run: async () => { const id = draft(); return { answer: await call("POST", `/Invoices/${id}`, { Invoices: [{ Status: "DELETED" }] }), id, kept: () => removeFrom(drafts, id) }; } },
          {
            label: "Invoice.authorise",
            run: async () => {
              const id = draft();
              return { answer: await call("POST", `/Invoices/${id}`, { Invoices: [{ Status: "AUTHORISED" }] }), id, kept: () => (removeFrom(drafts, id), authorised.push(id)) };
            },
          },
        );
      }
      if (authorised.length > 0) {
        actions.push({
          label: "Invoice.void",
          run: async () => {
            const id = pick(random, authorised);
            return { answer: await call("POST", `/Invoices/${id}`, { Invoices: [{ Status: "VOIDED" }] }), id, kept: () => removeFrom(authorised, id) };
          },
        });
      }
      if (items.length > 0) {
        actions.push({
          label: "Item.update",
          run: async () => {
            const id = pick(random, items);
            return { answer: await call("POST", `/Items/${id}`, { Items: [{ Name: `Direct item renamed ${++n}` }] }), id };
          },
        });
      }
      return actions;
    },
  };
}

// ---------------------------------------------------------------- Daftra

async function daftraWriter(api: Extract<SandboxApi, { provider: Provider.DAFTRA }>, organizationId: string, random: () => number): Promise<Writer> {
  const call = (method: string, path: string, body?: unknown) => send(`${api.url}${path}.json`, method, { apikey: api.apiKey }, body);
  const listed = await call("GET", "/clients", undefined);
  const seeded: string[] = (listed.json?.data ?? []).slice(0, 20).map((row: any) => String(row.Client.id));
  if (seeded.length === 0) throw new Error(`Daftra sandbox: no client to invoice (${listed.status} ${listed.text.slice(0, 200)})`);
  const clients: string[] = [];
  const invoices: string[] = [];
  const products: string[] = [];
  const expenses: string[] = [];
  const tag = Math.floor(random() * 1e6).toString(36);
  let n = 0;
  const createdId = (answer: Answer) => (answer.json?.id !== undefined ? String(answer.json.id) : undefined);
  const invoiceBody = () => ({
    Invoice: { client_id: pick(random, seeded), date: day() },
    InvoiceItem: [{ item: `Direct line ${++n}`, unit_price: String(10 + Math.floor(random() * 400)), quantity: String(1 + Math.floor(random() * 4)) }],
  });

  return {
    provider: Provider.DAFTRA,
    organizationId,
    actions() {
      const actions: Action[] = [
        {
          label: "client.create",
          run: async () => {
            const answer = await call("POST", "/clients", { Client: { business_name: `Direct ${tag} ${++n}`, email: `direct${n}@${tag}.example` } });
            const id = createdId(answer);
            return { answer, id, kept: () => void clients.push(id!) };
          },
        },
        {
          label: "client.update",
          run: async () => {
            const id = pick(random, [...seeded, ...clients]);
            return { answer: await call("PUT", `/clients/${id}`, { Client: { email: `changed${++n}@${tag}.example` } }), id };
          },
        },
        { label: "invoice.create", run: async () => { const answer = await call("POST", "/invoices", invoiceBody()); const id = createdId(answer); return { answer, id, kept: () => void invoices.push(id!) }; } },
        {
          label: "product.create",
          run: async () => {
            const answer = await call("POST", "/products", { Product: { name: `Direct product ${tag} ${++n}`, unit_price: String(5 + Math.floor(random() * 200)) } });
            const id = createdId(answer);
            return { answer, id, kept: () => void products.push(id!) };
          },
        },
        {
          label: "expense.create",
          run: async () => {
            const answer = await call("POST", "/expenses", { Expense: { amount: `${1 + Math.floor(random() * 300)}.50`, date: day(), category: "Office", note: `direct ${tag} ${++n}` } });
            const id = createdId(answer);
            return { answer, id, kept: () => void expenses.push(id!) };
          },
        },
      ];
      if (clients.length > 0) {
        actions.push({ label: "client.delete", run: async () => { const id = pick(random, clients); return { answer: await call("DELETE", `/clients/${id}`), id, kept: () => removeFrom(clients, id) }; } });
      }
      if (invoices.length > 0) {
        actions.push(
          { label: "invoice.update", run: async () => { const id = pick(random, invoices); return { answer: await call("PUT", `/invoices/${id}`, invoiceBody()), id }; } },
          { label: "invoice.delete", run: async () => { const id = pick(random, invoices); return { answer: await call("DELETE", `/invoices/${id}`), id, kept: () => removeFrom(invoices, id) }; } },
        );
      }
      if (products.length > 0) {
        actions.push(
          { label: "product.update", run: async () => { const id = pick(random, products); return { answer: await call("PUT", `/products/${id}`, { Product: { unit_price: String(5 + Math.floor(random() * 200)) } }), id }; } },
          { label: "product.delete", run: async () => { const id = pick(random, products); return { answer: await call("DELETE", `/products/${id}`), id, kept: () => removeFrom(products, id) }; } },
        );
      }
      if (expenses.length > 0) {
        actions.push(
          { label: "expense.update", run: async () => { const id = pick(random, expenses); return { answer: await call("PUT", `/expenses/${id}`, { Expense: { amount: `${1 + Math.floor(random() * 300)}.25` } }), id }; } },
          { label: "expense.delete", run: async () => { const id = pick(random, expenses); return { answer: await call("DELETE", `/expenses/${id}`), id, kept: () => removeFrom(expenses, id) }; } },
        );
      }
      return actions;
    },
  };
}

// ---------------------------------------------------------------- Clientary

async function clientaryWriter(api: Extract<SandboxApi, { provider: Provider.CLIENTARY }>, organizationId: string, random: () => number): Promise<Writer> {
  const authorization = `Basic ${Buffer.from(`${api.apiToken}:${api.apiToken}`).toString("base64")}`;
  const call = (method: string, path: string, body?: unknown) => send(`${api.url}/api/v2${path}`, method, { authorization }, body);
  const listed = await call("GET", "/clients");
  const seeded: number[] = (listed.json?.clients ?? []).slice(0, 20).map((c: any) => c.id as number);
  if (seeded.length === 0) throw new Error(`Clientary sandbox: no client (${listed.status} ${listed.text.slice(0, 200)})`);
  const clients: number[] = [];
  const leads: number[] = [];
  const tasks: number[] = [];
  const projects: Array<{ id: number; clientId: number }> = [];
  const hours: Array<{ id: number; projectId: number }> = [];
  const invoices: number[] = [];
  const tag = Math.floor(random() * 1e6).toString(36);
  let n = 0;
  const createdId = (answer: Answer) => (typeof answer.json?.id === "number" ? (answer.json.id as number) : undefined);
  const created = <T>(list: T[], value: (id: number) => T) => (answer: Answer) => {
    const id = createdId(answer);
    return { answer, id: id === undefined ? undefined : String(id), kept: () => void list.push(value(id!)) };
  };

  return {
    provider: Provider.CLIENTARY,
    organizationId,
    actions() {
      const actions: Action[] = [
        { label: "client.create", run: async () => created(clients, (id) => id)(await call("POST", "/clients", { client: { name: `Direct ${tag} ${++n}` } })) },
        {
          label: "client.update",
          run: async () => {
            const id = pick(random, [...seeded, ...clients]);
            return { answer: await call("PUT", `/clients/${id}`, { client: { website: `https://changed${++n}.${tag}.example` } }), id: String(id) };
          },
        },
        { label: "lead.create", run: async () => created(leads, (id) => id)(await call("POST", "/leads", { lead: { name: `Direct lead ${tag} ${++n}` } })) },
        { label: "task.create", run: async () => created(tasks, (id) => id)(await call("POST", "/tasks", { task: { title: `Direct task ${tag} ${++n}` } })) },
        {
          label: "project.create",
          run: async () => {
            const clientId = pick(random, seeded);
            return created(projects, (id) => ({ id, clientId }))(await call("POST", "/projects", { project: { name: `Direct project ${tag} ${++n}`, client_id: clientId, rate: "80" } }));
          },
        },
        {
          label: "invoice.create",
          run: async () => created(invoices, (id) => id)(await call("POST", "/invoices", {
            invoice: {
              client_id: pick(random, seeded), date: day(), due_date: day(30), currency_code: "USD",
              invoice_items_attributes: [{ title: `Direct line ${++n}`, price: String(20 + Math.floor(random() * 500)), quantity: 1 + Math.floor(random() * 3) }],
            },
          })),
        },
      ];
      if (clients.length > 0) {
        actions.push({ label: "client.delete", run: async () => { const id = pick(random, clients); return { answer: await call("DELETE", `/clients/${id}`), id: String(id), kept: () => removeFrom(clients, id) }; } });
      }
      if (leads.length > 0) {
        actions.push(
          { label: "lead.update", run: async () => { const id = pick(random, leads); return { answer: await call("PUT", `/leads/${id}`, { lead: { city: `Town ${++n}` } }), id: String(id) }; } },
          { label: "lead.delete", run: async () => { const id = pick(random, leads); return { answer: await call("DELETE", `/leads/${id}`), id: String(id), kept: () => removeFrom(leads, id) }; } },
        );
      }
      if (tasks.length > 0) {
        actions.push({ label: "task.delete", run: async () => { const id = pick(random, tasks); return { answer: await call("DELETE", `/tasks/${id}`), id: String(id), kept: () => removeFrom(tasks, id) }; } });
      }
      if (projects.length > 0) {
        actions.push({
          label: "hour.create",
          run: async () => {
            const project = pick(random, projects);
            return created(hours, (id) => ({ id, projectId: project.id }))(await call("POST", `/projects/${project.id}/hours`, { hour: { title: `Direct hours ${tag} ${++n}`, hours: String(0.25 * (1 + Math.floor(random() * 16))) } }));
          },
        });
        actions.push({
          label: "project.delete",
          run: async () => {
            const project = pick(random, projects);
            // Its hours go with it.
            return { answer: await call("DELETE", `/projects/${project.id}`), id: String(project.id), kept: () => (removeFrom(projects, project), hours.splice(0, hours.length, ...hours.filter((h) => h.projectId !== project.id))) };
          },
        });
      }
      if (hours.length > 0) {
        actions.push({ label: "hour.delete", run: async () => { const hour = pick(random, hours); return { answer: await call("DELETE", `/hours/${hour.id}`), id: String(hour.id), kept: () => removeFrom(hours, hour) }; } });
      }
      if (invoices.length > 0) {
        actions.push(
          { label: "invoice.update", run: async () => { const id = pick(random, invoices); return { answer: await call("PUT", `/invoices/${id}`, { invoice: { summary: `Changed ${tag} ${++n}` } }), id: String(id) }; } },
          { label: "invoice.delete", run: async () => { const id = pick(random, invoices); return { answer: await call("DELETE", `/invoices/${id}`), id: String(id), kept: () => removeFrom(invoices, id) }; } },
        );
      }
      return actions;
    },
  };
}

function writerFor(sandbox: FleetSandbox, random: () => number): Promise<Writer> {
  const { api, organizationId } = sandbox;
  if (api.provider === Provider.XERO) return xeroWriter(api, organizationId, random);
  if (api.provider === Provider.DAFTRA) return daftraWriter(api, organizationId, random);
  return clientaryWriter(api, organizationId, random);
}

/**
 * Sends a write drawn at random (sandbox, then action) every `minMs`–`maxMs`, one at a time, until
 * stopped; `writes` holds every answer. The draws come from `random`, so a seed repeats them.
 */
export async function driveDirectWrites(sandboxes: readonly FleetSandbox[], random: () => number, { minMs = 40, maxMs = 120 } = {}) {
  const writers: Writer[] = [];
  for (const sandbox of sandboxes) writers.push(await writerFor(sandbox, random));
  const writes: DirectWrite[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const writer = pick(random, writers);
      const action = pick(random, writer.actions());
      let outcome: DirectWrite;
      try {
        const { answer, id, kept } = await action.run();
        const ok = answer.status >= 200 && answer.status < 300 && (action.label.endsWith(".create") ? id !== undefined : true);
        if (ok) kept?.();
        outcome = {
          provider: writer.provider, organizationId: writer.organizationId, label: action.label, status: answer.status, ok, at: Date.now(),
          ...(id !== undefined ? { id } : {}), ...(ok ? {} : { refusal: answer.text.slice(0, 300) }),
        };
      } catch (error) {
        outcome = { provider: writer.provider, organizationId: writer.organizationId, label: action.label, status: 0, ok: false, refusal: String(error), at: Date.now() };
      }
      writes.push(outcome);
      await new Promise((resolve) => setTimeout(resolve, minMs + random() * (maxMs - minMs)));
    }
  })();
  return {
    writes,
    /** Stops writing; resolves once the write under way (if any) has been answered. */
    async stop(): Promise<void> {
      stopped = true;
      await loop;
    },
  };
}
