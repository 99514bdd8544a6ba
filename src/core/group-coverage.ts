/**
 * A minimum data coverage at aggregation, COINr's `Aggregate(dat_thresh = )`: a group's score (or the overall index) is
 * missing for a unit-year when the share of its children that have a value there is below the threshold.
 *
 * The share is unweighted, `present children / children`, as COINr's `sum(!is.na(x_row)) / length(x_row)`, and
 * counted in the scores being aggregated: an imputed value (carry-forward, interpolate, ...) is present, a reweighted
 * gap is not, nor a child group that is itself missing (for its own coverage or because all its children are). The
 * same threshold applies at every level, the overall index included; a missing score then weighs in its parent as any
 * missing child does (left out, its siblings' weights renormalised, under `--missing reweight`). A share equal to the
 * threshold passes (COINr tests `share < threshold`).
 * Reference: COINr `Aggregate` (R/aggregate.R, `dat_thresh`); OECD/JRC Handbook (2008), step 3 (missing data).
 */

/**
 * Sets `out[cell]` to `NaN` in every cell where the share of `children` with a value (not `NaN`) is below
 * `minCoverage`, and calls `onBelow(cell)` for each such cell that had a value in `out` before. Returns how many cells
 * it set missing. `children` are blocks of `out.length` cells (`units × years`, unit-major).
 * @example applyMinCoverage([[1, NaN], [NaN, NaN], [3, 4]], 0.5, out) // out [2, 4] => [2, NaN]: 1 of 3 children is below 0.5
 */
export function applyMinCoverage(
  children: readonly ArrayLike<number>[],
  minCoverage: number,
  out: Float64Array,
  onBelow?: (cell: number) => void,
): number {
  const childCount = children.length;
  let count = 0;
  for (let cell = 0; cell < out.length; cell++) {
    let present = 0;
    for (let c = 0; c < childCount; c++) if (!Number.isNaN(children[c][cell])) present++;
    if (!(present / childCount < minCoverage)) continue;
    // A cell already missing (no child with a value) is not set missing by the threshold: it is not counted.
    if (Number.isNaN(out[cell])) continue;
    out[cell] = Number.NaN;
    count++;
    onBelow?.(cell);
  }
  return count;
}
