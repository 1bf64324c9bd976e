import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, type GraphQLSchema } from "graphql";
import { buildGatewaySchema } from "../build-schema.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { MirrorAccess } from "../../src/mirror/mirror-access.js";
import type { MirrorStore } from "../../src/mirror/mirror-store.js";
import { openMirrorStore } from "../../src/mirror/open-mirror-store.js";
import { fillMirrorFromLive } from "../../src/mirror/reports/testing/fill-mirror.js";
import { reportMirrorAccess } from "../../src/mirror/reports/testing/mirror-access.js";
import { startSandboxOrganization } from "../../connectors/clientary/testing/sandbox-organization.js";
import { schemaContext } from "../../test/support/schema-context.js";

/** `balanceSheet` / `profitAndLoss` through the schema: the `source` argument, and `servedFrom` / `generatedAt` in the answer. */
const NOW = new Date("2026-11-15T12:00:00Z");
let schema: GraphQLSchema;
let org: Awaited<ReturnType<typeof startSandboxOrganization>>;
let store: MirrorStore;
let mirror: MirrorAccess;

beforeAll(async () => {
  schema = await buildGatewaySchema();
  org = await startSandboxOrganization({ sandbox: { now: () => NOW }, clock: { now: () => NOW } });
  store = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
  mirror = reportMirrorAccess(store, org.adapter.capabilities, { now: () => new Date() });
  await fillMirrorFromLive(store, org.organization.id, org.adapter, ["Invoice", "Payment", "Expense"]);
});
afterAll(async () => {
  await store.close();
  await org.sandbox.close();
});

function context(withMirror: boolean): GatewayContext & { mirror?: MirrorAccess } {
  return schemaContext(org, withMirror ? { mirror } : {});
}

const QUERY = /* GraphQL */ `
  query Reports($id: ID!, $source: ReadSource) {
    organization(id: $id) {
      balanceSheet(date: "2026-10-31", basis: CASH, source: $source) { servedFrom generatedAt source balanced totalAssets }
      profitAndLoss(fromDate: "2026-01-01", toDate: "2026-10-31", basis: ACCRUAL, source: $source) { servedFrom generatedAt source netProfit }
    }
  }
`;

async function run(source: string | undefined, withMirror = true) {
  const result = await graphql({ schema, source: QUERY, variableValues: { id: org.organization.id, ...(source ? { source } : {}) }, contextValue: context(withMirror) });
  return result as { data?: { organization: { balanceSheet: Record<string, any>; profitAndLoss: Record<string, any> } } | null; errors?: ReadonlyArray<{ extensions?: Record<string, any> }> };
}

describe("report source through the schema", () => {
  it("AUTO (the default) with the mirror IN_SYNC: served from the mirror, equal to LIVE", async () => {
    const auto = await run(undefined);
    const live = await run("LIVE");
    expect(auto.errors).toBeUndefined();
    expect(auto.data!.organization.balanceSheet).toMatchObject({ servedFrom: "MIRROR", source: "COMPUTED", balanced: true });
    expect(live.data!.organization.balanceSheet).toMatchObject({ servedFrom: "LIVE", source: "COMPUTED" });
    expect(auto.data!.organization.balanceSheet.totalAssets).toEqual(live.data!.organization.balanceSheet.totalAssets);
    expect(auto.data!.organization.profitAndLoss.netProfit).toEqual(live.data!.organization.profitAndLoss.netProfit);
    expect(auto.data!.organization.profitAndLoss.servedFrom).toBe("MIRROR");
    expect(Date.parse(auto.data!.organization.balanceSheet.generatedAt)).not.toBeNaN();
  });

  it("without a mirror: AUTO is LIVE; MIRROR is BAD_USER_INPUT on source", async () => {
    expect((await run("AUTO", false)).data!.organization.balanceSheet.servedFrom).toBe("LIVE");
    const refused = await run("MIRROR", false);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "source" }] });
  });
});
