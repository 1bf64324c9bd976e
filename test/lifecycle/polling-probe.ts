import { graphql, type GatewayProcess } from "../triggers/gateway-process.js";

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

/** Reads until `done`, failing with the last value read when `timeoutMs` passes. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The gateway process is still running (not exited, not killed). */
export const running = (g: GatewayProcess | undefined): g is GatewayProcess => !!g && g.child.exitCode === null && g.child.signalCode === null;
