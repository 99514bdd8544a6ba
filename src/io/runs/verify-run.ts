/**
 * Checking a run folder against its `manifest.json`: every output file the manifest lists is there with the size and
 * SHA-256 recorded when it was written, every file derived from the run afterwards (`report.html`) is as its
 * `reports.json` lists it, and the folder holds nothing else (but those two lists, and what a report killed while
 * writing left, said as such: `verificationWarnings`); and the manifest against itself and the run id: its
 * fingerprint is that of the version, options and inputs it lists, and agrees with the id, as do its start time and
 * the previous run it names.
 */
import { lstat, readdir } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { append } from "../../core/arrays.js";
import { outputMessages } from "../../core/output-messages.js";
import { runMessages } from "../../core/run-messages.js";
import { InputError, type Issue } from "../../errors.js";
import { fingerprintOf, MANIFEST_FILE, readManifestChecked, type FileDigest, type RunManifest } from "./run-files.js";
import { isRunId, runIdMilliseconds } from "./run-names.js";
import { digestFile } from "../write/write.js";
import { DERIVED_FILE_NAMES, judgeReportWriterFile, readRunReports, REPORTS_FILE } from "./run-reports.js";
import { holdsMarker, runFolderAt, STAGING_MARKER } from "./runs.js";
import { localProbe } from "../write/folder-lock.js";

/**
 * How one file compares with the manifest. Two statuses are no mismatch, but said (`verificationWarnings`): `leftover`,
 * a temporary or backup file of a file report writes into the run folder whose writer is gone (a killed report left
 * it), or the staging marker (`STAGING_MARKER`, then with no `writer`) holding the run's own id, left by a run killed
 * between its folder's rename and the marker's removal; `writing`, one whose writer still runs (a report writing into
 * the run now).
 */
export type FileCheckStatus = "ok" | "missing" | "changed" | "unlisted" | "outside" | "leftover" | "writing";

/** One file of a run folder compared with its manifest entry (or its entry in `reports.json`). */
export interface FileCheck {
  /** The path relative to the run folder, with `/` separators (a folder ends in `/`). */
  path: string;
  status: FileCheckStatus;
  /**
   * Whose file it is: `run` for a file `manifest.json` lists (written by compute), `derived` for one `reports.json`
   * lists (made from the run afterwards, such as `report.html`), `undefined` for an unlisted file, or for a
   * `reports.json` that cannot be read (`problem`).
   */
  origin?: "run" | "derived";
  /** What is wrong with `reports.json` when it cannot be read (then its status is `changed`). */
  problem?: string;
  /** Size and SHA-256 listed in the manifest (listed files only). */
  expected?: { bytes: number; sha256: string };
  /** Size found, and the SHA-256 when the size matched (`changed` only); `kind` when it is not a file. */
  found?: { bytes: number; sha256?: string; kind?: "folder" | "link" | "other" };
  /**
   * For a `leftover` (but the staging marker) or `writing` file: the file it is a temporary (`tmp`) or backup (`old`)
   * file of, the pid of its writer (in its name), and whether it starts as the tool writes that file (`removable`: the
   * next report or compute removes it; else they keep it).
   */
  writer?: { of: string; kind: "tmp" | "old"; pid: number; removable: boolean };
}

/**
 * A field of `manifest.json` that does not agree with the rest of it or with the run id (`checkManifest`): `found` is
 * the fingerprint, or the value of `startedAt` or `previous` as JSON (edited by hand, it may be of any type);
 * `expected` the fingerprint recomputed, when it can be; `idTime` the time of the run id, when `startedAt` is later.
 */
export type ManifestCheck =
  | { field: "fingerprint"; found: string; expected?: string }
  | { field: "id"; found: string; id: string }
  | { field: "run"; found: string; id: string }
  | { field: "outputs"; missing: string[] }
  | { field: "startedAt"; found: string; idTime?: string }
  | { field: "previous"; found: string; id?: string };

/** The outcome of `verifyRun`. */
export interface RunVerification {
  /** Every file listed in the manifest and every file found besides, sorted by path. */
  files: FileCheck[];
  /** What in `manifest.json` does not agree with the rest of it or with the run id (`checkManifest`); empty when all does. */
  manifest: ManifestCheck[];
  /**
   * Whether every listed file matches, nothing is unlisted (but what a report left or is writing: `leftover`,
   * `writing`), and the manifest agrees with itself and the run id.
   */
  ok: boolean;
  /** The counts of each status. */
  counts: Record<FileCheckStatus, number>;
}

