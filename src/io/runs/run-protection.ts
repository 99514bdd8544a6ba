/**
 * A published run's own files made read-only: the files its `manifest.json` lists, and the manifest itself, once
 * `LATEST` names the run (`compute` in a project, `runs publish`, `runs rollback`). Opened in Excel, `index.csv` is
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
import { chmod, lstat } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { MANIFEST_FILE, readManifestChecked } from "./run-files.js";

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
  const read = await readManifestChecked(folder);
  if (!read.ok) return [];
  const paths = [...read.manifest.outputs.map((output) => output.path.split("\\").join("/")), MANIFEST_FILE];
  const protectedPaths: string[] = [];
  for (const path of paths) {
    if (isAbsolute(path) || path.split("/").some((part) => part === ".." || part === "")) continue;
    const file = join(folder, path);
    const found = await lstat(file).catch(() => undefined);
    if (!found?.isFile()) continue;
    const mode = found.mode & 0o7777;
    if ((mode & WRITE_BITS) !== 0 && !(await chmod(file, mode & ~WRITE_BITS).then(() => true, () => false))) continue;
    protectedPaths.push(path);
  }
  return protectedPaths;
}

