/** Weights optimised for effective importance, against a case solved by hand. */
import { describe, expect, it } from "vitest";
import { buildTree } from "../../../src/core/tree.js";
import { pearsonObserved as pearson } from "../../../src/core/audit/correlation.js";
import { optimiseWeights } from "../../../src/core/weighting/optimise.js";
import { weightingMessages } from "../../../src/core/weighting/messages.js";

function flat() {
  const built = buildTree([
    { line: 2, code: "X1", parent: "", name: "X1", weight: "", direction: "+" },
    { line: 3, code: "X2", parent: "", name: "X2", weight: "", direction: "+" },
  ]);
  if (!built.ok) throw new Error("tree");
  return built.value;
}
// Two children with equal variance and zero correlation over 4 units: x1 = 10 + (1, −1, 1, −1), x2 = 10 + (1, 1, −1, −1).
// The parent w1·x1 + w2·x2 has r[c]² = w[c]²/(w1² + w2²), so the shares are w1²/(w1² + w2²) and w2²/(w1² + w2²).
const result = {
  units: ["U1", "U2", "U3", "U4"],
  years: [2020],
  nodes: [{ code: "INDEX" }, { code: "X1" }, { code: "X2" }] as never,
  values: Float64Array.of(...[0, 0, 0, 0], ...[11, 9, 11, 9], ...[11, 11, 9, 9]),
};

describe("optimiseWeights", () => {
  it("pearsonObserved (the audit's Pearson, which optimising uses) is the correlation over the cells both observe", () => {
    expect(pearson([1, 2, 3, Number.NaN], [2, 4, 6, 1])).toBeCloseTo(1, 14);
    expect(pearson([11, 9, 11, 9], [11, 11, 9, 9])).toBe(0);
  });
  it("keeps equal weights for equal targets, where the shares are already 1/2", () => {
    const optimised = optimiseWeights(flat(), result, new Map([["INDEX", "arithmetic"]]), new Map([["X1", 0.5], ["X2", 0.5]]));
    expect(optimised.weights.get("X1")).toBeCloseTo(0.5, 12);
    expect(optimised.rows.map((row) => row.achieved)).toEqual([0.5, 0.5]);
  });
  it("finds w1/w2 = 2 for target shares 0.8 and 0.2 (w1²/(w1² + w2²) = 0.8)", () => {
    const optimised = optimiseWeights(flat(), result, new Map([["INDEX", "arithmetic"]]), new Map([["X1", 0.8], ["X2", 0.2]]), { tolerance: 1e-12 });
    expect(optimised.weights.get("X1")).toBeCloseTo(2 / 3, 9);
    expect(optimised.weights.get("X2")).toBeCloseTo(1 / 3, 9);
    // at the nominal weights 0.8, 0.2 the shares were 0.64/0.68 and 0.04/0.68
    expect(optimised.rows[0].nominal).toBeCloseTo(0.64 / 0.68, 12);
    expect(optimised.rows[0].achieved).toBeCloseTo(0.8, 10);
    expect(optimised.warnings).toEqual([]);
  });
});

