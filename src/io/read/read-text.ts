/**
 * Reading a text file the way people save them: UTF-8 with or without a byte-order mark, GBK/GB18030 (what Excel on
 * Chinese Windows saves as "CSV"), or UTF-16 with a byte-order mark (Excel's "Unicode text") or without one (R's
 * `write.csv` with `fileEncoding = "UTF-16LE"`, SQL Server's `bcp -w`).
 * Bytes that are none of these are an error naming the file, never mojibake in the output.
 */
import { open, type FileHandle } from "node:fs/promises";
import { createRequire } from "node:module";
import { encodingMessages } from "../../core/encoding-messages.js";
import { limitMessages } from "../../core/limit-messages.js";
import { readerMessages } from "../../core/reader-messages.js";
import { InputError } from "../../errors.js";
import { noteInputFile } from "./inputs-read.js";
import { describeBinary, describeZip, firstNul, lineAt, NUL_DATA, nulScanOf, SNIFF_BYTES, utf16WithoutMark, type NulScan } from "./sniff.js";

/**
 * The largest input file read: 4 GB, the most one buffer holds in Node 20 (the benchmark's 12 M-value CSV weighs
 * 310 MB). A file is refused before any of it is read; a pipe or device as soon as it has given more.
 */
export const MAX_INPUT_BYTES = 4 * 1024 ** 3;

/** The longest text a file may decode to: V8's longest string (about 512 MB). */
const MAX_TEXT_BYTES = 536_870_888;

