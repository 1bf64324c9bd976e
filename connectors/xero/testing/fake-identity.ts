import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** A token endpoint that counts calls and rotates refresh tokens, for token-manager tests. */
export interface FakeIdentity {
  url: string;
  tokenCalls: number;
  /** Refresh tokens the endpoint accepts (each is single-use). */
  validRefreshTokens: Set<string>;
  /** Milliseconds to hold each token answer, so concurrent callers pile up. */
  delayMs: number;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => resolve(text));
  });

export async function startFakeIdentity(): Promise<FakeIdentity> {
  let issued = 0;
  const fake: FakeIdentity = { url: "", tokenCalls: 0, validRefreshTokens: new Set(), delayMs: 25, close: async () => {} };
  const server = createServer(async (req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/.well-known/openid-configuration") {
      return json(200, { authorization_endpoint: `${fake.url}/authorize`, token_endpoint: `${fake.url}/connect/token` });
    }
    if (req.url !== "/connect/token" || req.method !== "POST") return json(404, {});
    fake.tokenCalls++;
    const form = new URLSearchParams(await readBody(req));
    await new Promise((r) => setTimeout(r, fake.delayMs));
    const presented = form.get("refresh_token") ?? "";
    if (!fake.validRefreshTokens.delete(presented)) return json(400, { error: "invalid_grant" });
    issued++;
    const refreshToken = `refresh-${issued}`;
    fake.validRefreshTokens.add(refreshToken);
    json(200, { access_token: `access-${issued}`, refresh_token: refreshToken, expires_in: 1800, token_type: "Bearer", scope: "offline_access" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
