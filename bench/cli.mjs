/**
 * (b) End to end from CSV: `compute` on the synthetic 3,000 × 200 × 20 panel written as a long CSV (12 million rows,
 * about 310 MB), run in a fresh Node process, wall time from spawn to exit; and, for comparison, the general reader
 * (csv-parse, one record object per row) on a tenth of the units, forced by a doubled quote in one unit's name; and reading plus
 * computing alone (no analysis, no files).
 * Prints one JSON line.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { syntheticPanel, treeCsv, valuesCsvChunks } from "./synthetic.mjs";

const CHILD = fileURLToPath(new URL("./cli-child.mjs", import.meta.url));

async function writeChunks(path, chunks) {
  const out = createWriteStream(path);
  for (const chunk of chunks) if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
  out.end();
  await new Promise((resolve) => out.on("finish", resolve));
}

function runCompute(dir, values) {
  // A fresh output folder, and the page cache flushed to disk: replacing the last run's 2 GB of files while the disk
  // still writes them back measures the disk, not the tool (see the README).
  rmSync(join(dir, "out"), { recursive: true, force: true });
  spawnSync("sync");
  const start = performance.now();
  const run = spawnSync(process.execPath, [CHILD, "compute", "-i", "tree.csv", "-d", values, "--out", "out", "-q"], { cwd: dir, encoding: "utf8" });
  const wallMs = performance.now() - start;
  const report = JSON.parse(run.stdout.trim().split("\n").at(-1));
  if (report.code !== 0) throw new Error(`compute failed: ${run.stderr}`);
  return { wallMs, peakRssMb: report.peakRssMb };
}

const shape = { units: 3000, indicators: 200, years: 20 };
const dir = join(tmpdir(), `innovation-index-bench-${shape.units}x${shape.indicators}x${shape.years}`);
mkdirSync(dir, { recursive: true });
const { tree, panel } = syntheticPanel(shape);
writeFileSync(join(dir, "tree.csv"), treeCsv(tree));
if (!existsSync(join(dir, "values.csv"))) await writeChunks(join(dir, "values.csv"), valuesCsvChunks(panel));
const fast = runCompute(dir, "values.csv");
// Reading (loadInputs) and computing (computeIndex) alone, without the analysis and the output files.
const readRun = spawnSync(process.execPath, [fileURLToPath(new URL("./read-child.mjs", import.meta.url)), "tree.csv", "values.csv"], { cwd: dir, encoding: "utf8" });
const read = JSON.parse(readRun.stdout.trim());

// The general reader on a tenth of the units: the same rows, the first unit named U"00001 (a doubled quote in CSV).
const sampleUnits = shape.units / 10;
const sample = { ...panel, units: panel.units.slice(0, sampleUnits), values: new Float64Array(sampleUnits * shape.indicators * shape.years) };
for (let i = 0; i < shape.indicators; i++)
  sample.values.set(panel.values.subarray(i * shape.units * shape.years, (i * shape.units + sampleUnits) * shape.years), i * sampleUnits * shape.years);
const quoted = (function* () {
  let first = true;
  for (const chunk of valuesCsvChunks(sample)) {
    yield first ? chunk : chunk.replace(/^U00001,/gm, '"U""00001",');
    first = false;
  }
})();
await writeChunks(join(dir, "values-quoted-sample.csv"), quoted);
const general = runCompute(dir, "values-quoted-sample.csv");
const values = shape.units * shape.indicators * shape.years;
console.log(
  JSON.stringify({
    bench: "cli",
    values,
    wallMs: fast.wallMs,
    valuesPerSecond: values / (fast.wallMs / 1000),
    peakRssMb: fast.peakRssMb,
    threads: availableParallelism() + 1,
    readMs: read.readMs,
    computeMs: read.computeMs,
    generalValues: values / 10,
    generalWallMs: general.wallMs,
    generalValuesPerSecond: values / 10 / (general.wallMs / 1000),
  }),
);
