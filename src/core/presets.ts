/**
 * Presets: whole methods of published indices, as the option values they set. A preset sets only what the run has not
 * set itself (a flag on the command line or a key in index.yaml wins). Each setting carries a one-line source; where the
 * official method is not fully public, the setting says which part is our reading. Those words are in the message
 * catalogue (`PRESET_TEXTS` of command-messages.ts), so that `--explain` speaks the terminal's language.
 */
import { commandMessages, PRESET_TEXTS } from "./command-messages.js";
import type { Preset } from "./preset-names.js";

export { PRESETS, type Preset } from "./preset-names.js";

/** One option a preset sets: the flag name without `--`, the text the flag would take, and where it comes from. */
export interface PresetSetting {
  option: string;
  value: string;
  source: string;
}

export interface PresetDefinition {
  /** What the preset reproduces. */
  title: string;
  settings: readonly PresetSetting[];
  /** What the preset leaves to the run (the tree's weights, a reference unit) and what is our reading. */
  notes: readonly string[];
}

/** The setting of `option` to `value` by `preset`, with its source (`PRESET_TEXTS`). */
const set = (preset: Preset, option: string, value: string): PresetSetting => ({ option, value, source: PRESET_TEXTS[preset].sources[option] });

/** Each preset's settings; its title, sources and notes are in the message catalogue (`PRESET_TEXTS`), with their translations. */
export const PRESET_DEFINITIONS: Readonly<Record<Preset, PresetDefinition>> = {
  nbs: {
    title: PRESET_TEXTS.nbs.title,
    settings: [set("nbs", "normalise", "fixed-base"), set("nbs", "weights", "equal"), set("nbs", "aggregate", "geometric,0=arithmetic")],
    notes: PRESET_TEXTS.nbs.notes,
  },
  changzhou: {
    title: PRESET_TEXTS.changzhou.title,
    settings: [set("changzhou", "normalise", "fixed-base"), set("changzhou", "base-year", "2017"), set("changzhou", "weights", "explicit"), set("changzhou", "aggregate", "arithmetic")],
    notes: PRESET_TEXTS.changzhou.notes,
  },
  eis: {
    title: PRESET_TEXTS.eis.title,
    settings: [
      set("eis", "outliers", "sqrt"),
      set("eis", "normalise", "min-max"),
      set("eis", "weights", "equal"),
      set("eis", "aggregate", "arithmetic"),
      set("eis", "performance-groups", "125,100,70"),
    ],
    notes: PRESET_TEXTS.eis.notes,
  },
  gii: {
    title: PRESET_TEXTS.gii.title,
    settings: [set("gii", "normalise", "min-max-year"), set("gii", "outliers", "winsorise"), set("gii", "weights", "explicit"), set("gii", "aggregate", "arithmetic")],
    notes: PRESET_TEXTS.gii.notes,
  },
  coinr: {
    title: PRESET_TEXTS.coinr.title,
    settings: [set("coinr", "normalise", "min-max"), set("coinr", "weights", "explicit"), set("coinr", "aggregate", "arithmetic"), set("coinr", "missing", "reweight")],
    notes: PRESET_TEXTS.coinr.notes,
  },
};

/** A setting of a preset that the run set otherwise: its option (flag name without `--`) and what set it, with its value. */
export interface PresetOverride {
  option: string;
  /** The flag typed (`--method entropy`), or the project file's key with its place (`methods.weights explicit (index.yaml:15)`). */
  by: string;
}

/**
 * The text `--explain` prints: the preset's title, every option it sets with its source, and its notes. The settings
 * `overridden` by the run (a flag typed, a key of index.yaml, with another value) are listed apart, each with what
 * overrides it, as not applied. Each message made through `translate` (the terminal's `env.translate`: Chinese under
 * `INNOVATION_INDEX_LANG=zh`), English by default.
 */
export function formatPresetExplanation(preset: Preset, overridden: readonly PresetOverride[] = [], translate: (text: string) => string = (text) => text): string {
  const definition = PRESET_DEFINITIONS[preset];
  const width = Math.max(...definition.settings.map((setting) => `--${setting.option} ${setting.value}`.length));
  const line = (setting: PresetSetting, text: string) => `  ${`--${setting.option} ${setting.value}`.padEnd(width)}  ${translate(text)}`;
  const byOf = (setting: PresetSetting) => overridden.find((override) => override.option === setting.option)?.by;
  const lines = [
    translate(commandMessages.presetHeading(preset)),
    ...definition.settings.filter((setting) => byOf(setting) === undefined).map((setting) => line(setting, commandMessages.presetSource(preset, setting.option))),
  ];
  const notApplied = definition.settings.filter((setting) => byOf(setting) !== undefined);
  if (notApplied.length > 0)
    lines.push(translate(commandMessages.presetOverriddenHeading()), ...notApplied.map((setting) => line(setting, commandMessages.presetOverriddenBy(byOf(setting)!))));
  if (definition.notes.length > 0) lines.push(translate(commandMessages.presetNotesHeading()), ...definition.notes.map((_, note) => `  - ${translate(commandMessages.presetNote(preset, note))}`));
  lines.push(translate(commandMessages.presetOverrideRule()));
  return lines.join("\n") + "\n";
}
