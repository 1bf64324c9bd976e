/** Document items as a Daftra client sends them (`InvoiceItem[]`), picked from the catalogue or read back from a document. */
import type { Prng } from "../books/prng.js";
import type { DocRow, ProductRow } from "../books/types.js";
import type { Body } from "../books/writes/index.js";

/** One item line for a product at its list price, now and then with a percentage discount. */
export function itemFor(rng: Prng, product: ProductRow): Body {
  return {
    product_id: product.id,
    item: product.name,
    description: product.description,
    unit_price: product.unit_price,
    quantity: String(rng.int(1, product.type === 2 ? 3 : 6)),
    tax1: product.tax1 ?? "",
    ...(rng.chance(0.1) ? { discount: String(rng.pick([5, 10, 15])), discount_type: 1 } : {}),
  };
}

/** Between one and `max` item lines on distinct active products. */
export function pickItems(rng: Prng, products: readonly ProductRow[], max = 4): Body[] {
  const active = products.filter((p) => p.status === 0);
  const chosen = new Set<ProductRow>();
  const count = Math.min(rng.int(1, max), active.length);
  while (chosen.size < count) chosen.add(rng.pick(active));
  return [...chosen].map((product) => itemFor(rng, product));
}

/** A document's items in the shape a whole-payload edit sends back. */
export function itemsOf(doc: DocRow): Body[] {
  return doc.lines.map((line) => ({
    product_id: line.product_id ?? "",
    item: line.item,
    description: line.description,
    unit_price: line.unit_price,
    quantity: line.quantity,
    tax1: line.tax1 ?? "",
    ...(line.discount ? { discount: line.discount, discount_type: line.discount_type ?? 1 } : {}),
  }));
}

/** A document's header fields, as an edit that keeps them sends them. */
export function headerOf(doc: DocRow): Body {
  return {
    client_id: doc.party_id, date: doc.date, due_after: doc.due_after, draft: doc.draft,
    currency_code: doc.currency_code, notes: doc.notes, terms: doc.terms ?? "", po_number: doc.po_number ?? "",
  };
}
