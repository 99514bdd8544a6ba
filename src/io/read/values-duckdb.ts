/**
 * Values read by DuckDB: a `.parquet` values file (long layout `unit,year,indicator,value`, or wide: `indicator` and
 * one column per year, with an optional `unit`), or a `.sql` file whose one `SELECT` returns `unit, year, indicator,
 * value` (`unit`, `source` and `measure` optional) from Parquet, CSV or JSON files that DuckDB reads itself. A
 * `measure` column (the unit of measurement, `计量单位` in a Parquet file too) is checked as a CSV file's is
 * (`measures.ts`), on its distinct (indicator, measure) pairs.
 *
 * The whole values table stays inside DuckDB: it is checked there (columns and types before anything runs, then
 * unknown indicators, duplicates, indicators without values), and only each value's cell position in the panel and the
 * value itself come back, column by column. Units keep the order of their first row in a Parquet file (as in a CSV
 * file); a query's rows have no order of their own, so its units are sorted by name.
 */
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, isAbsolute, relative, resolve, sep } from "node:path";
import { dataMessages } from "../../core/data-messages.js";
import { messages } from "../../core/messages.js";
import { readerMessages } from "../../core/reader-messages.js";
import { limitMessages } from "../../core/limit-messages.js";
import { createPanel, PANEL_CELL_LIMIT, panelSizeIssue, unknownIndicatorMessages, type Panel, type ValueRecord } from "../../core/panel.js";
import { append } from "../../core/arrays.js";
import type { Tree } from "../../core/types.js";
import { IndexToolError, InputError, ValidationError, type Issue } from "../../errors.js";
import {
  baseType,
  builtFiles,
  GLOB_CHARACTERS,
  globFiles,
  INTEGER_TYPES,
  isNull,
  NUMBER_TYPES,
  openSandbox,
  parseQuery,
  positionValueChunks,
  prepareSelect,
  queryTexts,
  resolveQueryPaths,
  sqlError,
  sqlString,
  statementText,
  TEXT_TYPES,
  timeLimitError,
  unnamedFileReads,
  type DuckdbSession,
  type QuerySettings,
  type ResolvedQuery,
  type SandboxSession,
} from "./duckdb.js";
import { normalizeColumnName } from "./columns.js";
import { LONG_COLUMNS, parseYear, yearHeaderMessage, yearLike } from "./data-csv.js";
import { queryIndicators, specialKind } from "./duckdb-sources.js";
import { parquetFileError, queryFileError, refuseNulBytes, withQueryFileCauses, type DuckdbFile } from "./duckdb-file-checks.js";
import { isAmbiguousMeasureColumn, isMeasureColumnName, measurePairIssues, normalizeMeasure, treeMeasures, unitsOfMeasures } from "./measures.js";
import { noteInputFile } from "./inputs-read.js";


/** Problems listed at most per kind (unknown indicators, duplicates): the count says how many more. */
const LISTED = 20;

/**
 * The white space a CSV cell is trimmed of (`String.prototype.trim`'s: spaces and tabs, line ends, the no-break space
 * U+00A0, the full-width space U+3000 of a Chinese input method, the byte order mark, …), as SQL text for DuckDB's
 * `trim`, so that a unit `常州 ` or a code ` X ` from a query or a Parquet file reads as the CSV reader reads it.
 */
export const WHITE_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** SQL of text `column` trimmed of `WHITE_SPACE`. */
const trimmed = (column: string) => `trim(${column}, ${sqlString(WHITE_SPACE)})`;

/**
 * SQL of `expression`, of DuckDB type `type`, as the DOUBLE that is the Number of its exact decimal text, as the CSV
 * reader reads a value. DuckDB casts a DECIMAL of more than 15 digits (an integer beyond 2^53) through a rounded
 * double, then divides: one unit in the last place off at times (1.23456789012345678 as 1.234567890123457); such a
 * DECIMAL goes through its text, which DuckDB reads to the nearest double. Any other number is cast as it is (exact
 * up to the one rounding of the cast).
 */
function asDouble(expression: string, type: string): string {
  return castRounds(type) ? `${expression}::VARCHAR::DOUBLE` : `${expression}::DOUBLE`;
}

