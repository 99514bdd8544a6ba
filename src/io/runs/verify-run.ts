/**
 * Checking a run folder against its `manifest.json`: every output file the manifest lists is there with the size and
 * SHA-256 recorded when it was written, and the folder holds nothing else (but the manifest itself).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { append } from "../../core/arrays.js";
import { outputMessages } from "../../core/output-messages.js";
import { InputError } from "../../errors.js";
import { MANIFEST_FILE, readManifestChecked } from "./run-files.js";

/** How one file compares with the manifest. */
export type FileCheckStatus = "ok" | "missing" | "changed" | "unlisted" | "outside";

/** One file of a run folder compared with its manifest entry. */
export interface FileCheck {
  /** The path relative to the run folder, with `/` separators (a folder ends in `/`). */
  path: string;
  status: FileCheckStatus;
  /** Size and SHA-256 listed in the manifest (listed files only). */
  expected?: { bytes: number; sha256: string };
  /** Size found, and the SHA-256 when the size matched (`changed` only); `kind` when it is not a file. */
  found?: { bytes: number; sha256?: string; kind?: "folder" | "link" | "other" };
}

/** The outcome of `verifyRun`. */
export interface RunVerification {
  /** Every file listed in the manifest and every file found besides, sorted by path. */
  files: FileCheck[];
  /** Whether every listed file matches and nothing is unlisted. */
  ok: boolean;
  /** The counts of each status. */
  counts: Record<FileCheckStatus, number>;
}

/** Whether a path listed in a manifest stays inside the run folder: relative, no `.`, `..` or empty segment. */
function isInside(path: string): boolean {
  if (path === "" || path.startsWith("/") || /^[A-Za-z]:/.test(path)) return false;
  return path.split(/[\\/]/).every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/** Size and SHA-256 of a file, read as a stream in 1 MB chunks (never whole in memory). */
async function digestOf(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** Every file, link and empty folder under `folder` (relative paths with `/`), links not followed. */
async function listFiles(folder: string, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(join(folder, prefix), { withFileTypes: true });
  if (entries.length === 0 && prefix) return [`${prefix}/`];
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) append(found, await listFiles(folder, path));
    else found.push(path);
  }
  return found;
}

/**
 * Recomputes the size and SHA-256 of every output file listed in a run folder's `manifest.json` and compares them with
 * the manifest: each listed file is `ok`, `missing` or `changed` (its size differs, then it is not hashed; or its
 * SHA-256 differs; or it is not a regular file), or `outside` when the manifest lists a path outside the folder (never
 * read); each other file in the folder is `unlisted`. Files are hashed as streams, one at a time, so a run of any size
 * is checked in constant memory. The inputs the manifest lists live in the project folder, not in the run, and are
 * not checked.
 * @throws `InputError` `E_NO_RUN` when `folder` is not a folder, `E_NO_MANIFEST` when its manifest is missing or is not
 * one compute writes; `label` names the folder in messages.
 * @example
 * const { ok, files } = await verifyRun("runs/20260301T020000.123Z-1a2b3c4d");
 * // => ok: true when every file matches; files: [{ path: "growth.csv", status: "ok", ... }, ...]
 */
export async function verifyRun(folder: string, label = folder): Promise<RunVerification> {
  const info = await lstat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new InputError("E_NO_RUN", outputMessages.verifyNoRun(label), { source: label });
  const manifestLabel = `${label}/${MANIFEST_FILE}`;
  const read = await readManifestChecked(folder);
  if (!read.ok) throw new InputError("E_NO_MANIFEST", outputMessages.verifyNoManifest(manifestLabel, read.problem), { source: manifestLabel });

  const files: FileCheck[] = [];
  const listed = new Set<string>([MANIFEST_FILE]);
  for (const output of read.manifest.outputs) {
    const path = output.path.split("\\").join("/");
    if (listed.has(path)) continue;
    listed.add(path);
    const expected = { bytes: output.bytes, sha256: output.sha256 };
    if (!isInside(path)) {
      files.push({ path, status: "outside", expected });
      continue;
    }
    const target = join(folder, path);
    const found = await lstat(target).catch(() => undefined);
    if (!found) files.push({ path, status: "missing", expected });
    else if (!found.isFile())
      files.push({ path, status: "changed", expected, found: { bytes: found.size, kind: found.isDirectory() ? "folder" : found.isSymbolicLink() ? "link" : "other" } });
    else if (found.size !== output.bytes) files.push({ path, status: "changed", expected, found: { bytes: found.size } });
    else {
      const digest = await digestOf(target);
      files.push(digest.sha256 === output.sha256 && digest.bytes === output.bytes ? { path, status: "ok", expected } : { path, status: "changed", expected, found: digest });
    }
  }
  for (const path of await listFiles(folder))
    if (!listed.has(path)) files.push({ path, status: "unlisted" });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const counts: Record<FileCheckStatus, number> = { ok: 0, missing: 0, changed: 0, unlisted: 0, outside: 0 };
  for (const file of files) counts[file.status]++;
  return { files, ok: files.every((file) => file.status === "ok"), counts };
}

/** One line of `verify` for a file that does not match (`undefined` for one that does). */
export function formatFileCheck(check: FileCheck): string | undefined {
  switch (check.status) {
    case "ok":
      return undefined;
    case "missing":
      return outputMessages.verifyMissing(check.path, check.expected!.bytes);
    case "changed":
      return check.found?.kind
        ? outputMessages.verifyNotFile(check.path, check.found.kind)
        : outputMessages.verifyChanged(check.path, check.expected!, check.found!);
    case "unlisted":
      return outputMessages.verifyUnlisted(check.path);
    case "outside":
      return outputMessages.verifyOutside(check.path);
  }
}
