/**
 * Writing a temporary file this process claimed (`temporary.ts` creates it exclusively, never through a link). The
 * writer opens it again by its name, so between the claim and the writing, someone able to write in the folder could
 * put a link, or another name of a file, at that name: the file is reopened without following a link
 * (`O_NOFOLLOW`) and without creating one, and refused unless it is a regular file with no other name, before a byte
 * is written or truncated. Only `node:fs`: the writer threads load it too.
 */
import { closeSync, constants, fstatSync, ftruncateSync, openSync, writeSync, type Stats } from "node:fs";
import { open } from "node:fs/promises";

/** The code of the error for a temporary file that is no longer the one claimed (a link gives `ELOOP`); internal, the folder writer reports it as `E_OUT_NOT_OURS`. */
export const NOT_CLAIMED = "NOT_CLAIMED";

/** Throws the `NOT_CLAIMED` error unless `info`, of the file at `path`, is a regular file with one name (`undefined`: nothing there). */
export function refuseUnlessClaimed(path: string, info: Stats | undefined): void {
  if (!info?.isFile() || info.nlink !== 1)
    throw Object.assign(new Error(`${path} is no longer the temporary file this process created (${!info ? "nothing there" : info.isFile() ? "a file with another name too" : "not a file"})`), { code: NOT_CLAIMED, path });
}

/**
 * Opens the claimed temporary file `path` for writing, emptied, and returns its descriptor.
 * @throws an error with code `ELOOP` (a link at that name), `ENOENT` (nothing there) or `NOT_CLAIMED` (not a regular
 * file, or a file with another name too), having written and truncated nothing.
 */
export function openClaimed(path: string): number {
  const file = openSync(path, constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    refuseUnlessClaimed(path, fstatSync(file));
    ftruncateSync(file, 0);
    return file;
  } catch (error) {
    closeSync(file);
    throw error;
  }
}

/** Writes `content` (text as UTF-8, or chunks as they come) into the claimed temporary file `path`, asynchronously (see `openClaimed`). */
export async function writeClaimed(path: string, content: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    refuseUnlessClaimed(path, await handle.stat());
    await handle.truncate(0);
    const chunks = typeof content === "string" || content instanceof Uint8Array ? [content] : content;
    for (const chunk of chunks) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done)).bytesWritten;
    }
  } finally {
    await handle.close();
  }
}

/** Writes `content` (text as UTF-8) into the claimed temporary file `path` (see `openClaimed`). */
export function writeClaimedSync(path: string, content: string | Uint8Array): void {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const file = openClaimed(path);
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(file, bytes, done);
  } finally {
    closeSync(file);
  }
}