/**
 * What in a manifest does not agree with the rest of it or with `id`, the name of its run folder (`undefined` for a
 * folder not named by a run id, a run copied elsewhere: then only the manifest itself is checked):
 * - `fingerprint`: it must be `fingerprintOf` the tool version, options and input digests the manifest lists, and its
 *   `unnamedQueryInputs`, as compute made it (inputs but `index.yaml`'s own digest; runs made before that rule counted
 *   every input: either matches);
 * - `id`: the run id ends in the first 8 hex digits of the fingerprint;
 * - `run`: the id the run was written under (absent in older manifests) is the folder's name;
 * - `startedAt`: a time as compute writes it (`toISOString`), not later than the time of the id. The id's time is the
 *   start time, or later when the clock had not moved past the latest run's id (two runs in one millisecond, a clock
 *   set back: `newRunId` then takes that id's time plus 1 ms), so an earlier start is no mismatch;
 * - `previous`: absent (older versions), `null`, or the id of a run earlier than this one;
 * - `outputs`: it lists every file a run with its options writes (`requiredOutputs`), so that a list shortened
 *   together with deleting those files is found.
 * The manifest's other fields (`finishedAt`, coverage, warnings) are records, not checked; the outputs are checked
 * against the files by `verifyRun`. Nothing here proves that a manifest was not rewritten whole and consistently.
 */
export function checkManifest(manifest: RunManifest, id: string | undefined): ManifestCheck[] {
  const checks: ManifestCheck[] = [];
  const found = manifest.fingerprint;
  const version = (manifest.tool as { version?: unknown } | undefined)?.version;
  const options = manifest.options as unknown;
  if (typeof version !== "string" || typeof options !== "object" || options === null || Array.isArray(options)) checks.push({ field: "fingerprint", found });
  else {
    // With the queries that may read files no digest covers (`unnamedQueryInputs`), as compute made it.
    const unnamed: unknown = manifest.unnamedQueryInputs;
    const expected = fingerprintOf(version, manifest.options, manifest.inputs.filter((input) => input.role !== "project"), unnamed);
    if (manifest.fingerprint !== expected && manifest.fingerprint !== fingerprintOf(version, manifest.options, manifest.inputs, unnamed))
      checks.push({ field: "fingerprint", found, expected });
  }
  if (id !== undefined && !manifest.fingerprint.startsWith(id.slice(-8))) checks.push({ field: "id", found, id });
  // The id the run was written under (absent in older manifests): a folder renamed or copied under another id.
  if (id !== undefined && "run" in manifest && manifest.run !== id) checks.push({ field: "run", found: JSON.stringify(manifest.run) ?? "undefined", id });
  const startedAt = manifest.startedAt as unknown;
  const started = typeof startedAt === "string" ? Date.parse(startedAt) : Number.NaN;
  if (!Number.isFinite(started) || new Date(started).toISOString() !== startedAt) checks.push({ field: "startedAt", found: JSON.stringify(startedAt) ?? "undefined" });
  else if (id !== undefined) {
    const idTime = runIdMilliseconds(id)!;
    if (started > idTime) checks.push({ field: "startedAt", found: JSON.stringify(startedAt), idTime: new Date(idTime).toISOString() });
  }
  if ("previous" in manifest) {
    const previous = manifest.previous as unknown;
    if (previous !== null && (typeof previous !== "string" || !isRunId(previous) || (id !== undefined && previous >= id)))
      checks.push({ field: "previous", found: JSON.stringify(previous) ?? "undefined", id });
  }
  const listed = new Set(manifest.outputs.map((output) => output.path.split("\\").join("/")));
  const missing = requiredOutputs(manifest).filter((path) => !listed.has(path));
  if (missing.length > 0) checks.push({ field: "outputs", missing });
  return checks;
}

