/**
 * The weights a run used, read back from its `weights.csv` (`code,parent,level,weight,global_weight`, as compute
 * writes it: `weightsTable` of `write/tables.ts`), so that `diff` can say which weights two runs differ in.
 */
import type { RunWeights } from "../../core/weight-revision.js";
import { parseCsv } from "../csv.js";
import { findColumns } from "../read/columns.js";
import { readRunFile, type RunFolder } from "./run-values.js";

/** The weights table of a run folder. */
export const WEIGHTS_FILE = "weights.csv";

/** The columns of weights.csv read back (`parent` and `level` are not compared: a moved node shows by its global weight). */
const WEIGHTS_COLUMNS = { code: [], weight: [], global_weight: [] } as const;

/**
 * A run's weights as read: `weights`; or `missing`, a run without weights.csv (a run of a version that did not write
 * one); or `unusable`, a weights.csv without the columns `code` and `weight`. `file` names the file as messages do.
 */
export type RunWeightsRead = { kind: "weights"; weights: RunWeights } | { kind: "missing" | "unusable"; file: string };

/**
 * The weights of a weights.csv text (the formula guard of the writer removed from the codes by `parseCsv`; a weight that
 * is empty or not a number is `NaN`), or `undefined` when it has no `code` or no `weight` column. `global_weight` is
 * read when the file has that column (`globalWeights`).
 */
export function parseRunWeightsCsv(text: string, source: string): RunWeights | undefined {
  const table = parseCsv(text, source);
  const columns = findColumns(table.header, WEIGHTS_COLUMNS);
  if (columns.code < 0 || columns.weight < 0) return undefined;
  // The most digits after the decimal point of its weights: the places the run wrote them to (`--decimals`, 6 at least).
  let decimals = 0;
  const number = (cell: string | undefined) => {
    if (cell === undefined || cell.trim() === "") return Number.NaN;
    decimals = Math.max(decimals, /\.(\d+)/.exec(cell)?.[1].length ?? 0);
    return Number(cell);
  };
  const nodes = table.rows.map(({ cells }) => ({
    code: cells[columns.code] ?? "",
    weight: number(cells[columns.weight]),
    globalWeight: columns.global_weight < 0 ? Number.NaN : number(cells[columns.global_weight]),
  }));
  return { nodes, globalWeights: columns.global_weight >= 0, decimals };
}

/**
 * The weights of the run folder `run` (checked against its manifest as `diff` reads every file of a run: a weights.csv
 * the manifest lists that was changed or removed since is a `RunChangedError`).
 * @throws `RunChangedError` as `readRunFile`; `InputError` for a weights.csv that is not CSV (an unclosed quote)
 */
export async function readRunWeights(run: RunFolder): Promise<RunWeightsRead> {
  const file = `${run.label}/${WEIGHTS_FILE}`;
  const bytes = await readRunFile(run, WEIGHTS_FILE);
  if (!bytes) return { kind: "missing", file };
  const weights = parseRunWeightsCsv(bytes.toString("utf8"), file);
  return weights ? { kind: "weights", weights } : { kind: "unusable", file };
}
