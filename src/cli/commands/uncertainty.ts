/**
 * `uncertainty`: Monte Carlo uncertainty analysis and Sobol sensitivity analysis of the index over the choices the
 * user lets vary (weights, normalisation, aggregation, missing-value policy); writes uncertainty.csv,
 * sensitivity.csv and uncertainty.html to --out. Every method and data option of `compute` applies to every run, so the
 * nominal run is `compute` with the same options.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { byteSizeOf, defaultMemoryLimit } from "../../io/memory.js";
import { resolve } from "node:path";
import { formatBytes } from "../../core/limit-messages.js";
import { AGGREGATE_METHODS, type AggregateMethod } from "../../core/aggregate.js";
import { MISSING_POLICIES, type MissingPolicy } from "../../core/compute.js";
import { messages } from "../../core/messages.js";
import { projectMessages } from "../../core/project-messages.js";
import { NORMALIZE_METHODS, type NormalizeMethod } from "../../core/normalize.js";
import { MAX_SEED } from "../../core/random.js";
import type { UncertaintyResult } from "../../core/uncertainty.js";
import { tableWords, type TableWords } from "../../core/table-words.js";
import type { WeightMethod } from "../../core/weighting/derive.js";
import { refuseUnderStrict, UsageError, ValidationError, type Issue } from "../../errors.js";
import { loadInputs } from "../../io/read/load.js";
import { formatRankQuantile, formatValue, UTF8_BOM } from "../../io/write/to-csv.js";
import { refuseRunFolder, writeFilesAtomic } from "../../io/write/write.js";
import { addDataOptions, dataOptionsOf, describeDataStage, type DataOptions } from "../data-options.js";
import type { CliEnv } from "../env.js";
import { addMethodOptions, addScreenOptions, methodOptionsOf, unusedScreenOptions, type MethodCommandOptions } from "../method-options.js";
import { screenPanel, type ScreenScope } from "../../core/screen.js";
import { unitLookalikeWarnings } from "../../core/unit-lookalike.js";
import { addPresetOptions, applyPreset, explainPreset } from "../presets.js";
import { addInputOptions, choiceList, commaItems, integerOption, resolveInputs, yearOption, type InputOptions } from "../options.js";
import { applyProject, type AppliedProject } from "../project-options.js";
import { renderColumns, SUMMARY_UNITS } from "../render.js";
import { folderWarnings, printWarnings } from "../report-issues.js";
import { addWeightingOptions, addWeightsOption, describeWeighting, weighIndex, type WeightingCliOptions } from "../weighting-options.js";
import { REPORT_LANGUAGES } from "../../io/report/labels.js";
import type { Language } from "../../io/write/tables.js";
import { terminalMessages } from "../../core/terminal-messages.js";
import { commandMessages } from "../../core/command-messages.js";

export interface UncertaintyCommandOptions extends InputOptions, MethodCommandOptions, DataOptions, WeightingCliOptions {
  baseYear?: number;
  strict: boolean;
  weights: WeightMethod;
  /** `--screen`, `--screen-by`: units left out before the analysis, as `compute` leaves them out (whole units only). */
  screen?: number;
  screenBy?: ScreenScope;
  weightNoise?: number;
  weightRanges?: string;
  /** The lists of methods to draw from; absent: the single method of `--normalise`, `--aggregate`, `--missing`. */
  normalisations?: NormalizeMethod[];
  aggregations?: AggregateMethod[];
  missingPolicies?: MissingPolicy[];
  replications: number;
  bootstrap: number;
  seed: number;
  out: string;
  decimals: number;
  quiet: boolean;
  /** Bytes the design may take (`--memory-limit`); default `defaultMemoryLimit()`. */
  memoryLimit?: number;
  /** Language of uncertainty.html. Default `zh`. */
  lang: Language;
}


