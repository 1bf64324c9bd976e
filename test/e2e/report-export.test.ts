import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { Decimal } from "decimal.js";
import { sandboxOf, startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { Scope } from "../../src/auth/scopes.js";

/**
 * `GET /reports/<organizationId>/<report>.csv|.xlsx` on the real gateway (embedded default, Xero
 * sandbox): the files hold the GraphQL answer figure for figure; the key, scopes and errors behave
 * as on `/graphql`.
 */
let t: TestLedgerline;
let origin: string;
const INJECTED_BANK = '=HYPERLINK("https://evil.example","Bank")';
const INJECTED_SALES = "@SUM(1+1) Sales";

beforeAll(async () => {
  // Relaxed limits: the computed reports below list the books live several times, more calls than Xero's 60 a minute.
  t = await startTestLedgerline({ sandboxLimits: "relaxed" });
  origin = new URL(t.app.url).origin;
  // Provider text a spreadsheet would run: an account name starting with = and one with @.
  const bank = t.xero.books.accounts.find((a) => a.Type === "BANK" && a.Status === "ACTIVE")!;
  bank.Name = INJECTED_BANK;
  const sales = t.xero.books.accounts.find((a) => a.Code === "200")!;
  sales.Name = INJECTED_SALES;
});
afterAll(() => t?.close());

const SECTION = "key title total lines { name accountCode amounts }";
const SECTIONS = `sections { ${SECTION} sections { ${SECTION} sections { ${SECTION} } } }`;
const COMMON = `periods { label fromDate toDate } ${SECTIONS}`;

interface Section { title: string; total: string[]; lines: Array<{ name: string; accountCode: string | null; amounts: string[] }>; sections?: Section[] }

/** The rows the export must hold, built from the GraphQL answer: lines, sub-sections, total per section; then the headline figures. */
function expectedRows(report: { sections: Section[] }, headlines: Array<[string, string[]]>): string[][] {
  const rows: string[][] = [];
  const walk = (s: Section, path: string[]) => {
    const here = [...path, s.title];
    for (const l of s.lines) rows.push(["account", here.join(" / "), l.accountCode ?? "", l.name, ...l.amounts]);
    for (const inner of s.sections ?? []) walk(inner, here);
    rows.push(["section total", here.join(" / "), "", `Total ${s.title}`, ...s.total]);
  };
  report.sections.forEach((s) => walk(s, []));
  for (const [label, amounts] of headlines) rows.push(["summary", "", "", label, ...amounts]);
  return rows;
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(body: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '"') {
      i++;
      for (;;) {
        if (body[i] === '"' && body[i + 1] === '"') (field += '"'), (i += 2);
        else if (body[i] === '"') { i++; break; }
        else field += body[i++];
      }
    } else if (body[i] === ",") (record.push(field), (field = ""), i++);
    else if (body.startsWith("\r\n", i)) (record.push(field), records.push(record), (record = []), (field = ""), (i += 2));
    else field += body[i++];
  }
  expect(field, "the file ends with CRLF").toBe("");
  expect(record).toEqual([]);
  return records;
}

/** What the CSV shows for provider text: a leading apostrophe before = + - @. */
const guarded = (cell: string) => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell);

async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const { status, body } = await t.post(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data as T;
}

