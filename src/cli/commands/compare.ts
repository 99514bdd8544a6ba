/**
 * `compare`: two method configurations side by side (COINr `compare_coins`). Either two project files
 * (`compare a/index.yaml b/index.yaml`), or one set of inputs with two sets of flags: configuration a is the command's
 * own flags, b the same with the `--with` flags applied on top. Both are parsed with the option definitions of
 * `compute`. Writes compare.csv and compare-years.csv to --out, or prints a table.
 */
import { Command, CommanderError } from "commander";
import { resolve } from "node:path";
import { compareResults, type Comparison } from "../../core/audit/compare.js";
import type { IndexResult } from "../../core/compute.js";
import { tableWords, type TableWords } from "../../core/table-words.js";
import type { WeightMethod } from "../../core/weighting/derive.js";
import { InputError, refuseUnderStrict, UsageError, ValidationError, type Issue } from "../../errors.js";
import { computeFromOptions } from "./compute.js";
import { COMPARE_FILE, COMPARE_YEARS_FILE, formatCompareCsv, formatCompareYearsCsv } from "../../io/write/compare-csv.js";
import { formatValue, UTF8_BOM } from "../../io/write/to-csv.js";
import { writeFilesAtomic } from "../../io/write/write.js";
import { suggestChoices } from "../choices.js";
import { addDataOptions, type DataOptions } from "../data-options.js";
import type { CliEnv } from "../env.js";
import { addMethodOptions, addScreenOptions, type MethodCommandOptions } from "../method-options.js";
import type { ScreenScope } from "../../core/screen.js";
import { addPresetOptions, applyPreset, explainPreset, presetWarnings } from "../presets.js";
import { PRESETS, type Preset } from "../../core/presets.js";
import { addInputOptions, integerOption, yearOption, type InputOptions } from "../options.js";
import { applyProject, errorInTermsOf, namesOfOption, projectTermsOf, wordedAs } from "../project-options.js";
import { renderColumns } from "../render.js";
import { folderWarnings, printWarnings } from "../report-issues.js";
import { addWeightingOptions, addWeightsOption, type WeightingCliOptions } from "../weighting-options.js";
import { terminalMessages } from "../../core/terminal-messages.js";
import { commandMessages } from "../../core/command-messages.js";

/** The options of one configuration: those of `compute` that change the index. */
export interface ConfigurationOptions extends InputOptions, MethodCommandOptions, DataOptions, WeightingCliOptions {
  weights: WeightMethod;
  baseYear?: number;
  strict: boolean;
  screen?: number;
  screenBy?: ScreenScope;
  preset?: Preset;
}

export interface CompareCommandOptions extends ConfigurationOptions {
  with?: string;
  /** `--explain`: print the configurations' presets and compute nothing. */
  explain?: boolean;
  year?: number;
  out?: string;
  decimals: number;
  quiet: boolean;
}

/** Adds the options of `compute` that define a configuration (inputs, methods, screening, data stage, weighting, preset). */
export function addConfigurationOptions(command: Command): Command {
  addMethodOptions(addInputOptions(command))
    .option("--base-year <year>", "year every fixed-base index is 100 in (default: the earliest year in the data)", yearOption("--base-year"))
    .option("--strict", "treat warnings as errors (W_ codes become E_)", false);
  return addPresetOptions(addWeightingOptions(addDataOptions(addScreenOptions(addWeightsOption(command)))));
}

export function registerCompare(program: Command, env: CliEnv): void {
  const command = program
    .command("compare")
    .argument("[projects...]", "two project files (index.yaml) to compare; or none, with --with")
    .description("compare two method configurations: each unit's index and rank under both, the rank shifts, Spearman's correlation")
    .addHelpText(
      "after",
      `
Configuration a is the command's own flags (or the first project file), b the same with the --with flags applied
(or the second project file, with the same flags on top of it). Outputs in --out: compare.csv (unit, year, index_a,
rank_a, index_b, rank_b, rank_shift = rank_a - rank_b) and compare-years.csv (year, units, spearman, mean_abs_shift);
without --out, a table on stdout: its first 100 rows (unit-years), then each year's Spearman line; a line on stderr
says how many rows were left out (also with -q). Cut the same when stdout is a file or a pipe (a scheduled job):
--out writes every row.

Examples:
  $ innovation-index compare -i tree.csv -d values.csv --normalise min-max --range 1,100 --with "--aggregate geometric --weights entropy"
  $ innovation-index compare a/index.yaml b/index.yaml --year 2022 --out compare/`,
    );
  addConfigurationOptions(command)
    .option("--with <flags>", 'configuration b: flags of compute applied on top of the command\'s own, e.g. "--aggregate geometric --weights entropy"')
    .option("--year <year>", "compare this year only (default: every year)", integerOption("--year", 1000, 9999))
    .option("-o, --out <dir>", "folder for compare.csv and compare-years.csv (default: a table on the terminal)")
    .option("--decimals <n>", "decimals printed in the CSV files and the table", integerOption("--decimals", 0, 15), 4)
    .option("-q, --quiet", "print nothing but errors (and the table without --out)", false)
    .action(async (projects: string[], _options: CompareCommandOptions, command: Command) => runCompare(projects, command, env));
}

