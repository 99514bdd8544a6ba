/**
 * Messages of the command line's own checks and notes (src/cli): option values commander's parsers refuse, options
 * that contradict each other, a command's inputs and outputs (`template`, `import-coinr`, `compare`, `init`), and the
 * diagnostic lines a command prints on standard error (the weighting and the data stage). Shape, as every catalogue's:
 * `<where>: <what went wrong>; expected <what>`.
 */
import { catalogue } from "./localize.js";
import { describeFound } from "./project-messages.js";
import { counted, listItems, quote } from "./quote.js";
import type { Preset } from "./preset-names.js";
import { closestName, didYouMean } from "./suggest.js";

/** `a, b and c`. */
const andList = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/** `3 cells`, `1 cell`. */
const cells = (n: number) => counted(n, "cell");

/** What `--explain` says of a preset: what it reproduces, where each setting comes from (by option), its notes. */
export interface PresetTexts {
  title: string;
  sources: Readonly<Record<string, string>>;
  notes: readonly string[];
}

/**
 * The words of each preset (src/core/presets.ts takes its titles, sources and notes from here), which `--explain`
 * prints through the messages `presetHeading`, `presetSource` and `presetNote`.
 */
export const PRESET_TEXTS: Readonly<Record<Preset, PresetTexts>> = {
  nbs: {
    title: "China Innovation Index (中国创新指数), National Bureau of Statistics of China",
    sources: {
      normalise: "NBS: every indicator as an index of its base-year value (base year = 100; the NBS series uses 2005)",
      weights: "NBS: equal weights level by level (逐级等权)",
      aggregate: "NBS: geometric mean of the indicator indices inside a domain, arithmetic mean of the domains for the total (reproduces the published series)",
    },
    notes: [
      "the base year is the earliest year of the data unless --base-year says otherwise (the NBS uses 2005)",
      "a domain with sub-domains takes the geometric mean at every level below the total: our reading for trees deeper than the NBS's two levels",
    ],
  },
  changzhou: {
    title: "Changzhou Hi-tech Zone Industrial Internet Innovation Development Index (2020)",
    sources: {
      normalise: "Changzhou index: indicator indices with 2017 as the base period",
      "base-year": "Changzhou index: 2017 is the base period",
      weights: "Changzhou index: sub-indices combined into the total by weighting (the tree's weights)",
      aggregate: "Changzhou index: weighted sum of the sub-indices (weighted arithmetic mean)",
    },
    notes: ["the report's weights and 40 indicators are not public: the weights are the tree's, and the arithmetic form within dimensions is our reading"],
  },
  eis: {
    title: "European Innovation Scoreboard (European Commission)",
    sources: {
      outliers: "EIS: an indicator with a highly skewed distribution (skewness above 1 over the data) is square-rooted before min-max",
      normalise: "EIS methodology report: min-max over all years and countries, so scores are comparable over time",
      weights: "EIS: the summary innovation index is the unweighted average of the normalised indicators",
      aggregate: "EIS: arithmetic averages of the normalised scores",
      "performance-groups": "EIS: innovation leaders above 125 % of the EU, strong 100-125 %, moderate 70-100 %, emerging below 70 %",
    },
    notes: [
      "give the EU (or another reference) as a unit with --reference-unit; without it the reference is the average of the units",
      "skewness is Excel's SKEW over every unit and year of an indicator (--outlier-scope year: each year apart); the threshold 1 is our reading of the EIS's \"highly skewed\"",
      "the EIS's reference-year rescaling is not applied",
      "the EIS averages all indicators at once: equal weights level by level equal that only when the dimensions have equal numbers of indicators",
    ],
  },
  gii: {
    title: "Global Innovation Index (WIPO)",
    sources: {
      normalise: "GII: indicators scaled 0-100 by min-max across economies, year by year",
      outliers:
        "GII (JRC audit rule): skewness > 2 and kurtosis > 3.5 winsorised (up to 5 points); an indicator still skewed after that is named in a warning (the GII then log-transforms it: --outliers log)",
      weights: "GII: weights 1, or 0.5 for some indicators, written in the tree",
      aggregate: "GII: weighted arithmetic averages at every level (sub-pillars, pillars, sub-indices)",
    },
    notes: [
      "write the GII's indicator weights (1 or 0.5) in the tree's weight column",
      "the GII's overall score is the mean of the input and output sub-indices and its efficiency ratio is their ratio: build them as the tree's first level",
    ],
  },
  coinr: {
    title: "COINr defaults (R package, Becker et al. 2022)",
    sources: {
      normalise: "COINr Normalise(): n_minmax with l_u = c(0, 100); a purse normalises across all time points (global = TRUE)",
      weights: "COINr: the weights of iMeta (the tree)",
      aggregate: "COINr Aggregate(): a_amean, the weighted arithmetic mean",
      missing: "COINr: a_amean leaves missing children out and renormalises the weights",
    },
    notes: ["COINr fills gaps only when Impute() is called: its i_mean and i_median, year by year, are --missing mean and --missing median"],
  },
};

