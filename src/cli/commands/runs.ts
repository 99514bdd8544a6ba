/**
 * `runs`: list the runs of a project, oldest first, with the one `runs/LATEST` publishes; publish a kept run, or go
 * back to the run the published one follows, each verified first as `verify` checks it, so that `runs/LATEST` is
 * never edited by hand.
 */
import { join } from "node:path";
import { Argument, InvalidArgumentError, Option, type Command } from "commander";
import { messages } from "../../core/messages.js";
import { outputMessages } from "../../core/output-messages.js";
import { runMessages } from "../../core/run-messages.js";
import { tableWords } from "../../core/table-words.js";
import { UsageError } from "../../errors.js";
import type { RunListing } from "../../io/runs/list-runs.js";
import type { CliEnv } from "../env.js";
import { displayPath } from "../display-path.js";
import { projectRunsFolder } from "../project-options.js";
import { renderColumns } from "../render.js";
import { lockTakeOverWarning, printWarnings } from "../report-issues.js";

export const RUNS_ACTIONS = ["list", "publish", "rollback"] as const;
export const RUNS_FORMATS = ["text", "json"] as const;

export interface RunsCommandOptions {
  project?: string;
  runs?: string;
  format: (typeof RUNS_FORMATS)[number];
  quiet: boolean;
}

export function registerRuns(program: Command, env: CliEnv): void {
  program
    .command("runs")
    .description("list the runs of a project, oldest first; publish a kept run, or roll back to the previous one (verified first, under the run lock)")
    // Its choices complete in the shell (completion.ts); actionOf refuses another word with the closest choice.
    .addArgument(new Argument("[action]", "list (the default), publish or rollback").choices(RUNS_ACTIONS).argParser(actionOf))
    .argument("[run]", "the run to publish: a run id, or its start")
    .option("--project <file>", "project file, or its folder (default: index.yaml in the current folder)")
    .option("--runs <dir>", "the runs folder (default: the one set in index.yaml)")
    .addOption(new Option("--format <format>", "text for people, json for programs").choices(RUNS_FORMATS).default("text"))
    .option("-q, --quiet", "print nothing but errors", false)
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index runs                                        # each run: LATEST, published, withdrawn, skipped or unpublished
  $ innovation-index runs publish 20260301T020000.123Z-1a2b3c4d  # verify that run, then move runs/LATEST to it
  $ innovation-index runs rollback                               # back to the run the published one follows`,
    )
    .action(async (action: (typeof RUNS_ACTIONS)[number] | undefined, run: string | undefined, options: RunsCommandOptions, command: Command) =>
      runRuns(action ?? "list", run, options, command, env),
    );
}

/** The action named, refused off the list with the closest one (as the options' choices are: `suggestChoices`). */
function actionOf(value: string): (typeof RUNS_ACTIONS)[number] {
  const action = RUNS_ACTIONS.find((candidate) => candidate === value);
  if (action === undefined) throw new InvalidArgumentError(messages.allowedChoices(value, RUNS_ACTIONS));
  return action;
}

/**
 * Runs `runs`: the list on stdout (it only reads: no lock), or a run published, saying on stderr what `LATEST` named
 * before and names now (with `--format json`, also on stdout: `before`, the run it named, or null; `held`, what it held
 * instead of a run id, or null; `latest`; `changed`). Exit 0, also when the run was already published.
 */
