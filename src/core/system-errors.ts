/** What the system's error codes of file operations say about their cause, for messages in every language. */

/**
 * Whether a file could not be replaced for a reason an application holding it open gives: Excel or WPS on Windows
 * keep a workbook or CSV file they show locked (EBUSY, EPERM, EACCES).
 */
export const openElsewhere = (reason: string): boolean => reason === "EBUSY" || reason === "EPERM" || reason === "EACCES";

/** Whether a write failed for want of room: a full disk (ENOSPC) or a user's disk quota used up (EDQUOT). */
export const diskFull = (reason: string | undefined): boolean => reason === "ENOSPC" || reason === "EDQUOT";

/**
 * The file-size limit of a process (`ulimit -f`), for the message of a write that failed with EFBIG: its bytes, or
 * `"unlimited"` (then the file system's own largest file was reached: FAT32's 4 GiB), or `undefined` when not known.
 */
export type FileSizeLimit = number | "unlimited" | undefined;

/**
 * The file-size limit in Linux's `/proc/self/limits` (`limits`, its text): the soft limit of its line `Max file size`,
 * in bytes (what `ulimit -f 50` sets to 51200: bash counts in blocks of 1024 bytes), or `"unlimited"`; `undefined`
 * when the text has no such line, or not a number there.
 */
export function fileSizeLimitOf(limits: string): FileSizeLimit {
  const soft = /^Max file size +(\S+)/m.exec(limits)?.[1];
  if (soft === "unlimited") return "unlimited";
  const bytes = Number(soft);
  return soft !== undefined && /^\d+$/.test(soft) && Number.isSafeInteger(bytes) ? bytes : undefined;
}
