/**
 * The weighting options shared by `weights` and `compute`, and running the chosen method for a command.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { isAbsolute, resolve } from "node:path";
import type { Panel } from "../core/panel.js";
import type { Tree } from "../core/types.js";
import { InputError, UsageError, ValidationError, type Issue } from "../errors.js";
import { COMBINATIONS, type Combination } from "../core/weighting/combine.js";
import {
  deriveWeights,
  explicitWeightingWarnings,
  usesJudgements,
  SUBJECTIVE_METHODS,
  WEIGHT_METHODS,
  WEIGHTING_DEFAULTS,
  type SubjectiveMethod,
  type WeightingChoices,
  type WeightingResult,
  type WeightingSummary,
  type WeightMethod,
} from "../core/weighting/derive.js";
import { selectObservations, WEIGHT_MISSING_POLICIES, type WeightMissingPolicy } from "../core/weighting/observations.js";
import { weightingMessages } from "../core/weighting/messages.js";
import type { Judgement } from "../core/weighting/ahp.js";
import { append } from "../core/arrays.js";
import { PCA_ROTATIONS, type PcaRotation } from "../core/weighting/pca.js";
import { ENTROPY_INPUTS, type EntropyInput } from "../core/weighting/entropy.js";
import { withMethodDefault } from "./method-defaults.js";
import { RANDOM_INDEX_TABLES, type RandomIndexTable } from "../core/weighting/ahp.js";
import { GROUP_WEIGHT_RULES, OBJECTIVE_METHODS, type GroupWeightRule, type ObjectiveMethod } from "../core/weighting/objective.js";
import { readAhpJudgements } from "../io/read/read-ahp.js";
import { loadMathjsEigen } from "../io/math/mathjs-eigen.js";
import { formatValue } from "../io/write/to-csv.js";
import { EXAMPLE_AHP, type CliEnv } from "./env.js";
import { printable } from "./printable.js";
import { renderColumns } from "./render.js";
import { commandMessages } from "../core/command-messages.js";
import { joinMessages } from "../core/localize.js";

export interface WeightingCliOptions {
  ahp?: string;
  /** The options below that the method leaves to its default are `undefined` when not given, so that one given can be told. */
  allowInconsistent?: boolean;
  weightYears?: number[];
  weightUnits?: string[];
  weightMissing?: WeightMissingPolicy;
  groupWeights?: GroupWeightRule;
  /** Entropy: the shift; `undefined` when not given (the method's default, 0). */
  entropyShift?: number;
  entropyInput?: EntropyInput;
  randomIndex?: RandomIndexTable;
  pcaRotation?: PcaRotation;
  subjective?: SubjectiveMethod;
  objective?: ObjectiveMethod;
  combination?: Combination;
  /** `combined`, additive: the subjective share; `undefined` when not given (the method's default, 0.5). */
  alpha?: number;
}

/** Parses `2017-2020`, `2017,2019` or a mix (`2015-2017,2020`) into sorted distinct years. */
export function parseYearList(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(",").map((piece) => piece.trim())) {
    const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(part);
    if (range && Number(range[1]) <= Number(range[2])) for (let year = Number(range[1]); year <= Number(range[2]); year++) years.add(year);
    else if (/^\d{4}$/.test(part)) years.add(Number(part));
    else throw new InvalidArgumentError(commandMessages.weightYearsOption(text));
  }
  return [...years].sort((a, b) => a - b);
}

/** Parses a comma-separated list of units. */
export function parseUnitList(text: string): string[] {
  const units = text.split(",").map((unit) => unit.trim());
  if (units.some((unit) => unit === "")) throw new InvalidArgumentError(commandMessages.weightUnitsOption(text));
  return [...new Set(units)];
}

/** Parses a number within [min, max], for commander. */
export function numberOption(name: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max)
      throw new InvalidArgumentError(commandMessages.numberOption(name, min, max, text));
    return value;
  };
}

/** Adds `--weights <method>`, the weighting method of a command that computes the index (default explicit). */
export function addWeightsOption(command: Command): Command {
  return command.addOption(new Option("--weights <method>", "weighting method").choices(WEIGHT_METHODS).default("explicit"));
}

