/**
 * `compute` in a project: a new run folder `runs/<run-id>/` with the outputs, `input-values.csv` and `manifest.json`,
 * published by moving `runs/LATEST` only once everything is written, under a lock; a run is skipped when nothing changed
 * since the latest one (inputs, options and tool version: the default, also spelt `--if-changed`) unless `--force`
 * (or `--always`) is given; a one-line summary of the revisions against the latest run.
 */
import type { Command } from "commander";
import { constants } from "node:fs";
import { access, readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { countRevisions, largestRevision, type Revision, type RevisionCounts } from "../core/revision.js";
import type { RevisionTally } from "../core/revision-table.js";
import { INDEX_CODE } from "../core/types.js";
import { outputMessages } from "../core/output-messages.js";
import { joinMessages } from "../core/localize.js";
import { InputError, OutputError, ValidationError, type Issue } from "../errors.js";
import { projectMessages } from "../core/project-messages.js";
import { runMessages } from "../core/run-messages.js";
import { crashPoint } from "../io/crash-point.js";
import { defaultThreads, inputValuesJob } from "../io/write/file-jobs.js";
import {
  digestFiles,
  refuseSpecialInput,
  fingerprintOf,
  formatManifest,
  INPUT_VALUES_FILE,
  MANIFEST_FILE,
  readManifestChecked,
  sha256,
  type FileDigest,
  type RunManifest,
} from "../io/runs/run-files.js";
import { PUBLICATION_HISTORY_FILE } from "../io/runs/publication-history.js";
import { acquireLock, discardRun, finishRun, HistoryNotWrittenError, LatestNotFlushedError, listRunIdsToFollow, LOCK_FILE, mayHoldLeftovers, newRunId, readLatestPointer, removeLeftovers, RunNotFlushedError, STAGING_PREFIX, stageRun, writeLatest } from "../io/runs/runs.js";
import { EarlierRunError, readRunFolder, requireIndexJson, RunChangedError, tallyRunFolders, type RunFolder } from "../io/runs/run-values.js";
import { checkManifest, formatManifestCheck } from "../io/runs/verify-run.js";
import { refuseRunsOnInputs } from "../io/runs/runs-on-inputs.js";
import { ownFilesOf, protectFilesSync, runOwnFiles } from "../io/runs/run-protection.js";
import { formatValue } from "../io/write/to-csv.js";
import type { FileContent } from "../io/write/write.js";
import { PARQUET_RESULT_FILES } from "../io/write/to-json.js";
import { listValueFiles } from "../io/read/values-folder.js";
import type { Encoding } from "../io/read/read-text.js";
import type { QueryGlob, UnnamedQueryReads } from "../io/read/values-duckdb.js";
import { VERSION, type CliEnv } from "./env.js";
import { displayPath } from "./display-path.js";
import type { AppliedProject } from "./project-options.js";
import { METHOD_DEFAULTS } from "./method-defaults.js";
import { usesAhp, type WeightingCliOptions } from "./weighting-options.js";
import type { WeightMethod } from "../core/weighting/derive.js";
import { printOutput, type ComputedOutputs } from "./outputs.js";
import { printable } from "./printable.js";
import { printIndexSummary, signedText } from "./render.js";
import { lockTakeOverWarning, printWarnings } from "./report-issues.js";
import { terminalMessages } from "../core/terminal-messages.js";
import { commandMessages } from "../core/command-messages.js";

/**
 * What a project run reads of `compute`'s options (`ComputeCommandOptions` has them all): the inputs, and where and how
 * to run. The run hands the options on, with `queryRoot` set, to the `computeOutputs` it is given.
 */
export interface ProjectRunOptions {
  indicators?: string;
  data?: string;
  quiet: boolean;
  /** Run even when nothing changed (`--force`, or its alias `--always`). */
  force?: boolean;
  always?: boolean;
  /** Threads writing the large result files (default `defaultThreads`). */
  threads?: number;
  /** Decimals of the revision summary. */
  decimals: number;
  /** The folder a `.sql` values query may read: set to the project folder. */
  queryRoot?: string;
}

/** Options that say where and how to run, not what to compute: kept out of the manifest and the fingerprint. */
const RUN_OPTIONS = new Set(["out", "run", "quiet", "project", "ifChanged", "force", "always", "indicators", "data", "format", "table", "threads", "queryRoot"]);

/** A path relative to the project folder, with `/` separators. */
function projectRelative(project: AppliedProject, cwd: string, path: string): string {
  return relative(project.dir, resolve(cwd, path)).split("\\").join("/");
}

/** What a project run is computed from: its recorded options, the digests of its input files, its query, its fingerprint. */
export interface ProjectRunInputs {
  /** The options by flag name, less those that say where and how to run (`RUN_OPTIONS`). */
  recorded: Record<string, unknown>;
  inputs: FileDigest[];
  query?: string;
  fingerprint: string;
  /**
   * A warning `W_QUERY_FILES_UNNAMED` for each query of the run that may read files no one can list before it runs (a
   * path known only when it runs, a statement DuckDB's parser cannot list the files of): their changes are in no
   * fingerprint, so such a run is never skipped as unchanged. (A path built from constants is evaluated before the
   * query runs: its files are hashed with those the query names.)
   */
  unnamedQueryReads: Issue[];
  /**
   * The globs the run's queries read by (absolute), each with the query that reads by it (`values.sql`, `tree.csv:5`):
   * a runs folder they reach is refused (`refuseRunsOnInputs`), since the next run would read what a run writes there.
   */
  queryGlobs: { pattern: string; query: string }[];
}

/**
 * The options and input files of a project run of `command` (compute, or report, which compares them with a run's):
 * every input file hashed (index.yaml, the tree, each values file, any file an option names, the files a query reads).
 */
export async function projectRunInputs(
  options: Pick<ProjectRunOptions, "indicators" | "data">,
  command: Command,
  project: AppliedProject,
  env: CliEnv,
): Promise<ProjectRunInputs> {
  // Options are recorded under their flag names, the keys of index.yaml.
  const recorded: Record<string, unknown> = {};
  const flagOf = new Map(command.options.map((option) => [option.attributeName(), option.long?.replace(/^--(no-)?/, "") ?? option.attributeName()]));
  const fileOptionValues: { role: string; path: string }[] = [];
  const given = command.opts();
  const declared = new Set(command.options.map((option) => option.attributeName()));
  // An option of METHOD_DEFAULTS not given is recorded at its default, as runs recorded it when it had a commander default.
  const defaults: Readonly<Record<string, unknown>> = METHOD_DEFAULTS;
  for (const name of new Set([...Object.keys(given), ...Object.keys(defaults).filter((key) => declared.has(key))])) {
    const value = given[name] ?? defaults[name];
    if (RUN_OPTIONS.has(name) || value === undefined) continue;
    const flag = flagOf.get(name) ?? name;
    if (project.fileOptions.includes(name)) {
      recorded[flag] = projectRelative(project, env.cwd, String(value));
      // A file the run does not read (methods.ahp beside weights: entropy, warned of as having no effect) is neither
      // hashed nor required to exist, as without a project.
      if (readsFileOption(name, given)) fileOptionValues.push({ role: flag, path: resolve(env.cwd, String(value)) });
    } else recorded[flag] = value;
  }

  const labels = { data: projectRelative(project, env.cwd, options.data!), tree: projectRelative(project, env.cwd, options.indicators!) };
  // A tree that is a named pipe, a socket or a device is refused before it is read for its queries just below (each
  // input is checked so again before it is hashed, `digestFiles`).
  await refuseSpecialInput(resolve(env.cwd, options.indicators!), labels.tree);
  const queryFiles = await queryFilesOf(resolve(env.cwd, options.data!), resolve(env.cwd, options.indicators!), project.dir, given, labels);
  // Every input file, hashed: index.yaml (the bytes its options were read from, when kept), the tree, each values
  // file, and any file an option names.
  const inputFiles = [
    ...(project.bytes ? [] : [{ role: "project", path: project.file }]),
    { role: "indicators", path: resolve(env.cwd, options.indicators!) },
    ...(await listValueFiles(resolve(env.cwd, options.data!))).map((file) => ({ role: "values", path: file.path })),
    // A file an option names that cannot be read is left out here: the run's reader reports it, beside the run's
    // other problems (a base year absent from the data, a reference unit that is not a unit), and no run is made.
    ...(await readableFiles(fileOptionValues)),
    ...queryFiles.files.map((path) => ({ role: "query-input", path })),
  ].map((file) => ({ ...file, label: projectRelative(project, env.cwd, file.path) }));
  const inputs = [
    ...(project.bytes ? [{ role: "project", path: projectRelative(project, env.cwd, project.file), bytes: project.bytes.length, sha256: sha256(project.bytes) }] : []),
    ...(await digestFiles(inputFiles)),
  ];
  const query = /\.sql$/i.test(options.data!) ? await readFile(resolve(env.cwd, options.data!), "utf8") : undefined;
  // index.yaml acts on compute only through the options recorded above and the files it names, all in the
  // fingerprint; its own bytes are left out, so that an edit that changes nothing for compute (a comment, the name, the
  // uncertainty: block) is no reason to run again. The manifest still records its digest.
  // The queries that may read files no digest covers, as the manifest lists them (`unnamedQueryInputs`), are in it too,
  // so that deleting that list from a manifest by hand is found (`checkManifest`).
  const fingerprint = fingerprintOf(VERSION, recorded, inputs.filter((input) => input.role !== "project"), unnamedQueryInputsOf(queryFiles.unnamed));
  return { recorded, inputs, query, fingerprint, unnamedQueryReads: queryFiles.unnamed, queryGlobs: queryFiles.globs };
}

/** The manifest's `unnamedQueryInputs` of the warnings `W_QUERY_FILES_UNNAMED` of a run: `values.sql`, `tree.csv:3`. */
export function unnamedQueryInputsOf(unnamed: readonly Issue[]): string[] {
  return unnamed.map((warning) => (warning.line ? `${warning.source}:${warning.line}` : warning.source!));
}

/**
 * Whether a run with the options `given` reads the file of its option `name`: the AHP judgements only when the
 * weighting method reads them (`usesAhp`); any other file option always.
 */
function readsFileOption(name: string, given: Record<string, unknown>): boolean {
  if (name !== "ahp" || typeof given.weights !== "string") return true;
  return usesAhp(given.weights as WeightMethod, given as Pick<WeightingCliOptions, "subjective" | "ahp">);
}

/** Those of `files` that can be read: not a folder, and open to reading. */
async function readableFiles<File extends { path: string }>(files: readonly File[]): Promise<File[]> {
  const readableFile = async (path: string) => !(await stat(path)).isDirectory() && (await access(path, constants.R_OK).then(() => true));
  const readable = await Promise.all(files.map((file) => readableFile(file.path).catch(() => false)));
  return files.filter((_file, index) => readable[index]);
}

/**
 * Throws when the input files of a run (`after`, hashed once the computation has read them) are not those hashed before
 * it (`before`): a file changed, appeared or disappeared while the run read its inputs, so its manifest would record
 * bytes other than those it computed from.
 * @throws `InputError` `E_INPUT_CHANGED` naming the file (a `ValidationError` of them when several changed)
 */
export function requireSameInputs(before: readonly FileDigest[], after: readonly FileDigest[]): void {
  const key = (input: FileDigest) => `${input.role}\u0000${input.path}`;
  const earlier = new Map(before.map((input) => [key(input), input]));
  const later = new Map(after.map((input) => [key(input), input]));
  const issues: Issue[] = [];
  const short = (digest: string) => `${digest.slice(0, 8)}…`;
  for (const input of after) {
    const was = earlier.get(key(input));
    if (!was) issues.push({ code: "E_INPUT_CHANGED", source: input.path, message: projectMessages.inputChangedDuringRun(input.path, "appeared") });
    else if (was.sha256 !== input.sha256 || was.bytes !== input.bytes)
      issues.push({
        code: "E_INPUT_CHANGED",
        source: input.path,
        message: projectMessages.inputChangedDuringRun(input.path, `changed (SHA-256 ${short(was.sha256)} before, ${short(input.sha256)} once read)`),
      });
  }
  for (const input of before)
    if (!later.has(key(input))) issues.push({ code: "E_INPUT_CHANGED", source: input.path, message: projectMessages.inputChangedDuringRun(input.path, "disappeared") });
  if (issues.length === 1) throw new InputError(issues[0].code, issues[0].message, { source: issues[0].source });
  if (issues.length > 1) throw new ValidationError(issues);
}

/** Runs `compute` in a project (see the file comment). */
export async function runProjectCompute<Options extends ProjectRunOptions>(
  options: Options,
  command: Command,
  project: AppliedProject,
  env: CliEnv,
  computeOutputs: (options: Options, env: CliEnv) => Promise<ComputedOutputs>,
): Promise<void> {
  const { runsDir, runsLabel } = project;
  // A runs folder where the run reads its inputs (the values folder, an input file) is refused before anything is
  // read or written: the values folder first, which the next run would find holding LATEST.
  const runsLine = project.lineOf(["runs"]);
  const runsAt = { runsDir, runs: project.settings.runs, where: runsLine ? `${project.label}:${runsLine}` : project.label, values: resolve(env.cwd, options.data!) };
  refuseRunsOnInputs({ ...runsAt, inputs: [] });
  const { recorded, inputs, query, fingerprint, unnamedQueryReads, queryGlobs } = await projectRunInputs(options, command, project, env);
  // A glob whose folders were too many to look in for links to the runs folder all: said (W_RUNS_LINKS_UNCHECKED).
  const linksUnchecked = refuseRunsOnInputs({
    ...runsAt,
    inputs: inputs.map((input) => ({ path: resolve(project.dir, input.path), label: displayPath(env.cwd, resolve(project.dir, input.path)) })),
    patterns: queryGlobs.map((glob) => ({ ...glob, label: displayPath(env.cwd, glob.pattern) })),
  });
  printWarnings(linksUnchecked, env);

  // LATEST is read as a run id; a broken pointer or manifest is reported, and the run goes ahead as if there were no
  // previous run (it removes no run folder either way). It is read once without the lock, so that a run with nothing
  // new to compute says so without waiting for another run, and again under the lock, so that a run published in
  // between is the one this run replaces (its `previous`, its revision summary) or finds it has nothing to do.
  const readLatestRun = async () => {
    const pointer = await readLatestPointer(runsDir, runsLabel);
    const warnings: Issue[] = pointer.problem ? [{ code: "W_LATEST", source: `${runsLabel}/LATEST`, message: outputMessages.latestIgnored(pointer.problem, pointer.named) }] : [];
    let latest = pointer.id;
    // Only the manifest: the values of the latest run are read for the revision summary, once this run is published.
    let manifest: RunManifest | undefined;
    if (latest) {
      const manifestLabel = `${runsLabel}/${latest}/${MANIFEST_FILE}`;
      const read = await readManifestChecked(resolve(runsDir, latest));
      // A manifest that does not agree with itself (an option or an input's digest edited by hand) is not trusted to
      // say the inputs are unchanged, nor compared with.
      const [check] = read.ok ? checkManifest(read.manifest, latest) : [];
      if (check) {
        warnings.push({ code: "W_LATEST_MANIFEST", source: manifestLabel, message: outputMessages.latestIgnored(`${runsLabel}/${latest}/${formatManifestCheck(check)}`) });
        latest = undefined;
      } else if (read.ok) manifest = read.manifest;
      else {
        warnings.push({ code: "W_LATEST_MANIFEST", source: manifestLabel, message: outputMessages.latestIgnored(`${manifestLabel} ${read.problem}`) });
        latest = undefined;
      }
    }
    // A query that may read files no one names may have read changed ones: the run goes ahead (W_QUERY_FILES_UNNAMED says why).
    const unchanged = !(options.force || options.always) && manifest !== undefined && manifest.fingerprint === fingerprint && unnamedQueryReads.length === 0;
    return { pointer, warnings, latest, unchanged, manifest };
  };
  const sayUnchanged = (latest: string) => {
    if (!options.quiet) env.stderr(`${projectMessages.unchanged(latest)}\n`);
  };
  /** Removes what killed runs left (said, unless quiet) and prints the warnings about what is kept; under the lock. */
  const tidy = async (latest: string | undefined) => {
    const leftovers = await removeLeftovers(runsDir, runsLabel, latest);
    printWarnings(leftovers.warnings, env);
    // Everything removed is said, one line each (staging folders and markers, temporary files of LATEST and of the
    // lock: `.tmp`, `.stale`), and what was repaired in a run folder a killed report left files in, as report says it.
    if (!options.quiet) {
      for (const name of leftovers.removed) env.stderr(outputMessages.stagingRemoved(`${runsLabel}/${name}`) + "\n");
      for (const line of leftovers.repaired ?? []) env.stderr(line + "\n");
    }
    // Then what failed of it (a repair stopped part way, a marker that could not be removed): warnings, never errors.
    printWarnings(leftovers.failures ?? [], env);
  };
  const unlocked = await readLatestRun();
  if (unlocked.unchanged) {
    // Nothing to compute; but a killed run's leftovers (a staging folder of the size of a run, an unpublished run to
    // report) are removed and said now, not after the next change of the inputs, which may be a year away. Only when
    // there are any: then under the lock, and not at all while another run holds it (that run removes them).
    // The published run's own files read-only, as a run published by an older version, or by a run killed before it
    // protected them, may not be (a change of modes only, idempotent: no lock needed; its manifest as read above).
    protectFilesSync(join(runsDir, unlocked.latest!), ownFilesOf(unlocked.manifest!));
    if (!(await mayHoldLeftovers(runsDir, unlocked.latest!))) return sayUnchanged(unlocked.latest!);
    let releaseTidy: (() => Promise<void>) | undefined;
    try {
      releaseTidy = await acquireLock(runsDir, runsLabel, lockTakeOverWarning(env));
    } catch (error) {
      if (error instanceof OutputError && error.code === "E_LOCKED") return sayUnchanged(unlocked.latest!);
      throw error;
    }
    try {
      const { latest, unchanged } = await readLatestRun();
      if (unchanged) {
        await tidy(latest);
        return sayUnchanged(latest!);
      }
    } finally {
      await releaseTidy();
    }
  }

  // A stale lock taken over is said, with why (its process is gone, its pid reused, its heartbeat silent).
  const release = await acquireLock(runsDir, runsLabel, lockTakeOverWarning(env));
  try {
    const { pointer, warnings: runWarnings, latest, unchanged } = await readLatestRun();
    if (unchanged) return sayUnchanged(latest!);
    printWarnings([...runWarnings, ...unnamedQueryReads], env);
    const id = await (async (): Promise<string | undefined> => {
      await tidy(latest);
      const startedAt = new Date();
      const computed = await computeOutputs({ ...options, queryRoot: project.dir }, env);
      // The inputs were hashed before the lock was taken and read again to compute: hashed once more now that the
      // computation has read them, so that the manifest records the bytes the run computed from, or there is no run.
      requireSameInputs(inputs, (await projectRunInputs(options, command, project, env)).inputs);
      const id = newRunId(startedAt, fingerprint, await listRunIdsToFollow(runsDir, startedAt));
      const { result } = computed;
      // The outputs are streamed to the staging folder as plain compute writes them (the large ones on up to `threads`
      // threads) and hashed as they are written; the manifest, which lists their digests, goes last.
      const files: Record<string, FileContent> = { ...computed.files, [INPUT_VALUES_FILE]: inputValuesJob(result.panel) };
      // Made once every output is written (`last`), so `finishedAt` is the time the run's files were complete.
      const manifestOf = (outputs: FileDigest[]): RunManifest => ({
        tool: { name: "innovation-index", version: VERSION },
        run: id,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        fingerprint,
        // The run LATEST named, which this run replaces once published: `previous` while this run is the latest.
        // The run LATEST names, also when its folder cannot be reached now (an archive disk not mounted): the chain of
        // runs is not broken for good by a night the disk was away.
        previous: pointer.id ?? pointer.named ?? null,
        options: recorded,
        inputs,
        ...(query !== undefined ? { query } : {}),
        ...(unnamedQueryReads.length > 0 ? { unnamedQueryInputs: unnamedQueryInputsOf(unnamedQueryReads) } : {}),
        coverage: { units: result.units, years: result.years, baseYear: result.baseYear, indicators: result.panel.indicators.length },
        warnings: [...unnamedQueryReads, ...computed.warnings],
        outputs,
      });
      const threads = options.threads ?? defaultThreads(result.values.length);
      const runLabel = `${runsLabel}/${id}`;
      // The folder the run's files are written in (`stageRun`), which the messages of a failed write name.
      const stagingLabel = `${runsLabel}/${STAGING_PREFIX}${id}`;
      let finished = false;
      // A run whose lock is no longer its own (taken over by another run, or removed by hand) does not rename its
      // folder into place nor move LATEST: that other run may be doing the same.
      const requireLock = () => {
        if (!release.held()) throw new OutputError("E_LOCKED", projectMessages.lockLost(`${runsLabel}/${LOCK_FILE}`, runLabel, finished));
      };
      try {
        const staging = await stageRun(runsDir, id, files, stagingLabel, { threads, last: (outputs) => ({ [MANIFEST_FILE]: formatManifest(manifestOf(outputs)) }) });
        // The run's own files, read now (the manifest lists them), made read-only once the folder is in place.
        const ownFiles = await runOwnFiles(staging);
        await crashPoint("staged");
        requireLock();
        const folder = await finishRun(runsDir, id);
        finished = true;
        // Its own files read-only before LATEST names it, so that a file opened in Excel is not saved over (the folder
        // stays writable, for report.html), and a kill before LATEST moves never leaves a published run writable.
        // Synchronous: no signal is handled between the rename and LATEST (`finishRun`). Best effort: a file whose mode
        // cannot be changed is left as it is.
        protectFilesSync(folder, ownFiles);
        await crashPoint("finished");
        requireLock();
        await writeLatest(runsDir, id, { action: "compute" });
      } catch (cause) {
        // Published, but not flushed after: said as it is (exit 3), not as a run kept unpublished.
        if (cause instanceof LatestNotFlushedError)
          throw new OutputError("E_WRITE", outputMessages.latestNotFlushed(`${runsLabel}/LATEST`, id, String((cause.cause as NodeJS.ErrnoException).code ?? cause.cause)), { cause });
        // Its line not written to the publication history (held open by Excel, a full disk): LATEST not moved, the
        // complete run kept unpublished, the file named.
        if (cause instanceof HistoryNotWrittenError)
          throw new OutputError("E_WRITE", runMessages.historyNotWritten(`${runsLabel}/${PUBLICATION_HISTORY_FILE}`, `${runsLabel}/LATEST`, id, cause.reason, true), { cause });
        // Renamed into place, but not flushed to the disk after it (EIO): complete, kept as a run finished is.
        if (cause instanceof RunNotFlushedError) throw new OutputError("E_WRITE", outputMessages.runKept(runLabel, `${runsLabel}/LATEST`, String((cause.cause as NodeJS.ErrnoException).code ?? cause.cause)), { cause });
        const reason = String((cause as NodeJS.ErrnoException).code ?? cause);
        // A complete run folder is kept, unpublished; an unfinished one (its staging folder, with the marker) goes.
        if (finished && cause instanceof OutputError && cause.code === "E_LOCKED") throw cause;
        if (finished) throw new OutputError("E_WRITE", outputMessages.runKept(runLabel, `${runsLabel}/LATEST`, reason), { cause });
        await discardRun(runsDir, id).catch(() => undefined);
        // A file that could not be written names its path in the staging folder, which is gone now: said so, and that
        // nothing was published.
        if (cause instanceof OutputError && cause.code === "E_WRITE")
          throw new OutputError("E_WRITE", joinMessages(cause.message, "\n", outputMessages.runNotPublished(stagingLabel, `${runsLabel}/LATEST`)), { cause: cause.cause });
        if (cause instanceof OutputError) throw cause;
        throw new OutputError("E_WRITE", commandMessages.publishFailed(runLabel, reason), { cause });
      }

      if (computed.printed !== undefined) printOutput(computed.printed, env);
      if (options.quiet) return undefined;
      printWarnings(computed.warnings, env);
      for (const note of computed.notes) env.stderr(note);
      if (computed.printed === undefined) printIndexSummary(result, Object.keys(files), runLabel, env);
      env.stderr(terminalMessages.wroteRun(id, runLabel, runsLabel));
      return id;
    })();
    if (id === undefined) return;
    const summary = latest
      ? await summariseRevisions(runsDir, runsLabel, latest, id, options.decimals, REVISION_SUMMARY_MAX_BYTES, (warning) => printWarnings([warning], env))
      : runWarnings.length > 0
        ? outputMessages.revisionsSkipped()
        : terminalMessages.firstRun();
    env.stderr(summary + "\n");
  } finally {
    await release();
  }
}


/**
 * Above this many bytes of memory for the two runs' values, the revision summary is left out. The runs are compared in
 * typed arrays (`compareRunFolders`): about a third of the bytes of their `index.json` and `input-values.csv` (text), and
 * about the bytes of the Parquet files a `--parquet-only` run keeps its results in (eight-byte numbers, which
 * compression hardly shrinks), besides the largest file while it is read. So this only guards against runs far beyond
 * any panel seen so far.
 */
export const REVISION_SUMMARY_MAX_BYTES = 20 * 2 ** 30;

/**
 * The bytes of memory comparing runs `runs` of `runsDir` takes, from the sizes of the files it reads: a third of the
 * text files' bytes and the Parquet results' bytes (`REVISION_SUMMARY_MAX_BYTES`). A run written with both `index.json`'s
 * results and Parquet files counts both, which only overestimates.
 */
export async function revisionMemoryBytes(runsDir: string, runs: readonly string[]): Promise<number> {
  const size = (run: string, name: string) => stat(resolve(runsDir, run, name)).then((info) => info.size, () => 0);
  const sizes = await Promise.all(
    runs.map(async (run) => {
      const text = (await size(run, "index.json")) + (await size(run, INPUT_VALUES_FILE));
      let parquet = 0;
      for (const name of PARQUET_RESULT_FILES) parquet += await size(run, name);
      return text / 3 + parquet;
    }),
  );
  return Math.ceil(sizes.reduce((sum, bytes) => sum + bytes, 0));
}

/**
 * The revision summary of run `id` against run `against` (`formatRevisionSummary`); a line saying it was not compared,
 * and why, when `against` cannot be read; a line saying it was left out when comparing the runs would take more than
 * `maxBytes` of memory (`revisionMemoryBytes`; `diff` compares them). The files of `against` are checked against its
 * manifest as they are read: one that does not match is a warning `W_RUN_CHANGED` given to `warn`, and the line says
 * the runs were not compared, so that no revision is reported that the published run does not show.
 */
export async function summariseRevisions(
  runsDir: string,
  runsLabel: string,
  against: string,
  id: string,
  decimals: number,
  maxBytes = REVISION_SUMMARY_MAX_BYTES,
  warn: (warning: Issue) => void = () => undefined,
): Promise<string> {
  const bytes = await revisionMemoryBytes(runsDir, [against, id]);
  if (bytes > maxBytes)
    return terminalMessages.revisionsTooLarge(against, (bytes / 2 ** 20).toFixed(1), (maxBytes / 2 ** 20).toFixed(1));
  const earlier = { folder: resolve(runsDir, against), label: `${runsLabel}/${against}` };
  const after = { folder: resolve(runsDir, id), label: `${runsLabel}/${id}` };
  // A run before this one that cannot be read (no index.json, a manifest or values that are not what compute writes)
  // is not compared, and the line says why. Its files are checked against its manifest as they are read; this run's
  // were hashed as they were written.
  let before: RunFolder;
  try {
    await requireIndexJson(earlier);
    before = (await readRunFolder(earlier)).run;
  } catch (error) {
    return outputMessages.revisionsNotCompared(against, error instanceof Error ? error.message : String(error));
  }
  let tallies: { input: RevisionTally; output: RevisionTally };
  try {
    // Counted without listing the revisions, so that a run that changes every value (a new base year) still gets its line.
    tallies = await tallyRunFolders(before, after, INDEX_CODE);
  } catch (cause) {
    if (cause instanceof EarlierRunError && cause.cause instanceof RunChangedError) {
      const changed = cause.cause;
      warn({ code: "W_RUN_CHANGED", source: changed.source, message: outputMessages.comparedRunChanged(changed.problem, before.label) });
      return outputMessages.revisionsNotComparedChanged(against);
    }
    if (cause instanceof EarlierRunError) return outputMessages.revisionsNotCompared(against, cause.cause instanceof Error ? cause.cause.message : String(cause.cause));
    throw cause;
  }
  const { input, output } = tallies;
  return formatSummaryLine(against, input.counts, output.counts, output.largestOfCode, output.largest, decimals);
}

/**
 * One line: how many input and output values changed, appeared or disappeared against run `against`, and the largest
 * change of the overall index and of any output: one figure when the index's is the largest of all (or the index did
 * not change), both, each labelled, when another output changed more.
 */
export function formatRevisionSummary(against: string, revisions: readonly Revision[], decimals: number): string {
  const ofIndex = largestRevision(revisions, "output", INDEX_CODE);
  const ofAll = largestRevision(revisions, "output");
  return formatSummaryLine(against, countRevisions(revisions, "input"), countRevisions(revisions, "output"), ofIndex, ofAll, decimals);
}

/**
 * The line of `formatRevisionSummary` from the counts of input and output revisions and the largest changes, of the
 * overall index (`ofIndex`) and of any output (`ofAll`). The index's alone when it is as large as any (on a tie it is
 * the one named); both when another output's is strictly larger, so that "largest" never labels a change smaller than
 * one `diff` lists. The code and the unit are `printable` as table cells: a line feed or a tab in a unit's name shows as
 * `\x0a` or `\x09` and keeps the summary on one line.
 */
function formatSummaryLine(
  against: string,
  inputs: RevisionCounts,
  outputs: RevisionCounts,
  ofIndex: Revision | undefined,
  ofAll: Revision | undefined,
  decimals: number,
): string {
  const total = inputs.changed + inputs.added + inputs.removed + outputs.changed + outputs.added + outputs.removed;
  if (total === 0) return terminalMessages.revisionsNone(against);
  const detail = (largest: Revision) =>
    `${printable(largest.code, true)}${largest.unit ? ` ${printable(largest.unit, true)}` : ""} ${largest.year} ${formatValue(largest.before, decimals)} -> ${formatValue(
      largest.after,
      decimals,
    )} (${signedText(formatValue(largest.change, decimals))})`;
  if (ofIndex && ofAll && Math.abs(ofAll.change) > Math.abs(ofIndex.change)) return terminalMessages.revisions(against, inputs, outputs, detail(ofAll), detail(ofIndex));
  const largest = ofIndex ?? ofAll;
  return terminalMessages.revisions(against, inputs, outputs, largest ? detail(largest) : undefined);
}

/**
 * The files the queries of a run read: a `.sql` values file's, and those of the tree's `sql` column (DuckDB loads only
 * for a query); none for other values and a tree without queries. A tree that cannot be read names no file here: the
 * run refuses it; the files of a path a query builds from constants are among them. `unnamed`: a warning
 * `W_QUERY_FILES_UNNAMED` for each query that may read files no one can list before it runs (`unnamedFileReads` of
 * duckdb.ts), at the values file (`labels.data`) or the tree's line of the indicator (`labels.tree`). `globs`: the
 * globs the queries read by (`QueryGlob`), each with the query so named.
 */
async function queryFilesOf(
  dataPath: string,
  treePath: string,
  root: string,
  given: { encoding?: Encoding; treeSheet?: string },
  labels: { data: string; tree: string },
): Promise<{ files: string[]; unnamed: Issue[]; globs: { pattern: string; query: string }[] }> {
  const files = new Set<string>();
  const unnamed: Issue[] = [];
  const globs: { pattern: string; query: string }[] = [];
  if (/\.sql$/i.test(dataPath)) {
    const { readQueryFiles } = await import("../io/read/values-duckdb.js");
    const reads: UnnamedQueryReads[] = [];
    const patterns: QueryGlob[] = [];
    for (const file of await readQueryFiles(dataPath, root, reads, undefined, patterns)) files.add(file);
    for (const { pattern } of patterns) globs.push({ pattern, query: labels.data });
    for (const { calls } of reads) unnamed.push({ code: "W_QUERY_FILES_UNNAMED", source: labels.data, message: projectMessages.queryFilesUnnamed(labels.data, calls) });
  }
  const [{ readTreeFile }, { queryIndicators }] = await Promise.all([import("../io/read/load.js"), import("../io/read/duckdb-sources.js")]);
  const tree = await readTreeFile(treePath, treePath, { encoding: given.encoding, sheet: given.treeSheet }).catch(() => undefined);
  if (tree && queryIndicators(tree).length > 0) {
    const { readIndicatorQueryFiles } = await import("../io/read/values-duckdb.js");
    const reads: UnnamedQueryReads[] = [];
    const patterns: QueryGlob[] = [];
    for (const file of await readIndicatorQueryFiles(tree, root, reads, patterns)) files.add(file);
    for (const { pattern, line } of patterns) globs.push({ pattern, query: line ? `${labels.tree}:${line}` : labels.tree });
    for (const { calls, code, line } of reads)
      unnamed.push({
        code: "W_QUERY_FILES_UNNAMED",
        source: labels.tree,
        line,
        column: "sql",
        id: code,
        message: projectMessages.queryFilesUnnamed(line ? `${labels.tree}:${line}` : labels.tree, calls, code),
      });
  }
  return { files: [...files].sort(), unnamed, globs };
}
