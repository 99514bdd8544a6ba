import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { failsOutlierRule, kurtosis, logTransform, needsSquareRoot, skewness, treatOutliers, winsorise } from "../../src/core/outliers.js";
import { computeIndex } from "../../src/core/compute.js";
import { buildPanel, createPanel } from "../../src/core/panel.js";
import { buildTree } from "../../src/core/tree.js";
import type { ValidationError } from "../../src/errors.js";

/**
 * Reference statistics written the way Excel documents SKEW and KURT (with the sample standard deviation s), a different
 * formula from the one in the code: SKEW = n/((n−1)(n−2))·Σ((x−m)/s)³; KURT = n(n+1)/((n−1)(n−2)(n−3))·Σ((x−m)/s)⁴ − 3(n−1)²/((n−2)(n−3)).
 */
function excelSkew(x: number[]): number {
  const n = x.length;
  const m = x.reduce((a, b) => a + b) / n;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1));
  return (n / ((n - 1) * (n - 2))) * x.reduce((a, v) => a + ((v - m) / s) ** 3, 0);
}
function excelKurt(x: number[]): number {
  const n = x.length;
  const m = x.reduce((a, b) => a + b) / n;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1));
  const sum = x.reduce((a, v) => a + ((v - m) / s) ** 4, 0);
  return ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * sum - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
}

/** COINr's documentation example: 1..10 with two outliers. */
const COINR_EXAMPLE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
/** Two high outliers that need two steps: 1..20, 200, 300. */
const TWO_STEPS = [...Array.from({ length: 20 }, (_, i) => i + 1), 200, 300];

describe("skewness and kurtosis (Excel SKEW/KURT, COINr skew/kurt)", () => {
  it.each([[COINR_EXAMPLE], [TWO_STEPS], [[1, 2, 3, 10]], [[5, -3, 2.5, 8, 0, 1]]])("match the Excel formulas on %j", (x) => {
    expect(skewness(x)).toBeCloseTo(excelSkew(x), 12);
    expect(kurtosis(x)).toBeCloseTo(excelKurt(x), 12);
  });

  it("are undefined with too few values or no spread", () => {
    expect(skewness([1, 2])).toBeNaN();
    expect(kurtosis([1, 2, 3])).toBeNaN();
    expect(skewness([4, 4, 4, 4])).toBeNaN();
    expect(failsOutlierRule([4, 4, 4, 4])).toBe(false);
  });

  it("the COINr example fails the rule: skewness 3.063 > 2 and kurtosis 9.741 > 3.5", () => {
    // values from the Excel formulas above (Python, by hand): 3.0632410342, 9.7413908346
    expect(skewness(COINR_EXAMPLE)).toBeCloseTo(3.0632410342394985, 10);
    expect(kurtosis(COINR_EXAMPLE)).toBeCloseTo(9.741390834569142, 10);
    expect(failsOutlierRule(COINR_EXAMPLE)).toBe(true);
  });
});

describe("winsorise (COINr's rule)", () => {
  it("replaces the maximum by the next value until the rule holds", () => {
    const values = Float64Array.from(COINR_EXAMPLE);
    // step 1: 100 → 30; then skewness 1.712 < 2, so it stops after one point
    expect(winsorise(values, 5)).toEqual({ points: 1, passes: true });
    expect([...values]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30]);
  });

  it("counts a winsorised point again when it ties with the next extreme", () => {
    const values = Float64Array.from(TWO_STEPS);
    // step 1: 300 → 200 (skewness 3.002, kurtosis 7.861: still fails); step 2: both 200s → 20 (skewness −0.094: passes)
    expect(winsorise(values, 5)).toEqual({ points: 2, passes: true });
    expect([...values].slice(-3)).toEqual([20, 20, 20]);
  });

  it("stops at the limit, still failing", () => {
    const values = Float64Array.from(TWO_STEPS);
    expect(winsorise(values, 1)).toEqual({ points: 1, passes: false });
    expect([...values].slice(-3)).toEqual([20, 200, 200]);
  });

  it("treats the minimum when the skew is negative, and ignores NaN", () => {
    const values = Float64Array.from([Number.NaN, ...COINR_EXAMPLE.map((x) => -x)]);
    expect(winsorise(values, 5)).toEqual({ points: 1, passes: true });
    expect(values[0]).toBeNaN();
    expect(values[12]).toBe(-30);
  });
});

