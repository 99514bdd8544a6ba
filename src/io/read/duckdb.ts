/**
 * The embedded DuckDB engine, loaded only when a run reads a `.sql` or `.parquet` values file or writes Parquet, so
 * that runs on CSV never pay for it.
 *
 * Queries that users write run in a sandbox: DuckDB's external access is switched off except for one folder (the
 * project folder, or the folder of the query file), the paths a query reads resolve against it wherever the process
 * runs, extensions are neither installed nor loaded, the configuration is locked so a query cannot switch any of this
 * back, and only a single `SELECT` (or `WITH … SELECT`) statement is accepted, so a query can read but never write.
 */
import { isAbsolute, resolve } from "node:path";
import type { DuckDBConnection, DuckDBInstance, DuckDBPreparedStatement, DuckDBResult } from "@duckdb/node-api";
import { isObject } from "../../core/option-checks.js";
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

/** A sandboxed database: its queries may read files inside `root` only, and their relative paths resolve against it. */
export interface SandboxSession extends DuckdbSession {
  root: string;
}

/**
 * An in-memory database whose queries may read files inside `root` only, and may write none. DuckDB resolves a
 * relative path against the process's current folder, which a library call (`load({ cwd })`) or a project run from
 * elsewhere does not share: a query's relative paths are made absolute against `root` first (`inSandboxFolder`), and
 * DuckDB's own check of every file it opens against `allowed_directories` keeps the sandbox, `..` included.
 */
export async function openSandbox(root: string): Promise<SandboxSession> {
  const session = await openDuckdb();
  const folder = root.endsWith("/") || root.endsWith("\\") ? root : `${root}/`;
  for (const setting of [
    `SET file_search_path = ${sqlString(root)}`,
    `SET allowed_directories = [${sqlString(folder)}]`,
    "SET enable_external_access = false",
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    "SET lock_configuration = true",
  ])
    await session.connection.run(setting);
  return { ...session, root };
}

/**
 * The table functions whose first argument is a file, a glob or a list of them: DuckDB's readers (`read_csv`,
 * `read_parquet`, `read_json`, `read_text`, ...), the Parquet functions (`parquet_scan`, `parquet_metadata`, ...),
 * `sniff_csv` and `glob`.
 */
const FILE_FUNCTIONS = /^(read_\w+|parquet_\w+|sniff_csv|glob)$/i;

/** A path DuckDB would resolve against the current folder: not absolute, not a URL (`s3://`), not under `~`. */
function isRelativePath(path: string): boolean {
  return path !== "" && !isAbsolute(path) && !path.startsWith("~") && !/^[a-z][a-z0-9+.-]*:/i.test(path);
}

/**
 * `sql` with every relative path it reads made absolute against the sandbox's folder, as the command line run in that
 * folder would read it: the file arguments of the file-reading table functions (`read_csv('values.csv')`, lists and
 * globs too) and the files named as tables (`FROM 'values.csv'`, not a CTE's name). DuckDB's parser finds them
 * (`json_serialize_sql`, with each literal's place in the text), so a text that only looks like a path, such as a
 * `source` column's `'census.csv'`, is left as written. A path the query builds (`'v' || '.csv'`) stays relative; a
 * query DuckDB cannot parse, or any statement but a `SELECT`, is returned as it is, for `prepareSelect` to refuse.
 */
export async function inSandboxFolder(session: SandboxSession, sql: string): Promise<string> {
  let parsed: unknown;
  try {
    const reader = await session.connection.runAndReadAll(`SELECT json_serialize_sql(${sqlString(sql)})`);
    parsed = JSON.parse(String(reader.getRowsJS()[0][0]));
  } catch {
    return sql;
  }
  if (!isObject(parsed) || parsed.error !== false) return sql;
  const named: { location: number; path: string; table: boolean }[] = [];
  const cteNames = new Set<string>();
  const constant = (node: unknown) =>
    isObject(node) && node.class === "CONSTANT" && isObject(node.value) && node.value.is_null === false && typeof node.value.value === "string" && typeof node.query_location === "number"
      ? { location: node.query_location, path: node.value.value }
      : undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const call = node.function;
    if (node.type === "TABLE_FUNCTION" && isObject(call) && FILE_FUNCTIONS.test(String(call.function_name)) && Array.isArray(call.children)) {
      // The first argument that is not a named parameter (`delim = ','`, a comparison in the parsed query).
      const first: unknown = call.children.find((child) => isObject(child) && child.class !== "COMPARISON");
      const items = isObject(first) && first.function_name === "list_value" && Array.isArray(first.children) ? first.children : [first];
      for (const item of items) {
        const found = constant(item);
        if (found) named.push({ ...found, table: false });
      }
    }
    // A table's name that reads as a file (`'values.csv'`, `"data/*.parquet"`), not a view's such as duckdb_settings.
    const table = node.table_name;
    if (node.type === "BASE_TABLE" && node.schema_name === "" && node.catalog_name === "" && typeof table === "string" && /[./\\*]/.test(table) && typeof node.query_location === "number")
      named.push({ location: node.query_location, path: table, table: true });
    if (isObject(node.cte_map) && Array.isArray(node.cte_map.map)) for (const entry of node.cte_map.map) if (isObject(entry) && typeof entry.key === "string") cteNames.add(entry.key);
    for (const value of Object.values(node)) visit(value);
  };
  visit(parsed);
  // DuckDB gives each literal's place in bytes of UTF-8; replaced from the last, so the earlier places hold.
  let bytes = Buffer.from(sql, "utf8");
  const places = new Map(named.filter(({ path, table }) => isRelativePath(path) && !(table && cteNames.has(path))).map((item) => [item.location, item] as const));
  for (const { location, path, table } of [...places.values()].sort((a, b) => b.location - a.location)) {
    const end = literalEnd(bytes, location, table ? ["'", '"'] : ["'"], path);
    if (end === undefined) continue;
    bytes = Buffer.concat([bytes.subarray(0, location), Buffer.from(sqlString(resolve(session.root, path)), "utf8"), bytes.subarray(end)]);
  }
  return bytes.toString("utf8");
}

/**
 * Where the quoted literal at `start` of `bytes` ends (just after its closing quote), when it is quoted by one of
 * `quotes` (a doubled quote inside it standing for one) and reads `value`; `undefined` for any other form (`E'...'`,
 * `$$...$$`, a name without quotes), left as written.
 */
function literalEnd(bytes: Buffer, start: number, quotes: readonly string[], value: string): number | undefined {
  const quote = String.fromCharCode(bytes[start]);
  if (!quotes.includes(quote)) return undefined;
  const code = bytes[start];
  for (let at = start + 1; at < bytes.length; at++) {
    if (bytes[at] !== code) continue;
    if (bytes[at + 1] === code) {
      at++;
      continue;
    }
    const text = bytes.subarray(start + 1, at).toString("utf8").split(quote + quote).join(quote);
    return text === value ? at + 1 : undefined;
  }
  return undefined;
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
