import type { EntityName } from "../connector/entities.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { NewEvent } from "./event.js";

/**
 * What detection compares against, for the records one detection sighted: their fingerprints
 * (`seen`) and ended statuses, with the entity's bookkeeping. The change recorder builds it from the
 * mirror's rows for exactly those records, so a detection costs what changed, not the organization.
 */
export interface PollState {
  /** When the first full listing recorded what was already there. Records present at the baseline raise no events. */
  baselineAt?: string;
  cursor?: string;
  lastFullScanAt?: string;
  /** remoteId → version fingerprint of the records this detection is about. */
  seen: Record<string, string>;
  /** Records whose status ended them (VOIDED or DELETED), so that change is reported once. */
  ended: Record<string, "VOIDED" | "DELETED">;
  lastRunAt?: string;
  eventsEmitted: number;
}

export const emptyPollState = (): PollState => ({ seen: {}, ended: {}, eventsEmitted: 0 });

/** A poll state as gateways before the mirror saved it (one JSON value per organization and entity, with every fingerprint). */
export interface LegacyPollState extends PollState {
  pending?: { events: NewEvent[]; next: PollState };
}

/** Reads the poll states gateways before the mirror kept in the durable store, for a one-time import. */
export interface LegacyPollStates {
  load(organizationId: string, entity: EntityName): Promise<LegacyPollState | undefined>;
}

export function legacyPollStates(store: KeyValueStore): LegacyPollStates {
  return {
    async load(organizationId, entity) {
      const saved = await store.get<LegacyPollState>(`poll:${organizationId}:${entity}`);
      // A detection a crash interrupted had already computed where it leads.
      return saved?.pending ? { ...saved.pending.next, pending: saved.pending } : saved;
    },
  };
}
