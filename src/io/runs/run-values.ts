/**
 * A run's values read straight from the bytes of its `index.json` (the `results`) and `input-values.csv` into a
 * `RunValueTable`, with no object per value, so that runs of any size can be compared. A run written with
 * `--parquet-only` has its results in the Parquet files its `index.json` names (`run-parquet.ts`).
 *
 * The byte readers take the files as compute writes them (units and codes quoted when they hold a comma or a quote),
 * and any valid JSON or CSV like them. For anything else (a CSV with `\r\n` line ends, a cell with spaces at its ends, a
 * quoted year or value, a field over two lines, a JSON string with an escape in a key, a code that JavaScript would
 * order first as an array index, a code twice in one entry, a value that is not a number or null, invalid JSON) they
 * return false and the file is read the general way (`parseIndexJsonValues`,
 * `parseInputValuesCsv`), which gives the same values and reports the same errors.
 */
import { open, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import type { Revision, RevisionKind, RunValue } from "../../core/revision.js";
import { runMessages } from "../../core/run-messages.js";
import { compareRunTables, RunValueIndex, tallyRunTables, type RevisionTally, type RunValueTable } from "../../core/revision-table.js";
import { InputError } from "../../errors.js";
import { unguardFormula } from "../csv.js";
import { isExactDecimal, plainDecimal, POWERS_OF_TEN, sameBytes } from "../read/byte-numbers.js";
import { digestFile } from "../write/write.js";
import {
  INPUT_VALUES_FILE,
  MANIFEST_FILE,
  nodesRatioScale,
  parseIndexJsonOutputs,
  parseIndexJsonValues,
  parseInputValuesCsv,
  readManifestChecked,
  sha256Hash,
  type FileDigest,
  type RunManifest,
} from "./run-files.js";
import { isRunId } from "./run-names.js";
import { checkManifest, formatManifestCheck } from "./verify-run.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** The file's bytes, or `undefined` when it cannot be read (as `readRun` treats a missing file). */
export async function readBytes(path: string): Promise<Buffer | undefined> {
  return readFile(path).catch(() => undefined);
}

/** Fills `table` from the values read the general way (a value that is not a number, as JSON allows, as a number). */
function fillTable(table: RunValueTable, values: readonly RunValue[]): void {
  for (const { unit, year, code, value } of values) table.set(unit, year, code, value);
}

/** Reads the `results` of an `index.json` into `table` (fast when it can, else the general way). */
export function readIndexJsonValues(bytes: Buffer, source: string, table: RunValueTable): void {
  if (table.size === 0 && readIndexJsonFast(bytes, table)) return;
  table.reset();
  fillTable(table, parseIndexJsonValues(bytes.toString("utf8"), source));
}

/**
 * Reads the outputs of a run folder's `index.json` into `table`: its `results` (as `readIndexJsonValues`), or, for a
 * run written with `--parquet-only`, the Parquet files it names in `resultsIn` (DuckDB loads only then), in the same
 * order; and whether they are on a ratio scale (`indexJsonRatioScale`, the table's `ratioScale`). `source` names the
 * `index.json`, `run` the folder.
 */
export async function readRunOutputValues(bytes: Buffer, source: string, table: RunValueTable, run: RunFolder): Promise<void> {
  table.ratioScale = indexJsonRatioScale(bytes);
  if (table.size === 0 && readIndexJsonFast(bytes, table)) return;
  table.reset();
  const outputs = parseIndexJsonOutputs(bytes.toString("utf8"), source);
  if (outputs.kind === "values") return fillTable(table, outputs.values);
  // The Parquet files hold the values: checked against the manifest (hashed as streams) before DuckDB reads them.
  if (run.listed) for (const file of outputs.results.files) requireAsListed(run, file, await digestFile(join(run.folder, file)).catch(() => undefined));
  const { fillRunTable, readParquetResults } = await import("./run-parquet.js");
  fillRunTable(table, outputs.results, await readParquetResults(run.folder, run.label, outputs.results));
}

/** Reads an `input-values.csv` into `table` (fast when it can, else the general way). */
export function readInputValues(bytes: Buffer, source: string, table: RunValueTable): void {
  if (table.size === 0 && readInputValuesFast(bytes, table)) return;
  table.reset();
  fillTable(table, parseInputValuesCsv(bytes.toString("utf8"), source));
}

/** Whether bytes [start, end) are ASCII digits only, without a leading zero unless "0" (an array index). */
function isArrayIndex(buffer: Buffer, start: number, end: number): boolean {
  if (end === start || end - start > 10) return false;
  if (buffer[start] === ZERO && end - start > 1) return false;
  for (let i = start; i < end; i++) if (buffer[i] < ZERO || buffer[i] > NINE) return false;
  return Number(buffer.toString("latin1", start, end)) < 2 ** 32 - 1;
}

/** A JSON reader over bytes that gives up (`Fail`) on anything it does not expect. */
class Fail extends Error {}

class JsonBytes {
  position = 0;
  constructor(readonly buffer: Buffer) {}

  fail(): never {
    throw new Fail();
  }

  space(): void {
    const buffer = this.buffer;
    let i = this.position;
    while (i < buffer.length) {
      const byte = buffer[i];
      if (byte !== SPACE && byte !== NEWLINE && byte !== RETURN && byte !== TAB) break;
      i++;
    }
    this.position = i;
  }

  /** Skips white space, then expects `byte`. */
  expect(byte: number): void {
    this.space();
    if (this.buffer[this.position] !== byte) this.fail();
    this.position++;
  }

  /** Skips white space; whether the next byte is `byte` (consumed if so). */
  next(byte: number): boolean {
    this.space();
    if (this.buffer[this.position] !== byte) return false;
    this.position++;
    return true;
  }

  /** The bounds of a string without escapes or control characters (after the opening quote, at it). */
  plainString(): [number, number] {
    this.expect(QUOTE);
    const buffer = this.buffer;
    const start = this.position;
    let i = start;
    for (; i < buffer.length; i++) {
      const byte = buffer[i];
      if (byte === QUOTE) break;
      if (byte === BACKSLASH || byte < SPACE) this.fail();
    }
    if (i >= buffer.length) this.fail();
    this.position = i + 1;
    return [start, i];
  }

  /** A string, escapes decoded by `JSON.parse`. */
  string(): string {
    this.expect(QUOTE);
    const buffer = this.buffer;
    const start = this.position - 1;
    let escaped = false;
    let i = this.position;
    for (; i < buffer.length; i++) {
      const byte = buffer[i];
      if (byte === QUOTE) break;
      if (byte < SPACE) this.fail();
      if (byte === BACKSLASH) {
        escaped = true;
        i++;
      }
    }
    if (i >= buffer.length) this.fail();
    this.position = i + 1;
    if (!escaped) return buffer.toString("utf8", start + 1, i);
    try {
      return JSON.parse(buffer.toString("utf8", start, i + 1)) as string;
    } catch {
      this.fail();
    }
  }

  /** A number by the JSON grammar, converted as `JSON.parse` converts it. */
  number(): number {
    this.space();
    const buffer = this.buffer;
    const start = this.position;
    let i = start;
    const negative = buffer[i] === MINUS;
    if (negative) i++;
    let mantissa = 0;
    let digits = 0;
    let decimals = 0;
    if (buffer[i] === ZERO) {
      i++;
      digits++;
    } else if (buffer[i] > ZERO && buffer[i] <= NINE)
      for (; buffer[i] >= ZERO && buffer[i] <= NINE; i++) {
        mantissa = mantissa * 10 + (buffer[i] - ZERO);
        digits++;
      }
    else this.fail();
    if (buffer[i] === DOT) {
      i++;
      const first = i;
      for (; buffer[i] >= ZERO && buffer[i] <= NINE; i++) {
        mantissa = mantissa * 10 + (buffer[i] - ZERO);
        digits++;
        decimals++;
      }
      if (i === first) this.fail();
    }
    let exponent = false;
    if (buffer[i] === 0x65 || buffer[i] === 0x45) {
      exponent = true;
      i++;
      if (buffer[i] === PLUS || buffer[i] === MINUS) i++;
      const first = i;
      while (buffer[i] >= ZERO && buffer[i] <= NINE) i++;
      if (i === first) this.fail();
    }
    this.position = i;
    // One division of exact numbers, rounded correctly: the same double as JSON.parse gives.
    if (!exponent && isExactDecimal(digits, mantissa, decimals)) return (negative ? -mantissa : mantissa) / POWERS_OF_TEN[decimals];
    return Number(buffer.toString("latin1", start, i));
  }

  /** Skips any JSON value. */
  skip(): void {
    this.space();
    const byte = this.buffer[this.position];
    if (byte === QUOTE) this.string();
    else if (byte === OPEN_BRACE) {
      this.position++;
      if (this.next(CLOSE_BRACE)) return;
      do {
        this.string();
        this.expect(COLON);
        this.skip();
      } while (this.next(COMMA));
      this.expect(CLOSE_BRACE);
    } else if (byte === OPEN_BRACKET) {
      this.position++;
      if (this.next(CLOSE_BRACKET)) return;
      do this.skip();
      while (this.next(COMMA));
      this.expect(CLOSE_BRACKET);
    } else if (!this.literal("true") && !this.literal("false") && !this.literal("null")) this.number();
  }

  /** Whether `word` comes next (consumed if so). */
  literal(word: "true" | "false" | "null"): boolean {
    this.space();
    for (let i = 0; i < word.length; i++) if (this.buffer[this.position + i] !== word.charCodeAt(i)) return false;
    this.position += word.length;
    return true;
  }
}

/**
 * Whether the outputs of an `index.json` are on a ratio scale (`nodesRatioScale` of its `nodes`), read from the bytes
 * without parsing the rest: the top-level keys are skipped up to the first `nodes` (compute writes it before `results`,
 * so a run of any size is read no further). `true` where the file has no `nodes` or is not JSON (then read the general
 * way, which says what is wrong with it).
 */
export function indexJsonRatioScale(bytes: Buffer): boolean {
  const json = new JsonBytes(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
  try {
    json.expect(OPEN_BRACE);
    if (json.next(CLOSE_BRACE)) return true;
    do {
      const key = json.string();
      json.expect(COLON);
      json.space();
      const start = json.position;
      json.skip();
      if (key === "nodes") return nodesRatioScale(JSON.parse(json.buffer.toString("utf8", start, json.position)));
    } while (json.next(COMMA));
  } catch {
    // Not JSON as the fast reader reads it: no scale to tell.
  }
  return true;
}

/** The fast reader of `index.json`: false when the file must be read the general way. */
export function readIndexJsonFast(bytes: Buffer, table: RunValueTable): boolean {
  const buffer = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? undefined : bytes;
  if (!buffer) return false; // JSON.parse refuses a byte order mark: the general way says so
  const json = new JsonBytes(buffer);
  const index = table.index;
  try {
    json.expect(OPEN_BRACE);
    let results = false;
    if (!json.next(CLOSE_BRACE)) {
      do {
        const key = json.string();
        json.expect(COLON);
        if (key !== "results") {
          json.skip();
          continue;
        }
        // `results` twice (the last one counts for JSON.parse), or not an array: the general way.
        if (results || !json.next(OPEN_BRACKET)) json.fail();
        results = true;
        // Per code, the last entry that gave it: a code twice in one entry goes the general way.
        let entryOfCode = new Int32Array(256).fill(-1);
        let entry = 0;
        const keyStarts: number[] = [];
        const keyEnds: number[] = [];
        const keyCodes: number[] = [];
        /** Reads the values of entry `entry` (at their opening brace) into the pair's cells. */
        const readValues = (pair: number) => {
          json.expect(OPEN_BRACE);
          if (!json.next(CLOSE_BRACE)) {
            let key = 0;
            do {
              const [start, end] = json.plainString();
              // Entries list their codes in the same order: the key is compared byte by byte with the one in the same
              // place in the entry before, and decoded only when it differs.
              let code: number;
              if (key < keyCodes.length && sameBytes(buffer, start, end, keyStarts[key], keyEnds[key])) code = keyCodes[key];
              else {
                if (isArrayIndex(buffer, start, end)) json.fail(); // Object.entries would list it first
                code = index.code(buffer.toString("utf8", start, end));
                if (key >= keyCodes.length) {
                  keyStarts.push(start);
                  keyEnds.push(end);
                  keyCodes.push(code);
                } else keyCodes[key] = code;
              }
              keyStarts[key] = start;
              keyEnds[key] = end;
              key++;
              if (code >= entryOfCode.length) {
                const bigger = new Int32Array(Math.max(code + 1, entryOfCode.length * 2)).fill(-1);
                bigger.set(entryOfCode);
                entryOfCode = bigger;
              }
              if (entryOfCode[code] === entry) json.fail();
              entryOfCode[code] = entry;
              json.expect(COLON);
              table.add(pair, code, json.literal("null") ? Number.NaN : json.number());
            } while (json.next(COMMA));
            json.expect(CLOSE_BRACE);
          }
        };
        if (!json.next(CLOSE_BRACKET)) {
          do {
            json.expect(OPEN_BRACE);
            let unit: string | undefined;
            let year: number | undefined;
            let valuesStart = -1;
            let valuesRead = false;
            if (!json.next(CLOSE_BRACE)) {
              do {
                const field = json.string();
                json.expect(COLON);
                if (field === "unit" && unit === undefined) {
                  json.space();
                  if (buffer[json.position] !== QUOTE) json.fail();
                  unit = json.string();
                } else if (field === "year" && year === undefined) year = json.number();
                else if (field === "values" && valuesStart < 0) {
                  json.space();
                  valuesStart = json.position;
                  // Read at once after the unit and the year (as compute writes them), else once they are known.
                  if (unit !== undefined && year !== undefined) {
                    readValues(index.pair(unit, year));
                    valuesRead = true;
                  } else json.skip();
                } else if (field === "unit" || field === "year" || field === "values") json.fail();
                else json.skip();
              } while (json.next(COMMA));
              json.expect(CLOSE_BRACE);
            }
            if (unit === undefined || year === undefined || valuesStart < 0) json.fail();
            if (!valuesRead) {
              const entryEnd = json.position;
              json.position = valuesStart;
              readValues(index.pair(unit!, year!));
              json.position = entryEnd;
            }
            entry++;
          } while (json.next(COMMA));
          json.expect(CLOSE_BRACKET);
        }
      } while (json.next(COMMA));
      json.expect(CLOSE_BRACE);
    }
    json.space();
    return results && json.position === buffer.length;
  } catch (cause) {
    if (cause instanceof Fail) return false;
    throw cause;
  }
}

/** Whether a byte is white space that `String.prototype.trim` would remove (the ASCII ones). */
const isSpace = (byte: number) => byte === SPACE || (byte >= TAB && byte <= RETURN);

/** The fast reader of `input-values.csv`: false when the file must be read the general way. */
export function readInputValuesFast(buffer: Buffer, table: RunValueTable): boolean {
  const header = "unit,year,indicator,value\n";
  // After its UTF-8 byte order mark, if it has one (older runs' files do not).
  const mark = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  let position = mark;
  for (; position < mark + header.length; position++) if (buffer[position] !== header.charCodeAt(position - mark)) return false;
  // Carriage returns go the general way; quotes are looked for only in files that hold one.
  if (buffer.indexOf(RETURN, position) >= 0) return false;
  const quotes = buffer.indexOf(QUOTE, position) >= 0;
  const quoted = new Uint8Array(4);
  const index = table.index;
  const end = buffer.length;
  const starts = new Int32Array(4);
  const ends = new Int32Array(4);
  let previousStart = -1;
  let previousEnd = -1;
  let previousPair = -1;
  let key = 0;
  const codeStarts: number[] = [];
  const codeEnds: number[] = [];
  const codeIds: number[] = [];
  /** Field `f` of the row as text, a quoted one without its quotes and with doubled quotes single, unguarded. */
  const text = (f: number) =>
    unguardFormula(quoted[f] ? buffer.toString("utf8", starts[f] + 1, ends[f] - 1).replaceAll('""', '"') : buffer.toString("utf8", starts[f], ends[f]));
  const same = (start: number, stop: number, otherStart: number, otherEnd: number) => {
    if (otherStart < 0 || stop - start !== otherEnd - otherStart) return false;
    for (let i = 0; i < stop - start; i++) if (buffer[start + i] !== buffer[otherStart + i]) return false;
    return true;
  };
  while (position < end) {
    let lineEnd = buffer.indexOf(NEWLINE, position);
    if (lineEnd < 0) lineEnd = end;
    const lineStart = position;
    position = lineEnd + 1;
    if (lineEnd === lineStart) continue; // an empty line
    let field = 0;
    let start = lineStart;
    for (let i = lineStart; i <= lineEnd; i++) {
      if (quotes && i === start && i < lineEnd && buffer[i] === QUOTE) {
        // A field quoted as a whole, on one line, as compute quotes a unit or code with a comma or a quote
        // ("Korea, Republic of", doubled quotes inside); bounds kept with the quotes, decoded by `text`.
        let close = i + 1;
        for (;;) {
          close = buffer.indexOf(QUOTE, close);
          if (close < 0 || close >= lineEnd) return false;
          if (close + 1 < lineEnd && buffer[close + 1] === QUOTE) close += 2;
          else break;
        }
        if ((close + 1 < lineEnd && buffer[close + 1] !== COMMA) || field === 4 || close === i + 1) return false;
        starts[field] = i;
        ends[field] = close + 1;
        quoted[field++] = 1;
        start = close + 2;
        i = close + 1;
        continue;
      }
      if (i < lineEnd && buffer[i] !== COMMA) {
        if (quotes && buffer[i] === QUOTE) return false; // a quote inside a field
        continue;
      }
      if (field === 4) return false;
      starts[field] = start;
      ends[field] = i;
      quoted[field++] = 0;
      start = i + 1;
    }
    if (field !== 4) return false;
    let empty = true;
    for (let f = 0; f < 4; f++) {
      if (ends[f] === starts[f]) continue;
      empty = false;
      if (isSpace(buffer[starts[f]]) || isSpace(buffer[ends[f] - 1])) return false;
    }
    if (empty) continue; // a row of empty cells, skipped as an empty line
    if (quoted[1] || quoted[3]) return false; // compute never quotes a year or a value
    // The (unit, year) pair, unless unit and year are the bytes of the row before.
    let pair: number;
    if (same(starts[0], ends[1], previousStart, previousEnd)) pair = previousPair;
    else {
      key = 0;
      const unit = text(0);
      if (unit.trim() !== unit) return false;
      const yearLength = ends[1] - starts[1];
      if (yearLength === 0 || yearLength > 9) return false;
      let year = 0;
      for (let i = starts[1]; i < ends[1]; i++) {
        const digit = buffer[i] - ZERO;
        if (digit < 0 || digit > 9) return false;
        year = year * 10 + digit;
      }
      pair = index.pair(unit, year);
    }
    previousStart = starts[0];
    previousEnd = ends[1];
    previousPair = pair;
    // The k-th row of a unit and year usually has the code of the k-th row of the unit and year before (compute
    // writes every code in the same order): compared byte by byte, decoded only when it differs.
    let code: number;
    if (key < codeIds.length && same(starts[2], ends[2], codeStarts[key], codeEnds[key])) code = codeIds[key];
    else {
      const name = text(2);
      if (name.trim() !== name) return false;
      code = index.code(name);
      if (key >= codeIds.length) {
        codeStarts.push(0);
        codeEnds.push(0);
        codeIds.push(code);
      } else codeIds[key] = code;
    }
    codeStarts[key] = starts[2];
    codeEnds[key] = ends[2];
    key++;
    const value = ends[3] === starts[3] ? Number.NaN : readValue(buffer, starts[3], ends[3]);
    table.add(pair, code, value);
  }
  return true;
}

/** `Number(text)` of a value cell: a plain decimal converted here (`plainDecimal`), anything else by `Number`. */
function readValue(buffer: Buffer, start: number, end: number): number {
  return plainDecimal(buffer, start, end) ?? Number(buffer.toString("utf8", start, end));
}

/** A run folder and the label its messages name it by. */
export interface RunFolder {
  folder: string;
  label: string;
  /**
   * The files its `manifest.json` lists (its `outputs`; see `readRunFolder`): then each file read to compare the run
   * (`index.json`, `input-values.csv`, the Parquet files of a `--parquet-only` run) is hashed as it is read and must be
   * as listed, else `RunChangedError`. `undefined`: read unchecked (a folder without a manifest, such as an `--out`
   * folder).
   */
  listed?: readonly FileDigest[];
}

/**
 * A run folder with its manifest and the files it lists (`listed`), to compare it with the files checked; a folder
 * without `manifest.json` (an `--out` folder) comes back without either, read unchecked.
 * @throws `InputError` `E_NO_MANIFEST` when its `manifest.json` cannot be read or is not one compute writes, and
 * `RunChangedError` when it does not agree with itself or its run id (`checkManifest`: an option, an input's digest,
 * `previous` edited by hand), as a changed file would be: its run would be compared as if it had published that.
 */
export async function readRunFolder(run: RunFolder): Promise<{ run: RunFolder; manifest?: RunManifest }> {
  const read = await readManifestChecked(run.folder);
  if (read.ok) {
    const [check] = checkManifest(read.manifest, isRunId(basename(run.folder)) ? basename(run.folder) : undefined);
    if (check) throw new RunChangedError(`${run.label}/${formatManifestCheck(check)}`, run, MANIFEST_FILE);
    return { run: { ...run, listed: read.manifest.outputs }, manifest: read.manifest };
  }
  const manifestLabel = `${run.label}/${MANIFEST_FILE}`;
  if (read.missing) return { run: { folder: run.folder, label: run.label } };
  throw new InputError("E_NO_MANIFEST", outputMessages.verifyNoManifest(manifestLabel, read.problem), { source: manifestLabel });
}

/**
 * A file of a run read for a comparison that is not as the run's `manifest.json` lists it (edited, replaced or removed
 * since the run wrote it): `problem` says so (`runFileNotAsListed`); the message adds what that means for `diff`.
 */
export class RunChangedError extends InputError {
  constructor(
    readonly problem: string,
    run: RunFolder,
    file: string,
  ) {
    super("E_RUN_CHANGED", outputMessages.diffRunChanged(problem, run.label), { source: `${run.label}/${file}` });
  }
}

/** Throws `RunChangedError` unless the file `file` of `run` (`found`: its size and SHA-256, `undefined` when missing) is as `run.listed` lists it. */
function requireAsListed(run: RunFolder, file: string, found: { bytes: number; sha256: string } | undefined): void {
  const entry = run.listed?.find((listed) => listed.path.split("\\").join("/") === file);
  if (!entry && !found) return; // neither listed nor there: a run without the file (input values of a --out folder)
  if (entry && found && entry.bytes === found.bytes && entry.sha256 === found.sha256) return;
  const listed = entry && { bytes: entry.bytes, sha256: entry.sha256 };
  throw new RunChangedError(outputMessages.runFileNotAsListed(`${run.label}/${file}`, listed, found), run, file);
}

/** How much of a file is read at a time while it is hashed (`readHashed`). */
const HASHED_CHUNK = 16 * 2 ** 20;

/**
 * The bytes of a file and their SHA-256, hashed chunk by chunk as they are read (one pass over the file), or
 * `undefined` when it cannot be read (as `readBytes`).
 */
export async function readHashed(path: string): Promise<{ bytes: Buffer; sha256: string } | undefined> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch {
    return undefined;
  }
  try {
    const hash = sha256Hash();
    let buffer = Buffer.allocUnsafe((await handle.stat()).size);
    let length = 0;
    for (;;) {
      if (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, Math.min(HASHED_CHUNK, buffer.length - length), null);
        if (bytesRead === 0) break;
        hash.update(buffer.subarray(length, length + bytesRead));
        length += bytesRead;
        continue;
      }
      // Read to the size the file had: one more read says it has not grown since (else what it read is appended).
      const more = Buffer.allocUnsafe(2 ** 16);
      const { bytesRead } = await handle.read(more, 0, more.length, null);
      if (bytesRead === 0) break;
      hash.update(more.subarray(0, bytesRead));
      buffer = Buffer.concat([buffer.subarray(0, length), more.subarray(0, bytesRead)]);
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, length), sha256: hash.digest("hex") };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of the file `name` of `run`, or `undefined` when it cannot be read; for a run with `listed` files, hashed
 * as read and checked against its entry (`requireAsListed`).
 */
export async function readRunFile(run: RunFolder, name: string): Promise<Buffer | undefined> {
  if (!run.listed) return readBytes(join(run.folder, name));
  const read = await readHashed(join(run.folder, name));
  requireAsListed(run, name, read && { bytes: read.bytes.length, sha256: read.sha256 });
  return read?.bytes;
}

/** What two run folders hold of one kind of values: the file, how to read it into a table. */
const KIND_FILES: Record<RevisionKind, { name: string; read: (bytes: Buffer, source: string, table: RunValueTable, run: RunFolder) => void | Promise<void> }> = {
  input: { name: INPUT_VALUES_FILE, read: readInputValues },
  output: { name: "index.json", read: readRunOutputValues },
};

/**
 * The values of one kind of two runs, as tables over one index: `undefined` for a run without the file. The files are
 * read one after the other, so that only one is in memory at a time besides the tables.
 */
export async function readRunTables(
  kind: RevisionKind,
  before: RunFolder,
  after: RunFolder,
): Promise<[RunValueTable | undefined, RunValueTable | undefined]> {
  const { name, read } = KIND_FILES[kind];
  const index = new RunValueIndex();
  const tableOf = async (run: RunFolder) => {
    const bytes = await readRunFile(run, name);
    if (!bytes) return undefined;
    const table = index.table();
    await read(bytes, `${run.label}/${name}`, table, run);
    return table;
  };
  let first: RunValueTable | undefined;
  try {
    first = await tableOf(before);
  } catch (cause) {
    throw new EarlierRunError(cause);
  }
  return [first, await tableOf(after)];
}

/** An error reading the earlier of two runs compared (`cause`); `compareRunFolders` unwraps it unless asked not to. */
export class EarlierRunError extends Error {
  constructor(override readonly cause: unknown) {
    super("the earlier run cannot be read", { cause });
  }
}

/** Throws the error of `readRun` for a folder without an `index.json`. */
export async function requireIndexJson(run: RunFolder): Promise<void> {
  const found = await stat(join(run.folder, "index.json")).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!found)
    throw new InputError("E_RUN_FILE", runMessages.noIndexJson(run.label), { source: run.label });
}