const get = (path: string, key: string | null | undefined = t.app.localApiKey) =>
  fetch(`${origin}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

async function readXlsx(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Checks a worksheet against the expected rows: amounts as numbers with a 2-dp format, text as text (never formulas). */
function expectSheet(sheet: ExcelJS.Worksheet, header: string[], rows: string[][]) {
  expect(sheet.rowCount).toBe(rows.length + 1);
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
  rows.forEach((expected, r) => {
    const row = sheet.getRow(r + 2);
    expected.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      if (c >= 4) {
        expect(cell.type, `row ${r + 2} col ${c + 1}`).toBe(ExcelJS.ValueType.Number);
        expect(cell.value).toBe(Number(value));
        expect(cell.numFmt).toBe("#,##0.00");
        // The figure as GraphQL gave it, to the cent.
        expect((cell.value as number).toFixed(value.split(".")[1]?.length ?? 0)).toBe(value);
      } else if (value === "") {
        expect(cell.value ?? null).toBeNull();
      } else {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(value);
      }
    });
  });
}

describe("report export: balance sheet", () => {
  const args = "date=2026-09-30&periods=2";
  let bs: { date: string; totalAssets: string[]; totalLiabilities: string[]; netAssets: string[]; totalEquity: string[]; periods: Array<{ label: string }>; sections: Section[] };
  let rows: string[][];
  let header: string[];

  beforeAll(async () => {
    const data = await graphql<{ organization: { balanceSheet: typeof bs } }>(
      `query($o: ID!) { organization(id: $o) { balanceSheet(date: "2026-09-30", periods: 2) { date totalAssets totalLiabilities netAssets totalEquity ${COMMON} } } }`,
      { o: t.organizationId },
    );
    bs = data.organization.balanceSheet;
    rows = expectedRows(bs, [["Total assets", bs.totalAssets], ["Total liabilities", bs.totalLiabilities], ["Net assets", bs.netAssets], ["Total equity", bs.totalEquity]]);
    header = ["Row", "Section", "Account code", "Account name", ...bs.periods.map((p) => p.label)];
  });

  it("CSV holds the GraphQL answer figure for figure, as an attachment never cached", async () => {
    const response = await get(`/reports/${t.organizationId}/balance-sheet.csv?${args}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${t.organizationId}-balance-sheet-2026-09-30.csv"`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-report-balanced")).toBe("true");
    expect(response.headers.get("x-report-failed-checks")).toBeNull();
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(new TextDecoder().decode(bytes));
    expect(records[0]).toEqual(header);
    expect(records.slice(1)).toEqual(rows.map((r) => r.map((cell, i) => (i < 4 ? guarded(cell) : cell))));
    expect(bs.periods).toHaveLength(3);
    expect(rows.filter((r) => r[0] === "account").length).toBeGreaterThan(3);
  });

  it("neutralises provider text that a spreadsheet would run, and keeps amounts numeric", async () => {
    const body = await (await get(`/reports/${t.organizationId}/balance-sheet.csv?${args}`)).text();
    const bankLine = body.split("\r\n").find((line) => line.includes("HYPERLINK"));
    expect(bankLine).toBeDefined();
    // Quoted (it holds quotes and a comma), the inner quotes doubled, an apostrophe first.
    expect(bankLine).toContain(`,"'=HYPERLINK(""https://evil.example"",""Bank"")",`);
    const bank = rows.find((r) => r[3] === INJECTED_BANK)!;
    expect(bankLine!.endsWith(`,${bank.slice(4).join(",")}`)).toBe(true);
    expect(body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("XLSX holds the same figures as numbers, and the provider text as plain strings", async () => {
    const response = await get(`/reports/${t.organizationId}/balance-sheet.xlsx?${args}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${t.organizationId}-balance-sheet-2026-09-30.xlsx"`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const workbook = await readXlsx(response);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Balance sheet", "About"]);
    expectSheet(workbook.getWorksheet("Balance sheet")!, header, rows);
    const about = Object.fromEntries(workbook.getWorksheet("About")!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 3)));
    expect(about).toMatchObject({ Report: expect.any(String), Organization: t.organizationId, Date: "2026-09-30", Basis: "ACCRUAL", Currency: expect.stringMatching(/^[A-Z]{3}$/) });
  });
});

