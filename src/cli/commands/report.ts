/**
 * `report`: compute the index and write only the HTML report (`report.html`): `compute --report` without the other files.
 * It takes every option of `compute` that chooses the method, so both always compute the same index. In a project the
 * report goes into a run folder (the latest, or `--run ID`) rather than `out/`, unless `--out` is given; there it is
 * listed in the folder's `reports.json` (the run's `manifest.json` is never rewritten), so `verify` checks it, and it
 * replaces only a `report.html` that `reports.json` shows this tool wrote.
 */
import type { Command } from "commander";
import { dirname } from "node:path";
import { projectMessages } from "../../core/project-messages.js";
import { InputError, UsageError } from "../../errors.js";
import { outputMessages } from "../../core/output-messages.js";
import type { FileDigest, RunManifest } from "../../io/runs/run-files.js";
import { VERSION, type CliEnv } from "../env.js";
import { applyProject, type AppliedProject } from "../project-options.js";
import { applyPreset, explainPreset } from "../presets.js";
import { lockTakeOverWarning, printWarnings } from "../report-issues.js";
import { projectWords, runCompute, type ComputeCommandOptions } from "./compute.js";

/** Options of `compute` that concern files `report` does not write. */
const NOT_FOR_REPORT = new Set([
  "--out",
  "--report",
  "--contributions",
  "--bom",
  "--no-bom",
  "--xlsx",
  "--parquet",
  "--parquet-only",
  "--format",
  "--table",
  "--decimals",
  "--if-changed",
  "--force",
  "--always",
]);

/**
 * Options a report may differ from its run in: those of the report alone (its looks, what it adds to the page), and
 * `--strict`, which refuses a run's warnings but never changes a number it gives (`report --strict` into a run
 * computed without it checks the report's own warnings).
 */
const REPORT_LOOKS = new Set(["lang", "title", "static", "audit", "uncertainty-from", "run", "strict"]);

interface ReportCommandOptions extends ComputeCommandOptions {
  /** In a project: the run whose folder receives report.html (default `latest`). */
  run?: string;
}

