import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { graphql, type GraphQLSchema } from "graphql";
import { buildGatewaySchema } from "../build-schema.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { toGlobalId } from "../../src/ids/global-id.js";
import { startSandboxOrganization } from "../../connectors/clientary/testing/sandbox-organization.js";
import { schemaContext } from "../../test/support/schema-context.js";

/**
 * The standard reports through the schema on a Clientary sandbox organization (computed by the
 * engine from its invoices, payments and expenses): the trial balance agrees with the balance sheet
 * and the P&L of the same books, the aged receivables with the receivable account, the cash summary
 * with the bank; bad arguments are BAD_USER_INPUT naming the field.
 */
const NOW = new Date("2026-11-15T12:00:00Z");
const DATE = "2026-10-31";
let schema: GraphQLSchema;
let org: Awaited<ReturnType<typeof startSandboxOrganization>>;

beforeAll(async () => {
  schema = await buildGatewaySchema();
  org = await startSandboxOrganization({ sandbox: { now: () => NOW }, clock: { now: () => NOW } });
});
afterAll(async () => {
  await org.sandbox.close();
});

function context(): GatewayContext {
  return schemaContext(org);
}

type Data = Record<string, any>;
async function run(source: string, variables: Record<string, unknown> = {}) {
  const result = await graphql({ schema, source, variableValues: { id: org.organization.id, ...variables }, contextValue: context() });
  return result as { data?: { organization: Data } | null; errors?: ReadonlyArray<{ message: string; extensions?: Data }> };
}

const LINES = "lines { name accountRemoteId amounts }";
const REPORTS = /* GraphQL */ `
  query Standard($id: ID!, $date: Date!) {
    organization(id: $id) {
      trialBalance(date: $date) {
        title source balanced date basis periods { label fromDate toDate } checks { name passed difference }
        lines { accountRemoteId accountCode name class debit credit ytdDebit ytdCredit }
        totalDebit totalCredit totalYtdDebit totalYtdCredit
      }
      balanceSheet(date: $date) { balanced totalEquity sections { key ${LINES} sections { key ${LINES} } } }
      profitAndLoss(fromDate: "2026-01-01", toDate: $date) { balanced netProfit }
      agedReceivables(date: $date) {
        title balanced total amounts buckets { label fromDays toDays } checks { name passed difference }
        contacts { contactId contactName total amounts documents { documentId kind total paid credited due daysAged bucket } }
      }
      agedPayables(date: $date) { title balanced total contacts { contactName } }
      cashSummary(fromDate: "2026-10-01", toDate: $date, periods: 2) {
        title balanced periods { label } checks { name passed }
        accounts { accountRemoteId opening received spent closing } opening received spent closing
      }
    }
  }
`;

const net = (line: Data) => new Decimal(line.ytdDebit).minus(line.ytdCredit);

