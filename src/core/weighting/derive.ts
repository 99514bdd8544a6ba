/**
 * Choosing a weighting method for a run: the dispatcher over every method, and the record of what was used.
 */
import { refuseUnderStrict, strictErrors, ValidationError, type Issue } from "../../errors.js";
import { messages } from "../messages.js";
import type { Panel } from "../panel.js";
import { INDEX_CODE, type Tree } from "../types.js";
import { globalWeights, type Weights } from "../weight.js";
import { ahpWeights, RANDOM_INDEX_TABLES, type ConsistencyRow, type Judgement, type RandomIndexTable } from "./ahp.js";
import { DEFAULT_ENTROPY_SHIFT, ENTROPY_INPUTS, type EntropyInput } from "./entropy.js";
import { COMBINATIONS, combineWeights, type Combination } from "./combine.js";
import type { PrincipalEigen } from "./eigen.js";
import { equalWeights } from "./equal.js";
import { explicitWeights } from "./explicit.js";
import { UNUSED, weightingMessages } from "./messages.js";
import { WEIGHT_MISSING_POLICIES, type WeightMissingPolicy } from "./observations.js";
import { PCA_ROTATIONS, type PcaRotation } from "./pca.js";
import { dominantWeightWarning, GROUP_WEIGHT_RULES, isDominantShare, METHOD_LABEL, OBJECTIVE_METHODS, objectiveWeights, type GroupWeightRule, type ObjectiveMethod } from "./objective.js";
import { append } from "../arrays.js";
import { OptionChecks } from "../option-checks.js";

export const SUBJECTIVE_METHODS = ["explicit", "equal", "ahp"] as const;

/**
 * The warnings of weighting that `strict` leaves warnings: advice on weights that are what the method defines, not a
 * fault of the inputs (a child given more than half of its group by the data, `W_WEIGHT_DOMINANT`).
 */
const ADVICE = new Set(["W_WEIGHT_DOMINANT"]);

/** `combined`, additive: the share of the subjective set when none is given. */
export const DEFAULT_ALPHA = 0.5;
export type SubjectiveMethod = (typeof SUBJECTIVE_METHODS)[number];
export const WEIGHT_METHODS = [...SUBJECTIVE_METHODS, ...OBJECTIVE_METHODS, "combined"] as const;
export type WeightMethod = (typeof WEIGHT_METHODS)[number];

/** What `deriveWeights` takes for an option that is not given. */
export const WEIGHTING_DEFAULTS = {
  allowInconsistent: false,
  missing: "error",
  groupWeights: "sum",
  entropyShift: DEFAULT_ENTROPY_SHIFT,
  entropyInput: "min-max",
  randomIndex: "saaty1980",
  pcaRotation: "varimax",
  objective: "entropy",
  combination: "additive",
  alpha: DEFAULT_ALPHA,
} as const satisfies Partial<WeightingOptions>;

export interface WeightingOptions {
  /** The method. Default `explicit` (the tree's weights). */
  method?: WeightMethod;
  /** AHP: the pairwise judgements, and the file they came from (for messages). */
  judgements?: readonly Judgement[];
  judgementSource?: string;
  /** AHP: the principal-eigenpair routine. Default power iteration. */
  eigen?: PrincipalEigen;
  /** AHP: accept CR >= 0.1 with a warning. Default false. */
  allowInconsistent?: boolean;
  /** Objective methods: the units and years to derive weights from. Default: all of the panel. */
  units?: readonly string[];
  years?: readonly number[];
  /** Objective methods: a missing value is an `error` (default) or `drop`s its unit-year. */
  missing?: WeightMissingPolicy;
  /** Objective methods: how groups are weighted. Default `sum`. */
  groupWeights?: GroupWeightRule;
  /** Entropy: the shift added to min-max scores. Default 0 (textbook). */
  entropyShift?: number;
  /** Entropy: shares of `min-max` scores (default) or of the `raw` values. */
  entropyInput?: EntropyInput;
  /** AHP: the random-index table of CR. Default `saaty1980`. */
  randomIndex?: RandomIndexTable;
  /** PCA: `varimax` (default) or `none`. */
  pcaRotation?: PcaRotation;
  /** `combined`: the subjective set. Default `ahp` when judgements are given, else `explicit`. */
  subjective?: SubjectiveMethod;
  /** `combined`: the objective set. Default `entropy`. */
  objective?: ObjectiveMethod;
  /** `combined`: the form. Default `additive`. */
  combination?: Combination;
  /** `combined`, additive: the share of the subjective set. Default 0.5 (`DEFAULT_ALPHA`). */
  alpha?: number;
  /** Turn warnings into errors. Default false. */
  strict?: boolean;
}

