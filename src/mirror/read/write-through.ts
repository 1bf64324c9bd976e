import type { ConnectorAdapter } from "../../connector/adapter.js";
import { ACTION_OPERATIONS, supports } from "../../connector/capabilities.js";
import { ENTITY_NAMES, type EntityName } from "../../connector/entities.js";
import type { ActionName, ActionResults, Removal, WriteResult } from "../../connector/writes.js";
import type { OrganizationAccess } from "../../context/gateway-context.js";
import { fromGlobalId } from "../../ids/global-id.js";
import type { Logger } from "../../infra/logger.js";
import type { OrganizationRecord } from "../../organizations/organization-record.js";
import type { MirrorAccess } from "../mirror-access.js";

type AnyRecord = Record<string, unknown>;

/**
 * The organizations one request sees, with every adapter wrapped by `writeThrough`: the one place
 * mutations meet the mirror, so no resolver repeats it. The lead wires it where the request's
 * context is made; absent a mirror, the access is returned as it is.
 */
/** Longest a mutation waits for its write-through before it answers (the write-through then finishes in the background). */
export const WRITE_THROUGH_WAIT_MS = 5_000;

export function withWriteThrough(access: OrganizationAccess, mirror: MirrorAccess | undefined, logger: Logger): OrganizationAccess {
  if (!mirror) return access;
  const wrapped = new WeakMap<ConnectorAdapter, ConnectorAdapter>();
  return {
    ...access,
    async adapter(organizationId) {
      const adapter = await access.adapter(organizationId);
      let view = wrapped.get(adapter);
      if (!view) {
        view = writeThrough(adapter, { organization: () => access.get(organizationId), mirror, logger });
        wrapped.set(adapter, view);
      }
      return view;
    },
  };
}

export interface WriteThroughOptions {
  organization: () => Promise<OrganizationRecord>;
  mirror: MirrorAccess;
  logger: Logger;
}

/**
 * Wraps an adapter so each successful write reaches the mirror before the mutation answers, and the
 * client reads its own write at once:
 * - a created or changed record is `observed` (CREATED for a create);
 * - a deleted, voided or archived one (the provider only says which) is read back once: observed in
 *   its new state where the provider keeps it (Xero keeps deleted invoices, as DELETED), removed where
 *   it is gone (without a fetch by id: removed when deleted);
 * - a sent document is read back; allocations and stock additions observe the records they return;
 *   a transfer reads back the two bank transactions it made; a payment made or removed reads back the
 *   document it paid (what it owes changed).
 * Dry runs write nothing; only entities the mirror keeps (those the connector can list) are written
 * through. A failure to write through is logged and never fails the mutation: the next poll repairs it.
 */
