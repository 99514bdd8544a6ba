/**
 * The whole pipeline on a validated tree and panel: check, normalise every indicator, weight, aggregate every group
 * bottom-up into the overall index.
 */
import { ValidationError, type Issue } from "../errors.js";
import { aggregate, checkAggregation, planAggregation, type AggregateMethod } from "./aggregate.js";
import { messages } from "./messages.js";
import type { Imputation } from "./missing.js";
import { checkNormalization, normalize, RATIO_METHODS, type Dampening, type NormalizeMethod } from "./normalize.js";
import { planNormalization } from "./normalize/plan.js";
import type { Treatment } from "./outliers.js";
import { indicatorBlock, placeOfCell, type Panel } from "./panel.js";
import { prepareData, type PrepareOptions } from "./prepare.js";
import { childrenOf, groupsBottomUp } from "./tree.js";
import { INDEX_CODE, type Direction, type Tree } from "./types.js";
import { resolveWeights, type Weights } from "./weight.js";
import type { WeightingSummary } from "./weighting/derive.js";
import { append } from "./arrays.js";

export { MISSING_POLICIES, type MissingPolicy } from "./missing.js";

/** The options of `computeIndex`; the data stage's (missing values, zero bases, outliers) are those of `prepareData`. */
export interface ComputeOptions extends Omit<PrepareOptions, "plans" | "baseYear"> {
  /** The year every fixed-base index is 100 in. Default: the earliest year of the panel. */
  baseYear?: number;
  /** Normalisation of every indicator (the tree's `normalise` column overrides it per indicator). Default `fixed-base`. */
  normalize?: NormalizeMethod;
  /** Ratio methods (fixed-base, chain, distance-to-*): the highest score, >= 100 (tree column `cap`). Default: none. */
  cap?: number;
  /** Ratio methods: dampen the ratio r to `100·(1 + ln r)` or `100·√r` (tree column `dampen`). Default: none. */
  dampen?: Dampening;
  /** `distance-to-reference`: the unit every other is compared with. Default: each unit's own base-year value. */
  referenceUnit?: string;
  /** Aggregation of every group. Default `arithmetic`. */
  aggregate?: AggregateMethod;
  /** Aggregation by level (0 = overall index, 1 = first-level groups, ...), overriding `aggregate`; a group's own
   * `aggregate` column in the tree overrides both. Default: none. */
  aggregateByLevel?: Readonly<Record<number, AggregateMethod>>;
  /** Weights within siblings, replacing the tree's (e.g. derived by AHP or entropy). Default: the tree's. */
  weights?: Weights;
  /** Turn warnings (weights that did not sum to 1) into errors. Default false. */
  strict?: boolean;
  /** How `weights` were derived, recorded in the result. Default `{ method: "explicit" }`. */
  weighting?: WeightingSummary;
}

/** A row of the result: the overall index, a group or an indicator. */
export interface ResultNode {
  code: string;
  name: string;
  nameEn?: string;
  /** 0 for the overall index, 1 for first-level nodes, and so on. */
  level: number;
  kind: "index" | "group" | "indicator";
  parent: string | null;
  /** Weight within its siblings (1 for the overall index). */
  weight: number;
  /** How the node's value was obtained: its normalisation (indicators) or aggregation (groups and the index). */
  method?: string;
}

export interface IndexResult {
  units: readonly string[];
  years: readonly number[];
  baseYear: number;
  /** The overall index first, then every node of the tree in tree order. */
  nodes: readonly ResultNode[];
  /**
   * Node-major values: `values[(node * unitCount + unit) * yearCount + year]`. For an indicator the value is its
   * normalised score; for a group, its sub-index; for `INDEX`, the overall index.
   */
  values: Float64Array;
  /** The panel the result was computed from (raw values, formulas evaluated, gaps as `NaN`). */
  panel: Panel;
  /** The values that were normalised: `panel` after imputation and outlier treatment. */
  preparedPanel: Panel;
  /** Every imputed or reweighted cell (`value` is `NaN` for a reweighted one). */
  imputations: Imputation[];
  /** Every cell changed by the outlier treatment. */
  treatments: Treatment[];
  options: Required<Omit<ComputeOptions, OptionalSetting>> & Pick<ComputeOptions, Exclude<OptionalSetting, "weights" | "baseYear" | "weighting" | "treated">>;
  /** How the weights were derived (method, and for objective methods the units and years used). */
  weighting: WeightingSummary;
  warnings: Issue[];
}

