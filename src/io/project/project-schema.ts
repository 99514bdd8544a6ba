/**
 * The schema of a project file (`index.yaml`), with zod. The JSON Schema published in `schema/index.schema.json`
 * (for editors) is generated from it by `npm run schema`.
 *
 * Every key of `inputs:`, `methods:` and `outputs:` is the name of a `compute` option (the flag without `--`) and goes through
 * the same parser as the flag, so a new compute option needs one line here, in the block it belongs to. The keys of
 * `uncertainty:` are the options of the `uncertainty` command that `compute` does not have (and its output folder and
 * decimals), used by that command only.
 */
import { DECIMAL_MARKS } from "../../core/number.js";
import { z } from "zod";
import { runMessages, type ExpectedForm } from "../../core/run-messages.js";
import { CONTRIBUTION_DEPTHS } from "../../core/analysis/contributions.js";
import { AGGREGATE_METHODS } from "../../core/aggregate.js";
import { MISSING_POLICIES } from "../../core/compute.js";
import { UNFILLED_POLICIES } from "../../core/missing.js";
import { NORMALIZE_METHODS } from "../../core/normalize.js";
import { MIN_CAP } from "../../core/normalize/plan.js";
import { DAMPENINGS } from "../../core/normalize/ratio.js";
import { COMBINATIONS } from "../../core/weighting/combine.js";
import { SUBJECTIVE_METHODS, WEIGHT_METHODS } from "../../core/weighting/derive.js";
import { GROUP_WEIGHT_RULES, OBJECTIVE_METHODS } from "../../core/weighting/objective.js";
import { PCA_ROTATIONS } from "../../core/weighting/pca.js";
import { SCREEN_SCOPES } from "../../core/screen.js";
import { PRESETS } from "../../core/presets.js";
import { ENTROPY_INPUTS } from "../../core/weighting/entropy.js";
import { RANDOM_INDEX_TABLES } from "../../core/weighting/ahp.js";
import { OUTLIER_METHODS, OUTLIER_SCOPES } from "../../core/outliers.js";
import { MAX_SEED } from "../../core/random.js";
import { WEIGHT_MISSING_POLICIES } from "../../core/weighting/observations.js";
import { ZERO_BASE_POLICIES } from "../../core/zero-base.js";
import { ENCODINGS } from "../read/read-text.js";
import { REPORT_LANGUAGES } from "../report/labels.js";

/** Schemas of keys whose value is a file or folder, resolved relative to the project file's folder. */
const PATH_SCHEMAS = new WeakSet<z.ZodType>();

/** A path relative to the folder of `index.yaml` (or absolute). */
export function projectPath(description: string): z.ZodString {
  const schema = z.string().min(1).describe(`${description} (relative to the folder of index.yaml and inside it, unless allow-outside is true)`);
  PATH_SCHEMAS.add(schema);
  return schema;
}

/** Whether a key's schema is a path (see `projectPath`). */
export function isPathSchema(schema: z.ZodType): boolean {
  return PATH_SCHEMAS.has(schema);
}

/** Path schemas that name an output (not an input file, whose hash a manifest records). */
const OUTPUT_PATH_SCHEMAS = new WeakSet<z.ZodType>();

/** A folder written to, relative to the folder of `index.yaml` (or absolute). */
function projectOutputPath(description: string): z.ZodString {
  const schema = projectPath(description);
  OUTPUT_PATH_SCHEMAS.add(schema);
  return schema;
}

/** Whether a key's schema is a path the command writes to (see `projectOutputPath`). */
export function isOutputPathSchema(schema: z.ZodType): boolean {
  return OUTPUT_PATH_SCHEMAS.has(schema);
}

/**
 * What a key expects, for messages, where zod's own issue would not say it (a union: a list or a text, a text or a
 * number, whose failure zod words as "Invalid input"): worded when a message needs it (so that the terminal can
 * translate the words).
 */
const EXPECTED = new WeakMap<z.ZodType, () => string>();

/** The text of what a key's schema expects, if it has one (see `expecting`). */
export function expectedOf(schema: z.ZodType | undefined): string | undefined {
  return schema ? EXPECTED.get(schema)?.() : undefined;
}

/** `schema`, whose problems are reported as a whole with `expected()` as what the key expects (see `expectedOf`). */
function expecting<T extends z.ZodType>(schema: T, expected: () => string): T {
  EXPECTED.set(schema, expected);
  return schema;
}

/** A key that is a text or one of other forms (`form`), said as a whole when it is neither. */
function textOr<T extends z.ZodType>(schema: T, form: ExpectedForm): T {
  return expecting(schema, () => runMessages.expectedForm(form));
}

