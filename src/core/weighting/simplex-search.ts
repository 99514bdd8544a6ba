/**
 * The least of a function of weights (each >= 0, summing to 1) by Nelder–Mead searches from several starting weights,
 * for the weights optimised for effective importance (`optimise.ts`).
 *
 * The search runs over free numbers y, the weights being `w = max(y, 0)/Σ max(y, 0)`: a weight is exactly 0 wherever
 * y <= 0, so the search reaches the edges of the simplex (optima often lie there: a child whose weight only lowers the
 * fit) without bounds, and needs no gradient (the objective may be any aggregation's, with gaps). Every search is a
 * Nelder–Mead search (Nelder & Mead 1965) with the coefficients adapted to the dimension (Gao & Han 2012: reflection 1,
 * expansion 1 + 2/m, contraction 3/4 − 1/(2m), shrink 1 − 1/m), restarted from its best point with a fresh simplex
 * until a restart no longer improves (a Nelder–Mead simplex can stall short of a minimum; R's `optim` users restart it
 * the same way). The starts are searched coarsely first, then the best few to the end, and the least value found is
 * kept: a local search finds the minimum of the basin it starts in, and several starts guard against a poor basin.
 */

/** A search has converged when the values at its simplex's vertices are within this share of the least of them. */
const RELATIVE_SPREAD = 1e-10;
/** ... or within this much: an objective of squares whose least value is 0 converges to about this. */
const ABSOLUTE_SPREAD = 1e-22;
/** The first simplex's edge, as a share of the largest starting weight (R's `optim`: a tenth of the largest value). */
const STEP = 0.1;
/** The coarse search from each start may take this many evaluations per weight searched. */
const COARSE_EVALUATIONS = 30;
/** How many of the coarse results, the best first, are searched to the end. */
const POLISHED = 3;
/** Coarse results whose weights all lie within this of one searched to the end already are the same basin. */
const SAME_BASIN = 1e-3;
/** A search to the end whose best weights all come within this of where an earlier one ended stops there. */
const ARRIVED = 1e-4;
/** A weight below this is tried at 0 after the search (and kept there when the value is no worse). */
const SNAP = 1e-6;

export interface SimplexSearch {
  /** The weights with the least value found, summing to 1. */
  weights: number[];
  /** The objective at `weights`. */
  value: number;
  /** Every evaluation of the objective the search made. */
  evaluations: number;
  /** How many starting weights were searched. */
  starts: number;
  /** False when `maxEvaluations` ran out before every search converged (`value` is then the least found so far). */
  converged: boolean;
  /** Where the searches to the end ended, one for each basin, the best first (`weights` is the first, or better). */
  ends: number[][];
}

/**
 * Writes the weights of a free point into `out`: its positive parts divided by their sum. False (and `out` left as it
 * was) when no part is positive.
 */
function weightsOf(point: Float64Array, out: Float64Array): boolean {
  let sum = 0;
  for (let k = 0; k < point.length; k++) if (point[k] > 0) sum += point[k];
  if (!(sum > 0)) return false;
  for (let k = 0; k < point.length; k++) out[k] = point[k] > 0 ? point[k] / sum : 0;
  return true;
}

/** Whether the values at a simplex's vertices agree: within 1e−10 of the least, or 1e−22 (all `Infinity`: nothing to search). */
const agree = (least: number, most: number): boolean => !(most - least > RELATIVE_SPREAD * Math.abs(least) + ABSOLUTE_SPREAD);

/**
 * The least value of `objective` (of weights summing to 1; `Infinity` where undefined) found by Nelder–Mead searches
 * from `starts` (weights, each summing to 1), in order. Every start gets a coarse search of at most 30 evaluations per
 * weight (`coarseEvaluations`); the best three (`polished`) coarse results from different basins are then searched
 * until a restart no longer improves (nor one with a simplex a hundred times smaller), or the search comes to where an
 * earlier one ended, or `maxEvaluations` (all the evaluations, the coarse ones included) run out; a weight left below
 * 1e−6 is then tried at 0. `first`, when given, is searched to the end before all, without a coarse search (one of
 * the `polished`). `reached`, asked after each evaluation that improves on the best, ends the whole search at once
 * when it is true (the objective met its goal). `objective` must not keep the array it is given. Deterministic: the
 * same inputs give the same weights.
 * @example minimiseOnSimplex((w) => (w[0] - 0.25) ** 2, [[0.5, 0.5]], { maxEvaluations: 1000 }).weights // => about [0.25, 0.75]
 */
