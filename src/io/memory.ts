/** How much of this machine's memory a large analysis may take unless told otherwise (`--memory-limit`, `memoryLimit`). */
import { totalmem } from "node:os";

/** The share of the machine's memory an analysis may take by default. */
export const MEMORY_SHARE = 0.5;

/** The default memory limit of an uncertainty analysis: half of this machine's memory, in bytes. */
export function defaultMemoryLimit(): number {
  return Math.floor(totalmem() * MEMORY_SHARE);
}