describe("report export: profit and loss", () => {
  const args = "fromDate=2026-07-01&toDate=2026-09-30&periods=2&timeframe=QUARTER&basis=CASH";
  let pl: { fromDate: string; toDate: string; totalIncome: string[]; grossProfit: string[]; totalExpenses: string[]; netProfit: string[]; periods: Array<{ label: string }>; sections: Section[] };
  let rows: string[][];
  let header: string[];

  beforeAll(async () => {
    const data = await graphql<{ organization: { profitAndLoss: typeof pl } }>(
      `query($o: ID!) { organization(id: $o) { profitAndLoss(fromDate: "2026-07-01", toDate: "2026-09-30", periods: 2, timeframe: QUARTER, basis: CASH) { fromDate toDate totalIncome grossProfit totalExpenses netProfit ${COMMON} } } }`,
      { o: t.organizationId },
    );
    pl = data.organization.profitAndLoss;
    rows = expectedRows(pl, [["Total income", pl.totalIncome], ["Gross profit", pl.grossProfit], ["Total expenses", pl.totalExpenses], ["Net profit", pl.netProfit]]);
    header = ["Row", "Section", "Account code", "Account name", ...pl.periods.map((p) => p.label)];
  });

  it("CSV holds the GraphQL answer figure for figure", async () => {
    const response = await get(`/reports/${t.organizationId}/profit-and-loss.csv?${args}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${t.organizationId}-profit-and-loss-2026-07-01-to-2026-09-30.csv"`);
    const records = parseCsv(await response.text());
    expect(records[0]).toEqual(header);
    expect(records.slice(1)).toEqual(rows.map((r) => r.map((cell, i) => (i < 4 ? guarded(cell) : cell))));
    expect(records.some((r) => r[3] === `'${INJECTED_SALES}`)).toBe(true);
    expect(pl.periods).toHaveLength(3);
  });

  it("XLSX holds the same figures", async () => {
    const response = await get(`/reports/${t.organizationId}/profit-and-loss.xlsx?${args}`);
    expect(response.status).toBe(200);
    const workbook = await readXlsx(response);
    expectSheet(workbook.getWorksheet("Profit and loss")!, header, rows);
  });
});

