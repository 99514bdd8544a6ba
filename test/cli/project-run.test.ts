/**
 * A project run writes its outputs as plain compute does: streamed, the large files on `--threads` threads, each file
 * hashed as it is written. These tests run the built CLI (worker threads need the compiled worker script, see
 * test/io/file-jobs.test.ts), on a panel large enough for the large files to span several 1 MB chunks. And the
 * revision summary, which reads the runs' values back, left out for runs too large to compare in memory.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { computeOutputs, projectWords, type ComputeCommandOptions } from "../../src/cli/commands/compute.js";
import { createProgram } from "../../src/cli/main.js";
import type { ComputedOutputs } from "../../src/cli/outputs.js";
import { applyProject } from "../../src/cli/project-options.js";
import { formatRevisionSummary, revisionMemoryBytes, runProjectCompute, summariseRevisions } from "../../src/cli/project-run.js";
import { compareRunValues } from "../../src/core/revision.js";
import { projectMessages } from "../../src/core/project-messages.js";
import { InputError, ValidationError } from "../../src/errors.js";
import { listDir, makeTempDir, runCli, textOf } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../bin/innovation-index.js", import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL("../../dist/bundle/file-worker.js", import.meta.url)));
const RUN_ID = /^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}$/;

/** 300 units × 2 dimensions of 10 indicators × 8 years; growth.csv is about 4 MB. */
function project(): Record<string, string> {
  const indicators = Array.from({ length: 20 }, (_, i) => `I${String(i + 1).padStart(2, "0")}`);
  const tree = ["code,parent,name,weight,direction", "D1,,Dimension 1,,", "D2,,Dimension 2,,"];
  indicators.forEach((code, i) => tree.push(`${code},${i < 10 ? "D1" : "D2"},Indicator ${code},,${i % 4 === 3 ? "-" : "+"}`));
  const values = ["unit,year,indicator,value"];
  for (let u = 0; u < 300; u++)
    for (let year = 2017; year <= 2024; year++)
      indicators.forEach((code, i) => values.push(`U${u},${year},${code},${1 + ((u * 31 + i * 17 + (year - 2017) * 7) % 97) / 7}`));
  return {
    "index.yaml": "name: threads\nindicators: indicators.csv\nvalues: values.csv\nmethods:\n  base-year: 2017\n",
    "indicators.csv": tree.join("\n") + "\n",
    "values.csv": values.join("\n") + "\n",
  };
}

/** Runs the built CLI in `cwd`, with `ulimit -f` blocks of 1 KiB if given; the exit code and stderr. */
function runBuilt(argv: string[], cwd: string, fileSizeLimit?: number): Promise<{ code: number; stderr: string }> {
  const [command, args] =
    fileSizeLimit === undefined
      ? [process.execPath, [BIN, ...argv]]
      : ["/bin/sh", ["-c", `ulimit -f ${fileSizeLimit} && exec "$0" "$@"`, process.execPath, BIN, ...argv]];
  return new Promise((done) =>
    execFile(command, args, { cwd }, (error, _stdout, stderr) => done({ code: (error as { code?: number } | null)?.code ?? 0, stderr })),
  );
}