/**
 * A list of methods from `allowed`, each once: a YAML list, or the text the flag takes (comma-separated). The first
 * method is the nominal choice.
 */
function methodList<T extends string>(allowed: readonly [T, ...T[]], description: string) {
  const name = allowed.map((method) => method.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const schema = z
    .union([z.array(z.enum(allowed)).min(1), z.string().regex(new RegExp(`^\\s*(?:${name})\\s*(?:,\\s*(?:${name})\\s*)*$`))])
    .refine((value) => {
      const list = typeof value === "string" ? value.split(",").map((method) => method.trim()) : value;
      return new Set(list).size === list.length;
    })
    .describe(description);
  return expecting(schema, () => runMessages.expectedMethodList(allowed));
}

const year = z.int().min(1000).max(9999);
/** A year as the values write it (`2017年`, `2017年度`), which `--base-year` takes too (`parseYear`). */
const yearText = z.string().regex(/^\s*[1-9]\d{3}\s*(?:年度?)?\s*$/);
const share = z.number().min(0).max(1);

/** How the index is computed: one line per compute option, keyed by its flag name. */
export const METHOD_OPTIONS = {
  preset: z.enum(PRESETS).describe("a whole published method: nbs, changzhou, eis, gii or coinr; the other keys and flags override it (--preset)"),
  "base-year": expecting(z.union([year, yearText]).describe("year every fixed-base index is 100 in, such as 2017 or 2017年 (--base-year; default: the earliest year in the data)"), () => runMessages.expectedForm("year")),
  normalise: z.enum(NORMALIZE_METHODS).describe("normalisation of every indicator (--normalise; default fixed-base)"),
  cap: z.number().min(MIN_CAP).describe("ratio methods: cap every indicator score (--cap)"),
  dampen: z.enum(DAMPENINGS).describe("ratio methods: dampen the ratio (--dampen)"),
  "reference-unit": z.string().describe("distance-to-reference: the unit every other is compared with (--reference-unit)"),
  range: textOr(z.union([z.string(), z.tuple([z.number(), z.number()])]).describe("min-max, min-max-year, min-max-goalposts: the output scale LOW,HIGH, e.g. 1,100 or [1, 100] (--range; default 0,100)"), "range"),
  "z-scale": textOr(z.union([z.string(), z.tuple([z.number(), z.number()])]).describe("z-score, z-score-year: the output scale MEAN,SD, e.g. 0,1 (--z-scale; default 100,10)"), "z-scale"),
  power: z.number().describe("power aggregation: the exponent p of the generalised mean (--power)"),
  screen: z.number().gt(0).max(1).describe("leave out units whose share of observed values, overall or within any first-level group, is below this (--screen)"),
  "screen-by": z.enum(SCREEN_SCOPES).describe("screen whole units or each unit-year (--screen-by; default unit)"),
  "min-group-coverage": z
    .number()
    .gt(0)
    .max(1)
    .describe("a group (and the index) is missing for a unit-year where less than this share of its children have a value, at every level, as COINr's dat_thresh (--min-group-coverage)"),
  "performance-groups": textOr(
    z
      .union([z.string(), z.tuple([z.number(), z.number(), z.number()])])
      .describe("write groups.csv with EIS-style performance groups at these thresholds, e.g. 125,100,70 (--performance-groups)"),
    "performance-groups",
  ),
  aggregate: z.string().describe(`aggregation: METHOD, or LEVEL=METHOD per level, comma-separated (--aggregate); METHOD: ${AGGREGATE_METHODS.join(", ")}`),
  missing: z.enum(MISSING_POLICIES).describe("what a missing value does (--missing; default error: every gap is reported)"),
  unfilled: z.enum(UNFILLED_POLICIES).describe("a gap the missing policy cannot fill (--unfilled)"),
  "zero-base": z.enum(ZERO_BASE_POLICIES).describe("a zero base value under fixed-base (--zero-base; default error)"),
  outliers: z.enum(OUTLIER_METHODS).describe("outlier treatment before normalisation (--outliers; default none)"),
  "winsor-max": z.int().min(1).describe("most points winsorised per indicator (--winsor-max; default 5)"),
  "outlier-scope": z.enum(OUTLIER_SCOPES).describe("outliers over the whole panel of an indicator or each year apart (--outlier-scope; default panel)"),
  strict: z.boolean().describe("treat warnings, such as weights that do not sum to 1, as errors (--strict)"),
  weights: z.enum(WEIGHT_METHODS).describe("weighting method (--weights; default explicit: the tree's weights)"),
  ahp: projectPath("AHP pairwise judgements, CSV group,a,b,value (--ahp)"),
  "allow-inconsistent": z.boolean().describe("accept AHP judgements with CR >= 0.1, with a warning (--allow-inconsistent)"),
  "random-index": z.enum(RANDOM_INDEX_TABLES).describe("AHP: the random-index table CR divides by (--random-index; default saaty1980)"),
  "weight-years": textOr(
    z.union([z.string(), year, z.array(year)]).describe("years objective weights are derived from: 2018, 2017-2020, 2018,2019 or a list (--weight-years)"),
    "weight-years",
  ),
  "weight-units": textOr(z.union([z.string(), z.array(z.string())]).describe("units objective weights are derived from: comma-separated or a list (--weight-units)"), "weight-units"),
  "weight-missing": z.enum(WEIGHT_MISSING_POLICIES).describe("objective methods: a missing value is an error, or drops its unit-year (--weight-missing; default error)"),
  "group-weights": z.enum(GROUP_WEIGHT_RULES).describe("objective methods: how groups are weighted (--group-weights; default sum)"),
  "entropy-shift": share.describe("entropy: added to every min-max score before taking shares (--entropy-shift; default 0)"),
  "entropy-input": z.enum(ENTROPY_INPUTS).describe("entropy: shares of min-max scores or of the raw values (--entropy-input; default min-max)"),
  "pca-rotation": z.enum(PCA_ROTATIONS).describe("pca: rotation of the retained components (--pca-rotation; default varimax)"),
  subjective: z.enum(SUBJECTIVE_METHODS).describe("combined: the subjective set (--subjective; default ahp with an ahp file, else explicit)"),
  objective: z.enum(OBJECTIVE_METHODS).describe("combined: the objective set (--objective; default entropy)"),
  combination: z.enum(COMBINATIONS).describe("combined: additive or multiplicative (--combination; default additive)"),
  alpha: share.describe("combined, additive: the share of the subjective set (--alpha; default 0.5)"),
} satisfies Record<string, z.ZodType>;

/** How the input files are read: one line per compute option, keyed by its flag name. */
export const INPUT_OPTIONS = {
  encoding: z.enum(ENCODINGS).describe("encoding of CSV inputs (--encoding; default auto: UTF-8, else GB18030)"),
  sheet: textOr(z.union([z.string(), z.int()]).describe("sheet of .xlsx values files, name or 1-based number (--sheet; default the first)"), "sheet"),
  "tree-sheet": textOr(z.union([z.string(), z.int()]).describe("sheet of an .xlsx indicator tree (--tree-sheet; default the first)"), "sheet"),
  unit: z.string().min(1).describe("the name of the one unit of values without a unit column (--unit; default: none)"),
  decimal: z.enum(DECIMAL_MARKS).describe('decimal mark of the values, "," or "." (--decimal; default "," in a ;-separated file, else ".")'),
} satisfies Record<string, z.ZodType>;

/** What the outputs look like: one line per compute option, keyed by its flag name (`bom: false` is `--no-bom`). */
export const OUTPUT_OPTIONS = {
  decimals: z.int().min(0).max(15).describe("decimals printed in the CSV files (--decimals; default 4)"),
  report: z.boolean().describe("also write report.html, the interactive dashboard (--report)"),
  static: z.boolean().describe("report.html as the static page of SVG charts, without a script (--static; default false)"),
  title: z.string().min(1).describe("title of report.html (--title; default the project's name)"),
  contributions: z.enum(CONTRIBUTION_DEPTHS).describe("contributions.csv down to the dimensions or every indicator (--contributions)"),
  bom: z.boolean().describe("start CSV files with a UTF-8 byte order mark (--bom / --no-bom; default true)"),
  xlsx: z.boolean().describe("also write index.xlsx (--xlsx; default false)"),
  parquet: z.boolean().describe("also write index.parquet, scores.parquet and growth.parquet (--parquet; default false)"),
  "parquet-only": z.boolean().describe("write index, scores and growth as .parquet files in place of index.csv, scores.csv and growth.csv (the other CSV files are still written), and index.json names them instead of listing every value (--parquet-only; default false)"),
  lang: z.enum(REPORT_LANGUAGES).describe("language of the report's labels and names (--lang)"),
  "index-name": z.string().min(1).describe("the overall index's name in the outputs (--index-name; default: the tree's INDEX row, else 总指数 or Index by the language of the tree's names)"),
} satisfies Record<string, z.ZodType>;

/**
 * How `uncertainty` varies the choices: one line per option of `uncertainty` that `compute` does not have, keyed by its
 * flag name (the nominal methods, the weighting and the data stage come from `methods:`).
 */
export const UNCERTAINTY_OPTIONS = {
  "weight-noise": z.number().gt(0).max(1).describe("perturb every weight uniformly within ±r of itself, 0.2 = ±20% (--weight-noise)"),
  "weight-ranges": projectPath("CSV code,min,max: draw these nodes' weights uniformly from [min, max] (--weight-ranges)"),
  normalisations: methodList(NORMALIZE_METHODS, "normalisation methods to draw from, the first the nominal one (--normalisations)"),
  aggregations: methodList(AGGREGATE_METHODS, "aggregation methods to draw from, the first the nominal one (--aggregations)"),
  "missing-policies": methodList(MISSING_POLICIES, "missing-value policies to draw from, the first the nominal one (--missing-policies)"),
  replications: z.int().min(2).max(10_000_000).describe("replications N of the Saltelli design (--replications; default 1000)"),
  seed: z.int().min(0).max(MAX_SEED).describe("seed of the random generator: the same seed gives the same numbers (--seed; default 1)"),
  bootstrap: z
    .int()
    .min(0)
    .max(100_000)
    .refine((value) => value !== 1, { error: () => runMessages.bootstrapResamples() })
    .describe("resamples for 95% bootstrap intervals of the sensitivity indices over all units, 0 for none (--bootstrap; default 0)"),
  "memory-limit": textOr(z.union([z.string(), z.int().min(1)]).describe("memory the design may take, such as 8GB (--memory-limit; default half of the machine's memory)"), "memory-limit"),
  out: projectOutputPath("folder for uncertainty.csv, sensitivity.csv and uncertainty.html (--out; default out in the current folder)"),
  decimals: z.int().min(0).max(15).describe("decimals printed in uncertainty.csv and sensitivity.csv (--decimals; default outputs.decimals, else 4)"),
} satisfies Record<string, z.ZodType>;

/** The keys of `index.yaml` that say where its runs are: the folder, and whether it may be outside the project's. */
const LOCATION_KEYS = {
  runs: projectPath("the folder of run folders, one per compute, and of the LATEST pointer").default("runs"),
  "allow-outside": z
    .boolean()
    .optional()
    .describe("allow paths that leave the folder of index.yaml (../x.csv) or are absolute (default false; the same as --allow-outside-project)"),
};

/** `index.yaml`. */
export const PROJECT_SCHEMA = z
  .strictObject({
    $schema: z.string().optional().describe("the JSON Schema of this file, for editors"),
    name: z.string().optional().describe("the name of the index, for people"),
    description: z.string().optional().describe("what the index measures and who maintains it"),
    indicators: projectPath("the indicator tree, CSV or YAML (--indicators)"),
    values: projectPath(
      "the values: a CSV, xlsx or Parquet file, a .sql query run by DuckDB inside the project folder, or a folder whose .csv, .tsv and .xlsx files (and .txt files saved from Excel) are all read, in name order (--data)",
    ),
    ...LOCATION_KEYS,
    inputs: z.strictObject(INPUT_OPTIONS).partial().default({}).describe("how the input files are read; each key is a compute option"),
    methods: z.strictObject(METHOD_OPTIONS).partial().default({}).describe("how the index is computed; each key is a compute option"),
    outputs: z.strictObject(OUTPUT_OPTIONS).partial().default({}).describe("what the outputs look like; each key is a compute option"),
    uncertainty: z
      .strictObject(UNCERTAINTY_OPTIONS)
      .partial()
      .default({})
      .describe("how innovation-index uncertainty varies the choices; each key is an uncertainty option, unused by compute"),
  })
  .describe("an innovation-index project: the choices of a yearly computation (innovation-index compute)");

export type ProjectFile = z.output<typeof PROJECT_SCHEMA>;

/**
 * The keys of `index.yaml` that the commands that only read runs (`runs`, `verify`, `diff`) need: where the runs
 * folder is (`runs`, `allow-outside`), checked as `PROJECT_SCHEMA` checks them; every other key is left unread, so
 * that a mistake in one of them (a method's value, an unknown key) does not stop those commands. `values` is kept
 * unchecked, whatever it holds: `runs publish` and `rollback` refuse a runs folder that is the values folder (a text
 * `values`), as compute does.
 */
export const PROJECT_LOCATION_SCHEMA = z.object({ ...LOCATION_KEYS, values: z.unknown().optional() });

export type ProjectLocationFile = z.output<typeof PROJECT_LOCATION_SCHEMA>;

/** The JSON Schema of `index.yaml` as published in `schema/index.schema.json` (two-space indent, trailing newline). */
export function formatProjectJsonSchema(): string {
  const schema = z.toJSONSchema(PROJECT_SCHEMA, { io: "input", target: "draft-2020-12" });
  return JSON.stringify({ ...schema, title: "innovation-index project (index.yaml)" }, null, 2) + "\n";
}
