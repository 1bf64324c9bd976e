import type { Prng } from "../prng.js";
import type { PartyRow, ProductRow } from "../types.js";

export const FIRST = ["Omar", "Layla", "Khalid", "Sara", "Yousef", "Mona", "Tariq", "Huda", "Faisal", "Noura", "Ali", "Reem"];
export const LAST = ["Haddad", "Saleh", "Nasser", "Farouk", "Mansour", "Aziz", "Rahman", "Qasim", "Zayed", "Hamdan"];
export const TRADES = ["Trading", "Logistics", "Design", "Foods", "Clinics", "Builders", "Media", "Motors", "Textiles", "Labs"];
export const CITIES: ReadonlyArray<[string, string]> = [["Riyadh", "Riyadh"], ["Jeddah", "Makkah"], ["Dammam", "Eastern"], ["Khobar", "Eastern"]];

export function parties(rng: Prng, count: number, prefix: string, created: string): PartyRow[] {
  return Array.from({ length: count }, (_, i) => {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const business = rng.chance(0.7);
    const [city, state] = rng.pick(CITIES);
    const name = business ? `${last} ${rng.pick(TRADES)} ${prefix === "S" ? "Supply" : "Co."}` : "";
    return {
      id: i + 1,
      number: String(i + 1).padStart(7, "0"),
      type: business ? 3 : 2,
      business_name: name,
      first_name: first,
      last_name: last,
      email: `${first}.${last}${i + 1}@${prefix.toLowerCase()}.example`.toLowerCase(),
      phone1: `+9665${rng.int(10_000_000, 99_999_999)}`,
      address1: `${rng.int(1, 400)} King Fahd Road`,
      city, state,
      postal_code: String(rng.int(11_000, 34_999)),
      country_code: "SA",
      default_currency_code: "SAR",
      bn1: business ? String(rng.int(300_000_000, 399_999_999)) + "00003" : "",
      created,
      modified: created,
    };
  });
}

const PRODUCTS: ReadonlyArray<[string, number, 1 | 2]> = [
  ["Office Chair", 450, 1], ["Standing Desk", 1800, 1], ["Monitor 27in", 1200, 1], ["Keyboard", 180, 1],
  ["Mouse", 90, 1], ["Laptop Stand", 150, 1], ["Printer Paper Box", 120, 1], ["Toner Cartridge", 380, 1],
  ["Desk Lamp", 140, 1], ["Filing Cabinet", 950, 1], ["Whiteboard", 300, 1], ["Webcam", 260, 1],
  ["Headset", 330, 1], ["USB Hub", 75, 1], ["Router", 520, 1], ["Network Cable Pack", 60, 1],
  ["Installation Service", 400, 2], ["Maintenance Visit", 350, 2], ["Consulting Hour", 500, 2], ["Training Session", 1500, 2],
  ["Delivery", 80, 2], ["Extended Warranty", 200, 2], ["IT Support Month", 2500, 2], ["Design Package", 3000, 2],
  ["Data Migration", 1200, 2],
];

export function products(rng: Prng, created: string): ProductRow[] {
  return PRODUCTS.map(([name, price, type], i) => ({
    id: i + 1,
    name,
    description: `${name} (${type === 1 ? "stock item" : "service"})`,
    product_code: `P-${String(i + 1).padStart(3, "0")}`,
    unit_price: price.toFixed(2),
    buy_price: (price * 0.6).toFixed(2),
    tax1: i % 9 === 8 ? 3 : 1,
    type,
    status: 0,
    track_stock: type === 1 ? 1 : 0,
    stock_balance: type === 1 ? String(rng.int(5, 250)) : "0",
    created,
    modified: created,
  }));
}
