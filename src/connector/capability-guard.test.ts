import { describe, expect, it } from "vitest";
import { guardCapabilities } from "./capability-guard.js";
import type { ConnectorAdapter } from "./adapter.js";
import { Provider } from "../../schema/common/provider.enum.js";

/** An adapter whose every method records that it ran: the guard must refuse before any of them. */
function recordingAdapter() {
  const calls: string[] = [];
  const record = (name: string) => async () => {
    calls.push(name);
    return { kind: "done", record: {} } as never;
  };
  const adapter = {
    provider: Provider.DAFTRA,
    capabilities: {
      entities: {
        Invoice: { operations: ["list", "get", "create"], filters: ["status"], notes: "Daftra filters invoices by one status at a time.", writeNotes: "No sending: Daftra's API has no email endpoint." },
        CreditNote: { operations: ["list", "get"], notes: "Sales credit notes only." },
      },
      reports: {},
    },
    profile: record("profile"),
    list: record("list"),
    getMany: record("getMany"),
    balanceSheet: record("balanceSheet"),
    profitAndLoss: record("profitAndLoss"),
    create: record("create"),
    send: record("send"),
    perform: record("perform"),
  } as unknown as ConnectorAdapter;
  return { adapter: guardCapabilities(adapter), calls };
}

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
