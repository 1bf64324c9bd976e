import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
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
  t = await startTestLedgerline();
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
      { field: "fromDate", message: "is not a parameter of this report; use date, periods, timeframe, basis, source." },
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
      expect(errors[0].extensions).toEqual({ code: "NOT_FOUND", reports: ["balance-sheet", "profit-and-loss"], formats: ["csv", "xlsx"] });
      expect(errors[0].message).toContain("balance-sheet.csv, balance-sheet.xlsx, profit-and-loss.csv, profit-and-loss.xlsx");
    }
  });
});
