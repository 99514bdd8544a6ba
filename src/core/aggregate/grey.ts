/**
 * Grey relational analysis (Deng 1982): each unit-year's grey relational grade with the ideal, the best score of every
 * child over the panel. The "灰色关联分析" of much of the Chinese evaluation literature, often beside TOPSIS.
 */
import type { AggregateContext } from "./methods.js";

/** The distinguishing coefficient ρ, 0.5 by the convention of the method. */
export const GREY_RHO = 0.5;

/**
 * Grey relational grades on 0-100, over the whole panel. The reference series is the ideal: per child, its best (largest)
 * score over every unit and year of the block. A cell's distance on child c is `Δ = |x⁺[c] − s[c]|`; with `Δmin` and
 * `Δmax` the smallest and largest distance over every child that takes part (weight > 0) and every cell (the two-level
 * extremes of Deng's formula), its relational coefficient is `ξ = (Δmin + ρ·Δmax)/(Δ + ρ·Δmax)`, ρ = 0.5, and its
 * grade the weighted mean of its observed children's coefficients (a missing child left out and the weights
 * renormalised), times 100: 100 at the ideal on every child. A child of weight 0 (shown, not counted) takes no part:
 * it moves neither `Δmin` nor `Δmax`, so it changes no unit's grade. The distances of different children are compared
 * with each other, so the children must be on one scale (normalised scores are). A cell with no observed child of
 * weight > 0, or a panel where every such child sits at its ideal everywhere (`Δmax = 0`: nothing to tell apart), is
 * `NaN` (the second reported first by `checkAggregation`).
 * @example aggregateGrey([[100, 50, 0]], [1], { unitCount: 3, yearCount: 1 }, out) // Δ = 0, 50, 100: out => [100, 50, 33.33...]
 * Reference: Deng, J. (1982), Control problems of grey systems, Systems & Control Letters 1(5), 288-294; Liu, S., Lin, Y.
 * (2010), Grey Systems: Theory and Applications, Springer, ch. 3.
 */
export function aggregateGrey(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, _context: AggregateContext, out: Float64Array): Float64Array {
  const { ideal, smallest, largest } = greyDistances(children, weights, out.length);
  for (let cell = 0; cell < out.length; cell++) {
    let sum = 0;
    let weightSum = 0;
    for (let c = 0; c < children.length; c++) {
      if (!(weights[c] > 0)) continue;
      const distance = Math.abs(ideal[c] - children[c][cell]);
      if (Number.isNaN(distance)) continue;
      sum += weights[c] * ((smallest + GREY_RHO * largest) / (distance + GREY_RHO * largest));
      weightSum += weights[c];
    }
    out[cell] = largest > 0 && weightSum > 0 ? (100 * sum) / weightSum : Number.NaN;
  }
  return out;
}

/**
 * The ideal of every child (its largest score over the `cellCount` cells) and the smallest and largest distance to it
 * over every observed cell of the children that take part (weight > 0) (`largest` is −Infinity when nothing is
 * observed, 0 when nothing varies).
 */
export function greyDistances(
  children: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  cellCount: number,
): { ideal: number[]; smallest: number; largest: number } {
  const ideal = children.map((child) => {
    let best = -Infinity;
    for (let cell = 0; cell < cellCount; cell++) if (child[cell] > best) best = child[cell];
    return best;
  });
  let smallest = Infinity;
  let largest = -Infinity;
  children.forEach((child, c) => {
    if (!(weights[c] > 0)) return;
    for (let cell = 0; cell < cellCount; cell++) {
      const distance = Math.abs(ideal[c] - child[cell]);
      if (Number.isNaN(distance)) continue;
      if (distance < smallest) smallest = distance;
      if (distance > largest) largest = distance;
    }
  });
  return { ideal, smallest, largest };
}
