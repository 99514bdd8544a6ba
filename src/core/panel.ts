/**
 * The panel: every value of every indicator for every unit and year, in one `Float64Array`.
 * Layout is indicator-major, then unit, then year: `values[(indicator * unitCount + unit) * yearCount + year]`,
 * so the series of one indicator is one contiguous block of `unitCount * yearCount` cells (what normalisation reads),
 * and the years of one unit are contiguous inside it. Missing values are `NaN`.
 */
import type { Issue, Validated } from "../errors.js";
import { messages } from "./messages.js";
import { toHalfWidth } from "./number.js";
import type { Tree } from "./types.js";

export interface Panel {
  units: readonly string[];
  years: readonly number[];
  indicators: readonly string[];
  values: Float64Array;
  /** The values file, for messages (when the values come from one file). */
  source?: string;
  /** The line of each cell's row in `source` (0: no row), for messages naming a missing value's place. */
  lines?: Int32Array;
  /** The column of each cell in its row (0: not known), kept only for the wide layouts, where a row holds many cells. */
  columns?: Int32Array;
  /**
   * When the values come from several files (a values folder): the files, and for each cell the position of its file
   * in `files`, so that a message names a cell's file and line as it does for one file.
   */
  files?: readonly string[];
  fileOfCell?: Int32Array;
  /**
   * What reading the values found that does not stop a run but may make its numbers wrong (a series mixing values
   * written as percentages with plain numbers); the engine reports them with its own warnings (errors under `strict`).
   */
  warnings?: readonly Issue[];
}

/** Where a cell was read (`source` and `line`), or nothing when it is not known. */
export function placeOfCell(panel: Panel, cell: number): { source?: string; line?: number; column?: number } {
  const line = panel.lines?.[cell];
  if (!line) return {};
  const column = panel.columns?.[cell];
  return { source: panel.files && panel.fileOfCell ? panel.files[panel.fileOfCell[cell]] : panel.source, line, ...(column ? { column } : {}) };
}

/** One value as read from a data file. `value` is `NaN` for a cell written as missing. */
export interface ValueRecord {
  unit: string;
  year: number;
  indicator: string;
  value: number;
  /** Provenance label from the data's `source` column, if any. */
  source?: string;
  line?: number;
  /** The column of the value in its line, when the layout puts several values on a line (the wide layouts). */
  column?: number;
  /** The file the value was read from, when the values come from several files (a values folder). */
  file?: string;
  /** The cell was written as a percentage (`1.96%`, or a workbook cell formatted as one), its sign dropped. */
  percent?: boolean;
}

/** An empty panel (all `NaN`). */
export function createPanel(units: readonly string[], years: readonly number[], indicators: readonly string[]): Panel {
  const values = new Float64Array(units.length * years.length * indicators.length).fill(Number.NaN);
  return { units, years, indicators, values };
}

/** Position of a cell in `panel.values`. */
export function cellIndex(panel: Pick<Panel, "units" | "years">, indicator: number, unit: number, year: number): number {
  return (indicator * panel.units.length + unit) * panel.years.length + year;
}

/** The contiguous block of one indicator (`unitCount * yearCount` cells), as a view. */
export function indicatorBlock(panel: Panel, indicator: number): Float64Array {
  const size = panel.units.length * panel.years.length;
  return panel.values.subarray(indicator * size, (indicator + 1) * size);
}

/**
 * Builds the panel for the leaves of `tree` from value records, collecting every problem: a value for an unknown
 * indicator or for a group, a value that is not a number, a duplicate (unit, year, indicator), an indicator without
 * any value.
 * Units keep their order of first appearance; years are sorted.
 */
