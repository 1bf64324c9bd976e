/**
 * Decimals as Xero takes them: unit amounts rounded to 2 places unless the write asks `unitdp=4`,
 * and answered rounded to 2 unless the read (or write) asks `unitdp=4`; quantities to 4, a number too large for any decimal refused as a validation error (never stored),
 * and each write's body kept exactly as received for tests that check the bytes.
 * https://developer.xero.com/documentation/api-guides/rounding-in-xero
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { XeroSandbox } from "../server.js";
import { api, clientCredentialsToken, startSandbox } from "./harness.js";

let sandbox: XeroSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox({ limits: { perMinute: 10_000 } });
  token = await clientCredentialsToken(sandbox);
});
afterAll(() => sandbox.close());

const contactId = () => sandbox.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!.ContactID;
/** A draft sales invoice with one line, the line's numbers written into the JSON text as given. */
const invoiceBody = (quantity: string, unitAmount: string) =>
  `{"Invoices":[{"Type":"ACCREC","Contact":{"ContactID":"${contactId()}"},"Date":"2026-03-01","DueDate":"2026-03-31","LineAmountTypes":"NoTax","LineItems":[{"Description":"Exact","Quantity":${quantity},"UnitAmount":${unitAmount},"AccountCode":"200"}]}]}`;
const put = (path: string, body: string) => api(sandbox, token, path, { method: "PUT", body });

describe("decimals on writes", () => {
  test("unit amounts keep 2 places by default and 4 with unitdp=4; quantities keep 4", async () => {
    const plain = (await put("/Invoices", invoiceBody("1.23456", "12.34567"))).json.Invoices[0];
    expect(plain.LineItems[0]).toMatchObject({ Quantity: 1.2346, UnitAmount: 12.35, LineAmount: 15.25 });
    const fine = (await put("/Invoices?unitdp=4", invoiceBody("1234.5678", "99999999.9999"))).json.Invoices[0];
    expect(fine.LineItems[0]).toMatchObject({ Quantity: 1234.5678, UnitAmount: 99999999.9999, LineAmount: 123456779999.88 });
    expect(fine.Total).toBe(123456779999.88);
  });

  test("a number beyond any decimal (1 followed by 400 zeros) is a validation error and nothing is stored", async () => {
    const before = sandbox.books.invoices.length;
    const res = await put("/Invoices?unitdp=4", invoiceBody(`1${"0".repeat(400)}`, "1"));
    expect(res.status).toBe(400);
    expect(res.json.Elements[0].ValidationErrors[0].Message).toMatch(/must be numbers/);
    expect(sandbox.books.invoices.length).toBe(before);
  });

  test("keeps each write's body exactly as received, with its path and query", async () => {
    const body = invoiceBody("2.5000", "10.10");
    await put("/Invoices?unitdp=4", body);
    expect(sandbox.stats.recentWrites.at(-1)).toEqual({ method: "PUT", path: "/api.xro/2.0/Invoices?unitdp=4", body });
  });
});

describe("decimals on reads", () => {
  test("a unit amount kept to 4 places is answered rounded to 2 unless the request asks unitdp=4", async () => {
    const id = (await put("/Invoices?unitdp=4", invoiceBody("3", "12.3456"))).json.Invoices[0].InvoiceID;
    const unitAmount = async (path: string) => {
      const json = (await api(sandbox, token, path)).json;
      return json.Invoices.find((i: { InvoiceID: string }) => i.InvoiceID === id).LineItems[0].UnitAmount;
    };
    expect(await unitAmount(`/Invoices/${id}`)).toBe(12.35);
    expect(await unitAmount(`/Invoices?IDs=${id}&page=1`)).toBe(12.35);
    expect(await unitAmount(`/Invoices/${id}?unitdp=4`)).toBe(12.3456);
    expect(await unitAmount(`/Invoices?IDs=${id}&page=1&unitdp=4`)).toBe(12.3456);
    // The answer to a status-only update without unitdp shows the kept line rounded too; what is kept is unchanged.
    const updated = (await api(sandbox, token, `/Invoices/${id}`, { method: "POST", body: { Invoices: [{ Reference: "renamed" }] } })).json.Invoices[0];
    expect(updated.LineItems[0].UnitAmount).toBe(12.35);
    expect(await unitAmount(`/Invoices/${id}?unitdp=4`)).toBe(12.3456);
  });
});
