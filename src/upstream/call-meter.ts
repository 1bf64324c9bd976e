import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts the upstream calls made on behalf of one piece of work (a poller's page, a webhook's
 * lookup), wherever in the call chain the governor runs them. Interactive calls running at the same
 * time are not counted: the count follows the async context of the work, not the organization.
 */
const meters = new AsyncLocalStorage<{ calls: number }>();

export async function meterCalls<T>(work: () => Promise<T>): Promise<{ result: T; calls: number }> {
  const meter = { calls: 0 };
  const result = await meters.run(meter, work);
  return { result, calls: meter.calls };
}

/** Called by the governor for every upstream call it starts (retries included). */
export function countUpstreamCall(): void {
  const meter = meters.getStore();
  if (meter) meter.calls++;
}

/** Like `meterCalls`, but the count is also available when the work throws. */
export async function meterCallsSettled<T>(work: () => Promise<T>): Promise<{ ok: true; result: T; calls: number } | { ok: false; error: unknown; calls: number }> {
  const meter = { calls: 0 };
  try {
    return { ok: true, result: await meters.run(meter, work), calls: meter.calls };
  } catch (error) {
    return { ok: false, error, calls: meter.calls };
  }
}