/** Registers `report`; call after `registerCompute`, whose method options it takes. */
export function registerReport(program: Command, env: CliEnv): void {
  const compute = program.commands.find((command) => command.name() === "compute");
  const command = program
    .command("report")
    .description("compute the index and write report.html: an interactive dashboard in one self-contained HTML file (no network needed)")
    .addHelpText(
      "after",
      `
In a project (index.yaml), report.html goes into the latest run folder (or the one --run names), whose inputs must be
the project's current ones, and is listed in its reports.json (verify checks it); --out writes it elsewhere.

Examples:
  $ innovation-index report                       # the shipped Changzhou example, into out/report.html
  $ innovation-index report -i tree.csv -d values.csv --lang en --out reports/
  $ innovation-index report --static              # the printable page of SVG charts, no script
  $ innovation-index uncertainty --weight-noise 0.2 -o unc && innovation-index report --uncertainty-from unc
  $ innovation-index report --run previous        # in a project: into the run the latest one replaced`,
    )
    .option("-o, --out <dir>", "folder for report.html (default: out, or in a project the run folder)", "out")
    .option("--run <id>", "in a project: the run folder report.html goes into: a run id (or its start), latest or previous (default: latest)")
    .option("--uncertainty-from <dir>", "show the intervals of an uncertainty analysis (the folder of its uncertainty.csv, same inputs) in the dashboard")
    .option("--audit", "audit the index and show correlations and effective weights in the dashboard (as the audit command)", false);
  for (const option of compute?.options ?? []) if (!NOT_FOR_REPORT.has(option.long ?? "")) command.addOption(option);
  command.action(async (options: ReportCommandOptions, command: Command) => {
    const project = await applyProject(command, env);
    // The preset as compute applies it (under the flags and index.yaml), so that both compute the same index and a
    // project's report goes into the run its compute made.
    const preset = applyPreset(command, { env });
    if (preset && command.getOptionValue("explain")) return void env.stdout(explainPreset(command, preset, env.translate));
    const reportOptions = {
      ...command.opts<ReportCommandOptions>(),
      decimals: 2,
      reportOnly: true,
      xlsx: false,
      contributions: "dimensions" as const,
      ifChanged: false,
      ...projectWords(project),
    };
    if (project && command.getOptionValueSource("out") !== "cli") {
      const run = await runFolderFor(options, command, project, env);
      // The runs folder's lock, as a project's compute takes it: two reports into one run (or a report and a run being
      // published) never write at once.
      const { acquireLock } = await import("../../io/runs/runs.js");
      const release = await acquireLock(dirname(run.folder), dirname(run.label), lockTakeOverWarning(env));
      try {
        return await reportIntoRun(run, project);
      } finally {
        await release();
      }
    }
    if (options.run !== undefined) throw new UsageError("E_USAGE", projectMessages.runWithoutProject());
    return runCompute(reportOptions, env);

    async function reportIntoRun(run: Awaited<ReturnType<typeof runFolderFor>>, project: AppliedProject): Promise<void> {
      const { repairDerivedFiles, requireReplaceable, withReportsFile } = await import("../../io/runs/run-reports.js");
      // What a report killed while writing into this run left is completed first, so that its files are provably ours;
      // a file of such a name that is not provably the tool's is kept, said (W_REPORT_TEMPORARY_KEPT).
      // What was done is said also when a later step fails (then the error says that failure).
      const progress = { done: [] as string[] };
      try {
        await repairDerivedFiles(run.folder, run.label, ["report.html"], (warning) => printWarnings([warning], env), progress);
      } finally {
        if (!options.quiet) for (const line of progress.done) env.stderr(line + "\n");
      }
      // A run whose inputs or options are no longer the project's takes no report; what a killed report left in it is
      // completed all the same (above), so that the run passes verify again.
      if (run.changed.length > 0)
        throw new InputError("E_RUN_INPUTS_CHANGED", projectMessages.runInputsChanged(run.label, run.changed), { source: run.label });
      // A run whose queries may read files no digest covers cannot be shown to be current: said, not taken as current.
      // (Not checked by readManifestChecked: a value edited by hand into no list is shown as it is.)
      // Those the manifest lists, and those the project's queries (the run's, their digests unchanged: `changed` is
      // empty) are found to have now: a list deleted from the manifest by hand hides none of them.
      const listed: unknown = run.manifest.unnamedQueryInputs;
      const recorded = Array.isArray(listed) ? listed.map(String) : listed === undefined || listed === null ? [] : [String(listed)];
      const unproven = [...new Set([...recorded, ...run.unnamed])];
      const unprovenWarnings = unproven.length > 0 ? [{ code: "W_RUN_INPUTS_UNPROVEN", source: run.label, message: projectMessages.runInputsUnproven(run.label, unproven) }] : [];
      // A warning under --strict too, as compute's W_QUERY_FILES_UNNAMED of the same queries is: an error would leave a
      // project with strict: true no way to report on such a run, however current.
      printWarnings(unprovenWarnings, env);
      // Checked before computing, so a refusal is quick, and again just before writing.
      await requireReplaceable(run.folder, run.label, run.manifest, ["report.html"]);
      const made = { command: commandLine(command), version: VERSION };
      const { projectRunInputs, requireSameInputs } = await import("../project-run.js");
      return runCompute({ ...reportOptions, out: run.label }, env, async (files) => {
        // The inputs were checked against the run before computing and read again to compute: checked once more now,
        // so that a file changed meanwhile cannot put a report of other data into the run (E_INPUT_CHANGED).
        requireSameInputs(run.inputs, (await projectRunInputs(options, command, project, env)).inputs);
        return withReportsFile(run.folder, run.label, run.manifest, files, made);
      });
    }
  });
}

/** A shell word as typed: kept as it is when it holds only safe characters, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line of `report` as recorded in `reports.json`: the options given on the command line (not those of
 * index.yaml, which the project folder still holds), but `--run` (the run is recorded by id) and `--quiet`.
 */
