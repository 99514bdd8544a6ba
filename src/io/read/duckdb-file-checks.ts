/**
 * The files DuckDB reads itself (those a values query reads, a `.parquet` values file), checked as the tool's own
 * readers check theirs (read-text.ts), where DuckDB reads them without a word or refuses them in words of its own: a
 * file holding NUL bytes (binary data named .csv, text followed by the NUL bytes of a copy that stopped) is refused
 * before the query runs, as DuckDB would read it as one garbled column; and once DuckDB has refused a file, what the
 * file is (GBK or UTF-16 text, a workbook, a PDF, text named .parquet, a Parquet file cut short; the same inside gzip
 * data, `x.csv.gz`) is said with what to do, instead of DuckDB's "Invalid unicode" or "No magic bytes found"; a NUL
 * byte DuckDB met further in (quoted `\0`, or in a unit's name) is named in the file, which is read through only then;
 * and a UTF-16BE file that read_csv's encoding = 'utf-16' read as UTF-16LE is named when the query's columns are refused.
 */
import { open, type FileHandle } from "node:fs/promises";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { limitMessages, type QueryFileEncoding } from "../../core/limit-messages.js";
import { IndexToolError, InputError, type Issue } from "../../errors.js";
import { looksLikeGbk } from "./read-text.js";
import { describeBinary, describeZip, firstNul, lineAt, NUL_DATA, nulScanOf, OLE2, SNIFF_BYTES, startsLikeParquet, startsWith, utf16WithoutMark, ZIP } from "./sniff.js";

/** A file DuckDB reads: its path, and its name in messages (relative to the folder a query reads). */
export interface DuckdbFile {
  path: string;
  name: string;
}

/** The first bytes of gzip data (`x.csv.gz`), which DuckDB unpacks itself: the text inside is looked at unpacked (`gunzippedHead`). */
const GZIP = [0x1f, 0x8b];
/**
 * The first bytes of zstd data (`x.csv.zst`), which DuckDB unpacks itself: Node 20's zlib has no zstd, so the text
 * inside is not looked at, and DuckDB's words about it stand.
 */
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
/** The first bytes of the compressed data DuckDB unpacks itself, whose own bytes tell nothing of the text inside. */
const COMPRESSED = [GZIP, ZSTD];
/** The last bytes of a whole Parquet file, as its first (`PAR1`). */
const PARQUET_END = [0x50, 0x41, 0x52, 0x31];
/** How much of a ZIP archive is read whole to tell a workbook from other archives (`describeZip`); a larger one is taken for a workbook. */
const ZIP_LOOK_BYTES = 64 * 1024 ** 2;

/**
 * Refuses, before the query of `label` runs, each of `files` (those it reads) that holds a NUL byte in its first
 * `SNIFF_BYTES` (by `nulScanOf`: in UTF-16 text, a NUL character) or in its last ones (a copy that stopped leaves the
 * file's end as NUL bytes), which DuckDB would read without a word, as one garbled column or a unit holding a NUL.
 * Left to DuckDB: a file that starts as one of the kinds `describeBinary` knows (a Parquet file, which a query reads; a
 * PDF, which DuckDB refuses, and `queryFileError` then says what it is), a ZIP archive or an old .xls workbook, gzip and
 * zstd data, a file that cannot be read. A NUL byte between a large file's first and last bytes is not looked for: the
 * file is not read whole before DuckDB reads it (once DuckDB has refused a line holding it, or a unit's name holds it,
 * `queryFileError` and `withQueryFileCauses` name it).
 * @throws `InputError` `E_BINARY` naming `label`, the file, the NUL byte's offset, and its line within the first bytes.
 */
export async function refuseNulBytes(label: string, files: readonly DuckdbFile[]): Promise<void> {
  for (const file of files) {
    const found = await withFile(file.path, (handle, size) => firstNulOf(handle, size));
    if (found === undefined) continue;
    const message =
      "stream" in found ? limitMessages.queryFileBinary(label, file.name, found.stream) : limitMessages.queryFileNul(label, file.name, found.line, found.offset);
    throw new InputError("E_BINARY", message, { source: label });
  }
}

