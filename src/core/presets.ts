/**
 * Presets: whole methods of published indices, as the option values they set. A preset sets only what the run has not
 * set itself (a flag on the command line or a key in index.yaml wins). Each setting carries a one-line source; where the
 * official method is not fully public, the setting says which part is our reading.
 */

export const PRESETS = ["nbs", "changzhou", "eis", "gii", "coinr"] as const;
export type Preset = (typeof PRESETS)[number];

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

export const PRESET_DEFINITIONS: Readonly<Record<Preset, PresetDefinition>> = {
  nbs: {
    title: "China Innovation Index (中国创新指数), National Bureau of Statistics of China",
    settings: [
      { option: "normalise", value: "fixed-base", source: "NBS: every indicator as an index of its base-year value (base year = 100; the NBS series uses 2005)" },
      { option: "weights", value: "equal", source: "NBS: equal weights level by level (逐级等权)" },
      {
        option: "aggregate",
        value: "geometric,0=arithmetic",
        source: "NBS: geometric mean of the indicator indices inside a domain, arithmetic mean of the domains for the total (reproduces the published series)",
      },
    ],
    notes: [
      "the base year is the earliest year of the data unless --base-year says otherwise (the NBS uses 2005)",
      "a domain with sub-domains takes the geometric mean at every level below the total: our reading for trees deeper than the NBS's two levels",
    ],
  },
  changzhou: {
    title: "Changzhou Hi-tech Zone Industrial Internet Innovation Development Index (2020)",
    settings: [
      { option: "normalise", value: "fixed-base", source: "Changzhou index: indicator indices with 2017 as the base period" },
      { option: "base-year", value: "2017", source: "Changzhou index: 2017 is the base period" },
      { option: "weights", value: "explicit", source: "Changzhou index: sub-indices combined into the total by weighting (the tree's weights)" },
      { option: "aggregate", value: "arithmetic", source: "Changzhou index: weighted sum of the sub-indices (weighted arithmetic mean)" },
    ],
    notes: ["the report's weights and 40 indicators are not public: the weights are the tree's, and the arithmetic form within dimensions is our reading"],
  },
  eis: {
    title: "European Innovation Scoreboard (European Commission)",
    settings: [
      { option: "outliers", value: "sqrt", source: "EIS: an indicator with a highly skewed distribution (skewness above 1 over the data) is square-rooted before min-max" },
      { option: "normalise", value: "min-max", source: "EIS methodology report: min-max over all years and countries, so scores are comparable over time" },
      { option: "weights", value: "equal", source: "EIS: the summary innovation index is the unweighted average of the normalised indicators" },
      { option: "aggregate", value: "arithmetic", source: "EIS: arithmetic averages of the normalised scores" },
      { option: "performance-groups", value: "125,100,70", source: "EIS: innovation leaders above 125 % of the EU, strong 100-125 %, moderate 70-100 %, emerging below 70 %" },
    ],
    notes: [
      "give the EU (or another reference) as a unit with --reference-unit; without it the reference is the average of the units",
      "skewness is Excel's SKEW over every unit and year of an indicator (--outlier-scope year: each year apart); the threshold 1 is our reading of the EIS's \"highly skewed\"",
      "the EIS's reference-year rescaling is not applied",
      "the EIS averages all indicators at once: equal weights level by level equal that only when the dimensions have equal numbers of indicators",
    ],
  },
  gii: {
    title: "Global Innovation Index (WIPO)",
    settings: [
      { option: "normalise", value: "min-max-year", source: "GII: indicators scaled 0-100 by min-max across economies, year by year" },
      { option: "outliers", value: "winsorise", source: "GII (JRC audit rule): skewness > 2 and kurtosis > 3.5 winsorised (up to 5 points); an indicator still skewed after that is named in a warning (the GII then log-transforms it: --outliers log)" },
      { option: "weights", value: "explicit", source: "GII: weights 1, or 0.5 for some indicators, written in the tree" },
      { option: "aggregate", value: "arithmetic", source: "GII: weighted arithmetic averages at every level (sub-pillars, pillars, sub-indices)" },
    ],
    notes: [
      "write the GII's indicator weights (1 or 0.5) in the tree's weight column",
      "the GII's overall score is the mean of the input and output sub-indices and its efficiency ratio is their ratio: build them as the tree's first level",
    ],
  },
  coinr: {
    title: "COINr defaults (R package, Becker et al. 2022)",
    settings: [
      { option: "normalise", value: "min-max", source: "COINr Normalise(): n_minmax with l_u = c(0, 100); a purse normalises across all time points (global = TRUE)" },
      { option: "weights", value: "explicit", source: "COINr: the weights of iMeta (the tree)" },
      { option: "aggregate", value: "arithmetic", source: "COINr Aggregate(): a_amean, the weighted arithmetic mean" },
      { option: "missing", value: "reweight", source: "COINr: a_amean leaves missing children out and renormalises the weights" },
    ],
    notes: ["COINr fills gaps only when Impute() is called: its i_mean and i_median, year by year, are --missing mean and --missing median"],
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
 * overrides it, as not applied.
 */
export function formatPresetExplanation(preset: Preset, overridden: readonly PresetOverride[] = []): string {
  const definition = PRESET_DEFINITIONS[preset];
  const width = Math.max(...definition.settings.map((setting) => `--${setting.option} ${setting.value}`.length));
  const line = (setting: PresetSetting, text: string) => `  ${`--${setting.option} ${setting.value}`.padEnd(width)}  ${text}`;
  const byOf = (setting: PresetSetting) => overridden.find((override) => override.option === setting.option)?.by;
  const lines = [`preset ${preset}: ${definition.title}`, ...definition.settings.filter((setting) => byOf(setting) === undefined).map((setting) => line(setting, setting.source))];
  const notApplied = definition.settings.filter((setting) => byOf(setting) !== undefined);
  if (notApplied.length > 0) lines.push("overridden, not applied:", ...notApplied.map((setting) => line(setting, `by ${byOf(setting)}`)));
  if (definition.notes.length > 0) lines.push("notes:", ...definition.notes.map((note) => `  - ${note}`));
  lines.push("flags given on the command line or in index.yaml override the preset");
  return lines.join("\n") + "\n";
}
