/**
 * "Did you mean ...?": the closest of a list of accepted names to a misspelt one (`minmax` -> `min-max`,
 * `entrpy` -> `entropy`, `indcator` -> `indicator`), for every message that checks a value against a list.
 */

/** Lower case, without spaces, hyphens and underscores: `Min_Max` and `minmax` compare equal. */
const squash = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, "");

/**
 * The optimal string alignment distance (Levenshtein with adjacent transpositions) of `a` and `b`, from three rolling
 * rows as long as the shorter text (a transposition looks two rows back): memory in the shorter length, not the product.
 */
export function editDistance(a: string, b: string): number {
  // The distance is symmetric: the rows run along the shorter text.
  if (b.length > a.length) [a, b] = [b, a];
  const columns = b.length + 1;
  let before = new Array<number>(columns).fill(0); // row i - 2
  let previous = Array.from({ length: columns }, (_, j) => j); // row i - 1
  let current = new Array<number>(columns).fill(0); // row i
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[columns - 1];
}

/**
 * Names longer than this are never looked up nor suggested: no accepted name is that long, and a long text (a whole
 * line read as a column header) is no typo of one; comparing it would cost time in its length for every candidate.
 */
const LONGEST_NAME = 64;

/**
 * The accepted name closest to `found`, or `undefined` when none is close: equal but for case, spaces, hyphens and
 * underscores, or at most one edit in three letters away (at least one edit allowed, at most three). Ties go to the
 * first in `candidates`. A name longer than 64 characters, found or candidate, is never compared.
 * @example closestName("minmax", ["min-max", "z-score"]) // => "min-max"
 * @example closestName("entrpy", ["entropy", "critic"]) // => "entropy"
 * @example closestName("xyz", ["entropy", "critic"]) // => undefined
 */
export function closestName(found: string, candidates: readonly string[]): string | undefined {
  return closestNames(found, candidates)[0];
}

/**
 * Every accepted name as close to `found` as the closest (`closestName`, which is the first of them), in the order of
 * `candidates`; none when none is close. More than one: the guess is a tie (A23 is one edit from A22 and from A24).
 * @example closestNames("A23", ["A22", "A24", "B1"]) // => ["A22", "A24"]
 */
export function closestNames(found: string, candidates: readonly string[]): string[] {
  if (found.length > LONGEST_NAME) return [];
  const target = squash(found);
  if (!target) return [];
  const allowed = Math.min(3, Math.max(1, Math.floor(target.length / 3)));
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.length > LONGEST_NAME) continue;
    const squashed = squash(candidate);
    // The distance is at least the difference of the lengths: a candidate farther than allowed is never suggested.
    if (Math.abs(squashed.length - target.length) > allowed) continue;
    const distance = editDistance(target, squashed);
    if (distance < bestDistance) {
      best = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance) best.push(candidate);
  }
  return best.length > 0 && best[0] !== found && bestDistance <= allowed ? best : [];
}

/** `; did you mean "min-max"?` for a close name, else "" (to append to a message). */
export function didYouMean(found: string, candidates: readonly string[]): string {
  const name = closestName(found, candidates);
  return name === undefined ? "" : `; did you mean ${JSON.stringify(name)}?`;
}
