/**
 * The proof that a file in an output folder is the tool's own: each folder the writer writes into keeps a record of
 * the files it wrote there (`.innovation-index-files.json`: each file's size and SHA-256, hashed as it was written).
 * A file of the same name is replaced only when the record shows it is a file the tool wrote, unchanged since (its
 * bytes hash to the recorded digest); any other (a person's `index.csv`, one edited since, one from an older version of
 * the tool that kept no record) is refused before anything is written, so that the writer never overwrites what it did
 * not provably create. The record holds only names and digests, so the same outputs give the same record, byte for
 * byte. Run folders are not written this way: their manifest and `reports.json` are their records (`runs/`).
 */
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
  if (parsed.tool !== "innovation-index" || !parsed.files || typeof parsed.files !== "object") return {};
  const files: Record<string, Identity> = {};
  for (const [name, known] of Object.entries(parsed.files))
    if (isPlainFileName(name) && known && typeof known.bytes === "number" && typeof known.sha256 === "string") files[name] = known;
  return files;
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
export async function refuseFilesNotOurs(dir: string, names: readonly string[], label: string, digest: (path: string) => Promise<Identity>): Promise<void> {
  let record: Record<string, Identity> | undefined;
  for (const name of names) {
    let info;
    try {
      info = lstatSync(join(dir, name));
    } catch {
      continue; // nothing there
    }
    if (info.isDirectory()) continue; // a folder in the way fails the write itself, which restores the rest
    record ??= readRecord(dir);
    const known = record[name];
    if (known && info.isFile() && known.bytes === info.size && (await digest(join(dir, name))).sha256 === known.sha256) continue;
    // `label` names the folder, or the file itself when one file is written (`weights --out w.csv`).
    const file = label.endsWith(name) ? label : label === "." ? name : `${label.replace(/[\\/]+$/, "")}/${name}`;
    throw new OutputError("E_OUT_NOT_OURS", outputMessages.outNotOurs(file, WRITTEN_FILES));
  }
}

/**
 * The folder's record with the files written in `dir` (name -> size and SHA-256, and `by` when given) added and the
 * `removed` names left out, as the text of the file: the folder writer writes it as one more temporary file and renames
 * it into place with the outputs, so that the outputs are never replaced without their record, nor the record without
 * them.
 */
export function recordText(dir: string, written: Readonly<Record<string, Identity>>, by?: string, removed: readonly string[] = []): string {
  const files = readRecord(dir);
  for (const [name, { bytes, sha256 }] of Object.entries(written)) files[name] = by === undefined ? { bytes, sha256 } : { bytes, sha256, by };
  for (const name of removed) delete files[name];
  const sorted = Object.fromEntries(Object.keys(files).sort().map((name) => [name, files[name]]));
  return JSON.stringify({ tool: "innovation-index", files: sorted }, null, 2) + "\n";
}

/**
 * The files of `dir` that an earlier run of command `by` wrote there as part of its outputs and that this run, which
 * writes `names`, does not: still as written (size and SHA-256 as recorded), so provably the tool's own and stale (a
 * `ranks.csv` of two units beside the index of one). A file changed since is not among them: it is no longer the
 * tool's to remove.
 */
export async function staleFiles(dir: string, by: string, names: readonly string[], digest: (path: string) => Promise<Identity>): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, known] of Object.entries(readRecord(dir))) {
    if (known.by !== by || names.includes(name)) continue;
    const info = lstatSync(join(dir, name), { throwIfNoEntry: false });
    if (info?.isFile() && info.size === known.bytes && (await digest(join(dir, name))).sha256 === known.sha256) stale.push(name);
  }
  return stale.sort();
}
