/**
 * A published run's own files made read-only: the files its `manifest.json` lists, and the manifest itself, before
 * `LATEST` is moved to the run (`compute` in a project, `runs publish`, `runs rollback`), so that a kill in between
 * never leaves `LATEST` naming a writable run; `runs publish` of the run `LATEST` already names protects it again. Opened in Excel, `index.csv` is
 * then opened read-only, and saving over it is refused, so a published run is not changed by accident (`verify` would
 * find the change, but only after it was made).
 *
 * Only the files' write bits are cleared (0o644 -> 0o444, 0o600 -> 0o400: never more readable than they were); the run
 * folder stays writable, so that `report` still adds `report.html` and `reports.json` there (derived files, which it
 * replaces as it checks them against `reports.json`, and which stay writable), and the tool still removes the staging
 * marker a killed run left there (never a file the manifest lists). On POSIX a read-only file in a writable folder can
 * still be renamed and removed (`rm -rf` removes a run folder whole); on Windows it cannot be unlinked (`EPERM`) until
 * made writable again (`chmod` 0o644 first): whatever removes a run's own file there must do that first.
 */
import { chmodSync, lstatSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { MANIFEST_FILE, readManifestChecked, type RunManifest } from "./run-files.js";

/** The write bits of a file's mode (owner, group, others), which `protectRunFiles` clears. */
const WRITE_BITS = 0o222;

/**
 * Makes the own files of the run in `folder` read-only (`WRITE_BITS` cleared): each output its `manifest.json` lists,
 * then the manifest. Only regular files inside the folder are changed (never a link, nor a path that leaves the
 * folder, as a manifest edited by hand might list); a file whose mode cannot be changed (another user's, a file system
 * without modes) is left as it is: the run is published either way, and `verify` still checks its bytes. Returns the
 * paths made read-only, relative to the folder, with `/` separators.
 */
export async function protectRunFiles(folder: string): Promise<string[]> {
  return protectFilesSync(folder, await runOwnFiles(folder));
}

/**
 * The own files of the run in `folder` that `protectRunFiles` makes read-only: the outputs its `manifest.json` lists
 * (with `/` separators; none that is absolute or leaves the folder), then the manifest; none when the manifest cannot
 * be read as one. Read from a staging folder before its rename, they name the files of the run folder it becomes.
 */
export async function runOwnFiles(folder: string): Promise<string[]> {
  const read = await readManifestChecked(folder);
  return read.ok ? ownFilesOf(read.manifest) : [];
}

/** `runOwnFiles` of a manifest already read: the outputs it lists (none absolute or leaving the folder), then itself. */
export function ownFilesOf(manifest: Pick<RunManifest, "outputs">): string[] {
  const paths = [...manifest.outputs.map((output) => output.path.split("\\").join("/")), MANIFEST_FILE];
  return paths.filter((path) => !isAbsolute(path) && !path.split("/").some((part) => part === ".." || part === ""));
}

/**
 * Makes the regular files `paths` of `folder` (`runOwnFiles`) read-only, synchronously: `compute` calls it between its
 * run folder's rename and the move of `LATEST`, where no signal may be handled (`finishRun`), so that `LATEST` never
 * names a run whose files are still writable (a kill in between leaves a run protected but unpublished, never the
 * reverse). Best effort, as `protectRunFiles`; returns the paths made (or already) read-only.
 */
export function protectFilesSync(folder: string, paths: readonly string[]): string[] {
  const protectedPaths: string[] = [];
  for (const path of paths) {
    const file = join(folder, path);
    const found = lstatSync(file, { throwIfNoEntry: false });
    if (!found?.isFile()) continue;
    const mode = found.mode & 0o7777;
    if ((mode & WRITE_BITS) !== 0) {
      try {
        chmodSync(file, mode & ~WRITE_BITS);
      } catch {
        continue;
      }
    }
    protectedPaths.push(path);
  }
  return protectedPaths;
}

