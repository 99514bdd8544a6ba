/**
 * `diff`: every value that changed between two runs of a project, inputs and outputs, with the size of the change;
 * the options and input files that changed; and the weights that changed (from the runs' weights.csv).
 */
import { Option, type Command } from "commander";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { projectMessages } from "../../core/project-messages.js";
import { compareRunValues, countRevisions, type Revision, type RevisionKind } from "../../core/revision.js";
import { percentBetween, revisionAt, visitRunTables, type RunValueTable } from "../../core/revision-table.js";
import { InputError, UsageError } from "../../errors.js";
import { formatCsv } from "../../io/csv.js";
import { compareManifests, revisionCsvFormat, revisionRows, shortDigests, type SettingChange } from "../../io/runs/revision-csv.js";
import { MANIFEST_FILE, readJsonFile, type RunData } from "../../io/runs/run-files.js";
import { isRunId } from "../../io/runs/run-names.js";
import { compareRunFolders, EarlierRunError, readRunFolder, readRunTables, requireIndexJson, type RunFolder } from "../../io/runs/run-values.js";
import { readRunWeights } from "../../io/runs/run-weights.js";
import { compareRunWeights, type WeightRevision } from "../../core/weight-revision.js";
import { WEIGHT_DECIMALS } from "../../io/write/tables.js";
import { outputMessages } from "../../core/output-messages.js";
import { terminalMessages } from "../../core/terminal-messages.js";
import { listRunFolderIds, listRunIds, readLatestPointer, runFolderAt } from "../../io/runs/runs.js";
import { runMessages } from "../../core/run-messages.js";
import { formatValue } from "../../io/write/to-csv.js";
import type { CliEnv } from "../env.js";
import { integerOption } from "../options.js";
import { displayPath } from "../display-path.js";
import { projectRunsFolder } from "../project-options.js";
import { renderColumns, signedText } from "../render.js";

export const DIFF_FORMATS = ["table", "csv"] as const;

export interface DiffCommandOptions {
  project?: string;
  runs?: string;
  format: (typeof DIFF_FORMATS)[number];
  decimals?: number;
  quiet: boolean;
}

