/**
 * Growth of every node (overall index, groups and indicator scores), unit by unit: the change on the previous year of
 * the data, and the average yearly change since the first year of the data, each in points and, on a ratio scale
 * (`ratioScale`, as the terminal table decides), in percent.
 */
import type { IndexResult } from "../compute.js";
import { ratioScale } from "../index-scale.js";
import { asShown } from "../number.js";

/**
 * Growth figures laid out like `result.values`: `[(node * unitCount + unit) * yearCount + year]`. Each `v` is a value
 * as Excel shows it (`asShown`: its first 15 significant digits), so that a change is the difference of the printed
 * figures, as a hand computation or Excel's subtraction of them gives it.
 */
export interface Growth {
  /** `v[t] − v[t−1]` in points, `t−1` being the previous year of the data; `NaN` in the first year. */
  change: Float64Array;
  /**
   * `100 · (v[t] − v[t−1]) / v[t−1]`; `NaN` unless `v[t−1] > 0` (a percent of a zero or negative score has no meaning),
   * and `NaN` throughout unless the result is on a ratio scale (`ratioScale`: a min-max, z-score or Copeland score has
   * no natural zero, so the terminal gives its change in points only).
   */
  changePercent: Float64Array;
  /** Average change per year since the first year `f` of the data, in points: `(v[t] − v[f]) / (t − f)`. */
  averageChange: Float64Array;
  /**
   * Compound annual growth rate since the first year `f`, in percent: `100 · ((v[t] / v[f])^(1 / (t − f)) − 1)`, and
   * exactly `100 · (v[t] − v[f]) / v[f]` when `t − f = 1` (the same bits as `changePercent` of that year, `cagrPercent`);
   * `NaN` unless `v[f] > 0` and `v[t] ≥ 0`, and throughout unless the result is on a ratio scale (as `changePercent`).
   */
  cagrPercent: Float64Array;
}

/**
 * The change from `previous` to `value` in percent, `100 · (value − previous) / previous`; `NaN` unless `previous > 0`
 * (a percent of a zero or negative score has no meaning: a z-score going from −1.5 to 0.5 is no "−133 %").
 * @example changePercent(110, 100) // => 10
 * @example changePercent(0.5, -1.5) // => NaN
 */
export function changePercent(value: number, previous: number): number {
  return previous > 0 ? percentOfShown(asShown(value), asShown(previous)) : Number.NaN;
}

/** `changePercent` of two values already `asShown`. */
const percentOfShown = (value: number, previous: number): number => (previous > 0 ? (100 * (value - previous)) / previous : Number.NaN);

/**
 * The change from `previous` to `value` in points, `value − previous`, each taken as Excel shows it (`asShown`: 15
 * significant digits), so that the change printed beside two printed scores is their difference: 108.74999999999999
 * (shown and printed 108.8) less 100 is 8.75, printed 8.8, where the binary difference, 8.749999999999986, prints 8.7.
 * @example change(108.74999999999999, 100) // => 8.75
 */
export function change(value: number, previous: number): number {
  return asShown(value) - asShown(previous);
}

/**
 * The compound annual growth from `first` to `value` over `span` years, in percent: `100 · ((value / first)^(1 / span)
 * − 1)`; `NaN` unless `first > 0` and `value ≥ 0`. Over one year it is the change in percent, computed as
 * `changePercent` does (`100 · (value − first) / first`, one exact difference), so that the two print alike: the power
 * form gives 0.12499999999999734 for 100 -> 100.125, printed 0.12 at two decimals beside a change of 0.125 printed 0.13.
 * @example cagrPercent(121, 100, 2) // => 10
 * @example cagrPercent(100.125, 100, 1) // => 0.125
 */
export function cagrPercent(value: number, first: number, span: number): number {
  return cagrOfShown(asShown(value), asShown(first), span);
}

/** `cagrPercent` of two values already `asShown`. */
function cagrOfShown(value: number, first: number, span: number): number {
  if (!(first > 0) || !(value >= 0)) return Number.NaN;
  return span === 1 ? percentOfShown(value, first) : 100 * (Math.pow(value / first, 1 / span) - 1);
}

/**
 * Computes the growth of every node of a result. Years are the years of the data: when a year is absent, the change
 * runs over the gap, and the average and compound rates divide by the real number of years. `NaN` values give `NaN`.
 * The percentages are left `NaN` unless the result is on a ratio scale (`ratioScale`), where the terminal table too
 * gives the change in percent rather than in points.
 * @example growth of [100, 110, 121] over 2017–2019 // change [NaN, 10, 11], changePercent [NaN, 10, 10], cagrPercent [NaN, 10, 10]
 * Reference: OECD/JRC Handbook (2008), section 8 (presentation: growth of composite indicators over time).
 */
export function computeGrowth(result: Pick<IndexResult, "units" | "years" | "nodes" | "values">): Growth {
  const growth = emptyGrowth(result.values.length);
  const yearCount = result.years.length;
  const percent = ratioScale(result);
  for (let series = 0; series < result.nodes.length * result.units.length; series++)
    seriesGrowth(result.values, series * yearCount, result.years, growth, series * yearCount, percent);
  return growth;
}

/** Growth arrays of `size` cells, all `NaN`. */
export function emptyGrowth(size: number): Growth {
  return {
    change: new Float64Array(size).fill(Number.NaN),
    changePercent: new Float64Array(size).fill(Number.NaN),
    averageChange: new Float64Array(size).fill(Number.NaN),
    cagrPercent: new Float64Array(size).fill(Number.NaN),
  };
}

/**
 * The growth of one series, a node of a unit over the years (`values[start + y]` for year `years[y]`), written into
 * `into` at `at + y` (the first year is left as it is: `NaN` in `emptyGrowth`). Without `percent` (a result not on a
 * ratio scale, `ratioScale`) the percentages are `NaN`.
 */
export function seriesGrowth(values: ArrayLike<number>, start: number, years: readonly number[], into: Growth, at: number, percent = true): void {
  // Each value as Excel shows it (`asShown`), once: the changes are differences of the figures printed.
  const first = asShown(values[start]);
  let previous = first;
  for (let year = 1; year < years.length; year++) {
    const value = asShown(values[start + year]);
    const span = years[year] - years[0];
    const cell = at + year;
    into.change[cell] = value - previous;
    into.changePercent[cell] = percent ? percentOfShown(value, previous) : Number.NaN;
    into.averageChange[cell] = (value - first) / span;
    into.cagrPercent[cell] = percent ? cagrOfShown(value, first, span) : Number.NaN;
    previous = value;
  }
}
