import { describe, expect, it } from "vitest";
import { invoiceStatusQuery } from "./filters.js";
import { and, contains, dateRange, equals, guidEquals, or } from "./where.js";

describe("where expressions", () => {
  it.each([
    [equals("Type", "ACCREC"), 'Type=="ACCREC"'],
    [guidEquals("Contact.ContactID", "abc"), 'Contact.ContactID==Guid("abc")'],
    [contains("Reference", 'say "hi"\\'), 'Reference.Contains("say \\"hi\\"\\\\")'],
    [dateRange("Date", "2026-10-01", "2026-10-31"), "Date>=DateTime(2026, 10, 1) AND Date<=DateTime(2026, 10, 31)"],
    [dateRange("Date", undefined, "2026-10-31"), "Date<=DateTime(2026, 10, 31)"],
    [and('Type=="ACCREC"', undefined, 'A=="1" OR B=="2"'), 'Type=="ACCREC" AND (A=="1" OR B=="2")'],
    [or('A=="1"', 'B=="2" AND C=="3"'), '(A=="1" OR (B=="2" AND C=="3"))'],
    [and(undefined, undefined), undefined],
  ])("%s", (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe("invoiceStatusQuery", () => {
  it.each([
    [[], {}],
    [["DRAFT", "paid"], { statuses: ["DRAFT", "PAID"] }],
    [["AUTHORISED", "PARTIALLY_PAID"], { statuses: ["AUTHORISED"] }],
    [["PARTIALLY_PAID"], { statuses: ["AUTHORISED"], where: '(Status!="AUTHORISED" OR (AmountPaid>0 OR AmountCredited>0))' }],
    [["AUTHORISED", "DRAFT"], { statuses: ["AUTHORISED", "DRAFT"], where: '(Status!="AUTHORISED" OR (AmountPaid==0 AND AmountCredited==0))' }],
  ])("%j → %j", (status, expected) => {
    expect(invoiceStatusQuery({ status })).toEqual(expected);
  });

  it("refuses unknown statuses", () => {
    expect(() => invoiceStatusQuery({ status: ["OPEN"] })).toThrow(/unknown status OPEN/);
  });
});
