/**
 * The embedded DuckDB engine, loaded only when a run reads a `.sql` or `.parquet` values file or writes Parquet, so
 * that runs on CSV never pay for it.
 *
 * Queries that users write run in a sandbox: DuckDB's external access is switched off except for one folder (the
 * project folder, or the folder of the query file), the paths a query reads resolve against it wherever the process
 * runs (those written as literals and those the query builds, `'data/' || 'x.csv'`), extensions are neither installed
 * nor loaded, the configuration is locked so a query cannot switch any of this back, and only a single `SELECT` (or
 * `WITH … SELECT`) statement is accepted, so a query can read but never write.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { isAbsolute, parse, relative, resolve, sep } from "node:path";
import type { DuckDBConnection, DuckDBInstance, DuckDBPreparedStatement } from "@duckdb/node-api";
import { isObject } from "../../core/option-checks.js";
import { limitMessages } from "../../core/limit-messages.js";
import { readerMessages } from "../../core/reader-messages.js";
import { InputError, UsageError } from "../../errors.js";
import { byteSizeOf, defaultMemory, type MemoryLimit, type MemorySource } from "../memory.js";
import { undoOnInterrupt } from "../write/interrupt.js";

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
 * The chunks of the result of `sql` (run on `connection`; one statement, no `;`), whose columns are an INTEGER position
 * and a DOUBLE value, read straight from the vectors' memory: no JavaScript value is made per row. A chunk's arrays are
 * valid until the next one is asked for. Streamed (DuckDB holds one chunk at a time, within its memory limit), and
 * checked at its end (`refuseShortStream`): a stream that fails part of the way (a cast, a corrupt Parquet page,
 * `error()`) ends in `@duckdb/node-api` 1.5 exactly as one that is exhausted (the C API's fetch gives no chunk for
 * both), so its rows after the failure would be lost without a word.
 */
export async function* positionValueChunks(connection: DuckDBConnection, sql: string): AsyncGenerator<PositionValueChunk> {
  const [raw, result] = await Promise.all([loadDuckdbBindings(), connection.stream(sql)]);
  let read = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const count = chunk.rowCount;
    read += count;
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
  await refuseShortStream(connection, sql, read);
}

/**
 * Throws DuckDB's error of a streamed result of `sql` that ended after `read` rows, fewer than the query has: DuckDB
 * counts its rows (a count reads no column it need not, so the casts and checks of the rows' columns that failed the
 * stream are not run), and a shortfall runs the query again, materialised, which throws the error the stream lost. A
 * query that, run again, fails no more (it reads a file that changed in between) is an `Error` saying so.
 */
export async function refuseShortStream(connection: DuckDBConnection, sql: string, read: number): Promise<void> {
  const [[count]] = (await connection.runAndReadAll(`SELECT count(*)::DOUBLE FROM (\n${sql}\n)`)).getRowsJS();
  if (Number(count) === read) return;
  await connection.run(sql);
  throw new Error(`DuckDB's streamed result ended after ${read} of its ${Number(count)} rows without an error, and ran whole when run again`);
}

/**
 * The text of the one statement of `sql` as written: up to its first `;` outside a string, a quoted name or a comment
 * (`quotedEnd`), so that it can be wrapped in a subquery (`SELECT … FROM (<it>) LIMIT n`); comments after the `;` left
 * out, and those inside kept, the subquery closing on a line of its own.
 */
export function statementText(sql: string): string {
  for (let i = 0; i < sql.length; i++) {
    const quoted = quotedEnd(sql, i);
    if (quoted) i = quoted.end;
    else if (sql[i] === ";") return sql.slice(0, i);
  }
  return sql;
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
 * How users' queries run. `threads`: DuckDB's threads (default: every core). DuckDB sums floating-point numbers in
 * parallel in whatever order its threads finish, so an aggregate over DOUBLE may change in its last bits from run to
 * run; with one thread the order is fixed and the bytes are the same on every run (`compute --threads 1`).
 */
export interface QuerySettings {
  threads?: number;
  /**
   * Seconds the session's queries may run in all before they are stopped (`E_QUERY_TIME_LIMIT`). Default: the
   * environment's `INNOVATION_INDEX_QUERY_TIME_LIMIT`, else `QUERY_TIME_LIMIT`.
   */
  timeLimit?: number;
  /**
   * Shared by the sessions of one reading of the values (a values query's, the tree's `sql` column's), so that the
   * limit is for their queries together: the time the first of them opened, which it sets. Default: each session's own.
   */
  clock?: { startedAt?: number };
  /**
   * Bytes of memory DuckDB may use for the session's queries (its `memory_limit`), past which it spills what it can
   * (a large aggregation or join) to a folder of its own in the system's temporary folder, which it makes only then
   * and removes on closing, and the query running fails (`E_QUERY_MEMORY_LIMIT`) when it cannot. Default:
   * `queryMemoryLimit()`: the environment's `INNOVATION_INDEX_QUERY_MEMORY_LIMIT`, else half of this machine's memory,
   * or of its container's limit (DuckDB's own default is 80% of the machine's, and it would spill to a `.tmp` folder in
   * the current folder, the user's).
   */
  memoryLimit?: number;
  /** Where a given `memoryLimit` came from, for the message that tells how to raise it. Default: "machine". */
  memorySource?: MemorySource;
}

/**
 * How long users' queries may run by default, in seconds: an hour. The benchmark's 50 million microdata rows take
 * about 16 s; a query still running after an hour is most likely a join without a condition, and a yearly job on a
 * scheduler should end with a message rather than hang until someone looks.
 */
export const QUERY_TIME_LIMIT = 3600;

/** The variable of the environment that sets the time limit of users' queries (seconds). */
export const QUERY_TIME_LIMIT_VARIABLE = "INNOVATION_INDEX_QUERY_TIME_LIMIT";

/**
 * The time limit of users' queries in seconds: `QUERY_TIME_LIMIT_VARIABLE` when set, else `QUERY_TIME_LIMIT`.
 * @throws `UsageError` `E_USAGE` when the variable holds anything but a number of seconds above 0.
 */
export function queryTimeLimit(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env[QUERY_TIME_LIMIT_VARIABLE];
  if (text === undefined || text.trim() === "") return QUERY_TIME_LIMIT;
  // Digits, with decimals: not `0x10`, `1e3` or `Infinity`, which Number() would take. A timer counts milliseconds.
  const seconds = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(seconds >= MIN_QUERY_TIME_LIMIT && seconds <= MAX_QUERY_TIME_LIMIT))
    throw new UsageError("E_USAGE", readerMessages.queryTimeLimitVariable(QUERY_TIME_LIMIT_VARIABLE, text, MAX_QUERY_TIME_LIMIT));
  return seconds;
}

