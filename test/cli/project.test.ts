/**
 * Three yearly runs of a project, as a team would do them: data up to 2019, then 2020 added, then a 2018 value revised;
 * and runs that fail or are killed on the way.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";
import { projectMessages } from "../../src/core/project-messages.js";

const BIN = fileURLToPath(new URL("../../bin/innovation-index.js", import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL("../../dist/bundle/main.js", import.meta.url)));
const RUN_ID = /^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}$/;

const TREE = `code,parent,name,name_en,weight,direction
X,,维度X,Dimension X,0.6,
X1,X,指标1,Indicator 1,,+
X2,X,指标2,Indicator 2,,-
Y,,维度Y,Dimension Y,0.4,
Y1,Y,指标3,Indicator 3,,+
`;

/** One year of values: [U1 X1, X2, Y1], [U2 X1, X2, Y1] (2017-2019: the small fixture of test/fixtures/small). */
function yearFile(year: number, u1: number[], u2: number[]): string {
  const codes = ["X1", "X2", "Y1"];
  const lines = ["unit,year,indicator,value"];
  codes.forEach((code, i) => lines.push(`U1,${year},${code},${u1[i]}`));
  codes.forEach((code, i) => lines.push(`U2,${year},${code},${u2[i]}`));
  return lines.join("\n") + "\n";
}

const YEARS: Record<number, string> = {
  2017: yearFile(2017, [10, 50, 200], [4, 8, 30]),
  2018: yearFile(2018, [12, 40, 210], [5, 8, 33]),
  2019: yearFile(2019, [15, 25, 190], [6, 10, 36]),
  2020: yearFile(2020, [18, 20, 220], [8, 10, 39]),
};

const PROJECT = `name: test index
indicators: indicators.csv
values: data
methods:
  base-year: 2017
`;

async function makeProject(): Promise<string> {
  return makeTempDir({
    "index.yaml": PROJECT,
    "indicators.csv": TREE,
    "data/2017.csv": YEARS[2017],
    "data/2018.csv": YEARS[2018],
    "data/2019.csv": YEARS[2019],
    "data/README.md": "not a values file: ignored",
  });
}

/** SHA-256 of a file, computed here independently of the tool. */
async function fileSha256(path: string): Promise<string> {
  return createHash("sha256").update(await readFile(path)).digest("hex");
}

