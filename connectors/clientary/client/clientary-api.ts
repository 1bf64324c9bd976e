import type { Got } from "got";
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

/** GETs below `/api/v2`, through the organization's governor, parsed at the boundary. */
export interface ClientaryApi {
  get<S extends z.ZodTypeAny>(path: string, schema: S, query?: Query): Promise<z.output<S>>;
}

const unexpected = (path: string, issues: z.ZodIssue[]) =>
  new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Clientary answered ${path} in an unexpected shape. Try again; report it if it persists.`, {
    details: { provider: PROVIDER_NAME, path, issues: issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`) },
  });

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
      const body = await governor.run(async () => {
        try {
          return await (await client()).get(path.replace(/^\//, ""), { searchParams }).json<unknown>();
        } catch (error) {
          throw httpErrorToGateway(PROVIDER_NAME, error, readClientaryValidation);
        }
      });
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw unexpected(path, parsed.error.issues);
      return parsed.data;
    },
  };
}
