import { jsonReply, type Reply } from "../http/reply.js";
import type { RequestContext } from "../http/request.js";

export const MAX_PAGE_SIZE = 100;

const positive = (text: string | null, fallback: number) => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/**
 * One page of a paginated list: `page` (1-based) and `page_size` (capped at 100, default per
 * resource), wrapped as `{page_count, page_size, total_count, <plural>: [...]}`.
 * https://www.clientary.com/api (pagination)
 */
export function pagedReply<T>(ctx: RequestContext, key: string, records: readonly T[], defaultSize: number): Reply {
  const pageSize = Math.min(MAX_PAGE_SIZE, positive(ctx.query.get("page_size") ?? ctx.query.get("per_page"), defaultSize));
  const page = positive(ctx.query.get("page"), 1);
  const pageCount = Math.ceil(records.length / pageSize);
  const slice = records.slice((page - 1) * pageSize, page * pageSize);
  return jsonReply(200, { page_count: pageCount, page_size: pageSize, total_count: records.length, [key]: slice });
}

/** Lists Clientary returns whole, under their plural key (`{hours: [...]}`, `{staff: [...]}`). */
export const wholeReply = <T>(key: string, records: readonly T[]): Reply => jsonReply(200, { [key]: records });
