import type { z } from "zod";
import type { ProviderRequest, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { notFound } from "../../../src/errors/index.js";
import type { WriteMethod } from "../client/clientary-api.js";
import { CLIENTARY_API_PATH } from "../config.js";
import type { ClientaryServices } from "../create-clientary-services.js";
import type { MappingContext } from "../mapping/common.js";
import { utcDay } from "../mapping/dates.js";

/** What every write needs: the organization's services, the mapping context and the caller's options. */
export interface WriteContext {
  services: ClientaryServices;
  ctx: MappingContext;
  options: WriteOptions;
}

/** The defaults new documents take: today (the organization's clock) and the account's currency. */
export const documentDefaults = (w: WriteContext) => ({ today: utcDay(w.ctx.now), currency: w.ctx.currency });

/** The request as Clientary receives it, for dry runs: full path below the account's host. */
export const providerRequest = (method: WriteMethod, path: string, body: unknown): ProviderRequest => ({ method, path: `${CLIENTARY_API_PATH}/${path}`, body: body ?? null });

/**
 * Lists the adapter keeps briefly (contacts of clients, every project's hours, invoice numbers and
 * clients for payments, the payments scan). A write can change any of them (deleting a client
 * cascades), so every write drops them all: a read right after a write sees it.
 */
const LIST_CACHE_KEYS = ["contacts", "hours", "invoice-refs", "scan:Payment"];
export const forgetLists = (services: ClientaryServices) => Promise.all(LIST_CACHE_KEYS.map((key) => services.lists.delete(key)));

/**
 * The one way a write goes out: described on a dry run (nothing is sent), otherwise sent, the
 * adapter's lists forgotten, and the answer turned into the unified record.
 */
export async function sendWrite<T, S extends z.ZodTypeAny>(
  w: WriteContext,
  request: { method: WriteMethod; path: string; body?: unknown; schema?: S },
  done: (answer: z.output<S>) => T | Promise<T>,
): Promise<WriteResult<T>> {
  if (w.options.dryRun) return { kind: "dryRun", request: providerRequest(request.method, request.path, request.body) };
  const answer = await sendFollowUp(w, request.method, request.path, request.body, request.schema);
  return { kind: "done", record: await done(answer) };
}

/** Sends one write (after the dry-run check) and forgets the lists, even when the outcome is unknown. */
export async function sendFollowUp<S extends z.ZodTypeAny>(w: WriteContext, method: WriteMethod, path: string, body: unknown, schema?: S): Promise<z.output<S>> {
  try {
    return await w.services.api.write(method, path, body, schema);
  } finally {
    await forgetLists(w.services);
  }
}

/** Clientary ids are integers: another id names no record, and costs no call. */
export function clientaryId(entity: string, remoteId: string): string {
  if (!/^\d+$/.test(remoteId)) throw notFound(entity, remoteId);
  return remoteId;
}