/**
 * Whether weighting by `method` reads AHP judgements: `ahp` always; `combined` when its subjective set is `ahp`, or is
 * left to the default and a judgement file is given.
 */
export function usesJudgements(method: WeightMethod, subjective: SubjectiveMethod | undefined, judgementFileGiven: boolean): boolean {
  return method === "ahp" || (method === "combined" && (subjective === "ahp" || (!subjective && judgementFileGiven)));
}

/** The options `unusedWeightingOptions` judges: those of `WeightingOptions` that choose how the weights are made. */
export type WeightingChoices = Pick<
  WeightingOptions,
  | "method"
  | "years"
  | "units"
  | "missing"
  | "groupWeights"
  | "entropyShift"
  | "entropyInput"
  | "pcaRotation"
  | "randomIndex"
  | "allowInconsistent"
  | "subjective"
  | "objective"
  | "combination"
  | "alpha"
> & {
  /** Whether a file of AHP judgements was named (`--ahp`, the facade's `ahp`). */
  judgementFile?: boolean;
};

/**
 * The warnings of weighting by the tree's own weights (`explicit`, nothing derived): every weighting option given is
 * unused (`unusedWeightingOptions`); under `strict` they are an error, as `deriveWeights` makes them for the others.
 * @throws `ValidationError` (`E_OPTION_UNUSED`) under `strict` when an option is given.
 */
export function explicitWeightingWarnings(choices: Omit<WeightingChoices, "method">, strict = false): Issue[] {
  const warnings = unusedWeightingOptions({ ...choices, method: "explicit" });
  refuseUnderStrict(strict, warnings);
  return warnings;
}

/**
 * Warnings (`W_OPTION_UNUSED`) for the options given (not `undefined`) that weighting by `options.method` leaves
 * unused, in the command line's words (the facade puts them in its own): `entropyShift` without entropy weights
 * (`entropy`, or `combined` with the `entropy` objective set), `alpha` without the additive `combined` form, the
 * observations and group rule of objective methods (`years`, `units`, `missing`, `groupWeights`) without one,
 * `entropyInput` without entropy weights, `pcaRotation` without PCA weights, `randomIndex`, `allowInconsistent` and the
 * judgement file without AHP weights, and `subjective`, `objective` and `combination` without `combined`. The run is
 * as it would be without them. One function for the command line and the library, which apply the same defaults.
 * @example unusedWeightingOptions({ method: "critic", entropyShift: 0.1 }).length // => 1
 */
export function unusedWeightingOptions(options: WeightingChoices): Issue[] {
  const method = options.method ?? "explicit";
  const combined = method === "combined";
  const objectiveSet = options.objective ?? WEIGHTING_DEFAULTS.objective;
  const objective = (OBJECTIVE_METHODS as readonly string[]).includes(method) ? method : combined ? objectiveSet : undefined;
  const ahp = usesJudgements(method, options.subjective, options.judgementFile === true);
  // How the weights are chosen, with the set of `combined` the option is about when it is named.
  const running = (set?: "subjective" | "objective") => (combined && set !== undefined && options[set] !== undefined ? `--weights combined --${set} ${options[set]}` : `--weights ${method}`);
  const warnings: Issue[] = [];
  const unused = (flag: string, why: { which: string; expected: string }, set?: "subjective" | "objective") =>
    warnings.push({ code: "W_OPTION_UNUSED", message: weightingMessages.optionUnused(flag, running(set), why.which, why.expected) });
  if (options.entropyShift !== undefined && objective !== "entropy") warnings.push({ code: "W_OPTION_UNUSED", message: weightingMessages.entropyShiftUnused(combined ? `--weights combined --objective ${objectiveSet}` : `--weights ${method}`) });
  const combination = options.combination ?? WEIGHTING_DEFAULTS.combination;
  if (options.alpha !== undefined && !(combined && combination === "additive"))
    warnings.push({ code: "W_OPTION_UNUSED", message: weightingMessages.alphaUnused(combined ? `--combination ${combination}` : `--weights ${method}`) });
  const observations = [
    ["--weight-years", options.years],
    ["--weight-units", options.units],
    ["--weight-missing", options.missing],
    ["--group-weights", options.groupWeights],
  ] as const;
  for (const [flag, value] of observations) if (value !== undefined && objective === undefined) unused(flag, UNUSED.observations);
  if (options.entropyInput !== undefined && objective !== "entropy") unused("--entropy-input", UNUSED.entropy, "objective");
  if (options.pcaRotation !== undefined && objective !== "pca") unused("--pca-rotation", UNUSED.pca, "objective");
  if (options.randomIndex !== undefined && !ahp) unused("--random-index", UNUSED.judgements, "subjective");
  if (options.allowInconsistent !== undefined && !ahp) unused("--allow-inconsistent", UNUSED.judgements, "subjective");
  if (options.judgementFile && !ahp) unused("--ahp", UNUSED.judgements, "subjective");
  for (const [flag, value] of [["--subjective", options.subjective], ["--objective", options.objective], ["--combination", options.combination]] as const)
    if (value !== undefined && !combined) unused(flag, UNUSED.combination);
  return warnings;
}

