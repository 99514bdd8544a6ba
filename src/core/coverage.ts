/**
 * Data coverage per indicator: how many of its cells (units × years) were observed, imputed or reweighted.
 */
import type { Imputation } from "./missing.js";
import { indicatorBlock, type Panel } from "./panel.js";

/** One row of the coverage table. `expected = observed + imputed + reweighted + (cells still missing)`. */
export interface Coverage {
  indicator: string;
  /** Units × years, less the unit-years left out by screening. */
  expected: number;
  /** Cells with a value in the data (for a formula indicator: every variable present). */
  observed: number;
  /** Cells filled by carry-forward, carry-back, interpolation or the other units' mean or median. */
  imputed: number;
  /** Cells left out of the aggregation, their siblings' weights renormalised. */
  reweighted: number;
  /** `observed / expected`, from 0 to 1 (`NaN` when nothing is expected). */
  shareObserved: number;
}

/**
 * The coverage table, one row per indicator of `panel` (in panel order), from the panel as read (gaps are `NaN`) and
 * the imputations made. The unit-years in `screened` (cells `unit · years + year`, left out by `--screen-by
 * unit-year`) are not expected, as a screened unit is not (it is out of the panel). Reference: OECD/JRC Handbook
 * (2008), step 3 (report the share of imputed data).
 * @example computeCoverage(panel, result.imputations) // => [{ indicator: "A1", expected: 6, observed: 5, imputed: 1, ... }]
 */
export function computeCoverage(panel: Panel, imputations: readonly Imputation[], screened: ReadonlySet<number> = new Set()): Coverage[] {
  const counts = new Map(panel.indicators.map((indicator) => [indicator, { imputed: 0, reweighted: 0 }] as [string, { imputed: number; reweighted: number }]));
  for (const imputation of imputations) {
    const count = counts.get(imputation.indicator);
    if (!count) continue;
    if (imputation.method === "reweight") count.reweighted++;
    else count.imputed++;
  }
  return panel.indicators.map((indicator, i) => {
    const block = indicatorBlock(panel, i);
    let observed = 0;
    for (let cell = 0; cell < block.length; cell++) if (!Number.isNaN(block[cell]) && !screened.has(cell)) observed++;
    const expected = block.length - screened.size;
    const { imputed, reweighted } = counts.get(indicator)!;
    return { indicator, expected, observed, imputed, reweighted, shareObserved: expected > 0 ? observed / expected : Number.NaN };
  });
}
