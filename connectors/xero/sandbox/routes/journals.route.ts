/**
 * GET /Journals (offset, paymentsOnly, If-Modified-Since): the books' journal, 100 journals per
 * call, those numbered above `offset`, oldest first; paymentsOnly gives the cash-basis journal.
 * https://developer.xero.com/documentation/api/accounting/journals
 */
import { xeroJournals } from "../books/journals.js";
import { requireScope } from "../identity/bearer.js";
import { header, queryBoolean, queryParam, type RequestContext } from "../http/context.js";
import { queryError } from "../http/errors.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { msDate, storedToMs } from "../wire/dates.js";
import { envelopeReply } from "../wire/envelope.js";
import { modifiedSince, parseIfModifiedSince } from "../wire/if-modified-since.js";
import { API_BASE } from "./read-routes.js";

/** Journals per call, as Xero pages them. */
export const JOURNALS_PER_CALL = 100;

function offsetParam(ctx: RequestContext): number {
  const text = queryParam(ctx, "offset");
  if (text === undefined || text === "") return 0;
  const offset = Number(text);
  if (!Number.isInteger(offset) || offset < 0) throw queryError("offset must be a whole journal number, 0 or more");
  return offset;
}

export function journalsRoutes(runtime: SandboxRuntime): Route[] {
  return [
    route("GET", `${API_BASE}/Journals`, (ctx) => {
      requireScope(ctx.grant!, ["accounting.journals.read"], "read");
      const offset = offsetParam(ctx);
      const since = parseIfModifiedSince(header(ctx, "if-modified-since"));
      const journals = xeroJournals(runtime.state.books, queryBoolean(ctx, "paymentsOnly") ? "CASH" : "ACCRUAL")
        .filter((j) => j.JournalNumber > offset && (since === undefined || modifiedSince(j.CreatedDateUTC, since)))
        .slice(0, JOURNALS_PER_CALL);
      const wire = journals.map((j) => ({ ...j, JournalDate: msDate(storedToMs(j.JournalDate)), CreatedDateUTC: msDate(storedToMs(j.CreatedDateUTC)) }));
      return envelopeReply(runtime.providerName, ctx.now, "Journals", wire);
    }),
  ];
}
