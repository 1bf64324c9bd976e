import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { graphql, type GraphQLSchema } from "graphql";
import { buildGatewaySchema } from "../../schema/build-schema.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { toGlobalId } from "../../src/ids/global-id.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";
import { schemaContext } from "../../test/support/schema-context.js";

/**
 * Xero's standard reports through the schema: the trial balance and cash summary are Xero's own
 * (NATIVE); aged receivables across every contact are computed from the documents, and for one
 * contact are Xero's AgedReceivablesByContact — the two agree, and both agree with Xero's trial balance.
 */
const DATE = "2026-10-31";
let schema: GraphQLSchema;
let org: SandboxOrganization;

beforeAll(async () => {
  schema = await buildGatewaySchema();
  org = await startSandboxOrganization({ sandbox: { today: "2026-11-22" } });
});
afterAll(() => org.sandbox.close());

function context(): GatewayContext {
  return schemaContext(org);
}

type Data = Record<string, any>;
async function run(source: string, variables: Record<string, unknown> = {}) {
  const result = await graphql({ schema, source, variableValues: { id: org.organization.id, date: DATE, ...variables }, contextValue: context() });
  return result as { data?: { organization: Data } | null; errors?: ReadonlyArray<{ message: string; extensions?: Data }> };
}

const AGED = "source balanced total amounts contacts { contactId contactName total amounts documents { documentId kind number issueDate dueDate total paid credited due daysAged bucket } } checks { name passed }";
const REPORTS = /* GraphQL */ `
  query Standard($id: ID!, $date: Date!) {
    organization(id: $id) {
      trialBalance(date: $date) { source balanced periods { label } lines { accountCode class debit credit ytdDebit ytdCredit } totalYtdDebit totalYtdCredit }
      agedReceivables(date: $date) { ${AGED} }
      cashSummary(fromDate: "2026-10-01", toDate: $date, periods: 2) { source balanced periods { label } accounts { accountCode opening closing } closing }
      balanceSheet(date: $date) { sections { key sections { key total } } }
    }
  }
`;

describe("Xero's standard reports through the schema", () => {
  let reports: Data;
  beforeAll(async () => {
    const result = await run(REPORTS);
    expect(result.errors).toBeUndefined();
    reports = result.data!.organization;
  });

  it("trial balance and cash summary are Xero's own, balanced", () => {
    const { trialBalance: tb, cashSummary: cs, balanceSheet: bs } = reports;
    expect(tb).toMatchObject({ source: "NATIVE", balanced: true });
    expect(tb.periods.map((p: Data) => p.label)).toEqual(["Oct 2026", "1 Jan 2026 – 31 Oct 2026"]);
    expect(tb.totalYtdDebit).toBe(tb.totalYtdCredit);
    expect(cs).toMatchObject({ source: "NATIVE", balanced: true });
    expect(cs.periods.map((p: Data) => p.label)).toEqual(["Oct 2026", "Sep 2026", "Aug 2026"]);
    const bank = bs.sections[0].sections.find((s: Data) => s.key === "BANK");
    expect(cs.closing[0]).toBe(bank.total[0]);
  });

  it("aged receivables across every contact are computed, and total the receivable account of Xero's trial balance", () => {
    const { agedReceivables: ar, trialBalance: tb } = reports;
    expect(ar).toMatchObject({ source: "COMPUTED", balanced: true });
    const receivable = tb.lines.find((l: Data) => l.accountCode === "610");
    expect(ar.total).toBe(new Decimal(receivable.ytdDebit).minus(receivable.ytdCredit).toFixed(2));
  });

  it("for one contact they are Xero's AgedReceivablesByContact, equal to that contact's computed entry", async () => {
    const { agedReceivables: ar } = reports;
    const busiest = [...ar.contacts].sort((a: Data, b: Data) => b.documents.length - a.documents.length)[0];
    const result = await run(`query One($id: ID!, $date: Date!, $contact: ID!) { organization(id: $id) { agedReceivables(date: $date, contactId: $contact) { ${AGED} } } }`, { contact: busiest.contactId });
    expect(result.errors).toBeUndefined();
    const one = result.data!.organization.agedReceivables;
    expect(one).toMatchObject({ source: "NATIVE", balanced: true, total: busiest.total });
    expect(one.contacts).toEqual([busiest]);
  });

  it("a contactId of another type is BAD_USER_INPUT naming contactId", async () => {
    const invoice = toGlobalId({ organizationId: org.organization.id, type: "Invoice", remoteId: org.sandbox.books.invoices[0]!.InvoiceID });
    const result = await run(`query One($id: ID!, $date: Date!, $contact: ID!) { organization(id: $id) { agedPayables(date: $date, contactId: $contact) { total } } }`, { contact: invoice });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(result.errors?.[0]?.message).toContain("contactId");
  });
});
