import type { GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../../schema/build-schema.js";
import { toGlobalId } from "../ids/global-id.js";
import type { RecordCondition } from "../webhooks/webhook-types.js";
import { compareValues, parseConditionValue } from "./condition-values.js";
import { compileConditions } from "./record-conditions.js";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

const ORG = "org_books";
const CONTACT_ID = toGlobalId({ organizationId: ORG, type: "Contact", remoteId: "c-acme" });

/** A sales invoice as the event log stores it (the unified record without raw, `contact` kept as `contactRef`). */
function invoice(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: toGlobalId({ organizationId: ORG, type: "Invoice", remoteId: "inv-1" }), remoteId: "inv-1", organizationId: ORG, provider: "XERO", updatedAt: "2026-11-20T10:00:00.000Z",
    number: "INV-0042", reference: null, issueDate: "2026-11-01", currency: "USD", currencyRate: null, lineAmountType: "EXCLUSIVE",
    lineItems: [
      { remoteId: "l1", description: "Consulting", quantity: "1", unitAmount: "500.00", discountRate: null, accountCode: "200", itemCode: null, taxRateCode: "OUTPUT", taxAmount: "0.00", lineAmount: "500.00", tracking: [{ categoryRemoteId: "t1", categoryName: "Region", optionRemoteId: "o1", optionName: "North" }] },
      { remoteId: "l2", description: "Licence", quantity: "2", unitAmount: "150.00", discountRate: null, accountCode: "400", itemCode: "LIC", taxRateCode: "OUTPUT", taxAmount: "0.00", lineAmount: "300.00", tracking: [] },
    ],
    subTotal: "800.00", totalTax: "0.00", total: "1000.00", contactRef: { remoteId: "c-acme", name: "Acme Ltd" },
    status: "AUTHORISED", dueDate: "2026-11-30", amountDue: "1000.00", amountPaid: "0.00", amountCredited: "0.00", fullyPaidOn: null, isOverdue: false, sentToContact: true, payments: [],
    ...over,
  };
}

const eventOf = (record: Record<string, unknown> | null, organizationId: string | null = ORG) => ({ record, organizationId, entity: "Invoice" as const });

function compiled(conditions: RecordCondition[], types: string[] = ["Invoice"]) {
  const result = compileConditions(schema, types, conditions, "filter.where");
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.test;
}

function refused(conditions: RecordCondition[], types: string[] = ["Invoice"]) {
  const result = compileConditions(schema, types, conditions, "filter.where");
  if (result.ok) throw new Error("accepted");
  return result.problems;
}

