import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { estimateSobol } from "../../src/core/sensitivity.js";

describe("estimateSobol (Saltelli design, Jansen estimators)", () => {
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
    expect(result.runs).toBe(16384 * 5);
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
    expect(progress).toEqual([3, 9, 6, 9, 9, 9]);
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

  it("throws for fewer than 2 samples", () => {
    expect(() =>
      estimateSobol({ factorSizes: [1], samples: 1, random: createRandom(1), outputCount: 1, evaluate: () => undefined }),
    ).toThrow(/estimateSobol requires at least 2 samples, got 1/);
  });
});