/** Runs `compare`: the two configurations, computed, compared, then written or printed. */
export async function runCompare(projects: readonly string[], command: Command, env: CliEnv): Promise<void> {
  const options = command.opts<CompareCommandOptions>();
  const configurations = await configurationsOf(projects, command, env);
  // --explain prints the preset of each configuration, with the settings it overrides (once when both say the same),
  // and computes nothing.
  if (options.explain || configurations.some((configuration) => configuration.explain)) {
    if (configurations.every((configuration) => configuration.options.preset === undefined)) throw new UsageError("E_USAGE", commandMessages.explainWithoutPreset(PRESETS));
    return void env.stdout(explainConfigurations(configurations, env.translate));
  }
  const [a, b] = await forBoth(configurations, (configuration) => computeConfiguration(configuration, env));
  const comparison = compareResults(a.result, b.result, { year: options.year });
  if (options.out) {
    // Files in a folder start with a UTF-8 byte order mark, so that Excel on Chinese Windows reads their names right.
    const files = {
      [COMPARE_FILE]: UTF8_BOM + formatCompareCsv(comparison, options.decimals),
      [COMPARE_YEARS_FILE]: UTF8_BOM + formatCompareYearsCsv(comparison, options.decimals),
    };
    await writeFilesAtomic(resolve(env.cwd, options.out), files, options.out, 1, folderWarnings(env));
  } else {
    // A summary, as compute's table is: the first COMPARE_TABLE_ROWS rows, how many more there are, then each year's
    // Spearman line; --out writes them all. The same on a pipe or in a file: a scheduled job gets a bounded table too.
    const { rows, summary, leftOut } = renderComparison(comparison, options.decimals, env.words);
    env.stdout(rows + "\n");
    if (leftOut > 0) env.stderr(terminalMessages.compareRowsLeftOut(leftOut, COMPARE_TABLE_ROWS, COMPARE_FILE));
    env.stdout(`\n${summary}\n`);
  }
  if (options.quiet) return;
  // Worded by each configuration in its own terms (`computeConfiguration`), not again in the command's: an option b's
  // --with set is not index.yaml's, one b.yaml set not the current folder's index.yaml's.
  printWarnings(onceEach([...a.warnings, ...b.warnings, ...a.unusedOptions, ...b.unusedOptions]), { ...env, inProjectTerms: undefined });
  env.stderr(commandMessages.configurations(configurations[0].label, configurations[1].label));
  for (const note of comparison.notes) env.stderr(commandMessages.note(note));
  if (options.out) env.stderr(terminalMessages.wroteFiles([COMPARE_FILE, COMPARE_YEARS_FILE], options.out));
}

interface Configuration {
  name: "a" | "b";
  label: string;
  /** The project file of a configuration from one (`compare a/index.yaml b/index.yaml`). */
  file?: string;
  options: ConfigurationOptions;
  /** The command `options` were parsed into, which knows who set each (typed, the project file, the preset). */
  parser: Command;
  /** The command whose project file names the options that file set: the configuration's own, or the command's index.yaml. */
  project: Command;
  /** `--explain` given in `--with`. */
  explain?: boolean;
  /**
   * The warnings W_PRESET_OVERRIDDEN of the configuration's preset, as `compute` gives them, in the configuration's
   * terms: a key of its project file (or of index.yaml under --with) at its line, a flag typed by its name.
   */
  presetWarnings: Issue[];
}

