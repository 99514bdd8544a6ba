/**
 * Writing output files atomically: every file goes to a temporary name in the same folder first and is renamed into
 * place only once all of them are written, so a failed run never leaves half a file or destroys the last good output.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OutputError } from "../errors.js";
import { isFileJob, jobChunks, runFileJobs, writeChunksSync, type FileJob } from "./file-jobs.js";

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
 * folder as `label` (default: `dir`). A content may be a sequence of chunks, streamed to the file as produced, or a job.
 * On one thread (`threads` 1, the default) the files are written in turn with synchronous calls, which for the small
 * files of most runs is several times faster than asynchronous ones (no round trip to the thread pool per call); with
 * more, the jobs run on up to `threads` threads while the other files are written.
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
    mkdirSync(dir, { recursive: true });
    if (threads > 1) await writeInParallel(names.map((name, i) => ({ content: files[name], path: temporary[i] })), threads);
    else
      names.forEach((name, i) => {
        const content = files[name];
        if (typeof content === "string" || content instanceof Uint8Array) writeFileSync(temporary[i], content);
        else writeChunksSync(temporary[i], isFileJob(content) ? jobChunks(content) : content);
      });
    for (const [i, name] of names.entries()) renameSync(temporary[i], join(dir, name));
  } catch (cause) {
    for (const path of temporary)
      try {
        rmSync(path, { force: true });
      } catch {
        // A temporary file that cannot be removed is left; the error below says what failed.
      }
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    throw new OutputError("E_WRITE", `${label}: cannot write the output (${reason}); expected a writable folder`, { cause });
  }
  return names.map((name) => join(dir, name));
}

/** The jobs on up to `threads` threads, the other files alongside; every write ends (or fails) before this returns. */
async function writeInParallel(files: readonly { content: FileContent; path: string }[], threads: number): Promise<void> {
  const jobs: { job: FileJob; path: string }[] = [];
  const plain: Promise<void>[] = [];
  for (const { content, path } of files)
    if (isFileJob(content)) jobs.push({ job: content, path });
    else plain.push(writeFile(path, content));
  const settled = await Promise.allSettled([...plain, runFileJobs(jobs, threads, Promise.allSettled(plain))]);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failed) throw failed.reason;
}
