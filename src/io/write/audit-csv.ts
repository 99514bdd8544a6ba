/**
 * The audit's tables (`statistics`, `correlations`, `cronbach`, `pca`, `importance`, and the robustness checks'
 * `sensitivity-drop`, `sensitivity-drop-ranks`, `profiles`) as typed rows, shared by the CSV
 * files, the Excel workbook and the HTML page, and their CSV text (through `formatTableCsv`, hence `formatCsv`). A
 * statistic that could not be computed is an empty cell, with the reason in the row's `notes`.
 */
import type { Audit, AuditPeriod } from "../../core/audit/audit.js";
import type { DropSensitivity } from "../../core/audit/drop.js";
import type { Profiles } from "../../core/audit/profiles.js";
import type { IndexResult } from "../../core/compute.js";
import { DROP_RANKS_FILE, DROP_SUMMARY_FILE, yearPositions } from "./drop-csv.js";
import { PROFILES_FILE } from "./profiles-csv.js";
import { integer, number, raw, text, type Cell, type Table } from "./tables.js";
import { formatTableCsv, type CsvOptions } from "./to-csv.js";

/** A period's cell: a year as a number (a number cell in a workbook, not "a number stored as text"), or `all`. */
const periodCell = (period: AuditPeriod): Cell => period;
/** The period column: whole numbers (the years) and the text `all`. */
const periodColumn = () => integer("period");
const list = (items: readonly string[]) => items.join(";");
const notes = (items: readonly (string | undefined)[]) => items.filter((item) => item !== undefined).join("; ");

/**
 * `statistics`: per period and indicator, the raw values' statistics, outliers, flags and notes. The mean, sd, min and
 * max are in the indicator's own unit, as `imputations` holds its values (`raw`): with the run's decimals, more where
 * 6 significant digits need them, so that an indicator of values about 5e-7 does not read 0.0000 throughout.
 */
export function statisticsTable(audit: Audit): Table {
  return {
    name: "statistics",
    columns: [
      periodColumn(), text("indicator"), integer("n"), number("coverage"), raw("mean"), raw("sd"), raw("min"), raw("max"),
      number("skewness"), number("kurtosis"), number("same_share"), integer("outliers"), text("flags"), text("notes"),
    ],
    rows: audit.statistics.map((row) => [
      periodCell(row.period), row.indicator, row.n, row.coverage, row.mean, row.sd, row.min, row.max,
      row.skewness, row.kurtosis, row.sameShare, row.outliers, list(row.flags), notes(row.notes),
    ]),
    frozenColumns: 2,
  };
}

/** `correlations`: per period, every sibling pair, every node with its parent and with the overall index. */
export function correlationsTable(audit: Audit): Table {
  return {
    name: "correlations",
    columns: [
      periodColumn(), text("relation"), text("group"), integer("level"), text("a"), text("b"), integer("n"),
      number("pearson"), number("spearman"), text("flags"), text("notes"),
    ],
    rows: audit.correlations.map((row) => [
      periodCell(row.period), row.relation, row.group, row.level, row.a, row.b, row.n, row.pearson, row.spearman, list(row.flags), notes([row.note]),
    ]),
    frozenColumns: 6,
  };
}

/** `cronbach`: per period and group, Cronbach's alpha over the complete unit-years. */
export function cronbachTable(audit: Audit): Table {
  return {
    name: "cronbach",
    columns: [periodColumn(), text("group"), integer("level"), integer("children"), integer("n"), number("alpha"), text("notes")],
    rows: audit.cronbach.map((row) => [periodCell(row.period), row.group, row.level, row.children, row.n, row.alpha, notes([row.note])]),
    frozenColumns: 2,
  };
}

/** `pca`: per period and group, one row per component k: its eigenvalue and share, and child k's first-component loading. */
export function pcaTable(audit: Audit): Table {
  return {
    name: "pca",
    columns: [
      periodColumn(), text("group"), integer("n"), integer("component"), number("eigenvalue"), number("share"), number("cumulative_share"),
      text("child"), number("pc1_loading"), number("pc1_vector"), text("notes"),
    ],
    rows: audit.pca.map((row) => [
      periodCell(row.period), row.group, row.n, row.component, row.eigenvalue, row.share, row.cumulativeShare, row.child, row.loading, row.vector, notes([row.note]),
    ]),
    frozenColumns: 2,
  };
}

