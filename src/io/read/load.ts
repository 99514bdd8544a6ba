/**
 * Loading a tree and its values, validating both in one pass: every problem of the tree file and of the values file
 * is reported together. Each file may be CSV (UTF-8, GBK/GB18030), an Excel workbook (.xlsx) or, for the tree, YAML.
 * Formula indicators are evaluated here (mathjs is loaded only when the tree has formulas).
 */
import { IndexToolError, InputError, ValidationError, type Issue } from "../../errors.js";
import { duplicateFilePairs, duplicateValueIssues } from "../../core/duplicates.js";
import { evaluateFormulas, formulaIndicators } from "../../core/formula.js";
import { messages } from "../../core/messages.js";
import { readerMessages } from "../../core/reader-messages.js";
import { buildPanel, cellIndex, duplicateColumn, repeatOutcome, unknownIndicatorMeant, type Panel, type ValueRecord } from "../../core/panel.js";
import { dataMessages } from "../../core/data-messages.js";
import { percentMixWarnings } from "../../core/percent-marks.js";
import { accountingDashWarnings } from "../../core/accounting-dashes.js";
import { thousandsSplitWarnings } from "../../core/thousands-split.js";
import { TREE_FIELD_ISSUES } from "../../core/tree.js";
import type { Tree } from "../../core/types.js";
import { parseCsv, type CsvTable } from "../csv.js";
import type { DecimalMark } from "../../core/number.js";
import { parseDataTable, type LeftOutRow } from "./data-csv.js";
import { isUtf8 } from "node:buffer";
import { dirname } from "node:path";
import { decodeText, readBytes, type Encoding } from "./read-text.js";
import { parsePanelFast } from "./data-csv-fast.js";
import { parseTreeTable } from "./tree-csv.js";
import { inReadOrder, readValueFiles, type ValuesFile } from "./values-folder.js";
import { measureIssues, treeMeasures } from "./measures.js";
import { nameMismatchWarnings } from "./indicator-names.js";
import { isDuckdbValues, queryIndicators } from "./duckdb-sources.js";
import type { QuerySettings } from "./duckdb.js";
import { isLegacyWorkbook, isWorkbook, parseWorkbookTable, type HiddenCells } from "./xlsx.js";
import { append } from "../../core/arrays.js";

export interface LoadedInputs {
  tree: Tree;
  panel: Panel;
  records: ValueRecord[];
  /** A `.sql` values file: the query's text, and the files it names (for the manifest of a project run). */
  query?: string;
  filesRead?: string[];
}

export interface LoadOptions {
  /** Encoding of CSV and YAML files. Default `auto` (UTF-8, else GB18030). */
  encoding?: Encoding;
  /** Sheet of a values workbook (name or 1-based number). Default: the first. */
  sheet?: string;
  /** Sheet of a tree workbook. Default: the first. */
  treeSheet?: string;
  /** The folder a `.sql` values query may read files from (the project folder). Default: the query file's folder. */
  queryRoot?: string;
  /** Decimal mark of the values. Default: `,` in a `;`-separated CSV file, else `.`. */
  decimal?: DecimalMark;
  /** Read the values the general way, keeping each record's `source` column (the fast path drops it). Default false. */
  keepSources?: boolean;
  /**
   * The name of the one unit of values without a unit column (`--unit`), shown wherever a unit is named (tables,
   * report) instead of an empty name. Values that name their units refuse it. Default: none (the unit is "").
   */
  unit?: string;
  /**
   * Seconds that the DuckDB queries of a `.sql` values file or a tree's `sql` column may run in all before they are
   * stopped (`E_QUERY_TIME_LIMIT`), reading a `.parquet` file included. Default: `INNOVATION_INDEX_QUERY_TIME_LIMIT`
   * from the environment, else an hour.
   */
  queryTimeLimit?: number;
  /**
   * Bytes of memory DuckDB may use for those queries (`QuerySettings.memoryLimit`), past which a query that cannot
   * spill is stopped (`E_QUERY_MEMORY_LIMIT`, naming this option as the limit's source). Default:
   * `INNOVATION_INDEX_QUERY_MEMORY_LIMIT` from the environment, else half of the machine's memory (or of its
   * container's limit).
   */
  queryMemoryLimit?: number;
}

/** `LoadOptions` and the command line's own: DuckDB's threads for users' queries (`--threads`; 1 gives the same bytes on every run; default every core). */
export interface ReadOptions extends LoadOptions {
  threads?: number;
}

/**
 * A table read from a CSV file or a workbook sheet, and how messages name it; `hidden`, the rows and columns a sheet
 * hides but that are read, with their warning (`W_XLSX_HIDDEN`).
 */
export async function readTable(path: string, label: string, options: { encoding?: Encoding; sheet?: string } = {}): Promise<{ table: CsvTable; source: string; hidden?: HiddenCells }> {
  return parseTable(await readBytes(path, label), label, options);
}

/** A table from the bytes of a CSV file or a workbook. */
export async function parseTable(
  bytes: Uint8Array,
  label: string,
  options: { encoding?: Encoding; sheet?: string; deferred?: Issue[] } = {},
): Promise<{ table: CsvTable; source: string; otherSheets?: string[]; hidden?: HiddenCells }> {
  // `deferred` collects a workbook's formulas without a saved result, to be reported with the other problems.
  if (isWorkbook(bytes)) return parseWorkbookTable(bytes, label, options.sheet, { deferred: options.deferred });
  if (isLegacyWorkbook(bytes))
    throw new InputError("E_XLS", readerMessages.oldXls(label), { source: label });
  return { table: parseCsv(decodeText(bytes, label, options.encoding), label), source: label };
}

/**
 * Reads and validates the tree and the values; throws `ValidationError` with every problem of both files.
 * `dataPath` may be a folder: every values file in it is read (see `values-folder.ts`).
 * `labels` name the files in messages (default: their paths). `options.unit` names the one unit of values without
 * a unit column; an `InputError` (`E_UNIT_NAMED`) when the values name their own units.
 */
export async function loadInputs(
  treePath: string,
  dataPath: string,
  labels = { tree: treePath, data: dataPath },
  options: ReadOptions = {},
): Promise<LoadedInputs> {
  // One clock for every DuckDB session of this reading: the time limit is for their queries together.
  const memory = options.queryMemoryLimit === undefined ? {} : { memoryLimit: options.queryMemoryLimit, memorySource: "option" as const };
  const loaded = await loadInputsAsRead(treePath, dataPath, labels, options, { threads: options.threads, timeLimit: options.queryTimeLimit, clock: {}, ...memory });
  const name = options.unit;
  if (name === undefined) return loaded;
  const { units } = loaded.panel;
  if (units.length === 1 && units[0] === name) return loaded;
  if (!(units.length === 1 && units[0] === ""))
    throw new InputError("E_UNIT_NAMED", messages.unitNameRefused(labels.data, name, units), { source: labels.data });
  return {
    ...loaded,
    panel: { ...loaded.panel, units: [name] },
    records: loaded.records.map((record) => ({ ...record, unit: name })),
  };
}

