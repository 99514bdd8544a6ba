/**
 * The results of the `uncertainty` command shown in the dashboard: `uncertainty.csv` read back (median and 5–95%
 * interval of the overall index and of the rank, per unit and year), checked against the units and years of the index.
 */
import { join } from "node:path";
import { ValidationError, type Issue } from "../../../errors.js";
import { runMessages } from "../../../core/run-messages.js";
import { parseCsv } from "../../csv.js";
import { readText } from "../../read/read-text.js";

/** Per unit and year (`[unit * yearCount + year]`), `null` where the file has no value. */
export interface DashboardUncertainty {
  indexMedian: (number | null)[];
  indexLow: (number | null)[];
  indexHigh: (number | null)[];
  rankLow: (number | null)[];
  rankHigh: (number | null)[];
}

const COLUMNS = { indexMedian: "index_median", indexLow: "index_p05", indexHigh: "index_p95", rankLow: "rank_p05", rankHigh: "rank_p95" } as const;

/** The messages of reading uncertainty.csv back (`runMessages`, which the terminal translates). */
export const uncertaintyMessages = {
  missingColumn: (source: string, column: string) => runMessages.uncertaintyMissingColumn(source, column, ["unit", "year", ...Object.values(COLUMNS)]),
  unknownCell: runMessages.uncertaintyUnknownCell,
  badNumber: runMessages.uncertaintyBadNumber,
};

/** Parses uncertainty.csv for an index of `units` and `years`. Throws `ValidationError` listing every problem. */
export function parseUncertaintyCsv(text: string, source: string, units: readonly string[], years: readonly number[]): DashboardUncertainty {
  const table = parseCsv(text, source);
  const issues: Issue[] = [];
  const position = (name: string) => table.header.indexOf(name);
  for (const column of ["unit", "year", ...Object.values(COLUMNS)])
    if (position(column) < 0) issues.push({ code: "E_UNCERTAINTY_COLUMN", message: uncertaintyMessages.missingColumn(source, column), source, column });
  if (issues.length > 0) throw new ValidationError(issues);
  const size = units.length * years.length;
  const result = Object.fromEntries(Object.keys(COLUMNS).map((key) => [key, new Array<number | null>(size).fill(null)])) as unknown as DashboardUncertainty;
  const unitPosition = new Map(units.map((unit, u) => [unit, u] as const));
  const yearPosition = new Map(years.map((year, y) => [String(year), y] as const));
  for (const row of table.rows) {
    const unit = row.cells[position("unit")] ?? "";
    const year = row.cells[position("year")] ?? "";
    const u = unitPosition.get(unit);
    const y = yearPosition.get(year.trim());
    if (u === undefined || y === undefined) {
      issues.push({ code: "E_UNCERTAINTY_CELL", message: uncertaintyMessages.unknownCell(source, row.line, unit, year), source, line: row.line, column: "unit" });
      continue;
    }
    for (const [key, column] of Object.entries(COLUMNS) as [keyof DashboardUncertainty, string][]) {
      const text = (row.cells[position(column)] ?? "").trim();
      if (text === "") continue;
      const value = Number(text);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) || !Number.isFinite(value)) {
        issues.push({ code: "E_BAD_NUMBER", message: uncertaintyMessages.badNumber(source, row.line, column, text), source, line: row.line, column });
        continue;
      }
      result[key][u * years.length + y] = value;
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return result;
}

/** Reads `uncertainty.csv` from the folder `dir` (named `label` in messages). */
export async function readUncertainty(dir: string, label: string, units: readonly string[], years: readonly number[]): Promise<DashboardUncertainty> {
  const source = `${label.replace(/[\\/]+$/, "")}/uncertainty.csv`;
  return parseUncertaintyCsv(await readText(join(dir, "uncertainty.csv"), source), source, units, years);
}
