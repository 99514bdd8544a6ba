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
 *
 * With `chosen` (`children.length × unitCount × yearCount` values), the weights each unit-year used are written into it,
 * child-major like `IndexResult.values`: `chosen[(c * unitCount + unit) * yearCount + year]`. They are on the score's
 * scale, `100·w`, so that the score is exactly `Σ_c chosen[c]·s[u,c]` (Compind's `ci_bod_weights` are the programme's
 * `w` on its 0-1 scale, `ci_bod_est = Σ w·x`; ours are those ×100, as our score is the efficiency ×100). They are not
 * normalised to sum to 1. A child of weight 0 has 0; a unit-year whose score is `NaN` has `NaN` for every child. Where
 * the optimum is not unique (a unit on the frontier, or a child the best unit does not need), the vertex the simplex
 * stops at is reported: the lowest-index improving child enters first (Bland's rule), so a unit best on the first
 * child puts all its admissible weight there.
 * @example aggregateBenefitOfTheDoubt([[1, 2], [2, 1]], [0.5, 0.5], { unitCount: 2, yearCount: 1 }, out) // out => [100, 100]
 * Reference: Cherchye, Moesen, Rogge & Van Puyenbroeck (2007), Social Indicators Research 82(1), 111-145; OECD/JRC
 * Handbook (2008), section 6.1 (benefit of the doubt); Compind `ci_bod` (`Benchmarking::dea.dual` with one constant
 * input, input orientation, constant returns; its example checks `ci_bod_est` as `Σ ci_bod_weights·x`).
 */
export function aggregateBenefitOfTheDoubt(
  children: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  context: AggregateContext,
  out: Float64Array,
  chosen?: Float64Array,
): Float64Array {
  const { unitCount, yearCount } = context;
  const blockSize = unitCount * yearCount;
  const countedPositions = children.flatMap((_, c) => (weights[c] > 0 ? [c] : []));
  const counted = countedPositions.map((c) => children[c]);
  // Every child's weight 0 to begin with (a child of weight 0 takes no part); the cells without a score are set NaN below.
  chosen?.fill(0, 0, children.length * blockSize);
  // The weights of a unit-year: the programme's solution `x` (over the counted children) ×100×`scale`; none: NaN.
  const setChosen = (cell: number, x?: readonly number[], scale = 1) => {
    if (!chosen) return;
    if (x === undefined) for (let c = 0; c < children.length; c++) chosen[c * blockSize + cell] = Number.NaN;
    else countedPositions.forEach((c, k) => (chosen[c * blockSize + cell] = 100 * scale * x[k]));
  };
  for (let year = 0; year < yearCount; year++) {
    const rows: number[][] = [];
    const units: number[] = [];
    for (let unit = 0; unit < unitCount; unit++) {
      const cell = unit * yearCount + year;
      const row = counted.map((child) => child[cell]);
      if (row.length === 0 || row.some((score) => !(score >= 0))) {
        out[cell] = Number.NaN;
        setChosen(cell);
      } else {
        rows.push(row);
        units.push(unit);
      }
    }
    const anyPositive = rows.some((row) => row.some((score) => score > 0));
    rows.forEach((row, i) => {
      const cell = units[i] * yearCount + year;
      if (!anyPositive) {
        out[cell] = Number.NaN;
        setChosen(cell);
        return;
      }
      const solution = maximizeLinear(row, rows, new Array<number>(rows.length).fill(1));
      const value = efficiency(solution.value);
      out[cell] = 100 * value;
      // On the frontier the score is 100 exactly: the weights are scaled by the same rounding, so they give it back.
      setChosen(cell, solution.x, solution.value > 0 ? value / solution.value : 1);
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
