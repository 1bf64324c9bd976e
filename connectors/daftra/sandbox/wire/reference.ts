import { Decimal } from "decimal.js";
import type { JournalAccountRow, JournalCatRow, NoteRow, PartyRow, ProductRow, StockTransactionRow, TaxRow, TreasuryRow } from "../books/types.js";
import type { WireContext } from "./context.js";
import { str } from "./format.js";

type Wire = Record<string, unknown>;

/** Clients and suppliers: same fields, with `client_number` or `supplier_number`. */
export function partyWire(row: PartyRow, numberField: "client_number" | "supplier_number"): Wire {
  const { id, number, type, ...rest } = row;
  return { id: str(id), [numberField]: number, type: str(type), ...rest, starting_balance: null, notes: "" };
}

export const productWire = (row: ProductRow): Wire => ({
  ...row, id: str(row.id), tax1: str(row.tax1), tax2: null, type: str(row.type), status: str(row.status),
  track_stock: str(row.track_stock), average_price: row.buy_price, low_stock_thershold: null,
});

export const taxWire = (row: TaxRow): Wire => ({ ...row, id: str(row.id), included: str(row.included) });

export function treasuryWire(row: TreasuryRow, ctx: WireContext): Wire {
  const t = ctx.totals().get(row.journal_account_id);
  const balance = t ? t.debit.minus(t.credit) : new Decimal(0);
  return {
    id: str(row.id), name: row.name, type: str(row.type), type_name: row.type === 1 ? "Bank" : "Cash",
    type_account_number: row.type_account_number, is_primary: str(row.is_primary), balance: balance.toFixed(2),
  };
}

export function journalAccountWire(row: JournalAccountRow, ctx: WireContext): Wire {
  const t = ctx.totals().get(row.id);
  return {
    ...row, id: str(row.id), journal_cat_id: str(row.journal_cat_id), type: str(row.type), entity_id: str(row.entity_id),
    total_debit: (t?.debit ?? new Decimal(0)).toFixed(2), total_credit: (t?.credit ?? new Decimal(0)).toFixed(2), disabled: "0",
  };
}

export const journalCatWire = (row: JournalCatRow): Wire => ({ ...row, id: str(row.id), color: null });

export const stockTransactionWire = (row: StockTransactionRow): Wire => ({
  ...row, id: str(row.id), product_id: str(row.product_id), store_id: str(row.store_id), transaction_type: str(row.transaction_type),
  source_type: str(row.source_type), journal_account_id: str(row.journal_account_id), price_without_tax: row.price, purchase_price: row.price,
  status: "1", modified: row.created,
});

export const noteWire = (row: NoteRow): Wire => ({ ...row, id: str(row.id), item_id: str(row.item_id), modified: row.created });
