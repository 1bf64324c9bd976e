/**
 * Products (create, edit, delete) and manual stock transactions. Stock comes in (type 1) or goes out (type 2) only for
 * products that track stock; each movement changes `stock_balance` and posts a journal between the
 * inventory account and the counter account (`journal_account_id`, Owner's Capital by default).
 */
import { Decimal } from "decimal.js";
import { ACCOUNTS } from "../seed/chart.js";
import { journalFor } from "../journals.js";
import type { DaftraBooks, ProductRow, StockTransactionRow } from "../types.js";
import { dayOf, failed, flag, HAS_TRANSACTIONS, isNumber, freshRowId, nextRowId, stamp, text, today, touched, type Body, type FieldErrors, type WriteOutcome } from "./outcome.js";

/** The one warehouse the sandbox account has (Daftra's primary store). */
export const PRIMARY_STORE = 1;

export const stockTransactionsOf = (books: DaftraBooks) => (books.stockTransactions ??= []);

/** Field problems of a product as it would stand after the write (`self` when editing). */
function productErrors(books: DaftraBooks, record: Body, type: number, trackStock: 0 | 1, self?: ProductRow): FieldErrors {
  const errors: FieldErrors = {};
  const code = text(record.product_code);
  if ((!self || "name" in record) && !text(record.name)) errors.name = "Name is required";
  if (code && books.products.some((p) => p.product_code === code && p.id !== self?.id)) errors.product_code = "Product code already exists";
  for (const field of ["unit_price", "buy_price"]) if (record[field] !== undefined && record[field] !== "" && !(isNumber(record[field]) && Number(record[field]) >= 0)) errors[field] = "Price must be a number, 0 or more";
  if (record.tax1 && !books.taxes.some((t) => t.id === Number(record.tax1))) errors.tax1 = "Tax not found";
  if (![1, 2].includes(type)) errors.type = "Type must be 1 (product) or 2 (service)";
  if (trackStock && type !== 1) errors.track_stock = "Only products (type 1) can track stock";
  if (self?.track_stock && !trackStock && !new Decimal(self.stock_balance).isZero()) errors.track_stock = `Stock tracking can't be turned off with ${self.stock_balance} on hand`;
  return errors;
}

const typeOf = (record: Body, fallback: number) => (record.type === undefined || record.type === "" ? fallback : Number(record.type));
const price = (value: unknown) => new Decimal(text(value) || 0).toFixed(2);

export function createProduct(books: DaftraBooks, record: Body, now: Date): WriteOutcome {
  const type = typeOf(record, 1);
  const code = text(record.product_code);
  const errors = productErrors(books, record, type, flag(record.track_stock));
  if (record.stock_balance !== undefined && record.stock_balance !== "" && !(isNumber(record.stock_balance) && Number(record.stock_balance) >= 0)) errors.stock_balance = "Stock balance must be a number, 0 or more";
  const problem = failed(errors);
  if (problem) return problem;
  const id = freshRowId(books, "product", books.products);
  const product: ProductRow = {
    id, name: text(record.name), description: text(record.description), product_code: code || `P-${String(id).padStart(3, "0")}`,
    unit_price: price(record.unit_price), buy_price: price(record.buy_price),
    tax1: record.tax1 ? Number(record.tax1) : null, type: type as 1 | 2, status: 0, track_stock: flag(record.track_stock), stock_balance: "0",
    created: stamp(now), modified: stamp(now),
  };
  books.products.push(product);
  const opening = text(record.stock_balance);
  if (product.track_stock && opening && !new Decimal(opening).isZero()) {
    moveStock(books, product, { transaction_type: 1, quantity: opening, price: product.buy_price, notes: "Opening stock" }, now);
  }
  return { id };
}

/**
 * Edits a product: the fields sent change, the rest stay. Stock moves only through stock
 * transactions, so a `stock_balance` in the body is ignored.
 */
