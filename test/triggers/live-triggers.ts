import { expect, vi } from "vitest";
import type { EntityName } from "../../src/connector/entities.js";
import { sandboxOf, startTestLedgerline, type TestLedgerline, type TestLedgerlineOptions } from "../e2e/start-test-ledgerline.js";
import { subscribe, wsClient, type Subscriber } from "./ws-subscriber.js";

/**
 * The harness of the per-provider trigger tests (`*-triggers.e2e.test.ts`): the gateway with its pollers
 * on their own timers, subscribers over graphql-ws, and a table of records whose every change must
 * arrive exactly once.
 */

/** Pollers on timers: every entity kind once a second, budget to spare, a deletion scan per minute of the gateway's clock; still sandboxes. */
const LIVE_TRIGGER_ENV: Record<string, string> = {
  LEDGERLINE_TRIGGERS: "on",
  LEDGERLINE_TRIGGER_INTERVAL_SECONDS: "1",
  LEDGERLINE_TRIGGER_MIN_INTERVAL_SECONDS: "0",
  LEDGERLINE_TRIGGER_RECONCILE_MINUTES: "1",
  LEDGERLINE_TRIGGER_BUDGET_PERCENT: "100",
  LEDGERLINE_TRIGGER_BUDGET_XERO: "100000",
  LEDGERLINE_TRIGGER_DAILY_BUDGET_XERO: "0",
  LEDGERLINE_TRIGGER_BUDGET_DAFTRA: "100000",
  LEDGERLINE_TRIGGER_BUDGET_CLIENTARY: "100000",
  LEDGERLINE_SANDBOX_ACTIVITY_MS: "0",
};

const POLLERS = `query($o: ID!) { organization(id: $o) { triggers { entity baselineAt lastRunAt lastError } } }`;
interface PollerRow { entity: string; baselineAt: string | null; lastRunAt: string | null; lastError: string | null }

/** An event as the trigger tests select it. */
export interface LiveEvent {
  cursor: string;
  id: string;
  type: string;
  change: string;
  entity: string;
  organizationId: string;
  remoteId: string;
  recordId: string;
  occurredAt: string;
  detectedAt: string;
  record?: Record<string, any> | null;
  [typed: string]: unknown;
}

/** The fields of every event, for subscription queries. */
export const EVENT_FIELDS = "cursor id type change entity organizationId provider remoteId recordId occurredAt detectedAt";

interface SubscriptionSpec { query: string; variables?: Record<string, unknown>; field: string }

/**
 * The gateway over relaxed sandboxes with its pollers on timers, a clock the test can move forward (the
 * sandboxes keep the real one), and what a partner app uses: GraphQL over HTTP and graphql-ws, with the local key.
 */
export async function startLiveTriggers(options: TestLedgerlineOptions = {}) {
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const t = await startTestLedgerline({ sandboxLimits: "relaxed", clock, ...options, triggers: { mode: "timers", ...options.triggers }, env: { ...LIVE_TRIGGER_ENV, ...options.env } });
  async function gql(query: string, variables?: Record<string, unknown>) {
    const { body } = await t.post(query, variables);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  }
  const pollers = async (organizationId: string): Promise<PollerRow[]> => (await gql(POLLERS, { o: organizationId })).organization.triggers;
  return {
    ...t,
    gql,
    pollers,
    /** Moves the gateway's clock forward (a reconciliation falls due sooner); the sandboxes' clocks stay. */
    advanceClock: (ms: number) => void (offsetMs += ms),
    /** Resolves once every poller of the organization has taken its baseline, as `organization { triggers }` shows it. */
    async baselines(organizationId: string) {
      await vi.waitFor(async () => expect((await pollers(organizationId)).filter((p) => !p.baselineAt).map((p) => p.entity)).toEqual([]), { timeout: 30_000, interval: 100 });
    },
    /** Resolves once every poller of the organization has completed `polls` more polls (its `lastRunAt` moved); from 2, the last one started after the call. */
    async polls(organizationId: string, polls = 2) {
      const seen = new Map((await pollers(organizationId)).map((p) => [p.entity, new Set([p.lastRunAt])]));
      await vi.waitFor(async () => {
        for (const p of await pollers(organizationId)) seen.get(p.entity)!.add(p.lastRunAt);
        expect(Math.min(...[...seen.values()].map((runs) => runs.size - 1))).toBeGreaterThanOrEqual(polls);
      }, { timeout: 30_000, interval: 100 });
    },
    /** Opens the subscriptions, resolving once each has taken its place in the log: whatever is appended later reaches it. */
    async listen<K extends string>(specs: Record<K, SubscriptionSpec>): Promise<Record<K, Subscriber<LiveEvent>>> {
      const head = vi.spyOn(t.app.triggers!.log, "head");
      const entries = Object.entries(specs) as Array<[K, SubscriptionSpec]>;
      const subscribers = entries.map(([name, s]) => [name, subscribe<LiveEvent>(wsClient(t.app.wsUrl, t.app.localApiKey!), s.query, s.variables ?? {}, s.field)] as const);
      try {
        await vi.waitFor(() => expect(head.mock.settledResults.filter((r) => r.type === "fulfilled").length).toBe(entries.length), { timeout: 10_000 });
      } finally {
        head.mockRestore();
      }
      return Object.fromEntries(subscribers) as Record<K, Subscriber<LiveEvent>>;
    },
  };
}
export type LiveTriggers = Awaited<ReturnType<typeof startLiveTriggers>>;