describe("logTransform (COINr log_CT)", () => {
  it("is ln(x − min + 0.01·(max − min))", () => {
    const values = Float64Array.from([2, 12, Number.NaN, 102]);
    expect(logTransform(values)).toBe(true);
    // min 2, max 102, shift 0.01·100 = 1: ln(1), ln(11), NaN, ln(101)
    expect(values[0]).toBe(0);
    expect(values[1]).toBeCloseTo(Math.log(11), 14);
    expect(values[2]).toBeNaN();
    expect(values[3]).toBeCloseTo(Math.log(101), 14);
    expect(logTransform(Float64Array.from([3, 3]))).toBe(false);
  });
});

describe("treatOutliers", () => {
  // One indicator, 3 units × 4 years = the COINr example; a second indicator without outliers.
  function panel() {
    const result = createPanel(["U1", "U2", "U3"], [2017, 2018, 2019, 2020], ["A", "B"]);
    result.values.set([...COINR_EXAMPLE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    return result;
  }

  it("winsorises over all units and years and lists every changed cell", () => {
    const treated = treatOutliers(panel(), ["winsorise", "winsorise"], 5);
    // the 12th cell is U3, 2020 (unit-major): 100 → 30; B passes the rule untouched
    expect(treated.treatments).toEqual([{ unit: "U3", year: 2020, indicator: "A", method: "winsorise-high", original: 100, value: 30 }]);
    expect(treated.panel.values[11]).toBe(30);
    expect(treated.warnings).toEqual([]);
  });

  it("warns when the limit is reached and the rule still fails", () => {
    const input = createPanel(["U"], TWO_STEPS.map((_, i) => 2000 + i), ["A"]);
    input.values.set(TWO_STEPS);
    const treated = treatOutliers(input, ["winsorise"], 1);
    expect(treated.treatments).toEqual([{ unit: "U", year: 2021, indicator: "A", method: "winsorise-high", original: 300, value: 200 }]);
    expect(treated.warnings.map((warning) => warning.message)).toEqual([
      messages.outliersRemain("A", 1, skewness([...TWO_STEPS.slice(0, 21), 200]), kurtosis([...TWO_STEPS.slice(0, 21), 200])),
    ]);
  });

  it("under the year scope treats each year's units apart, with the limit per year", () => {
    // 12 units × 2 years: 2017 is 1..12 (no outliers), 2018 is the COINr example; unit-major cells: u·2 + t
    const input = createPanel(Array.from({ length: 12 }, (_, u) => `U${u + 1}`), [2017, 2018], ["A"]);
    input.values.set(Array.from({ length: 12 }, (_, u) => [u + 1, COINR_EXAMPLE[u]]).flat());
    const treated = treatOutliers(input, ["winsorise"], 5, false, "year");
    // 2018: U12's 100 → 30 (as in the COINr example); 2017 passes the rule
    expect(treated.treatments).toEqual([{ unit: "U12", year: 2018, indicator: "A", method: "winsorise-high", original: 100, value: 30 }]);
    // the panel scope sees all 24 values (worked with the Excel formulas in Python): step 1, 100 → 30, leaves skewness
    // 2.240 and kurtosis 5.184, still failing; step 2, both 30s → 12 (skewness 0.039): two cells treated
    const panelWide = treatOutliers(input, ["winsorise"], 5, false, "panel");
    expect(panelWide.treatments.map((row) => `${row.unit}/${row.year}:${row.original}->${row.value}`)).toEqual(["U11/2018:30->12", "U12/2018:100->12"]);
  });

  it("log-transforms every cell of an indicator that fails the rule, and warns under fixed-base", () => {
    const treated = treatOutliers(panel(), ["log", "log"], 5, true);
    // min 1, max 100, shift 0.01·99 − 1: the cell 30 becomes ln(30 − 1 + 0.99) = ln(29.99)
    expect(treated.treatments).toHaveLength(12);
    expect(treated.treatments[10]).toEqual({ unit: "U3", year: 2019, indicator: "A", method: "log", original: 30, value: Math.log(29.99) });
    expect(treated.warnings.map((warning) => warning.code)).toEqual(["W_LOG_FIXED_BASE"]);
  });
});

describe("winsorise-log (COINr's default treatment: winsorise, failing that log_CT of the original values)", () => {
  it("winsorises alone when that makes the rule hold: the same cells as winsorise", () => {
    const input = createPanel(["U1", "U2", "U3"], [2017, 2018, 2019, 2020], ["A"]);
    input.values.set(COINR_EXAMPLE);
    const treated = treatOutliers(input, ["winsorise-log"], 5);
    expect(treated.treatments).toEqual(treatOutliers(input, ["winsorise"], 5).treatments);
    expect(treated.treatments).toEqual([{ unit: "U3", year: 2020, indicator: "A", method: "winsorise-high", original: 100, value: 30 }]);
    expect(treated.logged).toEqual([false]);
  });

  it("log-transforms the original values, not the winsorised ones, when the limit is reached", () => {
    // TWO_STEPS with --winsor-max 1: 300 → 200 leaves skewness 3.002 and kurtosis 7.861 (Excel formulas above), still
    // failing; so every cell is ln(x − 1 + 0.01·(300 − 1)) = ln(x + 1.99) of the original x (300 included, not 200),
    // whose skewness 1.605 passes the rule: no warning.
    const input = createPanel(["U"], TWO_STEPS.map((_, i) => 2000 + i), ["A"]);
    input.values.set(TWO_STEPS);
    expect(failsOutlierRule([...TWO_STEPS.slice(0, 21), 200])).toBe(true);
    const treated = treatOutliers(input, ["winsorise-log"], 1, true);
    expect(treated.treatments).toHaveLength(22);
    expect(treated.treatments.every((row) => row.method === "log")).toBe(true);
    expect(treated.treatments[21]).toEqual({ unit: "U", year: 2021, indicator: "A", method: "log", original: 300, value: Math.log(301.99) });
    expect(treated.treatments[0]).toEqual({ unit: "U", year: 2000, indicator: "A", method: "log", original: 1, value: Math.log(2.99) });
    expect(excelSkew(TWO_STEPS.map((x) => Math.log(x + 1.99)))).toBeCloseTo(1.6049, 4);
    expect(treated.logged).toEqual([true]);
    expect(treated.warnings.map((warning) => warning.code)).toEqual(["W_LOG_FIXED_BASE"]);
  });

  it("warns when the rule fails even after the log transform", () => {
    // 19 ones, 500 and 1000: one point (1000 → 500) leaves skewness 2.975, kurtosis 7.562; ln(x − 1 + 9.99) of the
    // original values still has skewness 3.013 and kurtosis 7.920 (Excel formulas above).
    const values = [...Array.from({ length: 19 }, () => 1), 500, 1000];
    const input = createPanel(["U"], values.map((_, i) => 2000 + i), ["A"]);
    input.values.set(values);
    const treated = treatOutliers(input, ["winsorise-log"], 1);
    const logged = values.map((x) => Math.log(x - 1 + 9.99));
    expect([...treated.panel.values]).toEqual(logged);
    expect(excelSkew(logged)).toBeCloseTo(3.0132, 4);
    expect(excelKurt(logged)).toBeCloseTo(7.9201, 4);
    expect(treated.warnings).toEqual([{ code: "W_OUTLIERS_REMAIN", message: messages.outliersRemainLogged("A", 1, skewness(logged), kurtosis(logged)), id: "A" }]);
    expect(treated.warnings[0].message).toBe(
      'indicator "A" still failed the rule after winsorising 1 point, so its original values were log-transformed (as COINr\'s default treatment does), and it still has |skewness| > 2 and kurtosis > 3.5 (skewness 3.013, kurtosis 7.92); expected a distribution the log transform evens out: look at the indicator\'s values, or leave it untreated (--outliers none in its tree row)',
    );
  });

  it("under the year scope, winsorises one year and logs another, each cell named by its own treatment", () => {
    // 22 units × 2 years (cells u·2 + t): 2017 is 1..21 and 200 (one point, 200 → 21, makes the rule hold: skewness
    // −0.036); 2018 is TWO_STEPS, which one point leaves failing, so 2018 is ln(x + 1.99).
    const first = [...Array.from({ length: 21 }, (_, i) => i + 1), 200];
    const input = createPanel(Array.from({ length: 22 }, (_, u) => `U${u + 1}`), [2017, 2018], ["A"]);
    input.values.set(first.flatMap((value, u) => [value, TWO_STEPS[u]]));
    const treated = treatOutliers(input, ["winsorise-log"], 1, false, "year");
    const byYear = (year: number) => treated.treatments.filter((row) => row.year === year);
    expect(byYear(2017)).toEqual([{ unit: "U22", year: 2017, indicator: "A", method: "winsorise-high", original: 200, value: 21 }]);
    expect(byYear(2018)).toHaveLength(22);
    byYear(2018).forEach((row, u) => {
      expect(row.method).toBe("log");
      expect(row.value).toBeCloseTo(Math.log(TWO_STEPS[u] + 1.99), 12);
    });
    expect(treated.warnings).toEqual([]);
  });
});

describe("the EIS square-root rule (--outliers sqrt)", () => {
  // Skewness by the Excel SKEW formula written above (excelSkew), not the code's: the rule is SKEW > 1.
  // One indicator per case over five or ten units in one year (so panel and year scope are the same).
  function treat(values: number[], scope: "panel" | "year" = "panel") {
    const input = createPanel(values.map((_, u) => `U${u + 1}`), [2020], ["A"]);
    values.forEach((value, u) => (input.values[u] = value));
    return treatOutliers(input, ["sqrt"], 5, false, scope);
  }
  it("square-roots an indicator whose skewness is above 1, every cell, recording each changed cell", () => {
    // 1, 2, ..., 9, 20: SKEW = 1.9045 (above 1, below the JRC rule's 2, which leaves it alone)
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 20];
    expect(excelSkew(values)).toBeCloseTo(1.90454, 5);
    expect(failsOutlierRule(values)).toBe(false);
    expect(needsSquareRoot(values)).toBe(true);
    const treated = treat(values);
    expect(Array.from(treated.panel.values)).toEqual(values.map(Math.sqrt));
    // the value 1 stays 1; the other nine cells change
    expect(treated.treatments.map((row) => [row.unit, row.original, row.value, row.method])).toEqual(
      values.slice(1).map((value, k) => [`U${k + 2}`, value, Math.sqrt(value), "sqrt"]),
    );
    // its square roots are far less skewed: SKEW 0.869
    expect(excelSkew(values.map(Math.sqrt))).toBeCloseTo(0.86891, 5);
    expect(treated.warnings).toEqual([]);
  });
  it("leaves an indicator with skewness at or below 1, or skewed to the left, as it is", () => {
    expect(excelSkew([1, 2, 3, 4, 6])).toBeCloseTo(0.59013, 5);
    expect(treat([1, 2, 3, 4, 6]).treatments).toEqual([]);
    // a long left tail (SKEW −1.99): the EIS rule is about a few very high values only
    expect(excelSkew([10, 20, 21, 22, 23])).toBeCloseTo(-1.98783, 5);
    expect(treat([10, 20, 21, 22, 23]).treatments).toEqual([]);
  });
  it("warns and leaves a skewed indicator with a value below 0 untransformed", () => {
    const values = [-1, 0, 1, 2, 30];
    expect(excelSkew(values)).toBeGreaterThan(1);
    const treated = treat(values);
    expect(treated.treatments).toEqual([]);
    expect(treated.warnings).toEqual([{ code: "W_SQRT_UNDEFINED", message: messages.sqrtUndefined("A", -1, undefined), id: "A" }]);
  });
});

describe("the EIS preset's data stage: square root, then min-max over the panel", () => {
  it("scores a skewed indicator 100·(√x − 1)/(√20 − 1) and leaves an unskewed one on plain min-max", async () => {
    const { buildTree } = await import("../../src/core/tree.js");
    const { buildPanel } = await import("../../src/core/panel.js");
    const { computeIndex } = await import("../../src/core/compute.js");
    const built = buildTree([
      { line: 2, code: "S", parent: "", name: "S", weight: "", direction: "+" },
      { line: 3, code: "P", parent: "", name: "P", weight: "", direction: "+" },
    ]);
    if (!built.ok) throw new Error("tree");
    // S: 1..9, 20 (SKEW 1.90, square-rooted); P: 1..10 (SKEW 0, left alone)
    const skewed = [1, 2, 3, 4, 5, 6, 7, 8, 9, 20];
    const records = skewed.flatMap((value, u) => [
      { unit: `U${u + 1}`, year: 2020, indicator: "S", value },
      { unit: `U${u + 1}`, year: 2020, indicator: "P", value: u + 1 },
    ]);
    const panel = buildPanel(built.value, records);
    if (!panel.ok) throw new Error("panel");
    const result = computeIndex(built.value, panel.value, { outliers: "sqrt", normalize: "min-max", weights: new Map([["S", 0.5], ["P", 0.5]]) });
    const block = (code: string) => {
      const at = result.nodes.findIndex((node) => node.code === code) * 10;
      return Array.from(result.values.subarray(at, at + 10));
    };
    const expected = skewed.map((value) => (100 * (Math.sqrt(value) - 1)) / (Math.sqrt(20) - 1));
    block("S").forEach((score, u) => expect(score).toBeCloseTo(expected[u], 12));
    block("P").forEach((score, u) => expect(score).toBeCloseTo((100 * u) / 9, 12));
    // U9 (x = 9): √9 = 3, so 100·2/(√20 − 1) = 200/3.47214 = 57.6014 on S, against 100·8/19 = 42.1053 without the square root
    expect(block("S")[8]).toBeCloseTo(57.60143, 4);
  });
});

describe("a base value the outlier treatment made negative", () => {
  it("is refused under fixed-base with its value in the data named, not the transformed one alone", () => {
    const built = buildTree([
      { line: 2, code: "G", parent: "", name: "G", weight: "", direction: "" },
      { line: 3, code: "X", parent: "G", name: "X", weight: "", direction: "+" },
    ]);
    if (!built.ok) throw new Error("tree");
    // 12 units, 2 years: U0..U10 from 1 to 3, U11 at 50 in both years, so the indicator fails the rule (|skew| > 2,
    // kurtosis > 3.5) and is log-transformed, x' = ln(x − min + 0.01·(max − min)) with min 1 and max 50.
    const records = Array.from({ length: 12 }, (_, u) => [2017, 2018].map((year) => ({ unit: `U${u}`, year, indicator: "X", value: u === 11 ? 50 : 1 + u / 10 + (year - 2017) }))).flat();
    const panel = buildPanel(built.value, records);
    if (!panel.ok) throw new Error("panel");
    let issues: { code: string; message: string }[] = [];
    try {
      computeIndex(built.value, panel.value, { outliers: "log" });
    } catch (error) {
      issues = (error as ValidationError).issues;
    }
    // U0's base: ln(1 − 1 + 0.01·(50 − 1)) = ln(0.49) = −0.7133...
    const base = Math.log(0.01 * (50 - 1));
    expect(issues.find((issue) => issue.code === "E_BASE_NEGATIVE")?.message).toBe(messages.baseValueNegative("X", "U0", 2017, base) + messages.afterTreatment("log", 1));
  });
});
