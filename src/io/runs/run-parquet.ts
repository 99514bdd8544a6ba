/**
 * The results of a run written with `--parquet-only`, read back from the Parquet files its `index.json` names in
 * `resultsIn` (`index.parquet`: the overall index and the groups; `scores.parquet`: the indicators' scores; both long,
 * `unit, year, code, name, level, value`, a NULL value a missing one).
 *
 * DuckDB (loaded only here, when such a run is read) reads the files; only each value's position and the value come
 * back, column by column: the unit and the code are mapped to their positions in `index.json`'s lists inside DuckDB
 * (ENUM casts, a hash look-up), so no string crosses into JavaScript per value. The values land in one dense array laid
 * out as `index.json`'s `results` list them (unit, then year, then node in the order of `nodes`), from which the
 * readers of run folders fill the same structures as from the JSON (`fillRunTable`, `runValuesOf`).
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import { PANEL_CELL_LIMIT } from "../../core/panel.js";
import type { RunValue } from "../../core/revision.js";
import { runMessages } from "../../core/run-messages.js";
import type { RunValueTable } from "../../core/revision-table.js";
import { InputError } from "../../errors.js";
import { baseType, INTEGER_TYPES, isNull, NUMBER_TYPES, openDuckdb, positionValueChunks, sqlString, TEXT_TYPES, type DuckdbSession } from "../read/duckdb.js";

/** What a `--parquet-only` run's `index.json` says about its results. */
export interface ParquetResults {
  /** The files of `resultsIn`: plain file names in the run folder. */
  files: readonly string[];
  units: readonly string[];
  years: readonly number[];
  /** The codes of `nodes`, in their order (the order of each entry's values in a `results` list). */
  codes: readonly string[];
}

/**
 * The values of the Parquet files of a run, `values[(unit · years + year) · codes + node]` (positions in `results`'
 * lists), `NaN` where a file holds no value or NULL; `-0` is read as `0`, as `index.json` writes it.
 *
 * The array (and a byte a value to find values given twice) is made only once the size the lists of `index.json`
 * declare is known to be sound, as a hand-edited `index.json` of a few kilobytes could declare billions of values: up
 * to `PANEL_CELL_LIMIT` values (the most cells a panel may hold) at once, and beyond it only as many as the files have
 * rows (compute writes a row for every unit, year and node, a missing value as NULL), counted from their metadata.
 * @throws `InputError` `E_RUN_FILE` naming the file (`label/<file>`): missing, not readable as Parquet, without the
 * columns compute writes, a row whose unit, year or code `index.json` does not list, or a value given twice; or
 * naming `label/index.json` when its lists make more values than that.
 */
export async function readParquetResults(folder: string, label: string, results: ParquetResults): Promise<Float64Array> {
  const { files, units, years, codes } = results;
  const size = units.length * years.length * codes.length;
  // The files first: a missing one is named before DuckDB loads.
  for (const file of files) {
    const found = await stat(join(folder, file)).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!found) throw runFileError(`${label}/${file}`, outputMessages.resultsFileMissing(`${label}/${file}`));
  }
  const source = `${label}/index.json`;
  if (size >= 2 ** 31) throw runFileError(source, runMessages.tooManyRunValues(label, size));
  const tooMany = (rows: number) => runFileError(source, outputMessages.resultsTooManyValues(source, units.length, years.length, codes.length, rows, PANEL_CELL_LIMIT));
  if (files.length === 0) {
    if (size > PANEL_CELL_LIMIT) throw tooMany(0);
    return new Float64Array(size).fill(Number.NaN);
  }
  const session = await openDuckdb();
  try {
    if (size > PANEL_CELL_LIMIT) {
      const rows = await countRows(session, folder, label, files);
      if (size > rows) throw tooMany(rows);
    }
    const values = new Float64Array(size).fill(Number.NaN);
    // Positions through ENUM types: a cast is a hash look-up inside DuckDB.
    await session.connection.run(`CREATE TYPE run_unit AS ENUM (${units.map(sqlString).join(", ") || "''"})`);
    await session.connection.run(`CREATE TYPE run_code AS ENUM (${codes.map(sqlString).join(", ") || "''"})`);
    const seen = new Uint8Array(size);
    for (const file of files) await readFile(session, join(folder, file), `${label}/${file}`, results, values, seen);
    return values;
  } finally {
    session.close();
  }
}

/** The rows of the Parquet files `files` of the run folder, all told, from their metadata (no value is read). */
async function countRows(session: DuckdbSession, folder: string, label: string, files: readonly string[]): Promise<number> {
  let rows = 0;
  for (const file of files) {
    const fileLabel = `${label}/${file}`;
    try {
      const [[count]] = (await session.connection.runAndReadAll(`SELECT count(*)::DOUBLE FROM read_parquet(${sqlString(join(folder, file))})`)).getRowsJS() as number[][];
      rows += count;
    } catch (error) {
      throw runFileError(fileLabel, outputMessages.resultsFileUnreadable(fileLabel, detailOf(error)), error);
    }
  }
  return rows;
}

