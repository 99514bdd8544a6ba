/** Timing helpers for the benchmarks: wall time of a child process, medians, the machine. */
import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";

/** Wall time in milliseconds of `node args` (run to completion, output discarded). */
export function timeNode(args, options = {}) {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return elapsed;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** CPU model, cores, memory and Node version. */
export function machine() {
  const list = cpus();
  return `${list[0]?.model.trim() ?? "unknown CPU"}, ${list.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}-${process.arch}`;
}
