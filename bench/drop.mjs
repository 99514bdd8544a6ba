/**
 * Times the drop analysis (`computeDropSensitivity`) and its two CSV files on the synthetic panel (default 3,000 units
 * × 200 indicators × 20 years: 200 indicators + 25 groups = 225 drops). Run after `npm run build`:
 *   node bench/drop.mjs [units] [indicators] [years]
 */
import { computeIndex } from "../dist/core/compute.js";
import { computeDropSensitivity } from "../dist/core/audit/drop.js";
import { formatDropRanksCsv, formatDropSummaryCsv } from "../dist/io/write/drop-csv.js";
import { syntheticPanel } from "./synthetic.mjs";

const [units = 3000, indicators = 200, years = 20] = process.argv.slice(2).map(Number);
const { tree, panel } = syntheticPanel({ units, indicators, years });
let start = performance.now();
const result = computeIndex(tree, panel);
const computeSeconds = (performance.now() - start) / 1000;
start = performance.now();
const cpuStart = process.cpuUsage();
const sensitivity = computeDropSensitivity(result, { rankYears: [result.years.at(-1)] });
const dropSeconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
// CPU time of the process (user + system): on a shared machine the wall-clock time includes waiting for a core.
const dropCpuSeconds = (cpu.user + cpu.system) / 1e6;
start = performance.now();
const summary = formatDropSummaryCsv(sensitivity);
const ranks = formatDropRanksCsv(sensitivity);
const formatSeconds = (performance.now() - start) / 1000;
console.log(
  `${units} units × ${indicators} indicators × ${years} years: compute ${computeSeconds.toFixed(2)} s; ` +
    `${sensitivity.drops.length} drops ${dropSeconds.toFixed(2)} s (CPU ${dropCpuSeconds.toFixed(2)} s); CSV ${formatSeconds.toFixed(2)} s ` +
    `(summary ${(summary.length / 1e6).toFixed(1)} MB, ranks ${(ranks.length / 1e6).toFixed(1)} MB)`,
);
