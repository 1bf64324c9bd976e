import { Decimal } from "decimal.js";
import type { Posting } from "./ledger.js";

const ZERO = new Decimal(0);

/** A cut-off before every posting: balances "up to" it are zero. */
export const BEGINNING = "";

/**
 * Running balances at a few cut-off dates, built in one pass over the postings: each posting
 * lands in the bucket of the first cut-off on or after its date (postings after the last are
 * ignored); prefix sums then give every account's balance at every cut-off.
 */
export class BalanceIndex {
  private readonly cutoffs: string[];
  private readonly position = new Map<string, number>();
  private readonly running = new Map<string, Decimal[]>();

  constructor(cutoffs: Iterable<string>, postings: readonly Posting[]) {
    this.cutoffs = [...new Set(cutoffs)].sort();
    this.cutoffs.forEach((date, i) => this.position.set(date, i));
    const bucketOf = new Map<string, number>();
    for (const posting of postings) {
      let bucket = bucketOf.get(posting.date);
      if (bucket === undefined) bucketOf.set(posting.date, (bucket = this.bucketFor(posting.date.slice(0, 10))));
      if (bucket === this.cutoffs.length) continue;
      const buckets = this.running.get(posting.accountRemoteId) ?? this.open(posting.accountRemoteId);
      buckets[bucket] = buckets[bucket].plus(posting.amount);
    }
    for (const buckets of this.running.values()) {
      for (let i = 1; i < buckets.length; i++) buckets[i] = buckets[i].plus(buckets[i - 1]);
    }
  }

  /** Accounts that have at least one posting on or before the last cut-off. */
  accountIds(): IterableIterator<string> {
    return this.running.keys();
  }

  /** Sum of the account's postings dated on or before `cutoff` (one of the cut-offs). */
  upTo(accountId: string, cutoff: string): Decimal {
    const index = this.position.get(cutoff);
    if (index === undefined) throw new Error(`BalanceIndex: ${cutoff} is not a cut-off date`);
    return this.running.get(accountId)?.[index] ?? ZERO;
  }

  private open(accountId: string): Decimal[] {
    const buckets = this.cutoffs.map(() => ZERO);
    this.running.set(accountId, buckets);
    return buckets;
  }

  private bucketFor(date: string): number {
    let low = 0;
    let high = this.cutoffs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.cutoffs[mid] < date) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
