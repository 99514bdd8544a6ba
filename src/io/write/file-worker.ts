/**
 * The worker thread of `runFileJobs` (`file-jobs.ts`): writes each job it is sent to its path (hashing its bytes when
 * asked) and replies when done.
 */
import { createHash } from "node:crypto";
import { parentPort } from "node:worker_threads";
import { writeJobSync, type FileJob } from "./file-jobs.js";

parentPort?.on("message", ({ job, path, digest }: { job: FileJob; path: string; digest?: boolean }) => {
  try {
    const hash = digest ? createHash("sha256") : undefined;
    const bytes = writeJobSync(job, path, hash);
    parentPort!.postMessage({ ok: true, digest: hash ? { bytes, sha256: hash.digest("hex") } : undefined });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    parentPort!.postMessage({ ok: false, code, message: String(message) });
  }
});
