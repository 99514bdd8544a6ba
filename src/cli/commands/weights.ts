/**
 * `weights`: derive the weights of every node by a method and print (or write) them, with AHP consistency. `--out`
 * writes CSV, JSON or a one-sheet workbook, chosen by the file's extension (which must agree with `--format`). The
 * methods that read no values (explicit, equal, ahp) take the tree alone (`-i` without `-d`): `refuseWithoutValues`.
 */
import { Option, type Command } from "commander";
import { resolve } from "node:path";
import { SUBJECTIVE_METHODS, WEIGHT_METHODS, type WeightMethod } from "../../core/weighting/derive.js";
import { loadInputs, readTreeFile } from "../../io/read/load.js";
import { refuseUnderStrict, UsageError } from "../../errors.js";
import {
  formatOptimisedCsv,
  formatOptimisedJson,
  formatWeightsCsv,
  formatWeightsJson,
  optimisedWorkbookRows,
  weightsWorkbookRows,
} from "../../io/write/to-weights.js";
import { computeIndex } from "../../core/compute.js";
import type { AggregateMethod } from "../../core/aggregate.js";
import type { Panel } from "../../core/panel.js";
import type { Tree } from "../../core/types.js";
import { globalWeights } from "../../core/weight.js";
import type { WeightingResult } from "../../core/weighting/derive.js";
import { optimiseWeights, type ImportanceShare } from "../../core/weighting/optimise.js";
import { UTF8_BOM } from "../../io/write/to-csv.js";
import { writeFileAtomic, type FileContent } from "../../io/write/write.js";
import { outputMessages } from "../../core/output-messages.js";
import type { Issue } from "../../errors.js";
import { addDataOptions, dataOptionsOf, type DataOptions } from "../data-options.js";
import { addMethodOptions, addScreenOptions, methodOptionsOf, screenOptionOf, unusedScreenOptions, type MethodCommandOptions } from "../method-options.js";
import type { ScreenScope } from "../../core/screen.js";
import { addPresetOptions, applyPreset, explainPreset } from "../presets.js";
import type { CliEnv } from "../env.js";
import { addInputOptions, integerOption, resolveInputs, treeAloneOf, type InputOptions } from "../options.js";
import { folderWarnings, printWarnings } from "../report-issues.js";
import { addWeightingOptions, describeWeighting, runWeighting, type WeightingCliOptions } from "../weighting-options.js";
import { terminalMessages } from "../../core/terminal-messages.js";
import { commandMessages } from "../../core/command-messages.js";

export interface WeightsCommandOptions extends InputOptions, WeightingCliOptions, DataOptions, MethodCommandOptions {
  /** Optimise the weights for effective importance (targets: the derived weights). */
  optimise?: boolean;
  /** The method (`--weights`, as in `compute`; `-m`/`--method` is the same). */
  weights?: WeightMethod;
  method?: WeightMethod;
  /** The printed format (default csv); with `--out`, the file's extension chooses it and must agree. */
  format?: WeightsFormat;
  out?: string;
  decimals: number;
  strict: boolean;
  /** `--screen`, `--screen-by`: read by `--optimise` only, whose index compute would compute without those units. */
  screen?: number;
  screenBy?: ScreenScope;
}

const WEIGHTS_FORMATS = ["csv", "json"] as const;
type WeightsFormat = (typeof WEIGHTS_FORMATS)[number];
/** The file formats of `--out`, by extension. */
const OUT_EXTENSIONS = ["csv", "json", "xlsx"] as const;
type OutFormat = (typeof OUT_EXTENSIONS)[number];

/**
 * The format of the output: `--format` (default csv) on stdout; with `--out`, its extension (.csv, .json or .xlsx),
 * which an explicit `--format` must agree with. Anything else is a usage error naming what was found.
 */
export function weightsFormatOf(options: Pick<WeightsCommandOptions, "format" | "out">): OutFormat {
  if (options.out === undefined || options.out === "-") return options.format ?? "csv";
  const extension = /\.([^./\\]+)$/.exec(options.out)?.[1] ?? "";
  const format = OUT_EXTENSIONS.find((candidate) => candidate === extension.toLowerCase());
  if (!format) throw new UsageError("E_USAGE", outputMessages.outExtension(options.out, extension, OUT_EXTENSIONS));
  if (options.format !== undefined && options.format !== format) throw new UsageError("E_USAGE", outputMessages.outExtensionDisagrees(options.out, format, options.format));
  return format;
}

