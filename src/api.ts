/**
 * The facade: the few calls a notebook or a script reaches for first. Each is one step of what `compute` does on the
 * command line, with the same defaults, so `compute(await load(files), options)` gives the numbers the CLI prints.
 *
 * ```ts
 * import { load, compute, analyse, audit, report } from "innovation-index";
 * const inputs = await load({ indicators: "indicators/changzhou-2020.csv", data: "data/changzhou/values.csv" });
 * const result = await compute(inputs, { baseYear: 2017, weights: "entropy" });
 * const analysis = analyse(result);
 * const checks = audit(result); // statistics, correlations, Cronbach's alpha, PCA, effective weights
 * const html = await report(result, { language: "en" });
 * ```
 *
 * Every building block behind these calls (normalisation, weighting, aggregation, readers and writers) stays exported
 * from the package as well. The calls' problems and warnings name options by their library names (`cap`,
 * `weighting.years`) where the core's messages quote the command line's flags (`--cap`, `--weight-years`): see
 * library-names.ts.
 */
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeResult, type Analysis, type AnalysisOptions } from "./core/analysis/analyze.js";
import { CONTRIBUTION_DEPTHS } from "./core/analysis/contributions.js";
import { parseAggregateSpec } from "./core/aggregate/plan.js";
import { auditIndex, type Audit, type AuditOptions } from "./core/audit/audit.js";
import { checkComputeOptions, computeIndex, type ComputeOptions, type IndexResult } from "./core/compute.js";
import { screenPanel } from "./core/screen.js";
import { unitLookalikeWarnings } from "./core/unit-lookalike.js";
import { MISSING_POLICIES, type MissingPolicy } from "./core/missing.js";
import { NORMALIZE_METHODS, type NormalizeMethod } from "./core/normalize/methods.js";
import { quote } from "./core/quote.js";
import { checkMessages } from "./core/check-messages.js";
import { readerMessages } from "./core/reader-messages.js";
import { describeValue, isObject, isOptionsObject, OptionChecks, optionMessages } from "./core/option-checks.js";
import { ARGUMENT_KINDS, checkAnalysis, checkAppendixItem, checkArguments, checkOptionsObject, checkResult, FacadeChecks, isInputs, kindOf } from "./api-arguments.js";
import type { OutlierMethod } from "./core/outliers.js";
import type { Panel, ValueRecord } from "./core/panel.js";
import { PRESET_DEFINITIONS, PRESETS, type Preset } from "./core/presets.js";
import { MAX_SEED } from "./core/random.js";
import { analyzeUncertainty, type UncertaintyResult } from "./core/uncertainty.js";
import { AGGREGATE_METHODS, type AggregateMethod } from "./core/aggregate/methods.js";
import type { Tree } from "./core/types.js";
import { checkWeightingOptions, deriveWeights, explicitWeightingWarnings, usesJudgements, WEIGHT_METHODS, type WeightingOptions, type WeightingResult, type WeightMethod } from "./core/weighting/derive.js";
import { refuseUnderStrict, ValidationError, type Issue } from "./errors.js";
import { pageText, pageWarnings } from "./io/report/page-warnings.js";
import { errorInLibraryNames, issuesInLibraryNames } from "./library-names.js";
import { REPORT_LANGUAGES } from "./io/report/labels.js";
import { loadMathjsEigen } from "./io/math/mathjs-eigen.js";
import { MAX_QUERY_TIME_LIMIT, MIN_QUERY_TIME_LIMIT, queryMemoryBytesOf } from "./io/read/duckdb.js";
import { loadInputs, type LoadOptions } from "./io/read/load.js";
import { defaultMemoryLimit } from "./io/memory.js";
import { ENCODINGS, parseEncoding, type EncodingName } from "./io/read/read-text.js";
import { readAhpJudgements } from "./io/read/read-ahp.js";
import { dataStageAppendix } from "./io/report/appendix.js";
import { formatReportHtml, type ReportOptions } from "./io/report/to-html.js";
import { valueProvenance, type Provenance } from "./io/report/provenance.js";

/** What `load` reads: the indicator tree and the values, as paths (relative to `cwd`). */
export interface LoadSource extends Omit<LoadOptions, "encoding" | "sheet" | "treeSheet" | "queryMemoryLimit"> {
  /** The indicator tree: CSV, YAML or xlsx. */
  indicators: string;
  /** The values: a CSV or xlsx file (long or wide layout), a `.parquet` file, a `.sql` query, or a folder of them. */
  data: string;
  /** Encoding of CSV and YAML files, by any name `--encoding` takes (`utf8`, `GBK`, `cp936`). Default `auto` (UTF-8, else GB18030). */
  encoding?: EncodingName;
  /** Sheet of a values workbook, as `--sheet` takes it: its name, or its 1-based number (`2` or `"2"`). Default: the first visible. */
  sheet?: string | number;
  /** Sheet of a tree workbook, as `--tree-sheet` takes it: its name, or its 1-based number. Default: the first visible. */
  treeSheet?: string | number;
  /** Folder the paths are relative to. Default: the process's current folder. */
  cwd?: string;
  /**
   * The folder a `.sql` query (the values, or a tree's `sql` column) may read files from, and its relative paths
   * resolve against, relative to `cwd`. Default: `cwd`, as the command line's is the folder it runs in.
   */
  queryRoot?: string;
  /**
   * The memory DuckDB may use for the queries of a `.sql` or `.parquet` values file and of a tree's `sql` column (its
   * `memory_limit`): a size as `INNOVATION_INDEX_QUERY_MEMORY_LIMIT` takes it (`"8GB"`, `"512MB"`, powers of 1024), or
   * a whole number of bytes; at least 16 MB. Past it DuckDB spills what it can to a temporary folder, and a query that
   * still needs more is stopped (`E_QUERY_MEMORY_LIMIT`, naming this option as the limit's source). Anything else is
   * `E_BAD_OPTION`. Default: `INNOVATION_INDEX_QUERY_MEMORY_LIMIT` from the environment, else half of the machine's
   * memory (or of its container's limit).
   * @example load({ indicators: "tree.csv", data: "values.sql", queryMemoryLimit: "8GB" })
   */
  queryMemoryLimit?: number | string;
}

