import { performance } from "node:perf_hooks";
import type { RunningSandbox } from "../src/connector/embedded.js";

interface Sample {
  at: number;
  /** Requests the gateway made to each sandbox so far (what the sandbox served, less the benchmark's own). */
  counts: Record<string, number>;
}

/**
 * Counts the gateway's requests at each sandbox, once a second, so that any window can be read
 * afterwards: calls per minute over it, and the busiest rolling minute inside it.
 */
export function meterRequests(sandboxes: readonly RunningSandbox[], ownRequests: (provider: string) => number = () => 0, everyMs = 1000) {
  const samples: Sample[] = [];
  const take = (): Sample => {
    const sample = { at: performance.now(), counts: Object.fromEntries(sandboxes.map((s) => [s.provider, s.requestCount() - ownRequests(s.provider)])) };
    samples.push(sample);
    return sample;
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  const within = (from: Sample, to: Sample) => samples.filter((s) => s.at >= from.at && s.at <= to.at);

  return {
    /** A sample now, to start or end a window. */
    mark: take,
    /** The first sample taken at or after `at` (a `performance.now()` time). */
    sampleAt: (at: number): Sample => samples.find((s) => s.at >= at) ?? samples[samples.length - 1]!,
    /** Calls per minute over a window (scaled when it is shorter or longer than a minute). */
    perMinute(provider: string, from: Sample, to: Sample): number {
      return ((to.counts[provider]! - from.counts[provider]!) * 60_000) / (to.at - from.at);
    },
    /** The most calls in any 60 s inside the window; undefined when the window is shorter than a minute. */
    peakMinute(provider: string, from: Sample, to: Sample): number | undefined {
      const inside = within(from, to);
      let peak: number | undefined;
      for (const start of inside) {
        const end = [...inside].reverse().find((s) => s.at <= start.at + 60_000);
        if (!end || end.at - start.at < 59_000) continue;
        peak = Math.max(peak ?? 0, end.counts[provider]! - start.counts[provider]!);
      }
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}
export type RequestMeter = ReturnType<typeof meterRequests>;