/** `auto` reads UTF-8 (BOM or not), else UTF-16 (BOM or not), else GB18030; the others force one encoding. */
export const ENCODINGS = ["auto", "utf-8", "gb18030", "gbk"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The other names of an encoding that `parseEncoding` reads (as `--encoding` takes them). */
type EncodingAlias = "utf8" | "gb2312" | "cp936" | "windows-936";

/**
 * An encoding by a name `parseEncoding` reads, in lower or upper case (`utf8`, `GBK`, `cp936`, `UTF-8`): what the
 * library's `load` takes, as the command line's `--encoding` does. `parseEncoding` gives the `Encoding` it names.
 */
export type EncodingName = Encoding | EncodingAlias | Uppercase<Encoding | EncodingAlias>;

/** Reads an encoding name (`utf8`, `GBK`, `GB2312`, `cp936` are accepted); `undefined` if it is none. */
export function parseEncoding(text: string): Encoding | undefined {
  const word = text.trim().toLowerCase().replace(/_/g, "-");
  if (word === "utf8") return "utf-8";
  if (word === "gb2312" || word === "cp936" || word === "windows-936") return "gbk";
  return (ENCODINGS as readonly string[]).includes(word) ? (word as Encoding) : undefined;
}

/**
 * Decodes bytes as text by `encoding` (default `auto`), dropping a BOM; throws `InputError` `E_ENCODING` when the bytes
 * are not valid in it. Under `auto`, invalid UTF-8 that is valid GB18030 reads as GB18030 (GBK is a subset).
 */
export function decodeText(bytes: Uint8Array, source: string, encoding: Encoding = "auto"): string {
  if (bytes.length > MAX_TEXT_BYTES) throw new InputError("E_TOO_LARGE", limitMessages.textTooLarge(source, bytes.length, MAX_TEXT_BYTES), { source });
  const utf8Mark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === "auto" || encoding === "utf-8") {
    if (encoding === "auto" && bytes[0] === 0xff && bytes[1] === 0xfe) return strictDecode(bytes, "utf-16le", source);
    if (encoding === "auto" && bytes[0] === 0xfe && bytes[1] === 0xff) return strictDecode(bytes, "utf-16be", source);
    // UTF-16 without its mark: a NUL byte in the first bytes, in the pattern of UTF-16 text.
    const order = encoding === "auto" && bytes.length % 2 === 0 && bytes.subarray(0, SNIFF_BYTES).includes(0) ? utf16WithoutMark(bytes) : undefined;
    if (order !== undefined) return strictDecode(bytes, order, source);
    try {
      const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
      // NUL is valid UTF-8 but never in a text file: UTF-16 without its BOM, or a binary file.
      if (!text.includes("\u0000")) return text;
      throw new InputError("E_ENCODING", encodingMessages.nulBytes(source), { source });
    } catch (cause) {
      if (cause instanceof InputError) throw cause;
      // Lines in two encodings (a UTF-8 file and a GBK one joined) are named, whichever encoding was asked for.
      refuseMixedEncodings(bytes, source);
      if (encoding === "utf-8")
        throw new InputError("E_ENCODING", encodingMessages.notUtf8(source), { source }, { cause });
      // A UTF-8 mark before GBK bytes (an editor added it, or the file was joined from two): read as GBK, the mark would
      // become the characters "锘" and mangle the first column's name.
      if (utf8Mark) throw new InputError("E_ENCODING", limitMessages.bomNotUtf8(source, looksLikeGbk(bytes.subarray(3)) ? "GBK" : undefined), { source }, { cause });
    }
  }
  // Told the file is GBK, UTF-8 still wins where the bytes can only be UTF-8 (a UTF-8 tree read beside the values'
  // GBK, `--encoding gbk` being for both): a UTF-8 mark before valid UTF-8 (GBK text never starts with those three
  // bytes, which would read as "锘", and an editor that writes the mark writes UTF-8), or valid UTF-8 that holds Chinese
  // characters (GBK text is valid UTF-8 only by a chance that makes no Chinese character of it, while read as GBK
  // UTF-8's Chinese becomes other Chinese characters: 维度 as 缁村害, without a word).
  if (encoding === "gbk" || encoding === "gb18030") {
    const text = validUtf8(bytes);
    if (text !== undefined && (utf8Mark || CHINESE_CHARACTER.test(text))) return text;
    if (text === undefined) refuseMixedEncodings(bytes, source);
  }
  // GB18030 decodes every byte sequence it defines; the replacement character marks one it does not.
  // iconv-lite is loaded only for text that is not UTF-8, so that runs on UTF-8 files start fast.
  const iconv = createRequire(import.meta.url)("iconv-lite") as typeof import("iconv-lite");
  // Told the file is GBK, a UTF-8 mark in front of it is dropped rather than read as the characters it would be.
  const body = utf8Mark ? bytes.subarray(3) : bytes;
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), "gb18030");
  if (!text.includes("\uFFFD") && !text.includes("\u0000")) return text.replace(/^\uFEFF/, "");
  throw new InputError("E_ENCODING", encoding === "auto" ? encodingMessages.notText(source) : encodingMessages.notValid(source, encoding.toUpperCase()), { source });
}

/** A Chinese character (CJK ideographs and their extension A) or a full-width or CJK punctuation mark. */
const CHINESE_CHARACTER = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** The text of valid UTF-8 bytes without a NUL (a BOM dropped); `undefined` for any other bytes. */
function validUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return text.includes("\u0000") ? undefined : text;
  } catch {
    return undefined;
  }
}

/** How many lines of each encoding a message about a file mixing two names. */
const NAMED_LINES = 5;

/**
 * The lines of a file that mixes UTF-8 lines with GBK ones (a UTF-8 file and a GBK one joined: `cat u8.csv gbk.csv`,
 * or rows pasted from another file), which no one encoding reads right: as GB18030 the UTF-8 lines turn into other
 * Chinese characters (常州 into 甯稿窞) without a word. `utf8` and `other` are the first `NAMED_LINES` line numbers
 * (1-based) of each kind, `utf8Count` and `otherCount` how many there are; `sample` is the first Chinese text of a UTF-8
 * line and what GB18030 makes of it. `undefined` when the file does not mix them.
 *
 * Meant for bytes already found not to be valid UTF-8 (one pass over them; most GBK lines are left at their first
 * Chinese character, whose bytes UTF-8 does not allow). A line counts as UTF-8 when its bytes beyond ASCII are all valid
 * UTF-8 sequences that are Chinese characters (or CJK and full-width punctuation), and as other when they are not valid
 * UTF-8. GBK text can by chance be valid UTF-8 that reads as Chinese, so the file mixes them only when at least one
 * line is surely UTF-8 (`surelyUtf8`) and another is invalid UTF-8: GBK text of common characters (GB2312, which every
 * GBK file of names mostly is) is never surely UTF-8.
 */
