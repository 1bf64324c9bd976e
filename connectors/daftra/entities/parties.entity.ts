import { unprefixId } from "../mapping/common.js";
import { toUnifiedContact } from "../mapping/to-contact.js";
import { toUnifiedExpense } from "../mapping/to-expense.js";
import { expenseSchema, partySchema } from "../mapping/wire-schemas.js";
import { source, type DaftraEntity } from "./daftra-entity.js";

/** Clients then suppliers; their ids are separate, so unified ids carry the kind ("client:12"). */
export const contactEntity: DaftraEntity<"Contact"> = {
  entity: "Contact",
  filters: [],
  notes: "Clients (customers) and suppliers are listed one after the other; Daftra filters neither.",
  sources: [
    // https://docs.daftara.dev (Clients: GET /clients, GET /clients/{id})
    source("clients", "Client", partySchema, (r, ctx) => toUnifiedContact(r, "client", ctx), (id) => unprefixId("client", id)),
    // https://docs.daftara.dev (Suppliers: GET /suppliers, GET /suppliers/{id})
    source("suppliers", "Supplier", partySchema, (r, ctx) => toUnifiedContact(r, "supplier", ctx), (id) => unprefixId("supplier", id)),
  ],
};

/** Expenses then incomes (one table in Daftra, one id space): a lookup tries both endpoints. */
export const expenseEntity: DaftraEntity<"Expense"> = {
  entity: "Expense",
  filters: [],
  notes: "Expenses and incomes are listed one after the other; Daftra filters neither.",
  sources: [
    // https://docs.daftara.dev (Expenses: GET /expenses, GET /expenses/{id})
    source("expenses", "Expense", expenseSchema, toUnifiedExpense),
    // https://docs.daftara.dev (Incomes: GET /incomes, GET /incomes/{id})
    source("incomes", "Income", expenseSchema, (r, ctx) => toUnifiedExpense({ ...r, is_income: "1" }, ctx)),
  ],
};
