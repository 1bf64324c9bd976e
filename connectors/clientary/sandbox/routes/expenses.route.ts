import { emptyReply, jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody, type RequestContext } from "../http/request.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import type { ExpenseRecord } from "../books/types.js";
import { dashDate } from "../books/seed/calendar.js";
import { createExpense, deleteExpense, updateExpense } from "../books/writes/expenses.js";
import { byNewest, dateWindow } from "../wire/filters.js";
import { scopedTo } from "./parents.js";
import { changing } from "./changing.js";

/** https://www.clientary.com/api/expenses — not paginated: a `from_date`..`to_date` window, by default this fiscal year. */
export function expenseRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  const windowOf = (ctx: RequestContext, records: readonly ExpenseRecord[]) => {
    const { from, to } = dateWindow(ctx);
    const expenses = records.filter((e) => dashDate(e.incurred_on) >= from && dashDate(e.incurred_on) <= to).sort(byNewest((e) => e.incurred_on));
    return jsonReply(200, { total_count: expenses.length, from_date: from, to_date: to, expenses });
  };
  const expenseOf = (ctx: RequestContext) => findOr404(books.expenses, idParam(ctx));
  return [
    route("GET", "/expenses", (ctx) => windowOf(ctx, books.expenses)),
    route("GET", "/clients/:id/expenses", (ctx) => windowOf(ctx, scopedTo(runtime, ctx, books.expenses, "client"))),
    route("GET", "/projects/:id/expenses", (ctx) => windowOf(ctx, scopedTo(runtime, ctx, books.expenses, "project"))),
    route("GET", "/expenses/:id", (ctx) => jsonReply(200, expenseOf(ctx))),
    route("POST", "/expenses", changing(runtime, (ctx) => jsonReply(201, createExpense(books, wrappedBody(ctx, "expense"), ctx.now)))),
    route("PUT", "/expenses/:id", changing(runtime, (ctx) => jsonReply(200, updateExpense(books, expenseOf(ctx), wrappedBody(ctx, "expense"), ctx.now)))),
    route("DELETE", "/expenses/:id", changing(runtime, (ctx) => {
      deleteExpense(books, expenseOf(ctx));
      return emptyReply(200);
    })),
  ];
}
