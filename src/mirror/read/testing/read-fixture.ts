import type { ConnectorAdapter, ListParams, Page } from "../../../connector/adapter.js";
import type { CapabilityDeclaration } from "../../../connector/capabilities.js";
import { guardCapabilities } from "../../../connector/capability-guard.js";
import type { EntityName } from "../../../connector/entities.js";
import type { OrganizationAccess } from "../../../context/gateway-context.js";
import { toGlobalId } from "../../../ids/global-id.js";
import type { Clock } from "../../../infra/clock.js";
import type { OrganizationRecord } from "../../../organizations/organization-record.js";
import { createMemoryEventLog } from "../../../triggers/event-log/memory-event-log.js";
import { createChangeRecorder, type ChangeRecorder } from "../../../triggers/change-recorder.js";
import { declaredChangesOf } from "../../../triggers/trigger-declarations.js";
import { columnsOf } from "../../columns.js";
import type { MirrorAccess } from "../../mirror-access.js";
import { createMirrorRuntime } from "../../mirror-runtime.js";
import type { MirrorStore } from "../../mirror-store.js";
import { openMirrorStore } from "../../open-mirror-store.js";

/**
 * A small provider for read-path tests: invoices and contacts held in memory, behind the real
 * capability guard (so undeclared filters answer NOT_SUPPORTED as a connector's would), recording
 * every call that would reach the provider. Invoices can be filtered by status only, contacts by nothing.
 */
export const BOOKS_CAPABILITIES: CapabilityDeclaration = {
  entities: {
    Invoice: { operations: ["list", "get", "create", "update", "delete", "send"], filters: ["status"], triggers: ["created", "updated", "voided", "deleted"] },
    Contact: { operations: ["list", "get", "create"], triggers: ["created", "updated"] },
    Payment: { operations: ["get"] },
  },
  reports: {},
};

export const ORGANIZATION: OrganizationRecord = { id: "org-read", provider: "XERO" as OrganizationRecord["provider"], name: "Read Books", settings: {}, createdAt: "2026-01-01T00:00:00.000Z" };

export type Books = Record<"Invoice" | "Contact", Array<Record<string, unknown>>>;

export function contactRecord(remoteId: string, name: string): Record<string, unknown> {
  return { id: toGlobalId({ organizationId: ORGANIZATION.id, type: "Contact", remoteId }), remoteId, organizationId: ORGANIZATION.id, provider: "XERO", name, status: "ACTIVE", updatedAt: "2026-01-01T00:00:00.000Z", raw: { ContactID: remoteId } };
}

export function invoiceRecord(remoteId: string, issueDate: string, contact: { remoteId: string; name: string }, status = "AUTHORISED"): Record<string, unknown> {
  return {
    id: toGlobalId({ organizationId: ORGANIZATION.id, type: "Invoice", remoteId }),
    remoteId,
    organizationId: ORGANIZATION.id,
    provider: "XERO",
    number: `INV-${remoteId}`,
    status,
    issueDate,
    contactRef: contact,
    updatedAt: `${issueDate}T10:00:00.000Z`,
    raw: { InvoiceID: remoteId },
  };
}

export interface ProviderDouble {
  adapter: ConnectorAdapter;
  /** Every call that reached the provider, e.g. "list Invoice", "getMany Contact c1,c2". */
  calls: string[];
  books: Books;
}

