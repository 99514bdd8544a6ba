/**
 * Taking back a set of writes that must be all or nothing, across files and folders that the folder writer
 * (`write.ts`) writes one call at a time (`init`: a project's files in its folder and in data/). Before the writes, a
 * journal notes which folders are missing (those the writes will make) and what each file to be written holds; after
 * each write, what the write left. Undoing removes a file that was not there before, puts back the bytes of one that
 * was, and removes the folders made, deepest first, each only while it is empty. A file is touched only while it still
 * holds, byte for byte, what the writes left (provably the tool's own): anything changed or added since is left as it is.
 */
import { closeSync, constants, lstatSync, openSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** What a set of writes changed, and what was there before them. */
export interface UndoJournal {
  /** The folders missing when the journal was begun (made by the writes), outermost first. */
  readonly folders: readonly string[];
  /** Each file's bytes before the writes; `undefined` when there was nothing at its path. */
  readonly before: ReadonlyMap<string, Buffer | undefined>;
  /** Each file's bytes as a write left it (`noteWritten`), in the order written. */
  readonly after: Map<string, Buffer>;
}

/** The bytes of the regular file at `path`, or `undefined` when there is none (nothing there, a folder, a link). */
function bytesAt(path: string): Buffer | undefined {
  if (!lstatSync(path, { throwIfNoEntry: false })?.isFile()) return undefined;
  return readFileSync(path);
}

/**
 * Begins the journal of writes into `folders` (each made if missing, with its missing parents) of the files `files`
 * (absolute paths). Reads each file that is there now (the caller's files are small: a project's example).
 */
export function beginUndoJournal(folders: readonly string[], files: readonly string[]): UndoJournal {
  const missing = new Set<string>();
  for (const folder of folders) {
    const chain: string[] = [];
    for (let path = folder; !lstatSync(path, { throwIfNoEntry: false }) && dirname(path) !== path; path = dirname(path)) chain.unshift(path);
    for (const path of chain) missing.add(path);
  }
  return { folders: [...missing], before: new Map(files.map((path) => [path, bytesAt(path)])), after: new Map() };
}

/** Notes what the files `files` (among the journal's) hold now, just after a write that succeeded. */
export function noteWritten(journal: UndoJournal, files: readonly string[]): void {
  for (const path of files) {
    const bytes = bytesAt(path);
    journal.after.delete(path); // the latest write last, for the undoing in reverse order
    if (bytes) journal.after.set(path, bytes);
  }
}

/**
 * Undoes the journal's writes, the last first (see the module's comment). Returns what it could not undo: the files
 * still holding what the writes left, or changed since, and the folders made that are not empty (something else is in
 * them) or could not be removed; `[]` when everything is as it was before the writes.
 */
export function undoWrites(journal: UndoJournal): string[] {
  const left: string[] = [];
  for (const [path, written] of [...journal.after].reverse()) {
    const now = bytesAt(path);
    if (now === undefined && !lstatSync(path, { throwIfNoEntry: false })) continue; // gone already
    if (now === undefined || !now.equals(written)) {
      left.push(path);
      continue;
    }
    const previous = journal.before.get(path);
    try {
      if (previous === undefined) unlinkSync(path);
      else putBack(path, previous);
    } catch {
      left.push(path);
    }
  }
  for (const folder of [...journal.folders].reverse())
    try {
      rmdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") left.push(folder);
    }
  return left;
}

/**
 * Puts `bytes` back at `path`, whole or not at all: written to a temporary name beside it, created exclusively (never
 * through a link, never over a file: one already there fails), then renamed over it. Registers nothing with
 * `interrupt.ts`, since it may run inside its signal handler (`undoWrites` registered as a writer's undo).
 */
function putBack(path: string, bytes: Buffer): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.undo`);
  const file = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0));
  try {
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(file, bytes, done);
    } finally {
      closeSync(file);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
