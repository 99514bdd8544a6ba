/**
 * The data stage between reading and normalising, in the OECD/JRC order: missing values (impute or reweight), outlier
 * treatment, then the zero-base policy. Each indicator may override the run's policies in the tree (columns `missing`,
 * `outliers`, `zero_base`). Problems are collected, never thrown; the gaps left unfilled come with their panel cells so
 * the caller can drop those its base-year check already reports.
 */
import type { Issue } from "../errors.js";
import { messages } from "./messages.js";
import { DEFAULT_UNFILLED, imputePanel, MISSING_POLICIES, parseMissingPolicy, type Imputation, type MissingPolicy, type UnfilledPolicy } from "./missing.js";
import type { IndicatorNormalization } from "./normalize/plan.js";
import { DEFAULT_OUTLIER_SCOPE, DEFAULT_WINSOR_MAX, OUTLIER_METHODS, parseOutlierMethod, treatOutliers, type OutlierMethod, type OutlierScope, type Treatment } from "./outliers.js";
import type { Panel } from "./panel.js";
import type { Tree } from "./types.js";
import { DEFAULT_ZERO_BASE, parseZeroBasePolicy, planZeroBase, ZERO_BASE_POLICIES, type ZeroBasePolicy } from "./zero-base.js";
import { append } from "./arrays.js";

export interface PrepareOptions {
  /**
   * What a missing value does (per indicator, the tree's `missing` column wins): `error` (default) reports every gap;
   * `carry-forward`, `carry-back`, `interpolate` fill it from the unit's own series, `mean` and `median` from the other
   * units of its year (their raw values, before outlier treatment); `reweight` drops it and renormalises its siblings.
   */
  missing?: MissingPolicy;
  /**
   * A gap the missing-value policy cannot fill (a unit with no value at all, an edge, under `mean` and `median` a year
   * without any unit's value): `error` (default) or `reweight`.
   */
  unfilled?: UnfilledPolicy;
  /** A zero base value under fixed-base: `error` (default), `first-nonzero` or `min-max` (tree column `zero_base`). */
  zeroBase?: ZeroBasePolicy;
  /** Outlier treatment before normalisation: `none` (default), `winsorise` or `log` (tree column `outliers`). */
  outliers?: OutlierMethod;
  /** Most points winsorised per indicator (per indicator and year under scope `year`). Default 5 (COINr's `winmax`). */
  winsorMax?: number;
  /** Outlier treatment over all units and years together (`panel`, default) or each year apart (`year`). */
  outlierScope?: OutlierScope;
  /** Unit-years left out by screening (cells `unit · years + year`): never filled, never a gap. Default: none. */
  screened?: ReadonlySet<number>;
  /** How each indicator is normalised (panel order). */
  plans: readonly IndicatorNormalization[];
  /** Position of the base year in `panel.years` (-1 when absent). */
  baseYear: number;
  /**
   * The imputation and outlier treatment already done by `treatData` with these same options on this same panel, to
   * reuse instead of redoing them (runs that differ only in normalisation). Default: done here.
   */
  treated?: TreatedData;
}

export interface PreparedData {
  /** The values normalisation reads: imputed and treated. */
  panel: Panel;
  imputations: Imputation[];
  treatments: Treatment[];
  /** The plans after the zero-base policy (an indicator may switch to min-max). */
  plans: IndicatorNormalization[];
  /** Per indicator, the position of its base year (moved by `first-nonzero`). */
  baseYears: number[];
  /** Gaps no policy filled, with their panel cells. */
  gaps: { cell: number; issue: Issue }[];
  /** The unit-years (`unit · years + year`) reported without any value (`ImputedPanel.emptyReported`). */
  emptyReported?: ReadonlySet<number>;
  /** Problems with the tree's policy columns. */
  issues: Issue[];
  warnings: Issue[];
  /** Per indicator, its outlier treatment (`--outliers` or the tree's `outliers` column). */
  outlierMethods: OutlierMethod[];
  /** Per indicator, its missing-value policy (`--missing` or the tree's `missing` column). */
  missingPolicies: MissingPolicy[];
}

/**
 * The part of the data stage that does not depend on how indicators are normalised: the tree's policy columns read,
 * the gaps imputed, the outliers treated. `treatData` computes it; `prepareData` runs it, or reuses one given as
 * `treated` (runs that differ only in normalisation share one).
 */
