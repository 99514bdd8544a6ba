/**
 * Writing output files atomically: every file goes to a temporary name in the same folder first and is renamed into
 * place only once all of them are written, so a failed run never leaves half a file or destroys the last good output.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OutputError } from "../../errors.js";
import { isFileJob, jobChunks, runFileJobs, writeChunksSync, type ChunkHash, type Digest, type FileJob } from "./file-jobs.js";

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
  await writeFiles(dir, files, label, threads, undefined);
  return Object.keys(files).map((name) => join(dir, name));
}

/**
 * `writeFilesAtomic` that also returns the size and SHA-256 of every file (name -> digest), hashed chunk by chunk as
 * the bytes are written, on the thread that writes them: no file is read back or held whole in memory.
 */
export async function writeFilesAtomicWithDigests(
  dir: string,
  files: Readonly<Record<string, FileContent>>,
  label = dir,
  threads = 1,
): Promise<Record<string, Digest>> {
  const { createHash } = await import("node:crypto");
  return writeFiles(dir, files, label, threads, () => createHash("sha256"));
}

/** A hash of `node:crypto`, as far as the writers use it. */
type Hasher = ChunkHash & { digest(encoding: "hex"): string };

/** What a file's bytes were, as they went by: `content` with `record` called on each chunk. */
function* passing(content: Iterable<string | Uint8Array>, record: (bytes: Uint8Array) => void): Iterable<Uint8Array> {
  for (const chunk of content) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    record(bytes);
    yield bytes;
  }
}

/** `writeFilesAtomic`, hashing every file with a hash from `newHash` if given (then the digests by name, else `{}`). */
async function writeFiles(
  dir: string,
  files: Readonly<Record<string, FileContent>>,
  label: string,
  threads: number,
  newHash: (() => Hasher) | undefined,
): Promise<Record<string, Digest>> {
  const names = Object.keys(files);
  const temporary = names.map((name) => join(dir, `.${name}.${process.pid}.tmp`));
  const digests: Record<string, Digest> = {};
  try {
    mkdirSync(dir, { recursive: true });
    if (threads > 1) {
      const written = await writeInParallel(names.map((name, i) => ({ content: files[name], path: temporary[i] })), threads, newHash);
      for (const [i, name] of names.entries()) if (written[i]) digests[name] = written[i]!;
    } else
      names.forEach((name, i) => {
        const content = files[name];
        const hash = newHash?.();
        let bytes = 0;
        if (typeof content === "string" || content instanceof Uint8Array) {
          writeFileSync(temporary[i], content);
          if (hash) {
            const whole = typeof content === "string" ? Buffer.from(content, "utf8") : content;
            hash.update(whole);
            bytes = whole.length;
          }
        } else bytes = writeChunksSync(temporary[i], isFileJob(content) ? jobChunks(content) : content, hash);
        if (hash) digests[name] = { bytes, sha256: hash.digest("hex") };
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
  return digests;
}

/**
 * The jobs on up to `threads` threads, the other files alongside; every write ends (or fails) before this returns.
 * With `newHash`, the digest of every file, in the order of `files`.
 */
async function writeInParallel(
  files: readonly { content: FileContent; path: string }[],
  threads: number,
  newHash: (() => Hasher) | undefined,
): Promise<(Digest | undefined)[]> {
  const jobs: { job: FileJob; path: string; index: number }[] = [];
  const plain: Promise<void>[] = [];
  const digests: (Digest | undefined)[] = [];
  for (const [index, { content, path }] of files.entries())
    if (isFileJob(content)) jobs.push({ job: content, path, index });
    else if (!newHash) plain.push(writeFile(path, content));
    else {
      const hash = newHash();
      let bytes = 0;
      const record = (chunk: Uint8Array) => {
        hash.update(chunk);
        bytes += chunk.length;
      };
      const whole = typeof content === "string" ? Buffer.from(content, "utf8") : content instanceof Uint8Array ? content : undefined;
      if (whole) record(whole);
      plain.push(
        writeFile(path, whole ?? passing(content as Iterable<string | Uint8Array>, record)).then(() => {
          digests[index] = { bytes, sha256: hash.digest("hex") };
        }),
      );
    }
  const onJobs = runFileJobs(jobs, threads, Promise.allSettled(plain), newHash !== undefined).then((jobDigests) =>
    jobDigests.forEach((digest, i) => (digests[jobs[i].index] = digest)),
  );
  const settled = await Promise.allSettled([...plain, onJobs]);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return digests;
}
