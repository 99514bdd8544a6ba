/**
 * The data of the interactive dashboard: everything the page shows and everything its what-if recomputation needs,
 * as one JSON-able object. Numbers are kept at full precision (JSON writes the shortest text that reads back to the
 * same double), so the page's published figures are the CLI's to the last bit; a missing value (`NaN`) is `null`.
 *
 * The what-if part holds the inputs of `computeIndex` (the tree, the panel of raw values, the options of the run) so
 * that the page recomputes the index with the core's own code (bundled into the page), changing only the weights.
 */
import type { IndexResult, ResultNode } from "../../../core/compute.js";
import { baseYearIsHundred, ratioScale, shiftedBaseIndicators } from "../../../core/index-scale.js";
import type { Tree, TreeNode } from "../../../core/types.js";
import type { ValueRecord } from "../../../core/panel.js";
import type { Language } from "../../write/tables.js";
import { methodNames } from "../labels.js";
import type { DashboardUncertainty } from "./uncertainty.js";
import { pageWarnings } from "../page-warnings.js";
import { provenanceNotice, type Provenance } from "../provenance.js";

/** Optional results shown beside the index (from other commands). */
export interface DashboardExtras {
  /** Title of the page: `--title`, else the project's `name`. Default: the report's word for it. */
  title?: string;
  /** A line under the title: the project's `description`. */
  description?: string;
  /** The values as read, with their `source` column (published, illustrative, ...). */
  records?: readonly Pick<ValueRecord, "unit" | "year" | "indicator" | "source">[];
  /** Results of the `audit` command, shown in `#audit` (see `DashboardAudit`). */
  audit?: DashboardAudit;
  /** Results of the `uncertainty` command (its uncertainty.csv), shown beside the what-if. */
  uncertainty?: DashboardUncertainty;
  /** How many of the run's values are illustrative, and whether it is the shipped example (`valueProvenance`). */
  provenance?: Provenance;
}

/**
 * What `#audit` shows: per group the correlations of its children, the effective against the nominal weights, and
 * unit profiles. Filled from the audit's result when the audit command is available (see `docs/guides/dashboard.md`).
 */
export interface DashboardAudit {
  /** One heat map per group: its children's codes and their correlation matrix (row-major, `null` where undefined). */
  correlations: { group: string; codes: string[]; matrix: (number | null)[] }[];
  /** Per node: its nominal weight within its siblings and its effective weight (share of the parent's variance explained). */
  weights: { code: string; nominal: number | null; effective: number | null }[];
  /**
   * The flagged pairs over the pooled unit-years (children that correlate negatively or collinearly, a child weakly
   * correlated with its parent): the two codes, the flags (`negative`, `collinear`, `weak-parent`) and Pearson's r,
   * put in words in the page's language.
   */
  notes: { a: string; b: string; flags: string[]; r: number | null }[];
}

/** A tree node as JSON (`weight` `null` where the tree's cell was empty). */
export type DashboardTreeNode = Omit<TreeNode, "weight"> & { weight: number | null };

export interface DashboardData {
  /** The language the page opens in (the other can be switched to). */
  language: Language;
  title?: string;
  description?: string;
  /**
   * The notice under the title when some values are illustrative (`provenanceNotice`), in both languages (the page
   * switches); none when every value is published or has no source.
   */
  notice?: { zh: string; en: string };
  /** Decimals of the figures shown. */
  decimals: number;
  units: readonly string[];
  years: readonly number[];
  baseYear: number;
  /** Whether every indicator is 100 in the base year for every unit, so "base year = 100" describes the index. */
  ownBase: boolean;
  /** The indicators moved to a later base year (`shiftedBaseIndicators`), named after the base year in the meta line. */
  shiftedBase: string[];
  /**
   * Whether the values are on a ratio scale (`ratioScale`): the page gives a change in percent only then, and in points
   * elsewhere (a min-max, z-score or Copeland score has no natural zero), as the terminal table and growth.csv do.
   */
  ratioScale: boolean;
  /** The method in words: normalisation, aggregation, weighting, missing values (the methods' own names). */
  method: { normalize: string; aggregate: string; weighting: string; missing: string };
  /** The same in Chinese, as the static page names the methods (`methodName`), for the page in Chinese. */
  methodZh: { normalize: string; aggregate: string; weighting: string; missing: string };
  /** The overall index, then every node of the tree (as `result.nodes`), with the measure and direction of indicators. */
  nodes: (ResultNode & { measure?: string; direction?: string })[];
  /** `result.values`: `[(node * unitCount + unit) * yearCount + year]`. */
  values: (number | null)[];
  /**
   * `result.bodWeights`: per group aggregated by benefit of the doubt, the weights each unit chose each year,
   * `[(child * unitCount + unit) * yearCount + year]`, the children in tree order, on the score's scale (not shares; see
   * `IndexResult.bodWeights`). Absent when no group is aggregated by `bod`.
   */
  bodWeights?: Record<string, (number | null)[]>;
  /** The raw values `result.panel.values`: `[(indicator * unitCount + unit) * yearCount + year]`, indicators as `tree.indicators`. */
  raw: (number | null)[];
  /** The `source` column of each raw value, as a position in `sourceLabels` (-1: none), laid out as `raw`. */
  sources: number[];
  sourceLabels: string[];
  /** Every imputed or reweighted cell: `[indicator, unit, year, method, value]` (value `null` for a reweighted one). */
  imputations: [string, string, number, string, number | null][];
  /** The run's warnings, as text with their file and line, in the page's language (`pageWarnings`, as the static page shows them). */
  warnings: string[];
  /** The inputs of `computeIndex` for the what-if recomputation. */
  compute: {
    nodes: DashboardTreeNode[];
    roots: string[];
    indicators: string[];
    /** The indicators of the panel, in the order of `raw`. */
    panelIndicators: readonly string[];
    /** `ComputeOptions` of the run (`weights`, when derived by a weighting method, as `[code, weight]` pairs). */
    options: Record<string, unknown> & { weights?: [string, number][] };
  };
  audit?: DashboardAudit;
  uncertainty?: DashboardUncertainty;
}

