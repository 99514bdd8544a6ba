/**
 * The audit's pieces on series small enough to work out by hand (each expected value's working is in a comment), the
 * notes where a statistic is undefined, and the audit of a one-unit panel. The full tables are checked against R in
 * reference.test.ts.
 */
import { describe, expect, it } from "vitest";
import { auditIndex } from "../../../src/core/audit/audit.js";
import { correlate } from "../../../src/core/audit/correlation.js";
import { cronbachAlpha } from "../../../src/core/audit/cronbach.js";
import { correlationRatio, shareWithinSiblings } from "../../../src/core/audit/importance.js";
import { auditMessages } from "../../../src/core/audit/messages.js";
import { groupComponents } from "../../../src/core/audit/pca.js";
import { countOutliers, describeValues } from "../../../src/core/audit/statistics.js";
import { correlatePair, rankSeries } from "../../../src/core/audit/correlation.js";
import { computeIndex } from "../../../src/core/compute.js";
import { kurtosis, skewness, winsorise } from "../../../src/core/outliers.js";
import { createRandom } from "../../../src/core/random.js";
import { panelOf, smallTree } from "../small.js";

const NaN_ = Number.NaN;

describe("describeValues(x)", () => {
  it("describeValues([1, 2, 3, 10, NaN]) leaves NaN out and gives the sample statistics", () => {
    const d = describeValues([1, 2, 3, 10, NaN_]);
    expect(d.n).toBe(4);
    expect(d.mean).toBe(4);
    // sd: deviations -3, -2, -1, 6; squares 9 + 4 + 1 + 36 = 50; sqrt(50/3).
    expect(d.sd).toBeCloseTo(Math.sqrt(50 / 3), 12);
    expect([d.min, d.max, d.sameShare]).toEqual([1, 10, 0.25]);
    // skewness: sqrt(4)·Σd³/(Σd²)^1.5 = 2·180/50^1.5, times sqrt(4·3)/2 (Excel SKEW = 1.763632...).
    expect(d.skewness).toBeCloseTo(((2 * 180) / Math.pow(50, 1.5)) * (Math.sqrt(12) / 2), 12);
    // kurtosis: r = 4·Σd⁴/(Σd²)² = 4·1394/2500; ((5)(r − 3) + 6)·3/(2·1) (Excel KURT).
    const r = (4 * 1394) / 2500;
    expect(d.kurtosis).toBeCloseTo(((5 * (r - 3) + 6) * 3) / 2, 12);
  });

  it("describeValues(x) has no spread, skewness or kurtosis for one value, and shares 1 for a constant", () => {
    const one = describeValues([5]);
    expect([one.n, one.mean, one.min, one.max]).toEqual([1, 5, 5, 5]);
    expect([one.sd, one.skewness, one.kurtosis].every(Number.isNaN)).toBe(true);
    expect(describeValues([2, 2, 2, 2]).sameShare).toBe(1);
    expect(describeValues([2, 2, 2, 2]).skewness).toBeNaN();
  });

  it("countOutliers(x, 5) counts the points COINr's winsorise would treat", () => {
    // 1..9 and 100: |skew| 3.12 > 2, kurtosis 9.80 > 3.5 (R); replacing 100 by 9 passes the rule (one point).
    expect(countOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 5)).toEqual({ points: 1, passes: true });
    expect(countOutliers([1, 2, 3, 4], 5)).toEqual({ points: 0, passes: true });
  });

  it("describeValues(x) has exactly the skewness and kurtosis of outliers.ts on the sorted observed values (300 random series)", () => {
    // One walk computes both, term for term as skewness() and kurtosis(): the same doubles, not merely close ones.
    const random = createRandom(7);
    for (let trial = 0; trial < 300; trial++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 40) }, () => (random() < 0.1 ? NaN_ : Math.pow(random() * 10 - 3, 3)));
      const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
      const d = describeValues(values);
      expect(Object.is(d.skewness, skewness(sorted)), `trial ${trial}`).toBe(true);
      expect(Object.is(d.kurtosis, kurtosis(sorted)), `trial ${trial}`).toBe(true);
    }
  });

  it("countOutliers(x, m) equals winsorise on a copy, on 400 random skewed series with ties, gaps and both signs", () => {
    // The allocation-free loop against the treatment's own winsorise (outliers.ts), the definition it must follow.
    const random = createRandom(20240611);
    let treated = 0;
    for (let trial = 0; trial < 400; trial++) {
      const length = 5 + Math.floor(random() * 60);
      const sign = random() < 0.5 ? -1 : 1;
      const values = Float64Array.from({ length }, () => {
        const r = random();
        if (r < 0.08) return NaN_;
        // Exponentials cubed (heavy tails), rounded to a grid (ties), and a tied block of extremes now and then.
        if (r < 0.15) return sign * 500;
        return sign * Math.round(Math.pow(-Math.log(1 - random()), 3) * 4) / 4;
      });
      const maxPoints = 1 + Math.floor(random() * 8);
      const expected = winsorise(Float64Array.from(values), maxPoints);
      expect(countOutliers(values, maxPoints), `trial ${trial}`).toEqual(expected);
      if (expected.points > 0) treated++;
    }
    // The property is not vacuous: many series needed winsorising.
    expect(treated).toBeGreaterThan(100);
  });
});

