/**
 * Contributions: how many points of the change of the overall index between two years each node accounts for.
 *
 * Arithmetic aggregation decomposes exactly. A group is `G = Σ w'[c]·s[c]`, where `w'` are the weights renormalised
 * over the children observed in that year (the plain weights when nothing is missing), so
 * `G[t1] − G[t0] = Σ (w'[c,t1]·s[c,t1] − w'[c,t0]·s[c,t0])`, which is `Σ w[c]·(s[c,t1] − s[c,t0])` with no gaps:
 * each term is the child's part of the change of its parent. Down an arithmetic tree the overall index is
 * `Σ W[n,t]·v[n,t]` over the nodes of any level, `W[n,t]` being the product of the (renormalised) weights on the path
 * from the root to `n` in year `t`; so a node contributes `W[n,t1]·v[n,t1] − W[n,t0]·v[n,t0]`, which is (product of the
 * weights down its path) × (change of its value) with no gaps. The contributions of the children of every group sum
 * exactly (up to floating-point rounding) to the group's contribution; those of the first-level dimensions sum to the
 * change of the overall index.
 *
 * The values are taken as Excel shows them (`asShown`, 15 significant digits), a change as the exact decimal
 * difference of two such figures (`differenceOfShown`), as growth.csv takes it, and a contribution (weight × change,
 * or a share of its parent's) to 15 digits: an index going from 100 to 108.74999999999999 (shown 108.75) changes by
 * 8.75, printed 8.8 at one decimal, and its one dimension contributes 8.75, not 8.749999999999986 (printed 8.7).
 *
 * Benefit of the doubt decomposes exactly too, with each unit's own weights: its score is `G[t] = Σ w[u,c,t]·s[c,t]`,
 * `w[u,c,t]` the weights the unit chose that year (`result.bodWeights`, on the score's scale, not summing to 1), so child
 * `c` takes `w[u,c,t1]·s[c,t1] − w[u,c,t0]·s[c,t0]`, and down the tree those weights multiply as the arithmetic ones
 * do (`additive`). Part of the change can come from the weights alone: a unit whose scores did not move can still gain
 * when the frontier unit of a year falls back. Without `bodWeights` (a result made in code), a BoD group is split by
 * log-change shares as below.
 *
 * Any other aggregation is split by log-change shares: child `c` takes the share
 * `(w'[c,t1]·ln s[c,t1] − w'[c,t0]·ln s[c,t0]) / (ln G[t1] − ln G[t0])` of its parent's contribution. This is exact
 * for the weighted geometric mean (the logarithmic-mean Divisia decomposition, Ang 2004) and an approximation for the
 * others. A group that did not move (to rounding) while its children did, one up, one down, takes the Divisia split's
 * limit: child `c` takes its log part `w'[c,t1]·ln s[c,t1] − w'[c,t0]·ln s[c,t0]` times the points of the overall
 * index per unit of `ln G` (the logarithmic mean of the index's two values at the root, times the mean weights down
 * geometric groups, times `G` below arithmetic ones), parts that sum to 0. Where a log is undefined (a score ≤ 0), or
 * the log change is 0 while the group moved, the linear shares `w·Δs / Σ w·Δs` are used.
 * Either way the children's contributions still sum to their parent's. Below such a group, an arithmetic group splits
 * its contribution in proportion to its children's parts `w'[c,t1]·s[c,t1] − w'[c,t0]·s[c,t0]`.
 *
 * A group marked `direction: -` is flipped after its aggregation (`100 − x` for a min-max group, `10000 / x` for a
 * fixed-base one): a child that raises the mean lowers the group. Its contribution is split among its children by their
 * shares of the change of the mean before the flip (log-change shares, or linear ones for an arithmetic group, as
 * above), so a child that rose takes part in the group's fall with the group's sign. Where a node's change is
 * undefined (its value missing in either year), so are its children's contributions.
 * Reference: OECD/JRC Handbook (2008), section 7 (back to the data: decomposition); Ang (2004), Energy Policy 32.
 */
import type { IndexResult } from "../compute.js";
import { asShown, differenceOfShown } from "../number.js";
import { INDEX_CODE } from "../types.js";

/** How deep `contributions.csv` goes: the first-level dimensions, or every group and indicator. */
export const CONTRIBUTION_DEPTHS = ["dimensions", "indicators"] as const;
export type ContributionDepth = (typeof CONTRIBUTION_DEPTHS)[number];

