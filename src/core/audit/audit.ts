/**
 * The statistical audit of a computed index, as the JRC audits composite indices (OECD/JRC Handbook 2008, steps 4
 * and 7; the JRC audits of the GII, EIS and SDG indices) and as COINr offers it: descriptive statistics of every
 * indicator, correlations within the tree, Cronbach's alpha and principal components of every group, and the
 * effective importance of every node beside its nominal weight. Each runs for every year of the panel and for the
 * pooled panel (`all`: every unit-year), on the same result `compute` writes: the normalised scores and node values
 * that are aggregated (`result.values`); the statistics of the indicators run on the raw values (`result.panel`).
 */
import { INDEX_CODE } from "../types.js";
import type { IndexResult, ResultNode } from "../compute.js";
import { KURTOSIS_THRESHOLD, SKEWNESS_THRESHOLD } from "../outliers.js";
import { indicatorBlock } from "../panel.js";
import { correlatePair, rankSeries, type PairCorrelation, type RankedSeries } from "./correlation.js";
import { cronbachAlpha } from "./cronbach.js";
import { correlationRatio, shareWithinSiblings } from "./importance.js";
import { auditMessages } from "./messages.js";
import { groupComponents } from "./pca.js";
import { checkAuditSize } from "./size.js";
import { countOutliers, describeValues, type Description } from "./statistics.js";

/** A year of the panel, or `all` for every unit-year pooled. */
export type AuditPeriod = number | "all";

/** The thresholds of the flags. */
export interface AuditThresholds {
  /** `low-coverage` below this share of the unit(-year)s observed. Default 0.65 (COINr's `t_avail`). */
  minCoverage: number;
  /** `skew-kurtosis` when |skewness| exceeds this... Default 2 (COINr's `t_skew`). */
  skewness: number;
  /** ...and kurtosis exceeds this. Default 3.5 (COINr's `t_kurt`). */
  kurtosis: number;
  /** `near-constant` when the most frequent value holds more than this share of 2 or more observations. Default 0.5. */
  sameShare: number;
  /** `collinear` when siblings correlate at |r| >= this. Default 0.9 (COINr's `get_corr_flags`). */
  collinear: number;
  /** `weak-parent` when a node correlates with its parent at r below this. Default 0.3. */
  weakParent: number;
}

export const DEFAULT_AUDIT_THRESHOLDS: Readonly<AuditThresholds> = { minCoverage: 0.65, skewness: 2, kurtosis: 3.5, sameShare: 0.5, collinear: 0.9, weakParent: 0.3 };

export interface AuditOptions extends Partial<AuditThresholds> {
  /** Points the outlier count may winsorise. Default: the result's `winsorMax` (5). */
  winsorMax?: number;
}

/** The flags an indicator's statistics can raise. */
export const STATISTICS_FLAGS = ["low-coverage", "skew-kurtosis", "near-constant", "negative-within-group", "collinear"] as const;
export type StatisticsFlag = (typeof STATISTICS_FLAGS)[number];
/** The flags a correlation can raise: `negative` and `collinear` between siblings, `weak-parent` with the parent. */
export const CORRELATION_FLAGS = ["negative", "collinear", "weak-parent"] as const;
export type CorrelationFlag = (typeof CORRELATION_FLAGS)[number];

/** An indicator's raw values in one period. */
export interface StatisticsRow extends Description {
  period: AuditPeriod;
  indicator: string;
  /** Observed share of the period's cells (units, or unit-years for `all`). */
  coverage: number;
  /** Points the outlier treatment's rule would winsorise (see `countOutliers`). */
  outliers: number;
  flags: StatisticsFlag[];
  notes: string[];
}

/** How the two nodes of a correlation relate: siblings, a node and its parent, a node and the overall index. */
export type CorrelationRelation = "sibling" | "parent" | "index";

export interface CorrelationRow extends PairCorrelation {
  period: AuditPeriod;
  relation: CorrelationRelation;
  /** The group whose children are correlated (siblings), or the parent of `a`. */
  group: string;
  /** Level of `a`. */
  level: number;
  a: string;
  b: string;
  flags: CorrelationFlag[];
}

