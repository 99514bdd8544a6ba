/**
 * The cross-sectional missing-value policies `mean` and `median` (COINr's `Impute()` with `i_mean`, `i_median`, year by
 * year): a gap takes the mean or median of the same indicator over the other units observed in its year. Every expected
 * value is worked out by hand below.
 *
 * The panel: units U1-U4, years 2018 and 2019, indicators A, B, C (per unit: [2018, 2019]; · a gap):
 *
 *        A         B          C
 *   U1   10, ·     4, 1       5, ·
 *   U2   ·, 6      9, 3       6, ·
 *   U3   30, 2     ·, 5       ·, ·
 *   U4   2, 16     ·, 100     13, ·
 *
 * Per indicator and year, the observed values and their centres:
 *   A 2018: 10, 30, 2      mean 42/3 = 14          median 10
 *   A 2019: 6, 2, 16       mean 24/3 = 8           median 6
 *   B 2018: 4, 9           mean 13/2 = 6.5         median (4 + 9)/2 = 6.5 (an even count: the two middle values)
 *   B 2019: 1, 3, 5, 100   mean 109/4 = 27.25      median (3 + 5)/2 = 4 (no gap that year: nothing filled)
 *   C 2018: 5, 6, 13       mean 24/3 = 8           median 6
 *   C 2019: none           no centre: its 4 gaps cannot be filled
 * No unit-year is without every indicator (U3 2018 has A, U1 2019 has B), so none is left out as a whole.
 */
import { describe, expect, it } from "vitest";
import { computeIndex, resultIndex, type ComputeOptions } from "../../src/core/compute.js";
import { IndexEngine } from "../../src/core/engine.js";
import { messages } from "../../src/core/messages.js";
import { crossSectionCentres, imputePanel, imputeSeries, MISSING_POLICIES, parseMissingPolicy, type ImputationMethod } from "../../src/core/missing.js";
import { createPanel, indicatorBlock, type Panel } from "../../src/core/panel.js";
import { treatData } from "../../src/core/prepare.js";
import { buildTree } from "../../src/core/tree.js";
import type { Tree } from "../../src/core/types.js";

const NaN_ = Number.NaN;
const UNITS = ["U1", "U2", "U3", "U4"];
const YEARS = [2018, 2019];

/** The panel above: cells indicator by indicator, unit by unit, year by year. */
function gappyPanel(): Panel {
  const panel = createPanel(UNITS, YEARS, ["A", "B", "C"]);
  // prettier-ignore
  panel.values.set([
    10, NaN_,  NaN_, 6,  30, 2,     2, 16,      // A
    4, 1,      9, 3,     NaN_, 5,   NaN_, 100,  // B
    5, NaN_,   6, NaN_,  NaN_, NaN_, 13, NaN_,  // C
  ]);
  return panel;
}

/** A, B and C side by side at the top of the tree, equal weights, each `+`. */
function flatTree(): Tree {
  const rows = ["A", "B", "C"].map((code, i) => ({ line: i + 2, code, parent: "", name: code, weight: "", direction: "+", attributes: {} }));
  const built = buildTree(rows, "tree.csv");
  if (!built.ok) throw new Error("the test tree is invalid");
  return built.value;
}

const described = (rows: readonly { indicator: string; unit: string; year: number; method: string; value: number }[]) =>
  rows.map((row) => `${row.indicator}/${row.unit}/${row.year}:${row.method}:${row.value}`);

describe("crossSectionCentres", () => {
  it("gives each year's mean or median of the observed values, NaN for a year without any", () => {
    const panel = gappyPanel();
    // The centres of the table above, B 2019 included (its four values, no gap): mean 27.25, median (3 + 5)/2 = 4.
    expect([...crossSectionCentres(indicatorBlock(panel, 0), 4, 2, "mean")]).toEqual([14, 8]);
    expect([...crossSectionCentres(indicatorBlock(panel, 0), 4, 2, "median")]).toEqual([10, 6]);
    expect([...crossSectionCentres(indicatorBlock(panel, 1), 4, 2, "mean")]).toEqual([6.5, 27.25]);
    expect([...crossSectionCentres(indicatorBlock(panel, 1), 4, 2, "median")]).toEqual([6.5, 4]);
    expect([...crossSectionCentres(indicatorBlock(panel, 2), 4, 2, "mean")]).toEqual([8, NaN_]);
    expect([...crossSectionCentres(indicatorBlock(panel, 2), 4, 2, "median")]).toEqual([6, NaN_]);
    // One year, the values unsorted: 7, −1, 3 → median 3 (the middle one); 7, −1, 3, 100 → (3 + 7)/2 = 5.
    expect([...crossSectionCentres([7, -1, 3], 3, 1, "median")]).toEqual([3]);
    expect([...crossSectionCentres([7, -1, 3, 100], 4, 1, "median")]).toEqual([5]);
  });

  it("imputeSeries puts a year's centre into a gap and marks it; without centres mean and median fill nothing", () => {
    const out = new Float64Array(3);
    const methods: (ImputationMethod | undefined)[] = [];
    imputeSeries([10, NaN_, NaN_], [2017, 2018, 2019], "median", out, methods, [12, 15, NaN_]);
    // 2018 ← 15 (its centre); 2019 has no centre (no unit observed): left, for the caller to report or reweight.
    expect([...out]).toEqual([10, 15, NaN_]);
    expect(methods).toEqual([undefined, "median", undefined]);
    imputeSeries([10, NaN_, 16], [2017, 2018, 2019], "mean", out, methods);
    expect([...out]).toEqual([10, NaN_, 16]);
    expect(methods).toEqual([undefined, undefined, undefined]);
  });

  it("are policies of their own names", () => {
    expect(MISSING_POLICIES).toEqual(["error", "carry-forward", "interpolate", "carry-back", "reweight", "mean", "median"]);
    expect([parseMissingPolicy(" Mean "), parseMissingPolicy("MEDIAN"), parseMissingPolicy("i_mean")]).toEqual(["mean", "median", undefined]);
  });
});

