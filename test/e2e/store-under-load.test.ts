import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { startLedgerline, type RunningLedgerline } from "../../src/app/start-ledgerline.js";
import type { XeroSandbox } from "../../connectors/xero/sandbox/server.js";
import type { StoredEvent } from "../../src/triggers/event.js";
import { recordingLogger, type LogEntry } from "../support/recording-logger.js";
import { wsClient } from "../triggers/ws-subscriber.js";

/**
 * The embedded SQLite store under load: the gateway with its three sandboxes busy (simulated activity
 * every few ms, pollers on fast timers, the Xero sandbox's webhooks flowing) while a storm of
 * subscriptions replays the whole event log from its first cursor and idempotent mutations write.
 * Nothing in the store may fail (no SQLITE_BUSY or any other store error logged), no webhook delivery
 * may be refused, every subscription gets every event of the log in order, once, and each
 * idempotency key makes one record.
 *
 * STORE_SOAK_CONNECTIONS × STORE_SOAK_SUBSCRIPTIONS scale the storm (default 10 × 10; 20 × 10 passes too, in about 80 s on 2 cores).
 */

const CONNECTIONS = Number(process.env.STORE_SOAK_CONNECTIONS ?? 10);
const SUBSCRIPTIONS_PER_CONNECTION = Number(process.env.STORE_SOAK_SUBSCRIPTIONS ?? 10);
/** Events in the log before the storm starts: what each subscription replays at once. */
const BACKLOG = Number(process.env.STORE_SOAK_BACKLOG ?? 40);
const IDEMPOTENT_WRITES = 12;

const ENV: Record<string, string> = {
  PORT: "0", XERO_SANDBOX_PORT: "0", DAFTRA_SANDBOX_PORT: "0", CLIENTARY_SANDBOX_PORT: "0",
  LEDGERLINE_TRIGGERS: "on",
  LEDGERLINE_TRIGGER_INTERVAL_SECONDS: "1",
  LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "0",
  LEDGERLINE_TRIGGER_BUDGET_PERCENT: "100",
  LEDGERLINE_TRIGGER_BUDGET_XERO: "100000",
  LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO: "0",
  LEDGERLINE_TRIGGER_BUDGET_DAFTRA: "100000",
  LEDGERLINE_TRIGGER_BUDGET_CLIENTARY: "100000",
  LEDGERLINE_SANDBOX_ACTIVITY_MS: "50",
  LEDGERLINE_SANDBOX_SEED: "11",
};

const EVENTS = `subscription($after: String) { events(filter: { after: $after }) { cursor id } }`;
const CREATE_CONTACT = `mutation($o: ID!, $key: String, $input: ContactInput!) { createContact(organizationId: $o, idempotencyKey: $key, input: $input) { record { id remoteId } } }`;

interface Delivered { cursor: string; id: string }

/** Log entries that report a failing store (or anything at error level). */
function storeFailures(entries: LogEntry[]): LogEntry[] {
  return entries.filter((e) => e.level === "error" || /SQLITE_|database is locked/i.test(JSON.stringify(e)));
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await sleep(100);
  }
}

async function post(app: RunningLedgerline, query: string, variables: Record<string, unknown>) {
  const response = await fetch(app.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${app.localApiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

describe("the embedded SQLite store under a replay storm", () => {
  it("records every webhook, poll and write with no store error while every subscription replays the whole log", { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-soak-"));
    const logger = recordingLogger();
    const app = await startLedgerline({ config: loadConfig({ ...ENV, LEDGERLINE_DATA_DIR: dataDir }), logger, sandboxLimits: "relaxed" });
    const clients: ReturnType<typeof wsClient>[] = [];
    try {
      const log = app.triggers!.log;
      const xero = (app.sandboxes.find((s) => s.provider === "XERO") as unknown as { sandbox: XeroSandbox }).sandbox;
      const xeroOrganization = app.sandboxes.find((s) => s.provider === "XERO")!.organization.id;
      const all = () => log.readAfter(undefined, 1_000_000);
      await waitFor(async () => (await all()).length >= BACKLOG, 60_000, () => `${BACKLOG} events in the log`);
      const first = (await all())[0]!;
      const startedAt = Date.now();

      // The storm: every subscription replays the log from its first cursor, then follows it live.
      const received: Delivered[][] = [];
      const subscriptionErrors: unknown[] = [];
      for (let c = 0; c < CONNECTIONS; c++) {
        const client = wsClient(app.wsUrl, app.localApiKey!);
        clients.push(client);
        for (let s = 0; s < SUBSCRIPTIONS_PER_CONNECTION; s++) {
          const sink: Delivered[] = [];
          received.push(sink);
          client.subscribe<{ events: Delivered }>({ query: EVENTS, variables: { after: first.cursor } }, {
            next: (result) => {
              if (result.errors) subscriptionErrors.push(...result.errors);
              if (result.data) sink.push(result.data.events);
            },
            error: (error) => subscriptionErrors.push(error),
            complete: () => undefined,
          });
        }
      }

      // Meanwhile, idempotent writes: each key sent twice at once.
      const names = Array.from({ length: IDEMPOTENT_WRITES }, (_, i) => `Soak contact ${i} ${Date.now()}`);
      const writes = await Promise.all(names.flatMap((name, i) => [0, 1].map(() =>
        post(app, CREATE_CONTACT, { o: xeroOrganization, key: `soak-${i}`, input: { name } }))));

      // Let the storm and the activity run on together, then check everyone caught up with the log as it is.
      await sleep(3000);
      const stored: StoredEvent[] = await log.readAfter(first.cursor, 1_000_000);
      await waitFor(() => received.every((sink) => sink.length >= stored.length) || subscriptionErrors.length > 0, 60_000,
        () => `${received.length} subscriptions to reach ${stored.length} events (slowest has ${Math.min(...received.map((r) => r.length))})`);
      const webhooks = xero.webhookStats();
      console.log(`store-under-load: ${CONNECTIONS}×${SUBSCRIPTIONS_PER_CONNECTION} subscriptions replayed ${stored.length} events each in ${Date.now() - startedAt} ms; `
        + `webhooks ${JSON.stringify(webhooks)}; ${storeFailures(logger.entries).length} store errors logged, `
        + `${logger.entries.filter((e) => /SQLITE_BUSY/.test(JSON.stringify(e))).length} of them SQLITE_BUSY`);

      expect(storeFailures(logger.entries)).toEqual([]);
      expect(subscriptionErrors).toEqual([]);
      expect(webhooks).toMatchObject({ failed: 0, dropped: 0 });
      expect(webhooks.sent).toBeGreaterThan(0);
      const expected = stored.map((e) => e.id);
      for (const sink of received) {
        const ids = sink.map((e) => e.id);
        expect(ids.slice(0, expected.length)).toEqual(expected);
        expect(new Set(ids).size).toBe(ids.length);
      }

      expect(writes.flatMap((w) => w.body.errors ?? [])).toEqual([]);
      for (const [i, name] of names.entries()) {
        const pair = writes.slice(2 * i, 2 * i + 2).map((w) => w.body.data.createContact.record.remoteId);
        expect(pair[0]).toBe(pair[1]);
        expect(xero.books.contacts.filter((c) => c.Name === name)).toHaveLength(1);
      }
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      // Quiet the sandboxes and let the queued webhook deliveries finish, so the stop never waits on a busy sandbox.
      for (const running of app.sandboxes) (running as unknown as { sandbox: { activity: { stop(): void } } }).sandbox.activity.stop();
      await Promise.race([app.triggers!.webhooksIdle(), sleep(30_000)]);
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
