/**
 * Ratio normalisations: every score is `100 · r`, where `r` is a ratio oriented by the direction (the value over a
 * reference for a positive indicator, the reference over the value for a negative one), so 100 means "equal to the
 * reference". Fixed-base and chain indices, distance to a target and distance to a reference unit are all of this kind,
 * and all share the two guards for extreme ratios: a dampening of `r` and a cap on the score. The score is computed
 * as `100·x / b` (scale first, one rounding), never `100·(x / b)`, so that an exact half such as 100·87/80 = 108.75
 * prints as 108.8 (`scoreQuotient`).
 */
import type { Dampening, NormalizeContext } from "./methods.js";

export { DAMPENINGS, type Dampening } from "./methods.js";

/**
 * The score of an oriented ratio `r`: `100·r`, or `100·(1 + ln r)` / `100·√r` when dampened, then capped at `cap`.
 * Both dampenings keep `r = 1` at exactly 100 and are increasing, so they keep the order of units and years; they
 * shrink growth: a ratio of 6 (12 -> 72) scores 600 plain, 279.18 with `log`, 244.95 with `sqrt`; a ratio of 0.5 scores
 * 50 plain, 30.69 with `log`, 70.71 with `sqrt`. `log` is undefined for `r <= 0`, `sqrt` for `r < 0` (NaN).
 */
export function scoreRatio(ratio: number, dampen: Dampening | undefined, cap: number | undefined): number {
  return scoreQuotient(ratio, 1, dampen, cap);
}

/**
 * The score of the ratio `numerator / denominator`, as `scoreRatio`, with the scale applied to the numerator before
 * the division: `100·x / b` (and `√(10000·x / b)` for `sqrt`) is one rounding of the exact score, where `100·(x / b)`
 * is two, and prints an exact half the wrong way (100·87/80 = 108.75 exactly, but 100·(87/80) = 108.74999999999999,
 * printed 108.7 at one decimal). `log` takes the logarithm of the ratio itself, `100·(1 + ln(x / b))`. A numerator so
 * large that its scaled value is beyond a number (above about 1.8e306) is divided first, so that a finite score stays
 * finite.
 */
function scoreQuotient(numerator: number, denominator: number, dampen: Dampening | undefined, cap: number | undefined): number {
  const ratio = numerator / denominator;
  let score: number;
  if (dampen === "log") score = ratio > 0 ? 100 * (1 + Math.log(ratio)) : Number.NaN;
  else if (dampen === "sqrt") {
    const scaled = 10000 * numerator;
    score = !(ratio >= 0) ? Number.NaN : Number.isFinite(scaled) || !Number.isFinite(numerator) ? Math.sqrt(scaled / denominator) : 100 * Math.sqrt(ratio);
  } else {
    const scaled = 100 * numerator;
    score = Number.isFinite(scaled) || !Number.isFinite(numerator) ? scaled / denominator : 100 * ratio;
  }
  return cap !== undefined && score > cap ? cap : score;
}

/**
 * The score of `value` against `reference` (`scoreQuotient`): the ratio `value / reference` for a positive indicator,
 * `reference / value` for a negative one.
 */
function orientedScore(value: number, reference: number, context: NormalizeContext): number {
  return context.direction === "positive"
    ? scoreQuotient(value, reference, context.dampen, context.cap)
    : scoreQuotient(reference, value, context.dampen, context.cap);
}

/**
 * Fixed-base index (定基指数, NBS China Innovation Index, Changzhou index): `r = x[t] / x[base]` for a positive
 * indicator, `x[base] / x[t]` for a negative one, unit by unit; score `100·r` (dampened and capped when asked). Every
 * unit scores exactly 100 in the base year. A base of 0 or `NaN` gives `NaN` for the whole unit (callers report it
 * first with `checkNormalization`).
 * @example normalizeFixedBase([50, 60, 75], { unitCount: 1, yearCount: 3, baseYear: 0, direction: "positive" }, out) // out => [100, 120, 150]
 * Reference: OECD/JRC Handbook (2008), section 5 (normalisation), "indicization".
 */
export function normalizeFixedBase(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const { unitCount, yearCount, baseYear } = context;
  for (let unit = 0; unit < unitCount; unit++) {
    const start = unit * yearCount;
    const base = values[start + baseYear];
    const defined = base !== 0 && !Number.isNaN(base);
    for (let year = 0; year < yearCount; year++) {
      const value = values[start + year];
      if (!defined || Number.isNaN(value)) out[start + year] = Number.NaN;
      else if (year === baseYear) out[start + year] = 100; // exact, whatever the rounding
      else out[start + year] = orientedScore(value, base, context);
    }
  }
  return out;
}

/**
 * Chain index (环比链接): the year-on-year ratio `x[t] / x[t-1]` (inverted for a negative indicator) chained back to
 * the base year, `I[base] = 1`, `I[t] = I[t-1] · x[t] / x[t-1]` forward and `I[t-1] = I[t] · x[t-1] / x[t]` before
 * the base year; score `100·I[t]` (dampened and capped when asked, on the chained ratio). A missing year is bridged:
 * the next observed year links to the last observed one (`I[t] = I[t'] · x[t] / x[t']`), and the missing year's score
 * is `NaN`. With no gaps this equals the fixed-base index up to rounding (the ratios telescope). The chain needs every
 * observed value > 0 and an observed base value (checked by `checkNormalization`).
 * @example normalizeChain([50, 60, 75], { unitCount: 1, yearCount: 3, baseYear: 0, direction: "positive" }, out) // out => [100, 120, 150]
 * Reference: OECD/JRC Handbook (2008), section 5; NBS 环比 and 定基 indices.
 */