/** The variable of the environment that sets DuckDB's memory limit for users' queries (a size: 8GB, 512MB, bytes). */
export const QUERY_MEMORY_LIMIT_VARIABLE = "INNOVATION_INDEX_QUERY_MEMORY_LIMIT";

/**
 * The smallest memory limit the variable (or `load`'s `queryMemoryLimit`) may set, 16 MB: DuckDB takes a few MB for
 * itself before any query.
 */
export const MIN_QUERY_MEMORY_LIMIT = 16 * 1024 ** 2;

/**
 * DuckDB's memory limit for users' queries and where it came from: `QUERY_MEMORY_LIMIT_VARIABLE` when set, else
 * `fallback()` (half of the machine's memory, or of its container's limit).
 * @throws `UsageError` `E_USAGE` when the variable holds anything but a size from `MIN_QUERY_MEMORY_LIMIT` up.
 */
export function queryMemoryLimit(env: Readonly<Record<string, string | undefined>> = process.env, fallback: () => MemoryLimit = defaultMemory): MemoryLimit {
  const text = env[QUERY_MEMORY_LIMIT_VARIABLE];
  if (text === undefined || text.trim() === "") return fallback();
  const bytes = queryMemoryBytesOf(text);
  if (bytes === undefined) throw new UsageError("E_USAGE", readerMessages.queryMemoryLimitVariable(QUERY_MEMORY_LIMIT_VARIABLE, text, MIN_QUERY_MEMORY_LIMIT));
  return { bytes, source: "variable" };
}

/**
 * A memory limit for users' queries in bytes, from a size (`8GB`, `512MB`, `1.5G`, digits: `byteSizeOf`) or a whole
 * number of bytes (`load`'s `queryMemoryLimit`); undefined for anything else, for less than `MIN_QUERY_MEMORY_LIMIT`,
 * and past 2^53 − 1 bytes (8 PB), where a number of bytes is no longer exact: no machine has that much.
 */
export function queryMemoryBytesOf(value: unknown): number | undefined {
  const bytes = typeof value === "string" ? byteSizeOf(value) : typeof value === "number" && Number.isInteger(value) ? value : undefined;
  return bytes !== undefined && bytes >= MIN_QUERY_MEMORY_LIMIT && bytes <= Number.MAX_SAFE_INTEGER ? bytes : undefined;
}

/** The shortest time limit, a millisecond: what a timer counts. */
export const MIN_QUERY_TIME_LIMIT = 0.001;

/** The longest time limit a timer holds (2^31 − 1 ms, about 24.8 days), in whole seconds. */
export const MAX_QUERY_TIME_LIMIT = Math.floor((2 ** 31 - 1) / 1000);

/** A sandboxed database: its queries may read files inside `root` only, and their relative paths resolve against it. */
export interface SandboxSession extends DuckdbSession {
  root: string;
  /** The time limit in seconds, and whether it has run out: then the query running was interrupted. */
  timeLimit: number;
  timedOut: () => boolean;
  /** DuckDB's memory limit in bytes (`QuerySettings.memoryLimit`), and where it came from. */
  memoryLimit: number;
  memorySource: MemorySource;
  /** The folder DuckDB spills to past its memory limit, in the system's temporary folder: made only then. */
  spillFolder: string;
}

/**
 * `error` as the session's queries end it: `E_QUERY_TIME_LIMIT` naming `label` when the session's time limit ran out
 * (whatever DuckDB said on being interrupted), `E_QUERY_MEMORY_LIMIT` when DuckDB ran out of the session's memory
 * (`memoryLimitError`), else `error` itself. `query`: `label` is a query (else a .parquet file, which the message does
 * not tell to make cheaper), `"indicator"` the query of a tree's `sql` column (one indicator's values: told to return
 * a row per unit and year).
 */
export function timeLimitError(session: SandboxSession, label: string, error: unknown, query: boolean | "indicator" = true): unknown {
  if (!session.timedOut()) return memoryLimitError(session, label, error, query);
  return new InputError("E_QUERY_TIME_LIMIT", readerMessages.queryTimeLimit(label, session.timeLimit, QUERY_TIME_LIMIT_VARIABLE, query !== false), { source: label }, { cause: error });
}

/**
 * `error` as `E_QUERY_MEMORY_LIMIT` naming `label` and the session's memory limit when DuckDB ran out of it (its
 * "Out of Memory Error", also when `sqlError` already wrapped it), else `error` itself.
 */
function memoryLimitError(session: SandboxSession, label: string, error: unknown, query: boolean | "indicator"): unknown {
  const said = (value: unknown) => String((value as Error | undefined)?.message ?? "");
  // Past the limit, DuckDB could not make or write the folder it spills to (TMPDIR unwritable or full).
  const spilling = [said(error), said((error as Error | undefined)?.cause)].find((text) => text.includes(session.spillFolder));
  if (spilling !== undefined)
    return new InputError("E_QUERY_SPILL", readerMessages.querySpillFailed(label, session.memoryLimit, session.spillFolder, spilling), { source: label }, { cause: error });
  if (!/Out of Memory Error/i.test(said(error)) && !/Out of Memory Error/i.test(said((error as Error | undefined)?.cause))) return error;
  return new InputError("E_QUERY_MEMORY_LIMIT", limitMessages.queryMemoryLimit(label, session.memoryLimit, query, session.memorySource), { source: label }, { cause: error });
}

/**
 * The macros a sandbox defines, through which `resolveQueryPaths` passes a file argument the query builds
 * (`read_csv('data/' || 'x.csv')`), so that DuckDB makes it absolute against the sandbox's folder when it binds the
 * call: `PATH_MACRO` for one path (what `sniff_csv` takes), `PATHS_MACRO` for a path or a list of them (every other
 * file-reading function takes both), which gives a list.
 */
const PATH_MACRO = "innovation_index_path";
const PATHS_MACRO = "innovation_index_paths";

/**
 * The statements defining `PATH_MACRO` and `PATHS_MACRO` for a sandbox in `folder` (ending in a separator): a path
 * that is empty, absolute (`/…`, `\\…`, `C:…`), under `~` or a URL (`s3://…`) is left as it is, as `isRelativePath`
 * tells; any other gets `folder` before it. A path leading out of the folder (`../x.csv`) then reads outside it, which
 * DuckDB's own check against `allowed_directories` refuses.
 */
