/**
 * `--preset NAME` and `--explain`: setting a whole published method on a command, under the options the run set itself.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { PRESET_DEFINITIONS, PRESETS, type Preset } from "../core/presets.js";
import { UsageError } from "../errors.js";
import { commandMessages } from "../core/command-messages.js";

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
 * @throws UsageError for `--explain` without a preset.
 */
export function applyPreset(command: Command, { leaveOut = [] }: { leaveOut?: readonly string[] } = {}): Preset | undefined {
  const preset = command.getOptionValue("preset") as Preset | undefined;
  if (command.getOptionValue("explain") && !preset) throw new UsageError("E_USAGE", commandMessages.explainWithoutPreset(PRESETS));
  if (!preset) return undefined;
  for (const setting of PRESET_DEFINITIONS[preset].settings) {
    if (leaveOut.includes(setting.option)) continue;
    const option = command.options.find((candidate) => candidate.long === `--${setting.option}`);
    if (!option) throw new Error(`preset ${preset} sets --${setting.option}, which the command does not have`);
    const name = option.attributeName();
    const source = command.getOptionValueSource(name);
    if (source === "cli" || source === "config") continue;
    if (option.argChoices && !option.argChoices.includes(setting.value))
      throw new InvalidArgumentError(commandMessages.presetValueNotChoice(preset, setting.option, setting.value, option.argChoices));
    const value = option.parseArg ? option.parseArg(setting.value, undefined) : setting.value;
    command.setOptionValueWithSource(name, value, "preset" as "config");
  }
  return preset;
}
