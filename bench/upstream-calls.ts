import { startBenchGateway, INVOICES_WITH_CONTACTS, table } from "./support.js";
import { directXero, invoicesWithContactsNaive } from "./direct-xero.js";

/** Upstream calls for "first 50 invoices with contact name and payments": the gateway vs a naive resolver. */
export async function benchUpstreamCalls(): Promise<void> {
  const gw = await startBenchGateway("provider");
  try {
    await gw.query(`query($o: ID!) { organization(id: $o) { name } }`, { o: gw.organizationId });
    const direct = await directXero(gw.xero);
    const count = async (run: () => Promise<unknown>) => {
      const before = gw.xero.stats.total;
      await run();
      return gw.xero.stats.total - before;
    };
    const gateway = await count(() => gw.query(INVOICES_WITH_CONTACTS, { o: gw.organizationId }));
    const naive = await count(() => invoicesWithContactsNaive(direct, gw.xero.tenantId));
    console.log("\nUpstream calls for the first 50 invoices with contact name and payments");
    console.log(table([
      { path: "Ledgerline (DataLoader + IDs= batch)", "upstream calls": gateway },
      { path: "naive resolver (one contact call per invoice)", "upstream calls": naive },
    ]));
    console.log(`ratio naive/gateway: ${(naive / gateway).toFixed(1)}x  (target: gateway <= 3)`);
  } finally {
    await gw.app.stop();
  }
}