const runIds = async (dir: string) => (await listDir(join(dir, "runs"))).filter((name) => RUN_ID.test(name));
const latest = async (dir: string) => (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
const manifestOf = async (dir: string, id: string) => JSON.parse(await readFile(join(dir, "runs", id, "manifest.json"), "utf8"));
const indexCsv = async (dir: string, id: string) => (await readFile(join(dir, "runs", id, "index.csv"), "utf8")).split("\n");

/** Parses the CSV of `diff --format csv` (no quoted cells in these tests). */
function parseRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split("\n").map((line) => line.split(","));
  return lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

describe("a project computed every year", () => {
  it("publishes run folders, moves LATEST, records hashes, skips unchanged runs and explains revisions", async () => {
    const dir = await makeProject();

    // Year 1: data for 2017-2019.
    const first = await runCli(["compute"], dir);
    expect(first.stderr).toMatch(/first run of this project/);
    expect(first.code).toBe(0);
    const [run1] = await runIds(dir);
    expect(run1).toMatch(RUN_ID);
    expect(await latest(dir)).toBe(run1);
    // The run folder holds what compute --out writes, plus input-values.csv and manifest.json.
    expect((await runCli(["compute", "--out", "plain", "-q"], dir)).code).toBe(0);
    const plainFiles = await listDir(join(dir, "plain"));
    expect(plainFiles).toEqual(expect.arrayContaining(["index-wide.csv", "index.csv", "index.json", "scores.csv"]));
    expect(await listDir(join(dir, "runs", run1))).toEqual([...plainFiles, "input-values.csv", "manifest.json"].sort());
    for (const name of plainFiles) expect(await readFile(join(dir, "runs", run1, name)), name).toEqual(await readFile(join(dir, "plain", name)));
    // Fixed base 2017, X = mean(X1, X2) with X2 negative, INDEX = 0.6·X + 0.4·Y: U1 2019 = 0.6·(150 + 200)/2 + 0.4·95 = 143.
    expect(await indexCsv(dir, run1)).toContain("U1,2019,INDEX,总指数,0,143.0000");

    // The manifest: tool, options by flag name, SHA-256 of every input (recomputed here) and output, coverage.
    const manifest1 = await manifestOf(dir, run1);
    expect(manifest1.tool).toEqual({ name: "innovation-index", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(manifest1.options).toMatchObject({ "base-year": 2017, missing: "error", decimals: 4, strict: false });
    expect(manifest1.inputs).toEqual([
      { role: "project", path: "index.yaml", bytes: Buffer.byteLength(PROJECT), sha256: createHash("sha256").update(PROJECT).digest("hex") },
      { role: "indicators", path: "indicators.csv", bytes: Buffer.byteLength(TREE), sha256: await fileSha256(join(dir, "indicators.csv")) },
      ...[2017, 2018, 2019].map((year) => ({ role: "values", path: `data/${year}.csv`, bytes: Buffer.byteLength(YEARS[year]), sha256: createHash("sha256").update(YEARS[year]).digest("hex") })),
    ]);
    for (const output of manifest1.outputs) expect(output.sha256).toBe(await fileSha256(join(dir, "runs", run1, output.path)));
    expect(manifest1.outputs.map((output: { path: string }) => output.path)).toEqual([...plainFiles, "input-values.csv"].sort());
    expect(manifest1.coverage).toEqual({ units: ["U1", "U2"], years: [2017, 2018, 2019], baseYear: 2017, indicators: 3 });

    // Nothing changed: a plain compute does no work and makes no run folder, nor does --if-changed (the old flag).
    for (const argv of [["compute"], ["compute", "--if-changed"]]) {
      const unchanged = await runCli(argv, dir);
      expect(unchanged.code).toBe(0);
      expect(unchanged.stderr).toBe(`${projectMessages.unchanged(run1)}\n`);
      expect(unchanged.stderr).toBe(`unchanged since run ${run1} (same inputs, options and tool version); nothing to do, no run folder made (--force runs anyway)\n`);
      expect(unchanged.stdout).toBe("");
      expect(await runIds(dir)).toEqual([run1]);
    }
    const both = await runCli(["compute", "--force", "--if-changed"], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(projectMessages.forceAndIfChanged("--force"));

    // Year 2: 2020 added as one more file; nothing else changes.
    await writeFile(join(dir, "data/2020.csv"), YEARS[2020]);
    const second = await runCli(["compute", "--if-changed"], dir);
    expect(second.code).toBe(0);
    const [, run2] = await runIds(dir);
    expect(run2 > run1).toBe(true);
    expect(await latest(dir)).toBe(run2);
    // 2 units x 3 indicators of 2020 added; 2 units x 6 outputs (INDEX, X, X1, X2, Y, Y1) added; earlier values unmoved.
    expect(second.stderr).toContain(
      `revisions against run ${run1}: inputs 0 changed, 6 added, 0 removed; outputs 0 changed, 12 added, 0 removed (details: innovation-index diff)`,
    );
    // U1 2020: X1 = 100·18/10 = 180, X2 = 100·50/20 = 250, X = 215, Y = 100·220/200 = 110, INDEX = 0.6·215 + 0.4·110 = 173.
    // U2 2020: X1 = 200, X2 = 100·8/10 = 80, X = 140, Y = 130, INDEX = 0.6·140 + 0.4·130 = 136.
    const index2 = await indexCsv(dir, run2);
    expect(index2).toContain("U1,2020,INDEX,总指数,0,173.0000");
    expect(index2).toContain("U2,2020,INDEX,总指数,0,136.0000");
    expect((await manifestOf(dir, run2)).coverage.years).toEqual([2017, 2018, 2019, 2020]);

    // Year 3: the 2018 value of X1 for U1 is revised from 12 to 13.
    await writeFile(join(dir, "data/2018.csv"), YEARS[2018].replace("U1,2018,X1,12", "U1,2018,X1,13"));
    const third = await runCli(["compute", "--if-changed"], dir);
    expect(third.code).toBe(0);
    const [, , run3] = await runIds(dir);
    expect(await latest(dir)).toBe(run3);
    // X1 = 100·13/10 = 130 (was 120), X = (130 + 125)/2 = 127.5 (was 122.5), INDEX = 0.6·127.5 + 0.4·105 = 118.5 (was 115.5).
    expect(third.stderr).toContain(
      `revisions against run ${run2}: inputs 1 changed, 0 added, 0 removed; outputs 3 changed, 0 added, 0 removed; largest of the overall index: INDEX U1 2018 115.5000 -> 118.5000 (+3.0000); largest of all outputs: X1 U1 2018 120.0000 -> 130.0000 (+10.0000)`,
    );
    const manifest3 = await manifestOf(dir, run3);
    const revisedInput = manifest3.inputs.find((input: { path: string }) => input.path === "data/2018.csv");
    expect(revisedInput.sha256).toBe(await fileSha256(join(dir, "data/2018.csv")));
    expect(revisedInput.sha256).not.toBe(manifest1.inputs.find((input: { path: string }) => input.path === "data/2018.csv").sha256);

    // diff, default latest against the run before it: every changed value with its size.
    const diff = await runCli(["diff", "--format", "csv"], dir);
    expect(diff.code).toBe(0);
    const rows = parseRows(diff.stdout);
    expect(rows.map((row) => [row.kind, row.status, row.unit, row.year, row.code])).toEqual([
      ["file", "changed", "", "", "data/2018.csv"],
      ["input", "changed", "U1", "2018", "X1"],
      ["output", "changed", "U1", "2018", "INDEX"],
      ["output", "changed", "U1", "2018", "X"],
      ["output", "changed", "U1", "2018", "X1"],
    ]);
    const values = rows.slice(1).map((row) => [row.before, row.after, row.change].map(Number));
    expect(values).toEqual([
      [12, 13, 1],
      [115.5, 118.5, 3],
      [122.5, 127.5, 5],
      [120, 130, 10],
    ]);
    expect(Number(rows[1].change_percent)).toBeCloseTo((100 * 1) / 12, 12);
    expect(Number(rows[2].change_percent)).toBeCloseTo((100 * 3) / 115.5, 12);

    // diff of two named runs (an id, or its unique start): the 2020 year as additions.
    const added = parseRows((await runCli(["diff", run1, run2.slice(0, 20), "--format", "csv"], dir)).stdout);
    expect(added.filter((row) => row.kind === "input").map((row) => `${row.status} ${row.unit} ${row.year} ${row.code} ${row.after}`)).toEqual([
      "added U1 2020 X1 18",
      "added U1 2020 X2 20",
      "added U1 2020 Y1 220",
      "added U2 2020 X1 8",
      "added U2 2020 X2 10",
      "added U2 2020 Y1 39",
    ]);
    expect(added.filter((row) => row.kind === "output" && row.status === "added")).toHaveLength(12);
    expect(added.find((row) => row.kind === "file")).toMatchObject({ status: "added", code: "data/2020.csv" });

    // The table for people.
    const table = await runCli(["diff"], dir);
    expect(table.stdout).toMatch(/^kind\s+status\s+unit\s+year\s+code\s+before\s+after\s+change\s+change_percent\n/);
    expect(table.stdout).toMatch(/\noutput\s+changed\s+U1\s+2018\s+INDEX\s+115\.5000\s+118\.5000\s+\+3\.0000\s+\+2\.60%\n/);
    expect(table.stderr).toBe(`runs/${run2} -> runs/${run3}: inputs 1 changed, 0 added, 0 removed; outputs 3 changed, 0 added, 0 removed; 1 option or file change\n`);

    // --force (or --always) runs anyway: a new run folder with the same outputs, LATEST moved to it, no revisions.
    for (const [k, flag] of ["--force", "--always"].entries()) {
      const forced = await runCli(["compute", flag], dir);
      expect(forced.code, forced.stderr).toBe(0);
      const ids = await runIds(dir);
      expect(ids).toHaveLength(4 + k);
      expect(await latest(dir)).toBe(ids.at(-1));
      expect(await indexCsv(dir, ids.at(-1)!)).toEqual(await indexCsv(dir, ids.at(-2)!));
      expect(forced.stderr).toContain(`revisions against run ${ids.at(-2)}: none (every input and output value is the same)`);
    }
  });

  it("same inputs give byte-identical run folders apart from the manifest's time fields and run id; an option change is a change", async () => {
    const [a, b] = [await makeProject(), await makeProject()];
    expect((await runCli(["compute", "-q"], a)).code).toBe(0);
    expect((await runCli(["compute", "-q"], b)).code).toBe(0);
    const [idA, idB] = [await latest(a), await latest(b)];
    expect(idA.slice(-8)).toBe(idB.slice(-8)); // the fingerprint part of the id
    for (const name of await listDir(join(a, "runs", idA))) {
      const [textA, textB] = [await readFile(join(a, "runs", idA, name), "utf8"), await readFile(join(b, "runs", idB, name), "utf8")];
      // The run id holds the start time too.
      const withoutTimes = (text: string) => text.replace(/"(startedAt|finishedAt|run)": "[^"]*"/g, "");
      expect(withoutTimes(textB)).toBe(withoutTimes(textA));
    }
    // Same data, another option (a flag overriding index.yaml): --if-changed runs, then has nothing more to do.
    expect((await runCli(["compute", "--if-changed", "--decimals", "2", "-q"], a)).code).toBe(0);
    expect(await runIds(a)).toHaveLength(2);
    expect((await manifestOf(a, await latest(a))).options.decimals).toBe(2);
    expect((await runCli(["compute", "--if-changed", "--decimals", "2"], a)).stderr).toMatch(/^unchanged since run/);
    expect(await runIds(a)).toHaveLength(2);
    // An edit of index.yaml that changes nothing for compute (a comment, the name, the uncertainty: block) is no change;
    // one that changes an option is.
    await writeFile(join(a, "index.yaml"), `# yearly run\n${PROJECT.replace("name: test index", "name: renamed")}uncertainty:\n  seed: 9\n`);
    expect((await runCli(["compute", "--if-changed", "--decimals", "2"], a)).stderr).toMatch(/^unchanged since run/);
    await writeFile(join(a, "index.yaml"), PROJECT.replace("base-year: 2017", "base-year: 2018"));
    expect((await runCli(["compute", "--if-changed", "--decimals", "2", "-q"], a)).code).toBe(0);
    expect(await runIds(a)).toHaveLength(3);
    expect((await manifestOf(a, await latest(a))).options["base-year"]).toBe(2018);
  });

  it("a run that fails validation leaves LATEST, the runs and the lock as they were", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const before = await listDir(join(dir, "runs"));
    const id = await latest(dir);
    await writeFile(join(dir, "data/2020.csv"), "unit,year,indicator,value\nU1,2020,X1,abc\nU1,20x0,X2,1\n");
    const failed = await runCli(["compute"], dir);
    expect(failed.code).toBe(1);
    // The two bad cells, and what is missing beside them in the same run: U1 gives no Y1 for 2020 (the bad year's row
    // names X2), and U2 has no 2020 row at all.
    expect(failed.stderr).toMatch(
      /^error: 4 problems found:\ndata\/2020\.csv:2:4: value "abc".* is not a number.*\ndata\/2020\.csv:3:2: year "20x0" is not a year.*\ndata: no value for indicator "Y1", unit "U1", year 2020;.*\ndata: unit "U2", year 2020 has no value/,
    );
    expect(await latest(dir)).toBe(id);
    expect(await listDir(join(dir, "runs"))).toEqual(before);
    expect(before).toEqual([id, "LATEST"]);
  });

  it.skipIf(!BUILT)("a run killed mid-way leaves LATEST intact; the next run removes its staging folder, keeps its complete run folder and publishes", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    await writeFile(join(dir, "data/2020.csv"), YEARS[2020]);
    for (const point of ["staged", "finished"]) {
      const killed = await new Promise<{ signal: string | null }>((done) =>
        execFile(process.execPath, [BIN, "compute", "-q"], { cwd: dir, env: { ...process.env, INNOVATION_INDEX_CRASH_AT: point } }, (error) =>
          done({ signal: (error as { signal?: string } | null)?.signal ?? null }),
        ),
      );
      expect(killed.signal).toBe("SIGKILL");
      expect(await latest(dir)).toBe(id);
      // The killed run left its lock (pid of a dead process, this host) and a staging or an unpublished run folder.
      const lock = JSON.parse(await readFile(join(dir, "runs/.lock"), "utf8"));
      expect(lock.host).toBe(hostname());
      const names = await listDir(join(dir, "runs"));
      expect(names.some((name) => (point === "staged" ? name.startsWith(".staging-") : RUN_ID.test(name) && name > id))).toBe(true);
      // diff still compares published runs only.
      expect((await runCli(["diff", "latest", "latest", "--format", "csv"], dir)).stdout).toBe("kind,status,unit,year,code,before,after,change,change_percent\n");
    }
    // The run killed after its rename left a complete run folder, never published: kept, and reported.
    const killed = (await runIds(dir)).filter((name) => name > id);
    expect(killed).toHaveLength(1);
    expect(await listDir(join(dir, "runs", killed[0]))).toContain("manifest.json");
    const recovered = await runCli(["compute"], dir);
    expect(recovered.code).toBe(0);
    expect(recovered.stderr).toContain(`warning: ${outputMessages.unpublishedRun(`runs/${killed[0]}`, id)}\n`);
    expect(recovered.stderr).toContain(`revisions against run ${id}: inputs 0 changed, 6 added, 0 removed`);
    const names = await listDir(join(dir, "runs"));
    const newId = await latest(dir);
    expect(names).toEqual([id, killed[0], newId, "LATEST"]);
  });

  it.skipIf(!BUILT)("a run interrupted (Ctrl-C, a scheduler's SIGTERM) before it is published removes its staging folder and its lock, and ends by the signal", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    const before = await listDir(join(dir, "runs"));
    await writeFile(join(dir, "data/2020.csv"), YEARS[2020]);
    for (const signal of ["SIGINT", "SIGTERM"]) {
      const interrupted = await new Promise<{ signal: string | null }>((done) =>
        execFile(process.execPath, [BIN, "compute", "-q"], { cwd: dir, env: { ...process.env, INNOVATION_INDEX_CRASH_AT: `staged:${signal}` } }, (error) =>
          done({ signal: (error as { signal?: string } | null)?.signal ?? null }),
        ),
      );
      // Ended by the signal itself (a shell sees 128 + n), after removing what it held: the runs folder is as it was,
      // with no .staging-<id> folder and no .lock (a SIGKILL at the same point leaves both, see above).
      expect(interrupted.signal).toBe(signal);
      expect(await latest(dir)).toBe(id);
      expect(await listDir(join(dir, "runs"))).toEqual(before);
    }
    const next = await runCli(["compute"], dir);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toContain("warning");
  });

  it.skipIf(!BUILT)("runs started at the same moment: each publishes or exits 3, and every published run is complete", async () => {
    const dir = await makeProject();
    const codes = await Promise.all(
      [4, 5, 6, 7].map(
        (decimals) =>
          new Promise<number>((done) =>
            execFile(process.execPath, [BIN, "compute", "-q", "--decimals", String(decimals)], { cwd: dir }, (error) => done((error as { code?: number } | null)?.code ?? 0)),
          ),
      ),
    );
    expect(codes.every((code) => code === 0 || code === 3)).toBe(true);
    const ids = await runIds(dir);
    expect(ids).toHaveLength(codes.filter((code) => code === 0).length);
    expect(ids).toContain(await latest(dir));
    for (const id of ids) expect(await listDir(join(dir, "runs", id))).toContain("manifest.json");
    expect(await listDir(join(dir, "runs"))).toEqual([...ids, "LATEST"]); // no lock, no staging folder left
  });

  it("a live lock stops a second run with exit code 3; a stale one is taken over", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    await writeFile(join(dir, "data/2020.csv"), YEARS[2020]);
    const now = new Date().toISOString();
    await writeFile(join(dir, "runs/.lock"), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: now }));
    const locked = await runCli(["compute"], dir);
    expect(locked.code).toBe(3);
    expect(locked.stderr).toBe(
      `error: runs/.lock: another run holds the lock (pid ${process.pid} on ${hostname()}, since ${now}); expected one run at a time. Wait for it to finish, or delete the lock file if that run is gone\n`,
    );
    expect(await latest(dir)).toBe(id);
    // Another host's lock is never judged stale here.
    await writeFile(join(dir, "runs/.lock"), JSON.stringify({ pid: 1, host: `not-${hostname()}`, startedAt: "2000-01-01T00:00:00.000Z" }));
    expect((await runCli(["compute"], dir)).code).toBe(3);
    // Written before this machine last started (a power cut mid-run): stale, even if its pid now runs something else.
    await writeFile(join(dir, "runs/.lock"), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: "2000-01-01T00:00:00.000Z" }));
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const afterReboot = await latest(dir);
    expect(afterReboot).not.toBe(id);
    await writeFile(join(dir, "data/2021.csv"), YEARS[2020].replaceAll("2020", "2021"));
    // A pid that no longer runs: the lock is stale.
    const deadPid = await new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });
    const since = new Date().toISOString();
    const dead = JSON.stringify({ pid: deadPid, host: hostname(), startedAt: since });
    await writeFile(join(dir, "runs/.lock"), dead);
    const takenOver = await runCli(["compute"], dir);
    expect(takenOver.code).toBe(0);
    // The run says whose lock it took over, and why.
    expect(takenOver.stderr).toContain(`warning: ${projectMessages.lockTakenOver("runs/.lock", `pid ${deadPid} on ${hostname()}, since ${since}`, "gone", 0, 0)}\n`);
    expect(projectMessages.lockTakenOver("runs/.lock", "pid 7 on vm, since 2026-01-01T00:00:00.000Z", "gone", 0, 0)).toBe(
      "runs/.lock: took over the lock of a run that is gone (pid 7 on vm, since 2026-01-01T00:00:00.000Z): its process no longer runs",
    );
    expect(await latest(dir)).not.toBe(afterReboot);
    expect(await listDir(join(dir, "runs"))).not.toContain(".lock");
  });
});

