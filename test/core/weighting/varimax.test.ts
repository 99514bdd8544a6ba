import { describe, expect, it } from "vitest";
import { varimax } from "../../../src/core/weighting/varimax.js";

/** Compares loadings up to the sign and order of the columns (a rotation is defined only up to those). */
function expectSameColumns(actual: number[][], expected: number[][], digits: number) {
  const columns = (matrix: number[][]) => matrix[0].map((_, c) => matrix.map((row) => row[c]));
  const canonical = (column: number[]) => {
    const sign = Math.sign(column.reduce((sum, value) => sum + value, 0)) || 1;
    return column.map((value) => value * sign);
  };
  const left = columns(actual).map(canonical);
  const right = columns(expected).map(canonical);
  for (const column of right) {
    const match = left.find((candidate) => candidate.every((value, j) => Math.abs(value - column[j]) < 10 ** -digits));
    expect(match, `column ${column.join(", ")} not found in ${JSON.stringify(left)}`).toBeDefined();
  }
}

describe("varimax", () => {
  it("recovers a simple structure that was rotated by 30 degrees (known answer)", () => {
    const simple = [[0.9, 0], [0.8, 0], [0, 0.7], [0, 0.6]];
    const angle = Math.PI / 6;
    const rotated = simple.map(([a, b]) => [a * Math.cos(angle) - b * Math.sin(angle), a * Math.sin(angle) + b * Math.cos(angle)]);
    expectSameColumns(varimax(rotated), simple, 10);
  });

  it("matches an independent algorithm (R's stats::varimax SVD iteration, in numpy, run to convergence) on 5 x 2 and 6 x 3 loadings", () => {
    // python/numpy: the loop of R's varimax(normalize = TRUE), T = U·Vᵀ of numpy.linalg.svd(B), iterated until T
    // changes by less than 1e-15 (R's own stopping rule, on the criterion, stops earlier, near 1e-6); 10 decimals
    expectSameColumns(
      varimax([[0.8, 0.3], [0.7, 0.4], [0.6, -0.5], [0.3, 0.8], [0.2, 0.7]]),
      [[0.5593167102, 0.6458829752], [0.4236825146, 0.6859250154], [0.7660090959, -0.1524141235], [-0.1188542677, 0.8460931763], [-0.158896308, 0.7104589807]],
      9,
    );
    expectSameColumns(
      varimax([[0.7, 0.3, 0.2], [0.6, 0.5, -0.1], [0.2, 0.8, 0.3], [0.1, 0.3, 0.9], [0.5, -0.2, 0.6], [0.4, 0.4, 0.4]]),
      [
        [0.6715687284, 0.1742955712, 0.3723123648],
        [0.7740177202, 0.1439028293, 0.0137311532],
        [0.5005004671, 0.7184785985, -0.0573392183],
        [0.000068406, 0.7813023958, 0.5473267413],
        [0.1428193455, 0.1299987527, 0.782753447],
        [0.427601534, 0.4503876299, 0.3070959311],
      ],
      9,
    );
  });

  it("preserves each row's communality and leaves a single component alone", () => {
    const loadings = [[0.8, 0.3], [0.7, 0.4], [0.6, -0.5]];
    varimax(loadings).forEach((row, j) => expect(row[0] ** 2 + row[1] ** 2).toBeCloseTo(loadings[j][0] ** 2 + loadings[j][1] ** 2, 12));
    expect(varimax([[0.5], [0.7]])).toEqual([[0.5], [0.7]]);
  });
});
