/**
 * `compute`: read the tree and values, validate, compute every sub-index and the overall index, write the files.
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { computeIndex } from "../../core/compute.js";
import { loadInputs } from "../../io/read/load.js";
import { joinChecks, rethrowWithMethodChecks } from "../method-checks.js";
import type { Panel } from "../../core/panel.js";
import type { Tree } from "../../core/types.js";
import { equalWeights } from "../../core/weighting/equal.js";
import { defaultThreads } from "../../io/write/file-jobs.js";
import { refuseRunFolder, writeFilesAtomic, type FileContent } from "../../io/write/write.js";
import { outputMessages } from "../../core/output-messages.js";
import { addDataOptions, dataOptionsOf, describeDataStage, type DataOptions } from "../data-options.js";
import type { CliEnv } from "../env.js";
import { addMethodOptions, addScreenOptions, methodOptionsOf, screenOptionOf, unusedScreenOptions, type MethodCommandOptions } from "../method-options.js";
import type { ScreenScope } from "../../core/screen.js";
import { addInputOptions, integerOption, resolveInputs, yearOption, type InputOptions } from "../options.js";
import { addOutputOptions, buildOutputs, printOutput, unusedOutputOptions, type ComputedOutputs, type OutputOptions } from "../outputs.js";
import { printIndexSummary } from "../render.js";
import { folderWarnings, printWarnings } from "../report-issues.js";
import type { WeightMethod } from "../../core/weighting/derive.js";
import { addWeightingOptions, addWeightsOption, describeWeighting, weighIndex, weightingProblemsWithoutTree, type WeightingCliOptions } from "../weighting-options.js";
import { projectMessages } from "../../core/project-messages.js";
import { refuseUnderStrict, UsageError, ValidationError, type Issue } from "../../errors.js";
import { append } from "../../core/arrays.js";
import { applyProject } from "../project-options.js";
import { addPresetOptions, applyPreset, explainPreset } from "../presets.js";
import { terminalMessages } from "../../core/terminal-messages.js";

export interface ComputeCommandOptions extends InputOptions, OutputOptions, WeightingCliOptions, MethodCommandOptions, DataOptions {
  weights: WeightMethod;
  baseYear?: number;
  strict: boolean;
  quiet: boolean;
  /** Threads writing the large result files (default `defaultThreads`). */
  threads?: number;
  project?: string;
  /** In a project: skip the run when nothing changed since the latest one (the default; the flag is kept). */
  ifChanged: boolean;
  /** In a project: run even when nothing changed (`--force`, or its alias `--always`). */
  force?: boolean;
  always?: boolean;
  /** The folder a `.sql` values query may read (a project run: the project folder). Default: the current folder. */
  queryRoot?: string;
  screen?: number;
  screenBy?: ScreenScope;
  /** The project's `name` and `description`, for the report. */
  projectName?: string;
  projectDescription?: string;
  /** `report --uncertainty-from`: the folder of an uncertainty analysis shown in the dashboard. */
  uncertaintyFrom?: string;
  /** `report --audit`: audit the index and show it in the dashboard. */
  audit?: boolean;
}