/**
 * The first NUL byte of a file (`size` bytes, open as `handle`) that `refuseNulBytes` refuses: its offset, and its line
 * when within the first bytes; `stream`, what the file looks like, when it starts with a NUL byte (binary data, or all
 * NUL bytes: as `describeBinary` says).
 */
async function firstNulOf(handle: FileHandle, size: number): Promise<{ offset: number; line?: number } | { stream: string } | undefined> {
  const head = await bytesAt(handle, 0, Math.min(size, SNIFF_BYTES));
  if (head.length === 0 || COMPRESSED.some((magic) => startsWith(head, magic))) return undefined;
  if (head.every((byte) => byte === 0)) return { stream: describeBinary(head)! };
  const what = describeBinary(head);
  if (what === NUL_DATA) {
    const offset = firstNul(head, "bytes", 0);
    // A NUL byte first is binary data from its start, no text.
    return offset === 0 ? { stream: NUL_DATA } : { offset, line: lineAt(head, offset, "bytes") };
  }
  const scan = what === undefined ? nulScanOf(head) : undefined;
  if (scan === undefined) return undefined;
  const inHead = firstNul(head, scan, 0);
  if (inHead >= 0) return { offset: inHead, line: lineAt(head, inHead, scan) };
  if (size <= SNIFF_BYTES) return undefined;
  // From an even offset (`firstNul` counts UTF-16's pairs from one), after the first bytes.
  const start = Math.max(SNIFF_BYTES, size - SNIFF_BYTES) & ~1;
  const inTail = firstNul(await bytesAt(handle, start, size - start), scan, start);
  if (inTail < 0) return undefined;
  // Where the NUL bytes before it begin (those of a copy that stopped run to the end), back to the first bytes at most.
  let first = inTail;
  while (first > SNIFF_BYTES) {
    const from = Math.max(SNIFF_BYTES, first - 64 * 1024);
    const before = await bytesAt(handle, from, first - from);
    let kept = before.length;
    while (kept > 0 && before[kept - 1] === 0) kept--;
    first = from + kept;
    if (kept > 0) break;
  }
  // A UTF-16 NUL character starts at an even offset: an odd first NUL byte ends the character before it.
  return { offset: scan === "bytes" ? first : first + (first % 2) };
}

/**
 * The tool's own error for `error`, DuckDB's refusal of the values query of `label` (as `sqlError` gives it, or as
 * DuckDB threw it), when DuckDB's message names one of `files` (those the query reads) that is, read with read_csv or
 * read_json, GBK or UTF-16 text (DuckDB said it is not UTF-8: `E_ENCODING`, saying how to read it) or a kind of file no
 * text is (a workbook, a PDF, binary data: `E_BINARY`), gzip data whose text inside is one of those (its first
 * `SNIFF_BYTES` unpacked: `gunzippedHead`), a file holding a NUL byte where DuckDB quotes one (`\0`, on a line it
 * refused: `E_BINARY` naming the file's first NUL byte, the file read through now), a UTF-16BE file when a column the
 * query names was not found (read_csv's encoding = 'utf-16' read it as UTF-16LE: `E_ENCODING`), or, read with
 * read_parquet, no Parquet file (`E_PARQUET`, saying what it looks like). `undefined` otherwise, DuckDB's own message standing: a file
 * in UTF-8 (DuckDB's words are about its content), a file in another encoding, gzip data whose first unpacked bytes
 * are UTF-8 text, zstd data (Node 20 cannot unpack it: DuckDB's words are about what is inside).
 */