describe("optimiseWeights where no share is defined", () => {
  const arithmetic = new Map([["INDEX", "arithmetic" as const]]);
  const targets = new Map([["X1", 0.8], ["X2", 0.2]]);
  const of = (units: number, x1: number[], x2: number[]) => ({
    units: Array.from({ length: units }, (_, i) => `U${i + 1}`),
    years: [2020],
    nodes: [{ code: "INDEX" }, { code: "X1" }, { code: "X2" }] as never,
    values: Float64Array.of(...x1.map(() => 0), ...x1, ...x2),
  });

  it("one unit-year: one W_OPTIMISE_FEW_OBSERVATIONS, the starting weights kept, the shares NaN, no gap of NaN", () => {
    const optimised = optimiseWeights(flat(), of(1, [11], [9]), arithmetic, targets);
    expect(optimised.warnings).toEqual([{ code: "W_OPTIMISE_FEW_OBSERVATIONS", message: weightingMessages.optimiseFewObservations(1) }]);
    expect([optimised.weights.get("X1"), optimised.weights.get("X2")]).toEqual([0.8, 0.2]);
    expect(optimised.rows.map((row) => [row.achieved, row.nominal])).toEqual([[Number.NaN, Number.NaN], [Number.NaN, Number.NaN]]);
  });

  it("children that do not vary: W_OPTIMISE_NO_VARIATION naming them, the starting weights kept", () => {
    const optimised = optimiseWeights(flat(), of(4, [10, 10, 10, 10], [7, 7, Number.NaN, 7]), arithmetic, targets);
    expect(optimised.warnings).toEqual([{ code: "W_OPTIMISE_NO_VARIATION", id: "INDEX", message: weightingMessages.optimiseNoVariation("INDEX", 4, ["X1", "X2"], 2) }]);
    expect([optimised.weights.get("X1"), optimised.weights.get("X2")]).toEqual([0.8, 0.2]);
  });

  it("children that offset each other: the group does not vary, and no child is named as constant", () => {
    // x1 = 10 + (1, −1, 1, −1), x2 = 10 − (1, −1, 1, −1): at 0.5 and 0.5 the parent is 10 for every unit.
    const optimised = optimiseWeights(flat(), of(4, [11, 9, 11, 9], [9, 11, 9, 11]), arithmetic, new Map([["X1", 0.5], ["X2", 0.5]]));
    expect(optimised.warnings).toEqual([{ code: "W_OPTIMISE_NO_VARIATION", id: "INDEX", message: weightingMessages.optimiseNoVariation("INDEX", 4, [], 2) }]);
    expect(weightingMessages.optimiseNoVariation("INDEX", 4, [], 2)).toContain("the group's values at the starting weights do not vary over the 4 unit-years");
    expect([optimised.weights.get("X1"), optimised.weights.get("X2")]).toEqual([0.5, 0.5]);
  });
});