function pathMacros(folder: string): string[] {
  const kept = `${PATH_MACRO}_kept`;
  return [
    `CREATE TEMP MACRO ${kept}(path) AS path IS NULL OR path = '' OR regexp_matches(path, ${sqlString("^([A-Za-z][A-Za-z0-9+.-]*:|[/\\\\~])")})`,
    `CREATE TEMP MACRO ${PATH_MACRO}(path) AS CASE WHEN ${kept}(path) THEN path ELSE ${sqlString(folder)} || path END`,
    // A text as a list of one, a list as it is: DuckDB binds both branches, and casts only the one taken.
    `CREATE TEMP MACRO ${PATHS_MACRO}(paths) AS list_transform(CASE WHEN typeof(paths) = 'VARCHAR' THEN [paths::VARCHAR] ELSE paths::VARCHAR[] END, path -> ${PATH_MACRO}(path))`,
  ];
}

/**
 * An in-memory database whose queries may read files inside `root` only, and may write none. DuckDB resolves a
 * relative path against the process's current folder, which a library call (`load({ cwd })`) or a project run from
 * elsewhere does not share, and checks it against `allowed_directories` there, before its `file_search_path` is looked
 * at: a query's literal relative paths are made absolute against `root` first (`inSandboxFolder`), the paths it builds
 * pass through `pathMacros`, and DuckDB's own check of every file it opens against `allowed_directories` keeps the
 * sandbox, `..` included.
 */
export async function openSandbox(root: string, { threads, timeLimit = queryTimeLimit(), clock = {}, ...settings }: QuerySettings = {}): Promise<SandboxSession> {
  const { bytes: memoryLimit, source: memorySource } =
    settings.memoryLimit !== undefined ? { bytes: settings.memoryLimit, source: settings.memorySource ?? "machine" } : queryMemoryLimit();
  // A root that holds every file (a job started in / or in the home folder, outside a project) fences nothing.
  const home = resolve(homedir());
  if (resolve(root) === parse(resolve(root)).root || resolve(root) === home)
    throw new InputError("E_SQL_ROOT", readerMessages.sqlRootTooWide(root, resolve(root) === home), { source: root });
  const session = await openDuckdb();
  const folder = folderOf(root);
  // DuckDB's folder to spill to: its own, made by DuckDB only when it spills and removed when the session closes, and
  // removed here too if the process is interrupted meanwhile (Ctrl-C, a scheduler's SIGTERM), which DuckDB cannot.
  const spillFolder = resolve(tmpdir(), `innovation-index-duckdb-${process.pid}-${randomBytes(6).toString("hex")}`);
  const forgetSpillFolder = undoOnInterrupt(() => rmSync(spillFolder, { recursive: true, force: true }));
  try {
    for (const setting of [
      // Before the configuration is locked: a query may not change it back.
      ...(threads !== undefined ? [`SET threads = ${Math.max(1, Math.floor(threads))}`] : []),
      // Bounded memory: past it DuckDB spills to a folder of its own in the system's temporary folder (never the
      // project's: the sandbox writes nothing there), made only when needed and removed when the session closes; a query
      // that still needs more fails with DuckDB's "Out of Memory Error" (`memoryLimitError`), not the machine. In whole
      // KiB, as DuckDB reads the setting.
      `SET memory_limit = '${Math.max(1, Math.floor(memoryLimit / 1024))}KiB'`,
      `SET temp_directory = ${sqlString(spillFolder)}`,
      `SET file_search_path = ${sqlString(root)}`,
      `SET allowed_directories = [${sqlString(folder)}]`,
      ...pathMacros(folder),
      "SET enable_external_access = false",
      "SET autoinstall_known_extensions = false",
      "SET autoload_known_extensions = false",
      "SET lock_configuration = true",
    ])
      await session.connection.run(setting);
  } catch (error) {
    session.close();
    forgetSpillFolder();
    throw error;
  }
  // The limit counts from here (or from the first session on the same clock), for every query together: once it runs
  // out, the query running is interrupted, and so is every one started after it (DuckDB interrupts only the query
  // running), until the session closes; its reader turns what DuckDB then says into E_QUERY_TIME_LIMIT (`timeLimitError`).
  clock.startedAt ??= Date.now();
  const remaining = Math.max(0, clock.startedAt + timeLimit * 1000 - Date.now());
  let timedOut = false;
  let repeat: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    session.connection.interrupt();
    repeat = setInterval(() => session.connection.interrupt(), 50);
    repeat.unref();
  }, remaining);
  // A limit still to run is no reason to keep the process alive.
  timer.unref();
  return {
    ...session,
    root,
    timeLimit,
    timedOut: () => timedOut,
    memoryLimit,
    memorySource,
    spillFolder,
    close: () => {
      clearTimeout(timer);
      clearInterval(repeat);
      session.close();
      forgetSpillFolder();
    },
  };
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

/** A query's text with its parse tree (`parseQuery`), so that one parse serves its several readers. */
export interface ParsedQuery {
  sql: string;
  /** DuckDB's parse tree (`json_serialize_sql`); `undefined` for a query it cannot parse or serialize. */
  tree: Record<string, unknown> | undefined;
}

/** `sql` as DuckDB's parser reads it (`json_serialize_sql`). */
export async function parseQuery(session: DuckdbSession, sql: string): Promise<ParsedQuery> {
  let parsed: unknown;
  try {
    const reader = await session.connection.runAndReadAll(`SELECT json_serialize_sql(${sqlString(sql)})`);
    parsed = JSON.parse(String(reader.getRowsJS()[0][0]));
  } catch {
    return { sql, tree: undefined };
  }
  return { sql, tree: isObject(parsed) && parsed.error === false ? parsed : undefined };
}

/** `query` parsed: as it is when it was (`parseQuery`), else by DuckDB now. */
async function parsedOf(session: DuckdbSession, query: string | ParsedQuery): Promise<ParsedQuery> {
  return typeof query === "string" ? parseQuery(session, query) : query;
}

/** A string constant of a parsed query (any quoting: `'…'`, `E'…'`, `$$…$$`), with its place in the text. */
function stringConstant(node: unknown): { location: number; path: string } | undefined {
  return isObject(node) && node.class === "CONSTANT" && isObject(node.value) && node.value.is_null === false && typeof node.value.value === "string" && typeof node.query_location === "number"
    ? { location: node.query_location, path: node.value.value }
    : undefined;
}

