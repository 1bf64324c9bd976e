import { randomUUID } from "node:crypto";
import { groupedAmount } from "../money.js";
import { normaliseLineAmountTypes, totals } from "../totals.js";
import { touchedAt } from "../touch.js";
import type { PurchaseOrderStatus, WriteOptions, WriteResult, XeroBooks, XeroPurchaseOrder } from "../types.js";
import { markContactRole, recordChange } from "./audit.js";
import { resolveContactRef } from "./contact-ref.js";
import { asElement, dateInput, failed, flag, succeeded, text, today, type Element } from "./input.js";
import { buildLines } from "./lines.js";
import { nextDocumentNumber } from "./numbering.js";

export const ORDER_NUMBER_MESSAGE = "Order number must be unique";
export const SENT_TO_CONTACT_MESSAGE = "Only AUTHORISED and BILLED purchase orders may have SentToContact updated.";
export const DELETED_ORDER_MESSAGE = "Deleted PurchaseOrders cannot be updated";
export const ORDER_CREATION_STATUS_MESSAGE = "Purchase order not of valid status for creation";

/** Status moves a purchase order can make; a new order starts as DRAFT, SUBMITTED or AUTHORISED. */
const MOVES: Record<PurchaseOrderStatus, readonly PurchaseOrderStatus[]> = {
  DRAFT: ["DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"],
  SUBMITTED: ["SUBMITTED", "DRAFT", "AUTHORISED", "DELETED"],
  AUTHORISED: ["AUTHORISED", "SUBMITTED", "BILLED", "DELETED"],
  BILLED: ["BILLED", "AUTHORISED"],
  DELETED: [],
};
const CREATABLE: readonly PurchaseOrderStatus[] = ["DRAFT", "SUBMITTED", "AUTHORISED"];
const TEXT_FIELDS = ["Reference", "DeliveryAddress", "AttentionTo", "Telephone", "DeliveryInstructions"] as const;

function numberTaken(books: XeroBooks, number: string, id: string | undefined): boolean {
  return books.purchaseOrders.some((o) => o.PurchaseOrderID !== id && o.Status !== "DELETED" && o.PurchaseOrderNumber.toLowerCase() === number.toLowerCase());
}

function statusError(base: XeroPurchaseOrder | undefined, requested: string): string | undefined {
  if (!(requested in MOVES)) return `Status ${requested} is not a valid purchase order status.`;
  const status = requested as PurchaseOrderStatus;
  if (!base) return CREATABLE.includes(status) ? undefined : ORDER_CREATION_STATUS_MESSAGE;
  if (base.Status === "DELETED") return DELETED_ORDER_MESSAGE;
  return MOVES[base.Status].includes(status) ? undefined : `A ${base.Status} purchase order cannot be moved to ${status}.`;
}

/** Purchase orders never create contacts and post nothing to the ledger. */
function store(books: XeroBooks, el: Element, base: XeroPurchaseOrder | undefined, opts: WriteOptions): WriteResult<XeroPurchaseOrder> {
  const requested = text(el.Status)?.toUpperCase() ?? base?.Status ?? "DRAFT";
  const refusal = statusError(base, requested);
  if (refusal) return failed(el, [refusal]);
  const status = requested as PurchaseOrderStatus;

  const errors: string[] = [];
  const choice = el.Contact !== undefined || !base ? resolveContactRef(books, el.Contact, opts.now, false) : { contact: undefined, errors: [] as string[] };
  if (choice.notFound) return failed(el, choice.errors, true);
  errors.push(...choice.errors);
  const contact = choice.contact ?? books.contacts.find((c) => c.ContactID === base?.Contact.ContactID);
  const lat = el.LineAmountTypes !== undefined ? normaliseLineAmountTypes(el.LineAmountTypes) : base?.LineAmountTypes ?? "Exclusive";
  if (!lat) errors.push("LineAmountTypes must be Exclusive, Inclusive or NoTax.");
  const rules = { books, side: "purchases", lineAmountTypes: lat ?? "Exclusive", strict: false, unitdp: opts.unitdp ?? 4, allowDiscount: true } as const;
  const built = buildLines(el.LineItems, base?.LineItems ?? [], rules);
  errors.push(...built.errors);
  const date = dateInput(el.Date) ?? base?.Date ?? today(opts.now);
  const delivery = dateInput(el.DeliveryDate);
  if (el.Date !== undefined && dateInput(el.Date) === null) errors.push("The Date field must be a valid date.");
  if (delivery === null) errors.push("The DeliveryDate field must be a valid date.");
  const number = text(el.PurchaseOrderNumber) ?? base?.PurchaseOrderNumber;
  if (number && numberTaken(books, number, base?.PurchaseOrderID)) errors.push(ORDER_NUMBER_MESSAGE);
  const sent = flag(el.SentToContact);
  if (sent !== undefined && sent !== (base?.SentToContact ?? false) && status !== "AUTHORISED" && status !== "BILLED") errors.push(SENT_TO_CONTACT_MESSAGE);
  const currency = text(el.CurrencyCode);
  if (currency && currency !== books.organisation.BaseCurrency) errors.push(`Organisation is not subscribed to currency ${currency}`);
  if (errors.length || !contact) return failed(el, errors.length ? errors : ["A Contact must be specified."]);

  const order: XeroPurchaseOrder = {
    ...(base ?? { PurchaseOrderID: randomUUID(), SentToContact: false, HasAttachments: false, CurrencyRate: 1 }),
    ...totals(built.lines, rules.lineAmountTypes, books.taxRates),
    PurchaseOrderNumber: number ?? nextDocumentNumber(books, "PO", (n) => numberTaken(books, n, undefined)),
    Contact: { ContactID: contact.ContactID, Name: contact.Name },
    Date: date,
    Status: status,
    LineAmountTypes: rules.lineAmountTypes,
    CurrencyCode: books.organisation.BaseCurrency,
    UpdatedDateUTC: touchedAt(base?.UpdatedDateUTC, opts.now),
  } as XeroPurchaseOrder;
  const previous = base?.Status;
  if (delivery) order.DeliveryDate = delivery;
  if (sent !== undefined) order.SentToContact = sent;
  for (const field of TEXT_FIELDS) if (el[field] !== undefined) order[field] = text(el[field]);
  if (base) Object.assign(base, order);
  else books.purchaseOrders.push(order);
  const label = `${order.PurchaseOrderNumber} to ${contact.Name} for ${groupedAmount(order.Total)}.`;
  if (!base) recordChange(books, order.PurchaseOrderID, "Created", label, opts.now);
  if ((previous ?? "DRAFT") !== status || base) recordChange(books, order.PurchaseOrderID, previous === status ? "Edited" : "Status changed", label, opts.now);
  markContactRole(books, contact.ContactID, "purchases");
  return succeeded(base ?? order);
}

/** PUT (create only) / POST (create or update) /PurchaseOrders and POST /PurchaseOrders/{id}. */
export function writePurchaseOrders(books: XeroBooks, elements: unknown[], opts: WriteOptions): WriteResult<XeroPurchaseOrder>[] {
  return elements.map((raw) => {
    const el = asElement(raw);
    const id = text(el.PurchaseOrderID);
    const base = id ? books.purchaseOrders.find((o) => o.PurchaseOrderID.toLowerCase() === id.toLowerCase()) : undefined;
    if (id && !base) return failed(raw, ["An existing PurchaseOrder with the specified PurchaseOrderID could not be found"], true);
    if (base && opts.mode === "create") return failed(raw, [ORDER_NUMBER_MESSAGE]);
    return store(books, el, base, opts);
  });
}
