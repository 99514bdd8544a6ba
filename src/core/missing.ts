/**
 * Missing values: the policies that fill or drop a gap, applied indicator by indicator and unit by unit, and the record
 * of every cell they touched (nothing is imputed silently).
 *
 * - `error` (default): every gap is a problem, all reported at once.
 * - `carry-forward`: a gap takes the last earlier observed value of the same unit (LOCF).
 * - `carry-back`: a gap takes the first later observed value of the same unit (NOCB); meant for a missing base value.
 * - `interpolate`: linear between the nearest observed years around the gap,
 *   `x[t] = x[a] + (x[b] − x[a])·(t − a)/(b − a)` with `a < t < b` the years themselves (uneven spacing counts). Gaps
 *   before the first or after the last observed year are not extrapolated: they take the nearest observed value and are
 *   recorded as `carry-back` or `carry-forward`.
 * - `mean`: a gap of indicator i, unit u, year t takes the arithmetic mean of indicator i's observed values of the
 *   other units in year t, `x[u, t] = (1/n)·Σ x[v, t]` over the n units v observed (COINr's `Impute()` with `i_mean`,
 *   per data set, that is per year of a panel). Across units, not along a series.
 * - `median`: the same with the median of those values, the mean of the two middle ones for an even n (R's `median`,
 *   COINr's `i_median`).
 * - `reweight`: the gap stays missing; aggregation leaves it out and renormalises its siblings' weights (NBS, COINr).
 *
 * A gap a policy cannot fill (carry-forward before the first observed year, carry-back after the last, a unit with no
 * value of the indicator at all under the three policies along a series; under `mean` and `median`, a year in which no
 * unit has a value of the indicator) is an error naming it, or, when the caller says so (`unfilled` = `reweight`),
 * reweighted and recorded. A unit-year without any value of any indicator is never filled, by any policy. Every policy
 * fills the values as given, before outlier treatment (`prepare.ts`). References: OECD/JRC Handbook (2008), step 3
 * (imputation of missing data); COINr's `Impute()` (Becker et al. 2022) for `mean` and `median`.
 */
import type { Issue } from "../errors.js";
import { messages } from "./messages.js";
import { append } from "./arrays.js";
import { indicatorBlock, placeOfCell, type Panel } from "./panel.js";
import { unitCellPlacer, type CellPlace } from "./unit-place.js";

export const MISSING_POLICIES = ["error", "carry-forward", "interpolate", "carry-back", "reweight", "mean", "median"] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

/** The policies that fill a gap from the other units of its year (cross-sectional), not from the unit's own series. */
export const CROSS_SECTION_POLICIES = ["mean", "median"] as const;
export type CrossSectionPolicy = (typeof CROSS_SECTION_POLICIES)[number];

/** What a gap the policy cannot fill does: `error` (default) or `reweight`. */
export const UNFILLED_POLICIES = ["error", "reweight"] as const;
export type UnfilledPolicy = (typeof UNFILLED_POLICIES)[number];
/** A gap the policy cannot fill is an error when no other policy is given. */
export const DEFAULT_UNFILLED: UnfilledPolicy = "error";

/**
 * How one cell was filled (or, for `reweight`, left out); `below-coverage`: a group's score set missing by the minimum
 * coverage at aggregation (`minGroupCoverage`), its `indicator` the group's code.
 */
export type ImputationMethod = "carry-forward" | "carry-back" | "interpolate" | "mean" | "median" | "reweight" | "below-coverage";

/** One imputed or reweighted cell. `value` is the value put in, `NaN` for a reweighted cell (and a `below-coverage` one). */
export interface Imputation {
  unit: string;
  year: number;
  indicator: string;
  method: ImputationMethod;
  value: number;
}

/** Reads a policy word; `undefined` if it is none. */
export function parseMissingPolicy(text: string): MissingPolicy | undefined {
  const word = text.trim().toLowerCase();
  return (MISSING_POLICIES as readonly string[]).includes(word) ? (word as MissingPolicy) : undefined;
}

/** Whether `policy` fills a gap from the other units of its year (`mean`, `median`). */
export function isCrossSectionPolicy(policy: MissingPolicy): policy is CrossSectionPolicy {
  return policy === "mean" || policy === "median";
}