describe("compileConditions: what a valid condition selects", () => {
  const cases: Array<[string, RecordCondition, Record<string, unknown>, boolean]> = [
    ["enum eq", { field: "status", eq: "AUTHORISED" }, {}, true],
    ["enum eq, another value", { field: "status", eq: "PAID" }, {}, false],
    ["enum in (OR within one field)", { field: "status", in: ["PAID", "AUTHORISED"] }, {}, true],
    ["enum notIn", { field: "status", notIn: ["AUTHORISED"] }, {}, false],
    ["enum notIn, other values", { field: "status", notIn: ["PAID", "VOIDED"] }, {}, true],
    ["Decimal eq with other trailing zeros", { field: "total", eq: "1000" }, {}, true],
    ["Decimal gte at the bound", { field: "total", gte: "1000" }, {}, true],
    ["Decimal gt at the bound", { field: "total", gt: "1000.000" }, {}, false],
    ["Decimal lt just above", { field: "total", lt: "1000.01" }, {}, true],
    ["Decimal lte just below", { field: "total", lte: "999.99" }, {}, false],
    ["Decimal in", { field: "total", in: ["10", "1000.0"] }, {}, true],
    ["Decimal beyond float precision: not equal", { field: "total", eq: "12345678901234567.88" }, { total: "12345678901234567.89" }, false],
    ["Decimal beyond float precision: ordered", { field: "total", gt: "9999999999999999.9998" }, { total: "9999999999999999.9999" }, true],
    ["Decimal negative", { field: "amountDue", lt: "0" }, { amountDue: "-0.01" }, true],
    ["String eq is exact", { field: "currency", eq: "USD" }, {}, true],
    ["String eq is case-sensitive", { field: "currency", eq: "usd" }, {}, false],
    ["Date lt", { field: "dueDate", lt: "2026-12-01" }, {}, true],
    ["Date gte", { field: "dueDate", gte: "2026-12-01" }, {}, false],
    ["Date range", { field: "issueDate", gte: "2026-11-01", lte: "2026-11-30" }, {}, true],
    ["DateTime by instant, another offset", { field: "updatedAt", eq: "2026-11-20T12:00:00+02:00" }, {}, true],
    ["DateTime gt", { field: "updatedAt", gt: "2026-11-20T09:59:59.999Z" }, {}, true],
    ["DateTime lt", { field: "updatedAt", lt: "2026-11-20T10:00:00Z" }, {}, false],
    ["Boolean eq", { field: "sentToContact", eq: "true" }, {}, true],
    ["Boolean eq false", { field: "sentToContact", eq: "false" }, {}, false],
    ["list: any element", { field: "lineItems.accountCode", eq: "400" }, {}, true],
    ["list: no element", { field: "lineItems.accountCode", eq: "999" }, {}, false],
    ["list: in", { field: "lineItems.accountCode", in: ["999", "200"] }, {}, true],
    ["list: one element must satisfy every operator", { field: "lineItems.lineAmount", gt: "400", lt: "450" }, {}, false],
    ["list: one element within a range", { field: "lineItems.lineAmount", gte: "250", lte: "350" }, {}, true],
    ["list in a list", { field: "lineItems.tracking.optionName", eq: "North" }, {}, true],
    ["empty list: exists false", { field: "payments.amount", exists: false }, {}, true],
    ["empty list: exists true", { field: "payments.amount", exists: true }, {}, false],
    ["list of payments", { field: "payments.amount", gte: "100" }, { payments: [{ remoteId: "p1", paymentId: "x", date: "2026-11-21", amount: "250.00", reference: null }] }, true],
    ["contact.id: the global id of contactRef", { field: "contact.id", eq: CONTACT_ID }, {}, true],
    ["contact.remoteId", { field: "contact.remoteId", eq: "c-acme" }, {}, true],
    ["contact.name", { field: "contact.name", in: ["Acme Ltd", "Globex"] }, {}, true],
    ["contact.id without a contact", { field: "contact.id", eq: CONTACT_ID }, { contactRef: null }, false],
    ["contact.id exists false without a contact", { field: "contact.id", exists: false }, { contactRef: null }, true],
    ["null: exists false", { field: "fullyPaidOn", exists: false }, {}, true],
    ["null: exists true", { field: "fullyPaidOn", exists: true }, {}, false],
    ["null: eq", { field: "reference", eq: "PO-1" }, {}, false],
    ["null: notIn is false too", { field: "reference", notIn: ["PO-1"] }, {}, false],
    ["absent: notIn is false too", { field: "fullyPaidOn", notIn: ["2026-01-01"] }, { fullyPaidOn: undefined }, false],
    ["null with exists false and eq", { field: "reference", exists: false, eq: "x" }, {}, false],
    ["value with exists true", { field: "reference", exists: true, eq: "PO-1" }, { reference: "PO-1" }, true],
  ];
  it.each(cases)("%s", (_name, condition, over, expected) => {
    expect(compiled([condition])(eventOf(invoice(over)))).toBe(expected);
  });

  it("every condition of the list must hold (AND)", () => {
    const both = compiled([{ field: "status", eq: "AUTHORISED" }, { field: "total", gte: "1000" }]);
    const oneFails = compiled([{ field: "status", eq: "AUTHORISED" }, { field: "total", gte: "2000" }]);
    expect(both(eventOf(invoice()))).toBe(true);
    expect(oneFails(eventOf(invoice()))).toBe(false);
  });

  it("contact.id is the contact of the event's organization: the same contactRef in another organization does not match", () => {
    const test = compiled([{ field: "contact.id", eq: CONTACT_ID }]);
    expect(test(eventOf(invoice(), "org_other"))).toBe(false);
  });

  it("an event without a record passes no condition, not even exists: false; an empty list passes every event", () => {
    expect(compiled([{ field: "fullyPaidOn", exists: false }])(eventOf(null))).toBe(false);
    expect(compiled([])(eventOf(null))).toBe(true);
  });

  it("over several record types, enum values of any of them are accepted", () => {
    const test = compiled([{ field: "status", in: ["PAID", "ACCEPTED"] }], ["Invoice", "Quote"]);
    expect(test(eventOf(invoice({ status: "PAID" })))).toBe(true);
    expect(test(eventOf({ ...invoice(), status: "ACCEPTED" }))).toBe(true);
    expect(test(eventOf(invoice({ status: "DRAFT" })))).toBe(false);
  });
});