export async function queryFileError(error: unknown, label: string, files: readonly DuckdbFile[]): Promise<InputError | undefined> {
  // DuckDB's words without its quote of the query (`LINE 1: SELECT … read_csv('…')`), which names every file the query reads.
  const said = duckdbMessage(error)?.replace(/^LINE \d+:.*$/gm, "");
  if (said === undefined) return undefined;
  // A column the query names not found (DuckDB's words name no file): in a UTF-16BE file that encoding = 'utf-16'
  // read as UTF-16LE, no column name is as written (`withQueryFileCauses` says the same of a `SELECT *`).
  if (/Referenced column .* not found/.test(said))
    for (const candidate of files)
      if ((await withFile(candidate.path, bigEndianText)) === true)
        return new InputError("E_ENCODING", limitMessages.queryFileByteOrder(label, candidate.name), { source: label }, { cause: error });
  const slashed = (path: string) => path.replace(/\\/g, "/");
  // The longest path first: `x.csv` is part of `x.csv.gz`.
  const file = [...files].sort((a, b) => b.path.length - a.path.length).find((candidate) => slashed(said).includes(slashed(candidate.path)));
  if (file === undefined) return undefined;
  const cause = { cause: error };
  if (/magic bytes|parquet/i.test(said)) {
    const what = await withFile(file.path, notParquet);
    return what === undefined ? undefined : new InputError("E_PARQUET", limitMessages.queryFileNotParquet(label, file.name, what), { source: label }, cause);
  }
  // DuckDB quotes a NUL byte as \0 (`Original Line: …\0…`, `Could not convert string "1\05"`): one past the bytes
  // `refuseNulBytes` looked at, as in the middle of a large file (DuckDB's `file = …` line, a path, left out).
  if (/\\0/.test(said.replace(/^\s*file = .*$/gm, ""))) {
    const nul = await withFile(file.path, firstNulAnywhere);
    if (nul !== undefined) return new InputError("E_BINARY", limitMessages.queryFileNul(label, file.name, nul.line, nul.offset), { source: label }, cause);
  }
  const found = await withFile(file.path, (handle, size) => textLook(handle, size, /not utf-8 encoded|invalid unicode|invalid utf-8|utf-16/i.test(said)));
  if (found === undefined) return undefined;
  const gzipped = found.gzipped === true;
  if ("what" in found) return new InputError("E_BINARY", limitMessages.queryFileBinary(label, file.name, found.what, gzipped), { source: label }, cause);
  return new InputError("E_ENCODING", limitMessages.queryFileEncoding(label, file.name, found.encoding, /json/i.test(said) ? "json" : "csv", gzipped), { source: label }, cause);
}

/**
 * `issues`, the problems of the result of the query of `label` (its columns, its units' names), with their cause in
 * one of `files` (those it reads) said, at `where` (default: `label`): a UTF-16BE file (its byte-order mark, or
 * `utf16WithoutMark`), which read_csv's encoding = 'utf-16' reads as UTF-16LE, giving columns whose names are that text
 * in the wrong byte order (refused: `E_SQL_COLUMNS`), named first (`E_ENCODING`); a file holding a NUL byte, which a
 * unit's name holds (refused: `E_BINARY`), named with the byte's line and offset in place of the query's words (a NUL
 * byte past those `refuseNulBytes` looks at; the file read through, now that the result is refused). `undefined` when
 * no file is such (a unit's NUL from the query itself, `chr(0)`).
 */
export async function withQueryFileCauses(issues: readonly Issue[], label: string, files: readonly DuckdbFile[], where: Omit<Issue, "code" | "message"> = { source: label }): Promise<Issue[] | undefined> {
  const caused = [...issues];
  if (issues.some((issue) => issue.code === "E_SQL_COLUMNS"))
    for (const file of files)
      if ((await withFile(file.path, bigEndianText)) === true) {
        caused.unshift({ ...where, code: "E_ENCODING", message: limitMessages.queryFileByteOrder(label, file.name) });
        break;
      }
  const nulUnits = caused.findIndex((issue) => issue.code === "E_BINARY");
  if (nulUnits >= 0)
    for (const file of files) {
      const nul = await withFile(file.path, firstNulAnywhere);
      if (nul === undefined) continue;
      caused[nulUnits] = { ...caused[nulUnits], message: limitMessages.queryFileNul(label, file.name, nul.line, nul.offset) };
      break;
    }
  return caused.some((issue, i) => issue !== issues[i]) ? caused : undefined;
}

/**
 * The tool's own error for DuckDB's refusal (`error`) of a `.parquet` values file (`path`, named `label`) that is no
 * Parquet file, saying what it looks like (`notParquet`); `undefined` for a file that is one (DuckDB's words stand).
 */
export async function parquetFileError(error: unknown, label: string, path: string): Promise<InputError | undefined> {
  const what = await withFile(path, notParquet);
  return what === undefined ? undefined : new InputError("E_PARQUET", limitMessages.parquetNotParquet(label, what), { source: label }, { cause: error });
}