/** Parses a size such as `8GB`, `512MB`, `1.5G` or a number of bytes (powers of 1024), for `--memory-limit`. */
export function parseByteSize(text: string): number {
  const bytes = byteSizeOf(text);
  if (!(bytes !== undefined && bytes > 0)) throw new InvalidArgumentError(commandMessages.memoryLimitOption(text));
  return bytes;
}

/**
 * Parses a comma-separated list of methods from `allowed` (the core's method list), for commander. A method off the list
 * typed on the command line is refused before this parser runs (`choiceList`: in the tool's words, with the closest
 * method); one in index.yaml, here.
 */
export function methodListOption<T extends string>(option: string, kind: string, allowed: readonly T[]) {
  return choiceList((text: string): T[] => {
    const list = commaItems(text);
    for (const [i, item] of list.entries()) {
      if (!allowed.includes(item as T)) throw new InvalidArgumentError(messages.unknownMethod(kind, item, allowed));
      if (list.indexOf(item) !== i) throw new InvalidArgumentError(messages.duplicateChoice(option, item));
    }
    if (list.length === 0) throw new InvalidArgumentError(commandMessages.emptyMethodList(option, allowed));
    return list as T[];
  }, allowed);
}

function fractionOption(text: string): number {
  const value = Number(text);
  if (!/^\s*\d*\.?\d+(e-?\d+)?\s*$/i.test(text) || !(value > 0 && value <= 1))
    throw new InvalidArgumentError(commandMessages.weightNoiseOption(text));
  return value;
}

/** `--bootstrap`: 0 (none), or 2 to 100,000 resamples. */
function resampleOption(text: string): number {
  const value = integerOption("--bootstrap", 0, 100_000)(text);
  if (value === 1) throw new InvalidArgumentError(commandMessages.bootstrapOne(text));
  return value;
}

export function registerUncertainty(program: Command, env: CliEnv): void {
  const command = program
    .command("uncertainty")
    .description("Monte Carlo uncertainty and Sobol sensitivity analysis of the index over the choices that vary")
    .addHelpText(
      "after",
      `
The first method of each list is the nominal one; every other compute option applies to every run.
Writes uncertainty.csv, sensitivity.csv and uncertainty.html. In a project, index.yaml's uncertainty:
block sets these options. Ranks are competition ranks, as in ranks.csv; normalisations on different
scales are warned about (docs/guides/uncertainty-notes.md). More: docs/guides/uncertainty.md

Examples:
  $ innovation-index uncertainty --weight-noise 0.2 --aggregations arithmetic,geometric --replications 1000 --seed 1
  $ innovation-index uncertainty -i tree.csv -d values.csv --weights entropy --weight-noise 0.2 --outliers winsorise
  $ innovation-index uncertainty -i tree.csv -d values.csv --weight-ranges ranges.csv --missing-policies interpolate,reweight`,
    );
  addMethodOptions(addInputOptions(command))
    .option("--base-year <year>", "year every fixed-base index is 100 in (default: the earliest year in the data)", yearOption("--base-year"))
    .option("--strict", "treat warnings as errors (W_ codes become E_)", false);
  addWeightingOptions(addDataOptions(addScreenOptions(addWeightsOption(command))))
    .option("--weight-noise <r>", "perturb every weight uniformly within ±r of itself (0.2 = ±20%), then renormalise siblings", fractionOption)
    .option("--weight-ranges <file>", "CSV code,min,max: draw these nodes' weights uniformly from [min, max], then renormalise siblings")
    .addOption(
      new Option("--normalisations <list>", "normalisation methods to draw from, comma-separated (help methods); default: --normalise alone")
        .argParser(methodListOption("--normalisations", "normalisation", NORMALIZE_METHODS)),
    )
    .addOption(
      new Option("--aggregations <list>", `aggregation methods to draw from (${AGGREGATE_METHODS.join(", ")}); default: the --aggregate method alone`)
        .argParser(methodListOption("--aggregations", "aggregation", AGGREGATE_METHODS)),
    )
    .addOption(
      new Option("--missing-policies <list>", "missing-value policies to draw from, comma-separated (help data); default: --missing alone")
        .argParser(methodListOption("--missing-policies", "missing-value policy", MISSING_POLICIES)),
    )
    .option("-n, --replications <n>", "replications N of the Saltelli design (2N runs for the intervals, N·(k+2) in all)", integerOption("--replications", 2, 10_000_000), 1000)
    .option("--seed <n>", "seed of the random generator: the same seed gives the same numbers", integerOption("--seed", 0, MAX_SEED), 1)
    .option("--bootstrap <b>", "resample the design's rows b times for 95% intervals of the sensitivity indices over all units (0: none)", resampleOption, 0)
    .option("-o, --out <dir>", "folder for uncertainty.csv, sensitivity.csv and uncertainty.html", "out")
    .option("--decimals <n>", "decimals printed in the CSV files", integerOption("--decimals", 0, 15), 4)
    .addOption(
      new Option("--memory-limit <size>", "memory the design may take, such as 8GB; a larger design is refused before it starts")
        .argParser(parseByteSize)
        .default(undefined, `half of the memory this process may use, ${formatBytes(defaultMemoryLimit())}`),
    )
    .addOption(new Option("--lang <language>", "language of uncertainty.html").choices(REPORT_LANGUAGES).default("zh"))
    .option("-q, --quiet", "print nothing but errors", false);
  addPresetOptions(command).action(async (_options: UncertaintyCommandOptions, command: Command) => {
    const project = await applyProject(command, env);
    // The preset as compute applies it, so that the nominal run is compute's; as the library's uncertainty(), without
    // its performance groups, which no run of the analysis forms.
    const preset = applyPreset(command, { leaveOut: ["performance-groups"], env });
    if (preset && command.getOptionValue("explain")) return void env.stdout(explainPreset(command, preset, env.translate));
    return runUncertainty(command.opts(), env, optionSourcesOf(command, project));
  });
}

