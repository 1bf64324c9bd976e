import { ObjectSerializer, type Invoice } from "xero-node";
import { describe, expect, it } from "vitest";
import { applyExactDecimals, WireDecimal, wireDecimal } from "./exact-decimals.js";

/** A request as xero-node builds it before its `applyToRequest` hooks run. */
function request(data: unknown, headers: Record<string, unknown> = { Accept: "application/json" }) {
  return { method: "PUT", url: "http://127.0.0.1/api.xro/2.0/Invoices", headers, data };
}

describe("applyExactDecimals", () => {
  it("writes wire decimals as exact JSON numbers, digit for digit, where a JS number would round or overflow", () => {
    const huge = "1" + "0".repeat(40);
    const options = request({ Invoices: [{ LineItems: [{ Quantity: WireDecimal.of("1234.5678"), UnitAmount: WireDecimal.of("99999999999999999999.99"), DiscountRate: WireDecimal.of(huge) }] }] });
    applyExactDecimals(options);
    expect(options.data).toBe(`{"Invoices":[{"LineItems":[{"Quantity":1234.5678,"UnitAmount":99999999999999999999.99,"DiscountRate":${huge}}]}]}`);
    // Through a JS number the same values would have become 100000000000000000000 and 1e+40.
    expect(JSON.stringify(Number("99999999999999999999.99"))).toBe("100000000000000000000");
  });

  it("keeps trailing zeros and signs, drops redundant leading zeros (not valid JSON)", () => {
    const options = request({ a: WireDecimal.of("120.00"), b: WireDecimal.of("-0.0001"), c: WireDecimal.of("007.50"), d: WireDecimal.of("0") });
    applyExactDecimals(options);
    expect(options.data).toBe('{"a":120.00,"b":-0.0001,"c":7.50,"d":0}');
    expect(JSON.parse(options.data as unknown as string)).toEqual({ a: 120, b: -0.0001, c: 7.5, d: 0 });
  });

  it("sets Content-Type application/json once, whatever the case of an existing header, and leaves other values and headers as they are", () => {
    const when = new Date("2026-11-20T00:00:00Z");
    const options = request(
      { Invoices: [{ Type: "ACCREC", Reference: 'says "1.5" and \\u0000', Date: when, Sent: false, Missing: null, LineItems: [{ Quantity: WireDecimal.of("2"), Tracking: [] }] }] },
      { Accept: "application/json", "content-type": "text/plain", "xero-tenant-id": "t-1" },
    );
    applyExactDecimals(options);
    expect(options.headers).toEqual({ Accept: "application/json", "xero-tenant-id": "t-1", "Content-Type": "application/json" });
    expect(JSON.parse(options.data as unknown as string)).toEqual({
      Invoices: [{ Type: "ACCREC", Reference: 'says "1.5" and \\u0000', Date: when.toISOString(), Sent: false, Missing: null, LineItems: [{ Quantity: 2, Tracking: [] }] }],
    });
  });

  it("a string that looks like the placeholder stays a string", () => {
    const options = request({ Reference: "__ledgerline_decimal_x_0__", Amount: WireDecimal.of("5.25") });
    applyExactDecimals(options);
    expect(JSON.parse(options.data as unknown as string)).toEqual({ Reference: "__ledgerline_decimal_x_0__", Amount: 5.25 });
  });

  it("leaves bodies without wire decimals, and non-JSON bodies, untouched", () => {
    const plain = request({ Contacts: [{ Name: "Ada" }] });
    applyExactDecimals(plain);
    expect(plain.data).toEqual({ Contacts: [{ Name: "Ada" }] });
    expect(plain.headers).toEqual({ Accept: "application/json" });
    const file = Buffer.from("%PDF");
    const upload = request(file);
    applyExactDecimals(upload);
    expect(upload.data).toBe(file);
    const empty = request(undefined);
    applyExactDecimals(empty);
    expect(empty.data).toBeUndefined();
  });

  it("carries decimals through xero-node's own model serialiser, which passes `number` fields as they are", () => {
    const model: Invoice = { lineItems: [{ description: "Paper", quantity: wireDecimal("1234.5678"), unitAmount: wireDecimal("99999999.9999") }] };
    const options = request(ObjectSerializer.serialize({ invoices: [model] }, "Invoices"));
    applyExactDecimals(options);
    expect(options.data).toContain('"Quantity":1234.5678,"UnitAmount":99999999.9999');
  });
});

describe("WireDecimal", () => {
  it("admits only plain decimals, and shows as its digits outside a request body", () => {
    expect(() => WireDecimal.of("1e-7")).toThrow(TypeError);
    expect(() => WireDecimal.of("NaN")).toThrow(TypeError);
    expect(() => WireDecimal.of("12,50")).toThrow(TypeError);
    expect(JSON.stringify({ q: WireDecimal.of("0.0001") })).toBe('{"q":"0.0001"}');
    expect(wireDecimal(null)).toBeUndefined();
    expect(wireDecimal("")).toBeUndefined();
  });
});
