import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Principal } from "../../src/context/gateway-context.js";
import { Provider } from "../../schema/common/provider.enum.js";
import { Scope } from "../../src/auth/scopes.js";
import { openMirrorStore } from "../../src/mirror/open-mirror-store.js";
import type { MirrorStore } from "../../src/mirror/mirror-store.js";
import { createSecretBox } from "../../src/secrets/secret-box.js";
import { localLeases, type Leases } from "../../src/store/leases.js";
import type { NewEvent, StoredEvent } from "../../src/triggers/event.js";
import type { EventLog } from "../../src/triggers/event-log/event-log.js";
import { createMemoryEventLog } from "../../src/triggers/event-log/memory-event-log.js";
import { generateSigningSecret } from "../../src/webhooks/delivery/signing.js";
import { createWebhookDispatcher, type WebhookDispatcher, type WebhookDispatcherOptions } from "../../src/webhooks/dispatcher/webhook-dispatcher.js";
import { createWebhookStore } from "../../src/webhooks/store/kysely-webhook-store.js";
import type { WebhookEndpointRecord, WebhookStore } from "../../src/webhooks/webhook-types.js";
import { recordingLogger, type LogEntry } from "../support/recording-logger.js";

/** Shared pieces of the dispatcher tests: the real store on SQLite memory, a memory log, a clock moved by hand, loopback receivers. */

/** A clock that moves only when told. */
export function manualClock(start = Date.now()) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}
export type ManualClock = ReturnType<typeof manualClock>;

/** One request a receiver got. */
export interface Received {
  headers: Record<string, string>;
  body: string;
  event: { id: string; type: string; organizationId: string | null; remoteId: string; webhookEndpoint?: Record<string, unknown> | null };
  /** The status it was answered with. */
  status: number;
  /** The request's path and query. */
  path: string;
}

/** A loopback receiver answering each request with what `respond` says (default 204), after `delayMs`. */
export interface Receiver {
  url: string;
  requests: Received[];
  /** Requests answered 2xx. */
  accepted(): Received[];
  respond: (event: Received["event"], index: number) => number;
  delayMs: number;
  /** Requests whose body arrived (answered or not yet). */
  arrivals: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const sockets = new Set<Socket>();
  const receiver: Receiver = {
    url: "",
    requests: [],
    accepted: () => receiver.requests.filter((r) => r.status < 300),
    respond: () => 204,
    delayMs: 0,
    arrivals: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      receiver.arrivals++;
      const event = JSON.parse(body) as Received["event"];
      const status = receiver.respond(event, receiver.requests.filter((r) => r.event.id === event.id).length);
      const answer = () => {
        receiver.requests.push({ headers: request.headers as Record<string, string>, body, event, status, path: request.url ?? "" });
        response.writeHead(status, { "content-type": "text/plain" }).end(status === 410 ? "endpoint removed" : "ok");
      };
      if (receiver.delayMs > 0) setTimeout(answer, receiver.delayMs);
      else answer();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}

const unique = () => randomBytes(6).toString("hex");

/** A record event of `organizationId` (INVOICE_CREATED unless told). */
export function recordEvent(organizationId: string, n: number, type = "INVOICE_CREATED"): NewEvent {
  const at = new Date().toISOString();
  return { id: `evt_${unique()}`, type, entity: "Invoice", change: "CREATED", organizationId, provider: Provider.XERO, remoteId: `inv-${n}`, occurredAt: at, detectedAt: at, record: { id: `inv-${n}`, status: "DRAFT" } };
}

export interface Harness {
  mirror: MirrorStore;
  store: WebhookStore;
  log: EventLog & { reads: Array<string | undefined> };
  leases: Leases;
  clock: ManualClock;
  logs: LogEntry[];
  /** Keys as `principalOf` answers them; absent or null: revoked. */
  keys: Map<string, Principal | null>;
  box: ReturnType<typeof createSecretBox>;
  /** A key granted `organizationIds` with every scope but ADMIN. */
  addKey(organizationIds: "*" | string[], scopes?: Scope[]): string;
  /** An ACTIVE endpoint at the log's head (as the service creates it), with its plain secret. */
  addEndpoint(apiKeyId: string, url: string, overrides?: Partial<WebhookEndpointRecord>): Promise<WebhookEndpointRecord & { secret: string }>;
  append(...events: NewEvent[]): Promise<StoredEvent[]>;
  dispatcher(overrides?: Partial<WebhookDispatcherOptions>): WebhookDispatcher;
  close(): Promise<void>;
}

/** Settings that make the tests quick: a short schedule, short leases and refreshes, a sender that looks at the clock every 20 ms. */
export const TEST_SCHEDULE_MS = [0, 5_000, 300_000];
export const FIVE_DAYS_MS = 5 * 86_400_000;

export async function harness(): Promise<Harness> {
  const mirror = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
  const store = createWebhookStore(mirror.database!);
  const inner = createMemoryEventLog();
  const reads: Array<string | undefined> = [];
  const log = { ...inner, reads, readAfter: (cursor: string | undefined, limit: number) => (reads.push(cursor), inner.readAfter(cursor, limit)) };
  const leases = localLeases();
  const clock = manualClock();
  const logs: LogEntry[] = [];
  const keys = new Map<string, Principal | null>();
  const box = createSecretBox("dispatcher tests");
  const dispatchers: WebhookDispatcher[] = [];
  return {
    mirror, store, log, leases, clock, logs, keys, box,
    addKey(organizationIds, scopes = [Scope.READ, Scope.WRITE, Scope.SUBSCRIBE]) {
      const apiKeyId = `key_${unique()}`;
      keys.set(apiKeyId, { apiKeyId, name: apiKeyId, organizationIds, scopes });
      return apiKeyId;
    },
    async addEndpoint(apiKeyId, url, overrides = {}) {
      const secret = generateSigningSecret();
      const at = clock.now().toISOString();
      const endpoint: WebhookEndpointRecord = {
        id: `whep_${unique()}`, apiKeyId, url, description: null, organizationIds: null, eventTypes: null, filter: null, status: "ACTIVE",
        disabledReason: null, disabledAt: null, disabledEventPending: false, secrets: [{ sealed: box.seal(secret), createdAt: at }], cursor: (await log.head()) ?? null, failingSince: null,
        createdAt: at, updatedAt: at, ...overrides,
      };
      await store.createEndpoint(endpoint);
      return { ...endpoint, secret };
    },
    append: (...events) => log.append(events),
    dispatcher(overrides = {}) {
      const dispatcher = createWebhookDispatcher({
        store, log, leases, clock, secrets: box,
        logger: recordingLogger(logs),
        principalOf: async (id) => keys.get(id) ?? null,
        predicateOf: () => () => true,
        settings: { timeoutMs: 2_000, scheduleMs: TEST_SCHEDULE_MS, disableAfterMs: FIVE_DAYS_MS, policy: { allowLoopback: true } },
        random: () => 0.5,
        leaseMs: 1_000, refreshMs: 100, maxSleepMs: 20, principalTtlMs: 0,
        ...overrides,
      });
      dispatchers.push(dispatcher);
      dispatcher.start();
      return dispatcher;
    },
    async close() {
      await Promise.all(dispatchers.map((d) => d.stop()));
      await mirror.close();
    },
  };
}