describe("report export: keys, scopes and errors as on /graphql", () => {
  const path = () => `/reports/${t.organizationId}/balance-sheet.csv?date=2026-09-30`;

  it("401 without a key or with a wrong one", async () => {
    const none = await get(path(), null);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="ledgerline"');
    expect((await none.json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const wrong = await get(path(), "not-a-key");
    expect(wrong.status).toBe(401);
  });

  it("403 with a key that lacks READ, naming the scope", async () => {
    const { key } = await t.app.services.apiKeys.create({ name: "writer", organizationIds: "*", scopes: [Scope.WRITE] });
    const response = await get(path(), key);
    expect(response.status).toBe(403);
    const { errors } = await response.json();
    expect(errors[0].extensions.code).toBe("FORBIDDEN");
    expect(errors[0].message).toContain("lacks the READ scope");
  });

  it("404 for an organization the key was not granted", async () => {
    const { key } = await t.app.services.apiKeys.create({ name: "other org", organizationIds: ["org_elsewhere"], scopes: [Scope.READ] });
    const response = await get(path(), key);
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("400 naming an unknown parameter or one given twice", async () => {
    const response = await get(`/reports/${t.organizationId}/balance-sheet.csv?date=2026-09-30&fromDate=2026-01-01&basis=CASH&basis=ACCRUAL`);
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    expect(errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors[0].extensions.fields).toEqual([
      { field: "fromDate", message: "is not a parameter of this report; use date, periods, timeframe, basis, source, trackingCategoryId, byProject." },
      { field: "basis", message: "is given more than once; give it once." },
    ]);
  });

  it("400 with GraphQL's own BAD_USER_INPUT message for bad values", async () => {
    for (const [param, value, type] of [["date", "2026-02-30", "Date"], ["basis", "ACCRUALS", "ReportBasis"], ["periods", "two", "Int"]] as const) {
      const response = await get(`/reports/${t.organizationId}/balance-sheet.xlsx?${param}=${value}`);
      expect(response.status, param).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const { errors } = await response.json();
      // The same value sent to /graphql as a client would send it (a variable of the argument's type).
      const same = await t.post(`query($o: ID!, $${param}: ${type}) { organization(id: $o) { balanceSheet(${param}: $${param}) { date } } }`, { o: t.organizationId, [param]: value });
      expect(same.status).toBe(400);
      expect(errors).toEqual(same.body.errors);
      expect(errors[0].extensions.code, param).toBe("BAD_USER_INPUT");
      expect(errors[0].message).toContain(`"$${param}"`);
    }
    const late = await get(`/reports/${t.organizationId}/profit-and-loss.csv?fromDate=2026-05-01&toDate=2026-04-01&periods=12`);
    expect(late.status).toBe(400);
    const { errors } = await late.json();
    expect(errors[0].extensions.fields.map((f: { field: string }) => f.field).sort()).toEqual(["fromDate", "periods"]);
  });

  it("404 listing the reports and formats for an unknown report or extension", async () => {
    for (const file of ["cash-flow.csv", "balance-sheet.pdf", "balance-sheet"]) {
      const response = await get(`/reports/${t.organizationId}/${file}`);
      expect(response.status, file).toBe(404);
      const { errors } = await response.json();
      expect(errors[0].extensions).toEqual({ code: "NOT_FOUND", reports: ["balance-sheet", "profit-and-loss", "trial-balance", "aged-receivables", "aged-payables", "cash-summary"], formats: ["csv", "xlsx"] });
      expect(errors[0].message).toContain("balance-sheet.csv, balance-sheet.xlsx, profit-and-loss.csv, profit-and-loss.xlsx, trial-balance.csv, trial-balance.xlsx, aged-receivables.csv");
    }
  });
});

// ------------------------------------------------------------------------------------------------
// The standard reports (trial balance, aged receivables and payables, cash summary) and the tracking
// breakdowns: each export compared cell by cell with the GraphQL answer, on the providers named.

/** An expected cell: provider or gateway text, an amount (decimal string), a whole number, or empty. */
type Expected = string | { amount: string } | { whole: number } | null;
const A = (value: string): Expected => ({ amount: value });

/** The CSV field an expected cell becomes. */
const csvField = (cell: Expected) => (cell === null ? "" : typeof cell === "string" ? guarded(cell) : "amount" in cell ? cell.amount : String(cell.whole));

async function expectCsv(path: string, fileName: string, header: string[], rows: Expected[][]) {
  const response = await get(path);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${fileName}"`);
  const records = parseCsv(await response.text());
  expect(records[0]).toEqual(header);
  expect(records.slice(1)).toEqual(rows.map((r) => r.map(csvField)));
}

/** The workbook at `path`: the sheet `name` holds `rows` (amounts as numbers formatted #,##0.00, whole numbers formatted 0, text as text); returns the About facts. */
async function expectXlsx(path: string, name: string, header: string[], rows: Expected[][]): Promise<Record<string, string>> {
  const response = await get(path);
  expect(response.status).toBe(200);
  const workbook = await readXlsx(response);
  expect(workbook.worksheets.map((w) => w.name)).toEqual([name, "About"]);
  const sheet = workbook.getWorksheet(name)!;
  expect(sheet.rowCount).toBe(rows.length + 1);
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
  rows.forEach((expected, r) => {
    const row = sheet.getRow(r + 2);
    expected.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      const where = `row ${r + 2} col ${c + 1}`;
      if (value === null) expect(cell.value ?? null, where).toBeNull();
      else if (typeof value === "string") {
        expect(cell.type, where).toBe(ExcelJS.ValueType.String);
        expect(cell.value, where).toBe(value);
      } else if ("whole" in value) {
        expect(cell.value, where).toBe(value.whole);
        expect(cell.numFmt, where).toBe("0");
      } else {
        expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
        expect(cell.numFmt, where).toBe("#,##0.00");
        expect((cell.value as number).toFixed(value.amount.split(".")[1]?.length ?? 0), where).toBe(value.amount);
      }
    });
  });
  return Object.fromEntries(workbook.getWorksheet("About")!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 3))) as Record<string, string>;
}