/** `loadInputs` before `options.unit` names the unit. */
async function loadInputsAsRead(
  treePath: string,
  dataPath: string,
  labels: { tree: string; data: string },
  options: ReadOptions,
  queries: QuerySettings,
): Promise<LoadedInputs> {
  // Parquet and SQL values are read by DuckDB, loaded only for them.
  if (isDuckdbValues(dataPath)) return loadDuckdbInputs(treePath, dataPath, labels, options, queries);
  const treeIssues: Issue[] = [];
  const dataIssues: Issue[] = [];
  let tree: Tree | undefined;
  // The tree's codes and structure as far as they could be built, when the tree was refused.
  let codesTree: Tree | undefined;
  let records: ValueRecord[] | undefined;
  let dataSource = labels.data;
  // The records read in spite of problems in some cells (see below), and the rows left out whole (a year that is not one).
  let partial: ValueRecord[] | undefined;
  const leftOutRows: LeftOutRow[] = [];
  // The rows and columns the tree's and the values' workbooks hide but that are read, for their warning (W_XLSX_HIDDEN).
  const hidden: HiddenCells[] = [];
  // An unreadable values file stops here, on its own; an unreadable tree is one more problem, and the values are still
  // read and checked (numbers, years, layout, duplicates) so that one run reports both files.
  const [treeRead, dataRead] = await Promise.allSettled([readBytes(treePath, labels.tree), readValueFiles(dataPath, labels.data)]);
  if (dataRead.status === "rejected") {
    // The tree's own problems are reported beside an unreadable values file (a missing one, a folder without values).
    let treeProblems: Issue[] = [];
    if (treeRead.status === "rejected") treeProblems = treeRead.reason instanceof IndexToolError ? issuesOf(treeRead.reason) : [];
    else
      try {
        await parseTreeBytes(treeRead.value, treePath, labels.tree, { encoding: options.encoding, sheet: options.treeSheet, decimal: options.decimal, hidden });
      } catch (error) {
        if (error instanceof IndexToolError) treeProblems = issuesOf(error);
      }
    // With the warning of the rows and columns the tree's workbook hides, when a problem is in one of them.
    const explained = hidden.filter((sheet) => treeProblems.some((issue) => inHiddenCells(issue, sheet))).map((sheet) => sheet.warning);
    if (treeProblems.length > 0 && dataRead.reason instanceof IndexToolError) throw new ValidationError([...treeProblems, ...issuesOf(dataRead.reason), ...explained]);
    throw dataRead.reason;
  }
  const dataFiles = dataRead.value;
  const dataBytes = dataFiles.length === 1 ? dataFiles[0].bytes : undefined;
  if (treeRead.status === "rejected") append(treeIssues, issuesOf(treeRead.reason));
  else
    try {
      tree = await parseTreeBytes(treeRead.value, treePath, labels.tree, { encoding: options.encoding, sheet: options.treeSheet, decimal: options.decimal, hidden });
    } catch (error) {
      append(treeIssues, issuesOf(error));
      // A refused tree still has its codes: the values are checked against them.
      if (error instanceof ValidationError && error.partial !== undefined) codesTree = error.partial as Tree;
    }
  // Large plain CSV files (long layout, no quotes, no problem) are read straight into the panel, those in another
  // encoding (GBK from Excel) as their UTF-8 re-encoding, the same text; anything else, every error included, goes the
  // general way below (with `keepSources`, a file with a source column too).
  if (tree && dataBytes && formulaIndicators(tree).length === 0 && queryIndicators(tree).length === 0 && !isWorkbook(dataBytes)) {
    const utf8 = utf8Of(dataBytes, options.encoding);
    const panel = utf8 && parsePanelFast(utf8, tree, options.decimal, dataFiles[0].label, options.keepSources);
    if (panel) return fastInputs(tree, withWarnings({ ...panel, source: dataFiles[0].label }, [...hidden.map((sheet) => sheet.warning), ...(panel.warnings ?? [])]));
  }
  await Promise.all([
    (async () => {
      // A values folder is the union of its files; each record then names its file, for messages.
      const several = dataFiles.length > 1;
      const all: ValueRecord[] = [];
      // The units each file of a folder gives (none: its values are of the one unit without a name).
      const unitsByFile: { source: string; units: string[] }[] = [];
      const measureTree = tree ?? codesTree;
      const measures = measureTree && treeMeasures(measureTree);
      for (const file of dataFiles) {
        try {
          // Formulas without a saved result are reported with the other problems of the cells, in one pass.
          const deferred: Issue[] = [];
          const { table, source, otherSheets, hidden: hiddenCells } = await parseTable(file.bytes, file.label, { ...options, deferred });
          if (hiddenCells) hidden.push(hiddenCells);
          if (!several) dataSource = source;
          const parsed = parseDataTable(table, source, { decimal: options.decimal, indicators: tree && valueCodes(tree), measures, leftOut: leftOutRows });
          append(dataIssues, deferred);
          if (!parsed.ok) append(dataIssues, parsed.issues);
          // A workbook whose first sheet holds notes (填表说明) or nothing, and the values on another sheet.
          if (!parsed.ok && otherSheets?.length && parsed.issues.some((issue) => issue.code === "E_DATA_LAYOUT"))
            dataIssues.push({ code: "E_XLSX_SHEET", message: readerMessages.xlsxDefaultSheetNoValues(file.label, table.header.length === 0, otherSheets), source });
          const fileRecords = parsed.ok ? parsed.value : (parsed.partial ?? []);
          for (const record of fileRecords) all.push(several ? { ...record, file: source } : record);
          if (several && fileRecords.length > 0) unitsByFile.push({ source, units: unitsOf(fileRecords) });
        } catch (error) {
          append(dataIssues, issuesOf(error));
        }
      }
      // Files without a unit column (one unit without a name) beside files that name their units.
      const mixed = unitColumnMixed(dataSource.replace(/[\\/]+$/, ""), unitsByFile);
      if (mixed) dataIssues.push(mixed);
      // The measures written beside the values, against the tree's and across the rows and files of each indicator.
      append(dataIssues, measureIssues(all, measureTree, dataSource));
      if (dataIssues.length === 0) records = all;
      else partial = all;
    })(),
  ]);
  const issues = [...treeIssues, ...dataIssues];
  // Cells that are not numbers do not hide the problems of the values' structure: the rows that could be read (a bad
  // number as a gap) are checked for unknown indicators, values of groups and duplicates too, and all are reported at
  // once. (Not "no values" for an indicator, which its unreadable cells may cause; nor with formula indicators, whose
  // raw variables only the formulas place. With indicators of the tree's sql column, whose values the queries add, too.)
  // The values as far as they could be read, for the method's checks (`ReadInputs`): when the only problems are cells
  // that could not be read, each on a line that names its indicators, and rows left out whole (`LeftOutRow`).
  // Rows left out (unknown codes, values of groups), values given twice and indicators without any value read do not
  // stop them either (`readableInputs`).
  let readable: ReadInputs | undefined;
  if (tree && partial && formulaIndicators(tree).length === 0) {
    const built = buildPanel(tree, partial, dataSource);
    // A value given twice whose second cell is not a number is that cell's problem alone (it names the text): the
    // duplicate placed at the same cell is not reported again.
    const placeOf = (issue: Issue) => `${issue.source}\0${issue.line}\0${issue.column}`;
    const notNumbers = new Set(dataIssues.filter((issue) => issue.code === "E_BAD_NUMBER").map(placeOf));
    // Nor is one whose first cell is not a number (placed at the second row, `duplicatesOfTexts`).
    const ofTexts = duplicatesOfTexts(tree, partial, notNumbers, dataSource);
    const textDuplicate = (issue: Issue) => issue.code === "E_DUPLICATE_VALUE" && (notNumbers.has(placeOf(issue)) || ofTexts.has(placeOf(issue)));
    if (!built.ok) append(issues, built.issues.filter((issue) => STRUCTURE_CODES.has(issue.code) && !textDuplicate(issue)));
    // An indicator without any value read (its cells unreadable, or its rows left out) does not stop the checks: it has
    // no block to check (`readableInputs`). Not with indicators of the sql column: the panel would lack their values.
    if (treeIssues.length === 0 && queryIndicators(tree).length === 0 && (built.ok || built.issues.every((issue) => READABLE_STRUCTURE.has(issue.code) || issue.code === "E_NO_VALUES"))) {
      // Rows left out whole (a year that is not one, an empty unit or code, a wrong number of fields) do not either.
      const unreadable = indicatorsOnLines(partial, dataIssues, dataSource, leftOutRows);
      if (unreadable) readable = readableInputs(tree, partial, built.ok ? [] : built.issues, unreadable, dataSource, leftOutRows);
    }
  }
  // Indicators defined by a query in the tree: their values come from DuckDB, beside the values file's.
  if (tree && queryIndicators(tree).length > 0)
    try {
      const { readIndicatorQueries } = await import("./values-duckdb.js");
      const queried = await readIndicatorQueries(tree, options.queryRoot ?? dirname(treePath), queries);
      if (records) {
        // A value both the values files and an indicator's query give: said at the file's line, naming the tree's row.
        const { issues: repeats, repeated } = queryValueRepeats(tree, records, queried, dataSource);
        append(issues, repeats);
        records = [...records, ...queried.filter((record) => !repeated.has(record))];
      } else if (partial) append(issues, queryValueRepeats(tree, partial, queried, dataSource).issues);
    } catch (error) {
      append(issues, issuesOf(error));
      // Values read without a problem are still checked for unknown codes, values of groups and duplicates, reported
      // with the queries' problems (as values with problems are, above).
      if (records && formulaIndicators(tree).length === 0) {
        const built = buildPanel(tree, records, dataSource);
        if (!built.ok) append(issues, built.issues.filter((issue) => STRUCTURE_CODES.has(issue.code)));
      }
      records = undefined;
    }
  // A refused tree's queries still run, for their own problems.
  if (!tree) append(issues, await refusedTreeQueryIssues(codesTree, options.queryRoot ?? dirname(treePath), queries));
  // Without a tree the panel is not built, so the duplicates it would find are looked for here.
  const read = records ?? partial;
  if (!tree && read) append(issues, duplicateValueIssues(read, dataSource));
  // With the codes of a refused tree: the values' codes are checked against them in the same run (unknown indicators;
  // values of groups and indicators without values when the tree was refused for a weight or a direction only, and for
  // the latter every cell could be read: with a cycle, a duplicate code or an unknown parent, a row may be taken for a
  // group or an indicator it was not meant to be).
  if (!tree && codesTree && read && formulaIndicators(codesTree).length === 0 && queryIndicators(codesTree).length === 0) {
    const structured = treeIssues.every((issue) => TREE_FIELD_ISSUES.has(issue.code));
    const codes = new Set(["E_UNKNOWN_INDICATOR", ...(structured ? ["E_VALUE_FOR_GROUP"] : []), ...(records && structured ? ["E_NO_VALUES"] : [])]);
    const built = buildPanel(codesTree, read, dataSource);
    if (!built.ok) {
      const found = built.issues.filter((issue) => codes.has(issue.code));
      append(issues, floodCauses(found, dataSource));
      append(issues, found);
    }
  }
  if (tree && records && formulaIndicators(tree).length > 0) {
    const { createFormulaCompiler } = await import("../math/formula-mathjs.js");
    const evaluated = evaluateFormulas(tree, records, await createFormulaCompiler(), dataSource);
    if (evaluated.ok) records = evaluated.value;
    else {
      append(issues, evaluated.issues);
      records = undefined;
    }
  }
  if (records && records.length > 0 && records.every((record) => Number.isNaN(record.value)))
    issues.unshift({ code: "E_NO_NUMBERS", message: messages.noNumbers(), source: dataSource });
  if (tree && records) {
    const panel = buildPanel(tree, records, dataSource);
    if (panel.ok && issues.length === 0)
      return {
        tree,
        // Then the names written beside the codes that are not the tree's (rows whose codes and names got out of step).
        panel: withWarnings(panel.value, [...hidden.map((sheet) => sheet.warning), ...percentMixWarnings(read ?? [], dataSource), ...accountingDashWarnings(read ?? [], dataSource), ...thousandsSplitWarnings(read ?? [], dataSource), ...nameMismatchWarnings(read ?? [], tree, dataSource)]),
        records,
      };
    if (!panel.ok) {
      append(issues, floodCauses(panel.issues, dataSource, records, new Set(tree.indicators)));
      append(issues, panel.issues);
      // Rows of unknown codes or of groups are only left out, and of a value given twice the first is kept: the other
      // values are still read, for the method's checks (a gap elsewhere is reported in the same run). An indicator
      // without any value has no block to check: the others are checked.
      if (issues.every((issue) => READABLE_STRUCTURE.has(issue.code) || issue.code === "E_NO_VALUES") && formulaIndicators(tree).length === 0)
        readable = readableInputs(tree, records, issues, new Set(), dataSource);
    }
  }
  // An unreadable tree alone is reported as itself, as an unreadable values file is.
  if (treeRead.status === "rejected" && issues.length === 1) throw treeRead.reason;
  // A refused tree: the values' units and years, when every row was read (none left out whole, as a row with a bad
  // year is), for the checks of options that need no tree (a base year or a reference unit absent from the values).
  const valuesRead = !tree && read && (records !== undefined || (partial && indicatorsOnLines(partial, dataIssues, dataSource))) ? unitsAndYearsOf(read, options.unit) : undefined;
  // The problems of a values folder's files are listed in the order the files are read (by name), then by line and
  // column: the checks above find them kind by kind (the cells of every file, then the codes and duplicates).
  const listed = dataFiles.length > 1 ? inReadOrder(issues, dataFiles) : issues;
  // A problem in a row or column hidden in Excel (or a duplicate in a sheet with hidden rows): the warning that they
  // were read too, so that a line the sheet does not show is explained.
  append(listed, hidden.filter((sheet) => listed.some((issue) => inHiddenCells(issue, sheet))).map((sheet) => sheet.warning));
  const several = dataFiles.length > 1 ? dataFiles.map(({ path, label }) => ({ path, label })) : undefined;
  throw new ValidationError(listed, undefined, readable && several ? { ...readable, valuesFiles: several } : (readable ?? valuesRead));
}