/** The tree and the values of an index, validated. */
export interface Inputs {
  tree: Tree;
  panel: Panel;
  /** The folder relative paths were read from (for AHP judgement files named in `compute`). Default: the process's. */
  cwd?: string;
  /**
   * The values' `source` column (`load` with `keepSources: true`): each value that has one, by unit, year and indicator.
   * `compute` counts those marked illustrative (`provenance`), which `report` says under its title.
   */
  sources?: readonly Pick<ValueRecord, "unit" | "year" | "indicator" | "source">[];
}

/**
 * A panel as `compute` and `uncertainty` take it: `load`'s or `buildPanel`'s, or one whose values are a plain array
 * (a notebook's own), `values[(indicator · units + unit) · years + year]` with `null` for a missing value, which the
 * call copies into the `Float64Array` of a `Panel`. Another typed array, or an object shaped as an array, is refused.
 */
export interface PanelGiven extends Omit<Panel, "values"> {
  values: Float64Array | readonly (number | null)[];
}

/** What `compute` and `uncertainty` take: `Inputs`, their panel's values a plain array too (`PanelGiven`). */
export interface InputsGiven extends Omit<Inputs, "panel"> {
  panel: PanelGiven;
}

/**
 * The shipped Changzhou example as absolute paths, for `load(example)` from any folder (an installed package's files
 * are not in the folder a notebook runs in): its indicator tree (`indicators`) and its values (`data`, illustrative: see
 * data/changzhou/README.md). Its illustrative AHP judgements are `changzhou-2020-ahp.csv` beside the tree.
 * @example
 * const inputs = await load(example);
 * inputs.panel.years; // => [2017, 2018, 2019, 2020]
 */
export const example: Readonly<{ indicators: string; data: string }> = Object.freeze({
  indicators: fileURLToPath(new URL("../indicators/changzhou-2020.csv", import.meta.url)),
  data: fileURLToPath(new URL("../data/changzhou/values.csv", import.meta.url)),
});

/**
 * Reads and validates an indicator tree and its values, exactly as `compute --indicators --data` does.
 *
 * @throws `ValidationError` listing every problem of both files at once (each with file, line and column). A file that
 * cannot be read (missing, a folder) is code `E_READ`: an `InputError` when it is the only problem, one of the
 * `ValidationError`'s issues when there are more (both files unreadable, or the tree unreadable and the values wrong).
 * @example
 * const inputs = await load({ indicators: "indicators/changzhou-2020.csv", data: "data/changzhou/values.csv" });
 * inputs.panel.years; // => [2017, 2018, 2019, 2020]
 */
export async function load(source: LoadSource): Promise<Inputs> {
  // Two paths given one after the other, as many readers take them, name the object load takes.
  const second: unknown = arguments[1];
  const pathsAsArguments = typeof source === "string" && typeof second === "string";
  return withLibraryNames(async () => {
    const given: Record<string, unknown> = isObject(source) ? source : {};
    const path = "a path (text), relative to cwd or absolute";
    const encoding = typeof given.encoding === "string" ? parseEncoding(given.encoding) : undefined;
    // DuckDB's memory limit in bytes, from a size ("8GB") or a number of bytes: undefined when not given, or not one.
    const queryMemoryLimit = given.queryMemoryLimit === undefined ? undefined : queryMemoryBytesOf(given.queryMemoryLimit);
    const expected = `{ indicators, data, ... }: the paths of the tree and the values${pathsAsArguments ? `, e.g. load({ indicators: ${quote(source)}, data: ${quote(second)} })` : ""}`;
    // A Promise (paths read elsewhere, not awaited), or what a call of the facade gives (inputs loaded already), is one
    // issue saying so, not one per path it seems to lack or key it holds.
    const kind = kindOf(source);
    if (kind === "promise") throw new ValidationError([{ code: "E_BAD_OPTION", column: "source", message: optionMessages.notExpected("source", source, expected) }]);
    if (kind === "inputs" || kind === "result" || kind === "analysis")
      throw new ValidationError([{ code: "E_BAD_OPTION", column: "source", message: `option source is ${ARGUMENT_KINDS[kind]}; expected ${expected}${kind === "inputs" ? " (these inputs are loaded already: compute(inputs) takes them)" : ""}` }]);
    // A path under another name (values, tree): one issue naming the option, not another for the option left out.
    const synonyms = Object.keys(given).flatMap((name) => {
      const option = Object.hasOwn(LOAD_SYNONYMS, name) ? LOAD_SYNONYMS[name] : undefined;
      return option !== undefined && given[name] !== undefined && given[option] === undefined ? [[name, option] as const] : [];
    });
    const named = new Set(synonyms.map(([, option]) => option));
    const checks = new FacadeChecks()
      .required("source", source, expected)
      .object("source", source, expected)
      .keys(undefined, Object.fromEntries(Object.entries(given).filter(([key]) => !synonyms.some(([name]) => name === key))), LOAD_OPTION_NAMES);
    for (const [name, option] of synonyms)
      checks.fail(name, `${optionMessages.unknownOption(name, LOAD_OPTION_NAMES)}; the ${option === "data" ? "values'" : "tree's"} path is option ${option}: load({ ${option}: ${describeValue(given[name])}, ... })`);
    checks
      .required("indicators", isObject(source) && !named.has("indicators") ? given.indicators : "", path)
      .text("indicators", given.indicators)
      .required("data", isObject(source) && !named.has("data") ? given.data : "", path)
      .text("data", given.data)
      .text("cwd", given.cwd)
      .fail("sheet", sheetProblem("sheet", given.sheet))
      .fail("treeSheet", sheetProblem("treeSheet", given.treeSheet))
      .text("queryRoot", given.queryRoot)
      .number("queryTimeLimit", given.queryTimeLimit, `a number of seconds from ${MIN_QUERY_TIME_LIMIT} to ${MAX_QUERY_TIME_LIMIT}`, (seconds) => seconds >= MIN_QUERY_TIME_LIMIT && seconds <= MAX_QUERY_TIME_LIMIT)
      .fail("queryMemoryLimit", given.queryMemoryLimit !== undefined && queryMemoryLimit === undefined ? optionMessages.notExpected("queryMemoryLimit", given.queryMemoryLimit, checkMessages.expectedOption("queryMemoryLimit")) : "")
      .choice("decimal", given.decimal, DECIMAL_MARKS)
      .boolean("keepSources", given.keepSources)
      .text("unit", given.unit);
    // An empty path would read the current folder in the file's place ("is a folder, not a file").
    for (const option of ["indicators", "data"] as const) if (given[option] === "") checks.fail(option, readerMessages.emptyPathOption(option));
    // An encoding by any name the command line takes (`utf8`, `GBK`, `cp936`).
    if (given.encoding !== undefined && encoding === undefined) checks.fail("encoding", optionMessages.notAChoice("encoding", given.encoding, ENCODINGS));
    refuseBadOptions(checks);
    const cwd = source.cwd ?? process.cwd();
    const at = (file: string) => (isAbsolute(file) ? file : resolve(cwd, file));
    const sheets = { sheet: source.sheet === undefined ? undefined : String(source.sheet), treeSheet: source.treeSheet === undefined ? undefined : String(source.treeSheet) };
    const { tree, panel, records } = await loadInputs(at(source.indicators), at(source.data), { tree: source.indicators, data: source.data }, { ...source, ...sheets, encoding, queryRoot: resolve(cwd, source.queryRoot ?? "."), queryMemoryLimit });
    if (!source.keepSources) return { tree, panel, cwd };
    // A row left empty states no value (a template's blank rows): its source is no value's.
    const sources = records.flatMap(({ unit, year, indicator, value, source: from }) => (from === undefined || Number.isNaN(value) ? [] : [{ unit, year, indicator, source: from }]));
    return { tree, panel, cwd, sources };
  });
}