/** What a run used, recorded in `index.json` and printed by `weights`. */
export interface WeightingSummary {
  method: WeightMethod;
  /** Objective methods: the unit-years the weights were derived from (these units and years less `dropped`), and the group rule. */
  units?: readonly string[];
  years?: readonly number[];
  observations?: number;
  dropped?: { unit: string; year: number }[];
  groupWeights?: GroupWeightRule;
  entropyShift?: number;
  entropyInput?: EntropyInput;
  pcaRotation?: PcaRotation;
  /** AHP: the judgement file. */
  randomIndex?: RandomIndexTable;
  judgements?: string;
  allowInconsistent?: boolean;
  subjective?: SubjectiveMethod;
  objective?: ObjectiveMethod;
  combination?: Combination;
  alpha?: number;
}

export interface WeightingResult {
  /** Weight of every node within its siblings (siblings sum to 1). */
  weights: Weights;
  /** Weight of every node in the overall index: the product of the weights from the root down. */
  globalWeights: ReadonlyMap<string, number>;
  /** AHP consistency per judged group (empty for other methods). */
  consistency: ConsistencyRow[];
  summary: WeightingSummary;
  warnings: Issue[];
}

/**
 * Derives the weights of every node by `options.method`. Throws `ValidationError` with every problem at once (and,
 * under `strict`, every warning as an error but `W_WEIGHT_DOMINANT`, advice); an option value out of its list or range
 * is `E_BAD_OPTION`, before anything is derived. A method that derives weights from the data (`entropy`, `critic`,
 * `cv`, `pca`, and `combined` by its objective set) warns of a child it gives more than half of its group's weight
 * among 3 or more children (`W_WEIGHT_DOMINANT`, once per call: the uncertainty analysis perturbs the weights derived
 * once); `explicit`, `equal` and `ahp` never do, their weights being chosen by a person.
 */
