/**
 * Goalposts on the scale of `--range`, and the adjusted Mazziotta–Pareto index (AMPI) they give with `--range 70,130`
 * and the MPI aggregation: the recipe of docs/guides/choosing-a-method.md, computed by computeIndex.
 */
import { describe, expect, it } from "vitest";
import { computeIndex, type ComputeOptions } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";

// Two positive indicators x and y of weight 0.5 (1 and 1 would be renormalised, with a warning), goalposts 0 and 100;
// units A = (50, 50) and B = (35, 70), one year.
function indexOf(options: ComputeOptions) {
  const tree = buildTree(
    [
      { code: "x", parent: "", name: "x", weight: "0.5", direction: "+", attributes: { min: "0", max: "100" } },
      { code: "y", parent: "", name: "y", weight: "0.5", direction: "+", attributes: { min: "0", max: "100" } },
    ].map((row, i) => ({ ...row, line: i + 2 })),
  );
  if (!tree.ok) throw new Error(JSON.stringify(tree.issues));
  const values = { A: [50, 50], B: [35, 70] };
  const panel = buildPanel(
    tree.value,
    Object.entries(values).flatMap(([unit, [x, y]]) => [
      { unit, year: 2020, indicator: "x", value: x },
      { unit, year: 2020, indicator: "y", value: y },
    ]),
  );
  if (!panel.ok) throw new Error(JSON.stringify(panel.issues));
  const result = computeIndex(tree.value, panel.value, options);
  const at = result.nodes.findIndex((node) => node.code === "INDEX") * result.units.length;
  return { index: Array.from(result.values.subarray(at, at + 2)), warnings: result.warnings };
}

describe("goalposts with --range, and the AMPI", () => {
  it("at the default 0-100: A 50, B 46.6667 (MPI of 35, 70: M = 52.5, S = 17.5, 52.5 − 17.5²/52.5)", () => {
    const { index, warnings } = indexOf({ normalize: "min-max-goalposts", aggregate: "mpi" });
    expect(index[0]).toBe(50);
    expect(index[1]).toBeCloseTo(52.5 - 17.5 ** 2 / 52.5, 12);
    expect(index[1]).toBeCloseTo(46.6667, 4);
    expect(warnings).toEqual([]);
  });

  it("on 70-130 the AMPI: A 100, B 100.4138, Compind ci_ampi's numbers (population sd)", () => {
    // 70 + 60·x/100: A (100, 100), B (91, 112): M = 101.5, S = √((10.5² + 10.5²)/2) = 10.5 (divisor n, as ci_ampi's
    // var·(n − 1)/n), cv = S/M, AMPI = M − S·cv = 101.5 − 110.25/101.5 = 100.41379 (with the sample sd, 99.3276).
    const { index, warnings } = indexOf({ normalize: "min-max-goalposts", aggregate: "mpi", range: { low: 70, high: 130 } });
    expect(index[0]).toBe(100);
    expect(index[1]).toBeCloseTo(101.5 - 10.5 ** 2 / 101.5, 12);
    expect(index[1]).toBeCloseTo(100.4138, 4);
    // --range acts on the goalposts: no W_OPTION_UNUSED (before: "--range has no effect", and scores on 0-100)
    expect(warnings).toEqual([]);
  });

  it("a group marked - over goalposts on 70-130 flips inside those bounds: 70 + 130 − x", () => {
    const tree = buildTree([
      { line: 2, code: "G", parent: "", name: "G", weight: "", direction: "-" },
      { line: 3, code: "x", parent: "G", name: "x", weight: "", direction: "+", attributes: { min: "0", max: "100" } },
    ]);
    if (!tree.ok) throw new Error(JSON.stringify(tree.issues));
    const panel = buildPanel(tree.value, [{ unit: "B", year: 2020, indicator: "x", value: 35 }]);
    if (!panel.ok) throw new Error(JSON.stringify(panel.issues));
    const result = computeIndex(tree.value, panel.value, { normalize: "min-max-goalposts", range: { low: 70, high: 130 } });
    expect(result.groupReflections?.get("G")).toEqual({ kind: "bounded", low: 70, high: 130 });
    // x scores 70 + 60·0.35 = 91; G flips it to 200 − 91 = 109 (on 0-100 it would be 100 − 35 = 65)
    const valueOf = (code: string) => result.values[result.nodes.findIndex((node) => node.code === code)];
    expect(valueOf("x")).toBeCloseTo(91, 12);
    expect(valueOf("G")).toBeCloseTo(109, 12);
  });

  it("still says --range has no effect where no indicator is on a min-max scale", () => {
    const { warnings } = indexOf({ normalize: "z-score", aggregate: "mpi", range: { low: 70, high: 130 } });
    expect(warnings.map((warning) => warning.code)).toEqual(["W_OPTION_UNUSED"]);
    expect(warnings[0].message).toContain("min-max, min-max-year, min-max-goalposts");
  });
});
