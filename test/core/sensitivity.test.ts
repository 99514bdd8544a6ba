import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { estimateSobol } from "../../src/core/sensitivity.js";

describe("estimateSobol (Saltelli design, Saltelli 2010 first order, Jansen 1999 total)", () => {
  it("gives S_i = S_Ti = a_i²·Var(X_i) / Σ a_j²·Var(X_j) for a linear model Y = Σ a_i·X_i", () => {
    // X_i uniform on [0, c_i): Var(X_i) = c_i²/12. With a = (1, 2, 3), c = (1, 1, 2) the variance terms a²c²/12 are
    // 1/12, 4/12, 36/12: the indices are 1/41, 4/41, 36/41 for first order and total alike.
    const a = [1, 2, 3];
    const c = [1, 1, 2];
    const result = estimateSobol({
      factorSizes: [1, 1, 1],
      samples: 16384,
      random: createRandom(11),
      outputCount: 1,
      evaluate: (x, out) => {
        out[0] = a[0] * c[0] * x[0] + a[1] * c[1] * x[1] + a[2] * c[2] * x[2];
      },
    });
    const expected = [1 / 41, 4 / 41, 36 / 41];
    // Var(Y) = 41/12 exactly. Tolerances from N: over 30 seeds at N = 2^13 the standard deviations were 0.029 for the
    // variance (0.85%) and 0.0005–0.011 for the indices (largest for the first order of the smallest factor, which is
    // V minus a term of size V); at N = 2^14 they are √2 smaller, about 0.008 at most. 0.03 is over 3.5 of them.
    expect(Math.abs(result.variance[0] - 41 / 12) / (41 / 12)).toBeLessThan(0.03);
    expected.forEach((value, i) => {
      expect(Math.abs(result.firstOrder[i] - value)).toBeLessThan(0.03);
      expect(Math.abs(result.total[i] - value)).toBeLessThan(0.03);
    });
    expect(result.runs).toBe(16384 * 5 + 1); // and the run at the centre of the inputs, for the constant c
  });

  it("treats a group of columns as one factor: the group's index is the sum of its members' shares", () => {
    // Factor 0 = (X1, X2), factor 1 = X3 on the linear model above: S_0 = (1 + 4)/41, S_1 = 36/41 (tolerance as above).
    const result = estimateSobol({
      factorSizes: [2, 1],
      samples: 16384,
      random: createRandom(5),
      outputCount: 2,
      evaluate: (x, out) => {
        out[0] = x[0] + 2 * x[1] + 6 * x[2];
        out[1] = 7; // a constant output: no variance, so its indices are undefined
      },
    });
    expect(Math.abs(result.firstOrder[0] - 5 / 41)).toBeLessThan(0.03);
    expect(Math.abs(result.total[0] - 5 / 41)).toBeLessThan(0.03);
    expect(Math.abs(result.firstOrder[2] - 36 / 41)).toBeLessThan(0.03);
    expect(Math.abs(result.total[2] - 36 / 41)).toBeLessThan(0.03);
    expect(result.variance[1]).toBe(0);
    expect(result.firstOrder[1]).toBeNaN();
    expect(result.total[3]).toBeNaN();
  });

  it("recovers the analytic indices of the Ishigami function", () => {
    // Y = sin X1 + a·sin² X2 + b·X3⁴·sin X1, X_i uniform on [−π, π], a = 7, b = 0.1 (Ishigami & Homma 1990).
    // Analytic (Sobol' & Levitan 1999): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2; V1 = (1 + bπ⁴/5)²/2; V2 = a²/8; V3 = 0;
    // V13 = 8b²π⁸/225; S_T1 = (V1 + V13)/V, S_T2 = V2/V, S_T3 = V13/V.
    const a = 7;
    const b = 0.1;
    const pi4 = Math.PI ** 4;
    const pi8 = Math.PI ** 8;
    const variance = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi8) / 18 + 0.5;
    const v1 = (1 + (b * pi4) / 5) ** 2 / 2;
    const v2 = (a * a) / 8;
    const v13 = (8 * b * b * pi8) / 225;
    const firstOrder = [v1 / variance, v2 / variance, 0]; // ≈ 0.3139, 0.4424, 0
    const total = [(v1 + v13) / variance, v2 / variance, v13 / variance]; // ≈ 0.5576, 0.4424, 0.2437
    const samples = 16384;
    const result = estimateSobol({
      factorSizes: [1, 1, 1],
      samples,
      random: createRandom(2010),
      outputCount: 1,
      evaluate: (u, out) => {
        const [x1, x2, x3] = [u[0], u[1], u[2]].map((value) => Math.PI * (2 * value - 1));
        out[0] = Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
      },
    });
    // Tolerance from N: over 30 seeds at N = 2^14 the standard deviations of the six estimates were 0.004–0.014 (the
    // first-order estimate for X3 is the noisiest: it is V minus a term of size V); they shrink as 1/√N. 0.05 is
    // 3.5 of the largest, so the test fails for a wrong estimator (errors of 0.1 and more) but not by chance.
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(result.firstOrder[i] - firstOrder[i])).toBeLessThan(0.05);
      expect(Math.abs(result.total[i] - total[i])).toBeLessThan(0.05);
    }
    expect(Math.abs(result.variance[0] - variance) / variance).toBeLessThan(0.03);
  });

  it("hands the 2N independent runs of A and B to observe, and reports progress per row", () => {
    const observed: number[] = [];
    const progress: number[] = [];
    estimateSobol({
      factorSizes: [1],
      samples: 3,
      random: createRandom(1),
      outputCount: 1,
      evaluate: (x, out) => {
        out[0] = x[0];
      },
      observe: (run) => observed.push(run),
      onProgress: (done, total) => progress.push(done, total),
    });
    expect(observed).toEqual([0, 3, 1, 4, 2, 5]);
    // The run at the centre of the inputs (for c) comes first: 1 + 3 runs a row.
    expect(progress).toEqual([4, 10, 7, 10, 10, 10]);
  });

  it("is deterministic: the same random stream gives identical indices", () => {
    const run = () =>
      estimateSobol({
        factorSizes: [1, 2],
        samples: 64,
        random: createRandom(99),
        outputCount: 1,
        evaluate: (x, out) => {
          out[0] = x[0] * x[1] + x[2];
        },
      });
    expect(run().total).toEqual(run().total);
  });

  it("computes V_i = (1/N)·Σ (f(B) − c)·(f(A_B(i)) − f(A)) and V_Ti = (1/2N)·Σ (f(A) − f(A_B(i)))², checked on the raw runs", () => {
    // The estimators recomputed here from every run of a small design (Saltelli et al. 2010, table 2, (b) and (f)),
    // with the constant c given; a nonlinear model with an interaction so that no term vanishes.
    const samples = 7;
    const runs: { a: number; b: number; mixed: number[] }[] = [];
    const model = (x: ArrayLike<number>) => x[0] + 3 * x[1] * x[2] + x[2] ** 2;
    const result = estimateSobol({
      factorSizes: [1, 2],
      samples,
      random: createRandom(4),
      outputCount: 1,
      center: [1.5],
      evaluate: (x, out) => {
        out[0] = model(x);
      },
      observeRow: (row, factor, a, b, mixed) => {
        if (factor === 0) runs.push({ a: a[0], b: b[0], mixed: [] });
        runs[row].mixed.push(mixed[0]);
      },
    });
    const values = runs.flatMap((run) => [run.a, run.b]);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
    expect(result.variance[0]).toBeCloseTo(variance, 12);
    for (let i = 0; i < 2; i++) {
      const first = runs.reduce((sum, run) => sum + (run.b - 1.5) * (run.mixed[i] - run.a), 0) / samples;
      const total = runs.reduce((sum, run) => sum + (run.a - run.mixed[i]) ** 2, 0) / (2 * samples);
      expect(result.firstOrderVariance[i]).toBeCloseTo(first, 12);
      expect(result.totalVariance[i]).toBeCloseTo(total, 12);
      expect(result.firstOrder[i]).toBeCloseTo(first / variance, 12);
    }
    expect(result.runs).toBe(samples * 4); // c given: no run at the centre
  });

  it("gives a factor that does not change the output first-order and total indices of exactly 0", () => {
    // Y = 100 + X1 (an index near 100): X2 has no effect, so f(A_B(2)) = f(A) in every row and both estimators are 0.
    // Jansen's first-order form V − (1/2N)·Σ (f(B) − f(A_B(2)))² is V minus an estimate of V: noise of about V/√N,
    // here often above the total index of 0.
    const result = estimateSobol({
      factorSizes: [1, 1],
      samples: 200,
      random: createRandom(8),
      outputCount: 1,
      evaluate: (x, out) => {
        out[0] = 100 + x[0];
      },
    });
    expect(result.firstOrder[1]).toBe(0);
    expect(result.total[1]).toBe(0);
    // X1 explains everything; with N = 200 the estimates are within a few 1/√N of 1.
    expect(Math.abs(result.firstOrder[0] - 1)).toBeLessThan(0.15);
    expect(Math.abs(result.total[0] - 1)).toBeLessThan(0.15);
  });

  it("copies a run of A_B(i) that equals A or B (same) instead of running it, with identical indices", () => {
    // Factor 0 is continuous, factor 1 a choice between two methods (u < 0.5 or not). When both rows pick the same
    // method, A_B(1) is A and A_B(0) is B: of each such row's four runs two are copied.
    const model = (x: Float64Array, out: Float64Array) => {
      const method = x[1] < 0.5 ? 0 : 1;
      out[0] = method === 0 ? x[0] : Math.sqrt(x[0]) + 0.2;
      out[1] = x[0] * (1 + method);
    };
    const design = (same?: (factor: number, a: Float64Array, b: Float64Array) => boolean) => {
      let runs = 0;
      const result = estimateSobol({
        factorSizes: [1, 1],
        samples: 500,
        random: createRandom(3),
        outputCount: 2,
        center: [0.5, 0.75],
        evaluate: (x, out) => {
          runs++;
          model(x, out);
        },
        same,
      });
      return { result, runs };
    };
    const plain = design();
    const copied = design((factor, a, b) => factor === 1 && a[1] < 0.5 === b[1] < 0.5);
    expect(plain.runs).toBe(500 * 4);
    // About half the rows pick the same method (binomial, 500 rows: 250 ± 34 at 3 sd), and each saves two runs.
    expect(plain.runs - copied.runs).toBeGreaterThan(2 * 200);
    expect(plain.runs - copied.runs).toBeLessThan(2 * 300);
    expect((plain.runs - copied.runs) % 2).toBe(0);
    for (const key of ["variance", "firstOrderVariance", "totalVariance", "firstOrder", "total"] as const)
      expect([...copied.result[key]]).toEqual([...plain.result[key]]);
    expect(copied.result.runs).toBe(plain.result.runs);
  });

  it("throws for fewer than 2 samples", () => {
    expect(() =>
      estimateSobol({ factorSizes: [1], samples: 1, random: createRandom(1), outputCount: 1, evaluate: () => undefined }),
    ).toThrow(/estimateSobol requires at least 2 samples, got 1/);
  });
});
