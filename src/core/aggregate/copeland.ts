/**
 * Copeland outranking: a non-compensatory aggregation that counts pairwise wins and losses between units.
 */
import { ties } from "../tie.js";
import type { AggregateContext } from "./methods.js";

/**
 * Copeland scores, year by year across units. For units u and v of a year, with the children observed for both and
 * their weights `w` renormalised to sum 1, the outranking share is `e(u,v) = Σ w[s_u > s_v] + ½·Σ w[s_u = s_v]`; u
 * beats v when `e > ½` (then +1), loses when `e < ½` (−1), and ties at `e = ½` (0). A unit's score is its wins minus
 * its losses over every other unit observed that year, from −(n − 1) to n − 1. Only the order of the children's scores
 * matters (a large lead on one child cannot buy a loss on a heavier one); scores equal to 12 significant digits tie
 * (`ties`: 0.39999999999999997 against 0.4, a tie that only rounding split). Shares are compared with a tolerance of
 * 1e−12 so that weights like 0.1 + 0.2 against 0.3 tie as they do on paper. A child of weight 0 (shown, not counted)
 * takes no part: a unit without any observed child of weight > 0 is `NaN` (and ties every other unit, counting for
 * neither); a pair of units with no such child observed for both is a tie. With no gaps this is COINr's `a_copeland`
 * (`outrankMatrix` then the sign of `e − ½`).
 * @example aggregateCopeland([[3, 1, 2], [1, 3, 2]], [0.6, 0.4], { unitCount: 3, yearCount: 1 }, out) // out => [2, -2, 0]
 * Reference: COINr `a_copeland`, `outrankMatrix`; Munda & Nardo (2009), Applied Economics 41(12), 1513-1523.
 */
export function aggregateCopeland(
  children: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  context: AggregateContext,
  out: Float64Array,
): Float64Array {
  const { unitCount, yearCount } = context;
  for (let year = 0; year < yearCount; year++) {
    for (let u = 0; u < unitCount; u++) {
      const cellU = u * yearCount + year;
      let observed = false;
      for (let c = 0; c < children.length; c++) if (weights[c] > 0 && !Number.isNaN(children[c][cellU])) observed = true;
      if (!observed) {
        out[cellU] = Number.NaN;
        continue;
      }
      let score = 0;
      for (let v = 0; v < unitCount; v++) {
        if (v === u) continue;
        const cellV = v * yearCount + year;
        let better = 0;
        let worse = 0;
        let total = 0;
        for (let c = 0; c < children.length; c++) {
          const a = children[c][cellU];
          const b = children[c][cellV];
          if (Number.isNaN(a) || Number.isNaN(b)) continue;
          total += weights[c];
          // Scores equal to 12 significant digits tie (tie.ts), as ranks and the rank normalisations tie them.
          if (ties(a, b)) continue;
          if (a > b) better += weights[c];
          else worse += weights[c];
        }
        if (!(total > 0)) continue; // no common child (or v not observed): a tie
        // e > ½ ⟺ better > worse, since e − ½ = (better − worse)/(2·total)
        const margin = (better - worse) / total;
        if (margin > 1e-12) score++;
        else if (margin < -1e-12) score--;
      }
      out[cellU] = score;
    }
  }
  return out;
}
