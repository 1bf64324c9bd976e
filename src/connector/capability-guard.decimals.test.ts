import { describe, expect, it } from "vitest";
import { Provider } from "../../schema/common/provider.enum.js";
import { recordingAdapter as recordAdapter } from "./testing/recording-adapter.js";
import { EXACT_DECIMAL_LIMITS } from "./decimal-limits.js";

/** The guard over a declaration with decimal limits; the writes only record that they ran, so refusals must come first. */
const recordingAdapter = () =>
  recordAdapter(Provider.XERO, {
    entities: { Invoice: { operations: ["list", "get", "create", "update"] }, BankTransaction: { operations: ["list", "get", "transfer"] } },
    decimals: EXACT_DECIMAL_LIMITS,
  });

const codeAndFields = async (write: Promise<unknown>) => {
  const error = (await write.then(() => undefined, (e: unknown) => e)) as { extensions?: { code: string; fields: Array<{ field: string }> } } | undefined;
  return error && { code: error.extensions?.code, fields: error.extensions?.fields.map((f) => f.field) };
};

describe("capability guard: decimal limits", () => {
  it("refuses creates, updates and actions (dry runs too) with a decimal past the declared limits, before the adapter runs", async () => {
    const { adapter, calls } = recordingAdapter();
    const lines = [{ description: "x", quantity: "1.00001", unitAmount: "1" }];
    expect(await codeAndFields(adapter.create!("Invoice", { type: "INVOICE", contactRemoteId: "c", lines }, { dryRun: true }))).toEqual({ code: "BAD_USER_INPUT", fields: ["input.lines[0].quantity"] });
    expect(await codeAndFields(adapter.update!("Invoice", "i-1", { lines }, { dryRun: false }))).toEqual({ code: "BAD_USER_INPUT", fields: ["input.lines[0].quantity"] });
    expect(await codeAndFields(adapter.perform!("transfer", { fromAccountCode: "1", toAccountCode: "2", amount: "1000000000000", date: "2026-11-20" }, { dryRun: false }))).toEqual({ code: "BAD_USER_INPUT", fields: ["input.amount"] });
    expect(calls).toEqual([]);
  });

  it("lets writes within the limits through", async () => {
    const { adapter, calls } = recordingAdapter();
    await adapter.create!("Invoice", { type: "INVOICE", contactRemoteId: "c", lines: [{ description: "x", quantity: "1.0001", unitAmount: "9999999999.9999" }] }, { dryRun: false });
    await adapter.perform!("transfer", { fromAccountCode: "1", toAccountCode: "2", amount: "999999999999.99", date: "2026-11-20" }, { dryRun: false });
    expect(calls).toEqual(["create", "perform"]);
  });
});