/** `importance`: per period and node, nominal and global weight beside the effective importance, normalised within siblings. */
export function importanceTable(audit: Audit): Table {
  return {
    name: "importance",
    columns: [
      periodColumn(), text("code"), text("parent"), integer("level"), integer("n"), number("weight"), number("global_weight"),
      number("r2_parent"), number("r2_parent_share"), number("r2_index"), number("r2_index_share"),
      number("ratio_parent"), number("ratio_parent_share"), number("ratio_index"), number("ratio_index_share"), text("notes"),
    ],
    rows: audit.importance.map((row) => [
      periodCell(row.period), row.code, row.parent, row.level, row.n, row.weight, row.globalWeight,
      row.r2Parent, row.r2ParentShare, row.r2Index, row.r2IndexShare, row.ratioParent, row.ratioParentShare, row.ratioIndex, row.ratioIndexShare, notes(row.notes),
    ]),
    frozenColumns: 2,
  };
}

/**
 * `sensitivity-drop`: per dropped element (tree order) and year, the mean and the largest absolute rank shift and the
 * units with the largest (`;`-separated); the rows, columns and cells of `formatDropSummaryCsv` (`drop-csv.ts`).
 */
export function dropSummaryTable(sensitivity: DropSensitivity): Table {
  const rows: Cell[][] = [];
  for (const drop of sensitivity.drops)
    sensitivity.years.forEach((year, y) => {
      rows.push([drop.element, drop.level, year, drop.meanAbsoluteShift[y], drop.largestShift[y], list(drop.largestShiftUnits[y].map((unit) => sensitivity.units[unit]))]);
    });
  return {
    name: DROP_SUMMARY_FILE.replace(/\.csv$/, ""),
    columns: [text("element"), integer("level"), integer("year"), number("mean_abs_shift"), integer("max_shift"), text("max_shift_unit")],
    rows,
    frozenColumns: 1,
  };
}

/**
 * `sensitivity-drop-ranks`: per unit and kept year (`sensitivity.rankYears`), the rank with every element, then one
 * column per dropped element with the rank without it; the table of `formatDropRanksCsv` (`drop-csv.ts`).
 */
export function dropRanksTable(sensitivity: DropSensitivity): Table {
  const { units, years, rankYears, drops } = sensitivity;
  const rankYearPositions = yearPositions(years, rankYears);
  const rows: Cell[][] = [];
  units.forEach((unit, u) =>
    rankYears.forEach((year, k) => {
      const row: Cell[] = [unit, year, sensitivity.baselineRank[u * years.length + rankYearPositions[k]]];
      for (const drop of drops) row.push(drop.rank[u * rankYears.length + k]);
      rows.push(row);
    }),
  );
  return {
    name: DROP_RANKS_FILE.replace(/\.csv$/, ""),
    columns: [text("unit"), integer("year"), integer("rank"), ...drops.map((drop) => integer(drop.element))],
    rows,
    frozenColumns: 3,
  };
}

/** `profiles`: one row per strength or weakness; the rows, columns and cells of `formatProfilesCsv` (`profiles-csv.ts`). */
export function profilesTable(result: IndexResult, profiles: Profiles): Table {
  return {
    name: PROFILES_FILE.replace(/\.csv$/, ""),
    columns: [
      text("unit"), integer("year"), text("type"), text("code"), text("name"), integer("level"), text("kind"),
      number("value"), number("score"), integer("rank"), number("percentile"), integer("units"),
    ],
    rows: profiles.entries.map((entry) => {
      const node = result.nodes[entry.node];
      return [
        result.units[entry.unit], result.years[entry.year], entry.type, node.code, node.name, node.level, node.kind,
        entry.value, entry.score, entry.rank, entry.percentile, entry.rankedUnits,
      ];
    }),
    frozenColumns: 1,
  };
}

/** Any audit table as CSV (a number that could not be computed is an empty cell). */
export function formatAuditCsv(table: Table, options: CsvOptions = {}): string {
  return formatTableCsv(table, options);
}
