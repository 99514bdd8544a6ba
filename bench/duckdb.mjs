/**
 * (e) Microdata to the index: 50 million synthetic enterprise rows in Parquet (3,000 units, 20 years, 200 sectors),
 *     one `.sql` query that sums each sector's revenue per unit and year into 200 indicators, the index computed and
 *     written as Parquet (`compute -d values.sql --parquet-only`); target < 30 s, peak < 4 GB.
 * (f) The 3,000 × 200 × 20 panel (12 M values) from a long Parquet file to Parquet results
 *     (`compute -d values.parquet --parquet-only`); target >= 5 M values/s end to end.
 * Each is run in a fresh Node process, wall time from spawn to exit, after `sync`, and CPU time (user + system of all
 * the process's threads, DuckDB's included: the figure to compare on a machine shared with other work). The data are made once by DuckDB
 * (seeded: `hash` of the row number) and kept in the system temp folder between runs. Prints one JSON line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { syntheticPanel, syntheticTree, treeCsv } from "./synthetic.mjs";

const CHILD = fileURLToPath(new URL("./cli-child.mjs", import.meta.url));
const dir = join(tmpdir(), "innovation-index-bench-duckdb");
mkdirSync(dir, { recursive: true });

const UNITS = 3000;
const YEARS = 20;
const SECTORS = 200;
const ROWS = 50_000_000;

const db = await DuckDBInstance.create(":memory:");
const connection = await db.connect();
const microdata = join(dir, "enterprises.parquet");
if (!existsSync(microdata))
  // Row r: unit r % 3000, year 2001 + (r / 3000) % 20, sector (r / 60000) % 200 (so every unit, year and sector has
  // rows: no gaps), revenue from hash(r · 7).
  await connection.run(
    `COPY (SELECT 'U' || lpad(((r % ${UNITS}) + 1)::VARCHAR, 5, '0') AS unit, (2001 + (r // ${UNITS}) % ${YEARS})::INTEGER AS year,
       ((r // ${UNITS * YEARS}) % ${SECTORS})::INTEGER AS sector, 1 + (hash(r * 7) % 100000) / 100.0 AS revenue FROM range(${ROWS}) t(r))
     TO '${microdata}' (FORMAT parquet, COMPRESSION zstd)`,
  );
// The tree of the other benchmarks (200 indicators I0001…I0200 under 20 groups and 5 dimensions).
const tree = syntheticTree({ indicators: SECTORS, dimensions: 5, groupsPerDimension: 4 });
writeFileSync(join(dir, "tree.csv"), treeCsv(tree));
writeFileSync(
  join(dir, "values.sql"),
  `SELECT unit, year, 'I' || lpad((sector + 1)::VARCHAR, 4, '0') AS indicator, sum(revenue) AS value
FROM read_parquet('enterprises.parquet')
GROUP BY unit, year, sector
`,
);

const panelFile = join(dir, "values.parquet");
if (!existsSync(panelFile)) {
  const { panel } = syntheticPanel({ units: UNITS, indicators: SECTORS, years: YEARS });
  await connection.run("CREATE TABLE panel (unit VARCHAR, year INTEGER, indicator VARCHAR, value DOUBLE)");
  const appender = await connection.createAppender("panel");
  const { units, years, indicators, values } = panel;
  for (let u = 0; u < units.length; u++)
    for (let i = 0; i < indicators.length; i++)
      for (let t = 0; t < years.length; t++) {
        appender.appendVarchar(units[u]);
        appender.appendInteger(years[t]);
        appender.appendVarchar(indicators[i]);
        appender.appendDouble(values[(i * units.length + u) * years.length + t]);
        appender.endRow();
      }
  appender.closeSync();
  await connection.run(`COPY panel TO '${panelFile}' (FORMAT parquet, COMPRESSION zstd)`);
}
connection.closeSync();
db.closeSync();

function runCompute(values) {
  rmSync(join(dir, "out"), { recursive: true, force: true });
  spawnSync("sync");
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--max-old-space-size=8192", CHILD, "compute", "-i", "tree.csv", "-d", values, "--out", "out", "--parquet-only", "-q"], { cwd: dir, encoding: "utf8" });
  const wallMs = performance.now() - start;
  const report = JSON.parse(run.stdout.trim().split("\n").at(-1));
  if (report.code !== 0) throw new Error(`compute failed: ${run.stderr}`);
  return { wallMs, cpuMs: report.cpuMs, peakRssMb: report.peakRssMb };
}

const microdataRun = runCompute("values.sql");
const panelRun = runCompute("values.parquet");
const values = UNITS * SECTORS * YEARS;
console.log(
  JSON.stringify({
    bench: "duckdb",
    rows: ROWS,
    microdataWallMs: microdataRun.wallMs,
    microdataCpuMs: microdataRun.cpuMs,
    microdataPeakRssMb: microdataRun.peakRssMb,
    values,
    parquetWallMs: panelRun.wallMs,
    parquetCpuMs: panelRun.cpuMs,
    parquetValuesPerSecond: values / (panelRun.wallMs / 1000),
    parquetPeakRssMb: panelRun.peakRssMb,
  }),
);
