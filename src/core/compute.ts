/**
 * The whole pipeline on a validated tree and panel: check, normalise every indicator, weight, aggregate every group
 * bottom-up into the overall index.
 */
import { strictErrors, ValidationError, type Issue } from "../errors.js";
import { aggregate, AGGREGATE_METHODS, checkAggregation, planAggregation, type AggregateMethod } from "./aggregate.js";
import { messages } from "./messages.js";
import { DEFAULT_UNFILLED, fillingPolicyFinder, MISSING_POLICIES, UNFILLED_POLICIES, type Imputation, type MissingPolicy } from "./missing.js";
import { checkNormalization, DAMPENINGS, normalize, NORMALIZE_METHODS, RANGE_METHODS, RATIO_METHODS, Z_SCALE_METHODS, type Dampening, type NormalizeMethod, type ScoreRange, type ZScale } from "./normalize.js";
import { checkNewNormalizations } from "./normalize/check-more.js";
import { planGroupReflections, reflectGroup, type Reflection } from "./group-direction.js";
import { methodMessages } from "./method-messages.js";
import { SCREEN_SCOPES, screenPanel, type ScreenedRow, type ScreenOptions } from "./screen.js";
import { MIN_CAP, planNormalization } from "./normalize/plan.js";
import { DEFAULT_OUTLIER_SCOPE, DEFAULT_WINSOR_MAX, OUTLIER_METHODS, OUTLIER_SCOPES, type Treatment } from "./outliers.js";
import { indicatorBlock, placeOfCell, type Panel } from "./panel.js";
import { hasOwnSetting, prepareData, type PreparedData, type PrepareOptions, type TreatedData } from "./prepare.js";
import { childrenOf, groupsBottomUp } from "./tree.js";
import { INDEX_CODE, type Direction, type Tree } from "./types.js";
import { resolveWeights, type Weights } from "./weight.js";
import type { WeightingSummary } from "./weighting/derive.js";
import { append } from "./arrays.js";
import { checkMessages } from "./check-messages.js";
import { isObject, OptionChecks, optionMessages } from "./option-checks.js";
import { checkPerformanceThresholds } from "./analysis/performance-groups.js";
import { ZERO_BASE_POLICIES } from "./zero-base.js";
import { applyMinCoverage } from "./group-coverage.js";
import { unitLookalikeWarnings } from "./unit-lookalike.js";
import { valueJumpWarnings } from "./value-jumps.js";

export { MISSING_POLICIES, type MissingPolicy } from "./missing.js";

/** The options of `computeIndex`; the data stage's (missing values, zero bases, outliers) are those of `prepareData`. */
/**
 * Warnings `strict` leaves warnings: W_VALUE_JUMP says a value may be mistyped (50 times its previous year's), and a
 * value checked and found right cannot be written otherwise, so an error would stop a project for good (ASEM's own
 * data hold two such values).
 */
export const ADVISORY_WARNINGS: ReadonlySet<string> = new Set(["W_VALUE_JUMP"]);

