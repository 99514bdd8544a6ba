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
import { describeBinary, describeZip, SNIFF_BYTES, utf16WithoutMark } from "./sniff.js";

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

/** Whether bytes read as GB18030 without an undefined sequence or a NUL (GBK is a subset). */
function looksLikeGbk(bytes: Uint8Array): boolean {
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
 * and with `E_TOO_LARGE` a file over `limit` bytes (default `MAX_INPUT_BYTES`), checked before reading a regular file
 * and while reading a pipe or a device.
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

/** A regular file of `size` bytes: its size checked, then its first bytes, then the rest read into one buffer. */
async function readRegular(handle: FileHandle, size: number, label: string, limit: number): Promise<Buffer> {
  if (size > limit) throw new InputError("E_TOO_LARGE", limitMessages.fileTooLarge(label, size, limit), { source: label });
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(bytes, filled, Math.min(size - filled, filled === 0 ? SNIFF_BYTES : 64 * 1024 * 1024), filled);
    if (bytesRead === 0) break; // the file shrank while being read
    if (filled === 0) refuseBinary(bytes.subarray(0, bytesRead), label);
    filled += bytesRead;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}

/** A pipe or a device (no size known): read in chunks, its first bytes checked, stopped once over `limit`. */
async function readStream(handle: FileHandle, label: string, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let checked = false;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (!checked && total >= SNIFF_BYTES) {
      refuseBinary(Buffer.concat(chunks), label);
      checked = true;
    }
    if (total > limit) throw new InputError("E_TOO_LARGE", limitMessages.fileTooLarge(label, undefined, limit), { source: label });
  }
  const bytes = Buffer.concat(chunks);
  if (!checked) refuseBinary(bytes, label);
  return bytes;
}

function refuseBinary(head: Uint8Array, label: string): void {
  const what = describeBinary(head);
  if (what) throw new InputError("E_BINARY", limitMessages.binaryFile(label, what), { source: label });
}

/** The `InputError` of a file that could not be read (`cause`, the file system's error), naming it as `label`. */
export function unreadable(cause: unknown, label: string): InputError {
  const code = (cause as NodeJS.ErrnoException).code;
  const message =
    code === "ENOENT" ? readerMessages.noSuchFile(label) : code === "EISDIR" ? readerMessages.isFolder(label) : readerMessages.cannotRead(label, String(code ?? cause));
  return new InputError("E_READ", message, { source: label }, { cause });
}