/** How a node's contribution was split off its parent's; `total` for the overall index and a node not decomposed. */
export const CONTRIBUTION_METHODS = ["total", "additive", "log-share", "linear-share"] as const;
export type ContributionMethod = (typeof CONTRIBUTION_METHODS)[number];
const [TOTAL, ADDITIVE, LOG_SHARE, LINEAR_SHARE] = [0, 1, 2, 3];

export interface Contributions {
  fromYear: number;
  toYear: number;
  /** Contribution of each node, in points of the overall index: `[node * unitCount + unit]`; for `INDEX`, its change. */
  contribution: Float64Array;
  /**
   * How each node's contribution was split off its parent's, `[node * unitCount + unit]`, as a position in
   * `CONTRIBUTION_METHODS` (read it with `contributionMethod`).
   */
  method: Uint8Array;
}

/** How `node`'s contribution for `unit` was split off its parent's. */
export function contributionMethod(contributions: Contributions, unitCount: number, node: number, unit: number): ContributionMethod {
  return CONTRIBUTION_METHODS[contributions.method[node * unitCount + unit]];
}

type Source = Pick<IndexResult, "units" | "years" | "nodes" | "values" | "options"> & Partial<Pick<IndexResult, "groupReflections" | "bodWeights">>;

/**
 * Decomposes the change of the overall index from `fromYear` to `toYear` into the contributions of every node, unit by
 * unit. `aggregationOf(code)` names the aggregation of a group (default: the node's `method` in the result, else the
 * run's `aggregate` option). Missing scores contribute 0 and
 * move the weights of their siblings as the aggregation did. With `depth` `dimensions` only the overall index and the
 * first-level dimensions are decomposed (the deeper nodes stay `NaN`): the same numbers for them, in a fraction of the
 * time on a large tree.
 * @throws RangeError when a year is not a year of the result
 * @example small fixture, unit U1, 2017 → 2019: X (0.6) contributes 0.6·75 = 45, Y (0.4) contributes 0.4·(−5) = −2, INDEX 43
 */