/** A table named as a file (`FROM 'values.csv'`, `"data/*.parquet"`), not a view's name such as duckdb_settings. */
function fileTable(node: Record<string, unknown>): string | undefined {
  const table = node.table_name;
  return node.type === "BASE_TABLE" && node.schema_name === "" && node.catalog_name === "" && typeof table === "string" && /[./\\*]/.test(table) ? table : undefined;
}

/**
 * Every text of a query that may name a file: its string constants, whatever their quoting (`'…'`, `E'…'`,
 * `$$…$$`), and the tables named as files (`FROM 'values.csv'`), as DuckDB's parser reads them; `undefined` for a
 * query it cannot parse.
 */
export async function queryTexts(session: DuckdbSession, sql: string): Promise<string[] | undefined> {
  const parsed = (await parseQuery(session, sql)).tree;
  if (!parsed) return undefined;
  const texts = new Set<string>();
  const inner: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const found = stringConstant(node)?.path ?? fileTable(node);
    if (found !== undefined) texts.add(found);
    const text = queryCall(node);
    if (text?.literals && text.name === "query") inner.push(text.literals[0].path);
    for (const value of Object.values(node)) visit(value);
  };
  visit(parsed);
  // The texts of a query given as a literal to `query('…')`, as its own.
  for (const query of inner) for (const text of (await queryTexts(session, query)) ?? []) texts.add(text);
  return [...texts];
}

/**
 * A call of `query('…')` or `query_table('…')` (`QUERY_FUNCTIONS`) in a parsed query: the function's name in lower
 * case, where the call starts, and its argument's string literals (`query`'s text, `query_table`'s table names, one or
 * a list); `literals` is undefined when the argument is no string literal nor a list of them (a text the query builds,
 * `query('SELECT ' || …)`, which DuckDB folds to a constant when it binds the call). `undefined` for any other node, and
 * for such a call without an argument, which DuckDB refuses itself.
 */
function queryCall(node: Record<string, unknown>): { name: string; location: number; literals: { location: number; path: string }[] | undefined } | undefined {
  const call = node.function;
  if (node.type !== "TABLE_FUNCTION" || !isObject(call) || !QUERY_FUNCTIONS.test(String(call.function_name)) || !Array.isArray(call.children)) return undefined;
  const name = String(call.function_name).toLowerCase();
  const { first, items } = fileArguments(call.children);
  if (first === undefined) return undefined;
  // `query` takes one text, never a list.
  const literals = (name === "query" ? [first] : items).map(stringConstant);
  const location = typeof call.query_location === "number" ? call.query_location : typeof node.query_location === "number" ? node.query_location : 0;
  return { name, location, literals: literals.every((literal) => literal !== undefined) ? literals : undefined };
}

/** A query with its relative paths made absolute (`resolveQueryPaths`), and each text replaced: as run, as written. */
export interface ResolvedQuery {
  sql: string;
  replaced: { resolved: string; written: string }[];
  /**
   * Every file argument the query builds, those of the texts given to `query('…')` too: the name of its call in lower
   * case (as `unnamedFileReads` gives it) and, when its value is known before the query runs (`constantArgument`: no
   * column, no subquery), `paths`, SQL of the list of absolute paths (or globs) it gives: the argument as written
   * inside `PATHS_MACRO`. `builtFiles` evaluates them.
   */
  built: { call: string; paths?: string }[];
}

/**
 * `sql` with every relative path it reads made absolute against the sandbox's folder (see `resolveQueryPaths`).
 */
export async function inSandboxFolder(session: SandboxSession, sql: string): Promise<string> {
  return (await resolveQueryPaths(session, sql)).sql;
}

/** What closes a file argument passed through a path macro (`pathMacros`): its comment makes it a text `asWritten` can take out. */
const MACRO_CLOSE = "/* innovation-index */)";

/**
 * `sql` with every relative path it reads made absolute against the sandbox's folder, as the command line run in that
 * folder would read it: the file arguments of the file-reading table functions (`read_csv('values.csv')`, lists and
 * globs too, in any quoting: `'…'`, `E'…'`, `$$…$$`) and the files named as tables (`FROM 'values.csv'`, not a CTE's
 * name, and `query_table('values.csv')`'s). The text given to `query('…')` as a string literal is a query of its own:
 * its paths are made absolute so too, and the literal written again around the text changed. A `query` or
 * `query_table` whose argument is no string literal (a text the query builds, which DuckDB puts together only when it
 * binds the call, and would then read against the current folder) is refused (`E_SQL_QUERY_TEXT`, naming `label` and
 * the call's line), as is a `query('…')` literal whose paths cannot be put back in its quoting. DuckDB's parser finds them (`json_serialize_sql`, with each literal's place in the text), so a text that only
 * looks like a path, such as a `source` column's `'census.csv'`, is left as written. A file argument the query builds
 * (`read_csv('data/' || 'x.csv')`, `read_csv(concat(…))`, a list holding such a path) is passed through a macro of
 * the sandbox (`pathMacros`), which makes it absolute when DuckDB binds the call. A query DuckDB cannot parse, or any
 * statement but a `SELECT`, is returned as it is, for `prepareSelect` to refuse. `replaced` lists each text changed,
 * so that DuckDB's messages can quote the query as written (`sqlError`). `sql`: the query, or the query parsed
 * (`parseQuery`), so that one parse serves `unnamedFileReads` too.
 */