export function registerDiff(program: Command, env: CliEnv): void {
  program
    .command("diff")
    .description("list every value that changed between two runs, inputs and outputs, with the size of the change")
    .argument("[run-a]", "the earlier run: a run id (or its start), latest, previous, or a run folder (default: previous)")
    .argument("[run-b]", "the later run, likewise (default: latest)")
    .option("--project <file>", "project file (default: index.yaml in the current folder)")
    .option("--runs <dir>", "the runs folder (default: the one set in index.yaml)")
    .addOption(new Option("--format <format>", "table for people, csv for programs (unrounded values)").choices(DIFF_FORMATS).default("table"))
    .option("--decimals <n>", "decimals of the values (default: 4 in the table, unrounded in CSV)", integerOption("--decimals", 0, 15))
    .option("-q, --quiet", "print the differences only, no summary line", false)
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index diff                       # latest against the run before it
  $ innovation-index diff 20250301T020000.000Z-1a2b3c4d latest --format csv > revisions.csv`,
    )
    .action(async (runA: string | undefined, runB: string | undefined, options: DiffCommandOptions, command: Command) =>
      runDiff(runA, runB, options, command, env),
    );
}

/** Runs `diff`: find both runs, read them, compare, print. Exit 0 whether or not anything changed. */
export async function runDiff(runA: string | undefined, runB: string | undefined, options: DiffCommandOptions, command: Command, env: CliEnv): Promise<void> {
  const runsDir = await projectRunsFolder(command, env);
  const runs = [await findRun(runA ?? "previous", runsDir, env), await findRun(runB ?? "latest", runsDir, env)];
  for (const run of runs) await requireIndexJson(run);
  // A run with a manifest has the files read to compare it checked against it as they are read (RunChangedError).
  const [{ run: before, manifest: manifestA }, { run: after, manifest: manifestB }] = [await readRunFolder(runs[0]), await readRunFolder(runs[1])];
  const settings = compareManifests(manifestA, manifestB);
  const weights = await compareWeights(before, after);
  if (options.format === "csv") {
    await printRevisionsCsv(before, after, settings, weights.revisions, options.decimals, env);
    for (const note of weights.notes) env.stderr(note);
    return;
  }
  // Both runs' values are read into typed tables and compared kind by kind (see `compareRunFolders`).
  const { revisions, inputsRecorded } = await compareRunFolders(before, after, "both");
  const decimals = options.decimals ?? 4;
  const number = (value: number) => formatValue(value, decimals);
  // Weights with 6 decimals at least, as weights.csv holds them (1/12 is 0.083333, not 0.0833).
  const weight = (value: number) => formatValue(value, Math.max(decimals, WEIGHT_DECIMALS));
  // The table shows a file's SHA-256 by its first 12 hex digits, to fit a terminal; the CSV, a record, in full. A
  // change is signed as printed (`signedText`): one that rounds to zero has no sign (not "+0.0000").
  const rows = revisionRows(
    revisions,
    shortDigests(settings),
    {
      value: number,
      change: (change) => signedText(number(change)),
      percent: (percent) => (Number.isFinite(percent) ? `${signedText(formatValue(percent, 2))}%` : ""),
      weight,
      weightChange: (change) => signedText(weight(change)),
    },
    weights.revisions,
  );
  if (!options.quiet) {
    const inputs = inputsRecorded ? countRevisions(revisions, "input") : undefined;
    env.stderr(terminalMessages.diffSummary(before.label, after.label, inputs, countRevisions(revisions, "output"), settings.length));
  }
  // Without it, no weight rows would read as weights that did not change (--quiet leaves it out, as any line but errors).
  for (const note of weights.notes) env.stderr(note);
  if (rows.length > 1) env.stdout(renderColumns(rows, 5) + "\n");
}

/**
 * The weights that differ between two runs, from their weights.csv (`compareRunWeights`); when either run has none
 * (a run of an older version) or one without the columns `code` and `weight`, no weight revisions and a note per such
 * file (`diffWeightsNotCompared`), the rest of the comparison going on. A weights.csv changed or removed since its run
 * listed it in its manifest is a `RunChangedError`, as any other file of the run.
 */
async function compareWeights(before: RunFolder, after: RunFolder): Promise<{ revisions: WeightRevision[]; notes: string[] }> {
  const reads = [await readRunWeights(before), await readRunWeights(after)];
  const notes = reads.flatMap((read) => (read.kind === "weights" ? [] : [terminalMessages.diffWeightsNotCompared(read.file, read.kind === "missing")]));
  if (reads[0].kind !== "weights" || reads[1].kind !== "weights") return { revisions: [], notes };
  return { revisions: compareRunWeights(reads[0].weights, reads[1].weights), notes };
}

/**
 * The CSV of `diff`, the same text as `formatRevisionsCsv` of `compareRunFolders` (and of the weight revisions,
 * `weights`), printed as the tables are compared (about a megabyte at a time), so that two runs that differ in every
 * value can be compared too. Every file is read before anything is printed, so that an unreadable run prints nothing.
 */
async function printRevisionsCsv(
  before: RunFolder,
  after: RunFolder,
  settings: readonly SettingChange[],
  weights: readonly WeightRevision[],
  decimals: number | undefined,
  env: CliEnv,
): Promise<void> {
  let tables: [RevisionKind, RunValueTable | undefined, RunValueTable | undefined][];
  try {
    tables = [
      ["input", ...(await readRunTables("input", before, after))],
      ["output", ...(await readRunTables("output", before, after))],
    ];
  } catch (cause) {
    throw cause instanceof EarlierRunError ? cause.cause : cause;
  }
  const format = revisionCsvFormat(decimals);
  let text = formatCsv(revisionRows([], settings, format, weights));
  for (const [kind, old, current] of tables) {
    if (!old || !current) continue; // input values recorded by one run only, or neither
    // No change in percent between outputs on a scale with no natural zero (min-max, z-score, Copeland, ...).
    const percent = percentBetween(old, current);
    visitRunTables(old, current, (status, cell, oldValue, value) => {
      text += formatCsv(revisionRows([revisionAt(kind, current.index, status, cell, oldValue, value, percent)], [], format).slice(1));
      if (text.length >= 2 ** 20) {
        env.stdout(text);
        text = "";
      }
    });
  }
  env.stdout(text);
}

/**
 * Input revisions (when both runs recorded their input values) then output revisions, from values read as objects;
 * outputs in percent only where both runs are on a ratio scale (`RunData.ratioScale`).
 */
export function compareRuns(before: RunData, after: RunData): Revision[] {
  return [
    ...(before.inputs && after.inputs ? compareRunValues("input", before.inputs, after.inputs) : []),
    ...compareRunValues("output", before.outputs, after.outputs, before.ratioScale !== false && after.ratioScale !== false),
  ];
}

/** The commands that name runs (`findRun`), each of which words what it cannot find its own way. */
export type RunCommand = "diff" | "report" | "verify";

/** Whether `reference` names a run of a runs folder (`latest`, `previous`, a run id or its start) rather than a path. */
export function isRunName(reference: string): boolean {
  return /^(latest|previous|\d{8}T[\d.]*Z?[-0-9a-f]*)$/.test(reference);
}

/**
 * The folder of a run named by `reference`, as diff, report and verify name runs (`command` words the problems):
 * `latest`, `previous` (the run published before latest: `previousRun`), a run id or the start of one (unique), or the
 * path of a folder that exists. Anything else is looked for as the start of a run id; with no runs folder, verify
 * takes it as a path (and says there is no such run folder).
 */
export async function findRun(reference: string, runsDir: string | undefined, env: CliEnv, command: RunCommand = "diff"): Promise<{ folder: string; label: string }> {
  const path = resolve(env.cwd, reference);
  const runName = isRunName(reference);
  if (!runName && existsSync(path)) return { folder: path, label: displayPath(env.cwd, path) };
  if (!runsDir) {
    if (existsSync(path) || (command === "verify" && !runName)) return { folder: path, label: displayPath(env.cwd, path) };
    throw new UsageError("E_USAGE", command === "verify" ? outputMessages.verifyNoProject() : projectMessages.noProjectForDiff());
  }
  const runsLabel = displayPath(env.cwd, runsDir);
  // LATEST is read first: a runs folder that is a file is named as the user knows it.
  const pointer = await readLatestPointer(runsDir, runsLabel);
  let id: string;
  if (reference === "latest" || reference === "previous") {
    if (pointer.problem) throw new InputError("E_BAD_LATEST", outputMessages.latestUnusable(pointer.problem, command === "diff"), { source: `${runsLabel}/LATEST` });
    if (!pointer.id) {
      if (command === "report") throw new InputError("E_NO_RUN", projectMessages.noRunForReport(runsLabel), { source: runsLabel });
      throw new InputError("E_TOO_FEW_RUNS", command === "verify" ? outputMessages.verifyNoPublishedRun(runsLabel) : projectMessages.tooFewRuns(runsLabel, 0), {
        source: runsLabel,
      });
    }
    id = reference === "latest" ? pointer.id : await previousRun(runsDir, runsLabel, pointer.id, command);
  } else {
    const all = await listRunIds(runsDir, runsLabel);
    const matches = all.filter((candidate) => candidate.startsWith(reference));
    // A run that does not exist is an input that is not there (exit 1, as verify says of one), not a wrong command line.
    if (matches.length === 0) throw new InputError("E_UNKNOWN_RUN", projectMessages.unknownRun(reference, runsLabel, all), { source: runsLabel });
    if (matches.length > 1) throw new InputError("E_AMBIGUOUS_RUN", projectMessages.ambiguousRun(reference, runsLabel, matches), { source: runsLabel });
    id = matches[0];
  }
  const folder = join(runsDir, id);
  const label = `${runsLabel}/${id}`;
  // A run folder may be a link (runs archived elsewhere): read through it; one whose target is gone is named as such.
  const at = await runFolderAt(folder);
  if (at.kind === "broken link") throw new InputError("E_NO_RUN", outputMessages.verifyNoRun(label, at.target), { source: label });
  // A file named by a run id (which the runs folder lists): said so, as runs publish and verify say it.
  if (at.kind === "file") throw new InputError("E_NO_RUN", runMessages.publishNotFolder(label, at.file === "file"), { source: label });
  return { folder, label };
}

/**
 * The id of the run published before `latest`: the run its manifest records as `previous` (the run `LATEST` named when
 * it was made, which its revision line compared with), so that a run that was never published (complete, but stopped
 * before `LATEST` moved) is never taken for it. A manifest of an older version records none: then the run before
 * `latest` in id order (nothing then tells a run that was never published from one that was).
 * @throws `InputError` `E_TOO_FEW_RUNS` when `latest` has no previous run (`null`: the first run, or one made while
 * `LATEST` named no usable run; or no run before it), `E_NO_RUN` when the `previous` recorded names no run folder
 */
async function previousRun(runsDir: string, runsLabel: string, latest: string, command: RunCommand): Promise<string> {
  const none = () => new InputError("E_TOO_FEW_RUNS", projectMessages.noPreviousRun(runsLabel, latest, command), { source: runsLabel });
  const read = await readJsonFile(join(runsDir, latest, MANIFEST_FILE));
  const manifest = read.kind === "json" && typeof read.json === "object" && read.json !== null ? (read.json as Record<string, unknown>) : undefined;
  if (manifest !== undefined && "previous" in manifest) {
    const previous = manifest.previous;
    if (previous === null) throw none();
    if (typeof previous === "string" && isRunId(previous) && previous < latest && ["folder", "broken link"].includes((await runFolderAt(join(runsDir, previous))).kind)) return previous;
    const manifestLabel = `${runsLabel}/${latest}/${MANIFEST_FILE}`;
    throw new InputError("E_NO_RUN", projectMessages.previousUnusable(manifestLabel, JSON.stringify(previous), runsLabel), { source: manifestLabel });
  }
  const earlier = (await listRunFolderIds(runsDir, runsLabel)).filter((id) => id < latest);
  if (earlier.length === 0) throw none();
  return earlier[earlier.length - 1];
}
