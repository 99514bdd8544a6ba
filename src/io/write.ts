/**
 * Writing output files atomically: every file goes to a temporary name in the same folder first and is renamed into
 * place only once all of them are written, so a failed run never leaves half a file or destroys the last good output.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OutputError } from "../errors.js";

/** What a file holds: text, bytes, or a sequence of chunks written as they are produced. */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** A content as one string or one run of bytes (chunks joined, text chunks encoded as UTF-8). */
export function joinContent(content: FileContent): string | Uint8Array {
  if (typeof content === "string" || content instanceof Uint8Array) return content;
  return Buffer.concat([...content].map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk)));
}

/**
 * Writes `files` (name -> content) into `dir`, creating it; throws `OutputError` (exit code 3) on failure, naming the
 * folder as `label` (default: `dir`). A content may be a sequence of chunks, streamed to the file as produced.
 */
export async function writeFilesAtomic(
  dir: string,
  files: Readonly<Record<string, FileContent>>,
  label = dir,
): Promise<string[]> {
  const names = Object.keys(files);
  const temporary = names.map((name) => join(dir, `.${name}.${process.pid}.tmp`));
  try {
    await mkdir(dir, { recursive: true });
    await Promise.all(names.map((name, i) => writeFile(temporary[i], files[name])));
    for (const [i, name] of names.entries()) await rename(temporary[i], join(dir, name));
  } catch (cause) {
    await Promise.all(temporary.map((path) => rm(path, { force: true }).catch(() => undefined)));
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    throw new OutputError("E_WRITE", `${label}: cannot write the output (${reason}); expected a writable folder`, { cause });
  }
  return names.map((name) => join(dir, name));
}