/** Every option `load` takes. */
export const LOAD_OPTION_NAMES = Object.keys({
  indicators: true,
  data: true,
  cwd: true,
  encoding: true,
  sheet: true,
  treeSheet: true,
  queryRoot: true,
  queryTimeLimit: true,
  queryMemoryLimit: true,
  decimal: true,
  keepSources: true,
  unit: true,
} satisfies Record<keyof LoadSource, true>);

/**
 * The problem of `load`'s `sheet` or `treeSheet` (`option`), "" for none: a sheet by its name or its 1-based number, as
 * on the command line (`--sheet 2`) and in index.yaml (`sheet: 2`).
 */
function sheetProblem(option: string, value: unknown): string {
  if (value === undefined || typeof value === "string" || (Number.isInteger(value) && (value as number) >= 1)) return "";
  return optionMessages.notExpected(option, value, "a sheet's name (a text) or its 1-based number (a whole number >= 1)");
}

/** Names a call may give `load`'s two paths by (the command line's words for them, the core's), and their options. */
const LOAD_SYNONYMS: Readonly<Record<string, "indicators" | "data">> = { values: "data", tree: "indicators" };

/** The decimal marks `load` takes. */
const DECIMAL_MARKS = [".", ","] satisfies NonNullable<LoadSource["decimal"]>[];

/**
 * Checks the options of `compute` (and `uncertainty`'s and `presetOptions`' of the same names), all in one pass: an
 * unknown key (`known`), and every value `computeIndex` and `deriveWeights` would refuse, under its path in `options`
 * (`weighting.alpha`).
 */
function checkIndexOptions(checks: OptionChecks, given: Record<string, unknown>, known: readonly string[]): OptionChecks {
  const unknownBefore = checks.issues.length;
  checks.keys(undefined, given, known);
  // An option of uncertainty given to compute (or presetOptions): the unknown option says which call takes it.
  for (const issue of checks.issues.slice(unknownBefore))
    if (typeof issue.column === "string" && UNCERTAINTY_OPTION_NAMES.includes(issue.column)) issue.message += `; ${issue.column} is an option of uncertainty(inputs, options)`;
  checks
    .choice("preset", given.preset, PRESETS)
    .choice("weights", given.weights, WEIGHT_METHODS)
    .object("weighting", given.weighting, "an object of the weighting method's options, e.g. { years: [2019, 2020] }")
    .keys("weighting", given.weighting, WEIGHTING_OPTION_NAMES)
    .text("ahp", given.ahp);
  const computeOptions = Object.fromEntries(Object.entries(given).filter(([key]) => INDEX_OPTION_NAMES.includes(key) && !["weights", "weighting"].includes(key)));
  checks.issues.push(...checkComputeOptions(computeOptions as ComputeOptions));
  if (isObject(given.weighting)) {
    const weighting = Object.fromEntries(Object.entries(given.weighting).filter(([key]) => WEIGHTING_OPTION_NAMES.includes(key)));
    for (const issue of checkWeightingOptions(weighting as WeightingOptions))
      checks.issues.push({ ...issue, column: `weighting.${issue.column}`, message: issue.message.replace(/^option /, "option weighting.") });
  }
  return checks;
}

/** `call`'s value, or its error with the command line's flags in the library's names (see library-names.ts). */
async function withLibraryNames<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw errorInLibraryNames(error);
  }
}

/** `withLibraryNames` for a call that returns its value. */
function withLibraryNamesNow<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw errorInLibraryNames(error);
  }
}

/** How `compute` derives the weights and computes the index; every field is optional, defaults as on the command line. */
export interface IndexOptions extends Omit<ComputeOptions, "weights" | "weighting"> {
  /**
   * A published method by name (`compute --preset`): `nbs`, `changzhou`, `eis`, `gii` or `coinr`. It sets only the
   * options the call leaves unset; `presetOptions(name)` shows them.
   */
  preset?: Preset;
  /** The weighting method (`compute --weights`). Default `explicit`: the tree's weights. */
  weights?: WeightMethod;
  /** The weighting method's own options (`--weight-years`, `--entropy-shift`, `--alpha`, ...). */
  weighting?: Omit<WeightingOptions, "method" | "judgements" | "judgementSource" | "eigen" | "strict">;
  /** AHP judgements file (CSV `group,a,b,value` or YAML), for `weights: "ahp"` or a combined AHP set. */
  ahp?: string;
}