/**
 * The sandbox object behind a provider's entry in `app.sandboxes` (its books, its activity): the entry's
 * own `sandbox` where it exposes one, else the last in `opened`, which a test file fills by wrapping the
 * sandbox's factory with `vi.mock`.
 */
export function sandboxHandle<T>(t: TestLedgerline, provider: "DAFTRA" | "CLIENTARY"): T {
  const handle = (sandboxOf(t, provider) as { sandbox?: T }).sandbox;
  if (!handle) throw new Error(`the ${provider} sandbox object is not reachable from the test`);
  return handle;
}

/** Waits (up to `timeoutMs`) for an event of each type about each record (global id); resolves with what is still missing. */
export async function awaitArrivals(subscriber: Subscriber<LiveEvent>, expected: Array<[type: string, recordId: string]>, timeoutMs = 10_000): Promise<string[]> {
  const missing = () => expected.filter(([type, id]) => !subscriber.received.some((e) => e.type === type && e.recordId === id)).map(([type, id]) => `${type} ${id}`);
  await vi.waitFor(() => expect(missing()).toEqual([]), { timeout: timeoutMs, interval: 50 }).catch(() => undefined);
  return missing();
}

/** The types of the events received about one record (global id), in order. */
export const typesFor = (received: readonly LiveEvent[], recordId: string) => received.filter((e) => e.recordId === recordId).map((e) => e.type);

/** A record a trigger case made: its global id and the provider's id. */
export interface Made { id: string; remoteId: string }

/**
 * One change to a record and the event it must raise: its type (null: none) and fields of the record as
 * it now is (null: the event has no record, the provider no longer returns it).
 */
export interface TriggerStep { run(made: Made): Promise<unknown>; type: string | null; record?: Record<string, unknown> | null }

/** One record's life: created, then maybe edited, then maybe ended (voided, deleted, archived). */
export interface TriggerCase {
  name: string;
  entity: EntityName;
  create: Omit<TriggerStep, "run"> & { run(): Promise<Made> };
  update?: TriggerStep;
  end?: TriggerStep;
}

const STAGES = ["create", "update", "end"] as const;
type Stage = (typeof STAGES)[number];
const historyOf = (c: TriggerCase, upTo: Stage = "end") => STAGES.slice(0, STAGES.indexOf(upTo) + 1).map((s) => c[s]?.type).filter(Boolean);

