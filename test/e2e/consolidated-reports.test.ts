import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";

/** The embedded default: Xero (USD), Daftra (SAR) and Clientary (USD), consolidated in USD at a given SAR rate. */
const SAR_TO_USD = "0.2666";
const RANGE = `fromDate: "2026-07-01", toDate: "2026-09-30", periods: 2, timeframe: QUARTER`;
const LINES = "name accountCode amounts";
const SECTIONS = `sections { key total lines { ${LINES} } sections { key total lines { ${LINES} } sections { key total lines { ${LINES} } } } }`;
const ORGS = "organizations { organizationId name provider currency rate source servedFrom balanced }";

const CONSOLIDATED_PL = `query($ids: [ID!]!, $rates: [ExchangeRateInput!]!, $cur: String!) {
  consolidatedProfitAndLoss(organizationIds: $ids, reportingCurrency: $cur, rates: $rates, ${RANGE}) {
    title reportingCurrency basis fromDate toDate balanced periods { fromDate toDate } totalIncome grossProfit totalExpenses netProfit
    ${SECTIONS} checks { name passed message } ${ORGS}
  }
}`;
const OWN_PL = `query($o: ID!) { organization(id: $o) { profitAndLoss(${RANGE}) { currency balanced netProfit totalIncome periods { fromDate toDate } } } }`;
const CONSOLIDATED_BS = `query($ids: [ID!]!, $rates: [ExchangeRateInput!]!) {
  consolidatedBalanceSheet(organizationIds: $ids, reportingCurrency: "USD", rates: $rates, date: "2026-09-30", periods: 1) {
    date balanced totalAssets totalLiabilities netAssets totalEquity ${SECTIONS} checks { name passed } ${ORGS}
  }
}`;
const OWN_BS = `query($o: ID!) { organization(id: $o) { balanceSheet(date: "2026-09-30", periods: 1) { currency balanced ${SECTIONS} } } }`;

interface Section { key: string; total: string[]; lines: Array<{ name: string; amounts: string[] }>; sections: Section[] }

const convert = (amount: string, rate: string) => new Decimal(amount).times(rate).toFixed(2, Decimal.ROUND_HALF_UP);
const sum = (values: string[]) => values.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed(2);
/** Every line of a section tree, converted one by one (the stated rounding), added per period. */
const convertedTotal = (section: Section | undefined, rate: string, period: number): string =>
  section ? sum([...section.lines.map((l) => convert(l.amounts[period]!, rate)), ...section.sections.map((s) => convertedTotal(s, rate, period))]) : "0.00";

let t: TestLedgerline;
let ids: Record<"XERO" | "DAFTRA" | "CLIENTARY", string>;
const rateOf = { XERO: "1", DAFTRA: SAR_TO_USD, CLIENTARY: "1" } as const;
beforeAll(async () => {
  t = await startTestLedgerline();
  ids = Object.fromEntries(t.app.sandboxes.map((s) => [s.provider, s.organization.id])) as typeof ids;
});
afterAll(() => t?.close());

