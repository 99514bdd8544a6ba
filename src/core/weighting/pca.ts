/**
 * PCA weights (OECD/JRC Handbook 2008, section 6.1, "weights based on principal components analysis"), in the
 * unrotated variant: the handbook rotates the retained components (varimax) before the steps below; this
 * implementation does not rotate, and says so wherever it is documented.
 */
import type { Issue } from "../../errors.js";
import { symmetricEigen, type Matrix } from "./eigen.js";
import { constantWarning, correlation, isConstant, type ObjectiveInput, type ObjectiveScores } from "./observations.js";

/** An eigenvalue counts as "greater than 1" only beyond this rounding margin. */
const KAISER_MARGIN = 1e-9;

/** What PCA retained, for reports and tests. */
export interface PcaDetails {
  /** Every eigenvalue of the correlation matrix, decreasing. */
  eigenvalues: number[];
  /** How many components were retained (eigenvalue > 1; at least one). */
  retained: number;
  /** For each indicator, the retained component it was assigned to (0-based). */
  component: number[];
  /** The normalised weights (sum 1). */
  weights: number[];
}

/**
 * PCA weights from a correlation matrix, step by step:
 * 1. eigen-decompose the correlation matrix R (eigenvalues λ decreasing, unit eigenvectors v);
 * 2. retain the components with λ > 1 (Kaiser's rule; at least the first);
 * 3. loadings `L[j][c] = v[j][c]·√λ[c]`; squared loadings scaled to unity sum within each component are `v[j][c]²`;
 * 4. assign each indicator to the retained component on which its squared loading `L[j][c]²` is largest;
 * 5. its weight is its scaled squared loading there times that component's share of the retained variance,
 *    `v[j][c]² · λ[c] / Σ_retained λ`; then all weights are normalised to sum 1.
 * No varimax rotation is applied (the handbook rotates before step 3).
 * @example pcaWeightsFromCorrelation([[1, 0], [0, 1]]).weights // => [1, 0] (one component kept: λ = 1, 1)
 * Reference: OECD/JRC (2008), Handbook on Constructing Composite Indicators, section 6.1 and Table 6.3.
 */
export function pcaWeightsFromCorrelation(correlationMatrix: Matrix): PcaDetails {
  const { values, vectors } = symmetricEigen(correlationMatrix);
  let retained = values.filter((value) => value > 1 + KAISER_MARGIN).length;
  if (retained === 0) retained = 1;
  const retainedVariance = values.slice(0, retained).reduce((total, value) => total + value, 0);
  const component: number[] = [];
  const raw = correlationMatrix.map((_, j) => {
    let best = 0;
    for (let c = 1; c < retained; c++)
      if (values[c] * vectors[c][j] ** 2 > values[best] * vectors[best][j] ** 2 + 1e-12) best = c;
    component.push(best);
    return (vectors[best][j] ** 2 * values[best]) / retainedVariance;
  });
  const total = raw.reduce((sum, value) => sum + value, 0);
  return { eigenvalues: values, retained, component, weights: raw.map((value) => value / total) };
}

/**
 * PCA scores of indicators over the chosen observations: the correlation matrix of the columns (the direction does
 * not matter: flipping a sign leaves squared loadings unchanged), then `pcaWeightsFromCorrelation`. An indicator
 * that does not vary gets 0 (with a warning) and is left out of the correlation matrix.
 * @example pcaScores({ codes: ["a", "b"], directions: ["positive", "positive"], columns: [Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)] }).scores
 */
export function pcaScores(input: ObjectiveInput): ObjectiveScores & { details?: PcaDetails } {
  const warnings: Issue[] = [];
  const varying: number[] = [];
  input.codes.forEach((code, j) => {
    if (isConstant(input.columns[j])) warnings.push(constantWarning(code, "PCA"));
    else varying.push(j);
  });
  const scores = new Float64Array(input.codes.length);
  if (varying.length === 0) return { scores, warnings };
  const matrix = varying.map((j) => varying.map((k) => (j === k ? 1 : correlation(input.columns[j], input.columns[k]))));
  const details = pcaWeightsFromCorrelation(matrix);
  varying.forEach((j, position) => (scores[j] = details.weights[position]));
  return { scores, warnings, details };
}