export function registerCompute(program: Command, env: CliEnv): void {
  const command = program
    .command("compute")
    .description("compute the sub-indices and the overall index for every year, and write them to --out")
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index compute                      # the shipped Changzhou example, into out/
  $ innovation-index compute -i indicators/changzhou-2020.csv -d data/changzhou/values.csv --base-year 2017 --out out/
  $ innovation-index compute --report --lang en   # also out/report.html
  $ innovation-index compute --out - --table growth > growth.csv`,
    );
  addOutputOptions(addMethodOptions(addInputOptions(command)))
    .option("--base-year <year>", "year every fixed-base index is 100 in (default: the earliest year in the data)", yearOption("--base-year"))
    .option("-o, --out <dir>", "folder for the CSV files, index.json, index.xlsx and report.html; - writes no file and prints --format", "out")
    .option("--decimals <n>", "decimals printed in the CSV files", integerOption("--decimals", 0, 15), 4)
    .option("--strict", "treat warnings as errors (W_ codes become E_)", false)
    .option("-q, --quiet", "print nothing but errors", false)
    .option(
      "--threads <n>",
      "threads writing large result files (default: the cores + 1 from a million values on, else 1); when given, also DuckDB's for a .sql or .parquet values file (1: sums of doubles the same to the last bit on every run)",
      integerOption("--threads", 1, 1024),
    );
  addWeightingOptions(addDataOptions(addScreenOptions(addWeightsOption(command))))
    .option("--project <file>", "project file (default: index.yaml in the current folder, if any)")
    .option("--if-changed", "in a project (the default): no run if nothing changed", false)
    .option("--force", "in a project: run even if nothing changed", false)
    .option("--always", "the same as --force", false);
  addPresetOptions(command)
    .action(async (options: ComputeCommandOptions, command: Command) => {
      const project = await applyProject(command, env);
      const forced = options.force ? "--force" : options.always ? "--always" : undefined;
      if (forced && options.ifChanged) throw new UsageError("E_USAGE", projectMessages.forceAndIfChanged(forced));
      const preset = applyPreset(command, { env });
      if (preset && command.getOptionValue("explain")) return void env.stdout(explainPreset(command, preset, env.translate));
      // Run folders, manifests and locks load only for a project run.
      if (project && command.getOptionValueSource("out") !== "cli")
        return (await import("../project-run.js")).runProjectCompute({ ...command.opts<ComputeCommandOptions>(), ...projectWords(project) }, command, project, env, computeOutputs);
      if (options.ifChanged) throw new UsageError("E_USAGE", projectMessages.ifChangedWithoutProject());
      if (forced) throw new UsageError("E_USAGE", projectMessages.forceWithoutProject(forced));
      return runCompute({ ...command.opts<ComputeCommandOptions>(), ...projectWords(project) }, env);
    });
}

/** The project's `name` and `description` (for the report's title), when there is a project. */
export function projectWords(project: { settings: { name?: string; description?: string } } | undefined): Pick<ComputeCommandOptions, "projectName" | "projectDescription"> {
  return project ? { projectName: project.settings.name, projectDescription: project.settings.description } : {};
}

/**
 * Runs `compute`: read, validate, compute, format, write. `withFiles`, if given, returns the files to write in place of
 * those computed (`report` in a project adds `reports.json`), all written together.
 */
export async function runCompute(
  options: ComputeCommandOptions,
  env: CliEnv,
  withFiles?: (files: Record<string, FileContent>) => Promise<Record<string, FileContent>>,
): Promise<void> {
  // A run folder as --out is refused before the work, not only by the writer after it.
  if (options.out !== "-" && !withFiles) refuseRunFolder(resolve(env.cwd, options.out), options.out);
  const computed = await computeOutputs(options, env);
  const { inputs, result, printed, warnings, notes } = computed;
  const files = withFiles ? await withFiles(computed.files) : computed.files;
  // With `withFiles` (`report --run`), the files go into a run folder, listed in its reports.json.
  // The files are the whole output of `compute` (or of `report`): what an earlier run of it left there and this one
  // does not write (a ranks.csv of two units beside the index of one) is removed, and named.
  const family = options.reportOnly ? "report" : "compute";
  const removed =
    options.out === "-"
      ? []
      : await writeFilesAtomic(resolve(env.cwd, options.out), files, options.out, options.threads ?? defaultThreads(result.values.length), {
          intoRun: withFiles !== undefined,
          family,
          // A stale lock taken over, and what a killed run left under the tool's names but not provably its own, kept.
          ...folderWarnings(env),
        });
  if (printed !== undefined) printOutput(printed, env);
  if (options.quiet) return;
  printWarnings(warnings, env);
  for (const note of notes) env.stderr(note);
  if (inputs.example) env.stderr(terminalMessages.usingExample());
  if (printed === undefined) printIndexSummary(result, Object.keys(files), options.out, env);
  if (options.out !== "-") env.stderr(terminalMessages.wroteFiles(Object.keys(files), options.out));
  if (removed.length > 0) env.stderr(outputMessages.staleRemoved(removed, options.out, family));
}

/** The options that choose an index, read the same way by `compute`, `audit`, `compare` and `report`. */
export interface IndexChoiceOptions extends InputOptions, MethodCommandOptions, DataOptions, WeightingCliOptions {
  weights: WeightMethod;
  baseYear?: number;
  strict: boolean;
  screen?: number;
  screenBy?: ScreenScope;
  /** The folder a `.sql` values query may read (a project run: the project folder). Default: the current folder. */
  queryRoot?: string;
}

/**
 * Reads, weighs and computes the index as `compute` does: the inputs resolved from the options (or the shipped
 * example), the values loaded (a `.sql` query reading inside the project folder, or else the current folder, only),
 * the weights derived, the index computed. The first half of `compute`, shared by the commands that compute an index.
 * Options that would do nothing (`--screen-by` without `--screen`, and the command's own `unused`) are found before
 * the work, refused under `--strict` (as computeIndex refuses its own warnings), and given back as `unusedOptions`
 * (W_OPTION_UNUSED), for the command to print with its other warnings. `beforeCompute` runs on the tree and values
 * read, before the weights are derived and the index computed: a command's own refusal of what it would do with them
 * (`audit`'s size check) comes before that work.
 */
export async function computeFromOptions(
  options: IndexChoiceOptions,
  env: CliEnv,
  { keepSources = false, unused = [], beforeCompute }: { keepSources?: boolean; unused?: readonly Issue[]; beforeCompute?: (tree: Tree, panel: Panel) => void } = {},
) {
  const unusedOptions = [...unusedScreenOptions(options), ...unused];
  refuseUnderStrict(options.strict, unusedOptions);
  const inputs = resolveInputs(options, env);
  const settings = { baseYear: options.baseYear, ...methodOptionsOf(options), ...screenOptionOf(options), ...dataOptionsOf(options), strict: options.strict };
  // A refused tree: the checks of the options that need none, on a tree of no node and the values' units and years
  // (without screening, which with no indicator would leave out every unit and stop there).
  const checkWithoutTree = async (tree: Tree, panel: Panel) => {
    const issues = await weightingProblemsWithoutTree(options.weights, options, panel, inputs.example, env);
    try {
      computeIndex(tree, panel, { ...settings, screen: undefined, weights: equalWeights(tree) });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      append(issues, error.issues);
    }
    if (issues.length > 0) throw new ValidationError(issues);
  };
  const weighAndCompute = async (tree: Tree, panel: Panel) => {
    let weighed: Awaited<ReturnType<typeof weighIndex>>;
    try {
      weighed = await weighIndex(options.weights, options, { tree, panel, example: inputs.example }, env);
    } catch (error) {
      // A weighting that fails does not hide the index's own problems (a base year absent from the data beside weight
      // years that are): its checks run too, with equal weights standing in, and every problem is reported at once.
      if (error instanceof ValidationError) throw await joinChecks(error, () => computeIndex(tree, panel, { ...settings, weights: equalWeights(tree) }));
      throw error;
    }
    const { weighting, warnings: weightingWarnings } = weighed;
    const result = computeIndex(tree, panel, { ...settings, weights: weighting?.weights, weighting: weighting?.summary });
    return { weighting, weightingWarnings, result };
  };
  // Values read only in part: the method's checks (the weighting's and the index's) run on the cells that could be read.
  const loaded = await loadInputs(inputs.indicators, inputs.data, inputs.labels, { ...options, queryRoot: options.queryRoot ?? env.cwd, keepSources }).catch((error: unknown) =>
    rethrowWithMethodChecks(error, weighAndCompute, checkWithoutTree),
  );
  beforeCompute?.(loaded.tree, loaded.panel);
  const { weighting, weightingWarnings, result } = await weighAndCompute(loaded.tree, loaded.panel);
  return { inputs, loaded, weighting, weightingWarnings, result, unusedOptions };
}

/** Read, validate, compute and format: the outputs of a run, not yet written. */
export async function computeOutputs(options: ComputeCommandOptions, env: CliEnv): Promise<ComputedOutputs> {
  // The interactive report shows each value's source column, which only the general reader keeps; report.html (either
  // kind) and index.xlsx say how many values are illustrative, by the same column.
  const toFiles = options.out !== "-";
  const keepSources = Boolean((toFiles && (options.report || options.reportOnly || options.xlsx)) || options.format === "xlsx");
  // Output options that would do nothing are found, and refused under --strict, with the screening's. An audit too
  // large (`report --audit`) is refused from the tree and the years, before the index is computed, as `audit` refuses it.
  const auditSize = options.audit ? (await import("../../core/audit/size.js")).checkAuditSize : undefined;
  const beforeCompute = auditSize && ((tree: Tree, panel: Panel) => auditSize(tree.nodes, panel.years.length));
  const computed = await computeFromOptions(options, env, { keepSources, unused: unusedOutputOptions(options), beforeCompute });
  const { inputs, loaded, weighting, unusedOptions } = computed;
  // A warning about an option index.yaml set names its line and key in the files written (index.json, report.html, a
  // run's manifest.json) as on the terminal: worded once, here, by the same `env.inProjectTerms` (the printing finds
  // them worded so already and leaves them as they are).
  const inProjectTerms = (warnings: readonly Issue[]): Issue[] => [...(env.inProjectTerms?.(warnings) ?? warnings)];
  const result = { ...computed.result, warnings: inProjectTerms(computed.result.warnings) };
  const weightingWarnings = inProjectTerms(computed.weightingWarnings);
  const { tree } = loaded;
  const report = {
    tree,
    name: options.projectName,
    description: options.projectDescription,
    ...(keepSources ? { records: loaded.records } : {}),
    example: inputs.example,
    ...(options.uncertaintyFrom ? { uncertainty: { dir: resolve(env.cwd, options.uncertaintyFrom), label: options.uncertaintyFrom } } : {}),
    audit: options.audit,
  };
  const { files, printed, warnings: outputWarnings } = await buildOutputs(result, { ...options, words: env.words }, report);
  const warnings = [...weightingWarnings, ...result.warnings, ...inProjectTerms([...unusedOptions, ...outputWarnings])];
  const notes = [weighting ? describeWeighting(weighting) : "", describeDataStage(result) ?? ""].filter((note) => note !== "");
  return { inputs, result, files, printed, warnings, notes };
}
