import type { RequestHandler } from "express";

/** One dependency `/readyz` asks: `probe` makes a trivial round trip and resolves when it answered. */
export interface ReadinessCheck {
  /** What answers it ("redis", "sqlite", "postgres"…), shown beside the outcome. */
  kind: string;
  probe(): Promise<unknown>;
}

export interface CheckOutcome {
  kind: string;
  status: "ok" | "failed";
  /** How long the round trip took (ok), or how long it was waited for (failed). */
  ms: number;
  /** Why it failed, with any password in a URL masked. */
  error?: string;
}

export interface ReadinessReport {
  status: "ready" | "unready" | "draining";
  checks?: Record<string, CheckOutcome>;
}

export interface ReadinessOptions {
  /** The dependencies to ask, by name (`store`, `eventLog`, `database`…). */
  checks: Record<string, ReadinessCheck>;
  /** How long each check may take before it counts as failed. @default 1000 */
  timeoutMs?: number;
}

export interface Readiness {
  /** From now on the instance reports `draining` (a stop began); there is no way back. */
  drain(): void;
  readonly draining: boolean;
  /** Asks every check at once, each within the deadline. Probes that arrive while one runs share its answer. */
  report(): Promise<ReadinessReport>;
  /** `GET /readyz`: 200 when ready, 503 with the report otherwise; needs no API key. */
  handler(): RequestHandler;
}

/**
 * Readiness of one instance: whether a load balancer should send it traffic. Unlike `/healthz`
 * (the process is alive), it is false while a dependency does not answer within the deadline, and
 * for good once the instance began to stop.
 */
export function createReadiness({ checks, timeoutMs = 1000 }: ReadinessOptions): Readiness {
  let draining = false;
  let running: Promise<ReadinessReport> | undefined;

  async function ask(check: ReadinessCheck): Promise<CheckOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([check.probe(), deadline]);
      return { kind: check.kind, status: "ok", ms: elapsed() };
    } catch (error) {
      return { kind: check.kind, status: "failed", ms: elapsed(), error: describeFailure(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  async function run(): Promise<ReadinessReport> {
    const entries = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await ask(check)] as const));
    const outcomes = Object.fromEntries(entries);
    if (draining) return { status: "draining" };
    return { status: entries.every(([, outcome]) => outcome.status === "ok") ? "ready" : "unready", checks: outcomes };
  }

  const readiness: Readiness = {
    drain() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    report() {
      if (draining) return Promise.resolve({ status: "draining" });
      running ??= run().finally(() => (running = undefined));
      return running;
    },
    handler() {
      return (_req, res, next) => {
        readiness.report().then((report) => {
          res.status(report.status === "ready" ? 200 : 503).set("Cache-Control", "no-store").json(report);
        }, next);
      };
    },
  };
  return readiness;
}

/** A failure's message, one line, at most 200 characters, with `user:password@` in any URL masked. */
function describeFailure(error: unknown): string {
  const inner = error instanceof AggregateError && !error.message ? error.errors[0] : error;
  const message = inner instanceof Error ? inner.message || (inner as NodeJS.ErrnoException).code || inner.name : String(inner);
  return message.replace(/\/\/([^:/@\s]*):[^@/\s]*@/g, "//$1:***@").replace(/\s+/g, " ").slice(0, 200);
}