/**
 * Per year, the centre of one indicator's observed values over the units: their arithmetic mean (`mean`) or their
 * median (`median`: the middle value, or the mean of the two middle ones for an even count, as R's `median`); `NaN`
 * for a year in which no unit has a value. `block` holds the indicator's cells unit by unit (`unit · years + year`, as
 * `indicatorBlock` gives them); its gaps (`NaN`) are left out, so a gap's own unit never weighs in its centre.
 * @example crossSectionCentres([1, 10, NaN, 20, 4, NaN, 7, 40], 4, 2, "mean") // => [4, 23.333…]: (1 + 4 + 7)/3, (10 + 20 + 40)/3
 */
export function crossSectionCentres(block: ArrayLike<number>, unitCount: number, yearCount: number, policy: CrossSectionPolicy): Float64Array {
  const centres = new Float64Array(yearCount);
  const observed: number[] = [];
  for (let t = 0; t < yearCount; t++) {
    observed.length = 0;
    for (let u = 0; u < unitCount; u++) {
      const value = block[u * yearCount + t];
      if (!Number.isNaN(value)) observed.push(value);
    }
    const count = observed.length;
    if (count === 0) centres[t] = Number.NaN;
    else if (policy === "mean") {
      let sum = 0;
      for (const value of observed) sum += value;
      centres[t] = sum / count;
    } else {
      observed.sort((a, b) => a - b);
      const middle = count >> 1;
      centres[t] = count % 2 === 1 ? observed[middle] : (observed[middle - 1] + observed[middle]) / 2;
    }
  }
  return centres;
}

/**
 * Fills the gaps of one series (one unit's years) by `policy`, writing into `out` (a copy of `values` with gaps filled)
 * and `methods` (the method per year, `undefined` where the value was observed or the gap was left).
 * `years` are the calendar years of the positions, used by `interpolate`. `centres`, per year, is what `mean` and
 * `median` put in (`crossSectionCentres` of the indicator, `NaN` for a year no unit has); without it they fill nothing.
 * @example imputeSeries([10, NaN, 16], [2017, 2018, 2019], "interpolate", out, methods) // out => [10, 13, 16]
 * @example imputeSeries([10, NaN, 16], [2017, 2018, 2019], "mean", out, methods, [12, 15, 14]) // out => [10, 15, 16]
 */
export function imputeSeries(
  values: ArrayLike<number>,
  years: readonly number[],
  policy: MissingPolicy,
  out: Float64Array,
  methods: (ImputationMethod | undefined)[],
  centres?: ArrayLike<number>,
): void {
  const count = years.length;
  for (let t = 0; t < count; t++) {
    out[t] = values[t];
    methods[t] = undefined;
  }
  if (policy === "error") return;
  if (isCrossSectionPolicy(policy)) {
    if (centres !== undefined)
      for (let t = 0; t < count; t++) if (Number.isNaN(values[t]) && !Number.isNaN(centres[t])) [out[t], methods[t]] = [centres[t], policy];
    return;
  }
  // Most series have no gap: nothing to fill, and no position arrays to make.
  let gap = false;
  for (let t = 0; t < count && !gap; t++) gap = Number.isNaN(values[t]);
  if (!gap) return;
  // Observed positions only: an imputed value never feeds another imputation.
  const previous = new Int32Array(count).fill(-1);
  const next = new Int32Array(count).fill(-1);
  for (let t = 0, last = -1; t < count; t++) {
    previous[t] = last;
    if (!Number.isNaN(values[t])) last = t;
  }
  for (let t = count - 1, last = -1; t >= 0; t--) {
    next[t] = last;
    if (!Number.isNaN(values[t])) last = t;
  }
  for (let t = 0; t < count; t++) {
    if (!Number.isNaN(values[t])) continue;
    const a = previous[t];
    const b = next[t];
    if (policy === "reweight") methods[t] = "reweight";
    else if (policy === "carry-forward") {
      if (a >= 0) [out[t], methods[t]] = [values[a], "carry-forward"];
    } else if (policy === "carry-back") {
      if (b >= 0) [out[t], methods[t]] = [values[b], "carry-back"];
    } else if (a >= 0 && b >= 0) {
      const share = (years[t] - years[a]) / (years[b] - years[a]);
      out[t] = values[a] + (values[b] - values[a]) * share;
      methods[t] = "interpolate";
    } else if (a >= 0) [out[t], methods[t]] = [values[a], "carry-forward"];
    else if (b >= 0) [out[t], methods[t]] = [values[b], "carry-back"];
  }
}

