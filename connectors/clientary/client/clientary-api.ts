import { HTTPError, type Got } from "got";
import type { z } from "zod";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { createHttpClient, httpErrorToGateway } from "../../../src/http/http-client.js";
import type { UpstreamGovernor } from "../../../src/upstream/index.js";
import { CLIENTARY_API_PATH } from "../config.js";
import { readClientaryValidation } from "./clientary-errors.js";

export const PROVIDER_NAME = "Clientary";

export interface ClientaryApiOptions {
  apiUrl: string;
  /** The API token of the user the gateway acts as (loaded from the sealed store). */
  token: () => Promise<string>;
  governor: UpstreamGovernor;
}

export type Query = Record<string, string | number | undefined>;
export type WriteMethod = "POST" | "PUT" | "DELETE";

/** Calls below `/api/v2`, through the organization's governor, parsed at the boundary. */
export interface ClientaryApi {
  get<S extends z.ZodTypeAny>(path: string, schema: S, query?: Query): Promise<z.output<S>>;
  /** A write with a JSON body; the answer is parsed with `schema` when one is given (deletes answer with an empty body). */
  write<S extends z.ZodTypeAny>(method: WriteMethod, path: string, body: unknown, schema?: S): Promise<z.output<S>>;
}

const unexpected = (path: string, issues: z.ZodIssue[]) =>
  new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Clientary answered ${path} in an unexpected shape. Try again; report it if it persists.`, {
    details: { provider: PROVIDER_NAME, path, issues: issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`) },
  });

/** 426 is how Clientary says the plan allows no more of something: the caller can act on it, so it is a refusal with its message. */
function toGatewayError(error: unknown): GatewayError {
  if (error instanceof HTTPError && error.response.statusCode === 426) {
    const problems = readClientaryValidation(error.response.body) ?? [{ message: "The account's plan allows no more of these." }];
    return new GatewayError(ErrorCode.PROVIDER_VALIDATION, `${PROVIDER_NAME} refused it under the account's plan: ${problems.map((p) => p.message).join("; ")} Upgrade the plan or remove records first.`, {
      details: { provider: PROVIDER_NAME, upstreamStatus: 426, providerErrors: problems },
      cause: error,
    });
  }
  return httpErrorToGateway(PROVIDER_NAME, error, readClientaryValidation);
}

/** Basic auth with the token as user name and password. https://www.clientary.com/api (Authentication) */
const basicAuth = (token: string) => `Basic ${Buffer.from(`${token}:${token}`).toString("base64")}`;

export function createClientaryApi({ apiUrl, token, governor }: ClientaryApiOptions): ClientaryApi {
  let http: Promise<Got> | undefined;
  const client = () =>
    (http ??= token().then((value) => createHttpClient({ provider: PROVIDER_NAME, baseUrl: `${apiUrl}${CLIENTARY_API_PATH}/`, headers: { authorization: basicAuth(value) } })).catch((error: unknown) => {
      http = undefined;
      throw error;
    }));
  return {
    async get(path, schema, query = {}) {
      const searchParams = Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
      const body = await governor.run(async ({ signal }) => {
        try {
          return await (await client()).get(path.replace(/^\//, ""), { searchParams, signal }).json<unknown>();
        } catch (error) {
          throw toGatewayError(error);
        }
      });
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw unexpected(path, parsed.error.issues);
      return parsed.data;
    },
    async write(method, path, body, schema) {
      const answer = await governor.run(async ({ deadline }) => {
        try {
          const http = await client();
          // Writes are never repeated by the HTTP client: a PUT that adds lines is not idempotent. A 429 (nothing done)
          // is waited out and retried by the governor. Once sent, a write is bounded by the deadline only, not abandoned with its client.
          const response = await http(path.replace(/^\//, ""), { method, retry: { limit: 0 }, signal: deadline, ...(body === undefined ? {} : { json: body }) });
          return response.body as unknown;
        } catch (error) {
          throw toGatewayError(error);
        }
      });
      if (!schema) return undefined;
      const parsed = schema.safeParse(answer);
      if (!parsed.success) throw unexpected(path, parsed.error.issues);
      return parsed.data;
    },
  };
}