/**
 * The units and years of values read beside a tree that was refused: the `partial` of `loadInputs`'s `ValidationError`
 * then, so that a command can still check the options that need no tree against them.
 */
export interface ValuesRead {
  units: readonly string[];
  years: readonly number[];
}

/** Whether an error's `partial` is the values' units and years (`ValuesRead`), not the inputs read (`ReadInputs`). */
export function isValuesRead(partial: unknown): partial is ValuesRead {
  return typeof partial === "object" && partial !== null && !("tree" in partial) && Array.isArray((partial as ValuesRead).units) && Array.isArray((partial as ValuesRead).years);
}

/** The units of `records` in their order of appearance and their years in order, as `buildPanel` orders them (`unit` names the one unit of values without a unit column, as `loadInputs` does). */
function unitsAndYearsOf(records: readonly ValueRecord[], unit: string | undefined): ValuesRead {
  const units = new Set<string>();
  const years = new Set<number>();
  for (const record of records) {
    units.add(record.unit === "" && unit !== undefined ? unit : record.unit);
    years.add(record.year);
  }
  return { units: [...units], years: [...years].sort((a, b) => a - b) };
}

/**
 * Whether `issue` is in a row or column of a sheet that Excel hides (`sheet`), or is a duplicate value in that sheet
 * while it hides rows (the first of the two values may be the hidden one).
 */