describe("optimiseWeights on the ASEM data", () => {
  it("gives weights under which the index's children reach their target shares, recomputed independently", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseTreeCsv } = await import("../../../src/io/read/tree-csv.js");
    const { parseDataCsv } = await import("../../../src/io/read/data-csv.js");
    const { buildPanel } = await import("../../../src/core/panel.js");
    const { computeIndex } = await import("../../../src/core/compute.js");
    const { resolveWeights } = await import("../../../src/core/weight.js");
    const read = (name: string) => readFileSync(new URL(`../../fixtures/asem/${name}`, import.meta.url), "utf8");
    const tree = parseTreeCsv(read("tree-scaling.csv"), "tree.csv");
    const parsed = parseDataCsv(read("values.csv"), "values.csv");
    if (!parsed.ok) throw new Error("values");
    const panel = buildPanel(tree, parsed.value.filter((record) => tree.byCode.has(record.indicator)));
    if (!panel.ok) throw new Error("panel");
    const options = { normalize: "min-max", missing: "reweight" } as const;
    const nominal = resolveWeights(tree).weights;
    const first = computeIndex(tree, panel.value, options);
    const methods = new Map(first.nodes.filter((node) => node.kind !== "indicator").map((node) => [node.code, "arithmetic" as const]));
    const optimised = optimiseWeights(tree, first, methods, nominal);
    expect(optimised.warnings).toEqual([]);
    // recompute the whole index with the optimised weights, then every share with a correlation written here
    const again = computeIndex(tree, panel.value, { ...options, weights: optimised.weights });
    const size = again.units.length * again.years.length;
    const block = (code: string) => {
      const at = again.nodes.findIndex((node) => node.code === code);
      return Array.from(again.values.subarray(at * size, (at + 1) * size));
    };
    const correlation = (x: number[], y: number[]) => {
      const keep = x.map((_, k) => !Number.isNaN(x[k]) && !Number.isNaN(y[k]));
      const xs = x.filter((_, k) => keep[k]);
      const ys = y.filter((_, k) => keep[k]);
      const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
      const my = ys.reduce((a, b) => a + b, 0) / ys.length;
      const sxy = xs.reduce((sum, value, k) => sum + (value - mx) * (ys[k] - my), 0);
      const sxx = xs.reduce((sum, value) => sum + (value - mx) ** 2, 0);
      const syy = ys.reduce((sum, value) => sum + (value - my) ** 2, 0);
      return sxy / Math.sqrt(sxx * syy);
    };
    for (const parent of ["Environ", "Instit", "SusEcFin", "INDEX"]) {
      const children = parent === "INDEX" ? tree.roots : (tree.byCode.get(parent) as { children: string[] }).children;
      const squares = children.map((child) => correlation(block(child), block(parent)) ** 2);
      const total = squares.reduce((a, b) => a + b, 0);
      const targetTotal = children.reduce((sum, child) => sum + nominal.get(child)!, 0);
      children.forEach((child, c) => expect(squares[c] / total).toBeCloseTo(nominal.get(child)! / targetTotal, 4));
    }
    // The nominal share of every node is the one of the index at the starting weights (the first result), at every
    // level: above the indicators too, where the groups' values depend on the weights below (Environ's share of the
    // index was taken from groups already optimised: 0.689 where the starting weights give 0.783).
    const start = (code: string) => {
      const at = first.nodes.findIndex((node) => node.code === code);
      return Array.from(first.values.subarray(at * size, (at + 1) * size));
    };
    for (const parent of ["Environ", "SusEcFin", "INDEX"]) {
      const children = parent === "INDEX" ? tree.roots : (tree.byCode.get(parent) as { children: string[] }).children;
      const squares = children.map((child) => correlation(start(child), start(parent)) ** 2);
      const total = squares.reduce((a, b) => a + b, 0);
      children.forEach((child, c) => expect(optimised.rows.find((row) => row.code === child)!.nominal, child).toBeCloseTo(squares[c] / total, 10));
    }
  });
});

