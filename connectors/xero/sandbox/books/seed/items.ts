import type { XeroItem } from "../types.js";
import { CODES } from "./chart.js";
import type { SeedContext } from "./context.js";

type Kind = "service" | "product" | "tracked";
type ItemRow = [code: string, name: string, kind: Kind, price: number, cost: number];

const CATALOGUE: ItemRow[] = [
  ["CONSULT", "Consulting (per hour)", "service", 150, 0],
  ["INSTALL", "Installation labour (per hour)", "service", 95, 0],
  ["SUPPORT-M", "Managed IT support (monthly)", "service", 450, 0],
  ["TRAINING", "On-site training (per day)", "service", 600, 0],
  ["DESIGN", "Design work (per hour)", "service", 120, 0],
  ["PAPER-A4", "Copy paper A4 (ream)", "product", 8.5, 4.95],
  ["TONER-BK", "Black toner cartridge", "product", 89, 54.6],
  ["CABLE-HDMI", "HDMI cable 2m", "product", 19, 7.8],
  ["DESK-LAMP", "LED desk lamp", "product", 45, 21.75],
  ["CHAIR-ERG", "Ergonomic office chair", "product", 349, 188],
  ["HEADSET", "USB headset", "product", 79, 40.5],
  ["MOUSE-WL", "Wireless mouse", "product", 29, 14.2],
  ["KEYB-WL", "Wireless keyboard", "product", 59, 29.9],
  ["LAPTOP-14", "14-inch business laptop", "tracked", 1299, 948],
  ["MONITOR-27", "27-inch monitor", "tracked", 329, 212.5],
  ["DOCK-USB", "USB-C docking station", "tracked", 189, 118.4],
  ["PRINTER-LJ", "Laser printer", "tracked", 449, 301],
  ["ROUTER-AX", "Wi-Fi 6 router", "tracked", 219, 139.99],
];

export function seedItems(ctx: SeedContext): XeroItem[] {
  return CATALOGUE.map(([code, name, kind, price, cost]) => {
    const tracked = kind === "tracked";
    const purchased = kind !== "service";
    return {
      ItemID: ctx.guid(),
      Code: code,
      Name: name,
      Description: name,
      ...(purchased ? { PurchaseDescription: name } : {}),
      IsSold: true,
      IsPurchased: purchased,
      IsTrackedAsInventory: tracked,
      ...(tracked ? { InventoryAssetAccountCode: CODES.inventory, TotalCostPool: 0, QuantityOnHand: 0 } : {}),
      SalesDetails: { UnitPrice: price, AccountCode: kind === "service" ? CODES.services : CODES.sales, TaxType: "OUTPUT" },
      PurchaseDetails: !purchased
        ? {}
        : tracked
          ? { UnitPrice: cost, COGSAccountCode: CODES.cogs, TaxType: "INPUT" }
          : { UnitPrice: cost, AccountCode: CODES.cogs, TaxType: "INPUT" },
      UpdatedDateUTC: ctx.stamp(ctx.start),
    };
  });
}
