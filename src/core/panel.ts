/**
 * The panel: every value of every indicator for every unit and year, in one `Float64Array`.
 * Layout is indicator-major, then unit, then year: `values[(indicator * unitCount + unit) * yearCount + year]`,
 * so the series of one indicator is one contiguous block of `unitCount * yearCount` cells (what normalisation reads),
 * and the years of one unit are contiguous inside it. Missing values are `NaN`.
 */
import { InputError, type Issue, type Validated } from "../errors.js";
import { panelArgumentIssues, recordIssues } from "./argument-checks.js";
import { limitMessages } from "./limit-messages.js";
import { messages } from "./messages.js";
import { toHalfWidth } from "./number.js";
import { closestNames } from "./suggest.js";
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
  /** The column of each cell in its row (0: not known), kept for the wide layouts, where a row holds many cells. */
  columns?: Int32Array;
  /**
   * The column of every cell in its row when `columns` is not kept: a long-layout file's (or folder's) value column,
   * which holds the one value of each row, so that a message about a cell names it (`file:line:column`) as in the wide
   * layouts. Absent when the rows give their values in different columns (then `columns` is kept).
   */
  valueColumn?: number;
  /**
   * The column of the units' names in the rows (1-based), for the messages about a unit (`W_UNIT_TOTAL`,
   * `W_UNIT_LOOKALIKE`): the values file's, or that of every file of a values folder when they put it in the same
   * place; absent when not known (no unit column, files that differ, values read by DuckDB).
   */
  unitColumn?: number;
  /**
   * Of a values folder whose files put the unit column in different places (no `unitColumn`): each file's, by its
   * position in `files` (0 where not known: a file without one, or whose rows differ), for the same messages
   * (`unitColumnOfCell`).
   */
  unitColumnOfFile?: readonly number[];
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

/**
 * Where a cell was read (`source` and `line`); of a cell no row holds (a row left out of the values, which has no line)
 * or of a panel with no lines at all (a `.sql` or `.parquet` file, read by DuckDB), the values file alone; nothing when
 * the panel names no file.
 */
export function placeOfCell(panel: Panel, cell: number): { source?: string; line?: number; column?: number } {
  const line = panel.lines?.[cell];
  if (!line) return panel.source !== undefined ? { source: panel.source } : {};
  const column = panel.columns?.[cell] || panel.valueColumn;
  return { source: panel.files && panel.fileOfCell ? panel.files[panel.fileOfCell[cell]] : panel.source, line, ...(column ? { column } : {}) };
}

/**
 * The column of the units' names in the row of `cell` (1-based): the panel's `unitColumn`, else that of the cell's file
 * (`unitColumnOfFile`, a values folder whose files put it in different places); `undefined` when not known.
 * @example unitColumnOfCell({ ...panel, files: ["fold/a.csv", "fold/b.csv"], unitColumnOfFile: [1, 3] }, cellOfB) // => 3
 */
export function unitColumnOfCell(panel: Panel, cell: number): number | undefined {
  if (panel.unitColumn !== undefined) return panel.unitColumn;
  const file = panel.fileOfCell?.[cell];
  return (file !== undefined && panel.unitColumnOfFile?.[file]) || undefined;
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
  /**
   * The column of the indicator's code in its line (in the wide-by-indicator layout the value's own column, whose
   * header names the indicator), for the messages about the code (`file:line:column`).
   */
  indicatorColumn?: number;
  /** The column of the value in its line when `column` is not kept (the long layout, one value per line), for messages. */
  valueColumn?: number;
  /** The column of the unit's name in its line (none without a unit column), for the messages about the unit. */
  unitColumn?: number;
  /** The unit of measurement written beside the value (a `measure` or `计量单位` column), and its column; none when empty. */
  measure?: string;
  measureColumn?: number;
  /** The indicator's name written beside its code (a `name` or `指标名称` column), and its column; none when empty. */
  name?: string;
  nameColumn?: number;
  /** The file the value was read from, when the values come from several files (a values folder). */
  file?: string;
  /** The cell was written as a percentage (`1.96%`, or a workbook cell formatted as one), its sign dropped. */
  percent?: boolean;
  /**
   * Of a missing value read from a CSV cell that was a dash padded as Excel's accounting format shows a zero
   * (`" -   "`, `isAccountingDash`): the cell's raw text, for the warning that it may be a zero (`accountingDashWarnings`).
   */
  accountingDash?: string;
  /**
   * Of a value read from a CSV cell that may be a number split at its thousands separators by unquoted commas (`1,234`
   * written without quotes in a row one field longer than its header: `1` read, `234` left in the next column): the
   * value cell's text and its groups' (`thousandsGroups`, core/thousands-split.ts), the first group's column (1-based)
   * and header, and the row's fields and the header's, for the warning (`thousandsSplitWarnings`).
   */
  thousandsSplit?: { cell: string; groups: string[]; nextColumn: number; nextName: string; fields: number; headerFields: number };
  /**
   * The cell could not be read (not a number; reported by the reader): `value` is `NaN`, a gap kept for the checks of
   * the values' structure, in which it counts as a value given, not as an empty cell (`repeatOutcome`).
   */
  unreadable?: boolean;
}