/** Whether DuckDB's cast of type `type` to DOUBLE may be off (`asDouble`): a DECIMAL of more than 15 digits. */
function castRounds(type: string): boolean {
  const width = /^DECIMAL\((\d+)/i.exec(type.trim());
  return width !== null && Number(width[1]) > 15;
}

/** What DuckDB read. */
export interface DuckdbValues {
  panel: Panel;
  /** The query's text (a `.sql` file), for the manifest of a project run. */
  query?: string;
  /** Absolute paths of the files a query names (globs expanded), for the manifest. */
  filesRead: string[];
}

/**
 * The codes a values file holds, when they are not just the tree's indicators (a tree with formula or `sql`
 * indicators): `indicators`, the panel's codes, and `required`, those that must have a value.
 */
export interface ValueCodes {
  indicators: readonly string[];
  required: ReadonlySet<string>;
}

/**
 * Reads the values of `tree`'s indicators (or of `codes`) from a `.parquet` or `.sql` file into a panel. A query may
 * read files in `root` only (default: the query file's folder), its relative paths resolving against `root`, and runs
 * with `settings` (DuckDB's threads). Throws `InputError` for a query DuckDB refuses or that is not one `SELECT`, for
 * a values file or a file the query names (or builds a path to whose value is known before it runs: `builtFiles`) that
 * is a named pipe, a socket or a device (`refuseSpecialFiles`) or holds NUL bytes (`refuseNulBytes`, `E_BINARY`), for a
 * file DuckDB refuses that is GBK or UTF-16 text, no text, or no Parquet file (`queryFileError`, `parquetFileError`:
 * `E_ENCODING`, `E_BINARY`, `E_PARQUET`, saying what it is and what to do), and
 * `ValidationError` listing every problem of the values (wrong columns or types first, before any row is read); once the
 * rows were read, with their units and years as its `partial` (`ValuesRead`) when no row lacks its unit or its year.
 */
export async function readDuckdbValues(tree: Tree, path: string, label: string, root = dirname(path), codes?: ValueCodes, settings: QuerySettings = {}): Promise<DuckdbValues> {
  const session = await openSandbox(resolve(root), settings);
  const isQuery = extname(path).toLowerCase() === ".sql";
  // The files the query reads, named as in messages (`queryFileError`).
  let read: DuckdbFile[] = [];
  try {
    await refuseSpecialFiles(label, [path]);
    // Without the byte order mark a Windows editor puts first (Notepad's "UTF-8 with BOM"), which DuckDB's parser takes
    // for part of the text: the query could not be parsed to find its paths, and read its files from the current folder.
    const query = isQuery ? (await readFile(path, "utf8")).replace(/^\uFEFF/, "") : undefined;
    // The query as it runs, its relative paths made absolute; the manifest keeps the text as written.
    const resolved = query !== undefined ? await resolveQueryPaths(session, query, label) : undefined;
    // Listed (not opened) before the query runs, for a named pipe among them to be refused before DuckDB waits on it.
    const filesRead = resolved !== undefined ? await checkedFilesOf(session, resolved, label) : [];
    read = filesRead.map((file) => ({ path: file, name: shownPath(session.root, file) }));
    await refuseNulBytes(label, read);
    const relation = resolved !== undefined ? await queryRelation(session, resolved, label) : await parquetRelation(session, path, label);
    for (const file of [path, ...filesRead]) noteInputFile(file);
    const panel = await panelOf(session, tree, relation, label, { firstAppearance: !isQuery, codes: codes ?? { indicators: tree.indicators, required: new Set(tree.indicators) } });
    return { panel, query, filesRead };
  } catch (error) {
    // The result's columns or units refused for what a file the query reads is (UTF-16BE text, a NUL byte), said so.
    if (isQuery && error instanceof ValidationError) {
      const caused = await withQueryFileCauses(error.issues, label, read);
      if (caused) throw new ValidationError(caused, error.heading, error.partial, error.warnings);
    }
    const limited = timeLimitError(session, label, error, isQuery);
    // DuckDB's refusal of a file the query reads (GBK or UTF-16 text, a workbook), said as the tool says it.
    if (limited === error && isQuery) throw (await queryFileError(error, label, read)) ?? error;
    // A .parquet file DuckDB failed to read part of the way (a damaged page: "Payload value bigger than allowed"),
    // which was an internal error: DuckDB's own errors are "<Kind> Error: …".
    if (limited === error && !(error instanceof IndexToolError) && error instanceof Error && /^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* Error: /.test(error.message))
      throw new InputError("E_PARQUET", readerMessages.parquetDataUnreadable(label, error.message.split("\n")[0]), { source: label }, { cause: error });
    throw limited;
  } finally {
    session.close();
  }
}

/** A relation in the long layout: its SQL (a table or a subquery), and whether it has a `unit` column. */
interface Relation {
  sql: string;
  hasUnit: boolean;
  /** The unit column as written, when there is one (for messages). */
  unitColumn?: string;
  /** The measure column as written, when there is one. */
  measureColumn?: string;
  /** A column numbering the rows in file order, when there is one. */
  rowNumber?: string;
  /** The DuckDB type of the value column (`asDouble`). */
  valueType: string;
}

/** A column of a result: its name (as written) and DuckDB type. */
interface Column {
  name: string;
  type: string;
}

/** The columns of a prepared statement. */
function columnsOf(statement: { columnCount: number; columnName(i: number): string; columnType(i: number): { toString(): string } }): Column[] {
  return Array.from({ length: statement.columnCount }, (_, i) => ({ name: statement.columnName(i), type: statement.columnType(i).toString() }));
}

/**
 * Checks the columns of a query (before it runs) and runs it once into a temporary table. The query runs as written
 * (`CREATE … AS` before it, nothing after), so that what DuckDB reads as one statement (a `;` and a comment after
 * it) runs as it is.
 */
async function queryRelation(session: DuckdbSession, query: ResolvedQuery, label: string): Promise<Relation> {
  const statement = await prepareSelect(session, query.sql, label, query.replaced);
  const written = checkLongColumns(columnsOf(statement), label, { query: true });
  try {
    await session.connection.run(`CREATE TEMP TABLE query_values AS\n${query.sql}`);
  } catch (error) {
    throw sqlError(label, error, query.replaced);
  }
  return { sql: "query_values", hasUnit: written.unit !== undefined, unitColumn: written.unit, measureColumn: written.measure, valueType: written.valueType };
}

/**
 * The long layout's name of each column (`unit`, `year`, `indicator`, `value`, `source`, `measure`), as the CSV reader
 * knows them (`LONG_COLUMNS`: `评价对象`, `年份`, `指标代码`, `数值`, …; `isMeasureColumnName`: `计量单位`, `单位：`, …);
 * another column keeps its name, in lower case.
 */
function longName(name: string): string {
  const normalized = normalizeColumnName(name);
  const aliases: Record<string, readonly string[]> = LONG_COLUMNS;
  const known = Object.keys(aliases).find((key) => key === normalized || aliases[key].includes(normalized));
  return known ?? (isMeasureColumnName(name) ? "measure" : name.toLowerCase());
}

/**
 * The columns of a Parquet file, in the long layout or unpivoted from the wide one (`indicator`, a column a year), as
 * the CSV reader reads those layouts: the same column names (`LONG_COLUMNS`), the same year headers (`parseYear`:
 * `2018`, `2018年`, `2018年度`, `2018.0`), and codes and units written as whole numbers read as text.
 */
async function parquetRelation(session: DuckdbSession, path: string, label: string): Promise<Relation> {
  const file = `read_parquet(${sqlString(path)}, file_row_number = true)`;
  let statement;
  try {
    statement = await session.connection.prepare(`SELECT * FROM ${file}`);
  } catch (error) {
    // A file that is no Parquet file (a renamed workbook or CSV file, a copy cut short), said as what it looks like.
    const notParquet = await parquetFileError(error, label, path);
    if (notParquet) throw notParquet;
    throw new InputError("E_PARQUET", readerMessages.parquetUnreadable(label, String((error as Error).message).trim()), { source: label }, { cause: error });
  }
  const columns = columnsOf(statement).filter((column) => column.name !== "file_row_number");
  const named = columns.map((column) => ({ ...column, as: longName(column.name) }));
  const asText = (column: Column & { as: string }) => `${quoteIdentifier(column.name)}${TEXT_TYPES.has(baseType(column.type)) ? "" : "::VARCHAR"} AS ${column.as}`;
  if (named.some((column) => column.as === "value")) {
    const written = checkLongColumns(
      named.map((column) => ({ name: column.as, written: column.name, type: column.type })),
      label,
      { query: false },
    );
    const select = named.map((column) => (column.as === "unit" || column.as === "indicator" ? asText(column) : `${quoteIdentifier(column.name)} AS ${quoteIdentifier(column.as)}`));
    return {
      sql: `(SELECT ${select.join(", ")}, file_row_number FROM ${file})`,
      hasUnit: written.unit !== undefined,
      unitColumn: written.unit,
      measureColumn: written.measure,
      rowNumber: "file_row_number",
      valueType: written.valueType,
    };
  }
  const issues: Issue[] = [];
  const indicator = named.filter((column) => column.as === "indicator");
  const unit = named.filter((column) => column.as === "unit");
  const measure = named.filter((column) => column.as === "measure");
  const years = new Map<number, (Column & { as: string })[]>();
  for (const column of named) {
    if (column.as === "indicator" || column.as === "unit" || column.as === "measure") continue;
    const year = parseYear(column.name);
    if (year !== undefined) years.set(year, [...(years.get(year) ?? []), column]);
    else {
      // A column that looks like a year and is none (21年, 2021E), refused as the CSV reader refuses its header, never
      // left out with its values.
      const kind = yearLike(column.name);
      if (kind !== undefined) issues.push({ code: "E_BAD_YEAR", message: yearHeaderMessage(column.name, kind), source: label, column: column.name });
    }
  }
  if (indicator.length === 0 || years.size === 0)
    issues.push({ code: "E_PARQUET_LAYOUT", message: readerMessages.parquetLayout(label, columns.map((column) => column.name)), source: label });
  for (const [name, found] of [["indicator", indicator], ["unit", unit], ["measure", measure], ...[...years].map(([year, list]) => [String(year), list] as const)] as const)
    if (found.length > 1)
      issues.push({ code: "E_SQL_COLUMNS", message: readerMessages.sqlColumnRepeated(label, name, found.map((column) => column.name), false), source: label, column: name });
  for (const column of [...indicator, ...unit])
    if (!TEXT_TYPES.has(baseType(column.type)) && !INTEGER_TYPES.has(baseType(column.type)))
      issues.push({ code: "E_PARQUET_TYPE", message: readerMessages.sqlColumnType(label, column.as, column.type), source: label, column: column.name });
  for (const column of measure)
    if (!TEXT_TYPES.has(baseType(column.type)))
      issues.push({ code: "E_PARQUET_TYPE", message: readerMessages.sqlColumnType(label, "measure", column.type), source: label, column: column.name });
  for (const [, [column]] of years)
    if (!NUMBER_TYPES.has(baseType(column.type)))
      issues.push({ code: "E_PARQUET_TYPE", message: readerMessages.parquetYearType(label, column.name, column.type), source: label, column: column.name });
  if (issues.length > 0) throw new ValidationError(issues);
  const hasUnit = unit.length > 0;
  const hasMeasure = measure.length > 0;
  const yearNames = [...years.keys()].map((year) => quoteIdentifier(String(year)));
  const yearColumns = [...years].map(([year, [column]]) => `${asDouble(quoteIdentifier(column.name), column.type)} AS ${quoteIdentifier(String(year))}`);
  const measureSelect = hasMeasure ? `${quoteIdentifier(measure[0].name)} AS measure, ` : "";
  const wide = `(SELECT ${hasUnit ? `${asText(unit[0])}, ` : ""}${asText(indicator[0])}, ${measureSelect}file_row_number, ${yearColumns.join(", ")} FROM ${file})`;
  // Every cell, NULL ones included (UNPIVOT leaves them out by default): a year column left empty is a year of the
  // panel without values, as a CSV file's, not a year left out.
  return {
    sql: `(SELECT ${hasUnit ? "unit, " : ""}indicator, ${hasMeasure ? "measure, " : ""}file_row_number, year::INTEGER AS year, value FROM ${wide} UNPIVOT INCLUDE NULLS (value FOR year IN (${yearNames.join(", ")})))`,
    hasUnit,
    unitColumn: unit[0]?.name,
    measureColumn: measure[0]?.name,
    rowNumber: "file_row_number",
    valueType: "DOUBLE",
  };
}

/**
 * Checks the columns of the long layout (`name`: the layout's name; `written`, when another, the name in the file);
 * returns the optional `unit` and `measure` columns as written, when there are, and the value column's type. A column
 * given twice (in any case: `SELECT *, value + 1 AS value`) is refused, as an extra column is. A Parquet file (not
 * `query`) may hold its units and codes as whole numbers. A year may be any number (a DOUBLE or DECIMAL `2017.0`, as
 * a Parquet file has no query to cast it in, and the CSV reader reads `2017.0`): one that is not whole is no year.
 */
function checkLongColumns(
  columns: readonly { name: string; type: string; written?: string }[],
  label: string,
  { query }: { query: boolean },
): { unit?: string; measure?: string; valueType: string } {
  const issues: Issue[] = [];
  const names = columns.map((column) => column.name.toLowerCase());
  const codeTypes: ReadonlySet<string> = query ? TEXT_TYPES : new Set([...TEXT_TYPES, ...INTEGER_TYPES]);
  const expected: Record<string, { types: ReadonlySet<string>; required: boolean }> = {
    unit: { types: codeTypes, required: false },
    year: { types: NUMBER_TYPES, required: true },
    indicator: { types: codeTypes, required: true },
    value: { types: NUMBER_TYPES, required: true },
    source: { types: TEXT_TYPES, required: false },
    measure: { types: TEXT_TYPES, required: false },
  };
  for (const [name, rule] of Object.entries(expected)) {
    const found = columns.filter((_, i) => names[i] === name);
    if (found.length === 0) {
      if (rule.required) issues.push({ code: "E_SQL_COLUMNS", message: readerMessages.sqlColumnMissing(label, name, columns.map((column) => column.written ?? column.name)), source: label, column: name });
    } else if (found.length > 1)
      issues.push({ code: "E_SQL_COLUMNS", message: readerMessages.sqlColumnRepeated(label, name, found.map((column) => column.written ?? column.name), query), source: label, column: name });
    else if (!rule.types.has(baseType(found[0].type)))
      issues.push({ code: "E_SQL_TYPE", message: readerMessages.sqlColumnType(label, name, found[0].type), source: label, column: name });
  }
  for (const [i, name] of names.entries())
    if (!(name in expected)) issues.push({ code: "E_SQL_COLUMNS", message: readerMessages.sqlColumnUnexpected(label, columns[i].written ?? name), source: label, column: name });
  if (issues.length > 0) throw new ValidationError(issues);
  const written = (name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? undefined : (columns[i].written ?? columns[i].name);
  };
  return { unit: written("unit"), measure: written("measure"), valueType: columns[names.indexOf("value")].type };
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * `measureColumnConflict` for a values table read by DuckDB (`long_values`): the `E_MEASURE_COLUMN` issue of its measure
 * column (a `单位`) when two of its measures (not empty, compared as `normalizeMeasure`) are given for one indicator and
 * year on rows of two units or more (any rows, without a unit column), the first such indicator and year by name and
 * number; `undefined` otherwise. (Within a group of two units, two measures may be of one unit's duplicate rows: left
 * out of the finer check, which the CSV reader makes row by row.)
 */
async function measureConflict(session: DuckdbSession, relation: Relation, label: string): Promise<Issue | undefined> {
  const found = (await (
    await session.connection.runAndReadAll(
      `SELECT indicator, year, list(DISTINCT measure) FROM long_values WHERE indicator IS NOT NULL AND measure IS NOT NULL AND trim(measure) <> ''
       GROUP BY indicator, year HAVING count(DISTINCT measure) > 1${relation.hasUnit ? " AND count(DISTINCT unit) > 1" : ""} ORDER BY indicator, year LIMIT ${LISTED}`,
    )
  ).getRowsJS()) as [string, number | null, string[]][];
  for (const [indicator, year, measures] of found) {
    const distinct = [...new Map(measures.map((text) => [normalizeMeasure(text), text.trim()])).values()].sort();
    if (distinct.length < 2) continue;
    const message = messages.measureColumnConflict(relation.measureColumn!, [distinct[0], distinct[1]], indicator, year ?? undefined, undefined);
    return { code: "E_MEASURE_COLUMN", message, source: label, column: relation.measureColumn };
  }
  return undefined;
}

/**
 * Validates the long relation against the tree and fills the panel: every problem is collected (rows without a
 * year, an indicator or a unit; indicators not in the tree or that are groups; duplicate cells; indicators without
 * any value) before one `ValidationError`.
 *
 * One scan (`GROUPING SETS`) gives the counts, the indicators, units and years (and the distinct measures of each
 * indicator, when there is a measure column); a second reads each value's cell position and the value. Duplicate
 * cells are found on the way, as a cell met twice: only then does a query group the rows by cell to list them (so a
 * clean file is read twice, not grouped by its millions of cells).
 */
async function panelOf(session: DuckdbSession, tree: Tree, relation: Relation, label: string, { firstAppearance, codes }: { firstAppearance: boolean; codes: ValueCodes }): Promise<Panel> {
  const connection = session.connection;
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowsJS();
  // Units, codes and measures are trimmed of white space as a CSV cell is (`WHITE_SPACE`), through a table of each
  // column's distinct texts that have any (`<column>_names`, joined), made only when the summary finds one: DuckDB's
  // trim of every row would cost more than the rest of the reading.
  const trimming = new Set<"unit" | "indicator" | "measure">();
  const text = (column: "unit" | "indicator" | "measure") => (trimming.has(column) ? `coalesce(${column}_names.name, source.${column})` : `source.${column}`);
  // A year is a whole number from 1000 to 9999, as the CSV reader reads one (`parseYear`); any other (a date key
  // 20170101, an offset 0, epoch milliseconds too large for an INTEGER, 2017.5) is no year: `year` NULL, `written_year`
  // as given.
  const view = () =>
    `(SELECT ${relation.hasUnit ? text("unit") : "''"} AS unit, CASE WHEN source.year BETWEEN 1000 AND 9999 AND source.year = trunc(source.year) THEN source.year::INTEGER END AS year, source.year AS written_year, ${text("indicator")} AS indicator, ${asDouble("source.value", relation.valueType)} AS value${relation.rowNumber ? `, source.${relation.rowNumber} AS row_number` : ""}${relation.measureColumn !== undefined ? `, ${text("measure")} AS measure` : ""} FROM ${relation.sql} AS source${[...trimming].map((column) => ` LEFT JOIN ${column}_names ON source.${column} = ${column}_names.raw`).join("")})`;
  await connection.run(`CREATE TEMP VIEW long_values AS ${view()}`);
  const issues: Issue[] = [];
  const where = { source: label };
  // Grouping sets 3 (by indicator), 5 (by unit) and 6 (by year), in that order; units in order of their first row
  // (a Parquet file) or by name, indicators by name, years by number. With a measure column, set 11 (by indicator and
  // measure) last: the pairs in order of their first row, which in a query (whose rows have no order) is the first
  // by unit and year, as its units are sorted by name.
  const firstAppears = firstAppearance && relation.rowNumber !== undefined;
  const firstRow = firstAppears ? "min(row_number)::DOUBLE" : "NULL::DOUBLE";
  const measured = relation.measureColumn !== undefined;
  type SummaryRow = [number, string | null, string | null, number | null, number, number, number, boolean | null, number | null, number, number, (string | null)?];
  interface Summarized {
    rows: SummaryRow[];
    unitCount: number;
    unitsFit: boolean;
    untrimmedUnits: boolean;
    /** The distinct codes (NULL none), whether a panel of them, the units and the years is within the limit, and whether one has white space to trim. */
    indicatorCount: number;
    indicatorsFit: boolean;
    untrimmedIndicators: boolean;
    untrimmedMeasures: boolean;
    /** The distinct codes that are no leaf of the panel (unknown, or a group's). */
    unknownCount: number;
    /** Sums over every indicator: rows, rows without a year, a unit, an indicator, infinite values, years that are none. */
    sums: { total: number; nullYears: number; nullUnits: number; infinite: number; badYears: number; nullIndicators: number };
  }
  // The summary is kept in DuckDB (`summary`), and its units come into JavaScript (an array for each) only when the
  // panel they make is within the limit: a query whose millions of rows are each of another unit is refused from the
  // counts alone (`E_PANEL_SIZE`), where bringing its units over took gigabytes (8 million units, 5.7 GB). So are its
  // indicators (`indicatorsFit`): when its distinct codes would make a panel over the limit, only the rows of the tree's
  // codes, of rows without a code and of the first `LISTED` other codes (by name, those listed) come over.
  // The tree's codes, for that choice and for counting the codes that are no leaf (`leaf`: one of the panel's).
  await connection.run(`CREATE OR REPLACE TEMP TABLE tree_codes (code VARCHAR, leaf BOOLEAN)`);
  const leafCodes = new Set(codes.indicators);
  const treeCodes = [...new Set([...tree.byCode.keys(), ...codes.indicators])];
  for (let at = 0; at < treeCodes.length; at += 1000)
    await connection.run(`INSERT INTO tree_codes VALUES ${treeCodes.slice(at, at + 1000).map((code) => `(${sqlString(code)}, ${leafCodes.has(code)})`).join(", ")}`);
  const summarize = async (): Promise<Summarized> => {
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE summary AS SELECT ${measured ? "CASE WHEN grouping(measure) = 0 THEN 11 ELSE grouping(indicator, unit, year) END" : "grouping(indicator, unit, year)"}::INTEGER AS grouping_set,
         indicator, unit, year, count(*)::DOUBLE AS row_count,
         count(*) FILTER (written_year IS NULL)::DOUBLE AS without_year, count(*) FILTER (unit IS NULL)::DOUBLE AS without_unit,
         bool_or(value IS NOT NULL AND NOT isnan(value)) AS has_value, ${firstRow} AS first_row, count(*) FILTER (isinf(value) OR isnan(value))::DOUBLE AS infinite,
         count(*) FILTER (year IS NULL AND written_year IS NOT NULL)::DOUBLE AS bad_year${measured ? ", measure" : ""}${measured && !firstAppears ? ", min({'unit': unit, 'year': year}) AS first_cell" : ""}
       FROM long_values GROUP BY GROUPING SETS ((indicator), (unit), (year)${measured ? ", (indicator, measure)" : ""})`,
    );
    // The counts and sums over every indicator (grouping set 3), whichever of its rows come over.
    const [counted] = (await rows(
      `SELECT count(*) FILTER (grouping_set = 5 AND unit IS NOT NULL)::DOUBLE, count(*) FILTER (grouping_set = 6 AND year IS NOT NULL)::DOUBLE,
         coalesce(bool_or(grouping_set = 5 AND unit <> ${trimmed("unit")}), false),
         count(*) FILTER (grouping_set = 3 AND indicator IS NOT NULL)::DOUBLE, coalesce(bool_or(grouping_set = 3 AND indicator <> ${trimmed("indicator")}), false),
         ${measured ? `coalesce(bool_or(grouping_set = 11 AND measure <> ${trimmed("measure")}), false)` : "false"},
         count(*) FILTER (grouping_set = 3 AND indicator IS NOT NULL AND indicator NOT IN (SELECT code FROM tree_codes WHERE leaf))::DOUBLE,
         ${["row_count", "without_year", "without_unit", "infinite", "bad_year"].map((column) => `coalesce(sum(${column}) FILTER (grouping_set = 3), 0)::DOUBLE`).join(", ")},
         coalesce(sum(row_count) FILTER (grouping_set = 3 AND indicator IS NULL), 0)::DOUBLE
       FROM summary`,
    )) as [number, number, boolean, number, boolean, boolean, number, number, number, number, number, number, number][];
    const [unitCount, yearCount, untrimmedUnits, indicatorCount, untrimmedIndicators, untrimmedMeasures, unknownCount, total, nullYears, nullUnits, infinite, badYears, nullIndicators] =
      counted;
    const unitsFit = panelSizeIssue(unitCount, yearCount, codes.indicators.length) === undefined;
    const indicatorsFit = panelSizeIssue(unitCount, yearCount, indicatorCount) === undefined;
    const kept = [
      ...(unitsFit ? [] : ["grouping_set <> 5"]),
      ...(indicatorsFit
        ? []
        : [
            `(grouping_set NOT IN (3, 11) OR indicator IS NULL OR indicator IN (SELECT code FROM tree_codes) OR indicator IN (SELECT indicator FROM summary WHERE grouping_set = 3 AND indicator IS NOT NULL AND indicator NOT IN (SELECT code FROM tree_codes) ORDER BY indicator LIMIT ${LISTED}))`,
          ]),
    ];
    const summaryRows = (await rows(
      `SELECT * ${measured && !firstAppears ? "EXCLUDE (first_cell) " : ""}FROM summary${kept.length > 0 ? ` WHERE ${kept.join(" AND ")}` : ""}
       ORDER BY grouping_set, CASE WHEN grouping_set ${measured ? "IN (5, 11)" : "= 5"} THEN first_row END,
         ${measured && !firstAppears ? "CASE WHEN grouping_set = 11 THEN first_cell END, " : ""}indicator, unit, year${measured ? ", measure" : ""}`,
    )) as SummaryRow[];
    return {
      rows: summaryRows,
      unitCount,
      unitsFit,
      untrimmedUnits,
      indicatorCount,
      indicatorsFit,
      untrimmedIndicators,
      untrimmedMeasures,
      unknownCount,
      sums: { total, nullYears, nullUnits, infinite, badYears, nullIndicators },
    };
  };
  let summarized = await summarize();
  // The columns with a text to trim (`常州 `, ` X `): their tables of trimmed names, and the summary again.
  if (summarized.untrimmedIndicators) trimming.add("indicator");
  if (summarized.untrimmedUnits) trimming.add("unit");
  if (summarized.untrimmedMeasures) trimming.add("measure");
  if (trimming.size > 0) {
    for (const column of trimming)
      await connection.run(
        `CREATE TEMP TABLE ${column}_names AS SELECT raw, ${trimmed("raw")} AS name FROM (SELECT DISTINCT ${column} AS raw FROM ${relation.sql}) WHERE raw <> ${trimmed("raw")}`,
      );
    await connection.run(`CREATE OR REPLACE TEMP VIEW long_values AS ${view()}`);
    summarized = await summarize();
  }
  const summary = summarized.rows;
  const byIndicator = summary.filter((row) => row[0] === 3);
  const { total, nullYears, nullUnits, nullIndicators, infinite, badYears } = summarized.sums;
  if (total === 0) throw new ValidationError([{ code: "E_NO_DATA", message: messages.noData(), ...where }]);
  // An infinite value (a DOUBLE column holding inf or -inf, as a division by zero upstream leaves it) is no number to
  // index: refused here, naming its cells, not later as a score "too large to hold in a number". So is NaN (0/0, a
  // ratio of two sums of zero), not taken for a gap that a missing-value policy would then fill: NULL is a gap.
  if (infinite > 0) {
    const cells = (await rows(`SELECT unit, year, indicator, value FROM long_values WHERE isinf(value) OR isnan(value) ORDER BY indicator, unit, year LIMIT ${LISTED}`)) as [string, number, string, number][];
    for (const [unitName, year, code, value] of cells) {
      const message = Number.isNaN(value) ? dataMessages.notANumberValue(label, unitName, year, code) : dataMessages.infiniteValue(label, unitName, year, code, value);
      issues.push({ code: "E_BAD_NUMBER", message, ...where, column: "value", id: code });
    }
    if (infinite > LISTED) issues.push({ code: "E_BAD_NUMBER", message: readerMessages.moreInfiniteValues(label, infinite - LISTED), ...where, column: "value" });
  }
  if (badYears > 0) {
    const found = (await rows(
      `SELECT written_year::VARCHAR, count(*)::DOUBLE, count(*) OVER ()::DOUBLE FROM long_values WHERE year IS NULL AND written_year IS NOT NULL GROUP BY written_year ORDER BY written_year LIMIT ${LISTED}`,
    )) as [string, number, number][];
    for (const [year, count] of found) issues.push({ code: "E_BAD_YEAR", message: readerMessages.sqlBadYear(label, year, count), ...where, column: "year" });
    const distinct = found[0]?.[2] ?? 0;
    if (distinct > LISTED) issues.push({ code: "E_BAD_YEAR", message: readerMessages.moreBadYears(label, distinct - LISTED), ...where, column: "year" });
  }
  for (const [count, column] of [[nullYears, "year"], [nullIndicators, "indicator"], [nullUnits, "unit"]] as const)
    if (count > 0) issues.push({ code: "E_SQL_NULL", message: readerMessages.sqlNullRows(label, count, column), ...where, column });
  const leaves = new Set(codes.indicators);
  const unknown = byIndicator.flatMap(([, code]) => (code !== null && !leaves.has(code) ? [code] : []));
  // The codes with a value: a near code's leaf without any is likely the indicator renamed (`unknownIndicatorMessages`).
  const unknownMessage = unknownIndicatorMessages(tree, () => new Set(byIndicator.flatMap(([, code, , , , , , hasValue]) => (code !== null && hasValue ? [code] : []))));
  for (const code of unknown.slice(0, LISTED)) {
    const isGroup = tree.byCode.has(code);
    issues.push({ code: isGroup ? "E_VALUE_FOR_GROUP" : "E_UNKNOWN_INDICATOR", message: isGroup ? messages.valueForGroup(code) : unknownMessage(code), ...where, column: "indicator", id: code });
  }
  // (Counted in DuckDB: with more codes than a panel may hold, only the first of them came over.)
  if (summarized.unknownCount > LISTED) issues.push({ code: "E_UNKNOWN_INDICATOR", message: readerMessages.moreUnknownIndicators(label, summarized.unknownCount - LISTED), ...where });
  // The measures written beside the values, against the tree's and across the rows of each indicator.
  if (relation.measureColumn !== undefined) {
    const pairs = summary.flatMap((row) => (row[0] === 11 && row[1] !== null && row[11] != null ? [{ indicator: row[1], measure: row[11] }] : []));
    // A `单位` column whose cells differ within one indicator and year, across units: no measure, refused.
    const conflict = isAmbiguousMeasureColumn(relation.measureColumn) ? await measureConflict(session, relation, label) : undefined;
    issues.push(...(conflict ? [conflict] : measurePairIssues(pairs, tree, { source: label, column: relation.measureColumn })));
  }
  const observed = new Set(byIndicator.flatMap(([, code, , , , , , hasValue]) => (code !== null && hasValue ? [code] : [])));
  const withoutValues: Issue[] = [];
  for (const code of tree.indicators)
    if (codes.required.has(code) && !observed.has(code)) {
      const node = tree.byCode.get(code)!;
      withoutValues.push({ code: "E_NO_VALUES", message: messages.indicatorWithoutValues(code), source: tree.source, line: node.line, id: code });
    }
  // A panel over the limit (which also keeps the cells' INTEGER positions below 2^31) is named before it is made,
  // with the other problems (rows without a unit or a year, refused above, are no unit or year of it).
  // (Too many of them to make a panel of, the units were left in DuckDB, counted: `summarize`.)
  const units = summary.filter((row) => row[0] === 5 && row[2] !== null).map((row) => String(row[2]));
  // A NUL character in a unit's name (`chr(0)`, a Parquet string) would end the SQL the positions are made with (the
  // ENUM below) where it stands: refused, named.
  const nulUnits = units.filter((unit) => unit.includes("\u0000"));
  if (nulUnits.length > 0) issues.push({ code: "E_BINARY", message: readerMessages.sqlNulInUnit(label, nulUnits.length, nulUnits[0].replaceAll("\u0000", "␀")), ...where, column: "unit" });
  // A unit column that holds units of measurement (万元, 件): meant as the measure, not as the units the index ranks.
  const measuresAsUnits = relation.unitColumn !== undefined && summarized.unitsFit ? unitsOfMeasures(units, relation.unitColumn, label, treeMeasures(tree)) : undefined;
  if (measuresAsUnits) issues.unshift(measuresAsUnits);
  const years = summary.filter((row) => row[0] === 6 && row[3] !== null).map((row) => Number(row[3]));
  // Codes too many for a panel of the values' units and years are refused from their count, the larger panel named.
  const tooLarge = panelSizeIssue(summarized.unitCount, years.length, summarized.indicatorsFit ? codes.indicators.length : summarized.indicatorCount, label);
  if (tooLarge) issues.push(tooLarge);
  // The values' units and years, when every row has its unit and its year (none left out), for the checks of options
  // that need no tree when the tree was refused (`ValuesRead`, as `loadInputs` gives it for a CSV file).
  const valuesRead = nullYears === 0 && nullUnits === 0 && badYears === 0 && summarized.unitsFit ? { units, years } : undefined;
  // With other problems the duplicates are listed now, so that one error names them all.
  if (issues.length > 0 || withoutValues.length > 0) throw new ValidationError([...issues, ...(await duplicateIssues(session, label)), ...withoutValues], undefined, valuesRead);

  // The values' file, for the messages about a cell (a gap no policy fills: `placeOfCell`), which has no line here.
  const panel: Panel = { ...createPanel(units, years, codes.indicators, label), source: label };
  const unitCount = units.length;
  const yearCount = years.length;
  // Positions through ENUM types: a cast is a hash look-up inside DuckDB, so no string crosses into JavaScript.
  await connection.run(`CREATE TYPE unit_position AS ENUM (${units.map(sqlString).join(", ") || "''"})`);
  await connection.run(`CREATE TYPE indicator_position AS ENUM (${codes.indicators.map(sqlString).join(", ")})`);
  const yearList = `[${years.join(", ")}]`;
  // Their order does not matter: each names its cell. A NULL states nothing: it is no duplicate of a cell's value
  // (`repeatOutcome`, as the CSV reader has it), nor replaces one. Materialised in DuckDB, not streamed
  // (`positionValueChunks`): a Parquet file that fails part of the way is DuckDB's error, not values missing.
  const cells = `SELECT ((enum_code(indicator::indicator_position)::BIGINT * ${unitCount} + enum_code(unit::unit_position)) * ${yearCount} + list_position(${yearList}, year) - 1)::INTEGER AS cell, value FROM long_values WHERE value IS NOT NULL`;
  const values = panel.values;
  // Cells met so far: a cell met twice is a duplicate.
  const seen = new Uint8Array(values.length);
  let duplicated = false;
  for await (const { count, positions, values: numbers, valueNulls } of positionValueChunks(connection, cells)) {
    for (let i = 0; i < count; i++) {
      const cell = positions[i];
      if (seen[cell] === 1) duplicated = true;
      seen[cell] = 1;
      values[cell] = isNull(valueNulls, i) ? Number.NaN : numbers[i];
    }
    if (duplicated) break;
  }
  if (duplicated) throw new ValidationError(await duplicateIssues(session, label), undefined, valuesRead);
  return panel;
}

/** The cells (unit, year, indicator) of `long_values` with several values (NULL is none), the first `LISTED` named. */
async function duplicateIssues(session: DuckdbSession, label: string): Promise<Issue[]> {
  const duplicates = (
    await session.connection.runAndReadAll(
      `SELECT unit, year, indicator, count(*)::DOUBLE FROM long_values WHERE value IS NOT NULL AND year IS NOT NULL AND indicator IS NOT NULL AND unit IS NOT NULL GROUP BY ALL HAVING count(*) > 1 ORDER BY unit, year, indicator LIMIT ${LISTED + 1}`,
    )
  ).getRowsJS();
  const where = { source: label };
  const issues: Issue[] = duplicates.slice(0, LISTED).map(([unitName, year, code, count]) => ({
    code: "E_DUPLICATE_VALUE",
    message: readerMessages.duplicateRows(label, String(unitName), Number(year), String(code), Number(count)),
    ...where,
    id: String(code),
  }));
  if (duplicates.length > LISTED) issues.push({ code: "E_DUPLICATE_VALUE", message: readerMessages.moreDuplicateRows(label), ...where });
  return issues;
}

/**
 * The files the query in `path` reads (see `checkedFilesOf`: those it names, and those of the paths it builds whose
 * value is known before it runs), listed before it runs: a project run hashes them into its fingerprint, so that new
 * microdata under an unchanged query is a change. `unnamed`, when given, receives the calls of the query that may
 * read files it does not name (`unnamedFileReads` of `duckdb.ts`: a path the query builds from a column or a subquery,
 * `query('…')` of a text DuckDB cannot parse), whose changes no fingerprint can see; the files a `query('…')` literal's
 * text names or builds are among those listed. `globs`, when given, receives the globs it reads by (`QueryGlob`), so
 * that a project run can refuse a runs folder they reach. The query is parsed once for all.
 * @throws `InputError` `E_SQL_SPECIAL_FILE` naming `label` (default: `path` relative to `root`) when the query file or
 *   a file it names is a named pipe, a socket or a device, which hashing would wait on as DuckDB would (or a file of a
 *   path it builds, known before it runs: `builtFiles`, which DuckDB would wait on);
 *   `E_SQL_QUERY_TEXT` when it gives `query`/`query_table` a text it builds (`resolveQueryPaths`)
 */
export async function readQueryFiles(
  path: string,
  root = dirname(path),
  unnamed?: UnnamedQueryReads[],
  label = shownPath(resolve(root), resolve(path)),
  globs?: QueryGlob[],
): Promise<string[]> {
  await refuseSpecialFiles(label, [path]);
  const session = await openSandbox(resolve(root));
  try {
    // Without a byte order mark, as `readDuckdbValues` reads it (DuckDB's parser takes one for part of the text).
    const parsed = await parseQuery(session, (await readFile(path, "utf8")).replace(/^\uFEFF/, ""));
    const resolved = await resolveQueryPaths(session, parsed, label);
    // The files of the paths it builds, where known before it runs, are among them.
    const unknown: string[] = [];
    const patterns: string[] = [];
    const files = await checkedFilesOf(session, resolved, label, unknown, patterns);
    for (const pattern of new Set(patterns)) globs?.push({ pattern });
    if (unnamed) {
      const calls = await unnamedFileReads(session, parsed, { arguments: resolved.built, unknown });
      if (calls.length > 0) unnamed.push({ calls });
    }
    return files;
  } finally {
    session.close();
  }
}

/**
 * A query that may read files it does not name (`readQueryFiles`, `readIndicatorQueryFiles`): the functions it calls
 * so (`read_csv`, `query`), and for a query of the tree's `sql` column its indicator and the tree's line.
 */
export interface UnnamedQueryReads {
  calls: string[];
  code?: string;
  line?: number;
}

/**
 * A glob a query reads by (`readQueryFiles`, `readIndicatorQueryFiles`), absolute (`data/*.csv` against the folder
 * the query reads): files written later where it matches are read by the next run. For a query of the tree's `sql`
 * column, its indicator and the tree's line.
 */
export interface QueryGlob {
  pattern: string;
  code?: string;
  line?: number;
}

/**
 * The files the queries of `tree`'s `sql` column read (see `readQueryFiles`), listed before they run: a project run
 * hashes them into its fingerprint as it does a `.sql` values file's. `unnamed`, when given, receives each query that
 * may read files it does not name (see `readQueryFiles`). Each query is parsed once for both.
 * @throws `InputError` `E_SQL_SPECIAL_FILE` naming the tree's line when a file a query names (or builds a path to,
 *   known before it runs: `builtFiles`) is a named pipe, a socket or a device
 */
export async function readIndicatorQueryFiles(tree: Tree, root: string, unnamed?: UnnamedQueryReads[], globs?: QueryGlob[]): Promise<string[]> {
  if (queryIndicators(tree).length === 0) return [];
  const session = await openSandbox(resolve(root));
  try {
    const files = new Set<string>();
    for (const { code, sql, line } of queryIndicators(tree)) {
      const parsed = await parseQuery(session, sql);
      const label = indicatorLabel(tree, code, line);
      const resolved = await resolveQueryPaths(session, parsed, label);
      const unknown: string[] = [];
      const patterns: string[] = [];
      for (const file of await checkedFilesOf(session, resolved, label, unknown, patterns)) files.add(file);
      for (const pattern of new Set(patterns)) globs?.push({ pattern, code, line });
      if (unnamed) {
        const calls = await unnamedFileReads(session, parsed, { arguments: resolved.built, unknown });
        if (calls.length > 0) unnamed.push({ calls, code, line });
      }
    }
    return [...files].sort();
  } finally {
    session.close();
  }
}

/** The label of the query of `tree`'s indicator `code`, at `line`: the tree's file and line, the indicator, its `sql` column. */
function indicatorLabel(tree: Tree, code: string, line: number | undefined): string {
  return readerMessages.indicatorQuery(`${tree.source ?? "tree"}${line ? `:${line}` : ""}`, code);
}

/** `file` relative to `root` with `/` between folders when it is inside it (as a project's files are named), else as it is. */
function shownPath(root: string, file: string): string {
  const inside = relative(root, file);
  return inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? file : inside.split(sep).join("/");
}

/**
 * The files `resolved` reads, listed before it runs: those it names (`filesNamedBy`) and the regular files of the paths
 * it builds whose value is known before it runs (`builtFiles`), which a project run hashes as it does named ones; once
 * none of them is a named pipe, a socket or a device (`refuseSpecialFiles`, naming `label`): DuckDB would wait on such
 * a file without end. `unknown`, when given, receives the calls of the paths it builds whose value is not known before
 * it runs (`builtFiles`), for `unnamedFileReads`. `globs`, when given, receives the absolute globs the query reads by
 * (those it names and those it builds), which may match files written after they were listed.
 */
async function checkedFilesOf(session: SandboxSession, resolved: ResolvedQuery, label: string, unknown?: string[], globs?: string[]): Promise<string[]> {
  const files = await filesNamedBy(session, resolved.sql, globs);
  await refuseSpecialFiles(label, files, session.root);
  const built = await builtFiles(session, resolved);
  await refuseSpecialFiles(label, built.paths, session.root);
  unknown?.push(...built.unknown);
  globs?.push(...built.globs);
  // A built path of no file, or of a folder, reads none: DuckDB says so when the query runs.
  const regular: string[] = [];
  for (const path of built.paths) if ((await stat(path).catch(() => undefined))?.isFile()) regular.push(path);
  return [...new Set([...files, ...regular])].sort();
}

/**
 * Refuses, before DuckDB opens any of them, each of `files` that is a named pipe, a socket or a device (links
 * followed): opening one, DuckDB may wait without end (a pipe no one writes to), in a call the time limit cannot
 * interrupt. `root`: the files are those the query of `label` names, inside the folder it reads (named relative to
 * it); without it, `files` is the values file `label` itself. A file that cannot be looked at is left to DuckDB.
 * @throws `InputError` `E_SQL_SPECIAL_FILE` naming `label`, the file and what it is
 */
async function refuseSpecialFiles(label: string, files: readonly string[], root?: string): Promise<void> {
  for (const file of files) {
    const kind = specialKind(await stat(file).catch(() => undefined));
    if (kind === undefined) continue;
    throw new InputError("E_SQL_SPECIAL_FILE", readerMessages.specialFile(label, kind, root === undefined ? undefined : shownPath(root, resolve(file))), { source: label });
  }
}

/**
 * The files a query names: each text of the query that may be a path (its string literals in any quoting, and tables
 * named as files, as DuckDB's parser reads them; its relative paths made absolute by `resolveQueryPaths`) that DuckDB's
 * `glob` expands to files (inside the sandbox folder, the only place it can read). Texts that are not paths expand to
 * nothing. A query DuckDB cannot parse falls back on its `'…'` literals. `globs`, when given, receives each absolute
 * text that DuckDB reads as a glob (a relative one was made absolute by `resolveQueryPaths` where it is a file argument),
 * and, of a query the parser cannot read, each relative literal glob too, made absolute against the sandbox's folder.
 */
async function filesNamedBy(session: SandboxSession, query: string, globs?: string[]): Promise<string[]> {
  const files = new Set<string>();
  const parsed = await queryTexts(session, query);
  const texts = parsed ?? [...query.matchAll(/'((?:[^']|'')*)'/g)].map((match) => match[1].replace(/''/g, "'"));
  for (const literal of texts) {
    if (!/[./\\*]/.test(literal)) continue;
    // A query the parser cannot read has its literals as written: a relative glob among them is read against the
    // sandbox's folder, as DuckDB reads it (file_search_path), and counts as a glob the query may read by.
    if (GLOB_CHARACTERS.test(literal) && (isAbsolute(literal) || parsed === undefined)) globs?.push(resolve(session.root, literal));
    // A relative literal left (a text that is no file argument, such as a source's name) expands only when the current
    // folder is inside the sandbox's, to files relative to it; a text the sandbox cannot expand is no file the query read.
    for (const file of await globFiles(session, literal)) files.add(resolve(file));
  }
  return [...files].sort();
}

/**
 * The values of the indicators defined in the tree's `sql` column: each query returns `unit, year, value` (`unit`
 * optional) for its indicator, typically an aggregate over a microdata table, `GROUP BY unit, year`. Every query runs
 * in one sandbox (files inside `root` only, reads only, with `settings`); every problem of every query is collected,
 * each naming the tree file, the indicator's line and the `sql` column: its columns (missing, repeated, extra, of
 * the wrong type), its rows beyond `rowLimit` (`E_QUERY_ROWS`, counted in DuckDB, none read; default
 * `indicatorRowLimit`), and its rows, checked as a values file's are (a year that is none, an infinite value, a
 * unit-year given twice, a unit's name holding a NUL character).
 */
export async function readIndicatorQueries(tree: Tree, root: string, settings: QuerySettings = {}, rowLimit = indicatorRowLimit(tree)): Promise<ValueRecord[]> {
  const session = await openSandbox(resolve(root), settings);
  const records: ValueRecord[] = [];
  const issues: Issue[] = [];
  // The files the queries name, listed before each runs (a named pipe among them refused then), noted as read.
  const named = new Set<string>();
  try {
    for (const { code, sql, line } of queryIndicators(tree)) {
      const label = indicatorLabel(tree, code, line);
      const where = { source: tree.source, line, column: "sql", id: code };
      // The files this query reads, named as in messages (`queryFileError`).
      let read: DuckdbFile[] = [];
      try {
        const resolved = await resolveQueryPaths(session, sql, label);
        const files = await checkedFilesOf(session, resolved, label);
        for (const file of files) named.add(file);
        read = files.map((file) => ({ path: file, name: shownPath(session.root, file) }));
        await refuseNulBytes(label, read);
        const statement = await prepareSelect(session, resolved.sql, label, resolved.replaced);
        const written = columnsOf(statement);
        const columns = written.map((column) => ({ ...column, name: column.name.toLowerCase() }));
        const problems: string[] = [];
        for (const name of new Set(columns.map((column) => column.name))) {
          const found = written.filter((_, i) => columns[i].name === name);
          if (found.length > 1) problems.push(readerMessages.sqlColumnRepeated(label, name, found.map((column) => column.name), true));
        }
        const year = columns.find((column) => column.name === "year");
        const value = columns.find((column) => column.name === "value");
        const unit = columns.find((column) => column.name === "unit");
        if (!year || !NUMBER_TYPES.has(baseType(year.type))) problems.push(readerMessages.indicatorYearColumn(label, year?.type));
        if (!value || !NUMBER_TYPES.has(baseType(value.type))) problems.push(readerMessages.indicatorValueColumn(label, value?.type));
        if (unit && !TEXT_TYPES.has(baseType(unit.type))) problems.push(readerMessages.indicatorUnitColumn(label, unit.type));
        for (const column of columns)
          if (!["unit", "year", "value"].includes(column.name)) problems.push(readerMessages.indicatorColumnUnexpected(label, column.name));
        if (problems.length > 0) {
          const refused: Issue[] = problems.map((problem) => ({ code: "E_SQL_COLUMNS", message: problem, ...where }));
          // Columns refused for what a file the query reads is (UTF-16BE text read as UTF-16LE), said first.
          issues.push(...((await withQueryFileCauses(refused, label, read, where)) ?? refused));
          continue;
        }
        let rows;
        try {
          // Gathered in a table of DuckDB's, one row past the limit at most (DuckDB stops the query there), and counted
          // there: not streamed, as a stream that fails part of the way ends as one that is done (@duckdb/node-api takes
          // a failed fetch for the end of the rows), which left out the rows after a line DuckDB refused (a NUL byte in
          // the middle of a large CSV file) without a word. A query of more rows than the limit is refused, before
          // JavaScript makes an object for each.
          await session.connection.run(`CREATE OR REPLACE TEMP TABLE indicator_rows AS SELECT * FROM (\n${statementText(resolved.sql)}\n) LIMIT ${rowLimit + 1}`);
          const [[count]] = (await session.connection.runAndReadAll("SELECT count(*)::DOUBLE FROM indicator_rows")).getRowsJS();
          if (Number(count) > rowLimit) {
            await session.connection.run("DROP TABLE indicator_rows");
            issues.push({ code: "E_QUERY_ROWS", message: limitMessages.indicatorQueryRows(label, rowLimit, tree.indicators.length, PANEL_CELL_LIMIT), ...where });
            continue;
          }
          const reader = await session.connection.runAndReadAll("SELECT * FROM indicator_rows");
          await session.connection.run("DROP TABLE indicator_rows");
          rows = reader.getRowObjectsJS();
          // A DECIMAL of more than 15 digits as the Number of its exact text (see `asDouble`), not DuckDB's rounded double.
          if (value && castRounds(value.type)) {
            const texts = reader.getRowObjectsJson();
            for (const [i, row] of rows.entries()) if (row.value !== null) row.value = Number(texts[i].value);
          }
        } catch (error) {
          throw sqlError(label, error, resolved.replaced);
        }
        const found = queryRecords(rows, code, unit !== undefined, label, tree.source);
        const refused: Issue[] = found.issues.map((issue) => ({ ...where, ...issue }));
        // A unit's NUL character said as the NUL byte of a file the query reads, when one holds it.
        issues.push(...((await withQueryFileCauses(refused, label, read, where)) ?? refused));
        // One by one: a query of a million rows spread into push's arguments overflowed the stack.
        if (found.issues.length === 0) append(records, found.records);
      } catch (caught) {
        const limited = timeLimitError(session, label, caught, "indicator");
        const error = limited === caught ? ((await queryFileError(caught, label, read)) ?? caught) : limited;
        issues.push({ ...where, code: (error as InputError).code ?? "E_SQL", message: (error as Error).message });
        // The limit is for all the queries together: those after it are not run.
        if (session.timedOut()) break;
      }
    }
    for (const file of named) noteInputFile(file);
  } finally {
    session.close();
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return records;
}

/**
 * The most rows the query of one of `tree`'s indicators may return: one a unit and year, in a panel of at most
 * `PANEL_CELL_LIMIT` cells shared by the tree's indicators. More rows repeat a unit and year, or make a panel over the
 * limit: the query is refused at once (`E_QUERY_ROWS`), before its rows are read.
 */
function indicatorRowLimit(tree: Tree): number {
  return Math.floor(PANEL_CELL_LIMIT / Math.max(1, tree.indicators.length));
}

/**
 * The records of an indicator's query (`rows` of `unit`, `year`, `value`), checked as a values file's rows are: a row
 * without a year or a unit, a year that is no four-digit year (`parseYear`'s rule: 1000 to 9999; 2017.5 is none), an
 * infinite value or NaN (NULL is a gap), a unit and year given twice, a unit's name holding a NUL character (`E_BINARY`,
 * as a values query's: `panelOf`). Units are trimmed as a CSV cell is. The issues
 * carry a message naming `label` (the tree's line and `sql` column), at most `LISTED` of a kind.
 */
function queryRecords(rows: readonly Record<string, unknown>[], code: string, hasUnit: boolean, label: string, file?: string): { records: ValueRecord[]; issues: Pick<Issue, "code" | "message">[] } {
  const records: ValueRecord[] = [];
  const issues: Pick<Issue, "code" | "message">[] = [];
  const badYears = new Map<string, number>();
  const infinite: ValueRecord[] = [];
  const cells = new Map<string, { unit: string; year: number; count: number }>();
  for (const row of rows) {
    if (row.year === null || (hasUnit && row.unit === null)) {
      issues.push({ code: "E_SQL_NULL", message: readerMessages.indicatorNullRow(label, row.year === null ? "year" : "unit") });
      break;
    }
    // The CSV reader's rule for a year (`parseYear`), on the query's whole number as written.
    const year = parseYear(String(row.year));
    if (year === undefined) {
      badYears.set(String(row.year), (badYears.get(String(row.year)) ?? 0) + 1);
      continue;
    }
    const unit = hasUnit ? String(row.unit).trim() : "";
    const value = row.value === null ? Number.NaN : Number(row.value);
    const record = { unit, year, indicator: code, value, file };
    if (value === Infinity || value === -Infinity || (row.value !== null && Number.isNaN(value))) infinite.push(record);
    const key = `${unit}\u0000${year}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { unit, year, count: 1 });
    records.push(record);
  }
  // A NUL character in a unit's name (a NUL byte in the middle of a file the query reads, `chr(0)`), which would pass
  // into the outputs: refused, the first by name, as a values query's units are (`panelOf`).
  const nulUnits = [...new Set(records.filter((record) => record.unit.includes("\u0000")).map((record) => record.unit))].sort();
  if (nulUnits.length > 0) issues.push({ code: "E_BINARY", message: readerMessages.sqlNulInUnit(label, nulUnits.length, nulUnits[0].replaceAll("\u0000", "␀")) });
  // Whole numbers by their exact value (beyond 2^53 too); any other (2017.5, NaN) by its Number, then its text.
  const whole = (text: string) => /^-?\d+$/.test(text);
  const byNumber = ([a]: [string, number], [b]: [string, number]) =>
    whole(a) && whole(b) ? (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0) : Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
  const sortedYears = [...badYears].sort(byNumber);
  for (const [year, count] of sortedYears.slice(0, LISTED)) issues.push({ code: "E_BAD_YEAR", message: readerMessages.sqlBadYear(label, year, count) });
  if (sortedYears.length > LISTED) issues.push({ code: "E_BAD_YEAR", message: readerMessages.moreBadYears(label, sortedYears.length - LISTED) });
  // By unit and year, whatever the order of the query's rows.
  const byCell = (a: { unit: string; year: number }, b: { unit: string; year: number }) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.year - b.year);
  infinite.sort(byCell);
  for (const record of infinite.slice(0, LISTED))
    issues.push({
      code: "E_BAD_NUMBER",
      message: Number.isNaN(record.value) ? dataMessages.notANumberValue(label, record.unit, record.year, code) : dataMessages.infiniteValue(label, record.unit, record.year, code, record.value),
    });
  if (infinite.length > LISTED) issues.push({ code: "E_BAD_NUMBER", message: readerMessages.moreInfiniteValues(label, infinite.length - LISTED) });
  const duplicates = [...cells.values()].filter((cell) => cell.count > 1).sort(byCell);
  for (const cell of duplicates.slice(0, LISTED)) issues.push({ code: "E_DUPLICATE_VALUE", message: readerMessages.duplicateRows(label, cell.unit, cell.year, code, cell.count) });
  if (duplicates.length > LISTED) issues.push({ code: "E_DUPLICATE_VALUE", message: readerMessages.moreDuplicateRows(label) });
  return { records, issues };
}