/** DuckDB's own message in `error`: the cause of `sqlError`'s `E_SQL`, or a DuckDB error itself (no error of the tool's). */
function duckdbMessage(error: unknown): string | undefined {
  const duckdb = error instanceof IndexToolError ? (error.code === "E_SQL" ? error.cause : undefined) : error;
  return duckdb instanceof Error ? duckdb.message : undefined;
}

/**
 * What a file DuckDB refused to read as text looks like, when it is not UTF-8 text: a kind no text is (`what`: a
 * workbook, a Parquet file, what `describeBinary` says), or, when DuckDB said the file is not UTF-8 (`notUtf8`), UTF-16
 * text (its byte-order mark, or `utf16WithoutMark`) or GBK text (the line of the first byte that is no UTF-8 reads as
 * GB18030); for gzip data, the same of the text inside, by its first bytes unpacked (`gzipped`: `unpackedTextLook`).
 * `undefined` for UTF-8 text, text in another encoding, and zstd data.
 */
async function textLook(handle: FileHandle, size: number, notUtf8: boolean): Promise<TextLook | undefined> {
  const head = await bytesAt(handle, 0, Math.min(size, SNIFF_BYTES));
  if (head.length === 0 || startsWith(head, ZSTD)) return undefined;
  if (startsWith(head, GZIP)) {
    const unpacked = await gunzippedHead(handle);
    const found = unpacked && unpackedTextLook(unpacked.head, unpacked.whole, notUtf8);
    return found && { ...found, gzipped: true };
  }
  const utf16 = utf16Of(head);
  if (utf16 !== undefined) return notUtf8 ? { encoding: utf16 } : undefined;
  if (startsLikeParquet(head)) return { what: "a Parquet file" };
  const what = (await workbookOf(handle, head, size)) ?? describeBinary(head);
  if (what !== undefined) return { what };
  if (!notUtf8) return undefined;
  const invalid = await firstInvalidUtf8(handle, size);
  return invalid !== undefined && (await gbkLineAt(handle, size, invalid)) ? { encoding: "GBK" } : undefined;
}

/** What `textLook` says of a file: a kind no text is (`what`) or text of an `encoding`, `gzipped` when of the text inside gzip data. */
type TextLook = ({ what: string } | { encoding: QueryFileEncoding }) & { gzipped?: true };

/**
 * `textLook` of `head`, the first bytes gzip data unpacks to (`whole`: all of it), which are all that is looked at: a
 * workbook by its first bytes alone (`describeZip` needs a whole archive), GBK text by the line of the first byte that
 * is no UTF-8 when that byte is among them.
 */
function unpackedTextLook(head: Buffer, whole: boolean, notUtf8: boolean): { what: string } | { encoding: QueryFileEncoding } | undefined {
  if (head.length === 0) return undefined;
  const utf16 = utf16Of(head);
  if (utf16 !== undefined) return notUtf8 ? { encoding: utf16 } : undefined;
  if (startsLikeParquet(head)) return { what: "a Parquet file" };
  const what = (startsWith(head, OLE2) ? "an old Excel workbook (.xls)" : startsWith(head, ZIP) ? "an Excel workbook (.xlsx)" : undefined) ?? describeBinary(head);
  if (what !== undefined) return { what };
  if (!notUtf8) return undefined;
  // The first bytes as UTF-8, a character they cut at their end left out (`stream`).
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(head, { stream: !whole });
  const invalid = text.indexOf("\uFFFD");
  return invalid >= 0 && gbkLineIn(head, Buffer.byteLength(text.slice(0, invalid)), !whole) ? { encoding: "GBK" } : undefined;
}

/** The byte order of UTF-16 text, by its first bytes `head`: its byte-order mark, or `utf16WithoutMark`; `undefined` for other bytes. */
function utf16Of(head: Uint8Array): "UTF-16LE" | "UTF-16BE" | undefined {
  const order = head[0] === 0xff && head[1] === 0xfe ? "utf-16le" : head[0] === 0xfe && head[1] === 0xff ? "utf-16be" : utf16WithoutMark(head);
  return order === undefined ? undefined : order === "utf-16le" ? "UTF-16LE" : "UTF-16BE";
}