/**
 * The most cells a panel may have (units × years × indicators): 2^28, 2 GB of values. A run needs about three and a
 * half arrays of the panel's size, some 7 GB at the limit; the largest panel the tool is made for, 3,000 units × 20
 * years × 200 indicators (12 million cells), is a twentieth of it. Listed in docs/limits.md.
 */
export const PANEL_CELL_LIMIT = 2 ** 28;

/**
 * The `E_PANEL_SIZE` issue of a panel of `units × years × indicators` cells over `PANEL_CELL_LIMIT`, else `undefined`:
 * checked before the panel is made, as a sparse long file (100,000 rows, each of another unit, over 1,000 years) would
 * make one of 5 billion cells, 37 GB.
 */
export function panelSizeIssue(units: number, years: number, indicators: number, source?: string): Issue | undefined {
  if (units * years * indicators <= PANEL_CELL_LIMIT) return undefined;
  return { code: "E_PANEL_SIZE", message: limitMessages.panelTooLarge(source, units, years, indicators, PANEL_CELL_LIMIT), ...(source === undefined ? {} : { source }) };
}

/**
 * An empty panel (all `NaN`).
 * @throws `InputError` `E_PANEL_SIZE` when it would have more than `PANEL_CELL_LIMIT` cells (`panelSizeIssue`), before
 * anything is allocated; `source` names the values in the message.
 */
