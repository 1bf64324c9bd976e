import type { Got } from "got";
import { httpErrorToGateway, createHttpClient } from "../../../src/http/http-client.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { UpstreamGovernor } from "../../../src/upstream/index.js";
import { itemEnvelope, listEnvelope, parseEnvelope, type WireRow } from "./envelope.js";

export type QueryParams = Record<string, string | number | undefined>;

export interface ListAnswer {
  rows: WireRow[];
  /** `pagination.total_results`, where Daftra sent it. */
  total?: number;
}

/** GETs against one account's `/api2`, through its governor, with Daftra's envelopes parsed. */
export interface DaftraApi {
  list(path: string, query: QueryParams): Promise<ListAnswer>;
  get(path: string, id: string): Promise<WireRow>;
  /** A singleton resource (`site_info`). */
  read(path: string): Promise<WireRow>;
}

/** `validation_errors: {field: reason}` → the gateway's field messages. */
export const readDaftraValidation = (body: unknown) => {
  const errors = (body as { validation_errors?: Record<string, unknown> } | null)?.validation_errors;
  return errors && typeof errors === "object" ? Object.entries(errors).map(([field, message]) => ({ field, message: String(message) })) : undefined;
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

  async function fetchJson(path: string, query: QueryParams = {}): Promise<unknown> {
    const searchParams = Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
    return governor.run(async () => {
      try {
        return await (await http()).get(`${path}.json`, { searchParams }).json();
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
  };
}
