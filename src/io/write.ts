/**
 * Writing output files atomically: every file goes to a temporary name in the same folder first and is renamed into
 * place only once all of them are written, so a failed run never leaves half a file or destroys the last good output.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OutputError } from "../errors.js";
import { isFileJob, jobChunks, runFileJobs, type FileJob } from "./file-jobs.js";

/**
 * What a file holds: text, bytes, a sequence of chunks written as they are produced, or a job that writes a large
 * result file, possibly on a worker thread (`file-jobs.ts`).
 */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array> | FileJob;

/** A content as one string or one run of bytes (chunks joined, text chunks encoded as UTF-8). */
export function joinContent(content: FileContent): string | Uint8Array {
  if (typeof content === "string" || content instanceof Uint8Array) return content;
  if (isFileJob(content)) return Buffer.concat([...jobChunks(content)]);
  return Buffer.concat([...content].map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk)));
}

/**
 * Writes `files` (name -> content) into `dir`, creating it; throws `OutputError` (exit code 3) on failure, naming the
 * folder as `label` (default: `dir`). A content may be a sequence of chunks, streamed to the file as produced, or a job,
 * run on up to `threads` threads (default 1: this one) while the other files are written.
 */
export async function writeFilesAtomic(
  dir: string,
  files: Readonly<Record<string, FileContent>>,
  label = dir,
  threads = 1,
): Promise<string[]> {
  const names = Object.keys(files);
  const temporary = names.map((name) => join(dir, `.${name}.${process.pid}.tmp`));
  try {
    await mkdir(dir, { recursive: true });
    const jobs: { job: FileJob; path: string }[] = [];
    const plain: Promise<void>[] = [];
    names.forEach((name, i) => {
      const content = files[name];
      // On one thread a job is one more stream of chunks, written alongside the others.
      if (isFileJob(content)) {
        if (threads > 1) jobs.push({ job: content, path: temporary[i] });
        else plain.push(writeFile(temporary[i], jobChunks(content)));
      } else plain.push(writeFile(temporary[i], content));
    });
    // Every write ends (or fails) before anything is renamed or removed.
    const settled = await Promise.allSettled([...plain, runFileJobs(jobs, threads, Promise.allSettled(plain))]);
    const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    if (failed) throw failed.reason;
    for (const [i, name] of names.entries()) await rename(temporary[i], join(dir, name));
  } catch (cause) {
    await Promise.all(temporary.map((path) => rm(path, { force: true }).catch(() => undefined)));
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    throw new OutputError("E_WRITE", `${label}: cannot write the output (${reason}); expected a writable folder`, { cause });
  }
  return names.map((name) => join(dir, name));
}
