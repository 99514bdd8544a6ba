/**
 * `--missing mean` and `--missing median` on real data with gaps, against base R: COINr's ASEM data (MIT licence; 51
 * countries, 2018-2022, 50 gaps in 6 of its indicators) in test/fixtures/asem, and test/fixtures/asem/impute-expected.csv
 * written by test/fixtures/asem/impute-reference.R (R 4.2.2: `mean(x, na.rm = TRUE)` and `stats::median(x, na.rm = TRUE)`
 * of each indicator's raw values over the units, year by year, as COINr's `Impute(f_i = "i_mean" | "i_median")` does for
 * each year of a purse). The test reads the committed file; it does not run R.
 */
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../src/core/compute.js";
import { loadAsem, readExpected } from "./asem.js";

const expected = readExpected("asem/impute-expected.csv");

describe("mean and median imputation against base R on the ASEM data", () => {
  it("covers both policies, every one of the 50 gaps", () => {
    expect([...expected.keys()]).toEqual(["mean", "median"]);
    for (const rows of expected.values()) expect(rows.length).toBe(50);
  });

  it.each(["mean", "median"] as const)("%s: every gap filled, and with R's value", (missing) => {
    const { tree, panel } = loadAsem("asem/tree-scaling.csv");
    // The whole pipeline (min-max, arithmetic), so the cells are those computeIndex records in imputations.csv.
    const result = computeIndex(tree, panel, { missing, normalize: "min-max" });
    const filled = new Map(result.imputations.map((row) => [`${row.unit},${row.year},${row.indicator}`, row]));
    const rows = expected.get(missing)!;
    // The same 50 cells on both sides, each recorded with its policy's name.
    expect([...filled.keys()].sort()).toEqual(rows.map((row) => `${row.unit},${row.year},${row.code}`).sort());
    expect(new Set(result.imputations.map((row) => row.method))).toEqual(new Set([missing]));
    let worst = 0;
    for (const row of rows) {
      const actual = filled.get(`${row.unit},${row.year},${row.code}`)!.value;
      worst = Math.max(worst, Math.abs(actual - row.value) / Math.max(1, Math.abs(row.value)));
    }
    // R's mean sums in long double and corrects by a second pass; the mean here is a plain sum / n: agreement to
    // rounding. A median is one observed value or the mean of two: the same bits.
    expect(worst).toBeLessThan(1e-12);
    if (missing === "median") for (const row of rows) expect(filled.get(`${row.unit},${row.year},${row.code}`)!.value).toBe(row.value);
  });

  it("one cell by hand: TBTs 2018 for BGD, the mean of the 50 other units' values, 39742/50 = 794.84 (as R printed)", () => {
    const { tree, panel } = loadAsem("asem/tree-scaling.csv");
    const result = computeIndex(tree, panel, { missing: "mean", normalize: "min-max" });
    const row = result.imputations.find((item) => item.unit === "BGD" && item.year === 2018 && item.indicator === "TBTs");
    expect(row?.value).toBeCloseTo(794.84, 10);
  });
});
