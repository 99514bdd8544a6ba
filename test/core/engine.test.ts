import { describe, expect, it } from "vitest";
import { AGGREGATE_METHODS } from "../../src/core/aggregate.js";
import { computeIndex, MISSING_POLICIES } from "../../src/core/compute.js";
import { messages } from "../../src/core/messages.js";
import { methodMessages } from "../../src/core/method-messages.js";
import { NORMALIZE_METHODS } from "../../src/core/normalize.js";
import { IndexEngine } from "../../src/core/engine.js";
import { buildPanel, type Panel, type ValueRecord } from "../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../src/core/tree.js";
import type { Tree } from "../../src/core/types.js";
import { ValidationError } from "../../src/errors.js";

/** Three levels: INDEX = 0.5·A + 0.5·B; A = (0.7·A1 + 0.3·A2); A1 = mean(a, b); A2 = c; B = mean(d −, e). */
function deepTree(): Tree {
  const rows: TreeRow[] = [
    ["A", "", "0.5", ""],
    ["A1", "A", "0.7", ""],
    ["a", "A1", "", "+"],
    ["b", "A1", "", "+"],
    ["A2", "A", "0.3", ""],
    ["c", "A2", "", "+"],
    ["B", "", "0.5", ""],
    ["d", "B", "", "-"],
    ["e", "B", "", "+"],
  ].map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction }));
  const built = buildTree(rows);
  if (!built.ok) throw new Error("fixture tree is invalid");
  return built.value;
}

/** Two units, three years, values made up so that no two scores coincide. */
function deepPanel(tree: Tree, gap = false): Panel {
  const series: Record<string, number[]> = { a: [10, 12, 15], b: [4, 5, 7], c: [100, 90, 120], d: [8, 6, 5], e: [1, 1.5, 1.2] };
  const records: ValueRecord[] = [];
  ["U1", "U2"].forEach((unit, u) =>
    Object.entries(series).forEach(([indicator, values]) =>
      values.forEach((value, y) => records.push({ unit, year: 2020 + y, indicator, value: gap && u === 1 && indicator === "b" && y === 2 ? Number.NaN : value * (1 + u * 0.1 * (y + 1)) })),
    ),
  );
  const panel = buildPanel(tree, records);
  if (!panel.ok) throw new Error("fixture panel is invalid");
  return panel.value;
}

