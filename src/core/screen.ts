/**
 * Screening: leaving out the units (or unit-years) with too little data before anything is computed, as COINr's
 * `Screen(dat_thresh = ..., unit_screen = "byNA")` does, extended to the coverage within each first-level group.
 */
import type { Issue } from "../errors.js";
import { methodMessages } from "./method-messages.js";
import { indicatorBlock, type Panel } from "./panel.js";
import { childrenOf } from "./tree.js";
import type { Tree } from "./types.js";

export const SCREEN_SCOPES = ["unit", "unit-year"] as const;
/** What is screened: a `unit` over all its years, or each `unit-year` apart. */
export type ScreenScope = (typeof SCREEN_SCOPES)[number];

/** The screening rule: the smallest share of observed values, overall and within every first-level group. */
export interface ScreenOptions {
  /** Between 0 and 1, e.g. 0.66 (COINr's `dat_thresh`). */
  threshold: number;
  /** Default `unit`. */
  by?: ScreenScope;
}

/** One screened unit (year `undefined`) or unit-year, with the coverage that failed. */
export interface ScreenedRow {
  unit: string;
  year?: number;
  /** Share of observed values over all indicators. */
  coverage: number;
  /** The first-level group with the lowest coverage, and that coverage. */
  group: string;
  groupCoverage: number;
}

/** The leaves under each first-level node (a first-level indicator is a group of itself). */
function leavesByRoot(tree: Tree): { root: string; indicators: number[] }[] {
  const position = new Map(tree.indicators.map((code, i) => [code, i] as const));
  const leaves = (code: string): number[] => (position.has(code) ? [position.get(code)!] : childrenOf(tree, code).flatMap(leaves));
  return tree.roots.map((root) => ({ root, indicators: leaves(root) }));
}

/**
 * Screens the panel: a unit (over all years, `by: "unit"`) or a unit-year (`by: "unit-year"`) is left out when the
 * share of its values that are observed is below `threshold`, overall or within any first-level group (so a unit
 * cannot pass on one well-covered dimension alone). Screened units are removed from the panel; screened unit-years
 * keep their place with every value missing (`NaN`), and their positions are returned as `cells`
 * (`unit * yearCount + year`) so the caller can leave their results empty. A screen that leaves no unit is an issue.
 * @example screenPanel(tree, panel, { threshold: 0.66 }) // => { panel: without the units below 66 % coverage, screened: [...] }
 * Reference: COINr `Screen` (Becker et al. 2022); OECD/JRC Handbook (2008), section 3 (data coverage rules).
 */
export function screenPanel(
  tree: Tree,
  panel: Panel,
  options: ScreenOptions,
): { panel: Panel; screened: ScreenedRow[]; cells: Set<number>; issues: Issue[] } {
  const by = options.by ?? "unit";
  const groups = leavesByRoot(tree);
  const yearCount = panel.years.length;
  const blocks = panel.indicators.map((_, i) => indicatorBlock(panel, i));
  const coverageOf = (unit: number, years: readonly number[], indicators: readonly number[]) => {
    let observed = 0;
    for (const i of indicators) for (const year of years) if (!Number.isNaN(blocks[i][unit * yearCount + year])) observed++;
    return observed / (indicators.length * years.length);
  };
  const allIndicators = panel.indicators.map((_, i) => i);
  const allYears = panel.years.map((_, t) => t);
  const screened: ScreenedRow[] = [];
  const cells = new Set<number>();
  const droppedUnits = new Set<number>();
  panel.units.forEach((unit, u) => {
    const yearSets = by === "unit" ? [allYears] : allYears.map((year) => [year]);
    for (const years of yearSets) {
      const coverage = coverageOf(u, years, allIndicators);
      let worst = { group: groups[0]?.root ?? "", coverage: Infinity };
      for (const group of groups) {
        const groupCoverage = coverageOf(u, years, group.indicators);
        if (groupCoverage < worst.coverage) worst = { group: group.root, coverage: groupCoverage };
      }
      if (coverage >= options.threshold && worst.coverage >= options.threshold) continue;
      screened.push({ unit, ...(by === "unit-year" ? { year: panel.years[years[0]] } : {}), coverage, group: worst.group, groupCoverage: worst.coverage });
      if (by === "unit") droppedUnits.add(u);
      else cells.add(u * yearCount + years[0]);
    }
  });
  const issues: Issue[] = [];
  const keptUnits = panel.units.map((_, u) => u).filter((u) => !droppedUnits.has(u));
  const emptied = by === "unit-year" && cells.size === panel.units.length * yearCount;
  if (keptUnits.length === 0 || emptied)
    issues.push({ code: "E_SCREEN_EMPTY", message: methodMessages.screenEmpty(options.threshold, panel.units.length), column: "--screen" });
  if (screened.length === 0) return { panel, screened, cells, issues };
  const size = keptUnits.length * yearCount;
  const values = new Float64Array(panel.indicators.length * size);
  // Where each kept cell was read moves with it, so that a message about it still names its file and line.
  const lines = panel.lines && new Int32Array(values.length);
  const columns = panel.columns && new Int32Array(values.length);
  const fileOfCell = panel.fileOfCell && new Int32Array(values.length);
  const fullSize = panel.units.length * yearCount;
  panel.indicators.forEach((_, i) => {
    keptUnits.forEach((u, k) => {
      for (let year = 0; year < yearCount; year++) {
        const from = u * yearCount + year;
        const to = i * size + k * yearCount + year;
        values[to] = cells.has(from) ? Number.NaN : blocks[i][from];
        if (lines) lines[to] = panel.lines![i * fullSize + from];
        if (columns) columns[to] = panel.columns![i * fullSize + from];
        if (fileOfCell) fileOfCell[to] = panel.fileOfCell![i * fullSize + from];
      }
    });
  });
  const places = { ...(lines ? { lines } : {}), ...(columns ? { columns } : {}), ...(fileOfCell ? { fileOfCell } : {}) };
  return { panel: { ...panel, units: keptUnits.map((u) => panel.units[u]), values, ...places }, screened, cells, issues };
}
