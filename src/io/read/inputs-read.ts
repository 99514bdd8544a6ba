/**
 * The input files and values folders read by the command being run, by their real paths, so that the one folder
 * writer (`write/write.ts`) never overwrites an input (`compute --out .` beside `index.csv` read as values) nor writes
 * into a values folder, whose files are all read as values next time. Every reader of input files notes what it reads
 * (`readBytes`, the values folder, DuckDB's files); the command line forgets them at the start of each command
 * (`forgetInputsRead`). A program using the library keeps them for the life of its process: an input it read is never
 * overwritten by a writer of this tool.
 */
import { realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const files = new Set<string>();
const folders = new Set<string>();

/**
 * The real path of `path` (symbolic links followed), also when it does not exist yet (an output, a runs folder a first
 * run creates): that of its nearest existing parent, with the rest of the path after it.
 */
export function realPath(path: string): string {
  const rest: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...rest);
    } catch {
      if (dirname(at) === at) return path;
      rest.unshift(basename(at));
    }
  }
}

/** Notes an input file read. */
export function noteInputFile(path: string): void {
  files.add(realPath(path));
}

/** Notes a folder read as a values folder (every values file in it read). */
export function noteValuesFolder(path: string): void {
  folders.add(realPath(path));
}

/** Whether `path` is an input file read (the same file, whatever path names it). */
export function isInputFile(path: string): boolean {
  return files.size > 0 && files.has(realPath(path));
}

/** Whether `path` is a values folder read. */
export function isValuesFolder(path: string): boolean {
  return folders.size > 0 && folders.has(realPath(path));
}

/** Forgets every input noted (at the start of a command). */
export function forgetInputsRead(): void {
  files.clear();
  folders.clear();
}
