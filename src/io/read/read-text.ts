/**
 * Reading a text file the way people save them: UTF-8 with or without a byte-order mark, GBK/GB18030 (what Excel on
 * Chinese Windows saves as "CSV"), or UTF-16 with a byte-order mark (Excel's "Unicode text").
 * Bytes that are none of these are an error naming the file, never mojibake in the output.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { InputError } from "../../errors.js";

/** `auto` reads UTF-8 (BOM or not), else UTF-16 with a BOM, else GB18030; the others force one encoding. */
export const ENCODINGS = ["auto", "utf-8", "gb18030", "gbk"] as const;
export type Encoding = (typeof ENCODINGS)[number];

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
  if (encoding === "auto" || encoding === "utf-8") {
    if (encoding === "auto" && bytes[0] === 0xff && bytes[1] === 0xfe) return strictDecode(bytes, "utf-16le", source);
    if (encoding === "auto" && bytes[0] === 0xfe && bytes[1] === 0xff) return strictDecode(bytes, "utf-16be", source);
    try {
      const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
      // NUL is valid UTF-8 but never in a text file: UTF-16 without its BOM, or a binary file.
      if (!text.includes("\u0000")) return text;
      throw new InputError("E_ENCODING", `${source}: the file contains NUL bytes, so it is not text in UTF-8 or GBK (UTF-16 without a byte-order mark, or a binary file); expected a CSV saved as "CSV UTF-8"`, { source });
    } catch (cause) {
      if (cause instanceof InputError) throw cause;
      if (encoding === "utf-8")
        throw new InputError("E_ENCODING", `${source}: the file is not valid UTF-8; expected a UTF-8 text file (or give --encoding gbk)`, { source }, { cause });
    }
  }
  // GB18030 decodes every byte sequence it defines; the replacement character marks one it does not.
  // iconv-lite is loaded only for text that is not UTF-8, so that runs on UTF-8 files start fast.
  const iconv = createRequire(import.meta.url)("iconv-lite") as typeof import("iconv-lite");
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
  if (!text.includes("\uFFFD") && !text.includes("\u0000")) return text.replace(/^\uFEFF/, "");
  const what = encoding === "auto" ? "neither UTF-8 nor GBK/GB18030 text" : `not valid ${encoding.toUpperCase()}`;
  throw new InputError(
    "E_ENCODING",
    `${source}: the file is ${what}; expected a CSV saved as "CSV UTF-8" or as CSV from Chinese Excel (GBK), or an .xlsx workbook`,
    { source },
  );
}

function strictDecode(bytes: Uint8Array, label: string, source: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InputError("E_ENCODING", `${source}: the file starts like ${label.toUpperCase()} text but is not valid ${label.toUpperCase()}; expected UTF-8`, { source }, { cause });
  }
}

/** Reads a text file; a missing or unreadable file is an `InputError` naming it (as `label`, default its path). */
export async function readText(path: string, label = path, encoding: Encoding = "auto"): Promise<string> {
  return decodeText(await readBytes(path, label), label, encoding);
}

/** Reads a file's bytes; a missing or unreadable file is an `InputError` naming it (as `label`, default its path). */
export async function readBytes(path: string, label = path): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw unreadable(cause, label);
  }
}

/** The `InputError` of a file that could not be read (`cause`, the file system's error), naming it as `label`. */
export function unreadable(cause: unknown, label: string): InputError {
  const code = (cause as NodeJS.ErrnoException).code;
  const what = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code ?? cause})`;
  return new InputError("E_READ", `${label}: ${what}; expected a readable file`, { source: label }, { cause });
}
