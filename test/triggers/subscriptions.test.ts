import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NewEvent } from "../../src/triggers/event.js";
import { createInvoice, startTriggerLedgerline, type TriggerLedgerline } from "./support.js";
import { subscribe, wsClient } from "./ws-subscriber.js";

const EVENTS = `subscription($filter: EventFilter) {
  events(filter: $filter) { cursor id type change entity organizationId remoteId recordId occurredAt detectedAt record { id ... on Invoice { status total } } }
}`;
const EVENT_IDS = `subscription($filter: EventFilter) { events(filter: $filter) { cursor id organizationId } }`;
const INVOICE_EVENTS = `subscription($filter: EntityEventFilter) { invoiceEvents(filter: $filter) { cursor type change invoice { id remoteId status contact { name } } } }`;

/** A synthetic event appended straight to the gateway's (real) log. */
function syntheticEvent(n: number, organizationId: string): NewEvent {
  const now = new Date().toISOString();
  return { id: `evt_synthetic_${organizationId}_${n}`, type: "INVOICE_UPDATED", entity: "Invoice", change: "UPDATED", organizationId, provider: "XERO" as NewEvent["provider"], remoteId: `r${n}`, occurredAt: now, detectedAt: now, record: null };
}

describe("event subscriptions over graphql-ws", () => {
  let t: TriggerLedgerline;
  let key: string;
  beforeAll(async () => {
    t = await startTriggerLedgerline();
    key = t.app.localApiKey!;
    await t.poll("Invoice");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a live subscriber receives a new invoice as INVOICE_CREATED, with its cursor and the typed record", async () => {
    const head = vi.spyOn(t.runtime.log, "head");
    const all = subscribe(wsClient(t.app.wsUrl, key), EVENTS, {}, "events");
    const typed = subscribe(wsClient(t.app.wsUrl, key), INVOICE_EVENTS, { filter: { changes: ["CREATED"] } }, "invoiceEvents");
    // Both streams have taken their starting position: anything appended from now on is live for them.
    await expect.poll(() => head.mock.settledResults.filter((r) => r.type === "fulfilled").length).toBe(2);
    head.mockRestore();

    const invoice = await createInvoice(t);
    await t.poll("Invoice");
    const [event] = await all.waitFor(1);
    expect(event).toMatchObject({
      type: "INVOICE_CREATED", change: "CREATED", entity: "Invoice", organizationId: t.organizationId, remoteId: invoice.remoteId, recordId: invoice.id,
      record: { id: invoice.id, status: "DRAFT", total: expect.any(String) },
    });
    expect(event!.cursor).toBe((await t.allEvents()).at(-1)!.cursor);
    const [typedEvent] = await typed.waitFor(1);
    expect(typedEvent).toMatchObject({ type: "INVOICE_CREATED", change: "CREATED", invoice: { id: invoice.id, remoteId: invoice.remoteId, status: "DRAFT", contact: { name: expect.any(String) } } });
    await Promise.all([all.stop(), typed.stop()]);
  });

  it("`after` replays the stored events after the cursor, then continues live, with no gap and no repeat at the seam", async () => {
    const log = t.runtime.log;
    await log.append(Array.from({ length: 450 }, (_, i) => syntheticEvent(i, t.organizationId)));
    const stored = await t.allEvents();
    const from = stored[stored.length - 450]!;
    const subscriber = subscribe(wsClient(t.app.wsUrl, key), EVENT_IDS, { filter: { after: from.cursor } }, "events");
    // Appends racing with the replay: some land while the backlog is read, some after it.
    for (let batch = 0; batch < 10; batch++) {
      await log.append(Array.from({ length: 20 }, (_, i) => syntheticEvent(1000 + batch * 20 + i, t.organizationId)));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const expected = (await log.readAfter(from.cursor, 10_000)).map((e) => e.id);
    expect(expected).toHaveLength(449 + 200);
    const received = await subscriber.waitFor(expected.length);
    expect(received.map((e) => e.id)).toEqual(expected);

    const invoice = await createInvoice(t);
    await t.poll("Invoice");
    const [live] = (await subscriber.waitFor(expected.length + 1)).slice(-1);
    expect(live).toMatchObject({ id: (await t.allEvents()).at(-1)!.id });
    expect((await t.allEvents()).at(-1)!.remoteId).toBe(invoice.remoteId);
    expect(subscriber.received).toHaveLength(expected.length + 1);
    await subscriber.stop();
  });

  it("a key without the organization: NOT_FOUND when it names it, and nothing of it otherwise", async () => {
    const { key: outsider } = await t.app.services.apiKeys.create({ name: "other books", organizationIds: ["org_other"] });
    const named = subscribe(wsClient(t.app.wsUrl, outsider), EVENT_IDS, { filter: { organizationIds: [t.organizationId] } }, "events");
    await expect.poll(() => named.errors.length).toBe(1);
    expect(named.errors[0]).toMatchObject({ extensions: { code: "NOT_FOUND" } });
    await named.stop();

    const first = (await t.allEvents())[0]!;
    const everything = subscribe(wsClient(t.app.wsUrl, outsider), EVENT_IDS, { filter: { after: first.cursor } }, "events");
    const granted = subscribe(wsClient(t.app.wsUrl, key), EVENT_IDS, { filter: { after: first.cursor } }, "events");
    const backlog = (await t.allEvents()).length - 1;
    await granted.waitFor(backlog);
    await t.runtime.log.append([syntheticEvent(1, "org_other")]);
    const [only] = await everything.waitFor(1);
    expect(only).toMatchObject({ id: "evt_synthetic_org_other_1", organizationId: "org_other" });
    expect(everything.received).toHaveLength(1);
    await Promise.all([everything.stop(), granted.stop()]);
  });

  it("a cursor this gateway never gave is refused as BAD_USER_INPUT", async () => {
    const bad = subscribe(wsClient(t.app.wsUrl, key), EVENT_IDS, { filter: { after: "bm9wZQ" } }, "events");
    await expect.poll(() => bad.errors.length).toBe(1);
    expect(bad.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    await bad.stop();
  });
});

describe("resuming across a gateway restart", () => {
  it("a subscriber that reconnects with its last cursor gets what happened while it was away, then live events", async () => {
    let t = await startTriggerLedgerline();
    const dataDir = t.dataDir;
    try {
      await t.poll("Invoice");
      const key = t.app.localApiKey!;
      const head = vi.spyOn(t.runtime.log, "head");
      const first = subscribe(wsClient(t.app.wsUrl, key), EVENTS, {}, "events");
      await expect.poll(() => head.mock.settledResults.length).toBe(1);
      const one = await createInvoice(t);
      await t.poll("Invoice");
      const [seen] = await first.waitFor(1);
      expect(seen).toMatchObject({ remoteId: one.remoteId });

      await t.app.stop();
      await first.stop();
      t = await startTriggerLedgerline({ dataDir });
      const two = await createInvoice(t);
      const three = await createInvoice(t);
      await t.poll("Invoice");

      const resumed = subscribe(wsClient(t.app.wsUrl, key), EVENTS, { filter: { after: seen!.cursor } }, "events");
      const missed = await resumed.waitFor(2);
      expect(missed.map((e) => e.remoteId).sort()).toEqual([two.remoteId, three.remoteId].sort());
      const four = await createInvoice(t);
      await t.poll("Invoice");
      const events = await resumed.waitFor(3);
      expect(events[2]).toMatchObject({ type: "INVOICE_CREATED", remoteId: four.remoteId });
      expect(new Set(events.map((e) => e.cursor)).size).toBe(3);
      await resumed.stop();
    } finally {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
