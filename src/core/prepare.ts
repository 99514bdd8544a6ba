/**
 * The data stage between reading and normalising, in the OECD/JRC order: missing values (impute or reweight), outlier
 * treatment, then the zero-base policy and the fixed-base checks. Each indicator may override the run's policies in
 * the tree (columns `missing`, `outliers`, `zero_base`).
 */
import type { Issue } from "../errors.js";
import { messages } from "./messages.js";
import { imputePanel, MISSING_POLICIES, parseMissingPolicy, type Imputation, type MissingPolicy } from "./missing.js";
import { checkFixedBase } from "./normalize.js";
import { OUTLIER_METHODS, parseOutlierMethod, treatOutliers, type OutlierMethod, type Treatment } from "./outliers.js";
import { indicatorBlock, type Panel } from "./panel.js";
import type { Direction, Tree } from "./types.js";
import { parseZeroBasePolicy, planZeroBase, ZERO_BASE_POLICIES, type IndicatorPlan, type ZeroBasePolicy } from "./zero-base.js";

export interface PrepareOptions {
  /** Missing-value policy of every indicator without its own. Default `error`. */
  missing?: MissingPolicy;
  /** Zero-base policy under fixed-base. Default `error`. */
  zeroBase?: ZeroBasePolicy;
  /** Outlier treatment. Default `none`. */
  outliers?: OutlierMethod;
  /** Most points winsorised per indicator. Default 5 (COINr's `winmax`). */
  winsorMax?: number;
  /** True when indicators are normalised by the fixed-base index. */
  fixedBase: boolean;
  /** Position of the base year in `panel.years` (fixed-base). */
  baseYear: number;
}

export interface PreparedData {
  /** The values normalisation reads: imputed and treated. */
  panel: Panel;
  imputations: Imputation[];
  treatments: Treatment[];
  /** Per indicator (panel order): how it is normalised when the run uses fixed-base. */
  plans: IndicatorPlan[];
  issues: Issue[];
  warnings: Issue[];
}

/** Runs the data stage; problems are collected in `issues`, never thrown. */
export function prepareData(tree: Tree, panel: Panel, options: PrepareOptions): PreparedData {
  const issues: Issue[] = [];
  const missing = perIndicator(tree, panel, "missing", options.missing ?? "error", parseMissingPolicy, MISSING_POLICIES, issues);
  const outliers = perIndicator(tree, panel, "outliers", options.outliers ?? "none", parseOutlierMethod, OUTLIER_METHODS, issues);
  const zeroBase = perIndicator(tree, panel, "zero_base", options.zeroBase ?? "error", parseZeroBasePolicy, ZERO_BASE_POLICIES, issues);

  const imputed = imputePanel(panel, missing, options.fixedBase ? options.baseYear : -1);
  const treated = treatOutliers(imputed.panel, outliers, options.winsorMax ?? 5, options.fixedBase);
  const warnings = [...treated.warnings];
  let plans: IndicatorPlan[] = panel.indicators.map(() => ({ method: "fixed-base", baseYear: options.baseYear }));
  if (options.fixedBase) {
    const planned = planZeroBase(treated.panel, zeroBase, options.baseYear);
    plans = planned.plans;
    warnings.push(...planned.warnings);
    const directions = panel.indicators.map((code) => (tree.byCode.get(code) as { direction: Direction }).direction);
    panel.indicators.forEach((indicator, i) => {
      if (plans[i].method !== "fixed-base") return;
      const single: Panel = { ...treated.panel, indicators: [indicator], values: indicatorBlock(treated.panel, i) };
      issues.push(...checkFixedBase(single, [directions[i]], plans[i].baseYear));
    });
  }
  // Base-year problems first, then the gaps, as the engine always listed them.
  issues.push(...imputed.issues);
  return { panel: treated.panel, imputations: imputed.imputations, treatments: treated.treatments, plans, issues, warnings };
}

/** Each indicator's setting: its tree column `column` when given (checked), else the run's. */
function perIndicator<T extends string>(
  tree: Tree,
  panel: Panel,
  column: string,
  fallback: T,
  parse: (text: string) => T | undefined,
  allowed: readonly T[],
  issues: Issue[],
): T[] {
  return panel.indicators.map((code) => {
    const node = tree.byCode.get(code);
    const text = node?.attributes[column];
    if (!node || text === undefined || text.trim() === "") return fallback;
    const parsed = parse(text);
    if (parsed !== undefined) return parsed;
    issues.push({
      code: "E_BAD_POLICY",
      message: messages.badPolicy(column, code, text, allowed),
      source: tree.source,
      line: node.line,
      column,
      id: code,
    });
    return fallback;
  });
}
