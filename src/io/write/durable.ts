/**
 * Making what was written survive a power cut. A rename is atomic against a crash of the process, but not against the
 * machine losing power: the file system may keep a renamed name on disk while the file's bytes were still only in
 * memory (an empty file after the restart), or lose the rename itself. A project run is published only once its
 * files, its folder and `LATEST` are on disk: each file is flushed (`fsync`) before it is renamed into place, and each
 * folder after the names in it changed. These calls wait for the disk, tens of milliseconds for a few small files, so
 * the plain `--out` folders (recomputed from their inputs at will) are not flushed; docs/reliability.md says so.
 * Only `node:fs`.
 */
import { closeSync, constants, fsyncSync, openSync } from "node:fs";

/**
 * Flushes the bytes of the file at `path` to the disk (it is not followed if it is a link). Opened for writing, as
 * Windows flushes only a file opened so; nothing is written. A failure (EIO: the bytes did not reach the disk) throws.
 */
export function syncFile(path: string): void {
  const file = openSync(path, constants.O_RDWR | (constants.O_NOFOLLOW ?? 0));
  try {
    fsyncSync(file);
  } finally {
    closeSync(file);
  }
}

/**
 * The errors of flushing a folder on a file system or system that does not flush folders (some network and FUSE file
 * systems): there is nothing more to wait for.
 */
const FOLDER_NOT_FLUSHED = new Set(["EINVAL", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EISDIR", "EPERM", "EACCES", "EBADF"]);

/**
 * Flushes the names in the folder at `path` (files created, renamed or removed in it) to the disk. On Windows a folder
 * cannot be opened to flush, and NTFS journals its renames itself: nothing is done. A file system that does not flush
 * folders is left as it is; any other failure (EIO) throws.
 */
export function syncFolder(path: string): void {
  if (process.platform === "win32") return;
  const folder = openSync(path, constants.O_RDONLY);
  try {
    fsyncSync(folder);
  } catch (error) {
    if (!FOLDER_NOT_FLUSHED.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
  } finally {
    closeSync(folder);
  }
}