/** Whether a file (`size` bytes, open as `handle`) is UTF-16BE text (`utf16Of`), by its first bytes (unpacked, for gzip data). */
async function bigEndianText(handle: FileHandle, size: number): Promise<true | undefined> {
  const first = await bytesAt(handle, 0, Math.min(size, SNIFF_BYTES));
  const head = startsWith(first, GZIP) ? (await gunzippedHead(handle))?.head : first;
  return head !== undefined && utf16Of(head) === "UTF-16BE" ? true : undefined;
}

/**
 * The first `SNIFF_BYTES` that the gzip data of a file (open as `handle`) unpacks to, and whether they are all of it
 * (`whole`), unpacked as a stream stopped there: a large file is never unpacked whole, nor read much past the bytes
 * they take. Damaged data gives what was unpacked before it; `undefined` when that is nothing.
 */
async function gunzippedHead(handle: FileHandle): Promise<{ head: Buffer; whole: boolean } | undefined> {
  const gunzip = createGunzip();
  // Its errors reach the loop below through `gunzip`; the file stays open, for `withFile` to close.
  pipeline(handle.createReadStream({ start: 0, autoClose: false, highWaterMark: 16 * 1024 }), gunzip, () => {});
  const chunks: Buffer[] = [];
  let length = 0;
  let whole = true;
  try {
    for await (const chunk of gunzip) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= SNIFF_BYTES) {
        // Stopping the loop destroys `gunzip`, and `pipeline` the file's stream.
        whole = false;
        break;
      }
    }
  } catch {
    whole = false;
  }
  return length === 0 ? undefined : { head: Buffer.concat(chunks).subarray(0, SNIFF_BYTES), whole };
}

/**
 * The first NUL of a file (`size` bytes, open as `handle`; a NUL byte, or in UTF-16 text a NUL character, as
 * `nulScanOf` tells from its first bytes): its offset and its line (counted as `lineAt` counts them), the file read
 * through a MB at a time. `undefined` when it holds none, and for compressed data, a ZIP archive or an old .xls workbook.
 */
async function firstNulAnywhere(handle: FileHandle, size: number): Promise<{ offset: number; line: number } | undefined> {
  const head = await bytesAt(handle, 0, Math.min(size, SNIFF_BYTES));
  const scan = COMPRESSED.some((magic) => startsWith(head, magic)) ? undefined : nulScanOf(head);
  if (scan === undefined) return undefined;
  // A line end's code unit: a byte, or two in UTF-16.
  const unit = (code: number) => (scan === "bytes" ? [code] : scan === "utf-16le" ? [code, 0] : [0, code]);
  let line = 1;
  let carriageReturnLast = false;
  // Chunks of an even length, from even offsets: no UTF-16 character is cut between two.
  for (let position = 0; position < size; ) {
    const chunk = await bytesAt(handle, position, Math.min(size - position, 1024 ** 2));
    if (chunk.length === 0) break;
    const nul = firstNul(chunk, scan, position);
    line += lineAt(chunk, nul < 0 ? chunk.length : nul - position, scan) - 1;
    // A CRLF cut between two chunks: `lineAt` counted its carriage return as one alone, and its line feed here.
    if (carriageReturnLast && startsWith(chunk, unit(0x0a))) line--;
    if (nul >= 0) return { offset: nul, line };
    carriageReturnLast = startsWith(chunk.subarray(chunk.length - unit(0x0d).length), unit(0x0d));
    position += chunk.length;
  }
  return undefined;
}

/**
 * What a file that DuckDB refused to read as Parquet looks like (`size` bytes, open as `handle`): a Parquet file cut
 * short (its first bytes a Parquet file's, its last bytes not), a workbook, what `describeBinary` says, or text (UTF-8,
 * UTF-16, GBK: as its first bytes read); `undefined` for a whole Parquet file (DuckDB's words stand) and other bytes.
 */