export function mixedEncodingLines(bytes: Uint8Array): MixedEncodingLines | undefined {
  const end = bytes.length;
  const utf8: number[] = [];
  const other: number[] = [];
  let utf8Count = 0;
  let otherCount = 0;
  let sample: MixedEncodingLines["sample"] | undefined;
  let position = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let line = 1; position < end; line++) {
    let lineEnd = bytes.indexOf(0x0a, position);
    if (lineEnd < 0) lineEnd = end;
    const kind = lineKind(bytes, position, lineEnd);
    if (kind === "other") {
      otherCount++;
      if (other.length < NAMED_LINES) other.push(line);
    } else if (kind === "utf-8") {
      utf8Count++;
      if (utf8.length < NAMED_LINES) utf8.push(line);
      if (!sample) sample = surelyUtf8(bytes.subarray(position, lineEnd));
    }
    position = lineEnd + 1;
  }
  return sample && otherCount > 0 ? { utf8, utf8Count, other, otherCount, sample } : undefined;
}

/** What `mixedEncodingLines` finds in a file that mixes UTF-8 lines with GBK ones. */
export interface MixedEncodingLines {
  utf8: number[];
  utf8Count: number;
  other: number[];
  otherCount: number;
  sample: { text: string; misread: string };
}

/** Throws `E_ENCODING` naming the lines of each encoding when `bytes` mix UTF-8 lines with GBK ones. */
function refuseMixedEncodings(bytes: Uint8Array, source: string): void {
  const mixed = mixedEncodingLines(bytes);
  if (mixed) throw new InputError("E_ENCODING", encodingMessages.mixedEncodings(source, mixed), { source });
}

/** The smallest code point of a UTF-8 sequence of 2, 3 and 4 bytes (a smaller one is an overlong form, invalid). */
const SMALLEST_POINT = [0, 0, 0x80, 0x800, 0x10000];

/**
 * A line's bytes (`start` to `end`): `utf-8` when every byte beyond ASCII is part of a valid UTF-8 sequence, each a
 * Chinese character or a CJK or full-width punctuation mark, one at least a Chinese character; `other` when some byte is
 * not valid UTF-8; `ascii` for ASCII alone, `neither` for valid UTF-8 with other characters (Greek, Latin accents).
 */
function lineKind(bytes: Uint8Array, start: number, end: number): "ascii" | "utf-8" | "other" | "neither" {
  let chinese = false;
  let foreign = false;
  let ascii = true;
  for (let i = start; i < end; i++) {
    const lead = bytes[i];
    if (lead < 0x80) continue;
    ascii = false;
    const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
    if (size === 0 || lead > 0xf4 || i + size > end) return "other";
    let point = lead & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return "other";
      point = (point << 6) | (next & 0x3f);
    }
    if (point < SMALLEST_POINT[size] || (point >= 0xd800 && point <= 0xdfff) || point > 0x10ffff) return "other";
    if (isIdeograph(point)) chinese = true;
    else if (!isCjkMark(point)) foreign = true;
    i += size - 1;
  }
  return ascii ? "ascii" : chinese && !foreign ? "utf-8" : "neither";
}

/** A Chinese character: CJK ideographs, their extensions A to G, and compatibility ideographs. */
const isIdeograph = (point: number) =>
  (point >= 0x4e00 && point <= 0x9fff) || (point >= 0x3400 && point <= 0x4dbf) || (point >= 0xf900 && point <= 0xfaff) || (point >= 0x20000 && point <= 0x3134f);

/** CJK punctuation (、。《》), general punctuation (“” — …) and full-width forms (（），％). */
const isCjkMark = (point: number) => (point >= 0x3000 && point <= 0x303f) || (point >= 0x2000 && point <= 0x206f) || (point >= 0xff00 && point <= 0xffef);

