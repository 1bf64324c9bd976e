import { graphql, type GatewayProcess } from "../triggers/gateway-process.js";
export { until } from "../support/until.js";

/** Which instance polls an organization, read through GraphQL (lease tests). */
const POLLING = `query($id: ID!) { organization(id: $id) { triggerBudget { callsLastMinute } triggers { lastRunAt } } }`;

export interface Polling {
  /** Calls this instance's pollers made in the last minute (0: it does not poll the organization). */
  calls: number;
  /** The latest poll of any kind, by any instance (the mirror is shared). */
  lastRunAt: number;
}

export async function polling(gateway: GatewayProcess, key: string, organizationId: string): Promise<Polling> {
  const { data } = await graphql<{ organization: { triggerBudget: { callsLastMinute: number } | null; triggers: Array<{ lastRunAt: string | null }> } }>(gateway.url, key, POLLING, { id: organizationId });
  const runs = data.organization.triggers.map((t) => (t.lastRunAt ? Date.parse(t.lastRunAt) : 0));
  return { calls: data.organization.triggerBudget?.callsLastMinute ?? 0, lastRunAt: Math.max(0, ...runs) };
}

/** The gateway process is still running (not exited, not killed). */
export const running = (g: GatewayProcess | undefined): g is GatewayProcess => !!g && g.child.exitCode === null && g.child.signalCode === null;
