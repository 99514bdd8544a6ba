/**
 * Sensitivity to dropping an element (COINr `remove_elements`): for each indicator and each group, the overall index
 * and the ranks recomputed without it, and how far the ranks move.
 *
 * Dropping a node changes only its ancestors: its parent is re-aggregated from the remaining siblings (their weights
 * renormalised to their sum, `w'ᵢ = wᵢ / Σ_{j≠dropped} wⱼ`), then each ancestor above from its children with the
 * parent's new values in place, up to the overall index. Every other block (indicator scores, sibling groups) is read
 * from the result unchanged, with the weights and aggregation method the result used. So a drop costs one aggregation
 * per ancestor, never a full recomputation, and gives exactly what `computeIndex` gives on the tree without the
 * element, with those weights (the scores of the other indicators do not depend on the dropped one).
 */
import type { Issue } from "../../errors.js";
import { aggregate, type AggregateMethod } from "../aggregate.js";
import { computeRanks } from "../analysis/ranks.js";
import type { IndexResult } from "../compute.js";
import { reflectGroup } from "../group-direction.js";
import { applyMinCoverage } from "../group-coverage.js";
import { INDEX_CODE } from "../types.js";
import { robustnessMessages } from "./robustness-messages.js";

/** The options of `computeDropSensitivity`. */
export interface DropOptions {
  /** The codes of the indicators and groups to drop, one at a time. Default: every node of the tree, in tree order. */
  elements?: readonly string[];
  /** The years whose per-unit index and ranks are kept in each drop (`Drop.index`, `Drop.rank`). Default: every year. */
  rankYears?: readonly number[];
}

/** The overall index without one element. */
export interface Drop {
  /** The code of the indicator or group dropped. */
  element: string;
  kind: "indicator" | "group";
  /** Its level (1 for a first-level node). */
  level: number;
  /**
   * The node removed from its parent: the element itself, or, when the element is the only child of its group, the
   * highest group left without children by dropping it.
   */
  removed: string;
  /** Per year (position in `years`): the mean of |rank shift| over the units ranked with and without the element. */
  meanAbsoluteShift: Float64Array;
  /** Per year: the largest |rank shift|; `NaN` when no unit is ranked both ways. */
  largestShift: Float64Array;
  /** Per year: the position of the unit with the largest |rank shift| (the first in unit order on a tie); -1 when no rank moved. */
  largestShiftUnit: Int32Array;
  /** Per year: the positions of every unit with the largest |rank shift|, in unit order (ties all named); empty when no rank moved. */
  largestShiftUnits: number[][];
  /** The overall index without the element for the kept years: `[unit * rankYears.length + k]`. */
  index: Float64Array;
  /** The rank (1 = highest) without the element for the kept years, laid out like `index`; `NaN` where unranked. */
  rank: Float64Array;
}

/** Every drop, with the baseline they are compared with. */
export interface DropSensitivity {
  units: readonly string[];
  years: readonly number[];
  /** The years whose per-unit values are kept, in the order of `years`. */
  rankYears: readonly number[];
  /** The overall index of the result, `[unit * years.length + year]`. */
  baselineIndex: Float64Array;
  /** Its ranks (1 = highest), laid out like `baselineIndex`. */
  baselineRank: Float64Array;
  drops: Drop[];
  /** Elements left out (dropping them leaves no child under the index, or siblings whose weights sum to 0) and cascades. */
  warnings: Issue[];
}

/**
 * Drops each element in turn from a computed result and ranks the units again. A unit's rank shift is
 * `baseline rank − rank without the element` (positive when the unit moves up); the mean and the largest absolute
 * shift are over the units ranked both ways (a unit whose index becomes `NaN` without the element is left out).
 * Ranks follow `computeRanks` (competition ranking, 1 for the highest index, ties to 12 significant digits).
 * Cells where a mean becomes undefined (a geometric mean over a score <= 0) are `NaN` and unranked.
 * @throws RangeError naming an unknown element or year.
 * @example computeDropSensitivity(computeIndex(tree, panel)).drops[0].meanAbsoluteShift // => Float64Array [0.5, ...]
 * Reference: COINr `remove_elements`; OECD/JRC Handbook (2008), step 7 (robustness: excluding indicators).
 */