export interface ComputeOptions extends Omit<PrepareOptions, "plans" | "baseYear" | "screened" | "treated"> {
  /** The year every fixed-base index is 100 in. Default: the earliest year of the panel. */
  baseYear?: number;
  /** The overall index's name. Default: the tree's root row, else `defaultIndexName(tree)`. */
  indexName?: string;
  /** Normalisation of every indicator (the tree's `normalise` column overrides it per indicator). Default `fixed-base`. */
  normalize?: NormalizeMethod;
  /** Ratio methods (fixed-base, chain, distance-to-*): the highest score, >= 100 (tree column `cap`). Default: none. */
  cap?: number;
  /** Ratio methods: dampen the ratio r to `100·(1 + ln r)` or `100·√r` (tree column `dampen`). Default: none. */
  dampen?: Dampening;
  /** `distance-to-reference`: the unit every other is compared with. Default: each unit's own base-year value. */
  referenceUnit?: string;
  /** Min-max family: the output scale LOW-HIGH (`--range`; tree column `range`). Default 0 to 100. */
  range?: ScoreRange;
  /** Z-score family: the output scale MEAN + SD·z (`--z-scale`; tree column `z_scale`). Default 100 + 10·z. */
  zScale?: ZScale;
  /** Aggregation of every group. Default `arithmetic`. */
  aggregate?: AggregateMethod;
  /** `power` aggregation: the exponent p of the generalised mean (`--power`). Default: none (required by `power`). */
  power?: number;
  /** Performance groups (`groups.csv`): thresholds in % of the reference (`referenceUnit`, else the units' average),
   * e.g. the EIS's 125, 100, 70. Recorded in the result for the writers; the computation does not use it. Default: none. */
  performanceGroups?: readonly [number, number, number];
  /** Screening before anything else: units (or unit-years) whose share of observed values, overall or within any
   * first-level group, is below `threshold` are left out (`--screen`, `--screen-by`). Default: none. */
  screen?: ScreenOptions;
  /** A minimum data coverage at aggregation (COINr's `dat_thresh`), 0 < share <= 1: a group or the overall index is
   * missing for a unit-year where the share of its children with a value (unweighted; imputed values count) is below
   * it, at every level; recorded in `imputations` as `below-coverage` (`--min-group-coverage`). Default: none. */
  minGroupCoverage?: number;
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

/**
 * What `computeIndex` may be given from work done already on the same panel, to reuse instead of redoing it: runs of
 * one panel that differ only in their methods (`IndexEngine`, the uncertainty analysis). Not options of a call (no
 * caller outside the engine has what they take), so not in `ComputeOptions`, nor exported from the package's index.
 * @internal
 */
export interface ComputeInternals {
  /**
   * The imputation and outlier treatment done already by `treatData` with these same options on this same panel
   * (`PrepareOptions.treated`). Default: done here.
   */
  treated?: TreatedData;
  /**
   * The `W_UNIT_LOOKALIKE` warnings of the panel as given (before any screening: a unit screened out under a name like
   * a kept unit's is still one unit under two names), found already by `unitLookalikeWarnings`. Default: found here.
   */
  unitLookalikes?: readonly Issue[];
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
  /**
   * Indicators only: the indicator's own missing-value policy, from the tree's `missing` column; absent where the
   * indicator follows the run's (`options.missing`).
   */
  missing?: MissingPolicy;
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
  /**
   * Every imputed or reweighted cell (`value` is `NaN` for a reweighted one), then every group score set missing by
   * `minGroupCoverage` (method `below-coverage`, `indicator` the group's code or `INDEX`, `value` `NaN`).
   */
  imputations: Imputation[];
  /** Every cell changed by the outlier treatment. */
  treatments: Treatment[];
  /**
   * How each group marked `direction: -` was flipped after it was aggregated (its values in `values` are the flipped
   * ones, the values its parent aggregated). Empty when no group is marked `-`.
   */
  groupReflections?: ReadonlyMap<string, Reflection>;
  /**
   * The weights benefit of the doubt chose, by the code of each group (or `INDEX`) aggregated by `bod`, and only those:
   * child-major as `values`, `[(child * unitCount + unit) * yearCount + year]`, the children in tree order. On the
   * score's scale: the group's score is `Σ weight·child's score` for each unit-year (before a `direction: -` flip). Not
   * normalised to sum to 1: the linear programme's weights ×100, as Compind's `ci_bod_weights` ×100. 0 for a child of
   * weight 0, `NaN` where the group is. See `aggregateBenefitOfTheDoubt`. Absent when no group is aggregated by `bod`.
   */
  bodWeights?: ReadonlyMap<string, Float64Array>;
  /** The units or unit-years left out by `screen` (empty without it). */
  screened: ScreenedRow[];
  options: Required<Omit<ComputeOptions, OptionalSetting>> & Pick<ComputeOptions, Exclude<OptionalSetting, "weights" | "baseYear" | "weighting" | "indexName">>;
  /** How the weights were derived (method, and for objective methods the units and years used). */
  weighting: WeightingSummary;
  warnings: Issue[];
}

/** Options without a default value: absent from `result.options` unless given. */
type OptionalSetting = "weights" | "weighting" | "baseYear" | "cap" | "dampen" | "referenceUnit" | "aggregateByLevel" | "indexName" | "range" | "zScale" | "power" | "performanceGroups" | "screen" | "minGroupCoverage";

/** Position of a cell in `result.values`. */
export function resultIndex(result: Pick<IndexResult, "units" | "years">, node: number, unit: number, year: number): number {
  return (node * result.units.length + unit) * result.years.length + year;
}

/**
 * Computes the index. Throws `ValidationError` listing every problem at once: a base year absent from the data,
 * missing values under the `error` policy, fixed-base indices that are undefined (base 0 or missing), weights that
 * cannot be normalised (or, under `strict`, that did not sum to 1).
 */
export function computeIndex(tree: Tree, inputPanel: Panel, options: ComputeOptions & ComputeInternals = {}): IndexResult {
  // A method or policy not in its list, or a number out of its range, is refused before the data are looked at.
  const optionIssues = checkComputeOptions(options);
  if (optionIssues.length > 0) throw new ValidationError(optionIssues);
  let panel = inputPanel;
  let screened: ScreenedRow[] = [];
  let screenedCells = new Set<number>();
  if (options.screen) {
    const screening = screenPanel(tree, panel, options.screen);
    if (screening.issues.length > 0) throw new ValidationError(screening.issues);
    ({ panel, screened, cells: screenedCells } = screening);
  }
  const normalizeMethod = options.normalize ?? "fixed-base";
  const aggregateMethod = options.aggregate ?? "arithmetic";
  const missing = options.missing ?? "error";
  const baseYear = options.baseYear ?? panel.years[0];
  const issues: Issue[] = [];

  const baseYearPosition = panel.years.indexOf(baseYear);
  if (baseYearPosition < 0)
    issues.push({ code: "E_BASE_YEAR_ABSENT", message: messages.baseYearAbsent(baseYear, panel.years), column: "year" });

  // A panel made in code may hold an infinite value (a ratio divided by zero), which no reader lets in: under min-max
  // or z-scores it would make its indicator's every score missing, and the index the mean of the others, silently.
  const given = panel.values;
  for (let cell = 0; cell < given.length; cell++)
    if (given[cell] === Infinity || given[cell] === -Infinity) {
      const [units, years] = [panel.units.length, panel.years.length];
      const indicator = panel.indicators[Math.floor(cell / (units * years))];
      const message = messages.valueNotFinite(indicator, panel.units[Math.floor(cell / years) % units], panel.years[cell % years], given[cell]);
      issues.push({ code: "E_BAD_NUMBER", id: indicator, column: "value", message, ...placeOfCell(panel, cell) });
    }

  const resolved = options.weights ? { weights: options.weights, issues: [], warnings: [] } : resolveWeights(tree);
  append(issues, resolved.issues);
  // What reading the values found (a series mixing percentages with plain numbers) comes first, as the files come first;
  // then two units named alike that never share a cell (one unit under two names), of the panel as given (a misspelt
  // unit screened out still took its values from the other); then values some powers of ten from their series' previous
  // one (a share written as a fraction, an amount in another unit of measure), of the panel as given too.
  const inputWarnings = [...(inputPanel.warnings ?? []), ...(options.unitLookalikes ?? unitLookalikeWarnings(inputPanel)), ...valueJumpWarnings(inputPanel)];
  const warnings = [...inputWarnings, ...resolved.warnings];
  const normalization = planNormalization(tree, { method: normalizeMethod, cap: options.cap, dampen: options.dampen, range: options.range, zScale: options.zScale });
  append(warnings, unusedOptionWarnings(options, normalization.plans));
  if (options.strict) append(issues, strictErrors(warnings.filter(({ code }) => !ADVISORY_WARNINGS.has(code))));
  // A warning found later in the run: kept, and an error too under strict.
  const warnLater = (found: readonly Issue[]) => {
    append(warnings, found);
    if (options.strict) append(issues, strictErrors(found));
  };
  // The problems, with the warnings of the values (a unit's name mistyped on a few rows explains the errors about the
  // unit it made; a series mixing percentages with plain numbers, a value out of range): under strict, they are among
  // the problems already. The others (an option unused, weights divided by their sum) explain no problem.
  const refused = () => new ValidationError(issues, undefined, undefined, options.strict ? [] : inputWarnings);

  const directions = panel.indicators.map((code) => (tree.byCode.get(code) as { direction: Direction }).direction);
  const aggregation = planAggregation(tree, { method: aggregateMethod, byLevel: options.aggregateByLevel ?? {}, power: options.power });
  // An exponent no group's aggregation reads (the tree's aggregate column included): a warning, an error under strict.
  if (options.power !== undefined && ![...aggregation.methods.values()].includes("power"))
    warnLater([{ code: "W_OPTION_UNUSED", message: methodMessages.powerUnused() }]);
  append(append(issues, normalization.issues), aggregation.issues);
  const referenceUnit = options.referenceUnit === undefined ? -1 : panel.units.indexOf(options.referenceUnit);
  if (options.referenceUnit !== undefined && referenceUnit < 0)
    issues.push({ code: "E_UNKNOWN_REFERENCE_UNIT", message: messages.unknownReferenceUnit(options.referenceUnit, panel.units), column: "unit" });
  // The data stage (imputation, outliers, zero bases) may change an indicator's plan and base year.
  const prepared = prepareData(tree, panel, { ...options, plans: normalization.plans, baseYear: baseYearPosition, screened: screenedCells });
  const plans = prepared.plans;
  append(issues, prepared.issues);
  append(warnings, prepared.warnings);
  // A data-stage setting no indicator reads (the tree's policy columns included).
  warnLater(unusedDataStageWarnings(tree, panel, options, prepared, normalization.plans));
  // A base value the missing-value policy filled: every fixed-base index of its series rests on a value made up.
  const indicatorPosition = new Map(panel.indicators.map((code, i) => [code, i] as const));
  const baseFilled = prepared.imputations.filter((imputation) => {
    const i = indicatorPosition.get(imputation.indicator)!;
    return imputation.method !== "reweight" && prepared.plans[i].method === "fixed-base" && imputation.year === panel.years[prepared.baseYears[i]];
  });
  if (baseFilled.length > 0) warnLater([{ code: "W_BASE_IMPUTED", message: messages.baseImputed(baseFilled) }]);
  const checked = checkNormalization(prepared.panel, plans, directions, prepared.baseYears, referenceUnit, prepared.treatments, panel, {
    policies: prepared.missingPolicies,
    emptyReported: prepared.emptyReported,
  });
  append(issues, checked.issues);
  append(issues, checkNewNormalizations(prepared.panel, plans, directions));
  const groupDirections = planGroupReflections(tree, plans, aggregation.methods);
  append(issues, groupDirections.issues);
  // A missing base or reference value is already reported by the normalisation check, so it is skipped here. (A
  // screened unit-year's values were removed on purpose: the data stage leaves them out, as no gaps.)
  const fillingOf = fillingPolicyFinder(panel);
  append(issues, prepared.gaps.filter((gap) => !checked.reportedMissing.has(gap.cell)).map((gap) => withBaseInHint(panel, gap, checked.missingBases, prepared.baseYears, fillingOf)));
  if (issues.length > 0) throw refused();

  const unitCount = panel.units.length;
  const yearCount = panel.years.length;
  const blockSize = unitCount * yearCount;
  const nodes: ResultNode[] = [
    {
      code: INDEX_CODE,
      name: options.indexName ?? tree.indexName ?? defaultIndexName(tree),
      nameEn: options.indexName ?? tree.indexNameEn ?? "Overall index",
      level: 0,
      kind: "index",
      parent: null,
      weight: 1,
    },
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
  const notFinite = (code: string, block: Float64Array) => {
    for (let cell = 0; cell < block.length; cell++)
      if (block[cell] === Infinity || block[cell] === -Infinity)
        issues.push({ code: "E_SCORE_NOT_FINITE", id: code, message: messages.scoreNotFinite(code, panel.units[Math.floor(cell / yearCount)], panel.years[cell % yearCount]) });
  };
  for (const node of nodes) {
    node.method = node.kind === "indicator" ? plans[indicatorPosition.get(node.code)!].method : aggregation.methods.get(node.code);
    // An indicator's own missing-value policy is recorded with it, so that the outputs say what was done to its gaps.
    if (node.kind === "indicator" && hasOwnSetting(tree, node.code, "missing")) node.missing = prepared.missingPolicies[indicatorPosition.get(node.code)!];
  }
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
    notFinite(code, block(code));
  });
  // A score too large for a number (a value of 1e300 against a base of 1e-10) would be written as missing.
  if (issues.length > 0) throw refused();
  const belowCoverage: Imputation[] = [];
  const bodWeights = new Map<string, Float64Array>();
  for (const code of [...groupsBottomUp(tree).map((group) => group.code), INDEX_CODE]) {
    const children = childrenOf(tree, code);
    const childWeights = children.map((child) => resolved.weights.get(child)!);
    const method = aggregation.methods.get(code)!;
    append(issues, checkAggregation(method, code, children, children.map(block), childWeights, panel.units, panel.years, options.power));
    // Benefit of the doubt's own weights are kept (for contributions and the dashboard), for its groups only.
    const chosenWeights = method === "bod" ? new Float64Array(children.length * blockSize) : undefined;
    if (chosenWeights) bodWeights.set(code, chosenWeights);
    aggregate(method, children.map(block), childWeights, block(code), { unitCount, yearCount, power: options.power, chosenWeights });
    // Before the reflection, which would read a value the threshold removes. A screened unit-year is no gap.
    if (options.minGroupCoverage !== undefined)
      applyMinCoverage(children.map(block), options.minGroupCoverage, block(code), (cell) => {
        if (screenedCells.has(cell)) return;
        const unit = panel.units[Math.floor(cell / yearCount)];
        belowCoverage.push({ unit, year: panel.years[cell % yearCount], indicator: code, method: "below-coverage", value: Number.NaN });
      });
    const reflection = groupDirections.reflections.get(code);
    if (reflection) {
      if (reflection.kind === "ratio")
        block(code).forEach((value, cell) => {
          if (value <= 0)
            issues.push({ code: "E_GROUP_DIRECTION", id: code, message: methodMessages.groupDirectionNotPositive(code, panel.units[Math.floor(cell / yearCount)], panel.years[cell % yearCount], value) });
        });
      reflectGroup(block(code), reflection);
    }
    notFinite(code, block(code));
  }
  // Aggregation problems (a score <= 0 under a geometric mean) are found group by group and reported all together.
  if (issues.length > 0) throw refused();
  // A screened unit-year has no result (its values were removed before the data stage, which leaves them missing).
  if (screenedCells.size > 0) for (let node = 0; node < nodes.length; node++) for (const cell of screenedCells) values[node * blockSize + cell] = Number.NaN;
  // No weights where a BoD group has no score (screened out, or below --min-group-coverage): none was used.
  for (const [code, chosen] of bodWeights) {
    const scores = block(code);
    for (let cell = 0; cell < blockSize; cell++) if (Number.isNaN(scores[cell])) for (let at = cell; at < chosen.length; at += blockSize) chosen[at] = Number.NaN;
  }