/** The result of `compute`, with the weights it used when they were derived. */
export interface ComputedIndex extends IndexResult {
  /** How the weights were derived, for a method other than `explicit`: weights, warnings, AHP consistency. */
  derivedWeights?: WeightingResult;
  /**
   * How many of the values used are marked illustrative in the values' `source` column, when some are (read with
   * `load({ ..., keepSources: true })`): `report` then says so under its title, as `compute --report` does.
   */
  provenance?: Provenance;
}

/**
 * Computes every sub-index and the overall index for every year: normalisation, weighting, aggregation, with the
 * data stage (imputation, outliers) before it. The same pipeline and defaults as the `compute` command: fixed-base
 * indices against the earliest year, the tree's weights, the weighted arithmetic mean.
 *
 * @throws `ValidationError` listing every problem (a base year without data, a gap under the `error` missing policy, a
 * fixed-base index of a zero base; an option that is unknown, or whose value is not in its list or range, as
 * `E_BAD_OPTION`, before anything is computed), `InputError` for an unreadable AHP file.
 * @example
 * const result = await compute(inputs, { baseYear: 2017 });
 * result.values[0]; // => 100 (the overall index of the first unit in the base year)
 */
export async function compute(inputs: InputsGiven, given: IndexOptions = {}): Promise<ComputedIndex> {
  return withLibraryNames(async () => {
    const checks = new FacadeChecks();
    if (checkArguments(checks, "compute", "inputs", inputs, given, "{ baseYear: 2017 }")) checkIndexOptions(checks, given as Record<string, unknown>, INDEX_OPTION_NAMES);
    refuseBadOptions(checks);
    const options = given.preset === undefined ? given : { ...presetOptions(given.preset, given), ...definedOptions(given) };
    const panel = panelOf(inputs.panel);
    const { weights: method = "explicit", weighting = {}, ahp, preset: _preset, ...computeOptions } = options;
    const { derived, warnings: weightingWarnings } = await deriveFor(inputs, panel, { weights: method, weighting, ahp, strict: computeOptions.strict });
    const result = computeIndex(inputs.tree, panel, { ...computeOptions, weights: derived?.weights, weighting: derived?.summary });
    // The weighting's warnings first, as the command line prints them (a weighting option the method leaves unused).
    const provenance = inputs.sources && inputs.sources.length > 0 ? valueProvenance(result, inputs.sources) : undefined;
    const named = {
      ...result,
      warnings: issuesInLibraryNames([...weightingWarnings, ...result.warnings]),
      ...(provenance && provenance.illustrative > 0 ? { provenance } : {}),
    };
    return derived ? { ...named, derivedWeights: { ...derived, warnings: issuesInLibraryNames(derived.warnings) } } : named;
  });
}

/**
 * The weights `options.weights` derives from the panel (none for `explicit`: the tree's), as `compute --weights` does,
 * and the weighting's warnings, among them every weighting option, and the AHP file, that the method leaves unused
 * (`unusedWeightingOptions`, the command line's check: `W_OPTION_UNUSED`, an error under `strict`).
 */
async function deriveFor(
  inputs: InputsGiven,
  panel: Panel,
  options: Pick<IndexOptions, "weights" | "weighting" | "ahp" | "strict">,
): Promise<{ derived?: WeightingResult; warnings: Issue[] }> {
  const { weights: method = "explicit", weighting = {}, ahp } = options;
  if (method === "explicit") return { warnings: explicitWeightingWarnings({ ...weighting, judgementFile: ahp !== undefined }, options.strict) };
  const usesAhp = usesJudgements(method, weighting.subjective, ahp !== undefined);
  const judgements = usesAhp && ahp ? await readAhpJudgements(isAbsolute(ahp) ? ahp : resolve(inputs.cwd ?? process.cwd(), ahp), ahp, inputs.tree) : undefined;
  const derived = deriveWeights(inputs.tree, panel, {
    ...weighting,
    method,
    judgements,
    judgementSource: ahp,
    eigen: usesAhp ? await loadMathjsEigen() : undefined,
    subjective: method === "combined" ? (weighting.subjective ?? (judgements ? "ahp" : "explicit")) : weighting.subjective,
    strict: options.strict,
  });
  return { derived, warnings: derived.warnings };
}

/**
 * What `uncertainty` varies and how: the `uncertainty` command's options by their library names, beside the settings
 * of every run (`IndexOptions`, whose `normalize`, `aggregate` and `missing` are the nominal methods).
 */
export interface UncertaintyCallOptions extends IndexOptions {
  /** Replications N of the Saltelli design (`--replications`): 2N runs for the intervals, N·(k + 2) in all. Default 1,000. */
  replications?: number;
  /** Seed of the random generator (`--seed`): the same seed gives the same numbers. Default 1. */
  seed?: number;
  /** Bootstrap resamples for 95% intervals of the sensitivity indices over all units (`--bootstrap`). Default 0: none. */
  bootstrap?: number;
  /** Relative noise on every weight, 0 < r ≤ 1 (`--weight-noise`): uniform on `w·[1 − r, 1 + r]`, then siblings renormalised. */
  weightNoise?: number;
  /** Ranges of weights by node code (`--weight-ranges`), on the scale of weights that sum to 1 within siblings. */
  weightRanges?: Readonly<Record<string, { min: number; max: number }>>;
  /** Normalisations to draw from (`--normalisations`); the first is the nominal one. Default: `[normalize]`. */
  normalizations?: readonly NormalizeMethod[];
  /** Aggregations to draw from (`--aggregations`); the first is the nominal one. Default: `[aggregate]`. */
  aggregations?: readonly AggregateMethod[];
  /** Missing-value policies to draw from (`--missing-policies`); the first is the nominal one. Default: `[missing]`. */
  missingPolicies?: readonly MissingPolicy[];
  /** Bytes the design may take (`--memory-limit`); a larger one is refused before it starts. Default: half the machine's memory. */
  memoryLimit?: number;
}