/**
 * The missing-value policies that would fill the gap at panel cell `cell` (`cellIndex`: indicator, unit, year), as
 * `imputeSeries` fills it from the values as given: `interpolate` when the unit's series has any observed year (it
 * carries the nearest value at either end), `carry-forward` an earlier one, `carry-back` a later one, `mean` and
 * `median` when another unit has a value of the indicator that year; then `reweight`, which leaves the gap out of
 * its group's score, unless the gap is a base value (`base`): a fixed-base or chain index needs its base, which
 * reweighting leaves missing. For the hint of a missing value (`messages.missingValue`) and of a missing base value.
 * @example fillingPolicies(panel, cell) // series [NaN, NaN, 5] at 2018, no other unit that year => ["interpolate", "carry-back", "reweight"]
 */
export function fillingPolicies(panel: Panel, cell: number, base = false): MissingPolicy[] {
  return fillingPolicyFinder(panel)(cell, base);
}

/**
 * `fillingPolicies` of `panel` for many cells: the units with a value in each year of a block are counted once per
 * block, not again for each gap (a flood of gaps in a block of many units would cost its square). The panel's values
 * must not change while the finder is used.
 */
export function fillingPolicyFinder(panel: Panel): (cell: number, base?: boolean) => MissingPolicy[] {
  const yearCount = panel.years.length;
  const unitCount = panel.units.length;
  const blockSize = unitCount * yearCount;
  const observed = new Map<number, Int32Array>();
  const observedInYear = (blockStart: number) => {
    let counts = observed.get(blockStart);
    if (!counts) {
      counts = new Int32Array(yearCount);
      for (let u = 0; u < unitCount; u++) for (let t = 0; t < yearCount; t++) if (!Number.isNaN(panel.values[blockStart + u * yearCount + t])) counts[t]++;
      observed.set(blockStart, counts);
    }
    return counts;
  };
  return (cell, base = false) => {
    const t = cell % yearCount;
    const seriesStart = cell - t;
    let earlier = false;
    let later = false;
    for (let s = 0; s < yearCount; s++)
      if (s !== t && !Number.isNaN(panel.values[seriesStart + s])) {
        if (s < t) earlier = true;
        else later = true;
      }
    // Another unit with a value that year: the year's count, less the cell's own value if it has one.
    const otherUnit = observedInYear(Math.floor(cell / blockSize) * blockSize)[t] - (Number.isNaN(panel.values[cell]) ? 0 : 1) > 0;
    const policies: MissingPolicy[] = [];
    if (earlier || later) policies.push("interpolate");
    if (earlier) policies.push("carry-forward");
    if (later) policies.push("carry-back");
    if (otherUnit) policies.push("mean", "median");
    if (!base) policies.push("reweight");
    return policies;
  };
}

export interface ImputedPanel {
  /** A copy of the panel with the gaps filled (reweighted cells stay `NaN`). */
  panel: Panel;
  /** Every imputed or reweighted cell, indicator by indicator, unit by unit, year by year. */
  imputations: Imputation[];
  /**
   * Every gap left unfilled by its policy (`error`, or a gap the policy cannot reach), with its panel cell
   * (`cellIndex`) so a caller can drop the gaps another check already reports (a missing base value).
   */
  gaps: { cell: number; issue: Issue }[];
  /** The unit-years (`unit · years + year`) reported without any value (a unit-year, unit or year empty): a base value missing there is that problem again. */
  emptyReported: ReadonlySet<number>;
}

/**
 * Applies each indicator's missing-value policy (`policies[i]` for `panel.indicators[i]`) to the whole panel. A gap a
 * filling policy cannot reach is reported, or reweighted when `unfilled` is `reweight` (never under `error`). The
 * unit-years in `screened` (cells `unit · years + year`, left out by screening, their values already removed) are no
 * gaps: they stay missing, are neither filled nor listed, and so weigh in no other unit's normalisation.
 */
