import { addDays, daysBetween } from "../dates.js";
import { totals } from "../totals.js";
import type { PurchaseOrderStatus, XeroPurchaseOrder } from "../types.js";
import { datesIn, type MonthWindow } from "./calendar.js";
import { activeContacts, type SeededContact } from "./contacts.js";
import type { SeedContext } from "./context.js";
import { groupedAmount } from "../money.js";
import { laterDate } from "./lifecycle.js";
import { billLine } from "./lines.js";

function purchaseOrderStatus(ctx: SeedContext, date: string): PurchaseOrderStatus {
  if (daysBetween(date, ctx.today) < 30) {
    return ctx.rng.weighted<PurchaseOrderStatus>([["DRAFT", 30], ["SUBMITTED", 25], ["AUTHORISED", 40], ["DELETED", 5]]);
  }
  return ctx.rng.weighted<PurchaseOrderStatus>([["BILLED", 65], ["AUTHORISED", 15], ["DELETED", 10], ["DRAFT", 5], ["SUBMITTED", 5]]);
}

export function seedPurchaseOrders(ctx: SeedContext, window: MonthWindow, suppliers: SeededContact[]): void {
  const count = Math.round(ctx.rng.int(3, 5) * window.share);
  for (const date of datesIn((a, b) => ctx.dateBetween(a, b), window, count)) {
    const { contact } = ctx.rng.pick(activeContacts(suppliers));
    const lat = ctx.rng.chance(0.85) ? "Exclusive" : "NoTax";
    const priced = totals(Array.from({ length: ctx.rng.int(1, 3) }, () => billLine(ctx, lat)), lat, ctx.books.taxRates);
    const status = purchaseOrderStatus(ctx, date);
    const order: XeroPurchaseOrder = {
      PurchaseOrderID: ctx.guid(),
      PurchaseOrderNumber: ctx.nextNumber("PO"),
      ...(ctx.rng.chance(0.3) ? { Reference: `Job ${ctx.rng.int(100, 999)}` } : {}),
      Contact: ctx.contactRef(contact),
      Date: date,
      DeliveryDate: addDays(date, 14),
      DeliveryAddress: "200 SW Market Street, Suite 1450, Portland OR 97201",
      AttentionTo: "Receiving",
      Telephone: "503 555-0142",
      DeliveryInstructions: "Deliver to loading dock B between 9am and 4pm.",
      Status: status,
      LineAmountTypes: lat,
      ...priced,
      CurrencyCode: ctx.books.organisation.BaseCurrency,
      CurrencyRate: 1,
      SentToContact: (status === "AUTHORISED" || status === "BILLED") && ctx.rng.chance(0.7),
      HasAttachments: false,
      UpdatedDateUTC: "",
    };
    ctx.books.purchaseOrders.push(order);
    const label = order.PurchaseOrderNumber;
    order.UpdatedDateUTC = ctx.history(order.PurchaseOrderID, date, "Created", `${label} to ${contact.Name} for ${groupedAmount(order.Total)}.`);
    if (status !== "DRAFT") {
      order.UpdatedDateUTC = ctx.history(order.PurchaseOrderID, laterDate(ctx, date, 20), "Status changed", `${label} marked ${status.toLowerCase()}.`);
    }
  }
}
