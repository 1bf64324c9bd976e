/**
 * Every entity the sandbox sends survives xero-node's own models: deserialised by the SDK and
 * serialised back with ObjectSerializer it deep-equals the raw element (dates compared as
 * instants), so the SDK neither drops nor mistypes any field.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ObjectSerializer, RowType, XeroClient } from "xero-node";
import type { XeroSandbox } from "../server.js";
import { clientCredentialsToken, startSandbox } from "./harness.js";

const ISO_WITH_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** Normalises date representations to `{ instant }` so both sides compare by value. */
function normalise(value: unknown): unknown {
  if (value instanceof Date) return { instant: value.getTime() };
  if (typeof value === "string" && MS_DATE.test(value)) return { instant: Number(MS_DATE.exec(value)![1]) };
  if (typeof value === "string" && ISO_WITH_MS.test(value)) return { instant: Date.parse(value) };
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

type Call = (xero: XeroClient) => Promise<{ response: { data: any }; body: any }>;

/** [model name, envelope key, SDK call] */
const ENTITIES: Array<[string, string, Call]> = [
  ["Organisation", "Organisations", (x) => x.accountingApi.getOrganisations("")],
  ["Account", "Accounts", (x) => x.accountingApi.getAccounts("")],
  ["TaxRate", "TaxRates", (x) => x.accountingApi.getTaxRates("")],
  ["TrackingCategory", "TrackingCategories", (x) => x.accountingApi.getTrackingCategories("", undefined, undefined, true)],
  ["Contact", "Contacts", (x) => x.accountingApi.getContacts("", undefined, undefined, undefined, undefined, 1, true, undefined, undefined, 1000)],
  ["Item", "Items", (x) => x.accountingApi.getItems("")],
  ["Invoice", "Invoices", (x) => x.accountingApi.getInvoices("", undefined, undefined, undefined, undefined, undefined, undefined, undefined, 1, undefined, undefined, undefined, undefined, 1000)],
  ["CreditNote", "CreditNotes", (x) => x.accountingApi.getCreditNotes("", undefined, undefined, undefined, 1, undefined, 1000)],
  ["Payment", "Payments", (x) => x.accountingApi.getPayments("", undefined, undefined, undefined, 1, 1000)],
  ["Quote", "Quotes", (x) => x.accountingApi.getQuotes("")],
  ["PurchaseOrder", "PurchaseOrders", (x) => x.accountingApi.getPurchaseOrders("", undefined, undefined, undefined, undefined, undefined, 1, 1000)],
  ["BankTransaction", "BankTransactions", (x) => x.accountingApi.getBankTransactions("", undefined, undefined, undefined, 1, undefined, 1000)],
  ["BankTransfer", "BankTransfers", (x) => x.accountingApi.getBankTransfers("")],
];

describe("xero-node models round-trip every sandbox entity", () => {
  let sandbox: XeroSandbox;
  const xero = new XeroClient();

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: { perMinute: 1000 } });
    xero.accountingApi.basePath = `${sandbox.url}/api.xro/2.0`;
    xero.accountingApi.accessToken = await clientCredentialsToken(sandbox);
  });
  afterAll(() => sandbox.close());

  test.each(ENTITIES)("%s", async (model, key, call) => {
    const { response, body } = await call(xero);
    const raw = response.data[key] as unknown[];
    const modelKey = key.charAt(0).toLowerCase() + key.slice(1);
    const parsed = body[modelKey] as unknown[];
    expect(raw.length).toBeGreaterThan(0);
    expect(parsed).toHaveLength(raw.length);
    const reserialised = parsed.map((element) => ObjectSerializer.serialize(element, model));
    expect(normalise(reserialised)).toEqual(normalise(raw));
  });
});

describe("xero-node reads the sandbox's reports", () => {
  let sandbox: XeroSandbox;
  const xero = new XeroClient();

  beforeAll(async () => {
    sandbox = await startSandbox();
    xero.accountingApi.basePath = `${sandbox.url}/api.xro/2.0`;
    xero.accountingApi.accessToken = await clientCredentialsToken(sandbox);
  });
  afterAll(() => sandbox.close());

  test("ProfitAndLoss and BalanceSheet deserialise into ReportWithRow models", async () => {
    const pnl = (await xero.accountingApi.getReportProfitAndLoss("", "2026-01-01", "2026-01-31")).body.reports![0]!;
    expect(pnl.reportID).toBe("ProfitAndLoss");
    expect(pnl.rows![0]!.rowType).toBe(RowType.Header);
    expect(pnl.rows!.some((row) => row.rowType === RowType.Section && (row.rows ?? []).length > 0)).toBe(true);
    expect(pnl.updatedDateUTC).toBeInstanceOf(Date);
    const bs = (await xero.accountingApi.getReportBalanceSheet("", "2026-02-28", 2, "MONTH")).body.reports![0]!;
    expect(bs.reportID).toBe("BalanceSheet");
    expect(bs.rows![0]!.cells).toHaveLength(4);
  });

  test("invalid report parameters are a 400", async () => {
    const error = await xero.accountingApi.getReportBalanceSheet("", undefined, undefined, "FORTNIGHT" as never).catch((e: unknown) => e);
    expect(JSON.parse(error as string).response.statusCode).toBe(400);
  });
});