function inHiddenCells(issue: Issue, sheet: HiddenCells): boolean {
  if (issue.source !== sheet.warning.source) return false;
  if (issue.line !== undefined && sheet.rows.includes(issue.line)) return true;
  if (typeof issue.column === "number" && sheet.columns.includes(issue.column)) return true;
  return issue.code === "E_DUPLICATE_VALUE" && sheet.rows.length > 0;
}

/** `panel` carrying what reading its values found (`Panel.warnings`), when anything. */
const withWarnings = (panel: Panel, warnings: Issue[]): Panel => (warnings.length > 0 ? { ...panel, warnings } : panel);

/**
 * Inputs that could be read only in part: the tree, the panel of the cells that could be read (the others as gaps),
 * and the indicators with a cell that could not be (on a line of an issue). The `partial` of `loadInputs`'s
 * `ValidationError` when those cells are its only problems, so that a command can run the method's checks too.
 */
export interface ReadInputs {
  tree: Tree;
  panel: Panel;
  /** The indicators of the cells that could not be read, and of the values given twice. */
  unreadable: ReadonlySet<string>;
  /**
   * The panel's cells (`cellIndex`) that could not be read: a value was given there, if not a number; and those no kept
   * row gives that a row left out whole may have meant (`LeftOutRow`): a value may have been given there.
   */
  unreadableCells?: ReadonlySet<number>;
  /** The panel's cells (`cellIndex`) given twice with two values: the first is kept, which may not be the one meant. */
  repeatedCells?: ReadonlySet<number>;
  /** The unit-years (`unit · years + year`) of rows left out (an unknown code, a group's value): they gave something. */
  leftOutUnitYears?: ReadonlySet<number>;
  /**
   * The cells (`cellIndex`) no kept row gives that a row of an unknown code meant, by the leaf its message suggests
   * (`unknownIndicatorMeant`: x1 for X1, Ｘ2 for X2), with the number that row gives: not a gap, nor a base value missing.
   */
  meantCells?: ReadonlyMap<number, number>;
  /**
   * The indicators without any value read (`E_NO_VALUES`: never given, or only in cells that could not be read or rows
   * left out): their blocks are empty, and neither their problems nor their groups' are known.
   */
  withoutValues?: ReadonlySet<string>;
  /**
   * The files of a values folder in the order they are read (`listValueFiles`), when the values came from several: the
   * problems the method's checks add to the loading's are put in their order too (`inReadOrder`).
   */
  valuesFiles?: readonly ValuesFile[];
}

/**
 * The problems of the values' structure beside which the values are still read for the method's checks
 * (`readableInputs`): rows that name no indicator of the tree (left out) and values given twice (the first kept).
 */
const READABLE_STRUCTURE: ReadonlySet<string> = new Set(["E_UNKNOWN_INDICATOR", "E_UNKNOWN_INDICATORS", "E_VALUE_FOR_GROUP", "E_DUPLICATE_VALUE", "E_DUPLICATE_VALUES"]);

/**
 * The inputs as far as `records` could be read (`ReadInputs`): the rows of unknown codes and of groups left out, and
 * of a value given twice (a conflict, `repeatOutcome`) the first kept; `unreadable`, the indicators of the cells that
 * could not be read, joined by those of the duplicates among `issues`, whose cells hold a value that may not be meant,
 * and by the indicators without any value read (`withoutValues`, their blocks empty). The cells the rows `leftOut` whole
 * may have meant count as unreadable. `undefined` when the panel cannot be built of them.
 */