describe("a run folder as another command's --out", () => {
  it("is refused with exit code 3 before anything is written: the run's files stay as published and verify passes", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    const folder = join(dir, "runs", id);
    const before = await listDir(folder);
    const hashes = await Promise.all(before.map((name) => fileSha256(join(folder, name))));
    const refusal = `error: ${outputMessages.outIsRun(`runs/${id}`)}\n`;
    // Other methods into the run (its index.csv, scores.csv, ... would change), a report or an analysis beside its files.
    for (const argv of [
      ["compute", "--normalise", "min-max", "--out", `runs/${id}`],
      ["report", "--out", `runs/${id}`],
      ["uncertainty", "--weight-noise", "0.1", "-n", "10", "--out", `runs/${id}`],
      ["audit", "--out", `runs/${id}`],
      ["weights", "--out", `runs/${id}/weights.csv`],
      ["template", "-i", "indicators.csv", "--years", "2021", "--out", `runs/${id}/2021.csv`],
    ]) {
      const run = await runCli(argv, dir);
      expect(run.code, argv.join(" ")).toBe(3);
      expect(run.stderr, argv.join(" ")).toBe(refusal);
    }
    // A folder inside the run is the run's too (verify lists every file under it).
    const inside = await runCli(["uncertainty", "--weight-noise", "0.1", "-n", "10", "--out", `runs/${id}/analysis`], dir);
    expect(inside.code).toBe(3);
    expect(inside.stderr).toBe(`error: ${outputMessages.outIsRun(`runs/${id}/analysis`, `runs/${id}`)}\n`);
    expect(await listDir(folder)).toEqual(before);
    expect(await Promise.all(before.map((name) => fileSha256(join(folder, name))))).toEqual(hashes);
    expect((await runCli(["verify", `runs/${id}`], dir)).code).toBe(0);
    // The one way to add to a run: report --run, listed in the run's reports.json (verify checks it).
    expect((await runCli(["report", "-q"], dir)).code).toBe(0);
    expect(await listDir(folder)).toEqual([...before, "report.html", "reports.json"].sort());
    expect((await runCli(["verify", `runs/${id}`], dir)).code).toBe(0);
  });

  it("is refused by its name too when its manifest is lost, and so is the runs folder itself", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    const folder = join(dir, "runs", id);
    await rm(join(folder, "manifest.json"));
    const index = await fileSha256(join(folder, "index.csv"));
    // A run id's folder in a runs folder is a run, manifest or not: its published index.csv stays.
    const lost = await runCli(["compute", "--base-year", "2018", "--out", `runs/${id}`], dir);
    expect(lost.code).toBe(3);
    expect(lost.stderr).toBe(`error: ${outputMessages.outIsRun(`runs/${id}`)}\n`);
    expect(await fileSha256(join(folder, "index.csv"))).toBe(index);
    // The runs folder (it holds LATEST) and a folder in it: nothing lands beside LATEST and the runs.
    const runs = await runCli(["compute", "--out", "runs"], dir);
    expect(runs.code).toBe(3);
    expect(runs.stderr).toBe(`error: ${outputMessages.outIsRunsFolder("runs")}\n`);
    const below = await runCli(["audit", "--out", "runs/audit"], dir);
    expect(below.stderr).toBe(`error: ${outputMessages.outIsRunsFolder("runs/audit", "runs")}\n`);
    expect((await listDir(join(dir, "runs"))).filter((name) => !name.startsWith("."))).toEqual([id, "LATEST"].sort());
  });
});

