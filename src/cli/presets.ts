/**
 * `--preset NAME` and `--explain`: setting a whole published method on a command, under the options the run set itself.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { isDeepStrictEqual } from "node:util";
import type { AggregateSpec } from "../core/aggregate.js";
import { formatPresetExplanation, PRESET_DEFINITIONS, PRESETS, type Preset, type PresetOverride, type PresetSetting } from "../core/presets.js";
import { refuseUnderStrict, UsageError, type Issue } from "../errors.js";
import { commandMessages } from "../core/command-messages.js";
import type { CliEnv } from "./env.js";
import { namesOfOption, projectPlaceOf } from "./project-options.js";
import { printWarnings } from "./report-issues.js";

/** Adds `--preset` and `--explain`. */
export function addPresetOptions(command: Command): Command {
  return command
    .addOption(new Option("--preset <name>", `a published method: ${PRESETS.join(", ")} (flags override it; --explain lists it)`).choices(PRESETS))
    .option("--explain", "with --preset: print the options the preset sets, with a source for each, and exit", false);
}

/**
 * Sets the options of `preset` that the command line and index.yaml left unset, each through its option's parser as if
 * typed (source "preset"). Returns the preset applied, if any. `leaveOut` names the settings (flag names without `--`)
 * the command does not take from a preset because they cannot change what it computes (`validate` checks with the
 * tree's weights; `uncertainty` forms no performance groups).
 *
 * A setting the run set itself with another value, typed (under any name of its option: `weights --method`) or in
 * index.yaml, is overridden: `explainPreset` lists it as not applied, and with `env` (and without `--explain`) each is
 * a warning, W_PRESET_OVERRIDDEN, naming the preset, the setting, and the flag typed or index.yaml's line and key; the
 * warnings are printed unless `--quiet`, and refused under `--strict`. The same value set again is no override.
 * Without `env`, the caller says the warnings itself (`presetWarnings`: `compare`, per configuration). `project` is
 * the command whose project file set the options that `command` has from one (source "config"), where the warnings
 * place them: `command` itself by default; `compare --with` copies the options of the current folder's index.yaml,
 * applied to the command, into a command of each configuration's own.
 * @throws UsageError for `--explain` without a preset.
 */
export function applyPreset(
  command: Command,
  { leaveOut = [], env, project = command }: { leaveOut?: readonly string[]; env?: CliEnv; project?: Command } = {},
): Preset | undefined {
  const preset = command.getOptionValue("preset") as Preset | undefined;
  if (command.getOptionValue("explain") && !preset) throw new UsageError("E_USAGE", commandMessages.explainWithoutPreset(PRESETS));
  if (!preset) return undefined;
  const overrides: Override[] = [];
  for (const setting of PRESET_DEFINITIONS[preset].settings) {
    if (leaveOut.includes(setting.option)) continue;
    const option = command.options.find((candidate) => candidate.long === `--${setting.option}`);
    if (!option) throw new Error(`preset ${preset} sets --${setting.option}, which the command does not have`);
    if (option.argChoices && !option.argChoices.includes(setting.value))
      throw new InvalidArgumentError(commandMessages.presetValueNotChoice(preset, setting.option, setting.value, option.argChoices));
    const value: unknown = option.parseArg ? option.parseArg(setting.value, undefined) : setting.value;
    const names = namesOfOption(command, option);
    const sourceOf = (same: Option) => command.getOptionValueSource(same.attributeName());
    const setBy = names.find((same) => sourceOf(same) === "cli") ?? names.find((same) => sourceOf(same) === "config");
    if (setBy === undefined) {
      command.setOptionValueWithSource(option.attributeName(), value, "preset" as "config");
      continue;
    }
    const given: unknown = command.getOptionValue(setBy.attributeName());
    if (!isDeepStrictEqual(given, value)) overrides.push(overrideOf(command, project, preset, setting, setBy, given));
  }
  OVERRIDES.set(command, overrides);
  if (env !== undefined && !command.getOptionValue("explain") && overrides.length > 0) {
    const warnings = overrides.map((override) => override.warning);
    refuseUnderStrict(command.getOptionValue("strict") === true, warnings);
    if (!command.getOptionValue("quiet")) printWarnings(warnings, env);
  }
  return preset;
}

/** A setting of a preset that the run overrides: as `--explain` lists it, and its warning. */
interface Override extends PresetOverride {
  warning: Issue;
}

/** The settings of the preset applied to each command that the run overrides (`applyPreset`). */
const OVERRIDES = new WeakMap<Command, readonly Override[]>();

/**
 * The warnings W_PRESET_OVERRIDDEN of the preset applied to `command` (`applyPreset`): one per setting the run
 * overrides, placed as `applyPreset` says; `[]` without a preset or an override.
 */
export function presetWarnings(command: Command): Issue[] {
  return (OVERRIDES.get(command) ?? []).map((override) => override.warning);
}

/**
 * What `--explain` prints for the preset applied to `command` (`applyPreset`): its settings the run overrides listed
 * apart, in the terminal's language (`translate`: `env.translate`).
 */
export function explainPreset(command: Command, preset: Preset, translate?: (text: string) => string): string {
  return formatPresetExplanation(preset, OVERRIDES.get(command) ?? [], translate);
}

/**
 * The override of `setting` of `preset` by `option` of `command`, set to `given`: typed (the flag and its value) or by
 * the project file applied to `project` (its key and value, at its line, as warnings about options set in index.yaml
 * are placed).
 */
function overrideOf(command: Command, project: Command, preset: Preset, setting: PresetSetting, option: Option, given: unknown): Override {
  const place = command.getOptionValueSource(option.attributeName()) === "config" ? projectPlaceOf(project, option) : undefined;
  const name = place?.key ?? option.long ?? option.attributeName();
  const text = valueText(given);
  const by = text === "" ? name : `${name} ${text}`;
  const message = commandMessages.presetOverridden(preset, `--${setting.option} ${setting.value}`, by, name);
  const warning: Issue = place ? { code: "W_PRESET_OVERRIDDEN", message, source: place.source, line: place.line, column: place.key } : { code: "W_PRESET_OVERRIDDEN", message };
  const where = place === undefined ? "" : ` (${place.source}${place.line === undefined ? "" : `:${place.line}`})`;
  return { option: setting.option, by: `${by}${where}`, warning };
}

/** An option's value as its flag takes it: a list joined by commas, `--aggregate`'s levels (`geometric,0=arithmetic`); none for a switch. */
function valueText(value: unknown): string {
  if (value === true) return "";
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "object" && value !== null && "byLevel" in value) {
    const spec = value as AggregateSpec;
    const named = (method: string) => (method === "power" && spec.power !== undefined ? `power:${spec.power}` : method);
    return [named(spec.method), ...Object.entries(spec.byLevel).map(([level, method]) => `${level}=${named(method)}`)].join(",");
  }
  if (typeof value === "object" && value !== null) return Object.values(value).join(",");
  return String(value);
}
