import type { BankTransaction as XeroBankTransaction } from "xero-node";
import { BankTransactionKind, type BankTransaction } from "../../../schema/bank-transaction/bank-transaction.type.js";
import { documentTotals, nodeFields, orNull, requireId, toContactRef, toLineItems, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import { enumText, toLineAmountType } from "./statuses.js";
import { toWireJson } from "./wire-json.js";

/** "RECEIVE-OVERPAYMENT" → RECEIVE_OVERPAYMENT. */
function toKind(type: unknown): BankTransactionKind {
  const name = enumText(type).toUpperCase().replace(/-/g, "_");
  return (BankTransactionKind as Record<string, BankTransactionKind>)[name] ?? BankTransactionKind.SPEND;
}

export function toUnifiedBankTransaction(tx: XeroBankTransaction, ctx: MappingContext): BankTransaction {
  const remoteId = requireId(tx.bankTransactionID, "BankTransactionID");
  return {
    ...nodeFields(ctx, "BankTransaction", remoteId, tx.updatedDateUTC, () => toWireJson(tx, "BankTransaction")),
    ...documentTotals(tx),
    number: null,
    reference: orNull(tx.reference),
    issueDate: toIsoDate(tx.date),
    lineAmountType: toLineAmountType(tx.lineAmountTypes),
    lineItems: toLineItems(tx.lineItems),
    contactRef: toContactRef(tx.contact),
    kind: toKind(tx.type),
    status: enumText(tx.status) || "AUTHORISED",
    bankAccount: { remoteId: orNull(tx.bankAccount?.accountID), code: orNull(tx.bankAccount?.code), name: orNull(tx.bankAccount?.name) },
    isReconciled: tx.isReconciled ?? null,
  };
}
