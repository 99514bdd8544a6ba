/**
 * PCA weights (OECD/JRC Handbook 2008, section 6.1, "weights based on principal components analysis"): the
 * retained components are rotated by varimax (the handbook's procedure) unless `rotation: "none"` is asked for.
 */
import type { Issue } from "../../errors.js";
import { symmetricEigen, type Matrix } from "./eigen.js";
import { constantWarning, correlation, isConstant, type ObjectiveInput, type ObjectiveScores } from "./observations.js";
import { varimax } from "./varimax.js";
import { weightingMessages } from "./messages.js";
import { INDEX_CODE } from "../types.js";

/** An eigenvalue counts as "greater than 1" only beyond this rounding margin. */
const KAISER_MARGIN = 1e-9;
/** An eigenvalue of a k × k correlation matrix (trace k) counts as 0 below this share of k, for its rank. */
const RANK_TOLERANCE = 1e-9;

export const PCA_ROTATIONS = ["varimax", "none"] as const;
export type PcaRotation = (typeof PCA_ROTATIONS)[number];

/** What PCA retained, for reports and tests. */
export interface PcaDetails {
  /** Every eigenvalue of the correlation matrix, decreasing. */
  eigenvalues: number[];
  /** How many components were retained (eigenvalue > 1; at least one). */
  retained: number;
  /** The loadings of the retained components (one row per indicator), after the rotation. */
  loadings: number[][];
  /** The variance each retained (rotated) component explains: the column sums of squared loadings. */
  explained: number[];
  /** For each indicator, the retained component it was assigned to (0-based). */
  component: number[];
  /** The normalised weights (sum 1). */
  weights: number[];
}

/**
 * PCA weights from a correlation matrix, step by step (OECD/JRC Handbook 2008, section 6.1):
 * 1. eigen-decompose the correlation matrix R (eigenvalues λ decreasing, unit eigenvectors v);
 * 2. retain the components with λ > 1 (Kaiser's rule; at least the first);
 * 3. loadings `L[j][c] = v[j][c]·√λ[c]`, rotated by varimax (default) or left as they are (`rotation: "none"`);
 * 4. each component explains `E[c] = Σ_j L[j][c]²` (λ[c] without rotation); the squared loadings scaled to unity sum
 *    within a component are `L[j][c]² / E[c]`;
 * 5. each indicator is assigned to the component on which its squared loading is largest, and weighs its scaled
 *    squared loading there times that component's share of the explained variance, `(L[j][c]²/E[c])·(E[c]/Σ E)`;
 *    the weights are then normalised to sum 1.
 * @example pcaWeightsFromCorrelation([[1, 0], [0, 1]]).weights // => [1, 0] (one component kept: λ = 1, 1)
 * Reference: OECD/JRC (2008), Handbook on Constructing Composite Indicators, section 6.1 (tables 6.2-6.4).
 */
export function pcaWeightsFromCorrelation(correlationMatrix: Matrix, rotation: PcaRotation = "varimax"): PcaDetails {
  const { values, vectors } = symmetricEigen(correlationMatrix);
  let retained = values.filter((value) => value > 1 + KAISER_MARGIN).length;
  if (retained === 0) retained = 1;
  const unrotated = correlationMatrix.map((_, j) => Array.from({ length: retained }, (__, c) => vectors[c][j] * Math.sqrt(Math.max(0, values[c]))));
  const loadings = rotation === "varimax" ? varimax(unrotated) : unrotated;
  const explained = Array.from({ length: retained }, (_, c) => loadings.reduce((sum, row) => sum + row[c] ** 2, 0));
  const totalExplained = explained.reduce((sum, value) => sum + value, 0);
  const component: number[] = [];
  const raw = loadings.map((row) => {
    let best = 0;
    for (let c = 1; c < retained; c++) if (row[c] ** 2 > row[best] ** 2 + 1e-12) best = c;
    component.push(best);
    return (row[best] ** 2 / explained[best]) * (explained[best] / totalExplained);
  });
  const total = raw.reduce((sum, value) => sum + value, 0);
  return { eigenvalues: values, retained, loadings, explained, component, weights: raw.map((value) => value / total) };
}

/**
 * PCA scores of indicators over the chosen observations: the correlation matrix of the columns (the direction does
 * not matter: flipping a sign leaves squared loadings unchanged), then `pcaWeightsFromCorrelation`. An indicator
 * that does not vary gets 0 (with a warning) and is left out of the correlation matrix.
 * The weights are derived whatever the matrix, with a warning when it is singular, as the audit's `pca.csv` notes:
 * `W_PCA_FEW_OBSERVATIONS` when the n observations are no more than the k varying indicators (the matrix of n centred
 * observations has rank at most n − 1 < k, so some eigenvalues are 0 for want of data; the OECD/JRC Handbook's PCA
 * assumes many more observations than indicators), else `W_PCA_SINGULAR` when an eigenvalue is 0 all the same (some
 * indicators are exact linear combinations of others).
 */
export function pcaScores(input: ObjectiveInput, rotation: PcaRotation = "varimax"): ObjectiveScores & { details?: PcaDetails } {
  const warnings: Issue[] = [];
  const varying: number[] = [];
  input.codes.forEach((code, j) => {
    if (isConstant(input.columns[j])) warnings.push(constantWarning(code, "PCA"));
    else varying.push(j);
  });
  const scores = new Float64Array(input.codes.length);
  if (varying.length === 0) return { scores, warnings };
  const matrix = varying.map((j) => varying.map((k) => (j === k ? 1 : correlation(input.columns[j], input.columns[k]))));
  const details = pcaWeightsFromCorrelation(matrix, rotation);
  const group = input.group ?? INDEX_CODE;
  const subIndices = input.subIndices ?? false;
  const observations = input.columns[varying[0]].length;
  const count = varying.length;
  const rank = details.eigenvalues.filter((value) => value > RANK_TOLERANCE * count).length;
  if (observations <= count)
    warnings.push({ code: "W_PCA_FEW_OBSERVATIONS", message: weightingMessages.pcaFewObservations(group, observations, count, subIndices), id: group });
  else if (rank < count) warnings.push({ code: "W_PCA_SINGULAR", message: weightingMessages.pcaSingular(group, count, rank, subIndices), id: group });
  varying.forEach((j, position) => (scores[j] = details.weights[position]));
  return { scores, warnings, details };
}
