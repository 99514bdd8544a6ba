/** The file-size limit of this process (`ulimit -f`), read for the message of a write that failed with EFBIG. */
import { readFileSync } from "node:fs";
import { fileSizeLimitOf, type FileSizeLimit } from "../core/system-errors.js";

/**
 * For a write that failed with `code`: when it is EFBIG (a file larger than may be written), this process's file-size
 * limit (Linux: `/proc/self/limits`; `undefined` elsewhere, or when it cannot be read); `undefined` for any other code.
 */
export function fileSizeLimitFor(code: string | undefined): FileSizeLimit {
  if (code !== "EFBIG" || process.platform !== "linux") return undefined;
  try {
    return fileSizeLimitOf(readFileSync("/proc/self/limits", "utf8"));
  } catch {
    return undefined;
  }
}