/** The in-memory provider: lists in insertion order (offset paging, status filter), fetches by id, and writes. */
export function providerDouble(books: Books): ProviderDouble {
  const calls: string[] = [];
  const all = (entity: EntityName) => books[entity as keyof Books] ?? [];
  const adapter = {
    provider: "XERO",
    capabilities: BOOKS_CAPABILITIES,
    async profile() {
      return { name: ORGANIZATION.name, baseCurrency: "NZD" };
    },
    async list(entity: EntityName, params: ListParams): Promise<Page<unknown>> {
      calls.push(`list ${entity}`);
      const matching = all(entity).filter((r) => !params.filter.status?.length || params.filter.status.includes(r.status as string));
      return { items: matching.slice(params.offset, params.offset + params.first).map(copy), hasNextPage: params.offset + params.first < matching.length, totalCount: matching.length };
    },
    async getMany(entity: EntityName, ids: readonly string[]) {
      calls.push(`getMany ${entity} ${ids.join(",")}`);
      return ids.map((id) => {
        const found = all(entity).find((r) => r.remoteId === id);
        return found ? copy(found) : null;
      });
    },
    async balanceSheet() {
      throw new Error("no reports");
    },
    async profitAndLoss() {
      throw new Error("no reports");
    },
    async create(entity: EntityName, input: Record<string, unknown>, options: { dryRun: boolean }) {
      calls.push(`create ${entity}`);
      if (options.dryRun) return { kind: "dryRun", request: { method: "POST", path: `/${entity}`, body: input } };
      const record = entity === "Contact" ? contactRecord(String(input.remoteId), String(input.name)) : invoiceRecord(String(input.remoteId), String(input.issueDate), input.contact as { remoteId: string; name: string });
      books[entity as keyof Books].push(record);
      return { kind: "done", record: copy(record) };
    },
    async update(entity: EntityName, remoteId: string, changes: Record<string, unknown>) {
      calls.push(`update ${entity}`);
      const record = all(entity).find((r) => r.remoteId === remoteId)!;
      Object.assign(record, changes, { updatedAt: "2026-06-01T00:00:00.000Z" });
      return { kind: "done", record: copy(record) };
    },
    async remove(entity: EntityName, remoteId: string) {
      calls.push(`remove ${entity}`);
      const list = books[entity as keyof Books];
      const record = list.find((r) => r.remoteId === remoteId)!;
      if (record.status === "DRAFT") {
        list.splice(list.indexOf(record), 1);
        return { kind: "done", record: { outcome: "DELETED" } };
      }
      Object.assign(record, { status: "VOIDED", updatedAt: "2026-06-02T00:00:00.000Z" });
      return { kind: "done", record: { outcome: "VOIDED" } };
    },
    async send(entity: EntityName, remoteId: string) {
      calls.push(`send ${entity}`);
      Object.assign(all(entity).find((r) => r.remoteId === remoteId)!, { sentToContact: true, updatedAt: "2026-06-03T00:00:00.000Z" });
      return { kind: "done", record: { sent: true } };
    },
  } as unknown as ConnectorAdapter;
  return { adapter: guardCapabilities(adapter), calls, books };
}

const copy = <T>(record: T): T => JSON.parse(JSON.stringify(record)) as T;

/** A clock the test moves. */
export function testClock(start = "2026-06-10T12:00:00.000Z"): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (iso) => (now = new Date(iso)) };
}

export interface MirrorFixture {
  store: MirrorStore;
  mirror: MirrorAccess;
  recorder: ChangeRecorder;
  clock: ReturnType<typeof testClock>;
  /** Lists the entity whole from the provider double and records it as a completed baseline: the entity is IN_SYNC. */
  sync(provider: ProviderDouble, entity: "Invoice" | "Contact"): Promise<void>;
  close(): Promise<void>;
}

/** The real mirror (SQLite in memory), change recorder and mirror runtime, as the gateway wires them. */
export async function mirrorFixture({ maxLagMs = 600_000 }: { maxLagMs?: number } = {}): Promise<MirrorFixture> {
  const clock = testClock();
  const store = await openMirrorStore({ kind: "sqlite", file: ":memory:" }, { clock });
  const recorder = createChangeRecorder({ log: createMemoryEventLog(), mirror: store, columnsOf: (_o, entity, record) => columnsOf(entity, record), clock });
  const mirror = createMirrorRuntime({
    store,
    recorder,
    capabilitiesOf: () => BOOKS_CAPABILITIES,
    organization: async (id) => (id === ORGANIZATION.id ? ORGANIZATION : undefined),
    clock,
    maxLagMs,
    stateTtlMs: 0,
  });
  return {
    store,
    mirror,
    recorder,
    clock,
    async sync(provider, entity) {
      const records = provider.books[entity].map(copy) as Array<{ remoteId: string }>;
      await recorder.record({ organization: ORGANIZATION, entity, declared: declaredChangesOf(BOOKS_CAPABILITIES, entity), scan: "baseline", records, listedFrom: clock.now() });
    },
    close: () => store.close(),
  };
}

/** The organization access of one request over the provider double (only what the read path uses). */
export function accessOver(provider: ProviderDouble): OrganizationAccess {
  return {
    list: async () => [ORGANIZATION],
    get: async (id) => {
      if (id !== ORGANIZATION.id) throw new Error(`unknown organization ${id}`);
      return ORGANIZATION;
    },
    adapter: async () => provider.adapter,
  };
}