export function computeDropSensitivity(result: IndexResult, options: DropOptions = {}): DropSensitivity {
  const { units, years, nodes } = result;
  const unitCount = units.length;
  const yearCount = years.length;
  const blockSize = unitCount * yearCount;
  const position = new Map(nodes.map((node, i) => [node.code, i] as const));
  const children = new Map<string, number[]>(nodes.filter((node) => node.kind !== "indicator").map((node) => [node.code, []]));
  nodes.forEach((node, i) => {
    if (node.parent !== null) children.get(node.parent)!.push(i);
  });
  const block = (node: number) => result.values.subarray(node * blockSize, (node + 1) * blockSize);
  const context = { unitCount, yearCount, power: result.options.power };

  const elements = options.elements ?? nodes.filter((node) => node.kind !== "index").map((node) => node.code);
  const treeCodes = nodes.filter((node) => node.kind !== "index").map((node) => node.code);
  for (const element of elements)
    if (element === INDEX_CODE || !position.has(element)) throw new RangeError(`computeDropSensitivity: ${robustnessMessages.unknownElement(element, treeCodes)}`);
  const rankYears = options.rankYears ?? years;
  const keptYears = rankYears.map((year) => {
    const at = years.indexOf(year);
    if (at < 0) throw new RangeError(`computeDropSensitivity: ${robustnessMessages.unknownYear(year, years)}`);
    return at;
  });
  keptYears.sort((a, b) => a - b);

  const rankOf = (values: Float64Array) => computeRanks({ units, years, nodes: nodes.slice(0, 1), values }).rank;
  const baselineIndex = block(0).slice();
  const baselineRank = rankOf(baselineIndex);
  // Two blocks used in turn: each ancestor is aggregated from the block below it into the other one.
  const buffers = [new Float64Array(blockSize), new Float64Array(blockSize)];
  const warnings: Issue[] = [];
  const drops: Drop[] = [];

  for (const element of elements) {
    const node = nodes[position.get(element)!];
    // An only child takes its group with it: a group without children has no value (and no place in a tree).
    let removed = position.get(element)!;
    while (nodes[removed].parent !== INDEX_CODE && children.get(nodes[removed].parent!)!.length === 1) removed = position.get(nodes[removed].parent!)!;
    const parentCode = nodes[removed].parent!;
    const siblings = children.get(parentCode)!.filter((child) => child !== removed);
    if (siblings.length === 0) {
      warnings.push({ code: "W_DROP_SKIPPED", message: robustnessMessages.dropLeavesNothing(element), id: element });
      continue;
    }
    const weightSum = siblings.reduce((sum, child) => sum + nodes[child].weight, 0);
    if (!(weightSum > 0)) {
      warnings.push({ code: "W_DROP_SKIPPED", message: robustnessMessages.dropZeroWeights(element, parentCode), id: element });
      continue;
    }
    if (nodes[removed].code !== element)
      warnings.push({ code: "W_DROP_CASCADE", message: robustnessMessages.dropCascade(element, nodes[removed].code), id: element });

    // The parent from the remaining siblings, then every ancestor with the changed child's new values; each as
    // computeIndex aggregates it: year by year for the methods that compare units (Copeland, benefit of the doubt),
    // with the run's power, missing below the run's minimum coverage (over the children left), and flipped after it
    // when the group is marked `direction: -`.
    const aggregateNode = (node: number, kids: readonly Float64Array[], weights: readonly number[], out: Float64Array) => {
      aggregate(methodOf(nodes[node].method), kids, weights, out, context);
      if (result.options.minGroupCoverage !== undefined) applyMinCoverage(kids, result.options.minGroupCoverage, out);
      const reflection = result.groupReflections?.get(nodes[node].code);
      if (reflection) reflectGroup(out, reflection);
    };
    let current = 0;
    let changed = position.get(parentCode)!;
    aggregateNode(
      changed,
      siblings.map(block),
      siblings.map((child) => nodes[child].weight / weightSum),
      buffers[current],
    );
    while (nodes[changed].parent !== null) {
      const parent = position.get(nodes[changed].parent!)!;
      const kids = children.get(nodes[parent].code)!;
      const next = 1 - current;
      aggregateNode(
        parent,
        kids.map((child) => (child === changed ? buffers[current] : block(child))),
        kids.map((child) => nodes[child].weight),
        buffers[next],
      );
      current = next;
      changed = parent;
    }
    const index = buffers[current];
    const rank = rankOf(index);

    const meanAbsoluteShift = new Float64Array(yearCount).fill(Number.NaN);
    const largestShift = new Float64Array(yearCount).fill(Number.NaN);
    const largestShiftUnit = new Int32Array(yearCount).fill(-1);
    const largestShiftUnits: number[][] = [];
    for (let year = 0; year < yearCount; year++) {
      const tied: number[] = [];
      let sum = 0;
      let count = 0;
      for (let unit = 0; unit < unitCount; unit++) {
        const cell = unit * yearCount + year;
        const shift = Math.abs(baselineRank[cell] - rank[cell]);
        if (Number.isNaN(shift)) continue;
        sum += shift;
        count++;
        if (count === 1) largestShift[year] = 0;
        if (shift > largestShift[year]) {
          largestShift[year] = shift;
          tied.length = 0;
        }
        // Rank shifts are whole numbers, so a tie is an exact equality.
        if (shift > 0 && shift === largestShift[year]) tied.push(unit);
      }
      largestShiftUnits.push(tied);
      // The first of them, as the field before the ties were named (-1 when no rank moved).
      largestShiftUnit[year] = tied[0] ?? -1;
      if (count > 0) meanAbsoluteShift[year] = sum / count;
    }
    const keptIndex = new Float64Array(unitCount * keptYears.length);
    const keptRank = new Float64Array(unitCount * keptYears.length);
    for (let unit = 0; unit < unitCount; unit++)
      keptYears.forEach((year, k) => {
        keptIndex[unit * keptYears.length + k] = index[unit * yearCount + year];
        keptRank[unit * keptYears.length + k] = rank[unit * yearCount + year];
      });
    drops.push({
      element,
      kind: node.kind === "group" ? "group" : "indicator",
      level: node.level,
      removed: nodes[removed].code,
      meanAbsoluteShift,
      largestShift,
      largestShiftUnit,
      largestShiftUnits,
      index: keptIndex,
      rank: keptRank,
    });
  }
  return { units, years, rankYears: keptYears.map((year) => years[year]), baselineIndex, baselineRank, drops, warnings };
}

/** The aggregation a group of the result used (its `method`; arithmetic when the result does not say). */
function methodOf(method: string | undefined): AggregateMethod {
  return (method ?? "arithmetic") as AggregateMethod;
}