  return {
    units: panel.units,
    years: panel.years,
    baseYear,
    nodes,
    values,
    panel,
    preparedPanel: prepared.panel,
    groupReflections: groupDirections.reflections,
    ...(bodWeights.size > 0 ? { bodWeights } : {}),
    imputations: belowCoverage.length > 0 ? [...prepared.imputations, ...belowCoverage] : prepared.imputations,
    treatments: prepared.treatments,
    screened,
    options: {
      normalize: normalizeMethod,
      aggregate: aggregateMethod,
      missing,
      unfilled: options.unfilled ?? DEFAULT_UNFILLED,
      zeroBase: options.zeroBase ?? "error",
      outliers: options.outliers ?? "none",
      winsorMax: options.winsorMax ?? DEFAULT_WINSOR_MAX,
      outlierScope: options.outlierScope ?? DEFAULT_OUTLIER_SCOPE,
      strict: options.strict ?? false,
      ...(options.aggregateByLevel && Object.keys(options.aggregateByLevel).length > 0 ? { aggregateByLevel: options.aggregateByLevel } : {}),
      ...(options.cap !== undefined ? { cap: options.cap } : {}),
      ...(options.dampen !== undefined ? { dampen: options.dampen } : {}),
      ...(options.referenceUnit !== undefined ? { referenceUnit: options.referenceUnit } : {}),
      ...(options.range !== undefined ? { range: options.range } : {}),
      ...(options.zScale !== undefined ? { zScale: options.zScale } : {}),
      ...(options.power !== undefined ? { power: options.power } : {}),
      ...(options.performanceGroups !== undefined ? { performanceGroups: options.performanceGroups } : {}),
      ...(options.screen !== undefined ? { screen: options.screen } : {}),
      ...(options.minGroupCoverage !== undefined ? { minGroupCoverage: options.minGroupCoverage } : {}),
    },
    weighting: options.weighting ?? { method: "explicit" },
    warnings,
  };
}

