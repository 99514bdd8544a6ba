/**
 * "Did you mean ...?": the closest of a list of accepted names to a misspelt one (`minmax` -> `min-max`,
 * `entrpy` -> `entropy`, `indcator` -> `indicator`), for every message that checks a value against a list.
 */

/** Lower case, without spaces, hyphens and underscores: `Min_Max` and `minmax` compare equal. */
const squash = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, "");

/** The optimal string alignment distance (Levenshtein with adjacent transpositions) of `a` and `b`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++)
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, distance[i - 2][j - 2] + 1);
      distance[i][j] = best;
    }
  return distance[rows - 1][columns - 1];
}

/**
 * The accepted name closest to `found`, or `undefined` when none is close: equal but for case, spaces, hyphens and
 * underscores, or at most one edit in three letters away (at least one edit allowed, at most three). Ties go to the
 * first in `candidates`.
 * @example closestName("minmax", ["min-max", "z-score"]) // => "min-max"
 * @example closestName("entrpy", ["entropy", "critic"]) // => "entropy"
 * @example closestName("xyz", ["entropy", "critic"]) // => undefined
 */
export function closestName(found: string, candidates: readonly string[]): string | undefined {
  const target = squash(found);
  if (!target) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, squash(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.min(3, Math.max(1, Math.floor(target.length / 3)));
  return best !== undefined && best !== found && bestDistance <= allowed ? best : undefined;
}

/** `; did you mean "min-max"?` for a close name, else "" (to append to a message). */
export function didYouMean(found: string, candidates: readonly string[]): string {
  const name = closestName(found, candidates);
  return name === undefined ? "" : `; did you mean ${JSON.stringify(name)}?`;
}
