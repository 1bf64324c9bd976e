/**
 * The one envelope helper: every accounting response is
 * `{"Id","Status":"OK","ProviderName","DateTimeUTC":"/Date(ms)/", <Plural>: [...]}`.
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses
 */
import { randomUUID } from "node:crypto";
import { jsonReply, type Reply } from "../http/reply.js";
import { msDateNoOffset } from "./dates.js";
import type { Pagination } from "./paging.js";

export interface EnvelopeExtras {
  pagination?: Pagination;
  /** Quotes responses carry a top-level `"SummarizeErrors": false`. */
  summarizeErrors?: boolean;
}

export function envelope(providerName: string, now: Date, plural: string, items: unknown[], extras: EnvelopeExtras = {}): Record<string, unknown> {
  return {
    Id: randomUUID(),
    Status: "OK",
    ProviderName: providerName,
    DateTimeUTC: msDateNoOffset(now.getTime()),
    ...(extras.pagination ? { pagination: extras.pagination } : {}),
    ...(extras.summarizeErrors !== undefined ? { SummarizeErrors: extras.summarizeErrors } : {}),
    [plural]: items,
  };
}

export function envelopeReply(providerName: string, now: Date, plural: string, items: unknown[], extras?: EnvelopeExtras): Reply {
  return jsonReply(200, envelope(providerName, now, plural, items, extras));
}