/** The method lists of the analysis, their first methods the nominal choice. */
export interface ChoiceLists {
  normalizations: NormalizeMethod[];
  aggregations: AggregateMethod[];
  missingPolicies: MissingPolicy[];
  /** `--aggregate`'s methods by level, applied to every run (empty when a list replaces a project file's `aggregate`). */
  aggregateByLevel?: Readonly<Record<number, AggregateMethod>>;
}

/** Where an option's value came from: typed, the project file, a preset, or none (absent, or the option's default). */
export type OptionSource = "command line" | "project file" | "preset" | undefined;

/** Where the options of a run came from, and the project file that set some of them (for its messages). */
export interface OptionSources {
  /** The source of the option with attribute name `name`. */
  sourceOf: (name: string) => OptionSource;
  project?: Pick<AppliedProject, "label" | "lineOf" | "settings">;
}

/** Every option typed (a run without a project, from code). */
const ALL_TYPED: OptionSources = { sourceOf: () => "command line" };

/** The sources of a command's options after `applyProject`. */
export function optionSourcesOf(command: Command, project: AppliedProject | undefined): OptionSources {
  const sourceOf = (name: string): OptionSource => {
    const source = command.getOptionValueSource(name);
    return source === "cli" ? "command line" : source === "config" ? "project file" : source === "preset" ? "preset" : undefined;
  };
  return { sourceOf, project };
}

/**
 * The method lists from the single options (`--normalise`, `--aggregate`, `--missing`) and the lists
 * (`--normalisations`, `--aggregations`, `--missing-policies`): a single option alone is a list of one; a list alone
 * stands. What is typed replaces what the project file says about the same choice (a typed list replaces the file's
 * `methods:` method, a typed single method the file's `uncertainty:` list). Given together on the command line, or
 * together in the file, the single method and the list must agree on the nominal (first) method: else a `UsageError`,
 * or a `ValidationError` naming the file's key and line.
 */
