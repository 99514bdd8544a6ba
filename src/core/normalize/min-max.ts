/**
 * Min-max scaling onto 0-100 (or the range `LOW`-`HIGH` of `--range`), over the whole panel, within each year, or
 * between goalposts given in the tree.
 */
import { DEFAULT_RANGE, type NormalizeContext } from "./methods.js";
import { forEachCellSet, type Scope } from "./cells.js";

/**
 * 1, or ½ when `max − min` is beyond a number (values near ±1.8e308, whose range would be Infinity and every share 0 or
 * `NaN`): the values and the range are halved then, exactly, and their shares are unchanged. Used by the scalings by a
 * range (min-max, goalposts, distance to the best).
 */
export const rangeFactor = (minValue: number, maxValue: number): number => (Number.isFinite(maxValue - minValue) || !Number.isFinite(maxValue) || !Number.isFinite(minValue) ? 1 : 0.5);

/**
 * `low + (high − low)·(x − min)/(max − min)` for a positive indicator, `low + (high − low)·(max − x)/(max − min)` for a
 * negative one (low, high = `context.range`, default 0, 100: COINr's `n_minmax(x, l_u = c(low, high))`), with min and
 * max over `scope`. `NaN` cells are ignored for min and max and stay `NaN`. When max = min the score is 0/0, `NaN`
 * (COINr's `n_minmax` returns `NaN` with a warning; `checkNormalization` makes it an error naming the indicator).
 */
function minMax(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array, scope: Scope): Float64Array {
  const positive = context.direction === "positive";
  const { low, high } = context.range ?? DEFAULT_RANGE;
  const span = high - low;
  forEachCellSet(context, scope, (start, step, count) => {
    const end = start + step * count;
    let minValue = Infinity;
    let maxValue = -Infinity;
    for (let cell = start; cell < end; cell += step) {
      const value = values[cell]; // NaN compares false both ways, so missing cells are skipped
      if (value < minValue) minValue = value;
      if (value > maxValue) maxValue = value;
    }
    // Halved when the range is beyond a number (1e308 − (−1e308)): halving is exact and the shares are the same.
    const half = rangeFactor(minValue, maxValue);
    const range = maxValue * half - minValue * half;
    for (let cell = start; cell < end; cell += step) {
      const value = values[cell];
      if (!(range > 0) || Number.isNaN(value)) out[cell] = Number.NaN;
      else {
        // The share of the range first, so that the best value scores `high` and the worst `low` exactly
        // (`span·range/range` is an ulp off `span` for one range in ten).
        const share = (positive ? value * half - minValue * half : maxValue * half - value * half) / range;
        out[cell] = share === 1 ? high : low + span * share;
      }
    }
  });
  return out;
}

/**
 * Min-max over the whole panel (every unit and year together, the European Innovation Scoreboard practice, so scores
 * are comparable over time), on a 0-100 scale: `100·(x − min)/(max − min)`, or `100·(max − x)/(max − min)` for a
 * negative indicator. `NaN` cells are ignored for min and max and stay `NaN`. When max = min every score is `NaN`.
 * @example normalizeMinMax([2, 4, 6], { unitCount: 1, yearCount: 3, baseYear: 0, direction: "positive" }, out) // out => [0, 50, 100]
 * Reference: OECD/JRC Handbook (2008), section 5; European Innovation Scoreboard methodology report.
 */
export function normalizeMinMax(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  return minMax(values, context, out, "panel");
}

/**
 * Min-max within each year (min and max across the units of that year): the best unit of every year scores 100 and
 * the worst 0, so scores rank units within a year but are not comparable over time.
 * @example normalizeMinMaxYear([1, 5, 3, 9], { unitCount: 2, yearCount: 2, baseYear: 0, direction: "positive" }, out) // out => [0, 0, 100, 100]
 * Reference: OECD/JRC Handbook (2008), section 5; COINr `n_minmax` applied year by year.
 */
export function normalizeMinMaxYear(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  return minMax(values, context, out, "year");
}

/**
 * Min-max between fixed goalposts (the tree's `min` and `max` columns): `100·(x − min)/(max − min)`, or
 * `100·(max − x)/(max − min)` for a negative indicator, truncated to [0, 100] (a value beyond a goalpost scores as the
 * goalpost); on the scale `context.range` (`--range LOW,HIGH`), `LOW + (HIGH − LOW)·share`, truncated to [LOW, HIGH].
 * Scores are comparable over time and across runs because the goalposts do not move with the data. With `--range
 * 70,130` they are the scores of the adjusted Mazziotta–Pareto index (Mazziotta & Pareto 2016; Compind `ci_ampi`,
 * whose goalposts are a reference value ± half the indicator's range over the data, and which does not truncate).
 * @example normalizeGoalposts([0, 5, 20], { unitCount: 1, yearCount: 3, baseYear: 0, direction: "positive", goalposts: { min: 0, max: 10 } }, out) // out => [0, 50, 100]
 * Reference: COINr `n_goalposts(x, gposts = c(l, u, 100), trunc2posts = TRUE)`; Global Innovation Index, AMPI.
 */
export function normalizeGoalposts(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const { min: minValue, max: maxValue } = context.goalposts ?? { min: Number.NaN, max: Number.NaN };
  const { low, high } = context.range ?? DEFAULT_RANGE;
  const span = high - low;
  const half = rangeFactor(minValue, maxValue);
  const range = maxValue * half - minValue * half;
  const size = context.unitCount * context.yearCount;
  for (let cell = 0; cell < size; cell++) {
    const value = values[cell];
    if (!(range > 0) || Number.isNaN(value)) {
      out[cell] = Number.NaN;
      continue;
    }
    // The share of the goalposts' range first, truncated to [0, 1], so that a goalpost scores `low` or `high` exactly.
    const share = (context.direction === "positive" ? value * half - minValue * half : maxValue * half - value * half) / range;
    out[cell] = share <= 0 ? low : share >= 1 ? high : low + span * share;
  }
  return out;
}
