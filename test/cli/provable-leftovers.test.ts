/**
 * The tester's four cases, through the command (in process, from the sources): files named like the tool's leftovers
 * in a runs folder, in a marked staging folder, in an --out folder, are removed only when provably the tool's; a
 * damaged lock is said as damaged.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { projectMessages } from "../../src/core/project-messages.js";
import { runMessages } from "../../src/core/run-messages.js";
import { isRunId, STAGING_MARKER } from "../../src/io/runs/runs.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

/** A project with two indicators over 2017-2018, computed once. */
async function computedProject(): Promise<string> {
  const dir = await makeTempDir({
    "index.yaml": "name: leftovers\nindicators: indicators.csv\nvalues: data\nmethods:\n  base-year: 2017\n",
    "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,-\n",
    "data/2017.csv": "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU2,2017,A,5\nU2,2017,B,8\n",
    "data/2018.csv": "unit,year,indicator,value\nU1,2018,A,12\nU1,2018,B,18\nU2,2018,A,6\nU2,2018,B,9\n",
  });
  const first = await runCli(["compute"], dir);
  expect(first.code, first.stderr).toBe(0);
  return dir;
}

const warning = (message: string) => `warning: ${message}\n`;

describe("compute keeps what it cannot prove it left", () => {
  it("files named like the lock's leftovers, holding something else, are kept and reported, never said removed", async () => {
    const dir = await computedProject();
    await writeFile(join(dir, "runs/.lock.4243.tmp"), "my precious notes\n");
    await writeFile(join(dir, "runs/.lock.12346.stale"), "x\n");
    const before = new Date(Date.now() - 120_000);
    for (const name of [".lock.4243.tmp", ".lock.12346.stale"]) await utimes(join(dir, "runs", name), before, before);
    const run = await runCli(["compute", "--force"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(warning(outputMessages.lockTemporaryKept("runs/.lock.4243.tmp", "my precious notes\n", "runs/.lock")));
    expect(run.stderr).toContain(warning(outputMessages.lockTemporaryKept("runs/.lock.12346.stale", "x\n", "runs/.lock")));
    expect(run.stderr).not.toContain("removed runs/.lock");
    expect(await readFile(join(dir, "runs/.lock.4243.tmp"), "utf8")).toBe("my precious notes\n");
    expect(await readFile(join(dir, "runs/.lock.12346.stale"), "utf8")).toBe("x\n");
  });

  it("a marked staging folder loses only the run's files: the user's stay, with the folder, reported", async () => {
    const dir = await computedProject();
    const staging = "runs/.staging-20261206T000003.000Z-abcdef12";
    await mkdir(join(dir, staging, "sub"), { recursive: true });
    await writeFile(join(dir, staging, STAGING_MARKER), "20261206T000003.000Z-abcdef12\n");
    await writeFile(join(dir, staging, "sub/thesis.docx"), "mine\n");
    await writeFile(join(dir, staging, "mydata.csv"), "mine\n");
    await writeFile(join(dir, staging, "index.csv"), "unit,year\n");
    const run = await runCli(["compute", "--force"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(warning(outputMessages.stagingFilesKept(staging, ["mydata.csv", "sub"])));
    expect(run.stderr).not.toContain(outputMessages.stagingRemoved(staging));
    expect(await listDir(join(dir, staging))).toEqual([STAGING_MARKER, "mydata.csv", "sub"]);
    expect(await readFile(join(dir, staging, "sub/thesis.docx"), "utf8")).toBe("mine\n");
  });

  it("compute --out removes the Parquet writer's folders a killed run left, and keeps one holding more, reported", async () => {
    const dir = await computedProject();
    // What kill -9 during compute --out out --parquet left: 0-byte Parquet files in the writer's own folder.
    for (const name of ["index.parquet", "scores.parquet", "growth.parquet"]) {
      await mkdir(join(dir, "out/.innovation-index-writing-Xy12Ab"), { recursive: true });
      await writeFile(join(dir, "out/.innovation-index-writing-Xy12Ab", name), "");
    }
    await mkdir(join(dir, "out/.innovation-index-writing-a1B2c3"));
    await writeFile(join(dir, "out/.innovation-index-writing-a1B2c3/notes.txt"), "mine\n");
    const run = await runCli(["compute", "--indicators", "indicators.csv", "--data", "data", "--out", "out"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, "out/.innovation-index-writing-Xy12Ab"))).toBe(false);
    expect(run.stderr).toContain(warning(outputMessages.writingFolderKept("out/.innovation-index-writing-a1B2c3", ["notes.txt"])));
    expect(await readFile(join(dir, "out/.innovation-index-writing-a1B2c3/notes.txt"), "utf8")).toBe("mine\n");
  });

  it("every other command writing an --out folder says what it kept there too (weights, a file; audit, a folder)", async () => {
    const dir = await computedProject();
    const before = new Date(Date.now() - 120_000);
    // The lock of an --out folder is .innovation-index.lock; a file named like its temporary file, holding notes.
    for (const folder of ["weights-out", "audit-out"]) {
      await mkdir(join(dir, folder));
      await writeFile(join(dir, folder, ".innovation-index.lock.4243.tmp"), "my precious notes\n");
      await utimes(join(dir, folder, ".innovation-index.lock.4243.tmp"), before, before);
    }
    const weights = await runCli(["weights", "-i", "indicators.csv", "-d", "data", "--out", "weights-out/weights.csv"], dir);
    expect(weights.code, weights.stderr).toBe(0);
    expect(weights.stderr).toContain(
      warning(outputMessages.lockTemporaryKept("weights-out/.innovation-index.lock.4243.tmp", "my precious notes\n", "weights-out/.innovation-index.lock")),
    );
    const audit = await runCli(["audit", "-i", "indicators.csv", "-d", "data", "--out", "audit-out"], dir);
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stderr).toContain(
      warning(outputMessages.lockTemporaryKept("audit-out/.innovation-index.lock.4243.tmp", "my precious notes\n", "audit-out/.innovation-index.lock")),
    );
    for (const folder of ["weights-out", "audit-out"])
      expect(await readFile(join(dir, folder, ".innovation-index.lock.4243.tmp"), "utf8")).toBe("my precious notes\n");
  });

  it('a lock of {"pid":1} is said as damaged, not "pid 1 on undefined, since undefined"', async () => {
    const dir = await computedProject();
    await writeFile(join(dir, "runs/.lock"), '{"pid":1}\n');
    const run = await runCli(["compute", "--force"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(projectMessages.locked("runs/.lock", "a lock file being written, or damaged"));
    expect(run.stderr).not.toContain("undefined");
  });
});

/** `text` as a regular expression matching it literally. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A pid that no process has now: that of a child that ran and ended. */
const deadPid = (): number => spawnSync(process.execPath, ["-e", "0"]).pid!;
/** A lock of `pid` as takeLock writes one (one line of JSON, its pid first). */
const lockOf = (pid: number) => JSON.stringify({ pid, host: hostname(), startedAt: "2026-03-01T02:00:00.000Z", heartbeatMs: 30_000 }) + "\n";

describe("what killed commands left in a runs folder: said when removed, said when kept", () => {
  it("compute removes a .stale cut short, and the user's exact lock of a dead pid, each said; keeps one of a running process, said", async () => {
    const dir = await computedProject();
    const dead = deadPid();
    await writeFile(join(dir, "runs", `.lock.${dead}.stale`), '{"pid":4242,"ho');
    await writeFile(join(dir, "runs", `.lock.${dead}.tmp`), lockOf(dead));
    await writeFile(join(dir, "runs", `.lock.${process.ppid}.stale`), lockOf(4242));
    const run = await runCli(["compute", "--force"], dir);
    expect(run.code, run.stderr).toBe(0);
    for (const name of [`.lock.${dead}.stale`, `.lock.${dead}.tmp`]) {
      expect(run.stderr).toContain(outputMessages.stagingRemoved(`runs/${name}`) + "\n");
      expect(existsSync(join(dir, "runs", name))).toBe(false);
    }
    const live = `runs/.lock.${process.ppid}.stale`;
    expect(run.stderr).toContain(warning(outputMessages.lockStaleRunning(live, process.ppid, "runs/.lock")));
    expect(await readFile(join(dir, live), "utf8")).toBe(lockOf(4242));
    // Quiet: removed all the same, and not said.
    await writeFile(join(dir, "runs", `.lock.${dead}.stale`), '{"pid":4');
    const quiet = await runCli(["compute", "--force", "-q"], dir);
    expect(quiet.stderr).not.toContain("removed");
    expect(existsSync(join(dir, "runs", `.lock.${dead}.stale`))).toBe(false);
  });

  it("a report killed while writing into the latest run: verify passes, said; compute --if-changed removes it, said; a look-alike is kept, said", async () => {
    const dir = await computedProject();
    const id = (await readdir(join(dir, "runs"))).filter(isRunId)[0];
    const dead = deadPid();
    // What report writes first (the page's head), cut short; and a file of the user's under such a name.
    const leftover = `.report.html.${dead}.tmp`;
    const mine = `.reports.json.${dead}.tmp`;
    await writeFile(join(dir, "runs", id, leftover), '<!DOCTYPE html>\n<html lang="en">\n<he');
    await writeFile(join(dir, "runs", id, mine), "my precious notes\n");
    // No difference on stdout; the two warnings, then the summary, on stderr.
    const verified = await runCli(["verify"], dir);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toBe("");
    expect(verified.stderr).toMatch(
      new RegExp(
        `^${escape(
          warning(outputMessages.verifyWriteLeftover(`runs/${id}/${leftover}`, "report.html", "tmp", dead, true)) +
            warning(outputMessages.verifyWriteLeftover(`runs/${id}/${mine}`, "reports.json", "tmp", dead, false)),
        )}runs/${id}: all \\d+ files match manifest.json\n$`,
      ),
    );
    const unchanged = await runCli(["compute", "--if-changed"], dir);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(unchanged.stderr).toContain(outputMessages.reportLeftover(runMessages.reportFileRemoved(`runs/${id}/${leftover}`)) + "\n");
    expect(unchanged.stderr).toContain(
      warning(outputMessages.reportTemporaryKept(`runs/${id}/${mine}`, "reports.json", "tmp", "my precious notes\n", '{\n  "files": [')),
    );
    expect(existsSync(join(dir, "runs", id, leftover))).toBe(false);
    expect(await readFile(join(dir, "runs", id, mine), "utf8")).toBe("my precious notes\n");
    // What is left is said by verify, which still passes.
    const again = await runCli(["verify"], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(warning(outputMessages.verifyWriteLeftover(`runs/${id}/${mine}`, "reports.json", "tmp", dead, false)));
    expect(again.stderr).not.toContain(leftover);
  });

  it("runs rollback to a run a killed report left a file in: published, and the leftover said as verify says it", async () => {
    const dir = await computedProject();
    const first = (await readdir(join(dir, "runs"))).filter(isRunId)[0];
    expect((await runCli(["compute", "--force"], dir)).code).toBe(0);
    const dead = deadPid();
    const leftover = `.report.html.${dead}.tmp`;
    await writeFile(join(dir, "runs", first, leftover), '<!DOCTYPE html>\n<html lang="en">\n<he');
    const run = await runCli(["runs", "rollback"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(warning(outputMessages.verifyWriteLeftover(`runs/${first}/${leftover}`, "report.html", "tmp", dead, true)));
    expect((await readFile(join(dir, "runs/LATEST"), "utf8")).trim()).toBe(first);
  });
});

describe("init into a folder a killed command left lock files in", () => {
  it("removes a whole lock of an ended process, said; keeps a user's file of that name, warned once", async () => {
    const dir = await makeTempDir();
    const dead = deadPid();
    const leftover = `.innovation-index.lock.${dead}.stale`;
    await mkdir(join(dir, "one"));
    await writeFile(join(dir, "one", leftover), lockOf(dead));
    const first = await runCli(["init", "one"], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(outputMessages.stagingRemoved(`one/${leftover}`) + "\n");
    expect(existsSync(join(dir, "one", leftover))).toBe(false);
    // Before: removed without a word, and a user's file kept without one.
    await mkdir(join(dir, "two"));
    await writeFile(join(dir, "two", leftover), "user text\n");
    const second = await runCli(["init", "two"], dir);
    expect(second.code, second.stderr).toBe(0);
    const kept = warning(outputMessages.lockTemporaryKept(`two/${leftover}`, "user text\n", "two/.innovation-index.lock"));
    expect(second.stderr.split(kept).length - 1).toBe(1);
    expect(await readFile(join(dir, "two", leftover), "utf8")).toBe("user text\n");
  });
});
