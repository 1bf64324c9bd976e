import { sql, type Kysely, type Transaction } from "kysely";
import type { MirrorDatabaseHandle } from "../../mirror/mirror-store.js";
import { laterUpdatedAt, type RecordAttemptResult, type WebhookAttempt, type WebhookDelivery, type WebhookStore } from "../webhook-types.js";
import { endpointValues, fromAttemptRow, fromDeliveryRow, fromEndpointRow, toAttemptRow, toDeliveryRow, toEndpointRow } from "./webhook-rows.js";
import { headSeqs, insertDeliveries } from "./delivery-queue-sql.js";
import type { WebhookDatabase } from "./webhook-tables.js";

/** Deliveries removed per prune transaction, so the shared SQLite writer is never held for long. */
const PRUNE_BATCH = 1000;

/**
 * The webhook store over the mirror's database (migration `0004_webhooks`), the same SQL on SQLite and
 * PostgreSQL. Writes go to `database.db` in short transactions; reads to `database.reader`. An
 * endpoint's row is the lock of its queue: `enqueue`, `queueReplay` and `recordAttempt` update it
 * first (its fence, its `last_seq` counter, its failingSince; `updateEndpoint` never writes failingSince), so on PostgreSQL concurrent writers of
 * one endpoint take turns and `seq` increases in queue order across instances.
 */
/** Thrown inside `recordAttempt`'s transaction to roll it back when the delivery vanished under it. */
const ROLLED_BACK_MISSING = new Error("the delivery was pruned or deleted meanwhile");

/** A resumed endpoint's failure window starts afresh, its disabling is forgotten, and every waiting delivery is due now. */
async function resetFailures(trx: Transaction<WebhookDatabase>, endpointId: string, now: number): Promise<void> {
  // The disabling is forgotten, unless its event is still to be raised (the dispatcher raises it, then forgets it).
  await trx.updateTable("webhook_endpoints").set({ failing_since: null }).where("id", "=", endpointId).execute();
  await trx.updateTable("webhook_endpoints").set({ disabled_at: null }).where("id", "=", endpointId).where("disabled_event_pending", "=", 0).execute();
  await trx.updateTable("webhook_deliveries").set({ next_attempt_at: now }).where("endpoint_id", "=", endpointId).where("status", "=", "PENDING").execute();
}

