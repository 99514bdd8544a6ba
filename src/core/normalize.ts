/**
 * Normalisation: turning each indicator's values into comparable scores.
 * Every method works on one indicator block of the panel (`unitCount * yearCount` cells, unit-major) and writes
 * into `out`; `NaN` in gives `NaN` out.
 */
import type { Issue } from "../errors.js";
import { messages } from "./messages.js";
import { indicatorBlock, type Panel } from "./panel.js";
import type { Direction } from "./types.js";

export const NORMALIZE_METHODS = ["fixed-base", "min-max"] as const;
export type NormalizeMethod = (typeof NORMALIZE_METHODS)[number];

/** Everything a method may need besides the values. */
export interface NormalizeContext {
  unitCount: number;
  yearCount: number;
  direction: Direction;
  /** Position of the base year in the panel's years (fixed-base, chain). */
  baseYear: number;
}

/**
 * Fixed-base index (定基指数, NBS China Innovation Index, Changzhou index): for a positive indicator
 * `100 * x[t] / x[base]`, for a negative one `100 * x[base] / x[t]`, unit by unit. Every unit scores exactly 100 in the
 * base year. A base of 0 or `NaN` gives `NaN` for the whole unit (callers report it first with `checkFixedBase`).
 * @example normalizeFixedBase([50, 60, 75], { unitCount: 1, yearCount: 3, baseYear: 0, direction: "positive" }, out) // out => [100, 120, 150]
 * Reference: OECD/JRC Handbook (2008), section 5 (normalisation), "indicization".
 */
export function normalizeFixedBase(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const { unitCount, yearCount, baseYear, direction } = context;
  for (let unit = 0; unit < unitCount; unit++) {
    const start = unit * yearCount;
    const base = values[start + baseYear];
    const defined = base !== 0 && !Number.isNaN(base);
    for (let year = 0; year < yearCount; year++) {
      const value = values[start + year];
      if (!defined) out[start + year] = Number.NaN;
      else if (year === baseYear) out[start + year] = Number.isNaN(value) ? Number.NaN : 100; // exact, whatever the rounding
      else out[start + year] = direction === "positive" ? (100 * value) / base : (100 * base) / value;
    }
  }
  return out;
}

/**
 * Min-max over the whole panel (every unit and year together, the European Innovation Scoreboard practice, so scores
 * are comparable over time), on a 0-100 scale: `100 * (x - min) / (max - min)`, or `100 * (max - x) / (max - min)` for
 * a negative indicator. `NaN` cells are ignored for min and max and stay `NaN`. When max = min every score is
 * undefined (`NaN`).
 * @example normalizeMinMax([2, 4, 6], { unitCount: 1, yearCount: 3, baseYear: 0, direction: "positive" }, out) // out => [0, 50, 100]
 * Reference: OECD/JRC Handbook (2008), section 5; European Innovation Scoreboard methodology report.
 */
export function normalizeMinMax(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  let minValue = Infinity;
  let maxValue = -Infinity;
  const size = context.unitCount * context.yearCount;
  for (let cell = 0; cell < size; cell++) {
    const value = values[cell];
    if (value < minValue) minValue = value;
    if (value > maxValue) maxValue = value;
  }
  const range = maxValue - minValue;
  for (let cell = 0; cell < size; cell++) {
    const value = values[cell];
    if (!(range > 0)) out[cell] = Number.NaN;
    else out[cell] = context.direction === "positive" ? (100 * (value - minValue)) / range : (100 * (maxValue - value)) / range;
  }
  return out;
}

/** Applies `method` to one indicator block. */
export function normalize(method: NormalizeMethod, values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  switch (method) {
    case "fixed-base":
      return normalizeFixedBase(values, context, out);
    case "min-max":
      return normalizeMinMax(values, context, out);
    default: {
      const unknown: never = method;
      throw new RangeError(messages.unknownMethod("normalisation", unknown, NORMALIZE_METHODS));
    }
  }
}

/**
 * The cells for which a fixed-base index is undefined or meaningless: a base value that is missing, zero or negative,
 * and, for a negative indicator, a zero value in another year (base / 0).
 */
export function checkFixedBase(panel: Panel, directions: readonly Direction[], baseYear: number): Issue[] {
  const issues: Issue[] = [];
  const yearCount = panel.years.length;
  const year = panel.years[baseYear];
  panel.indicators.forEach((indicator, i) => {
    const block = indicatorBlock(panel, i);
    panel.units.forEach((unit, u) => {
      const base = block[u * yearCount + baseYear];
      const where = { id: indicator };
      if (Number.isNaN(base))
        issues.push({ ...where, code: "E_BASE_MISSING", message: messages.baseValueMissing(indicator, unit, year) });
      else if (base === 0) issues.push({ ...where, code: "E_BASE_ZERO", message: messages.baseValueZero(indicator, unit, year) });
      else if (base < 0)
        issues.push({ ...where, code: "E_BASE_NEGATIVE", message: messages.baseValueNegative(indicator, unit, year, base) });
      else if (directions[i] === "negative")
        for (let t = 0; t < yearCount; t++)
          if (block[u * yearCount + t] === 0)
            issues.push({
              ...where,
              code: "E_ZERO_VALUE_NEGATIVE",
              message: messages.zeroValueNegativeDirection(indicator, unit, panel.years[t]),
            });
    });
  });
  return issues;
}
