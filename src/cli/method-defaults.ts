/**
 * Options the command line gives no default, so that one given can be told from one left out: a given option the
 * method leaves unused is warned of (`W_OPTION_UNUSED`). The method applies these defaults itself; the help and the
 * reference show them (`Option.default(undefined, text)`), and a project run records them when not given, as runs did
 * when the flags had commander defaults, so that a run's fingerprint and the options `report --run` compares stay
 * those of earlier runs.
 */
import type { Option } from "commander";
import { DEFAULT_UNFILLED } from "../core/missing.js";
import { DEFAULT_OUTLIER_SCOPE, DEFAULT_WINSOR_MAX } from "../core/outliers.js";
import { DEFAULT_ZERO_BASE } from "../core/zero-base.js";
import { WEIGHTING_DEFAULTS } from "../core/weighting/derive.js";

/** By the options' attribute names (`weightMissing` for `--weight-missing`). */
export const METHOD_DEFAULTS = {
  unfilled: DEFAULT_UNFILLED,
  zeroBase: DEFAULT_ZERO_BASE,
  winsorMax: DEFAULT_WINSOR_MAX,
  outlierScope: DEFAULT_OUTLIER_SCOPE,
  /** `--screen-by`: whole units, as screenPanel screens them when `by` is not given. */
  screenBy: "unit",
  allowInconsistent: WEIGHTING_DEFAULTS.allowInconsistent,
  weightMissing: WEIGHTING_DEFAULTS.missing,
  groupWeights: WEIGHTING_DEFAULTS.groupWeights,
  entropyShift: WEIGHTING_DEFAULTS.entropyShift,
  pcaRotation: WEIGHTING_DEFAULTS.pcaRotation,
  objective: WEIGHTING_DEFAULTS.objective,
  combination: WEIGHTING_DEFAULTS.combination,
  alpha: WEIGHTING_DEFAULTS.alpha,
} as const;

/** `option`, left unset when not given, with `METHOD_DEFAULTS[name]` shown as its default in the help and the reference. */
export function withMethodDefault(option: Option, name: keyof typeof METHOD_DEFAULTS): Option {
  return option.default(undefined, String(METHOD_DEFAULTS[name]));
}
