import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sandboxWebhookKey } from "../../src/app/sandbox-webhooks.js";
import { resolveSecretKey } from "../../src/config/index.js";
import { signXeroWebhook } from "../../src/triggers/index.js";
import { createInvoice, startTriggerLedgerline, type TriggerLedgerline } from "../triggers/support.js";
import { storedBooks } from "./start-test-ledgerline.js";
import { subscribe, wsClient } from "../triggers/ws-subscriber.js";

const INVOICE_EVENTS = `subscription { invoiceEvents(filter: { changes: [CREATED] }) { type change invoice { id remoteId status } } }`;
const handshake = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: "FXNGWLCCGVANWHKILRUB" });
/** A signed delivery with no events, as in Xero's intent-to-receive check. */
const deliver = (url: string, key: string) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-xero-signature": signXeroWebhook(Buffer.from(handshake), key) }, body: handshake });

describe("on the embedded default, the Xero sandbox sends signed webhooks to the gateway", () => {
  let t: TriggerLedgerline;
  beforeAll(async () => {
    // Pollers run only when the test asks (manual mode): an event that arrives without a poll came through the webhook.
    t = await startTriggerLedgerline({ sandboxWebhooks: true });
    await t.poll("Invoice");
  });
  afterAll(() => t?.close());

  it("points the sandbox at POST /webhooks/xero, and Xero's intent-to-receive check passes", async () => {
    const url = new URL("/webhooks/xero", t.app.url).toString();
    expect(t.app.sandboxWebhooks).toEqual([{ provider: "XERO", ok: true, url, problems: [] }]);
    expect(await t.xero.verifyWebhookEndpoint()).toMatchObject({ ok: true, url });
  });

  it("a createInvoice mutation reaches a subscriber as INVOICE_CREATED at once (written through), and the webhook that follows adds nothing; no poll", async () => {
    const baseline = (await t.runtime.recorder.state(t.organizationId, "Invoice")).lastRunAt;
    expect(baseline).toBeTruthy();
    const head = vi.spyOn(t.runtime.log, "head");
    const subscriber = subscribe(wsClient(t.app.wsUrl, t.app.localApiKey!), INVOICE_EVENTS, {}, "invoiceEvents");
    await expect.poll(() => head.mock.settledResults.filter((r) => r.type === "fulfilled").length).toBe(1);
    head.mockRestore();
    const sentBefore = t.xero.webhookStats().eventsSent;

    const invoice = await createInvoice(t);
    const [event] = await subscriber.waitFor(1);
    expect(event).toMatchObject({ type: "INVOICE_CREATED", change: "CREATED", invoice: { id: invoice.id, remoteId: invoice.remoteId, status: "DRAFT" } });
    await subscriber.stop();

    // The sandbox's webhook for the same change arrives afterwards, and finds the version already recorded.
    await expect.poll(() => t.xero.webhookStats().eventsSent, { timeout: 10_000 }).toBeGreaterThan(sentBefore);
    await t.runtime.webhooksIdle();
    expect(t.xero.webhookStats()).toMatchObject({ failed: 0, dropped: 0 });
    // The poller did not run: its last run is still the baseline.
    expect((await t.runtime.recorder.state(t.organizationId, "Invoice")).lastRunAt).toBe(baseline);
    const stored = (await t.allEvents()).filter((e) => e.remoteId === invoice.remoteId);
    expect(stored.map((e) => e.type)).toEqual(["INVOICE_CREATED"]);
    // The mirror holds the record the webhook's lookup found (the mirror is never behind the log).
    const [row] = await t.runtime.mirror.store.getMany(t.organizationId, "Invoice", [invoice.remoteId]);
    expect(row?.record).toMatchObject({ remoteId: invoice.remoteId, status: "DRAFT" });
  });

  it("the ingress takes the key derived from the secret key, and refuses another", async () => {
    const url = new URL("/webhooks/xero", t.app.url).toString();
    const key = sandboxWebhookKey(resolveSecretKey({ dataDir: t.dataDir }));
    expect((await deliver(url, key)).status).toBe(200);
    expect((await deliver(url, "another-key-0123456789abcdef")).status).toBe(401);
  });
});

describe("sandbox webhooks with an explicit XERO_WEBHOOK_KEY", () => {
  it("the sandbox signs with XERO_WEBHOOK_KEY, which the ingress checks", async () => {
    const key = "explicit-xero-webhook-key-0123456789";
    const t = await startTriggerLedgerline({ sandboxWebhooks: true, env: { XERO_WEBHOOK_KEY: key } });
    try {
      expect(t.app.sandboxWebhooks.map((w) => w.ok)).toEqual([true]);
      const url = t.app.sandboxWebhooks[0]!.url;
      expect((await deliver(url, key)).status).toBe(200);
      expect((await deliver(url, sandboxWebhookKey(resolveSecretKey({ dataDir: t.dataDir })))).status).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe("living sandboxes", () => {
  it("with LEDGERLINE_SANDBOX_ACTIVITY_MS set, every sandbox's books move, and the Xero sandbox's activity arrives as events through its webhooks", async () => {
    const t = await startTriggerLedgerline({ sandboxWebhooks: true, env: { LEDGERLINE_SANDBOX_ACTIVITY_MS: "100", LEDGERLINE_SANDBOX_SEED: "7" } });
    try {
      expect(t.app.sandboxActivity).toEqual({ everyMs: 100, seed: 7 });
      const daftra = JSON.stringify(await storedBooks(t, "DAFTRA"));
      const clientary = JSON.stringify(await storedBooks(t, "CLIENTARY"));
      await expect.poll(async () => (await t.allEvents()).length, { timeout: 15_000, interval: 200 }).toBeGreaterThan(0);
      expect(t.xero.activity.stats().steps).toBeGreaterThan(0);
      // The ingress answers once a delivery's events are recorded, so the sandbox counts it sent just after they show in the log.
      await expect.poll(() => t.xero.webhookStats().eventsSent).toBeGreaterThan(0);
      // Daftra and Clientary keep their books moving too (their changes are found by the pollers).
      await expect.poll(async () => JSON.stringify(await storedBooks(t, "DAFTRA")), { timeout: 5_000 }).not.toBe(daftra);
      await expect.poll(async () => JSON.stringify(await storedBooks(t, "CLIENTARY")), { timeout: 5_000 }).not.toBe(clientary);
    } finally {
      await t.close();
    }
  });

  it("test gateways keep the sandboxes still unless asked", async () => {
    const t = await startTriggerLedgerline();
    try {
      expect(t.app.sandboxActivity).toBeUndefined();
      expect(t.app.sandboxWebhooks).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
