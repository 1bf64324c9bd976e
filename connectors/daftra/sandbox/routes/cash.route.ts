/**
 * Expenses and incomes: one table, two endpoints; each endpoint serves only its own kind.
 * https://docs.daftara.dev (Expenses, Incomes)
 */
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { expenseWire } from "../wire/cash.js";
import { resourceRoutes } from "./resource.js";

export const cashRoutes = (runtime: SandboxRuntime): Route[] => [
  ...resourceRoutes(runtime, { path: "expenses", model: "Expense", rows: (b) => b.expenses.filter((e) => !e.is_income), wire: expenseWire }),
  ...resourceRoutes(runtime, { path: "incomes", model: "Income", rows: (b) => b.expenses.filter((e) => e.is_income), wire: expenseWire }),
];