function readableInputs(
  tree: Tree,
  records: readonly ValueRecord[],
  issues: readonly Issue[],
  unreadable: ReadonlySet<string>,
  source: string,
  leftOut: readonly LeftOutRow[] = [],
): ReadInputs | undefined {
  const { kept, conflicts } = repeatsOf(tree, records);
  const built = panelWithEmptyBlocks(tree, kept, source);
  if (!built) return undefined;
  const { panel, withoutValues } = built;
  const fed = new Set([...unreadable, ...withoutValues]);
  for (const issue of issues) if (issue.code === "E_DUPLICATE_VALUE" && issue.id !== undefined) fed.add(issue.id);
  const unitAt = new Map(panel.units.map((unit, u) => [unit, u] as const));
  const yearAt = new Map(panel.years.map((year, t) => [year, t] as const));
  const indicatorAt = new Map(panel.indicators.map((code, i) => [code, i] as const));
  const unreadableCells = new Set<number>();
  const repeatedCells = new Set<number>();
  const leftOutUnitYears = new Set<number>();
  const meantCells = new Map<number, number>();
  const meant = unknownIndicatorMeant(tree);
  for (const record of records) {
    const [u, t, i] = [unitAt.get(record.unit), yearAt.get(record.year), indicatorAt.get(record.indicator)];
    // A row left out for a unit or a year no kept row gives names no unit-year of the panel.
    if (u === undefined || t === undefined) continue;
    if (i === undefined) {
      leftOutUnitYears.add(u * panel.years.length + t);
      // An unknown code (not a group's) whose message names the leaf it meant: that leaf's cell was given, when no kept
      // row gives it and the row's value is a number (an empty one gives nothing; a text is reported as itself).
      const leaf = tree.byCode.has(record.indicator) ? undefined : meant(record.indicator);
      const at = leaf === undefined ? undefined : indicatorAt.get(leaf);
      if (at === undefined || typeof record.value !== "number" || !Number.isFinite(record.value) || record.unreadable) continue;
      const cell = cellIndex(panel, at, u, t);
      if (Number.isNaN(panel.values[cell]) && !meantCells.has(cell)) meantCells.set(cell, record.value);
    } else {
      if (record.unreadable) unreadableCells.add(cellIndex(panel, i, u, t));
      if (conflicts.has(record)) repeatedCells.add(cellIndex(panel, i, u, t));
    }
  }
  // A row left out whole says nothing reliable of its cell: each cell of the unit, year and indicator it names (every
  // one where it names none readably) that no kept row gives may be the one it meant, so none is a gap, nor its
  // unit-year empty (an unknown code's or a group's row names no cell of the panel).
  const every = (count: number) => Array.from({ length: count }, (_, at) => at);
  const patterns = new Map(leftOut.map((row) => [`${row.unit ?? "\0"}\0${row.year ?? ""}\0${row.indicator ?? "\0"}`, row] as const));
  for (const row of patterns.values()) {
    const indicators = row.indicator === undefined ? every(panel.indicators.length) : [indicatorAt.get(row.indicator)];
    const units = row.unit === undefined ? every(panel.units.length) : [unitAt.get(row.unit)];
    const years = row.year === undefined ? every(panel.years.length) : [yearAt.get(row.year)];
    for (const i of indicators)
      for (const u of units)
        for (const t of years) {
          if (i === undefined || u === undefined || t === undefined) continue;
          const cell = cellIndex(panel, i, u, t);
          if (Number.isNaN(panel.values[cell]) && !meantCells.has(cell)) unreadableCells.add(cell);
        }
  }
  return { tree, panel, unreadable: fed, unreadableCells, repeatedCells, leftOutUnitYears, meantCells, withoutValues };
}

/**
 * `buildPanel` of `records` (each cell given once, of the tree's leaves), or `undefined` when it refuses them; but an
 * indicator without any value (`E_NO_VALUES`: its cells empty or unreadable, or none) does not refuse them: its block
 * is left empty (`withoutValues`). The panel is then built with a stand-in value in one cell of each such block, from
 * the row that places that cell (or from no row, where none of the indicator's rows is), so that its units, years,
 * lines and files are those of `records`, and the stand-in is taken out again.
 */
function panelWithEmptyBlocks(tree: Tree, records: readonly ValueRecord[], source: string): { panel: Panel; withoutValues: Set<string> } | undefined {
  const built = buildPanel(tree, records, source);
  if (built.ok) return { panel: built.value, withoutValues: new Set() };
  if (records.length === 0 || !built.issues.every((issue) => issue.code === "E_NO_VALUES" && issue.id !== undefined)) return undefined;
  const withoutValues = new Set(built.issues.map((issue) => issue.id!));
  const withStandIns = [...records];
  const standIns: ValueRecord[] = [];
  for (const code of withoutValues) {
    const first = records.findIndex((record) => record.indicator === code);
    if (first < 0) {
      // A cell of the first unit and year read, which no row of the indicator gives (it has none).
      const standIn: ValueRecord = { unit: records[0].unit, year: records[0].year, indicator: code, value: 0, ...(records[0].file !== undefined ? { file: records[0].file } : {}) };
      withStandIns.push(standIn);
      standIns.push(standIn);
      continue;
    }
    // Its cell is placed by the row that could not be read, if one did (the others are empty and leave it), else by
    // its first row: that row stands in, the cell's place unchanged.
    const { unit, year } = records[first];
    const unreadableAt = records.findIndex((record) => record.indicator === code && record.unit === unit && record.year === year && record.unreadable);
    const at = unreadableAt >= 0 ? unreadableAt : first;
    const standIn: ValueRecord = { ...records[at], value: 0, unreadable: false };
    withStandIns[at] = standIn;
    standIns.push(standIn);
  }
  const again = buildPanel(tree, withStandIns, source);
  if (!again.ok) return undefined;
  const panel = again.value;
  const unitAt = new Map(panel.units.map((unit, u) => [unit, u] as const));
  const yearAt = new Map(panel.years.map((year, t) => [year, t] as const));
  for (const standIn of standIns) {
    const cell = cellIndex(panel, panel.indicators.indexOf(standIn.indicator), unitAt.get(standIn.unit)!, yearAt.get(standIn.year)!);
    panel.values[cell] = Number.NaN;
    // A stand-in of no row places no file.
    if (standIn.line === undefined && panel.fileOfCell) panel.fileOfCell[cell] = 0;
  }
  return { panel, withoutValues };
}

/**
 * The places (`source`, line, column) of the values given twice whose first cell is not a number (`notNumbers`: the
 * places of those cells), where `buildPanel` reports the duplicate (at the second row): that cell's problem alone, as
 * when the second cell is the text. Of a first row repeated several times, the first repeat only (a later one repeats
 * the number given after the text).
 */
function duplicatesOfTexts(tree: Tree, records: readonly ValueRecord[], notNumbers: ReadonlySet<string>, dataSource: string): Set<string> {
  const placeOf = (record: ValueRecord) => `${record.file ?? dataSource}\0${record.line}\0${duplicateColumn(record)}`;
  const answered = new Set<ValueRecord>();
  const places = new Set<string>();
  for (const [record, earlier] of repeatsOf(tree, records).conflicts)
    if (!answered.has(earlier) && notNumbers.has(placeOf(earlier))) {
      answered.add(earlier);
      places.add(placeOf(record));
    }
  return places;
}