export function writeThrough<A extends ConnectorAdapter>(adapter: A, { organization, mirror, logger }: WriteThroughOptions): A {
  const mirrored = (entity: EntityName) => supports(adapter.capabilities, entity, "list");
  const fetchable = (entity: EntityName) => mirrored(entity) && supports(adapter.capabilities, entity, "get");

  /** Runs one write-through, logging instead of throwing. */
  /**
   * Runs a write-through without ever failing the mutation, and without holding it past
   * WRITE_THROUGH_WAIT_MS: the mutation runs inside its idempotency lease, so a write-through slowed
   * by the provider (read-backs) or by a busy detection must not keep the result from being stored.
   * Past the wait it goes on in the background; the mutation answers.
   */
  const quietly = async (what: string, entity: EntityName, work: () => Promise<void>) => {
    const done = work().catch((error: unknown) => {
      logger.warn("mirror: a write could not be written through; the next poll repairs it", { what, entity, error: error instanceof Error ? error.message : String(error) });
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), WRITE_THROUGH_WAIT_MS)));
    const outcome = await Promise.race([done.then(() => "done" as const), late]);
    clearTimeout(timer);
    if (outcome === "late") logger.warn("mirror: a write-through is slow and goes on after the mutation answered", { what, entity, waitedMs: WRITE_THROUGH_WAIT_MS });
  };
  const observe = async (entity: EntityName, records: readonly AnyRecord[], change: "CREATED" | "UPDATED") => {
    if (!mirrored(entity) || records.length === 0) return;
    await mirror.observed(await organization(), entity, records, change);
  };
  /** Reads records back from the provider and observes them (removes the ones it no longer has). */
  const readBack = async (entity: EntityName, remoteIds: readonly string[], change: "CREATED" | "UPDATED") => {
    if (!fetchable(entity) || remoteIds.length === 0) return;
    const found = await adapter.getMany(entity, remoteIds);
    const records = found.filter((r): r is NonNullable<typeof r> => r !== null) as unknown as AnyRecord[];
    const gone = remoteIds.filter((_id, i) => found[i] === null);
    await observe(entity, records, change);
    if (gone.length) await mirror.removed(await organization(), entity, gone);
  };

  /** A written record, observed; a payment's paid document is read back too (what it owes changed). */
  const observeWritten = async (entity: EntityName, record: AnyRecord, change: "CREATED" | "UPDATED") => {
    await observe(entity, [record], change);
    const paid = entity === "Payment" ? paidDocumentOf(record) : undefined;
    if (paid) await readBack(paid.entity, [paid.remoteId], "UPDATED");
  };

  const overrides: Partial<ConnectorAdapter> = {};
  if (adapter.create) {
    overrides.create = (async (entity, input, options) => {
      const result = await adapter.create!(entity, input, options);
      if (result.kind === "done") await quietly("create", entity, () => observeWritten(entity, result.record as unknown as AnyRecord, "CREATED"));
      return result;
    }) as NonNullable<ConnectorAdapter["create"]>;
  }
  if (adapter.update) {
    overrides.update = (async (entity, remoteId, changes, options) => {
      const result = await adapter.update!(entity, remoteId, changes, options);
      if (result.kind === "done") await quietly("update", entity, () => observeWritten(entity, result.record as unknown as AnyRecord, "UPDATED"));
      return result;
    }) as NonNullable<ConnectorAdapter["update"]>;
  }
  if (adapter.remove) {
    overrides.remove = async (entity, remoteId, options) => {
      // A payment's paid document, as the mirror knows it, before the payment goes (no provider call).
      const paid = entity === "Payment" && !options.dryRun ? await paidDocumentInMirror(remoteId).catch(() => undefined) : undefined;
      const result: WriteResult<Removal> = await adapter.remove!(entity, remoteId, options);
      if (result.kind === "done") {
        await quietly("delete", entity, async () => {
          if (!mirrored(entity)) return;
          // The provider says only what it did. A voided or archived record still exists in a new state, and some
          // providers keep a deleted one too (Xero: status DELETED, still listed): read it back, so the mirror
          // holds what the provider's lists show; gone at the provider, it leaves the mirror.
          if (fetchable(entity)) await readBack(entity, [remoteId], "UPDATED");
          else if (result.record.outcome === "DELETED") await mirror.removed(await organization(), entity, [remoteId]);
          if (paid) await readBack(paid.entity, [paid.remoteId], "UPDATED");
        });
      }
      return result;
    };
  }

  if (adapter.send) {
    overrides.send = async (entity, remoteId, options) => {
      const result = await adapter.send!(entity, remoteId, options);
      // Sending can change the document (its sent flag, a draft's status): read it back.
      if (result.kind === "done") await quietly("send", entity, () => readBack(entity, [remoteId], "UPDATED"));
      return result;
    };
  }
  if (adapter.perform) {
    overrides.perform = (async (action: ActionName, input: never, options) => {
      const result = await adapter.perform!(action, input, options);
      if (result.kind === "done") await quietly(action, ACTION_OPERATIONS[action].entity, () => observeAction(action, result.record));
      return result;
    }) as NonNullable<ConnectorAdapter["perform"]>;
  }

  /** The document a payment paid, as the mirror holds the payment (no provider call). */
  async function paidDocumentInMirror(paymentRemoteId: string): Promise<{ entity: EntityName; remoteId: string } | undefined> {
    if (!mirrored("Payment")) return undefined;
    const [row] = await mirror.store.getMany((await organization()).id, "Payment", [paymentRemoteId]);
    return row ? paidDocumentOf(row.record) : undefined;
  }

  /** The records an action changed or made, observed. */
  async function observeAction<Act extends ActionName>(action: Act, result: ActionResults[Act]): Promise<void> {
    switch (action) {
      case "allocateCredit": {
        const { creditNote, document } = result as ActionResults["allocateCredit"];
        await observe("CreditNote", [creditNote as unknown as AnyRecord], "UPDATED");
        const documentEntity = entityOfRecord(document as unknown as AnyRecord);
        if (documentEntity) await observe(documentEntity, [document as unknown as AnyRecord], "UPDATED");
        return;
      }
      case "addStock":
        await observe("Item", [(result as ActionResults["addStock"]).item as unknown as AnyRecord], "UPDATED");
        return;
      case "transfer": {
        const transfer = result as ActionResults["transfer"];
        const ids = [transfer.fromTransactionRemoteId, transfer.toTransactionRemoteId].filter((id): id is string => !!id);
        await readBack("BankTransaction", ids, "CREATED");
        return;
      }
    }
  }

  // addNote is not wrapped: a note is not part of any unified record, so the mirror's row does not change.
  return Object.assign(Object.create(adapter) as A, overrides);
}

/** The entity of a unified record, from its global id. */
function entityOfRecord(record: AnyRecord): EntityName | undefined {
  return typeof record.id === "string" ? partsOf(record.id)?.entity : undefined;
}

/** The document a payment paid (its `documentId`), when it names one. */
function paidDocumentOf(payment: AnyRecord): { entity: EntityName; remoteId: string } | undefined {
  return typeof payment.documentId === "string" ? partsOf(payment.documentId) : undefined;
}

function partsOf(globalId: string): { entity: EntityName; remoteId: string } | undefined {
  try {
    const { type, remoteId } = fromGlobalId(globalId);
    return ENTITY_NAMES.includes(type as EntityName) ? { entity: type as EntityName, remoteId } : undefined;
  } catch {
    return undefined;
  }
}
