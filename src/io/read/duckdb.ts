/**
 * The embedded DuckDB engine, loaded only when a run reads a `.sql` or `.parquet` values file or writes Parquet, so
 * that runs on CSV never pay for it.
 *
 * Queries that users write run in a sandbox: DuckDB's external access is switched off except for one folder (the
 * project folder, or the folder of the query file), relative paths resolve against it, extensions are neither
 * installed nor loaded, the configuration is locked so a query cannot switch any of this back, and only a single
 * `SELECT` (or `WITH … SELECT`) statement is accepted, so a query can read but never write.
 */
import type { DuckDBConnection, DuckDBInstance, DuckDBPreparedStatement, DuckDBResult } from "@duckdb/node-api";
import { readerMessages } from "../../core/reader-messages.js";
import { InputError } from "../../errors.js";

type DuckDB = typeof import("@duckdb/node-api");

let loaded: Promise<DuckDB> | undefined;

/** The DuckDB module, imported once. */
export function loadDuckdb(): Promise<DuckDB> {
  loaded ??= import("@duckdb/node-api");
  return loaded;
}

type Bindings = typeof import("@duckdb/node-bindings");

let bindings: Promise<Bindings> | undefined;

/**
 * The C API bindings under `@duckdb/node-api`, for reading and writing a chunk's vectors as raw memory (one copy per
 * column), where the API's own vectors go value by value. Loaded once, with DuckDB.
 */
export function loadDuckdbBindings(): Promise<Bindings> {
  bindings ??= import("@duckdb/node-bindings").then((module) => ((module as { default?: Bindings }).default ?? module) as Bindings);
  return bindings;
}

/** One chunk of a result of two columns, an INTEGER position and a DOUBLE value, as views over DuckDB's vectors. */
export interface PositionValueChunk {
  count: number;
  positions: Int32Array;
  values: Float64Array;
  /** The NULL masks (see `isNull`); undefined when the column has no NULL in the chunk. */
  positionNulls?: Uint8Array;
  valueNulls?: Uint8Array;
}

/** Whether row `i` is NULL by a mask of `positionValueChunks`: a bit a row in 64-bit little-endian words, so row i is bit i % 8 of byte i / 8. */
export const isNull = (mask: Uint8Array | undefined, i: number): boolean => mask !== undefined && (mask[i >>> 3] & (1 << (i & 7))) === 0;

/**
 * The chunks of a streamed result whose columns are an INTEGER position and a DOUBLE value, read straight from the
 * vectors' memory: no JavaScript value is made per row. A chunk's arrays are valid until the next one is asked for.
 */
export async function* positionValueChunks(result: DuckDBResult): AsyncGenerator<PositionValueChunk> {
  const raw = await loadDuckdbBindings();
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const count = chunk.rowCount;
    const positionVector = raw.data_chunk_get_vector(chunk.chunk, 0);
    const valueVector = raw.data_chunk_get_vector(chunk.chunk, 1);
    const positionBytes = raw.vector_get_data(positionVector, count * 4);
    const valueBytes = raw.vector_get_data(valueVector, count * 8);
    const maskBytes = Math.ceil(count / 64) * 8;
    yield {
      count,
      positions: new Int32Array(positionBytes.buffer, positionBytes.byteOffset, count),
      values: new Float64Array(valueBytes.buffer, valueBytes.byteOffset, count),
      positionNulls: raw.vector_get_validity(positionVector, maskBytes) || undefined,
      valueNulls: raw.vector_get_validity(valueVector, maskBytes) || undefined,
    };
  }
}

/** A connection and the instance behind it; `close` frees both. */
export interface DuckdbSession {
  connection: DuckDBConnection;
  instance: DuckDBInstance;
  close: () => void;
}

/** The DuckDB types (`baseType`) read as whole numbers: a year. */
export const INTEGER_TYPES: ReadonlySet<string> = new Set(["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"]);
/** The DuckDB types read as numbers: a value. */
export const NUMBER_TYPES: ReadonlySet<string> = new Set([...INTEGER_TYPES, "FLOAT", "DOUBLE", "DECIMAL"]);
/** The DuckDB types read as text: a unit, an indicator or node code, a source. */
export const TEXT_TYPES: ReadonlySet<string> = new Set(["VARCHAR"]);

/** A DuckDB type without its parameters, upper case: `DECIMAL(18,3)` -> `DECIMAL`. */
export function baseType(type: string): string {
  return type.replace(/\(.*$/, "").trim().toUpperCase();
}

/** SQL text of a string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** An unsandboxed in-memory database, for the tool's own work (reading a values file it names, writing Parquet). */
export async function openDuckdb(): Promise<DuckdbSession> {
  const { DuckDBInstance } = await loadDuckdb();
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  return { instance, connection, close: () => (connection.closeSync(), instance.closeSync()) };
}

/**
 * An in-memory database whose queries may read files inside `root` only, and may write none. Relative paths resolve
 * against the current folder first (DuckDB's rule), then against `root`: they are allowed only when the current
 * folder is `root` or inside it, so that neither way leads out of it; from elsewhere, name files by absolute paths.
 */
export async function openSandbox(root: string): Promise<DuckdbSession> {
  const session = await openDuckdb();
  const folder = root.endsWith("/") || root.endsWith("\\") ? root : `${root}/`;
  const cwd = process.cwd();
  const relativeAllowed = cwd === root || cwd.startsWith(folder);
  for (const setting of [
    `SET file_search_path = ${sqlString(root)}`,
    `SET allowed_directories = [${sqlString(folder)}${relativeAllowed ? ", './'" : ""}]`,
    "SET enable_external_access = false",
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    "SET lock_configuration = true",
  ])
    await session.connection.run(setting);
  return session;
}

/**
 * The one `SELECT` statement of a user's query, prepared (so its columns and their types are known before it runs).
 * Several statements, or any statement but a `SELECT` (`COPY`, `CREATE`, `ATTACH`, `INSTALL`, `SET`, …), are an
 * `InputError` naming `label`; so is a query DuckDB refuses, with DuckDB's message.
 */
export async function prepareSelect(session: DuckdbSession, sql: string, label: string): Promise<DuckDBPreparedStatement> {
  const { StatementType } = await loadDuckdb();
  let statement: DuckDBPreparedStatement;
  try {
    const extracted = await session.connection.extractStatements(sql);
    if (extracted.count !== 1)
      throw new InputError("E_SQL", readerMessages.sqlStatements(label, extracted.count), { source: label });
    statement = await extracted.prepare(0);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw sqlError(label, error);
  }
  if (statement.statementType !== StatementType.SELECT)
    throw new InputError("E_SQL_NOT_SELECT", readerMessages.sqlNotSelect(label, StatementType[statement.statementType]), { source: label });
  return statement;
}

/** A DuckDB error as an `InputError` naming the query's file, with DuckDB's own message. */
export function sqlError(label: string, error: unknown): InputError {
  const message = String((error as Error).message ?? error).trim();
  return new InputError("E_SQL", readerMessages.sqlRefused(label, message), { source: label }, { cause: error });
}