describe("imputePanel under mean and median", () => {
  it("mean fills each gap with the mean of its year's other units, records it, and reports a year no unit has", () => {
    const panel = gappyPanel();
    const before = [...panel.values];
    const imputed = imputePanel(panel, ["mean", "mean", "mean"]);
    expect([...panel.values]).toEqual(before);
    // A/U1 2019 ← 8, A/U2 2018 ← 14, B/U3 and B/U4 2018 ← 6.5 (both from 4 and 9 alone), C/U3 2018 ← 8.
    expect(described(imputed.imputations)).toEqual(["A/U1/2019:mean:8", "A/U2/2018:mean:14", "B/U3/2018:mean:6.5", "B/U4/2018:mean:6.5", "C/U3/2018:mean:8"]);
    expect([...imputed.panel.values.subarray(0, 8)]).toEqual([10, 8, 14, 6, 30, 2, 2, 16]);
    expect([...imputed.panel.values.subarray(8, 16)]).toEqual([4, 1, 9, 3, 6.5, 5, 6.5, 100]);
    // C 2019: no unit has a value, so no centre: one problem per gap, at its cell ((2·4 + u)·2 + 1 for unit u).
    expect(imputed.gaps.map((gap) => [gap.cell, gap.issue.code, gap.issue.message])).toEqual(
      UNITS.map((unit, u) => [(2 * 4 + u) * 2 + 1, "E_CANNOT_IMPUTE", messages.cannotImpute("C", unit, 2019, "mean")]),
    );
    expect(messages.cannotImpute("C", "U1", 2019, "mean")).toBe(
      'no value for indicator "C", unit "U1", year 2019, and mean has no value of any other unit in 2019 to use; expected a value (or another missing-value policy)',
    );
  });

  it("median fills with the median (an even count: the mean of the two middle values), and --unfilled reweight leaves the year no unit has out", () => {
    const imputed = imputePanel(gappyPanel(), ["median", "median", "median"], "reweight");
    // A/U1 2019 ← 6, A/U2 2018 ← 10, B 2018 ← (4 + 9)/2 = 6.5, C/U3 2018 ← 6; C 2019 reweighted for every unit.
    expect(described(imputed.imputations)).toEqual([
      "A/U1/2019:median:6",
      "A/U2/2018:median:10",
      "B/U3/2018:median:6.5",
      "B/U4/2018:median:6.5",
      "C/U1/2019:reweight:NaN",
      "C/U2/2019:reweight:NaN",
      "C/U3/2018:median:6",
      "C/U3/2019:reweight:NaN",
      "C/U4/2019:reweight:NaN",
    ]);
    expect(imputed.gaps).toEqual([]);
  });

  it("mixes with the series policies indicator by indicator", () => {
    // A by median (as above); C carried forward: U1 ← 5, U2 ← 6, U4 ← 13 in 2019; U3 has no C at all: a problem.
    const imputed = imputePanel(gappyPanel(), ["median", "reweight", "carry-forward"]);
    expect(described(imputed.imputations)).toEqual([
      "A/U1/2019:median:6",
      "A/U2/2018:median:10",
      "B/U3/2018:reweight:NaN",
      "B/U4/2018:reweight:NaN",
      "C/U1/2019:carry-forward:5",
      "C/U2/2019:carry-forward:6",
      "C/U4/2019:carry-forward:13",
    ]);
    expect(imputed.gaps.map((gap) => gap.issue.message)).toEqual([messages.cannotImpute("C", "U3", 2018, "carry-forward"), messages.cannotImpute("C", "U3", 2019, "carry-forward")]);
  });

  it("never fills a unit-year without any value, whose cells weigh in no centre", () => {
    // U4 2019 emptied of B too: it has no value of any indicator that year (A 16 removed as well), so it stays a gap,
    // one problem; A 2019's mean is then (6 + 2)/2 = 4 for U1.
    const panel = gappyPanel();
    panel.values[7] = NaN_; // A/U4 2019
    panel.values[15] = NaN_; // B/U4 2019
    const imputed = imputePanel(panel, ["mean", "mean", "reweight"]);
    expect(described(imputed.imputations).filter((row) => row.startsWith("A/"))).toEqual(["A/U1/2019:mean:4", "A/U2/2018:mean:14"]);
    expect(imputed.gaps.map((gap) => gap.issue.code)).toEqual(["E_UNIT_YEAR_EMPTY"]);
  });
});

