/**
 * Terminal text: the table of the overall index and the first-level sub-indices by year, with the change on the
 * previous year (in percent on a ratio scale such as the fixed-base index, in points on any other).
 */
import { change, changePercent } from "../core/analysis/growth.js";
import { resultIndex, type IndexResult } from "../core/compute.js";
import { acrossUnitGroupMethods, indicatorsAtOwnBase, ratioScale, shiftedBaseIndicators } from "../core/index-scale.js";
import { tableWords, type TableWords } from "../core/table-words.js";
import { displayWidth } from "../io/write/text-width.js";
import { formatValue } from "../io/write/to-csv.js";
import { terminalMessages } from "../core/terminal-messages.js";
import type { CliEnv } from "./env.js";
import { printable } from "./printable.js";

export { displayWidth };

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(text))) + text;

/** Lays out rows of cells as aligned columns (first columns left-aligned, the rest right-aligned), cells `printable`. */
export function renderColumns(rows: readonly (readonly string[])[], leftColumns = 1): string {
  rows = rows.map((row) => row.map((cell) => printable(cell, true)));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) => row.map((cell, i) => (i < leftColumns ? padEnd(cell, widths[i]) : padStart(cell, widths[i]))).join("  ").trimEnd())
    .join("\n");
}

/**
 * A change as printed (`formatValue`, which writes no `-0`), signed as the rounded figure: `+0.0001`, `-4.50`, and no
 * sign on one that rounds to zero either way (`0.0000`, not `+0.0000`); empty as it is. For every change the terminal
 * prints: the summary table's, `diff`'s, the revision line after a run.
 * @example signedText("0.0001") // => "+0.0001"
 * @example signedText("0.0000") // => "0.0000"
 */
export function signedText(text: string): string {
  return text !== "" && Number(text) > 0 ? `+${text}` : text;
}

/**
 * Growth from `previous` to `value` in percent with one decimal, as growth.csv's `change_percent` (`changePercent`):
 * empty unless `previous > 0`. Signed as the rounded figure: `+12.3%`, `-4.5%`, and `0.0%` for a change that rounds
 * to zero either way.
 */
export function formatGrowth(value: number, previous: number): string {
  const text = formatValue(changePercent(value, previous), 1);
  return text === "" ? "" : `${signedText(text)}%`;
}

/**
 * The change from `previous` to `value` in points with `decimals` decimals, as growth.csv's `change` (the difference of
 * the two as shown, exact in decimal: 100.05 − 100 is 0.05, `+0.1` at one decimal): empty unless both are numbers.
 * Signed as the rounded figure: `+12.30`, `-4.50`, and `0.00` for a change that rounds to zero.
 */
export function formatChange(value: number, previous: number, decimals = 2): string {
  return signedText(formatValue(change(value, previous), decimals));
}

/**
 * The units a summary on the terminal shows (`compute`'s and `report`'s table, `uncertainty`'s): the first, in the
 * order of the units (that of the files); a line then says how many more there are and which file holds them all
 * (`terminalMessages.moreUnits`). The terminal is a summary, the files hold everything.
 */
export const SUMMARY_UNITS = 20;

/**
 * The summary table of a result: per unit, the overall index and the first-level sub-indices for every year, each
 * with its change on the previous year: in percent on a ratio scale (`ratioScale`), in points on any other, where 0 is
 * not a natural zero (a min-max score going from 0 to 30.50 has no growth in percent). Titles and headings in `words`
 * (the terminal's language). Only the first `shownUnits` units (default all: `--format table`).
 */
export function renderIndexTable(result: IndexResult, decimals = 2, words: TableWords = tableWords, shownUnits = Infinity): string {
  const blocks: string[] = [];
  const percent = ratioScale(result);
  const scale = scaleOf(result, words);
  result.units.slice(0, shownUnits).forEach((unit, u) => {
    const title = words.indexTitle(printable(unit, true), scale, percent);
    const rows: string[][] = [[words.codeHeading(), words.nameHeading(), ...result.years.map(String)]];
    result.nodes.forEach((node, n) => {
      if (node.level > 1) return;
      const cells = result.years.map((_, y) => {
        const value = result.values[resultIndex(result, n, u, y)];
        const previous = y > 0 ? result.values[resultIndex(result, n, u, y - 1)] : Number.NaN;
        const growth = y === 0 ? "" : percent ? formatGrowth(value, previous) : formatChange(value, previous, decimals);
        return `${formatValue(value, decimals)}${growth ? ` (${growth})` : ""}`;
      });
      rows.push([node.code, node.name, ...cells]);
    });
    blocks.push(`${title}\n${renderColumns(rows, 2)}`);
  });
  return blocks.join("\n\n") + "\n";
}

/**
 * "base year 2017 = 100" when every indicator is indexed to its own base year, else the normalisations used; with a
 * group scored against the other units (Copeland, benefit of the doubt, TOPSIS), whose values are then on that
 * method's scale, "indicators at base year 2017 = 100, groups by topsis". The indicators `--zero-base first-nonzero`
 * moved to a later base year (each named by a `W_ZERO_BASE_SHIFTED` warning) are counted in it: they, and so their
 * groups, are not 100 in the base year.
 */
function scaleOf(result: IndexResult, words: TableWords): string {
  const across = acrossUnitGroupMethods(result);
  if (indicatorsAtOwnBase(result)) return words.ownBaseScale(result.baseYear, across, shiftedBaseIndicators(result));
  const methods = [...new Set(result.nodes.filter((node) => node.kind === "indicator").map((node) => node.method ?? "fixed-base"))];
  return words.normalisedScale(methods, across);
}

/**
 * The summary of a run on the terminal, its `files` written to `folder`: the table of its first `SUMMARY_UNITS` units
 * (`renderIndexTable`); with more, a line saying how many more, the file that holds them all (report.html for `report`;
 * else index.csv, or index.parquet under --parquet-only) and, but for `report`, that `--format table` prints them all.
 */
export function printIndexSummary(result: IndexResult, files: readonly string[], folder: string, env: CliEnv): void {
  // Cut only when a file holds every unit.
  const file = ["index.csv", "index.parquet", "report.html"].find((name) => files.includes(name));
  env.stdout(renderIndexTable(result, 2, env.words, file === undefined ? Infinity : SUMMARY_UNITS));
  const more = result.units.length - SUMMARY_UNITS;
  if (more > 0 && file !== undefined)
    env.stderr(terminalMessages.moreUnits(more, `${folder.replace(/[\\/]+$/, "")}/${file}`, file === "report.html" ? undefined : "--format table"));
}
