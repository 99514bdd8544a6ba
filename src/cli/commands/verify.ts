/**
 * `verify`: recompute the size and SHA-256 of every file of a run folder and compare them with its `manifest.json`,
 * and those of the files derived from it afterwards (`report.html`) with its `reports.json`; and check the manifest
 * against itself (its fingerprint) and the run id.
 */
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import { InputError } from "../../errors.js";
import type { CliEnv } from "../env.js";
import { projectRunsFolder } from "../project-options.js";
import { printWarnings } from "../report-issues.js";

export interface VerifyCommandOptions {
  project?: string;
  runs?: string;
  quiet: boolean;
}

export function registerVerify(program: Command, env: CliEnv): void {
  program
    .command("verify")
    .description(
      "check a run folder against its manifest.json and reports.json: every file's size and SHA-256, nothing missing or added, and the manifest's fingerprint against what it lists and the run id (exit 1 if not)",
    )
    .argument("[run]", "a run id (or its start), latest, previous, or the path of a run folder (default: latest)")
    .option("--project <file>", "project file, or its folder (default: index.yaml in the current folder)")
    .option("--runs <dir>", "the runs folder (default: the one set in index.yaml)")
    .option("-q, --quiet", "print the differences only, no summary line", false)
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index verify                                  # the latest run of the project here
  $ innovation-index verify previous                         # the run published before it
  $ innovation-index verify 20260301T020000.123Z-1a2b3c4d --project /srv/my-index
  $ innovation-index verify runs/20260301T020000.123Z-1a2b3c4d`,
    )
    .action(async (run: string | undefined, options: VerifyCommandOptions, command: Command) => runVerify(run ?? "latest", options, command, env));
}

/**
 * Runs `verify`: find the run, check it, print one line per file that does not match (stdout), a warning per file a
 * killed report left or a running one is writing (stderr: no mismatch, `verificationWarnings`) and a summary (stderr).
 * Exit 0 when everything matches; an `InputError` (exit 1) when not.
 */
export async function runVerify(reference: string, options: VerifyCommandOptions, command: Command, env: CliEnv): Promise<void> {
  // Loaded here: finding runs, hashing and the manifest checks are not needed to start the other commands.
  const [{ findRun, isRunName }, { verificationProblems, verificationWarnings, verifyRun }] = await Promise.all([
    import("./diff.js"),
    import("../../io/runs/verify-run.js"),
  ]);
  // Named as diff and report name runs; the project is read only for what is not the path of a folder.
  const isPath = !isRunName(reference) && existsSync(resolve(env.cwd, reference));
  const runsDir = isPath ? undefined : await projectRunsFolder(command, env);
  const { folder, label } = await findRun(reference, runsDir, env, "verify");
  const verification = await verifyRun(folder, label);
  const problems = verificationProblems(verification, label);
  // What a killed report left, or a running one is writing: said, with what to do, and no mismatch.
  printWarnings(verificationWarnings(verification, label), env);
  // Lines for a person to read, in the terminal's language as its errors: the result, on stdout whatever the log's
  // format; a JSON log has each too, with its code and file, before the error that counts them.
  const say = env.translate ?? ((line: string) => line);
  if (problems.length > 0) env.stdout(problems.map((problem) => say(problem.message)).join("\n") + "\n");
  if (env.logProblem) for (const problem of problems) env.logProblem(problem);
  const withReports = verification.files.some((file) => file.origin === "derived" || file.problem !== undefined);
  if (!verification.ok)
    throw new InputError("E_RUN_CHANGED", outputMessages.verifyFailed(label, { ...verification.counts, manifest: verification.manifest.length }, withReports), {
      source: label,
    });
  if (options.quiet) return;
  const runFiles = verification.files.filter((file) => file.origin === "run").length;
  const derived = verification.files.filter((file) => file.origin === "derived").map((file) => file.path);
  env.stderr(outputMessages.verifyOk(label, runFiles, derived) + "\n");
}
