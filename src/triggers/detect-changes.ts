import type { Provider } from "../../schema/common/provider.enum.js";
import type { EntityName } from "../connector/entities.js";
import { eventIdOf, eventTypeOf, type ChangeKind, type NewEvent } from "./event.js";
import { endedStatusOf, fingerprintOf, snapshotOf, type Observed } from "./fingerprint.js";
import type { PollState } from "./poll-state.js";

/**
 * What a webhook said about a record: its kind tells created from updated only while no baseline
 * exists yet; its date is the event time when the record keeps no `updatedAt`.
 */
export interface SightingHint {
  change: "CREATED" | "UPDATED";
  occurredAt?: string;
}

export interface DetectionInput {
  organizationId: string;
  provider: Provider;
  entity: EntityName;
  /** Changes this entity reports; others are not emitted (VOIDED and status DELETED fall back to UPDATED when declared). */
  declared: readonly ChangeKind[];
  /** Records as the provider returns them now. */
  records: readonly Observed[];
  /** Ids a full listing no longer returns and a lookup confirmed gone. */
  vanished?: readonly string[];
  /** True for the first full listing: everything is recorded as seen and no event is raised. */
  baseline?: boolean;
  hints?: ReadonlyMap<string, SightingHint>;
  /**
   * When the baseline listing started: a record seen for the first time whose `updatedAt` is earlier
   * existed then and was missed by that listing (offset paging shifts when records are deleted
   * between pages), so it is recorded without a CREATED.
   */
  existedBefore?: string;
  now: Date;
  /** Fingerprints already computed for these very record objects (`fingerprintOf`); the others are computed here. */
  fingerprints?: ReadonlyMap<Observed, string>;
}

/**
 * Compares what the provider returns with what was seen before. A record seen for the first time
 * is CREATED (never also UPDATED); a new version of a known record is UPDATED, or VOIDED / DELETED
 * when its status just moved there; a record that vanished is DELETED. Pure: returns the events
 * and the next state, and leaves `state` as it was.
 */
export function detectChanges(state: PollState, input: DetectionInput): { events: NewEvent[]; state: PollState } {
  const next: PollState = { ...state, seen: { ...state.seen }, ended: { ...state.ended } };
  const events: NewEvent[] = [];
  const detectedAt = input.now.toISOString();
  const emit = (change: ChangeKind | undefined, remoteId: string, fingerprint: string, record: Observed | null, occurredAt?: string) => {
    if (!change) return;
    events.push({
      id: eventIdOf({ organizationId: input.organizationId, entity: input.entity, remoteId, change, fingerprint }),
      type: eventTypeOf(input.entity, change),
      entity: input.entity,
      change,
      organizationId: input.organizationId,
      provider: input.provider,
      remoteId,
      occurredAt: record?.updatedAt ?? occurredAt ?? detectedAt,
      detectedAt,
      record: record ? snapshotOf(record) : null,
    });
  };
  const declared = (change: ChangeKind): ChangeKind | undefined => {
    if (input.declared.includes(change)) return change;
    return change === "VOIDED" || change === "DELETED" ? (input.declared.includes("UPDATED") ? "UPDATED" : undefined) : undefined;
  };

  for (const record of latestById(input.records)) {
    const { remoteId } = record;
    const fingerprint = input.fingerprints?.get(record) ?? fingerprintOf(record);
    const ended = endedStatusOf(record);
    const previous = state.seen[remoteId];
    // A listing that started before a webhook reported a newer version must not roll it back.
    if (previous !== undefined && isOlderVersion(fingerprint, previous)) continue;
    next.seen[remoteId] = fingerprint;
    if (ended) next.ended[remoteId] = ended;
    else delete next.ended[remoteId];
    if (input.baseline || previous === fingerprint) continue;
    if (previous === undefined && existedAtBaseline(record, input.existedBefore)) continue;
    const hint = input.hints?.get(remoteId);
    let change: ChangeKind;
    if (previous === undefined) change = state.baselineAt === undefined && hint ? hint.change : "CREATED";
    else change = ended && state.ended[remoteId] !== ended ? ended : "UPDATED";
    emit(declared(change), remoteId, fingerprint, record, hint?.occurredAt);
  }

  for (const remoteId of input.vanished ?? []) {
    const previous = state.seen[remoteId];
    if (previous === undefined) continue;
    delete next.seen[remoteId];
    delete next.ended[remoteId];
    if (state.ended[remoteId] !== "DELETED") emit(input.declared.includes("DELETED") ? "DELETED" : undefined, remoteId, `gone:${previous}`, null);
  }
  return { events, state: next };
}

function existedAtBaseline(record: Observed, existedBefore: string | undefined): boolean {
  if (!existedBefore || !record.updatedAt) return false;
  return Date.parse(record.updatedAt) < Date.parse(existedBefore);
}

/** True when both fingerprints are provider timestamps and `candidate` is the earlier one. */
function isOlderVersion(candidate: string, known: string): boolean {
  if (!candidate.startsWith("u:") || !known.startsWith("u:")) return false;
  return Date.parse(candidate.slice(2)) < Date.parse(known.slice(2));
}

function latestById(records: readonly Observed[]): Observed[] {
  return [...new Map(records.map((r) => [r.remoteId, r])).values()];
}
