import { performance } from "node:perf_hooks";
import { startBenchGateway, INVOICES_WITH_CONTACTS, percentile, ms, table } from "./support.js";
import { directXero, invoicesWithContacts } from "./direct-xero.js";

export interface OverheadOptions {
  /** Measured rounds; each round runs both paths, in alternating order. @default 300 */
  rounds?: number;
  /** Unmeasured rounds first. @default 30 */
  warmup?: number;
}

/**
 * The same data through the gateway and directly with xero-node from the sandbox, interleaved in one
 * run so machine noise hits both alike. Rate limits are relaxed on both sides: this measures the
 * gateway's own cost, not Xero's budget.
 */
export async function benchGatewayOverhead({ rounds = 300, warmup = 30 }: OverheadOptions = {}): Promise<void> {
  const gw = await startBenchGateway("relaxed");
  try {
    const api = await directXero(gw.xero);
    const viaGateway = () => gw.query(INVOICES_WITH_CONTACTS, { o: gw.organizationId });
    const direct = () => invoicesWithContacts(api, gw.xero.tenantId);
    const times = { gateway: [] as number[], direct: [] as number[] };
    for (let i = 0; i < warmup + rounds; i++) {
      const order: Array<[keyof typeof times, () => Promise<unknown>]> = i % 2 ? [["gateway", viaGateway], ["direct", direct]] : [["direct", direct], ["gateway", viaGateway]];
      for (const [name, run] of order) {
        const start = performance.now();
        await run();
        if (i >= warmup) times[name].push(performance.now() - start);
      }
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    };
    const g = stats(times.gateway);
    const d = stats(times.direct);
    console.log(`\nGateway overhead: first 50 invoices with contacts, ${rounds} interleaved rounds (after ${warmup} warm-up)`);
    console.log(table([
      { path: "through Ledgerline (GraphQL over HTTP)", p50: ms(g.p50), p99: ms(g.p99) },
      { path: "xero-node direct to the sandbox", p50: ms(d.p50), p99: ms(d.p99) },
      { path: "ratio gateway/direct", p50: `${(g.p50 / d.p50).toFixed(2)}x`, p99: `${(g.p99 / d.p99).toFixed(2)}x` },
    ]));
  } finally {
    await gw.app.stop();
  }
}