export function createPanel(units: readonly string[], years: readonly number[], indicators: readonly string[], source?: string): Panel {
  const tooLarge = panelSizeIssue(units.length, years.length, indicators.length, source);
  if (tooLarge) throw new InputError(tooLarge.code, tooLarge.message, { source });
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
 * any value; and, for records made in code, a tree that is not one, records that are not a list, a record whose unit or
 * indicator is not a text or whose year is not a whole number (`E_BAD_OPTION`, naming `records[3].year`).
 * Units keep their order of first appearance; years are sorted.
 */
export function buildPanel(tree: Tree, records: readonly ValueRecord[], source?: string): Validated<Panel> {
  // What a script gives (core/argument-checks.ts): a tree and a list of records, each with a unit and an indicator
  // that are texts and a year that is a whole number. A record that is not is named, with the other records' problems.
  const refused = panelArgumentIssues(tree, records);
  if (refused.length > 0) return { ok: false, issues: refused, warnings: [] };
  const badRecords: Issue[] = [];
  for (let i = 0; i < records.length; i++) {
    const found = recordIssues(records[i], i);
    if (found.length > 0) badRecords.push(...found);
  }
  if (badRecords.length > 0) return withoutBadRecords(tree, records, source, badRecords);
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
  // A panel too large to hold is not made (nor its lines): the records are still checked against the cells' positions,
  // which need no panel, so that its size is reported with their other problems.
  const tooLarge = panelSizeIssue(units.length, years.length, tree.indicators.length, source);
  if (tooLarge) issues.push(tooLarge);
  const panel: Panel = tooLarge ? { units, years, indicators: tree.indicators, values: new Float64Array(0) } : createPanel(units, years, tree.indicators);

  // Lines are kept for messages when every record comes from the one file `source`, or each names its file.
  const oneFile = source !== undefined && records.every((record) => record.file === undefined);
  const severalFiles = !oneFile && records.length > 0 && records.every((record) => record.file !== undefined);
  const lines = !tooLarge && (oneFile || severalFiles) ? new Int32Array(panel.values.length) : undefined;
  const fileOfCell = lines && severalFiles ? new Int32Array(panel.values.length) : undefined;
  // A long layout's rows hold their value in one column, which the panel keeps once (`valueColumn`); rows of the wide
  // layouts, or of files that hold it in different columns, keep each cell's (`columns`).
  const valueColumn = lines ? sharedValueColumn(records) : undefined;
  const unitColumn = lines ? sharedUnitColumn(records) : undefined;
  const columns =
    lines && valueColumn === undefined && records.some((record) => record.column !== undefined || record.valueColumn !== undefined) ? new Int32Array(panel.values.length) : undefined;
  const filePosition = new Map<string, number>();
  const seen = new Map<number, ValueRecord>();
  const observed = new Set<string>();
  const reportedRows = new Set<string>();
  // The leaves some record gives a value (an empty one gives none): a near code's leaf without any is likely renamed.
  const unknownMessage = unknownIndicatorMessages(tree, () => new Set(records.flatMap((record) => (isEmpty(record) ? [] : [record.indicator]))));
  for (const record of records) {
    const where = { source: record.file ?? source, line: record.line, column: record.indicatorColumn ?? "indicator", id: record.indicator };
    const indicator = indicatorPosition.get(record.indicator);
    if (indicator === undefined) {
      // Once per row: a row of the wide layout holds the indicator's values of every year.
      const row = `${record.file ?? ""}\0${record.line ?? ""}\0${record.indicator}`;
      if (record.line !== undefined && reportedRows.has(row)) continue;
      reportedRows.add(row);
      const node = tree.byCode.get(record.indicator);
      issues.push({
        ...where,
        code: node ? "E_VALUE_FOR_GROUP" : "E_UNKNOWN_INDICATOR",
        message: node ? messages.valueForGroup(record.indicator) : unknownMessage(record.indicator),
      });
      continue;
    }
    // A record made in code, not read from a file, may hold a text ("12.5"), which a Float64Array would take silently.
    if (typeof record.value !== "number") {
      issues.push({ ...where, column: "value", code: "E_BAD_NUMBER", message: messages.recordNotNumber(record.indicator, record.unit, record.year, record.value) });
      observed.add(record.indicator); // it has a value, if not a number: not also "without values"
      continue;
    }
    if (record.value === Infinity || record.value === -Infinity) {
      issues.push({ ...where, column: "value", code: "E_BAD_NUMBER", message: messages.valueNotFinite(record.indicator, record.unit, record.year, record.value) });
      observed.add(record.indicator);
      continue;
    }
    const cell = cellIndex(panel, indicator, unitPosition.get(record.unit)!, yearPosition.get(record.year)!);
    const first = seen.get(cell);
    const repeat = first && repeatOutcome(first, record);
    if (repeat === "conflict") {
      issues.push({
        ...where,
        column: duplicateColumn(record),
        code: "E_DUPLICATE_VALUE",
        message: messages.duplicateValue(record.unit, record.year, record.indicator, first!.line, first!.file !== record.file ? first!.file : undefined),
      });
      continue;
    }
    if (repeat === "keep") continue;
    // A new cell, or a value where only an empty row was before: the cell's value, line, column and file are this row's.
    seen.set(cell, record);
    if (!tooLarge) panel.values[cell] = record.value;
    if (lines) lines[cell] = record.line ?? 0;
    if (columns) columns[cell] = record.column ?? record.valueColumn ?? 0;
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
  const place = {
    ...(columns ? { source, lines, columns } : valueColumn !== undefined ? { source, lines, valueColumn } : { source, lines }),
    ...(unitColumn !== undefined ? { unitColumn } : {}),
  };
  if (fileOfCell && lines) {
    const files = [...filePosition.keys()];
    const unitColumnOfFile = unitColumn === undefined ? unitColumnsOfFiles(records, files) : undefined;
    return { ok: true, value: { ...panel, ...place, files, fileOfCell, ...(unitColumnOfFile ? { unitColumnOfFile } : {}) }, warnings: [] };
  }
  return { ok: true, value: lines ? { ...panel, ...place } : panel, warnings: [] };
}

/**
 * The value column every record read from a line gives (`valueColumn`: each in the long layout, from one file or from
 * files that put it in the same place), else `undefined` (a wide layout's record, or columns that differ).
 */
function sharedValueColumn(records: readonly ValueRecord[]): number | undefined {
  let shared: number | undefined;
  for (const record of records) {
    if (record.line === undefined) continue;
    if (record.column !== undefined || record.valueColumn === undefined || (shared !== undefined && record.valueColumn !== shared)) return undefined;
    shared = record.valueColumn;
  }
  return shared;
}

/**
 * The unit column of each of `files` (`sharedUnitColumn` of its records; 0 where it has none), or `undefined` when no
 * file has one.
 */
function unitColumnsOfFiles(records: readonly ValueRecord[], files: readonly string[]): number[] | undefined {
  const byFile = new Map<string, ValueRecord[]>(files.map((file) => [file, []]));
  for (const record of records) if (record.file !== undefined) byFile.get(record.file)?.push(record);
  const columns = files.map((file) => sharedUnitColumn(byFile.get(file)!) ?? 0);
  return columns.some((column) => column > 0) ? columns : undefined;
}

/**
 * The unit column every record read from a line gives (`unitColumn`: of one file, or of files that put it in the same
 * place), else `undefined` (a record without one, or columns that differ).
 */
function sharedUnitColumn(records: readonly ValueRecord[]): number | undefined {
  let shared: number | undefined;
  for (const record of records) {
    if (record.line === undefined) continue;
    if (record.unitColumn === undefined || (shared !== undefined && record.unitColumn !== shared)) return undefined;
    shared = record.unitColumn;
  }
  return shared;
}

/**
 * `buildPanel`'s outcome when some records are not records (`badRecords`, their issues): those issues, then the
 * problems of the other records, less their indicators without values that a record refused names (it has a value,
 * if not a good record).
 */
function withoutBadRecords(tree: Tree, records: readonly ValueRecord[], source: string | undefined, badRecords: Issue[]): Validated<Panel> {
  const kept = records.filter((record, i) => recordIssues(record, i).length === 0);
  const named = new Set(records.flatMap((record) => (typeof record === "object" && record !== null && typeof record.indicator === "string" ? [record.indicator] : [])));
  const rest = kept.length === 0 ? undefined : buildPanel(tree, kept, source);
  const others = rest === undefined || rest.ok ? [] : rest.issues.filter((issue) => !(issue.code === "E_NO_VALUES" && named.has(issue.id!)));
  return { ok: false, issues: [...badRecords, ...others], warnings: [] };
}

/**
 * What a row does to a cell an earlier row (`first`) gave. An empty value (`NaN`: a cell left blank or written as
 * missing, not one that could not be read) states nothing, so it never conflicts with a value, wherever it comes (a
 * template's blank rows for the years other files of a values folder give); two empty values are no conflict either.
 * A values folder is a union of files, not a file revising another, so a blank cannot withdraw a value on purpose.
 * `keep`: the cell stays `first`'s; `replace`: `record` gives the value `first` left empty, the cell becomes `record`'s
 * (its value, line and file); `conflict`: both give a value (equal or not), an `E_DUPLICATE_VALUE`.
 */
export function repeatOutcome(first: ValueRecord, record: ValueRecord): "keep" | "replace" | "conflict" {
  if (isEmpty(record)) return "keep";
  return isEmpty(first) ? "replace" : "conflict";
}

/** A record that states no value: `NaN`, and not a cell the reader could not read (`unreadable`, still a value given). */
const isEmpty = (record: ValueRecord) => Number.isNaN(record.value) && !record.unreadable;

/** Where a duplicate value is placed: its cell (`column`, or `valueColumn` in the long layout), else the indicator column. */
export const duplicateColumn = (record: ValueRecord): string | number => record.column ?? record.valueColumn ?? "indicator";

/** A code in lower case with the letters that look like digits read as them (l and i as 1, o as 0): `B2l` -> `b21`. */
const lookalike = (code: string) => code.toLowerCase().replace(/[li]/g, "1").replace(/o/g, "0");

/**
 * The message of a value for a code that is no node of `tree`, naming the leaf it likely meant: the code typed in
 * full-width characters (Ａ２ for A2, a Chinese input method in full-width mode), without its leading zeros (101 for
 * 0101, as Excel reads a code column as numbers), or in another case (b2 for B2); or the leaf whose name it is
 * (研发经费 for A1); else the one leaf code nearest to it (`nearLeafReading`: A24 for A23), among the leaves no value
 * read names first (`leavesWithValues`, asked once, on the first such code: a code the tree renamed leaves its new code
 * without values), and the message then says so. The lookups are made once, on the first unknown code.
 */
export function unknownIndicatorMessages(tree: Tree, leavesWithValues?: () => ReadonlySet<string>): (code: string) => string {
  const read = unknownIndicatorReading(tree);
  const near = nearLeafReading(tree, leavesWithValues);
  return (code) => {
    const meant = read(code);
    if (meant?.how === "full-width") return messages.fullWidthCode(code, meant.leaf);
    if (meant?.how === "zeros") return messages.leadingZerosCode(code, meant.leaf);
    if (meant?.how === "case") return messages.caseCode(code, meant.leaf);
    if (meant?.how === "look") return messages.lookalikeCode(code, meant.leaf);
    if (meant?.how === "name") return messages.unknownIndicator(code, meant.leaf);
    const nearest = near(code);
    return nearest ? messages.nearCode(code, nearest.leaf, nearest.withoutValues) : messages.unknownIndicator(code);
  };
}

/**
 * The leaf code nearest to an unknown code (`closestNames` of src/core/suggest.ts): among the leaves without values
 * (not in `leavesWithValues`), when one is near, `withoutValues` then; else among every leaf. Named only when it is
 * the one nearest of its set: X9 is as near X1 as X2, a tie that names neither. Only a guess, so only for the message:
 * a row of such a code is not taken to give that leaf's cell (`unknownIndicatorMeant` names none). Each code is looked
 * up once (a long file repeats its unknown code on every row).
 */
function nearLeafReading(tree: Tree, leavesWithValues?: () => ReadonlySet<string>): (code: string) => { leaf: string; withoutValues: boolean } | undefined {
  let withoutValues: string[] | undefined;
  const found = new Map<string, { leaf: string; withoutValues: boolean } | undefined>();
  return (code) => {
    // A code of one letter or digit is one edit from every other such code: a leaf so near keeps nothing of it.
    if (code.replace(/[\s_-]+/g, "").length < 2) return undefined;
    if (found.has(code)) return found.get(code);
    if (leavesWithValues && withoutValues === undefined) {
      const valued = leavesWithValues();
      withoutValues = tree.indicators.filter((leaf) => !valued.has(leaf));
    }
    const spare = withoutValues && withoutValues.length > 0 ? closestNames(code, withoutValues) : [];
    const near = spare.length > 0 ? spare : closestNames(code, tree.indicators);
    const nearest = near.length === 1 ? { leaf: near[0], withoutValues: spare.length > 0 } : undefined;
    found.set(code, nearest);
    return nearest;
  };
}

/**
 * The leaf of `tree` an unknown code likely meant, as its message (`unknownIndicatorMessages`) names it: the code in
 * full-width characters, without its leading zeros, in another case, with letters that look like digits, or the leaf's
 * name; `undefined` when it names none. A row of such a code meant that leaf's cell. (Not the nearest leaf code the
 * message may suggest beside these, `nearLeafReading`: only a guess, so no cell is taken as meant by it.)
 */
export function unknownIndicatorMeant(tree: Tree): (code: string) => string | undefined {
  const read = unknownIndicatorReading(tree);
  return (code) => read(code)?.leaf;
}

/** The leaf an unknown code likely meant and how it differs: one lookup, in one order, for the message and the cell. */
function unknownIndicatorReading(tree: Tree): (code: string) => { leaf: string; how: "full-width" | "zeros" | "case" | "look" | "name" } | undefined {
  let lookups:
    | { leaves: Set<string>; withoutZeros: Map<string, string>; byCase: Map<string, string>; byLook: Map<string, string>; byName: Map<string, string> }
    | undefined;
  const make = () => {
    // A key two leaves share (01 and 001 without zeros, b1 and B1 in one case) names neither.
    const unique = (pairs: (readonly [string, string])[]) => {
      const map = new Map<string, string>();
      const shared = new Set<string>();
      for (const [key, code] of pairs) {
        if (map.has(key) && map.get(key) !== code) shared.add(key);
        map.set(key, code);
      }
      for (const key of shared) map.delete(key);
      return map;
    };
    return {
      leaves: new Set(tree.indicators),
      withoutZeros: unique(tree.indicators.flatMap((code) => (/^0+\d/.test(code) ? [[code.replace(/^0+(?=\d)/, ""), code] as const] : []))),
      byCase: unique(tree.indicators.map((code) => [code.toLowerCase(), code] as const)),
      byLook: unique(tree.indicators.map((code) => [lookalike(code), code] as const)),
      byName: new Map(tree.indicators.map((code) => [tree.byCode.get(code)!.name, code] as const)),
    };
  };
  return (code) => {
    const { leaves, withoutZeros, byCase, byLook, byName } = (lookups ??= make());
    const halfWidth = toHalfWidth(code);
    if (halfWidth !== code && leaves.has(halfWidth)) return { leaf: halfWidth, how: "full-width" };
    const zeros = withoutZeros.get(code.trim());
    if (zeros !== undefined) return { leaf: zeros, how: "zeros" };
    const cased = byCase.get(code.toLowerCase());
    if (cased !== undefined && cased !== code) return { leaf: cased, how: "case" };
    const looks = byLook.get(lookalike(code));
    if (looks !== undefined && looks !== code) return { leaf: looks, how: "look" };
    const named = byName.get(code);
    return named === undefined ? undefined : { leaf: named, how: "name" };
  };
}
