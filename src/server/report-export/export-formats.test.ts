import { PassThrough, Writable } from "node:stream";
import { checkHeaders } from "./route.js";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { csvRecord, guardText, quoteField, writeCsv } from "./csv.js";
import { exportVariables } from "./params.js";
import { amount, text, whole, type ExportTable } from "./table.js";
import { significantDigits, writeXlsx, xlsxAmount } from "./xlsx.js";
import { clientWentAway } from "../format-error.js";

const collect = (stream: PassThrough) => {
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks);
};

describe("CSV cells", () => {
  it("puts an apostrophe before text a spreadsheet would run, and only before it", () => {
    for (const risky of ["=1+1", "+44 20 7946 0000", "-Drawings", "@SUM(A1)", "\tTab", "\rReturn"]) expect(guardText(risky)).toBe(`'${risky}`);
    for (const safe of ["Sales", "1-800 Flowers", " =padded", "'quoted", "", "مبيعات"]) expect(guardText(safe)).toBe(safe);
  });

  it("quotes per RFC 4180: fields with a comma, quote, CR or LF, inner quotes doubled", () => {
    expect(quoteField("Light, Power")).toBe('"Light, Power"');
    expect(quoteField('The "big" one')).toBe('"The ""big"" one"');
    expect(quoteField("two\nlines")).toBe('"two\nlines"');
    expect(quoteField("cr\rhere")).toBe('"cr\rhere"');
    expect(quoteField("plain")).toBe("plain");
  });

  it("writes amounts as the exact decimal strings, negatives unguarded; anything not a decimal as guarded text", () => {
    expect(csvRecord([text("-Refunds, returned"), amount("-1690.04"), amount("0.00"), amount("123456789012345678.99"), amount("=1+2"), null])).toBe(
      `"'-Refunds, returned",-1690.04,0.00,123456789012345678.99,'=1+2,\r\n`,
    );
    expect(amount("1e5")).toEqual({ text: "1e5" });
    expect(amount("12.")).toEqual({ text: "12." });
  });

  it("writes whole numbers (days aged) as digits, negatives unguarded", () => {
    expect(csvRecord([whole(297), whole(-12), whole(0), whole(null)])).toBe("297,-12,0,\r\n");
    expect(whole(1.5)).toEqual({ text: "1.5" });
  });

  it("streams a large table as UTF-8 without a BOM, waiting for a slow reader", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [text(`حساب ${i}`), amount(`${i}.5${i % 10}`)]);
    const out = new PassThrough({ highWaterMark: 1024 });
    const chunks: Buffer[] = [];
    // A slow reader: one chunk per turn, so the writer meets backpressure.
    const reading = (async () => {
      for await (const chunk of out) {
        chunks.push(chunk as Buffer);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await writeCsv({ header: ["Account name", "30 Sep 2026"], amountColumns: 1, rows, about: [] }, out);
    await reading;
    const body = Buffer.concat(chunks);
    expect([...body.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString("utf8").split("\r\n");
    expect(lines).toHaveLength(5002);
    expect(lines[0]).toBe("Account name,30 Sep 2026");
    expect(lines[4001]).toBe("حساب 4000,4000.50");
    expect(lines[5001]).toBe("");
  });

  it("gives up, instead of waiting forever, when the client goes away mid-file", async () => {
    // A client that never reads, then disconnects.
    const out = new Writable({ highWaterMark: 16, write: () => undefined });
    const rows = Array.from({ length: 20_000 }, (_, i) => [text(`Account ${i}`), amount("1.00")]);
    const writing = writeCsv({ header: ["a", "b"], amountColumns: 1, rows, about: [] }, out);
    setImmediate(() => out.destroy());
    const error = await writing.then(() => undefined, (e: unknown) => e);
    expect(clientWentAway(error)).toBe(true);
  });
});

describe("XLSX cells", () => {
  it("counts significant digits", () => {
    expect(significantDigits("1234.50")).toBe(5);
    expect(significantDigits("-0.01")).toBe(1);
    expect(significantDigits("0.00")).toBe(0);
    expect(significantDigits("100")).toBe(3);
    expect(significantDigits("1234567890123.45")).toBe(15);
    expect(significantDigits("12345678901234.56")).toBe(16);
  });

  it("stores amounts up to 15 significant digits as numbers, longer ones as their exact text", () => {
    expect(xlsxAmount("1234.50")).toBe(1234.5);
    expect(xlsxAmount("-1690.04")).toBe(-1690.04);
    expect(xlsxAmount("1234567890123.45")).toBe(1234567890123.45);
    expect(xlsxAmount("12345678901234.56")).toBe("12345678901234.56");
  });

  it("writes a workbook exceljs reads back: numbers with #,##0.00, long amounts as exact text, risky text as strings", async () => {
    const table: ExportTable = {
      header: ["Account name", "Q3"],
      amountColumns: 1,
      rows: [
        [text("=HYPERLINK(\"x\")"), amount("-1690.04")],
        [text("Big"), amount("12345678901234.56")],
        [text("Nothing"), null],
        [text("Days"), whole(-12)],
      ],
      widths: [30, 18],
      about: [["Currency", "USD"]],
    };
    const out = new PassThrough();
    const bytes = collect(out);
    await writeXlsx(table, "Test sheet", out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes() as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Test sheet")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Account name", "Q3"]);
    expect(sheet.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("A2").value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell("B2").value).toBe(-1690.04);
    expect(sheet.getCell("B2").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("B3").value).toBe("12345678901234.56");
    expect(sheet.getCell("B3").alignment).toEqual({ horizontal: "right" });
    expect(sheet.getCell("B4").value).toBeNull();
    expect(sheet.getCell("B5").value).toBe(-12);
    expect(sheet.getCell("B5").numFmt).toBe("0");
    expect(sheet.getColumn(1).width).toBe(30);
    expect(workbook.getWorksheet("About")!.getRow(1).values).toEqual([undefined, "Currency", "USD"]);
  });
});

describe("query-string parameters", () => {
  const params = { date: "string", periods: "int", basis: "string" } as const;
  const q = (s: string) => new URLSearchParams(s);

  it("turns them into GraphQL variables: whole numbers for int, text otherwise (GraphQL checks the values)", () => {
    expect(exportVariables("org_1", q("date=2026-09-30&periods=2&basis=CASH"), params)).toEqual({ organizationId: "org_1", date: "2026-09-30", periods: 2, basis: "CASH" });
    expect(exportVariables("org_1", q("periods=2.5"), params)).toEqual({ organizationId: "org_1", periods: "2.5" });
    expect(exportVariables("org_1", q("periods=99999999999"), params)).toEqual({ organizationId: "org_1", periods: "99999999999" });
  });

  it("booleans: only true and false become booleans; anything else goes to GraphQL as text, which refuses it", () => {
    const kinds = { byProject: "boolean" } as const;
    expect(exportVariables("o", q("byProject=true"), kinds)).toEqual({ organizationId: "o", byProject: true });
    expect(exportVariables("o", q("byProject=false"), kinds)).toEqual({ organizationId: "o", byProject: false });
    expect(exportVariables("o", q("byProject=TRUE"), kinds)).toEqual({ organizationId: "o", byProject: "TRUE" });
    expect(exportVariables("o", q("byProject=1"), kinds)).toEqual({ organizationId: "o", byProject: "1" });
  });

  it("int lists: comma-separated entries, each a whole number or left as text for GraphQL to name", () => {
    const kinds = { bucketDays: "intList" } as const;
    expect(exportVariables("o", q("bucketDays=30,60,90"), kinds)).toEqual({ organizationId: "o", bucketDays: [30, 60, 90] });
    expect(exportVariables("o", q("bucketDays=45"), kinds)).toEqual({ organizationId: "o", bucketDays: [45] });
    expect(exportVariables("o", q("bucketDays=30,x,,9.5"), kinds)).toEqual({ organizationId: "o", bucketDays: [30, "x", "", "9.5"] });
    expect(() => exportVariables("o", q("bucketDays=30&bucketDays=60"), kinds)).toThrow("bucketDays: is given more than once; give it once.");
  });

  it("refuses unknown parameters (prototype names too) and repeats, naming each", () => {
    expect(() => exportVariables("org_1", q("constructor=1&__proto__=x&organizationId=o&date=a&date=b"), params)).toThrow(
      "Invalid input. constructor: is not a parameter of this report; use date, periods, basis.; " +
        "__proto__: is not a parameter of this report; use date, periods, basis.; " +
        "organizationId: is not a parameter of this report; use date, periods, basis.; date: is given more than once; give it once.",
    );
  });
});

describe("check headers", () => {
  it("say whether the report balanced and name the failed checks, in safe characters", () => {
    expect(checkHeaders({ balanced: true, checks: [{ name: "SECTION_TOTAL:ASSETS", passed: true }] })).toEqual({ "X-Report-Balanced": "true" });
    expect(checkHeaders({
      balanced: false,
      checks: [{ name: "BANK_SAME_ON_BOTH_BASES", passed: false }, { name: "OK", passed: true }, { name: "ORGANIZATION:org 1\r\nX-Evil: 1", passed: false }],
    })).toEqual({ "X-Report-Balanced": "false", "X-Report-Failed-Checks": "BANK_SAME_ON_BOTH_BASES,ORGANIZATION:org_1__X-Evil:_1" });
    expect(checkHeaders({})).toEqual({});
  });
});
