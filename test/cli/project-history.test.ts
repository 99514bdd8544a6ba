/**
 * The run history of a project is never lost: a broken, stale or hostile runs/LATEST, a deleted or damaged manifest,
 * a run killed after its folder was renamed into place, a staging folder the tool cannot prove its own: each is
 * reported (a warning naming the file, what is wrong and what the run did about it), and every published run folder
 * stays, byte for byte. Also: a runs folder that is a file, and --out paths that cannot be created.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, rename, rm, stat, symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { projectMessages } from "../../src/core/project-messages.js";
import { STAGING_MARKER } from "../../src/io/runs/runs.js";
import { fingerprintOf } from "../../src/io/runs/run-files.js";
import { checkManifest, formatManifestCheck } from "../../src/io/runs/verify-run.js";
import { editByHand, listDir, makeTempDir, runCli } from "../helpers.js";

const RUN_ID = /^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}$/;

const created: string[] = [];
afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A project with two indicators over 2017-2018 (values of year `last` + 1 added by `addYear`). */
async function makeProject(): Promise<string> {
  const dir = await makeTempDir({
    "index.yaml": "name: history\nindicators: indicators.csv\nvalues: data\nmethods:\n  base-year: 2017\n",
    "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,-\n",
    "data/2017.csv": "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU2,2017,A,5\nU2,2017,B,8\n",
    "data/2018.csv": "unit,year,indicator,value\nU1,2018,A,12\nU1,2018,B,18\nU2,2018,A,6\nU2,2018,B,9\n",
  });
  created.push(dir);
  return dir;
}

async function addYear(dir: string, year: number): Promise<void> {
  await editByHand(join(dir, `data/${year}.csv`), `unit,year,indicator,value\nU1,${year},A,${year - 2000},U1,${year},B,15\n`.replace(",U1", "\nU1") + `U2,${year},A,7\nU2,${year},B,9\n`);
}

/** Every file under `folder` (relative path -> SHA-256 of its bytes), computed here. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
      out[path.slice(folder.length + 1)] = createHash("sha256").update(await readFile(path)).digest("hex");
    }
  return out;
}

const runIds = async (dir: string) => (await listDir(join(dir, "runs"))).filter((name) => RUN_ID.test(name));
const latest = async (dir: string) => (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();

/** A project with three published runs; their snapshots. */
async function projectWithThreeRuns(): Promise<{ dir: string; ids: string[]; before: Record<string, string> }> {
  const dir = await makeProject();
  for (const year of [0, 2019, 2020]) {
    if (year) await addYear(dir, year);
    const run = await runCli(["compute", "-q"], dir);
    expect(run.code, run.stderr).toBe(0);
  }
  const ids = await runIds(dir);
  expect(ids).toHaveLength(3);
  expect(await latest(dir)).toBe(ids[2]);
  return { dir, ids, before: await snapshot(join(dir, "runs")) };
}

/**
 * A run of the same inputs as run `from`, killed after its rename (before LATEST moved), as folder `id` (a later id
 * ending with the same 8 digits of the fingerprint): `from`'s files, its manifest recording `id`, the id it was
 * written under, as compute's does. A copy alone would record `from`, and be no run of this tool under `id`.
 */
async function killedAfterRename(dir: string, from: string, id: string): Promise<void> {
  await mkdir(join(dir, "runs", id));
  for (const name of await readdir(join(dir, "runs", from))) await editByHand(join(dir, "runs", id, name), await readFile(join(dir, "runs", from, name)));
  const manifest = JSON.parse(await readFile(join(dir, "runs", id, "manifest.json"), "utf8"));
  await editByHand(join(dir, "runs", id, "manifest.json"), JSON.stringify({ ...manifest, run: id }, null, 2) + "\n");
}

/**
 * Whether `path` in the runs folder is one a run changes: LATEST, and the publication history PUBLISHED.log, which each
 * move of LATEST appends to (its own tests check that it only grows: test/io/runs/publication-history.test.ts).
 */
const movesWithLatest = (path: string) => path === "LATEST" || path === "PUBLISHED.log";

