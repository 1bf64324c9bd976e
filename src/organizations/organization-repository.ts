import { randomBytes } from "node:crypto";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { OrganizationRecord } from "./organization-record.js";
import type { Provider } from "../../schema/common/provider.enum.js";

export interface OrganizationRepository {
  /** Every organization, in the order they were created. */
  list(): Promise<OrganizationRecord[]>;
  get(id: string): Promise<OrganizationRecord | undefined>;
  create(input: { provider: Provider; name: string; settings: Record<string, unknown> }): Promise<OrganizationRecord>;
  update(record: OrganizationRecord): Promise<void>;
  /** Forgets the organization's record; false when there was none. Its credentials are the caller's to drop. */
  remove(id: string): Promise<boolean>;
}

/**
 * Organizations live in the durable store: one key per record (`org:<id>`) plus the set `ids`, each
 * add one atomic step, so several processes connecting organizations at once lose none. `index`, the
 * list earlier versions kept, is still read.
 */
export function createOrganizationRepository(store: KeyValueStore, now: () => Date = () => new Date()): OrganizationRepository {
  const ns = store.namespace("organizations");
  const ids = async () => {
    const [members, legacy] = await Promise.all([ns.sets.members("ids"), ns.get<string[]>("index")]);
    return [...new Set([...(legacy ?? []), ...members])];
  };
  return {
    async list() {
      const records = await Promise.all((await ids()).map((id) => ns.get<OrganizationRecord>(`org:${id}`)));
      return records.filter((r): r is OrganizationRecord => !!r);
    },
    get: (id) => ns.get<OrganizationRecord>(`org:${id}`),
    async create({ provider, name, settings }) {
      const record: OrganizationRecord = {
        id: `org_${randomBytes(9).toString("base64url")}`,
        provider,
        name,
        settings,
        createdAt: now().toISOString(),
      };
      await ns.set(`org:${record.id}`, record);
      await ns.sets.add("ids", record.id);
      return record;
    },
    async update(record) {
      await ns.set(`org:${record.id}`, record);
    },
    async remove(id) {
      const removed = await ns.delete(`org:${id}`);
      await ns.sets.remove("ids", id);
      return removed;
    },
  };
}