/**
 * The Monte Carlo uncertainty and sensitivity analysis of the `uncertainty` command: intervals of every unit's index and
 * rank, and each varied choice's Sobol indices, from the same inputs and options (`formatUncertaintyCsv`,
 * `formatSensitivityCsv` and `formatUncertaintyHtml` write its files). Derived weights (`weights: "entropy"`) are the
 * nominal weights, as on the command line. A `preset` sets what the call leaves unset, as in `compute`, a list of
 * methods being the call's choice of its setting (see `presetForUncertainty`). Arguments are checked as `compute`
 * checks them, and something must vary.
 * @example
 * const result = await uncertainty(inputs, { weightNoise: 0.2, aggregations: ["arithmetic", "geometric"] });
 * result.index.low; // the 5% quantile of each unit's index, [unit · years + year]
 */
export async function uncertainty(inputs: InputsGiven, given: UncertaintyCallOptions = {}): Promise<UncertaintyResult & { provenance?: Provenance }> {
  return withLibraryNames(async () => {
    const checks = new FacadeChecks();
    const keyed = checkArguments(checks, "uncertainty", "inputs", inputs, given, "{ weightNoise: 0.2 }");
    if (keyed)
      checkIndexOptions(checks, given as Record<string, unknown>, [...INDEX_OPTION_NAMES, ...UNCERTAINTY_OPTION_NAMES])
        .number("replications", given.replications, "a whole number from 2 to 10,000,000", (n) => Number.isInteger(n) && n >= 2 && n <= 10_000_000)
        .number("seed", given.seed, `a whole number from 0 to ${MAX_SEED}`, (n) => Number.isInteger(n) && n >= 0 && n <= MAX_SEED)
        .number("bootstrap", given.bootstrap, "0 (no intervals) or a whole number from 2 to 100,000", (n) => n === 0 || (Number.isInteger(n) && n >= 2 && n <= 100_000))
        .number("weightNoise", given.weightNoise, "a share above 0 and at most 1, e.g. 0.2", (r) => r > 0 && r <= 1)
        .number("memoryLimit", given.memoryLimit, "a number of bytes above 0", (bytes) => bytes > 0)
        // An empty list is refused, as the command line refuses --normalisations "" (a list to draw from, or none).
        .list("normalizations", given.normalizations, (item) => (NORMALIZE_METHODS as readonly unknown[]).includes(item), `a list of one or more of: ${NORMALIZE_METHODS.join(", ")}`, { nonEmpty: true })
        .list("aggregations", given.aggregations, (item) => (AGGREGATE_METHODS as readonly unknown[]).includes(item), `a list of one or more of: ${AGGREGATE_METHODS.join(", ")}`, { nonEmpty: true })
        .list("missingPolicies", given.missingPolicies, (item) => (MISSING_POLICIES as readonly unknown[]).includes(item), `a list of one or more of: ${MISSING_POLICIES.join(", ")}`, { nonEmpty: true })
        .object("weightRanges", given.weightRanges, "{ code: { min, max } }, e.g. { A: { min: 0.2, max: 0.4 } }");
    // Screening leaves whole units out of every run, once, after the weights are derived from every unit, as compute
    // and the uncertainty command do; a unit-year screened apart would leave gaps the runs fill or refuse, where compute
    // leaves that unit-year empty.
    if (keyed && isObject(given.screen) && given.screen.by === "unit-year")
      checks.fail("screen.by", 'option screen.by is "unit-year"; expected "unit" (uncertainty screens whole units only: the values of a screened unit-year would be gaps its runs fill or refuse, where compute leaves that unit-year empty), or no screen');
    const codes = isInputs(inputs) ? inputs.tree.byCode : undefined;
    for (const [code, range] of keyed && isObject(given.weightRanges) ? Object.entries(given.weightRanges) : []) {
      if (codes && !codes.has(code)) checks.fail(`weightRanges.${code}`, `option weightRanges names ${quote(code)}, which is not a code of the tree; expected a group's or an indicator's code`);
      checks.pair(`weightRanges.${code}`, range, ["min", "max"], "{ min, max }: two numbers with 0 <= min <= max", (min, max) => min >= 0 && max >= min);
    }
    refuseBadOptions(checks);
    const options = given.preset === undefined ? given : { ...presetForUncertainty(given.preset, given), ...definedOptions(given) };
    const {
      weights,
      weighting,
      ahp,
      preset: _preset,
      replications = 1000,
      seed = 1,
      bootstrap = 0,
      weightNoise,
      weightRanges,
      normalizations,
      aggregations,
      missingPolicies,
      memoryLimit = defaultMemoryLimit(),
      normalize,
      aggregate,
      missing,
      ...settings
    } = options;
    // Each list's first method is the nominal one: a nominal method given beside a list must be its first.
    const lists = new OptionChecks();
    const listOf = <T extends string>(single: T | undefined, singleName: string, list: readonly T[] | undefined, listName: string, fallback: T): readonly T[] => {
      if (list === undefined || list.length === 0) return [single ?? fallback];
      if (single !== undefined && single !== list[0])
        lists.fail(listName, `option ${listName} starts with ${JSON.stringify(list[0])} but ${singleName} is ${JSON.stringify(single)}; expected the nominal method first in the list, or one of them left out`);
      return list;
    };
    for (const [name, list] of [["normalizations", normalizations], ["aggregations", aggregations], ["missingPolicies", missingPolicies]] as const)
      if (list && new Set(list).size < list.length) lists.fail(name, optionMessages.notExpected(name, list, "each method once"));
    const normalizationList = listOf(normalize, "normalize", normalizations, "normalizations", "fixed-base");
    const aggregationList = listOf(aggregate, "aggregate", aggregations, "aggregations", "arithmetic");
    const missingList = listOf(missing, "missing", missingPolicies, "missingPolicies", "error");
    const varies = weightNoise !== undefined || (weightRanges !== undefined && Object.keys(weightRanges).length > 0) || [normalizationList, aggregationList, missingList].some((list) => list.length > 1);
    if (!varies) lists.fail("options", "nothing varies; expected weightNoise or weightRanges, or two or more methods in normalizations, aggregations or missingPolicies");
    refuseBadOptions(lists);
    const panel = panelOf(inputs.panel);
    // The performance groups of the call's own options (a preset's are left out): no run of the analysis forms them.
    const unusedSettings: Issue[] =
      given.performanceGroups === undefined
        ? []
        : [
            {
              code: "W_OPTION_UNUSED",
              column: "performanceGroups",
              message: "option performanceGroups has no effect in uncertainty, which forms no performance groups; expected it given to compute(inputs, options), whose result report(result) shows them",
            },
          ];
    refuseUnderStrict(settings.strict, unusedSettings);
    const { derived, warnings: weightingWarnings } = await deriveFor(inputs, panel, { weights, weighting, ahp, strict: settings.strict });
    const { screen, ...analysisSettings } = settings;
    const screening = screen === undefined ? undefined : screenPanel(inputs.tree, panel, { threshold: screen.threshold, by: "unit" });
    if (screening && screening.issues.length > 0) throw new ValidationError(issuesInLibraryNames(screening.issues));
    let result: UncertaintyResult;
    try {
      result = analyzeUncertainty(inputs.tree, screening?.panel ?? panel, {
        ...analysisSettings,
        weights: derived?.weights,
        weighting: derived?.summary,
        replications,
        seed,
        bootstrap,
        weightNoise,
        weightRanges: weightRanges && new Map(Object.entries(weightRanges)),
        normalizations: normalizationList,
        aggregations: aggregationList,
        missingPolicies: missingList,
        memoryLimit,
        // Two units named alike are looked for before screening, as compute looks.
        unitLookalikes: unitLookalikeWarnings(panel),
      });
    } catch (error) {
      throw withoutChoiceHeading(error);
    }
    const nominalRun = { ...result.nominalRun, warnings: issuesInLibraryNames(result.nominalRun.warnings) };
    // The values marked illustrative, as compute counts them (inputs loaded with keepSources), for the page to say so.
    const analysed = screening?.panel ?? panel;
    const provenance = inputs.sources && inputs.sources.length > 0 ? valueProvenance({ units: analysed.units, years: analysed.years, panel: analysed }, inputs.sources) : undefined;
    return {
      ...result,
      nominalRun,
      warnings: issuesInLibraryNames([...weightingWarnings, ...unusedSettings, ...result.warnings]),
      ...(provenance && provenance.illustrative > 0 ? { provenance } : {}),
    };
  });
}