/** Adds every weighting option except the method itself (`--method` in `weights`, `--weights` in `compute`). */
export function addWeightingOptions(command: Command): Command {
  // The options of METHOD_DEFAULTS have no commander default: one given that the method leaves unused is warned of.
  return command
    .option("--ahp <file>", "AHP judgements: CSV group,a,b,value or YAML (the shipped example has its own)")
    .option("--allow-inconsistent", "accept AHP judgements of CR >= 0.1 (warned of)")
    .addOption(new Option("--random-index <table>", "AHP: the random-index table CR divides by: saaty1980, saaty2005 (Saaty 1980, 2005) or donegan-dodd (1991)").choices(RANDOM_INDEX_TABLES).default(undefined, WEIGHTING_DEFAULTS.randomIndex))
    .option("--weight-years <years>", "years objective weights are derived from, e.g. 2017-2020 or 2018,2019 (default: all)", parseYearList)
    .option("--weight-units <units>", "units objective weights are derived from, comma-separated (default: all)", parseUnitList)
    .addOption(withMethodDefault(new Option("--weight-missing <policy>", "objective methods: a missing value is an error, or drops its unit-year").choices(WEIGHT_MISSING_POLICIES), "weightMissing"))
    .addOption(
      withMethodDefault(
        new Option("--group-weights <rule>", "objective methods: a group weighs its indicators' scores summed (sum), keeps the tree's weight (tree), or is weighed on its values (level)").choices(GROUP_WEIGHT_RULES),
        "groupWeights",
      ),
    )
    .addOption(new Option("--entropy-input <form>", "entropy of min-max scores (Chinese textbooks) or of raw values (Xu 2004)").choices(ENTROPY_INPUTS).default(undefined, WEIGHTING_DEFAULTS.entropyInput))
    .addOption(withMethodDefault(new Option("--entropy-shift <c>", "entropy: add c to every min-max score before taking shares (0 = textbook)").argParser(numberOption("--entropy-shift", 0, 1)), "entropyShift"))
    .addOption(withMethodDefault(new Option("--pca-rotation <rotation>", "pca: rotate the retained components (OECD handbook) or not").choices(PCA_ROTATIONS), "pcaRotation"))
    .addOption(new Option("--subjective <method>", "combined: the subjective set (default: ahp with --ahp, else explicit)").choices(SUBJECTIVE_METHODS))
    .addOption(withMethodDefault(new Option("--objective <method>", "combined: the objective set").choices(OBJECTIVE_METHODS), "objective"))
    .addOption(withMethodDefault(new Option("--combination <form>", "combined: additive alpha*s + (1-alpha)*o, or multiplicative s*o/sum").choices(COMBINATIONS), "combination"))
    .addOption(withMethodDefault(new Option("--alpha <a>", "combined, additive: the share of the subjective set").argParser(numberOption("--alpha", 0, 1)), "alpha"));
}

/** Whether a run of `method` reads AHP judgements. */
export function usesAhp(method: WeightMethod, options: Pick<WeightingCliOptions, "subjective" | "ahp">): boolean {
  return usesJudgements(method, options.subjective, options.ahp !== undefined);
}

/**
 * Derives the weights for a command: reads the judgements when AHP is involved (the shipped example's file when the
 * shipped example is used and no `--ahp` is given), loads mathjs for the eigenvector, and runs the pure core. Without
 * `inputs.panel` (`weights` given the tree alone), only the methods that read no values (`SUBJECTIVE_METHODS`) run.
 */
export async function runWeighting(
  method: WeightMethod,
  options: WeightingCliOptions & { strict?: boolean },
  inputs: { tree: Tree; panel?: Panel; example: boolean },
  env: CliEnv,
): Promise<WeightingResult> {
  const ahp = usesAhp(method, options);
  const { judgements, judgementSource, unreadable } = ahp ? await readJudgements(options, inputs, env) : {};
  let result: WeightingResult;
  try {
    result = deriveWeights(inputs.tree, inputs.panel, {
      ...weightingChoicesOf(options),
      method,
      judgements,
      // The file given, when no method reads it, for deriveWeights to warn of (W_OPTION_UNUSED).
      judgementSource: judgementSource ?? options.ahp,
      eigen: ahp ? await loadMathjsEigen() : undefined,
      // Without combined, a subjective set given is passed on to be warned of.
      subjective: method === "combined" ? (options.subjective ?? (judgements || unreadable ? "ahp" : "explicit")) : options.subjective,
      strict: options.strict,
    });
  } catch (error) {
    // Without the judgements, the weighting's other problems (weight years absent from the data) are still found: they
    // are reported with the file that cannot be read, which stands for the judgements' absence.
    if (!unreadable || !(error instanceof ValidationError)) throw error;
    throw new ValidationError([unreadable, ...error.issues.filter((issue) => issue.code !== "E_AHP_NO_JUDGEMENTS")], undefined, undefined, error.warnings);
  }
  if (unreadable) throw new ValidationError([unreadable]);
  return result;
}

