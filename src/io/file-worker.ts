/**
 * The worker thread of `runFileJobs` (`file-jobs.ts`): writes each job it is sent to its path and replies when done.
 */
import { parentPort } from "node:worker_threads";
import { writeJobSync, type FileJob } from "./file-jobs.js";

parentPort?.on("message", ({ job, path }: { job: FileJob; path: string }) => {
  try {
    writeJobSync(job, path);
    parentPort!.postMessage({ ok: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    parentPort!.postMessage({ ok: false, code, message: String(message) });
  }
});