export function registerWeights(program: Command, env: CliEnv): void {
  const command = program
    .command("weights")
    .description("derive the weight of every node (within its siblings and in the overall index) and print them")
    .addHelpText(
      "after",
      `
Methods: explicit (the tree), equal (level by level), ahp (--ahp FILE) read no values (-d optional); entropy,
critic, cv (coefficient of variation), pca, combined (--subjective, --objective, --combination, --alpha) need -d.

Examples:
  $ innovation-index weights --weights entropy                 # the shipped Changzhou example (-m/--method is the same)
  $ innovation-index weights -i tree.csv --method ahp --ahp ahp.yaml   # no -d: the tree and the judgements are enough
  $ innovation-index weights -i tree.csv -d values.csv --method critic --weight-years 2018-2020 --out weights.xlsx
  $ innovation-index weights -i tree.csv -d values.csv --method combined --ahp ahp.csv --objective entropy --alpha 0.5`,
    );
  addMethodOptions(addDataOptions(addInputOptions(command)))
    .option("--optimise", "match effective importance (r² with the parent, Paruolo et al. 2013) to the method's weights", false)
    .addOption(new Option("--weights <method>", "weighting method (-m, --method is the same; default explicit)").choices(WEIGHT_METHODS))
    .addOption(new Option("-m, --method <method>", "same as --weights").choices(WEIGHT_METHODS));
  addWeightingOptions(command)
    .addOption(new Option("--format <format>", "format on stdout (--out: by extension)").choices(WEIGHTS_FORMATS).default(undefined, "csv"))
    .option("-o, --out <file>", "the file: .csv, .json or .xlsx (default: stdout)")
    .option("--decimals <n>", "decimals of the weights (CSV, .xlsx)", integerOption("--decimals", 0, 15), 6)
    .option("--strict", "treat warnings as errors", false)
    .option("-q, --quiet", "print nothing but errors", false);
  // weights forms no performance groups (compute's groups.csv): the flag is refused rather than taken and ignored.
  const taken = command.options.filter((option) => option.long !== "--performance-groups");
  (command.options as Option[]).splice(0, command.options.length, ...taken);
  addPresetOptions(addScreenOptions(command)).action(async (_options: WeightsCommandOptions, command: Command) => {
    // The preset as compute applies it (index.yaml was applied before the action): its weighting method unless
    // --weights, -m/--method or index.yaml's weights names one, its methods for --optimise's index; no performance
    // groups (weights forms none) and no base year (--optimise's fixed-base index takes the earliest year, as before).
    const preset = applyPreset(command, { leaveOut: ["base-year", "performance-groups"], env });
    if (preset && command.getOptionValue("explain")) return void env.stdout(explainPreset(command, preset, env.translate));
    return runWeights(command.opts(), env, typedOptions(command));
  });
}

/** The long names of the options typed on the command line (not those index.yaml, a preset or a default set). */
function typedOptions(command: Command): Set<string> {
  return new Set(command.options.filter((option) => option.long && command.getOptionValueSource(option.attributeName()) === "cli").map((option) => option.long!));
}

/**
 * The options that read the values (`--data`): which of them and how they are treated (`--sheet`, `--unit`, the gaps,
 * the outliers), the observations of objective weights, and `--optimise` with the options of the index it computes.
 * Typed with the tree alone (`-i` without `-d`), they are refused rather than taken and ignored; `--encoding`,
 * `--decimal` and `--tree-sheet` read the tree too, and the options of methods not run are warned of as with values.
 */
const VALUE_OPTIONS = [
  "--optimise",
  "--screen",
  "--screen-by",
  "--weight-years",
  "--weight-units",
  "--weight-missing",
  "--unit",
  "--sheet",
  "--missing",
  "--unfilled",
  "--zero-base",
  "--outliers",
  "--winsor-max",
  "--outlier-scope",
  "--normalise",
  "--normalize",
  "--cap",
  "--dampen",
  "--reference-unit",
  "--range",
  "--z-scale",
  "--power",
  "--min-group-coverage",
  "--aggregate",
] as const;

