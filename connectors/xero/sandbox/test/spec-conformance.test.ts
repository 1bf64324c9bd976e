/**
 * Every GET list response element (recursively) and its pagination object must use only
 * properties Xero's accounting OpenAPI spec declares, with matching JSON types.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import type { XeroSandbox } from "../server.js";
import { api, clientCredentialsToken, startSandbox } from "./harness.js";
import { checkValue, responseSchema, type OpenApiDocument } from "./spec-checker.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const specFile = path.resolve(repoRoot, "../shared/reference/xero/xero_accounting.yaml");
const specPresent = existsSync(specFile);
if (!specPresent) console.warn(`spec-conformance skipped: ${specFile} not found`);

/** [spec path, request (with paging where the endpoint has it, so LineItems and pagination appear)] */
const LISTS: Array<[string, string]> = [
  ["/Organisation", "/Organisation"],
  ["/Accounts", "/Accounts"],
  ["/TaxRates", "/TaxRates"],
  ["/TrackingCategories", "/TrackingCategories?includeArchived=true"],
  ["/Contacts", "/Contacts?page=1&pageSize=1000&includeArchived=true"],
  ["/Items", "/Items"],
  ["/Invoices", "/Invoices?page=1&pageSize=1000"],
  ["/CreditNotes", "/CreditNotes?page=1&pageSize=1000"],
  ["/Payments", "/Payments?page=1&pageSize=1000"],
  ["/Quotes", "/Quotes"],
  ["/PurchaseOrders", "/PurchaseOrders?page=1&pageSize=1000"],
  ["/BankTransactions", "/BankTransactions?page=1&pageSize=1000"],
  ["/BankTransfers", "/BankTransfers"],
  ["/Reports/ProfitAndLoss", "/Reports/ProfitAndLoss?periods=2&timeframe=QUARTER"],
  ["/Reports/BalanceSheet", "/Reports/BalanceSheet?periods=1"],
  ["/Reports/TrialBalance", "/Reports/TrialBalance?date=2026-02-28"],
  ["/Reports/BankSummary", "/Reports/BankSummary?fromDate=2026-02-01&toDate=2026-02-28"],
];

describe.skipIf(!specPresent)("sandbox responses conform to xero_accounting.yaml", () => {
  let doc: OpenApiDocument;
  let sandbox: XeroSandbox;
  let token: string;

  beforeAll(async () => {
    doc = parse(readFileSync(specFile, "utf8"), { maxAliasCount: -1 }) as OpenApiDocument;
    sandbox = await startSandbox({ limits: { perMinute: 1000 } });
    token = await clientCredentialsToken(sandbox);
  });
  afterAll(() => sandbox.close());

  test.each(LISTS)("GET %s", async (specPath, request) => {
    const envelope = responseSchema(doc, specPath);
    const res = await api(sandbox, token, request);
    expect(res.status).toBe(200);
    const [key, listSchema] = Object.entries(envelope.properties ?? {}).find(([name, s]) => s.type === "array" && name !== "Warnings")!;
    const elements = res.json[key] as unknown[];
    expect(elements.length).toBeGreaterThan(0);
    const problems: string[] = [];
    checkValue(doc, elements, listSchema, key, problems);
    if (res.json.pagination !== undefined) {
      expect(envelope.properties?.pagination, `${specPath} has no pagination in the spec`).toBeDefined();
      checkValue(doc, res.json.pagination, envelope.properties!.pagination!, "pagination", problems);
    }
    expect([...new Set(problems.map((p) => p.replace(/\[\d+\]/g, "[]")))]).toEqual([]);
  });
});
