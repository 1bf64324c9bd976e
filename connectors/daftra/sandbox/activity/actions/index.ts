import type { ActivityAction } from "../types.js";
import { moveStock, newProduct, updateProduct } from "./catalog.js";
import { deleteDraftInvoice, newEstimate, newInvoice, updateInvoice } from "./documents.js";
import { newClient, newExpense, payInvoice } from "./money.js";

/** Everything the simulated business does, each with its weight; the order is part of the draws, so keep it. */
export const ACTIONS: readonly ActivityAction[] = [
  newClient, newInvoice, updateInvoice, payInvoice, deleteDraftInvoice,
  newProduct, updateProduct, moveStock, newEstimate, newExpense,
];
