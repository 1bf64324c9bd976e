import type { EntityName } from "../connector/entities.js";
import type { KeyValueStore } from "../store/key-value-store.js";

/**
 * What detection remembers about one organization's entity kind, in the durable store. It is saved
 * only after the events it led to are in the log, so a crash in between makes the next run detect
 * the same changes again (and the log drops them by event id).
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
