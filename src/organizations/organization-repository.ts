import { randomBytes } from "node:crypto";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { OrganizationRecord } from "./organization-record.js";
import type { Provider } from "../../schema/common/provider.enum.js";

export interface OrganizationRepository {
  list(): Promise<OrganizationRecord[]>;
  get(id: string): Promise<OrganizationRecord | undefined>;
  create(input: { provider: Provider; name: string; settings: Record<string, unknown> }): Promise<OrganizationRecord>;
  update(record: OrganizationRecord): Promise<void>;
}

/** Organizations live in the durable store: one key per record plus an index of ids. */
export function createOrganizationRepository(store: KeyValueStore, now: () => Date = () => new Date()): OrganizationRepository {
  const ns = store.namespace("organizations");
  const ids = async () => (await ns.get<string[]>("index")) ?? [];
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
      await ns.set("index", [...(await ids()), record.id]);
      return record;
    },
    async update(record) {
      await ns.set(`org:${record.id}`, record);
    },
  };
}