/**
 * The records of `tree`'s leaves as `buildPanel` takes a value given twice (`repeatOutcome`): `kept`, each cell's
 * value (a repeat that replaces an empty one replaces it), and `conflicts`, each repeat with another value, in the
 * order read, with the record it repeats (the first value, kept).
 */
function repeatsOf(tree: Tree, records: readonly ValueRecord[]): { kept: ValueRecord[]; conflicts: Map<ValueRecord, ValueRecord> } {
  const leaves = new Set(tree.indicators);
  const first = new Map<string, ValueRecord>();
  const conflicts = new Map<ValueRecord, ValueRecord>();
  const kept = records.filter((record) => {
    if (!leaves.has(record.indicator)) return false;
    const key = `${record.unit}\0${record.year}\0${record.indicator}`;
    const earlier = first.get(key);
    if (!earlier) return first.set(key, record), true;
    const outcome = repeatOutcome(earlier, record);
    if (outcome === "replace") first.set(key, record);
    if (outcome === "conflict") conflicts.set(record, earlier);
    return outcome !== "conflict";
  });
  return { kept, conflicts };
}

/**
 * The indicators of the records on the lines `issues` name; `undefined` when an issue names no line or a line without
 * a record (a row left out whole, such as one with a bad year: which cell it meant is unknown), unless `leftOut` holds
 * that row (the checks then take it as `readableInputs` does).
 */
function indicatorsOnLines(records: readonly ValueRecord[], issues: readonly Issue[], dataSource: string, leftOut: readonly LeftOutRow[] = []): Set<string> | undefined {
  const lines = new Set<string>();
  for (const issue of issues) {
    if (issue.line === undefined) return undefined;
    lines.add(`${issue.source ?? dataSource}\0${issue.line}`);
  }
  const indicators = new Set<string>();
  const found = new Set<string>();
  for (const row of leftOut) {
    const line = `${row.source}\0${row.line}`;
    if (lines.has(line)) found.add(line);
  }
  for (const record of records) {
    const line = `${record.file ?? dataSource}\0${record.line}`;
    if (record.line !== undefined && lines.has(line)) {
      indicators.add(record.indicator);
      found.add(line);
    }
  }
  return found.size === lines.size ? indicators : undefined;
}

/** The named units of `records`, the first three in order of appearance ([] when every record is of the unnamed unit). */
function unitsOf(records: readonly ValueRecord[]): string[] {
  const units = new Set<string>();
  for (const record of records) {
    if (record.unit !== "") units.add(record.unit);
    if (units.size === 3) break;
  }
  return [...units];
}

/**
 * `E_UNIT_COLUMN_MIXED` when files of a values folder without a unit column (their values of one unit without a
 * name) stand beside files that name their units: the unnamed unit would be one more unit, and each unit's values
 * would lack the years the other files give (a wide `a.csv` of 2017 for 常州 beside a long `b.csv` of 常州 in 2018).
 * Said of the values `folder`, naming its files. `undefined` when every file has one, or none does.
 */
function unitColumnMixed(folder: string, files: readonly { source: string; units: string[] }[]): Issue | undefined {
  const without = files.filter((file) => file.units.length === 0).map((file) => file.source);
  const named = files.filter((file) => file.units.length > 0);
  if (without.length === 0 || named.length === 0) return undefined;
  const units = [...new Set(named.flatMap((file) => file.units))].slice(0, 3);
  const message = dataMessages.unitColumnMixed(folder, without, named.map((file) => file.source), units);
  return { code: "E_UNIT_COLUMN_MIXED", message, source: folder };
}

/**
 * The values of `records` (read from the values files) for cells that the queries of `tree`'s `sql` column also give
 * (`queried`): one `E_DUPLICATE_VALUE` per indicator and file, at the file's first such line, naming the query's row of
 * the tree (`buildPanel` would name neither: the query's values have no line of their own). `repeated`: those of
 * `queried`, to be left out so that the panel's other problems are still found. An empty value repeats nothing
 * (`repeatOutcome`).
 */
function queryValueRepeats(tree: Tree, records: readonly ValueRecord[], queried: readonly ValueRecord[], dataSource: string): { issues: Issue[]; repeated: Set<ValueRecord> } {
  const cell = (record: ValueRecord) => `${record.unit}\u0000${record.year}\u0000${record.indicator}`;
  const byCell = new Map(queried.map((record) => [cell(record), record] as const));
  const lines = new Map(queryIndicators(tree).map(({ code, line }) => [code, line] as const));
  const found = new Map<string, { first: ValueRecord; count: number }>();
  const repeated = new Set<ValueRecord>();
  for (const record of records) {
    const query = lines.has(record.indicator) ? byCell.get(cell(record)) : undefined;
    if (!query || repeatOutcome(record, query) !== "conflict") continue;
    repeated.add(query);
    const key = `${record.file ?? dataSource}\u0000${record.indicator}`;
    const group = found.get(key);
    if (group) group.count++;
    else found.set(key, { first: record, count: 1 });
  }
  const issues: Issue[] = [...found.values()].map(({ first, count }) => {
    const line = lines.get(first.indicator);
    const treePlace = `${tree.source ?? "tree"}${line ? `:${line}` : ""}`;
    return {
      code: "E_DUPLICATE_VALUE",
      message: dataMessages.queryValueRepeated(first.indicator, treePlace, first.unit, first.year, count),
      source: first.file ?? dataSource,
      line: first.line,
      column: duplicateColumn(first),
      id: first.indicator,
    };
  });
  return { issues, repeated };
}

/** The problems of the values' structure that `buildPanel` finds whatever some cells hold (a panel too large among them). */
const STRUCTURE_CODES: ReadonlySet<string> = new Set(["E_UNKNOWN_INDICATOR", "E_VALUE_FOR_GROUP", "E_DUPLICATE_VALUE", "E_PANEL_SIZE"]);

