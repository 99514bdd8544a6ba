/**
 * (c) Monte Carlo uncertainty and sensitivity analysis, 1,000 replications, two designs:
 *
 * - ASEM, as the target is set: COINr's ASEM data (bench/data/asem: 51 countries, 49 indicators in 8 pillars and
 *   2 sub-indices, one year, with gaps), min-max scores on 1-100 (so that a geometric mean is defined), gaps
 *   reweighted, every weight perturbed by ±20% and a choice between the arithmetic and the geometric mean:
 *   1,000 × (2 + 2) = 4,000 index runs in the design.
 * - the synthetic twin of ASEM over five years (51 units × 49 indicators × 5 years, three levels of aggregation: 8
 *   groups, 2 dimensions, the index), weights ±20% and a choice between fixed-base and min-max normalisation: five
 *   times the cells of one year.
 *
 * Each is timed in process (the analysis alone: the first, cold run, then the median of four more) and end to end (the
 * `uncertainty` command from CSV files in a fresh Node process, median of 11), beside `node -e 0`. Prints one JSON line.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "../dist/api.js";
import { analyzeUncertainty } from "../dist/core/uncertainty.js";
import { median, timeNode } from "./timing.mjs";
import { syntheticPanel, treeCsv, valuesCsvChunks } from "./synthetic.mjs";

const BIN = fileURLToPath(new URL("../bin/innovation-index.js", import.meta.url));
const ASEM = fileURLToPath(new URL("./data/asem/", import.meta.url));
const COMMAND_RUNS = 11;

/** The analysis in process: the first run's time and the median of four more. */
function timeAnalysis(tree, panel, options) {
  const times = [];
  let runs = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    runs = analyzeUncertainty(tree, panel, options).runs;
    times.push(performance.now() - start);
  }
  return { runs, coldMs: times[0], warmMs: median(times.slice(1)) };
}

/** The median wall time of the `uncertainty` command with `args` in `dir`. */
function timeCommand(dir, args) {
  const walls = [];
  for (let i = 0; i < COMMAND_RUNS; i++) walls.push(timeNode([BIN, "uncertainty", ...args, "-q"], { cwd: dir }));
  return median(walls);
}

const dir = mkdtempSync(join(tmpdir(), "innovation-index-bench-uncertainty-"));
try {
  const nodeMs = median(Array.from({ length: COMMAND_RUNS }, () => timeNode(["-e", "0"])));

  // ASEM: its tree and values as import-coinr makes them.
  const asemDir = join(dir, "asem");
  const imported = spawnSync(process.execPath, [BIN, "import-coinr", "--data", join(ASEM, "asem_data.csv"), "--meta", join(ASEM, "asem_meta.csv"), "--out", asemDir, "-q"]);
  if (imported.status !== 0) throw new Error(`import-coinr failed: ${imported.stderr}`);
  const asemInputs = await load({ indicators: join(asemDir, "tree.csv"), data: join(asemDir, "values.csv") });
  const asem = timeAnalysis(asemInputs.tree, asemInputs.panel, {
    replications: 1000,
    seed: 1,
    weightNoise: 0.2,
    normalizations: ["min-max"],
    range: { low: 1, high: 100 },
    missingPolicies: ["reweight"],
    aggregations: ["arithmetic", "geometric"],
  });
  const asemArgs = ["-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--range", "1,100", "--missing", "reweight"];
  asem.commandMs = timeCommand(asemDir, [...asemArgs, "--weight-noise", "0.2", "--aggregations", "arithmetic,geometric", "-n", "1000", "--seed", "1"]);
  // `compute` with the same inputs and settings: the part of the command that is not the analysis.
  asem.computeMs = median(Array.from({ length: COMMAND_RUNS }, () => timeNode([BIN, "compute", ...asemArgs, "-q"], { cwd: asemDir })));
  asem.units = asemInputs.panel.units.length;
  asem.indicators = asemInputs.panel.indicators.length;
  asem.years = asemInputs.panel.years.length;

  // The synthetic twin over five years.
  const shape = { units: 51, indicators: 49, years: 5, dimensions: 2, groupsPerDimension: 4, seed: 7 };
  const { tree, panel } = syntheticPanel(shape);
  const twin = timeAnalysis(tree, panel, { replications: 1000, seed: 1, weightNoise: 0.2, normalizations: ["fixed-base", "min-max"] });
  const twinDir = join(dir, "twin");
  mkdirSync(twinDir);
  writeFileSync(join(twinDir, "tree.csv"), treeCsv(tree));
  writeFileSync(join(twinDir, "values.csv"), [...valuesCsvChunks(panel)].join(""));
  twin.commandMs = timeCommand(twinDir, ["-i", "tree.csv", "-d", "values.csv", "--weight-noise", "0.2", "--normalisations", "fixed-base,min-max", "-n", "1000", "--seed", "1"]);
  twin.units = shape.units;
  twin.indicators = shape.indicators;
  twin.years = shape.years;

  console.log(JSON.stringify({ bench: "uncertainty", replications: 1000, nodeMs, asem, twin }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
