/**
 * Reading a text file the way people save them: UTF-8 with or without a byte-order mark.
 * Bytes that are not valid UTF-8 are an error naming the file, never mojibake in the output.
 */
import { readFile } from "node:fs/promises";
import { InputError } from "../errors.js";

/** Decodes bytes as UTF-8 (dropping a BOM); throws `InputError` `E_ENCODING` on invalid bytes. */
export function decodeText(bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new InputError("E_ENCODING", `${source}: the file is not valid UTF-8; expected a UTF-8 text file (save as "CSV UTF-8" in Excel)`, { source }, { cause });
  }
}

/** Reads a text file; a missing or unreadable file is an `InputError` naming it (as `label`, default its path). */
export async function readText(path: string, label = path): Promise<string> {
  return decodeText(await readBytes(path, label), label);
}

/** Reads a file's bytes; a missing or unreadable file is an `InputError` naming it (as `label`, default its path). */
export async function readBytes(path: string, label = path): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const what = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code ?? cause})`;
    throw new InputError("E_READ", `${label}: ${what}; expected a readable file`, { source: label }, { cause });
  }
}