/**
 * The revisions between two run folders, as `compareRunValues` lists them for the values `readRun` reads: input
 * revisions (when `inputs` is `both`, only if both runs recorded their input values; when `either`, a run without them
 * counts as one without values), then output revisions; and whether both runs recorded their input values. Reads
 * each kind into typed tables, one kind at a time.
 */
export async function compareRunFolders(
  before: RunFolder,
  after: RunFolder,
  inputs: "both" | "either",
): Promise<{ revisions: Revision[]; inputsRecorded: boolean }> {
  try {
    return await compareRunFoldersOrFail(before, after, inputs);
  } catch (cause) {
    throw cause instanceof EarlierRunError ? cause.cause : cause;
  }
}

/** `compareRunFolders`, with an error reading the earlier run thrown as an `EarlierRunError`. */
export async function compareRunFoldersOrFail(
  before: RunFolder,
  after: RunFolder,
  inputs: "both" | "either",
): Promise<{ revisions: Revision[]; inputsRecorded: boolean }> {
  const revisions: Revision[] = [];
  let inputsRecorded: boolean;
  {
    const [old, current] = await readRunTables("input", before, after);
    inputsRecorded = old !== undefined && current !== undefined;
    if (old && current) append(revisions, compareRunTables("input", old, current));
    else if (inputs === "either" && (old || current)) {
      const empty = (old ?? current)!.index.table();
      append(revisions, compareRunTables("input", old ?? empty, current ?? empty));
    }
  }
  const [old, current] = await readRunTables("output", before, after);
  append(revisions, compareRunTables("output", old!, current!));
  return { revisions, inputsRecorded };
}

/** Appends `items` to `list` (a spread would overflow the stack for millions of items). */
function append<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

/**
 * The tallies of the revisions between two run folders (`tallyRunTables`): inputs (a run without its input values
 * counts as one without values), and outputs with the largest change of `code`. Memory does not grow with the number
 * of revisions. An error reading the earlier run is thrown as an `EarlierRunError`.
 */
export async function tallyRunFolders(before: RunFolder, after: RunFolder, code: string): Promise<{ input: RevisionTally; output: RevisionTally }> {
  let input: RevisionTally = { counts: { changed: 0, added: 0, removed: 0 } };
  {
    const [old, current] = await readRunTables("input", before, after);
    if (old || current) {
      const empty = (old ?? current)!.index.table();
      input = tallyRunTables("input", old ?? empty, current ?? empty);
    }
  }
  const [old, current] = await readRunTables("output", before, after);
  return { input, output: tallyRunTables("output", old!, current!, code) };
}
