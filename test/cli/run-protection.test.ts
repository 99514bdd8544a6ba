/**
 * A published run's own files are read-only (their write bits cleared: 0o644 -> 0o444), so that a file opened in Excel
 * and saved is not saved over the published run: after `compute` in a project, after `runs publish` and `runs
 * rollback`. The run folder stays writable: `report` still writes report.html (and reports.json) into the run, again
 * over its own earlier report, and the staging marker a killed run left there is still removed; `verify` still passes;
 * the project's temporary folder is still removed whole. (Run as root, these tests check the modes, which root's
 * writes ignore; the write bits are what Excel and every other program of a user honour.)
 */
import { chmod, lstat, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listDir, runCli } from "../helpers.js";
import { makeTwoYearProject, YEAR_2019 } from "./project-fixture.js";

const latest = async (dir: string) => (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();

/** The run's own files: those its manifest lists, and the manifest. */
async function ownFiles(folder: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(folder, "manifest.json"), "utf8")) as { outputs: { path: string }[] };
  return [...manifest.outputs.map((output) => output.path), "manifest.json"].sort();
}

/** The permission bits (0o777) of each file of `names` in `folder`. */
async function modes(folder: string, names: readonly string[]): Promise<number[]> {
  return Promise.all(names.map(async (name) => (await lstat(join(folder, name))).mode & 0o777));
}

/** Makes `names` in `folder` writable again (0o644), as an older version left its runs. */
async function makeWritable(folder: string, names: readonly string[]): Promise<void> {
  for (const name of names) await chmod(join(folder, name), 0o644);
}

const isPosix = process.platform !== "win32";

describe.runIf(isPosix)("a published run's own files are read-only", () => {
  it("after compute: every file the manifest lists and the manifest itself 0o444 (from 0o644), the folder still writable; verify passes", async () => {
    const dir = await makeTwoYearProject("protected");
    const run = await runCli(["compute", "-q"], dir);
    expect(run.code, run.stderr).toBe(0);
    const id = await latest(dir);
    const folder = join(dir, "runs", id);
    const files = await ownFiles(folder);
    // index.csv, index-wide.csv, scores.csv, index.json, input-values.csv and the manifest at least.
    expect(files).toEqual(expect.arrayContaining(["index.csv", "index-wide.csv", "scores.csv", "index.json", "input-values.csv", "manifest.json"]));
    // Every file of the folder is the run's own: none is left writable.
    expect(await listDir(folder)).toEqual(files);
    for (const mode of await modes(folder, files)) expect(mode & 0o222).toBe(0);
    // The files were written 0o644 under the usual umask 022: 0o444, readable as before.
    const umask = process.umask();
    expect(await modes(folder, ["index.csv"])).toEqual([0o666 & ~umask & ~0o222]);
    expect((await stat(folder)).mode & 0o200).toBe(0o200);
    // verify reads the bytes, not the modes: nothing to say.
    expect(await runCli(["verify", "-q"], dir)).toMatchObject({ code: 0, stderr: "" });
  });

  it("report writes report.html and reports.json into the run, and replaces its own report; those two stay writable", async () => {
    const dir = await makeTwoYearProject("protected");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const folder = join(dir, "runs", await latest(dir));
    const files = await ownFiles(folder);
    const first = await runCli(["report", "-q"], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(await listDir(folder)).toEqual([...files, "report.html", "reports.json"].sort());
    // Again, --static: the derived files are replaced (a temporary file renamed over them in the writable folder).
    const before = await readFile(join(folder, "report.html"), "utf8");
    const second = await runCli(["report", "-q", "--static"], dir);
    expect(second.code, second.stderr).toBe(0);
    expect(await readFile(join(folder, "report.html"), "utf8")).not.toBe(before);
    expect(await listDir(folder)).toEqual([...files, "report.html", "reports.json"].sort());
    for (const mode of await modes(folder, ["report.html", "reports.json"])) expect(mode & 0o200).toBe(0o200);
    // The run's own files untouched and still read-only; verify checks the report against reports.json.
    for (const mode of await modes(folder, files)) expect(mode & 0o222).toBe(0);
    expect(await runCli(["verify", "-q"], dir)).toMatchObject({ code: 0, stderr: "" });
  });

  it("runs rollback and runs publish make the run they publish read-only (a run left writable by an older version)", async () => {
    const dir = await makeTwoYearProject("protected");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const a = await latest(dir);
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const b = await latest(dir);
    expect(b > a).toBe(true);
    const [folderA, folderB] = [join(dir, "runs", a), join(dir, "runs", b)];
    const [filesA, filesB] = [await ownFiles(folderA), await ownFiles(folderB)];
    await makeWritable(folderA, filesA);
    await makeWritable(folderB, filesB);
    // Back to A: published, so read-only again; B, no longer published, is left as it was.
    const rollback = await runCli(["runs", "rollback", "-q"], dir);
    expect(rollback.code, rollback.stderr).toBe(0);
    expect(await latest(dir)).toBe(a);
    for (const mode of await modes(folderA, filesA)) expect(mode & 0o222).toBe(0);
    for (const mode of await modes(folderB, filesB)) expect(mode).toBe(0o644);
    // Forward to B by its id: read-only too.
    const publish = await runCli(["runs", "publish", b, "-q"], dir);
    expect(publish.code, publish.stderr).toBe(0);
    expect(await latest(dir)).toBe(b);
    for (const mode of await modes(folderB, filesB)) expect(mode & 0o222).toBe(0);
  });

  it("compute --if-changed with nothing changed makes the published run read-only again (one an older version left writable)", async () => {
    const dir = await makeTwoYearProject("protected");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const folder = join(dir, "runs", await latest(dir));
    const files = await ownFiles(folder);
    await makeWritable(folder, files);
    const unchanged = await runCli(["compute", "--if-changed"], dir);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    // No run was made (the same run is published), and its files lost their write bits again (0o644 -> 0o444).
    expect(await latest(dir)).toBe(folder.slice(folder.lastIndexOf("/") + 1));
    expect(await modes(folder, files)).toEqual(files.map(() => 0o444));
  });

  it("the next compute still removes the staging marker a killed run left in a published run folder", async () => {
    const dir = await makeTwoYearProject("protected");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    const folder = join(dir, "runs", id);
    const files = await ownFiles(folder);
    // A run killed between its rename and the marker's removal leaves the marker naming it (never one of its own files).
    await writeFile(join(folder, ".innovation-index-staging"), `${id}\n`);
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    const next = await runCli(["compute"], dir);
    expect(next.code, next.stderr).toBe(0);
    expect(await listDir(folder)).toEqual(files);
  });

  it("a project folder holding read-only run files is removed whole (rm -rf), as the tests' cleanup removes it", async () => {
    const project = await makeTwoYearProject("protected");
    expect((await runCli(["compute", "-q"], project)).code).toBe(0);
    const folder = join(project, "runs", await latest(project));
    expect((await lstat(join(folder, "index.csv"))).mode & 0o222).toBe(0);
    await rm(project, { recursive: true, force: true });
    await expect(lstat(project)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