const STANDARD = "organizationId title currency source balanced checks { name passed message }";
const orgOf = (provider: "XERO" | "DAFTRA" | "CLIENTARY") => (provider === "XERO" ? t.organizationId : sandboxOf(t, provider).organization.id);
const checksOf = (report: { checks: Array<{ name: string; passed: boolean; message: string }> }) =>
  Object.fromEntries(report.checks.map((c) => [`Check: ${c.name}`, `${c.passed ? "passed" : "FAILED"}: ${c.message}`]));

describe.each(["XERO", "DAFTRA"] as const)("report export: trial balance on %s", (provider) => {
  interface Tb { source: string; basis: string; date: string; balanced: boolean; checks: Array<{ name: string; passed: boolean; message: string }>; lines: Array<{ accountCode: string | null; name: string; class: string; debit: string; credit: string; ytdDebit: string; ytdCredit: string }>; totalDebit: string; totalCredit: string; totalYtdDebit: string; totalYtdCredit: string }
  let tb: Tb;
  let rows: Expected[][];
  const header = ["Row", "Class", "Account code", "Account name", "Debit", "Credit", "YTD debit", "YTD credit"];
  const path = () => `/reports/${orgOf(provider)}/trial-balance`;

  beforeAll(async () => {
    const data = await graphql<{ organization: { trialBalance: Tb } }>(
      `query($o: ID!) { organization(id: $o) { trialBalance(date: "2026-09-30", basis: ACCRUAL) { ${STANDARD} basis date lines { accountCode name class debit credit ytdDebit ytdCredit } totalDebit totalCredit totalYtdDebit totalYtdCredit } } }`,
      { o: orgOf(provider) },
    );
    tb = data.organization.trialBalance;
    rows = [
      ...tb.lines.map((l) => ["account", l.class, l.accountCode, l.name, A(l.debit), A(l.credit), A(l.ytdDebit), A(l.ytdCredit)]),
      ["total", null, null, "Total", A(tb.totalDebit), A(tb.totalCredit), A(tb.totalYtdDebit), A(tb.totalYtdCredit)],
    ];
    expect(tb.lines.length).toBeGreaterThan(5);
    expect(tb.totalYtdDebit).toBe(tb.totalYtdCredit);
    expect(tb.source).toBe(provider === "XERO" ? "NATIVE" : "COMPUTED");
  });

  it("CSV holds the GraphQL answer figure for figure", async () => {
    await expectCsv(`${path()}.csv?date=2026-09-30&basis=ACCRUAL`, `${orgOf(provider)}-trial-balance-2026-09-30.csv`, header, rows);
  });

  it("XLSX holds the same figures, the About sheet its date, basis and checks", async () => {
    const about = await expectXlsx(`${path()}.xlsx?date=2026-09-30`, "Trial balance", header, rows);
    expect(about).toMatchObject({ Organization: orgOf(provider), Date: "2026-09-30", Basis: "ACCRUAL", "Made by": tb.source, Balanced: tb.balanced ? "yes" : "no", ...checksOf(tb) });
  });
});

interface AgedData {
  date: string; agedBy: string; source: string; checks: Array<{ name: string; passed: boolean; message: string }>;
  buckets: Array<{ label: string }>;
  contacts: Array<{ contactName: string; amounts: string[]; total: string; documents: Array<{ kind: string; number: string | null; reference: string | null; issueDate: string; dueDate: string | null; total: string; paid: string; credited: string; due: string; daysAged: number; bucket: number }> }>;
  amounts: string[]; total: string;
}
const AGED_FIELDS = `${STANDARD} date agedBy buckets { label } contacts { contactName amounts total documents { kind number reference issueDate dueDate total paid credited due daysAged bucket } } amounts total`;

