import type { EntityName } from "../connector/entities.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { NewEvent } from "./event.js";

/**
 * What detection remembers about one organization's entity kind, in the durable store. A detection
 * that found changes is saved in two steps: first as `pending` (its events and the state they lead
 * to) next to the old state, then — once the events are in the log — as the new state. A crash in
 * between is finished by the next run (the log drops events it already holds), so a record that
 * changed again meanwhile is compared with what was reported, never reported as new twice.
 */
export interface PollState {
  /**
   * When the first full listing recorded what was already there. Records present at the baseline
   * raise no events; only changes after it do.
   */
  baselineAt?: string;
  /** `updatedSince` for the next incremental read: the newest provider `updatedAt` seen, minus an overlap. */
  cursor?: string;
  /** When the last full listing (baseline or reconciliation) finished. */
  lastFullScanAt?: string;
  /** remoteId → version fingerprint of every record seen. */
  seen: Record<string, string>;
  /** Records whose status ended them (VOIDED or DELETED), so that change is reported once. */
  ended: Record<string, "VOIDED" | "DELETED">;
  lastRunAt?: string;
  eventsEmitted: number;
  /** A detection whose events may not all be in the log yet: append them, then take `next`. */
  pending?: { events: NewEvent[]; next: PollState };
}

export const emptyPollState = (): PollState => ({ seen: {}, ended: {}, eventsEmitted: 0 });

export interface PollStateStore {
  load(organizationId: string, entity: EntityName): Promise<PollState>;
  save(organizationId: string, entity: EntityName, state: PollState): Promise<void>;
}

export function createPollStateStore(store: KeyValueStore): PollStateStore {
  const key = (organizationId: string, entity: EntityName) => `poll:${organizationId}:${entity}`;
  return {
    load: async (organizationId, entity) => (await store.get<PollState>(key(organizationId, entity))) ?? emptyPollState(),
    save: (organizationId, entity, state) => store.set(key(organizationId, entity), state),
  };
}