export interface CronbachRow {
  period: AuditPeriod;
  group: string;
  level: number;
  children: number;
  n: number;
  alpha: number;
  note?: string;
}

/** One row per component k of a group: the k-th eigenvalue, and the k-th child's loading on the first component. */
export interface PcaRow {
  period: AuditPeriod;
  group: string;
  n: number;
  component: number;
  eigenvalue: number;
  share: number;
  cumulativeShare: number;
  child: string;
  loading: number;
  vector: number;
  note?: string;
}

export interface ImportanceRow {
  period: AuditPeriod;
  code: string;
  parent: string;
  level: number;
  /** Nominal weight within siblings. */
  weight: number;
  /** Product of the weights from the node up to the index. */
  globalWeight: number;
  /** Pairwise-complete observations with the parent. */
  n: number;
  r2Parent: number;
  r2ParentShare: number;
  r2Index: number;
  r2IndexShare: number;
  ratioParent: number;
  ratioParentShare: number;
  ratioIndex: number;
  ratioIndexShare: number;
  notes: string[];
}

export interface Audit {
  units: readonly string[];
  years: readonly number[];
  /** Every year, then `all`. */
  periods: AuditPeriod[];
  thresholds: AuditThresholds;
  statistics: StatisticsRow[];
  correlations: CorrelationRow[];
  cronbach: CronbachRow[];
  pca: PcaRow[];
  importance: ImportanceRow[];
}

/**
 * Audits a computed index (see the module comment). Pure: reads `result`, returns tables; a statistic that cannot be
 * computed (too few observations, no spread) is `NaN` with a note.
 * @throws `UsageError` `E_AUDIT_TOO_LARGE` before anything runs when the audit is estimated over its bounds (size.ts).
 * @example auditIndex(computeIndex(tree, panel)).cronbach.filter((row) => row.period === "all")
 */