export function choiceListsOf(options: UncertaintyCommandOptions, { sourceOf, project }: OptionSources = ALL_TYPED): ChoiceLists {
  const methods = methodOptionsOf(options);
  const normaliseName = options.normalise !== undefined ? "normalise" : "normalize";
  const issues: Issue[] = [];
  const pick = <T extends string>(single: T | undefined, singleName: string, singleKey: string, list: T[] | undefined, listName: string, listKey: string, fallback: T): T[] => {
    // A preset's method gives way to a list, wherever the list comes from (as the library's uncertainty() does).
    const singleSource = single === undefined || sourceOf(singleName) === "preset" ? undefined : sourceOf(singleName);
    const listSource = list === undefined ? undefined : sourceOf(listName);
    if (list === undefined || (singleSource === "command line" && listSource === "project file")) return [single ?? fallback];
    if (singleSource === undefined || (listSource === "command line" && singleSource === "project file") || single === list[0]) return list;
    if (singleSource === "command line") throw new UsageError("E_USAGE", messages.nominalConflict(`--${singleKey}`, single!, `--${listKey}`, list));
    // Both from the project file.
    const methodsKey = singleKey === "normalize" ? "normalise" : singleKey;
    issues.push({
      code: "E_PROJECT",
      message: projectMessages.nominalConflict(`uncertainty.${listKey}`, project?.settings.uncertainty[listKey as "normalisations"] ?? list, `methods.${methodsKey}`, single!, project?.lineOf(["methods", methodsKey])),
      source: project?.label,
      line: project?.lineOf(["uncertainty", listKey]),
      column: `uncertainty.${listKey}`,
    });
    return list;
  };
  const normalizations = pick(methods.normalize, normaliseName, normaliseName, options.normalisations, "normalisations", "normalisations", "fixed-base");
  const aggregations = pick(methods.aggregate, "aggregate", "aggregate", options.aggregations, "aggregations", "aggregations", "arithmetic");
  const missingPolicies = pick(options.missing, "missing", "missing", options.missingPolicies, "missingPolicies", "missing-policies", "error");
  if (issues.length > 0) throw new ValidationError(issues);
  // A list typed on the command line replaces the project file's aggregate key, its levels included; any list replaces
  // a preset's aggregation.
  const replaced =
    options.aggregations !== undefined &&
    ((sourceOf("aggregations") === "command line" && sourceOf("aggregate") !== "command line") || sourceOf("aggregate") === "preset");
  return { normalizations, aggregations, missingPolicies, aggregateByLevel: replaced ? undefined : methods.aggregateByLevel };
}

/**
 * Runs `uncertainty`: read, validate, derive the weights, analyse, format, write. `sources` says which options were
 * typed and which the project file set (see `choiceListsOf`).
 */