export function computeContributions(
  result: Source,
  fromYear: number,
  toYear: number,
  aggregationOf?: (code: string) => string,
  depth: ContributionDepth = "indicators",
): Contributions {
  const from = result.years.indexOf(fromYear);
  const to = result.years.indexOf(toYear);
  if (from < 0 || to < 0) throw new RangeError(`computeContributions requires years of the result, got ${fromYear} and ${toYear}`);
  const nodeCount = result.nodes.length;
  const unitCount = result.units.length;
  const yearCount = result.years.length;
  const position = new Map(result.nodes.map((node, n) => [node.code, n] as const));
  const children: number[][] = result.nodes.map(() => []);
  result.nodes.forEach((node, n) => {
    if (node.parent !== null) children[position.get(node.parent)!].push(n);
  });
  const contribution = new Float64Array(nodeCount * unitCount).fill(Number.NaN);
  const method = new Uint8Array(nodeCount * unitCount).fill(TOTAL);
  // pathFrom/pathTo[n]: the product of the renormalised weights from the root to n in each year, while every group on
  // the path is arithmetic (NaN below any other aggregation); written for every node before its children read it.
  const pathFrom = new Float64Array(nodeCount * unitCount);
  const pathTo = new Float64Array(nodeCount * unitCount);
  // scale[n]: points of the overall index per point of node n, for the additive split of n's children below a
  // non-arithmetic group.
  const scale = new Float64Array(nodeCount * unitCount);
  // logScale[n]: points of the overall index per unit of ln(node n), for the split of a group that did not move while
  // its children did (the Divisia split's limit): L(I[t1], I[t0]) at the root, times the mean weight down a
  // non-arithmetic group, and scale × L(v[t1], v[t0]) below any other.
  const logScale = new Float64Array(nodeCount * unitCount);
  const values = result.values;
  const root = position.get(INDEX_CODE)!;
  // What does not depend on the unit, once per group.
  const weightsOf = children.map((kids) => Float64Array.from(kids, (child) => result.nodes[child].weight));
  const aggregations = result.nodes.map((node) => (aggregationOf ? aggregationOf(node.code) : (node.method ?? String(result.options.aggregate))));
  // The weights benefit of the doubt chose, where the result has them: such a group is a sum of weights × scores.
  const chosen = result.nodes.map((node, n) => (aggregations[n] === "bod" ? result.bodWeights?.get(node.code) : undefined));
  const arithmetic = aggregations.map((aggregation, n) => aggregation === "arithmetic" || chosen[n] !== undefined);
  // The groups flipped after their aggregation (`direction: -`), whose children move them the other way.
  const reflected = result.nodes.map((node) => result.groupReflections?.has(node.code) === true);
  // Per-group scratch, reused for every group and unit.
  const widest = children.reduce((most, kids) => Math.max(most, kids.length), 0);
  const scoresFrom = new Float64Array(widest);
  const scoresTo = new Float64Array(widest);
  const weightsFrom = new Float64Array(widest);
  const weightsTo = new Float64Array(widest);
  const parts = new Float64Array(widest);

  for (let unit = 0; unit < unitCount; unit++) {
    // The values as Excel shows them (`asShown`) and their differences exact in decimal (`differenceOfShown`), as
    // growth.csv takes a change: the contributions add up to the change shown beside the two figures.
    const indexFrom = asShown(values[(root * unitCount + unit) * yearCount + from]);
    const indexTo = asShown(values[(root * unitCount + unit) * yearCount + to]);
    contribution[root * unitCount + unit] = differenceOfShown(indexTo, indexFrom);
    scale[root * unitCount + unit] = 1;
    logScale[root * unitCount + unit] = logarithmicMean(indexTo, indexFrom);
    pathFrom[root * unitCount + unit] = 1;
    pathTo[root * unitCount + unit] = 1;
    for (let parent = 0; parent < nodeCount; parent++) {
      const kids = children[parent];
      const count = kids.length;
      if (count === 0 || (depth === "dimensions" && result.nodes[parent].level >= 1)) continue;
      const parentCell = parent * unitCount + unit;
      // A change that is undefined (a value missing in either year) has no parts: the children's stay NaN.
      if (Number.isNaN(contribution[parentCell])) {
        for (const child of kids)
          [pathFrom[child * unitCount + unit], pathTo[child * unitCount + unit], scale[child * unitCount + unit], logScale[child * unitCount + unit]] = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
        continue;
      }
      const weights = weightsOf[parent];
      for (let c = 0; c < count; c++) {
        const first = (kids[c] * unitCount + unit) * yearCount;
        scoresFrom[c] = asShown(values[first + from]);
        scoresTo[c] = asShown(values[first + to]);
      }
      const own = chosen[parent];
      if (own)
        for (let c = 0; c < count; c++) {
          const first = (c * unitCount + unit) * yearCount;
          weightsFrom[c] = own[first + from];
          weightsTo[c] = own[first + to];
        }
      else {
        effectiveWeights(weights, scoresFrom, weightsFrom, count);
        effectiveWeights(weights, scoresTo, weightsTo, count);
      }
      // The linear parts; with a non-arithmetic group, the log-change shares where they are defined (else linear shares).
      let how = ADDITIVE;
      // Whether `parts` are points of the overall index already, not shares of the parent's contribution.
      let scaled = false;
      let linearTotal = 0;
      for (let c = 0; c < count; c++) {
        parts[c] = term(weightsTo[c], scoresTo[c]) - term(weightsFrom[c], scoresFrom[c]);
        linearTotal += parts[c];
      }
      // Points of the overall index per unit of ln(parent) with which the log parts are split (`logScale` of the children).
      let parentLogScale = Number.NaN;
      if (!arithmetic[parent]) {
        let logTotal = 0;
        let logSize = 0;
        let finite = true;
        for (let c = 0; c < count; c++) {
          const part = term(weightsTo[c], Math.log(scoresTo[c])) - term(weightsFrom[c], Math.log(scoresFrom[c]));
          if (!Number.isFinite(part)) finite = false;
          parts[c] = part;
          logTotal += part;
          logSize += Math.abs(part);
        }
        // The group did not move (to rounding: 1e-9 of its children's log parts) while its children did, one up, one
        // down: no share of a change of 0 says what each did. The logarithmic mean L(G1, G0) = (G1 − G0) / ln(G1 / G0)
        // of the Divisia split tends to G0 as G1 → G0, so child c takes its log part w'·Δln s times the points of the
        // overall index per unit of ln(group) (`logScale`); the parts sum to 0, as the group's change.
        const flat =
          finite &&
          !reflected[parent] &&
          Number.isFinite(logScale[parentCell]) &&
          Math.abs(logTotal) <= FLAT * logSize &&
          Math.abs(contribution[parentCell]) <= FLAT * Math.abs(logScale[parentCell]) * logSize;
        if (flat) {
          how = LOG_SHARE;
          scaled = true;
          parentLogScale = logScale[parentCell];
          for (let c = 0; c < count; c++) parts[c] *= parentLogScale;
        } else if (finite && logTotal !== 0) {
          how = LOG_SHARE;
          parentLogScale = contribution[parentCell] / logTotal;
          for (let c = 0; c < count; c++) parts[c] /= logTotal;
        } else {
          for (let c = 0; c < count; c++) parts[c] = term(weightsTo[c], scoresTo[c]) - term(weightsFrom[c], scoresFrom[c]);
          how = LINEAR_SHARE;
          linearShares(parts, count, linearTotal);
        }
      } else if (reflected[parent]) {
        // The flipped mean moves against its children: their shares of its change split the group's contribution.
        how = LINEAR_SHARE;
        linearShares(parts, count, linearTotal);
      }
      const exactPath = how === ADDITIVE && !Number.isNaN(pathFrom[parentCell]);
      for (let c = 0; c < count; c++) {
        const child = kids[c];
        const cell = child * unitCount + unit;
        let part: number;
        const change = differenceOfShown(scoresTo[c], scoresFrom[c]);
        if (exactPath) {
          pathFrom[cell] = pathFrom[parentCell] * weightsFrom[c];
          pathTo[cell] = pathTo[parentCell] * weightsTo[c];
          // With the same weights in both years (no gap), weight × the change as shown; else the difference of the terms.
          part = pathTo[cell] === pathFrom[cell] ? term(pathTo[cell], change) : term(pathTo[cell], scoresTo[c]) - term(pathFrom[cell], scoresFrom[c]);
        } else {
          pathFrom[cell] = Number.NaN;
          pathTo[cell] = Number.NaN;
          part = how === ADDITIVE ? scale[parentCell] * parts[c] : scaled ? parts[c] : contribution[parentCell] * parts[c];
        }
        // To 15 digits, as the figures it is a share of (108.75 − 100 = 8.75 of a single child is 8.75, not 8.7499…).
        part = asShown(part);
        contribution[cell] = part;
        method[cell] = how;
        // Where the child did not change, its children's parts are 0 anyway (with fixed weights); the first-order
        // scale keeps the recursion defined.
        scale[cell] = change !== 0 && Number.isFinite(change) ? part / change : (scale[parentCell] * (weightsFrom[c] + weightsTo[c])) / 2;
        logScale[cell] = how === LOG_SHARE ? (parentLogScale * (weightsFrom[c] + weightsTo[c])) / 2 : scale[cell] * logarithmicMean(scoresTo[c], scoresFrom[c]);
      }
    }
  }
  return { fromYear, toYear, contribution, method };
}