export function minimiseOnSimplex(
  objective: (weights: Float64Array) => number,
  starts: readonly (readonly number[])[],
  options: { maxEvaluations: number; reached?: () => boolean; coarseEvaluations?: number; polished?: number; first?: readonly number[] },
): SimplexSearch {
  const coarseEvaluations = options.coarseEvaluations ?? COARSE_EVALUATIONS;
  const polishedCount = options.polished ?? POLISHED;
  const size = starts[0].length;
  let evaluations = 0;
  const best = Float64Array.from(starts[0]);
  let bestValue = Infinity;
  let reached = false;
  const weights = new Float64Array(size);
  const evaluate = (point: Float64Array): number => {
    evaluations++;
    if (!weightsOf(point, weights)) return Infinity;
    const value = objective(weights);
    if (value < bestValue) {
      bestValue = value;
      best.set(weights);
      if (options.reached?.()) reached = true;
    }
    return value;
  };
  const end = new Float64Array(size);
  const vertexWeights = new Float64Array(size);
  const ends: { point: Float64Array; value: number }[] = [];
  /** Whether the weights of `vertex` are those where a search to the end ended (within 1e−4 each): the same minimum. */
  const arrived = (vertex: Float64Array): boolean =>
    ends.length > 0 && weightsOf(vertex, vertexWeights) && ends.some(({ point }) => point.every((weight, c) => Math.abs(weight - vertexWeights[c]) < ARRIVED));
  /**
   * Nelder–Mead from `start`, restarted from its best point until a restart no longer improves or `limit` is reached;
   * a search to the end (`polishing`) stops where an earlier one ended.
   */
  const search = (start: readonly number[], limit: number, polishing = false): { point: Float64Array; value: number } => {
    const point = Float64Array.from(start);
    let value = evaluate(point);
    const stop = (vertex: Float64Array) => reached || evaluations >= limit || (polishing && arrived(vertex));
    let step = STEP;
    while (!reached && evaluations < limit) {
      const found = nelderMead(evaluate, point, value, step * Math.max(...point), stop, end);
      const improved = !agree(found, value);
      // Restart from the weights of the best point: a free number below 0 starts again at 0, so that the fresh
      // simplex can bring a weight of 0 back in.
      if (!weightsOf(end, point)) break;
      value = found;
      if (improved) step = STEP;
      // A search to the end that no longer improves tries once more with a simplex a hundred times smaller, which
      // gets past a kink a large one straddles (an aggregation with gaps, a weight at 0).
      else if (polishing && step === STEP) step = STEP / 100;
      else break;
    }
    return { point, value };
  };

  const polished: Float64Array[] = [];
  if (options.first) {
    polished.push(Float64Array.from(options.first));
    ends.push(search(options.first, options.maxEvaluations, true));
  }
  // Each start is evaluated, so the result is never worse than any start, even when the evaluations have run out.
  const coarse = starts.map((start) => search(start, Math.min(evaluations + coarseEvaluations * size, options.maxEvaluations)));
  const order = coarse.map((_, index) => index).sort((a, b) => coarse[a].value - coarse[b].value || a - b);
  for (const index of order) {
    if (reached || evaluations >= options.maxEvaluations || polished.length === polishedCount) break;
    const { point, value } = coarse[index];
    if (!(value < Infinity) || polished.some((other) => other.every((weight, c) => Math.abs(weight - point[c]) < SAME_BASIN))) continue;
    polished.push(point);
    ends.push(search([...point], options.maxEvaluations, true));
  }
  ends.sort((a, b) => a.value - b.value);
  const converged = reached || evaluations < options.maxEvaluations;
  // A weight the search left a hair above 0 (the free number just above 0) is tried at 0.
  const candidate = new Float64Array(size);
  for (let c = 0; c < size && !reached; c++) {
    if (!(best[c] > 0 && best[c] < SNAP)) continue;
    candidate.set(best);
    candidate[c] = 0;
    const before = bestValue;
    const value = evaluate(candidate);
    if (value <= before && weightsOf(candidate, best)) bestValue = value;
  }
  return { weights: [...best], value: bestValue, evaluations, starts: starts.length + (options.first ? 1 : 0), converged, ends: ends.map((end) => [...end.point]) };
}

