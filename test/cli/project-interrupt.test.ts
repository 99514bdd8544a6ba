/**
 * Ctrl-C, SIGTERM or SIGHUP while `compute` writes (the single-thread writer, whose synchronous writes block the event
 * loop) is honoured before anything is committed: a project run's staging folder goes and nothing is published; an
 * `--out` folder keeps its outputs as they were. One that arrives after the commit point is handled once the commit is
 * complete (the run published, or every output replaced), and the command still ends by it. A run stopped while it
 * created its staging folder leaves nothing that stays for good. The moments are reached with the crash-point hook
 * (src/io/crash-point.ts): the signal is sent there by the process itself, as one from outside would arrive then.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { STAGING_MARKER, STAGING_MARKER_TEMPORARY } from "../../src/io/runs/runs.js";
import { WRITTEN_FILES } from "../../src/io/write/written-files.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";
import { makeTwoYearProject, YEAR_2019 } from "./project-fixture.js";

const BIN = fileURLToPath(new URL("../../bin/innovation-index.js", import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL("../../dist/bundle/main.js", import.meta.url)));
const RUN_ID = /^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}$/;

const makeProject = () => makeTwoYearProject("interrupted");

/** `compute` with `args` in `dir`, the crash-point hook at `at`: how it ended, and its stderr. */
function computeWithHook(dir: string, at: string, args: string[] = ["-q"]): Promise<{ code: number; signal: string | null; stderr: string }> {
  return new Promise((done) =>
    execFile(process.execPath, [BIN, "compute", ...args], { cwd: dir, env: { ...process.env, INNOVATION_INDEX_CRASH_AT: at } }, (error, _stdout, stderr) =>
      done({ code: (error as { code?: number } | null)?.code ?? 0, signal: (error as { signal?: string } | null)?.signal ?? null, stderr }),
    ),
  );
}

/** Every file of `folder` (not in sub-folders), name -> bytes. */
async function filesOf(folder: string): Promise<Record<string, Buffer>> {
  const names = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(folder, name))] as const)));
}

const latest = async (dir: string) => (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();

describe.skipIf(!BUILT || process.platform !== "linux")("a run whose lock is no longer its own when it would publish", () => {
  /** `compute` stopped (SIGSTOP) at crash point `at`; `meanwhile` runs while it is stopped; then it goes on. */
  async function stoppedAt(dir: string, at: string, meanwhile: () => Promise<void>): Promise<{ code: number; stderr: string }> {
    const child = execFile(process.execPath, [BIN, "compute", "-q"], { cwd: dir, env: { ...process.env, INNOVATION_INDEX_CRASH_AT: `${at}:SIGSTOP` } });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise<number>((done) => child.on("exit", (code) => done(code ?? -1)));
    // Stopped: its state in /proc is T.
    for (let i = 0; i < 600 && !/^\d+ \(.*\) T/.test(await readFile(`/proc/${child.pid}/stat`, "utf8").catch(() => "")); i++) await new Promise((done) => setTimeout(done, 50));
    await meanwhile();
    child.kill("SIGCONT");
    return { code: await ended, stderr };
  }

  it("publishes nothing, its files removed, or its run kept unpublished, and leaves the other run's lock (before: it published over the other run)", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    // Another run's lock in its place, as a run that took it over (or a person removing it, then another run) leaves it.
    const other = JSON.stringify({ pid: 1, host: "elsewhere", startedAt: new Date().toISOString(), heartbeatMs: 30000 }) + "\n";
    const staged = await stoppedAt(dir, "staged", () => writeFile(join(dir, "runs/.lock"), other));
    expect(staged.code, staged.stderr).toBe(3);
    expect(staged.stderr).toContain(" is no longer this run's ");
    expect(staged.stderr).toContain("so this run is not published, and its files are removed;");
    expect(await listDir(join(dir, "runs"))).toEqual([".lock", id, "LATEST"]);
    expect(await readFile(join(dir, "runs/.lock"), "utf8")).toBe(other);
    expect(await latest(dir)).toBe(id);
    // Renamed into place, LATEST not yet moved: the run is kept, unpublished.
    await rm(join(dir, "runs/.lock"));
    const finished = await stoppedAt(dir, "finished", () => writeFile(join(dir, "runs/.lock"), other));
    expect(finished.code, finished.stderr).toBe(3);
    expect(finished.stderr).toMatch(/is kept, unpublished \(innovation-index runs publish names it/);
    expect(await latest(dir)).toBe(id);
    expect((await listDir(join(dir, "runs"))).filter((name) => RUN_ID.test(name))).toHaveLength(2);
  });
});

describe.skipIf(!BUILT)("a run stopped while it removes a staging folder left behind", () => {
  it("leaves the folder's marker, so the next run still removes the rest (before: the marker went first, the folder was kept for good)", async () => {
    const dir = await makeProject();
    // A run killed once its files are written leaves its staging folder; the next run, killed after removing the
    // first of that folder's files, must leave the marker that proves the rest is the tool's.
    expect((await computeWithHook(dir, "staged")).signal).toBe("SIGKILL");
    const [staging] = (await readdir(join(dir, "runs"))).filter((name) => name.startsWith(".staging-"));
    expect(staging).toBeDefined();
    expect((await computeWithHook(dir, "unstaging")).signal).toBe("SIGKILL");
    const left = await readdir(join(dir, "runs", staging));
    expect(left).toContain(STAGING_MARKER);
    // The next run removes it without a W_STAGING_KEPT, and publishes.
    const next = await runCli(["compute"], dir);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toContain("W_STAGING_KEPT");
    expect(next.stderr).not.toContain("not provably");
    expect((await readdir(join(dir, "runs"))).filter((name) => name.startsWith(".staging-"))).toEqual([]);
  });
});

describe.skipIf(!BUILT)("a project run interrupted while it writes its files", () => {
  it("on SIGINT, SIGTERM or SIGHUP removes its staging folder and its lock, publishes nothing and ends by the signal", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    const run = await filesOf(join(dir, "runs", id));
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
      // The signal arrives once the first file is written, the others still to come.
      const ended = await computeWithHook(dir, `writing:${signal}`);
      expect(ended.signal, ended.stderr).toBe(signal);
      // No new run folder (complete or not), no staging folder, no lock: the runs folder as it was.
      expect(await listDir(join(dir, "runs"))).toEqual([id, "LATEST"]);
      expect(await latest(dir)).toBe(id);
      expect(await filesOf(join(dir, "runs", id))).toEqual(run);
    }
    // Nothing for the next run to clean up or warn about.
    const next = await runCli(["compute"], dir);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toMatch(/warning|removed runs/);
  });

  it("a signal after the commit point (its folder renamed into place) is handled once LATEST has moved: the run is published, complete, and the command ends by it", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    const ended = await computeWithHook(dir, "publishing:SIGINT");
    // Not exit 0: the scheduler or the shell learns that the command was stopped.
    expect(ended.signal, ended.stderr).toBe("SIGINT");
    const published = await latest(dir);
    expect(published).not.toBe(id);
    expect(RUN_ID.test(published)).toBe(true);
    // Never a complete run left unpublished: the new run is the one LATEST names, with no marker, no lock left.
    expect(await listDir(join(dir, "runs"))).toEqual([id, published, "LATEST"]);
    expect(await listDir(join(dir, "runs", published))).not.toContain(STAGING_MARKER);
    const verified = await runCli(["verify"], dir);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});

