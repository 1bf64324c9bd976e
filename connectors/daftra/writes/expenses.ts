/**
 * Expenses: amounts go before tax (`tax1_included: 0`) and Daftra adds the tax of `tax1_id`. The
 * unified input has no kind, so creates are expenses; updates change expenses and incomes alike.
 * https://docs.daftara.dev (Expenses, Incomes: POST, PUT /{id}, DELETE /{id})
 */
import { Decimal } from "decimal.js";
import type { Expense } from "../../../schema/expense/expense.type.js";
import type { ExpenseInput } from "../../../src/connector/inputs.js";
import type { Removal, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { ErrorCode, GatewayError, notFound, notSupported } from "../../../src/errors/index.js";
import { toDaftraExpenseFields, type ExpenseIds } from "../mapping/to-daftra-records.js";
import { createdId, readBack, request, send, type WriteContext } from "./context.js";

const SOURCES = [{ path: "expenses", model: "Expense" }, { path: "incomes", model: "Income" }] as const;

async function idsFor(w: WriteContext, input: Partial<ExpenseInput>): Promise<ExpenseIds> {
  if (input.contactRemoteId?.startsWith("supplier:")) {
    throw notSupported("DAFTRA", "linking an expense to a supplier", "Daftra links expenses to clients only; name the supplier in the description instead.");
  }
  if (input.projectRemoteId) throw notSupported("DAFTRA", "expenses on projects", "Daftra has no projects.");
  return {
    ...(input.paidFromAccountCode ? { treasuryId: (await w.chart.treasury(input.paidFromAccountCode, "input.paidFromAccountCode")).id } : {}),
    ...(input.accountCode ? { journalAccountId: await w.chart.ledgerAccount(input.accountCode, "input.accountCode") } : {}),
  };
}

export async function createExpense(w: WriteContext, input: ExpenseInput, options: WriteOptions): Promise<WriteResult<Expense>> {
  const body = { Expense: toDaftraExpenseFields({ ...input, taxRateCode: input.taxRateCode ?? undefined }, await idsFor(w, input)) };
  return send(w, request("POST", w.api.pathOf("expenses"), body), options, async (id) => {
    await w.chart.forget(); // a new category opens a ledger account
    return readBack(w, "Expense", 0, createdId(id, "expense"));
  });
}

/** Finds the record among expenses, then incomes (one id space, two endpoints). */
async function findCash(w: WriteContext, remoteId: string): Promise<{ source: 0 | 1; record: Expense }> {
  if (!/^\d+$/.test(remoteId)) throw notFound("Expense", remoteId);
  for (const source of [0, 1] as const) {
    try {
      return { source, record: await readBack(w, "Expense", source, remoteId) };
    } catch (error) {
      if (!(error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND)) throw error;
    }
  }
  throw notFound("Expense", remoteId);
}

/** Sends the fields that change; an amount or tax change resends both, the amount before tax. */
export async function updateExpense(w: WriteContext, remoteId: string, changes: Partial<ExpenseInput>, options: WriteOptions): Promise<WriteResult<Expense>> {
  const { source, record } = await findCash(w, remoteId);
  const retaxed = changes.amount !== undefined || changes.taxRateCode !== undefined;
  const fields: Partial<ExpenseInput> = {
    ...changes,
    ...(retaxed ? { amount: changes.amount ?? new Decimal(record.subTotal).toFixed(2), taxRateCode: changes.taxRateCode === undefined ? record.taxRateCode : changes.taxRateCode } : {}),
  };
  const { path, model } = SOURCES[source];
  const req = request("PUT", w.api.pathOf(`${path}/${remoteId}`), { [model]: toDaftraExpenseFields(fields, await idsFor(w, changes)) });
  return send(w, req, options, async () => {
    await w.chart.forget();
    return readBack(w, "Expense", source, remoteId);
  });
}

export async function removeExpense(w: WriteContext, remoteId: string, options: WriteOptions): Promise<WriteResult<Removal>> {
  const { source } = await findCash(w, remoteId);
  return send(w, request("DELETE", w.api.pathOf(`${SOURCES[source].path}/${remoteId}`)), options, async () => ({ outcome: "DELETED" as const }));
}

