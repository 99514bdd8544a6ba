/**
 * The largest result files written in parallel: each is a job that names one of the streamed writers of
 * `result-chunks.ts` and carries what the writer needs (the result's shape). Jobs run on worker threads and on this
 * thread at once, largest first; each writes its chunks to its path. A job gives the same bytes wherever it runs: the
 * writers are the same functions. On request a job also hashes its bytes as it writes them (SHA-256), so a run's
 * manifest gets the digest of every file without reading it back or holding it whole in memory.
 */
import { closeSync, existsSync, writeSync } from "node:fs";
import { openClaimed } from "./claimed.js";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { growthCsvChunks, indexCsvChunks, indexJsonResultChunks, inputValuesCsvChunks, scoresCsvChunks, type JsonFrame, type ResultShape } from "./result-chunks.js";
import type { Panel } from "../../core/panel.js";
import type { CsvOptions } from "./to-csv.js";

/** The streamed writers a job may name. */
export type JobWriter = "index.csv" | "scores.csv" | "growth.csv" | "index.json" | "input-values.csv";

/** A result file to be written by `runFileJobs`. */
export interface FileJob {
  kind: "file-job";
  writer: JobWriter;
  result: ResultShape;
  options: CsvOptions;
  /** `index.json` only: the text around its results (`indexJsonFrame`). */
  frame?: JsonFrame;
}

/** Whether a file's content is a job. */
export const isFileJob = (content: unknown): content is FileJob => (content as FileJob | undefined)?.kind === "file-job";

/** A job writing `writer`'s file of `result`: only the result's shape goes with it (and to a worker). */
export function fileJob(writer: JobWriter, result: ResultShape, options: CsvOptions, frame?: JsonFrame): FileJob {
  const { units, years, values, nodes } = result;
  return { kind: "file-job", writer, result: { units, years, values, nodes: nodes.map(({ code, name, level, kind, method }) => ({ code, name, level, kind, method })) }, options, frame };
}

/** The job writing a panel's `input-values.csv` (its indicators as the shape's nodes). */
export function inputValuesJob(panel: Panel): FileJob {
  const { units, years, values, indicators } = panel;
  const nodes = indicators.map((code) => ({ code, name: code, level: 0, kind: "indicator" as const }));
  return fileJob("input-values.csv", { units, years, values, nodes }, {});
}

/** The chunks of a job's file. */
export function jobChunks(job: FileJob): Iterable<Uint8Array> {
  switch (job.writer) {
    case "index.csv":
      return indexCsvChunks(job.result, job.options);
    case "scores.csv":
      return scoresCsvChunks(job.result, job.options);
    case "growth.csv":
      return growthCsvChunks(job.result, job.options);
    case "index.json":
      return indexJsonResultChunks(job.result, job.frame!);
    case "input-values.csv":
      return inputValuesCsvChunks(job.result);
  }
}

/** What receives a file's bytes as they are written: a `Hash` of `node:crypto` (kept as a type, loaded only when used). */
export interface ChunkHash {
  update(bytes: Uint8Array): unknown;
}

/** The size and SHA-256 (hex) of a file written. */
export interface Digest {
  bytes: number;
  sha256: string;
}

/**
 * Writes a claimed temporary file (`claimed.ts`) chunk by chunk on this thread (text chunks as UTF-8), passing each
 * chunk to `hash` if given; returns the number of bytes written.
 */
export function writeChunksSync(path: string, chunks: Iterable<string | Uint8Array>, hash?: ChunkHash): number {
  const file = openClaimed(path);
  let size = 0;
  try {
    for (const chunk of chunks) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      hash?.update(bytes);
      for (let done = 0; done < bytes.length; ) done += writeSync(file, bytes, done);
      size += bytes.length;
    }
  } finally {
    closeSync(file);
  }
  return size;
}

/** Writes a job's file on this thread; returns the number of bytes written. */
export const writeJobSync = (job: FileJob, path: string, hash?: ChunkHash): number => writeChunksSync(path, jobChunks(job), hash);

/** Cells of a result above which `compute` writes its files in parallel by default: below, starting threads costs more than it saves. */
export const PARALLEL_FROM_CELLS = 1_000_000;

/**
 * The threads `compute` uses by default for a result of `cells` values: one more than the cores for a large result
 * (this thread also writes the small files and waits on the disk), else one.
 */
export const defaultThreads = (cells: number): number => (cells >= PARALLEL_FROM_CELLS ? availableParallelism() + 1 : 1);

const WORKER_SCRIPT = new URL("./file-worker.js", import.meta.url);

interface JobReply {
  ok: boolean;
  code?: string;
  message?: string;
  /** When the job was sent with `digest: true`. */
  digest?: Digest;
}

/**
 * Writes every job to its path, a temporary file claimed by the folder writer (`claimed.ts`: written only while it is
 * still that file), using up to `threads` threads in all (this one included; 1 writes everything here).
 * Without the compiled worker script (running from the TypeScript sources) everything is written here. This thread
 * takes jobs only once `ready` settles (the other files it writes meanwhile), so the workers start on the largest.
 * With `digest`, each job also hashes its bytes on the thread that writes them; the digests come back in the order of
 * `jobs` (else an empty array). With `thisThreadToo` false, this thread takes no job unless no worker can.
 * @throws the first error of a job (an `Error` with the file system's `code`, such as `ENOSPC`, and the job's `path`)
 */
