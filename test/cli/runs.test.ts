/**
 * `innovation-index runs`: the list of a project's runs (oldest first, each with its state against runs/LATEST), and
 * `runs publish <run-id>` / `runs rollback`, which verify the run under the run lock and only then replace runs/LATEST,
 * as compute does; nothing else in runs/ is written, renamed or removed. The projects are real: three `compute` runs
 * of the two-year fixture, the third year added by the second run and one of its values changed by the third.
 */
import { createHash } from "node:crypto";
import { cp, mkdir, readFile, rename, rm, symlink } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { projectMessages } from "../../src/core/project-messages.js";
import { runMessages } from "../../src/core/run-messages.js";
import { runMessagesZh } from "../../src/core/zh/run-messages.js";
import { runIdMilliseconds } from "../../src/io/runs/run-names.js";
import { editByHand, listDir, makeTempDir, runCli } from "../helpers.js";
import { makeTwoYearProject, YEAR_2019 } from "./project-fixture.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const latestBytes = (dir: string) => readFile(join(dir, "runs/LATEST"));
const latest = async (dir: string) => (await latestBytes(dir)).toString("utf8").trim();
const manifestOf = async (dir: string, id: string) => JSON.parse(await readFile(join(dir, "runs", id, "manifest.json"), "utf8"));
const spaces = (count: number) => " ".repeat(count);
/**
 * The times of runs/PUBLISHED.log, one per move (its `moving` line) after its header, in order: when LATEST moved
 * (compute, publish and rollback have no clock to set, so the times the list shows are read back from the file; its
 * lines' exact form, each move's `moving` and `moved` lines, is checked in test/io/runs/publication-history.test.ts,
 * with a fixed clock).
 */
const publishedTimes = async (dir: string) =>
  (await readFile(join(dir, "runs/PUBLISHED.log"), "utf8"))
    .trimEnd()
    .split("\n")
    .slice(1)
    .filter((line) => line.endsWith(",moving"))
    .map((line) => line.split(",")[0]);
/** The values of 2019 as the third run has them: U1's A 14 instead of 13. */
const YEAR_2019_REVISED = YEAR_2019.replace("U1,2019,A,13", "U1,2019,A,14");

/**
 * What publish and rollback print going back from run `from` to the earlier `to`: the move, and that the next compute
 * compares the inputs with `to` (so computes the inputs `from` was made from again, unless they are restored).
 */
const back = (from: string, to: string) => `${runMessages.published("runs/LATEST", from, to)}\n${runMessages.publishedEarlier(to, from)}\n`;

/** Runs compute (exit 0 expected) and returns the id LATEST names after it. */
async function compute(dir: string, ...flags: string[]): Promise<string> {
  const run = await runCli(["compute", "-q", ...flags], dir);
  expect(run.code, run.stderr).toBe(0);
  return latest(dir);
}

/** A project with three published runs: A (2017-2018), B (2019 added), C (a value of 2019 revised). */
async function threeRuns(): Promise<{ dir: string; a: string; b: string; c: string }> {
  const dir = await makeTwoYearProject("runs");
  const a = await compute(dir);
  await editByHand(join(dir, "data/2019.csv"), YEAR_2019);
  const b = await compute(dir);
  await editByHand(join(dir, "data/2019.csv"), YEAR_2019_REVISED);
  const c = await compute(dir);
  expect(a < b && b < c).toBe(true);
  return { dir, a, b, c };
}

