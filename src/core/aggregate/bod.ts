/**
 * Benefit of the doubt (BoD): each unit is aggregated with the weights that show it in the best light.
 */
import { maximizeLinear } from "./simplex.js";
import type { AggregateContext } from "./methods.js";

/**
 * Benefit-of-the-doubt scores, year by year across units (data envelopment analysis with one constant input). For unit
 * u in year t the weights `w >= 0` are those that maximise `Σ_c w[c]·s[u,c]` subject to `Σ_c w[c]·s[v,c] <= 1` for
 * every unit v of that year (no unit may exceed 1 with u's weights); the score is `100·` that maximum, so units on the
 * frontier score 100 and the others the share of the frontier they reach. The tree's weights are not used (the method
 * chooses its own; with one child the score is `100·s[u]/max_v s[v]`), except that a child of weight 0 (shown, not
 * counted) takes no part: the programme is over the children of weight > 0 only, so its score cannot put a unit on
 * the frontier. Only units with every child that takes part observed enter a year; the others are `NaN`. Needs
 * scores >= 0 (reported first by `checkAggregation`); a year where every unit scores 0 on every child gives `NaN`
 * (refused first by `checkAggregation` too). Each programme is solved by `maximizeLinear` (tableau simplex, Bland's
 * rule).
 * @example aggregateBenefitOfTheDoubt([[1, 2], [2, 1]], [0.5, 0.5], { unitCount: 2, yearCount: 1 }, out) // out => [100, 100]
 * Reference: Cherchye, Moesen, Rogge & Van Puyenbroeck (2007), Social Indicators Research 82(1), 111-145; OECD/JRC
 * Handbook (2008), section 6.1 (benefit of the doubt); Compind `ci_bod`.
 */
export function aggregateBenefitOfTheDoubt(
  children: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  context: AggregateContext,
  out: Float64Array,
): Float64Array {
  const { unitCount, yearCount } = context;
  const counted = children.filter((_, c) => weights[c] > 0);
  for (let year = 0; year < yearCount; year++) {
    const rows: number[][] = [];
    const units: number[] = [];
    for (let unit = 0; unit < unitCount; unit++) {
      const cell = unit * yearCount + year;
      const row = counted.map((child) => child[cell]);
      if (row.length === 0 || row.some((score) => !(score >= 0))) out[cell] = Number.NaN;
      else {
        rows.push(row);
        units.push(unit);
      }
    }
    const anyPositive = rows.some((row) => row.some((score) => score > 0));
    rows.forEach((row, i) => {
      const cell = units[i] * yearCount + year;
      out[cell] = anyPositive ? 100 * efficiency(maximizeLinear(row, rows, new Array<number>(rows.length).fill(1)).value) : Number.NaN;
    });
  }
  return out;
}

/**
 * A programme's maximum as an efficiency in [0, 1]. The unit's own constraint bounds it by 1, which the simplex can
 * overshoot or miss by a rounding error (1.0000000000000002, 0.9999999999999999): a unit on the frontier scores 100
 * exactly, never above.
 */
function efficiency(value: number): number {
  return value >= 1 - FRONTIER_TOLERANCE ? 1 : value;
}

/** How close to 1 a programme's maximum is taken to be on the frontier. */
const FRONTIER_TOLERANCE = 1e-12;
