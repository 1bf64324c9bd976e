import { sql, type Transaction } from "kysely";
import type { WebhookDelivery } from "../webhook-types.js";
import { toDeliveryRow } from "./webhook-rows.js";
import type { WebhookDatabase } from "./webhook-tables.js";

/** Delivery rows per insert: 200 × 15 parameters stays far below SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_BATCH = 200;

/**
 * The `seq` of each organization's PENDING head (min seq per organization_id, NULL its own group) as
 * a subquery. A loose index scan over `webhook_deliveries_heads`: one index seek per organization to
 * find the next organization id and one for its smallest seq, so its cost follows the number of
 * organizations, not of pending rows (a plain GROUP BY reads every pending index entry: ≈15 ms at 100k).
 */
export function headSeqs(endpointId: string) {
  const pending = sql`endpoint_id = ${endpointId} and status = 'PENDING'`;
  return sql<number>`(
    with recursive orgs(org) as (
      select min(organization_id) from webhook_deliveries where ${pending}
      union all
      select (select min(organization_id) from webhook_deliveries where ${pending} and organization_id > orgs.org) from orgs where orgs.org is not null
    )
    select (select min(seq) from webhook_deliveries where ${pending} and organization_id = orgs.org) from orgs where orgs.org is not null
    union all
    select min(seq) from webhook_deliveries where ${pending} and organization_id is null)`;
}

/** Inserts `deliveries` in the order given with `seq` from `firstSeq` on. */
export async function insertDeliveries(trx: Transaction<WebhookDatabase>, endpointId: string, deliveries: Omit<WebhookDelivery, "seq">[], firstSeq: number): Promise<void> {
  const rows = deliveries.map((delivery, index) => toDeliveryRow(endpointId, delivery, firstSeq + index));
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await trx.insertInto("webhook_deliveries").values(rows.slice(start, start + INSERT_BATCH)).execute();
  }
}