/** Options without a default value: absent from `result.options` unless given. */
type OptionalSetting = "weights" | "weighting" | "baseYear" | "cap" | "dampen" | "referenceUnit" | "aggregateByLevel" | "treated";

/** Position of a cell in `result.values`. */
export function resultIndex(result: Pick<IndexResult, "units" | "years">, node: number, unit: number, year: number): number {
  return (node * result.units.length + unit) * result.years.length + year;
}

/**
 * Computes the index. Throws `ValidationError` listing every problem at once: a base year absent from the data,
 * missing values under the `error` policy, fixed-base indices that are undefined (base 0 or missing), weights that
 * cannot be normalised (or, under `strict`, that did not sum to 1).
 */
export function computeIndex(tree: Tree, panel: Panel, options: ComputeOptions = {}): IndexResult {
  const normalizeMethod = options.normalize ?? "fixed-base";
  const aggregateMethod = options.aggregate ?? "arithmetic";
  const missing = options.missing ?? "error";
  const baseYear = options.baseYear ?? panel.years[0];
  const issues: Issue[] = [];

  const baseYearPosition = panel.years.indexOf(baseYear);
  if (baseYearPosition < 0)
    issues.push({ code: "E_BASE_YEAR_ABSENT", message: messages.baseYearAbsent(baseYear, panel.years), column: "year" });

  const resolved = options.weights ? { weights: options.weights, issues: [], warnings: [] } : resolveWeights(tree);
  append(issues, resolved.issues);
  const warnings = [...resolved.warnings];
  const normalization = planNormalization(tree, { method: normalizeMethod, cap: options.cap, dampen: options.dampen });
  append(warnings, unusedOptionWarnings(options, normalization.plans));
  if (options.strict) append(issues, warnings.map((warning) => ({ ...warning, code: warning.code.replace(/^W_/, "E_") })));

  const directions = panel.indicators.map((code) => (tree.byCode.get(code) as { direction: Direction }).direction);
  const aggregation = planAggregation(tree, { method: aggregateMethod, byLevel: options.aggregateByLevel ?? {} });
  append(append(issues, normalization.issues), aggregation.issues);
  const referenceUnit = options.referenceUnit === undefined ? -1 : panel.units.indexOf(options.referenceUnit);
  if (options.referenceUnit !== undefined && referenceUnit < 0)
    issues.push({ code: "E_UNKNOWN_REFERENCE_UNIT", message: messages.unknownReferenceUnit(options.referenceUnit, panel.units), column: "unit" });
  // The data stage (imputation, outliers, zero bases) may change an indicator's plan and base year.
  const prepared = prepareData(tree, panel, { ...options, plans: normalization.plans, baseYear: baseYearPosition });
  const plans = prepared.plans;
  append(issues, prepared.issues);
  append(warnings, prepared.warnings);
  const checked = checkNormalization(prepared.panel, plans, directions, prepared.baseYears, referenceUnit);
  append(issues, checked.issues);
  // A missing base or reference value is already reported by the normalisation check, so it is skipped here.
  append(issues, prepared.gaps.filter((gap) => !checked.reportedMissing.has(gap.cell)).map((gap) => gap.issue));
  if (issues.length > 0) throw new ValidationError(issues);

  const unitCount = panel.units.length;
  const yearCount = panel.years.length;
  const blockSize = unitCount * yearCount;
  const nodes: ResultNode[] = [
    { code: INDEX_CODE, name: "总指数", nameEn: "Overall index", level: 0, kind: "index", parent: null, weight: 1 },
    ...tree.nodes.map((node) => ({
      code: node.code,
      name: node.name,
      nameEn: node.nameEn,
      level: node.level,
      kind: node.kind,
      parent: node.parent ?? INDEX_CODE,
      weight: resolved.weights.get(node.code)!,
    })),
  ];
  const indicatorPosition = new Map(panel.indicators.map((code, i) => [code, i] as const));
  for (const node of nodes)
    node.method = node.kind === "indicator" ? plans[indicatorPosition.get(node.code)!].method : aggregation.methods.get(node.code);
  const position = new Map(nodes.map((node, i) => [node.code, i] as const));
  const values = new Float64Array(nodes.length * blockSize);
  const block = (code: string) => {
    const start = position.get(code)! * blockSize;
    return values.subarray(start, start + blockSize);
  };

  panel.indicators.forEach((code, i) => {
    const { method, ...settings } = plans[i];
    const reference = method === "distance-to-reference" && referenceUnit >= 0 ? { referenceUnit } : {};
    const context = { unitCount, yearCount, baseYear: prepared.baseYears[i], direction: directions[i], ...settings, ...reference };
    normalize(method, indicatorBlock(prepared.panel, i), context, block(code));
  });
  for (const code of [...groupsBottomUp(tree).map((group) => group.code), INDEX_CODE]) {
    const children = childrenOf(tree, code);
    const childWeights = children.map((child) => resolved.weights.get(child)!);
    const method = aggregation.methods.get(code)!;
    append(issues, checkAggregation(method, code, children, children.map(block), childWeights, panel.units, panel.years));
    aggregate(method, children.map(block), childWeights, block(code));
  }
  // Aggregation problems (a score <= 0 under a geometric mean) are found group by group and reported all together.
  if (issues.length > 0) throw new ValidationError(issues);

  return {
    units: panel.units,
    years: panel.years,
    baseYear,
    nodes,
    values,
    panel,
    preparedPanel: prepared.panel,
    imputations: prepared.imputations,
    treatments: prepared.treatments,
    options: {
      normalize: normalizeMethod,
      aggregate: aggregateMethod,
      missing,
      unfilled: options.unfilled ?? "error",
      zeroBase: options.zeroBase ?? "error",
      outliers: options.outliers ?? "none",
      winsorMax: options.winsorMax ?? 5,
      outlierScope: options.outlierScope ?? "panel",
      strict: options.strict ?? false,
      ...(options.aggregateByLevel && Object.keys(options.aggregateByLevel).length > 0 ? { aggregateByLevel: options.aggregateByLevel } : {}),
      ...(options.cap !== undefined ? { cap: options.cap } : {}),
      ...(options.dampen !== undefined ? { dampen: options.dampen } : {}),
      ...(options.referenceUnit !== undefined ? { referenceUnit: options.referenceUnit } : {}),
    },
    weighting: options.weighting ?? { method: "explicit" },
    warnings,
  };
}