/**
 * The issue of a gap left unfilled, its hint narrowed for a gap of a series whose base value is missing too
 * (`missingBases`, cells of the panel; `baseYears` per indicator): a policy that fills the gap but not the base (or
 * reweight, which fills neither) would still leave the series without its index, so only those that fill both are
 * named.
 */
function withBaseInHint(
  panel: Panel,
  gap: { cell: number; issue: Issue },
  missingBases: ReadonlySet<number>,
  baseYears: readonly number[],
  fillingOf = fillingPolicyFinder(panel),
): Issue {
  if (gap.issue.code !== "E_MISSING_VALUE" || missingBases.size === 0) return gap.issue;
  const yearCount = panel.years.length;
  const unitCount = panel.units.length;
  const indicator = Math.floor(gap.cell / (unitCount * yearCount));
  if (baseYears[indicator] < 0) return gap.issue;
  const baseCell = gap.cell - (gap.cell % yearCount) + baseYears[indicator];
  if (!missingBases.has(baseCell)) return gap.issue;
  const fillBase = fillingOf(baseCell, true);
  const policies = fillingOf(gap.cell).filter((policy) => fillBase.includes(policy));
  const unit = panel.units[Math.floor(gap.cell / yearCount) % unitCount];
  return { ...gap.issue, message: messages.missingValue(panel.indicators[indicator], unit, panel.years[gap.cell % yearCount], policies) };
}