/** `loadInputs` for a `.parquet` or `.sql` values file: the tree read as usual, the values by DuckDB. */
async function loadDuckdbInputs(treePath: string, dataPath: string, labels: { tree: string; data: string }, options: ReadOptions, queries: QuerySettings): Promise<LoadedInputs> {
  const issues: Issue[] = [];
  let tree: Tree | undefined;
  // The rows and columns a tree workbook hides but that are read, for their warning (W_XLSX_HIDDEN), as beside a CSV
  // file: with the panel, or with a refusal whose problems they hold.
  const hidden: HiddenCells[] = [];
  const warned = (panel: Panel) => withWarnings(panel, hidden.map((sheet) => sheet.warning));
  const refused = (found: Issue[], partial?: ValuesRead) =>
    new ValidationError([...found, ...hidden.filter((sheet) => found.some((issue) => inHiddenCells(issue, sheet))).map((sheet) => sheet.warning)], undefined, partial);
  // The tree's codes and structure as far as they could be built, when the tree was refused (as for a CSV file).
  let codesTree: Tree | undefined;
  try {
    tree = await parseTreeBytes(await readBytes(treePath, labels.tree), treePath, labels.tree, { encoding: options.encoding, sheet: options.treeSheet, decimal: options.decimal, hidden });
  } catch (error) {
    append(issues, issuesOf(error));
    if (error instanceof ValidationError && error.partial !== undefined) codesTree = error.partial as Tree;
  }
  const treeIssues = issues.length;
  const { readDuckdbValues, readIndicatorQueries } = await import("./values-duckdb.js");
  const emptyTree: Tree = { nodes: [], roots: [], indicators: [], byCode: new Map() };
  // A tree with formula or sql indicators: the values file holds the other indicators and the formulas' variables;
  // the queries' values join them, the formulas are evaluated, and the panel is built again, as for a CSV file.
  if (tree && (formulaIndicators(tree).length > 0 || queryIndicators(tree).length > 0)) {
    const computed = new Set([...formulaIndicators(tree), ...queryIndicators(tree)].map(({ code }) => code));
    const required = new Set(tree.indicators.filter((code) => !computed.has(code)));
    const codes = { indicators: [...valueCodes(tree)].filter((code) => !computed.has(code)), required };
    // One DuckDB session after the other; the problems of both are reported together. The values' query stopped at the
    // time limit of both leaves none for the tree's queries: they are not run, and the limit is said once.
    const read = await settle(() => readDuckdbValues(tree, dataPath, labels.data, options.queryRoot, codes, queries));
    const timedOut = read.status === "rejected" && issuesOf(read.reason).some((issue) => issue.code === "E_QUERY_TIME_LIMIT");
    const queried = timedOut ? ({ status: "fulfilled", value: [] } as const) : await settle(() => readIndicatorQueries(tree, options.queryRoot ?? dirname(treePath), queries));
    for (const outcome of [read, queried]) if (outcome.status === "rejected") append(issues, issuesOf(outcome.reason));
    if (read.status === "rejected" || queried.status === "rejected") throw refused(issues);
    let records = [...fastInputs(tree, read.value.panel).records, ...queried.value];
    if (formulaIndicators(tree).length > 0) {
      const { createFormulaCompiler } = await import("../math/formula-mathjs.js");
      const evaluated = evaluateFormulas(tree, records, await createFormulaCompiler(), labels.data);
      if (!evaluated.ok) throw refused(evaluated.issues);
      records = evaluated.value;
    }
    const panel = buildPanel(tree, records, labels.data);
    if (!panel.ok) throw refused(panel.issues);
    return { tree, panel: warned(panel.value), records, query: read.value.query, filesRead: read.value.filesRead };
  }
  // A refused tree: the values' units and years, when every row has its unit and year, for the checks of options that
  // need no tree (as for a CSV file).
  let valuesRead: ValuesRead | undefined;
  const named = (read: ValuesRead): ValuesRead => ({ units: read.units.map((unit) => (unit === "" && options.unit !== undefined ? options.unit : unit)), years: read.years });
  // Without a tree the values are still read for their own problems (columns, types, years), against the codes of the
  // refused tree as far as it was built, as for a CSV file (`codesChecks`), else against an empty tree.
  const checks = tree ? undefined : codesChecks(codesTree, issues.slice(0, treeIssues));
  let timedOut = false;
  try {
    const read = await readDuckdbValues(tree ?? checks?.tree ?? emptyTree, dataPath, labels.data, options.queryRoot, undefined, queries);
    // Not a spread: spreading would call the `records` getter, building an object per value that no run reads.
    if (tree && issues.length === 0) return Object.assign(fastInputs(tree, warned(read.panel)), { query: read.query, filesRead: read.filesRead });
    if (!tree) valuesRead = named(read.panel);
  } catch (error) {
    const found = issuesOf(error);
    timedOut = found.some((issue) => issue.code === "E_QUERY_TIME_LIMIT");
    append(issues, tree ? found : found.filter((issue) => (checks ? checks.kept(issue, found) : issue.code !== "E_UNKNOWN_INDICATOR")));
    if (!tree && error instanceof ValidationError && isValuesRead(error.partial)) valuesRead = named(error.partial);
  }
  // A refused tree's queries still run, for their own problems (not after the values' query used up their time).
  if (!tree && !timedOut) append(issues, await refusedTreeQueryIssues(codesTree, options.queryRoot ?? dirname(treePath), queries));
  throw refused(issues, valuesRead);
}

/**
 * The problems of the queries of a refused tree's `sql` column (`codesTree`: the tree as far as it was built), each
 * naming the tree's line (columns, types, years that are none, duplicate rows): what they read is the microdata, not
 * the tree, so the tree's problems elsewhere do not make theirs noise, and one run reports both. Their values are not
 * used. None without such a tree.
 */
async function refusedTreeQueryIssues(codesTree: Tree | undefined, root: string, queries: QuerySettings): Promise<Issue[]> {
  if (!codesTree || queryIndicators(codesTree).length === 0) return [];
  const { readIndicatorQueries } = await import("./values-duckdb.js");
  const outcome = await settle(() => readIndicatorQueries(codesTree, root, queries));
  return outcome.status === "rejected" ? issuesOf(outcome.reason) : [];
}

/**
 * How DuckDB's values are checked against a refused tree's codes (`codesTree`, refused for `treeIssues`), as
 * `loadInputs` checks a CSV file's: `tree`, the tree to read them against; `kept`, whether an issue of those it gave
 * (`found`) is reported: unknown indicators always; values of groups, and a panel over the limit, only when the tree was
 * refused for a weight or a direction alone (with a cycle, a duplicate code or an unknown parent, a row may be taken for
 * a group or an indicator it was not meant to be, and the count of leaves may be off); indicators without values only
 * then and when the values have no other problem (every row read). `undefined` without such a tree, or for one with
 * formula or sql indicators, whose values the values file does not hold alone.
 */