/**
 * The options of the index `--optimise` computes, its data stage's (gaps, zero bases, outliers) and its methods', which
 * nothing reads without it: the weights are derived from the values as read, as compute derives them. Those of
 * `VALUE_OPTIONS` but --optimise itself, and those that say which values are read or how the weights use them.
 */
const INDEX_OPTIONS = VALUE_OPTIONS.filter(
  (flag) => !["--optimise", "--screen-by", "--weight-years", "--weight-units", "--weight-missing", "--unit", "--sheet"].includes(flag),
);

/**
 * Options of `--optimise`'s index typed without `--optimise` (and with the values: with the tree alone they are
 * refused, `refuseWithoutValues`): a warning (`W_OPTION_UNUSED`) naming them, refused under `--strict`, as compute warns
 * of an option that does nothing. Set by index.yaml or a preset, they are the project's methods, not warned of.
 */
function unusedIndexOptions(options: WeightsCommandOptions, typed: ReadonlySet<string>): Issue[] {
  const unused = options.optimise ? [] : INDEX_OPTIONS.filter((flag) => typed.has(flag));
  return unused.length === 0 ? [] : [{ code: "W_OPTION_UNUSED", message: commandMessages.indexOptionsWithoutOptimise(unused) }];
}

/**
 * The tree alone (`-i` without `-d`) is enough for the methods that read no values (`explicit`, `equal`, `ahp`, which a
 * person chooses: `SUBJECTIVE_METHODS`). Another method is refused, naming it, as is an option typed that reads the
 * values (`VALUE_OPTIONS`): usage errors (exit 2), before anything is read.
 */
function refuseWithoutValues(method: WeightMethod, typed: ReadonlySet<string>): void {
  if (!(SUBJECTIVE_METHODS as readonly string[]).includes(method)) throw new UsageError("E_USAGE", commandMessages.dataMissingForMethod(method, SUBJECTIVE_METHODS));
  const reading = VALUE_OPTIONS.filter((flag) => typed.has(flag));
  if (reading.length > 0) throw new UsageError("E_USAGE", commandMessages.optionsNeedData(reading, method));
}

/** Computes the index with the derived weights and optimises them for effective importance. */
function optimiseForImportance(tree: Tree, panel: Panel, derived: WeightingResult, options: WeightsCommandOptions): { result: WeightingResult; rows: ImportanceShare[] } {
  const methodOptions = methodOptionsOf(options);
  const index = computeIndex(tree, panel, { ...methodOptions, ...screenOptionOf(options), ...dataOptionsOf(options), weights: derived.weights, strict: options.strict });
  const methods = new Map(index.nodes.filter((node) => node.kind !== "indicator").map((node) => [node.code, node.method as AggregateMethod] as const));
  const optimised = optimiseWeights(tree, index, methods, derived.weights, { power: methodOptions.power });
  // Under --strict the search's warnings are errors too, as the derivation's are (a group whose shares are undefined).
  refuseUnderStrict(options.strict, optimised.warnings);
  return {
    result: { ...derived, weights: optimised.weights, globalWeights: globalWeights(tree, optimised.weights), warnings: [...derived.warnings, ...index.warnings, ...optimised.warnings] },
    rows: optimised.rows,
  };
}

/**
 * Runs `weights`: read, validate, derive, format, print or write. `typed`: the options typed on the command line (their
 * long names), of which those that read the values are refused with the tree alone (`refuseWithoutValues`).
 */
