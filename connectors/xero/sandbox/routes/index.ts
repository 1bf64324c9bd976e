/** Every route of the sandbox, registered explicitly (identity first, then the accounting API). */
import { authorizeRoutes } from "../identity/authorize.route.js";
import { connectionsRoutes } from "../identity/connections.route.js";
import { discoveryRoutes } from "../identity/discovery.route.js";
import { revocationRoutes } from "../identity/revocation.route.js";
import { tokenRoutes } from "../identity/token.route.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { accountsRoutes } from "./accounts.route.js";
import { bankTransactionsRoutes } from "./bank-transactions.route.js";
import { bankTransfersRoutes } from "./bank-transfers.route.js";
import { contactsRoutes } from "./contacts.route.js";
import { creditNotesRoutes } from "./credit-notes.route.js";
import { historyRoutes } from "./history.route.js";
import { invoicesRoutes } from "./invoices.route.js";
import { invoiceEmailRoutes } from "./invoice-email.route.js";
import { itemsRoutes } from "./items.route.js";
import { journalsRoutes } from "./journals.route.js";
import { organisationRoutes } from "./organisation.route.js";
import { paymentsRoutes } from "./payments.route.js";
import { purchaseOrdersRoutes } from "./purchase-orders.route.js";
import { quotesRoutes } from "./quotes.route.js";
import { reportsRoutes } from "./reports.route.js";
import { taxRatesRoutes } from "./tax-rates.route.js";
import { trackingCategoriesRoutes } from "./tracking-categories.route.js";

const MODULES: Array<(runtime: SandboxRuntime) => Route[]> = [
  discoveryRoutes, authorizeRoutes, tokenRoutes, revocationRoutes, connectionsRoutes,
  organisationRoutes, accountsRoutes, taxRatesRoutes, trackingCategoriesRoutes, itemsRoutes,
  historyRoutes, contactsRoutes, invoiceEmailRoutes, invoicesRoutes, creditNotesRoutes, paymentsRoutes, quotesRoutes,
  purchaseOrdersRoutes, bankTransactionsRoutes, bankTransfersRoutes, reportsRoutes, journalsRoutes,
];

export function allRoutes(runtime: SandboxRuntime): Route[] {
  return MODULES.flatMap((module) => module(runtime));
}
