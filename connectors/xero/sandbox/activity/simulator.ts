/**
 * A living sandbox: at a steady pace, the organisation does business. Each step picks one action by
 * weight (raise an invoice, enter a bill, take a payment, give credit, spend money, ...) and carries
 * it out through the books' own write rules, so Xero's rules hold, the ledger stays balanced and
 * every change is reported like an API write (persistence, webhooks). Steps draw from a seeded
 * random stream and stamp times from the sandbox clock, so the same seed over the same books does
 * the same things in the same order.
 */
import { createPacedLoop } from "../../../../src/connector/sandbox-activity.js";
import { SeedRandom } from "../books/seed/prng.js";
import type { XeroBooks } from "../books/types.js";
import type { SandboxLogger } from "../runtime.js";
import { createContact, updateContact } from "./contacts.js";
import { approveDraft, createBill, createInvoice, deleteDraft, editDraft, voidInvoice } from "./invoices.js";
import { createCreditNote, recordPayment, receiveMoney, spendMoney } from "./money.js";
import { createQuote } from "./quotes.js";
import type { Action, ActionContext, ActivityAction } from "./types.js";

export type { ActivityAction, ActivityEntity, ActivityKind } from "./types.js";

export interface ActivityOptions {
  /** Milliseconds between steps while running. */
  everyMs: number;
  /** Seed of the activity's random stream. Default: the books' seed. */
  seed?: number;
}

export interface ActivityStats {
  /** Actions carried out. */
  steps: number;
  /** Writes the books refused (a sign the simulator asked for something Xero would not allow). */
  refused: number;
  last?: ActivityAction;
}

export interface SandboxActivity {
  /** Carries out `count` actions now (default 1) and returns them, in order. */
  step(count?: number): ActivityAction[];
  /** Steps every `everyMs` (default: the configured pace) until `stop()`. */
  start(everyMs?: number): void;
  stop(): void;
  readonly running: boolean;
  stats(): ActivityStats;
}

interface ActivityDeps {
  books(): XeroBooks;
  now(): Date;
  /** Called after each action, as a kept API write would be. */
  committed(): void;
  logger: SandboxLogger;
  seed: number;
  everyMs?: number;
}

/** How often each kind of action happens, relative to the others. */
const ACTIONS: readonly (readonly [Action, number])[] = [
  [createInvoice, 18], [createBill, 12], [recordPayment, 16], [approveDraft, 7], [editDraft, 6],
  [createContact, 6], [updateContact, 4], [createQuote, 6], [createCreditNote, 4],
  [voidInvoice, 2], [deleteDraft, 3], [spendMoney, 7], [receiveMoney, 4],
];

export function createActivity(deps: ActivityDeps): SandboxActivity {
  const rng = new SeedRandom(deps.seed);
  const stats: ActivityStats = { steps: 0, refused: 0 };

  function context(): ActionContext {
    const now = deps.now().toISOString();
    const books = deps.books();
    return {
      books, rng, now, today: now.slice(0, 10),
      write(rule, element, mode = "upsert") {
        const [result] = rule(books, [element], { now, mode });
        if (result?.ok) return result.record;
        stats.refused++;
        deps.logger.warn?.("xero sandbox activity: a write was refused", { errors: result && !result.ok ? result.errors : [] });
        return undefined;
      },
    };
  }

  function once(): ActivityAction {
    const ctx = context();
    const left = [...ACTIONS];
    while (left.length > 0) {
      const chosen = rng.weighted(left.map((entry) => [entry, entry[1]] as const));
      const action = chosen[0](ctx);
      if (action) {
        deps.committed();
        stats.steps++;
        stats.last = action;
        return action;
      }
      left.splice(left.indexOf(chosen), 1);
    }
    throw new Error("the activity simulator found nothing it could do");
  }

  const loop = createPacedLoop(once, (error) =>
    deps.logger.error?.("xero sandbox activity: a step failed", { error: String((error as Error)?.stack ?? error) }),
  );
  return {
    step(count = 1) {
      return Array.from({ length: count }, once);
    },
    start(everyMs = deps.everyMs) {
      if (loop.running || !everyMs || everyMs <= 0) return;
      loop.start(everyMs);
    },
    stop() {
      loop.stop();
    },
    get running() {
      return loop.running;
    },
    stats: () => ({ ...stats }),
  };
}