/** The missing-value policies that fill gaps, and so may leave some unfilled (`--unfilled`). */
const FILLING_POLICIES: readonly MissingPolicy[] = ["carry-forward", "interpolate", "carry-back", "mean", "median"];

/**
 * Warnings for the data-stage settings no indicator reads, each policy as the indicator has it (the tree's columns
 * included): `--winsor-max` without `winsorise` or `winsorise-log`, `--outlier-scope` without any treatment,
 * `--unfilled` without a policy that fills gaps, `--zero-base` where no indicator is normalised by fixed-base without
 * its own `zero_base` column (`plans`: the normalisation before the zero-base policy).
 */
function unusedDataStageWarnings(
  tree: Tree,
  panel: Panel,
  options: ComputeOptions,
  prepared: Pick<PreparedData, "outlierMethods" | "missingPolicies">,
  plans: readonly { method: NormalizeMethod }[],
): Issue[] {
  const warnings: Issue[] = [];
  const methods = prepared.outlierMethods;
  if (options.winsorMax !== undefined && !methods.some((method) => method === "winsorise" || method === "winsorise-log"))
    warnings.push({ code: "W_OPTION_UNUSED", message: messages.outlierOptionUnused("--winsor-max", ["winsorise", "winsorise-log"]) });
  if (options.outlierScope !== undefined && methods.every((method) => method === "none"))
    warnings.push({ code: "W_OPTION_UNUSED", message: messages.outlierOptionUnused("--outlier-scope", OUTLIER_METHODS.filter((method) => method !== "none")) });
  if (options.unfilled !== undefined && !prepared.missingPolicies.some((policy) => FILLING_POLICIES.includes(policy)))
    warnings.push({ code: "W_OPTION_UNUSED", message: messages.unfilledUnused(FILLING_POLICIES) });
  if (options.zeroBase !== undefined && !panel.indicators.some((code, i) => plans[i].method === "fixed-base" && !hasOwnSetting(tree, code, "zero_base")))
    warnings.push({ code: "W_OPTION_UNUSED", message: messages.zeroBaseUnused() });
  return warnings;
}

