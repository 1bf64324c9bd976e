/**
 * Accounting API list semantics over HTTP: envelope, paging and the pagination object, summary
 * lists without LineItems, every `where` operator, `order`, If-Modified-Since and batch ids.
 * Expectations are computed independently from the sandbox's live books.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { XeroBooks, XeroInvoice } from "../books/types.js";
import type { XeroSandbox } from "../server.js";
import { api, clientCredentialsToken, startSandbox } from "./harness.js";

let sandbox: XeroSandbox;
let token: string;
let books: XeroBooks;

beforeAll(async () => {
  sandbox = await startSandbox({ limits: { perMinute: 10_000 } });
  books = sandbox.books;
  token = await clientCredentialsToken(sandbox);
});
afterAll(() => sandbox.close());

const get = (path: string, headers?: Record<string, string>) => api(sandbox, token, path, { headers });
const ids = (list: Array<{ InvoiceID?: string; ContactID?: string }>) => list.map((r) => r.InvoiceID ?? r.ContactID).sort();
const where = (expr: string, resource = "Invoices") => get(`/${resource}?where=${encodeURIComponent(expr)}`);
const expectInvoices = async (expr: string, predicate: (i: XeroInvoice) => boolean) => {
  const res = await where(expr);
  expect(res.status, res.text).toBe(200);
  const expected = books.invoices.filter(predicate).map((i) => i.InvoiceID).sort();
  expect(expected.length, `fixture for ${expr} selects nothing`).toBeGreaterThan(0);
  expect(ids(res.json.Invoices)).toEqual(expected);
};

describe("envelope and paging", () => {
  test("envelope fields, JSON content type and rate-limit headers", async () => {
    const res = await get("/Accounts");
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.json).toMatchObject({ Status: "OK", ProviderName: expect.any(String) });
    expect(res.json.Id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json.DateTimeUTC).toMatch(/^\/Date\(\d+\)\/$/);
    for (const name of ["x-daylimit-remaining", "x-minlimit-remaining", "x-appminlimit-remaining", "xero-correlation-id"]) {
      expect(res.headers.get(name), name).toBeTruthy();
    }
  });

  test("page + pageSize return a slice with LineItems and a pagination object", async () => {
    const total = books.invoices.length;
    const res = await get("/Invoices?page=2&pageSize=50");
    expect(res.json.pagination).toEqual({ page: 2, pageSize: 50, pageCount: Math.ceil(total / 50), itemCount: total });
    expect(res.json.Invoices).toHaveLength(Math.min(50, total - 50));
    expect(res.json.Invoices.every((i: { LineItems?: unknown[] }) => Array.isArray(i.LineItems))).toBe(true);
    const past = await get(`/Invoices?page=${Math.ceil(total / 50) + 1}&pageSize=50`);
    expect(past.json.Invoices).toEqual([]);
    const capped = await get("/Invoices?page=1&pageSize=5000");
    expect(capped.json.pagination.pageSize).toBe(1000);
  });

  test("a list without page returns every invoice as a summary without LineItems", async () => {
    const res = await get("/Invoices");
    expect(res.json.pagination).toBeUndefined();
    expect(res.json.Invoices).toHaveLength(books.invoices.length);
    expect(res.json.Invoices.some((i: object) => "LineItems" in i)).toBe(false);
    const one = await get(`/Invoices/${books.invoices[0]!.InvoiceID}`);
    expect(one.json.Invoices[0].LineItems.length).toBeGreaterThan(0);
    const summary = await get("/Invoices?page=1&summaryOnly=true");
    expect(summary.json.Invoices.some((i: object) => "LineItems" in i || "Payments" in i)).toBe(false);
  });

  test("Quotes page by 100 without a pagination object and carry SummarizeErrors:false", async () => {
    const res = await get("/Quotes?page=1");
    expect(res.json.pagination).toBeUndefined();
    expect(res.json.SummarizeErrors).toBe(false);
    expect(res.json.Quotes).toHaveLength(Math.min(100, books.quotes.length));
  });

  test("GET tolerates a `{}` body, as xero-node sends", async () => {
    const url = new URL(`${sandbox.url}/api.xro/2.0/Organisation`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: "GET", headers: { Authorization: `Bearer ${token}`, "xero-tenant-id": "", "Content-Type": "application/json", "Content-Length": "2" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      req.end("{}");
    });
    expect(status).toBe(200);
  });
});

describe("where", () => {
  test("== on a string, != and AND", async () => {
    await expectInvoices('Status=="AUTHORISED"', (i) => i.Status === "AUTHORISED");
    await expectInvoices('Type=="ACCPAY" AND Status!="PAID"', (i) => i.Type === "ACCPAY" && i.Status !== "PAID");
  });

  test("OR, || , && and parentheses", async () => {
    await expectInvoices('Type=="ACCREC" && (Status=="DRAFT" || Status=="VOIDED")', (i) => i.Type === "ACCREC" && (i.Status === "DRAFT" || i.Status === "VOIDED"));
    await expectInvoices('Status=="DRAFT" OR Status=="SUBMITTED"', (i) => i.Status === "DRAFT" || i.Status === "SUBMITTED");
  });

  test("numeric <, <=, >, >=", async () => {
    await expectInvoices("Total>=1000 AND Total<5000", (i) => i.Total >= 1000 && i.Total < 5000);
    await expectInvoices("AmountDue>0", (i) => i.AmountDue > 0);
    await expectInvoices("Total<=250.5", (i) => i.Total <= 250.5);
  });

  test("Guid(…) on a nested path", async () => {
    const contactId = books.invoices[0]!.Contact.ContactID;
    await expectInvoices(`Contact.ContactID==Guid("${contactId.toUpperCase()}")`, (i) => i.Contact.ContactID === contactId);
  });

  test("DateTime(y, m, d) ranges", async () => {
    const month = books.invoices[Math.floor(books.invoices.length / 2)]!.Date.slice(0, 7);
    const [y, m] = month.split("-").map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}, 01` : `${y}, ${String(m + 1).padStart(2, "0")}`;
    await expectInvoices(`Date >= DateTime(${y}, ${String(m).padStart(2, "0")}, 01) AND Date < DateTime(${next}, 01)`, (i) => i.Date.startsWith(month));
  });

  test("Contains, StartsWith and EndsWith (case-insensitive)", async () => {
    const contact = books.contacts.find((c) => c.ContactStatus === "ACTIVE" && c.EmailAddress)!;
    const word = contact.Name.split(" ")[0]!;
    const active = books.contacts.filter((c) => c.ContactStatus === "ACTIVE");
    const check = async (expr: string, predicate: (name: string) => boolean, field: "Name" | "EmailAddress" = "Name") => {
      const res = await where(expr, "Contacts");
      expect(res.status, res.text).toBe(200);
      expect(ids(res.json.Contacts)).toEqual(active.filter((c) => predicate(c[field] ?? "")).map((c) => c.ContactID).sort());
      expect(res.json.Contacts.length).toBeGreaterThan(0);
    };
    await check(`Name.Contains("${word.slice(1).toUpperCase()}")`, (n) => n.toLowerCase().includes(word.slice(1).toLowerCase()));
    await check(`Name.StartsWith("${word.toLowerCase()}")`, (n) => n.toLowerCase().startsWith(word.toLowerCase()));
    const tld = contact.EmailAddress!.slice(contact.EmailAddress!.lastIndexOf("."));
    await check(`EmailAddress.EndsWith("${tld}")`, (e) => e.toLowerCase().endsWith(tld), "EmailAddress");
  });

  test("Name equality is case-insensitive; null, true/false literals", async () => {
    const contact = books.contacts.find((c) => c.ContactStatus === "ACTIVE")!;
    const byName = await where(`Name=="${contact.Name.toUpperCase()}"`, "Contacts");
    expect(ids(byName.json.Contacts)).toEqual([contact.ContactID]);
    const withEmail = await where("EmailAddress!=null AND IsCustomer==true", "Contacts");
    const expected = books.contacts.filter((c) => c.ContactStatus === "ACTIVE" && c.EmailAddress && c.IsCustomer);
    expect(ids(withEmail.json.Contacts)).toEqual(expected.map((c) => c.ContactID).sort());
  });

  test.each([
    ['Status=="AUTHORISED" AND', /end of expression/],
    ['Status=="AUTHORISED', /Unterminated string/],
    ['(Status=="PAID"', /Expected '\)'/],
    ["Total >> 3", /position/],
    ['Name.Frobnicate("x")', /Unknown method 'Frobnicate'/],
  ])("malformed %s is a 400 with a clear message", async (expr, message) => {
    const res = await where(expr);
    expect(res.status).toBe(400);
    expect(res.json.Type).toBe("QueryParseException");
    expect(res.json.Message).toMatch(/^Invalid where expression: /);
    expect(res.json.Message).toMatch(message);
  });
});

describe("order, If-Modified-Since and batch parameters", () => {
  test("default order is UpdatedDateUTC ASC; order accepts several keys and DESC", async () => {
    const stamps = (await get("/Invoices")).json.Invoices.map((i: { UpdatedDateUTC: string }) => Number(/\d+/.exec(i.UpdatedDateUTC)![0]));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    const byTotal = (await get("/Invoices?order=Total%20DESC")).json.Invoices.map((i: { Total: number }) => i.Total);
    expect(byTotal).toEqual([...byTotal].sort((a, b) => b - a));
    const multi = (await get("/Invoices?order=Contact.Name+ASC,Total+DESC")).json.Invoices as XeroInvoice[];
    for (let k = 1; k < multi.length; k += 1) {
      const [a, b] = [multi[k - 1]!, multi[k]!];
      const cmp = a.Contact.Name.toLowerCase().localeCompare(b.Contact.Name.toLowerCase());
      expect(cmp < 0 || (cmp === 0 && a.Total >= b.Total)).toBe(true);
    }
    expect((await get("/Invoices?order=Total%20SIDEWAYS")).status).toBe(400);
  });

  test("If-Modified-Since (ISO or RFC 1123) keeps records updated at or after it, to the second", async () => {
    const sorted = books.invoices.map((i) => i.UpdatedDateUTC).sort();
    const pivot = Date.parse(sorted[Math.floor(sorted.length / 2)]!);
    const expected = books.invoices.filter((i) => Math.floor(Date.parse(i.UpdatedDateUTC) / 1000) >= Math.floor(pivot / 1000));
    // Later within the same second: records from earlier in that second still count.
    const iso = await get("/Invoices", { "If-Modified-Since": new Date(Math.floor(pivot / 1000) * 1000 + 999).toISOString() });
    expect(ids(iso.json.Invoices)).toEqual(expected.map((i) => i.InvoiceID).sort());
    const rfc = await get("/Invoices", { "If-Modified-Since": new Date(pivot).toUTCString() });
    expect(ids(rfc.json.Invoices)).toEqual(expected.map((i) => i.InvoiceID).sort());
  });

  test("IDs, InvoiceNumbers, ContactIDs and Statuses", async () => {
    const [a, b] = books.invoices.filter((i) => i.Type === "ACCREC");
    expect(ids((await get(`/Invoices?IDs=${a!.InvoiceID},${b!.InvoiceID}`)).json.Invoices)).toEqual([a!.InvoiceID, b!.InvoiceID].sort());
    expect(ids((await get(`/Invoices?InvoiceNumbers=${a!.InvoiceNumber}`)).json.Invoices)).toEqual([a!.InvoiceID]);
    const contactId = a!.Contact.ContactID;
    const expected = books.invoices.filter((i) => i.Contact.ContactID === contactId && ["PAID", "VOIDED"].includes(i.Status));
    const res = await get(`/Invoices?ContactIDs=${contactId}&Statuses=PAID,VOIDED`);
    expect(ids(res.json.Invoices)).toEqual(expected.map((i) => i.InvoiceID).sort());
    const contacts = books.contacts.slice(0, 3).map((c) => c.ContactID);
    expect(ids((await get(`/Contacts?IDs=${contacts.join(",")}&includeArchived=true`)).json.Contacts)).toEqual([...contacts].sort());
  });

  test("Contacts hide ARCHIVED unless includeArchived; by ContactNumber; searchTerm", async () => {
    const archived = books.contacts.filter((c) => c.ContactStatus === "ARCHIVED");
    expect((await get("/Contacts")).json.Contacts).toHaveLength(books.contacts.length - archived.length);
    expect((await get("/Contacts?includeArchived=true")).json.Contacts).toHaveLength(books.contacts.length);
    const numbered = books.contacts.find((c) => c.ContactNumber);
    if (numbered) expect((await get(`/Contacts/${numbered.ContactNumber}`)).json.Contacts[0].ContactID).toBe(numbered.ContactID);
    const target = books.contacts.find((c) => c.ContactStatus === "ACTIVE")!;
    const found = (await get(`/Contacts?searchTerm=${encodeURIComponent(target.Name.slice(2, 8).toLowerCase())}`)).json.Contacts;
    expect(ids(found)).toContain(target.ContactID);
  });

  test("PurchaseOrders by number and Status filter; Quotes by ContactID and Status", async () => {
    const po = books.purchaseOrders[0]!;
    expect((await get(`/PurchaseOrders/${po.PurchaseOrderNumber}`)).json.PurchaseOrders[0].PurchaseOrderID).toBe(po.PurchaseOrderID);
    const statusCount = books.purchaseOrders.filter((p) => p.Status === po.Status).length;
    expect((await get(`/PurchaseOrders?Status=${po.Status}`)).json.PurchaseOrders).toHaveLength(statusCount);
    const quote = books.quotes[0]!;
    const expected = books.quotes.filter((q) => q.Contact.ContactID === quote.Contact.ContactID && q.Status === quote.Status);
    const res = await get(`/Quotes?ContactID=${quote.Contact.ContactID}&Status=${quote.Status}`);
    expect(res.json.Quotes.map((q: { QuoteID: string }) => q.QuoteID).sort()).toEqual(expected.map((q) => q.QuoteID).sort());
  });
});
