import type { EntityName } from "../connector/entities.js";
import type { Clock } from "../infra/clock.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import { detectChanges, type SightingHint } from "./detect-changes.js";
import { withoutRaw, type ChangeKind, type StoredEvent } from "./event.js";
import type { EventLog } from "./event-log/event-log.js";
import type { Observed } from "./fingerprint.js";
import { createKeyedMutex } from "./keyed-mutex.js";
import type { PollState, PollStateStore } from "./poll-state.js";

/**
 * How the records were found: the first full listing (`baseline`), a listing of what changed since
 * the cursor (`incremental`), a full listing that also finds vanished records (`full`), or a
 * lookup by id after a webhook (`lookup`).
 */
export type ScanKind = "baseline" | "incremental" | "full" | "lookup";

export interface Sightings {
  organization: OrganizationRecord;
  entity: EntityName;
  declared: readonly ChangeKind[];
  scan: ScanKind;
  records: readonly Observed[];
  vanished?: readonly string[];
  hints?: ReadonlyMap<string, SightingHint>;
  /** When the listing started: the next cursor never passes it, whatever time a provider stamps its records with. */
  listedFrom?: Date;
}

export interface ChangeRecorderOptions {
  log: EventLog;
  states: PollStateStore;
  clock: Clock;
  /** How far before the newest `updatedAt` seen the next incremental read starts. @default 5000 */
  cursorOverlapMs?: number;
}

/**
 * The one detection path the pollers and the webhook ingress share: per organization and entity,
 * one at a time, it loads what was seen, detects the changes, writes them ahead (events + the state
 * they lead to) into the poll state, appends the events to the log and then saves the new state. A
 * crash anywhere is finished by the next run: nothing is lost, and the log keeps each event id once.
 */
export function createChangeRecorder({ log, states, clock, cursorOverlapMs = 5000 }: ChangeRecorderOptions) {
  const withLock = createKeyedMutex();

  /** A detection a crash interrupted: its events go to the log (again, if they got there), and its state is taken. */
  async function finishPending(organizationId: string, entity: EntityName, state: PollState): Promise<PollState> {
    if (!state.pending) return state;
    await log.append(state.pending.events.map(withoutRaw));
    await states.save(organizationId, entity, state.pending.next);
    return state.pending.next;
  }

  return {
    record(sightings: Sightings): Promise<{ appended: StoredEvent[]; state: PollState }> {
      const { organization, entity, scan } = sightings;
      return withLock(`${organization.id}:${entity}`, async () => {
        const key = [organization.id, entity] as const;
        const previous = await finishPending(organization.id, entity, await states.load(...key));
        const now = clock.now();
        const detected = detectChanges(previous, {
          organizationId: organization.id, provider: organization.provider, entity, declared: sightings.declared,
          records: sightings.records, vanished: sightings.vanished, hints: sightings.hints, baseline: scan === "baseline", now,
        });
        const state: PollState = { ...detected.state, eventsEmitted: previous.eventsEmitted + detected.events.length };
        if (scan !== "lookup") {
          state.lastRunAt = now.toISOString();
          state.cursor = laterOf(previous.cursor, cursorAfter(sightings.records, cursorOverlapMs, sightings.listedFrom ?? now));
        }
        if (scan === "baseline") state.baselineAt = now.toISOString();
        if (scan === "baseline" || scan === "full") state.lastFullScanAt = now.toISOString();
        if (detected.events.length === 0) {
          await states.save(...key, state);
          return { appended: [], state };
        }
        // Write ahead: the events (their records without the provider's raw payload) and where they lead, then the log, then the new state.
        const events = detected.events.map(withoutRaw);
        await states.save(...key, { ...previous, pending: { events, next: state } });
        const appended = await log.append(events);
        await states.save(...key, state);
        return { appended, state };
      });

    },
    /** The saved state, read under the same lock (so never half-way through a detection). */
    /** (A detection still being finished shows as the state it leads to; reading never writes.) */
    state: (organizationId: string, entity: EntityName) =>
      withLock(`${organizationId}:${entity}`, async () => {
        const saved = await states.load(organizationId, entity);
        return saved.pending?.next ?? saved;
      }),
  };
}
export type ChangeRecorder = ReturnType<typeof createChangeRecorder>;

/**
 * Where the next incremental read starts: the newest `updatedAt` seen, less the overlap, but never
 * later than the moment the listing started. A record stamped ahead of the clock (provider clock skew,
 * a future-dated import) would otherwise push the cursor past changes that have not happened yet.
 */
function cursorAfter(records: readonly Observed[], overlapMs: number, listedFrom: Date): string | undefined {
  let newest = Number.NEGATIVE_INFINITY;
  for (const record of records) {
    const at = record.updatedAt ? Date.parse(record.updatedAt) : Number.NaN;
    if (at > newest) newest = at;
  }
  if (!Number.isFinite(newest)) return undefined;
  return new Date(Math.min(newest, listedFrom.getTime()) - overlapMs).toISOString();
}

function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
