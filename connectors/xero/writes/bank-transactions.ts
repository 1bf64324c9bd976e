import { BankTransaction as XeroBankTransaction, type BankTransfer as XeroBankTransfer } from "xero-node";
import type { BankTransactionInput, BankTransferInput } from "../../../src/connector/inputs.js";
import type { BankTransfer, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { BankTransaction } from "../../../schema/bank-transaction/bank-transaction.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { orNull, requireId } from "../mapping/common.js";
import { toIsoDate } from "../mapping/dates.js";
import { toXeroLineAmountTypes } from "../mapping/statuses.js";
import { toUnifiedBankTransaction } from "../mapping/to-bank-transaction.js";
import { toXeroLineItems } from "../mapping/to-line-items.js";
import { toWireJson } from "../mapping/wire-json.js";
import { missingRecord } from "./missing-record.js";
import { UNIT_DP, withUnitDp } from "./unit-dp.js";
import { wireDecimal } from "../client/exact-decimals.js";

/** Spend money (SPEND) or receive money (RECEIVE) through one bank account, approved at once. */
export function toXeroBankTransaction(input: BankTransactionInput): XeroBankTransaction {
  const tx: XeroBankTransaction = {
    type: input.kind === "RECEIVE" ? XeroBankTransaction.TypeEnum.RECEIVE : XeroBankTransaction.TypeEnum.SPEND,
    bankAccount: { code: input.bankAccountCode },
    date: input.date,
    lineItems: toXeroLineItems(input.lines),
  };
  if (input.contactRemoteId) tx.contact = { contactID: input.contactRemoteId };
  if (input.lineAmountType) tx.lineAmountTypes = toXeroLineAmountTypes(input.lineAmountType);
  if (input.reference) tx.reference = input.reference;
  return tx;
}

/** Sends one bank transaction; shared by createBankTransaction and stock purchases paid from a bank account. */
export async function putBankTransaction(api: XeroApi, model: XeroBankTransaction, options: WriteOptions): Promise<XeroBankTransaction> {
  const body = await api.call({ what: "BankTransaction" }, (x, tenant) => x.createBankTransactions(tenant, { bankTransactions: [model] }, true, UNIT_DP, options.idempotencyKey));
  const created = body.bankTransactions?.[0];
  if (!created) throw missingRecord("bank transaction", "List bank transactions");
  return created;
}

export const bankTransactionRequest = (model: XeroBankTransaction) =>
  ({ method: "PUT", path: withUnitDp("/api.xro/2.0/BankTransactions?summarizeErrors=true"), body: { BankTransactions: [toWireJson(model, "BankTransaction")] } });

/** https://developer.xero.com/documentation/api/accounting/banktransactions#put-banktransactions */
export async function createBankTransaction(api: XeroApi, input: BankTransactionInput, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<BankTransaction>> {
  const model = toXeroBankTransaction(input);
  if (options.dryRun) return { kind: "dryRun", request: bankTransactionRequest(model) };
  return { kind: "done", record: toUnifiedBankTransaction(await putBankTransaction(api, model, options), ctx) };
}

/**
 * Moves money between two of the organization's bank accounts; Xero records it as a transfer with
 * a spend and a receive bank transaction, and refuses the same account twice or a non-positive amount.
 * https://developer.xero.com/documentation/api/accounting/banktransfers#put-banktransfers
 */
export async function transferMoney(api: XeroApi, input: BankTransferInput, options: WriteOptions): Promise<WriteResult<BankTransfer>> {
  const model: XeroBankTransfer = {
    fromBankAccount: { code: input.fromAccountCode },
    toBankAccount: { code: input.toAccountCode },
    amount: wireDecimal(input.amount),
    date: input.date,
    ...(input.reference ? { reference: input.reference } : {}),
  };
  if (options.dryRun) {
    return { kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/BankTransfers", body: { BankTransfers: [toWireJson(model, "BankTransfer")] } } };
  }
  const body = await api.call({ what: "BankTransfer" }, (x, tenant) => x.createBankTransfer(tenant, { bankTransfers: [model] }, options.idempotencyKey));
  const made = body.bankTransfers?.[0];
  if (!made) throw missingRecord("bank transfer", "List bank transactions");
  return {
    kind: "done",
    record: {
      remoteId: requireId(made.bankTransferID, "BankTransferID"),
      fromAccountCode: made.fromBankAccount?.code ?? input.fromAccountCode,
      toAccountCode: made.toBankAccount?.code ?? input.toAccountCode,
      amount: moneyOrZero(made.amount ?? input.amount),
      date: toIsoDate(made.date) ?? input.date,
      reference: orNull(made.reference),
      fromTransactionRemoteId: orNull(made.fromBankTransactionID),
      toTransactionRemoteId: orNull(made.toBankTransactionID),
    },
  };
}