/** The aged report's rows as the README describes them: per contact its documents then its total row; the report total last. */
function agedRows(aged: AgedData): Expected[][] {
  const rows: Expected[][] = [];
  const blanks = (n: number) => Array<Expected>(n).fill(null);
  for (const c of aged.contacts) {
    for (const d of c.documents) {
      rows.push(["document", c.contactName, d.kind, d.number, d.reference, d.issueDate, d.dueDate, { whole: d.daysAged }, aged.buckets[d.bucket]!.label, A(d.total), A(d.paid), A(d.credited), A(d.due), ...aged.buckets.map((_, b) => (b === d.bucket ? A(d.due) : null))]);
    }
    rows.push(["contact total", c.contactName, ...blanks(10), A(c.total), ...c.amounts.map(A)]);
  }
  rows.push(["total", ...blanks(11), A(aged.total), ...aged.amounts.map(A)]);
  return rows;
}
const agedHeader = (aged: AgedData) => ["Row", "Contact", "Kind", "Number", "Reference", "Issue date", "Due date", "Days aged", "Bucket", "Total", "Paid", "Credited", "Due", ...aged.buckets.map((b) => b.label)];

describe.each([
  ["XERO", "aged-receivables", "agedReceivables", "Aged receivables", "date=2026-09-30", `date: "2026-09-30"`],
  ["XERO", "aged-payables", "agedPayables", "Aged payables", "date=2026-09-30&agedBy=ISSUE_DATE&bucketDays=15,45", `date: "2026-09-30", agedBy: ISSUE_DATE, bucketDays: [15, 45]`],
  ["CLIENTARY", "aged-receivables", "agedReceivables", "Aged receivables", "date=2026-09-30&bucketDays=30,60,90,120&fromDate=2026-01-01", `date: "2026-09-30", bucketDays: [30, 60, 90, 120], fromDate: "2026-01-01"`],
] as const)("report export: %s %s", (provider, slug, field, sheet, args, graphqlArgs) => {
  let aged: AgedData;
  let rows: Expected[][];

  beforeAll(async () => {
    const data = await graphql<{ organization: Record<string, AgedData> }>(`query($o: ID!) { organization(id: $o) { ${field}(${graphqlArgs}) { ${AGED_FIELDS} } } }`, { o: orgOf(provider) });
    aged = data.organization[field]!;
    rows = agedRows(aged);
    expect(aged.contacts.length).toBeGreaterThan(2);
    // n boundaries make n + 2 buckets: Current, one per range, and older than the last.
    expect(aged.buckets).toHaveLength(args.includes("15,45") ? 4 : args.includes("120") ? 6 : 5);
  });

  it("CSV holds the GraphQL answer figure for figure", async () => {
    await expectCsv(`/reports/${orgOf(provider)}/${slug}.csv?${args}`, `${orgOf(provider)}-${slug}-2026-09-30.csv`, agedHeader(aged), rows);
  });

  it("XLSX holds the same figures, days aged as whole numbers", async () => {
    const about = await expectXlsx(`/reports/${orgOf(provider)}/${slug}.xlsx?${args}`, sheet, agedHeader(aged), rows);
    expect(about).toMatchObject({ Organization: orgOf(provider), Date: "2026-09-30", "Aged by": aged.agedBy, Buckets: aged.buckets.map((b) => b.label).join("; "), ...checksOf(aged) });
  });

  it("each contact row's bucket amounts are the sums of its document rows' bucket columns", () => {
    for (const c of aged.contacts) {
      const sums = aged.buckets.map((_, b) => c.documents.filter((d) => d.bucket === b).reduce((s, d) => s.plus(d.due), new Decimal(0)).toFixed(2));
      expect(sums, c.contactName).toEqual(c.amounts);
    }
  });
});