describe("compileConditions: what it refuses, naming the field", () => {
  const cases: Array<[string, RecordCondition[], string[], string, RegExp]> = [
    ["an unknown field, listing the filterable ones", [{ field: "totl", eq: "1" }], ["Invoice"], "filter.where[0].field", /^`totl` is not a field of Invoice\. Fields you can filter on: (?=.*\bstatus\b)(?=.*contact\.id)(?=.*lineItems\.<field>)(?!.*\braw\b)(?!.*freshness)(?!.*baseTotal)(?!.*currencyRate)/],
    ["raw", [{ field: "raw", exists: true }], ["Invoice"], "filter.where[0].field", /raw.*payload/],
    ["freshness", [{ field: "freshness", exists: true }], ["Invoice"], "filter.where[0].field", /freshness/],
    ["a base-currency amount", [{ field: "baseTotal", gte: "1" }], ["Invoice"], "filter.where[0].field", /baseTotal.*base currency/],
    ["baseCurrency", [{ field: "baseCurrency", eq: "USD" }], ["Invoice"], "filter.where[0].field", /baseCurrency/],
    ["currencyRate (resolved when read)", [{ field: "currencyRate", eq: "1" }], ["Invoice"], "filter.where[0].field", /currencyRate.*`currency`/],
    ["contact fields the record does not keep", [{ field: "contact.email", eq: "a@b.c" }], ["Invoice"], "filter.where[0].field", /contact\.id, contact\.remoteId, contact\.name/],
    ["a path ending at an object", [{ field: "lineItems", exists: true }], ["Invoice"], "filter.where[0].field", /LineItem: name one of its fields/],
    ["a path through a scalar", [{ field: "total.amount", eq: "1" }], ["Invoice"], "filter.where[0].field", /Decimal, which has no fields/],
    ["a path through an interface", [{ field: "record.id", eq: "x" }], ["RecordEvent"], "filter.where[0].field", /interface or union/],
    ["an empty path segment", [{ field: "lineItems..accountCode", eq: "1" }], ["Invoice"], "filter.where[0].field", /dot-separated/],
    ["no operator", [{ field: "status" }], ["Invoice"], "filter.where[0]", /at least one of eq, in/],
    ["an enum value the enum lacks", [{ field: "status", eq: "PAYED" }], ["Invoice"], "filter.where[0].eq", /'PAYED' is not a value of InvoiceStatus.*AUTHORISED/],
    ["a bad value inside in", [{ field: "status", eq: "PAID" }, { field: "status", in: ["PAID", "SETTLED"] }], ["Invoice"], "filter.where[1].in[1]", /'SETTLED'/],
    ["a decimal in exponent notation", [{ field: "total", gte: "1e3" }], ["Invoice"], "filter.where[0].gte", /plain decimal/],
    ["a decimal with a thousands separator", [{ field: "total", lt: "1,000" }], ["Invoice"], "filter.where[0].lt", /plain decimal/],
    ["a date that does not exist", [{ field: "dueDate", eq: "2026-11-31" }], ["Invoice"], "filter.where[0].eq", /YYYY-MM-DD/],
    ["a DateTime without an offset", [{ field: "updatedAt", gt: "2026-11-20T10:00:00" }], ["Invoice"], "filter.where[0].gt", /ISO 8601/],
    ["a Boolean other than true/false", [{ field: "sentToContact", eq: "yes" }], ["Invoice"], "filter.where[0].eq", /"true" or "false"/],
    ["ordering on a String", [{ field: "currency", gt: "A" }], ["Invoice"], "filter.where[0].gt", /String, which has no order.*eq, in or notIn/],
    ["ordering on an enum", [{ field: "status", lte: "PAID" }], ["Invoice"], "filter.where[0].lte", /InvoiceStatus, which has no order/],
    ["ordering on a Boolean", [{ field: "isOverdue", gte: "true" }], ["Invoice"], "filter.where[0].gte", /Boolean, which has no order/],
    ["a contact.id that is no Contact id", [{ field: "contact.id", eq: toGlobalId({ organizationId: ORG, type: "Invoice", remoteId: "c-acme" }) }], ["Invoice"], "filter.where[0].eq", /not a Contact id/],
    ["an empty in", [{ field: "status", in: [] }], ["Invoice"], "filter.where[0].in", /at least one value/],
    ["more than 100 values", [{ field: "number", notIn: Array.from({ length: 101 }, (_, i) => `INV-${i}`) }], ["Invoice"], "filter.where[0].notIn", /101 values; at most 100/],
    ["a value over 200 characters", [{ field: "reference", eq: "x".repeat(201) }], ["Invoice"], "filter.where[0].eq", /201 characters/],
    ["a field missing on one of the types", [{ field: "total", gte: "1" }], ["Invoice", "Contact"], "filter.where[0].field", /for Contact \(only for Invoice\)/],
    ["a field of different types on the types", [{ field: "status", eq: "ACTIVE" }], ["Contact", "Task"], "filter.where[0].field", /ContactStatus on Contact, String on Task/],
    ["more than 20 conditions", Array.from({ length: 21 }, () => ({ field: "status", eq: "PAID" })), ["Invoice"], "filter.where", /21 conditions; at most 20/],
    ["no record type", [{ field: "status", eq: "PAID" }], [], "filter.where", /none of the event types/],
    ["a type the schema does not have", [{ field: "status", eq: "PAID" }], ["Invoyce"], "filter.where", /Invoyce/],
  ];
  it.each(cases)("%s", (_name, conditions, types, field, message) => {
    const problems = refused(conditions, types);
    const problem = problems.find((p) => p.field === field);
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem!.message).toMatch(message);
  });

  it("reports every problem of the list at once", () => {
    const problems = refused([{ field: "status", eq: "PAYED" }, { field: "total", gt: "abc" }, { field: "nope", eq: "1" }]);
    expect(problems.map((p) => p.field)).toEqual(["filter.where[0].eq", "filter.where[1].gt", "filter.where[2].field"]);
  });
});

describe("condition values", () => {
  it("Int and Float parse as whole and plain numbers and compare numerically", () => {
    expect(parseConditionValue("int", "12")).toBe(12);
    expect(parseConditionValue("int", "1.5")).toBeUndefined();
    expect(parseConditionValue("float", "1.5")).toBe(1.5);
    expect(parseConditionValue("float", "1e3")).toBeUndefined();
    expect(compareValues(parseConditionValue("int", "9")!, parseConditionValue("int", "10")!)).toBeLessThan(0);
  });
});
