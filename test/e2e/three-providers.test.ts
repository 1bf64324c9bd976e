import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";

/** The README's side-by-side query, against the embedded default's three organizations. */
const SIDE_BY_SIDE = `query SideBySide($xero: ID!, $daftra: ID!, $clientary: ID!) {
  xero: organization(id: $xero) { ...Books }
  daftra: organization(id: $daftra) { ...Books }
  clientary: organization(id: $clientary) { ...Books }
}
fragment Books on Organization {
  name provider baseCurrency
  invoices(first: 3) { totalCount edges { node { number total amountDue isOverdue contact { name } } } }
  profitAndLoss(fromDate: "2026-01-01", toDate: "2026-09-30", periods: 2, timeframe: QUARTER) { source balanced netProfit }
}`;

describe("Xero, Daftra and Clientary side by side through one schema", () => {
  let t: TestLedgerline;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await startTestLedgerline();
    ids = Object.fromEntries(t.app.sandboxes.map((s) => [s.provider.toLowerCase(), s.organization.id]));
  });
  afterAll(() => t?.close());

  it("answers the same query for every provider: invoices with contacts, and a balanced P&L", async () => {
    const { body } = await t.post(SIDE_BY_SIDE, ids);
    expect(body.errors).toBeUndefined();
    for (const [alias, provider, source] of [["xero", "XERO", "NATIVE"], ["daftra", "DAFTRA", "COMPUTED"], ["clientary", "CLIENTARY", "COMPUTED"]]) {
      const org = body.data![alias];
      expect(org.provider).toBe(provider);
      expect(org.invoices.edges.length, alias).toBe(3);
      expect(org.invoices.edges.every((e: { node: { contact: { name: string } | null } }) => e.node.contact?.name), `${alias} contacts`).toBe(true);
      expect(org.profitAndLoss).toMatchObject({ source, balanced: true });
      expect(org.profitAndLoss.netProfit).toHaveLength(3);
    }
  });

  it("reaches what only one provider has: Daftra's expenses and stock, Clientary's projects and time", async () => {
    const { body } = await t.post(
      `query($d: ID!, $c: ID!) {
        daftra: organization(id: $d) { expenses(first: 2) { edges { node { kind total } } } items(first: 2) { edges { node { name quantityOnHand } } } }
        clientary: organization(id: $c) { projects(first: 2) { edges { node { name contact { name } } } } timeEntries(first: 2) { edges { node { hours } } } }
      }`,
      { d: ids.daftra, c: ids.clientary },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.daftra.expenses.edges).toHaveLength(2);
    expect(body.data!.daftra.items.edges[0].node.quantityOnHand).toMatch(/^\d+(\.\d+)?$/);
    expect(body.data!.clientary.projects.edges).toHaveLength(2);
    expect(Number(body.data!.clientary.timeEntries.edges[0].node.hours)).toBeGreaterThan(0);
  });

  it("balance sheets balance for every provider, on both bases", async () => {
    for (const id of Object.values(ids)) {
      for (const basis of ["ACCRUAL", "CASH"]) {
        const { body } = await t.post(`query($o: ID!, $b: ReportBasis) { organization(id: $o) { balanceSheet(date: "2026-09-30", periods: 1, basis: $b) { balanced basis } } }`, { o: id, b: basis });
        expect(body.errors, `${id} ${basis}`).toBeUndefined();
        expect(body.data!.organization.balanceSheet).toEqual({ balanced: true, basis });
      }
    }
  });
});
