import { describe, expect, it } from "vitest";
import { recordingAdapter as recordAdapter } from "./testing/recording-adapter.js";
import { Provider } from "../../schema/common/provider.enum.js";

/** The guard over a Daftra-like declaration: every method records that it ran, so refusals must come first. */
const recordingAdapter = () =>
  recordAdapter(Provider.DAFTRA, {
    entities: {
      Invoice: { operations: ["list", "get", "create"], filters: ["status"], notes: "Daftra filters invoices by one status at a time.", writeNotes: "No sending: Daftra's API has no email endpoint." },
      CreditNote: { operations: ["list", "get"], notes: "Sales credit notes only." },
    },
  });

describe("capability guard", () => {
  it("explains a refused write with the write notes, not the read-side notes", async () => {
    const { adapter, calls } = recordingAdapter();
    const error = (await adapter.send!("Invoice", "1", { dryRun: false }).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ extensions: { code: "NOT_SUPPORTED" } });
    expect(error.message).toContain("DAFTRA does not support send Invoice. No sending: Daftra's API has no email endpoint.");
    expect(error.message).not.toContain("one status at a time");
    expect(calls).toEqual([]);
  });

  it("explains a refused filter with the entity's notes", async () => {
    const { adapter, calls } = recordingAdapter();
    const error = (await adapter.list("Invoice", { first: 1, offset: 0, filter: { search: "x" } }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("filtering Invoice by search. Daftra filters invoices by one status at a time.");
    expect(calls).toEqual([]);
  });

  it("falls back to the entity's notes for writes when no write notes are declared, and checks actions under their entity", async () => {
    const { adapter, calls } = recordingAdapter();
    const error = (await adapter.perform!("allocateCredit", { creditNoteRemoteId: "1", documentType: "INVOICE", documentRemoteId: "2", amount: "1.00" }, { dryRun: false }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("DAFTRA does not support allocate CreditNote. Sales credit notes only.");
    expect(calls).toEqual([]);
    await adapter.create!("Invoice", {} as never, { dryRun: true });
    expect(calls).toEqual(["create"]);
  });
});
