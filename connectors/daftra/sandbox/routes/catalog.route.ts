/**
 * Products (with stock), taxes, treasuries, the chart of accounts and journals.
 * https://docs.daftara.dev (Products, Taxes, Treasuries, Journal Accounts, Journal Cats, Journals)
 */
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { journalWire } from "../wire/cash.js";
import { journalAccountWire, journalCatWire, productWire, taxWire, treasuryWire } from "../wire/reference.js";
import { resourceRoutes } from "./resource.js";

export const catalogRoutes = (runtime: SandboxRuntime): Route[] => [
  ...resourceRoutes(runtime, { path: "products", model: "Product", rows: (b) => b.products, wire: productWire }),
  ...resourceRoutes(runtime, { path: "taxes", model: "Tax", rows: (b) => b.taxes, wire: taxWire }),
  ...resourceRoutes(runtime, { path: "treasuries", model: "Treasury", rows: (b) => b.treasuries, wire: treasuryWire }),
  ...resourceRoutes(runtime, { path: "journal_accounts", model: "JournalAccount", rows: (b) => b.journalAccounts, wire: journalAccountWire }),
  ...resourceRoutes(runtime, { path: "journal_cats", model: "JournalCat", rows: (b) => b.journalCats, wire: journalCatWire }),
  ...resourceRoutes(runtime, { path: "journals", model: "Journal", rows: (b) => b.journals, wire: (r, _ctx, depth) => journalWire(r, depth) }),
];