/** Whether a byte pair is a GB2312 character: rows A1-A9 (marks, full-width forms) and B0-F7 (hanzi), cells A1-FE. */
const isGb2312Pair = (lead: number, trail: number) => ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1 && trail <= 0xfe;

/**
 * Whether a line of valid UTF-8 Chinese (`lineKind` `utf-8`) is surely UTF-8, not GBK that happens to be valid UTF-8:
 * read as UTF-8 its characters are all common ones (in GB2312), while read as GBK its bytes make a character outside
 * GB2312 (or no character): GBK text of common characters reads as itself, UTF-8 seldom does (常州's bytes, read as
 * GBK, end in 窞, which GB2312 lacks). The line's first Chinese text and its GBK reading when sure; else `undefined`.
 */
function surelyUtf8(line: Uint8Array): { text: string; misread: string } | undefined {
  let common = true;
  for (let i = 0; i < line.length && common; i++) {
    if (line[i] < 0x80) continue;
    // Read as GBK: a pair outside GB2312 of two bytes beyond ASCII, or no GBK character at all (the line ends, or the
    // second byte is below 0x40). A pair whose second byte is an ASCII letter (GBK's rarer characters, 0x40 to 0x7E) is
    // no sign: UTF-8 Chinese before a letter reads so, but so does GBK text of those characters.
    const trail = i + 1 < line.length ? line[i + 1] : 0;
    if (trail < 0x40 || trail === 0x7f || (trail >= 0x80 && !isGb2312Pair(line[i], trail))) common = false;
    i++;
  }
  if (common) return undefined;
  const iconv = createRequire(import.meta.url)("iconv-lite") as typeof import("iconv-lite");
  const text = Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString("utf8");
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    const gbk = iconv.encode(char, "gbk");
    if (gbk.length !== 2 || !isGb2312Pair(gbk[0], gbk[1])) return undefined;
  }
  // The first run of characters beyond ASCII (at most 8), as UTF-8 and as GB18030 reads its bytes.
  const run = /[^\u0000-\u007f]{1,8}/u.exec(text)![0];
  return { text: run, misread: iconv.decode(Buffer.from(run, "utf8"), "gb18030") };
}

/** Whether bytes read as GB18030 without an undefined sequence or a NUL (GBK is a subset). */
export function looksLikeGbk(bytes: Uint8Array): boolean {
  const iconv = createRequire(import.meta.url)("iconv-lite") as typeof import("iconv-lite");
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
  return !text.includes("\uFFFD") && !text.includes("\u0000");
}

function strictDecode(bytes: Uint8Array, label: string, source: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InputError("E_ENCODING", encodingMessages.notValidUtf16(source, label.toUpperCase()), { source }, { cause });
  }
}

/** Reads a text file; a missing or unreadable file is an `InputError` naming it (as `label`, default its path). */
export async function readText(path: string, label = path, encoding: Encoding = "auto"): Promise<string> {
  return decodeText(await readBytes(path, label), label, encoding);
}

/**
 * Reads a file's bytes; a missing or unreadable file is an `InputError` naming it (as `label`, default its path).
 * Refused with `E_BINARY` before the rest is read: a file whose first bytes show it is no input (see `describeBinary`),
 * and a text file at its first NUL byte (one a copy that stopped filled with NUL bytes up to its size), naming its line
 * and byte offset; with `E_TOO_LARGE` a file over `limit` bytes (default `MAX_INPUT_BYTES`), checked before reading a
 * regular file and while reading a pipe or a device.
 */
export async function readBytes(path: string, label = path, limit = MAX_INPUT_BYTES): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (cause) {
    throw unreadable(cause, label);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw unreadable(Object.assign(new Error("is a folder"), { code: "EISDIR" }), label);
    const bytes = info.isFile() ? await readRegular(handle, info.size, label, limit) : await readStream(handle, label, limit);
    noteInputFile(path);
    const zip = describeZip(bytes);
    if (zip) throw new InputError("E_BINARY", limitMessages.binaryFile(label, zip), { source: label });
    return bytes;
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw unreadable(cause, label);
  } finally {
    await handle.close();
  }
}