/**
 * The files every run with the manifest's options writes, by the rules of every version that has written runs (the
 * first wrote index.csv, index-wide.csv, scores.csv, index.json and input-values.csv; the options added since are
 * recorded in the manifests of the runs they shaped, so an option a manifest does not record added no file):
 * - `index.json`, `input-values.csv` and `index-wide.csv`, always;
 * - `index.csv` and `scores.csv`, or with `parquet-only` the three Parquet files in their place;
 * - `index.parquet`, `scores.parquet` and `growth.parquet` with `parquet`;
 * - `index.xlsx` with `xlsx`, unless the run warned that the workbook was too large (`W_XLSX_TOO_LARGE`) and left it out;
 * - `report.html` with `report`, `groups.csv` with `performance-groups`, `screened.csv` with `screen`.
 * The other tables (growth.csv, weights.csv, ...) came with versions that recorded no option of their own, so a run
 * of any version may lack them: they are checked only as listed.
 */
export function requiredOutputs(manifest: Pick<RunManifest, "options" | "warnings">): string[] {
  const options = (typeof manifest.options === "object" && manifest.options !== null ? manifest.options : {}) as Record<string, unknown>;
  const given = (name: string) => options[name] !== undefined && options[name] !== null && options[name] !== false;
  const parquet = ["index.parquet", "scores.parquet", "growth.parquet"];
  const required = ["index.json", "input-values.csv", "index-wide.csv", ...(options["parquet-only"] === true ? parquet : ["index.csv", "scores.csv"])];
  if (options.parquet === true && options["parquet-only"] !== true) required.push(...parquet);
  const warnings = Array.isArray(manifest.warnings) ? (manifest.warnings as unknown[]) : [];
  const workbookLeftOut = warnings.some((warning) => (warning as { code?: unknown } | null)?.code === "W_XLSX_TOO_LARGE");
  if (options.xlsx === true && !workbookLeftOut) required.push("index.xlsx");
  if (options.report === true) required.push("report.html");
  if (given("performance-groups")) required.push("groups.csv");
  if (given("screen")) required.push("screened.csv");
  return required.sort();
}

/** One line of `verify` for a field of the manifest that does not agree (`checkManifest`). */
export function formatManifestCheck(check: ManifestCheck): string {
  switch (check.field) {
    case "fingerprint":
      return outputMessages.verifyFingerprint(check.found, check.expected);
    case "id":
      return outputMessages.verifyIdFingerprint(check.id, check.found);
    case "run":
      return outputMessages.verifyRunId(check.found, check.id);
    case "startedAt":
      return outputMessages.verifyStartedAt(check.found, check.idTime);
    case "previous":
      return outputMessages.verifyPrevious(check.found, check.id);
    case "outputs":
      return outputMessages.verifyOutputsRequired(check.missing);
  }
}