describe("consolidated reports over Xero (USD), Daftra (SAR) and Clientary (USD), in USD", () => {
  const all = () => [ids.XERO, ids.DAFTRA, ids.CLIENTARY];

  it("P&L: net profit per period is the sum of each organization's own net profit × its rate, rounded to the cent half-up", async () => {
    const { body } = await t.post(CONSOLIDATED_PL, { ids: all(), rates: [{ currency: "SAR", rate: SAR_TO_USD }], cur: "USD" });
    expect(body.errors).toBeUndefined();
    const c = body.data!.consolidatedProfitAndLoss;
    expect(c).toMatchObject({ title: "Consolidated Profit and Loss", reportingCurrency: "USD", basis: "ACCRUAL", fromDate: "2026-07-01", toDate: "2026-09-30" });
    expect(c.organizations.map((o: Record<string, unknown>) => [o.organizationId, o.provider, o.currency, o.rate])).toEqual([
      [ids.XERO, "XERO", "USD", "1"],
      [ids.DAFTRA, "DAFTRA", "SAR", SAR_TO_USD],
      [ids.CLIENTARY, "CLIENTARY", "USD", "1"],
    ]);
    expect(c.organizations.map((o: { source: string }) => o.source)).toEqual(["NATIVE", "COMPUTED", "COMPUTED"]);

    const own = await Promise.all(all().map(async (id) => (await t.post(OWN_PL, { o: id })).body.data!.organization.profitAndLoss));
    expect(own.map((r) => r.currency)).toEqual(["USD", "SAR", "USD"]);
    expect(c.periods).toEqual(own[0].periods);
    const rates = [rateOf.XERO, rateOf.DAFTRA, rateOf.CLIENTARY];
    const expected = [0, 1, 2].map((p) => sum(own.map((r, i) => convert(r.netProfit[p], rates[i]!))));
    expect(c.netProfit).toEqual(expected);
    // Not vacuous: Daftra's SAR profit really moves the USD total, by its converted amount.
    expect(c.netProfit[0]).not.toBe(sum([own[0].netProfit[0], own[2].netProfit[0]]));

    // The consolidated report's own checks hold (sections add up, gross and net profit follow from them); it is balanced exactly when every organization's report is.
    const own_checks = c.checks.filter((k: { name: string }) => !k.name.startsWith("ORGANIZATION:"));
    expect(own_checks.filter((k: { passed: boolean }) => !k.passed)).toEqual([]);
    expect(c.checks.filter((k: { name: string }) => k.name.startsWith("ORGANIZATION:")).map((k: { name: string }) => k.name)).toEqual(all().map((id) => `ORGANIZATION:${id}`));
    expect(c.balanced).toBe(own.every((r) => r.balanced));
    expect(c.organizations.map((o: { balanced: boolean }) => o.balanced)).toEqual(own.map((r) => r.balanced));
  });

  it("P&L sections: each line converted on its own, totals re-summed, per-line rounding in one line under OTHER_INCOME", async () => {
    const { body } = await t.post(CONSOLIDATED_PL, { ids: [ids.DAFTRA], rates: [{ currency: "SAR", rate: SAR_TO_USD }], cur: "USD" });
    expect(body.errors).toBeUndefined();
    const c = body.data!.consolidatedProfitAndLoss;
    const own = (await t.post(`query($o: ID!) { organization(id: $o) { profitAndLoss(${RANGE}) { netProfit ${SECTIONS} } } }`, { o: ids.DAFTRA })).body.data!.organization.profitAndLoss;
    const income = own.sections.find((s: Section) => s.key === "INCOME");
    expect(income.lines.length).toBeGreaterThan(0);
    const converted = c.sections.find((s: Section) => s.key === "INCOME");
    expect(converted.lines.map((l: { amounts: string[] }) => l.amounts)).toEqual(income.lines.map((l: { amounts: string[] }) => l.amounts.map((a) => convert(a, SAR_TO_USD))));
    expect(converted.total).toEqual([0, 1, 2].map((p) => convertedTotal(income, SAR_TO_USD, p)));
    expect(c.netProfit).toEqual(own.netProfit.map((n: string) => convert(n, SAR_TO_USD)));
    const rounding = c.sections.find((s: Section) => s.key === "OTHER_INCOME")?.lines.find((l: { name: string }) => l.name === "Rounding on conversion to USD");
    // Whatever the books hold, the rounding line is exactly the gap between the once-rounded net profit and the sum of the converted lines.
    const unrounded = [0, 1, 2].map((p) => {
      const plus = ["INCOME", "OTHER_INCOME"].map((k) => convertedTotal(own.sections.find((s: Section) => s.key === k), SAR_TO_USD, p));
      const minus = ["COST_OF_SALES", "OPERATING_EXPENSES", "OTHER_EXPENSES"].map((k) => convertedTotal(own.sections.find((s: Section) => s.key === k), SAR_TO_USD, p));
      return new Decimal(sum(plus)).minus(sum(minus)).toFixed(2);
    });
    expect(rounding?.amounts ?? ["0.00", "0.00", "0.00"]).toEqual(unrounded.map((u, p) => new Decimal(c.netProfit[p]).minus(u).toFixed(2)));
  });

  it("balance sheet: assets are the sum of every organization's converted lines, and A − L = E holds exactly", async () => {
    const { body } = await t.post(CONSOLIDATED_BS, { ids: all(), rates: [{ currency: "SAR", rate: SAR_TO_USD }, { currency: "USD", rate: "1.0000" }] });
    expect(body.errors).toBeUndefined();
    const c = body.data!.consolidatedBalanceSheet;
    expect(c.date).toBe("2026-09-30");
    expect(c.organizations.map((o: { currency: string; rate: string }) => [o.currency, o.rate])).toEqual([["USD", "1"], ["SAR", SAR_TO_USD], ["USD", "1"]]);
    const own = await Promise.all(all().map(async (id) => (await t.post(OWN_BS, { o: id })).body.data!.organization.balanceSheet));
    const rates = [rateOf.XERO, rateOf.DAFTRA, rateOf.CLIENTARY];
    for (const p of [0, 1]) {
      const assets = sum(own.map((r, i) => convertedTotal(r.sections.find((s: Section) => s.key === "ASSETS"), rates[i]!, p)));
      const liabilities = sum(own.map((r, i) => convertedTotal(r.sections.find((s: Section) => s.key === "LIABILITIES"), rates[i]!, p)));
      expect(c.totalAssets[p]).toBe(assets);
      expect(c.totalLiabilities[p]).toBe(liabilities);
      expect(c.netAssets[p]).toBe(new Decimal(assets).minus(liabilities).toFixed(2));
      if (own.every((r) => r.balanced)) expect(c.totalEquity[p]).toBe(c.netAssets[p]);
    }
    expect(c.checks.find((k: { name: string }) => k.name === "ASSETS_MINUS_LIABILITIES_EQUALS_EQUITY").passed).toBe(own.every((r) => r.balanced));
    expect(c.balanced).toBe(own.every((r) => r.balanced));
  });

  it("consolidated lines do not drill down into one organization's postings: NOT_SUPPORTED, pointing at each organization's report", async () => {
    const { body } = await t.post(
      `query($ids: [ID!]!) { consolidatedProfitAndLoss(organizationIds: $ids, reportingCurrency: "USD", rates: [], ${RANGE}) { sections { lines { name postings(first: 1) { totalCount } } } } }`,
      { ids: [ids.XERO] },
    );
    expect(body.errors?.[0].extensions?.code).toBe("NOT_SUPPORTED");
    expect(body.errors?.[0].message).toContain("not on consolidated ones");
  });

  it("refuses a missing rate on `rates`, naming the currency and the organization", async () => {
    const { body } = await t.post(CONSOLIDATED_PL, { ids: all(), rates: [], cur: "USD" });
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0].extensions?.fields).toHaveLength(1);
    expect(body.errors?.[0].extensions?.fields[0].field).toBe("rates");
    expect(body.errors?.[0].extensions?.fields[0].message).toMatch(new RegExp(`^no rate for SAR, the currency of '.+' \\(${ids.DAFTRA}\\); add \\{ currency: "SAR", rate: "…" \\} giving units of USD per 1 SAR\\.$`));
  });

  it("an organization's own report failing names that organization (source: MIRROR cannot make Xero's report)", async () => {
    const { body } = await t.post(
      `query($ids: [ID!]!) { consolidatedProfitAndLoss(organizationIds: $ids, reportingCurrency: "USD", rates: [{ currency: "SAR", rate: "0.2666" }], ${RANGE}, source: MIRROR) { netProfit } }`,
      { ids: [ids.XERO] },
    );
    expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", organizationId: ids.XERO, fields: [{ field: "source" }] });
    expect(body.errors?.[0].message).toMatch(new RegExp(`^Organization '.+' \\(${ids.XERO}\\): Invalid input\\. source: is MIRROR`));
  });

  it("reporting in SAR turns the USD organizations' rate around: only the caller's rates are used", async () => {
    const { body } = await t.post(CONSOLIDATED_PL, { ids: [ids.XERO, ids.DAFTRA], rates: [{ currency: "USD", rate: "3.75" }], cur: "SAR" });
    expect(body.errors).toBeUndefined();
    const c = body.data!.consolidatedProfitAndLoss;
    expect(c.organizations.map((o: { currency: string; rate: string }) => [o.currency, o.rate])).toEqual([["USD", "3.75"], ["SAR", "1"]]);
    const own = await Promise.all([ids.XERO, ids.DAFTRA].map(async (id) => (await t.post(OWN_PL, { o: id })).body.data!.organization.profitAndLoss));
    expect(c.netProfit[0]).toBe(sum([convert(own[0].netProfit[0], "3.75"), own[1].netProfit[0]]));
  });

  it("refuses bad arguments, naming each", async () => {
    const { body } = await t.post(CONSOLIDATED_PL, { ids: [ids.XERO, ids.XERO], rates: [{ currency: "USD", rate: "2" }, { currency: "SAR", rate: "-1" }], cur: "usd" });
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field)).toEqual(["organizationIds", "reportingCurrency", "rates[1].rate"]);
    const conflicting = await t.post(CONSOLIDATED_PL, { ids: [ids.XERO], rates: [{ currency: "USD", rate: "2" }], cur: "USD" });
    expect(conflicting.body.errors?.[0].extensions?.fields).toEqual([{ field: "rates[0].rate", message: "USD is the reporting currency, so its rate is 1; got 2. Leave it out or give 1." }]);
  });

  it("NOT_FOUND for an organization the key may not read, as organization(id) answers", async () => {
    const { key } = await t.app.services.apiKeys.create({ name: "xero only", organizationIds: [ids.XERO] });
    const { body } = await t.post(CONSOLIDATED_PL, { ids: [ids.XERO, ids.DAFTRA], rates: [{ currency: "SAR", rate: SAR_TO_USD }], cur: "USD" }, key);
    expect(body.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(body.errors?.[0].message).toContain(ids.DAFTRA);
    expect(body.data).toBeNull();
  });

  it("is priced as one report per organization: four fit under the default limit (an unknown fourth is NOT_FOUND), five do not", async () => {
    const four = await t.post(CONSOLIDATED_PL, { ids: [ids.XERO, ids.DAFTRA, ids.CLIENTARY, "org_unknown"], rates: [{ currency: "SAR", rate: SAR_TO_USD }], cur: "USD" });
    expect(four.body.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(four.body.errors?.[0].message).toContain("org_unknown");
    const five = [ids.XERO, ids.DAFTRA, ids.CLIENTARY, "a", "b"];
    const { body } = await t.post(CONSOLIDATED_PL, { ids: five, rates: [{ currency: "SAR", rate: SAR_TO_USD }], cur: "USD" });
    expect(body.errors?.[0].extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});

describe("document amounts in the organization's base currency", () => {
  const DOCS = `query($o: ID!) { organization(id: $o) { baseCurrency
    invoices(first: 5) { edges { node { currency currencyRate baseCurrency subTotal baseSubTotal totalTax baseTotalTax total baseTotal amountDue baseAmountDue } } }
    payments(first: 5) { edges { node { currency currencyRate baseCurrency amount baseAmount } } }
  } }`;

  it("a record in the base currency has rate 1 and base amounts equal to its own, for every provider", async () => {
    for (const [provider, id] of Object.entries(ids)) {
      const { body } = await t.post(DOCS, { o: id });
      expect(body.errors, provider).toBeUndefined();
      const org = body.data!.organization;
      const invoices = org.invoices.edges.map((e: { node: Record<string, string> }) => e.node);
      const payments = org.payments.edges.map((e: { node: Record<string, string> }) => e.node);
      expect(invoices.length, provider).toBeGreaterThan(0);
      expect(payments.length, provider).toBeGreaterThan(0);
      for (const i of invoices) {
        expect(i.currency, provider).toBe(org.baseCurrency);
        expect(i, provider).toMatchObject({ currencyRate: "1", baseCurrency: org.baseCurrency, baseSubTotal: i.subTotal, baseTotalTax: i.totalTax, baseTotal: i.total, baseAmountDue: i.amountDue });
      }
      for (const p of payments) expect(p, provider).toMatchObject({ currency: org.baseCurrency, currencyRate: "1", baseCurrency: org.baseCurrency, baseAmount: p.amount });
    }
  });

  it("expenses too: Daftra's SAR expenses have rate 1 and base amounts equal to their own", async () => {
    const { body } = await t.post(`query($o: ID!) { organization(id: $o) { expenses(first: 5) { edges { node { currency currencyRate baseCurrency subTotal baseSubTotal totalTax baseTotalTax total baseTotal } } } } }`, { o: ids.DAFTRA });
    expect(body.errors).toBeUndefined();
    const expenses = body.data!.organization.expenses.edges.map((e: { node: Record<string, string> }) => e.node);
    expect(expenses).toHaveLength(5);
    for (const x of expenses) expect(x).toMatchObject({ currency: "SAR", currencyRate: "1", baseCurrency: "SAR", baseSubTotal: x.subTotal, baseTotalTax: x.totalTax, baseTotal: x.total });
  });

  it("a foreign-currency document whose provider states no rate has null base amounts, never a silent 1 (Daftra, EUR)", async () => {
    const contact = (await t.post(`query($o: ID!) { organization(id: $o) { contacts(first: 1) { edges { node { id } } } } }`, { o: ids.DAFTRA })).body.data!.organization.contacts.edges[0].node.id;
    const { body } = await t.post(
      `mutation($o: ID!, $input: DocumentInput!) { createInvoice(organizationId: $o, input: $input) { record { currency currencyRate baseCurrency total baseTotal baseSubTotal baseTotalTax baseAmountDue } } }`,
      { o: ids.DAFTRA, input: { contactId: contact, currency: "EUR", issueDate: "2026-11-10", lines: [{ description: "Consulting", quantity: "1", unitAmount: "100.00" }] } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.createInvoice.record).toEqual({ currency: "EUR", currencyRate: null, baseCurrency: "SAR", total: "100.00", baseTotal: null, baseSubTotal: null, baseTotalTax: null, baseAmountDue: null });
  });

  it("a foreign-currency Xero document is converted at the CurrencyRate Xero states: amount ÷ rate, 2 dp half-up", async () => {
    const template = t.xero.books.invoices.find((i) => i.Type === "ACCREC")!;
    // A draft (out of every report) in EUR at 0.8 EUR per USD, and one at 3 EUR per USD for the rounding.
    const fx = (number: string, rate: number) => ({
      ...structuredClone(template), InvoiceID: crypto.randomUUID(), InvoiceNumber: number, Status: "DRAFT" as const, CurrencyCode: "EUR", CurrencyRate: rate,
      SubTotal: 100, TotalTax: 15, Total: 115, AmountDue: 115, AmountPaid: 0, AmountCredited: 0, Payments: [], CreditNotes: [],
    });
    t.xero.books.invoices.push(fx("FX-0001", 0.8), fx("FX-0002", 3));
    const { body } = await t.post(
      `query($o: ID!) { organization(id: $o) { invoices(first: 5, source: LIVE, filter: { search: "FX-000" }) { edges { node { number currency currencyRate baseCurrency baseSubTotal baseTotalTax baseTotal baseAmountDue } } } } }`,
      { o: ids.XERO },
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.organization.invoices.edges.map((e: { node: { number: string } }) => e.node).sort((a: { number: string }, b: { number: string }) => a.number.localeCompare(b.number));
    expect(nodes).toEqual([
      { number: "FX-0001", currency: "EUR", currencyRate: "0.8", baseCurrency: "USD", baseSubTotal: "125.00", baseTotalTax: "18.75", baseTotal: "143.75", baseAmountDue: "143.75" },
      // 100 ÷ 3 = 33.333… → 33.33; 15 ÷ 3 = 5.00; 115 ÷ 3 = 38.333… → 38.33 (each amount rounded on its own).
      { number: "FX-0002", currency: "EUR", currencyRate: "3", baseCurrency: "USD", baseSubTotal: "33.33", baseTotalTax: "5.00", baseTotal: "38.33", baseAmountDue: "38.33" },
    ]);
  });
});
