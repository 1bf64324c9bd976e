import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * A webhook receiver on 127.0.0.1 for the cluster tests: it answers 200 to every POST and records each
 * request (arrival time, `webhook-id`, raw body) and which gateway process sent it. The sender is found
 * the way `ss -p` finds it: the connection's row in `/proc/net/tcp` gives the socket's inode, and the
 * process holding that inode among its file descriptors is the sender (Linux only; elsewhere `slot`
 * stays undefined and the caller says so).
 */

/** One request as the receiver saw it. */
export interface ReceivedWebhook {
  /** Date.now() when its body had arrived. */
  at: number;
  webhookId: string;
  body: string;
  /** The gateway slot whose process opened the connection; undefined when it could not be told. */
  slot?: number;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks`. */
  url: string;
  /** Every request so far, in arrival order. */
  received: ReceivedWebhook[];
  close(): Promise<void>;
}

const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, "0");
const LOOPBACK_HEX = "0100007F";

/** The inode of the IPv4 TCP socket from 127.0.0.1:`fromPort` to 127.0.0.1:`toPort`, as `/proc/net/tcp` lists it. */
function socketInode(fromPort: number, toPort: number): string | undefined {
  let table = "";
  try {
    table = readFileSync("/proc/net/tcp", "utf8");
  } catch {
    return undefined;
  }
  for (const line of table.split("\n").slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols[1] === `${LOOPBACK_HEX}:${hex(fromPort)}` && cols[2] === `${LOOPBACK_HEX}:${hex(toPort)}` && cols[9] !== "0") return cols[9];
  }
  return undefined;
}

/** Which of `pids` (index = slot) holds the socket `inode` among its file descriptors. */
function holderOf(inode: string, pids: Array<number | undefined>): number | undefined {
  const wanted = `socket:[${inode}]`;
  const tryOr = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch {
      return fallback;
    }
  };
  for (const [slot, pid] of pids.entries()) {
    if (pid === undefined) continue;
    for (const fd of tryOr(() => readdirSync(`/proc/${pid}/fd`), [] as string[])) {
      if (tryOr(() => readlinkSync(`/proc/${pid}/fd/${fd}`), "") === wanted) return slot;
    }
  }
  return undefined;
}

/** The slot of the process at the other end of `socket` (a connection from 127.0.0.1), read while the sender still waits for the answer. */
function senderOf(socket: Socket, pids: Array<number | undefined>): number | undefined {
  if (socket.remotePort === undefined || socket.localPort === undefined) return undefined;
  const inode = socketInode(socket.remotePort, socket.localPort);
  return inode ? holderOf(inode, pids) : undefined;
}

/**
 * Starts the receiver. `pids()` gives the gateway processes by slot (undefined: not running), read at
 * each new connection.
 */
export async function startWebhookReceiver(pids: () => Array<number | undefined>): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const senders = new WeakMap<Socket, number | undefined>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const record: ReceivedWebhook = { at: Date.now(), webhookId: String(req.headers["webhook-id"] ?? ""), body: Buffer.concat(chunks).toString("utf8") };
      // Looked up before answering: the sender's socket is open while it waits, whatever it does after.
      if (!senders.has(req.socket) || senders.get(req.socket) === undefined) senders.set(req.socket, senderOf(req.socket, pids()));
      const slot = senders.get(req.socket);
      if (slot !== undefined) record.slot = slot;
      received.push(record);
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
