/**
 * Outlier treatment before normalisation, by the JRC rule as COINr implements it: an indicator needs treatment when
 * its absolute skewness exceeds 2 and its kurtosis exceeds 3.5 (both over every observed unit and year of the indicator).
 *
 * - `winsorise`: COINr's `winsorise()`: while the rule fails and fewer than `maxPoints` points are treated, the most
 *   extreme value on the side of the skew (the maximum when skewness >= 0, else the minimum; tied points together) is
 *   replaced by the next value inside it. An indicator that still fails after `maxPoints` points is left winsorised and
 *   reported with a warning (COINr's default then log-transforms the original values: `winsorise-log`).
 * - `log`: COINr's `log_CT()` for an indicator that fails the rule: `x' = ln(x − min + 0.01·(max − min))`, every cell.
 * - `winsorise-log`: COINr's default treatment (`Treat()` with `f1 = "winsorise"`, `f2 = "log_CT"`, `combine_treat =
 *   FALSE`): winsorise as above; an indicator that still fails after `maxPoints` points is log-transformed instead,
 *   from its original values (the winsorised ones are dropped), and warned of if it fails even then.
 * - `sqrt`: the European Innovation Scoreboard's rule, with its own test: an indicator whose skewness is above 1 (a
 *   long right tail: most units low, a few very high) is replaced by its square root, `x' = √x`, every cell (the
 *   values must be >= 0). Unlike the JRC rule it looks at the skewness only, and only at a right skew.
 * - `none`: nothing.
 *
 * Skewness and kurtosis are the sample statistics of Excel `SKEW`/`KURT` (e1071 type 2), as in COINr's `skew()` and `kurt()`.
 * Reference: OECD/JRC Handbook (2008), step 4; Becker et al. (2022), COINr, JOSS; COINr `R/treat.R`.
 */
import type { Issue } from "../errors.js";
import { messages } from "./messages.js";
import { indicatorBlock, type Panel } from "./panel.js";
import { maxOf, minOf } from "./arrays.js";

export const OUTLIER_METHODS = ["none", "winsorise", "log", "sqrt", "winsorise-log"] as const;
export type OutlierMethod = (typeof OUTLIER_METHODS)[number];

/** The thresholds of the JRC rule. */
export const SKEWNESS_THRESHOLD = 2;
export const KURTOSIS_THRESHOLD = 3.5;
/** The EIS rule: an indicator whose skewness is above this is square-rooted (`sqrt`). */
export const SQRT_SKEWNESS_THRESHOLD = 1;

/** One treated cell: its value before and after. */
export interface Treatment {
  unit: string;
  year: number;
  indicator: string;
  method: "winsorise-high" | "winsorise-low" | "log" | "sqrt";
  original: number;
  value: number;
}

/** Reads an outlier method word (`winsorize` is accepted too); `undefined` if it is none. */
export function parseOutlierMethod(text: string): OutlierMethod | undefined {
  const word = text.trim().toLowerCase().replace("winsorize", "winsorise");
  return (OUTLIER_METHODS as readonly string[]).includes(word) ? (word as OutlierMethod) : undefined;
}

/**
 * Sample skewness `G1 = g1·√(n(n−1))/(n−2)` with `g1 = √n·Σd³/(Σd²)^(3/2)`, `d = x − mean` (Excel `SKEW`).
 * `NaN` with fewer than 3 values or no spread.
 * @example skewness([1, 2, 3, 10]) // => 1.7636...
 */