/**
 * The options of a configuration parsed into `parser` (from `--with`, or a project file), with the preset applied as
 * `compute` applies it: under the flags and the project file's keys, each configuration its own (a preset in `--with`
 * replaces the command's for b, the options the command's preset set included). Returns whether `--explain` was set
 * in `parser`; the preset is applied without it, `runCompare` printing the configurations' presets. Also returns the
 * warnings of the preset's settings that the configuration overrides, placed in the project file applied to `project`
 * where that file set the option (`applyPreset`), which `computeConfiguration` gives with the configuration's others.
 */
function withPreset(parser: Command, project: Command): { options: ConfigurationOptions; explain: boolean; presetWarnings: Issue[] } {
  const explain = parser.getOptionValue("explain") === true;
  parser.setOptionValue("explain", false);
  applyPreset(parser, { project });
  return { options: parser.opts<ConfigurationOptions>(), explain, presetWarnings: presetWarnings(parser) };
}

/** What sets an option of the command itself: typed, or the project file (index.yaml) of the current folder. */
const SET_BY_COMMAND = new Set(["cli", "config"]);

/** The two configurations: from two project files, or from the command's flags and `--with`. */
async function configurationsOf(projects: readonly string[], command: Command, env: CliEnv): Promise<[Configuration, Configuration]> {
  const options = command.opts<CompareCommandOptions>();
  if (projects.length === 2) {
    if (options.with !== undefined) throw new UsageError("E_USAGE", commandMessages.compareWithAndProjects());
    const load = async (name: "a" | "b", file: string): Promise<Configuration> => {
      const parser = addConfigurationOptions(new Command("compute")).option("--project <file>");
      parser.setOptionValueWithSource("project", file, "cli");
      // Flags typed on the command line apply to both projects, as they would to `compute --project`.
      for (const option of parser.options) {
        const key = option.attributeName();
        if (key !== "project" && command.getOptionValueSource(key) === "cli") parser.setOptionValueWithSource(key, command.getOptionValue(key), "cli");
      }
      await applyProject(parser, env);
      return { name, label: file, file, parser, project: parser, ...withPreset(parser, parser) };
    };
    // A project file that cannot be read does not hide the other configuration's problems: the other is read, and
    // computed when it could be, and the problems of both are reported together.
    const files = [
      { name: "a", label: projects[0], file: projects[0] },
      { name: "b", label: projects[1], file: projects[1] },
    ] as const;
    const loaded = [await settle(() => load("a", projects[0])), await settle(() => load("b", projects[1]))] as const;
    if (loaded[0].status === "fulfilled" && loaded[1].status === "fulfilled") return [loaded[0].value, loaded[1].value];
    const outcomes: PromiseSettledResult<unknown>[] = [];
    for (const outcome of loaded) outcomes.push(outcome.status === "rejected" ? outcome : await settle(() => computeConfiguration(outcome.value, env)));
    throwFailures(files, outcomes);
  }
  if (projects.length !== 0)
    throw new UsageError("E_USAGE", commandMessages.compareProjectCount(projects));
  if (options.with === undefined) throw new UsageError("E_USAGE", commandMessages.compareNothing());
  const parser = addConfigurationOptions(new Command("--with"))
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} })
    .allowExcessArguments(false);
  // A value off an option's list in the tool's words, with the closest choice, as on the command line.
  suggestChoices(parser);
  try {
    parser.parse(splitFlags(options.with), { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError || error instanceof UsageError)
      throw new UsageError("E_USAGE", commandMessages.compareWithRefused(options.with, error.message.replace(/^error: /, "")));
    throw error;
  }
  // b: the --with flags over the command's own (typed, or from index.yaml), each configuration then under its preset.
  const first = addConfigurationOptions(new Command("compute"));
  for (const target of [first, parser])
    for (const option of target.options) {
      const key = option.attributeName();
      const source = command.getOptionValueSource(key);
      // Not over a flag of --with, under any of its names: --with "--normalize z-score" over index.yaml's normalise.
      const typed = namesOfOption(target, option).some((same) => target.getOptionValueSource(same.attributeName()) === "cli");
      if (!typed && source !== undefined && SET_BY_COMMAND.has(source)) target.setOptionValueWithSource(key, command.getOptionValue(key), source as "cli" | "config");
    }
  // The project folder a .sql values query reads (`applyProject`), for both configurations.
  const queryRoot: unknown = command.getOptionValue("queryRoot");
  if (typeof queryRoot === "string") for (const target of [first, parser]) target.setOptionValueWithSource("queryRoot", queryRoot, "config");
  return [
    { name: "a", label: commandMessages.commandFlags(), parser: first, project: command, ...withPreset(first, command) },
    { name: "b", label: commandMessages.commandFlagsWith(options.with), parser, project: command, ...withPreset(parser, command) },
  ];
}