export function auditIndex(result: IndexResult, options: AuditOptions = {}): Audit {
  const thresholds: AuditThresholds = { ...DEFAULT_AUDIT_THRESHOLDS };
  for (const key of Object.keys(thresholds) as (keyof AuditThresholds)[]) if (options[key] !== undefined) thresholds[key] = options[key]!;
  const winsorMax = options.winsorMax ?? result.options.winsorMax;
  const { units, years, nodes } = result;
  // An audit that would not fit (a group of 10,000 children: 50 million pairs a period) is refused before it runs.
  checkAuditSize(nodes, years.length);
  const unitCount = units.length;
  const yearCount = years.length;
  const position = new Map(nodes.map((node, n) => [node.code, n] as const));
  const childrenOf = new Map<string, number[]>();
  nodes.forEach((node, n) => {
    if (node.parent === null) return;
    const children = childrenOf.get(node.parent);
    if (children) children.push(n);
    else childrenOf.set(node.parent, [n]);
  });
  const groups = nodes.map((node, n) => ({ node, n })).filter(({ node }) => node.kind !== "indicator" && childrenOf.has(node.code));
  const global = globalWeightsOf(nodes);
  const periods: AuditPeriod[] = [...years, "all"];
  const audit: Audit = { units, years, periods, thresholds, statistics: [], correlations: [], cronbach: [], pca: [], importance: [] };

  // A year's series of every node, and of the indicator being described, in buffers every year reuses (nothing of a
  // year's series outlives the year: its rows hold numbers only).
  const yearSeries = new Float64Array(nodes.length * unitCount);
  const yearRaw = new Float64Array(unitCount);
  for (const [t, period] of periods.entries()) {
    const all = period === "all";
    const cells = all ? unitCount * yearCount : unitCount;
    const seriesOf = (block: Float64Array, into: Float64Array): Float64Array => {
      if (all) return block;
      for (let u = 0; u < unitCount; u++) into[u] = block[u * yearCount + t];
      return into;
    };
    const series = nodes.map((_, n) =>
      seriesOf(result.values.subarray(n * unitCount * yearCount, (n + 1) * unitCount * yearCount), yearSeries.subarray(n * unitCount, (n + 1) * unitCount)),
    );
    const ranked: (RankedSeries | undefined)[] = [];
    const rankedOf = (n: number) => (ranked[n] ??= rankSeries(series[n]));
    const correlateNodes = (a: number, b: number) => correlatePair(rankedOf(a), rankedOf(b), [nodes[a].code, nodes[b].code]);
    const periodStart = audit.correlations.length;
    const withParent = new Map<number, PairCorrelation>();
    const withIndex = new Map<number, PairCorrelation>();

    for (const { node: group, n: g } of groups) {
      const children = childrenOf.get(group.code)!;
      for (let i = 0; i < children.length; i++)
        for (let j = i + 1; j < children.length; j++) {
          const pair = correlateNodes(children[i], children[j]);
          const flags: CorrelationFlag[] = [];
          if (pair.pearson < 0) flags.push("negative");
          if (Math.abs(pair.pearson) >= thresholds.collinear) flags.push("collinear");
          audit.correlations.push(row(period, "sibling", group.code, nodes[children[i]], nodes[children[j]].code, pair, flags));
        }
      for (const child of children) {
        const pair = correlateNodes(child, g);
        withParent.set(child, pair);
        if (g === 0) withIndex.set(child, pair);
        audit.correlations.push(row(period, "parent", group.code, nodes[child], group.code, pair, pair.pearson < thresholds.weakParent ? ["weak-parent"] : []));
      }
      if (g !== 0)
        for (const child of children) {
          const pair = correlateNodes(child, 0);
          withIndex.set(child, pair);
          audit.correlations.push(row(period, "index", group.code, nodes[child], INDEX_CODE, pair, []));
        }
      const columns = children.map((child) => series[child]);
      const codes = children.map((child) => nodes[child].code);
      const alpha = cronbachAlpha(columns, group.code);
      audit.cronbach.push({ period, group: group.code, level: group.level, children: children.length, ...alpha });
      const components = groupComponents(columns, codes, group.code);
      let cumulative = 0;
      children.forEach((child, k) => {
        const share = components.shares[k] ?? Number.NaN;
        cumulative += share;
        audit.pca.push({
          period,
          group: group.code,
          n: components.n,
          component: k + 1,
          eigenvalue: components.eigenvalues[k] ?? Number.NaN,
          share,
          cumulativeShare: cumulative,
          child: nodes[child].code,
          loading: components.loadings[k] ?? Number.NaN,
          vector: components.vector[k] ?? Number.NaN,
          ...(components.note !== undefined ? { note: components.note } : {}),
        });
      });
      // Effective importance of the children, normalised within them.
      const measures = children.map((child) => {
        const parent = withParent.get(child)!;
        const index = withIndex.get(child)!;
        const ratioParent = correlationRatio(rankedOf(child), series[g], [nodes[child].code, group.code]);
        const ratioIndex = g === 0 ? ratioParent : correlationRatio(rankedOf(child), series[0], [nodes[child].code, INDEX_CODE]);
        return { parent, index, ratioParent, ratioIndex };
      });
      const r2Parent = measures.map(({ parent }) => parent.pearson ** 2);
      const r2Index = measures.map(({ index }) => index.pearson ** 2);
      const ratioParent = measures.map(({ ratioParent }) => ratioParent.ratio);
      const ratioIndex = measures.map(({ ratioIndex }) => ratioIndex.ratio);
      const shares = [r2Parent, r2Index, ratioParent, ratioIndex].map(shareWithinSiblings);
      children.forEach((child, k) => {
        const node = nodes[child];
        const notes = [measures[k].parent.note, measures[k].ratioParent.note];
        if (g !== 0) notes.push(measures[k].index.note, measures[k].ratioIndex.note);
        const shareNotes: [number[], number[], string][] = [
          [r2Parent, shares[0], "r2 with the parent"],
          [ratioParent, shares[2], "correlation ratio with the parent"],
        ];
        for (const [values, share, name] of shareNotes) if (Number.isFinite(values[k]) && !Number.isFinite(share[k])) notes.push(auditMessages.siblingMissing(name));
        audit.importance.push({
          period,
          code: node.code,
          parent: group.code,
          level: node.level,
          weight: node.weight,
          globalWeight: global[child],
          n: measures[k].parent.n,
          r2Parent: r2Parent[k],
          r2ParentShare: shares[0][k],
          r2Index: r2Index[k],
          r2IndexShare: shares[1][k],
          ratioParent: ratioParent[k],
          ratioParentShare: shares[2][k],
          ratioIndex: ratioIndex[k],
          ratioIndexShare: shares[3][k],
          notes: unique(notes),
        });
      });
    }

    // The indicators' raw values, with the flags of their correlations in the same period.
    const correlationFlags = new Map<string, Set<StatisticsFlag>>();
    for (let r = periodStart; r < audit.correlations.length; r++) {
      const correlation = audit.correlations[r];
      if (correlation.relation !== "sibling") continue;
      for (const code of [correlation.a, correlation.b]) {
        const flags = correlationFlags.get(code) ?? new Set();
        if (correlation.flags.includes("negative")) flags.add("negative-within-group");
        if (correlation.flags.includes("collinear")) flags.add("collinear");
        correlationFlags.set(code, flags);
      }
    }
    result.panel.indicators.forEach((indicator, i) => {
      if (!position.has(indicator)) return;
      const values = seriesOf(indicatorBlock(result.panel, i), yearRaw);
      const description = describeValues(values);
      // The treatment's own rule decides first: most indicators pass it and need no winsorising pass.
      const fails = Math.abs(description.skewness) > SKEWNESS_THRESHOLD && description.kurtosis > KURTOSIS_THRESHOLD;
      const outliers = fails ? countOutliers(values, winsorMax) : { points: 0, passes: true };
      const coverage = description.n / cells;
      const flags: StatisticsFlag[] = [];
      if (coverage < thresholds.minCoverage) flags.push("low-coverage");
      if (Math.abs(description.skewness) > thresholds.skewness && description.kurtosis > thresholds.kurtosis) flags.push("skew-kurtosis");
      if (description.n >= 2 && description.sameShare > thresholds.sameShare) flags.push("near-constant");
      for (const flag of ["negative-within-group", "collinear"] as const) if (correlationFlags.get(indicator)?.has(flag)) flags.push(flag);
      const notes: string[] = [];
      if (description.n < 2) notes.push(auditMessages.tooFew("standard deviation", description.n, 2));
      else if (!(description.sd > 0)) notes.push(auditMessages.constant(indicator, description.n));
      else if (description.n < 4) notes.push(auditMessages.tooFew(description.n < 3 ? "skewness and kurtosis" : "kurtosis", description.n, description.n < 3 ? 3 : 4));
      if (!outliers.passes) notes.push(auditMessages.outliersRemain(outliers.points));
      audit.statistics.push({ period, indicator, ...description, coverage, outliers: outliers.points, flags, notes });
    });
  }
  // Statistics in tree order (the panel's indicator order may differ).
  const order = new Map(nodes.map((node, n) => [node.code, n] as const));
  audit.statistics.sort((a, b) => periods.indexOf(a.period) - periods.indexOf(b.period) || order.get(a.indicator)! - order.get(b.indicator)!);
  return audit;
}

function row(period: AuditPeriod, relation: CorrelationRelation, group: string, a: ResultNode, b: string, pair: PairCorrelation, flags: CorrelationFlag[]): CorrelationRow {
  return { period, relation, group, level: a.level, a: a.code, b, ...pair, flags };
}

/** Each node's weight times its ancestors' (the index's is 1). */
function globalWeightsOf(nodes: readonly ResultNode[]): number[] {
  const byCode = new Map<string, number>();
  return nodes.map((node) => {
    const value = node.parent === null ? 1 : byCode.get(node.parent)! * node.weight;
    byCode.set(node.code, value);
    return value;
  });
}

const unique = (notes: (string | undefined)[]) => [...new Set(notes.filter((note): note is string => note !== undefined))];
