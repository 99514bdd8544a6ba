/**
 * (c) Monte Carlo: `analyzeUncertainty` with 1,000 replications on a synthetic twin of COINr's ASEM data set
 * (51 units × 49 indicators × 5 years, three levels of aggregation: 7 groups, 2 dimensions, the index), weights
 * perturbed by ±20% and a choice between fixed-base and min-max normalisation: 1,000 × (2 + 2) = 4,000 index runs.
 * Timed in process (the analysis alone) and end to end (the `uncertainty` command from CSV files, in a fresh process).
 * Prints one JSON line.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeUncertainty } from "../dist/core/uncertainty.js";
import { median } from "./timing.mjs";
import { syntheticPanel, treeCsv, valuesCsvChunks } from "./synthetic.mjs";

const shape = { units: 51, indicators: 49, years: 5, dimensions: 2, groupsPerDimension: 4, seed: 7 };
const { tree, panel } = syntheticPanel(shape);
const options = { replications: 1000, seed: 1, weightNoise: 0.2, normalizations: ["fixed-base", "min-max"] };
const times = [];
let runs = 0;
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  runs = analyzeUncertainty(tree, panel, options).runs;
  times.push(performance.now() - start);
}

const dir = join(tmpdir(), "innovation-index-bench-asem-twin");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "tree.csv"), treeCsv(tree));
writeFileSync(join(dir, "values.csv"), [...valuesCsvChunks(panel)].join(""));
const bin = fileURLToPath(new URL("../bin/innovation-index.js", import.meta.url));
const args = [bin, "uncertainty", "-i", "tree.csv", "-d", "values.csv", "--weight-noise", "0.2", "--normalisations", "fixed-base,min-max", "-n", "1000", "--seed", "1", "-q"];
const walls = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8" });
  walls.push(performance.now() - start);
  if (run.status !== 0) throw new Error(`uncertainty failed: ${run.stderr}`);
}
console.log(JSON.stringify({ bench: "uncertainty", replications: 1000, runs, analysisMs: median(times), cliWallMs: median(walls) }));
