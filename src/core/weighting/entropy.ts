/**
 * Entropy weights (熵权法): an indicator whose values are spread evenly over the observations has high entropy and
 * carries little information, so it weighs little.
 */
import type { Issue } from "../../errors.js";
import { constantWarning, isConstant, unitInterval, type ObjectiveInput, type ObjectiveScores } from "./observations.js";
import { weightingMessages } from "./messages.js";

export const ENTROPY_INPUTS = ["min-max", "raw"] as const;
/**
 * What the shares of the entropy method are taken of: `min-max` scores with the direction applied (the form of the
 * Chinese textbooks, the default) or the `raw` non-negative values (Xu 2004; Zavadskas & Podvezko 2016).
 */
export type EntropyInput = (typeof ENTROPY_INPUTS)[number];

export interface EntropyOptions {
  /** Shares of `min-max` scores (default) or of the `raw` values. */
  input?: EntropyInput;
  /**
   * A constant added to every min-max score before the shares are taken (the "shifted" variant of the Chinese
   * literature, e.g. 0.0001, which avoids zero shares). Default 0: the textbook variant.
   */
  shift?: number;
}

/** The shift added to every min-max score when none is given: 0, the textbook method. */
export const DEFAULT_ENTROPY_SHIFT = 0;

/**
 * Entropy scores over `m` observations. For each indicator: min-max to [0, 1] with its direction
 * (`x' = (x - min)/(max - min)`, or `(max - x)/(max - min)` for a negative indicator), or with `input: "raw"` the raw
 * values `x' = x` (which must be >= 0; an indicator with a negative value is an issue), plus `shift` when given;
 * shares `p[k] = x'[k] / Σ x'`; entropy `e = -Σ p[k]·ln p[k] / ln m` with `0·ln 0 = 0`; divergence `d = 1 - e`, the
 * score (weights are `d / Σ d`). An indicator that does not vary (max = min) has `d = 0`, with a warning. A
 * near-constant indicator gets a weight near 0 from raw shares (they are all near 1/m), but min-max first stretches
 * it onto [0, 1], where it can weigh as much as any other.
 * @throws RangeError when there are fewer than 2 observations (ln 1 = 0).
 * @example entropyScores({ codes: ["a"], directions: ["positive"], columns: [Float64Array.of(0, 1)] }).scores // => [1] (all the mass on one observation: e = 0)
 * Reference: METHODS.md (entropy weight method); Shannon (1948); e.g. Zou, Yun & Sun (2006), J. Environmental Sciences 18(5).
 */
export function entropyScores(input: ObjectiveInput, options: EntropyOptions = {}): ObjectiveScores & { issues: Issue[] } {
  const shift = options.shift ?? DEFAULT_ENTROPY_SHIFT;
  const raw = options.input === "raw";
  const scores = new Float64Array(input.codes.length);
  const warnings: Issue[] = [];
  const issues: Issue[] = [];
  input.codes.forEach((code, j) => {
    const column = input.columns[j];
    const m = column.length;
    if (m < 2) throw new RangeError("entropyScores requires at least 2 observations");
    if (raw) {
      const negative = column.find((value) => value < 0);
      if (negative !== undefined) {
        issues.push({ code: "E_ENTROPY_NEGATIVE", message: weightingMessages.entropyNegative(code, negative), id: code });
        return;
      }
    }
    // raw: the values themselves (direction does not enter the weight; it is applied at normalisation)
    const scaled = raw ? (isConstant(column) || column.every((value) => value === 0) ? undefined : column) : unitInterval(column, input.directions[j]);
    if (!scaled) {
      warnings.push(constantWarning(code, "entropy"));
      return;
    }
    let sum = 0;
    for (let k = 0; k < m; k++) sum += scaled[k] + shift;
    let entropy = 0;
    for (let k = 0; k < m; k++) {
      const share = (scaled[k] + shift) / sum;
      if (share > 0) entropy -= share * Math.log(share);
    }
    scores[j] = 1 - entropy / Math.log(m);
  });
  return { scores, warnings, issues };
}
