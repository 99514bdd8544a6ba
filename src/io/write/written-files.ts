/**
 * The proof that a file in an output folder is the tool's own: each folder the writer writes into keeps a record of
 * the files it wrote there (`.innovation-index-files.json`: each file's size and SHA-256, hashed as it was written).
 * A file of the same name is replaced only when the record shows it is a file the tool wrote, unchanged since (its
 * bytes hash to the recorded digest); any other (a person's `index.csv`, one edited since, one from an older version of
 * the tool that kept no record) is refused before anything is written, so that the writer never overwrites what it did
 * not provably create. The record holds only names and digests, so the same outputs give the same record, byte for
 * byte. Run folders are not written this way: their manifest and `reports.json` are their records (`runs/`).
 */
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import { OutputError } from "../../errors.js";

/** The record of the files the tool wrote in a folder. */
export const WRITTEN_FILES = ".innovation-index-files.json";

/** What identifies a file as written: its size and SHA-256; and which command's outputs it is, when one said so. */
interface Identity {
  bytes: number;
  sha256: string;
  /** The command whose complete set of outputs it was one of (`compute`): a later run of it removes what it no longer writes. */
  by?: string;
  /**
   * The versions the file had before, also the tool's own: only in the record renamed into place before the outputs
   * (see `recordTexts`), so that a process killed among the renames leaves every file, old or new, known as written.
   */
  previous?: { bytes: number; sha256: string }[];
}

/**
 * The folder's record, name -> identity; empty when there is none or it is not one this tool wrote. Only entries that
 * name a file directly in the folder are kept: a name with a path in it (`../data.csv`, `a/b`), written into the
 * record by hand, is not the tool's, and the writer never removes or replaces a file outside its folder through it.
 */
function readRecord(dir: string): Record<string, Identity> {
  let parsed: { tool?: string; files?: Record<string, Identity> };
  try {
    parsed = JSON.parse(readFileSync(join(dir, WRITTEN_FILES), "utf8")) as typeof parsed;
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null || parsed.tool !== "innovation-index" || !parsed.files || typeof parsed.files !== "object") return {};
  const files: Record<string, Identity> = {};
  for (const [name, known] of Object.entries(parsed.files))
    if (isPlainFileName(name) && isVersion(known)) {
      const previous = Array.isArray(known.previous) ? known.previous.filter(isVersion).map(({ bytes, sha256 }) => ({ bytes, sha256 })) : [];
      files[name] = { bytes: known.bytes, sha256: known.sha256, ...(typeof known.by === "string" ? { by: known.by } : {}), ...(previous.length > 0 ? { previous } : {}) };
    }
  return files;
}

/** Whether `value` is a version of a file as the record holds one: a size and a SHA-256. */
function isVersion(value: unknown): value is { bytes: number; sha256: string } {
  return typeof value === "object" && value !== null && typeof (value as Identity).bytes === "number" && typeof (value as Identity).sha256 === "string";
}

/** Whether the file at `path` (`size` bytes) is one of the versions the record holds as `known` (hashed at most once). */
async function isKnownVersion(known: Identity, path: string, size: number, digest: (path: string) => Promise<{ sha256: string }>): Promise<boolean> {
  const versions = [known, ...(known.previous ?? [])].filter((version) => version.bytes === size);
  if (versions.length === 0) return false;
  const { sha256 } = await digest(path);
  return versions.some((version) => version.sha256 === sha256);
}

/** Whether `name` is a file's name alone: no folder separator, not `.` or `..`, no NUL. */
function isPlainFileName(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." && !/[\\/\0]/.test(name);
}

/**
 * Throws `OutputError` `E_OUT_NOT_OURS` (exit 3) for the first of `names` that exists in `dir` as a file (or a link)
 * the folder's record does not show as the tool's own, unchanged since it was written (`digest` hashes a file).
 * `label` names the folder.
 */
export async function refuseFilesNotOurs(dir: string, names: readonly string[], label: string, digest: (path: string) => Promise<Identity>): Promise<FileSnapshot> {
  const snapshot: FileSnapshot = new Map();
  const [name] = await filesNotOursIn(dir, names, digest, 1, snapshot);
  if (name === undefined) return snapshot;
  throw new OutputError("E_OUT_NOT_OURS", outputMessages.outNotOurs(fileLabel(label, name), WRITTEN_FILES));
}

/** A file of the folder `label` (or the file itself when one file is written: `weights --out w.csv`), as messages name it. */
export const fileLabel = (label: string, name: string): string => (label.endsWith(name) ? label : label === "." ? name : `${label.replace(/[\\/]+$/, "")}/${name}`);

/**
 * What each file of a folder was when it was checked as the tool's own (taken before it was hashed): its inode, size
 * and modification time, or `undefined` where there was none. Just before a file is replaced or removed, it must still
 * be so (`changedSince`): a file edited, or made, while the command wrote (an analyst appending a note to index.csv)
 * is no longer the version checked, and is never replaced or removed on the strength of that check.
 */
