import { Redis } from "ioredis";
import { clearGatewayKeys } from "../support/redis.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { startLedgerline, type RunningLedgerline } from "../../src/app/start-ledgerline.js";
import { createInvoice, startTriggerLedgerline, type TriggerLedgerline } from "./support.js";
import { subscribe, wsClient } from "./ws-subscriber.js";
import { postgresSchema } from "../support/postgres.js";

/** A Redis database of its own: the gateway's keys (namespace "ledgerline") are cleared before and after. */
const STORE_URL = "redis://127.0.0.1:6379/14";

const clear = () => clearGatewayKeys(STORE_URL);

const reachable = await clear();
if (!reachable) console.warn(`skipping the Redis trigger tests: Redis is not reachable at ${STORE_URL}`);
// Instances sharing a Redis store share one mirror in PostgreSQL (a schema of this run's own).
const database = reachable ? await postgresSchema("redis_triggers") : undefined;
if (reachable && !database) console.warn("skipping the Redis trigger tests: PostgreSQL is not reachable at 127.0.0.1:5432");

describe.runIf(reachable && database)("events on a Redis store, across two gateway instances", () => {
  let a: TriggerLedgerline;
  let b: RunningLedgerline;
  beforeAll(async () => {
    a = await startTriggerLedgerline({ env: { LEDGERLINE_STORE_URL: STORE_URL, LEDGERLINE_DATABASE_URL: database!.url } });
    // A second instance on the same Redis, without sandboxes or pollers of its own: it only serves subscribers.
    const config = loadConfig({ PORT: "0", LEDGERLINE_DATA_DIR: a.dataDir, LEDGERLINE_STORE_URL: STORE_URL, LEDGERLINE_DATABASE_URL: database!.url, LEDGERLINE_SANDBOX: "off", LOG_LEVEL: "silent" });
    b = await startLedgerline({ config, triggers: { mode: "manual" } });
    await a.poll("Invoice");
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
    await clear();
    await database?.drop();
  });

  it("an event detected by one instance reaches a subscriber of the other, live and on replay", async () => {
    const head = vi.spyOn(b.triggers!.log, "head");
    const live = subscribe(wsClient(b.wsUrl, a.app.localApiKey!), `subscription { events { cursor type remoteId } }`, {}, "events");
    await expect.poll(() => head.mock.settledResults.length).toBe(1);
    const invoice = await createInvoice(a);
    await a.poll("Invoice");
    const [event] = await live.waitFor(1);
    expect(event).toMatchObject({ type: "INVOICE_CREATED", remoteId: invoice.remoteId });
    expect(await b.triggers!.log.readAfter(undefined, 10)).toEqual(await a.allEvents());

    const second = await createInvoice(a);
    await a.poll("Invoice");
    const replay = subscribe(wsClient(b.wsUrl, a.app.localApiKey!), `subscription($after: String) { events(filter: { after: $after }) { type remoteId } }`, { after: event!.cursor }, "events");
    expect(await replay.waitFor(1)).toEqual([{ type: "INVOICE_CREATED", remoteId: second.remoteId }]);
    await Promise.all([live.stop(), replay.stop()]);
  });
});