/**
 * The options `preset` sets for `uncertainty`, under the call's own (`given`): `presetOptions` of the call's options
 * that `compute` takes too (uncertainty's own, such as `weightNoise`, are no business of the preset). A list of methods
 * to draw from sets that choice, as its nominal method would: a call with `normalizations` gets none of the preset's
 * `normalize`, one with `aggregations` none of its aggregation (method, levels, exponent), one with `missingPolicies`
 * none of its `missing`. The performance groups a preset sets (`eis`) are left out: no run of the analysis writes them.
 */
function presetForUncertainty(preset: Preset, given: UncertaintyCallOptions): IndexOptions {
  const indexOptions = Object.fromEntries(Object.entries(given).filter(([key]) => INDEX_OPTION_NAMES.includes(key))) as IndexOptions;
  const drawn = (list: readonly unknown[] | undefined) => list !== undefined && list.length > 0;
  const aggregationDrawn = drawn(given.aggregations) && given.aggregate === undefined && given.aggregateByLevel === undefined;
  // An aggregation drawn from a list is the call's: presetOptions then leaves the preset's whole aggregation out.
  const set = presetOptions(preset, aggregationDrawn ? { ...indexOptions, aggregate: given.aggregations![0] } : indexOptions);
  const { normalize, missing, performanceGroups: _performanceGroups, ...rest } = set;
  return {
    ...rest,
    ...(drawn(given.normalizations) ? {} : { normalize }),
    ...(drawn(given.missingPolicies) ? {} : { missing }),
  };
}

/**
 * Problems of the options that no combination of methods is free of: an option value, a base year or reference unit
 * absent from the data, a level without groups, a power mean without its exponent.
 */
const CHOICE_FREE_CODES = new Set(["E_BAD_OPTION", "E_BASE_YEAR_ABSENT", "E_UNKNOWN_REFERENCE_UNIT", "E_AGGREGATE_LEVEL", "E_POWER_MISSING"]);

/**
 * `error` without the issue that heads the problems of one combination of methods ("the index is undefined with
 * normalisation ..."), when every problem is one of the options that no combination is free of: those read as `compute`
 * gives them, not as a reason to remove a method from its list.
 */
function withoutChoiceHeading(error: unknown): unknown {
  if (!(error instanceof ValidationError)) return error;
  const [first, ...rest] = error.issues;
  if (first?.code !== "E_CHOICE_UNDEFINED" || rest.length === 0 || !rest.every((issue) => CHOICE_FREE_CODES.has(issue.code))) return error;
  return new ValidationError(rest, error.heading, error.partial);
}

/** The options `uncertainty` takes beside `compute`'s. */
export const UNCERTAINTY_OPTION_NAMES = Object.keys({
  replications: true,
  seed: true,
  bootstrap: true,
  weightNoise: true,
  weightRanges: true,
  normalizations: true,
  aggregations: true,
  missingPolicies: true,
  memoryLimit: true,
} satisfies Record<Exclude<keyof UncertaintyCallOptions, keyof IndexOptions>, true>);

/**
 * Year-on-year growth of every node, the contributions of each child to its parent's change, and the ranks of the
 * units (with several units): what `growth.csv`, `contributions.csv` and `ranks.csv` hold.
 */
export function analyse(result: IndexResult, options: AnalysisOptions = {}): Analysis {
  return withLibraryNamesNow(() => {
    const { checks, keyed } = checkResult("analyse", result, options, '{ contributions: "dimensions" }');
    if (keyed)
      checks
        .keys(undefined, options, ["aggregationOf", "contributions"])
        .choice("contributions", options.contributions, CONTRIBUTION_DEPTHS)
        .fail("aggregationOf", options.aggregationOf === undefined || typeof options.aggregationOf === "function" ? "" : optionMessages.notExpected("aggregationOf", options.aggregationOf, "a function"));
    refuseBadOptions(checks);
    return analyzeResult(result, options);
  });
}

