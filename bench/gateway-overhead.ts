import { performance } from "node:perf_hooks";
import { startBenchGateway, INVOICES_WITH_CONTACTS, percentile, ms, table } from "./support.js";
import { directXero, invoicesWithContacts } from "./direct-xero.js";
import { machineLoad, waitForMirror } from "./mirror-support.js";

export interface OverheadOptions {
  /** Measured rounds; each round runs every path, in rotating order. @default 300 */
  rounds?: number;
  /** Unmeasured rounds first. @default 30 */
  warmup?: number;
}

/** The benchmark's query with the list's `source` set (LIVE: the provider; MIRROR: the gateway's mirror). */
const fromSource = (source: "LIVE" | "MIRROR") => INVOICES_WITH_CONTACTS.replace("invoices(first: 50)", `invoices(first: 50, source: ${source})`);

/**
 * The same data through the gateway — read live from the provider, and from the gateway's mirror —
 * and directly with xero-node from the sandbox, interleaved in one run so machine noise hits every
 * path alike. Rate limits are relaxed on both sides: this measures the gateway's own cost, not Xero's
 * budget. Triggers (and so the mirror) are on, as `npm start` runs; the live path asks `source: LIVE`.
 */
export async function benchGatewayOverhead({ rounds = 300, warmup = 30 }: OverheadOptions = {}): Promise<void> {
  const gw = await startBenchGateway("relaxed", { LEDGERLINE_TRIGGERS: "on", LEDGERLINE_STORE_URL: "" });
  try {
    await waitForMirror(gw, gw.organizationId, ["Invoice", "Contact"]);
    const api = await directXero(gw.xero);
    const paths = {
      gateway: () => gw.query(fromSource("LIVE"), { o: gw.organizationId }),
      mirror: () => gw.query(fromSource("MIRROR"), { o: gw.organizationId }),
      direct: () => invoicesWithContacts(api, gw.xero.tenantId),
    };
    type Path = keyof typeof paths;
    const names = Object.keys(paths) as Path[];
    const times: Record<Path, number[]> = { gateway: [], mirror: [], direct: [] };
    for (let i = 0; i < warmup + rounds; i++) {
      const order = names.map((_, k) => names[(i + k) % names.length]!);
      for (const name of order) {
        const start = performance.now();
        await paths[name]();
        if (i >= warmup) times[name].push(performance.now() - start);
      }
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    };
    const g = stats(times.gateway);
    const m = stats(times.mirror);
    const d = stats(times.direct);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
    console.log(`\nGateway overhead: first 50 invoices with contacts, ${rounds} interleaved rounds (after ${warmup} warm-up)`);
    console.log(table([
      { path: "through Ledgerline (GraphQL over HTTP, source: LIVE)", p50: ms(g.p50), p99: ms(g.p99) },
      { path: "through Ledgerline from its mirror (source: MIRROR)", p50: ms(m.p50), p99: ms(m.p99) },
      { path: "xero-node direct to the sandbox", p50: ms(d.p50), p99: ms(d.p99) },
      { path: "ratio gateway/direct", p50: ratio(g.p50, d.p50), p99: ratio(g.p99, d.p99) },
      { path: "ratio mirror/direct (target < 1)", p50: ratio(m.p50, d.p50), p99: ratio(m.p99, d.p99) },
    ]));
    console.log(`Machine: ${machineLoad()} at the end.`);
  } finally {
    await gw.app.stop();
  }
}