export function imputePanel(panel: Panel, policies: readonly MissingPolicy[], unfilled: UnfilledPolicy = "error", screened?: ReadonlySet<number>): ImputedPanel {
  // Under `error` alone nothing is written, so the panel is shared rather than copied (a large panel is large).
  const values = policies.some((policy) => policy !== "error") ? new Float64Array(panel.values) : panel.values;
  const result: Panel = { ...panel, values };
  const imputations: Imputation[] = [];
  const gaps: { cell: number; issue: Issue }[] = [];
  const yearCount = panel.years.length;
  const out = new Float64Array(yearCount);
  const methods: (ImputationMethod | undefined)[] = new Array(yearCount);
  const empty = emptyUnitYears(panel, screened);
  // A gap of a unit of a few rows (a name mistyped on one row) is placed at the unit's first row.
  const placeOf = unitCellPlacer(panel);
  // The hints of the gaps, from the values as given (`panel` is not changed here: the filled values go into `result`).
  const fillingOf = fillingPolicyFinder(panel);
  const emptyGaps = new Set<number>();
  panel.indicators.forEach((indicator, i) => {
    const policy = policies[i];
    const block = indicatorBlock(result, i);
    // From the values as given (the input panel's block): a value filled for one unit never feeds another's centre.
    const centres = isCrossSectionPolicy(policy) ? crossSectionCentres(indicatorBlock(panel, i), panel.units.length, yearCount, policy) : undefined;
    panel.units.forEach((unit, u) => {
      const series = block.subarray(u * yearCount, (u + 1) * yearCount);
      if (policy === "error") methods.fill(undefined);
      else imputeSeries(series, panel.years, policy, out, methods, centres);
      for (let t = 0; t < yearCount; t++) {
        if (screened !== undefined && screened.size > 0 && screened.has(u * yearCount + t)) continue;
        // A unit-year without any value is never filled from other years (a year to come left empty, a unit named
        // otherwise that year): left out under reweight, else one problem for it (`emptyUnitYearIssues`), not one per
        // indicator.
        if (empty.cells[u * yearCount + t] === 1) {
          if (policy === "reweight" || (unfilled === "reweight" && policy !== "error"))
            imputations.push({ unit, year: panel.years[t], indicator, method: "reweight", value: Number.NaN });
          else emptyGaps.add(u * yearCount + t);
          continue;
        }
        const method = methods[t];
        if (method) {
          imputations.push({ unit, year: panel.years[t], indicator, method, value: out[t] });
          series[t] = out[t];
        } else if (Number.isNaN(series[t]) && unfilled === "reweight" && policy !== "error") {
          imputations.push({ unit, year: panel.years[t], indicator, method: "reweight", value: Number.NaN });
        } else if (Number.isNaN(series[t])) {
          const year = panel.years[t];
          const cell = (i * panel.units.length + u) * yearCount + t;
          const place = placeOf(cell);
          gaps.push({
            cell,
            issue:
              policy === "error"
                ? { code: "E_MISSING_VALUE", message: messages.missingValue(indicator, unit, year, fillingOf(cell)), id: indicator, ...place }
                : // A cell no file holds (a row left out) is placed at the values file (`placeOfCell`), as a year without any value is.
                  { code: "E_CANNOT_IMPUTE", message: messages.cannotImpute(indicator, unit, year, policy), id: indicator, ...place },
          });
        }
      }
    });
  });
  append(gaps, emptyUnitYearIssues(panel, empty, emptyGaps, placeOf));
  return { panel: result, imputations, gaps, emptyReported: emptyGaps };
}

/**
 * The unit-years of a panel of two or more indicators without any value (not screened), or of one indicator the years
 * without it for every unit of two or more, and per unit and year whether each is all empty. Filling every indicator of such a unit-year from other years would make up the unit's whole year
 * (a year to come left empty, a unit named otherwise that year): it is left missing instead. Screening
 * (`--screen --screen-by unit-year`) leaves such unit-years out on purpose.
 */
interface EmptyUnitYears {
  /** Per cell `unit · years + year`: 1 when no indicator has a value there. */
  cells: Uint8Array;
  /** Per unit, per year: whether every one of its unit-years (or every unit's, in a year) is empty. */
  units: boolean[];
  years: boolean[];
}

function emptyUnitYears(panel: Panel, screened?: ReadonlySet<number>): EmptyUnitYears {
  const unitCount = panel.units.length;
  const yearCount = panel.years.length;
  const cells = new Uint8Array(unitCount * yearCount).fill(1);
  for (let i = 0; i < panel.indicators.length; i++) {
    const block = indicatorBlock(panel, i);
    for (let cell = 0; cell < cells.length; cell++) if (!Number.isNaN(block[cell])) cells[cell] = 0;
  }
  if (screened !== undefined) for (const cell of screened) cells[cell] = 0;
  // With one indicator, a unit-year without it is a gap in its series like any other, which a policy may fill; a year
  // without it for every unit (of two or more) is still a whole year made up.
  if (panel.indicators.length < 2)
    for (let t = 0; t < yearCount; t++) {
      let wholeYear = unitCount >= 2;
      for (let u = 0; u < unitCount && wholeYear; u++) if (cells[u * yearCount + t] === 0) wholeYear = false;
      if (!wholeYear) for (let u = 0; u < unitCount; u++) cells[u * yearCount + t] = 0;
    }
  const units = panel.units.map((_, u) => cells.subarray(u * yearCount, (u + 1) * yearCount).every((flag) => flag === 1));
  const years = panel.years.map((_, t) => panel.units.every((_, u) => cells[u * yearCount + t] === 1));
  return { cells, units, years };
}