/**
 * The statistical audit of a result, as the `audit` command computes it (for every year and the pooled unit-years):
 * indicator statistics and flags, correlations of siblings and with parents and the index, Cronbach's alpha, principal
 * components per group, and effective against nominal weights. See docs/guides/audit.md.
 */
export function audit(result: IndexResult, options: AuditOptions = {}): Audit {
  return withLibraryNamesNow(() => {
    const { checks, keyed } = checkResult("audit", result, options, "{ collinear: 0.9 }");
    if (keyed) {
      checks.keys(undefined, options, AUDIT_OPTION_NAMES);
      for (const [name, [low, high]] of Object.entries(AUDIT_THRESHOLD_RANGES))
        checks.number(name, options[name as keyof AuditOptions], `a number from ${low} to ${high}`, (value) => value >= low && value <= high);
      checks.number("winsorMax", options.winsorMax, "a whole number >= 1", (count) => Number.isInteger(count) && count >= 1);
    }
    refuseBadOptions(checks);
    return auditIndex(result, options);
  });
}

/**
 * The report of a result as the static page: one self-contained HTML file, charts as inline SVG, no script (for the
 * same options, the same bytes as `compute --report --static`; `compute --report` writes the interactive dashboard
 * instead, see docs/guides/dashboard.md). ECharts loads on the first call.
 */
export async function report(result: IndexResult, options: ReportOptions & { analysis?: Analysis } = {}): Promise<string> {
  return withLibraryNames(async () => {
    const { checks, keyed } = checkResult("report", result, options, '{ language: "en" }');
    if (keyed)
      checks
        .keys(undefined, options, REPORT_OPTION_NAMES)
        .choice("language", options.language, REPORT_LANGUAGES)
        .number("decimals", options.decimals, "a whole number from 0 to 10", (decimals) => Number.isInteger(decimals) && decimals >= 0 && decimals <= 10)
        .text("title", options.title)
        .text("description", options.description)
        .object("analysis", options.analysis, "the result of analyse(result)")
        .list("appendix", options.appendix, isOptionsObject, "a list of { title, table } objects");
    if (keyed && isOptionsObject(options.analysis)) checkAnalysis(checks, options.analysis, result);
    if (keyed && Array.isArray(options.appendix)) options.appendix.forEach((item, i) => isOptionsObject(item) && checkAppendixItem(checks, `appendix[${i}]`, item));
    refuseBadOptions(checks);
    const { analysis = analyzeResult(result, { contributions: "dimensions" }), ...reportOptions } = options;
    const { provenance } = result as ComputedIndex;
    return formatReportHtml(result, analysis, { appendix: dataStageAppendix(result, reportOptions.language), ...reportOptions, ...(provenance ? { provenance } : {}) });
  });
}

/** Every option `report` takes. */
export const REPORT_OPTION_NAMES = Object.keys({
  analysis: true,
  language: true,
  decimals: true,
  appendix: true,
  title: true,
  description: true,
} satisfies Record<keyof (ReportOptions & { analysis?: Analysis }), true>);

/**
 * The options a preset sets, as `compute` takes them: what `compute --preset NAME` sets on the command line
 * (`innovation-index compute --preset NAME --explain` lists them with their sources). Given the call's own `options`,
 * the aggregation is one setting, as `--aggregate` is: a call that sets `aggregate` or `aggregateByLevel` gets none of
 * the preset's `aggregate`, `aggregateByLevel` and exponent. `options` are checked as `compute` checks them.
 * @throws `ValidationError` of code `E_BAD_OPTION` for a name not in `PRESETS`, and for options `compute` would refuse.
 * @example presetOptions("nbs") // => { normalize: "fixed-base", weights: "equal", aggregate: "geometric", aggregateByLevel: { 0: "arithmetic" } }
 */
export function presetOptions(preset: Preset, options: IndexOptions = {}): IndexOptions {
  return withLibraryNamesNow(() => presetOptionsOf(preset, options));
}

/** `presetOptions`, its problems in the core's words (`--cap 50 is below 100`). */
function presetOptionsOf(preset: Preset, options: IndexOptions): IndexOptions {
  const checks = new FacadeChecks();
  const presets = `one of: ${PRESETS.join(", ")}`;
  if (typeof preset !== "string" && isObject(preset) && typeof options === "string")
    checks.fail("arguments", `the arguments look swapped: presetOptions(options, ${quote(options)}); expected presetOptions(name, options), the preset's name first`);
  else {
    checks.required("preset", preset, presets).choice("preset", preset, PRESETS);
    if (checkOptionsObject(checks, "presetOptions", options)) checkIndexOptions(checks, options as Record<string, unknown>, INDEX_OPTION_NAMES);
  }
  refuseBadOptions(checks);
  const set: IndexOptions = {};
  const aggregationGiven = options.aggregate !== undefined || options.aggregateByLevel !== undefined;
  for (const { option, value } of PRESET_DEFINITIONS[preset].settings) {
    switch (option) {
      case "normalise":
        set.normalize = value as NormalizeMethod;
        break;
      case "base-year":
        set.baseYear = Number(value);
        break;
      case "weights":
        set.weights = value as WeightMethod;
        break;
      case "missing":
        set.missing = value as MissingPolicy;
        break;
      case "outliers":
        set.outliers = value as OutlierMethod;
        break;
      case "performance-groups":
        set.performanceGroups = value.split(",").map(Number) as unknown as [number, number, number];
        break;
      case "aggregate": {
        if (aggregationGiven) break;
        const spec = parseAggregateSpec(value);
        if (!spec.ok) throw new Error(`preset ${preset}: ${spec.message}`);
        set.aggregate = spec.value.method;
        if (Object.keys(spec.value.byLevel).length > 0) set.aggregateByLevel = spec.value.byLevel;
        if (spec.value.power !== undefined) set.power = spec.value.power;
        break;
      }
      default:
        throw new Error(`preset ${preset} sets --${option}, which presetOptions does not translate`);
    }
  }
  return set;
}

