import { describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const ENTRY = "dist/src/main.js";

interface Booted {
  child: ChildProcess;
  url: string;
  key: string;
  organizationId: string;
}

/** Starts the compiled gateway with plain Node (as `npm start` does) and reads what it prints. */
function boot(dataDir: string): Promise<Booted> {
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, PORT: "0", XERO_SANDBOX_PORT: "0", DAFTRA_SANDBOX_PORT: "0", CLIENTARY_SANDBOX_PORT: "0", LEDGERLINE_DATA_DIR: dataDir, LOG_LEVEL: "warn", LEDGERLINE_SANDBOX_ACTIVITY_MS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`no banner within 30 s:\n${out}\n${err}`)), 30_000);
    child.stderr!.on("data", (d) => (err += d));
    child.stdout!.on("data", (d) => {
      out += d;
      const url = /running at (\S+)/.exec(out)?.[1];
      const key = /\n\s+(ll_\S+)\n/.exec(out)?.[1];
      const organizationId = /\(organization (\S+)\)/.exec(out)?.[1];
      if (url && key && organizationId && out.includes("curl")) {
        clearTimeout(timer);
        resolve({ child, url, key, organizationId });
      }
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code} before its banner:\n${out}\n${err}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

async function organizations(b: Booted) {
  const response = await fetch(b.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${b.key}` },
    body: JSON.stringify({ query: "{ organizations { id name provider } }" }),
  });
  return (await response.json()) as { data: { organizations: Array<{ id: string; name: string; provider: string }> } };
}

describe("the compiled gateway under plain Node", () => {
  it("starts on the embedded default, answers with its printed key, and keeps its state across a restart", async () => {
    expect(existsSync(ENTRY), `${ENTRY} is missing: npm test builds it first (npm run build)`).toBe(true);
    const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-boot-"));
    try {
      const first = await boot(dataDir);
      const before = await organizations(first);
      expect(before.data.organizations.map((o) => o.provider).sort()).toEqual(["CLIENTARY", "DAFTRA", "XERO"]);
      expect(before.data.organizations).toContainEqual(expect.objectContaining({ id: first.organizationId, provider: "XERO" }));
      expect(await stop(first.child)).toBe(0);

      const second = await boot(dataDir);
      expect(second.key).toBe(first.key);
      expect(second.organizationId).toBe(first.organizationId);
      expect((await organizations(second)).data.organizations).toEqual(before.data.organizations);
      expect(await stop(second.child)).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