/** Warnings for method options no indicator uses (`--cap` without any ratio method, ...). */
function unusedOptionWarnings(options: ComputeOptions, plans: readonly { method: NormalizeMethod }[]): Issue[] {
  const warnings: Issue[] = [];
  const ratio = plans.some((plan) => RATIO_METHODS.includes(plan.method));
  if (options.cap !== undefined && !ratio) warnings.push({ code: "W_OPTION_UNUSED", message: messages.optionUnused("--cap", RATIO_METHODS) });
  if (options.dampen !== undefined && !ratio) warnings.push({ code: "W_OPTION_UNUSED", message: messages.optionUnused("--dampen", RATIO_METHODS) });
  if (options.referenceUnit !== undefined && options.performanceGroups === undefined && !plans.some((plan) => plan.method === "distance-to-reference"))
    warnings.push({ code: "W_OPTION_UNUSED", message: messages.optionUnused("--reference-unit", ["distance-to-reference"]) });
  if (options.range !== undefined && !plans.some((plan) => RANGE_METHODS.includes(plan.method)))
    warnings.push({ code: "W_OPTION_UNUSED", message: messages.optionUnused("--range", RANGE_METHODS) });
  if (options.zScale !== undefined && !plans.some((plan) => Z_SCALE_METHODS.includes(plan.method)))
    warnings.push({ code: "W_OPTION_UNUSED", message: messages.optionUnused("--z-scale", Z_SCALE_METHODS) });
  return warnings;
}