export async function resolveQueryPaths(session: SandboxSession, sql: string | ParsedQuery, label = "the query", outerLine?: number): Promise<ResolvedQuery> {
  const { sql: text, tree: parsed } = await parsedOf(session, sql);
  if (!parsed) return { sql: text, replaced: [], built: [] };
  // The texts given to `query('…')`, and the first call of `query`/`query_table` given a text the query builds.
  const inner: { location: number; path: string; line: number }[] = [];
  let builtText: { name: string; line: number } | undefined;
  const lineAt = (location: number) => outerLine ?? Buffer.from(text, "utf8").subarray(0, location).toString("utf8").split("\n").length;
  const named: { location: number; path: string; table: boolean }[] = [];
  // The file arguments the query builds: where their call's name starts, where in the argument a node of it starts,
  // and the macro they pass through.
  const built: { name: string; call: number; inside: number; macro: string; constant: boolean }[] = [];
  const cteNames = new Set<string>();
  // The built file arguments, with the value of those known before the query runs, `query('…')`'s texts' too (see
  // `ResolvedQuery`).
  const constants: ResolvedQuery["built"] = [];
  let bytes = Buffer.from(text, "utf8");
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const call = node.function;
    if (node.type === "TABLE_FUNCTION" && isObject(call) && FILE_FUNCTIONS.test(String(call.function_name)) && Array.isArray(call.children)) {
      const { first, items } = fileArguments(call.children);
      for (const item of items) {
        const found = stringConstant(item);
        if (found) named.push({ ...found, table: false });
      }
      const inside = firstPlace(first, bytes.length);
      const name = String(call.function_name).toLowerCase();
      if (first !== undefined && !items.every((item) => stringConstant(item) !== undefined)) {
        // One DuckDB gives no place of is left as written, its value unknown before the query runs.
        if (typeof call.query_location === "number" && inside !== undefined)
          built.push({ name, call: call.query_location, inside, macro: name === "sniff_csv" ? PATH_MACRO : PATHS_MACRO, constant: constantArgument(first) });
        else constants.push({ call: name });
      }
    }
    const table = fileTable(node);
    if (table !== undefined && typeof node.query_location === "number") named.push({ location: node.query_location, path: table, table: true });
    const queried = queryCall(node);
    if (queried && !queried.literals) builtText ??= { name: queried.name, line: lineAt(queried.location) };
    else if (queried?.name === "query") inner.push({ ...queried.literals![0], line: lineAt(queried.location) });
    // `query_table`'s names, those that name files as a table's name may (`fileTable`).
    else if (queried) for (const literal of queried.literals!) if (/[./\\*]/.test(literal.path)) named.push({ ...literal, table: true });
    if (isObject(node.cte_map) && Array.isArray(node.cte_map.map)) for (const entry of node.cte_map.map) if (isObject(entry) && typeof entry.key === "string") cteNames.add(entry.key);
    for (const value of Object.values(node)) visit(value);
  };
  visit(parsed);
  const refused = (name: string, line: number) => new InputError("E_SQL_QUERY_TEXT", readerMessages.sqlQueryTextBuilt(label, name, line), { source: label });
  if (builtText) throw refused(builtText.name, builtText.line);
  // DuckDB gives each node's place in bytes of UTF-8: every change is found in the text as written, then made from the
  // last, so that the earlier places hold (a literal inside a built argument, `read_csv([x || '.csv', 'a.csv'])`, is
  // replaced before the macro's call is put around the argument).
  const changes: { start: number; end: number; text: string }[] = [];
  const replaced: ResolvedQuery["replaced"] = [];
  // What `query('…')`'s texts had replaced, as their own quotes in DuckDB's messages show them, after the literals.
  const innerReplaced: ResolvedQuery["replaced"] = [];
  for (const { location, path: query, line } of inner) {
    // A call inside it given a built text is named at the line of the call around it.
    const resolved = await resolveQueryPaths(session, query, label, line);
    constants.push(...resolved.built);
    if (resolved.sql === query) continue;
    const end = literalEnd(bytes, location, false, query);
    if (end === undefined) throw refused("query", line);
    const literal = sqlString(resolved.sql);
    replaced.push({ resolved: literal, written: bytes.subarray(location, end).toString("utf8") });
    innerReplaced.push(...resolved.replaced);
    changes.push({ start: location, end, text: literal });
  }
  const places = new Map(named.filter(({ path, table }) => isRelativePath(path) && !(table && cteNames.has(path))).map((item) => [item.location, item] as const));
  for (const { location, path, table } of places.values()) {
    const end = literalEnd(bytes, location, table, path);
    if (end === undefined) continue;
    const resolved = sqlString(resolve(session.root, path));
    replaced.push({ resolved, written: bytes.subarray(location, end).toString("utf8") });
    changes.push({ start: location, end, text: resolved });
  }
  // DuckDB's quote of a long line is cut short, perhaps inside a path: the folder put before each path is taken out too.
  if (replaced.length > 0) replaced.push({ resolved: sqlString(folderOf(session.root)).slice(0, -1), written: "'" });
  // One character a byte, so that places in the text are places in the bytes.
  const latin1 = bytes.toString("latin1");
  const macros = new Set<string>();
  for (const { name, call, inside, macro, constant } of built) {
    const argument = argumentAt(latin1, call, inside);
    if (!argument) {
      constants.push({ call: name });
      continue;
    }
    // On a line of its own, the argument's last line perhaps a comment (`'b' || '.csv' -- b`).
    constants.push(constant ? { call: name, paths: `${PATHS_MACRO}(${bytes.subarray(argument.start, argument.end).toString("utf8")}\n)` } : { call: name });
    changes.push({ start: argument.start, end: argument.start, text: `${macro}(` }, { start: argument.end, end: argument.end, text: MACRO_CLOSE });
    macros.add(macro);
  }
  for (const macro of macros) replaced.push({ resolved: `${macro}(`, written: "" });
  if (macros.size > 0) replaced.push({ resolved: MACRO_CLOSE, written: "" });
  replaced.push(...innerReplaced);
  for (const { start, end, text: put } of changes.sort((a, b) => b.start - a.start || b.end - a.end))
    bytes = Buffer.concat([bytes.subarray(0, start), Buffer.from(put, "utf8"), bytes.subarray(end)]);
  return { sql: bytes.toString("utf8"), replaced, built: constants };
}

/**
 * Whether a file argument the query builds (a node of the parse tree) has a value known before the query runs: it
 * holds no subquery, and no column but a lambda's own (`list_transform(['x'], name -> 'data/' || name)`). One that
 * still depends on the query (a lambda naming a column around it) fails when evaluated alone (`builtFiles`).
 */
function constantArgument(node: unknown): boolean {
  let constant = true;
  const visit = (item: unknown, inLambda: boolean): void => {
    if (Array.isArray(item)) return item.forEach((element) => visit(element, inLambda));
    if (!isObject(item) || !constant) return;
    if (item.class === "SUBQUERY" || (item.class === "COLUMN_REF" && !inLambda)) constant = false;
    for (const value of Object.values(item)) visit(value, inLambda || item.class === "LAMBDA");
  };
  visit(node, false);
  return constant;
}