export type FileSnapshot = Map<string, { ino: number; size: number; mtimeMs: number } | undefined>;

/** Takes the snapshot of `name` in `dir` from its `lstat` (`info`, undefined for none). */
function remember(snapshot: FileSnapshot | undefined, name: string, info: import("node:fs").Stats | undefined): void {
  snapshot?.set(name, info && { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs });
}

/** Whether the file `name` of `dir` is not as `snapshot` saw it (edited, replaced, made or removed since). */
export function changedSince(snapshot: FileSnapshot, dir: string, name: string): boolean {
  if (!snapshot.has(name)) return false;
  const then = snapshot.get(name);
  const now = lstatSync(join(dir, name), { throwIfNoEntry: false });
  if (then === undefined || now === undefined) return then !== undefined || now !== undefined;
  return now.ino !== then.ino || now.size !== then.size || now.mtimeMs !== then.mtimeMs;
}

/**
 * The names among `names` (at most `limit` of them, in order) that exist in `dir` as a file (or a link) the folder's
 * record does not show as the tool's own, unchanged since it was written: the files a writer must not replace. A
 * folder at a name is not counted (it fails the write itself, which restores the rest). The record is read once.
 */
export async function filesNotOursIn(
  dir: string,
  names: readonly string[],
  digest: (path: string) => Promise<Identity>,
  limit = Infinity,
  snapshot?: FileSnapshot,
): Promise<string[]> {
  let record: Record<string, Identity> | undefined;
  const found: string[] = [];
  for (const name of names) {
    if (found.length >= limit) break;
    let info;
    try {
      info = lstatSync(join(dir, name));
    } catch {
      remember(snapshot, name, undefined);
      continue; // nothing there
    }
    remember(snapshot, name, info);
    if (info.isDirectory()) continue;
    record ??= readRecord(dir);
    const known = record[name];
    if (known && info.isFile() && (await isKnownVersion(known, join(dir, name), info.size, digest))) continue;
    found.push(name);
  }
  return found;
}

/**
 * The folder's record with the files written in `dir` (name -> size and SHA-256, and `by` when given) added and the
 * `removed` names left out, as the text of the file.
 */
export function recordText(dir: string, written: Readonly<Record<string, Identity>>, by?: string, removed: readonly string[] = []): string {
  return recordTexts(dir, written, by, removed).final;
}

/**
 * The two records of a write (`recordText`): `journal` lists each written file's new version and, as `previous`, the
 * versions the record held for it before; `final` the new versions alone. The folder writer renames the journal into
 * place before the outputs and the final record after them: a process killed in the middle of the renames leaves a
 * record that knows each file, whether it is the old or the new one, and a finished write leaves the same record, byte
 * for byte, for the same outputs.
 */
export function recordTexts(
  dir: string,
  written: Readonly<Record<string, Identity>>,
  by?: string,
  removed: readonly string[] = [],
): { journal: string; final: string } {
  const before = readRecord(dir);
  const final = { ...before };
  const journal = { ...before };
  for (const [name, { bytes, sha256 }] of Object.entries(written)) {
    final[name] = by === undefined ? { bytes, sha256 } : { bytes, sha256, by };
    const old = before[name];
    const previous = old ? [{ bytes: old.bytes, sha256: old.sha256 }, ...(old.previous ?? [])] : [];
    journal[name] = previous.length > 0 ? { ...final[name], previous } : final[name];
  }
  for (const name of removed) {
    delete final[name];
    delete journal[name];
  }
  // An entry whose file is gone (a write killed before its rename, a file removed by hand) is not kept: the same
  // outputs give the same record.
  for (const name of Object.keys(final))
    if (!(name in written) && !lstatSync(join(dir, name), { throwIfNoEntry: false })) {
      delete final[name];
      delete journal[name];
    }
  const text = (files: Record<string, Identity>) =>
    JSON.stringify({ tool: "innovation-index", files: Object.fromEntries(Object.keys(files).sort().map((name) => [name, files[name]])) }, null, 2) + "\n";
  return { journal: text(journal), final: text(final) };
}

/**
 * The files of `dir` that an earlier run of command `by` wrote there as part of its outputs and that this run, which
 * writes `names`, does not: still as written (size and SHA-256 as recorded), so provably the tool's own and stale (a
 * `ranks.csv` of two units beside the index of one). A file changed since is not among them: it is no longer the
 * tool's to remove.
 */
export async function staleFiles(dir: string, by: string, names: readonly string[], digest: (path: string) => Promise<Identity>, snapshot?: FileSnapshot): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, known] of Object.entries(readRecord(dir))) {
    if (known.by !== by || names.includes(name)) continue;
    const info = lstatSync(join(dir, name), { throwIfNoEntry: false });
    if (info?.isFile() && (await isKnownVersion(known, join(dir, name), info.size, digest))) {
      stale.push(name);
      remember(snapshot, name, info);
    }
  }
  return stale.sort();
}