/** Every file of `before` still there with the same bytes. */
async function expectKept(dir: string, before: Record<string, string>): Promise<void> {
  const after = await snapshot(join(dir, "runs"));
  for (const [path, hash] of Object.entries(before)) if (!movesWithLatest(path)) expect(after[path], path).toBe(hash);
}

const warning = (message: string) => `warning: ${message}\n`;

describe("a broken runs/LATEST removes no run and is reported", () => {
  // The fourth item: the run LATEST names, recorded as the new run's previous though its folder is gone.
  const cases: [string, string | undefined, (ids: string[]) => string, string?][] = [
    [
      "a run id whose folder does not exist",
      "20200101T000000.000Z-deadbeef",
      () => outputMessages.latestNamesMissingRun("runs/LATEST", "20200101T000000.000Z-deadbeef"),
      "20200101T000000.000Z-deadbeef",
    ],
    ["a path outside runs/", "../../x", () => outputMessages.latestNotRunId("runs/LATEST", "../../x")],
    ["a path to a run", "runs/x/../", () => outputMessages.latestNotRunId("runs/LATEST", "runs/x/../")],
    ["garbage", "\u0000\u00ff garbage\n second line", () => outputMessages.latestNotRunId("runs/LATEST", "\u0000\u00ff garbage\n second line")],
    ["nothing (an empty file)", "", () => outputMessages.latestNotRunId("runs/LATEST", "")],
    ["no file at all", undefined, () => outputMessages.latestMissing("runs/LATEST", 3)],
  ];
  for (const [what, content, problem, named] of cases)
    it(`LATEST holding ${what}: every run is kept, a warning says so, the new run is published`, async () => {
      const { dir, ids, before } = await projectWithThreeRuns();
      if (content === undefined) await rm(join(dir, "runs/LATEST"));
      else await editByHand(join(dir, "runs/LATEST"), content);
      await addYear(dir, 2021);
      const run = await runCli(["compute", "--if-changed"], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr.startsWith(warning(outputMessages.latestIgnored(problem(ids), named)))).toBe(true);
      expect(run.stderr).toContain(outputMessages.revisionsSkipped() + "\n");
      expect(run.stderr).not.toContain("first run");
      await expectKept(dir, before);
      const now = await runIds(dir);
      expect(now.slice(0, 3)).toEqual(ids);
      expect(now).toHaveLength(4);
      expect(await latest(dir)).toBe(now[3]);
      expect(JSON.parse(await readFile(join(dir, "runs", now[3], "manifest.json"), "utf8")).previous).toBe(named ?? null);
    });

  it("an older run id: runs after it are kept and reported, the summary compares with the run LATEST names", async () => {
    const { dir, ids, before } = await projectWithThreeRuns();
    await editByHand(join(dir, "runs/LATEST"), ids[0] + "\n");
    await addYear(dir, 2021);
    const run = await runCli(["compute"], dir);
    expect(run.code, run.stderr).toBe(0);
    // Each was published by its compute (its line in PUBLISHED.log, the first time it became LATEST), then LATEST set back by hand.
    const published = new Map((await readFile(join(dir, "runs/PUBLISHED.log"), "utf8")).trim().split("\n").slice(1).map((line) => [line.split(",")[3], line.split(",")[0]]));
    for (const id of ids.slice(1)) expect(run.stderr).toContain(warning(outputMessages.withdrawnRun(`runs/${id}`, ids[0], published.get(id)!)));
    expect(run.stderr).toContain(`revisions against run ${ids[0]}: `);
    await expectKept(dir, before);
    expect(await runIds(dir)).toHaveLength(4);
  });

  it("the latest run's manifest deleted or damaged: reported, --if-changed runs, nothing removed", async () => {
    const { dir, ids, before } = await projectWithThreeRuns();
    await rm(join(dir, "runs", ids[2], "manifest.json"));
    const label = `runs/${ids[2]}/manifest.json`;
    const missing = await runCli(["compute", "--if-changed"], dir);
    expect(missing.code, missing.stderr).toBe(0);
    expect(missing.stderr.startsWith(warning(outputMessages.latestIgnored(`${label} ${outputMessages.manifestMissing()}`)))).toBe(true);
    expect(missing.stderr).toContain(outputMessages.revisionsSkipped());
    const { [`${ids[2]}/manifest.json`]: _gone, ...rest } = before;
    await expectKept(dir, rest);
    const fourth = await latest(dir);
    expect(await runIds(dir)).toEqual([...ids, fourth]);

    // A manifest cut short: the reason is JSON.parse's own, computed here.
    const text = await readFile(join(dir, "runs", fourth, "manifest.json"), "utf8");
    await editByHand(join(dir, "runs", fourth, "manifest.json"), text.slice(0, 40));
    let reason = "";
    try {
      JSON.parse(text.slice(0, 40));
    } catch (error) {
      reason = (error as Error).message;
    }
    const damaged = await runCli(["compute", "--if-changed"], dir);
    expect(damaged.code, damaged.stderr).toBe(0);
    expect(damaged.stderr.startsWith(warning(outputMessages.latestIgnored(`runs/${fourth}/manifest.json ${outputMessages.manifestNotJson(reason)}`)))).toBe(true);
    expect(await runIds(dir)).toHaveLength(5);
  });

  it("the latest run's manifest edited by hand (an option): not trusted to say nothing changed, and diff refuses it", async () => {
    const { dir, ids } = await projectWithThreeRuns();
    const path = join(dir, "runs", ids[2], "manifest.json");
    const manifest = JSON.parse(await readFile(path, "utf8"));
    const fingerprint = manifest.fingerprint as string;
    manifest.options.decimals = 2;
    await editByHand(path, JSON.stringify(manifest, null, 2) + "\n");
    // The fingerprint it records is no longer the one its options and inputs give (verify says so too).
    const check = checkManifest(manifest, ids[2]);
    expect(check).toEqual([{ field: "fingerprint", found: fingerprint, expected: fingerprintOf(manifest.tool.version, manifest.options, manifest.inputs.filter((input: { role?: string }) => input.role !== "project")) }]);
    const problem = `runs/${ids[2]}/${formatManifestCheck(check[0])}`;

    // diff compared it and listed "option changed decimals 4 -> 2", a revision that never happened.
    const diff = await runCli(["diff", ids[1], ids[2]], dir);
    expect(diff).toMatchObject({ code: 1, stderr: `error: ${outputMessages.diffRunChanged(problem, `runs/${ids[2]}`)}\n` });

    // compute --if-changed said "unchanged" on the fingerprint it records; now it runs, as for a damaged manifest.
    const run = await runCli(["compute", "--if-changed"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.startsWith(warning(outputMessages.latestIgnored(problem)))).toBe(true);
    expect(run.stderr).toContain(outputMessages.revisionsSkipped());
    expect(await runIds(dir)).toHaveLength(4);
  });

  it("diff latest with a broken LATEST: exit 1 naming the file and what is wrong", async () => {
    const { dir } = await projectWithThreeRuns();
    await editByHand(join(dir, "runs/LATEST"), "../../x\n");
    const run = await runCli(["diff"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: ${outputMessages.latestUnusable(outputMessages.latestNotRunId("runs/LATEST", "../../x"))}\n`);
  });
});

describe("leftovers of killed runs", () => {
  it("a complete run folder never published is kept and reported; a staging folder with the marker is removed; one without is kept", async () => {
    const { dir, ids, before } = await projectWithThreeRuns();
    // A run killed after its rename: a complete folder newer than LATEST (the latest run's files, under a later id).
    const unpublished = `29990101T000000.000Z-${ids[2].slice(-8)}`;
    await killedAfterRename(dir, ids[2], unpublished);
    // A run killed while writing: its staging folder, marker first.
    const staged = "29990102T000000.000Z-0123abcd";
    await mkdir(join(dir, "runs", `.staging-${staged}`));
    await editByHand(join(dir, "runs", `.staging-${staged}`, STAGING_MARKER), staged + "\n");
    await editByHand(join(dir, "runs", `.staging-${staged}`, ".index.csv.123.tmp"), "half a file");
    // Staging-like folders the tool cannot prove its own: no marker, a marker naming another run, not a run id.
    await mkdir(join(dir, "runs/.staging-29990103T000000.000Z-0123abcd"));
    await editByHand(join(dir, "runs/.staging-29990103T000000.000Z-0123abcd/keep.txt"), "mine");
    await mkdir(join(dir, "runs/.staging-29990104T000000.000Z-0123abcd"));
    await editByHand(join(dir, "runs/.staging-29990104T000000.000Z-0123abcd", STAGING_MARKER), staged + "\n");
    await mkdir(join(dir, "runs/.staging-notes"));
    const snapshotBefore = await snapshot(join(dir, "runs"));

    await addYear(dir, 2021);
    const run = await runCli(["compute"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(warning(outputMessages.unpublishedRun(`runs/${unpublished}`, ids[2])));
    expect(run.stderr).toContain(outputMessages.stagingRemoved(`runs/.staging-${staged}`) + "\n");
    for (const name of [".staging-29990103T000000.000Z-0123abcd", ".staging-29990104T000000.000Z-0123abcd", ".staging-notes"])
      expect(run.stderr).toContain(warning(outputMessages.stagingKept(`runs/${name}`, STAGING_MARKER)));
    await expectKept(dir, before);
    const after = await snapshot(join(dir, "runs"));
    for (const [path, hash] of Object.entries(snapshotBefore)) if (!path.startsWith(`.staging-${staged}`) && !movesWithLatest(path)) expect(after[path], path).toBe(hash);
    expect(existsSync(join(dir, "runs", `.staging-${staged}`))).toBe(false);
    expect(existsSync(join(dir, "runs/.staging-notes"))).toBe(true);
  });
});

describe("leftovers of killed runs, when nothing changed", () => {
  it("--if-changed with nothing new still removes a killed run's staging folder and reports an unpublished run", async () => {
    const { dir, ids } = await projectWithThreeRuns();
    // A nightly --if-changed with nothing new, and nothing left behind: unchanged, no lock taken, nothing said.
    const quiet = await runCli(["compute", "--if-changed"], dir);
    expect(quiet).toMatchObject({ code: 0, stderr: `${projectMessages.unchanged(ids[2])}\n` });
    // A --force run killed while writing (its staging folder, marker first) and one killed after its rename.
    const staged = "29990102T000000.000Z-0123abcd";
    await mkdir(join(dir, "runs", `.staging-${staged}`));
    await editByHand(join(dir, "runs", `.staging-${staged}`, STAGING_MARKER), staged + "\n");
    await editByHand(join(dir, "runs", `.staging-${staged}`, ".index.json.123.tmp"), "half a file");
    const unpublished = `29990101T000000.000Z-${ids[2].slice(-8)}`;
    await killedAfterRename(dir, ids[2], unpublished);

    // Before, the unchanged run returned before taking the lock: both stayed, unsaid, until the inputs changed.
    const run = await runCli(["compute", "--if-changed"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(outputMessages.stagingRemoved(`runs/.staging-${staged}`) + "\n");
    expect(run.stderr).toContain(warning(outputMessages.unpublishedRun(`runs/${unpublished}`, ids[2])));
    expect(run.stderr).toContain(`unchanged since run ${ids[2]}`);
    expect(existsSync(join(dir, "runs", `.staging-${staged}`))).toBe(false);
    expect((await listDir(join(dir, "runs"))).filter((name) => RUN_ID.test(name))).toEqual([...ids, unpublished]);
    expect(existsSync(join(dir, "runs/.lock"))).toBe(false);
  });
});

describe("a run killed between its rename and the removal of its marker", () => {
  it("the next run removes the marker and says so, keeps the complete run (reported as unpublished), and verify passes on it", async () => {
    const { dir, ids } = await projectWithThreeRuns();
    // A copy of the third run, under an id of its fingerprint (verify checks that the id is the manifest's), its
    // manifest's `run` made that id, as compute would have written it under that id.
    const killed = `29990101T000000.000Z-${ids[2].slice(-8)}`;
    await mkdir(join(dir, "runs", killed));
    for (const name of await readdir(join(dir, "runs", ids[2]))) {
      const bytes = await readFile(join(dir, "runs", ids[2], name));
      await editByHand(join(dir, "runs", killed, name), name === "manifest.json" ? bytes.toString("utf8").replace(`"run": "${ids[2]}"`, `"run": "${killed}"`) : bytes);
    }
    await editByHand(join(dir, "runs", killed, STAGING_MARKER), killed + "\n");
    const files = await snapshot(join(dir, "runs", killed));
    // Until then verify says the marker (it names the run) is the tool's leftover, what removes it, and passes.
    const before = await runCli(["verify", killed], dir);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toBe("");
    expect(before.stderr).toContain(warning(outputMessages.verifyStagingLeftover(`runs/${killed}/${STAGING_MARKER}`, `runs/${killed}`)));

    await addYear(dir, 2021);
    const run = await runCli(["compute"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(outputMessages.stagingRemoved(`runs/${killed}/${STAGING_MARKER}`) + "\n");
    expect(run.stderr).toContain(warning(outputMessages.unpublishedRun(`runs/${killed}`, ids[2])));
    const { [STAGING_MARKER]: _marker, ...rest } = files;
    expect(await snapshot(join(dir, "runs", killed))).toEqual(rest);
    expect((await runCli(["verify", killed], dir)).code).toBe(0);
    // Said once: the run after finds nothing to remove.
    expect((await runCli(["compute", "--force"], dir)).stderr).not.toContain(STAGING_MARKER);
  });
});

describe("folders that cannot be used", () => {
  it("a runs folder that is a file: exit 3 and a sentence, no stack", async () => {
    const dir = await makeProject();
    await editByHand(join(dir, "runs"), "a file");
    const run = await runCli(["compute"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.runsNotFolder("runs")}\n`);
    expect(await readFile(join(dir, "runs"), "utf8")).toBe("a file");
    const diff = await runCli(["diff"], dir);
    expect(diff.code).toBe(3);
    expect(diff.stderr).toBe(`error: ${outputMessages.runsNotFolder("runs")}\n`);
  });

  it("a runs folder that is a link to nothing there (an archive disk not mounted): named so, not 'a file' nor 'no published run'", async () => {
    const dir = await makeProject();
    const target = join(dir, "archive-not-mounted", "runs");
    await symlink(target, join(dir, "runs"));
    const expected = `error: ${outputMessages.runsNotFolder("runs", target)}\n`;
    expect(outputMessages.runsNotFolder("runs", target)).toBe(
      `runs: is a link to ${target}, which is not there (a disk not mounted?); expected the runs folder it leads to: mount it, or set runs: in index.yaml (a new folder in its place would split the runs in two)`,
    );
    for (const args of [["compute"], ["verify", "latest"]]) {
      const run = await runCli(args, dir);
      expect(run.code, args.join(" ")).toBe(3);
      expect(run.stderr).toBe(expected);
    }
    // Nothing was made where the link leads.
    expect(existsSync(join(dir, "archive-not-mounted"))).toBe(false);
  });

  it.skipIf(!existsSync("/proc/self"))("--out under /proc: exit 3 within a second", async () => {
    const dir = await makeProject();
    const started = Date.now();
    const run = await runCli(["compute", "--out", "/proc/innovation-index-x/y"], dir);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.folderNotCreated("/proc/innovation-index-x/y", "/proc/innovation-index-x", "ENOENT")}\n`);
  });

  it("--out under a path whose parent is a file: exit 3 within a second, the file untouched", async () => {
    const dir = await makeProject();
    await editByHand(join(dir, "file.txt"), "a file");
    const started = Date.now();
    const run = await runCli(["compute", "--out", "file.txt/out"], dir);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.folderNotCreated("file.txt/out", join(dir, "file.txt/out"), "ENOTDIR")}\n`);
    expect((await stat(join(dir, "file.txt"))).isFile()).toBe(true);
  });
});