/**
 * One Nelder–Mead search for the least of `evaluate` from `start` (whose value is `startValue`), the first simplex
 * `start` and `start` plus `step` along each axis, until the values at the vertices agree or `stop(best vertex)`. Writes the best
 * vertex into `out` and returns its value.
 */
function nelderMead(evaluate: (point: Float64Array) => number, start: Float64Array, startValue: number, step: number, stop: (best: Float64Array) => boolean, out: Float64Array): number {
  const size = start.length;
  const expansion = 1 + 2 / size;
  const contraction = 0.75 - 1 / (2 * size);
  const shrink = 1 - 1 / size;
  const vertices: Float64Array[] = [];
  const values = new Float64Array(size + 1);
  for (let vertex = 0; vertex <= size; vertex++) {
    const point = Float64Array.from(start);
    if (vertex > 0) point[vertex - 1] += step;
    vertices.push(point);
    values[vertex] = vertex === 0 ? startValue : evaluate(point);
  }
  const centroid = new Float64Array(size);
  const reflected = new Float64Array(size);
  const trial = new Float64Array(size);
  /** `target` = centroid + factor·(centroid − worst vertex). */
  const along = (factor: number, worst: Float64Array, target: Float64Array) => {
    for (let k = 0; k < size; k++) target[k] = centroid[k] + factor * (centroid[k] - worst[k]);
  };
  const replace = (vertex: number, point: Float64Array, value: number) => {
    vertices[vertex].set(point);
    values[vertex] = value;
  };
  let best = 0;
  for (;;) {
    // The best, worst and second-worst vertices, ties to the first (deterministic).
    best = 0;
    let worst = 0;
    for (let vertex = 1; vertex <= size; vertex++) {
      if (values[vertex] < values[best]) best = vertex;
      if (values[vertex] > values[worst]) worst = vertex;
    }
    if (agree(values[best], values[worst]) || stop(vertices[best])) break;
    let second = best;
    for (let vertex = 0; vertex <= size; vertex++) if (vertex !== worst && values[vertex] > values[second]) second = vertex;
    centroid.fill(0);
    for (let vertex = 0; vertex <= size; vertex++) if (vertex !== worst) for (let k = 0; k < size; k++) centroid[k] += vertices[vertex][k] / size;
    const worstPoint = vertices[worst];
    along(1, worstPoint, reflected);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[best]) {
      along(expansion, worstPoint, trial);
      const expandedValue = evaluate(trial);
      if (expandedValue < reflectedValue) replace(worst, trial, expandedValue);
      else replace(worst, reflected, reflectedValue);
    } else if (reflectedValue < values[second]) replace(worst, reflected, reflectedValue);
    else {
      const outside = reflectedValue < values[worst];
      along(outside ? contraction : -contraction, worstPoint, trial);
      const contractedValue = evaluate(trial);
      if (contractedValue < (outside ? reflectedValue : values[worst])) replace(worst, trial, contractedValue);
      else
        for (let vertex = 0; vertex <= size; vertex++) {
          if (vertex === best) continue;
          for (let k = 0; k < size; k++) vertices[vertex][k] = vertices[best][k] + shrink * (vertices[vertex][k] - vertices[best][k]);
          values[vertex] = evaluate(vertices[vertex]);
        }
    }
    if (stop(vertices[best])) break;
  }
  for (let vertex = 0; vertex <= size; vertex++) if (values[vertex] < values[best]) best = vertex;
  out.set(vertices[best]);
  return values[best];
}
