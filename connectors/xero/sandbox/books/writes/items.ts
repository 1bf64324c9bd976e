import { randomUUID } from "node:crypto";
import { Decimal } from "../money.js";
import { touchedAt } from "../touch.js";
import type { WriteOptions, WriteResult, XeroBooks, XeroItem, XeroItemDetails } from "../types.js";
import { recordChange } from "./audit.js";
import { asElement, failed, flag, numeric, succeeded, text, type Element } from "./input.js";
import { invalidAccountMessage } from "./lines.js";

export function duplicateItemCodeMessage(code: string): string {
  return `Price List Item with Code ''${code}'' already exists`;
}
export const ITEM_CODE_MESSAGE = "The Code field must be specified (at most 30 characters).";
export const INVENTORY_ACCOUNT_MESSAGE = "The InventoryAssetAccountCode must be an active account of type INVENTORY.";
export const COGS_REQUIRED_MESSAGE = "A COGSAccountCode in PurchaseDetails is required to track an item as inventory.";
export const INVENTORY_REQUIRED_MESSAGE = "An InventoryAssetAccountCode is required when PurchaseDetails has a COGSAccountCode.";

const usable = (books: XeroBooks, code: string) => {
  const account = books.accounts.find((a) => a.Code === code);
  return account && account.Status === "ACTIVE" && account.Type !== "BANK" && !account.SystemAccount ? account : undefined;
};

/** Sales or purchase details merged over the current ones, with Xero's account and tax checks. */
function details(books: XeroBooks, input: unknown, base: XeroItemDetails | undefined, unitdp: number, errors: string[]): XeroItemDetails {
  if (input === undefined) return base ?? {};
  const el = asElement(input);
  const out: XeroItemDetails = { ...base };
  const price = numeric(el.UnitPrice);
  if (Number.isNaN(price)) errors.push("UnitPrice must be a number.");
  else if (price !== undefined) out.UnitPrice = new Decimal(price).toDecimalPlaces(unitdp).toNumber();
  for (const field of ["AccountCode", "COGSAccountCode"] as const) {
    const code = text(el[field]);
    if (code === undefined) continue;
    if (!usable(books, code)) errors.push(invalidAccountMessage(code));
    out[field] = code;
  }
  const tax = text(el.TaxType);
  if (tax !== undefined) {
    const rate = books.taxRates.find((t) => t.TaxType === tax && t.Status === "ACTIVE");
    if (!rate) errors.push(`The TaxType code ${tax} does not exist or cannot be used for this type of transaction.`);
    out.TaxType = tax;
  }
  return out;
}

/**
 * An item is tracked as inventory exactly when it has an InventoryAssetAccountCode (an INVENTORY
 * account) and a COGSAccountCode in PurchaseDetails; tracked items buy into the inventory account,
 * so their PurchaseDetails carry no AccountCode.
 */
function store(books: XeroBooks, el: Element, base: XeroItem | undefined, opts: WriteOptions): WriteResult<XeroItem> {
  const errors: string[] = [];
  const code = text(el.Code) ?? base?.Code;
  if (!code || code.length > 30) return failed(el, [ITEM_CODE_MESSAGE]);
  const name = text(el.Name) ?? base?.Name ?? "";
  if (name.length > 50) errors.push("The Name field must be at most 50 characters.");
  const clash = books.items.find((i) => i.ItemID !== base?.ItemID && i.Code.toLowerCase() === code.toLowerCase());
  if (clash) errors.push(duplicateItemCodeMessage(code));
  const unitdp = opts.unitdp ?? 2;
  const sales = details(books, el.SalesDetails, base?.SalesDetails, unitdp, errors);
  const purchase = details(books, el.PurchaseDetails, base?.PurchaseDetails, unitdp, errors);
  const inventory = el.InventoryAssetAccountCode !== undefined ? text(el.InventoryAssetAccountCode) : base?.InventoryAssetAccountCode;
  if (inventory) {
    const account = books.accounts.find((a) => a.Code === inventory);
    if (!account || account.Type !== "INVENTORY" || account.Status !== "ACTIVE") errors.push(INVENTORY_ACCOUNT_MESSAGE);
    if (!purchase.COGSAccountCode) errors.push(COGS_REQUIRED_MESSAGE);
  } else if (purchase.COGSAccountCode) errors.push(INVENTORY_REQUIRED_MESSAGE);
  if (base?.IsTrackedAsInventory && !inventory && (base.QuantityOnHand ?? 0) !== 0) errors.push("An item with stock on hand cannot stop being tracked.");
  if (errors.length) return failed(el, errors);

  const tracked = !!inventory;
  if (tracked) delete purchase.AccountCode;
  const item: XeroItem = {
    ...(base ?? { ItemID: randomUUID() }),
    Code: code,
    Name: name,
    IsSold: flag(el.IsSold) ?? base?.IsSold ?? true,
    IsPurchased: flag(el.IsPurchased) ?? base?.IsPurchased ?? true,
    IsTrackedAsInventory: tracked,
    SalesDetails: sales,
    PurchaseDetails: purchase,
    UpdatedDateUTC: touchedAt(base?.UpdatedDateUTC, opts.now),
  } as XeroItem;
  for (const field of ["Description", "PurchaseDescription"] as const) if (el[field] !== undefined) item[field] = text(el[field]);
  if (tracked) {
    item.InventoryAssetAccountCode = inventory;
    item.QuantityOnHand = base?.QuantityOnHand ?? 0;
    item.TotalCostPool = base?.TotalCostPool ?? 0;
  } else {
    delete item.InventoryAssetAccountCode;
    delete item.QuantityOnHand;
    delete item.TotalCostPool;
  }
  if (base) {
    for (const key of Object.keys(base)) delete (base as unknown as Record<string, unknown>)[key];
    Object.assign(base, item);
  } else books.items.push(item);
  recordChange(books, item.ItemID, base ? "Edited" : "Created", `Item ${code} ${base ? "updated" : "created"}.`, opts.now);
  return succeeded(base ?? item);
}

/** PUT (create only) / POST (create, or update matched by ItemID or Code) /Items and POST /Items/{id}. */
export function writeItems(books: XeroBooks, elements: unknown[], opts: WriteOptions): WriteResult<XeroItem>[] {
  return elements.map((raw) => {
    const el = asElement(raw);
    const id = text(el.ItemID), code = text(el.Code);
    const byId = id ? books.items.find((i) => i.ItemID.toLowerCase() === id.toLowerCase()) : undefined;
    if (id && !byId) return failed(raw, ["An existing Item with the specified ItemID could not be found"], true);
    const byCode = code ? books.items.find((i) => i.Code.toLowerCase() === code.toLowerCase()) : undefined;
    if (opts.mode === "create") return byId || byCode ? failed(raw, [duplicateItemCodeMessage(code ?? byId!.Code)]) : store(books, el, undefined, opts);
    return store(books, el, byId ?? byCode, opts);
  });
}