describe("innovation-index runs", () => {
  it("lists the runs oldest first: state, previous, units × years and base year; --format json gives the same", async () => {
    const { dir, a, b, c } = await threeRuns();
    // Columns as wide as their widest cell (a run id is 29 characters), two spaces apart: A has 2 units × 2017-2018,
    // B and C 2 units × 2017-2019, all with base year 2017 (index.yaml); A is the first run (previous -). Each was
    // published by its compute, at the time of its line in runs/PUBLISHED.log (24 characters: 2026-03-01T02:00:00.123Z).
    const [publishedA, publishedB, publishedC] = await publishedTimes(dir);
    const listed = await runCli(["runs"], dir);
    expect(listed).toEqual({
      code: 0,
      stdout: [
        `run${spaces(28)}state${spaces(6)}previous${spaces(23)}units × years  base year  published${spaces(17)}note`,
        `${a}  published  -${spaces(30)}2 × 2${spaces(10)}2017${spaces(7)}${publishedA}`,
        `${b}  published  ${a}  2 × 3${spaces(10)}2017${spaces(7)}${publishedB}`,
        `${c}  LATEST${spaces(5)}${b}  2 × 3${spaces(10)}2017${spaces(7)}${publishedC}`,
        "",
      ].join("\n"),
      stderr: "",
    });
    const json = await runCli(["runs", "--format", "json"], dir);
    expect(json.code).toBe(0);
    const years = (last: number) => Array.from({ length: last - 2016 }, (_, i) => 2017 + i);
    expect(JSON.parse(json.stdout)).toEqual({
      runsFolder: "runs",
      latest: c,
      runs: [
        // Each LATEST once, until the next run's compute moved it.
        { id: a, state: "published", previous: null, units: 2, years: years(2018), baseYear: 2017, publication: { first: publishedA, last: publishedA, times: 1, until: publishedB } },
        { id: b, state: "published", previous: a, units: 2, years: years(2019), baseYear: 2017, publication: { first: publishedB, last: publishedB, times: 1, until: publishedC } },
        { id: c, state: "latest", previous: b, units: 2, years: years(2019), baseYear: 2017, publication: { first: publishedC, last: publishedC, times: 1 } },
      ],
    });
    // From elsewhere, with --project; listing takes no lock and writes nothing.
    const elsewhere = await makeTempDir();
    expect((await runCli(["runs", "--project", dir, "--format", "json"], elsewhere)).stdout).toBe(json.stdout.replace('"runsFolder": "runs"', `"runsFolder": ${JSON.stringify(join(dir, "runs"))}`));
    expect(await listDir(join(dir, "runs"))).toEqual([a, b, c, "LATEST"]);
  });

  it("publish <run> verifies an older run and moves LATEST to it, byte for byte; again, it changes nothing", async () => {
    const { dir, a, b, c } = await threeRuns();
    const published = await runCli(["runs", "publish", a], dir);
    expect(published).toEqual({ code: 0, stdout: "", stderr: back(c, a) });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${a}\n`));
    // Nothing but LATEST changed: every run folder stays, no temporary file or lock is left.
    expect(await listDir(join(dir, "runs"))).toEqual([a, b, c, "LATEST"]);
    // The runs after A are newer than LATEST now, but were published by their computes: withdrawn (before: unpublished,
    // as if never published), each LATEST until the next line of runs/PUBLISHED.log; A LATEST again since the publish
    // (the state column as wide as "withdrawn").
    const [computedA, computedB, computedC, publishedA] = await publishedTimes(dir);
    expect((await runCli(["runs"], dir)).stdout).toBe(
      [
        `run${spaces(28)}state${spaces(6)}previous${spaces(23)}units × years  base year  published${spaces(17)}note`,
        `${a}  LATEST${spaces(5)}-${spaces(30)}2 × 2${spaces(10)}2017${spaces(7)}${computedA}  published again ${publishedA}`,
        `${b}  withdrawn  ${a}  2 × 3${spaces(10)}2017${spaces(7)}${computedB}  LATEST until ${computedC}`,
        `${c}  withdrawn  ${b}  2 × 3${spaces(10)}2017${spaces(7)}${computedC}  LATEST until ${publishedA}`,
        "",
      ].join("\n"),
    );
    // The run named by its folder's path, or LATEST's own run again: nothing to do, exit 0.
    expect(await runCli(["runs", "publish", `runs/${a}`], dir)).toEqual({ code: 0, stdout: "", stderr: runMessages.alreadyPublished("runs/LATEST", a) + "\n" });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${a}\n`));
    // --format json says the same on stdout; C named by the start of its id (its time is unique to it).
    const json = await runCli(["runs", "publish", c.slice(0, 20), "--format", "json"], dir);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ before: a, held: null, latest: c, changed: true });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${c}\n`));
    // On a Chinese terminal, the line is Chinese.
    expect(await runCli(["runs", "publish", b], dir, { language: "zh" })).toEqual({
      code: 0,
      stdout: "",
      stderr: `${runMessagesZh.published("runs/LATEST", c, b)}\n${runMessagesZh.publishedEarlier(b, c)}\n`,
    });
  });

  it("rollback publishes the run the published one records as previous: C, then B, then A; the first run has none", async () => {
    const { dir, a, b, c } = await threeRuns();
    expect(await runCli(["runs", "rollback"], dir)).toEqual({ code: 0, stdout: "", stderr: back(c, b) });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${b}\n`));
    expect(await runCli(["runs", "rollback"], dir)).toEqual({ code: 0, stdout: "", stderr: back(b, a) });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${a}\n`));
    // A's manifest records previous: null (the project's first run): refused, LATEST unchanged.
    expect(await runCli(["runs", "rollback"], dir)).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${runMessages.noPreviousToRollBack(`runs/${a}/manifest.json`, a, true)}\n`,
    });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${a}\n`));
    expect(await listDir(join(dir, "runs"))).toEqual([a, b, c, "LATEST"]);
    // No run published yet: nothing to go back from.
    const empty = await makeTwoYearProject("empty");
    expect(await runCli(["runs", "rollback"], empty)).toEqual({ code: 1, stdout: "", stderr: `error: ${runMessages.noRunToRollBack("runs")}\n` });
    expect(await runCli(["runs"], empty)).toEqual({ code: 0, stdout: "runs: no run yet (innovation-index compute makes the first)\n", stderr: "" });
    expect(await listDir(empty)).not.toContain("runs");
  });

  it("refuses a tampered run (one byte of its index.csv changed): the verify line, E_RUN_NOT_VERIFIED, LATEST unchanged", async () => {
    const { dir, b, c } = await threeRuns();
    // One digit of B's index.csv changed (same size), as verify finds it: SHA-256 of both versions by node:crypto.
    const path = join(dir, "runs", b, "index.csv");
    const original = await readFile(path);
    const tampered = Buffer.from(original);
    tampered[tampered.length - 2] = tampered[tampered.length - 2] === 0x30 ? 0x31 : 0x30;
    await editByHand(path, tampered);
    const refusal = `error: ${runMessages.publishUnverified(`runs/${b}`, 1, b, "runs/LATEST")}\n`;
    const line = outputMessages.verifyChanged("index.csv", { bytes: original.length, sha256: sha256(original) }, { bytes: original.length, sha256: sha256(tampered) });
    for (const args of [["runs", "publish", b], ["runs", "rollback"]]) {
      expect(await runCli(args, dir), args.join(" ")).toEqual({ code: 1, stdout: "", stderr: `${line}\n${refusal}` });
      expect(await latestBytes(dir)).toEqual(Buffer.from(`${c}\n`));
    }
    // In a JSON log, verify's line is a problem of its own at level error, with verify's code and the file it is about
    // (it was a line at level info with no code), then the refusal and the exit code; --quiet keeps them (errors).
    for (const args of [["runs", "publish", b], ["runs", "rollback", "-q"]]) {
      const logged = await runCli([...args, "--log-format", "json"], dir);
      expect(logged.code, args.join(" ")).toBe(1);
      expect(logged.stdout).toBe("");
      expect(logged.stderr.trimEnd().split("\n").map((text) => JSON.parse(text)).map(({ time, ...rest }) => (expect(time).toMatch(/^\d{4}-/), rest))).toEqual([
        { level: "error", code: "E_RUN_CHANGED", message: line, source: `runs/${b}/index.csv` },
        { level: "error", code: "E_RUN_NOT_VERIFIED", message: runMessages.publishUnverified(`runs/${b}`, 1, b, "runs/LATEST"), source: `runs/${b}` },
        { level: "error", message: "exit code 1", exitCode: 1 },
      ]);
    }
    // The byte put back, B publishes.
    await editByHand(path, original);
    expect((await runCli(["runs", "publish", b], dir)).code).toBe(0);
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${b}\n`));
  });

  it("refuses a run whose manifest no longer lists files it wrote, deleted with them (the outputs its options imply)", async () => {
    const { dir, b, c } = await threeRuns();
    // scores.csv and index.json deleted from B, and their entries from its manifest: every listed file still matches
    // and nothing is unlisted, so only the outputs every run writes find it (fixture runs record no option adding any).
    const path = join(dir, "runs", b, "manifest.json");
    const manifest = await manifestOf(dir, b);
    const kept = manifest.outputs.filter((output: { path: string }) => output.path !== "scores.csv" && output.path !== "index.json");
    expect(kept.length).toBe(manifest.outputs.length - 2);
    await editByHand(path, JSON.stringify({ ...manifest, outputs: kept }, null, 2) + "\n");
    for (const name of ["scores.csv", "index.json"]) await rm(join(dir, "runs", b, name));
    const line = outputMessages.verifyOutputsRequired(["index.json", "scores.csv"]);
    expect(await runCli(["verify", b], dir)).toEqual({
      code: 1,
      stdout: `${line}\n`,
      stderr: `error: ${outputMessages.verifyFailed(`runs/${b}`, { missing: 0, changed: 0, unlisted: 0, outside: 0, manifest: 1 })}\n`,
    });
    expect(await runCli(["runs", "publish", b], dir)).toEqual({ code: 1, stdout: "", stderr: `${line}\nerror: ${runMessages.publishUnverified(`runs/${b}`, 1, b, "runs/LATEST")}\n` });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${c}\n`));
  });

  it("refuses while another run holds the lock (exit 3, as compute); the list still reads", async () => {
    const { dir, a, b, c } = await threeRuns();
    // A lock of this very process: alive, so never stale.
    const now = new Date().toISOString();
    await editByHand(join(dir, "runs/.lock"), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: now }));
    const locked = `error: ${projectMessages.locked("runs/.lock", `pid ${process.pid} on ${hostname()}, since ${now}`)}\n`;
    expect(await runCli(["runs", "publish", a], dir)).toEqual({ code: 3, stdout: "", stderr: locked });
    expect(await runCli(["runs", "rollback"], dir)).toEqual({ code: 3, stdout: "", stderr: locked });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${c}\n`));
    expect((await runCli(["runs"], dir)).code).toBe(0);
    expect(await listDir(join(dir, "runs"))).toEqual([".lock", a, b, c, "LATEST"]);
  });

  it("refuses a staging folder, a run that does not exist and a linked run whose target is gone, which the list marks", async () => {
    const { dir, a, b, c } = await threeRuns();
    const staging = `.staging-${c.slice(0, -8)}00000000`;
    await mkdir(join(dir, "runs", staging));
    await editByHand(join(dir, "runs", staging, ".innovation-index-staging"), `${staging.slice(9)}\n`);
    expect(await runCli(["runs", "publish", staging], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${runMessages.publishStaging(`runs/${staging}`)}\n` });
    expect(await runCli(["runs", "publish", `runs/${staging}`], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${runMessages.publishStaging(`runs/${staging}`)}\n` });
    expect(await runCli(["runs", "publish", "19990101"], dir)).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${runMessages.publishUnknownRun("19990101", "runs", [a, b, c])}\n`,
    });
    // A archived to a disk that is not mounted: the link stays, its target is gone.
    const archive = await makeTempDir();
    await rename(join(dir, "runs", a), join(archive, a));
    await symlink(join(archive, "gone", a), join(dir, "runs", a));
    expect(await runCli(["runs", "publish", a], dir)).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${runMessages.publishUnreachable(`runs/${a}`, join(archive, "gone", a))}\n`,
    });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${c}\n`));
    // B's manifest names A as previous, which cannot be read: A counts as published (the runs before LATEST).
    // Its publication is read from runs/PUBLISHED.log, not from the folder: said all the same.
    const [publishedA, publishedB] = await publishedTimes(dir);
    const listed = (await runCli(["runs"], dir)).stdout.split("\n");
    expect(listed[1]).toBe(`${a}  published  ${spaces(29)}  ${spaces(13)}  ${spaces(9)}  ${publishedA}  unreachable: a link to ${JSON.stringify(join(archive, "gone", a))}, which is not a folder`);
    const json = JSON.parse((await runCli(["runs", "--format", "json"], dir)).stdout);
    expect(json.runs[0]).toEqual({ id: a, state: "published", link: join(archive, "gone", a), unreachable: true, publication: { first: publishedA, last: publishedA, times: 1, until: publishedB } });
    // Nothing was removed or renamed: the staging folder and the link are where they were.
    expect(await listDir(join(dir, "runs"))).toEqual([staging, a, b, c, "LATEST"]);
  });

  it("after a rollback, compute compares with the run LATEST names: unchanged on its inputs, else a new run recording it as previous", async () => {
    const { dir, a, b, c } = await threeRuns();
    expect((await runCli(["runs", "rollback"], dir)).code).toBe(0);
    // The inputs of B again: nothing to compute (B's fingerprint); C, newer than LATEST, is reported and kept, as a run
    // published (its line in PUBLISHED.log) and gone back from (the rollback's line).
    await editByHand(join(dir, "data/2019.csv"), YEAR_2019);
    const unchanged = await runCli(["compute"], dir);
    const [cPublished, rolledBack] = (await readFile(join(dir, "runs/PUBLISHED.log"), "utf8")).trim().split("\n").filter((line) => line.endsWith(",moving")).slice(-2).map((line) => line.split(","));
    expect(rolledBack[0] >= cPublished[0]).toBe(true);
    expect([cPublished[1], cPublished[3], rolledBack[1], rolledBack[2], rolledBack[3]]).toEqual(["compute", c, "rollback", c, b]);
    expect(unchanged).toEqual({
      code: 0,
      stdout: "",
      stderr: `warning: ${outputMessages.withdrawnRun(`runs/${c}`, b, cPublished[0])}\n${projectMessages.unchanged(b)}\n`,
    });
    expect(await listDir(join(dir, "runs"))).toEqual([a, b, c, "LATEST"]);
    // --force runs anyway: run D follows B (not C, the run rolled back from), with no revision against it.
    const forced = await runCli(["compute", "--force"], dir);
    expect(forced.code, forced.stderr).toBe(0);
    const d = await latest(dir);
    expect(d > c).toBe(true);
    expect((await manifestOf(dir, d)).previous).toBe(b);
    expect(forced.stderr).toContain(`warning: ${outputMessages.withdrawnRun(`runs/${c}`, b, cPublished[0])}\n`);
    expect(forced.stderr).toContain(`revisions against run ${b}: none`);
    // C is outside D's history now, but was published by its compute: withdrawn (before: skipped, as a run never
    // published).
    const states = JSON.parse((await runCli(["runs", "--format", "json"], dir)).stdout).runs.map((run: { id: string; state: string }) => [run.id, run.state]);
    expect(states).toEqual([
      [a, "published"],
      [b, "published"],
      [c, "withdrawn"],
      [d, "latest"],
    ]);
  });

  it("with a broken LATEST: the list warns and publishes nothing, rollback refuses, publish repairs it", async () => {
    const { dir, a, b, c } = await threeRuns();
    await editByHand(join(dir, "runs/LATEST"), "../../x\n");
    const problem = outputMessages.latestNotRunId("runs/LATEST", "../../x");
    const listed = await runCli(["runs", "--format", "json"], dir);
    expect(listed.stderr).toBe(`warning: ${problem}\n`);
    expect(JSON.parse(listed.stdout)).toMatchObject({ runsFolder: "runs", latest: null, problem, runs: [{ id: a, state: "unpublished" }, { id: b, state: "unpublished" }, { id: c, state: "unpublished" }] });
    expect(await runCli(["runs", "rollback"], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${runMessages.rollbackBadLatest(problem)}\n` });
    expect(await runCli(["runs", "publish", c], dir)).toEqual({ code: 0, stdout: "", stderr: runMessages.published("runs/LATEST", undefined, c, "../../x") + "\n" });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${c}\n`));
  });

  it("publishing over a junk or empty LATEST says what it held, and what it should have held; a missing one, that it was missing", async () => {
    const { dir, a, b } = await threeRuns();
    // Written out by hand: the text LATEST held, trimmed, in quotes; a run id as the example of what was expected.
    await editByHand(join(dir, "runs/LATEST"), "garbage\n");
    expect(await runCli(["runs", "publish", a], dir)).toEqual({
      code: 0,
      stdout: "",
      stderr: `runs/LATEST held "garbage" instead of a run id (such as 20260301T020000.123Z-1a2b3c4d) and now names run ${a}\n`,
    });
    await editByHand(join(dir, "runs/LATEST"), "");
    expect((await runCli(["runs", "publish", b], dir)).stderr).toBe(`runs/LATEST held nothing instead of a run id (such as 20260301T020000.123Z-1a2b3c4d) and now names run ${b}\n`);
    // 300 characters: LATEST is read up to 256 bytes, and the message quotes the first 200 of them (256 - 200 = 56 more).
    await editByHand(join(dir, "runs/LATEST"), "y".repeat(300));
    expect((await runCli(["runs", "publish", a], dir)).stderr).toBe(
      `runs/LATEST held "${"y".repeat(200)}"… (56 more characters) instead of a run id (such as 20260301T020000.123Z-1a2b3c4d) and now names run ${a}\n`,
    );
    // --format json says what LATEST held too (trimmed; "" for an empty file), where before is null; null when missing.
    await editByHand(join(dir, "runs/LATEST"), " garbage \n");
    expect(JSON.parse((await runCli(["runs", "publish", b, "--format", "json"], dir)).stdout)).toEqual({ before: null, held: "garbage", latest: b, changed: true });
    await editByHand(join(dir, "runs/LATEST"), "");
    expect(JSON.parse((await runCli(["runs", "publish", a, "--format", "json"], dir)).stdout)).toEqual({ before: null, held: "", latest: a, changed: true });
    await rm(join(dir, "runs/LATEST"));
    expect(JSON.parse((await runCli(["runs", "publish", b, "--format", "json"], dir)).stdout)).toEqual({ before: null, held: null, latest: b, changed: true });
    await rm(join(dir, "runs/LATEST"));
    expect((await runCli(["runs", "publish", b], dir)).stderr).toBe(`runs/LATEST was missing and now names run ${b}\n`);
    // On a Chinese terminal too.
    await editByHand(join(dir, "runs/LATEST"), "garbage\n");
    expect((await runCli(["runs", "publish", a], dir, { language: "zh" })).stderr).toBe(
      `runs/LATEST 原先的内容为 "garbage"，而不是运行编号（形如 20260301T020000.123Z-1a2b3c4d），现在指向运行 ${a}\n`,
    );
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${a}\n`));
  });

  it("rollback with nothing to go back to says that it takes no run, and to publish another run with runs publish", async () => {
    const { dir, a, b, c } = await threeRuns();
    const hint = "runs rollback takes no run: it publishes the run the published one records as previous; to publish another run, use innovation-index runs publish <run-id>";
    // A broken LATEST: no published run to go back from; diff's "(or name a run)" is not said, rollback takes none.
    await editByHand(join(dir, "runs/LATEST"), "garbage\n");
    const broken = await runCli(["runs", "rollback"], dir);
    expect(broken).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: runs/LATEST holds "garbage", which is not a run id (a run folder's id looks like 20260301T020000.123Z-1a2b3c4d); expected it to name the published run, to go back from (${hint})\n`,
    });
    expect(broken.stderr).not.toContain("or name a run");
    // C's previous, B, moved away: diff's "(or name that run instead of previous)" is not said either.
    await editByHand(join(dir, "runs/LATEST"), `${c}\n`);
    const elsewhere = await makeTempDir();
    await rename(join(dir, "runs", b), join(elsewhere, b));
    const gone = await runCli(["runs", "rollback"], dir);
    expect(gone).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: runs/${c}/manifest.json: "previous" is "${b}", which names no earlier run folder in runs; expected the id of the run published before it, as compute records it (${hint})\n`,
    });
    const logged = await runCli(["runs", "rollback", "--log-format", "json"], dir);
    expect(JSON.parse(logged.stderr.trim().split("\n").at(-2)!)).toMatchObject({ level: "error", code: "E_NO_RUN", source: `runs/${c}/manifest.json` });
    // The first run records previous: null.
    await editByHand(join(dir, "runs/LATEST"), `${a}\n`);
    expect((await runCli(["runs", "rollback"], dir)).stderr).toBe(
      `error: runs/${a}/manifest.json: the published run ${a} has no previous run (the project's first run, or one made while LATEST named no usable run); expected a previous run to go back to (${hint})\n`,
    );
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${a}\n`));
  });

  it("publish takes the absolute path of a run reached through a linked folder, and still refuses a path outside the runs folder", async () => {
    const { dir, a, b, c } = await threeRuns();
    // /tmp/…/link -> the project folder: the path names runs/<a> of this project, by another way.
    const links = await makeTempDir();
    await symlink(dir, join(links, "project"));
    expect(await runCli(["runs", "publish", join(links, "project", "runs", a)], dir)).toEqual({ code: 0, stdout: "", stderr: back(c, a) });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${a}\n`));
    // And from elsewhere, with --project through the link too.
    expect((await runCli(["runs", "publish", join(links, "project", "runs", c), "--project", join(links, "project")], links)).code).toBe(0);
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${c}\n`));
    // A folder named like the run, in another runs folder (a copy of the project's, say): not this project's run.
    const other = join(links, "runs", a);
    await mkdir(other, { recursive: true });
    expect(await runCli(["runs", "publish", other], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${runMessages.publishUnknownRun(other, "runs", [a, b, c])}\n` });
    // A link to the run's folder from outside the runs folder: its folder is not the runs folder either.
    await symlink(join(dir, "runs", a), join(links, a));
    expect((await runCli(["runs", "publish", join(links, a)], dir)).code).toBe(1);
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${c}\n`));
  });

  it("publish names a file that has a run id for its name as a file, not a run folder, as the list, verify and a LATEST naming it do", async () => {
    const { dir, a, b, c } = await threeRuns();
    const file = "20991231T235959.999Z-0123abcd";
    await editByHand(join(dir, "runs", file), "not a run\n");
    // The list has it, newer than LATEST, noted as the file it is (in the words of publish's refusal below).
    expect((await runCli(["runs"], dir)).stdout.split("\n")[4]).toBe(`${file}  unpublished  ${spaces(29)}  ${spaces(13)}  ${spaces(9)}  ${spaces(24)}  a file, not a run folder`);
    expect(JSON.parse((await runCli(["runs", "--format", "json"], dir)).stdout).runs[3]).toEqual({ id: file, state: "unpublished", notFolder: "file" });
    expect((await runCli(["runs"], dir, { language: "zh" })).stdout.split("\n")[4]).toMatch(new RegExp(`^${file} .*  这是文件，不是运行文件夹$`));
    const refused = await runCli(["runs", "publish", file], dir);
    expect(refused).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: runs/${file}: a file, not a run folder, so there is no run in it to verify or publish; expected a folder written by compute, named by its run id (move the file out of the runs folder)\n`,
    });
    // Named by the start of its id, or its path: the same.
    expect((await runCli(["runs", "publish", "2099"], dir)).stderr).toBe(refused.stderr);
    expect((await runCli(["runs", "publish", `runs/${file}`], dir)).stderr).toBe(refused.stderr);
    const logged = await runCli(["runs", "publish", file, "--log-format", "json"], dir);
    expect(JSON.parse(logged.stderr.trim().split("\n").at(-2)!)).toMatchObject({ level: "error", code: "E_NO_RUN", source: `runs/${file}` });
    expect(await latestBytes(dir)).toEqual(Buffer.from(`${c}\n`));
    expect(await listDir(join(dir, "runs"))).toEqual([a, b, c, file, "LATEST"]);
    // verify says the same, by its id, its start or its path.
    for (const reference of [file, "2099", `runs/${file}`]) expect(await runCli(["verify", reference], dir)).toEqual(refused);
    // LATEST naming it: the list warns that it is a file, not that the run does not exist; publish replaces it.
    await editByHand(join(dir, "runs/LATEST"), `${file}\n`);
    const problem = `runs/LATEST names run ${file}, which is a file, not a run folder`;
    expect((await runCli(["runs"], dir)).stderr).toBe(`warning: ${problem}\n`);
    expect((await runCli(["verify"], dir)).stderr).toBe(`error: ${problem}; expected it to name a run folder (or name a run)\n`);
    expect(await runCli(["runs", "publish", c], dir)).toEqual({ code: 0, stdout: "", stderr: `runs/LATEST named run ${file} and now names run ${c}\n` });
  });

  it("a file named by a future run id does not move the next run's id after it (compute makes ids later than run folders only)", async () => {
    const dir = await makeTwoYearProject("runs-future-file");
    const first = await compute(dir);
    // As the tester did: a file named by an id in 2099 beside the run.
    await editByHand(join(dir, "runs/20990101T000000.000Z-deadbeef"), "x\n");
    await editByHand(join(dir, "data/2019.csv"), YEAR_2019);
    const second = await compute(dir);
    // The new id is from the clock (this year), later than the first run's, not 2099-01-01T00:00:00.001Z.
    expect(second > first).toBe(true);
    expect(second.slice(0, 4)).toBe(String(new Date().getUTCFullYear()));
    expect((await runCli(["verify", "-q"], dir)).code).toBe(0);
  });

  it("a folder named by a future run id that is no run of this tool (made by hand, or a run copied under that id) does not move the next run's id, and is left as it is", async () => {
    const dir = await makeTwoYearProject("runs-future-folder");
    const first = await compute(dir);
    // As the tester did: a folder made by hand under an id in 2031, and the first run copied under an id in 2032 (its
    // manifest records the id it was written under, first, not the folder's name).
    const byHand = "20310101T000000.000Z-deadbeef";
    const copied = `20320101T000000.000Z-${first.slice(-8)}`;
    await mkdir(join(dir, "runs", byHand));
    await editByHand(join(dir, "runs", byHand, "notes.txt"), "mine\n");
    await cp(join(dir, "runs", first), join(dir, "runs", copied), { recursive: true });
    const copiedFiles = await listDir(join(dir, "runs", copied));
    await editByHand(join(dir, "data/2019.csv"), YEAR_2019);
    const before = Date.now();
    const run = await runCli(["compute"], dir);
    const after = Date.now();
    expect(run.code, run.stderr).toBe(0);
    const second = await latest(dir);
    // The new id is the clock's time (taken between `before` and `after`), not 2032-01-01T00:00:00.001Z.
    expect(runIdMilliseconds(second)).toBeGreaterThanOrEqual(before);
    expect(runIdMilliseconds(second)).toBeLessThanOrEqual(after);
    expect(second > first).toBe(true);
    // Both folders are left as they were, and said to be newer than LATEST, as a file named by such an id is.
    expect(await listDir(join(dir, "runs", byHand))).toEqual(["notes.txt"]);
    expect(await readFile(join(dir, "runs", byHand, "notes.txt"), "utf8")).toBe("mine\n");
    expect(await listDir(join(dir, "runs", copied))).toEqual(copiedFiles);
    // Neither is said to be an unpublished run: the folder made by hand has no manifest, the copy's records the first run.
    expect(run.stderr).not.toContain(outputMessages.unpublishedRun(`runs/${byHand}`, first));
    expect(run.stderr).not.toContain(outputMessages.unpublishedRun(`runs/${copied}`, first));
    const noRun = (folder: string) => `warning: runs/${folder} is named like a run later than the run LATEST names (${first}), but is not a run of this tool: `;
    expect(run.stderr).toContain(`${noRun(byHand)}its manifest.json is missing; left untouched (not removed, not published); `);
    expect(run.stderr).toContain(`${noRun(copied)}its manifest.json records it as run "${first}", so it was written under another name (a run copied or renamed); left untouched (not removed, not published); `);
    expect((await runCli(["verify", "-q"], dir)).code).toBe(0);
  });

  it("publishes a run killed between its rename and its marker's removal: the marker naming it goes first, as compute removes it", async () => {
    const { dir, b, c } = await threeRuns();
    // LATEST back on B, and C holding the marker that names it (the run stopped after renaming its staging folder).
    await editByHand(join(dir, "runs/LATEST"), `${b}\n`);
    await editByHand(join(dir, "runs", c, ".innovation-index-staging"), `${c}\n`);
    const published = await runCli(["runs", "publish", c], dir);
    expect(published).toEqual({
      code: 0,
      stdout: "",
      stderr: `${outputMessages.stagingRemoved(`runs/${c}/.innovation-index-staging`)}\n${runMessages.published("runs/LATEST", b, c)}\n`,
    });
    expect(await latest(dir)).toBe(c);
    expect(await listDir(join(dir, "runs", c))).not.toContain(".innovation-index-staging");
    // A marker naming another run is not this run's: it stays, and verify refuses the file it does not list.
    await editByHand(join(dir, "runs/LATEST"), `${b}\n`);
    await editByHand(join(dir, "runs", c, ".innovation-index-staging"), `${b}\n`);
    expect((await runCli(["runs", "publish", c], dir)).code).toBe(1);
    expect(await latest(dir)).toBe(b);
    expect(await listDir(join(dir, "runs", c))).toContain(".innovation-index-staging");
  });

  it("refuses a run folder renamed under a later id with the same fingerprint digits: its manifest records the id it was written under", async () => {
    const { dir, a, c } = await threeRuns();
    expect((await manifestOf(dir, a)).run).toBe(a);
    // A's folder under an id of 2099 that keeps A's 8 hex digits, so that id and fingerprint still agree.
    const later = `20991231T235959.999Z-${a.slice(-8)}`;
    await rename(join(dir, "runs", a), join(dir, "runs", later));
    const refused = await runCli(["runs", "publish", later], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${outputMessages.verifyRunId(JSON.stringify(a), later)}\n`);
    expect(await latest(dir)).toBe(c);
    expect((await runCli(["verify", later], dir)).code).toBe(1);
  });

  it("refuses, exit 3, when LATEST cannot be replaced (a folder in its place), and leaves it and runs/ as they were", async () => {
    const { dir, a } = await threeRuns();
    await rename(join(dir, "runs/LATEST"), join(dir, "runs/LATEST.kept"));
    await mkdir(join(dir, "runs/LATEST"));
    const before = await listDir(join(dir, "runs"));
    const refused = await runCli(["runs", "publish", a], dir);
    // The rename over a folder fails with EISDIR: an output error (exit 3) naming it, not an internal error (exit 4).
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe(`error: ${runMessages.publishNotMoved("runs/LATEST", a, "EISDIR")}\n`);
    expect(await listDir(join(dir, "runs"))).toEqual(before);
  });

  it("reads only where the runs are from index.yaml: a wrong methods key stops compute, not the list, publish or rollback; bad YAML or runs: still do", async () => {
    const { dir, b, c } = await threeRuns();
    const sound = await readFile(join(dir, "index.yaml"), "utf8");
    const listed = await runCli(["runs"], dir);
    expect(listed.code).toBe(0);
    // The tester's typo (a quoted number) under methods:, line 6 of the fixture's file, and an unknown key in outputs:.
    await editByHand(join(dir, "index.yaml"), `${sound}  screen: "0.5"\noutputs:\n  decimal: 3\n`);
    const computed = await runCli(["compute", "-q"], dir);
    expect(computed.code).toBe(1);
    expect(computed.stderr).toContain(`index.yaml:6: ${projectMessages.badKey("methods.screen", "0.5", runMessages.expectedType("number"))}\n`);
    // The list as with the sound file; rollback goes from C to B (the previous C records) and publish back to C.
    expect(await runCli(["runs"], dir)).toEqual(listed);
    expect(await runCli(["runs", "rollback"], dir)).toEqual({ code: 0, stdout: "", stderr: back(c, b) });
    expect(await latest(dir)).toBe(b);
    expect(await runCli(["runs", "publish", c], dir)).toEqual({ code: 0, stdout: "", stderr: `${runMessages.published("runs/LATEST", b, c)}\n` });
    expect(await latest(dir)).toBe(c);
    // What says where the runs are is read still: a file that is not YAML (a flow list on line 6 left open: placed at
    // its bracket, line 6), a runs: that is not a text (line 4) and one outside the project's
    // folder are refused, exit 1, LATEST unchanged.
    const refusals: [string, string, number][] = [
      [`${sound}  screen: [0.5\n`, "E_PROJECT_YAML", 6],
      [sound.replace("values: data\n", "values: data\nruns: 5\n"), "E_PROJECT", 4],
      [sound.replace("values: data\n", "values: data\nruns: ../elsewhere\n"), "E_PATH_OUTSIDE", 4],
    ];
    for (const [text, code, line] of refusals) {
      await editByHand(join(dir, "index.yaml"), text);
      for (const args of [["runs"], ["runs", "publish", b], ["runs", "rollback"]]) {
        const refused = await runCli([...args, "--log-format", "json"], dir);
        expect(refused.code, `${code} ${args.join(" ")}`).toBe(1);
        expect(JSON.parse(refused.stderr.split("\n")[0]), `${code} ${args.join(" ")}`).toMatchObject({ level: "error", code, source: "index.yaml", line });
        expect(await latest(dir)).toBe(c);
      }
    }
    expect(await listDir(dir)).not.toContain("elsewhere");
    // allow-outside is read too: true (or --allow-outside-project) makes ../elsewhere the runs folder, named by its
    // absolute path as every path outside the current folder (it has no run); "yes" (line 5) is refused.
    const outside = sound.replace("values: data\n", "values: data\nruns: ../elsewhere\n");
    const noRuns = { code: 0, stdout: `${join(dir, "../elsewhere")}: no run yet (innovation-index compute makes the first)\n`, stderr: "" };
    await editByHand(join(dir, "index.yaml"), outside.replace("runs: ../elsewhere\n", "runs: ../elsewhere\nallow-outside: true\n"));
    expect(await runCli(["runs"], dir)).toEqual(noRuns);
    await editByHand(join(dir, "index.yaml"), outside);
    expect(await runCli(["runs", "--allow-outside-project"], dir)).toEqual(noRuns);
    await editByHand(join(dir, "index.yaml"), outside.replace("runs: ../elsewhere\n", "runs: ../elsewhere\nallow-outside: yes\n"));
    const refused = await runCli(["runs", "--log-format", "json"], dir);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr.split("\n")[0])).toMatchObject({ level: "error", code: "E_PROJECT", source: "index.yaml", line: 5, column: "allow-outside" });
  });

  it("publish and rollback refuse a runs: that is the values folder (left by an older version) before touching it; a subfolder works", async () => {
    const { dir, a, b, c } = await threeRuns();
    // The runs moved into data/, as a version that took runs: data left them; runs: is on line 4 of index.yaml.
    for (const name of await listDir(join(dir, "runs"))) await rename(join(dir, "runs", name), join(dir, "data", name));
    const sound = await readFile(join(dir, "index.yaml"), "utf8");
    await editByHand(join(dir, "index.yaml"), sound.replace("values: data\n", "values: data\nruns: data\n"));
    const before = await listDir(join(dir, "data"));
    const latestBefore = await readFile(join(dir, "data/LATEST"));
    for (const args of [["runs", "publish", a], ["runs", "rollback"]]) {
      const refused = await runCli(args, dir);
      // An output error (exit 3), as compute's, with nothing written, renamed or removed in data/ (no lock either).
      // In publish's and rollback's own words (not compute's "this run reads").
      const message = outputMessages.runsToPublishIsValuesFolder(args[1] as "publish" | "rollback", "index.yaml:4", "data");
      expect(refused, args.join(" ")).toEqual({ code: 3, stdout: "", stderr: `error: ${message}\n` });
      expect(await listDir(join(dir, "data"))).toEqual(before);
      expect(await readFile(join(dir, "data/LATEST"))).toEqual(latestBefore);
    }
    // The same folder given as --runs data (runs: of index.yaml is then not read; it is taken out here): refused the
    // same, naming --runs and where index.yaml sets values: (line 3); so is --runs with --project from another folder,
    // naming both by their absolute paths (outside the current folder).
    await editByHand(join(dir, "index.yaml"), sound);
    const elsewhere = await makeTempDir();
    const flagged: [string[], string, string][] = [
      [["runs", "publish", a, "--runs", "data"], dir, outputMessages.runsIsValuesFolder("--runs", "data", "index.yaml:3")],
      [["runs", "rollback", "--runs", "data"], dir, outputMessages.runsIsValuesFolder("--runs", "data", "index.yaml:3")],
      [["runs", "rollback", "--runs", join(dir, "data"), "--project", dir], elsewhere, outputMessages.runsIsValuesFolder("--runs", join(dir, "data"), `${join(dir, "index.yaml")}:3`)],
    ];
    expect(flagged[0][2]).toBe(
      '--runs "data" is the values folder the project\'s runs read (values: at index.yaml:3), whose files are all read as values: the LATEST written there would be read as values next time; expected another --runs folder, such as runs, or a subfolder of the values folder (subfolders are not read)',
    );
    for (const [args, cwd, message] of flagged) {
      expect(await runCli(args, cwd), args.join(" ")).toEqual({ code: 3, stdout: "", stderr: `error: ${message}\n` });
      expect(await listDir(join(dir, "data"))).toEqual(before);
      expect(await readFile(join(dir, "data/LATEST"))).toEqual(latestBefore);
    }
    // With no index.yaml, there is no values folder to check: publishing C, which LATEST names already, is not refused.
    await rename(join(dir, "index.yaml"), join(dir, "index.yaml.away"));
    const unchecked = await runCli(["runs", "publish", c, "--runs", "data"], dir);
    expect(unchecked).toEqual({ code: 0, stdout: "", stderr: `${runMessages.alreadyPublished("data/LATEST", c)}\n` });
    // Nor with an index.yaml that cannot be read: --runs is the way past it (a rollback must not wait on a broken file).
    await editByHand(join(dir, "index.yaml"), "values: [data\n");
    expect(await runCli(["runs", "publish", c, "--runs", "data"], dir)).toEqual(unchecked);
    await rm(join(dir, "index.yaml"));
    await rename(join(dir, "index.yaml.away"), join(dir, "index.yaml"));
    expect(await readFile(join(dir, "data/LATEST"))).toEqual(latestBefore);
    await editByHand(join(dir, "index.yaml"), sound.replace("values: data\n", "values: data\nruns: data\n"));
    // The list only reads: it still lists them (C published).
    const listed = await runCli(["runs"], dir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${c}  LATEST`);
    // The same runs in data/runs (a subfolder, not read as values): rollback goes from C to B.
    await mkdir(join(dir, "data/runs"));
    for (const name of before.filter((name) => name === "LATEST" || name === a || name === b || name === c)) await rename(join(dir, "data", name), join(dir, "data/runs", name));
    await editByHand(join(dir, "index.yaml"), sound.replace("values: data\n", "values: data\nruns: data/runs\n"));
    expect(await runCli(["runs", "rollback"], dir)).toEqual({ code: 0, stdout: "", stderr: back(c, b).replaceAll("runs/LATEST", "data/runs/LATEST") });
    expect((await readFile(join(dir, "data/runs/LATEST"), "utf8")).trim()).toBe(b);
  });

  it("names the project it needs, and the run publish needs", async () => {
    const elsewhere = await makeTempDir();
    expect(await runCli(["runs"], elsewhere)).toEqual({ code: 2, stdout: "", stderr: `error: ${runMessages.runsNoProject()}\n(run with --help for usage)\n` });
    const dir = await makeTwoYearProject("usage");
    expect((await runCli(["runs", "publish"], dir)).stderr).toBe(`error: ${runMessages.publishWhich()}\n(run with --help for usage)\n`);
    expect((await runCli(["runs", "rollback", "x"], dir)).stderr).toBe(`error: ${runMessages.runNotExpected("rollback", "x")}\n(run with --help for usage)\n`);
    const wrong = await runCli(["runs", "publsh"], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`error: unknown action "publsh" of runs; expected one of: list, publish, rollback; did you mean "publish"?\n(run with --help for usage)\n`);
  });
});