export const commandMessages = catalogue("commandMessages", {
  // Option values (commander's parsers).
  /** A whole-number option (`integerOption`) out of its bounds or not a whole number. */
  wholeNumberOption: (name: string, min: number, max: number, found: string) => `${name} must be a whole number from ${min} to ${max}, got ${quote(found)}`,
  /** A number option (`numberOption`, audit's thresholds) out of its bounds or not a number. */
  numberOption: (name: string, min: number, max: number, found: string) => `${name} must be a number from ${min} to ${max}, got ${quote(found)}`,
  capOption: (min: number, found: string) => `--cap must be a number >= ${min} (a lower cap would move the base year off 100), got ${quote(found)}`,
  /** `--encoding` of `template` and `import-coinr`. */
  encodingOption: (found: string) => `--encoding must be auto, utf-8, gb18030 or gbk, got ${quote(found)}`,
  /** `--encoding` of the commands that read a tree and values (`encodings`: the names it takes). */
  encodingChoice: (found: string, encodings: readonly string[]) =>
    `--encoding must be one of ${encodings.join(", ")} (also utf8, gb2312, cp936), got ${quote(found)}${didYouMean(found, encodings)}`,
  yearsOption: (found: string) => `--years must be a range such as 2017-2020 or a list such as 2017,2018,2020, got ${quote(found)}`,
  weightYearsOption: (found: string) => `--weight-years must list years such as 2017-2020 or 2017,2019, got ${quote(found)}`,
  weightUnitsOption: (found: string) => `--weight-units must list units separated by commas, got ${quote(found)}`,
  memoryLimitOption: (found: string) => `--memory-limit must be a size such as 8GB, 512MB or a number of bytes, got "${found}"`,
  emptyMethodList: (option: string, allowed: readonly string[]) => `${option} is empty; expected one or more of: ${allowed.join(", ")}`,
  weightNoiseOption: (found: string) => `--weight-noise must be a number above 0 and at most 1 (0.2 means ±20%), got ${quote(found)}`,
  bootstrapOne: (found: string) => `--bootstrap must be 0 (no intervals) or at least 2 resamples, got ${quote(found)}`,
  unknownShell: (found: string, shells: readonly string[]) => `unknown shell "${found}"; expected one of: ${shells.join(", ")}`,
  unknownHelpTopic: (topic: string, topics: readonly string[]) => `unknown help topic "${topic}"; expected a command or one of: ${topics.join(", ")}`,
  explainWithoutPreset: (presets: readonly string[]) => `--explain needs --preset NAME; expected one of: ${presets.join(", ")}`,
  // What `--explain` prints of a preset (src/core/presets.ts: `formatPresetExplanation`), line by line.
  presetHeading: (preset: Preset) => `preset ${preset}: ${PRESET_TEXTS[preset].title}`,
  /** Where the setting of `option` (the flag name without `--`) of `preset` comes from. */
  presetSource: (preset: Preset, option: string) => PRESET_TEXTS[preset].sources[option] ?? "",
  presetOverriddenHeading: () => "overridden, not applied:",
  /** `by`: the flag typed (`--weights entropy`), or the project file's key with its place. */
  presetOverriddenBy: (by: string) => `by ${by}`,
  presetNotesHeading: () => "notes:",
  /** The note at position `note` of `preset`. */
  presetNote: (preset: Preset, note: number) => PRESET_TEXTS[preset].notes[note] ?? "",
  presetOverrideRule: () => "flags given on the command line or in index.yaml override the preset",
  presetValueNotChoice: (preset: string, option: string, value: string, choices: readonly string[]) =>
    `preset ${preset}: --${option} ${value} is not one of ${choices.join(", ")}`,
  /**
   * A setting of a preset (`setting`: `--weights equal`) that the run set otherwise (`by`: the flag typed or index.yaml's
   * key, with its value; `name`: the flag or key alone), so that the preset's is not applied.
   */
  presetOverridden: (preset: string, setting: string, by: string, name: string) =>
    `${by} overrides preset ${preset}'s ${setting}, which is not applied; expected no ${name} to apply the preset's (a key of index.yaml or a flag typed overrides a preset)`,
  /** `uncertainty` with `--screen` by unit-year (`where`: the flag, or index.yaml's key): its runs would fill the gaps compute leaves. */
  screenByUnitYearInUncertainty: (where: string) =>
    `${where} unit-year: uncertainty screens whole units only (the values of a screened unit-year would be gaps its runs fill or refuse, where compute leaves that unit-year empty); expected --screen-by unit, or no --screen`,
  /** `weights` with options of the index `--optimise` computes (`flags`, typed), without `--optimise`: they change nothing. */
  indexOptionsWithoutOptimise: (flags: readonly string[]) =>
    `${flags.join(", ")} ${flags.length === 1 ? "has" : "have"} no effect without --optimise: ${flags.length === 1 ? "it is an option" : "they are options"} of the index --optimise computes, and weights derives the weights without computing an index; expected --optimise with ${flags.length === 1 ? "it" : "them"}, or ${flags.length === 1 ? "it" : "them"} left out`,
  /** `--screen-by` given without `--screen`: it says how units are screened, and none are. */
  screenByWithoutScreen: (scope: string) =>
    `--screen-by ${scope} has no effect without --screen: it says whether --screen leaves out whole units or unit-years, and no --screen is given; expected --screen <share> with it, or no --screen-by`,

  // Options that contradict each other, or that the run cannot honour.
  /** `missing`: the one of `--indicators` and `--data` not given. */
  inputMissing: (missing: string) => `${missing} is missing; expected both --indicators and --data, or neither for the shipped example`,
  /**
   * `weights -i` without `--data` by a method that derives weights from the values (`method`); `valueFree`: the methods
   * that need only the tree (`explicit`, `equal`, `ahp`).
   */
  dataMissingForMethod: (method: string, valueFree: readonly string[]) =>
    `--data is missing; the ${method} method derives weights from the values: expected --data/-d with the values file (${andList(valueFree)} weights need only --indicators), or neither --indicators nor --data for the shipped example`,
  /** `weights -i` without `--data` by a method that needs only the tree (`method`), with options that read the values (`flags`, as typed). */
  optionsNeedData: (flags: readonly string[], method: string) =>
    `${flags.join(", ")} ${flags.length === 1 ? "needs" : "need"} the values, and --data is missing (weights by ${method} need only --indicators); expected --data/-d with the values file, or the command without ${flags.join(", ")}`,
  normaliseDisagrees: (normalise: string, normalize: string) => `--normalise ${normalise} and --normalize ${normalize} disagree; expected one of them`,
  powerDisagrees: (power: number, specPower: number) => `--power ${power} and --aggregate power:${specPower} disagree; expected one exponent`,
  weightsDisagree: (weights: string, method: string) => `--weights ${weights} and --method ${method} disagree; expected one of them`,
  tableNeedsFormat: (table: string) => `--table ${table} needs --format table, csv or json; expected one of them with --table`,
  ranksOfOneUnit: () => `--table ranks needs several units; the data has one unit`,
  unknownFormat: (format: string) => `unknown format ${format}`,
  xlsxNeedsBytes: () => "--format xlsx needs a byte stream on stdout; expected stdout redirected to a file",
  /** A standard stream (`stream`: "standard output") that cannot be written, for `reason` (the system's code). */
  streamFailed: (stream: string, reason: string) => `cannot write to ${stream} (${reason}); expected a writable output`,
  /** A file or folder the system refused to this user (EACCES, EPERM), met where no message of its own says so. */
  permissionDenied: (path: string, code: string, writing: boolean) =>
    `cannot ${writing ? "write" : "read"} ${path} (${code}: permission denied); expected a ${writing ? "file or folder this user may write" : "file or folder this user may read"}: check its owner and permissions (ls -l), or run as the user that made it`,
  publishFailed: (runLabel: string, reason: string) => `${runLabel}: cannot publish the run (${reason}); expected a writable folder`,

  // What an option of a project file (index.yaml) expects, after `projectMessages.badKey`'s `expected`.
  expectedBoolean: () => "true or false",
  expectedValueFor: (flag: string) => `a value for ${flag}`,
  expectedOneOf: (found: string, choices: readonly string[]) => `one of: ${choices.join(", ")}${didYouMean(found, choices)}`,
  /** `reason`: the option's parser's message. */
  expectedAccepted: (flag: string, reason: string) => `what ${flag} accepts (${reason})`,
  /** `value`: the value of the project file that the option's parser refused. */
  expectedValid: (flag: string, value: unknown) => `a valid value for ${flag} (${describeFound(value)} was refused)`,

  // template and import-coinr.
  templateOut: (out: string) => `--out must end in .csv or .xlsx, got ${quote(out)}`,
  templateExists: (out: string) => `${out}: the file exists; expected a new file name (or --force to overwrite it)`,
  importExists: (path: string) => `${path}: the file exists; expected a new folder (or --force to overwrite it)`,
  importOneYear: (years: readonly number[]) => `--year takes one year, got ${years.join(", ")}`,
  importNoTime: () => `no column "Time" (the year); expected a Time column, or --year for data of one year`,
  importNoColumn: (code: string) => `indicator "${code}" of the iMeta has no column in the iData; expected a column named "${code}"`,
  importWrote: (out: string, nodes: number, indicators: number, units: number, years: number) =>
    `wrote ${out}/tree.csv (${counted(nodes, "node")}, ${counted(indicators, "indicator")}) and ${out}/values.csv (${counted(units, "unit")}, ${counted(years, "year")})\n`,
  /** `--year` given for an iData (`file`) that has a Time column: which should win is not guessed. */
  importYearAndTime: (file: string) =>
    `--year is for an iData without a Time column, and ${file} has one; expected either --year or a Time column, not both (leave out --year to take each row's Time)`,
  /**
   * The note of what the import leaves out: the iData's uName column (`unitNames`) and its columns of another Type than
   * Indicator (Group, Denominator, Other, or an Aggregate's), by name with their Type.
   */
  importNotImported: (unitNames: boolean, columns: readonly { name: string; type: string }[]) =>
    `not imported: ${[...(unitNames ? ["uName (unit names)"] : []), ...columns.map(({ name, type }) => `${name} (${type})`)].join(", ")}; tree.csv and values.csv hold the indicators' values by uCode and Time, and have no place for unit names, groups or denominators\n`,
  /** An iData without COINr's one required column. */
  coinrNoUnitCode: (header: readonly string[]) => {
    const near = closestName("uCode", header.filter((name) => name.trim() !== ""));
    return `no column "uCode" (each row's unit code), which COINr's iData requires; found columns ${listItems(header.map(quote), ", ", (count) => `and ${count} more`) || "(none)"}; expected a column named "uCode"${
      near === undefined ? "" : ` (found column ${quote(near)}: COINr's column names are case-sensitive)`
    }`;
  },
  /** An iData column whose name is no iCode of the iMeta (`meta`), nor uCode, uName or Time; `codes`: the names it may have meant. */
  coinrUndeclaredColumn: (column: string, meta: string, codes: readonly string[]) =>
    `column ${quote(column)} is not declared in ${meta}: no row has iCode ${quote(column)}, and COINr's new_coin refuses such a column; expected every iData column but uCode, uName and Time to have an iMeta row, of Type Indicator for an indicator, or Group, Denominator or Other for a column not imported${didYouMean(column, codes)}`,
  /**
   * An iMeta row of Type Group, Denominator or Other (`type`) whose iCode has no column in the iData (`data`): COINr's
   * new_coin requires a column for every iCode but an Aggregate's.
   */
  coinrNoColumn: (code: string, type: string, data: string) =>
    `iCode ${quote(code)} of Type ${type} has no column in ${data}, and COINr's new_coin refuses an iMeta row without one; expected a column named ${quote(code)} in ${data} (every iMeta row but an Aggregate is a column of the iData), or no row for ${quote(code)} in the iMeta`,
  /** Two iData rows of one unit and year (`firstLine`: the first). */
  coinrDuplicateRow: (unit: string, year: number, firstLine: number) =>
    `unit ${quote(unit)}, year ${year} is given again (first on line ${firstLine}); expected one row per uCode and Time, as COINr's new_coin requires`,
  /** A number of the iMeta (`column`: Target, Weight) that cannot be read with the file's decimal mark. */
  coinrBadNumber: (column: string, code: string, found: string, decimalMark?: "comma" | "ambiguous") =>
    `${column} ${quote(found)} of ${quote(code)} is not a number; ${
      decimalMark === "ambiguous"
        ? "expected a number with a decimal comma, such as 27,445, as the file's other numbers (--decimal . if the file writes decimal points)"
        : `expected a number such as 27.445, or NA${decimalMark === "comma" ? " (decimal comma? use --decimal ,)" : ""}`
    }`,
  /** An Indicator's or Aggregate's Level that is no whole number from 1 (NA, empty, 0, 1.5). */
  coinrBadLevel: (code: string, found: string) =>
    `${quote(code)} has Level ${quote(found)}; expected a whole number from 1 (1 for an indicator, one more than its children's for an aggregate), as COINr's check_iMeta requires`,
  coinrIndicatorLevel: (code: string, level: number) => `indicator ${quote(code)} has Level ${level}; expected Level 1, where COINr puts every indicator`,
  /** A child whose parent is not one Level above it. */
  coinrParentLevel: (code: string, level: number, parent: string, parentLevel: number) =>
    `${quote(code)} has Level ${level} and its parent ${quote(parent)} Level ${parentLevel}; expected the parent one Level above its child (Level ${level + 1}), as COINr's check_iMeta requires`,
  /** A node without a parent below the top Level (`top`): a branch that stops short of the index (a ragged tree). */
  coinrTopLevel: (code: string, level: number, top: number) =>
    `${quote(code)} has no parent but Level ${level}, below the top Level ${top}; expected a parent for ${quote(code)}, or every branch to reach the top Level (each indicator as many Levels below the index as every other)`,

  // init.
  /** `others`: the files already in the data folder, sorted. */
  initDataNotEmpty: (label: string, others: readonly string[]) =>
    `${label}/data already holds ${others.slice(0, 3).join(", ")}${others.length > 3 ? ` and ${others.length - 3} more` : ""}: the example's values written beside them would be read with them, as one more unit; expected an empty data folder (or --force to add the example's files anyway)`,

  // compare.
  compareWithAndProjects: () => `--with cannot be used with two project files; expected either two project files or --with`,
  compareProjectCount: (projects: readonly string[]) =>
    `compare takes two project files, got ${projects.length} ("${projects.join('", "')}"); expected two, or none with --with`,
  compareNothing: () => `nothing to compare; expected two project files, or --with "FLAGS" for configuration b`,
  /** `reason`: commander's message about the flags, without its `error: `. */
  compareWithRefused: (flags: string, reason: string) => `--with "${flags}": ${reason}`,
  compareFailed: (name: string, label: string) => `configuration ${name} (${label}) cannot be computed`,
  compareBothFailed: (labelA: string, labelB: string) => `configurations a (${labelA}) and b (${labelB}) cannot be computed`,
  commandFlags: () => "the command's flags",
  commandFlagsWith: (flags: string) => `the command's flags with ${flags}`,
  /** The two configurations compared, one a line. */
  configurations: (a: string, b: string) => `a: ${a}\nb: ${b}\n`,
  /**
   * `compare --explain`: the heading of the configurations (`name` a or b, with its label; both when they are explained
   * alike) whose preset is explained on the lines after it; `hasPreset` false: they set none, and nothing follows.
   */
  explainConfigurations: (configurations: readonly { name: string; label: string }[], hasPreset: boolean) =>
    `${configurations.length === 1 ? "configuration" : "configurations"} ${configurations.map(({ name, label }) => `${name} (${label})`).join(" and ")}:${hasPreset ? "" : " no preset"}`,

  // Diagnostic lines on standard error.
  note: (text: string) => `note: ${text}\n`,
  weightsBy: (method: string, judgements?: string) => `weights by ${method}${judgements ? ` from ${judgements}` : ""}`,
  /**
   * The observations objective weights came from. `dropped`: how many unit-years with a gap were left out (`undefined`
   * when none was looked for); `units` as printed, "" for the unnamed unit.
   */
  objectiveObservations: (
    observations: number | undefined,
    dropped: number | undefined,
    units: readonly string[],
    years: readonly number[],
    groupWeights: string | undefined,
    entropyShift?: number,
    entropyInput?: string,
    pcaRotation?: string,
  ) =>
    `objective weights from ${observations} observations${dropped !== undefined ? ` (${dropped} unit-years with a gap left out)` : ""}: units ${units.map((unit) => (unit ? unit : "(unnamed)")).join(", ")}; years ${years.join(", ")}; groups weighted by rule "${groupWeights}"` +
    (entropyShift ? `; entropy shift ${entropyShift}` : "") +
    (entropyInput ? `; entropy of ${entropyInput} values` : "") +
    (pcaRotation ? `; PCA rotation ${pcaRotation}` : ""),
  /** `table`: the consistency table, rendered. */
  ahpConsistency: (randomIndex: string | undefined, table: string) => `AHP consistency (CR < 0.1 is acceptable${randomIndex ? `; random index ${randomIndex}` : ""}):\n${table}`,
  /**
   * What the data stage did: `imputed` cells filled (`methods`: how many by each method), `reweighted` cells left to
   * reweighting, `treated` outlier treatments; `files`: name the files that list them.
   */
  dataStage: (imputed: number, methods: readonly (readonly [string, number])[], reweighted: number, treated: number, files: boolean) =>
    `imputed ${cells(imputed)}${methods.length > 0 ? ` (${methods.map(([method, n]) => `${method} ${n}`).join(", ")})` : ""}, reweighted ${cells(reweighted)}, ` +
    `outlier-treated ${cells(treated)}${files ? " (see imputations.csv, treatment.csv)" : ""}\n`,
  /** The group scores `--min-group-coverage` set missing (rows `below-coverage` of imputations.csv). */
  belowCoverage: (count: number, files: boolean) =>
    `set ${counted(count, "group score")} missing by --min-group-coverage: less than that share of the group's children have a value in the unit-year${files ? " (see imputations.csv)" : ""}\n`,
  /** `dataStage` of uncertainty's nominal run. */
  nominalRun: (dataStage: string) => `nominal run: ${dataStage}`,
});
