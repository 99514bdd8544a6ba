/**
 * Temporary files of the writers (`.<name>.<pid>.tmp`, then renamed into place). Their names are predictable, so each
 * is created exclusively before anything is written to it: a link planted at that name (to a file outside the folder)
 * would otherwise be written through, and the file it points to overwritten.
 */
import { closeSync, constants, lstatSync, openSync, unlinkSync } from "node:fs";
import { undoOnInterrupt } from "./interrupt.js";
import { outputMessages } from "../../core/output-messages.js";
import { OutputError } from "../../errors.js";

/**
 * Creates `path` empty and exclusively (never through a link), for a writer to fill. A regular file already there is a
 * leftover of a killed process that had this process's id (the name holds it), and is replaced; a link, a folder or
 * anything else is `OutputError` `E_OUT_NOT_OURS`, and stays. Until the returned function is called (once the file is
 * renamed into place or removed), an interruption of the process removes the file (`interrupt.ts`).
 */
export function claimTemporary(path: string): () => void {
  for (let attempt = 0; ; attempt++) {
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)));
      return undoOnInterrupt(() => {
        // Still the regular file this process created (once renamed into place, nothing is at this name).
        if (lstatSync(path, { throwIfNoEntry: false })?.isFile()) unlinkSync(path);
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const found = lstatSync(path, { throwIfNoEntry: false });
      if (found && !found.isFile()) throw new OutputError("E_OUT_NOT_OURS", outputMessages.temporaryInTheWay(path, found.isSymbolicLink() ? "a link" : found.isDirectory() ? "a folder" : "something"));
      // A regular file, even one hard-linked elsewhere: removing this name leaves any other name's data as it is.
      if (found) unlinkSync(path);
    }
  }
}
