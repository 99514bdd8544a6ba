/**
 * The files DuckDB reads itself (those a values query reads, a `.parquet` values file), checked as the tool's own
 * readers check theirs (read-text.ts), where DuckDB reads them without a word or refuses them in words of its own: a
 * file holding NUL bytes (binary data named .csv, text followed by the NUL bytes of a copy that stopped) is refused
 * before the query runs, as DuckDB would read it as one garbled column; and once DuckDB has refused a file, what the
 * file is (GBK or UTF-16 text, a workbook, a PDF, text named .parquet, a Parquet file cut short) is said with what to
 * do, instead of DuckDB's "Invalid unicode" or "No magic bytes found".
 */
import { open, type FileHandle } from "node:fs/promises";
import { limitMessages, type QueryFileEncoding } from "../../core/limit-messages.js";
import { IndexToolError, InputError } from "../../errors.js";
import { looksLikeGbk } from "./read-text.js";
import { describeBinary, describeZip, firstNul, lineAt, NUL_DATA, nulScanOf, OLE2, SNIFF_BYTES, startsLikeParquet, startsWith, utf16WithoutMark, ZIP } from "./sniff.js";

/** A file DuckDB reads: its path, and its name in messages (relative to the folder a query reads). */
export interface DuckdbFile {
  path: string;
  name: string;
}

/** The first bytes of gzip and zstd data, which DuckDB unpacks itself (`x.csv.gz`, `x.csv.zst`): they tell nothing of the text inside. */
const COMPRESSED = [
  [0x1f, 0x8b],
  [0x28, 0xb5, 0x2f, 0xfd],
];
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
 * file is not read whole before DuckDB reads it.
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
 * text is (a workbook, a PDF, binary data: `E_BINARY`), or, read with read_parquet, no Parquet file (`E_PARQUET`,
 * saying what it looks like). `undefined` otherwise, DuckDB's own message standing: a file in UTF-8 (DuckDB's
 * words are about its content), a file in another encoding, gzip or zstd data (DuckDB's words are about what is inside).
 */
export async function queryFileError(error: unknown, label: string, files: readonly DuckdbFile[]): Promise<InputError | undefined> {
  // DuckDB's words without its quote of the query (`LINE 1: SELECT … read_csv('…')`), which names every file the query reads.
  const said = duckdbMessage(error)?.replace(/^LINE \d+:.*$/gm, "");
  if (said === undefined) return undefined;
  const slashed = (path: string) => path.replace(/\\/g, "/");
  // The longest path first: `x.csv` is part of `x.csv.gz`.
  const file = [...files].sort((a, b) => b.path.length - a.path.length).find((candidate) => slashed(said).includes(slashed(candidate.path)));
  if (file === undefined) return undefined;
  const cause = { cause: error };
  if (/magic bytes|parquet/i.test(said)) {
    const what = await withFile(file.path, notParquet);
    return what === undefined ? undefined : new InputError("E_PARQUET", limitMessages.queryFileNotParquet(label, file.name, what), { source: label }, cause);
  }
  const found = await withFile(file.path, (handle, size) => textLook(handle, size, /not utf-8 encoded|invalid unicode|invalid utf-8|utf-16/i.test(said)));
  if (found === undefined) return undefined;
  if ("what" in found) return new InputError("E_BINARY", limitMessages.queryFileBinary(label, file.name, found.what), { source: label }, cause);
  return new InputError("E_ENCODING", limitMessages.queryFileEncoding(label, file.name, found.encoding, /json/i.test(said) ? "json" : "csv"), { source: label }, cause);
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
 * GB18030). `undefined` for UTF-8 text, text in another encoding, and gzip or zstd data.
 */
async function textLook(handle: FileHandle, size: number, notUtf8: boolean): Promise<{ what: string } | { encoding: QueryFileEncoding } | undefined> {
  const head = await bytesAt(handle, 0, Math.min(size, SNIFF_BYTES));
  if (head.length === 0 || COMPRESSED.some((magic) => startsWith(head, magic))) return undefined;
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? "utf-16le" : head[0] === 0xfe && head[1] === 0xff ? "utf-16be" : utf16WithoutMark(head);
  if (utf16 !== undefined) return notUtf8 ? { encoding: utf16 === "utf-16le" ? "UTF-16LE" : "UTF-16BE" } : undefined;
  if (startsLikeParquet(head)) return { what: "a Parquet file" };
  const what = (await workbookOf(handle, head, size)) ?? describeBinary(head);
  if (what !== undefined) return { what };
  if (!notUtf8) return undefined;
  const invalid = await firstInvalidUtf8(handle, size);
  return invalid !== undefined && (await gbkLineAt(handle, size, invalid)) ? { encoding: "GBK" } : undefined;
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
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? "utf-16le" : head[0] === 0xfe && head[1] === 0xff ? "utf-16be" : utf16WithoutMark(head);
  if (utf16 !== undefined) return utf16 === "utf-16le" ? "UTF-16LE text" : "UTF-16BE text";
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
 * Whether the line around byte `offset` of a file (`size` bytes, open as `handle`) reads as GB18030 (`looksLikeGbk`):
 * up to 2 KB either side, from a line feed to the next (no GB18030 character holds the byte 0x0A), a character cut
 * where a longer line is cut left out.
 */
async function gbkLineAt(handle: FileHandle, size: number, offset: number): Promise<boolean> {
  const from = Math.max(0, offset - 2048);
  const window = await bytesAt(handle, from, Math.min(size, offset + 2048) - from);
  const at = offset - from;
  const start = window.lastIndexOf(0x0a, at) + 1;
  const feed = window.indexOf(0x0a, at);
  const cut = feed < 0 && from + window.length < size;
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