/**
 * The AHP judgements of a weighting that reads them: from `--ahp`, or the shipped example's file when the shipped
 * example is used. Without a file, none (deriveWeights then finds them missing, E_AHP_NO_JUDGEMENTS: one problem among
 * the weighting's and the index's others, a usage error when the method was typed: `judgementsMissingAsUsage`). A file
 * that cannot be read (no such file) is `unreadable`, one problem among the others too. With the tree, a bad value
 * does not hide the judgements' other problems (an unknown group, a self-comparison); without it (a tree that was
 * refused), they are read without those checks.
 */
async function readJudgements(
  options: Pick<WeightingCliOptions, "ahp">,
  inputs: { tree?: Tree; example: boolean },
  env: CliEnv,
): Promise<{ judgements?: Judgement[]; judgementSource?: string; unreadable?: Issue }> {
  const path = options.ahp ?? (inputs.example ? EXAMPLE_AHP.path : undefined);
  const judgementSource = options.ahp ?? (inputs.example ? EXAMPLE_AHP.label : undefined);
  if (!path) return { judgementSource };
  try {
    return { judgements: await readAhpJudgements(isAbsolute(path) ? path : resolve(env.cwd, path), judgementSource, inputs.tree), judgementSource };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Its column is the flag, so that it is kept beside the problems of the values and named by its key in a project.
    const unreadable = { code: error.code, message: error.message, source: error.source, line: error.line, column: error.column ?? "--ahp", id: error.id };
    return { judgementSource, unreadable };
  }
}

/**
 * The weighting's problems that need no tree, for a tree that was refused (`rethrowWithMethodChecks`): judgements
 * named nowhere (as deriveWeights says it), a judgement file that cannot be read or the problems of its own (a value
 * that is no positive number, a matrix that is not reciprocal), and weight years or units absent from the values (their
 * `units` and `years`). Those against the tree (the judgements' groups and pairs, the weights of each group) wait for it.
 */
export async function weightingProblemsWithoutTree(
  method: WeightMethod,
  options: WeightingCliOptions,
  values: Pick<Panel, "units" | "years">,
  example: boolean,
  env: CliEnv,
): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (usesAhp(method, options)) {
    try {
      const { judgements, unreadable } = await readJudgements(options, { example }, env);
      if (unreadable) issues.push(unreadable);
      else if (!judgements) issues.push({ code: "E_AHP_NO_JUDGEMENTS", message: weightingMessages.ahpFileMissing() });
    } catch (error) {
      // A file read whose judgements are refused, read without the tree: its own problems (a value that is no positive
      // number, a matrix that is not reciprocal, a missing column); those against the tree (an unknown group, a pair
      // not judged) are said with the tree's checks, once the tree is valid.
      if (!(error instanceof ValidationError)) throw error;
      append(issues, error.issues);
    }
  }
  if ((OBJECTIVE_METHODS as readonly string[]).includes(method) || method === "combined") {
    const panel = { units: values.units, years: values.years, indicators: [], values: new Float64Array(0) };
    const chosen = selectObservations(panel, { units: options.weightUnits, years: options.weightYears });
    append(issues, chosen.issues.filter((issue) => issue.code === "E_UNKNOWN_WEIGHT_UNIT" || issue.code === "E_UNKNOWN_WEIGHT_YEAR"));
  }
  return issues;
}

/**
 * `error` as the command line's problem when a weighting reads AHP judgements none were given for and the method was
 * not set by index.yaml (typed, or from a preset): `--weights ahp` without `--ahp` is a usage error (exit 2), reported
 * alone, as the judgements were named nowhere. Set by index.yaml, the problem was placed at the file's line by
 * `errorInProjectTerms` (it has a source), and stays one problem among the others (exit 1). `error` as it is otherwise.
 */