/** An `E_RUN_FILE` error about the file `fileLabel`. */
function runFileError(fileLabel: string, message: string, cause?: unknown): InputError {
  return new InputError("E_RUN_FILE", message, { source: fileLabel }, cause === undefined ? undefined : { cause });
}

/** DuckDB's message of an error, on one line. */
const detailOf = (error: unknown) => String((error as Error)?.message ?? error).trim().split("\n")[0];

/** Reads one file's values into `values`, marking each cell given in `seen`. */
async function readFile(session: DuckdbSession, path: string, fileLabel: string, results: ParquetResults, values: Float64Array, seen: Uint8Array): Promise<void> {
  const connection = session.connection;
  const source = `read_parquet(${sqlString(path)})`;
  let columns: { name: string; type: string }[];
  try {
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowsJS();
    columns = described.map((row) => ({ name: String(row[0]), type: String(row[1]) }));
  } catch (error) {
    throw runFileError(fileLabel, outputMessages.resultsFileUnreadable(fileLabel, detailOf(error)), error);
  }
  const typeOf = (name: string) => {
    const column = columns.find((candidate) => candidate.name === name);
    return column ? baseType(column.type) : undefined;
  };
  const fits = (name: string, types: ReadonlySet<string>) => types.has(typeOf(name) ?? "");
  if (!fits("unit", TEXT_TYPES) || !fits("year", INTEGER_TYPES) || !fits("code", TEXT_TYPES) || !fits("value", NUMBER_TYPES))
    throw runFileError(fileLabel, outputMessages.resultsFileColumns(fileLabel, columns.map((column) => `${column.name} (${column.type})`).join(", ")));
  const { units, years, codes } = results;
  const yearCount = years.length;
  const codeCount = codes.length;
  const yearList = `[${years.join(", ") || "NULL"}]`;
  // A unit or code that is not one of index.json's fails the cast (then the row is looked for, to name it); a year
  // that is not one of them gives a NULL cell.
  const cell = `((enum_code(unit::run_unit)::BIGINT * ${yearCount} + list_position(${yearList}, year) - 1) * ${codeCount} + enum_code(code::run_code))::INTEGER`;
  const unknownCell = async () => {
    const [row] = (
      await connection.runAndReadAll(
        `SELECT unit, year::BIGINT::DOUBLE, code FROM ${source} WHERE TRY_CAST(unit AS run_unit) IS NULL OR list_position(${yearList}, year) IS NULL OR TRY_CAST(code AS run_code) IS NULL LIMIT 1`,
      )
    ).getRowsJS() as [string | null, number | null, string | null][];
    return row && runFileError(fileLabel, outputMessages.resultsFileUnknownCell(fileLabel, row[0], row[1], row[2]));
  };
  let unknown = false;
  let duplicate = -1;
  try {
    for await (const { count, positions, values: numbers, positionNulls, valueNulls } of positionValueChunks(connection, `SELECT ${cell} AS cell, value::DOUBLE AS value FROM ${source}`)) {
      for (let i = 0; i < count; i++) {
        if (isNull(positionNulls, i)) {
          unknown = true;
          break;
        }
        const position = positions[i];
        if (seen[position] === 1) {
          duplicate = position;
          break;
        }
        seen[position] = 1;
        // `+ 0` makes -0 into 0, as index.json prints it; NULL (and NaN) is a missing value.
        values[position] = isNull(valueNulls, i) ? Number.NaN : numbers[i] + 0;
      }
      if (unknown || duplicate >= 0) break;
    }
  } catch (error) {
    throw (await unknownCell().catch(() => undefined)) ?? runFileError(fileLabel, outputMessages.resultsFileUnreadable(fileLabel, detailOf(error)), error);
  }
  if (unknown) throw (await unknownCell()) ?? runFileError(fileLabel, outputMessages.resultsFileUnknownCell(fileLabel, null, null, null));
  if (duplicate >= 0) {
    const pair = Math.floor(duplicate / codeCount);
    throw runFileError(fileLabel, outputMessages.resultsFileDuplicate(fileLabel, units[Math.floor(pair / yearCount)], years[pair % yearCount], codes[duplicate % codeCount]));
  }
}

/**
 * Fills `table` from the values of `readParquetResults` as the JSON readers fill it from `results`: unit by unit, year
 * by year, node by node (a missing value is no value), so that the revisions come in the same order.
 */
export function fillRunTable(table: RunValueTable, results: ParquetResults, values: Float64Array): void {
  const index = table.index;
  const codeIds = results.codes.map((code) => index.code(code));
  const codeCount = codeIds.length;
  let cell = 0;
  for (const unit of results.units)
    for (const year of results.years) {
      const pair = index.pair(unit, year);
      for (let n = 0; n < codeCount; n++) table.add(pair, codeIds[n], values[cell++]);
    }
}

/** The values of `readParquetResults` as `parseIndexJsonValues` gives them from `results` (missing ones as `NaN`). */
export function runValuesOf(results: ParquetResults, values: Float64Array): RunValue[] {
  const list: RunValue[] = [];
  let cell = 0;
  for (const unit of results.units) for (const year of results.years) for (const code of results.codes) list.push({ unit, year, code, value: values[cell++] });
  return list;
}
