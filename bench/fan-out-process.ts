import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import v8 from "node:v8";
import type { ChildMessage, ParentMessage } from "./fan-out-subscribers.js";

/**
 * The subscribers' process (bench/fan-out-subscribers.ts). Started through `sh` so that it can raise
 * its own soft limit of open files to the hard limit first (one socket per subscriber).
 */
export function startSubscriberProcess(init: Omit<Extract<ParentMessage, { op: "init" }>, "op">) {
  const script = fileURLToPath(new URL("./fan-out-subscribers.js", import.meta.url));
  const child: ChildProcess = process.platform === "win32"
    ? spawn(process.execPath, [script], { stdio: ["ignore", "inherit", "inherit", "ipc"] })
    : spawn("/bin/sh", ["-c", 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$1"', process.execPath, script], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const inbox: ChildMessage[] = [];
  const waiters: Array<() => void> = [];
  child.on("message", (message: ChildMessage) => {
    inbox.push(message);
    for (const wake of waiters.splice(0)) wake();
  });
  const send = (message: ParentMessage) => child.send(message);
  send({ op: "init", ...init });

  /** The first message matching `pick` (taken out of the inbox), or undefined after `timeoutMs`. */
  async function next<T extends ChildMessage>(pick: (m: ChildMessage) => m is T, timeoutMs: number): Promise<T | undefined> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const index = inbox.findIndex(pick);
      if (index >= 0) return inbox.splice(index, 1)[0] as T;
      const left = until - Date.now();
      if (left <= 0 || child.exitCode !== null) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  return {
    async grow(to: number, batch: number) {
      send({ op: "grow", to, batch });
      const grown = await next((m): m is Extract<ChildMessage, { op: "grown" }> => m.op === "grown", 600_000);
      if (!grown) throw new Error("the subscriber process did not open its connections");
      return grown;
    },
    /** Receipt times (epoch ms) of event `id` at every subscriber; only those that arrived within `timeoutMs` if some did not. */
    async receipts(id: string, timeoutMs: number): Promise<number[]> {
      const all = await next((m): m is Extract<ChildMessage, { op: "all" }> => m.op === "all" && m.id === id, timeoutMs);
      if (all) return all.times;
      send({ op: "flush", id });
      return (await next((m): m is Extract<ChildMessage, { op: "partial" }> => m.op === "partial" && m.id === id, 10_000))?.times ?? [];
    },
    async close() {
      send({ op: "close" });
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once("exit", resolve)));
    },
  };
}
export type SubscriberProcess = ReturnType<typeof startSubscriberProcess>;

/** The soft limit of open files of this process (Linux), or undefined where it cannot be read. */
export function openFileLimit(): number | undefined {
  try {
    const match = readFileSync("/proc/self/limits", "utf8").match(/^Max open files\s+(\d+|unlimited)/m);
    return match ? (match[1] === "unlimited" ? Number.POSITIVE_INFINITY : Number(match[1])) : undefined;
  } catch {
    return undefined;
  }
}

/** A full garbage collection: `global.gc` under --expose-gc, else the same function switched on at run time. */
export function garbageCollector(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    v8.setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}
