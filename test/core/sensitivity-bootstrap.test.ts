import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { estimateSobol } from "../../src/core/sensitivity.js";
import { bootstrapGroupIndices, type GroupTerms } from "../../src/core/sensitivity-bootstrap.js";

/** Y0 = X1 + 2·X2 and Y1 = 3·X1 − X2 (X uniform): the group's variance shares are (1 + 9) : (4 + 1), so S1 = 2/3, S2 = 1/3. */
const model = (x: Float64Array, out: Float64Array) => {
  out[0] = x[0] + 2 * x[1];
  out[1] = 3 * x[0] - x[1];
};

/** Runs the design and keeps every run (A, B and A_B(i) of every row), and the terms the bootstrap takes. */
function runDesign(samples: number, seed: number) {
  const raw = { a: [] as number[][], b: [] as number[][], mixed: [[], []] as number[][][], center: [] as number[] };
  const group: GroupTerms = {
    samples,
    outputCount: 2,
    runsA: new Float64Array(2 * samples),
    runsB: new Float64Array(2 * samples),
    first: new Float64Array(2 * samples),
    total: new Float64Array(2 * samples),
  };
  const random = createRandom(seed);
  const sobol = estimateSobol({
    factorSizes: [1, 1],
    samples,
    random,
    outputCount: 2,
    evaluate: model,
    observeRow: (row, factor, a, b, mixed, center) => {
      raw.center = [...center];
      if (factor === 0) {
        raw.a.push([...a]);
        raw.b.push([...b]);
      }
      raw.mixed[factor].push([...mixed]);
      for (let g = 0; g < 2; g++) {
        group.runsA[g * samples + row] = a[g];
        group.runsB[g * samples + row] = b[g];
      }
      group.first[factor * samples + row] = (b[0] - center[0]) * (mixed[0] - a[0]) + (b[1] - center[1]) * (mixed[1] - a[1]);
      group.total[factor * samples + row] = (a[0] - mixed[0]) ** 2 + (a[1] - mixed[1]) ** 2;
    },
  });
  return { raw, group, random, sobol };
}

/** The same percentile (R type 7), written here on plain arrays. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  const h = (sorted.length - 1) * p;
  return sorted[Math.floor(h)] + (h - Math.floor(h)) * ((sorted[Math.ceil(h)] ?? 0) - sorted[Math.floor(h)]);
}

describe("bootstrapGroupIndices", () => {
  it("equals a brute-force bootstrap: the same draws, the Saltelli 2010 and Jansen estimators recomputed from the raw runs", () => {
    const samples = 40;
    const resamples = 30;
    const { raw, group, random } = runDesign(samples, 11);
    // The bootstrap continues the design's generator.
    const [intervals] = bootstrapGroupIndices([group], 2, resamples, random);

    // Brute force: a fresh generator skips the design's uniforms (A and B rows of two columns: 4 per row), then draws
    // the same rows.
    const fresh = createRandom(11);
    for (let i = 0; i < samples * 4; i++) fresh();
    const first: number[][] = [[], []];
    const total: number[][] = [[], []];
    for (let r = 0; r < resamples; r++) {
      const rows = Array.from({ length: samples }, () => Math.floor(fresh() * samples));
      let variance = 0;
      for (let g = 0; g < 2; g++) {
        const values = rows.flatMap((j) => [raw.a[j][g], raw.b[j][g]]);
        const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
        variance += values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
      }
      for (let i = 0; i < 2; i++) {
        let f = 0;
        let t = 0;
        for (const j of rows)
          for (let g = 0; g < 2; g++) {
            f += (raw.b[j][g] - raw.center[g]) * (raw.mixed[i][j][g] - raw.a[j][g]);
            t += (raw.a[j][g] - raw.mixed[i][j][g]) ** 2;
          }
        first[i].push(f / samples / variance);
        total[i].push(t / (2 * samples) / variance);
      }
    }
    for (let i = 0; i < 2; i++) {
      expect(intervals.firstOrderLow[i]).toBeCloseTo(percentile(first[i], 0.025), 9);
      expect(intervals.firstOrderHigh[i]).toBeCloseTo(percentile(first[i], 0.975), 9);
      expect(intervals.totalLow[i]).toBeCloseTo(percentile(total[i], 0.025), 9);
      expect(intervals.totalHigh[i]).toBeCloseTo(percentile(total[i], 0.975), 9);
    }
  });

  it("covers the analytic indices of a linear model (S1 = ST = 2/3 and 1/3) in most of 20 seeded designs", () => {
    let covered = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { group, random } = runDesign(1000, seed);
      const [intervals] = bootstrapGroupIndices([group], 2, 200, random);
      const inside = [2 / 3, 1 / 3].every(
        (truth, i) =>
          intervals.firstOrderLow[i] <= truth && truth <= intervals.firstOrderHigh[i] && intervals.totalLow[i] <= truth && truth <= intervals.totalHigh[i],
      );
      if (inside) covered++;
    }
    // Four 95% intervals at once: about 0.95^4 ≈ 81% of designs have all four inside, if they are right; 14 of 20 or more.
    expect(covered).toBeGreaterThanOrEqual(14);
  });

  it("gives NaN intervals where the outputs do not vary, and refuses fewer than 2 resamples", () => {
    const samples = 10;
    const flat: GroupTerms = { samples, outputCount: 1, runsA: new Float64Array(samples).fill(5), runsB: new Float64Array(samples).fill(5), first: new Float64Array(samples), total: new Float64Array(samples) };
    const [intervals] = bootstrapGroupIndices([flat], 1, 10, createRandom(1));
    expect(intervals.firstOrderLow[0]).toBeNaN();
    expect(intervals.totalHigh[0]).toBeNaN();
    expect(() => bootstrapGroupIndices([flat], 1, 1, createRandom(1))).toThrow(RangeError);
  });
});
