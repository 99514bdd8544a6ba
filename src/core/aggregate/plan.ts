/**
 * Which aggregation each group uses: a default, overridden per level (`--aggregate arithmetic,0=geometric`) and per
 * group (the tree's `aggregate` column on a group row); and the cells where the chosen mean is undefined.
 */
import type { Issue } from "../../errors.js";
import { AGGREGATE_METHODS, type AggregateMethod } from "./methods.js";
import { greyDistances } from "./grey.js";
import { topsisUndefinedCells } from "./topsis.js";
import { checkMessages } from "../check-messages.js";
import { messages } from "../messages.js";
import { methodMessages } from "../method-messages.js";
import { INDEX_CODE, type Tree } from "../types.js";
import { attributeOf } from "../normalize/plan.js";

/** A default method and exceptions by level (0 is the overall index, 1 the first-level groups, ...). */
export interface AggregateSpec {
  method: AggregateMethod;
  byLevel: Readonly<Record<number, AggregateMethod>>;
  /** The exponent of the `power` mean, from `power:P` (one exponent for the whole run). Default: none. */
  power?: number;
}

/**
 * Reads `METHOD`, `LEVEL=METHOD` or a comma-separated list of both (`arithmetic,0=geometric`, `1=mpi,2=geometric`).
 * A bare method sets the default (arithmetic when none is given). The power mean takes its exponent as `power:P`
 * (`power:0.5`, `0=power:-1`); one exponent per run. Returns an error message for anything else.
 * @example parseAggregateSpec("geometric,2=arithmetic") // => { ok: true, value: { method: "geometric", byLevel: { 2: "arithmetic" } } }
 */
export function parseAggregateSpec(text: string): { ok: true; value: AggregateSpec } | { ok: false; message: string } {
  let method: AggregateMethod = "arithmetic";
  const byLevel: Record<number, AggregateMethod> = {};
  let power: number | undefined;
  const isMethod = (word: string): word is AggregateMethod => (AGGREGATE_METHODS as readonly string[]).includes(word);
  const items = text.split(",").map((item) => item.trim().toLowerCase());
  for (const item of items) {
    const match = /^(\d+)\s*=\s*(.+)$/.exec(item);
    let word = match ? match[2].trim() : item;
    const exponent = /^power\s*:\s*(.+)$/.exec(word);
    if (exponent) {
      const value = Number(exponent[1]);
      if (exponent[1].trim() === "" || !Number.isFinite(value))
        return { ok: false, message: checkMessages.aggregatePowerNoNumber(text, item) };
      if (power !== undefined && power !== value)
        return { ok: false, message: checkMessages.aggregateTwoExponents(text, power, value) };
      power = value;
      word = "power";
    }
    if (!isMethod(word))
      return { ok: false, message: checkMessages.aggregateNotUnderstood(text, item, word) };
    if (match) byLevel[Number(match[1])] = word;
    else method = word;
  }
  return { ok: true, value: { method, byLevel, ...(power !== undefined ? { power } : {}) } };
}

/**
 * The method of every group and of the overall index (`INDEX`), and every problem: a level without groups, an
 * unknown method in the tree's `aggregate` column, an `aggregate` cell on an indicator.
 */
export function planAggregation(tree: Tree, spec: AggregateSpec): { methods: Map<string, AggregateMethod>; issues: Issue[] } {
  const issues: Issue[] = [];
  const groups = tree.nodes.filter((node) => node.kind === "group");
  const levels = [...new Set([0, ...groups.map((group) => group.level)])].sort((a, b) => a - b);
  for (const level of Object.keys(spec.byLevel).map(Number))
    if (!levels.includes(level))
      issues.push({ code: "E_AGGREGATE_LEVEL", message: messages.aggregateLevelWithoutGroups(level, levels), column: "--aggregate" });
  const methodAt = (level: number) => spec.byLevel[level] ?? spec.method;
  const methods = new Map<string, AggregateMethod>([[INDEX_CODE, methodAt(0)]]);
  for (const node of tree.nodes) {
    const { key, text } = attributeOf(node, "aggregate", "aggregation");
    const at = (code: string, message: string): Issue => ({ code, message, source: tree.source, line: node.line, column: key, id: node.code });
    if (node.kind === "indicator") {
      if (text) issues.push(at("E_SETTING_ON_INDICATOR", messages.groupSettingOnIndicator(node.code, key)));
      continue;
    }
    let method = methodAt(node.level);
    if (text) {
      const found = text.toLowerCase();
      if ((AGGREGATE_METHODS as readonly string[]).includes(found)) method = found as AggregateMethod;
      else issues.push(at("E_UNKNOWN_METHOD", messages.unknownMethod("aggregation", text, AGGREGATE_METHODS)));
    }
    methods.set(node.code, method);
  }
  if (spec.power === undefined && [...methods.values()].includes("power"))
    issues.push({ code: "E_POWER_MISSING", message: methodMessages.powerMissing(), column: "--power" });
  return { methods, issues };
}

