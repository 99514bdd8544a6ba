/**
 * The publication history runs/PUBLISHED.log as the command line writes and shows it: every move of runs/LATEST (by
 * compute, runs publish, runs rollback) is a line, and `innovation-index runs` says of each run when it was LATEST, so
 * that a run published and gone back from is listed as withdrawn, not as skipped or unpublished (never published).
 * The tester's case in small: three runs published by compute, a rollback, an earlier run published, and a compute.
 * The commands have no clock to set: the times are read back from the file, whose lines' exact form (fixed clock) is
 * checked in test/io/runs/publication-history.test.ts.
 */
import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMessages } from "../../src/core/run-messages.js";
import { editByHand, runCli } from "../helpers.js";
import { makeTwoYearProject, YEAR_2019 } from "./project-fixture.js";

const spaces = (count: number) => " ".repeat(count);
const latest = async (dir: string) => (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
/**
 * The moves of runs/PUBLISHED.log, the header first, each split at its commas and without its state: each move's
 * `moving` line, which its `moved` line follows once LATEST has moved (checked here: a move refused has none).
 */
const historyLines = async (dir: string) => {
  const lines = (await readFile(join(dir, "runs/PUBLISHED.log"), "utf8")).trimEnd().split("\n");
  lines.forEach((line, index) => {
    if (line.endsWith(",moved")) expect(lines[index - 1]).toBe(line.replace(/,moved$/, ",moving"));
  });
  return lines.filter((line) => !line.endsWith(",moved")).map((line) => line.split(",").slice(0, 4));
};

/** Runs compute (exit 0 expected) and returns the id LATEST names after it. */
async function compute(dir: string, ...flags: string[]): Promise<string> {
  const run = await runCli(["compute", "-q", ...flags], dir);
  expect(run.code, run.stderr).toBe(0);
  return latest(dir);
}

describe("runs/PUBLISHED.log", () => {
  it("three computes, a rollback, an earlier run published and a compute: each move a line; the runs gone back from listed as withdrawn, with when", async () => {
    const dir = await makeTwoYearProject("history");
    const a = await compute(dir);
    await editByHand(join(dir, "data/2019.csv"), YEAR_2019);
    const b = await compute(dir);
    await editByHand(join(dir, "data/2019.csv"), YEAR_2019.replace("U1,2019,A,13", "U1,2019,A,14"));
    const c = await compute(dir);
    expect((await runCli(["runs", "rollback"], dir)).code).toBe(0); // C -> B
    expect((await runCli(["runs", "publish", a], dir)).code).toBe(0); // B -> A
    // The inputs are still C's, which are not A's: a new run D, following A.
    const d = await compute(dir);
    expect(new Set([a, b, c, d]).size).toBe(4);

    // One line per move, in order, with the run LATEST named before (none for the first) and after it.
    const lines = await historyLines(dir);
    expect(lines[0]).toEqual(["time", "action", "before", "after"]);
    expect(lines.slice(1).map(([, action, before, after]) => [action, before, after])).toEqual([
      ["compute", "", a],
      ["compute", a, b],
      ["compute", b, c],
      ["rollback", c, b],
      ["publish", b, a],
      ["compute", a, d],
    ]);
    // Times in ISO 8601 UTC with milliseconds, as they were written, one after the other.
    const times = lines.slice(1).map(([time]) => time);
    for (const time of times) expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect([...times].sort()).toEqual(times);
    const [computedA, computedB, computedC, rolledBack, publishedA, computedD] = times;

    // The list: B and C were published, so withdrawn (before: skipped, as runs never published); B twice (its compute,
    // the rollback), LATEST until A was published; C until the rollback; A LATEST again by the publish, followed by D.
    // Columns as wide as their widest cell: the states 9 ("withdrawn"), the times 24, two spaces apart.
    const listed = await runCli(["runs"], dir);
    expect(listed).toEqual({
      code: 0,
      stdout: [
        `run${spaces(28)}state${spaces(6)}previous${spaces(23)}units × years  base year  published${spaces(17)}note`,
        `${a}  published  -${spaces(30)}2 × 2${spaces(10)}2017${spaces(7)}${computedA}  published again ${publishedA}`,
        `${b}  withdrawn  ${a}  2 × 3${spaces(10)}2017${spaces(7)}${computedB}  published again ${rolledBack}; LATEST until ${publishedA}`,
        `${c}  withdrawn  ${b}  2 × 3${spaces(10)}2017${spaces(7)}${computedC}  LATEST until ${rolledBack}`,
        `${d}  LATEST${spaces(5)}${a}  2 × 3${spaces(10)}2017${spaces(7)}${computedD}`,
        "",
      ].join("\n"),
      stderr: "",
    });
    // --format json: each run's state and when it was LATEST (first, last, how many times, until).
    const json = JSON.parse((await runCli(["runs", "--format", "json"], dir)).stdout);
    expect(json.runs.map(({ id, state, publication }: { id: string; state: string; publication: unknown }) => ({ id, state, publication }))).toEqual([
      { id: a, state: "published", publication: { first: computedA, last: publishedA, times: 2, until: computedD } },
      { id: b, state: "withdrawn", publication: { first: computedB, last: rolledBack, times: 2, until: publishedA } },
      { id: c, state: "withdrawn", publication: { first: computedC, last: computedC, times: 1, until: rolledBack } },
      { id: d, state: "latest", publication: { first: computedD, last: computedD, times: 1 } },
    ]);
    expect(json.historyWarnings).toBeUndefined();
    // On a Chinese terminal: the state and the note in Chinese, the times as written.
    const zh = (await runCli(["runs"], dir, { language: "zh" })).stdout.split("\n");
    expect(zh[3]).toMatch(new RegExp(`^${c}  曾发布，已撤回 .* ${computedC.replace(/\./g, "\\.")}  至 ${rolledBack.replace(/\./g, "\\.")} 为 LATEST$`));
  });

  it("a history that cannot be appended to stops the move of LATEST: compute keeps its run unpublished (exit 3), the list warns and lists, publish publishes it once it can", async () => {
    const dir = await makeTwoYearProject("history-blocked");
    const a = await compute(dir);
    // A folder in the file's place (as a file Excel holds open on Windows, EBUSY, fails the append).
    await rm(join(dir, "runs/PUBLISHED.log"));
    await mkdir(join(dir, "runs/PUBLISHED.log"));
    await editByHand(join(dir, "data/2019.csv"), YEAR_2019);
    const failed = await runCli(["compute", "-q"], dir);
    expect(failed.code).toBe(3);
    const kept = /run (\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8})/.exec(failed.stderr)![1];
    expect(failed.stderr).toBe(`error: ${runMessages.historyNotWritten("runs/PUBLISHED.log", "runs/LATEST", kept, "EISDIR", true)}\n`);
    expect(await latest(dir)).toBe(a);
    // The list goes on without the history (states from the manifests), saying why.
    const listed = await runCli(["runs", "--format", "json"], dir);
    expect(listed.stderr).toBe(`warning: ${runMessages.historyUnreadable("runs/PUBLISHED.log", "EISDIR")}\n`);
    expect(JSON.parse(listed.stdout).runs.map(({ id, state }: { id: string; state: string }) => [id, state])).toEqual([
      [a, "latest"],
      [kept, "unpublished"],
    ]);
    // The folder gone, the kept run is published, and its line is the first of a new history.
    await rm(join(dir, "runs/PUBLISHED.log"), { recursive: true });
    expect(await runCli(["runs", "publish", kept], dir)).toEqual({ code: 0, stdout: "", stderr: runMessages.published("runs/LATEST", a, kept) + "\n" });
    expect((await historyLines(dir)).map(([, ...rest]) => rest)).toEqual([
      ["action", "before", "after"],
      ["publish", a, kept],
    ]);
  });
});