/** Whether DuckDB reads `path` as a glob (`*`, `?`, `[…]`), whose files its `glob` lists. */
export const GLOB_CHARACTERS = /[*?[]/;

/**
 * The files DuckDB's `glob` lists for `pattern` in the sandbox (a path or a glob; relative ones against the current
 * folder, as `glob` takes them), without opening them; none when the sandbox cannot expand it (a text that is no path,
 * a folder outside the sandbox's).
 */
export async function globFiles(session: DuckdbSession, pattern: string): Promise<string[]> {
  try {
    return (await session.connection.runAndReadAll(`SELECT file FROM glob(${sqlString(pattern)})`)).getRowsJS().map(([file]) => String(file));
  } catch {
    return [];
  }
}

/**
 * The files the file arguments `query` builds would read, when their value is known before it runs (`ResolvedQuery`'s
 * `built`): each argument evaluated in the sandbox (one small `SELECT`, which opens no file), a path as it is, a glob
 * expanded by DuckDB's `glob` (which lists files without opening them, and leaves out what is no regular file, as its
 * readers do), so that a named pipe among them can be refused before DuckDB would wait on it, and the files hashed
 * for a project run as those the query names are. `paths`: the paths and the files of the globs (a path perhaps of no
 * file, or of no regular one). `unknown`: the calls (in lower case, each once) of the arguments whose value is not
 * known before the query runs: one that depends on the query (a column, a subquery), or that cannot be evaluated alone
 * (it names a column after all), left to DuckDB when the query runs. A path the sandbox would not read (a URL, one
 * leading out of its folder) or a glob it cannot expand is none DuckDB reads either: it refuses it when the query runs.
 * `globs`: the absolute globs among the values (`data/*.csv` made absolute), which files added later may match too.
 */
export async function builtFiles(session: SandboxSession, query: ResolvedQuery): Promise<{ paths: string[]; unknown: string[]; globs: string[] }> {
  const files = new Set<string>();
  const unknown = new Set<string>();
  const globs = new Set<string>();
  for (const argument of query.built) {
    let paths: unknown;
    try {
      if (argument.paths === undefined) throw new Error("not known before the query runs");
      paths = (await session.connection.runAndReadAll(`SELECT ${argument.paths}`)).getRowsJS()[0][0];
    } catch {
      unknown.add(argument.call);
      continue;
    }
    for (const path of Array.isArray(paths) ? paths : []) {
      // A URL, a path under `~`, or one leading out of the folder is none the sandbox reads (DuckDB refuses it).
      if (typeof path !== "string" || !isAbsolute(path)) continue;
      if (!GLOB_CHARACTERS.test(path)) {
        const inside = relative(session.root, resolve(path));
        if (!(inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside))) files.add(resolve(path));
        continue;
      }
      globs.add(path);
      // Not a glob the sandbox can expand (none listed): DuckDB says so when the query runs.
      for (const file of await globFiles(session, path)) files.add(resolve(file));
    }
  }
  return { paths: [...files].sort(), unknown: [...unknown], globs: [...globs].sort() };
}

/** The first place in the query's text (below `length`) of a node of the parse tree `node` or of a node inside it. */
function firstPlace(node: unknown, length: number): number | undefined {
  let first: number | undefined;
  const visit = (item: unknown): void => {
    if (Array.isArray(item)) return item.forEach(visit);
    if (!isObject(item)) return;
    const place = item.query_location;
    if (typeof place === "number" && place < length && (first === undefined || place < first)) first = place;
    for (const value of Object.values(item)) visit(value);
  };
  visit(node);
  return first;
}

/**
 * The argument holding the place `inside` of the call whose name starts at `call` in `text` (a query, one character a
 * byte: `firstPlace`'s places): where it starts (its first character that is no blank nor comment) and where it ends
 * (the `,` or `)` after it). `undefined` when the call is not written `name(…)` there (the name perhaps with its
 * schema, `main.read_csv`, or quoted, `"read_csv"`), or no argument holds `inside`.
 */
function argumentAt(text: string, call: number, inside: number): { start: number; end: number } | undefined {
  let at = call;
  for (; at < text.length && text[at] !== "("; at++) {
    const quoted = quotedEnd(text, at);
    if (quoted && (quoted.comment || text[at] === '"')) at = quoted.end;
    // A name's characters (a byte of a UTF-8 character among them), a schema's dot, blanks.
    else if (!/[\w.\s\u0080-\u00ff]/.test(text[at])) return undefined;
  }
  let start: number | undefined;
  let depth = 0;
  for (at++; at < text.length; at++) {
    const quoted = quotedEnd(text, at);
    if (quoted) {
      if (!quoted.comment) start ??= at;
      at = quoted.end;
      continue;
    }
    const char = text[at];
    if (depth === 0 && (char === "," || char === ")")) {
      if (start !== undefined && start <= inside && inside < at) return { start, end: at };
      if (char === ")") return undefined;
      start = undefined;
      continue;
    }
    if (!/\s/.test(char)) start ??= at;
    if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === ")" || char === "]" || char === "}") depth--;
  }
  return undefined;
}

/**
 * A file-reading table function's file argument in DuckDB's parse tree (`children`: the call's arguments): `first`, the
 * first argument that is not a named parameter (`delim = ','` is a comparison in the parsed query), and `items`, the
 * elements of that argument when it is a list (`read_csv(['a.csv', 'b.csv'])`), else the argument alone.
 */
function fileArguments(children: readonly unknown[]): { first: unknown; items: unknown[] } {
  const first: unknown = children.find((child) => isObject(child) && child.class !== "COMPARISON");
  return { first, items: isObject(first) && first.function_name === "list_value" && Array.isArray(first.children) ? first.children : [first] };
}

/** `unnamedFileReads`' call for a query whose parse tree DuckDB cannot give, so that none of its files is known. */
export const UNPARSED_QUERY = "*";

/**
 * Table functions that run a query given as a text (`query('SELECT … read_csv(''x.csv'')')`) or read a table named by
 * one (`query_table('x.csv')`): given as a string literal, its paths are resolved and its files named as the query's own
 * (`resolveQueryPaths`, `queryTexts`); given as a text the query builds, they are refused.
 */
const QUERY_FUNCTIONS = /^(query|query_table)$/i;

/**
 * The calls of `sql` that may read files it does not name, each function's name once, in the order met: a
 * file-reading table function (`FILE_FUNCTIONS`) whose file argument is no string literal nor a list of them (a path
 * the query builds: `read_csv(concat('micro', '.csv'))`, `read_csv('micro' || '.csv')`, a column, a subquery), and
 * `query`/`query_table`, which run a query or read a table given as a text. The files these read are not among
 * the files a query names (`values-duckdb.ts`), so a run cannot tell whether they changed (a path the query builds
 * still resolves against the sandbox's folder: `resolveQueryPaths`). Read from DuckDB's parse tree
 * (`json_serialize_sql`); for a query it cannot serialise (`UNPARSED_QUERY`: a `PIVOT` without an `IN` list, which
 * runs, or a text that is refused when run), no file it reads is known either. `sql`: the query, or the query parsed
 * (`parseQuery`), so that one parse serves `resolveQueryPaths` too. `built`, when given: the query's built file
 * arguments (`ResolvedQuery`'s `built`) and the calls of those whose value is not known before it runs (`builtFiles`'
 * `unknown`); a file-reading call all of whose built arguments are known is left out, their files being listed with
 * those the query names.
 */