describe("standard reports through the schema (Clientary, computed)", () => {
  let reports: Data;
  beforeAll(async () => {
    const result = await run(REPORTS, { date: DATE });
    expect(result.errors).toBeUndefined();
    reports = result.data!.organization;
  });

  it("the trial balance balances and agrees with the balance sheet and the P&L of the same books", () => {
    const { trialBalance: tb, balanceSheet: bs, profitAndLoss: pnl } = reports;
    expect(tb).toMatchObject({ source: "COMPUTED", balanced: true, date: DATE, basis: "ACCRUAL" });
    expect(tb.periods).toEqual([
      { label: "Oct 2026", fromDate: "2026-10-01", toDate: DATE },
      { label: "1 Jan 2026 – 31 Oct 2026", fromDate: "2026-01-01", toDate: DATE },
    ]);
    expect(tb.checks.every((c: Data) => c.passed)).toBe(true);
    expect(tb.totalYtdDebit).toBe(tb.totalYtdCredit);
    expect(tb.totalDebit).toBe(tb.totalCredit);
    expect(new Decimal(tb.totalYtdDebit).gt(0)).toBe(true);
    expect(bs.balanced && pnl.balanced).toBe(true);

    const sheet = new Map<string, string>(bs.sections.flatMap((s: Data) => [...s.lines, ...s.sections.flatMap((c: Data) => c.lines)]).map((l: Data) => [l.accountRemoteId ?? l.name, l.amounts[0]]));
    const line = (id: string) => tb.lines.find((l: Data) => l.accountRemoteId === id);
    // Debit-natured balance-sheet lines show debit − credit; credit-natured ones credit − debit.
    expect(net(line("bank")).toFixed(2)).toBe(sheet.get("bank"));
    expect(net(line("receivable")).toFixed(2)).toBe(sheet.get("receivable"));
    for (const l of tb.lines.filter((x: Data) => x.class === "LIABILITY" || (x.class === "EQUITY" && x.accountRemoteId !== "retained"))) {
      expect(net(l).negated().toFixed(2)).toBe(sheet.get(l.accountRemoteId));
    }
    // Revenue less expenses for the year to date is the year's net profit: the P&L's and the balance sheet's Current Year Earnings.
    const profit = tb.lines.filter((l: Data) => l.class === "REVENUE" || l.class === "EXPENSE").reduce((s: Decimal, l: Data) => s.minus(net(l)), new Decimal(0));
    expect(profit.toFixed(2)).toBe(pnl.netProfit[0]);
    expect(profit.toFixed(2)).toBe(sheet.get("Current Year Earnings"));
    expect(new Decimal(profit).isZero()).toBe(false);
    // Earlier years' profit in retained earnings, on both.
    expect(net(line("retained") ?? { ytdDebit: "0", ytdCredit: "0" }).negated().toFixed(2)).toBe(sheet.get("retained") ?? "0.00");
  });

  it("aged receivables: buckets, contacts by name, each document's due, each contact's total; aged payables are empty (Clientary has no bills)", () => {
    const { agedReceivables: ar, agedPayables: ap } = reports;
    expect(ar.title.startsWith("Aged Receivables")).toBe(true);
    expect(ar.buckets.map((b: Data) => b.label)).toEqual(["Current", "1 - 30 days", "31 - 60 days", "61 - 90 days", "Older than 90 days"]);
    expect(ar.checks.filter((c: Data) => c.name !== "AGED:CONTROL_ACCOUNT").every((c: Data) => c.passed)).toBe(true);
    expect(ar.contacts.length).toBeGreaterThan(0);
    const names = ar.contacts.map((c: Data) => c.contactName);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, "en")));
    for (const contact of ar.contacts) {
      for (const d of contact.documents) expect(new Decimal(d.total).minus(d.paid).minus(d.credited).toFixed(2)).toBe(d.due);
      expect(contact.documents.reduce((s: Decimal, d: Data) => s.plus(d.due), new Decimal(0)).toFixed(2)).toBe(contact.total);
    }
    expect(ap).toMatchObject({ balanced: true, total: "0.00", contacts: [] });
  });

  it("aged receivables total the receivable account of the trial balance (AGED:CONTROL_ACCOUNT)", () => {
    const { agedReceivables: ar, trialBalance: tb } = reports;
    expect(ar.checks.find((c: Data) => c.name === "AGED:CONTROL_ACCOUNT")).toMatchObject({ passed: true, difference: ["0.00"] });
    expect(ar.total).toBe(net(tb.lines.find((l: Data) => l.accountRemoteId === "receivable")).toFixed(2));
    expect(ar.balanced).toBe(true);
  });

  it("the cash summary's closing bank balance is the balance sheet's and the trial balance's bank", () => {
    const { cashSummary: cs, trialBalance: tb, balanceSheet: bs } = reports;
    expect(cs).toMatchObject({ balanced: true });
    expect(cs.periods.map((p: Data) => p.label)).toEqual(["Oct 2026", "Sep 2026", "Aug 2026"]);
    expect(cs.accounts.map((a: Data) => a.accountRemoteId)).toEqual(["bank"]);
    const bank = bs.sections.flatMap((s: Data) => s.sections).find((s: Data) => s.key === "BANK").lines[0].amounts[0];
    expect(cs.closing[0]).toBe(bank);
    expect(cs.closing[0]).toBe(net(tb.lines.find((l: Data) => l.accountRemoteId === "bank")).toFixed(2));
    expect(cs.opening[0]).toBe(cs.closing[1]);
    expect(cs.opening[1]).toBe(cs.closing[2]);
  });

  it("one contact's aged receivables by its Contact id", async () => {
    const first = reports.agedReceivables.contacts[0];
    const result = await run(`query($id: ID!, $contactId: ID!) { organization(id: $id) { agedReceivables(date: "${DATE}", contactId: $contactId) { total contacts { contactId } checks { name } } } }`, { contactId: first.contactId });
    expect(result.errors).toBeUndefined();
    const ar = result.data!.organization.agedReceivables;
    expect(ar.contacts).toEqual([{ contactId: first.contactId }]);
    expect(ar.total).toBe(first.total);
    expect(ar.checks.map((c: Data) => c.name)).not.toContain("AGED:CONTROL_ACCOUNT");
  });

  it("bucketDays out of order or out of range: BAD_USER_INPUT naming bucketDays[i]", async () => {
    const result = await run(`query($id: ID!) { organization(id: $id) { agedReceivables(bucketDays: [30, 20, 0, 4000]) { total } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "bucketDays[1]" }, { field: "bucketDays[2]" }, { field: "bucketDays[3]" }] });
    const empty = await run(`query($id: ID!) { organization(id: $id) { agedPayables(bucketDays: []) { total } } }`);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "bucketDays" }] });
  });

  it("a contactId that is not a Contact's: BAD_USER_INPUT naming contactId", async () => {
    const invoiceId = toGlobalId({ organizationId: org.organization.id, type: "Invoice", remoteId: "1" });
    const result = await run(`query($id: ID!, $contactId: ID!) { organization(id: $id) { agedReceivables(contactId: $contactId) { total } } }`, { contactId: invoiceId });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "contactId" }] });
    expect(result.errors?.[0]?.message).toMatch(/Contact/);
    const elsewhere = toGlobalId({ organizationId: "org-other", type: "Contact", remoteId: "1" });
    const other = await run(`query($id: ID!, $contactId: ID!) { organization(id: $id) { agedPayables(contactId: $contactId) { total } } }`, { contactId: elsewhere });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "contactId" }] });
    expect(other.errors?.[0]?.message).toMatch(/another organization/);
    // A malformed id and bad buckets are reported together, each named.
    const both = await run(`query($id: ID!) { organization(id: $id) { agedReceivables(contactId: "not-a-ledgerline-id", bucketDays: [60, 30]) { total } } }`);
    expect(both.errors?.[0]?.extensions?.fields.map((f: { field: string }) => f.field).sort()).toEqual(["bucketDays[1]", "contactId"]);
  });
});