export async function runRuns(action: (typeof RUNS_ACTIONS)[number], run: string | undefined, options: RunsCommandOptions, command: Command, env: CliEnv): Promise<void> {
  if (action === "publish" && run === undefined) throw new UsageError("E_USAGE", runMessages.publishWhich());
  if (action !== "publish" && run !== undefined) throw new UsageError("E_USAGE", runMessages.runNotExpected(action, run));
  // publish and rollback write LATEST: never into the values folder (a runs: an older version took), as compute.
  const runsDir = await projectRunsFolder(command, env, { refuseFor: action === "list" ? undefined : action });
  if (!runsDir) throw new UsageError("E_USAGE", runMessages.runsNoProject());
  const runsLabel = displayPath(env.cwd, runsDir);
  if (action === "list") {
    const { listRuns } = await import("../../io/runs/list-runs.js");
    const listing = await listRuns(runsDir, runsLabel);
    if (listing.problem !== undefined) printWarnings([{ code: "W_LATEST", source: `${runsLabel}/LATEST`, message: listing.problem }], env);
    // A line of runs/PUBLISHED.log cut short by a crash, or the file unreadable: the list goes on without it.
    printWarnings(listing.historyWarnings ?? [], env);
    env.stdout(options.format === "json" ? JSON.stringify({ runsFolder: runsLabel, latest: listing.latest ?? null, ...listing }, null, 2) + "\n" : renderRuns(listing, runsLabel, env));
    return;
  }
  const [{ findRunId, publishRun, rollbackRun, RunNotVerifiedError }, { verificationProblems }, { runFolderAt }] = await Promise.all([
    import("../../io/runs/publish-run.js"),
    import("../../io/runs/verify-run.js"),
    import("../../io/runs/runs.js"),
  ]);
  const publishOptions = { runsLabel, onTakeOver: lockTakeOverWarning(env) };
  let publication;
  try {
    publication =
      action === "rollback" ? await rollbackRun(runsDir, publishOptions) : await publishRun(runsDir, await findRunId(runsDir, run!, runsLabel, env.cwd), publishOptions);
  } catch (error) {
    // What verify finds, one line each, before the refusal that counts them: in a JSON log, each with its code and
    // file, as verify logs them.
    if (error instanceof RunNotVerifiedError)
      for (const problem of verificationProblems(error.verification, error.source!)) env.logProblem ? env.logProblem(problem) : env.stderr(problem.message + "\n");
    throw error;
  }
  const { before, held, after, changed, removed, warnings } = publication;
  if (removed !== undefined) env.stderr(outputMessages.stagingRemoved(`${runsLabel}/${removed}`) + "\n");
  // What verify said of the run without failing it (a killed report's leftover), as verify says it.
  printWarnings(warnings ?? [], env);
  // `held`: what LATEST held instead of a run id ("" for an empty file), when `before` is null for that; else null.
  if (options.format === "json") env.stdout(JSON.stringify({ before: before ?? null, held: held ?? null, latest: after, changed }, null, 2) + "\n");
  const latestLabel = `${runsLabel}/LATEST`;
  env.stderr((changed ? runMessages.published(latestLabel, before, after, held) : runMessages.alreadyPublished(latestLabel, after)) + "\n");
  // Back to an earlier run: the next compute (a scheduled one) compares the inputs with it, and computes and publishes
  // the inputs the later run was made from again unless they are restored.
  if (changed && before !== undefined && after < before && (await runFolderAt(join(runsDir, before))).kind === "folder")
    env.stderr(runMessages.publishedEarlier(after, before) + "\n");
}

/** The list of runs for people: one line a run, oldest first, under the headings of `runsHeadings`. */
function renderRuns(listing: RunListing, runsLabel: string, env: CliEnv): string {
  const words = env.words ?? tableWords;
  if (listing.runs.length === 0) return words.noRuns(runsLabel) + "\n";
  const say = env.translate ?? ((text: string) => text);
  const rows = listing.runs.map((run) => [
    run.id,
    words.runState(run.state),
    run.previous === null ? "-" : (run.previous ?? ""),
    run.units !== undefined && run.years !== undefined ? `${run.units} × ${run.years.length}` : "",
    run.baseYear === undefined ? "" : String(run.baseYear),
    // The first time it became LATEST (runs/PUBLISHED.log); the last, and until when for a withdrawn run, in the note.
    run.publication?.first ?? "",
    [
      run.publication !== undefined && run.publication.times > 1 ? words.runPublishedAgain(run.publication.last) : "",
      run.state === "withdrawn" && run.publication?.until !== undefined ? words.runLatestUntil(run.publication.until) : "",
      run.link === undefined ? "" : words.runLink(run.link, run.unreachable === true),
      // A file named by a run id: said as runs publish and verify say it.
      run.notFolder === undefined ? "" : say(runMessages.notRunFolder(run.notFolder === "file")),
      run.problem === undefined ? "" : `manifest.json ${say(run.problem)}`,
    ]
      .filter((note) => note !== "")
      .join("; "),
  ]);
  return renderColumns([words.runsHeadings(), ...rows], 7) + "\n";
}
