/**
 * Sales and purchase documents. Invoices list newest first and take the documented filters;
 * estimates, credit notes and purchase invoices take only page/limit.
 * https://docs.daftara.dev/15115241e0 (invoices) — estimates, credit notes, purchase invoices: same base schema
 */
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { DOC_MODELS, documentWire } from "../wire/documents.js";
import { filterInvoices } from "./invoice-filters.js";
import { resourceRoutes } from "./resource.js";

export const documentRoutes = (runtime: SandboxRuntime): Route[] => [
  ...resourceRoutes(runtime, {
    path: "invoices", model: DOC_MODELS.invoice.model, rows: (b) => b.invoices, wire: documentWire,
    filter: filterInvoices, defaultDirection: "DESC",
  }),
  ...resourceRoutes(runtime, { path: "estimates", model: DOC_MODELS.estimate.model, rows: (b) => b.estimates, wire: documentWire }),
  ...resourceRoutes(runtime, { path: "credit_notes", model: DOC_MODELS.credit_note.model, rows: (b) => b.creditNotes, wire: documentWire }),
  ...resourceRoutes(runtime, { path: "purchase_invoices", model: DOC_MODELS.purchase_invoice.model, rows: (b) => b.purchaseInvoices, wire: documentWire }),
];