export function normalizeChain(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const { unitCount, yearCount, baseYear } = context;
  for (let unit = 0; unit < unitCount; unit++) {
    const start = unit * yearCount;
    const base = values[start + baseYear];
    for (let year = 0; year < yearCount; year++) out[start + year] = Number.NaN;
    if (!(base > 0)) continue;
    out[start + baseYear] = 100;
    // forward from the base year
    let chained = 1;
    let previous = base;
    for (let year = baseYear + 1; year < yearCount; year++) {
      const value = values[start + year];
      if (Number.isNaN(value)) continue;
      chained = chainLink(chained, value, previous, context, out, start + year);
      previous = value;
    }
    // backward from the base year
    chained = 1;
    let next = base;
    for (let year = baseYear - 1; year >= 0; year--) {
      const value = values[start + year];
      if (Number.isNaN(value)) continue;
      chained = chainLink(chained, value, next, context, out, start + year);
      next = value;
    }
  }
  return out;
}

/**
 * One link of the chain: writes the score of `I·x / x'` to `out[cell]` (`I` the ratio chained so far, `x` the value,
 * `x'` the linked year's value; `I·x' / x` for a negative indicator) and returns that ratio. The numerator `I·x` is
 * formed before the division, as in `scoreQuotient`, so the first link from the base (`I = 1`) scores exactly as the
 * fixed-base index; a numerator beyond a number is taken as `I·(x / x')`.
 */
function chainLink(chained: number, value: number, linked: number, context: NormalizeContext, out: Float64Array, cell: number): number {
  const positive = context.direction === "positive";
  const top = positive ? value : linked;
  let denominator = positive ? linked : value;
  let numerator = chained * top;
  if (!Number.isFinite(numerator)) {
    numerator = chained * (top / denominator);
    denominator = 1;
  }
  out[cell] = scoreQuotient(numerator, denominator, context.dampen, context.cap);
  return numerator / denominator;
}

/**
 * Distance to a target (per indicator, from the tree's `target` column): `r = x / target` for a positive indicator,
 * `target / x` for a negative one (a ceiling such as an energy-use limit); score `100·r`, so 100 means "on target".
 * Uncapped by default (exceeding the target scores above 100); `--cap 100` makes the target a ceiling.
 * @example normalizeDistanceToTarget([1, 2.5, 4], { unitCount: 1, yearCount: 3, baseYear: 0, direction: "positive", target: 2 }, out) // out => [50, 125, 200]
 * Reference: OECD/JRC Handbook (2008), section 5, "distance to a reference"; METHODS.md.
 */
export function normalizeDistanceToTarget(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const target = context.target ?? Number.NaN;
  const size = context.unitCount * context.yearCount;
  for (let cell = 0; cell < size; cell++) {
    const value = values[cell];
    out[cell] = Number.isNaN(value) ? Number.NaN : orientedScore(value, target, context);
  }
  return out;
}

/**
 * Distance to a reference unit: `r = x[u,t] / x[ref,t]` (the reference unit in the same year; inverted for a negative
 * indicator), score `100·r`, so the reference unit scores exactly 100 every year. Without a reference unit, the
 * reference is each unit's own base-year value, which is the fixed-base index.
 * @example normalizeDistanceToReference([10, 20, 5, 10], { unitCount: 2, yearCount: 2, baseYear: 0, direction: "positive", referenceUnit: 1 }, out) // out => [200, 200, 100, 100]
 * Reference: OECD/JRC Handbook (2008), section 5, "distance to a reference" (a leader or benchmark country).
 */
export function normalizeDistanceToReference(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const { unitCount, yearCount, referenceUnit } = context;
  if (referenceUnit === undefined) return normalizeFixedBase(values, context, out);
  const referenceStart = referenceUnit * yearCount;
  for (let unit = 0; unit < unitCount; unit++)
    for (let year = 0; year < yearCount; year++) {
      const cell = unit * yearCount + year;
      const value = values[cell];
      const reference = values[referenceStart + year];
      if (Number.isNaN(value) || Number.isNaN(reference) || reference === 0) out[cell] = Number.NaN;
      else if (unit === referenceUnit) out[cell] = 100; // exact
      else out[cell] = orientedScore(value, reference, context);
    }
  return out;
}

/**
 * Distance to the average: `r = x[u,t] / mean[t]`, where `mean[t]` is the plain mean of the units observed in year t
 * (inverted for a negative indicator: `mean[t] / x[u,t]`); score `100·r`, so a unit at the average scores 100. The
 * "relative to the average" reading of the European Innovation Scoreboard (where the reference is the EU, an
 * aggregate of the units). A year whose mean is not > 0, or a zero value under a negative direction, gives `NaN`
 * (reported first by `checkNormalization`).
 * @example normalizeDistanceToAverage([10, 30], { unitCount: 2, yearCount: 1, baseYear: 0, direction: "positive" }, out) // out => [50, 150]
 * Reference: OECD/JRC Handbook (2008), section 5, "distance to a reference" (the mean as the reference); EIS methodology.
 */
export function normalizeDistanceToAverage(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const { unitCount, yearCount } = context;
  for (let year = 0; year < yearCount; year++) {
    let sum = 0;
    let count = 0;
    for (let unit = 0; unit < unitCount; unit++) {
      const value = values[unit * yearCount + year];
      if (Number.isNaN(value)) continue;
      sum += value;
      count++;
    }
    const mean = sum / count;
    for (let unit = 0; unit < unitCount; unit++) {
      const cell = unit * yearCount + year;
      const value = values[cell];
      out[cell] = Number.isNaN(value) || !(mean > 0) ? Number.NaN : orientedScore(value, mean, context);
    }
  }
  return out;
}