describe("report export: cash summary on DAFTRA", () => {
  interface Cs { fromDate: string; toDate: string; source: string; checks: Array<{ name: string; passed: boolean; message: string }>; periods: Array<{ label: string }>; accounts: Array<{ accountCode: string | null; name: string; opening: string[]; received: string[]; spent: string[]; closing: string[] }>; opening: string[]; received: string[]; spent: string[]; closing: string[] }
  let cs: Cs;
  let rows: Expected[][];
  let header: string[];
  const args = "fromDate=2026-07-01&toDate=2026-09-30&periods=1&timeframe=QUARTER";
  const measures = [["Opening", "opening"], ["Received", "received"], ["Spent", "spent"], ["Closing", "closing"]] as const;

  beforeAll(async () => {
    const data = await graphql<{ organization: { cashSummary: Cs } }>(
      `query($o: ID!) { organization(id: $o) { cashSummary(fromDate: "2026-07-01", toDate: "2026-09-30", periods: 1, timeframe: QUARTER) { ${STANDARD} fromDate toDate periods { label } accounts { accountCode name opening received spent closing } opening received spent closing } } }`,
      { o: orgOf("DAFTRA") },
    );
    cs = data.organization.cashSummary;
    rows = [
      ...cs.accounts.flatMap((a) => measures.map(([label, f]): Expected[] => ["account", a.accountCode, a.name, label, ...a[f].map(A)])),
      ...measures.map(([label, f]): Expected[] => ["total", null, "Total", label, ...cs[f].map(A)]),
    ];
    header = ["Row", "Account code", "Account name", "Measure", ...cs.periods.map((p) => p.label)];
    expect(cs.periods).toHaveLength(2);
    expect(cs.accounts.length).toBeGreaterThanOrEqual(2);
  });

  it("CSV holds the GraphQL answer figure for figure", async () => {
    await expectCsv(`/reports/${orgOf("DAFTRA")}/cash-summary.csv?${args}`, `${orgOf("DAFTRA")}-cash-summary-2026-07-01-to-2026-09-30.csv`, header, rows);
  });

  it("XLSX holds the same figures", async () => {
    const about = await expectXlsx(`/reports/${orgOf("DAFTRA")}/cash-summary.xlsx?${args}`, "Cash summary", header, rows);
    expect(about).toMatchObject({ From: "2026-07-01", To: "2026-09-30", "Made by": cs.source, ...checksOf(cs) });
  });
});

describe("report export: tracking breakdowns", () => {
  it("P&L by project (Clientary): one column per project, then Unassigned and Total", async () => {
    const o = orgOf("CLIENTARY");
    const { organization: { profitAndLoss: pl } } = await graphql<{ organization: { profitAndLoss: { totalIncome: string[]; grossProfit: string[]; totalExpenses: string[]; netProfit: string[]; periods: Array<{ label: string }>; sections: Section[] } } }>(
      `query($o: ID!) { organization(id: $o) { profitAndLoss(fromDate: "2026-07-01", toDate: "2026-09-30", byProject: true) { totalIncome grossProfit totalExpenses netProfit ${COMMON} } } }`,
      { o },
    );
    expect(pl.periods.slice(-2).map((p) => p.label)).toEqual(["Unassigned", "Total"]);
    expect(pl.periods.length).toBeGreaterThan(3);
    const rows = expectedRows(pl, [["Total income", pl.totalIncome], ["Gross profit", pl.grossProfit], ["Total expenses", pl.totalExpenses], ["Net profit", pl.netProfit]]);
    const header = ["Row", "Section", "Account code", "Account name", ...pl.periods.map((p) => p.label)];
    const response = await get(`/reports/${o}/profit-and-loss.csv?fromDate=2026-07-01&toDate=2026-09-30&byProject=true`);
    expect(response.status).toBe(200);
    const records = parseCsv(await response.text());
    expect(records[0]).toEqual(header);
    expect(records.slice(1)).toEqual(rows.map((r) => r.map((cell, i) => (i < 4 ? guarded(cell) : cell))));
  });

  it("balance sheet by a Xero tracking category, as XLSX", async () => {
    const { organization } = await graphql<{ organization: { trackingCategories: { edges: Array<{ node: { id: string; name: string } }> } } }>(
      `query($o: ID!) { organization(id: $o) { trackingCategories(first: 5) { edges { node { id name } } } } }`,
      { o: t.organizationId },
    );
    const category = organization.trackingCategories.edges[0]!.node.id;
    const { organization: { balanceSheet: bs } } = await graphql<{ organization: { balanceSheet: { totalAssets: string[]; totalLiabilities: string[]; netAssets: string[]; totalEquity: string[]; periods: Array<{ label: string }>; sections: Section[] } } }>(
      `query($o: ID!, $c: ID) { organization(id: $o) { balanceSheet(date: "2026-09-30", trackingCategoryId: $c, byProject: false) { totalAssets totalLiabilities netAssets totalEquity ${COMMON} } } }`,
      { o: t.organizationId, c: category },
    );
    expect(bs.periods.slice(-2).map((p) => p.label)).toEqual(["Unassigned", "Total"]);
    const rows = expectedRows(bs, [["Total assets", bs.totalAssets], ["Total liabilities", bs.totalLiabilities], ["Net assets", bs.netAssets], ["Total equity", bs.totalEquity]]);
    const response = await get(`/reports/${t.organizationId}/balance-sheet.xlsx?date=2026-09-30&trackingCategoryId=${encodeURIComponent(category)}&byProject=false`);
    expect(response.status).toBe(200);
    expectSheet((await readXlsx(response)).getWorksheet("Balance sheet")!, ["Row", "Section", "Account code", "Account name", ...bs.periods.map((p) => p.label)], rows);
  });
});

