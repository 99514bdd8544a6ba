/**
 * How the terminal summary of `uncertainty` and `uncertainty.html` show ranks: whole ranks as whole numbers, a
 * quantile between two ranks with the decimals it needs (40.95, never 41.0).
 */
import { describe, expect, it } from "vitest";
import { renderUncertaintySummary } from "../../../src/cli/commands/uncertainty.js";
import { quantileSelect } from "../../../src/core/quantile.js";
import { analyzeUncertainty, type UncertaintyResult } from "../../../src/core/uncertainty.js";
import { tableWordsZh } from "../../../src/core/zh/table-words.js";
import { formatUncertaintyHtml } from "../../../src/io/report/uncertainty-html.js";
import { formatRankQuantile } from "../../../src/io/write/to-csv.js";
import { panelOf, smallTree } from "../../core/small.js";

/**
 * 20 runs' ranks of one unit, sorted: 40, 41 × 4, 42 × 4, 43 × 5, 44 × 4, 47, 48. Type-7 quantiles (R's default,
 * `h = (n − 1)·p`, between the order statistics x[⌊h⌋] and x[⌊h⌋ + 1], 0-based):
 * - 5%: h = 19·0.05 = 0.95, so 40 + 0.95·(41 − 40) = 40.95;
 * - 95%: h = 19·0.95 = 18.05, so 47 + 0.05·(48 − 47) = 47.05;
 * - median: h = 9.5, x[9] = 43 and x[10] = 43, so 43.
 */
const RUNS = [40, 41, 41, 41, 41, 42, 42, 42, 42, 43, 43, 43, 43, 43, 44, 44, 44, 44, 47, 48];

/** A real analysis of the small fixture, the first unit's last-year rank distribution replaced by that of `RUNS` (nominal 44). */
function resultWithRanks(): UncertaintyResult {
  const tree = smallTree();
  const panel = panelOf(tree, {
    U1: { X1: [10, 12, 15], X2: [50, 40, 25], Y1: [200, 210, 190] },
    U2: { X1: [4, 5, 6], X2: [8, 8, 10], Y1: [30, 33, 36] },
  });
  const result = analyzeUncertainty(tree, panel, { replications: 10, seed: 1, weightNoise: 0.2 });
  const cell = 2; // U1, 2019: unit-major, three years
  const rank = { nominal: result.rank.nominal.slice(), median: result.rank.median.slice(), low: result.rank.low.slice(), high: result.rank.high.slice() };
  rank.nominal[cell] = 44;
  rank.median[cell] = quantileSelect(Float64Array.from(RUNS), 0.5);
  rank.low[cell] = quantileSelect(Float64Array.from(RUNS), 0.05);
  rank.high[cell] = quantileSelect(Float64Array.from(RUNS), 0.95);
  return { ...result, rank };
}

describe("formatRankQuantile", () => {
  it("formatRankQuantile(value) shows the type-7 quantiles of RUNS worked by hand (40.95, 47.05) in full, whole ranks whole", () => {
    expect(quantileSelect(Float64Array.from(RUNS), 0.05)).toBeCloseTo(40.95, 12);
    expect(quantileSelect(Float64Array.from(RUNS), 0.95)).toBeCloseTo(47.05, 12);
    expect(formatRankQuantile(quantileSelect(Float64Array.from(RUNS), 0.05))).toBe("40.95");
    expect(formatRankQuantile(quantileSelect(Float64Array.from(RUNS), 0.95))).toBe("47.05");
    expect(formatRankQuantile(44)).toBe("44");
    expect(formatRankQuantile(43.5)).toBe("43.5");
    // More than 4 decimals (not a type-7 quantile at 5% or 95%) is cut to the 4 of uncertainty.csv; missing is empty.
    expect(formatRankQuantile(1 / 3)).toBe("0.3333");
    expect(formatRankQuantile(Number.NaN)).toBe("");
  });
});

describe("rank quantiles in the terminal and on the page", () => {
  it("renderUncertaintySummary(result) shows the nominal rank 44 and the interval 40.95-47.05, not 44.0 and 41.0-47.0", () => {
    const lines = renderUncertaintySummary(resultWithRanks()).split("\n");
    const row = lines.find((line) => line.startsWith("U1 "))!;
    expect(row.trim().split(/\s+/).slice(-2)).toEqual(["44", "40.95-47.05"]);
  });

  it("labels the rank column as the nominal rank (44, the nominal run's, not the median 43 of uncertainty.csv), in English and Chinese", () => {
    const headings = (text: string) => text.split("\n")[1].trim().split(/\s{2,}/);
    expect(headings(renderUncertaintySummary(resultWithRanks()))).toEqual(["unit", "nominal", "median", "5%", "95%", "rank (nominal)", "rank 5-95%"]);
    expect(headings(renderUncertaintySummary(resultWithRanks(), tableWordsZh))).toEqual(["评价对象", "名义值", "中位数", "5%", "95%", "名义排名", "排名 5-95%"]);
  });

  it("formatUncertaintyHtml(result) titles the nominal mark 'nominal 44, median 43, 5–95% 40.95 – 47.05'", () => {
    const html = formatUncertaintyHtml(resultWithRanks(), { language: "en" });
    expect(html).toContain("<title>U1: nominal 44, median 43, 5–95% 40.95 – 47.05</title>");
  });
});
