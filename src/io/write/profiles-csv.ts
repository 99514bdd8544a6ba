/**
 * Strengths and weaknesses as CSV: `profiles.csv`.
 */
import type { Profiles } from "../../core/audit/profiles.js";
import type { IndexResult } from "../../core/compute.js";
import { formatCsv } from "../csv.js";
import { formatValue } from "./to-csv.js";

/** The file name of the strengths and weaknesses. */
export const PROFILES_FILE = "profiles.csv";

/**
 * `profiles.csv`: one row per strength or weakness, `unit, year, type (strength|weakness), code, name, level, kind
 * (indicator|group), value (raw; empty for a group), score, rank, percentile, units (ranked that year)`, in the order
 * of `profiles.entries`. With a single unit only the header is written: the caller prints `profiles.notes`.
 */
export function formatProfilesCsv(result: IndexResult, profiles: Profiles, decimals = 4): string {
  const rows: (string | number)[][] = [["unit", "year", "type", "code", "name", "level", "kind", "value", "score", "rank", "percentile", "units"]];
  for (const entry of profiles.entries) {
    const node = result.nodes[entry.node];
    rows.push([
      result.units[entry.unit],
      result.years[entry.year],
      entry.type,
      node.code,
      node.name,
      node.level,
      node.kind,
      formatValue(entry.value, decimals),
      formatValue(entry.score, decimals),
      formatValue(entry.rank, 0),
      formatValue(entry.percentile, decimals),
      entry.rankedUnits,
    ]);
  }
  return formatCsv(rows);
}