describe.skipIf(!BUILT)("a project run stopped while it creates its staging folder", () => {
  it("killed after the mkdir or before the marker's rename: the next run removes the folder and says so, with no warning", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    for (const [point, left] of [
      ["staging", []],
      ["marking", [STAGING_MARKER_TEMPORARY]],
    ] as const) {
      const killed = await computeWithHook(dir, point, ["--force", "-q"]);
      expect(killed.signal).toBe("SIGKILL");
      const staging = (await listDir(join(dir, "runs"))).filter((name) => name.startsWith(".staging-"));
      expect(staging).toHaveLength(1);
      // Empty, or holding the whole marker under its temporary name: never a marker cut short under its own name.
      expect(await listDir(join(dir, "runs", staging[0]))).toEqual(left);
      if (point === "marking") expect(await readFile(join(dir, "runs", staging[0], STAGING_MARKER_TEMPORARY), "utf8")).toBe(`${staging[0].slice(".staging-".length)}\n`);
      const next = await runCli(["compute", "--force"], dir);
      expect(next.code).toBe(0);
      // Said once, and never kept with a warning (W_STAGING_KEPT).
      expect(next.stderr.split("\n").filter((line) => line.includes(".staging-"))).toEqual([outputMessages.stagingRemoved(`runs/${staging[0]}`)]);
      expect((await listDir(join(dir, "runs"))).filter((name) => !RUN_ID.test(name))).toEqual(["LATEST"]);
    }
    expect(await latest(dir)).not.toBe(id);
  });

  it("interrupted (SIGINT, SIGTERM) right after the mkdir: the folder is removed at once, nothing is left for the next run", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const before = await listDir(join(dir, "runs"));
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    for (const signal of ["SIGINT", "SIGTERM"]) {
      const ended = await computeWithHook(dir, `staging:${signal}`);
      expect(ended.signal, ended.stderr).toBe(signal);
      expect(await listDir(join(dir, "runs"))).toEqual(before);
    }
  });
});

describe.skipIf(!BUILT)("compute --out interrupted while it writes", () => {
  it("on SIGTERM, SIGINT or SIGHUP leaves every output and the folder's record as they were, and no temporary file or lock", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["compute", "--out", "out", "--decimals", "4", "-q"], dir)).code).toBe(0);
    const before = await filesOf(join(dir, "out"));
    expect(Object.keys(before)).toContain(WRITTEN_FILES);
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
      const ended = await computeWithHook(dir, `writing:${signal}`, ["--out", "out", "--decimals", "2", "-q"]);
      expect(ended.signal, ended.stderr).toBe(signal);
      // Every file as the earlier run left it, byte for byte, and nothing else (.tmp, .old, the lock, a private folder).
      expect(await filesOf(join(dir, "out"))).toEqual(before);
      expect((await readdir(join(dir, "out"))).sort()).toEqual(Object.keys(before).sort());
    }
  });
});