async function notParquet(handle: FileHandle, size: number): Promise<string | undefined> {
  const head = await bytesAt(handle, 0, Math.min(size, SNIFF_BYTES));
  if (head.length === 0) return undefined;
  if (startsLikeParquet(head)) return startsWith(await bytesAt(handle, Math.max(0, size - 4), 4), PARQUET_END) ? undefined : "a Parquet file cut short (its end is missing: copy it again)";
  const what = (await workbookOf(handle, head, size)) ?? describeBinary(head);
  if (what !== undefined) return what;
  const utf16 = utf16Of(head);
  if (utf16 !== undefined) return `${utf16} text`;
  // The first bytes as UTF-8, a character they cut at their end left out (`stream`).
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(head, { stream: head.length < size });
  const invalid = text.indexOf("\uFFFD");
  if (invalid < 0) return "UTF-8 text";
  return (await gbkLineAt(handle, size, Buffer.byteLength(text.slice(0, invalid)))) ? "GBK/GB18030 text" : undefined;
}

/** What a ZIP archive (an .xlsx workbook, `describeZip`'s other archives) or an old .xls workbook is, by its first bytes `head`. */
async function workbookOf(handle: FileHandle, head: Uint8Array, size: number): Promise<string | undefined> {
  if (startsWith(head, OLE2)) return "an old Excel workbook (.xls)";
  if (!startsWith(head, ZIP)) return undefined;
  return (size <= ZIP_LOOK_BYTES ? describeZip(await bytesAt(handle, 0, size)) : undefined) ?? "an Excel workbook (.xlsx)";
}

/**
 * The offset of the first byte of a file (`size` bytes, open as `handle`) that is no part of UTF-8 text (a byte-order
 * mark is), read a MB at a time; `undefined` when it is all UTF-8.
 */
async function firstInvalidUtf8(handle: FileHandle, size: number): Promise<number | undefined> {
  // Not fatal: U+FFFD marks the first byte that is no UTF-8 (`ignoreBOM`: a mark is kept, its three bytes counted).
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let decoded = 0;
  for (let position = 0; position < size; ) {
    const chunk = await bytesAt(handle, position, Math.min(size - position, 1024 ** 2));
    if (chunk.length === 0) break;
    position += chunk.length;
    const text = decoder.decode(chunk, { stream: position < size });
    const invalid = text.indexOf("\uFFFD");
    if (invalid >= 0) return decoded + Buffer.byteLength(text.slice(0, invalid));
    decoded += Buffer.byteLength(text);
  }
  return undefined;
}

/**
 * Whether the line around byte `offset` of a file (`size` bytes, open as `handle`) reads as GB18030 (`gbkLineIn`), up
 * to 2 KB either side.
 */
async function gbkLineAt(handle: FileHandle, size: number, offset: number): Promise<boolean> {
  const from = Math.max(0, offset - 2048);
  const window = await bytesAt(handle, from, Math.min(size, offset + 2048) - from);
  return gbkLineIn(window, offset - from, from + window.length < size);
}

/**
 * Whether the line around byte `at` of `window` (bytes of a file; `more`, when the file goes on after them) reads as
 * GB18030 (`looksLikeGbk`): from a line feed to the next (no GB18030 character holds the byte 0x0A), a character cut
 * where a longer line is cut left out.
 */
function gbkLineIn(window: Uint8Array, at: number, more: boolean): boolean {
  const start = window.lastIndexOf(0x0a, at) + 1;
  const feed = window.indexOf(0x0a, at);
  const cut = feed < 0 && more;
  const end = feed < 0 ? window.length : feed;
  // A GB18030 character is at most 4 bytes: one cut at the window's end leaves up to 3 of them.
  for (let dropped = 0; dropped <= (cut ? 3 : 0); dropped++) if (end - dropped > at && looksLikeGbk(window.subarray(start, end - dropped))) return true;
  return false;
}

/** `length` bytes of a file from `position` (fewer if the file ends first). */
async function bytesAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await handle.read(bytes, 0, bytes.length, position);
  return bytes.subarray(0, bytesRead);
}

/** `look` at the regular file `path` (open, with its size); `undefined` for a file that cannot be opened or is no regular file (DuckDB says so). */
async function withFile<T>(path: string, look: (handle: FileHandle, size: number) => Promise<T | undefined>): Promise<T | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch {
    return undefined;
  }
  try {
    const info = await handle.stat();
    return info.isFile() ? await look(handle, info.size) : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