export async function runWeights(options: WeightsCommandOptions, env: CliEnv, typed: ReadonlySet<string> = new Set()): Promise<void> {
  // Checked first, so that a wrong --out is refused before the work.
  const format = weightsFormatOf(options);
  if (options.weights && options.method && options.weights !== options.method)
    throw new UsageError("E_USAGE", commandMessages.weightsDisagree(options.weights, options.method));
  const method = options.weights ?? options.method ?? "explicit";
  // The tree alone (-i without -d) for a method that reads no values: the tree file is read, and no values.
  const treeAlone = treeAloneOf(options, env);
  if (treeAlone) refuseWithoutValues(method, typed);
  // --screen-by without --screen (which --optimise's index reads), as compute finds it: warned of, refused under
  // --strict before the work.
  const unusedOptions = [...unusedScreenOptions(options), ...(treeAlone ? [] : unusedIndexOptions(options, typed))];
  refuseUnderStrict(options.strict, unusedOptions);
  // What reading the inputs found (rows a workbook hides but that are read, W_XLSX_HIDDEN; a series mixing percentages
  // with plain numbers): --optimise's index gives it among its own warnings; without it, given here, and refused under
  // --strict, as compute refuses it.
  const readWarnings: Issue[] = [];
  let tree: Tree;
  let panel: Panel | undefined;
  let example = false;
  if (treeAlone) {
    const onWarning = (warning: Issue) => readWarnings.push(warning);
    tree = await readTreeFile(treeAlone.indicators, treeAlone.label, { encoding: options.encoding, sheet: options.treeSheet, decimal: options.decimal, onWarning });
  } else {
    const inputs = resolveInputs(options, env);
    ({ tree, panel } = await loadInputs(inputs.indicators, inputs.data, inputs.labels, options));
    example = inputs.example;
    if (!options.optimise) readWarnings.push(...(panel.warnings ?? []));
  }
  refuseUnderStrict(options.strict, readWarnings);
  let result = await runWeighting(method, options, { tree, panel, example }, env);
  // --optimise is refused without values (refuseWithoutValues).
  const optimised = options.optimise && panel ? optimiseForImportance(tree, panel, result, options) : undefined;
  if (optimised) result = optimised.result;
  // A warning about an option index.yaml set names its line and key in the JSON written (a file or stdout) as on the
  // terminal: worded once, here, by the same `env.inProjectTerms` (the printing finds them worded so already).
  const warnings = [...readWarnings, ...result.warnings];
  result = { ...result, warnings: [...(env.inProjectTerms?.(warnings) ?? warnings)] };
  const outputWarnings: Issue[] = [];
  const content = await formatWeights(format, tree, result, optimised?.rows, options, (warning) => outputWarnings.push(warning));
  const toFile = options.out !== undefined && options.out !== "-";
  // A CSV file starts with a UTF-8 byte order mark, as every CSV file the tool writes, for Excel on Chinese Windows.
  if (toFile) await writeFileAtomic(resolve(env.cwd, options.out!), format === "csv" ? UTF8_BOM + (content as string) : content, options.out!, folderWarnings(env));
  else env.stdout(content as string);
  printWarnings([...result.warnings, ...outputWarnings, ...unusedOptions], env);
  if (example) env.stderr(terminalMessages.usingExample());
  env.stderr(describeWeighting(result));
  if (toFile) env.stderr(terminalMessages.wroteFile(options.out!));
}

/** The weights (with the importance shares under `--optimise`) as CSV or JSON text, or a one-sheet workbook's bytes. */
async function formatWeights(
  format: OutFormat,
  tree: Tree,
  result: WeightingResult,
  importance: readonly ImportanceShare[] | undefined,
  options: WeightsCommandOptions,
  onWarning: (warning: Issue) => void,
): Promise<FileContent> {
  switch (format) {
    case "json":
      return importance ? formatOptimisedJson(tree, result, importance) : formatWeightsJson(tree, result);
    case "csv":
      return importance ? formatOptimisedCsv(tree, result, importance, options.decimals) : formatWeightsCsv(tree, result, options.decimals);
    case "xlsx": {
      const rows = importance ? optimisedWorkbookRows(tree, result, importance, options.decimals) : weightsWorkbookRows(tree, result, options.decimals);
      const { formatWorkbook } = await import("../../io/read/xlsx.js");
      return formatWorkbook("weights", rows, { source: options.out, onWarning });
    }
    default: {
      const unknown: never = format;
      throw new UsageError("E_USAGE", commandMessages.unknownFormat(String(unknown)));
    }
  }
}