describe("optimiseWeights with a group marked direction -", () => {
  // G (direction -) has one indicator X; the index averages G and the indicator Y. Raw values over four units:
  // X = 50 + (10, 10, −10, −10), Y = 50 + (2, −14, 14, −2), so corr(X, Y) = −240/400 = −0.6. Min-max puts X on
  // (100, 100, 0, 0) (sd ∝ 100) and Y on (400/7, 0, 100, 300/7) (sd ∝ 100·20/28 = 500/7). G = X, flipped to 100 − X,
  // so on the values the index aggregates corr(G, Y) = ρ = +0.6.
  // By hand: with u = wG·σG and v = wY·σY the index is, up to a constant, u·g + v·y for unit-variance g, y, so
  // cov(g, I) ∝ u + vρ and cov(y, I) ∝ uρ + v, and G's share is s(t) = (t + ρ)²/((t + ρ)² + (tρ + 1)²), t = u/v.
  // Target shares 0.64 and 0.36 need (t + 0.6) = (4/3)(0.6t + 1): t = 11/3, so wG/wY = (11/3)·(σY/σG) = (11/3)·(5/7)
  // = 55/21: wG = 55/76, wY = 21/76. Ignoring the flip (ρ = −0.6) the same target would need t = 29/27 instead.
  const targets = new Map([["G", 0.64], ["Y", 0.36], ["X", 1]]);
  const share = (t: number, rho: number) => (t + rho) ** 2 / ((t + rho) ** 2 + (t * rho + 1) ** 2);
  async function setUp() {
    const { computeIndex } = await import("../../../src/core/compute.js");
    const { buildPanel } = await import("../../../src/core/panel.js");
    const built = buildTree([
      { line: 2, code: "G", parent: "", name: "G", weight: "", direction: "-" },
      { line: 3, code: "X", parent: "G", name: "X", weight: "", direction: "+" },
      { line: 4, code: "Y", parent: "", name: "Y", weight: "", direction: "+" },
    ]);
    if (!built.ok) throw new Error("tree");
    const tree = built.value;
    const units = ["U1", "U2", "U3", "U4"];
    const x = [60, 60, 40, 40];
    const y = [52, 36, 64, 48];
    const records = units.flatMap((unit, u) => [
      { unit, year: 2020, indicator: "X", value: x[u] },
      { unit, year: 2020, indicator: "Y", value: y[u] },
    ]);
    const panel = buildPanel(tree, records);
    if (!panel.ok) throw new Error("panel");
    const result = computeIndex(tree, panel.value, { normalize: "min-max" });
    const methods = new Map([["G", "arithmetic" as const], ["INDEX", "arithmetic" as const]]);
    return { tree, result, methods, panel: panel.value, computeIndex };
  }
  it("finds wG = 55/76, wY = 21/76 for target shares 0.64 and 0.36, on the flipped values", async () => {
    const { tree, result, methods } = await setUp();
    expect(result.groupReflections?.get("G")).toEqual({ kind: "bounded", low: 0, high: 100 });
    const optimised = optimiseWeights(tree, result, methods, targets, { tolerance: 1e-12 });
    expect(optimised.warnings).toEqual([]);
    expect(optimised.weights.get("G")).toBeCloseTo(55 / 76, 9);
    expect(optimised.weights.get("Y")).toBeCloseTo(21 / 76, 9);
    const row = optimised.rows.find((entry) => entry.code === "G")!;
    expect(row.achieved).toBeCloseTo(0.64, 10);
    // at the nominal weights 0.64, 0.36: t = (0.64·100)/(0.36·500/7) = 112/45
    expect(row.nominal).toBeCloseTo(share(112 / 45, 0.6), 12);
  });
  it("recomputing the index with those weights gives G's flipped values a share of 0.64, with a correlation written here", async () => {
    const { tree, result, methods, panel, computeIndex } = await setUp();
    const optimised = optimiseWeights(tree, result, methods, targets, { tolerance: 1e-12 });
    const again = computeIndex(tree, panel, { normalize: "min-max", weights: optimised.weights });
    const block = (code: string) => {
      const at = again.nodes.findIndex((node) => node.code === code) * 4;
      return Array.from(again.values.subarray(at, at + 4));
    };
    // G is reported flipped: 100 − (100, 100, 0, 0)
    expect(block("G")).toEqual([0, 0, 100, 100]);
    const r = (a: number[], b: number[]) => {
      const ma = a.reduce((sum, v) => sum + v, 0) / a.length;
      const mb = b.reduce((sum, v) => sum + v, 0) / b.length;
      const sab = a.reduce((sum, v, k) => sum + (v - ma) * (b[k] - mb), 0);
      return sab / Math.sqrt(a.reduce((sum, v) => sum + (v - ma) ** 2, 0) * b.reduce((sum, v) => sum + (v - mb) ** 2, 0));
    };
    const squareG = r(block("G"), block("INDEX")) ** 2;
    const squareY = r(block("Y"), block("INDEX")) ** 2;
    expect(squareG / (squareG + squareY)).toBeCloseTo(0.64, 9);
  });
  it("differs from the weights found on the unflipped values (the optimiser before group directions counted)", async () => {
    const { tree, result, methods } = await setUp();
    const unflipped = optimiseWeights(tree, result, methods, targets, { reflections: new Map() });
    // on the unflipped values the nominal share is s(112/45, −0.6) = 0.936, not s(112/45, +0.6) = 0.605
    expect(unflipped.rows.find((entry) => entry.code === "G")!.nominal).toBeCloseTo(share(112 / 45, -0.6), 12);
    expect(Math.abs(unflipped.weights.get("G")! - 55 / 76)).toBeGreaterThan(0.05);
  });
});