function commandLine(command: Command): string {
  const words = ["innovation-index", "report"];
  const seen = new Set<string>();
  for (const option of command.options) {
    const name = option.attributeName();
    if (seen.has(name) || command.getOptionValueSource(name) !== "cli" || name === "run" || name === "quiet") continue;
    seen.add(name);
    const value: unknown = command.getOptionValue(name);
    const long = option.long ?? `--${name}`;
    if (typeof value === "boolean") words.push(value ? long.replace(/^--no-/, "--") : `--no-${long.replace(/^--(no-)?/, "")}`);
    else for (const item of Array.isArray(value) ? value : [value]) words.push(long.replace(/^--no-/, "--"), shellWord(String(item)));
  }
  return words.join(" ");
}

/**
 * The run folder of `--run` (default the latest run), its label as the messages name it, and its manifest; the input
 * files and method options in which the project now differs from the run (`changed`: a report describes the run, so
 * it is refused unless there are none); and the input files as hashed now (`inputs`), to check again once the report
 * has read them; and the queries of the project that may read files no digest covers (`unnamed`, as the manifest's
 * `unnamedQueryInputs` names them).
 */
async function runFolderFor(
  options: ReportCommandOptions,
  command: Command,
  project: AppliedProject,
  env: CliEnv,
): Promise<{ folder: string; label: string; manifest: RunManifest; inputs: FileDigest[]; changed: string[]; unnamed: string[] }> {
  const [{ findRun }, { projectRunInputs, unnamedQueryInputsOf }, { readManifest, readManifestChecked, canonicalJson, MANIFEST_FILE }] = await Promise.all([
    import("./diff.js"),
    import("../project-run.js"),
    import("../../io/runs/run-files.js"),
  ]);
  // Named as diff and verify name runs; no published run, a broken LATEST, no run before the latest are said as report's.
  const run = await findRun(options.run ?? "latest", project.runsDir, env, "report");
  if (!(await readManifest(run.folder))) throw new InputError("E_NO_RUN", projectMessages.noRunForReport(run.label), { source: run.label });
  const read = await readManifestChecked(run.folder);
  const manifestLabel = `${run.label}/${MANIFEST_FILE}`;
  if (!read.ok) throw new InputError("E_NO_MANIFEST", outputMessages.verifyNoManifest(manifestLabel, read.problem), { source: manifestLabel });
  const manifest = read.manifest;
  const current = await projectRunInputs(options, command, project, env);
  // index.yaml's own bytes are left out, as in a run's fingerprint (a new name or a comment is no change).
  const key = (input: { role?: string; path: string; sha256: string }) => `${input.role}\u0000${input.path}\u0000${input.sha256}`;
  const before = new Set(manifest.inputs.filter((input) => input.role !== "project").map(key));
  const now = current.inputs.filter((input) => input.role !== "project");
  const changed = [
    ...now.filter((input) => !before.has(key(input))).map((input) => input.path),
    ...manifest.inputs.filter((input) => input.role !== "project" && !now.some((other) => key(other) === key(input))).map((input) => input.path),
  ];
  // The options that choose the index must agree; those of the report's looks (--lang) and the files compute alone
  // writes (--decimals, --xlsx, ...) need not. An option one side leaves unset is unset on both when they agree.
  const flags = new Set([...Object.keys(current.recorded), ...Object.keys(manifest.options)]);
  const reportFlags = new Set(command.options.map((option) => option.long?.replace(/^--(no-)?/, "")));
  for (const flag of [...flags].sort())
    if (!REPORT_LOOKS.has(flag) && reportFlags.has(flag) && canonicalJson(manifest.options[flag] ?? null) !== canonicalJson(current.recorded[flag] ?? null))
      changed.push(`--${flag}`);
  return { ...run, manifest, inputs: current.inputs, changed: [...new Set(changed)], unnamed: unnamedQueryInputsOf(current.unnamedQueryReads) };
}