/**
 * What `compare --explain` prints: each configuration's preset as `compute --explain` explains it (`explainPreset`),
 * the settings the configuration overrides (a flag typed, a key of its project file or of index.yaml, with another
 * value) listed apart, each with the value used and who set it, as its W_PRESET_OVERRIDDEN warnings say; or that it
 * sets no preset. Each under a heading naming the configuration; two configurations explained alike, once, under one.
 */
function explainConfigurations(configurations: readonly Configuration[], translate: (text: string) => string = (text) => text): string {
  const blocks: { of: Configuration[]; explanation: string | undefined }[] = [];
  for (const configuration of configurations) {
    const preset = configuration.options.preset;
    const explanation = preset === undefined ? undefined : explainPreset(configuration.parser, preset, translate);
    const alike = blocks.find((block) => block.explanation === explanation);
    if (alike) alike.of.push(configuration);
    else blocks.push({ of: [configuration], explanation });
  }
  return blocks
    .map(({ of, explanation }) => `${translate(commandMessages.explainConfigurations(of.map(({ name, label }) => ({ name, label })), explanation !== undefined))}\n${explanation ?? ""}`)
    .join("\n");
}

/** Splits `--with`'s text into arguments: whitespace separates, single or double quotes group. */
export function splitFlags(text: string): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) args.push(match[1] ?? match[2] ?? match[3]);
  return args;
}

/**
 * `run` for both configurations, one after the other, each run even when the other fails. When only one fails, its
 * error is thrown as it is; when both fail on their inputs (a `ValidationError` or an `InputError` each), one
 * `ValidationError` headed by both lists a's problems, then those of b's that a did not have (configurations of one set
 * of inputs share their files' problems). Each problem names its file; one that names none (a gap the method found)
 * is given the configuration's project file, when it has one, so that it is clear which configuration it is of.
 */
async function forBoth<T>(configurations: readonly [Configuration, Configuration], run: (configuration: Configuration) => Promise<T>): Promise<[T, T]> {
  const outcomes = [await settle(() => run(configurations[0])), await settle(() => run(configurations[1]))] as const;
  if (outcomes[0].status === "fulfilled" && outcomes[1].status === "fulfilled") return [outcomes[0].value, outcomes[1].value];
  throwFailures(configurations, outcomes);
}

/** Throws the failure of `outcomes` (one per configuration, at least one rejected), or both together, as `forBoth` says. */
function throwFailures(configurations: readonly Pick<Configuration, "label" | "file">[], outcomes: readonly PromiseSettledResult<unknown>[]): never {
  const failures = outcomes.flatMap((outcome, i) => (outcome.status === "rejected" ? [{ error: outcome.reason as unknown, file: configurations[i].file }] : []));
  if (failures.length === 1 || !failures.every(({ error }) => error instanceof ValidationError || error instanceof InputError)) throw failures[0].error;
  const seen = new Set<string>();
  const issues: Issue[] = [];
  failures.forEach(({ error, file }) => {
    for (const issue of issuesOfInput(error as ValidationError | InputError)) {
      const key = JSON.stringify([issue.code, issue.message, issue.source, issue.line, issue.column]);
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(file && !issue.source && issue.line === undefined ? wordedAs({ ...issue, source: file }, issue) : issue);
    }
  });
  // The warnings either found before it stopped (a unit's name mistyped on a few rows), each once.
  const warnings = onceEach(failures.flatMap(({ error }) => (error instanceof ValidationError ? (error.warnings ?? []) : [])));
  throw new ValidationError(issues, { code: "E_COMPARE_CONFIGURATION", message: commandMessages.compareBothFailed(configurations[0].label, configurations[1].label) }, undefined, warnings);
}

/**
 * The warnings of both configurations, a warning both give (an option typed once, for both; a tree both read whose
 * weights are divided by their sum) once: the same code, words and place (file, line, column, node), as the first
 * gives it.
 */
