import { badUserInput } from "../errors/index.js";
import type { WebhookDeliveryStatus, WebhookStore } from "./webhook-types.js";
import { toDeliveryView, type WebhookDeliveryView } from "./webhook-views.js";

/** Deliveries per page when `first` is not given, and the most one page holds. */
export const DEFAULT_DELIVERY_PAGE = 20;
export const MAX_DELIVERY_PAGE = 100;

export interface DeliveryPageRequest {
  endpointId: string;
  status?: WebhookDeliveryStatus | null;
  first?: number | null;
  after?: string | null;
}

/** A Relay page of deliveries, newest first (the shape `createConnectionType` serves). */
export interface DeliveryPage {
  edges: Array<{ cursor: string; node: WebhookDeliveryView }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: null;
}

const PREFIX = "whdl:";

/** A delivery's position as an opaque cursor. */
export const encodeDeliveryCursor = (seq: number): string => Buffer.from(`${PREFIX}${seq}`, "utf8").toString("base64url");

/** The `seq` inside a cursor this API made; BAD_USER_INPUT on `after` for anything else. */
export function decodeDeliveryCursor(cursor: string): number {
  const match = /^whdl:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match || encodeDeliveryCursor(Number(match[1])) !== cursor) {
    throw badUserInput([{ field: "after", message: "is not a cursor of webhookDeliveries; pass pageInfo.endCursor of the previous page of the same endpoint's deliveries." }]);
  }
  return Number(match[1]);
}

/** One page of an endpoint's deliveries (ownership is the caller's to check): `first` 1–100, after an earlier page's endCursor. */
export async function deliveryPage(store: WebhookStore, request: DeliveryPageRequest): Promise<DeliveryPage> {
  const first = request.first ?? DEFAULT_DELIVERY_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_DELIVERY_PAGE) {
    throw badUserInput([{ field: "first", message: `must be 1 to ${MAX_DELIVERY_PAGE}; page through more with after.` }]);
  }
  const afterSeq = request.after ? decodeDeliveryCursor(request.after) : undefined;
  const rows = await store.deliveries({
    endpointId: request.endpointId, limit: first + 1,
    ...(request.status ? { status: request.status } : {}), ...(afterSeq !== undefined ? { afterSeq } : {}),
  });
  const edges = rows.slice(0, first).map((row) => ({ cursor: encodeDeliveryCursor(row.seq), node: toDeliveryView(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: afterSeq !== undefined, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: null,
  };
}
