/** Weights optimised for effective importance, against a case solved by hand. */
import { describe, expect, it } from "vitest";
import { buildTree } from "../../../src/core/tree.js";
import { pearsonObserved as pearson } from "../../../src/core/audit/correlation.js";
import { optimiseWeights } from "../../../src/core/weighting/optimise.js";

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
  });
});
