/**
 * The living sandbox: simulated business activity on the books. Each step picks one action, weighted
 * among those the books allow (no draft to send, no room left in the plan...), and performs it through
 * the same writes the API's routes use, so every rule holds and the data file is saved after it.
 * Draws come from a PRNG seeded apart from the books, timestamps from the sandbox clock: the same
 * seed, books and clock take the same steps.
 */
import { createPacedLoop, weightedPick } from "../../../../src/connector/sandbox-activity.js";
import { seededRandom } from "../books/seed/random.js";
import type { SandboxRuntime } from "../runtime.js";
import { activityContext, type ActivityAction, type ActivityChange, type ActivityContext } from "./context.js";
import { partyActions } from "./parties.actions.js";
import { salesActions } from "./sales.actions.js";
import { workActions } from "./work.actions.js";

export type { ActivityChange, ActivityEntity, ActivityKind } from "./context.js";

export interface ActivityOptions {
  /** Milliseconds between two steps while running. */
  everyMs: number;
  /** Seed of the activity's own PRNG. @default the books' seed */
  seed?: number;
}

export interface SandboxActivity {
  /** Takes `n` steps now and answers the records they wrote, in order. */
  step(n?: number): ActivityChange[];
  /** Takes a step every `everyMs` (the configured pace unless given) until `stop()`; already running ⇒ restarts at that pace. */
  start(everyMs?: number): void;
  stop(): void;
  readonly running: boolean;
  /** Steps taken so far, by `step()` and by the timer. */
  readonly steps: number;
  /** Timer steps the books refused (a simulator bug, never expected); the timer carries on. */
  readonly failures: number;
}

const ACTIONS: readonly ActivityAction[] = [...partyActions, ...workActions, ...salesActions];
const DEFAULT_EVERY_MS = 5_000;

function choose(ctx: ActivityContext): ActivityAction {
  return weightedPick(ACTIONS.filter((action) => action.possible(ctx)), (action) => action.weight, ctx.random.next());
}

function checkPace(everyMs: number): number {
  if (!Number.isFinite(everyMs) || everyMs < 1) throw new RangeError(`activity everyMs must be a number of milliseconds (1 or more), got ${everyMs}`);
  return everyMs;
}

/** The activity of one sandbox; it does nothing until stepped or started. */
export function createSandboxActivity(runtime: SandboxRuntime, options: Partial<ActivityOptions> = {}): SandboxActivity {
  const ctx = activityContext(runtime.books, seededRandom(options.seed ?? runtime.books.seed), runtime.now);
  const pace = checkPace(options.everyMs ?? DEFAULT_EVERY_MS);
  let steps = 0;
  let failures = 0;

  const stepOnce = (): ActivityChange[] => {
    try {
      return choose(ctx).run(ctx);
    } finally {
      steps += 1;
      runtime.changed();
    }
  };

  const loop = createPacedLoop(stepOnce, () => (failures += 1));
  const activity: SandboxActivity = {
    step(n = 1) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`activity.step takes a whole number of steps, got ${n}`);
      return Array.from({ length: n }, stepOnce).flat();
    },
    start(everyMs = pace) {
      loop.start(checkPace(everyMs));
    },
    stop() {
      loop.stop();
    },
    get running() {
      return loop.running;
    },
    get steps() {
      return steps;
    },
    get failures() {
      return failures;
    },
  };
  return activity;
}