export function editProduct(books: DaftraBooks, id: number, record: Body, now: Date): WriteOutcome {
  const product = books.products.find((p) => p.id === id);
  if (!product) return { missing: "Product not found" };
  const type = typeOf(record, product.type);
  const trackStock = "track_stock" in record ? flag(record.track_stock) : product.track_stock;
  const problem = failed(productErrors(books, record, type, trackStock, product));
  if (problem) return problem;
  const has = (field: string) => field in record && record[field] !== null;
  Object.assign(product, {
    ...(has("name") ? { name: text(record.name) } : {}),
    ...(has("description") ? { description: text(record.description) } : {}),
    ...(text(record.product_code) ? { product_code: text(record.product_code) } : {}),
    ...(has("unit_price") ? { unit_price: price(record.unit_price) } : {}),
    ...(has("buy_price") ? { buy_price: price(record.buy_price) } : {}),
    ...("tax1" in record ? { tax1: record.tax1 ? Number(record.tax1) : null } : {}),
    ...(has("status") ? { status: flag(record.status) } : {}),
    type: type as 1 | 2, track_stock: trackStock, modified: touched(product.modified, now),
  });
  return { id };
}

export function deleteProduct(books: DaftraBooks, id: number): WriteOutcome {
  const index = books.products.findIndex((p) => p.id === id);
  if (index < 0) return { missing: "Product not found" };
  const docs = [books.invoices, books.estimates, books.creditNotes, books.purchaseInvoices].flat();
  if (docs.some((d) => d.lines.some((l) => l.product_id === id)) || stockTransactionsOf(books).some((t) => t.product_id === id)) return { refused: HAS_TRANSACTIONS };
  books.products.splice(index, 1);
  return { id };
}

function moveStock(books: DaftraBooks, product: ProductRow, record: Body, now: Date): number {
  const rows = stockTransactionsOf(books);
  const type = Number(record.transaction_type) === 2 ? 2 : 1;
  const row: StockTransactionRow = {
    id: nextRowId(rows), product_id: product.id, store_id: record.store_id ? Number(record.store_id) : PRIMARY_STORE, transaction_type: type,
    quantity: new Decimal(text(record.quantity)).toString(), price: new Decimal(text(record.price) || product.buy_price).toFixed(2),
    currency_code: text(record.currency_code) || books.site.currency_code, date: dayOf(record.date) ?? today(now), source_type: 1,
    journal_account_id: record.journal_account_id ? Number(record.journal_account_id) : ACCOUNTS.capital, notes: text(record.notes), created: stamp(now),
  };
  rows.push(row);
  const delta = new Decimal(row.quantity).times(type === 1 ? 1 : -1);
  Object.assign(product, { stock_balance: new Decimal(product.stock_balance).plus(delta).toString(), modified: touched(product.modified, now) });
  books.journals.push(journalFor(books, "stock_transaction", row.id, row.date, `Stock transaction #${row.id} (${product.name})`, row));
  return row.id;
}

export function createStockTransaction(books: DaftraBooks, record: Body, now: Date): WriteOutcome {
  const errors: FieldErrors = {};
  const product = books.products.find((p) => p.id === Number(record.product_id));
  const type = record.transaction_type === undefined ? 1 : Number(record.transaction_type);
  if (!product) errors.product_id = "Product not found";
  else if (!product.track_stock) errors.product_id = "This product does not track stock";
  if (type !== 1 && type !== 2) errors.transaction_type = "Transaction type must be 1 (in) or 2 (out)";
  if (!isNumber(record.quantity) || !(Number(record.quantity) > 0)) errors.quantity = "Quantity must be a number above zero";
  if (record.price !== undefined && record.price !== "" && !(isNumber(record.price) && Number(record.price) >= 0)) errors.price = "Price must be a number, 0 or more";
  if (record.store_id && Number(record.store_id) !== PRIMARY_STORE) errors.store_id = "You don't have permission for this warehouse";
  if (record.date && !dayOf(record.date)) errors.date = "Date must be YYYY-MM-DD";
  if (record.source_type !== undefined && Number(record.source_type) !== 1) errors.source_type = "Only manual stock transactions (source_type 1) can be added";
  if (record.journal_account_id && !books.journalAccounts.some((a) => a.id === Number(record.journal_account_id))) errors.journal_account_id = "Account not found";
  if (product?.track_stock && type === 2 && isNumber(record.quantity) && new Decimal(text(record.quantity)).gt(product.stock_balance)) errors.quantity = `Not enough stock: ${product.stock_balance} on hand`;
  const problem = failed(errors);
  if (problem) return problem;
  return { id: moveStock(books, product!, record, now) };
}
