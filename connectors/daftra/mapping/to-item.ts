import type { Item } from "../../../schema/item/item.type.js";
import { decimalString, money } from "../../../src/money/decimal.js";
import { isTrue, nodeFields, type MappingContext } from "./common.js";
import type { DaftraProduct } from "./wire-schemas.js";

/** A product or service → Item; tracked products carry their stock as quantityOnHand. */
export function toUnifiedItem(product: DaftraProduct, ctx: MappingContext): Item {
  const tracked = isTrue(product.track_stock);
  return {
    ...nodeFields(ctx, "Item", product.id, product.modified, product),
    code: product.product_code ?? product.barcode,
    name: product.name ?? "",
    description: product.description,
    isSold: true,
    isPurchased: product.buy_price !== null,
    salesUnitPrice: money(product.unit_price),
    purchaseUnitPrice: money(product.buy_price),
    salesAccountCode: null,
    purchaseAccountCode: null,
    isTracked: tracked,
    quantityOnHand: tracked ? decimalString(product.stock_balance) : null,
  };
}