export function deriveWeights(tree: Tree, panel: Panel | undefined, options: WeightingOptions = {}): WeightingResult {
  const optionIssues = checkWeightingOptions(options);
  if (optionIssues.length > 0) throw new ValidationError(optionIssues);
  const method = options.method ?? "explicit";
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const consistency: ConsistencyRow[] = [];
  const summary: WeightingSummary = { method };
  append(warnings, unusedWeightingOptions({ ...options, judgementFile: options.judgements !== undefined || options.judgementSource !== undefined }));

  const subjective = (which: SubjectiveMethod): Weights => {
    switch (which) {
      case "explicit": {
        const result = explicitWeights(tree);
        append(issues, result.issues);
        append(warnings, result.warnings);
        return result.weights;
      }
      case "equal":
        return equalWeights(tree);
      case "ahp": {
        summary.judgements = options.judgementSource;
        summary.allowInconsistent = options.allowInconsistent ?? false;
        if (options.randomIndex && options.randomIndex !== "saaty1980") summary.randomIndex = options.randomIndex;
        if (!options.judgements) {
          issues.push({ code: "E_AHP_NO_JUDGEMENTS", message: weightingMessages.ahpFileMissing() });
          return new Map();
        }
        const result = ahpWeights(tree, options.judgements, {
          eigen: options.eigen,
          allowInconsistent: options.allowInconsistent,
          source: options.judgementSource,
          randomIndex: options.randomIndex,
        });
        append(issues, result.issues);
        append(warnings, result.warnings);
        append(consistency, result.consistency);
        return result.weights;
      }
      default: {
        const unknown: never = which;
        throw new RangeError(messages.unknownMethod("weighting", unknown, SUBJECTIVE_METHODS));
      }
    }
  };
  const objective = (which: ObjectiveMethod): Weights => {
    if (!panel) throw new RangeError(`deriveWeights: the ${which} method needs the panel`);
    const result = objectiveWeights(tree, panel, which, options);
    Object.assign(summary, { units: result.units, years: result.years, observations: result.observations, groupWeights: options.groupWeights ?? WEIGHTING_DEFAULTS.groupWeights });
    if (result.dropped.length > 0) summary.dropped = result.dropped;
    if (which === "entropy") summary.entropyShift = options.entropyShift ?? DEFAULT_ENTROPY_SHIFT;
    if (which === "entropy" && options.entropyInput === "raw") summary.entropyInput = "raw";
    if (which === "pca") summary.pcaRotation = options.pcaRotation ?? WEIGHTING_DEFAULTS.pcaRotation;
    append(issues, result.issues);
    append(warnings, result.warnings);
    return result.weights;
  };

  let weights: Weights;
  switch (method) {
    case "explicit":
    case "equal":
    case "ahp":
      weights = subjective(method);
      break;
    case "entropy":
    case "critic":
    case "cv":
    case "pca":
      weights = objective(method);
      break;
    case "combined": {
      const subjectiveMethod = options.subjective ?? (options.judgements ? "ahp" : "explicit");
      const objectiveMethod = options.objective ?? WEIGHTING_DEFAULTS.objective;
      const combination = options.combination ?? WEIGHTING_DEFAULTS.combination;
      const alpha = options.alpha ?? WEIGHTING_DEFAULTS.alpha;
      Object.assign(summary, { subjective: subjectiveMethod, objective: objectiveMethod, combination });
      if (combination === "additive") summary.alpha = alpha;
      const subjectiveWeights = subjective(subjectiveMethod);
      const objectiveWeights_ = objective(objectiveMethod);
      if (issues.length > 0) throw new ValidationError(issues);
      const combined = combineWeights(tree, subjectiveWeights, objectiveWeights_, combination, alpha);
      append(issues, combined.issues);
      weights = combined.weights;
      // A child the objective set gives over half of its group is warned of when the combined weights still give it
      // over half (with their share); a person chose the subjective set, so what it alone gives is never warned of.
      const dominant = warnings.filter((warning) => warning.code === "W_WEIGHT_DOMINANT");
      warnings.splice(0, warnings.length, ...warnings.filter((warning) => warning.code !== "W_WEIGHT_DOMINANT"));
      for (const { id: child } of dominant) {
        const share = weights.get(child!) ?? 0;
        if (isDominantShare(share)) warnings.push(dominantWeightWarning(tree, tree.byCode.get(child!)?.parent ?? INDEX_CODE, child!, share, METHOD_LABEL[objectiveMethod], true));
      }
      break;
    }
    default: {
      const unknown: never = method;
      throw new RangeError(messages.unknownMethod("weighting", unknown, WEIGHT_METHODS));
    }
  }
  // Under strict every warning is an error but advice on weights the method defines (W_WEIGHT_DOMINANT).
  if (options.strict) append(issues, strictErrors(warnings.filter((warning) => !ADVICE.has(warning.code))));
  if (issues.length > 0) throw new ValidationError(issues);
  return { weights, globalWeights: globalWeights(tree, weights), consistency, summary, warnings };
}

/**
 * The problems of `deriveWeights`'s option values, as the command line's weighting flags check them (`--alpha` and
 * `--entropy-shift` from 0 to 1, methods from their lists, years and units as lists).
 */
export function checkWeightingOptions(options: WeightingOptions): Issue[] {
  const checks = new OptionChecks()
    .choice("method", options.method, WEIGHT_METHODS)
    .boolean("allowInconsistent", options.allowInconsistent)
    .choice("missing", options.missing, WEIGHT_MISSING_POLICIES)
    .choice("groupWeights", options.groupWeights, GROUP_WEIGHT_RULES)
    .number("entropyShift", options.entropyShift, "a number from 0 to 1 (0 = textbook)", (shift) => shift >= 0 && shift <= 1)
    .choice("entropyInput", options.entropyInput, ENTROPY_INPUTS)
    .choice("randomIndex", options.randomIndex, RANDOM_INDEX_TABLES)
    .choice("pcaRotation", options.pcaRotation, PCA_ROTATIONS)
    .choice("subjective", options.subjective, SUBJECTIVE_METHODS)
    .choice("objective", options.objective, OBJECTIVE_METHODS)
    .choice("combination", options.combination, COMBINATIONS)
    .number("alpha", options.alpha, "a number from 0 to 1 (the share of the subjective set)", (alpha) => alpha >= 0 && alpha <= 1)
    .boolean("strict", options.strict)
    // An empty list would leave no observation to derive weights from: every year or unit is the option left out.
    .list("years", options.years, Number.isInteger, "a list of years, e.g. [2018, 2019], or the option left out for every year", { item: "a year, a whole number such as 2018", number: true, nonEmpty: true })
    .list("units", options.units, (unit) => typeof unit === "string", 'a list of unit names, e.g. ["常州高新区"], or the option left out for every unit', { item: "a unit's name (a text)", nonEmpty: true });
  return checks.issues;
}
