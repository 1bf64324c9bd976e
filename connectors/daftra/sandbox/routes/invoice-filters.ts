/**
 * The filters Daftra documents for the invoice list (other lists take only page/limit).
 * https://docs.daftara.dev/15115241e0
 */
import { Decimal } from "decimal.js";
import type { DocRow } from "../books/types.js";
import { docTotals, dueDateOf, paymentsOf, settlement } from "../books/totals.js";
import { ReplyError, validationFailed } from "../http/reply.js";
import { todayOf, type SandboxRuntime } from "../runtime.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateParam(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  if (!value) return undefined;
  if (!ISO_DATE.test(value)) throw new ReplyError(validationFailed({ [name]: `${name} must be a date as YYYY-MM-DD` }));
  return value;
}

const within = (value: string, from?: string, to?: string) => (!from || value >= from) && (!to || value <= to);

export function filterInvoices(rows: DocRow[], query: URLSearchParams, runtime: SandboxRuntime): DocRow[] {
  const { books } = runtime.state;
  const today = todayOf(runtime);
  const dates = Object.fromEntries(
    ["date_from", "date_to", "due_date_from", "due_date_to", "created_from", "created_to"].map((n) => [n, dateParam(query, n)]),
  );
  const keywords = query.get("keywords")?.toLowerCase();
  const status = query.get("payment_status");
  const totalFrom = query.get("summary_total_from");
  const totalTo = query.get("summary_total_to");
  return rows.filter((doc) => {
    const totals = () => docTotals(doc, books);
    const paid = () => settlement(totals().total, paymentsOf(doc, books.invoicePayments));
    const client = () => books.clients.find((c) => c.id === doc.party_id);
    const open = () => !doc.draft && paid().paymentStatus !== 2 && paid().paymentStatus !== 4;
    const checks: Array<() => boolean> = [
      () => !query.get("client_id") || String(doc.party_id) === query.get("client_id"),
      () => !query.get("type") || query.get("type") === "0",
      () => !query.get("draft") || String(doc.draft) === query.get("draft"),
      () => !query.get("currency_code") || doc.currency_code === query.get("currency_code"),
      () => !query.get("no") || doc.no.includes(query.get("no")!),
      () => within(doc.date, dates.date_from, dates.date_to),
      () => within(dueDateOf(doc), dates.due_date_from, dates.due_date_to),
      () => within(doc.created.slice(0, 10), dates.created_from, dates.created_to),
      () => !totalFrom || new Decimal(totals().total).gte(totalFrom),
      () => !totalTo || new Decimal(totals().total).lte(totalTo),
      () => !keywords || [doc.no, client()?.business_name, client()?.first_name, client()?.last_name, client()?.email, client()?.number]
        .some((text) => text?.toLowerCase().includes(keywords)),
      () => status === null || status === "" ||
        (status === "-1" ? doc.draft === 1 : status === "-2" ? open() : status === "-3" ? open() && dueDateOf(doc) < today : !doc.draft && String(paid().paymentStatus) === status),
    ];
    return checks.every((check) => check());
  });
}