export async function unnamedFileReads(
  session: DuckdbSession,
  sql: string | ParsedQuery,
  built?: { arguments: ResolvedQuery["built"]; unknown: readonly string[] },
): Promise<string[]> {
  const parsed = (await parsedOf(session, sql)).tree;
  if (!parsed) return [UNPARSED_QUERY];
  const found = new Set<string>();
  const inner: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const call = node.function;
    const queried = queryCall(node);
    // A text given as a literal is read as a query of its own, below; a table's name given as one is named.
    if (queried?.literals) {
      if (queried.name === "query") inner.push(queried.literals[0].path);
    } else if (node.type === "TABLE_FUNCTION" && isObject(call) && typeof call.function_name === "string") {
      const name = call.function_name.toLowerCase();
      const { first, items } = fileArguments(Array.isArray(call.children) ? call.children : []);
      if (QUERY_FUNCTIONS.test(name) || (FILE_FUNCTIONS.test(name) && first !== undefined && !items.every((item) => stringConstant(item) !== undefined))) found.add(name);
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(parsed);
  // A query text DuckDB cannot parse is `query`'s own unnamed read (as `UNPARSED_QUERY` is the whole query's).
  for (const query of inner) for (const name of (await parseQuery(session, query)).tree ? await unnamedFileReads(session, query) : ["query"]) found.add(name);
  const known = new Set(built?.arguments.map((argument) => argument.call).filter((call) => !built.unknown.includes(call)));
  return [...found].filter((name) => !known.has(name));
}

/** `root` ending in a separator. */
function folderOf(root: string): string {
  return root.endsWith("/") || root.endsWith("\\") ? root : `${root}/`;
}

/**
 * Where the literal at `start` of `bytes` ends (just after its closing quote), when it reads `value`: a string
 * (`'…'`, a doubled quote inside standing for one), an escape string (`E'…'`, with backslash escapes), a dollar-quoted
 * one (`$$…$$`, `$tag$…$tag$`), or for a table's name (`table`) a quoted name (`"…"`) too; `undefined` for any other
 * form (a name without quotes), left as written.
 */
function literalEnd(bytes: Buffer, start: number, table: boolean, value: string): number | undefined {
  const head = bytes.subarray(start, start + 256).toString("latin1");
  const dollar = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(head);
  if (dollar) {
    const close = bytes.indexOf(dollar[0], start + dollar[0].length, "utf8");
    if (close < 0) return undefined;
    return bytes.subarray(start + dollar[0].length, close).toString("utf8") === value ? close + dollar[0].length : undefined;
  }
  const escaped = /^[eE]'/.test(head);
  const open = escaped ? start + 1 : start;
  const quote = String.fromCharCode(bytes[open]);
  if (!(quote === "'" || (table && !escaped && quote === '"'))) return undefined;
  const code = bytes[open];
  for (let at = open + 1; at < bytes.length; at++) {
    if (escaped && bytes[at] === 0x5c) {
      at++;
      continue;
    }
    if (bytes[at] !== code) continue;
    if (bytes[at + 1] === code) {
      at++;
      continue;
    }
    let text = bytes.subarray(open + 1, at).toString("utf8").split(quote + quote).join(quote);
    // An escape string's simple escapes (`\\`, `\'`); one with any other (`\n`) is left as written.
    if (escaped) text = text.replace(/\\(['\\])/g, "$1");
    return text === value ? at + 1 : undefined;
  }
  return undefined;
}

/**
 * The one `SELECT` statement of a user's query, prepared (so its columns and their types are known before it runs).
 * No statement (an empty file, comments only), several statements, or any statement but a `SELECT` (`COPY`, `CREATE`,
 * `ATTACH`, `INSTALL`, `SET`, …) are an `InputError` naming `label`; so is a query DuckDB refuses, with DuckDB's
 * message (quoting the query as written: `replaced`, see `resolveQueryPaths`).
 *
 * DuckDB's parser makes several statements of one `PIVOT` whose columns are not listed (`ON indicator` without
 * `IN (…)`): a `CREATE TYPE` of the ON column's values for each, then the query. A text of one statement as written
 * (`writtenStatements`) is such a query: the statements DuckDB put before it are run (each a `CREATE`, of a type in
 * the in-memory database, which no one else sees and which is gone when the session closes), then it is prepared.
 */
export async function prepareSelect(session: DuckdbSession, sql: string, label: string, replaced: ResolvedQuery["replaced"] = []): Promise<DuckDBPreparedStatement> {
  const { StatementType } = await loadDuckdb();
  // DuckDB fails without a message on a text of no statement.
  if (isBlankQuery(sql)) throw new InputError("E_SQL", readerMessages.sqlStatements(label, 0), { source: label });
  let statement: DuckDBPreparedStatement;
  try {
    const extracted = await session.connection.extractStatements(sql);
    const count = extracted.count;
    // The statements as written are those said (DuckDB's count holds those it made of a PIVOT too).
    const written = count > 1 ? writtenStatements(sql) : count;
    const several = () => new InputError("E_SQL", readerMessages.sqlStatements(label, written > 1 ? written : count), { source: label });
    if (count !== 1 && written !== 1) throw several();
    for (let i = 0; i < count - 1; i++) {
      const before = await extracted.prepare(i);
      if (before.statementType !== StatementType.CREATE) throw several();
      await before.run();
    }
    statement = await extracted.prepare(count - 1);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw sqlError(label, error, replaced);
  }
  if (statement.statementType !== StatementType.SELECT)
    throw new InputError("E_SQL_NOT_SELECT", readerMessages.sqlNotSelect(label, StatementType[statement.statementType]), { source: label });
  return statement;
}

/**
 * How many statements `sql` holds as written: its pieces between semicolons that hold more than blanks, a `;` inside a
 * comment (`-- …`, `/* … *\/`, nested too), a string (`'…'`, `E'…'`, `$$…$$`, `$tag$…$tag$`) or a quoted name (`"…"`)
 * being none. DuckDB's parser may make more statements of one (see `prepareSelect`).
 */
export function writtenStatements(sql: string): number {
  let count = 0;
  let content = false;
  for (let i = 0; i < sql.length; i++) {
    const quoted = quotedEnd(sql, i);
    if (quoted) {
      if (!quoted.comment) content = true;
      i = quoted.end;
    } else if (sql[i] === ";") {
      if (content) count++;
      content = false;
    } else if (!/\s/.test(sql[i])) content = true;
  }
  return count + (content ? 1 : 0);
}

/**
 * The string, quoted name or comment that starts at `i` of `sql`, when one does: where it ends (its last character, or
 * the text's end when it is not closed), and whether it is a comment. Strings: `'…'` (a doubled quote inside standing
 * for one), `E'…'` (a backslash escaping the character after it), `$$…$$` and `$tag$…$tag$`; quoted names: `"…"`;
 * comments: `-- …` to the line's end, `/* … *\/` with the comments inside it.
 */
function quotedEnd(sql: string, i: number): { end: number; comment: boolean } | undefined {
  const char = sql[i];
  const wordBefore = /[\p{L}\p{N}_$]/u.test(sql[i - 1] ?? "");
  // Where the quote opened at `open` closes (a doubled quote inside stands for one; with `escapes`, a backslash escapes
  // the character after it), or the text's end.
  const closing = (open: number, escapes: boolean) => {
    for (let at = open + 1; at < sql.length; at++) {
      if (escapes && sql[at] === "\\") at++;
      else if (sql[at] === sql[open]) {
        if (sql[at + 1] !== sql[open]) return at;
        at++;
      }
    }
    return sql.length;
  };
  if (char === "-" && sql[i + 1] === "-") {
    const end = sql.indexOf("\n", i);
    return { end: end < 0 ? sql.length : end, comment: true };
  }
  if (char === "/" && sql[i + 1] === "*") {
    let depth = 0;
    for (let at = i; at < sql.length; at++) {
      if (sql.startsWith("/*", at)) depth++;
      else if (sql.startsWith("*/", at)) depth--;
      else continue;
      at++;
      if (depth === 0) return { end: at, comment: true };
    }
    return { end: sql.length, comment: true };
  }
  if (char === "'" || char === '"') return { end: closing(i, false), comment: false };
  if ((char === "e" || char === "E") && sql[i + 1] === "'" && !wordBefore) return { end: closing(i + 1, true), comment: false };
  const tag = char === "$" && !wordBefore ? /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 256)) : null;
  if (!tag) return undefined;
  const end = sql.indexOf(tag[0], i + tag[0].length);
  return { end: end < 0 ? sql.length : end + tag[0].length - 1, comment: false };
}

/** Whether `sql` holds nothing but blanks, comments (`-- …`, `/* … *\/`) and semicolons. */
export function isBlankQuery(sql: string): boolean {
  return sql.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "").replace(/[\s;]+/g, "") === "";
}

/**
 * A DuckDB error as an `InputError` naming the query's file, with DuckDB's own message, its quote of the query put
 * back as written (`replaced`: each path made absolute by `resolveQueryPaths`, as the user wrote it). A file DuckDB
 * cannot read as UTF-8 gets a hint: DuckDB reads no other encoding here (no extension is loaded). A URL (`https://…`,
 * `s3://…`) or a function of an extension (`read_xlsx`) is said as such, not with DuckDB's advice to install one.
 */
export function sqlError(label: string, error: unknown, replaced: ResolvedQuery["replaced"] = []): InputError {
  const message = asWritten(String((error as Error).message ?? error).trim(), replaced);
  const notUtf8 = /not utf-8 encoded|invalid unicode|does not support the encoding/i.test(message);
  // DuckDB tells to install an extension (httpfs for a URL, excel for read_xlsx), which the sandbox never does; or,
  // depending on the folder it may read, refuses a URL as a file outside it.
  const remote =
    /Missing Extension Error: File (\S+) requires the extension/.exec(message) ?? /Permission Error: Cannot access file "((?!file:)[a-z][a-z0-9+.-]*:\/\/[^"]*)"/i.exec(message);
  const extension = /with name "?([^"\s]+)"? is not in the catalog, but it exists in the (\w+) extension/.exec(message);
  const said = remote
    ? readerMessages.sqlRemoteFile(label, remote[1])
    : extension
      ? readerMessages.sqlExtension(label, extension[1], extension[2])
      : notUtf8
        ? readerMessages.sqlNotUtf8(label, message)
        : readerMessages.sqlRefused(label, message);
  return new InputError("E_SQL", said, { source: label }, { cause: error });
}

