/**
 * Result files written on worker threads. The workers run the compiled script, so these tests use the build in `dist/`
 * (`npm test` builds first); from the TypeScript sources every job is written on the calling thread.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import type * as FileJobs from "../../../src/io/write/file-jobs.js";
import { indexJsonFrame } from "../../../src/io/write/result-chunks.js";
import { makeTempDir, textOf } from "../../helpers.js";

const BUILT = fileURLToPath(new URL("../../../dist/io/write/file-jobs.js", import.meta.url));
const BIN = fileURLToPath(new URL("../../../bin/innovation-index.js", import.meta.url));
const run = promisify(execFile);

/** A result of 40 units × 3 indicators × 4 years, values varied enough that every digit counts. */
function result() {
  const tree = buildTree(
    [
      ["G", "", "", "", "组G"],
      ["a", "G", "", "+", "a"],
      ["b", "G", "", "-", "b,\"quoted\""],
      ["c", "", "", "+", "c"],
    ].map(([code, parent, weight, direction, name], i) => ({ line: i + 2, code, parent, weight, direction, name })),
  );
  if (!tree.ok) throw new Error("tree");
  const records = Array.from({ length: 40 }, (_, u) =>
    ["a", "b", "c"].flatMap((indicator, i) => [2017, 2018, 2019, 2020].map((year, y) => ({ unit: `U${u}`, year, indicator, value: 1 + ((u * 7 + i * 13 + y * 3) % 17) / 3 }))),
  ).flat();
  const panel = buildPanel(tree.value, records);
  if (!panel.ok) throw new Error("panel");
  return computeIndex(tree.value, panel.value);
}

describe.skipIf(!existsSync(BUILT))("runFileJobs (the compiled build, with worker threads)", () => {
  it("writes every job on the workers with the bytes of the same writer run here", async () => {
    const { fileJob, runFileJobs } = (await import(BUILT)) as typeof FileJobs;
    const computed = result();
    const options = { decimals: 6, bom: true };
    const jobs = [
      fileJob("index.csv", computed, options),
      fileJob("scores.csv", computed, options),
      fileJob("growth.csv", computed, options),
      fileJob("index.json", computed, options, indexJsonFrame(computed)),
    ];
    // The paths are temporary files the folder writer has claimed (created empty): the jobs write only into those.
    const dir = await makeTempDir(Object.fromEntries(jobs.map((_, i) => [`file-${i}`, ""])));
    await runFileJobs(jobs.map((job, i) => ({ job, path: join(dir, `file-${i}`) })), 4);
    for (const [i, job] of jobs.entries()) expect(await readFile(join(dir, `file-${i}`), "utf8")).toBe(textOf(job));
  });

  it("rejects with the file system's error when a job cannot write", async () => {
    const { fileJob, runFileJobs } = (await import(BUILT)) as typeof FileJobs;
    const computed = result();
    const dir = await makeTempDir();
    const job = fileJob("growth.csv", computed, {});
    const jobs = [
      { job, path: join(dir, "missing-folder", "growth.csv") },
      { job: fileJob("index.csv", computed, {}), path: join(dir, "index.csv") },
    ];
    await expect(runFileJobs(jobs, 2)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe.skipIf(!existsSync(fileURLToPath(new URL("../../../dist/bundle/file-worker.js", import.meta.url))))("compute --threads (the built CLI)", () => {
  it("writes the same files, byte for byte, with one thread and with four", async () => {
    const dir = await makeTempDir();
    for (const threads of ["1", "4"]) await run(process.execPath, [BIN, "compute", "--out", `out-${threads}`, "--threads", threads, "-q"], { cwd: dir });
    const names = await readdir(join(dir, "out-1"));
    expect(names).toEqual(expect.arrayContaining(["growth.csv", "index.csv", "index.json", "scores.csv"]));
    expect(await readdir(join(dir, "out-4"))).toEqual(names);
    for (const name of names) expect(await readFile(join(dir, "out-4", name)), name).toEqual(await readFile(join(dir, "out-1", name)));
  });
});