describe("IndexEngine", () => {
  it.each(["fixed-base", "min-max"] as const)("evaluate() with the nominal weights equals computeIndex's overall index (%s)", (normalize) => {
    const tree = deepTree();
    const panel = deepPanel(tree);
    const engine = new IndexEngine(tree, panel);
    const out = engine.evaluate({ normalize, aggregate: "arithmetic", missing: "error" }, engine.nominalWeights, new Float64Array(6));
    const reference = computeIndex(tree, panel, { normalize }).values.subarray(0, 6);
    for (let cell = 0; cell < 6; cell++) expect(out[cell]).toBeCloseTo(reference[cell], 12);
  });

  it.each(["fixed-base", "chain"] as const)("evaluate() scores the exact halves 100·87/80 = 108.75 and 100·97/80 = 121.25 as computeIndex, bit for bit (%s)", (normalize) => {
    // One indicator P (weight 1) of unit X: 80, 87, 97. 2019: 8700/80 = 108.75 (the chain's first link from the base is
    // the fixed-base score, 100·1·87/80); fixed-base 2020: 9700/80 = 121.25. (The chain's 2020 is equal only up to
    // rounding, so it is not asserted.)
    const built = buildTree([{ line: 2, code: "P", parent: "", name: "p", weight: "1", direction: "+" }]);
    if (!built.ok) throw new Error("tree");
    const panel = buildPanel(built.value, [80, 87, 97].map((value, y) => ({ unit: "X", year: 2018 + y, indicator: "P", value })));
    if (!panel.ok) throw new Error("panel");
    const engine = new IndexEngine(built.value, panel.value);
    const out = engine.evaluate({ normalize, aggregate: "arithmetic", missing: "error" }, engine.nominalWeights, new Float64Array(3));
    expect(Array.from(out)).toEqual(Array.from(computeIndex(built.value, panel.value, { normalize }).values.subarray(0, 3)));
    expect(out[1]).toBe(108.75);
    expect(out[1].toFixed(1)).toBe("108.8");
    if (normalize === "fixed-base") expect(out[2].toFixed(1)).toBe("121.3");
  });

  it("evaluate() with other weights equals computeIndex given the same weights", () => {
    const tree = deepTree();
    const panel = deepPanel(tree);
    const engine = new IndexEngine(tree, panel);
    const weights = new Map([["A", 0.2], ["B", 0.8], ["A1", 0.1], ["A2", 0.9], ["a", 0.25], ["b", 0.75], ["c", 1], ["d", 0.6], ["e", 0.4]]);
    const vector = Float64Array.from(tree.nodes, (node) => weights.get(node.code)!);
    const choice = { normalize: "fixed-base", aggregate: "arithmetic", missing: "error" } as const;
    const out = engine.evaluate(choice, vector, new Float64Array(6));
    const reference = computeIndex(tree, panel, { weights }).values.subarray(0, 6);
    for (let cell = 0; cell < 6; cell++) expect(out[cell]).toBeCloseTo(reference[cell], 12);
    // By hand for U1 in 2022: a = 150, b = 175, c = 120, d = 100·8/5 = 160, e = 120;
    // A1 = 0.25·150 + 0.75·175 = 168.75; A = 0.1·168.75 + 0.9·120 = 124.875; B = 0.6·160 + 0.4·120 = 144;
    // INDEX = 0.2·124.875 + 0.8·144 = 140.175.
    expect(out[2]).toBeCloseTo(140.175, 10);
  });

  it("nominalWeights are the tree's weights normalised within siblings, in tree order", () => {
    const engine = new IndexEngine(deepTree(), deepPanel(deepTree()));
    expect([...engine.nominalWeights]).toEqual([0.5, 0.7, 0.5, 0.5, 0.3, 1, 0.5, 0.5, 0.5]);
    expect(engine.siblingSets.map((set) => [...set])).toEqual([[7, 8], [5], [2, 3], [1, 4], [0, 6]]);
  });

  it("keeps the scores of each (normalisation, missing policy) pair: a second run reuses them", () => {
    const tree = deepTree();
    const engine = new IndexEngine(tree, deepPanel(tree));
    const first = engine.prepare({ normalize: "min-max", missing: "error", aggregate: "arithmetic" });
    expect(engine.prepare({ normalize: "min-max", missing: "error", aggregate: "arithmetic" })).toBe(first);
    expect(engine.prepare({ normalize: "fixed-base", missing: "error", aggregate: "arithmetic" })).not.toBe(first);
  });

  it("prepare() reports a pair the data do not allow (a gap under the error policy) and accepts reweight", () => {
    const tree = deepTree();
    const engine = new IndexEngine(tree, deepPanel(tree, true));
    expect(() => engine.prepare({ normalize: "fixed-base", missing: "error", aggregate: "arithmetic" })).toThrow(ValidationError);
    const out = engine.evaluate({ normalize: "fixed-base", aggregate: "arithmetic", missing: "reweight" }, engine.nominalWeights, new Float64Array(6));
    const reference = computeIndex(tree, deepPanel(tree, true), { missing: "reweight" }).values.subarray(0, 6);
    for (let cell = 0; cell < 6; cell++) expect(out[cell]).toBeCloseTo(reference[cell], 12);
  });

  // Every method the core lists, so methods added later are covered too: the engine must agree with computeIndex.
  const combinations = NORMALIZE_METHODS.flatMap((normalize) => AGGREGATE_METHODS.map((aggregate) => [normalize, aggregate] as const));
  it.each(combinations)("evaluate() equals computeIndex for normalisation %s and aggregation %s, or both refuse", (normalize, aggregate) => {
    const tree = deepTree();
    const panel = deepPanel(tree);
    const engine = new IndexEngine(tree, panel);
    let reference: Float64Array | undefined;
    try {
      reference = computeIndex(tree, panel, { normalize, aggregate }).values.subarray(0, 6);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
    }
    const choice = { normalize, aggregate, missing: "error" } as const;
    if (!reference) {
      expect(() => engine.prepare(choice)).toThrow(messages.choiceUndefined(normalize, aggregate, "error"));
      return;
    }
    const out = engine.evaluate(choice, engine.nominalWeights, new Float64Array(6));
    for (let cell = 0; cell < 6; cell++) expect(out[cell]).toBeCloseTo(reference[cell], 10);
  });

  // The weighted means over indicators run from terms computed once per pair (FixedStep); the test holds them to the
  // bits of computeIndex (aggregate/means.ts) under drawn weights, a zero-weight group, with and without a gap.
  it.each([
    ["arithmetic", false],
    ["arithmetic", true],
    ["geometric", false],
    ["geometric", true],
    ["harmonic", false],
    ["harmonic", true],
  ] as const)("evaluate() under the %s mean (gap: %s) gives the bits of computeIndex for any weights", (aggregate, gap) => {
    const tree = deepTree();
    const panel = deepPanel(tree, gap);
    const missing = gap ? "reweight" : "error";
    const engine = new IndexEngine(tree, panel);
    const draws = [
      [...engine.nominalWeights],
      [0.2, 0.1, 0.25, 0.75, 0.9, 1, 0.8, 0.6, 0.4],
      [0.9, 0.35, 0.05, 0.95, 0.65, 1, 0.1, 0.3, 0.7],
      // a and b weigh nothing: A1 is undefined and A is A2 alone.
      [0.5, 0.7, 0, 0, 0.3, 1, 0.5, 0.5, 0.5],
    ];
    for (const draw of draws) {
      const weights = new Map(tree.nodes.map((node, n) => [node.code, draw[n]] as const));
      const reference = computeIndex(tree, panel, { weights, aggregate, missing }).values.subarray(0, 6);
      const out = engine.evaluate({ normalize: "fixed-base", aggregate, missing }, Float64Array.from(draw), new Float64Array(6));
      for (let cell = 0; cell < 6; cell++) expect(out[cell]).toBe(reference[cell]);
    }
  });

  it("evaluate() under the geometric mean matches the hand computation", () => {
    // U1 in 2022 with the nominal weights, fixed-base scores a = 150, b = 175, c = 120, d = 160, e = 120:
    // A1 = sqrt(150·175), A = A1^0.7 · 120^0.3, B = sqrt(160·120), INDEX = sqrt(A·B) = 141.2486...
    const tree = deepTree();
    const engine = new IndexEngine(tree, deepPanel(tree));
    const out = engine.evaluate({ normalize: "fixed-base", aggregate: "geometric", missing: "error" }, engine.nominalWeights, new Float64Array(6));
    const a = Math.sqrt(150 * 175) ** 0.7 * 120 ** 0.3;
    expect(out[2]).toBeCloseTo(Math.sqrt(a * Math.sqrt(160 * 120)), 10);
  });

  it("keeps a group's own aggregate column from the tree whatever the default", () => {
    // B aggregates geometrically in the tree: B = sqrt(d·e) in fixed-base terms. U1 2022: sqrt(160·120) = 138.564...
    const base = deepTree();
    const rows: TreeRow[] = base.nodes.map((node, i) => ({
      line: i + 2,
      code: node.code,
      parent: node.parent ?? "",
      name: node.code,
      weight: Number.isNaN(node.weight) ? "" : String(node.weight),
      direction: node.kind === "indicator" ? (node.direction === "positive" ? "+" : "-") : "",
      attributes: (node.code === "B" ? { aggregate: "geometric" } : {}) as Record<string, string>,
    }));
    const built = buildTree(rows);
    if (!built.ok) throw new Error("tree");
    const tree = built.value;
    const panel = deepPanel(tree);
    const engine = new IndexEngine(tree, panel);
    const out = engine.evaluate({ normalize: "fixed-base", aggregate: "arithmetic", missing: "error" }, engine.nominalWeights, new Float64Array(6));
    const reference = computeIndex(tree, panel).values.subarray(0, 6);
    for (let cell = 0; cell < 6; cell++) expect(out[cell]).toBeCloseTo(reference[cell], 10);
    // U1 2022 by hand: A = 0.7·mean(150, 175) + 0.3·120 = 149.75; B = sqrt(160·120) = 138.5641; INDEX = mean = 144.1570.
    expect(out[2]).toBeCloseTo((149.75 + Math.sqrt(160 * 120)) / 2, 10);
  });

  it.each(MISSING_POLICIES)("evaluate() equals computeIndex under the missing-value policy %s on a panel with a gap, or both refuse", (missing) => {
    const tree = deepTree();
    const panel = deepPanel(tree, true);
    const engine = new IndexEngine(tree, panel);
    let reference: Float64Array | undefined;
    try {
      reference = computeIndex(tree, panel, { missing }).values.subarray(0, 6);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
    }
    const choice = { normalize: "fixed-base", aggregate: "arithmetic", missing } as const;
    if (!reference) {
      expect(() => engine.prepare(choice)).toThrow(messages.choiceUndefined("fixed-base", "arithmetic", missing));
      return;
    }
    const out = engine.evaluate(choice, engine.nominalWeights, new Float64Array(6));
    for (let cell = 0; cell < 6; cell++) expect(out[cell]).toBeCloseTo(reference[cell], 10);
  });
});