describe("an input as an output", () => {
  it("is refused with exit code 3 before anything is written: an input file as an output, or the values folder as --out", async () => {
    const dir = await makeProject();
    // Values in a file named like an output: compute --out . would replace them with the index table.
    const values = [YEARS[2017], YEARS[2018].split("\n").slice(1).join("\n")].join("");
    await writeFile(join(dir, "index.csv"), values);
    const run = await runCli(["compute", "-i", "indicators.csv", "-d", "index.csv", "--out", "."], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.outIsInput("index.csv")}\n`);
    expect(await readFile(join(dir, "index.csv"), "utf8")).toBe(values);
    // The tree named weights.csv, and weights --out onto it (one file, named by its own path).
    await writeFile(join(dir, "weights.csv"), TREE);
    const weights = await runCli(["weights", "-i", "weights.csv", "-d", "data", "--out", "weights.csv"], dir);
    expect(weights.code).toBe(3);
    expect(weights.stderr).toBe(`error: ${outputMessages.outIsInput("weights.csv")}\n`);
    expect(await readFile(join(dir, "weights.csv"), "utf8")).toBe(TREE);
    // The project's values folder: its files are all read as values, so outputs there would be read next year.
    const folder = await runCli(["compute", "--out", "data"], dir);
    expect(folder.code).toBe(3);
    expect(folder.stderr).toBe(`error: ${outputMessages.outIsValuesFolder("data")}\n`);
    expect(await listDir(join(dir, "data"))).toEqual(["2017.csv", "2018.csv", "2019.csv", "README.md"]);
  });
});

describe("the root of the file system as --out", () => {
  it("is refused with exit code 3 before anything is written, for a folder of outputs and for one file", async () => {
    const dir = await makeProject();
    // Were the refusal broken, these files would land in the root: whatever appears there is removed afterwards.
    const names = ["index.csv", "scores.csv", "index.json", "weights.csv", ".innovation-index-files.json"];
    const before = new Set(names.filter((name) => existsSync(join("/", name))));
    try {
      const run = await runCli(["compute", "--out", "/"], dir);
      expect(run.code).toBe(3);
      expect(run.stderr).toBe(`error: ${outputMessages.outIsRoot("/")}\n`);
      const weights = await runCli(["weights", "--out", "/weights.csv"], dir);
      expect(weights.code).toBe(3);
      expect(weights.stderr).toBe(`error: ${outputMessages.outIsRoot("/weights.csv", true)}\n`);
      expect(names.filter((name) => !before.has(name) && existsSync(join("/", name)))).toEqual([]);
    } finally {
      for (const name of names) if (!before.has(name)) await rm(join("/", name), { force: true }).catch(() => undefined);
    }
  });
});

describe("report in a project", () => {
  it("takes the runs folder's lock, as compute does: while another run holds it, report exits 3 and writes nothing", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    // A live holder: this test's own process.
    const holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
    await writeFile(join(dir, "runs/.lock"), JSON.stringify(holder) + "\n");
    const run = await runCli(["report", "-q"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${projectMessages.locked("runs/.lock", `pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}`)}\n`);
    expect(await listDir(join(dir, "runs", id))).not.toContain("report.html");
    // Once it is released, the report goes in, and the lock is released after it.
    await rm(join(dir, "runs/.lock"));
    expect((await runCli(["report", "-q"], dir)).code).toBe(0);
    expect(await listDir(join(dir, "runs", id))).toContain("report.html");
    expect(existsSync(join(dir, "runs/.lock"))).toBe(false);
  });

  it("writes report.html into the latest run folder, or the one --run names, unless --out is given", async () => {
    const dir = await makeProject();
    // No run yet: nowhere to put it.
    const none = await runCli(["report"], dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`error: ${projectMessages.noRunForReport("runs")}\n`);
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = await latest(dir);
    const run = await runCli(["report"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(`wrote reports.json, report.html to runs/${first}\n`);
    expect(await readFile(join(dir, "runs", first, "report.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
    expect(await listDir(dir)).not.toContain("out");
    // --out still writes where it says.
    expect((await runCli(["report", "--out", "elsewhere", "-q"], dir)).code).toBe(0);
    expect(await listDir(join(dir, "elsewhere"))).toEqual(["report.html"]);
    // A second run (2020 added); --run names the first by the start of its id, or as previous.
    await writeFile(join(dir, "data/2020.csv"), YEARS[2020]);
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const second = await latest(dir);
    // the static page names the years in its text (the dashboard draws them in the browser)
    expect((await runCli(["report", "-q", "--static"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "runs", second, "report.html"), "utf8")).toContain("年份：2017—2020年");
    // The first run was computed without 2020: its report from today's inputs would not describe it.
    const stale = await runCli(["report", "--run", first.slice(0, 20)], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toBe(`error: ${projectMessages.runInputsChanged(`runs/${first}`, ["data/2020.csv"])}\n`);
    // What a report killed while writing into that run left (its files cut short, none renamed: each starts as report
    // writes it) fails no verify, which says what it is; and it is removed all the same, though the run takes no new report.
    const killed = await new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });
    const halfWritten: Record<string, string> = { [`.report.html.${killed}.tmp`]: "<!DOCTYPE html>\n<html la", [`.reports.json.${killed}.tmp`]: '{\n  "files": [\n    {\n      "pa' };
    for (const [name, text] of Object.entries(halfWritten)) await writeFile(join(dir, "runs", first, name), text);
    const leftover = await runCli(["verify", first], dir);
    expect(leftover.code, leftover.stderr).toBe(0);
    expect(leftover.stderr).toContain(
      [["report.html", `.report.html.${killed}.tmp`], ["reports.json", `.reports.json.${killed}.tmp`]]
        .map(([of, name]) => `warning: ${outputMessages.verifyWriteLeftover(`runs/${first}/${name}`, of, "tmp", killed, true)}\n`)
        .join(""),
    );
    const repaired = await runCli(["report", "--run", first.slice(0, 20)], dir);
    expect(repaired.code).toBe(1);
    expect(repaired.stderr).toBe(
      [`.report.html.${killed}.tmp`, `.reports.json.${killed}.tmp`].map((name) => `${outputMessages.reportLeftover(`removed runs/${first}/${name}`)}\n`).join("") +
        `error: ${projectMessages.runInputsChanged(`runs/${first}`, ["data/2020.csv"])}\n`,
    );
    expect((await runCli(["verify", first, "-q"], dir)).code).toBe(0);
    // A method option typed for the report that the run did not use is refused the same way.
    const other = await runCli(["report", "--normalise", "min-max"], dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(projectMessages.runInputsChanged(`runs/${second}`, ["--normalise"]));
    // --strict changes no number a run gives, only whether its warnings refuse it: a report may add it (before: refused
    // as computed from other options, "--strict").
    const strict = await runCli(["report", "--strict", "-q"], dir);
    expect(strict.stderr).toBe("");
    expect(strict.code).toBe(0);
    // Outside a project, --run is a usage error.
    const outside = await runCli(["report", "--run", "latest", "-i", "indicators.csv", "-d", "data", "--out", "x"], dir);
    expect(outside.code).toBe(2);
  });
});
