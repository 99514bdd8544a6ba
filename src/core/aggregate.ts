/**
 * Aggregation: a group's value from its children's values and weights, cell by cell over a block of
 * `unitCount * yearCount` cells.
 */
import { messages } from "./messages.js";

export const AGGREGATE_METHODS = ["arithmetic"] as const;
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number];

/**
 * Weighted arithmetic mean `G = Σ w[c]·s[c] / Σ w[c]` (fully compensatory). Children whose score is `NaN` are left out
 * and the weights of the others renormalised (the NBS and COINr rule for missing children); a cell where every child
 * is `NaN` is `NaN`. With weights that sum to 1 and no gaps this is plain `Σ w·s`.
 * @example aggregateArithmetic([[100, 120]], [1], out) // out => [100, 120]
 * Reference: OECD/JRC Handbook (2008), section 6.2 (additive aggregation).
 */
export function aggregateArithmetic(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, out: Float64Array): Float64Array {
  // Summing deviations from the first observed child keeps the mean of equal scores exact (100 in the base year is
  // 100, not 99.99999999999999) whatever rounding the weights carry.
  for (let cell = 0; cell < out.length; cell++) {
    let reference = Number.NaN;
    let sum = 0;
    let weightSum = 0;
    for (let c = 0; c < children.length; c++) {
      const score = children[c][cell];
      if (Number.isNaN(score)) continue;
      if (Number.isNaN(reference)) reference = score;
      sum += weights[c] * (score - reference);
      weightSum += weights[c];
    }
    out[cell] = weightSum > 0 ? reference + sum / weightSum : Number.NaN;
  }
  return out;
}

/** Applies `method` to the children of one group. */
export function aggregate(
  method: AggregateMethod,
  children: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  switch (method) {
    case "arithmetic":
      return aggregateArithmetic(children, weights, out);
    default: {
      const unknown: never = method;
      throw new RangeError(messages.unknownMethod("aggregation", unknown, AGGREGATE_METHODS));
    }
  }
}