export async function runFileJobs(
  jobs: readonly { job: FileJob; path: string }[],
  threads: number,
  ready: Promise<unknown> = Promise.resolve(),
  digest = false,
  thisThreadToo = true,
): Promise<Digest[]> {
  const queue = jobs.map((entry, index) => ({ ...entry, index })).sort((a, b) => jobSize(b.job) - jobSize(a.job));
  const digests: Digest[] = [];
  const createHash = digest ? (await import("node:crypto")).createHash : undefined;
  // This thread takes jobs too (so one fewer worker than jobs), unless it is kept free and workers can take them all.
  const available = existsSync(WORKER_SCRIPT) ? threads - 1 : 0;
  const workerCount = Math.min(available, thisThreadToo || available === 0 ? queue.length - 1 : queue.length);
  const here = thisThreadToo || workerCount === 0;
  // The values go to the workers in shared memory, once, instead of a copy per job.
  const shared = new Map<Float64Array, Float64Array>();
  const sharedValues = (values: Float64Array) => {
    if (!shared.has(values)) {
      const copy = new Float64Array(new SharedArrayBuffer(values.byteLength));
      copy.set(values);
      shared.set(values, copy);
    }
    return shared.get(values)!;
  };
  // Loaded only when used, as the commands that write small files should start fast.
  const { Worker } = workerCount > 0 ? await import("node:worker_threads") : { Worker: undefined };
  const workers: import("node:worker_threads").Worker[] = [];
  // After a failure no job starts; the first failure is thrown once the running ones end.
  let failed = false;
  const take = () => (failed ? undefined : queue.shift());
  const stopOnFailure = (error: unknown) => {
    failed = true;
    throw error;
  };
  try {
    // Created inside the try, so that the workers already started end when a later one cannot start.
    try {
      for (let i = 0; i < workerCount; i++) workers.push(new Worker!(fileURLToPath(WORKER_SCRIPT)));
    } catch (cause) {
      throw new WorkerFailure(cause instanceof Error ? cause.message : String(cause), cause);
    }
    const onWorkers = workers.map(async (worker) => {
      for (let next = take(); next; next = take()) {
        const job = { ...next.job, result: { ...next.job.result, values: sharedValues(next.job.result.values) } };
        const reply = await ask(worker, { job, path: next.path, digest });
        if (!reply.ok) throw Object.assign(new Error(reply.message), { code: reply.code, path: next.path });
        if (reply.digest) digests[next.index] = reply.digest;
      }
    }).map((loop) => loop.catch(stopOnFailure));
    const onThisThread = (async () => {
      if (!here) return;
      // The workers take their first jobs while this thread ends what it was doing; then it writes the rest, yielding
      // between files.
      await ready.catch(() => undefined);
      for (let next = take(); next; next = take()) {
        const hash = createHash?.("sha256");
        let bytes: number;
        try {
          bytes = writeJobSync(next.job, next.path, hash);
        } catch (error) {
          // The job's file named, as a worker's failure names it (Node names no file for a write that fails: a full disk).
          if (typeof error === "object" && error !== null && (error as NodeJS.ErrnoException).path === undefined) (error as NodeJS.ErrnoException).path = next.path;
          throw error;
        }
        if (hash) digests[next.index] = { bytes, sha256: hash.digest("hex") };
        await new Promise((resolve) => setImmediate(resolve));
      }
    })().catch(stopOnFailure);
    const settled = await Promise.allSettled([...onWorkers, onThisThread]);
    const rejected = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    if (rejected) throw rejected.reason;
    return digests;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * A worker thread that could not start, failed or stopped (out of memory, for one), rather than a file that could not
 * be written: the writer reports it as such.
 */
export class WorkerFailure extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "WorkerFailure";
  }
}

/** Sends a worker a job and waits for its reply; a worker that fails or exits instead rejects. */
function ask(worker: import("node:worker_threads").Worker, message: unknown): Promise<JobReply> {
  return new Promise<JobReply>((resolve, reject) => {
    const onExit = (code: number) => settle(() => reject(new WorkerFailure(`a worker thread stopped (exit code ${code}) before writing its file`)));
    const onError = (error: Error) => settle(() => reject(new WorkerFailure(error?.message ?? String(error), error)));
    const onMessage = (reply: JobReply) => settle(() => resolve(reply));
    const settle = (then: () => void) => {
      worker.off("exit", onExit).off("error", onError).off("message", onMessage);
      then();
    };
    worker.on("exit", onExit).on("error", onError).on("message", onMessage);
    worker.postMessage(message);
  });
}

/** Rough cost of a job (numbers to write, JSON's counting double for their shortest form), to start the largest first. */
function jobSize({ writer, result }: FileJob): number {
  const cells = result.units.length * result.years.length;
  const indicators = result.nodes.filter((node) => node.kind === "indicator").length;
  switch (writer) {
    case "index.csv":
      return cells * (result.nodes.length - indicators);
    case "scores.csv":
      return cells * indicators;
    case "growth.csv":
      return cells * result.nodes.length * 5;
    case "index.json":
    case "input-values.csv":
      // numbers in their shortest form, each as costly as two fixed ones
      return cells * result.nodes.length * 2;
  }
}