export function judgementsMissingAsUsage(error: unknown): unknown {
  if (!(error instanceof ValidationError)) return error;
  const missing = error.issues.find((issue) => issue.code === "E_AHP_NO_JUDGEMENTS" && issue.source === undefined);
  return missing ? new UsageError("E_USAGE", missing.message) : error;
}

/** The weighting options of a command line, by `deriveWeights`'s names; those not given are `undefined` (the method's defaults). */
function weightingChoicesOf(options: WeightingCliOptions): Omit<WeightingChoices, "method" | "judgementFile"> {
  return {
    allowInconsistent: options.allowInconsistent,
    years: options.weightYears,
    units: options.weightUnits,
    missing: options.weightMissing,
    groupWeights: options.groupWeights,
    entropyShift: options.entropyShift,
    entropyInput: options.entropyInput,
    randomIndex: options.randomIndex,
    pcaRotation: options.pcaRotation,
    subjective: options.subjective,
    objective: options.objective,
    combination: options.combination,
    alpha: options.alpha,
  };
}

/**
 * The weights of a command that computes the index, as `compute` takes them: derived by `runWeighting`, or for
 * `explicit` none (`computeIndex` reads the tree's own). `warnings` are those of the weighting, with the weighting
 * options the method leaves unused (`W_OPTION_UNUSED`; for `explicit` checked here, as `deriveWeights` does for the
 * others, and errors under `strict`).
 */
export async function weighIndex(
  method: WeightMethod,
  options: WeightingCliOptions & { strict?: boolean },
  inputs: { tree: Tree; panel: Panel; example: boolean },
  env: CliEnv,
): Promise<{ weighting?: WeightingResult; warnings: Issue[] }> {
  if (method !== "explicit") {
    const weighting = await runWeighting(method, options, inputs, env);
    return { weighting, warnings: weighting.warnings };
  }
  return { warnings: explicitWeightingWarnings({ ...weightingChoicesOf(options), judgementFile: options.ahp !== undefined }, options.strict) };
}

/**
 * The units and years objective weights came from: the summary's, less a unit whose every year was left out
 * (`--weight-missing drop`, `summary.dropped`) and a year left out for every unit, which gave no observation.
 */
export function contributingUnitsAndYears(summary: WeightingSummary): { units: readonly string[]; years: readonly number[] } {
  const units = summary.units ?? [];
  const years = summary.years ?? [];
  if (!summary.dropped?.length) return { units, years };
  const droppedByUnit = new Map<string, number>();
  const droppedByYear = new Map<number, number>();
  for (const { unit, year } of summary.dropped) {
    droppedByUnit.set(unit, (droppedByUnit.get(unit) ?? 0) + 1);
    droppedByYear.set(year, (droppedByYear.get(year) ?? 0) + 1);
  }
  return {
    units: units.filter((unit) => (droppedByUnit.get(unit) ?? 0) < years.length),
    years: years.filter((year) => (droppedByYear.get(year) ?? 0) < units.length),
  };
}

/** The diagnostic lines: the method, the observations objective weights came from, and the AHP consistency table. */
export function describeWeighting(result: WeightingResult): string {
  const summary = result.summary;
  const lines = [commandMessages.weightsBy(summary.method, summary.judgements)];
  if (summary.years && summary.units) {
    // Only the units and years that gave an observation (a unit whose every year had a gap is no source).
    const { units, years } = contributingUnitsAndYears(summary);
    lines.push(
      commandMessages.objectiveObservations(
        summary.observations,
        summary.dropped?.length,
        units.map((unit) => (unit ? printable(unit, true) : "")),
        years,
        summary.groupWeights,
        summary.entropyShift,
        summary.entropyInput,
        summary.pcaRotation,
      ),
    );
  }
  if (result.consistency.length > 0) {
    const rows = [["group", "n", "lambda_max", "CI", "CR"]];
    for (const row of result.consistency) rows.push([row.group, String(row.n), formatValue(row.lambdaMax, 4), formatValue(row.ci, 4), formatValue(row.cr, 4)]);
    lines.push(commandMessages.ahpConsistency(summary.randomIndex, renderColumns(rows)));
  }
  // Each line a message, translated on its own (src/core/localize.ts).
  return joinMessages(...lines.flatMap((line) => [line, "\n"]));
}