/**
 * One issue per missing cell (indicator, unit, year) of the panel, except in the year at position `skip` (a number)
 * or the panel cells (`cellIndex`) for which `skip` returns true.
 */
export function missingValueIssues(panel: Panel, skip: number | ((cell: number) => boolean) = -1): Issue[] {
  const issues: Issue[] = [];
  const yearCount = panel.years.length;
  panel.indicators.forEach((indicator, i) => {
    const block = indicatorBlock(panel, i);
    for (let cell = 0; cell < block.length; cell++)
      if (Number.isNaN(block[cell]) && (typeof skip === "number" ? cell % yearCount !== skip : !skip(i * block.length + cell))) {
        const unit = panel.units[Math.floor(cell / yearCount)];
        const year = panel.years[cell % yearCount];
        issues.push({ code: "E_MISSING_VALUE", message: messages.missingValue(indicator, unit, year), id: indicator, ...placeOfCell(panel, i * block.length + cell) });
      }
  });
  return issues;
}

/** Warnings for method options no indicator uses (`--cap` without any ratio method, ...). */
function unusedOptionWarnings(options: ComputeOptions, plans: readonly { method: NormalizeMethod }[]): Issue[] {
  const warnings: Issue[] = [];
  const ratio = plans.some((plan) => RATIO_METHODS.includes(plan.method));
  if (options.cap !== undefined && !ratio) warnings.push({ code: "W_OPTION_UNUSED", message: messages.optionUnused("--cap", RATIO_METHODS) });
  if (options.dampen !== undefined && !ratio) warnings.push({ code: "W_OPTION_UNUSED", message: messages.optionUnused("--dampen", RATIO_METHODS) });
  if (options.referenceUnit !== undefined && !plans.some((plan) => plan.method === "distance-to-reference"))
    warnings.push({ code: "W_OPTION_UNUSED", message: messages.optionUnused("--reference-unit", ["distance-to-reference"]) });
  return warnings;
}
