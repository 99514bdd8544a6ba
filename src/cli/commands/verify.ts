/**
 * `verify`: recompute the size and SHA-256 of every file of a run folder and compare them with its `manifest.json`,
 * and those of the files derived from it afterwards (`report.html`) with its `reports.json`.
 */
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import { InputError, UsageError } from "../../errors.js";
import type { CliEnv } from "../env.js";
import { applyProject, displayPath } from "../project-options.js";

export interface VerifyCommandOptions {
  project?: string;
  runs?: string;
  quiet: boolean;
}

export function registerVerify(program: Command, env: CliEnv): void {
  program
    .command("verify")
    .description("check a run folder against its manifest.json and reports.json: every file's size and SHA-256, nothing missing or added (exit 1 if not)")
    .argument("[run]", "a run id, latest, or the path of a run folder (default: latest)")
    .option("--project <file>", "project file, or its folder (default: index.yaml in the current folder)")
    .option("--runs <dir>", "the runs folder (default: the one set in index.yaml)")
    .option("-q, --quiet", "print the differences only, no summary line", false)
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index verify                                  # the latest run of the project here
  $ innovation-index verify 20260301T020000.123Z-1a2b3c4d --project /srv/my-index
  $ innovation-index verify runs/20260301T020000.123Z-1a2b3c4d`,
    )
    .action(async (run: string | undefined, options: VerifyCommandOptions, command: Command) => runVerify(run ?? "latest", options, command, env));
}

/**
 * Runs `verify`: find the run, check it, print one line per file that does not match (stdout) and a summary (stderr).
 * Exit 0 when everything matches; an `InputError` (exit 1) when not.
 */
export async function runVerify(reference: string, options: VerifyCommandOptions, command: Command, env: CliEnv): Promise<void> {
  const { folder, label } = await findRunFolder(reference, options, command, env);
  // Loaded here: hashing and the manifest checks are not needed to start the other commands.
  const { formatFileCheck, verifyRun } = await import("../../io/runs/verify-run.js");
  const verification = await verifyRun(folder, label);
  const lines = verification.files.map(formatFileCheck).filter((line) => line !== undefined);
  if (lines.length > 0) env.stdout(lines.join("\n") + "\n");
  const withReports = verification.files.some((file) => file.origin === "derived" || file.problem !== undefined);
  if (!verification.ok) throw new InputError("E_RUN_CHANGED", outputMessages.verifyFailed(label, verification.counts, withReports), { source: label });
  if (options.quiet) return;
  const runFiles = verification.files.filter((file) => file.origin === "run").length;
  const derived = verification.files.filter((file) => file.origin === "derived").map((file) => file.path);
  env.stderr(outputMessages.verifyOk(label, runFiles, derived) + "\n");
}

/** The folder of the run named by `reference`: a run id or `latest` in the project's runs folder, or a folder path. */
async function findRunFolder(reference: string, options: VerifyCommandOptions, command: Command, env: CliEnv): Promise<{ folder: string; label: string }> {
  const { isRunId, readLatestPointer } = await import("../../io/runs/runs.js");
  const isRunName = reference === "latest" || isRunId(reference);
  const path = resolve(env.cwd, reference);
  if (!isRunName) return { folder: path, label: displayPath(env.cwd, path) };
  const runsDir = options.runs ? resolve(env.cwd, options.runs) : (await applyProject(command, env, { setOptions: false }))?.runsDir;
  if (!runsDir) {
    if (existsSync(path)) return { folder: path, label: displayPath(env.cwd, path) };
    throw new UsageError("E_USAGE", outputMessages.verifyNoProject());
  }
  const runsLabel = displayPath(env.cwd, runsDir);
  let id = reference;
  if (reference === "latest") {
    const pointer = await readLatestPointer(runsDir, runsLabel);
    if (pointer.problem) throw new InputError("E_BAD_LATEST", outputMessages.latestUnusable(pointer.problem), { source: `${runsLabel}/LATEST` });
    if (!pointer.id) throw new InputError("E_TOO_FEW_RUNS", outputMessages.verifyNoPublishedRun(runsLabel), { source: runsLabel });
    id = pointer.id;
  }
  return { folder: join(runsDir, id), label: `${runsLabel}/${id}` };
}
