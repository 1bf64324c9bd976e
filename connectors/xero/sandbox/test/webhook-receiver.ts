/** A webhook endpoint for tests: a node:http server on 127.0.0.1:0 that records every delivery. */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Delivery {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** The parsed body (undefined when it is not JSON). */
  payload: any;
  /** Whether `x-xero-signature` is the base64 HMAC-SHA256 of the raw body with the receiver's key. */
  signed: boolean;
}

/** What to answer; the default verifies the signature like a real receiver (200 empty, or 401). */
export type Responder = (delivery: Delivery, index: number) => { status: number; body?: string };

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Deliveries that carried events (intent-to-receive handshakes have none). */
  payloads(): any[];
  /** Resolves once `count` deliveries have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function verifies(key: string, raw: Buffer, signature: string | string[] | undefined): boolean {
  if (typeof signature !== "string") return false;
  const expected = Buffer.from(createHmac("sha256", key).update(raw).digest("base64"));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const checkSignature: Responder = (delivery) => ({ status: delivery.signed ? 200 : 401 });

export async function startReceiver(key: string, respond: Responder = checkSignature): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  let waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString("utf8"));
      } catch {
        payload = undefined;
      }
      const delivery: Delivery = { headers: req.headers, raw, payload, signed: verifies(key, raw, req.headers["x-xero-signature"]) };
      deliveries.push(delivery);
      const answer = respond(delivery, deliveries.length - 1);
      res.statusCode = answer.status;
      res.end(answer.body ?? "");
      const ready = waiters;
      waiters = [];
      for (const wake of ready) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/xero`,
    deliveries,
    payloads: () => deliveries.filter((d) => d.payload?.events?.length > 0).map((d) => d.payload),
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (deliveries.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} deliveries, got ${deliveries.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