/** How near 0, relative to its children's log parts, a group's log change counts as none (`computeContributions`). */
const FLAT = 1e-9;

/** The logarithmic mean `(a − b) / (ln a − ln b)` of two positive numbers, `a` when they are equal; `NaN` otherwise. */
function logarithmicMean(a: number, b: number): number {
  if (!(a > 0 && b > 0)) return Number.NaN;
  return a === b ? a : (a - b) / (Math.log(a) - Math.log(b));
}

/** The first `count` parts as shares of their `total`, in place; equal shares when the total is 0 or undefined. */
function linearShares(parts: Float64Array, count: number, total: number): void {
  const usable = total !== 0 && Number.isFinite(total);
  for (let c = 0; c < count; c++) parts[c] = usable ? parts[c] / total : 1 / count;
}

/**
 * Weights renormalised over the first `count` children whose score is observed (0 for a missing one; all 0 when no
 * child with a weight is observed), as the weighted means renormalise them over the children a gap leaves, written
 * into `into`. Shared with the dashboard's tree table (`weightsUsed`), so that its weights are these.
 * @example effectiveWeights([0.5, 0.5], [NaN, 40], into, 2) // into => [0, 1]
 */
export function effectiveWeights(weights: Float64Array, scores: Float64Array, into: Float64Array, count: number): void {
  let total = 0;
  for (let c = 0; c < count; c++) if (!Number.isNaN(scores[c])) total += weights[c];
  for (let c = 0; c < count; c++) into[c] = Number.isNaN(scores[c]) || !(total > 0) ? 0 : weights[c] / total;
}

/** `weight · score`, with a weight of 0 making a missing score count as nothing. */
const term = (weight: number, score: number) => (weight === 0 ? 0 : weight * score);