function codesChecks(codesTree: Tree | undefined, treeIssues: readonly Issue[]): { tree: Tree; kept: (issue: Issue, found: readonly Issue[]) => boolean } | undefined {
  if (!codesTree || formulaIndicators(codesTree).length > 0 || queryIndicators(codesTree).length > 0) return undefined;
  const structured = treeIssues.every((issue) => TREE_FIELD_ISSUES.has(issue.code));
  const allRead = (found: readonly Issue[]) => found.every((issue) => READABLE_STRUCTURE.has(issue.code) || issue.code === "E_NO_VALUES" || issue.code === "E_PANEL_SIZE");
  return {
    tree: codesTree,
    kept: (issue, found) =>
      issue.code === "E_VALUE_FOR_GROUP" || issue.code === "E_PANEL_SIZE" ? structured : issue.code === "E_NO_VALUES" ? structured && allRead(found) : true,
  };
}

/** The outcome of `run`, as `Promise.allSettled` gives it, for calls that must not run at once. */
async function settle<T>(run: () => Promise<T>): Promise<PromiseSettledResult<T>> {
  try {
    return { status: "fulfilled", value: await run() };
  } catch (reason) {
    return { status: "rejected", reason };
  }
}

/** Problems at least this many of one kind are summed up in one issue that names their likely cause, first. */
const FLOOD = 10;

/**
 * One issue per flood of the same problem with one likely cause (values of another tree, units without a unit column,
 * or, when most duplicates repeat in one file of a values folder cells another gives, a copy of a file or a year in two
 * files: the pair of files with the most, from `records`, the values `issues` were found in, of the leaves `indicators`).
 */
function floodCauses(issues: readonly Issue[], source: string, records?: readonly ValueRecord[], indicators?: ReadonlySet<string>): Issue[] {
  const causes: Issue[] = [];
  const unknown = issues.filter((issue) => issue.code === "E_UNKNOWN_INDICATOR");
  if (unknown.length >= FLOOD) {
    const codes = [...new Set(unknown.map((issue) => issue.id ?? ""))].slice(0, 3);
    causes.push({ code: "E_UNKNOWN_INDICATORS", message: messages.manyUnknownIndicators(unknown.length, codes), source });
  }
  const duplicates = issues.filter((issue) => issue.code === "E_DUPLICATE_VALUE").length;
  if (duplicates >= FLOOD) {
    const pairs = records ? duplicateFilePairs(records, indicators) : [];
    const across = pairs.reduce((sum, pair) => sum + pair.count, 0);
    const message =
      across * 2 > duplicates ? messages.manyDuplicatesAcrossFiles(duplicates, pairs[0].first, pairs[0].second, pairs.length - 1) : messages.manyDuplicates(duplicates);
    causes.push({ code: "E_DUPLICATE_VALUES", message, source });
  }
  return causes;
}

/** The codes a values file may hold for `tree`: its indicators and the variables its formulas read. */
function valueCodes(tree: Tree): Set<string> {
  const codes = new Set(tree.indicators);
  for (const { formula } of formulaIndicators(tree)) for (const name of formula.match(/[\p{L}_][\p{L}\p{N}_]*/gu) ?? []) codes.add(name);
  return codes;
}

/**
 * Reads a tree from CSV, YAML (`.yaml`/`.yml`) or a workbook; `decimal` is the mark of a table's weights (`--decimal`).
 * `onWarning` is given what reading found, as `loadInputs` carries it with the panel: rows and columns a workbook
 * hides but that are read (`W_XLSX_HIDDEN`). A refusal with a problem in such a row or column carries that warning too.
 */
export async function readTreeFile(
  path: string,
  label = path,
  options: { encoding?: Encoding; sheet?: string; decimal?: DecimalMark; onWarning?: (warning: Issue) => void } = {},
): Promise<Tree> {
  const hidden: HiddenCells[] = [];
  const bytes = await readBytes(path, label);
  let tree: Tree;
  try {
    tree = await parseTreeBytes(bytes, path, label, { encoding: options.encoding, sheet: options.sheet, decimal: options.decimal, hidden });
  } catch (error) {
    const explained = error instanceof ValidationError ? hidden.filter((sheet) => error.issues.some((issue) => inHiddenCells(issue, sheet))) : [];
    if (explained.length === 0) throw error;
    const refusal = error as ValidationError;
    throw new ValidationError([...refusal.issues, ...explained.map((sheet) => sheet.warning)], refusal.heading, refusal.partial);
  }
  for (const sheet of hidden) options.onWarning?.(sheet.warning);
  return tree;
}

/** `hidden` collects the rows and columns a tree workbook hides but that are read (`HiddenCells`), for their warning. */
async function parseTreeBytes(
  bytes: Uint8Array,
  path: string,
  label: string,
  options: { encoding?: Encoding; sheet?: string; decimal?: DecimalMark; hidden?: HiddenCells[] },
): Promise<Tree> {
  // The YAML parser is loaded only for a YAML tree, so that runs on CSV start fast.
  if (/\.ya?ml$/i.test(path)) return (await import("./tree-yaml.js")).parseTreeYaml(decodeText(bytes, label, options.encoding), label);
  // A tree workbook's sheet is chosen by --tree-sheet, which its messages name.
  const { table, source, hidden } = isWorkbook(bytes) ? await parseWorkbookTable(bytes, label, options.sheet, { content: "tree" }) : await parseTable(bytes, label, options);
  if (hidden) options.hidden?.push(hidden);
  return parseTreeTable(table, source, { decimal: options.decimal });
}

/** Inputs read by the fast path: the records, rarely needed, are rebuilt from the panel on first use (no lines). */
function fastInputs(tree: Tree, panel: Panel): LoadedInputs {
  let records: ValueRecord[] | undefined;
  return {
    tree,
    panel,
    get records() {
      if (!records) {
        records = [];
        const { units, years, indicators, values } = panel;
        for (let i = 0; i < indicators.length; i++)
          for (let u = 0; u < units.length; u++)
            for (let y = 0; y < years.length; y++) {
              const value = values[(i * units.length + u) * years.length + y];
              if (!Number.isNaN(value)) records.push({ unit: units[u], year: years[y], indicator: indicators[i], value });
            }
      }
      return records;
    },
  };
}

/** The issues an error carries (a `ValidationError`'s list, or the error itself as one issue). */
export function issuesOf(error: unknown): Issue[] {
  if (error instanceof ValidationError) return error.issues;
  if (error instanceof IndexToolError) {
    const where = error as IndexToolError & Partial<Issue>;
    return [{ code: error.code, message: error.message, source: where.source, line: where.line, column: where.column, id: where.id }];
  }
  throw error;
}

/** The bytes of a text file as UTF-8: themselves if they are, else decoded and re-encoded; `undefined` if not text. */
function utf8Of(bytes: Uint8Array, encoding: Encoding = "auto"): Uint8Array | undefined {
  if ((encoding === "auto" || encoding === "utf-8") && isUtf8(bytes)) return bytes;
  try {
    return Buffer.from(decodeText(bytes, "", encoding), "utf8");
  } catch {
    return undefined;
  }
}