/** `options` without its keys set to `undefined`, so that spreading it over a preset's options keeps those. */
function definedOptions(options: IndexOptions): IndexOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/**
 * Every option `compute` takes (a misspelt one, such as the command line's `normalise`, is refused, not left unused).
 * The core's `ComputeInternals` (`treated`, one data stage shared by runs that differ only in normalisation;
 * `unitLookalikes`, the warnings of one panel shared by runs of it) are not: no call of the facade gives what they take.
 */
export const INDEX_OPTION_NAMES = Object.keys({
  baseYear: true,
  indexName: true,
  normalize: true,
  cap: true,
  dampen: true,
  referenceUnit: true,
  range: true,
  zScale: true,
  aggregate: true,
  power: true,
  performanceGroups: true,
  screen: true,
  minGroupCoverage: true,
  aggregateByLevel: true,
  strict: true,
  missing: true,
  unfilled: true,
  zeroBase: true,
  outliers: true,
  winsorMax: true,
  outlierScope: true,
  weights: true,
  weighting: true,
  ahp: true,
  preset: true,
} satisfies Record<keyof IndexOptions, true>);

/** Every option of `IndexOptions.weighting`. */
export const WEIGHTING_OPTION_NAMES = Object.keys({
  allowInconsistent: true,
  units: true,
  years: true,
  missing: true,
  groupWeights: true,
  entropyShift: true,
  entropyInput: true,
  randomIndex: true,
  pcaRotation: true,
  subjective: true,
  objective: true,
  combination: true,
  alpha: true,
} satisfies Record<keyof NonNullable<IndexOptions["weighting"]>, true>);

/** Every threshold `audit` takes with its range, as the `audit` command's flags allow (and `winsorMax`). */
const AUDIT_THRESHOLD_RANGES = {
  minCoverage: [0, 1],
  skewness: [0, 1e6],
  kurtosis: [-3, 1e6],
  sameShare: [0, 1],
  collinear: [0, 1],
  weakParent: [-1, 1],
} satisfies Record<Exclude<keyof AuditOptions, "winsorMax">, [number, number]>;

/** Every option `audit` takes. */
export const AUDIT_OPTION_NAMES = [...Object.keys(AUDIT_THRESHOLD_RANGES), "winsorMax"];

function refuseBadOptions(checks: OptionChecks): void {
  if (checks.issues.length > 0) throw new ValidationError(checks.issues);
}

/**
 * The panel as `computeIndex` reads it: values in a `Float64Array`. A plain array (a notebook's own) is copied into
 * one, `null` and `undefined` as missing values (`NaN`), not as the 0 `Float64Array.from` would make of `null`; an item
 * that is not a number, or a length that is not units × years × indicators, is `E_BAD_OPTION`.
 */
function panelOf(panel: PanelGiven): Panel {
  const size = panel.units.length * panel.years.length * panel.indicators.length;
  const values: ArrayLike<unknown> = panel.values;
  const checks = new OptionChecks();
  const isValue = (value: unknown) => value === null || value === undefined || typeof value === "number";
  if (!(values instanceof Float64Array)) {
    checks.list("panel.values", Array.isArray(values) ? [] : values, isValue, "a Float64Array, or an array of numbers with null for a missing value");
    // The first item that is not a number, by its cell: values[(indicator · units + unit) · years + year].
    const bad = Array.isArray(values) ? values.findIndex((value) => !isValue(value)) : -1;
    if (bad >= 0) {
      const [unitCount, yearCount] = [panel.units.length, panel.years.length];
      const [indicator, unit, year] = [Math.floor(bad / (unitCount * yearCount)), Math.floor(bad / yearCount) % unitCount, bad % yearCount];
      const cell = `indicator ${panel.indicators[indicator]}, unit ${panel.units[unit]}, year ${panel.years[year]}`;
      checks.fail(`panel.values[${bad}]`, optionMessages.notExpected(`panel.values[${bad}] (${cell})`, values[bad], "a number, or null for a missing value"));
    }
  }
  if (checks.issues.length === 0 && values.length !== size)
    checks.fail("panel.values", `option panel.values holds ${values.length} values; expected units × years × indicators = ${panel.units.length} × ${panel.years.length} × ${panel.indicators.length} = ${size}`);
  refuseBadOptions(checks);
  return values instanceof Float64Array ? (panel as Panel) : { ...panel, values: Float64Array.from(values as ArrayLike<number | null | undefined>, (value) => value ?? Number.NaN) };
}

/** The languages `messageOf` gives a problem in. */
export const MESSAGE_LANGUAGES = ["en", "zh"] as const;

/**
 * What a problem says, in `language`: a warning or an issue (`result.warnings`, `error.issues`) as
 * `file:line: message`, an error's message (a `ValidationError`'s issues one a line, its heading first), or a message's
 * text. In Chinese it reads as a Chinese terminal prints it (src/core/zh), a message the facade renamed an option in
 * (`option cap` for `--cap`) as the command line's (with `--cap`); a text the message catalogues did not make stays as
 * written. The example is the warning of a tree whose first-level weights are 0.6 and 0.5 (`W_WEIGHTS_RENORMALISED`).
 * @throws `ValidationError` of code `E_BAD_OPTION` for a language not in `MESSAGE_LANGUAGES`.
 * @example messageOf(result.warnings[0], "zh") // => 'tree.csv:2: 各一级节点的权重之和为 1.1，不等于 1；已将各权重除以其和'
 */
export function messageOf(problem: Issue | Error | string, language: (typeof MESSAGE_LANGUAGES)[number] = "en"): string {
  const checks = new OptionChecks().choice("language", language, MESSAGE_LANGUAGES);
  refuseBadOptions(checks);
  // In the language of a page's warnings: the same words.
  if (typeof problem === "string") return pageText(problem, language);
  if (problem instanceof ValidationError) return pageWarnings([...(problem.heading ? [problem.heading] : []), ...problem.issues], language).join("\n");
  if (problem instanceof Error) return pageText(problem.message, language);
  return pageWarnings([problem], language)[0];
}