/**
 * Where the first empty cell of unit `unit` (every unit: -1) in year `year` (every year: -1) was read, indicator by
 * indicator, unit by unit, year by year: a row of a wide file, or a column of a year, left empty. Nothing when no file
 * holds one (a year no file has, a unit named in other years only).
 */
function placeOfEmpty(panel: Panel, unit: number, year: number): { source?: string; line?: number; column?: number } {
  if (panel.lines === undefined) return {};
  const [unitCount, yearCount] = [panel.units.length, panel.years.length];
  const [firstUnit, endUnit] = unit < 0 ? [0, unitCount] : [unit, unit + 1];
  const [firstYear, endYear] = year < 0 ? [0, yearCount] : [year, year + 1];
  for (let i = 0; i < panel.indicators.length; i++)
    for (let u = firstUnit; u < endUnit; u++)
      for (let t = firstYear; t < endYear; t++) {
        const cell = (i * unitCount + u) * yearCount + t;
        if (panel.lines[cell]) return placeOfCell(panel, cell);
      }
  return {};
}

/**
 * One problem for each empty unit-year left as a gap (`cells`): a year without any value is one problem, as is a unit
 * without any, the others one each, naming a unit that may be the same under another name (one with values in that
 * year and in none of this unit's years). Their cell is -1: no other check reports them (a missing base value is one
 * per indicator, and says nothing of a whole unit-year). A unit-year no file holds a cell of is placed by `placeOf`
 * (`unitCellPlacer`: at the first row of a unit of a few rows).
 */
function emptyUnitYearIssues(panel: Panel, empty: EmptyUnitYears, cells: ReadonlySet<number>, placeOf: (cell: number) => CellPlace): { cell: number; issue: Issue }[] {
  const yearCount = panel.years.length;
  const count = panel.indicators.length;
  const issues: { cell: number; issue: Issue }[] = [];
  const said = new Set<string>();
  const observed = (u: number, t: number) => empty.cells[u * yearCount + t] === 0;
  // Each unit's years with a value, as bits (32 years a word), made once: whether two units share a year is then a few
  // word comparisons, not a walk of the years, for every pair a sparse panel's many empty unit-years ask about.
  const words = Math.ceil(yearCount / 32);
  let yearBits: Uint32Array | undefined;
  const bitsOf = () => {
    if (yearBits) return yearBits;
    yearBits = new Uint32Array(panel.units.length * words);
    for (let u = 0; u < panel.units.length; u++)
      for (let t = 0; t < yearCount; t++) if (observed(u, t)) yearBits[u * words + (t >>> 5)] |= 1 << (t & 31);
    return yearBits;
  };
  const shareAYear = (u: number, v: number) => {
    const bits = bitsOf();
    for (let w = 0; w < words; w++) if ((bits[u * words + w] & bits[v * words + w]) !== 0) return true;
    return false;
  };
  for (const cell of [...cells].sort((a, b) => (a % yearCount) - (b % yearCount) || a - b)) {
    const u = Math.floor(cell / yearCount);
    const t = cell % yearCount;
    const unit = panel.units[u];
    const year = panel.years[t];
    let key: string;
    let issue: Issue;
    if (empty.years[t]) [key, issue] = [`year ${t}`, { code: "E_YEAR_EMPTY", message: messages.yearEmpty(year, count) }];
    else if (empty.units[u]) [key, issue] = [`unit ${u}`, { code: "E_UNIT_EMPTY", message: messages.unitEmpty(unit, count) }];
    else {
      const renamed = panel.units.find((_, v) => v !== u && observed(v, t) && !shareAYear(u, v));
      [key, issue] = [`cell ${cell}`, { code: "E_UNIT_YEAR_EMPTY", message: messages.unitYearEmpty(unit, year, count, renamed) }];
    }
    if (said.has(key)) continue;
    said.add(key);
    // Placed at the first of its empty cells that a file holds (a row or a column left empty), when one does.
    let place = placeOfEmpty(panel, empty.years[t] ? -1 : u, empty.units[u] && !empty.years[t] ? -1 : t);
    // A unit-year of a unit of a few rows (a name mistyped on one row): at the unit's first row (its first indicator's cell).
    if (place.line === undefined && !empty.years[t] && !empty.units[u]) place = placeOf(cell);
    issues.push({ cell: -1, issue: { ...issue, ...(panel.source !== undefined ? { source: panel.source } : {}), ...place } });
  }
  return issues;
}
