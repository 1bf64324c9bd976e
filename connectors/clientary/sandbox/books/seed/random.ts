import { seededRandom as baseRandom, type SeededRandom } from "../../../../../src/infra/seeded-random.js";

/** The shared seeded PRNG plus the draws the Clientary books need: the same seed draws the same books. */
export interface Random extends SeededRandom {
  /** A price-like amount in [min, max] with two decimals. */
  amount(min: number, max: number): number;
}

export function seededRandom(seed: number): Random {
  const random = baseRandom(seed);
  return { ...random, amount: (min, max) => random.int(min * 100, max * 100) / 100 };
}
