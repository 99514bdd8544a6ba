/**
 * Growth of every node (overall index, groups and indicator scores), unit by unit: the change on the previous year of
 * the data, and the average yearly change since the first year of the data, each in points and, on a ratio scale
 * (`ratioScale`, as the terminal table decides), in percent.
 */
import type { IndexResult } from "../compute.js";
import { ratioScale } from "../index-scale.js";
import { asShown, commonShownScale, differenceAsShown, differenceOfShown } from "../number.js";

/**
 * Growth figures laid out like `result.values`: `[(node * unitCount + unit) * yearCount + year]`. Each `v` is a value
 * as Excel shows it (`asShown`: its first 15 significant digits), and each difference `v[t] − v[s]` is exact in decimal
 * (`differenceOfShown`), so that a change is the difference of the printed figures, as a hand computation gives it.
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
  /**
   * Average change per year since the first year `f` of the data, in points: `(v[t] − v[f]) / (t − f)` (100 ->
   * 100.125 -> 100.1125 averages 0.1125 / 2 = 0.05625, printed 0.0563 at four decimals).
   */
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
const percentOfShown = (value: number, previous: number): number => (previous > 0 ? percentOfChange(differenceOfShown(value, previous), previous) : Number.NaN);

/**
 * `100 · change / previous` of a change `differenceOfShown` gave; `NaN` unless `previous > 0`. Not snapped to 15 digits
 * itself: a printed percentage is rounded by its 15 digits near a half (`toFixedText`), and Excel shows the stored one
 * by its 15 digits, so no figure shown differs, for about 40 ns a value less on a large panel's growth.
 */
const percentOfChange = (change: number, previous: number): number => (previous > 0 ? (100 * change) / previous : Number.NaN);

/**
 * The change from `previous` to `value` in points, `value − previous`, each taken as Excel shows it (`asShown`: 15
 * significant digits) and subtracted exactly in decimal (`differenceAsShown`), so that the change printed beside two
 * printed scores is their difference: 108.74999999999999 (shown and printed 108.8) less 100 is 8.75, printed 8.8,
 * where the binary difference, 8.749999999999986, prints 8.7; 100.05 less 100 is 0.05, printed 0.1, where the binary
 * difference of the two, 0.04999999999999716, prints 0.0.
 * @example change(108.74999999999999, 100) // => 8.75
 * @example change(100.05, 100) // => 0.05
 */
export function change(value: number, previous: number): number {
  return differenceAsShown(value, previous);
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
  const [shown, firstShown] = [asShown(value), asShown(first)];
  return cagrOfShown(shown, firstShown, span, differenceOfShown(shown, firstShown));
}

/** `cagrPercent` of two values already `asShown`, `sinceFirst` their difference (`differenceOfShown`). */
function cagrOfShown(value: number, first: number, span: number, sinceFirst: number): number {
  if (!(first > 0) || !(value >= 0)) return Number.NaN;
  return span === 1 ? percentOfChange(sinceFirst, first) : 100 * (Math.pow(value / first, 1 / span) - 1);
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
  // Each value as Excel shows it (`asShown`), once: the changes are differences of the figures printed, exact in
  // decimal (`differenceOfShown`). Where the series lies in one decade (most do: `commonShownScale`), each figure is a
  // whole number over one scale, and each difference that of two whole numbers: the same numbers, in fewer steps.
  const scale = commonShownScale(values, start, years.length);
  const firstWhole = Math.round(values[start] * scale);
  const first = scale > 0 ? firstWhole / scale : asShown(values[start]);
  let previousWhole = firstWhole;
  let previous = first;
  for (let year = 1; year < years.length; year++) {
    let value: number;
    let change: number;
    let sinceFirst: number;
    if (scale > 0) {
      const whole = Math.round(values[start + year] * scale);
      value = whole / scale;
      change = (whole - previousWhole) / scale;
      sinceFirst = (whole - firstWhole) / scale;
      previousWhole = whole;
    } else {
      value = asShown(values[start + year]);
      change = differenceOfShown(value, previous);
      sinceFirst = differenceOfShown(value, first);
    }
    const span = years[year] - years[0];
    const cell = at + year;
    into.change[cell] = change;
    into.changePercent[cell] = percent ? percentOfChange(change, previous) : Number.NaN;
    // A whole number of years: the quotient prints as its decimal does (`toFixedText` takes 15 digits near a half).
    into.averageChange[cell] = sinceFirst / span;
    into.cagrPercent[cell] = percent ? cagrOfShown(value, first, span, sinceFirst) : Number.NaN;
    previous = value;
  }
}