export function skewness(values: readonly number[]): number {
  const n = values.length;
  if (n < 3) return Number.NaN;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  let m2 = 0;
  let m3 = 0;
  for (const value of values) {
    const d = value - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  if (!(m2 > 0)) return Number.NaN;
  return ((Math.sqrt(n) * m3) / Math.pow(m2, 1.5)) * (Math.sqrt(n * (n - 1)) / (n - 2));
}

/**
 * Sample excess kurtosis `G2 = ((n+1)(r−3)+6)(n−1)/((n−2)(n−3))` with `r = n·Σd⁴/(Σd²)²` (Excel `KURT`).
 * `NaN` with fewer than 4 values or no spread.
 */
export function kurtosis(values: readonly number[]): number {
  const n = values.length;
  if (n < 4) return Number.NaN;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  let m2 = 0;
  let m4 = 0;
  for (const value of values) {
    const d2 = (value - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  if (!(m2 > 0)) return Number.NaN;
  const r = (n * m4) / (m2 * m2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/** True when the values need treatment: |skewness| > 2 and kurtosis > 3.5 (false when either is undefined). */
export function failsOutlierRule(values: readonly number[]): boolean {
  return Math.abs(skewness(values)) > SKEWNESS_THRESHOLD && kurtosis(values) > KURTOSIS_THRESHOLD;
}

/** True when the EIS rule square-roots the values: skewness (Excel `SKEW`) above 1 (false when it is undefined). */
export function needsSquareRoot(values: readonly number[]): boolean {
  return skewness(values) > SQRT_SKEWNESS_THRESHOLD;
}

/**
 * The EIS square-root transform `√x` of the observed values, in place. Returns false (values untouched) when a value
 * is below 0.
 */
export function squareRootTransform(values: Float64Array): boolean {
  for (const value of values) if (value < 0) return false;
  for (let cell = 0; cell < values.length; cell++) values[cell] = Math.sqrt(values[cell]);
  return true;
}

/**
 * Winsorises `values` (`NaN` ignored) in place by COINr's rule, treating at most `maxPoints` points (tied extremes go
 * together, so the count may pass `maxPoints` by the ties of the last step). Returns the number of treated points and
 * whether the rule holds afterwards.
 * @example winsorise([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 5) // values => [1, ..., 9, 9]; { points: 1, passes: true }
 */
export function winsorise(values: Float64Array, maxPoints: number): { points: number; passes: boolean } {
  const cells: number[] = [];
  for (let cell = 0; cell < values.length; cell++) if (!Number.isNaN(values[cell])) cells.push(cell);
  const current = () => cells.map((cell) => values[cell]);
  let passes = !failsOutlierRule(current());
  let high: number[] = [];
  let low: number[] = [];
  while (!passes && high.length + low.length < maxPoints) {
    const list = current();
    const upper = skewness(list) >= 0;
    const extreme = upper ? maxOf(list) : minOf(list);
    const inside = list.filter((value) => value !== extreme);
    if (inside.length === 0) break;
    // Points winsorised before sit at the extreme now, so they are counted again with it (as in COINr).
    const tied = cells.filter((cell) => values[cell] === extreme);
    const replacement = upper ? maxOf(inside) : minOf(inside);
    for (const cell of tied) values[cell] = replacement;
    if (upper) high = tied;
    else low = tied;
    passes = !failsOutlierRule(current());
  }
  return { points: high.length + low.length, passes };
}

/**
 * COINr's `log_CT`: `ln(x − min + 0.01·(max − min))` over the observed values, in place. Returns false (values
 * untouched) when max = min.
 */
export function logTransform(values: Float64Array): boolean {
  let minValue = Infinity;
  let maxValue = -Infinity;
  for (const value of values)
    if (!Number.isNaN(value)) {
      minValue = Math.min(minValue, value);
      maxValue = Math.max(maxValue, value);
    }
  if (!(maxValue > minValue)) return false;
  const shift = 0.01 * (maxValue - minValue) - minValue;
  for (let cell = 0; cell < values.length; cell++) values[cell] = Math.log(values[cell] + shift);
  return true;
}

export interface TreatedPanel {
  panel: Panel;
  treatments: Treatment[];
  warnings: Issue[];
  /** Per indicator (panel order), whether its values were log-transformed (in one year at least, under scope `year`). */
  logged: boolean[];
}

/** Over which cells the rule and the treatment run: all units and years of an indicator, or each year's units apart. */
export const OUTLIER_SCOPES = ["panel", "year"] as const;
export type OutlierScope = (typeof OUTLIER_SCOPES)[number];
/** The scope when none is given: the whole panel of an indicator. */
export const DEFAULT_OUTLIER_SCOPE: OutlierScope = "panel";
/** The most points winsorised per indicator (and year, with scope `year`) when no limit is given, as COINr's `winmax`. */
export const DEFAULT_WINSOR_MAX = 5;

/**
 * Treats every indicator by its method (`methods[i]` for `panel.indicators[i]`), recording every changed cell. With
 * `scope` `panel` (default) the rule and the `maxPoints` limit apply to all observed units and years of the indicator
 * together; with `year`, to each year's units apart (as COINr treats each year of a panel). A log-transformed
 * indicator normalised by the fixed-base index (`fixedBase`, one for all or one per indicator) gets a warning.
 */
export function treatOutliers(
  panel: Panel,
  methods: readonly OutlierMethod[],
  maxPoints: number,
  fixedBase: boolean | readonly boolean[] = false,
  scope: OutlierScope = DEFAULT_OUTLIER_SCOPE,
): TreatedPanel {
  const loggedIndicators = panel.indicators.map(() => false);
  if (methods.every((method) => method === "none")) return { panel, treatments: [], warnings: [], logged: loggedIndicators };
  const values = new Float64Array(panel.values);
  const result: Panel = { ...panel, values };
  const treatments: Treatment[] = [];
  const warnings: Issue[] = [];
  const unitCount = panel.units.length;
  const yearCount = panel.years.length;
  const sets: { year?: number; cells: number[] }[] =
    scope === "panel"
      ? [{ cells: Array.from({ length: unitCount * yearCount }, (_, cell) => cell) }]
      : panel.years.map((year, t) => ({ year, cells: Array.from({ length: unitCount }, (_, u) => u * yearCount + t) }));
  panel.indicators.forEach((indicator, i) => {
    const method = methods[i];
    if (method === "none") return;
    const block = indicatorBlock(result, i);
    const original = Float64Array.from(block);
    // The cells the log transform changed (under `winsorise-log`, some sets may be winsorised and others logged).
    const loggedCells = new Uint8Array(block.length);
    let logged = false;
    for (const set of sets) {
      const part = Float64Array.from(set.cells, (cell) => block[cell]);
      const observed = [...part].filter((value) => !Number.isNaN(value));
      if (method === "sqrt") {
        if (!needsSquareRoot(observed)) continue;
        if (!squareRootTransform(part)) {
          warnings.push({ code: "W_SQRT_UNDEFINED", message: messages.sqrtUndefined(indicator, minOf(observed), set.year), id: indicator });
          continue;
        }
      } else if (!failsOutlierRule(observed)) continue;
      else if (method === "winsorise" || method === "winsorise-log") {
        const before = Float64Array.from(part);
        const outcome = winsorise(part, maxPoints);
        if (!outcome.passes && method === "winsorise-log") {
          // COINr's second treatment: log_CT of the original values, not of the winsorised ones.
          part.set(before);
          if (!logTransform(part)) {
            warnings.push({ code: "W_LOG_UNDEFINED", message: messages.logUndefined(indicator), id: indicator });
            continue;
          }
          logged = true;
          set.cells.forEach((cell) => (loggedCells[cell] = 1));
          const after = [...part].filter((value) => !Number.isNaN(value));
          if (failsOutlierRule(after))
            warnings.push({ code: "W_OUTLIERS_REMAIN", message: messages.outliersRemainLogged(indicator, outcome.points, skewness(after), kurtosis(after), set.year), id: indicator });
        } else if (!outcome.passes) {
          const after = [...part].filter((value) => !Number.isNaN(value));
          warnings.push({
            code: "W_OUTLIERS_REMAIN",
            message: messages.outliersRemain(indicator, outcome.points, skewness(after), kurtosis(after), set.year),
            id: indicator,
          });
        }
      } else if (!logTransform(part)) {
        warnings.push({ code: "W_LOG_UNDEFINED", message: messages.logUndefined(indicator), id: indicator });
        continue;
      } else {
        logged = true;
        set.cells.forEach((cell) => (loggedCells[cell] = 1));
      }
      set.cells.forEach((cell, k) => (block[cell] = part[k]));
    }
    loggedIndicators[i] = logged;
    if (logged && (typeof fixedBase === "boolean" ? fixedBase : fixedBase[i]))
      warnings.push({ code: "W_LOG_FIXED_BASE", message: messages.logWithFixedBase(indicator), id: indicator });
    for (let cell = 0; cell < block.length; cell++) {
      if (Number.isNaN(original[cell]) || block[cell] === original[cell]) continue;
      treatments.push({
        unit: panel.units[Math.floor(cell / yearCount)],
        year: panel.years[cell % yearCount],
        indicator,
        method: loggedCells[cell] === 1 ? "log" : method === "sqrt" ? method : block[cell] < original[cell] ? "winsorise-high" : "winsorise-low",
        original: original[cell],
        value: block[cell],
      });
    }
  });
  return { panel: result, treatments, warnings, logged: loggedIndicators };
}