describe("IndexEngine.prepare's warnings", () => {
  it("are each combination's own, though runs of one normalisation and policy share one result", () => {
    const tree = deepTree();
    const panel = deepPanel(tree);
    const engine = new IndexEngine(tree, panel, { power: 0.5 });
    const unused = methodMessages.powerUnused();
    const arithmetic = engine.prepare({ normalize: "fixed-base", missing: "error", aggregate: "arithmetic" });
    const power = engine.prepare({ normalize: "fixed-base", missing: "error", aggregate: "power" });
    // computeIndex says the same of each: the exponent is unused by the arithmetic mean, read by the power mean.
    expect(arithmetic.warnings.map((warning) => warning.message)).toEqual(computeIndex(tree, panel, { power: 0.5 }).warnings.map((warning) => warning.message));
    expect(arithmetic.warnings.map((warning) => warning.message)).toContain(unused);
    expect(power.warnings.map((warning) => warning.message)).not.toContain(unused);
    // The scores kept are the pair's, shared: the values are the same array.
    expect(power.values).toBe(arithmetic.values);
    // Asked again, each keeps its own.
    expect(engine.prepare({ normalize: "fixed-base", missing: "error", aggregate: "arithmetic" }).warnings.map((warning) => warning.message)).toContain(unused);
    expect(engine.prepare({ normalize: "fixed-base", missing: "error", aggregate: "power" }).warnings.map((warning) => warning.message)).not.toContain(unused);
  });
});
