/**
 * Weight revisions between two runs: every node of the tree (group or indicator) whose weight changed, appeared or
 * disappeared, within its parent (`weight`) and in the overall index (`global_weight`), as the runs' weights.csv hold
 * them. A revised AHP judgement, a new weighting method or a moved indicator shows here as the weights it moved, before
 * the values they moved. The change is the difference of the two weights as shown (`differenceAsShown`), as `diff`'s
 * value changes.
 */
import { differenceAsShown } from "./number.js";
import { revisionPercent, type RevisionStatus } from "./revision.js";

/** One node's weights in a run (a row of weights.csv). */
export interface RunWeight {
  /** The group or indicator. */
  code: string;
  /** Weight within its parent (its siblings sum to 1); `NaN` when missing. */
  weight: number;
  /** Weight in the overall index (the product of the weights up to the first level); `NaN` when missing. */
  globalWeight: number;
}

/** The weights of a run: every node's, and whether the run recorded weights in the overall index (`global_weight`). */
export interface RunWeights {
  nodes: readonly RunWeight[];
  globalWeights: boolean;
  /** The places after the decimal point the run wrote its weights to (weights.csv: `--decimals`, 6 at least), if known. */
  decimals?: number;
}

/** `weight`: a node's weight within its parent; `global_weight`: in the overall index (the names of weights.csv's columns). */
export const WEIGHT_REVISION_KINDS = ["weight", "global_weight"] as const;
export type WeightRevisionKind = (typeof WEIGHT_REVISION_KINDS)[number];

/** A weight that differs between two runs; `added`: a node missing before, `removed`: missing after. */
export interface WeightRevision {
  kind: WeightRevisionKind;
  status: RevisionStatus;
  code: string;
  /** `NaN` when added. */
  before: number;
  /** `NaN` when removed. */
  after: number;
  /** `after - before` as shown, exact in decimal (`differenceAsShown`; `NaN` unless changed). */
  change: number;
  /** `100 · change / before` (`NaN` unless changed, or when `before` is 0). A weight is a share: 0 is a natural zero. */
  changePercent: number;
}

/**
 * Every weight that differs between `before` and `after`: first within the parent (`weight`), then in the overall
 * index (`global_weight`, only when both runs recorded it). A node with a missing weight (`NaN`) on one side only is
 * an addition or a removal; equal weights (bit for bit, at the places of the run that wrote fewer) are no revision. Order within a kind: `after`'s (tree order),
 * then removals in `before`'s order.
 * @example compareRunWeights({ nodes: [{ code: "A", weight: 0.8, globalWeight: 0.8 }], globalWeights: false },
 *   { nodes: [{ code: "A", weight: 0.75, globalWeight: 0.75 }], globalWeights: false })
 * // => [{ kind: "weight", status: "changed", code: "A", before: 0.8, after: 0.75, change: -0.05, changePercent: -6.25 }]
 */
export function compareRunWeights(before: RunWeights, after: RunWeights): WeightRevision[] {
  const revisions: WeightRevision[] = [];
  // Runs that wrote their weights to different places (one with --decimals 8) are compared at the fewer: 0.666667 and
  // 0.66666667 are the same weight, 2/3.
  const places = before.decimals !== undefined && after.decimals !== undefined && before.decimals !== after.decimals ? Math.min(before.decimals, after.decimals) : undefined;
  const atPlaces = (value: number) => (places === undefined || !Number.isFinite(value) ? value : Number(value.toFixed(places)));
  const kinds: [WeightRevisionKind, (node: RunWeight) => number][] = [["weight", (node) => atPlaces(node.weight)]];
  if (before.globalWeights && after.globalWeights) kinds.push(["global_weight", (node) => atPlaces(node.globalWeight)]);
  for (const [kind, weightOf] of kinds) {
    const previous = new Map<string, number>();
    for (const node of before.nodes) if (!Number.isNaN(weightOf(node)) && !previous.has(node.code)) previous.set(node.code, weightOf(node));
    const seen = new Set<string>();
    for (const node of after.nodes) {
      const weight = weightOf(node);
      if (Number.isNaN(weight) || seen.has(node.code)) continue;
      seen.add(node.code);
      const old = previous.get(node.code);
      if (old === undefined) revisions.push({ kind, status: "added", code: node.code, before: Number.NaN, after: weight, change: Number.NaN, changePercent: Number.NaN });
      else if (!Object.is(old, weight)) {
        const change = differenceAsShown(weight, old);
        revisions.push({ kind, status: "changed", code: node.code, before: old, after: weight, change, changePercent: revisionPercent(old, change) });
      }
    }
    for (const [code, old] of previous)
      if (!seen.has(code)) revisions.push({ kind, status: "removed", code, before: old, after: Number.NaN, change: Number.NaN, changePercent: Number.NaN });
  }
  return revisions;
}
