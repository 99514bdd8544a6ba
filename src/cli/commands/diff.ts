/**
 * `diff`: every value that changed between two runs of a project, inputs and outputs, with the size of the change;
 * and the options and input files that changed.
 */
import { Option, type Command } from "commander";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { projectMessages } from "../../core/project-messages.js";
import { compareRunValues, countRevisions, type Revision, type RevisionKind } from "../../core/revision.js";
import { revisionAt, visitRunTables, type RunValueTable } from "../../core/revision-table.js";
import { InputError, UsageError } from "../../errors.js";
import { formatCsv } from "../../io/csv.js";
import { compareManifests, revisionCsvFormat, revisionRows, type SettingChange } from "../../io/runs/revision-csv.js";
import type { RunData } from "../../io/runs/run-files.js";
import { compareRunFolders, EarlierRunError, readRunManifest, readRunTables, requireIndexJson, type RunFolder } from "../../io/runs/run-values.js";
import { outputMessages } from "../../core/output-messages.js";
import { terminalMessages } from "../../core/terminal-messages.js";
import { listRunIds, readLatestPointer, runFolderAt } from "../../io/runs/runs.js";
import { formatValue } from "../../io/write/to-csv.js";
import type { CliEnv } from "../env.js";
import { integerOption } from "../options.js";
import { applyProject, displayPath } from "../project-options.js";
import { renderColumns } from "../render.js";

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
  const runsDir = options.runs ? resolve(env.cwd, options.runs) : (await applyProject(command, env, { setOptions: false }))?.runsDir;
  const before = await findRun(runA ?? "previous", runsDir, env);
  const after = await findRun(runB ?? "latest", runsDir, env);
  for (const run of [before, after]) await requireIndexJson(run);
  const [manifestA, manifestB] = [await readRunManifest(before), await readRunManifest(after)];
  const settings = compareManifests(manifestA, manifestB);
  if (options.format === "csv") {
    await printRevisionsCsv(before, after, settings, options.decimals, env);
    return;
  }
  // Both runs' values are read into typed tables and compared kind by kind (see `compareRunFolders`).
  const { revisions, inputsRecorded } = await compareRunFolders(before, after, "both");
  const decimals = options.decimals ?? 4;
  const number = (value: number) => formatValue(value, decimals);
  const sign = (value: number) => (value > 0 ? "+" : "");
  const rows = revisionRows(revisions, settings, {
    value: number,
    change: (change) => (Number.isFinite(change) ? sign(change) + number(change) : ""),
    percent: (percent) => (Number.isFinite(percent) ? `${sign(percent)}${formatValue(percent, 2)}%` : ""),
  });
  if (!options.quiet) {
    const inputs = inputsRecorded ? countRevisions(revisions, "input") : undefined;
    env.stderr(terminalMessages.diffSummary(before.label, after.label, inputs, countRevisions(revisions, "output"), settings.length));
  }
  if (rows.length > 1) env.stdout(renderColumns(rows, 5) + "\n");
}

/**
 * The CSV of `diff`, the same text as `formatRevisionsCsv` of `compareRunFolders`, printed as the tables are compared
 * (about a megabyte at a time), so that two runs that differ in every value can be compared too. Every file is read
 * before anything is printed, so that an unreadable run prints nothing.
 */
async function printRevisionsCsv(before: RunFolder, after: RunFolder, settings: readonly SettingChange[], decimals: number | undefined, env: CliEnv): Promise<void> {
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
  let text = formatCsv(revisionRows([], settings, format));
  for (const [kind, old, current] of tables) {
    if (!old || !current) continue; // input values recorded by one run only, or neither
    visitRunTables(old, current, (status, cell, oldValue, value) => {
      text += formatCsv(revisionRows([revisionAt(kind, current.index, status, cell, oldValue, value)], [], format).slice(1));
      if (text.length >= 2 ** 20) {
        env.stdout(text);
        text = "";
      }
    });
  }
  env.stdout(text);
}

/** Input revisions (when both runs recorded their input values) then output revisions, from values read as objects. */
export function compareRuns(before: RunData, after: RunData): Revision[] {
  return [
    ...(before.inputs && after.inputs ? compareRunValues("input", before.inputs, after.inputs) : []),
    ...compareRunValues("output", before.outputs, after.outputs),
  ];
}

/**
 * The folder of a run named by `reference`: `latest`, `previous` (the published run before latest), a run id or the
 * start of one (unique), or a folder path.
 */
export async function findRun(reference: string, runsDir: string | undefined, env: CliEnv): Promise<{ folder: string; label: string }> {
  const path = resolve(env.cwd, reference);
  const isRunName = /^(latest|previous|\d{8}T[\d.]*Z?[-0-9a-f]*)$/.test(reference);
  if (!isRunName && existsSync(path)) return { folder: path, label: displayPath(env.cwd, path) };
  if (!runsDir) throw new UsageError("E_USAGE", projectMessages.noProjectForDiff());
  const runsLabel = displayPath(env.cwd, runsDir);
  // LATEST is read first: a runs folder that is a file is named as the user knows it.
  const pointer = await readLatestPointer(runsDir, runsLabel);
  const latest = pointer.id;
  const published = latest ? (await listRunIds(runsDir, runsLabel)).filter((id) => id <= latest) : [];
  let id: string | undefined;
  if (reference === "latest" || reference === "previous") {
    if (pointer.problem) throw new InputError("E_BAD_LATEST", outputMessages.latestUnusable(pointer.problem), { source: `${runsLabel}/LATEST` });
    const position = latest ? published.indexOf(latest) : -1;
    id = reference === "latest" ? latest : position > 0 ? published[position - 1] : undefined;
    if (!id) throw new InputError("E_TOO_FEW_RUNS", projectMessages.tooFewRuns(runsLabel, published.length), { source: runsLabel });
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
  return { folder, label };
}