/**
 * A regular file of `size` bytes: its size checked, then its first bytes, then the rest read into one buffer, each
 * part looked at for NUL bytes as it comes.
 */
async function readRegular(handle: FileHandle, size: number, label: string, limit: number): Promise<Buffer> {
  if (size > limit) throw new InputError("E_TOO_LARGE", limitMessages.fileTooLarge(label, size, limit), { source: label });
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  let scan: NulScan | undefined;
  while (filled < size) {
    const { bytesRead } = await handle.read(bytes, filled, Math.min(size - filled, filled === 0 ? SNIFF_BYTES : 64 * 1024 * 1024), filled);
    if (bytesRead === 0) break; // the file shrank while being read
    if (filled === 0) scan = checkHead(bytes.subarray(0, bytesRead), label);
    // From an even offset, so that a UTF-16 NUL character cut in two by the parts read is seen.
    else if (scan) refuseNul(bytes.subarray(0, filled + bytesRead), filled & ~1, scan, label);
    filled += bytesRead;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}

/** A pipe or a device (no size known): read in chunks, its first bytes checked, stopped once over `limit`. */
async function readStream(handle: FileHandle, label: string, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let checked = false;
  let scan: NulScan | undefined;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    const start = total;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (!checked && total >= SNIFF_BYTES) {
      scan = checkHead(Buffer.concat(chunks), label);
      checked = true;
    } else if (scan) {
      // A UTF-16 NUL character cut in two by the chunks: its first byte ends the previous chunk, at an even offset.
      const cut = scan !== "bytes" && start % 2 === 1 && chunk[0] === 0 && chunks[chunks.length - 2].at(-1) === 0;
      const offset = cut ? start - 1 : firstNul(chunk.subarray(0, bytesRead), scan, start);
      if (offset >= 0) throw nulError(Buffer.concat(chunks), offset, scan, label);
    }
    if (total > limit) throw new InputError("E_TOO_LARGE", limitMessages.fileTooLarge(label, undefined, limit), { source: label });
  }
  const bytes = Buffer.concat(chunks);
  if (!checked) checkHead(bytes, label);
  return bytes;
}

/**
 * Refuses (`E_BINARY`) a file whose first bytes show it is no input (`describeBinary`), or hold a NUL byte that text
 * does not (naming where the first is); how its further bytes are looked at for NUL bytes (`nulScanOf`).
 */
function checkHead(head: Uint8Array, label: string): NulScan | undefined {
  const what = describeBinary(head);
  if (what === NUL_DATA) throw nulError(head, firstNul(head, "bytes", 0), "bytes", label);
  if (what) throw new InputError("E_BINARY", limitMessages.binaryFile(label, what), { source: label });
  const scan = nulScanOf(head);
  if (scan) refuseNul(head, 0, scan, label);
  return scan;
}

/** Refuses (`E_BINARY`) `bytes`, a file's bytes from its start, at their first NUL (by `scan`) from offset `from` on. */
function refuseNul(bytes: Uint8Array, from: number, scan: NulScan, label: string): void {
  const offset = firstNul(bytes.subarray(from), scan, from);
  if (offset >= 0) throw nulError(bytes, offset, scan, label);
}

/** The `E_BINARY` error of a NUL at `offset` of `bytes` (a file's bytes from its start, that offset among them). */
function nulError(bytes: Uint8Array, offset: number, scan: NulScan, label: string): InputError {
  const line = lineAt(bytes, offset, scan);
  return new InputError("E_BINARY", limitMessages.nulByte(label, line, offset), { source: label, line });
}

/** The `InputError` of a file that could not be read (`cause`, the file system's error), naming it as `label`. */
export function unreadable(cause: unknown, label: string): InputError {
  const code = (cause as NodeJS.ErrnoException).code;
  const message =
    code === "ENOENT" ? readerMessages.noSuchFile(label) : code === "EISDIR" ? readerMessages.isFolder(label) : readerMessages.cannotRead(label, String(code ?? cause));
  return new InputError("E_READ", message, { source: label }, { cause });
}
