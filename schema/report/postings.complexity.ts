import { connectionComplexity } from "../common/connection.args.js";
import { ErrorCode, GatewayError } from "../../src/errors/index.js";

/**
 * Lines a `postings` selection is priced for. The lines a report has are not known while the
 * operation is priced, so `postings` on `lines` costs its page (first × what each posting selects)
 * this many times: asking 20 postings on every line fits in the default limit, 100 with a document
 * does not.
 */
export const POSTINGS_LINES_PRICED = 25;

export const postingsComplexity = (options: { args: { first?: number }; childComplexity: number }) => POSTINGS_LINES_PRICED * connectionComplexity(options);

/** Most postings one request is answered; a report with more lines than were priced is stopped here, not served unpriced. */
export const MAX_POSTINGS_PER_REQUEST = POSTINGS_LINES_PRICED * 200;

const SERVED = new WeakMap<object, { count: number }>();

/** Counts a page of postings against the request's allowance; QUERY_TOO_COMPLEX once it is spent. */
export function chargePostings(ctx: object, count: number): void {
  let served = SERVED.get(ctx);
  if (!served) SERVED.set(ctx, (served = { count: 0 }));
  served.count += count;
  if (served.count > MAX_POSTINGS_PER_REQUEST) {
    throw new GatewayError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `This operation asks for more than ${MAX_POSTINGS_PER_REQUEST} report postings in one request (the report has more lines than were priced). ` +
        "Ask postings of fewer lines, or smaller pages (first: …), and page with 'after'.",
      { details: { limit: MAX_POSTINGS_PER_REQUEST } },
    );
  }
}
