/**
 * `npm run bench`: the four speed figures of the README, each measured in its own Node process (so each peak memory
 * is its own), printed with the machine they were measured on. Not part of `npm test`.
 *
 * (a) engine: normalise + aggregate all levels, 3,000 units × 200 indicators × 20 years; target < 1 s, peak < 1.5 GB
 * (b) cli: `compute` end to end from CSV on the same panel; target >= 1 million values per second
 * (c) uncertainty: 1,000 replications on ASEM (51 × 49, weight noise, two aggregations), and on a five-year twin of
 *     it; target < 250 ms end to end
 * (d) startup: `compute` on the shipped example against `node -e 0`; target <= 2×
 * (e, f) duckdb: microdata in Parquet through one SQL query, and Parquet to Parquet
 * (g) audit: `auditIndex` on the panel of (a), every year and pooled, the drop analysis and the profiles of the last
 *     year, and the eight CSV tables; target < 10 s
 *
 * `node bench/index.mjs engine startup` runs only the named benchmarks.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { machine } from "./timing.mjs";

const ALL = ["engine", "cli", "uncertainty", "startup", "duckdb", "audit"];
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL;
const unknown = chosen.filter((name) => !ALL.includes(name));
if (unknown.length > 0) {
  const help = unknown.some((name) => name === "--help" || name === "-h");
  process.stderr.write(`${help ? "" : `unknown benchmark ${unknown.map((name) => `"${name}"`).join(", ")}; `}expected any of ${ALL.join(", ")} (none: all)\nusage: npm run bench [-- ${ALL.join(" ")}]\n`);
  process.exit(help ? 0 : 2);
}
const results = {};
for (const name of chosen) {
  const script = fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));
  process.stderr.write(`running ${name}...\n`);
  const run = spawnSync(process.execPath, ["--max-old-space-size=4096", script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) throw new Error(`bench ${name} failed (exit ${run.status})`);
  results[name] = JSON.parse(run.stdout.trim().split("\n").at(-1));
}

const lines = [`machine: ${machine()}`, ""];
const verdict = (met) => (met ? "met" : "NOT met");
const ms = (value) => `${value.toFixed(0)} ms`;
if (results.engine) {
  const { computeMs, computeMinMaxMs, engineAggregateMs, peakRssMb, values } = results.engine;
  lines.push(
    `(a) engine, ${(values / 1e6).toFixed(0)}M values: computeIndex (fixed-base, arithmetic, checks included) ${ms(computeMs)}` +
      ` (${((values / computeMs) * 1000 / 1e6).toFixed(1)}M values/s), min-max ${ms(computeMinMaxMs)};` +
      ` aggregation alone (Monte Carlo engine) ${ms(engineAggregateMs)}; peak memory ${peakRssMb.toFixed(0)} MB`,
    `    target < 1000 ms: ${verdict(computeMs < 1000)} (${(1000 / computeMs).toFixed(1)}× under); peak < 1536 MB: ${verdict(peakRssMb < 1536)}`,
  );
}
if (results.cli) {
  const { values, wallMs, valuesPerSecond, peakRssMb, threads, generalWallMs, generalValuesPerSecond, readMs, computeMs } = results.cli;
  lines.push(
    `(b) compute from CSV, ${(values / 1e6).toFixed(0)}M values: ${ms(wallMs)}, ${(valuesPerSecond / 1e6).toFixed(2)}M values/s, peak memory ${peakRssMb.toFixed(0)} MB, files written on ${threads} threads;` +
      ` general reader (csv-parse, a tenth of the data): ${ms(generalWallMs)}, ${(generalValuesPerSecond / 1e6).toFixed(2)}M values/s (fast path ${(valuesPerSecond / generalValuesPerSecond).toFixed(1)}×)`,
    `    of which reading the CSV into the panel ${ms(readMs)} (${(values / readMs / 1000).toFixed(2)}M values/s) and computing ${ms(computeMs)}; the rest is the analysis and writing 2 GB of files`,
    `    target >= 1M values/s: ${verdict(valuesPerSecond >= 1e6)} (${(valuesPerSecond / 1e6).toFixed(2)}×)`,
  );
}
if (results.uncertainty) {
  const { replications, nodeMs, asem, twin } = results.uncertainty;
  const design = (name, run) =>
    `${name} (${run.units} units × ${run.indicators} indicators × ${run.years} year${run.years === 1 ? "" : "s"}, ${run.runs} index runs): ` +
    `analysis ${ms(run.coldMs)} cold, ${ms(run.warmMs)} warm; the command end to end ${ms(run.commandMs)}`;
  lines.push(
    `(c) uncertainty, ${replications} replications; node -e 0 ${ms(nodeMs)}`,
    `    ${design("ASEM, weights ±20% and arithmetic or geometric mean", asem)}; compute alone ${ms(asem.computeMs)}`,
    `    target < 250 ms end to end on ASEM: ${verdict(asem.commandMs < 250)}; < 1000 ms: ${verdict(asem.commandMs < 1000)}`,
    `    ${design("five-year synthetic twin, weights ±20% and fixed-base or min-max", twin)}`,
  );
}
if (results.startup) {
  const { nodeMs, computeMs, ratio, xlsxMs, xlsxRatio } = results.startup;
  lines.push(
    `(d) startup: compute on the example ${ms(computeMs)}, with --xlsx (loads ExcelJS) ${ms(xlsxMs)}; node -e 0 ${ms(nodeMs)}`,
    `    target <= 2×: ${verdict(ratio <= 2)} by default (${ratio.toFixed(2)}×); with --xlsx ${xlsxRatio.toFixed(2)}×`,
  );
}
if (results.duckdb) {
  const { rows, microdataWallMs, microdataCpuMs, microdataPeakRssMb, values, parquetWallMs, parquetCpuMs, parquetValuesPerSecond, parquetPeakRssMb } = results.duckdb;
  lines.push(
    `(e) microdata, ${(rows / 1e6).toFixed(0)}M rows in Parquet -> one SQL query -> index as Parquet: ${ms(microdataWallMs)} (CPU ${ms(microdataCpuMs)}), peak memory ${microdataPeakRssMb.toFixed(0)} MB`,
    `    target < 30 s: ${verdict(microdataWallMs < 30_000)}; peak < 4096 MB: ${verdict(microdataPeakRssMb < 4096)}`,
    `(f) Parquet to Parquet, ${(values / 1e6).toFixed(0)}M values: ${ms(parquetWallMs)} (CPU ${ms(parquetCpuMs)}), ${(parquetValuesPerSecond / 1e6).toFixed(2)}M values/s, peak memory ${parquetPeakRssMb.toFixed(0)} MB`,
    `    target >= 5M values/s: ${verdict(parquetValuesPerSecond >= 5e6)}`,
  );
}
if (results.audit) {
  const { values, periods, correlations, drops, peakRssMb } = results.audit;
  const { auditMs, auditCpuMs, dropMs, dropCpuMs, profilesMs, profilesCpuMs, formatMs, formatCpuMs, totalMs, totalCpuMs } = results.audit;
  const both = (wall, cpu) => `${ms(wall)} (CPU ${ms(cpu)})`;
  lines.push(
    `(g) audit, ${(values / 1e6).toFixed(0)}M values, ${periods} periods (${correlations} correlations), ${drops} drops: ` +
      `auditIndex ${both(auditMs, auditCpuMs)}, drop ${both(dropMs, dropCpuMs)}, profiles ${both(profilesMs, profilesCpuMs)}, ` +
      `CSV tables ${both(formatMs, formatCpuMs)}; total ${both(totalMs, totalCpuMs)}; peak memory ${peakRssMb.toFixed(0)} MB`,
    `    target < 10000 ms: ${verdict(totalMs < 10000)} (wall-clock), ${verdict(totalCpuMs < 10000)} (CPU; the wall-clock time includes waiting for a core on a busy machine)`,
  );
}
process.stdout.write(lines.join("\n") + "\n");
