/**
 * The whole pipeline on a validated tree and panel: check, normalise every indicator, weight, aggregate every group
 * bottom-up into the overall index.
 */
import { ValidationError, type Issue } from "../errors.js";
import { aggregate, type AggregateMethod } from "./aggregate.js";
import { messages } from "./messages.js";
import type { Imputation, MissingPolicy } from "./missing.js";
import { normalize, type NormalizeMethod } from "./normalize.js";
import type { OutlierMethod, Treatment } from "./outliers.js";
import { indicatorBlock, type Panel } from "./panel.js";
import { prepareData } from "./prepare.js";
import { childrenOf, groupsBottomUp } from "./tree.js";
import { INDEX_CODE, type Direction, type Tree } from "./types.js";
import type { ZeroBasePolicy } from "./zero-base.js";
import { resolveWeights, type Weights } from "./weight.js";

export { MISSING_POLICIES, type MissingPolicy } from "./missing.js";

export interface ComputeOptions {
  /** The year every fixed-base index is 100 in. Default: the earliest year of the panel. */
  baseYear?: number;
  /** Normalisation of every indicator. Default `fixed-base`. */
  normalize?: NormalizeMethod;
  /** Aggregation of every group. Default `arithmetic`. */
  aggregate?: AggregateMethod;
  /**
   * What a missing value does (per indicator, the tree's `missing` column wins): `error` (default) reports every gap;
   * `carry-forward`, `carry-back`, `interpolate` fill it; `reweight` drops it and renormalises its siblings.
   */
  missing?: MissingPolicy;
  /** A zero base value under fixed-base: `error` (default), `first-nonzero` or `min-max` (tree column `zero_base`). */
  zeroBase?: ZeroBasePolicy;
  /** Outlier treatment before normalisation: `none` (default), `winsorise` or `log` (tree column `outliers`). */
  outliers?: OutlierMethod;
  /** Most points winsorised per indicator. Default 5. */
  winsorMax?: number;
  /** Weights within siblings, replacing the tree's (e.g. derived by AHP or entropy). Default: the tree's. */
  weights?: Weights;
  /** Turn warnings (weights that did not sum to 1) into errors. Default false. */
  strict?: boolean;
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
  options: Required<Omit<ComputeOptions, "weights" | "baseYear">>;
  warnings: Issue[];
}

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
  issues.push(...resolved.issues);
  const warnings = [...resolved.warnings];
  if (options.strict) issues.push(...warnings.map((warning) => ({ ...warning, code: warning.code.replace(/^W_/, "E_") })));

  const directions = panel.indicators.map((code) => (tree.byCode.get(code) as { direction: Direction }).direction);
  const fixedBase = baseYearPosition >= 0 && normalizeMethod === "fixed-base";
  const prepared = prepareData(tree, panel, { ...options, fixedBase, baseYear: baseYearPosition });
  issues.push(...prepared.issues);
  warnings.push(...prepared.warnings);
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
  const position = new Map(nodes.map((node, i) => [node.code, i] as const));
  const values = new Float64Array(nodes.length * blockSize);
  const block = (code: string) => {
    const start = position.get(code)! * blockSize;
    return values.subarray(start, start + blockSize);
  };

  panel.indicators.forEach((code, i) => {
    const plan = prepared.plans[i];
    const context = { unitCount, yearCount, baseYear: fixedBase ? plan.baseYear : baseYearPosition, direction: directions[i] };
    normalize(fixedBase ? plan.method : normalizeMethod, indicatorBlock(prepared.panel, i), context, block(code));
  });
  for (const code of [...groupsBottomUp(tree).map((group) => group.code), INDEX_CODE]) {
    const children = childrenOf(tree, code);
    const childWeights = children.map((child) => resolved.weights.get(child)!);
    aggregate(aggregateMethod, children.map(block), childWeights, block(code));
  }

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
      zeroBase: options.zeroBase ?? "error",
      outliers: options.outliers ?? "none",
      winsorMax: options.winsorMax ?? 5,
      strict: options.strict ?? false,
    },
    warnings,
  };
}
