import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createInvoice, startTriggerLedgerline, type TriggerLedgerline } from "./support.js";
import { subscribe, wsClient } from "./ws-subscriber.js";

const EVENTS_WITH_RAW = `subscription($filter: EventFilter) { events(filter: $filter) { recordId record { id raw ... on Invoice { number total } } } }`;

describe("events keep the unified record, not the provider's payload", () => {
  let t: TriggerLedgerline;
  beforeAll(async () => {
    t = await startTriggerLedgerline();
    await t.poll("Invoice");
  });
  afterAll(() => t?.close());

  it("the log holds no raw; a subscriber selecting raw gets null and the unified fields; node(id: recordId) fetches raw", async () => {
    const head = vi.spyOn(t.runtime.log, "head");
    const subscriber = subscribe(wsClient(t.app.wsUrl, t.app.localApiKey!), EVENTS_WITH_RAW, {}, "events");
    // The stream has taken its starting position: anything appended from now on is live for it.
    await expect.poll(() => head.mock.settledResults.filter((r) => r.type === "fulfilled").length).toBe(1);
    head.mockRestore();

    const invoice = await createInvoice(t);
    await t.poll("Invoice");
    const stored = (await t.allEvents()).filter((e) => e.remoteId === invoice.remoteId);
    expect(stored.length).toBeGreaterThan(0);
    for (const event of stored) expect(event.record).not.toHaveProperty("raw");
    expect(JSON.stringify(stored)).not.toContain("InvoiceID");

    const [event] = await subscriber.waitFor(1);
    await subscriber.stop();
    expect(event).toMatchObject({ recordId: invoice.id, record: { id: invoice.id, raw: null, number: expect.any(String), total: expect.any(String) } });

    const fetched = await t.run(`query($id: ID!) { node(id: $id) { raw } }`, { id: event!.recordId });
    expect(fetched.node.raw).toMatchObject({ InvoiceID: invoice.remoteId });
  });
});