/** A table of trigger cases for one organization, run stage by stage, all cases of a stage together. */
export function triggerTable(t: LiveTriggers, organizationId: string, events: Subscriber<LiveEvent>, cases: readonly TriggerCase[]) {
  const made = new Map<string, Made>();
  return {
    /** The records the cases made, by case name. */
    made,
    /**
     * Makes the stage's change of every case that has one, waits for the events they must raise, lets
     * every entity kind be polled twice more (a repeat, or an event that should not be, would have
     * arrived by then), and checks each record's history so far: exactly the events its steps raise, in
     * order, the last with the record as it now is. Soft, so every failing case is named.
     */
    async run(stage: Stage, afterChanges?: () => void) {
      const due = cases.filter((c) => c[stage]);
      for (const c of due) {
        if (stage === "create") made.set(c.name, await c.create.run());
        else await c[stage]!.run(made.get(c.name)!);
      }
      afterChanges?.();
      const missing = await awaitArrivals(events, due.filter((c) => c[stage]!.type).map((c) => [c[stage]!.type!, made.get(c.name)!.id]));
      await t.polls(organizationId, 2);
      for (const c of due) {
        const { id, remoteId } = made.get(c.name)!;
        const late = missing.some((m) => m.endsWith(` ${id}`)) ? " (nothing arrived in time)" : "";
        expect.soft(typesFor(events.received, id), `${c.name}${late}`).toEqual(historyOf(c, stage));
        const step = c[stage]!;
        const event = events.received.filter((e) => e.recordId === id).at(-1);
        if (!step.type || event?.type !== step.type) continue;
        expect.soft(event, c.name).toMatchObject({ organizationId, entity: c.entity, remoteId, record: step.record === null ? null : { id, remoteId, ...step.record } });
        expect.soft(event.cursor, c.name).toEqual(expect.any(String));
        expect.soft([event.occurredAt, event.detectedAt].map((at) => Number.isNaN(Date.parse(at))), `${c.name}: occurredAt, detectedAt`).toEqual([false, false]);
      }
    },
    /** After every stage: each record raised exactly the events of all its steps, in order. */
    expectHistories() {
      for (const c of cases) expect.soft(typesFor(events.received, made.get(c.name)!.id), c.name).toEqual(historyOf(c));
    },
  };
}

/** The typed subscriptions (`invoiceEvents { invoice }`, …) and the field holding their record. */
const TYPED_SUBSCRIPTIONS: Partial<Record<EntityName, { field: string; record: string }>> = {
  Invoice: { field: "invoiceEvents", record: "invoice" },
  Bill: { field: "billEvents", record: "bill" },
  Contact: { field: "contactEvents", record: "contact" },
  Payment: { field: "paymentEvents", record: "payment" },
  Quote: { field: "quoteEvents", record: "quote" },
  CreditNote: { field: "creditNoteEvents", record: "creditNote" },
};

/** Specs (for `listen`) of the typed subscriptions of `entities`, for one organization. */
export function typedSubscriptions(entities: readonly EntityName[], organizationId: string): Record<string, SubscriptionSpec> {
  return Object.fromEntries(entities.map((entity) => {
    const { field, record } = TYPED_SUBSCRIPTIONS[entity]!;
    const fields = record === "contact" ? "id remoteId name" : "id remoteId contact { name }";
    return [field, { query: `subscription($o: [ID!]) { ${field}(filter: { organizationIds: $o }) { ${EVENT_FIELDS} ${record} { ${fields} } } }`, variables: { o: [organizationId] }, field }];
  }));
}

/** Each typed subscription delivered exactly what `events` delivered for its entity, in order, with its record typed; no cursor twice. */
export function expectTypedAgree(events: Subscriber<LiveEvent>, typed: Record<string, Subscriber<LiveEvent>>) {
  for (const [entity, { field, record }] of Object.entries(TYPED_SUBSCRIPTIONS)) {
    const subscriber = typed[field];
    if (!subscriber) continue;
    expect.soft(subscriber.errors, field).toEqual([]);
    expect.soft(subscriber.received.map((e) => [e.id, e.cursor, (e[record] as { id?: string } | null)?.id ?? null]), field)
      .toEqual(events.received.filter((e) => e.entity === entity).map((e) => [e.id, e.cursor, e.record ? e.recordId : null]));
  }
  const cursors = events.received.map((e) => e.cursor);
  expect.soft(new Set(cursors).size, "distinct cursors").toBe(cursors.length);
}