/** Whether a path listed in a manifest stays inside the run folder: relative, no `.`, `..` or empty segment. */
function isInside(path: string): boolean {
  if (path === "" || path.startsWith("/") || /^[A-Za-z]:/.test(path)) return false;
  return path.split(/[\\/]/).every((segment) => segment !== "" && segment !== "." && segment !== "..");
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

/** Compares the file `path` of `folder` with its listed size and SHA-256 (hashed only when the size matches). */
async function checkFile(folder: string, path: string, expected: { bytes: number; sha256: string }, origin: "run" | "derived"): Promise<FileCheck> {
  if (!isInside(path)) return { path, status: "outside", origin, expected };
  const target = join(folder, path);
  const found = await lstat(target).catch(() => undefined);
  if (!found) return { path, status: "missing", origin, expected };
  if (!found.isFile())
    return { path, status: "changed", origin, expected, found: { bytes: found.size, kind: found.isDirectory() ? "folder" : found.isSymbolicLink() ? "link" : "other" } };
  if (found.size !== expected.bytes) return { path, status: "changed", origin, expected, found: { bytes: found.size } };
  const digest = await digestFile(target);
  return digest.sha256 === expected.sha256 && digest.bytes === expected.bytes ? { path, status: "ok", origin, expected } : { path, status: "changed", origin, expected, found: digest };
}

/**
 * Recomputes the size and SHA-256 of every output file listed in a run folder's `manifest.json` (origin `run`) and of
 * every file its `reports.json` lists, if it has one (origin `derived`: made from the run afterwards, such as
 * `report.html`), and compares them with those lists: each listed file is `ok`, `missing` or `changed` (its size
 * differs, then it is not hashed; or its SHA-256 differs; or it is not a regular file), or `outside` when a list names
 * a path outside the folder (never read); each other file in the folder is `unlisted`. A `reports.json` that cannot be
 * read is `changed` (with its `problem`), and the files it would list are unlisted. A regular file named as a temporary
 * or backup file (`.<name>.<pid>.tmp`, `.old`) of a file report writes there (`reports.json`, `report.html`, and the
 * files reports.json lists) is no mismatch: `leftover` when its writer is gone (a report killed while writing left it;
 * the next report or compute removes it when it starts as the tool writes that file), `writing` when it still runs;
 * any other file is `unlisted`, whatever its name. The staging marker (`STAGING_MARKER`) of a folder named by a run id
 * that holds that id (`holdsMarker`: a run killed between its folder's rename and the marker's removal) is `leftover`
 * too (the next compute into its runs folder removes it); one holding anything else is `unlisted`. A path both lists
 * name is the run's. Files are hashed as streams, one at a time, so a run of any size is checked in constant memory.
 * The inputs the manifest lists live in the project folder, not in the run, and are not checked; the manifest itself
 * is checked against its fingerprint and the run id, the folder's name when it is one (`checkManifest`: `manifest`).
 * @throws `InputError` `E_NO_RUN` when `folder` is not a folder (a file named by a run id said to be a file, not a
 * run folder, as runs publish says it), `E_NO_MANIFEST` when its manifest is missing or is not
 * one compute writes; `label` names the folder in messages.
 * @example
 * const { ok, files } = await verifyRun("runs/20260301T020000.123Z-1a2b3c4d");
 * // => ok: true when every file matches; files: [{ path: "growth.csv", status: "ok", origin: "run", ... }, ...]
 */
export async function verifyRun(folder: string, label = folder): Promise<RunVerification> {
  const at = await runFolderAt(folder);
  // A file named by a run id (which runs lists, as it is in the runs folder): said as runs publish says it.
  if (at.kind === "file" && isRunId(basename(resolve(folder)))) throw new InputError("E_NO_RUN", runMessages.publishNotFolder(label, at.file === "file"), { source: label });
  if (at.kind !== "folder") throw new InputError("E_NO_RUN", outputMessages.verifyNoRun(label, at.kind === "broken link" ? at.target : undefined), { source: label });
  const manifestLabel = `${label}/${MANIFEST_FILE}`;
  const read = await readManifestChecked(folder);
  if (!read.ok) throw new InputError("E_NO_MANIFEST", outputMessages.verifyNoManifest(manifestLabel, read.problem), { source: manifestLabel });
  const reports = await readRunReports(folder);

  const files: FileCheck[] = [];
  const listed = new Set<string>([MANIFEST_FILE]);
  const lists: [readonly FileDigest[], "run" | "derived"][] = [[read.manifest.outputs, "run"]];
  if (reports.ok && reports.reports) {
    listed.add(REPORTS_FILE);
    lists.push([reports.reports.files, "derived"]);
  } else if (!reports.ok) {
    listed.add(REPORTS_FILE);
    files.push({ path: REPORTS_FILE, status: "changed", problem: reports.problem });
  }
  for (const [entries, origin] of lists)
    for (const entry of entries) {
      const path = entry.path.split("\\").join("/");
      if (listed.has(path)) continue;
      listed.add(path);
      files.push(await checkFile(folder, path, { bytes: entry.bytes, sha256: entry.sha256 }, origin));
    }
  // The files report writes there, whose temporary and backup files a killed report may have left.
  const written = new Set([REPORTS_FILE, ...DERIVED_FILE_NAMES, ...(reports.ok ? (reports.reports?.files ?? []).map((entry) => entry.path) : [])]);
  const probe = localProbe();
  const name = basename(resolve(folder));
  // The run's own staging marker (it names the run): the tool's, left by a run killed just after its rename.
  const ownMarker = isRunId(name) && (await holdsMarker(folder, name));
  for (const path of await listFiles(folder)) {
    if (listed.has(path)) continue;
    if (path === STAGING_MARKER && ownMarker) {
      files.push({ path, status: "leftover" });
      continue;
    }
    const writer = path.includes("/") ? undefined : await judgeReportWriterFile(folder, path, written, probe);
    if (writer === undefined) files.push({ path, status: "unlisted" });
    else {
      const status = writer.writer === "gone" ? "leftover" : "writing";
      files.push({ path, status, writer: { of: writer.name, kind: writer.kind, pid: writer.pid, removable: writer.written } });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const counts: Record<FileCheckStatus, number> = { ok: 0, missing: 0, changed: 0, unlisted: 0, outside: 0, leftover: 0, writing: 0 };
  for (const file of files) counts[file.status]++;
  const manifest = checkManifest(read.manifest, isRunId(name) ? name : undefined);
  return { files, manifest, ok: manifest.length === 0 && files.every((file) => !isFileProblem(file)), counts };
}

/** Whether `check` is a mismatch that fails `verify`: any status but `ok`, `leftover` and `writing`. */
export function isFileProblem(check: Pick<FileCheck, "status">): boolean {
  return check.status !== "ok" && check.status !== "leftover" && check.status !== "writing";
}

/**
 * What `verifyRun` found in the run folder `label` that is no mismatch but is said: a file a killed report left, or the
 * run's own staging marker a killed run left (`W_RUN_WRITE_LEFTOVER`: what to do with it) and one a running report
 * is writing (`W_RUN_BEING_WRITTEN`), each about its file (`<run>/<path>`). `verify` prints them as warnings.
 */
export function verificationWarnings(verification: RunVerification, label: string): Issue[] {
  const warnings: Issue[] = [];
  for (const file of verification.files) {
    if (file.status === "leftover" && file.writer === undefined && file.path === STAGING_MARKER) {
      const source = `${label}/${file.path}`;
      warnings.push({ code: "W_RUN_WRITE_LEFTOVER", source, message: outputMessages.verifyStagingLeftover(source, label) });
      continue;
    }
    if (file.writer === undefined || (file.status !== "leftover" && file.status !== "writing")) continue;
    const source = `${label}/${file.path}`;
    const { of, kind, pid, removable } = file.writer;
    if (file.status === "leftover") warnings.push({ code: "W_RUN_WRITE_LEFTOVER", source, message: outputMessages.verifyWriteLeftover(source, of, kind, pid, removable) });
    else warnings.push({ code: "W_RUN_BEING_WRITTEN", source, message: outputMessages.verifyBeingWritten(source, of, kind, pid) });
  }
  return warnings;
}

/**
 * The problems `verifyRun` found in the run folder `label`, one a file that does not match (`formatFileCheck`) then
 * one a field of the manifest that does not agree (`formatManifestCheck`), in `verify`'s order and words, each with
 * the code of verify's refusal (`E_RUN_CHANGED`, as diff's of a file it reads that does not match) and the file it is
 * about (`<run>/<path>`; `<run>/manifest.json` for the manifest's fields). `verify` prints their messages on stdout and
 * `runs publish` and `rollback` on stderr; `--log-format json` logs them as the problems of an error (`logProblem`).
 */
export function verificationProblems(verification: RunVerification, label: string): Issue[] {
  const problems: Issue[] = [];
  for (const file of verification.files) {
    const message = formatFileCheck(file);
    if (message !== undefined) problems.push({ code: "E_RUN_CHANGED", message, source: `${label}/${file.path}` });
  }
  for (const check of verification.manifest) problems.push({ code: "E_RUN_CHANGED", message: formatManifestCheck(check), source: `${label}/${MANIFEST_FILE}` });
  return problems;
}

/** One line of `verify` for a file that does not match (`undefined` for one that does, or that a report left or is writing). */
export function formatFileCheck(check: FileCheck): string | undefined {
  switch (check.status) {
    case "ok":
      return undefined;
    case "missing":
      return outputMessages.verifyMissing(check.path, check.expected!.bytes, check.origin === "derived");
    case "changed":
      if (check.problem !== undefined) return outputMessages.verifyReportsDamaged(check.problem);
      return check.found?.kind
        ? outputMessages.verifyNotFile(check.path, check.found.kind, check.origin === "derived")
        : outputMessages.verifyChanged(check.path, check.expected!, check.found!, check.origin === "derived");
    case "unlisted":
      return outputMessages.verifyUnlisted(check.path);
    case "outside":
      return outputMessages.verifyOutside(check.path, check.origin === "derived");
    case "leftover":
    case "writing":
      return undefined; // no mismatch: said by verificationWarnings
  }
}
