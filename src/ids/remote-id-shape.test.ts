import { describe, expect, it } from "vitest";
import { Provider } from "../../schema/common/provider.enum.js";
import { XERO_REMOTE_IDS } from "../../connectors/xero/capabilities.js";
import { recordingAdapter } from "../connector/testing/recording-adapter.js";
import { remoteIdProblem } from "./remote-id-shape.js";

const GUID = "8f1c2e6a-3b4d-4c5e-9f60-7a8b9c0d1e2f";

/** The guard over a Xero-shaped declaration; methods only record that they ran, so forged ids must be refused first. */
const xeroAdapter = () =>
  recordingAdapter(Provider.XERO, {
    entities: { Invoice: { operations: ["list", "get", "create", "update", "delete", "send", "note"], filters: ["contact"] }, TaxRate: { operations: ["get"] }, Contact: { operations: ["get"] }, Item: { operations: ["get"] } },
    remoteIds: XERO_REMOTE_IDS,
  });

const fieldsOf = (error: unknown) => ((error as { extensions: { fields: Array<{ field: string }> } }).extensions.fields).map((f) => f.field);

describe("remote id shapes, enforced by the capability guard", () => {
  it("refuses a forged Xero id in every call that carries one, naming the field, before the adapter runs", async () => {
    const { adapter, calls } = xeroAdapter();
    const forged = `${GUID},${GUID}`;
    const refusals = await Promise.all([
      adapter.list("Invoice", { first: 10, offset: 0, filter: { contactRemoteId: forged } }).catch((e: unknown) => e),
      adapter.getMany("Invoice", [GUID, forged]).catch((e: unknown) => e),
      adapter.update!("Invoice", forged, {} as never, { dryRun: false }).catch((e: unknown) => e),
      adapter.remove!("Invoice", "1 OR 1=1", { dryRun: false }).catch((e: unknown) => e),
      adapter.send!("Invoice", "../Contacts", { dryRun: false }).catch((e: unknown) => e),
      adapter.addNote!("Invoice", "x".repeat(300), "hi", { dryRun: false }).catch((e: unknown) => e),
    ]);
    expect(refusals.map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(Array(6).fill("BAD_USER_INPUT"));
    expect(refusals.map(fieldsOf)).toEqual([["filter.contactId"], ["ids[1]"], ["id"], ["id"], ["id"], ["id"]]);
    expect(calls).toEqual([]);
  });

  it("lets well-formed ids through: GUIDs in any case, and Xero tax rates by TaxType code", async () => {
    const { adapter, calls } = xeroAdapter();
    await adapter.getMany("Invoice", [GUID, GUID.toUpperCase()]);
    await adapter.getMany("TaxRate", ["OUTPUT", "TAX001"]);
    await adapter.list("Invoice", { first: 10, offset: 0, filter: { contactRemoteId: GUID } });
    expect(calls).toEqual(["getMany", "getMany", "list"]);
  });

  it("checks the ids inside a write's input too, named as the schema names them", async () => {
    const { adapter, calls } = xeroAdapter();
    const input = { contactRemoteId: `${GUID},${GUID}`, lines: [{ description: "x", itemRemoteId: "ITEM-1" }] };
    const error = await adapter.create!("Invoice", input as never, { dryRun: true }).catch((e: unknown) => e);
    expect(fieldsOf(error)).toEqual(["input.contactId", "input.lines[0].itemId"]);
    expect(calls).toEqual([]);
  });

  it("says what the provider's ids look like", () => {
    expect(remoteIdProblem(XERO_REMOTE_IDS, "XERO", "Contact", "abc")).toMatch(/XERO Contact ids are a GUID/);
    expect(remoteIdProblem(undefined, "XERO", "Contact", "a".repeat(256))).toMatch(/at most 255/);
  });
});