export async function runUncertainty(options: UncertaintyCommandOptions, env: CliEnv, sources: OptionSources = ALL_TYPED): Promise<void> {
  const lists = choiceListsOf(options, sources);
  const varies =
    options.weightNoise !== undefined ||
    options.weightRanges !== undefined ||
    lists.normalizations.length > 1 ||
    lists.aggregations.length > 1 ||
    lists.missingPolicies.length > 1;
  if (!varies) throw new UsageError("E_USAGE", messages.nothingVaries());
  // Screening each unit-year apart leaves gaps that compute leaves empty but the runs of the analysis would fill (or
  // refuse): only whole units are screened here, as compute screens them.
  if (options.screen !== undefined && options.screenBy === "unit-year")
    throw new UsageError(
      "E_USAGE",
      commandMessages.screenByUnitYearInUncertainty(sources.sourceOf("screenBy") === "project file" && sources.project ? `${sources.project.label}: methods.screen-by` : "--screen-by"),
    );
  // --screen-by without --screen screens nothing: warned of, and refused under --strict before the analysis, as compute does.
  const unusedScreen = unusedScreenOptions(options);
  refuseUnderStrict(options.strict, unusedScreen);
  // The analysis and its writers load only when this command runs, so that other commands start fast.
  const [{ analyzeUncertainty }, { formatSensitivityCsv, formatUncertaintyCsv }, { formatUncertaintyHtml }, { readWeightRanges }, { createProgress }, { valueProvenance }] =
    await Promise.all([
      import("../../core/uncertainty.js"),
      import("../../io/write/uncertainty-csv.js"),
      import("../../io/report/uncertainty-html.js"),
      import("../../io/read/weight-ranges-csv.js"),
      import("../progress.js"),
      import("../../io/report/provenance.js"),
    ]);
  // A run folder as --out is refused before the analysis, not only by the writer after it.
  refuseRunFolder(resolve(env.cwd, options.out), options.out);
  const inputs = resolveInputs(options, env);
  // uncertainty.html, always written, says how many values are illustrative by the values' source column: a values
  // file with one is read the general way, which keeps it (as compute reads it for report.html).
  const { tree, panel, records } = await loadInputs(inputs.indicators, inputs.data, inputs.labels, { ...options, keepSources: true });
  const weightRanges = options.weightRanges
    ? await readWeightRanges(resolve(env.cwd, options.weightRanges), options.weightRanges, tree)
    : undefined;
  // Derived weights are the nominal weights: computed once, as compute does, then perturbed by the noise or ranges.
  const { weighting, warnings: weightingWarnings } = await weighIndex(options.weights, options, { tree, panel, example: inputs.example }, env);
  // The units screening leaves out are left out of every run, after the weights are derived from every unit (as compute
  // derives them), so that the nominal run is compute's with --screen.
  const screening = options.screen === undefined ? undefined : screenPanel(tree, panel, { threshold: options.screen, by: "unit" });
  if (screening && screening.issues.length > 0) throw new ValidationError(screening.issues);
  const analysedPanel = screening?.panel ?? panel;
  const { normalize: _normalize, aggregate: _aggregate, aggregateByLevel: _byLevel, ...methodSettings } = methodOptionsOf(options);
  const { missing: _missing, ...dataSettings } = dataOptionsOf(options);
  const progress = createProgress(env, "uncertainty", options.quiet);
  let result: UncertaintyResult;
  try {
    result = analyzeUncertainty(tree, analysedPanel, {
      ...methodSettings,
      ...dataSettings,
      aggregateByLevel: lists.aggregateByLevel,
      baseYear: options.baseYear,
      strict: options.strict,
      weights: weighting?.weights,
      weighting: weighting?.summary,
      replications: options.replications,
      seed: options.seed,
      bootstrap: options.bootstrap,
      weightNoise: options.weightNoise,
      weightRanges,
      normalizations: lists.normalizations,
      aggregations: lists.aggregations,
      missingPolicies: lists.missingPolicies,
      onProgress: progress.update,
      memoryLimit: options.memoryLimit ?? defaultMemoryLimit(),
      // Two units named alike are looked for before screening, as compute looks (a unit screened out under a name
      // like a kept unit's is still one unit under two names).
      unitLookalikes: unitLookalikeWarnings(panel),
    });
  } finally {
    progress.finish();
  }
  // A warning about an option index.yaml set names its line and key in uncertainty.html as on the terminal: worded
  // once, here, by the same `env.inProjectTerms` (the printing finds them worded so already).
  result = { ...result, warnings: [...(env.inProjectTerms?.(result.warnings) ?? result.warnings)] };
  const files = {
    // Files in a folder start with a UTF-8 byte order mark, so that Excel on Chinese Windows reads their names right.
    "uncertainty.csv": UTF8_BOM + formatUncertaintyCsv(result, options.decimals),
    "sensitivity.csv": UTF8_BOM + formatSensitivityCsv(result, options.decimals),
    // The tree by its file's name, not its path as typed: the page is the same bytes from any folder, and names no
    // folder of the machine it was made on.
    // The values' provenance is counted on the nominal run's panel (the screened units left out), as compute counts it.
    "uncertainty.html": formatUncertaintyHtml(result, {
      language: options.lang ?? "zh",
      name: sources.project?.settings.name,
      tree: inputs.labels.tree.split(/[\\/]/).pop(),
      provenance: valueProvenance(result.nominalRun, records, inputs.example),
    }),
  };
  await writeFilesAtomic(resolve(env.cwd, options.out), files, options.out, 1, folderWarnings(env));
  if (options.quiet) return;
  printWarnings([...unusedScreen, ...weightingWarnings, ...result.warnings], env);
  if (weighting) env.stderr(describeWeighting(weighting));
  const dataStage = describeDataStage(result.nominalRun, { files: false });
  if (dataStage) env.stderr(commandMessages.nominalRun(dataStage));
  if (inputs.example) env.stderr(terminalMessages.usingExample());
  // The intervals of the first SUMMARY_UNITS units, how many more there are (uncertainty.csv holds them all), then the
  // shares of the variance.
  env.stdout(renderUncertaintyIntervals(result, env.words, SUMMARY_UNITS));
  const more = result.units.length - SUMMARY_UNITS;
  if (more > 0) env.stderr(terminalMessages.moreUnits(more, `${options.out.replace(/[\\/]+$/, "")}/uncertainty.csv`));
  env.stdout(`\n${renderUncertaintySensitivity(result, env.words)}`);
  env.stderr(terminalMessages.wroteFiles(Object.keys(files), options.out));
}

