/**
 * Invoice payments (create, delete), expenses and incomes (create, edit, delete).
 * https://docs.daftara.dev/15115307e0 (invoice payments); Expenses, Incomes (POST, PUT /{id}, DELETE /{id})
 */
import { createInvoicePayment, deleteCash, deleteInvoicePayment, saveCash } from "../../books/writes/index.js";
import type { Route } from "../../http/router.js";
import type { SandboxRuntime } from "../../runtime.js";
import { idParam, reply, withModel } from "./write-handler.js";

function cashRoutes(runtime: SandboxRuntime, isIncome: boolean): Route[] {
  const { books } = runtime.state;
  const [path, model] = isIncome ? ["/incomes", "Income"] : ["/expenses", "Expense"];
  const missing = { missing: `${model} not found` };
  return [
    { method: "POST", pattern: path, handler: (ctx) => reply(runtime, withModel(model, (r) => saveCash(books, isIncome, r, runtime.now()))(ctx), "created") },
    {
      method: "PUT",
      pattern: `${path}/:id`,
      handler: (ctx) => {
        const id = idParam(ctx);
        const existing = books.expenses.find((e) => e.id === id && e.is_income === (isIncome ? 1 : 0));
        return reply(runtime, existing ? withModel(model, (r) => saveCash(books, isIncome, r, runtime.now(), existing))(ctx) : missing, "edited");
      },
    },
    { method: "DELETE", pattern: `${path}/:id`, handler: (ctx) => reply(runtime, deleteCash(books, isIncome, idParam(ctx) ?? -1), { deleted: undefined }) },
  ];
}

export const cashWriteRoutes = (runtime: SandboxRuntime): Route[] => {
  const { books } = runtime.state;
  return [
    { method: "POST", pattern: "/invoice_payments", handler: (ctx) => reply(runtime, withModel("InvoicePayment", (r) => createInvoicePayment(books, r, runtime.now()))(ctx), "created") },
    { method: "DELETE", pattern: "/invoice_payments/:id", handler: (ctx) => reply(runtime, deleteInvoicePayment(books, idParam(ctx) ?? -1, runtime.now()), { deleted: "Payment has been deleted" }) },
    ...cashRoutes(runtime, false),
    ...cashRoutes(runtime, true),
  ];
};