export interface TreatedData {
  /** The values after imputation and outlier treatment. */
  panel: Panel;
  imputations: Imputation[];
  treatments: Treatment[];
  gaps: { cell: number; issue: Issue }[];
  /** The unit-years (`unit · years + year`) reported without any value (`ImputedPanel.emptyReported`). */
  emptyReported?: ReadonlySet<number>;
  issues: Issue[];
  /** The outlier treatment's warnings, in indicator order. */
  warnings: Issue[];
  /** Per indicator, whether it was log-transformed (a warning under fixed-base, which depends on the normalisation). */
  logged: boolean[];
  /** Per indicator, its zero-base policy. */
  zeroBase: ZeroBasePolicy[];
  /** Per indicator, its outlier treatment (`--outliers` or the tree's `outliers` column). */
  outlierMethods: OutlierMethod[];
  /** Per indicator, its missing-value policy (`--missing` or the tree's `missing` column). */
  missingPolicies: MissingPolicy[];
}

/** Reads the policy columns, imputes and treats outliers: the data stage up to the zero-base policy. */
export function treatData(tree: Tree, panel: Panel, options: Omit<PrepareOptions, "plans" | "baseYear" | "treated">): TreatedData {
  const issues: Issue[] = [];
  // The policies are indicator settings: on a group they would do nothing, so they are refused there.
  for (const node of tree.nodes)
    if (node.kind === "group")
      for (const column of ["missing", "outliers", "zero_base"])
        if ((node.attributes[column] ?? "").trim() !== "")
          issues.push({
            code: "E_SETTING_ON_GROUP",
            message: messages.indicatorSettingOnGroup(node.code, column),
            source: tree.source,
            line: node.line,
            column,
            id: node.code,
          });
  const missing = perIndicator(tree, panel, "missing", options.missing ?? "error", parseMissingPolicy, MISSING_POLICIES, issues);
  const outliers = perIndicator(tree, panel, "outliers", options.outliers ?? "none", parseOutlierMethod, OUTLIER_METHODS, issues);
  const zeroBase = perIndicator(tree, panel, "zero_base", options.zeroBase ?? DEFAULT_ZERO_BASE, parseZeroBasePolicy, ZERO_BASE_POLICIES, issues);
  const imputed = imputePanel(panel, missing, options.unfilled ?? DEFAULT_UNFILLED, options.screened);
  const treated = treatOutliers(imputed.panel, outliers, options.winsorMax ?? DEFAULT_WINSOR_MAX, false, options.outlierScope ?? DEFAULT_OUTLIER_SCOPE);
  return {
    panel: treated.panel,
    imputations: imputed.imputations,
    treatments: treated.treatments,
    gaps: imputed.gaps,
    emptyReported: imputed.emptyReported,
    issues,
    warnings: treated.warnings,
    logged: treated.logged,
    zeroBase,
    outlierMethods: outliers,
    missingPolicies: missing,
  };
}

/** Runs the data stage (reusing `options.treated` when given). */
export function prepareData(tree: Tree, panel: Panel, options: PrepareOptions): PreparedData {
  const treated = options.treated ?? treatData(tree, panel, options);
  const fixedBase = options.plans.map((plan) => plan.method === "fixed-base");
  // A log-transformed fixed-base indicator is warned about after the indicator's own treatment warnings.
  const warnings: Issue[] = [];
  let next = 0;
  panel.indicators.forEach((indicator, i) => {
    while (next < treated.warnings.length && treated.warnings[next].id === indicator) warnings.push(treated.warnings[next++]);
    if (treated.logged[i] && fixedBase[i]) warnings.push({ code: "W_LOG_FIXED_BASE", message: messages.logWithFixedBase(indicator), id: indicator });
  });
  append(warnings, treated.warnings.slice(next));
  const zero = planZeroBase(treated.panel, treated.zeroBase, fixedBase, options.baseYear);
  const plans = options.plans.map((plan, i): IndicatorNormalization => (zero.decisions[i].method === "min-max" ? { method: "min-max" } : { ...plan }));
  return {
    panel: treated.panel,
    imputations: treated.imputations,
    treatments: treated.treatments,
    plans,
    baseYears: zero.decisions.map((decision) => decision.baseYear),
    gaps: treated.gaps,
    emptyReported: treated.emptyReported,
    issues: treated.issues,
    warnings: [...warnings, ...zero.warnings],
    outlierMethods: treated.outlierMethods,
    missingPolicies: treated.missingPolicies,
  };
}

/** Each indicator's setting: its tree column `column` when given (checked), else the run's. */
/** Whether indicator `code` has its own setting in the tree's policy column `column` (a cell not empty), over the run's. */
export function hasOwnSetting(tree: Tree, code: string, column: string): boolean {
  return (tree.byCode.get(code)?.attributes[column] ?? "").trim() !== "";
}

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
    if (!node || !hasOwnSetting(tree, code, column)) return fallback;
    const text = node.attributes[column]!;
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