export function buildPanel(tree: Tree, records: readonly ValueRecord[], source?: string): Validated<Panel> {
  const issues: Issue[] = [];
  const indicatorPosition = new Map(tree.indicators.map((code, i) => [code, i] as const));
  const unitPosition = new Map<string, number>();
  const yearSet = new Set<number>();
  for (const record of records) {
    if (!unitPosition.has(record.unit)) unitPosition.set(record.unit, unitPosition.size);
    yearSet.add(record.year);
  }
  const units = [...unitPosition.keys()];
  const years = [...yearSet].sort((a, b) => a - b);
  const yearPosition = new Map(years.map((year, i) => [year, i] as const));
  const panel = createPanel(units, years, tree.indicators);

  // Lines are kept for messages when every record comes from the one file `source`, or each names its file.
  const oneFile = source !== undefined && records.every((record) => record.file === undefined);
  const severalFiles = !oneFile && records.length > 0 && records.every((record) => record.file !== undefined);
  const lines = oneFile || severalFiles ? new Int32Array(panel.values.length) : undefined;
  const fileOfCell = severalFiles ? new Int32Array(panel.values.length) : undefined;
  const columns = lines && records.some((record) => record.column !== undefined) ? new Int32Array(panel.values.length) : undefined;
  const filePosition = new Map<string, number>();
  const seen = new Map<number, ValueRecord>();
  const observed = new Set<string>();
  const reportedRows = new Set<string>();
  // An indicator's name given in place of its code (研发经费 for A1) is named in the message; made once, when needed.
  let names: Map<string, string> | undefined;
  const codeOfName = () => (names ??= new Map(tree.indicators.map((code) => [tree.byCode.get(code)!.name, code] as const)));
  for (const record of records) {
    const where = { source: record.file ?? source, line: record.line, column: "indicator", id: record.indicator };
    const indicator = indicatorPosition.get(record.indicator);
    if (indicator === undefined) {
      // Once per row: a row of the wide layout holds the indicator's values of every year.
      const row = `${record.file ?? ""}\0${record.line ?? ""}\0${record.indicator}`;
      if (record.line !== undefined && reportedRows.has(row)) continue;
      reportedRows.add(row);
      const node = tree.byCode.get(record.indicator);
      // A code typed with a Chinese input method in full-width mode (Ａ２ for A2).
      const halfWidth = toHalfWidth(record.indicator);
      issues.push({
        ...where,
        code: node ? "E_VALUE_FOR_GROUP" : "E_UNKNOWN_INDICATOR",
        message: node
          ? messages.valueForGroup(record.indicator)
          : halfWidth !== record.indicator && indicatorPosition.has(halfWidth)
            ? messages.fullWidthCode(record.indicator, halfWidth)
            : messages.unknownIndicator(record.indicator, codeOfName().get(record.indicator)),
      });
      continue;
    }
    // A record made in code, not read from a file, may hold a text ("12.5"), which a Float64Array would take silently.
    if (typeof record.value !== "number") {
      issues.push({ ...where, column: "value", code: "E_BAD_NUMBER", message: messages.recordNotNumber(record.indicator, record.unit, record.year, record.value) });
      observed.add(record.indicator); // it has a value, if not a number: not also "without values"
      continue;
    }
    const cell = cellIndex(panel, indicator, unitPosition.get(record.unit)!, yearPosition.get(record.year)!);
    const first = seen.get(cell);
    if (first) {
      issues.push({
        ...where,
        code: "E_DUPLICATE_VALUE",
        message: messages.duplicateValue(record.unit, record.year, record.indicator, first.line, first.file !== record.file ? first.file : undefined),
      });
      continue;
    }
    seen.set(cell, record);
    panel.values[cell] = record.value;
    if (lines && record.line) lines[cell] = record.line;
    if (columns && record.column) columns[cell] = record.column;
    if (fileOfCell && record.file !== undefined) {
      if (!filePosition.has(record.file)) filePosition.set(record.file, filePosition.size);
      fileOfCell[cell] = filePosition.get(record.file)!;
    }
    if (!Number.isNaN(record.value)) observed.add(record.indicator);
  }
  if (records.length === 0) issues.push({ code: "E_NO_DATA", message: messages.noData(), source });
  else
    for (const code of tree.indicators)
      if (!observed.has(code)) {
        const node = tree.byCode.get(code)!;
        issues.push({ code: "E_NO_VALUES", message: messages.indicatorWithoutValues(code), source: tree.source, line: node.line, id: code });
      }
  if (issues.length > 0) return { ok: false, issues, warnings: [] };
  const place = columns ? { source, lines, columns } : { source, lines };
  if (fileOfCell && lines) return { ok: true, value: { ...panel, ...place, files: [...filePosition.keys()], fileOfCell }, warnings: [] };
  return { ok: true, value: lines ? { ...panel, ...place } : panel, warnings: [] };
}
