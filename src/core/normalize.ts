/**
 * Normalisation: turning each indicator's values into comparable scores.
 * Every method works on one indicator block of the panel (`unitCount * yearCount` cells, unit-major) and writes
 * into `out`; `NaN` in gives `NaN` out. The methods live in `normalize/`, one file per family: ratio indices
 * (fixed-base, chain, distance to a target or reference unit), min-max, z-score and rank.
 */
import { messages } from "./messages.js";
import { normalizeGoalposts, normalizeMinMax, normalizeMinMaxYear } from "./normalize/min-max.js";
import { normalizeBorda, normalizePercentileRank, normalizeRank } from "./normalize/rank.js";
import { normalizeDistanceToMax, normalizeFractionOfMax } from "./normalize/best.js";
import {
  normalizeChain,
  normalizeDistanceToAverage,
  normalizeDistanceToReference,
  normalizeDistanceToTarget,
  normalizeFixedBase,
} from "./normalize/ratio.js";
import { normalizeZScore, normalizeZScoreYear } from "./normalize/z-score.js";
import { NORMALIZE_METHODS, type NormalizeContext, type NormalizeMethod } from "./normalize/methods.js";

export { normalizeGoalposts, normalizeMinMax, normalizeMinMaxYear } from "./normalize/min-max.js";
export { normalizeBorda, normalizePercentileRank, normalizeRank } from "./normalize/rank.js";
export { normalizeDistanceToMax, normalizeFractionOfMax } from "./normalize/best.js";
export {
  DAMPENINGS,
  normalizeChain,
  normalizeDistanceToAverage,
  normalizeDistanceToReference,
  normalizeDistanceToTarget,
  normalizeFixedBase,
  scoreRatio,
  type Dampening,
} from "./normalize/ratio.js";
export { normalizeZScore, normalizeZScoreYear } from "./normalize/z-score.js";
export { checkFixedBase, checkNormalization } from "./normalize/check.js";

export {
  DEFAULT_RANGE,
  DEFAULT_Z_SCALE,
  NORMALIZE_METHODS,
  RANGE_METHODS,
  RATIO_METHODS,
  Z_SCALE_METHODS,
  type NormalizeContext,
  type NormalizeMethod,
  type ScoreRange,
  type ZScale,
} from "./normalize/methods.js";

/**
 * Applies `method` to one indicator block (`unitCount × yearCount` values, unit-major) into `out`, of the same length.
 * Throws `RangeError` for a block or `out` of another length, or a `baseYear` that is not a position in the years (a
 * year such as 2017 given where `panel.years.indexOf(2017)` is meant).
 */
export function normalize(method: NormalizeMethod, values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const size = context.unitCount * context.yearCount;
  if (values.length !== size || out.length !== size)
    throw new RangeError(`normalize: the block and out must hold unitCount × yearCount = ${size} values, got ${values.length} and ${out.length}`);
  if (!(Number.isInteger(context.baseYear) && context.baseYear >= 0 && context.baseYear < context.yearCount))
    throw new RangeError(`normalize: context.baseYear is the position of the base year, from 0 to ${context.yearCount - 1}, got ${context.baseYear} (for a year y, pass panel.years.indexOf(y))`);
  switch (method) {
    case "fixed-base":
      return normalizeFixedBase(values, context, out);
    case "chain":
      return normalizeChain(values, context, out);
    case "min-max":
      return normalizeMinMax(values, context, out);
    case "min-max-year":
      return normalizeMinMaxYear(values, context, out);
    case "min-max-goalposts":
      return normalizeGoalposts(values, context, out);
    case "z-score":
      return normalizeZScore(values, context, out);
    case "z-score-year":
      return normalizeZScoreYear(values, context, out);
    case "rank":
      return normalizeRank(values, context, out);
    case "percentile-rank":
      return normalizePercentileRank(values, context, out);
    case "borda":
      return normalizeBorda(values, context, out);
    case "fraction-of-max":
      return normalizeFractionOfMax(values, context, out);
    case "distance-to-max":
      return normalizeDistanceToMax(values, context, out);
    case "distance-to-target":
      return normalizeDistanceToTarget(values, context, out);
    case "distance-to-reference":
      return normalizeDistanceToReference(values, context, out);
    case "distance-to-average":
      return normalizeDistanceToAverage(values, context, out);
    default: {
      const unknown: never = method;
      throw new RangeError(messages.unknownMethod("normalisation", unknown, NORMALIZE_METHODS));
    }
  }
}