function onceEach(warnings: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = JSON.stringify([warning.code, warning.message, warning.source, warning.line, warning.column, warning.id]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The outcome of `run`, as `Promise.allSettled` gives it, for calls that must not run at once. */
async function settle<T>(run: () => Promise<T>): Promise<PromiseSettledResult<T>> {
  try {
    return { status: "fulfilled", value: await run() };
  } catch (reason) {
    return { status: "rejected", reason };
  }
}

/** The problems of a `ValidationError` (without its heading), or an `InputError` as one problem. */
function issuesOfInput(error: ValidationError | InputError): Issue[] {
  if (error instanceof ValidationError) return error.issues;
  return [wordedAs({ code: error.code, message: error.message, source: error.source, line: error.line, column: error.column, id: error.id }, error)];
}

/**
 * Reads and computes one configuration as `compute` would; problems are headed by the configuration's name. Its
 * warnings about an option a project file set name that file (the configuration's own, or index.yaml under --with),
 * its line and key (`projectTermsOf`). The warnings of its preset's settings it overrides come first, as `compute`
 * prints them before its work, and are refused under `--strict` before anything is read, as `compute` refuses them.
 */
async function computeConfiguration(configuration: Configuration, env: CliEnv): Promise<{ result: IndexResult; warnings: Issue[]; unusedOptions: Issue[] }> {
  const { options } = configuration;
  try {
    refuseUnderStrict(options.strict, configuration.presetWarnings);
    const { weightingWarnings, result, unusedOptions } = await computeFromOptions(options, env);
    const inProjectTerms = await projectTermsOf(configuration.parser, configuration.project);
    // The preset's warnings are placed already, each in the terms of whoever set the option (`withPreset`).
    return { result, warnings: [...configuration.presetWarnings, ...inProjectTerms([...weightingWarnings, ...result.warnings])], unusedOptions: inProjectTerms(unusedOptions) };
  } catch (thrown) {
    // Worded in the configuration's own terms, as its warnings are: a problem of an option b.yaml set names b.yaml.
    const error = await errorInTermsOf(thrown, configuration.parser, configuration.project);
    if (error instanceof ValidationError)
      throw new ValidationError(error.issues, { code: "E_COMPARE_CONFIGURATION", message: commandMessages.compareFailed(configuration.name, configuration.label) });
    throw error;
  }
}

/**
 * The most rows (unit-years) `compare` prints without --out: 100, the first 20 units (`SUMMARY_UNITS`, as compute's
 * table) over five years, or 100 units of one year (`--year`). The rest is counted, not rendered: 3,000 units over 20
 * years make 60,000 rows, which --out writes to compare.csv.
 */
export const COMPARE_TABLE_ROWS = 100;

/**
 * The terminal table: one row per unit and year, in the order of compare.csv (each unit's years together), its first
 * `shownRows` only (default `COMPARE_TABLE_ROWS`); `leftOut`, how many more there are; and Spearman's correlation per
 * year (`summary`), every year.
 */
export function renderComparison(
  comparison: Comparison,
  decimals: number,
  words: TableWords = tableWords,
  shownRows = COMPARE_TABLE_ROWS,
): { rows: string; summary: string; leftOut: number } {
  const rows: string[][] = [words.compareHeadings()];
  const yearCount = comparison.years.length;
  const cells = comparison.units.length * yearCount;
  const shown = Math.min(cells, shownRows);
  // Cell `u * yearCount + y` is unit u in year y, as compare.csv lists them.
  for (let cell = 0; cell < shown; cell++) {
    const shift = comparison.rankShift[cell];
    rows.push([
      comparison.units[Math.floor(cell / yearCount)],
      String(comparison.years[cell % yearCount]),
      formatValue(comparison.indexA[cell], decimals),
      formatValue(comparison.rankA[cell], 0),
      formatValue(comparison.indexB[cell], decimals),
      formatValue(comparison.rankB[cell], 0),
      shift > 0 ? `+${shift}` : formatValue(shift, 0),
    ]);
  }
  const summary = comparison.years.map((year, y) =>
    words.compareYear(year, formatValue(comparison.spearman[y], decimals), comparison.rankedUnits[y], formatValue(comparison.meanAbsoluteShift[y], 2)),
  );
  return { rows: renderColumns(rows, 1), summary: summary.join("\n"), leftOut: cells - shown };
}