describe("a runs folder where the run reads its inputs", () => {
  /** A project whose index.yaml sets `runs:` on its line 3 to `runs`. */
  async function projectWithRuns(runs: string, indicators = "indicators.csv"): Promise<string> {
    const dir = await makeProject();
    await editByHand(join(dir, "index.yaml"), `name: history\nindicators: ${indicators}\nruns: ${runs}\nvalues: data\nmethods:\n  base-year: 2017\n`);
    return dir;
  }

  it("runs: the values folder (as written, with ./ and /, or through a link) is refused before anything is written", async () => {
    for (const runs of ["data", "./data/", "data-link"]) {
      const dir = await projectWithRuns(runs);
      await symlink("data", join(dir, "data-link"));
      const run = await runCli(["compute"], dir);
      expect(run.code, runs).toBe(3);
      expect(run.stderr).toBe(`error: ${outputMessages.runsIsValuesFolder("index.yaml:3", runs)}\n`);
      // The values folder as it was: no LATEST, no lock, no run folder.
      expect(await readdir(join(dir, "data"))).toEqual(["2017.csv", "2018.csv"]);
    }
    expect(outputMessages.runsIsValuesFolder("index.yaml:3", "data")).toBe(
      'index.yaml:3: runs: "data" is the values folder this run reads, whose files are all read as values: the LATEST written there would be read as values next time; expected another runs: folder, such as runs, or a subfolder of the values folder (subfolders are not read)',
    );
  });

  it("runs: a subfolder of the values folder works, year after year (subfolders are not read as values)", async () => {
    const dir = await projectWithRuns("data/runs");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    await addYear(dir, 2019);
    const second = await runCli(["compute", "-q"], dir);
    expect(second.code, second.stderr).toBe(0);
    expect((await listDir(join(dir, "data/runs"))).filter((name) => RUN_ID.test(name))).toHaveLength(2);
  });

  it("runs: an input file, or a folder where the run's LATEST would be an input, is refused; the file is untouched", async () => {
    const isFile = await projectWithRuns("indicators.csv");
    const tree = await readFile(join(isFile, "indicators.csv"), "utf8");
    const run = await runCli(["compute"], isFile);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.runsIsInput("index.yaml:3", "indicators.csv", "indicators.csv", true)}\n`);
    expect(await readFile(join(isFile, "indicators.csv"), "utf8")).toBe(tree);
    // The tree saved as LATEST in the project folder, which runs: . would replace with the pointer.
    const atLatest = await projectWithRuns(".", "LATEST");
    await rename(join(atLatest, "indicators.csv"), join(atLatest, "LATEST"));
    const replaced = await runCli(["compute"], atLatest);
    expect(replaced.code).toBe(3);
    expect(replaced.stderr).toBe(`error: ${outputMessages.runsIsInput("index.yaml:3", ".", "LATEST", false)}\n`);
    expect(replaced.stderr).toBe(
      'error: index.yaml:3: runs: "." would put a run\'s own files (LATEST, the lock, temporary and staging files) at LATEST, an input of this run (read as the indicator tree, the values or another input), and an input is never overwritten; expected another runs: folder\n',
    );
    expect(await readFile(join(atLatest, "LATEST"), "utf8")).toBe(tree);
  });
});

describe("temporary files of LATEST left in the runs folder", () => {
  it("one holding what the tool writes, of a process that is gone, is removed; a file of the user's named so is kept and reported", async () => {
    const { dir, ids } = await projectWithThreeRuns();
    const dead = await new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });
    await editByHand(join(dir, `runs/.LATEST.${dead}.tmp`), `${ids[2]}\n`); // a run killed before its rename
    await editByHand(join(dir, "runs/.LATEST.1.tmp"), "hi"); // the user's
    // Nothing changed: the unchanged run still tidies (under the lock), and says what it keeps and what it removed.
    const run = await runCli(["compute"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      `${warning(outputMessages.latestTemporaryKept("runs/.LATEST.1.tmp", "hi", "runs"))}${outputMessages.stagingRemoved(`runs/.LATEST.${dead}.tmp`)}\n${projectMessages.unchanged(ids[2])}\n`,
    );
    expect(await readFile(join(dir, "runs/.LATEST.1.tmp"), "utf8")).toBe("hi");
    expect(existsSync(join(dir, `runs/.LATEST.${dead}.tmp`))).toBe(false);
    // Said again by the next run (still there), never removed.
    await addYear(dir, 2021);
    const next = await runCli(["compute"], dir);
    expect(next.code).toBe(0);
    expect(next.stderr.startsWith(warning(outputMessages.latestTemporaryKept("runs/.LATEST.1.tmp", "hi", "runs")))).toBe(true);
    expect(await readFile(join(dir, "runs/.LATEST.1.tmp"), "utf8")).toBe("hi");
  });
});