/** The terminal summary: the last year's intervals per unit, and each choice's share of the variance. */
export function renderUncertaintySummary(result: UncertaintyResult, words: TableWords = tableWords): string {
  return `${renderUncertaintyIntervals(result, words)}\n${renderUncertaintySensitivity(result, words)}`;
}

/** The last year's intervals of the first `shownUnits` units (default all), one a row. */
function renderUncertaintyIntervals(result: UncertaintyResult, words: TableWords = tableWords, shownUnits = Infinity): string {
  const y = result.years.length - 1;
  const yearCount = result.years.length;
  const rows = [words.uncertaintyHeadings()];
  result.units.slice(0, shownUnits).forEach((unit, u) => {
    const cell = u * yearCount + y;
    const f = (value: number) => formatValue(value, 2);
    // A rank is a whole number (the nominal one always); a quantile between two ranks keeps the decimals it needs
    // (40.95, not 41.0), as uncertainty.html shows it.
    const rank = formatRankQuantile;
    rows.push([
      unit || words.unnamedUnit(),
      f(result.index.nominal[cell]),
      f(result.index.median[cell]),
      f(result.index.low[cell]),
      f(result.index.high[cell]),
      rank(result.rank.nominal[cell]),
      `${rank(result.rank.low[cell])}-${rank(result.rank.high[cell])}`,
    ]);
  });
  return `${words.uncertaintyTitle(result.years[y], result.replications, result.runs, result.seed)}\n${renderColumns(rows)}\n`;
}

/** Each choice's share of the variance of the last year's index, over all units. */
function renderUncertaintySensitivity(result: UncertaintyResult, words: TableWords = tableWords): string {
  const y = result.years.length - 1;
  const sensitivity = [words.sensitivityHeadings()];
  result.choices.forEach(({ choice }, i) => {
    const at = i * result.years.length + y;
    sensitivity.push([words.uncertaintyChoice(choice), formatValue(result.sensitivity.index.overallFirstOrder[at], 3), formatValue(result.sensitivity.index.overallTotal[at], 3)]);
  });
  return `${words.sensitivityTitle(result.years[y])}\n${renderColumns(sensitivity)}\n`;
}