/**
 * DuckDB's message with its quotes of the query as the user wrote it: each text of `replaced` put back, and the caret
 * under a quoted line (`^`, where DuckDB found the problem) moved left by what the line lost before it.
 */
function asWritten(message: string, replaced: ResolvedQuery["replaced"]): string {
  const lines = message.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const caret = /^(\s*)\^\s*$/.exec(lines[i + 1] ?? "");
    let column = caret ? caret[1].length : -1;
    let line = lines[i];
    // A quote cut short inside the folder (`LINE 1: ...ects/survey/values.csv'`): the folder's end taken out.
    const cut = /^LINE \d+: \.\.\./.exec(line);
    const folder = replaced.find(({ written }) => written === "'")?.resolved.slice(1);
    if (cut && folder) {
      const start = cut[0].length;
      for (let from = 0; from < folder.length - 3; from++)
        if (line.startsWith(folder.slice(from), start)) {
          const length = folder.length - from;
          line = line.slice(0, start) + line.slice(start + length);
          if (start < column) column = Math.max(start, column - length);
          break;
        }
    }
    for (const { resolved, written } of replaced)
      for (let at = line.indexOf(resolved); at >= 0; at = line.indexOf(resolved, at + written.length)) {
        line = line.slice(0, at) + written + line.slice(at + resolved.length);
        if (at < column) column = Math.max(at, column - (resolved.length - written.length));
      }
    // A quote cut short at its end inside a text put in for a path macro (`…'ret.csv'/* innova...`): that start taken out too.
    if (line.endsWith("...")) {
      const body = line.slice(0, -3);
      // The longest start of such a text the line ends with, of two characters at least.
      let length = 0;
      for (const { resolved } of replaced.filter(({ written }) => written === ""))
        for (let cut = Math.min(resolved.length - 1, body.length); cut >= 2 && cut > length; cut--)
          if (body.endsWith(resolved.slice(0, cut))) {
            length = cut;
            break;
          }
      if (length > 0) {
        line = `${body.slice(0, -length)}...`;
        if (body.length - length < column) column = Math.max(body.length - length, column - length);
      }
    }
    lines[i] = line;
    if (caret) lines[i + 1] = `${" ".repeat(column)}^`;
  }
  return lines.join("\n");
}