const numbers = (values: ArrayLike<number>) => Array.from(values, (value) => (Number.isFinite(value) ? value : null));

/** Builds the dashboard's data from a result, the tree it was computed on and the extras. */
export function buildDashboardData(result: IndexResult, tree: Tree, language: Language, decimals: number, extras: DashboardExtras = {}): DashboardData {
  const { units, years, panel } = result;
  const unitPosition = new Map(units.map((unit, u) => [unit, u] as const));
  const yearPosition = new Map(years.map((year, y) => [year, y] as const));
  const indicatorPosition = new Map(panel.indicators.map((code, i) => [code, i] as const));
  const sourceLabels: string[] = [];
  const labelPosition = new Map<string, number>();
  const sources = new Array<number>(panel.values.length).fill(-1);
  for (const record of extras.records ?? []) {
    if (!record.source) continue;
    const i = indicatorPosition.get(record.indicator);
    const u = unitPosition.get(record.unit);
    const y = yearPosition.get(record.year);
    if (i === undefined || u === undefined || y === undefined) continue;
    let label = labelPosition.get(record.source);
    if (label === undefined) labelPosition.set(record.source, (label = sourceLabels.push(record.source) - 1));
    sources[(i * units.length + u) * years.length + y] = label;
  }
  const notice = { zh: provenanceNotice(extras.provenance, "zh"), en: provenanceNotice(extras.provenance, "en") };
  const derived = result.weighting && result.weighting.method !== "explicit";
  const { weights: _weights, weighting: _weighting, ...options } = result.options as typeof result.options & { weights?: unknown; weighting?: unknown };
  return {
    language,
    ...(extras.title ? { title: extras.title } : {}),
    ...(extras.description ? { description: extras.description } : {}),
    ...(notice.zh && notice.en ? { notice: { zh: notice.zh, en: notice.en } } : {}),
    decimals,
    units,
    years,
    baseYear: result.baseYear,
    ownBase: baseYearIsHundred(result),
    shiftedBase: shiftedBaseIndicators(result),
    ratioScale: ratioScale(result),
    method: methodNames(result, "en"),
    methodZh: methodNames(result, "zh"),
    nodes: result.nodes.map((node) => {
      const treeNode = tree.byCode.get(node.code);
      return {
        ...node,
        ...(treeNode?.measure ? { measure: treeNode.measure } : {}),
        ...(treeNode?.kind === "indicator" ? { direction: treeNode.direction } : {}),
      };
    }),
    values: numbers(result.values),
    ...(result.bodWeights ? { bodWeights: Object.fromEntries([...result.bodWeights].map(([code, weights]) => [code, numbers(weights)])) } : {}),
    raw: numbers(panel.values),
    // No source column: no per-cell list either (large panels stay small).
    sources: sourceLabels.length > 0 ? sources : [],
    sourceLabels,
    imputations: result.imputations.map((item) => [item.indicator, item.unit, item.year, item.method, Number.isFinite(item.value) ? item.value : null]),
    warnings: pageWarnings(result.warnings, language),
    compute: {
      nodes: tree.nodes.map((node) => ({ ...node, weight: Number.isFinite(node.weight) ? node.weight : null })),
      roots: tree.roots,
      indicators: tree.indicators,
      panelIndicators: panel.indicators,
      options: {
        ...options,
        strict: false,
        baseYear: result.baseYear,
        // Derived weights (AHP, entropy, ...) are not in the tree: the page starts from those the run used.
        ...(derived ? { weights: result.nodes.slice(1).map((node): [string, number] => [node.code, node.weight]) } : {}),
      },
    },
    ...(extras.audit ? { audit: extras.audit } : {}),
    ...(extras.uncertainty ? { uncertainty: extras.uncertainty } : {}),
  };
}

/**
 * The data as the text of a `<script type="application/json">`: `<` is written `\u003c` (so neither `</script>` nor
 * `<!--` can appear), and U+2028/U+2029 as escapes too; `JSON.parse` reads back the same object.
 */
export function formatDashboardJson(data: DashboardData): string {
  return JSON.stringify(data).replace(/[<\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
