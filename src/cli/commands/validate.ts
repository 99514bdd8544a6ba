/**
 * `validate`: check the tree and the values, reporting every problem at once; write nothing.
 */
import type { Command, Option } from "commander";
import { applyProject } from "../project-options.js";
import { computeIndex } from "../../core/compute.js";
import { tableWords } from "../../core/table-words.js";
import { loadInputs } from "../../io/read/load.js";
import { addDataOptions, dataOptionsOf, type DataOptions } from "../data-options.js";
import type { CliEnv } from "../env.js";
import { addMethodOptions, addScreenOptions, methodOptionsOf, screenOptionOf, type MethodCommandOptions } from "../method-options.js";
import type { ScreenScope } from "../../core/screen.js";
import { addPresetOptions, applyPreset } from "../presets.js";
import { formatPresetExplanation } from "../../core/presets.js";
import { addInputOptions, integerOption, resolveInputs, type InputOptions } from "../options.js";
import { printWarnings } from "../report-issues.js";
import { rethrowWithMethodChecks } from "../method-checks.js";
import { printable } from "../render.js";

export interface ValidateCommandOptions extends InputOptions, MethodCommandOptions, DataOptions {
  baseYear?: number;
  strict: boolean;
  quiet: boolean;
  project?: string;
  /** `--screen`, `--screen-by`: the units compute leaves out are not checked. */
  screen?: number;
  screenBy?: ScreenScope;
}

export function registerValidate(program: Command, env: CliEnv): void {
  const command = program
    .command("validate")
    .description("check the indicator tree and the values and report every problem at once (exit 0 when clean, 1 otherwise)");
  addMethodOptions(addInputOptions(command))
    .option("--base-year <year>", "year every fixed-base index is 100 in (default: the earliest year in the data)", integerOption("--base-year", 1000, 9999))
    .option("--strict", "treat warnings as errors", false)
    .option("-q, --quiet", "print nothing but errors", false)
    .option("--project <file>", "project file (default: index.yaml in the current folder, if any)");
  // validate forms no performance groups (compute's groups.csv): the flag is refused rather than taken and ignored.
  const taken = command.options.filter((option) => option.long !== "--performance-groups");
  (command.options as Option[]).splice(0, command.options.length, ...taken);
  addPresetOptions(addDataOptions(addScreenOptions(command))).action(async (_options: ValidateCommandOptions, command: Command) => {
    await applyProject(command, env);
    // The preset's methods, as compute applies them, so that validate checks what compute would compute; not its
    // weighting method (validate checks the tree's weights).
    const preset = applyPreset(command, { leaveOut: ["weights", "performance-groups"] });
    if (preset && command.getOptionValue("explain")) return void env.stdout(formatPresetExplanation(preset));
    return runValidate(command.opts(), env);
  });
}

/** Runs `validate`: the same checks as `compute`, without writing anything. */
export async function runValidate(options: ValidateCommandOptions, env: CliEnv): Promise<void> {
  const inputs = resolveInputs(options, env);
  const settings = { baseYear: options.baseYear, ...methodOptionsOf(options), ...screenOptionOf(options), ...dataOptionsOf(options), strict: options.strict };
  const { tree, panel } = await loadInputs(inputs.indicators, inputs.data, inputs.labels, options).catch((error: unknown) =>
    rethrowWithMethodChecks(error, (readTree, readPanel) => computeIndex(readTree, readPanel, settings)),
  );
  const result = computeIndex(tree, panel, settings);
  if (options.quiet) return;
  printWarnings(result.warnings, env);
  const groups = tree.nodes.length - tree.indicators.length;
  const words = env.words ?? tableWords;
  env.stdout(printable(words.validated(inputs.labels.tree, tree.indicators.length, groups, inputs.labels.data, panel.units.length, panel.years) + "\n"));
}
