/** minimiseOnSimplex: Nelder–Mead over weights that may be exactly 0, from several starts, on functions solved by hand. */
import { describe, expect, it } from "vitest";
import { minimiseOnSimplex } from "../../../src/core/weighting/simplex-search.js";

describe("minimiseOnSimplex", () => {
  it("finds an optimum inside: (w0 − 0.25)² + (w1 − 0.5)² over three weights is least at (0.25, 0.5, 0.25)", () => {
    const search = minimiseOnSimplex((w) => (w[0] - 0.25) ** 2 + (w[1] - 0.5) ** 2, [[1 / 3, 1 / 3, 1 / 3]], { maxEvaluations: 10_000 });
    search.weights.forEach((weight, c) => expect(weight).toBeCloseTo([0.25, 0.5, 0.25][c], 5));
    expect(search.converged).toBe(true);
    expect(search.starts).toBe(1);
  });

  it("reaches the edge exactly: (w0 + 0.2)² is least at w0 = 0, which a weight w0 > 0 only approaches", () => {
    const search = minimiseOnSimplex((w) => (w[0] + 0.2) ** 2, [[0.5, 0.5]], { maxEvaluations: 10_000 });
    expect(search.weights).toEqual([0, 1]);
    expect(search.value).toBeCloseTo(0.04, 15);
  });

  it("keeps the best of its starts: from (0.2, 0.8) a search stays in the basin at w0 = 0.2 (value 0.01), from (0.9, 0.1) it finds w0 = 0.8 (value 0)", () => {
    // Two basins: (w0 − 0.2)² + 0.01 and (w0 − 0.8)², the lower of the two; they meet at w0 = 0.5 + 0.01/1.2 ≈ 0.508.
    const objective = (w: ArrayLike<number>) => Math.min((w[0] - 0.2) ** 2 + 0.01, (w[0] - 0.8) ** 2);
    const one = minimiseOnSimplex(objective, [[0.2, 0.8]], { maxEvaluations: 10_000 });
    expect(one.weights[0]).toBeCloseTo(0.2, 5);
    const both = minimiseOnSimplex(objective, [[0.2, 0.8], [0.9, 0.1]], { maxEvaluations: 10_000 });
    expect(both.weights[0]).toBeCloseTo(0.8, 5);
    expect(both.value).toBeLessThan(1e-10);
    expect(both.ends.length).toBe(2);
  });

  it("says it did not converge when the evaluations run out, and returns the best found (never worse than the first start)", () => {
    const objective = (w: ArrayLike<number>) => (w[0] - 0.1) ** 2 + (w[1] - 0.2) ** 2 + (w[2] - 0.3) ** 2 + (w[3] - 0.4) ** 2;
    const search = minimiseOnSimplex(objective, [[0.25, 0.25, 0.25, 0.25]], { maxEvaluations: 8 });
    expect(search.converged).toBe(false);
    // At the start: 0.15² + 0.05² + 0.05² + 0.15² = 0.05.
    expect(search.value).toBeLessThanOrEqual(0.05);
    expect(minimiseOnSimplex(objective, [[0.25, 0.25, 0.25, 0.25]], { maxEvaluations: 10_000 }).converged).toBe(true);
  });

  it("stops as soon as reached() says so", () => {
    let last = Infinity;
    const search = minimiseOnSimplex((w) => (last = Math.abs(w[0] - 0.3)), [[0.5, 0.5]], { maxEvaluations: 10_000, reached: () => last <= 0.05 });
    expect(search.value).toBeLessThanOrEqual(0.05);
    expect(search.converged).toBe(true);
    expect(search.evaluations).toBeLessThan(20);
  });
});
