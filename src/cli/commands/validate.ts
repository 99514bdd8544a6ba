/**
 * `validate`: check the tree and the values, reporting every problem at once; write nothing.
 */
import type { Command, Option } from "commander";
import { applyProject } from "../project-options.js";
import { tableWords } from "../../core/table-words.js";
import { addDataOptions, type DataOptions } from "../data-options.js";
import type { CliEnv } from "../env.js";
import { addMethodOptions, addScreenOptions, type MethodCommandOptions } from "../method-options.js";
import type { ScreenScope } from "../../core/screen.js";
import { addPresetOptions, applyPreset, explainPreset } from "../presets.js";
import { addInputOptions, yearOption, type InputOptions } from "../options.js";
import { printWarnings } from "../report-issues.js";
import { printable } from "../printable.js";
import type { WeightMethod } from "../../core/weighting/derive.js";
import { addWeightingOptions, addWeightsOption, type WeightingCliOptions } from "../weighting-options.js";
import { computeFromOptions } from "./compute.js";

export interface ValidateCommandOptions extends InputOptions, MethodCommandOptions, DataOptions, WeightingCliOptions {
  /** The weighting compute would use: its requirements are checked (an AHP file read, weight years in the data). */
  weights: WeightMethod;
  baseYear?: number;
  strict: boolean;
  quiet: boolean;
  project?: string;
  /** `--screen`, `--screen-by`: the units compute leaves out are not checked. */
  screen?: number;
  screenBy?: ScreenScope;
  /** The folder a `.sql` values query may read (in a project: the project folder). Default: the current folder. */
  queryRoot?: string;
}

export function registerValidate(program: Command, env: CliEnv): void {
  const command = program
    .command("validate")
    .description("check the indicator tree and the values and report every problem at once (exit 0 when clean, 1 otherwise)");
  addMethodOptions(addInputOptions(command))
    .option("--base-year <year>", "year every fixed-base index is 100 in (default: the earliest year in the data)", yearOption("--base-year"))
    .option("--strict", "treat warnings as errors", false)
    .option("-q, --quiet", "print nothing but errors", false)
    .option("--project <file>", "project file (default: index.yaml in the current folder, if any)");
  // validate forms no performance groups (compute's groups.csv): the flag is refused rather than taken and ignored.
  const taken = command.options.filter((option) => option.long !== "--performance-groups");
  (command.options as Option[]).splice(0, command.options.length, ...taken);
  addPresetOptions(addWeightingOptions(addDataOptions(addScreenOptions(addWeightsOption(command))))).action(async (_options: ValidateCommandOptions, command: Command) => {
    const project = await applyProject(command, env);
    // The preset's methods and weighting, as compute applies them, so that validate checks what compute would compute.
    const preset = applyPreset(command, { leaveOut: ["performance-groups"], env });
    if (preset && command.getOptionValue("explain")) return void env.stdout(explainPreset(command, preset, env.translate));
    // A .sql values query reads inside the project folder, as a project's compute runs it.
    return runValidate({ ...command.opts<ValidateCommandOptions>(), ...(project ? { queryRoot: project.dir } : {}) }, env);
  });
}

/**
 * Runs `validate`: the same checks as `compute` (the inputs read, the weights derived by the weighting method, the
 * index computed), without writing anything, so that "ok" means compute will not refuse the inputs.
 */
export async function runValidate(options: ValidateCommandOptions, env: CliEnv): Promise<void> {
  const { inputs, loaded, weightingWarnings, result, unusedOptions } = await computeFromOptions(options, env);
  const { tree, panel } = loaded;
  if (options.quiet) return;
  printWarnings([...weightingWarnings, ...result.warnings, ...unusedOptions], env);
  const groups = tree.nodes.length - tree.indicators.length;
  const words = env.words ?? tableWords;
  env.stdout(printable(words.validated(inputs.labels.tree, tree.indicators.length, groups, inputs.labels.data, panel.units.length, panel.years) + "\n"));
}
