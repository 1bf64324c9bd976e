import type { Got } from "got";
import { httpErrorToGateway, createHttpClient } from "../../../src/http/http-client.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { UpstreamGovernor } from "../../../src/upstream/index.js";
import type { ProviderRequest } from "../../../src/connector/writes.js";
import { itemEnvelope, listEnvelope, parseEnvelope, writeEnvelope, type WireRow } from "./envelope.js";

export type QueryParams = Record<string, string | number | undefined>;

export interface ListAnswer {
  rows: WireRow[];
  /** `pagination.total_results`, where Daftra sent it. */
  total?: number;
}

/** Requests against one account's `/api2`, through its governor, with Daftra's envelopes parsed. */
export interface DaftraApi {
  list(path: string, query: QueryParams): Promise<ListAnswer>;
  get(path: string, id: string): Promise<WireRow>;
  /** A singleton resource (`site_info`). */
  read(path: string): Promise<WireRow>;
  /** The path a request to `path` goes to, as dry runs report it ("/api2/invoices.json"). */
  pathOf(path: string): string;
  /** Sends one write (POST, PUT or DELETE) and answers the new id for creates (`202 {"id": "…"}`). */
  write(request: ProviderRequest): Promise<{ id?: string }>;
}

/**
 * `validation_errors: {field: reason}` → the gateway's field messages; a refusal that carries only
 * a message ("Can't delete item. Remove its transactions first.") keeps that message.
 */
export const readDaftraValidation = (body: unknown) => {
  const { validation_errors: errors, message } = (body ?? {}) as { validation_errors?: Record<string, unknown>; message?: unknown };
  if (errors && typeof errors === "object" && Object.keys(errors).length) return Object.entries(errors).map(([field, reason]) => ({ field, message: String(reason) }));
  return typeof message === "string" && message ? [{ message }] : undefined;
};

export interface DaftraApiOptions {
  baseUrl: string;
  /** The sealed key, opened once on first use. */
  apiKey: () => Promise<string>;
  governor: UpstreamGovernor;
}

export function createDaftraApi({ baseUrl, apiKey, governor }: DaftraApiOptions): DaftraApi {
  let client: Promise<Got> | undefined;
  const http = () =>
    (client ??= apiKey().then((key) =>
      // Only the apikey header: Daftra refuses a request that also carries Authorization.
      createHttpClient({ provider: "Daftra", baseUrl: `${baseUrl}/`, headers: { apikey: key, "content-type": "application/json" } }),
    ));

  const apiPrefix = new URL(baseUrl).pathname.replace(/\/+$/, "");

  async function sendJson({ method, path, body }: ProviderRequest): Promise<unknown> {
    const relative = path.startsWith(`${apiPrefix}/`) ? path.slice(apiPrefix.length + 1) : path.replace(/^\/+/, "");
    // A write once sent is bounded by the deadline only: a client leaving does not abandon it half-way.
    return governor.run(async ({ deadline }) => {
      try {
        const json = body === undefined || body === null ? {} : { json: body };
        return await (await http())(relative, { method: method as "POST" | "PUT" | "DELETE", signal: deadline, ...json }).json();
      } catch (error) {
        throw httpErrorToGateway("Daftra", error, readDaftraValidation);
      }
    });
  }

  async function fetchJson(path: string, query: QueryParams = {}): Promise<unknown> {
    const searchParams = Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
    return governor.run(async ({ signal }) => {
      try {
        return await (await http()).get(`${path}.json`, { searchParams, signal }).json();
      } catch (error) {
        throw httpErrorToGateway("Daftra", error, readDaftraValidation);
      }
    });
  }

  return {
    async list(path, query) {
      const body = parseEnvelope(listEnvelope, await fetchJson(path, query), path);
      return { rows: body.data, total: body.pagination?.total_results };
    },
    async get(path, id) {
      if (!/^\d+$/.test(id)) throw new GatewayError(ErrorCode.NOT_FOUND, `Daftra has no ${path} record '${id}'.`, { details: { provider: "DAFTRA" } });
      return parseEnvelope(itemEnvelope, await fetchJson(`${path}/${id}`), path).data;
    },
    async read(path) {
      return parseEnvelope(itemEnvelope, await fetchJson(path), path).data;
    },
    pathOf: (path) => `${apiPrefix}/${path}.json`,
    async write(request) {
      const answer = parseEnvelope(writeEnvelope, await sendJson(request), request.path);
      return answer.id === undefined ? {} : { id: answer.id };
    },
  };
}
