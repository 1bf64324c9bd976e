/**
 * A living sandbox: business activity at a steady pace, written through the books' own writes, so
 * Daftra's rules hold, every journal balances and the data file keeps it. Each step draws from a
 * generator keyed on the seed and the step number (kept in the books), so the same seed over the
 * same books does the same things, across restarts too.
 */
import { createPrng } from "../books/prng.js";
import { createPacedLoop, weightedPick } from "../../../../src/connector/sandbox-activity.js";
import type { SandboxRuntime } from "../runtime.js";
import { ACTIONS } from "./actions/index.js";
import type { ActivityAction, ActivityContext, ActivityRecord } from "./types.js";

export type { ActivityEntity, ActivityKind, ActivityRecord } from "./types.js";

export interface ActivityOptions {
  /** Seed of the draws. */
  seed: number;
  /** Pace of `start()` when it is given none. @default 5000 */
  everyMs?: number;
}

export interface SandboxActivity {
  /** Takes `n` steps at once, each one business action; answers what was done. */
  step(n?: number): ActivityRecord[];
  /** Takes a step every `everyMs` until `stop()` (a second `start` changes the pace). */
  start(everyMs?: number): void;
  stop(): void;
  readonly running: boolean;
  /** Steps taken on these books so far. */
  readonly steps: number;
}

/** Mixes the seed and a step number into one 32-bit seed (murmur3's finaliser). */
function stepSeed(seed: number, step: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) ^ step;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Draws an action by weight among those not yet tried in this step. */
const draw = (ctx: ActivityContext, actions: readonly ActivityAction[]): ActivityAction => weightedPick(actions, (a) => a.weight, ctx.rng.next());

export function createActivity(runtime: SandboxRuntime, options: ActivityOptions): SandboxActivity {

  /** One action: the drawn one, or when it has nothing to act on, another drawn from the rest. */
  function once(): ActivityRecord | undefined {
    const { books } = runtime.state;
    const step = books.activitySteps ?? 0;
    books.activitySteps = step + 1;
    const now = runtime.now();
    const ctx: ActivityContext = { books, rng: createPrng(stepSeed(options.seed, step)), now, today: now.toISOString().slice(0, 10) };
    let left = [...ACTIONS];
    while (left.length) {
      const action = draw(ctx, left);
      const done = action.run(ctx);
      if (done) return done;
      left = left.filter((a) => a !== action);
    }
    return undefined;
  }

  const activity: SandboxActivity = {
    step(n = 1) {
      const done: ActivityRecord[] = [];
      try {
        for (let i = 0; i < n; i++) {
          const record = once();
          if (record) done.push(record);
        }
      } finally {
        runtime.changed();
      }
      return done;
    },
    start(everyMs = options.everyMs ?? 5000) {
      loop.start(everyMs);
    },
    stop() {
      loop.stop();
    },
    get running() {
      return loop.running;
    },
    get steps() {
      return runtime.state.books.activitySteps ?? 0;
    },
  };
  // A failed step leaves the books as the writes left them; the next one draws afresh.
  const loop = createPacedLoop(() => activity.step());
  return activity;
}
