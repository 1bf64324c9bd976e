/**
 * Creates: the record wrapped in its model (`{"Client": {...}}`), child rows as top-level
 * siblings (`{"Invoice": {...}, "InvoiceItem": [...]}`); 202 with the new id as a string.
 * https://docs.daftara.dev (Add New Client / Supplier / Invoice)
 */
import { createInvoice, createParty, type WriteOutcome } from "../books/writes.js";
import { created, validationFailed, type Reply } from "../http/reply.js";
import type { RequestContext, Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";

type Body = Record<string, unknown>;

const objectAt = (body: unknown, key: string): Body | undefined => {
  const value = (body as Body | undefined)?.[key];
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Body) : undefined;
};

function write(runtime: SandboxRuntime, model: string, make: (record: Body, ctx: RequestContext) => WriteOutcome) {
  return (ctx: RequestContext): Reply => {
    const record = objectAt(ctx.body, model);
    if (!record) return validationFailed({ [model]: `${model} is empty` });
    const outcome = make(record, ctx);
    if ("errors" in outcome) return validationFailed(outcome.errors);
    runtime.changed();
    return created(outcome.id);
  };
}

export const writeRoutes = (runtime: SandboxRuntime): Route[] => {
  const { books } = runtime.state;
  return [
    { method: "POST", pattern: "/clients", handler: write(runtime, "Client", (r) => createParty(books, "client", r, runtime.now())) },
    { method: "POST", pattern: "/suppliers", handler: write(runtime, "Supplier", (r) => createParty(books, "supplier", r, runtime.now())) },
    {
      method: "POST",
      pattern: "/invoices",
      handler: write(runtime, "Invoice", (r, ctx) => {
        const items = (ctx.body as Body).InvoiceItem;
        return createInvoice(books, r, Array.isArray(items) ? (items as Body[]) : undefined, runtime.now());
      }),
    },
  ];
};
