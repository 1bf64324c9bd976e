/**
 * GET /Journals over HTTP: 100 journals per call above `offset`, numbered in date order, each
 * balanced; paymentsOnly gives the cash journal; If-Modified-Since filters on CreatedDateUTC; the
 * scope is accounting.journals.read. Expectations come from the sandbox's own journal (`journal`).
 */
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { journal } from "../books/ledger.js";
import type { XeroSandbox } from "../server.js";
import { api, clientCredentialsToken, startSandbox } from "./harness.js";

let sandbox: XeroSandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ limits: { perMinute: 10_000 } });
  token = await clientCredentialsToken(sandbox, "accounting.journals.read accounting.transactions");
});
afterAll(() => sandbox.close());

const msOf = (wire: string) => Number(/^\/Date\((\d+)\+0000\)\/$/.exec(wire)![1]);

async function all(query = "", headers?: Record<string, string>) {
  const journals: any[] = [];
  let offset = 0;
  let calls = 0;
  for (;;) {
    const res = await api(sandbox, token, `/Journals?offset=${offset}${query}`, { headers });
    expect(res.status, res.text).toBe(200);
    calls++;
    const page = res.json.Journals as any[];
    expect(page.length).toBeLessThanOrEqual(100);
    journals.push(...page);
    if (page.length < 100) return { journals, calls };
    offset = page.at(-1).JournalNumber;
  }
}

describe("GET /Journals", () => {
  test("pages of 100 above offset: every journal once, numbered 1..n in date order, each balanced", async () => {
    const { journals, calls } = await all();
    expect(journals.length).toBeGreaterThan(100);
    expect(calls).toBe(Math.floor(journals.length / 100) + 1);
    expect(journals.map((j) => j.JournalNumber)).toEqual(journals.map((_, i) => i + 1));
    const dates = journals.map((j) => msOf(j.JournalDate));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    for (const j of journals) {
      expect(j).toMatchObject({ JournalID: expect.stringMatching(/^[0-9a-f-]{36}$/), SourceID: expect.any(String), SourceType: expect.any(String) });
      expect(j.JournalLines.reduce((t: Decimal, l: any) => t.plus(l.NetAmount), new Decimal(0)).toFixed(2)).toBe("0.00");
    }
  });

  test("the lines are the sandbox's journal, the one its reports are made from (both bases)", async () => {
    for (const [basis, query] of [["ACCRUAL", ""], ["CASH", "&paymentsOnly=true"]] as const) {
      const { journals } = await all(query);
      const wire = journals.flatMap((j) => j.JournalLines.map((l: any) => `${l.AccountCode} ${new Decimal(l.NetAmount).toFixed(2)}`)).sort();
      const books = journal(sandbox.books, basis).map((l) => `${l.accountCode} ${l.amount.toFixed(2)}`).sort();
      expect(wire).toEqual(books);
    }
  });

  test("If-Modified-Since keeps journals created at or after the instant", async () => {
    const { journals } = await all();
    const created = journals.map((j) => msOf(j.CreatedDateUTC)).sort((a, b) => a - b);
    const since = created[Math.floor(created.length / 2)]!;
    const { journals: later } = await all("", { "If-Modified-Since": new Date(since).toISOString() });
    expect(later.length).toBe(created.filter((ms) => Math.floor(ms / 1000) >= Math.floor(since / 1000)).length);
    expect(later.length).toBeLessThan(journals.length);
  });

  test("without accounting.journals.read: 401", async () => {
    const other = await clientCredentialsToken(sandbox, "accounting.transactions");
    expect((await api(sandbox, other, "/Journals")).status).toBe(401);
  });
});
