/**
 * The direction of a group: a group marked `direction: -` in the tree measures something where less is better as a
 * whole (e.g. "environmental pressure" built from positive indicators of pressure), so its value is flipped after it is
 * aggregated and before its parent aggregates it (COINr issue 66). How a value flips depends on the scale the group's
 * values are on, which is the scale of the indicators beneath it (every mean keeps it):
 *
 * - ratio scales (fixed-base, chain, distance-to-target/-reference/-average, fraction-of-max; 100 = the reference):
 *   `100²/x`, the same inversion a negative indicator gets (`base/x` instead of `x/base`), so 125 becomes 80 and 100
 *   stays 100; needs x > 0;
 * - bounded scales (min-max, min-max-year and goalposts on LOW-HIGH, distance-to-max and percentile-rank on 0-100,
 *   benefit of the doubt, TOPSIS and grey relational grades on 0-100): `LOW + HIGH − x`, the mirror image inside the
 *   bounds (grey's grades lie in 33.3-100, so their mirror lies in 0-66.7);
 * - z-scores on MEAN + SD·z: `2·MEAN − x`, the mirror image around the mean (z becomes −z);
 * - Copeland scores (wins minus losses, symmetric around 0): `−x`.
 *
 * Ranks and Borda scores depend on how many units are observed each year and are not flipped: a group direction over
 * them, or over indicators on different scales, is an error.
 */
import type { Issue } from "../errors.js";
import type { AggregateMethod } from "./aggregate/methods.js";
import { methodMessages } from "./method-messages.js";
import { DEFAULT_RANGE, DEFAULT_Z_SCALE, RATIO_METHODS } from "./normalize/methods.js";
import type { IndicatorNormalization } from "./normalize/plan.js";
import { childrenOf } from "./tree.js";
import type { Tree } from "./types.js";

/** How one group's values flip. */
export type Reflection = { kind: "ratio" } | { kind: "bounded"; low: number; high: number } | { kind: "z"; mean: number } | { kind: "copeland" };

type Scale = Reflection | { kind: "rank" } | { kind: "mixed" };

function scaleOfPlan(plan: IndicatorNormalization): Scale {
  if (RATIO_METHODS.includes(plan.method) || plan.method === "fraction-of-max") return { kind: "ratio" };
  switch (plan.method) {
    case "min-max":
    case "min-max-year":
    case "min-max-goalposts": {
      const range = plan.range ?? DEFAULT_RANGE;
      return { kind: "bounded", low: range.low, high: range.high };
    }
    case "distance-to-max":
    case "percentile-rank":
      return { kind: "bounded", low: 0, high: 100 };
    case "z-score":
    case "z-score-year":
      return { kind: "z", mean: (plan.zScale ?? DEFAULT_Z_SCALE).mean };
    default:
      return { kind: "rank" };
  }
}

const same = (a: Scale, b: Scale) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The reflection of every group marked `direction: -`, and an issue for each such group whose scale cannot be flipped
 * (ranks, Borda scores, or indicators on different scales beneath it). `plans` are in `tree.indicators` order;
 * `methods` is the aggregation of every group.
 */
export function planGroupReflections(
  tree: Tree,
  plans: readonly IndicatorNormalization[],
  methods: ReadonlyMap<string, AggregateMethod>,
): { reflections: Map<string, Reflection>; issues: Issue[] } {
  const reflections = new Map<string, Reflection>();
  const issues: Issue[] = [];
  const planOf = new Map(tree.indicators.map((code, i) => [code, plans[i]] as const));
  const scales = new Map<string, Scale>();
  const scaleOf = (code: string): Scale => {
    const known = scales.get(code);
    if (known) return known;
    const node = tree.byCode.get(code)!;
    let scale: Scale;
    if (node.kind === "indicator") scale = scaleOfPlan(planOf.get(code)!);
    else {
      const method = methods.get(code);
      if (method === "copeland") scale = { kind: "copeland" };
      else if (method === "bod" || method === "topsis" || method === "topsis-year" || method === "grey") scale = { kind: "bounded", low: 0, high: 100 };
      else {
        const childScales = childrenOf(tree, code).map(scaleOf);
        scale = childScales.every((child) => same(child, childScales[0])) ? childScales[0] : { kind: "mixed" };
      }
    }
    scales.set(code, scale);
    return scale;
  };
  for (const node of tree.nodes) {
    if (node.kind !== "group" || node.direction !== "negative") continue;
    const scale = scaleOf(node.code);
    if (scale.kind === "rank" || scale.kind === "mixed")
      issues.push({
        code: "E_GROUP_DIRECTION",
        message: methodMessages.groupDirectionScale(node.code, scale.kind),
        source: tree.source,
        line: node.line,
        column: "direction",
        id: node.code,
      });
    else reflections.set(node.code, scale);
  }
  return { reflections, issues };
}

/** How far from a bound of a bounded scale, as a share of its span, a mirrored score is taken to be on it. */
const BOUND_TOLERANCE = 1e-12;

/**
 * Flips a block of a group's values in place by `reflection` (`NaN` stays `NaN`; a ratio <= 0 becomes `NaN`; a
 * bounded score within a rounding error of a bound mirrors to the other bound exactly).
 */
export function reflectGroup(values: Float64Array, reflection: Reflection): Float64Array {
  for (let cell = 0; cell < values.length; cell++) {
    const value = values[cell];
    switch (reflection.kind) {
      case "ratio":
        values[cell] = value > 0 ? (value === 100 ? 100 : 10000 / value) : Number.NaN;
        break;
      case "bounded": {
        // A mean of scores at a bound can miss it by a rounding error (100.00000000000003): its mirror image is the
        // other bound exactly, not -2.8e-14, which a benefit-of-the-doubt or power parent would refuse as negative.
        const { low, high } = reflection;
        const tolerance = BOUND_TOLERANCE * (high - low);
        const mirrored = low + high - value;
        values[cell] = Math.abs(mirrored - low) <= tolerance ? low : Math.abs(mirrored - high) <= tolerance ? high : mirrored;
        break;
      }
      case "z":
        values[cell] = 2 * reflection.mean - value;
        break;
      case "copeland":
        values[cell] = -value;
        break;
    }
  }
  return values;
}
