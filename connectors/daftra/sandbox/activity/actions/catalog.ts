/** The catalogue: new products and services, price and name changes, stock coming in and going out. */
import { Decimal } from "decimal.js";
import type { Prng } from "../../books/prng.js";
import type { ProductRow } from "../../books/types.js";
import { createProduct, createStockTransaction, editProduct } from "../../books/writes/index.js";
import { editTime, recorded, type ActivityAction } from "../types.js";

const GOODS = ["Footrest", "Monitor Arm", "Cable Tray", "Docking Station", "Label Printer", "Paper Shredder", "Projector", "Conference Phone"];
const STYLES = ["Ergonomic", "Compact", "Premium", "Wireless", "Eco"];
const SERVICES = ["Onsite Audit", "Cloud Backup Month", "Network Survey", "Security Review", "Workspace Planning"];
const EDITIONS = ["Pro", "Plus", "Lite", "XL", "II"];
const STOCK_NOTES = { in: ["Restock from supplier", "Returned by customer", "Stock count adjustment"], out: ["Damaged in storage", "Internal use", "Stock count adjustment"] };

const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

export const newProduct: ActivityAction = {
  name: "new product",
  weight: 3,
  run({ books, rng, now }) {
    const service = rng.chance(0.3);
    const name = service ? rng.pick(SERVICES) : `${rng.pick(STYLES)} ${rng.pick(GOODS)}`;
    const price = roundTo(rng.int(40, 3_000), 5);
    const product = {
      name, description: `${name} (${service ? "service" : "stock item"})`, type: service ? 2 : 1,
      unit_price: price.toFixed(2), buy_price: (price * rng.int(55, 70) / 100).toFixed(2), tax1: rng.chance(0.9) ? 1 : 3,
      ...(service ? {} : { track_stock: 1, stock_balance: rng.int(0, 60) }),
    };
    return recorded("created", "product", createProduct(books, product, now));
  },
};

/** A new list price (a few percent up or down), now and then a new edition name. */
function changeOf(rng: Prng, product: ProductRow): Record<string, unknown> {
  if (rng.chance(0.25)) {
    const base = product.name.replace(new RegExp(` (${EDITIONS.join("|")})$`), "");
    const edition = rng.pick(EDITIONS.filter((e) => product.name !== `${base} ${e}`));
    return { name: `${base} ${edition}` };
  }
  const percent = rng.pick([-10, -5, -3, 3, 5, 8, 12]);
  const current = new Decimal(product.unit_price);
  const next = Decimal.max(current.times(100 + percent).dividedBy(100).toDecimalPlaces(0), 1);
  return { unit_price: (next.eq(current) ? current.plus(1) : next).toFixed(2) };
}

export const updateProduct: ActivityAction = {
  name: "product updated",
  weight: 6,
  run({ books, rng, now }) {
    const product = rng.pick(books.products);
    return recorded("updated", "product", editProduct(books, product.id, changeOf(rng, product), editTime(now, product.modified)));
  },
};

/** Stock in (a restock) or, when there is enough on hand, out (a write-off). */
export const moveStock: ActivityAction = {
  name: "stock transaction",
  weight: 8,
  run({ books, rng, now }) {
    const tracked = books.products.filter((p) => p.track_stock);
    if (!tracked.length) return undefined;
    const product = rng.pick(tracked);
    const onHand = Number(product.stock_balance);
    const out = onHand >= 1 && rng.chance(0.35);
    const quantity = out ? rng.int(1, Math.min(10, Math.floor(onHand))) : rng.int(5, 40);
    const move = { product_id: product.id, transaction_type: out ? 2 : 1, quantity, price: product.buy_price, notes: rng.pick(out ? STOCK_NOTES.out : STOCK_NOTES.in) };
    return recorded("created", "stock_transaction", createStockTransaction(books, move, editTime(now, product.modified)));
  },
};