/** SHA-256 of a file, computed here from the whole file read back. */
const fileSha256 = async (path: string) => createHash("sha256").update(await readFile(path)).digest("hex");
const latest = async (dir: string) => (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
const manifestOf = async (folder: string) => JSON.parse(await readFile(join(folder, "manifest.json"), "utf8"));

describe.skipIf(!BUILT)("a project run on several threads (the built CLI)", () => {
  it("--threads 3 gives the run folder of --threads 1: the same files, byte for byte, and the same digests", async () => {
    const folders: string[] = [];
    for (const threads of ["1", "3"]) {
      const dir = await makeTempDir(project());
      const run = await runBuilt(["compute", "-q", "--threads", threads], dir);
      expect(run, run.stderr).toMatchObject({ code: 0 });
      folders.push(join(dir, "runs", await latest(dir)));
    }
    const [one, three] = folders;
    const names = await listDir(one);
    expect(names).toEqual(expect.arrayContaining(["growth.csv", "index.csv", "index.json", "input-values.csv", "manifest.json", "scores.csv"]));
    expect(await listDir(three)).toEqual(names);
    // Buffer.equals: toEqual compares megabytes byte by byte, slowly.
    for (const name of names.filter((name) => name !== "manifest.json")) expect((await readFile(join(three, name))).equals(await readFile(join(one, name))), name).toBe(true);
    // The growth table spans several 1 MB chunks, so its digest is a hash fed chunk by chunk.
    expect((await stat(join(one, "growth.csv"))).size).toBeGreaterThan(3 << 20);

    const [manifestOne, manifestThree] = [await manifestOf(one), await manifestOf(three)];
    // Every output listed, in name order, with its size and a SHA-256 recomputed here from the whole file.
    expect(manifestThree.outputs.map((output: { path: string }) => output.path)).toEqual(names.filter((name) => name !== "manifest.json"));
    for (const output of manifestThree.outputs) {
      expect(output.sha256, output.path).toBe(await fileSha256(join(three, output.path)));
      expect(output.bytes, output.path).toBe((await stat(join(three, output.path))).size);
    }
    // Apart from the times and the run ids (made of the start time), the manifests agree: the thread count is not a
    // recorded option.
    const { startedAt: _s1, finishedAt: _f1, run: _r1, ...restOne } = manifestOne;
    const { startedAt: _s3, finishedAt: _f3, run: _r3, ...restThree } = manifestThree;
    expect(restThree).toEqual(restOne);
    expect(restThree.options).not.toHaveProperty("threads");
  });

  it("a run that cannot write its files (a file size limit) exits 3 and leaves LATEST, the runs and no staging folder", async () => {
    const dir = await makeTempDir(project());
    expect((await runBuilt(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    const before = await listDir(join(dir, "runs"));
    expect(before).toEqual([id, "LATEST"]);
    for (const threads of ["1", "3"]) {
      // 64 blocks of 512 bytes (sh's ulimit -f; 32 KiB): the lock file is written, the large outputs are not (EFBIG).
      const failed = await runBuilt(["compute", "-q", "--force", "--threads", threads], dir, 64);
      expect(failed.code, failed.stderr).toBe(3);
      // The file that could not be written is named where it was written (a large output, over 32 KiB, in the staging
      // folder), with the limit reached (64 × 512 = 32,768 bytes, read from /proc/self/limits), and that nothing was
      // published.
      expect(failed.stderr).toMatch(
        /^error: runs\/\.staging-(\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8})\/[a-z-]+\.(?:csv|json): cannot write the output \(EFBIG: the file reached 32,768 bytes, the file-size limit of this process, ulimit -f\); expected a file-size limit the outputs fit in: raise it \(ulimit -f unlimited\) and run again\nnothing was published: the run was being written in its staging folder runs\/\.staging-\1, which is removed, and runs\/LATEST is as it was\n$/,
      );
      expect(await latest(dir)).toBe(id);
      expect(await listDir(join(dir, "runs"))).toEqual(before); // no staging folder, no new run, no lock left
    }
    // The published run is untouched and the next run publishes.
    expect((await runBuilt(["compute", "-q", "--force", "--threads", "3"], dir)).code).toBe(0);
    const names = await listDir(join(dir, "runs"));
    expect(names).toHaveLength(3);
    expect(names.filter((name) => RUN_ID.test(name))).toEqual([id, await latest(dir)]);
  });
});

describe.skipIf(!BUILT)("a lock file that cannot be written (the built CLI)", () => {
  it("exits 3 naming the lock file and leaves no temporary lock file: a file size limit of 0 fails its write", async () => {
    const dir = await makeTempDir(project());
    const failed = await runBuilt(["compute", "-q"], dir, 0);
    // The lock file named (runs/.lock), not only its folder; EFBIG is no full disk, nor a folder not writable: the
    // process's file-size limit, said in bytes as an output's is (/proc/self/limits; /bin/sh's ulimit -f 0 is 0 blocks).
    const limit = process.platform === "linux" ? "reached 0 bytes, the file-size limit of this process, ulimit -f);" : "reached the file-size limit of this process, ulimit -f, or of the file system);";
    const raise = process.platform === "linux" ? "raise it (ulimit -f unlimited) and run again" : "raise it (ulimit -f unlimited), or write on a file system that takes larger files";
    expect(failed).toEqual({ code: 3, stderr: `error: runs/.lock: cannot create the lock file (EFBIG: the file ${limit} expected a file-size limit the lock file fits in: ${raise}\n` });
    expect(await listDir(join(dir, "runs"))).toEqual([]);
    expect((await runBuilt(["compute", "-q"], dir)).code).toBe(0);
  });
});

describe("the revision summary of a project run", () => {
  it("compares the two runs' values, or says it left them out when they exceed the size compared in memory", async () => {
    const dir = await makeTempDir({
      "index.yaml": "name: summary\nindicators: indicators.csv\nvalues: values.csv\n",
      "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,+\n",
      "values.csv": "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU1,2018,A,15\nU1,2018,B,30\n",
    });
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = await latest(dir);
    // A 2018 value revised: A 15 -> 12, so A's score 2018 = 100·12/10 = 120, down from 150 (-30), and INDEX 2018 =
    // (120 + 150) / 2 = 135, down from (150 + 150) / 2 = 150 (-15). The index's change is not the largest: both are
    // named, each for what it is (the line said "largest: INDEX … (-15.0000)" while diff listed A at -30).
    await writeFile(join(dir, "values.csv"), "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU1,2018,A,12\nU1,2018,B,30\n");
    const second = await runCli(["compute"], dir);
    expect(second.code).toBe(0);
    const id = await latest(dir);
    const line = `revisions against run ${first}: inputs 1 changed, 0 added, 0 removed; outputs 2 changed, 0 added, 0 removed; largest of the overall index: INDEX U1 2018 150.0000 -> 135.0000 (-15.0000); largest of all outputs: A U1 2018 150.0000 -> 120.0000 (-30.0000) (details: innovation-index diff)`;
    expect(second.stderr).toContain(line + "\n");
    expect(await summariseRevisions(join(dir, "runs"), "runs", first, id, 4)).toBe(line);

    // With a limit below the memory of the two runs' values: a third of their index.json and input-values.csv bytes,
    // summed here from the files.
    let text = 0;
    for (const run of [first, id]) for (const name of ["index.json", "input-values.csv"]) text += (await stat(join(dir, "runs", run, name))).size;
    const bytes = Math.ceil(text / 3);
    expect(await revisionMemoryBytes(join(dir, "runs"), [first, id])).toBe(bytes);
    expect(await summariseRevisions(join(dir, "runs"), "runs", first, id, 4, bytes - 1)).toBe(
      `revisions against run ${first}: not compared (comparing the two runs' values would take about ${(bytes / 2 ** 20).toFixed(1)} MB of memory, more than the ${((bytes - 1) / 2 ** 20).toFixed(1)} MB a run compares in; innovation-index diff compares them)`,
    );
    expect(await summariseRevisions(join(dir, "runs"), "runs", first, id, 4, bytes)).toBe(line);
  });

  it("keeps the line whole when the unit's name holds a line feed, a tab or an escape: each is shown as an escape", async () => {
    // The unit "North\nZone\t\x1b[2J" (quoted in the CSV, so the line feed is part of the name).
    const values = (a: number) => `unit,year,indicator,value\n"North\nZone\t\u001b[2J",2017,A,10\n"North\nZone\t\u001b[2J",2018,A,${a}\n`;
    const dir = await makeTempDir({
      "index.yaml": "name: names\nindicators: indicators.csv\nvalues: values.csv\n",
      "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\n",
      "values.csv": values(15),
    });
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = await latest(dir);
    // A 2018 revised from 15 to 12: A and INDEX 2018 = 100·12/10 = 120, down from 150.
    await writeFile(join(dir, "values.csv"), values(12));
    const second = await runCli(["compute"], dir);
    expect(second.code).toBe(0);
    const summary = second.stderr.split("\n").filter((text) => text.startsWith("revisions against run"));
    expect(summary).toEqual([
      `revisions against run ${first}: inputs 1 changed, 0 added, 0 removed; outputs 2 changed, 0 added, 0 removed; largest: INDEX North\\x0aZone\\x09\\x1b[2J 2018 150.0000 -> 120.0000 (-30.0000) (details: innovation-index diff)`,
    ]);
    expect(second.stderr).not.toContain("\u001b");
  });

  it("signs the largest change as printed: 1.98904 -> 1.98906 is (0.0000), 1.98903 -> 1.98908 is (+0.0001)", () => {
    // By hand: 1.98906 − 1.98904 = 0.00002, 0.0000 at four decimals, no sign (before: +0.0000); 1.98908 − 1.98903 =
    // 0.00005, 0.0001 half up (the binary difference 0.00004999999999988347 printed +0.0000).
    const run = (value: number) => [{ unit: "U1", year: 2018, code: "INDEX", value }];
    expect(formatRevisionSummary("r1", compareRunValues("output", run(1.98904), run(1.98906)), 4)).toContain("; largest: INDEX U1 2018 1.9890 -> 1.9891 (0.0000) (details");
    expect(formatRevisionSummary("r1", compareRunValues("output", run(1.98903), run(1.98908)), 4)).toContain("; largest: INDEX U1 2018 1.9890 -> 1.9891 (+0.0001) (details");
    expect(formatRevisionSummary("r1", compareRunValues("output", run(1.98908), run(1.98903)), 4)).toContain("; largest: INDEX U1 2018 1.9891 -> 1.9890 (-0.0001) (details");
  });

  it("labels the overall index's largest change as the index's when another output changed more, and names that one too", () => {
    const run = (index: number, c3: number, a1: number) => [
      { unit: "常州高新区", year: 2019, code: "INDEX", value: index },
      { unit: "常州高新区", year: 2019, code: "C3", value: c3 },
      { unit: "常州高新区", year: 2019, code: "A1", value: a1 },
    ];
    const counts = "outputs 2 changed, 0 added, 0 removed";
    // By hand: INDEX 184.7179 − 186.1327 = −1.4148; C3 98.7772 − 120 = −21.2228, the largest of all (diff's), so the
    // line names both, each labelled (it said "largest: INDEX … (-1.4148)").
    expect(formatRevisionSummary("r1", compareRunValues("output", run(186.1327, 120, 50), run(184.7179, 98.7772, 50)), 4)).toBe(
      `revisions against run r1: inputs 0 changed, 0 added, 0 removed; ${counts}; largest of the overall index: INDEX 常州高新区 2019 186.1327 -> 184.7179 (-1.4148); largest of all outputs: C3 常州高新区 2019 120.0000 -> 98.7772 (-21.2228) (details: innovation-index diff)`,
    );
    // INDEX +3 against A1 −2: the index's is the largest of all, named once.
    expect(formatRevisionSummary("r1", compareRunValues("output", run(100, 90, 50), run(103, 90, 48)), 4)).toContain(
      `${counts}; largest: INDEX 常州高新区 2019 100.0000 -> 103.0000 (+3.0000) (details`,
    );
    // INDEX −2 against A1 +2: a tie, the index's named alone (no other output changed more).
    expect(formatRevisionSummary("r1", compareRunValues("output", run(100, 90, 50), run(98, 90, 52)), 4)).toContain(
      `${counts}; largest: INDEX 常州高新区 2019 100.0000 -> 98.0000 (-2.0000) (details`,
    );
    // The index unchanged: the largest of the outputs that changed (C3 −5 against A1 +1), as "largest".
    expect(formatRevisionSummary("r1", compareRunValues("output", run(100, 90, 50), run(100, 85, 51)), 4)).toContain(
      `${counts}; largest: C3 常州高新区 2019 90.0000 -> 85.0000 (-5.0000) (details`,
    );
  });
});

/**
 * `compute` in project folder `dir` as the CLI runs it, through the seam `runProjectCompute` offers: its computation,
 * here the CLI's own (`computeOutputs`) with `after` called on what it computed, once it has read every input. Returns
 * what was printed and the error thrown, if any.
 */
async function computeWith(
  dir: string,
  argv: string[],
  after: (computed: ComputedOutputs) => Promise<ComputedOutputs> | ComputedOutputs,
): Promise<{ error?: unknown; stderr: string }> {
  let stderr = "";
  const env = { cwd: dir, stdout: () => undefined, stderr: (text: string) => void (stderr += text) };
  const program = createProgram(env, "compute");
  // The command's action as the CLI's (compute.ts), but for the computation handed to the run.
  program.commands
    .find((command) => command.name() === "compute")!
    .action(async (_options: ComputeCommandOptions, command: Command) => {
      const project = (await applyProject(command, env))!;
      const options = { ...command.opts<ComputeCommandOptions>(), ...projectWords(project) };
      await runProjectCompute(options, command, project, env, async (options, env) => after(await computeOutputs(options, env)));
    });
  try {
    await program.parseAsync(["compute", ...argv], { from: "user" });
    return { stderr };
  } catch (error) {
    return { error, stderr };
  }
}

const sha256Of = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the manifest of a project run", () => {
  const VALUES = "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU1,2018,A,15\nU1,2018,B,30\n";
  const PROJECT = "name: inputs\nindicators: indicators.csv\nvalues: data\n";
  const makeProject = () =>
    makeTempDir({ "index.yaml": PROJECT, "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,+\n", "data/values.csv": VALUES });

  it("a values file changed, added or removed while the run read its inputs: E_INPUT_CHANGED naming it, and no run", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = await latest(dir);
    const before = await listDir(join(dir, "runs"));
    const revised = VALUES.replace("U1,2018,A,15", "U1,2018,A,12");
    const cases: [string, () => Promise<void>, string][] = [
      ["changed", () => writeFile(join(dir, "data/values.csv"), revised), `changed (SHA-256 ${sha256Of(VALUES).slice(0, 8)}… before, ${sha256Of(revised).slice(0, 8)}… once read)`],
      ["added", () => writeFile(join(dir, "data/2019.csv"), "unit,year,indicator,value\nU1,2019,A,1\n"), "appeared"],
    ];
    for (const [what, change, how] of cases) {
      const run = await computeWith(dir, ["--force"], async (computed) => {
        await change();
        return computed;
      });
      const file = what === "added" ? "data/2019.csv" : "data/values.csv";
      // An InputError: the CLI exits 1, as for any problem of the input files.
      expect(run.error, what).toBeInstanceOf(InputError);
      expect(run.error, what).toMatchObject({ code: "E_INPUT_CHANGED", source: file, message: projectMessages.inputChangedDuringRun(file, how) });
      // No run folder, no staging folder, no lock: LATEST as it was.
      expect(await listDir(join(dir, "runs")), what).toEqual(before);
      expect(await latest(dir)).toBe(id);
    }
    // Both at once, and a file removed: every one named.
    await rm(join(dir, "data/2019.csv"));
    await writeFile(join(dir, "data/values.csv"), VALUES);
    const run = await computeWith(dir, ["--force"], async (computed) => {
      await rm(join(dir, "data/values.csv"));
      await writeFile(join(dir, "data/2019.csv"), "unit,year,indicator,value\nU1,2019,A,1\n");
      return computed;
    });
    expect(run.error).toBeInstanceOf(ValidationError);
    expect((run.error as ValidationError).issues).toEqual([
      { code: "E_INPUT_CHANGED", source: "data/2019.csv", message: projectMessages.inputChangedDuringRun("data/2019.csv", "appeared") },
      { code: "E_INPUT_CHANGED", source: "data/values.csv", message: projectMessages.inputChangedDuringRun("data/values.csv", "disappeared") },
    ]);
    expect(await listDir(join(dir, "runs"))).toEqual(before);
  });

  it("index.yaml edited during a run is no change: the run records the SHA-256 of the bytes its options were read from", async () => {
    const dir = await makeProject();
    // index.yaml edited once its options were read: the run computed from the first version, and records that one.
    const run = await computeWith(dir, ["-q"], async (computed) => {
      await writeFile(join(dir, "index.yaml"), PROJECT + "# edited during the run\n");
      return computed;
    });
    expect(run.error).toBeUndefined();
    const manifest = await manifestOf(join(dir, "runs", await latest(dir)));
    expect(manifest.inputs).toEqual([
      { role: "project", path: "index.yaml", bytes: PROJECT.length, sha256: sha256Of(PROJECT) },
      { role: "indicators", path: "indicators.csv", bytes: expect.any(Number), sha256: await fileSha256(join(dir, "indicators.csv")) },
      { role: "values", path: "data/values.csv", bytes: VALUES.length, sha256: sha256Of(VALUES) },
    ]);
  });

  it("manifest.json's finishedAt is taken once every output is written", async () => {
    const dir = await makeProject();
    let written = 0;
    const run = await computeWith(dir, ["-q"], (computed) => {
      const content = textOf(computed.files["index.csv"]);
      // index.csv written slowly: its last chunk 30 ms after its first, the time noted once the writer took it.
      function* slowly() {
        yield content;
        const until = Date.now() + 30;
        while (Date.now() < until);
        written = Date.now();
      }
      return { ...computed, files: { ...computed.files, "index.csv": slowly() } };
    });
    expect(run.error).toBeUndefined();
    expect(written).toBeGreaterThan(0);
    const manifest = await manifestOf(join(dir, "runs", await latest(dir)));
    expect(Date.parse(manifest.finishedAt)).toBeGreaterThanOrEqual(written);
    expect(Date.parse(manifest.finishedAt) - Date.parse(manifest.startedAt)).toBeGreaterThanOrEqual(30);
  });
});
