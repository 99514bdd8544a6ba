/**
 * `runs publish` and `verify` on a run folder holding its own staging marker that cannot be removed (a run killed
 * between its folder's rename and the marker's removal, its folder then made read-only: chmod a-w). Root ignores file
 * modes, so the removal is made to fail by failing node:fs/promises' `unlink` for the marker's path (EACCES), as
 * test/io/runs/repair-failures.test.ts does. The runs are real: two `compute` runs of the two-year fixture, the third
 * year added by the second.
 */
import * as fs from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { runMessages } from "../../src/core/run-messages.js";
import { editByHand, runCliWithMocks } from "../helpers.js";
import { makeTwoYearProject, YEAR_2019 } from "./project-fixture.js";

/** Path suffixes whose `unlink` fails with EACCES. */
const failing = new Set<string>();
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  const unlink = (...args: Parameters<typeof actual.unlink>) =>
    [...failing].some((suffix) => String(args[0]).endsWith(suffix)) ? Promise.reject(Object.assign(new Error(`EACCES: ${String(args[0])}`), { code: "EACCES" })) : actual.unlink(...args);
  return { ...actual, default: actual, unlink };
});
// The command line loaded again, with the wrapped module.
const runCli = runCliWithMocks();

afterEach(() => failing.clear());

const MARKER = ".innovation-index-staging";
const latest = async (dir: string) => (await fs.readFile(join(dir, "runs/LATEST"), "utf8")).trim();

/** Runs compute (exit 0 expected) and returns the id LATEST names after it. */
async function compute(dir: string): Promise<string> {
  const run = await runCli(["compute", "-q"], dir);
  expect(run.code, run.stderr).toBe(0);
  return latest(dir);
}

describe("a run's own staging marker that cannot be removed", () => {
  it("runs publish keeps it, says so (W_STAGING_KEPT) and moves LATEST; verify passes with a warning; a marker naming another run fails verify", async () => {
    const dir = await makeTwoYearProject("runs");
    const a = await compute(dir);
    await editByHand(join(dir, "data/2019.csv"), YEAR_2019);
    const b = await compute(dir);
    expect(a < b).toBe(true);
    // A holding the marker that names it, which cannot be removed.
    await editByHand(join(dir, "runs", a, MARKER), `${a}\n`);
    failing.add(`${a}/${MARKER}`);
    const markerLabel = `runs/${a}/${MARKER}`;
    const published = await runCli(["runs", "publish", a], dir);
    // The kept marker said once (as compute says it), then the move back from B to A, and what the next compute does.
    expect(published).toEqual({
      code: 0,
      stdout: "",
      stderr: `warning: ${outputMessages.runMarkerKept(markerLabel, `runs/${a}`, "EACCES")}\n${runMessages.published("runs/LATEST", b, a)}\n${runMessages.publishedEarlier(a, b)}\n`,
    });
    expect(await latest(dir)).toBe(a);
    expect(await fs.readFile(join(dir, "runs", a, MARKER), "utf8")).toBe(`${a}\n`);

    // verify: the marker is the tool's leftover, said with what to do; every file matches.
    const verified = await runCli(["verify", a], dir);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toBe("");
    expect(verified.stderr.startsWith(`warning: ${outputMessages.verifyStagingLeftover(markerLabel, `runs/${a}`)}\n`)).toBe(true);
    expect(verified.stderr).toContain(`runs/${a}: all `);

    // A marker naming B is no leftover of A's: unlisted, and verify fails (exit 1) with no such warning.
    await editByHand(join(dir, "runs", a, MARKER), `${b}\n`);
    const refused = await runCli(["verify", a], dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe(outputMessages.verifyUnlisted(MARKER) + "\n");
    expect(refused.stderr).not.toContain("warning:");
  });
});
