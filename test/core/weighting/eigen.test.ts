import { describe, expect, it } from "vitest";
import { principalEigenPower, symmetricEigen } from "../../../src/core/weighting/eigen.js";

describe("principalEigenPower", () => {
  it("principalEigenPower(A) of a consistent matrix a[i][j] = w[i]/w[j] returns w and eigenvalue n", () => {
    // A consistent matrix is w·(1/w)ᵀ, of rank 1: A·w = n·w exactly.
    const w = [0.5, 0.3, 0.2];
    const { value, vector } = principalEigenPower(w.map((wi) => w.map((wj) => wi / wj)));
    expect(value).toBeCloseTo(3, 12);
    vector.forEach((component, i) => expect(component).toBeCloseTo(w[i], 12));
  });

  it("principalEigenPower(A) of a 2x2 reciprocal matrix gives a/(1+a), 1/(1+a) and eigenvalue 2", () => {
    // by hand: [[1, a], [1/a, 1]]·(a, 1) = (2a, 2)
    const { value, vector } = principalEigenPower([[1, 4], [0.25, 1]]);
    expect(value).toBeCloseTo(2, 12);
    expect(vector[0]).toBeCloseTo(0.8, 12);
    expect(vector[1]).toBeCloseTo(0.2, 12);
  });

  it("principalEigenPower(A) throws on a matrix with a non-positive entry", () => {
    expect(() => principalEigenPower([[1, 0], [1, 1]])).toThrow(/^principalEigenPower requires/);
  });
});

describe("symmetricEigen", () => {
  it("symmetricEigen([[2,1],[1,2]]) gives eigenvalues 3 and 1 with eigenvectors (1,1)/√2 and (-1,1)/√2", () => {
    const { values, vectors } = symmetricEigen([[2, 1], [1, 2]]);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(vectors[0][0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0][1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(Math.abs(vectors[1][0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[1][0] * vectors[1][1]).toBeCloseTo(-0.5, 12);
  });

  it("symmetricEigen of the second-difference matrix gives 2+√2, 2, 2-√2 (the textbook closed form 2 - 2cos(kπ/4))", () => {
    const { values, vectors } = symmetricEigen([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]);
    expect(values[0]).toBeCloseTo(2 + Math.SQRT2, 12);
    expect(values[1]).toBeCloseTo(2, 12);
    expect(values[2]).toBeCloseTo(2 - Math.SQRT2, 12);
    // eigenvector of 2: (1, 0, -1)/√2, sign fixed so the first largest component is positive
    expect(vectors[1][0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[1][1]).toBeCloseTo(0, 12);
    expect(vectors[1][2]).toBeCloseTo(-Math.SQRT1_2, 12);
  });

  it("symmetricEigen(A) reconstructs A = V·Λ·Vᵀ with orthonormal V for a dense 4x4 matrix", () => {
    const a = [
      [4, 1, -2, 2],
      [1, 2, 0, 1],
      [-2, 0, 3, -2],
      [2, 1, -2, -1],
    ];
    const { values, vectors } = symmetricEigen(a);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        let reconstructed = 0;
        let dot = 0;
        for (let c = 0; c < 4; c++) {
          reconstructed += vectors[c][i] * values[c] * vectors[c][j];
          dot += vectors[i][c] * vectors[j][c];
        }
        expect(reconstructed).toBeCloseTo(a[i][j], 12);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    // the trace is the sum of the eigenvalues: 4 + 2 + 3 - 1 = 8
    expect(values.reduce((sum, value) => sum + value, 0)).toBeCloseTo(8, 12);
    expect([...values].sort((x, y) => y - x)).toEqual(values);
  });
});
