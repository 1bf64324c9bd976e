import { invoiceView } from "../books/invoice-view.js";
import { documentTotals } from "../books/totals.js";
import type { ClientaryBooks, Sequence } from "../books/types.js";

const COLLECTIONS: Array<[keyof ClientaryBooks, Sequence]> = [
  ["clients", "client"], ["contacts", "contact"], ["staff", "staff"], ["projects", "project"], ["tasks", "task"], ["hours", "hour"],
  ["estimates", "estimate"], ["invoices", "invoice"], ["payments", "payment"], ["expenses", "expense"],
];

/** Every rule the books' writes keep, checked over the whole books: the list of what is broken (empty when consistent). */
export function inconsistencies(books: ClientaryBooks): string[] {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(what);
  const ids = (records: ReadonlyArray<{ id: number }>) => new Set(records.map((r) => r.id));
  const parties = ids([...books.clients, ...books.leads]);
  const clients = ids(books.clients);
  const invoices = ids(books.invoices);
  const staff = ids(books.staff);

  for (const [key, sequence] of COLLECTIONS) {
    const records = books[key] as Array<{ id: number; created_at: string; updated_at: string }>;
    if (ids(records).size !== records.length) fail(`${key}: duplicate ids`);
    if (records.some((r) => r.id > books.sequences[sequence])) fail(`${key}: an id past its sequence`);
    if (records.some((r) => r.updated_at < r.created_at)) fail(`${key}: updated before created`);
  }
  if (parties.size !== books.clients.length + books.leads.length) fail("clients and leads share an id");
  const partyNumbers = [...books.clients, ...books.leads].map((p) => p.number);
  if (new Set(partyNumbers).size !== partyNumbers.length) fail("client numbers repeat");
  for (const kind of ["clients", "leads", "contacts"] as const) if (books[kind].length > books.account.planLimits[kind]) fail(`${kind}: past the plan`);
  if (new Set(books.staff.map((s) => s.email)).size !== books.staff.length) fail("staff emails repeat");

  for (const c of books.contacts) if (!parties.has(c.client_id)) fail(`contact ${c.id}: no client or lead ${c.client_id}`);
  for (const p of books.projects) if (!clients.has(p.client_id)) fail(`project ${p.id}: no client ${p.client_id}`);
  const projects = new Map(books.projects.map((p) => [p.id, p]));
  for (const t of books.tasks) {
    if (t.project_id !== null && projects.get(t.project_id)?.client_id !== t.client_id) fail(`task ${t.id}: not its project's client`);
    if (t.assignee_id !== null && !staff.has(t.assignee_id)) fail(`task ${t.id}: no assignee ${t.assignee_id}`);
  }
  for (const h of books.hours) {
    if (!projects.has(h.project_id)) fail(`hour ${h.id}: no project ${h.project_id}`);
    if (!staff.has(h.user_id) || h.hours <= 0 || h.hours > 24) fail(`hour ${h.id}: bad user or hours`);
  }
  for (const e of books.expenses) {
    if (e.amount <= 0) fail(`expense ${e.id}: amount ${e.amount}`);
    if (e.client_id !== null && !clients.has(e.client_id)) fail(`expense ${e.id}: no client ${e.client_id}`);
    if (e.project_id !== null && projects.get(e.project_id)?.client_id !== e.client_id) fail(`expense ${e.id}: not its project's client`);
    if (e.invoice_id !== null && !invoices.has(e.invoice_id)) fail(`expense ${e.id}: no invoice ${e.invoice_id}`);
  }

  for (const [kind, docs, owners] of [["invoice", books.invoices, clients], ["estimate", books.estimates, parties]] as const) {
    const numbers = docs.map((d) => d.number);
    if (new Set(numbers).size !== numbers.length) fail(`${kind} numbers repeat`);
    for (const d of docs) {
      const items = "invoice_items" in d ? d.invoice_items : d.estimate_items;
      const totals = documentTotals(items, d);
      if (totals.subtotal !== d.subtotal || totals.total_cost !== d.total_cost) fail(`${kind} ${d.id}: totals ${d.subtotal}/${d.total_cost}, lines say ${totals.subtotal}/${totals.total_cost}`);
      if (!owners.has(d.client_id)) fail(`${kind} ${d.id}: no client ${d.client_id}`);
      if (d.project_id !== null && projects.has(d.project_id) && projects.get(d.project_id)!.client_id !== d.client_id) fail(`${kind} ${d.id}: another client's project`);
    }
  }
  for (const i of books.invoices) {
    const view = invoiceView(books, i);
    if (i.due_date < i.date) fail(`invoice ${i.id}: due before its date`);
    if (view.balance < 0) fail(`invoice ${i.id}: overpaid`);
    if (view.total_payments > 0 && (i.status === 0 || i.status === 3)) fail(`invoice ${i.id}: payments on a draft or cancelled invoice`);
    if (i.status === 4 && view.balance !== 0) fail(`invoice ${i.id}: paid with ${view.balance} due`);
    if ((i.status === 1 || i.status === 2) && view.total_payments > 0 && view.balance === 0) fail(`invoice ${i.id}: settled but not paid`);
  }
  for (const p of books.payments) {
    if (!invoices.has(p.invoice_id)) fail(`payment ${p.id}: no invoice ${p.invoice_id}`);
    if (p.amount <= 0) fail(`payment ${p.id}: amount ${p.amount}`);
  }
  return problems;
}