/**
 * The overall index's name when neither the tree (a root row) nor the options name it: in the language of the tree's
 * names, 总指数 when any node's name is Chinese, else `Index`.
 */
export function defaultIndexName(tree: Pick<Tree, "nodes">): string {
  return tree.nodes.some((node) => /[\u3400-\u9fff]/.test(node.name)) ? "总指数" : "Index";
}

/**
 * The problems of `computeIndex`'s option values (methods and policies from their lists, numbers in their ranges, pairs
 * in their order), as the command line's flags check them. An empty list when every value given is allowed.
 * @example checkComputeOptions({ outliers: "winsorize" as never })[0].message // => 'option outliers is "winsorize"; expected one of: none, winsorise, log, sqrt, winsorise-log; did you mean "winsorise"?'
 */
export function checkComputeOptions(options: ComputeOptions): Issue[] {
  const checks = new OptionChecks()
    .number("baseYear", options.baseYear, checkMessages.expectedOption("baseYear"), Number.isInteger)
    .text("indexName", options.indexName)
    .choice("normalize", options.normalize, NORMALIZE_METHODS)
    .number("cap", options.cap, checkMessages.expectedOption("cap"))
    .choice("dampen", options.dampen, DAMPENINGS)
    .text("referenceUnit", options.referenceUnit)
    .choice("aggregate", options.aggregate, AGGREGATE_METHODS)
    .number("power", options.power, checkMessages.expectedOption("power"))
    .choice("missing", options.missing, MISSING_POLICIES)
    .choice("unfilled", options.unfilled, UNFILLED_POLICIES)
    .choice("zeroBase", options.zeroBase, ZERO_BASE_POLICIES)
    .choice("outliers", options.outliers, OUTLIER_METHODS)
    .number("winsorMax", options.winsorMax, checkMessages.expectedOption("winsorMax"), (count) => Number.isInteger(count) && count >= 1)
    .choice("outlierScope", options.outlierScope, OUTLIER_SCOPES)
    .number("minGroupCoverage", options.minGroupCoverage, checkMessages.expectedOption("share"), (share) => share > 0 && share <= 1)
    .boolean("strict", options.strict);
  // A cap below 100, in the words of --cap as planNormalization reports it (the facade names it cap), with the other
  // options' problems: the command line's rule (MIN_CAP) checked before anything is computed.
  if (typeof options.cap === "number" && Number.isFinite(options.cap) && options.cap < MIN_CAP) checks.fail("--cap", messages.capOptionTooLow(options.cap));
  const { range, zScale, screen, aggregateByLevel, performanceGroups } = options;
  checks.pair("range", range, ["low", "high"], checkMessages.expectedOption("range"), (low, high) => low < high);
  checks.pair("zScale", zScale, ["mean", "sd"], checkMessages.expectedOption("zScale"), (_mean, sd) => sd > 0);
  if (screen !== undefined && !isObject(screen)) checks.fail("screen", optionMessages.notExpected("screen", screen, checkMessages.expectedOption("screen")));
  else if (screen !== undefined) {
    const share = checkMessages.expectedOption("share");
    checks.keys("screen", screen, ["threshold", "by"]).required("screen.threshold", screen.threshold, share);
    checks.number("screen.threshold", screen.threshold, share, (value) => value > 0 && value <= 1).choice("screen.by", screen.by, SCREEN_SCOPES);
  }
  if (aggregateByLevel !== undefined && !isObject(aggregateByLevel))
    checks.fail("aggregateByLevel", optionMessages.notExpected("aggregateByLevel", aggregateByLevel, checkMessages.expectedOption("aggregateByLevel")));
  else if (aggregateByLevel !== undefined)
    for (const [level, method] of Object.entries(aggregateByLevel)) {
      checks.number(`aggregateByLevel key`, /^\d+$/.test(level) ? Number(level) : level, checkMessages.expectedOption("level"));
      checks.choice(`aggregateByLevel[${level}]`, method, AGGREGATE_METHODS);
    }
  if (performanceGroups !== undefined) {
    const problem = Array.isArray(performanceGroups) ? checkPerformanceThresholds(performanceGroups) : checkMessages.expectedOption("performanceGroups");
    if (problem) checks.fail("performanceGroups", optionMessages.notExpected("performanceGroups", performanceGroups, problem));
  }
  return checks.issues;
}
