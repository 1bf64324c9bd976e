import type { EntityName } from "../connector/entities.js";
import type { Clock } from "../infra/clock.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import { detectChanges, type SightingHint } from "./detect-changes.js";
import type { ChangeKind, StoredEvent } from "./event.js";
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
 * one at a time, it loads what was seen, detects the changes, appends their events to the log and
 * only then saves the new state. A crash between the append and the save repeats the detection,
 * and the log keeps each event id once.
 */
export function createChangeRecorder({ log, states, clock, cursorOverlapMs = 5000 }: ChangeRecorderOptions) {
  const withLock = createKeyedMutex();
  return {
    record(sightings: Sightings): Promise<{ appended: StoredEvent[]; state: PollState }> {
      const { organization, entity, scan } = sightings;
      return withLock(`${organization.id}:${entity}`, async () => {
        const previous = await states.load(organization.id, entity);
        const now = clock.now();
        const detected = detectChanges(previous, {
          organizationId: organization.id, provider: organization.provider, entity, declared: sightings.declared,
          records: sightings.records, vanished: sightings.vanished, hints: sightings.hints, baseline: scan === "baseline", now,
        });
        const appended = await log.append(detected.events);
        const state = { ...detected.state, eventsEmitted: previous.eventsEmitted + appended.length };
        if (scan !== "lookup") {
          state.lastRunAt = now.toISOString();
          state.cursor = laterOf(previous.cursor, cursorAfter(sightings.records, cursorOverlapMs, sightings.listedFrom ?? now));
        }
        if (scan === "baseline") state.baselineAt = now.toISOString();
        if (scan === "baseline" || scan === "full") state.lastFullScanAt = now.toISOString();
        await states.save(organization.id, entity, state);
        return { appended, state };
      });
    },
    /** The saved state, read under the same lock (so never half-way through a detection). */
    state: (organizationId: string, entity: EntityName) => withLock(`${organizationId}:${entity}`, () => states.load(organizationId, entity)),
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
