import { Decimal } from "decimal.js";
import { BankTransactionKind, type BankTransaction } from "../../../schema/bank-transaction/bank-transaction.type.js";
import { ExpenseKind, type Expense } from "../../../schema/expense/expense.type.js";
import { accountFor, dated, withControl, type Amount, type DocumentChart } from "./document-chart.js";
import { documentAmounts, ledgerDocument } from "./document-amounts.js";
import type { DocumentBooks } from "./document-index.js";
import type { Posting } from "./ledger.js";
import { projectTracking } from "../tracking-columns.js";

const TRANSFERS = new Set<string>([BankTransactionKind.RECEIVE_TRANSFER, BankTransactionKind.SPEND_TRANSFER]);

/** A transfer leg moves money between its bank and the clearing account the other leg clears. */
function transferLeg(tx: BankTransaction, chart: DocumentChart): Amount[] {
  if (!chart.transferClearing) throw new Error(`Bank transfer ${tx.remoteId} needs a transferClearing account in the document chart`);
  const bank = accountFor(chart, tx.bankAccount.code, chart.bank);
  const amount = new Decimal(tx.total).times(tx.kind === BankTransactionKind.RECEIVE_TRANSFER ? 1 : -1);
  return [{ account: bank, amount }, { account: chart.transferClearing, amount: amount.negated() }];
}

function bankTransactionPostings(tx: BankTransaction, chart: DocumentChart): Posting[] {
  if (tx.status !== "AUTHORISED" || !tx.issueDate) return [];
  const source = { type: "BankTransaction", id: tx.remoteId };
  if (TRANSFERS.has(tx.kind)) return dated(tx.issueDate, transferLeg(tx, chart), source);
  const doc = ledgerDocument(tx.kind.startsWith("RECEIVE") ? "RECEIVE" : "SPEND", tx, chart);
  return dated(tx.issueDate, withControl(documentAmounts(doc, chart), doc.control), source);
}

function expensePostings(expense: Expense, chart: DocumentChart): Posting[] {
  if (!expense.date) return [];
  const sign = expense.kind === ExpenseKind.INCOME ? -1 : 1;
  const line = accountFor(chart, expense.accountCode, sign < 0 ? chart.revenue : chart.expense);
  const amounts = [
    { account: line, amount: new Decimal(expense.subTotal).times(sign), tracking: projectTracking(expense.projectId) },
    { account: chart.salesTax, amount: new Decimal(expense.totalTax).times(sign) },
  ].filter((a) => !a.amount.isZero());
  const bank = accountFor(chart, expense.paidFrom?.code, chart.bank);
  return dated(expense.date, withControl(amounts, bank), { type: "Expense", id: expense.remoteId });
}

/** Money spent or received outside invoices posts the same way on both bases. */
export function bankingPostings(books: DocumentBooks, chart: DocumentChart): Posting[] {
  return [
    ...(books.bankTransactions ?? []).flatMap((tx) => bankTransactionPostings(tx, chart)),
    ...(books.expenses ?? []).flatMap((e) => expensePostings(e, chart)),
  ];
}