export function createWebhookStore(database: MirrorDatabaseHandle): WebhookStore {
  const db = database.db as Kysely<WebhookDatabase>;
  const read = database.reader as Kysely<WebhookDatabase>;

  return {
    async createEndpoint(endpoint) {
      await db.insertInto("webhook_endpoints").values(toEndpointRow(endpoint)).execute();
    },

    async updateEndpoint(endpoint, expectedUpdatedAt) {
      const result = await db
        .updateTable("webhook_endpoints")
        .set(endpointValues(endpoint))
        .where("id", "=", endpoint.id)
        .where("updated_at", "=", expectedUpdatedAt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async getEndpoint(id) {
      const row = await read.selectFrom("webhook_endpoints").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? fromEndpointRow(row) : undefined;
    },

    async listEndpoints(apiKeyId) {
      let query = read.selectFrom("webhook_endpoints").selectAll();
      if (apiKeyId !== undefined) query = query.where("api_key_id", "=", apiKeyId);
      const rows = await query.orderBy("created_at").orderBy("id").execute();
      return rows.map(fromEndpointRow);
    },

    async deleteEndpoint(id) {
      return db.transaction().execute(async (trx) => {
        // The endpoint's row first: on PostgreSQL this waits for a step of its queue in flight, whose rows the deletes below then see.
        const removed = await trx.deleteFrom("webhook_endpoints").where("id", "=", id).executeTakeFirst();
        const ids = trx.selectFrom("webhook_deliveries").select("id").where("endpoint_id", "=", id);
        await trx.deleteFrom("webhook_attempts").where("delivery_id", "in", ids).execute();
        await trx.deleteFrom("webhook_deliveries").where("endpoint_id", "=", id).execute();
        return Number(removed.numDeletedRows) > 0;
      });
    },

    async enqueue(endpointId, cursor, deliveries, fence) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable("webhook_endpoints")
          .set({ fence, cursor, last_seq: sql`last_seq + ${deliveries.length}` })
          .where("id", "=", endpointId)
          .where("fence", "<=", fence)
          .returning("last_seq")
          .executeTakeFirst();
        if (!row) return false;
        await insertDeliveries(trx, endpointId, deliveries, Number(row.last_seq) - deliveries.length + 1);
        return true;
      });
    },

    async dueHeads(endpointId, now) {
      // One statement, so every head is read from the same commit.
      const rows = await read
        .selectFrom("webhook_deliveries")
        .selectAll()
        .where("endpoint_id", "=", endpointId)
        .where("seq", "in", headSeqs(endpointId))
        .orderBy("seq")
        .execute();
      const due: WebhookDelivery[] = [];
      let nextAt: number | null = null;
      for (const delivery of rows.map(fromDeliveryRow)) {
        // A PENDING row without a time is due now.
        if (delivery.nextAttemptAt === null || delivery.nextAttemptAt <= now) due.push(delivery);
        else if (nextAt === null || delivery.nextAttemptAt < nextAt) nextAt = delivery.nextAttemptAt;
      }
      return { due, nextAt };
    },

    async recordAttempt(attempt, outcome, fence) {
      return db.transaction().execute(async (trx): Promise<RecordAttemptResult> => {
        const owner = await trx.selectFrom("webhook_deliveries").select("endpoint_id").where("id", "=", attempt.deliveryId).executeTakeFirst();
        if (!owner) return "missing";
        const delivered = outcome.kind === "delivered";
        // A withheld delivery was not sent: it says nothing of the receiver's health.
        const failingSince = delivered ? null : outcome.kind === "withheld" ? sql<string | null>`failing_since` : sql<string | null>`coalesce(failing_since, ${attempt.at})`;
        const endpoint = await trx
          .updateTable("webhook_endpoints")
          .set({ fence, failing_since: failingSince })
          .where("id", "=", owner.endpoint_id)
          .where("fence", "<=", fence)
          .executeTakeFirst();
        if (Number(endpoint.numUpdatedRows) === 0) {
          // Deleted in between (its rows go with it), or a later holder's token.
          const exists = await trx.selectFrom("webhook_endpoints").select("id").where("id", "=", owner.endpoint_id).executeTakeFirst();
          return exists ? "fenced" : "missing";
        }
        // On PostgreSQL the endpoint's row lock is held now: a prune or delete that removed the row meanwhile has committed.
        const still = await trx.selectFrom("webhook_deliveries").select("id").where("id", "=", attempt.deliveryId).executeTakeFirst();
        // Gone after all: undo the endpoint's update too (a failure of a pruned delivery says nothing of the receiver).
        if (!still) throw ROLLED_BACK_MISSING;
        await trx.insertInto("webhook_attempts").values(toAttemptRow(attempt)).execute();
        const pending = outcome.kind === "retry" || outcome.kind === "gone";
        await trx
          .updateTable("webhook_deliveries")
          .set({
            attempt_count: attempt.number,
            status: pending ? "PENDING" : delivered ? "DELIVERED" : "FAILED",
            next_attempt_at: outcome.kind === "retry" ? outcome.nextAttemptAt : outcome.kind === "gone" ? Date.parse(attempt.at) : null,
            ...(delivered ? { delivered_at: attempt.at } : {}),
          })
          .where("id", "=", attempt.deliveryId)
          .execute();
        return "recorded";
      }).catch((error: unknown) => {
        if (error === ROLLED_BACK_MISSING) return "missing" as const;
        throw error;
      });
    },
    async resetEndpoint(endpointId, now) {
      await db.transaction().execute((trx) => resetFailures(trx, endpointId, now));
    },
    async resumeEndpoint(endpoint, expectedUpdatedAt, now) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable("webhook_endpoints")
          .set(endpointValues(endpoint))
          .where("id", "=", endpoint.id)
          .where("updated_at", "=", expectedUpdatedAt)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await resetFailures(trx, endpoint.id, now);
        return true;
      });
    },
    async markDisabledEventRaised(endpointId, disabledAt) {
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom("webhook_endpoints").select(["updated_at", "status"]).where("id", "=", endpointId).where("disabled_at", "=", disabledAt).executeTakeFirst();
        if (!row) return;
        // A new version: an owner's write read before this one must read again, or it would set the flag back.
        // Resumed before its event was raised: the disabling is forgotten now.
        const resumed = row.status !== "DISABLED" ? { disabled_at: null, disabled_reason: null } : {};
        await trx
          .updateTable("webhook_endpoints")
          .set({ disabled_event_pending: 0, updated_at: laterUpdatedAt(row.updated_at, new Date()), ...resumed })
          .where("id", "=", endpointId)
          .where("disabled_at", "=", disabledAt)
          .execute();
      });
    },
    async deliveries({ endpointId, status, afterSeq, limit }) {
      let query = read.selectFrom("webhook_deliveries").selectAll().where("endpoint_id", "=", endpointId);
      if (status !== undefined) query = query.where("status", "=", status);
      if (afterSeq !== undefined) query = query.where("seq", "<", afterSeq);
      const rows = await query.orderBy("seq", "desc").limit(Math.max(0, Math.floor(limit))).execute();
      if (rows.length === 0) return [];
      const attempts = await read
        .selectFrom("webhook_attempts")
        .selectAll()
        .where("delivery_id", "in", rows.map((row) => row.id))
        .orderBy("delivery_id")
        .orderBy("number")
        .execute();
      const byDelivery = new Map<string, WebhookAttempt[]>();
      for (const attempt of attempts.map(fromAttemptRow)) {
        const list = byDelivery.get(attempt.deliveryId) ?? [];
        list.push(attempt);
        byDelivery.set(attempt.deliveryId, list);
      }
      return rows.map((row) => ({ ...fromDeliveryRow(row), attempts: byDelivery.get(row.id) ?? [] }));
    },

    async queueReplay(endpointId, deliveries) {
      if (deliveries.length === 0) return 0;
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable("webhook_endpoints")
          .set({ last_seq: sql`last_seq + ${deliveries.length}` })
          .where("id", "=", endpointId)
          .returning("last_seq")
          .executeTakeFirst();
        if (!row) return 0;
        const pending = deliveries.map((delivery) => ({ ...delivery, status: "PENDING" as const }));
        await insertDeliveries(trx, endpointId, pending, Number(row.last_seq) - deliveries.length + 1);
        return deliveries.length;
      });
    },

    async pendingCount(endpointId) {
      const row = await read
        .selectFrom("webhook_deliveries")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("endpoint_id", "=", endpointId)
        .where("status", "=", "PENDING")
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async prune(cutoff) {
      const before = cutoff.toISOString();
      let removed = 0;
      for (;;) {
        const ids = (
          await db.selectFrom("webhook_deliveries").select("id").where("detected_at", "<", before).orderBy("detected_at").limit(PRUNE_BATCH).execute()
        ).map((row) => row.id);
        if (ids.length === 0) return removed;
        removed += await db.transaction().execute(async (trx) => {
          await trx.deleteFrom("webhook_attempts").where("delivery_id", "in", ids).execute();
          const result = await trx.deleteFrom("webhook_deliveries").where("id", "in", ids).executeTakeFirst();
          return Number(result.numDeletedRows);
        });
        if (ids.length < PRUNE_BATCH) return removed;
      }
    },
  };
}