describe("report export: list and boolean parameters", () => {
  const aged = () => `/reports/${t.organizationId}/aged-receivables.csv?date=2026-09-30`;

  it("a bucketDays entry that is not a whole number: 400 with GraphQL's message naming bucketDays[i]", async () => {
    const response = await get(`${aged()}&bucketDays=30,sixty,90`);
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    const same = await t.post(`query($o: ID!, $bucketDays: [Int!]) { organization(id: $o) { agedReceivables(bucketDays: $bucketDays) { date } } }`, { o: t.organizationId, bucketDays: [30, "sixty", 90] });
    expect(same.status).toBe(400);
    expect(errors).toEqual(same.body.errors);
    expect(errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors[0].message).toContain('"$bucketDays"');
    expect(errors[0].message).toContain('at "bucketDays[1]"');
    const empty = await (await get(`${aged()}&bucketDays=30,,90`)).json();
    expect(empty.errors[0].message).toContain('at "bucketDays[1]"');
  });

  it("bucketDays out of order or out of range: 400 naming each bucketDays[i], as /graphql does", async () => {
    const response = await get(`${aged()}&bucketDays=60,30,4000`);
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    expect(errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors[0].extensions.fields).toEqual([
      { field: "bucketDays[1]", message: "is 30, not above the one before it (60); list boundaries in ascending order." },
      { field: "bucketDays[2]", message: "is 4000; each boundary is a whole number of days from 1 to 3650." },
    ]);
    const repeated = await (await get(`${aged()}&bucketDays=30&bucketDays=60`)).json();
    expect(repeated.errors[0].extensions.fields).toEqual([{ field: "bucketDays", message: "is given more than once; give it once." }]);
  });

  it("a boolean parameter other than true or false: 400 with GraphQL's message naming it", async () => {
    for (const value of ["yes", "1", "TRUE"]) {
      const response = await get(`/reports/${t.organizationId}/profit-and-loss.csv?byProject=${value}`);
      expect(response.status, value).toBe(400);
      const { errors } = await response.json();
      const same = await t.post(`query($o: ID!, $byProject: Boolean) { organization(id: $o) { profitAndLoss(byProject: $byProject) { fromDate } } }`, { o: t.organizationId, byProject: value });
      expect(errors).toEqual(same.body.errors);
      expect(errors[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(errors[0].message).toContain('"$byProject"');
    }
  });
});
