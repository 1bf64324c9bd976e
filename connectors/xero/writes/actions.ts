import type { ActionInputs, ActionName, ActionResults, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { addStock } from "./add-stock.js";
import { transferMoney } from "./bank-transactions.js";
import { allocateCredit } from "./credit-notes.js";

type Action<A extends ActionName> = (api: XeroApi, input: ActionInputs[A], options: WriteOptions, ctx: MappingContext) => Promise<WriteResult<ActionResults[A]>>;

/** How Xero runs each action that is not a plain create or update; the capabilities declare the same ones. */
export const XERO_ACTIONS: { [A in ActionName]?: Action<A> } = {
  allocateCredit,
  addStock,
  transfer: (api, input, options) => transferMoney(api, input, options),
};

export function xeroAction<A extends ActionName>(action: A): Action<A> | undefined {
  return XERO_ACTIONS[action] as Action<A> | undefined;
}
