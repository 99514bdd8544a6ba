/**
 * The drill-down's figures and badges, pure, so that they are tested in Node as well as in the page (`client.ts`): the
 * weights each node carried in a unit's year, and what the data stage did to an indicator's value.
 */
import { resultIndex, type IndexResult } from "../../../core/compute.js";
import { fill } from "../labels.js";
import type { DashboardWords } from "./words.js";

type Values = Pick<IndexResult, "units" | "years" | "nodes" | "values">;

/** The weights a unit-year's aggregation used, by node (as `result.nodes`). */
export interface WeightsUsed {
  /**
   * Within the parent: the node's weight divided by the sum of the weights of its siblings observed that year (itself
   * included), as the weighted means renormalise them over the children they leave a gap out of; 0 for a node missing
   * that year (it took no part); `NaN` below a parent missing that year (it was not aggregated, or set missing by
   * `--min-group-coverage`, so no weight of its children was used). The overall index: 1, `NaN` when it is missing.
   */
  within: Float64Array;
  /**
   * In the overall index: the product of the `within` weights down the path, so those of the observed children of a
   * group sum to the group's; 0 below a node that took no part (a weight of 0 on the path), else `NaN` below a missing one.
   */
  overall: Float64Array;
}

/**
 * The weights node by node that the aggregation used for unit `unit` in year `year` (positions in `source.units` and
 * `source.years`): the tree's (or derived) weights, renormalised over the children observed that year.
 * @example tree A 0.5 = X; B 0.5 = Y1 0.5, Y2 0.5; Y1 missing (reweighted): Y2 within 1, overall 0.5; Y1 0 and 0
 */
export function weightsUsed(source: Values, unit: number, year: number): WeightsUsed {
  const { nodes } = source;
  const within = new Float64Array(nodes.length).fill(Number.NaN);
  const overall = new Float64Array(nodes.length).fill(Number.NaN);
  const observed = (n: number) => !Number.isNaN(source.values[resultIndex(source, n, unit, year)]);
  const children = new Map<string, number[]>();
  nodes.forEach((node, n) => {
    if (node.parent !== null) children.set(node.parent, [...(children.get(node.parent) ?? []), n]);
  });
  // From the root down, whatever the order of the rows: a parent's weights are set before its children read them.
  const visit = (parent: number) => {
    const kids = children.get(nodes[parent].code) ?? [];
    const aggregated = observed(parent);
    const total = kids.reduce((sum, child) => (observed(child) ? sum + nodes[child].weight : sum), 0);
    for (const child of kids) {
      within[child] = !aggregated ? Number.NaN : observed(child) && total > 0 ? nodes[child].weight / total : 0;
      overall[child] = within[child] === 0 || overall[parent] === 0 ? 0 : overall[parent] * within[child];
      visit(child);
    }
  };
  nodes.forEach((node, n) => {
    if (node.parent !== null) return;
    within[n] = observed(n) ? 1 : Number.NaN;
    overall[n] = within[n];
    visit(n);
  });
  return { within, overall };
}

/**
 * What the data stage did to an indicator's value, as a badge says it: "missing (reweighted)" for a gap left out and its
 * siblings reweighted, else "imputed (interpolate)" with the method's name in the page's language (插补（线性插值）).
 * One text for the indicator table and the tree table.
 */
export function imputationText(words: Pick<DashboardWords, "reweighted" | "imputedBy" | "interpolate" | "carryForward" | "carryBack">, method: string): string {
  if (method === "reweight") return words.reweighted;
  const names: Readonly<Record<string, string>> = { interpolate: words.interpolate, "carry-forward": words.carryForward, "carry-back": words.carryBack };
  return fill(words.imputedBy, { method: names[method] ?? method });
}