describe("correlate(x, y)", () => {
  it("correlatePair on complete series gives exactly the two-pass Pearson formula on values and on average ranks (200 random pairs, reused)", () => {
    // The moments cached per series (one walk per pair) against the formula written out: sums in order, then deviations.
    const twoPass = (x: ArrayLike<number>, y: ArrayLike<number>) => {
      let sumX = 0;
      let sumY = 0;
      for (let k = 0; k < x.length; k++) (sumX += x[k]), (sumY += y[k]);
      const meanX = sumX / x.length;
      const meanY = sumY / x.length;
      let sxx = 0;
      let syy = 0;
      let sxy = 0;
      for (let k = 0; k < x.length; k++) {
        const dx = x[k] - meanX;
        const dy = y[k] - meanY;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
      return sxx > 0 && syy > 0 ? Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : NaN_;
    };
    // Average ranks by counting (1-based; ties share the mean of the ranks they span).
    const averageRanks = (x: ArrayLike<number>) =>
      Array.from(x, (value) => {
        let below = 0;
        let equal = 0;
        for (let k = 0; k < x.length; k++) if (x[k] < value) below++; else if (x[k] === value) equal++;
        return below + (equal + 1) / 2;
      });
    const random = createRandom(99);
    const series = Array.from({ length: 20 }, () => {
      const length = 30;
      const grid = random() < 0.5 ? 4 : 1000;
      return rankSeries(Float64Array.from({ length }, () => Math.round(random() * grid) / grid - 0.3));
    });
    for (let a = 0; a < series.length; a++)
      for (let b = a + 1; b < series.length; b++) {
        const pair = correlatePair(series[a], series[b]);
        expect(Object.is(pair.pearson, twoPass(series[a].values, series[b].values))).toBe(true);
        expect(Object.is(pair.spearman, twoPass(averageRanks(series[a].values), averageRanks(series[b].values)))).toBe(true);
      }
  });

  it("correlate([1, 2, 3, 4], [1, 3, 2, 4]) is 0.8 for Pearson and Spearman", () => {
    // deviations -1.5, -0.5, 0.5, 1.5 and -1.5, 0.5, -0.5, 1.5: Σxy = 2.25 - 0.25 - 0.25 + 2.25 = 4, Σx² = Σy² = 5.
    const pair = correlate([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(pair.n).toBe(4);
    expect(pair.pearson).toBeCloseTo(0.8, 12);
    expect(pair.spearman).toBeCloseTo(0.8, 12);
    expect(pair.note).toBeUndefined();
  });

  it("correlate(x, y) gives tied values the mean of their ranks", () => {
    // ranks 1.5, 1.5, 3, 4 against 1, 2, 3, 4: Σxy = 4.5, Σx² = 4.5, Σy² = 5, r = 4.5/√22.5 = 3/√10.
    expect(correlate([1, 1, 2, 3], [1, 2, 3, 4]).spearman).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it("correlate(x, y) uses pairwise-complete positions and ranks within them", () => {
    // Without the last pair: [1, 2, 3] and [2, 4, 7]; Spearman 1 (the 1 dropped from y would rank first).
    const pair = correlate([1, 2, 3, NaN_, 5], [2, 4, 7, 3, NaN_]);
    expect(pair.n).toBe(3);
    // deviations -1, 0, 1 and -2.333, -0.333, 2.667: Σxy = 5, Σx² = 2, Σy² = 12.667.
    expect(pair.pearson).toBeCloseTo(5 / Math.sqrt(2 * (38 / 3)), 12);
    expect(pair.spearman).toBeCloseTo(1, 12);
  });

  it.each([
    [[1, 2], [3, 4], auditMessages.tooFew("correlation", 2, 3)],
    [[1, NaN_, 3, 4], [1, 2, NaN_, 5], auditMessages.tooFew("correlation", 2, 3)],
    [[1, 1, 1], [1, 2, 3], auditMessages.constant("x", 3)],
    [[1, 2, 3], [4, 4, 4], auditMessages.constant("y", 3)],
  ])("correlate(%j, %j) is empty with a note", (x, y, note) => {
    const pair = correlate(x, y);
    expect(pair.pearson).toBeNaN();
    expect(pair.spearman).toBeNaN();
    expect(pair.note).toBe(note);
  });
});

describe("rankSeries(x)", () => {
  it("rankSeries(x) orders the observed values, negative, zero and huge alike, ties in order of position", () => {
    const values = [3, -1, 2, NaN_, -1, 0, -0, -5.5, 1e300, -1e-300, 2, Number.MIN_VALUE];
    // By hand: -5.5 (7), -1 (1), -1 (4), -1e-300 (9), 0 (5), -0 (6), 5e-324 (11), 2 (2), 2 (10), 3 (0), 1e300 (8).
    expect([...rankSeries(values).order]).toEqual([7, 1, 4, 9, 5, 6, 11, 2, 10, 0, 8]);
  });
});

describe("cronbachAlpha(columns)", () => {
  it("cronbachAlpha([[1, 2, 3, 4], [2, 3, 3, 5]]) = 2·(1 − (5/3 + 19/12)/6.25) = 0.96", () => {
    // variances 5/3 and 4.75/3; the sums 3, 5, 6, 9 have variance 18.75/3 = 6.25.
    const alpha = cronbachAlpha([[1, 2, 3, 4], [2, 3, 3, 5]]);
    expect(alpha.n).toBe(4);
    expect(alpha.alpha).toBeCloseTo(0.96, 12);
  });

  it("cronbachAlpha(columns) keeps only the positions where every child has a value", () => {
    expect(cronbachAlpha([[1, 2, 3, 4, 9], [2, 3, 3, 5, NaN_]]).alpha).toBeCloseTo(0.96, 12);
  });

  it("cronbachAlpha(columns) is empty with a note for one child, too few rows, a constant sum", () => {
    expect(cronbachAlpha([[1, 2, 3]], "G")).toEqual({ n: 3, alpha: NaN_, note: auditMessages.oneChild("G") });
    expect(cronbachAlpha([[1, 2], [2, 1]], "G")).toEqual({ n: 2, alpha: NaN_, note: auditMessages.tooFew("alpha", 2, 3) });
    expect(cronbachAlpha([[1, 2, 3], [3, 2, 1]], "G")).toEqual({ n: 3, alpha: NaN_, note: auditMessages.constantSum("G") });
  });

  it("cronbachAlpha of two children, identical or constant, follows α = k/(k − 1)·(1 − Σσ²ᵢ/σ²ₜ)", () => {
    // Identical: σ²(1, 2, 3, 4) = (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3 for each; the sums 2, 4, 6, 8 have
    // σ²ₜ = 4·5/3 = 20/3; α = 2·(1 − (10/3)/(20/3)) = 2·0.5 = 1.
    expect(cronbachAlpha([[1, 2, 3, 4], [1, 2, 3, 4]], "G")).toEqual({ n: 4, alpha: 1 });
    // One constant child: σ²ᵢ = 5/3 and 0; the sums 6, 7, 8, 9 have σ²ₜ = 5/3; α = 2·(1 − (5/3)/(5/3)) = 0.
    expect(cronbachAlpha([[1, 2, 3, 4], [5, 5, 5, 5]], "G")).toEqual({ n: 4, alpha: 0 });
    // Both constant: the sums 10, 10, 10, 10 have σ²ₜ = 0, so α divides by 0: empty with a note.
    expect(cronbachAlpha([[5, 5, 5, 5], [5, 5, 5, 5]], "G")).toEqual({ n: 4, alpha: NaN_, note: auditMessages.constantSum("G") });
  });

  it("cronbachAlpha is empty when the children's sum is constant up to rounding (σ²ₜ = 0 by hand, about 1e-33 in floating point)", () => {
    // 0.7 + 0.1, 0.6 + 0.2, 0.4 + 0.4 are all 0.8 by hand, so σ²ₜ = 0; in floating point 0.7 + 0.1 = 0.7999999999999999
    // and σ²ₜ ≈ 4e-33, which gave α = 2·(1 − (0.0233 + 0.0233)/4e-33) ≈ −2.5e30 instead of an empty cell.
    expect(cronbachAlpha([[0.7, 0.6, 0.4], [0.1, 0.2, 0.4]], "G")).toEqual({ n: 3, alpha: NaN_, note: auditMessages.constantSum("G") });
    expect(cronbachAlpha([[0.1, 0.2, 0.3], [0.2, 0.1, 0]], "G")).toEqual({ n: 3, alpha: NaN_, note: auditMessages.constantSum("G") });
    // A small but real spread of the sum is kept: the sums 0, 1e-9, 3e-9 have σ²ₜ = (7/3)·1e-18, far above the rounding
    // noise (below 1e-26 at these magnitudes), and σ²ᵢ ≈ 1 each, so α = 2·(1 − 2/(7/3·1e-18)) ≈ −1.7e18: defined, not empty.
    const small = cronbachAlpha([[1, 2, 3], [-1, -2 + 1e-9, -3 + 3e-9]], "G");
    expect(small.note).toBeUndefined();
    expect(small.alpha / -1.7142857e18).toBeCloseTo(1, 3);
  });
});

describe("groupComponents(columns, codes)", () => {
  it("groupComponents of two series correlated at 0.8 has eigenvalues 1.8 and 0.2", () => {
    // R = [[1, 0.8], [0.8, 1]]: eigenvalues 1 ± 0.8, first vector (1, 1)/√2, loadings √1.8/√2 = √0.9.
    const components = groupComponents([[1, 2, 3, 4], [1, 3, 2, 4]], ["a", "b"]);
    expect(components.eigenvalues[0]).toBeCloseTo(1.8, 12);
    expect(components.eigenvalues[1]).toBeCloseTo(0.2, 12);
    expect(components.shares[0]).toBeCloseTo(0.9, 12);
    expect(components.vector[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(components.loadings[1]).toBeCloseTo(Math.sqrt(0.9), 12);
    expect(components.note).toBeUndefined();
  });

  it("groupComponents signs the first component so that its loadings sum to a positive number", () => {
    // Two series rising and one falling: the first vector is (+, +, −) or its opposite; the one summing above 0 is kept.
    const components = groupComponents([[1, 2, 3, 4], [1, 3, 2, 4], [4, 3, 2, 1]], ["a", "b", "c"]);
    expect(components.loadings.reduce((sum, value) => sum + value, 0)).toBeGreaterThan(0);
  });

  it("groupComponents makes the first child's loading positive when the loadings sum to 0 (children pulling opposite ways)", () => {
    // b = 5 − a: correlation −1, eigenvalues 2 and 0, first vector ±(1/√2, −1/√2), loadings ±(1, −1), summing to 0.
    for (const [a, b] of [[[1, 2, 4, 3], [4, 3, 1, 2]], [[4, 3, 1, 2], [1, 2, 4, 3]]]) {
      const components = groupComponents([a, b], ["a", "b"]);
      expect(components.loadings[0]).toBeCloseTo(1, 12);
      expect(components.loadings[1]).toBeCloseTo(-1, 12);
    }
  });

  it("groupComponents(columns) is empty with a note for a constant child or too few rows", () => {
    expect(groupComponents([[1, 2, 3], [5, 5, 5]], ["a", "b"]).note).toBe(auditMessages.constant("b", 3));
    expect(groupComponents([[1, 2], [2, 1]], ["a", "b"]).eigenvalues).toEqual([]);
  });
});

describe("correlationRatio(x, y)", () => {
  it("correlationRatio of y = x over 1..20 is 625/665 (4 bins of 5)", () => {
    // bin means 3, 8, 13, 18 around 10.5: 5·(7.5² + 2.5² + 2.5² + 7.5²) = 625; Σ(x − 10.5)² = 20·(20² − 1)/12 = 665.
    const x = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(correlationRatio(rankSeries(x), x).ratio).toBeCloseTo(625 / 665, 12);
  });

  it("correlationRatio catches a dependence Pearson misses: y = (x − 10.5)² over 1..20", () => {
    const x = Array.from({ length: 20 }, (_, i) => i + 1);
    const y = x.map((value) => (value - 10.5) ** 2);
    expect(Math.abs(correlate(x, y).pearson)).toBeLessThan(1e-12);
    expect(correlationRatio(rankSeries(x), y).ratio).toBeGreaterThan(0.6);
  });

  it("correlationRatio of a 0/1 x is its exact η², whatever the order of the units within a tie", () => {
    // 25 observations, x = 0 for the first 10 (y = 1..10), 1 for the other 15 (y = 11..25): 5 bins would cut the
    // 0s at 5 and the 1s at 15 and 20. With ties kept whole: two groups, means 5.5 and 18 around 13, so
    // η² = (10·7.5² + 15·5²) / Σ(y − 13)² = 937.5 / 1300 (Σ over 1..25 of (y − 13)² = 25·(25² − 1)/12 = 1300).
    const x = Array.from({ length: 25 }, (_, i) => (i < 10 ? 0 : 1));
    const y = x.map((_, i) => i + 1);
    expect(correlationRatio(rankSeries(x), y).ratio).toBeCloseTo(937.5 / 1300, 12);
    // the same pairs in reverse order: the same ratio (it was 0.53 against 0.69 on ASEM's TIRcon before ties were kept)
    expect(correlationRatio(rankSeries([...x].reverse()), [...y].reverse()).ratio).toBeCloseTo(937.5 / 1300, 12);
  });

  it("correlationRatio(x, y) is empty with a note below 20 observations", () => {
    expect(correlationRatio(rankSeries([1, 2, 3]), [1, 2, 3])).toEqual({ n: 3, ratio: NaN_, note: auditMessages.tooFew("correlation ratio", 3, 20) });
  });

  it("shareWithinSiblings(values) divides by the sum, or is empty when a value is missing", () => {
    expect(shareWithinSiblings([1, 3])).toEqual([0.25, 0.75]);
    expect(shareWithinSiblings([1, NaN_]).every(Number.isNaN)).toBe(true);
  });
});

describe("auditIndex(result) on one unit", () => {
  // U1 of the small fixture alone, min-max: 1 unit × 3 years.
  const tree = smallTree();
  const result = computeIndex(tree, panelOf(tree, { U1: { X1: [10, 12, 15], X2: [50, 40, 25], Y1: [200, 210, 190] } }), { normalize: "min-max" });
  const audit = auditIndex(result);

  it("auditIndex(result) correlates over the years in the pooled period, n = 3", () => {
    const pair = audit.correlations.find((row) => row.period === "all" && row.relation === "sibling" && row.a === "X1")!;
    // X1 scores 0, 40, 100 and X2 (negative) 0, 40, 100: the same series, r = 1, flagged collinear.
    expect(pair.n).toBe(3);
    expect(pair.pearson).toBeCloseTo(1, 12);
    expect(pair.flags).toEqual(["collinear"]);
  });

  it("auditIndex(result) leaves every single-year statistic empty, with a note, never NaN in a count", () => {
    for (const row of audit.correlations.filter((row) => row.period !== "all")) {
      expect(row.n).toBe(1);
      expect(row.pearson).toBeNaN();
      expect(row.note).toBe(auditMessages.tooFew("correlation", 1, 3));
    }
    for (const row of audit.statistics.filter((row) => row.period !== "all")) {
      expect(row.sd).toBeNaN();
      expect(row.notes).toEqual([auditMessages.tooFew("standard deviation", 1, 2)]);
      expect(row.flags).toEqual([]);
    }
    for (const row of audit.importance) expect(row.notes).toContain(auditMessages.tooFew("correlation ratio", row.period === "all" ? 3 : 1, 20));
  });

  it("auditIndex(result) gives global weights as products down the tree", () => {
    const weights = Object.fromEntries(audit.importance.filter((row) => row.period === "all").map((row) => [row.code, row.globalWeight]));
    expect(weights).toEqual({ X: 0.6, Y: 0.4, X1: 0.3, X2: 0.3, Y1: 0.4 });
  });
});

describe("auditIndex(result) on one year", () => {
  it("gives the year the same rows as the pooled period (the same unit-years), every table", () => {
    // 5 units × 1 year: the year's series (copied out of the panel) and the pooled ones (read in place) hold the same
    // values, so every statistic must agree to the bit.
    const tree = smallTree();
    const values = [[10, 50, 200], [4, 8, 30], [7, 20, 90], [12, 35, 150], [9, 44, 60]];
    const panel = panelOf(tree, Object.fromEntries(values.map(([x1, x2, y1], u) => [`U${u + 1}`, { X1: [x1], X2: [x2], Y1: [y1] }])));
    const audit = auditIndex(computeIndex(tree, panel, { normalize: "min-max" }));
    expect(audit.periods).toEqual([2017, "all"]);
    for (const table of ["statistics", "correlations", "cronbach", "pca", "importance"] as const) {
      const rows = audit[table] as { period: number | string }[];
      const year = rows.filter((row) => row.period === 2017).map((row) => ({ ...row, period: "all" }));
      expect(year.length).toBeGreaterThan(0);
      expect(year).toEqual(rows.filter((row) => row.period === "all"));
    }
  });
});