describe("mean and median through the data stage and computeIndex", () => {
  it("impute the raw values before the outlier treatment, which then treats the filled cells too", () => {
    // B under sqrt (the EIS rule: skewness > 1; B's observed 1, 3, 4, 5, 9, 100 and the two 6.5 filled are skewed):
    // the gap takes (4 + 9)/2 = 6.5 from the raw values, recorded as 6.5, and is then square-rooted to √6.5. Imputing
    // after the treatment would have given (√4 + √9)/2 = 2.5 instead.
    const tree = flatTree();
    const treated = treatData(tree, gappyPanel(), { missing: "mean", outliers: "sqrt", unfilled: "reweight" });
    expect(described(treated.imputations).filter((row) => row.startsWith("B/"))).toEqual(["B/U3/2018:mean:6.5", "B/U4/2018:mean:6.5"]);
    const b = indicatorBlock(treated.panel, 1);
    expect(b[4]).toBeCloseTo(Math.sqrt(6.5), 14);
    expect(b[6]).toBeCloseTo(Math.sqrt(6.5), 14);
    expect(treated.treatments.filter((row) => row.indicator === "B" && row.unit === "U3" && row.year === 2018)).toMatchObject([{ method: "sqrt", original: 6.5 }]);
  });

  it("computeIndex normalises the filled values: min-max under mean, by hand", () => {
    // A under mean: 10, 8 | 14, 6 | 30, 2 | 2, 16 → min 2, max 30; U1 2019 scores 100·(8 − 2)/28 = 21.4286.
    // B: 4, 1 | 9, 3 | 6.5, 5 | 6.5, 100 → min 1, max 100; U1 2019 scores 0. C 2019 reweighted: left out.
    // INDEX U1 2019 = (100·6/28 + 0)/2 = 10.7143 (A and B, equal weights).
    const options: ComputeOptions = { missing: "mean", unfilled: "reweight", normalize: "min-max" };
    const result = computeIndex(flatTree(), gappyPanel(), options);
    const value = (code: string, unit: number, year: number) => result.values[resultIndex(result, result.nodes.findIndex((node) => node.code === code), unit, year)];
    expect(value("A", 0, 1)).toBeCloseTo((100 * 6) / 28, 12);
    expect(value("B", 0, 1)).toBe(0);
    expect(value("INDEX", 0, 1)).toBeCloseTo((100 * 6) / 28 / 2, 12);
    expect(result.options.missing).toBe("mean");
    // The engine of the uncertainty analysis caches the data stage per policy: mean and reweight side by side give
    // computeIndex's index under each.
    const engine = new IndexEngine(flatTree(), gappyPanel(), { unfilled: "reweight" });
    for (const missing of ["reweight", "mean", "median", "mean"] as const) {
      const reference = computeIndex(flatTree(), gappyPanel(), { ...options, missing }).values.subarray(0, 8);
      const out = engine.evaluate({ normalize: "min-max", aggregate: "arithmetic", missing }, engine.nominalWeights, new Float64Array(8));
      for (let cell = 0; cell < 8; cell++) expect(out[cell], `${missing} ${cell}`).toBeCloseTo(reference[cell], 12);
    }
    // Reweighted, U1 2019 has B alone (A's gap left out): INDEX = 0, not 10.7143.
    const reweighted = engine.evaluate({ normalize: "min-max", aggregate: "arithmetic", missing: "reweight" }, engine.nominalWeights, new Float64Array(8));
    expect(reweighted[1]).toBe(0);
  });

  it("a base value filled by mean is warned of under fixed-base, as under the other filling policies", () => {
    // A/U2's base value (2018) ← 14: W_BASE_IMPUTED names it.
    const result = computeIndex(flatTree(), gappyPanel(), { missing: "mean", unfilled: "reweight", normalize: "fixed-base" });
    const warning = result.warnings.find((issue) => issue.code === "W_BASE_IMPUTED");
    expect(warning?.message).toContain('indicator "A", unit "U2", 2018: mean');
  });
});