/**
 * The cells of one group where `method` is undefined: a child score <= 0 under the geometric or harmonic mean (and the
 * power mean with p <= 0), a child score < 0 under the power mean with p > 0 and under benefit of the doubt, a weighted
 * mean <= 0 under the MPI. A child of weight 0 takes no part, whatever its score, under every method (the means, and
 * Copeland, benefit of the doubt, TOPSIS and grey, whose messages name only the children that take part). `children`
 * and `childCodes` are parallel; blocks are unit-major over `years`.
 */
export function checkAggregation(
  method: AggregateMethod,
  group: string,
  childCodes: readonly string[],
  children: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  units: readonly string[],
  years: readonly number[],
  power?: number,
): Issue[] {
  const issues: Issue[] = [];
  if (method === "arithmetic" || method === "copeland") return issues;
  // The children that take part (weight > 0), named in the messages of the methods that compare units.
  const countedCodes = childCodes.filter((_, c) => weights[c] > 0);
  if (method === "grey") {
    // Every child at its ideal everywhere: nothing to tell apart (Δmax = 0).
    if (greyDistances(children, weights, units.length * years.length).largest === 0)
      issues.push({ code: "E_AGGREGATE_UNDEFINED", id: group, message: methodMessages.greyUndefined(group, countedCodes) });
    return issues;
  }
  if (method === "topsis" || method === "topsis-year") {
    // One problem for the group: its cells are 0/0 where no observed child varies over the alternatives.
    const byYear = method === "topsis-year";
    const cells = topsisUndefinedCells(children, weights, { unitCount: units.length, yearCount: years.length }, byYear);
    if (cells.length > 0)
      issues.push({
        code: "E_AGGREGATE_UNDEFINED",
        id: group,
        message: methodMessages.topsisUndefined(group, countedCodes, cells.length, units[Math.floor(cells[0] / years.length)], years[cells[0] % years.length], byYear),
      });
    return issues;
  }
  const nonNegativeOnly = method === "bod" || (method === "power" && power !== undefined && power > 0);
  const cellCount = units.length * years.length;
  const unitOf = (cell: number) => units[Math.floor(cell / years.length)];
  const yearOf = (cell: number) => years[cell % years.length];
  if (method === "bod") {
    // A year whose units (with every child that takes part observed) all score 0 has no frontier: each programme is 0/0.
    const counted = children.filter((_, c) => weights[c] > 0);
    years.forEach((year, y) => {
      let observed = false;
      let positive = false;
      for (let unit = 0; unit < units.length; unit++) {
        const cell = unit * years.length + y;
        if (counted.length === 0 || counted.some((child) => Number.isNaN(child[cell]))) continue;
        observed = true;
        if (counted.some((child) => child[cell] > 0)) positive = true;
      }
      if (observed && !positive) issues.push({ code: "E_AGGREGATE_UNDEFINED", id: group, message: methodMessages.frontierEmpty(group, year, countedCodes) });
    });
  }
  for (let cell = 0; cell < cellCount; cell++) {
    if (method === "mpi") {
      let sum = 0;
      let weightSum = 0;
      children.forEach((child, c) => {
        if (!Number.isNaN(child[cell])) {
          sum += weights[c] * child[cell];
          weightSum += weights[c];
        }
      });
      const mean = sum / weightSum;
      if (weightSum > 0 && !(mean > 0))
        issues.push({ code: "E_AGGREGATE_UNDEFINED", id: group, message: messages.mpiMeanNotPositive(group, unitOf(cell), yearOf(cell), mean) });
      continue;
    }
    children.forEach((child, c) => {
      const score = child[cell];
      // A child of weight 0 takes no part, under a mean and under benefit of the doubt (which chooses its own weights
      // for the children that take part).
      if (weights[c] === 0) return;
      if (nonNegativeOnly ? score < 0 : score <= 0)
        issues.push({
          code: "E_AGGREGATE_UNDEFINED",
          id: group,
          message: nonNegativeOnly
            ? methodMessages.scoreNegative(method === "bod" ? "benefit-of-the-doubt" : `power (p = ${power})`, group, childCodes[c], unitOf(cell), yearOf(cell), score)
            : messages.scoreNotPositive(method, group, childCodes[c], unitOf(cell), yearOf(cell), score),
        });
    });
  }
  return issues;
}
