/**
 * The facade (`load`, `compute`, `analyse`, `report`) gives the numbers of the `compute` command: the same pipeline and
 * defaults. Each case runs the CLI on the shipped example and compares every value of its `index.json` (unrounded)
 * with the facade's result for the same options.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { analyse, audit, compute, load, report, type IndexOptions } from "../src/index.js";
import { parseCsv } from "../src/io/csv.js";
import { makeTempDir, runCli } from "./helpers.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FILES = { indicators: "indicators/changzhou-2020.csv", data: "data/changzhou/values.csv", cwd: ROOT };
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

/** index.json of `compute` with `flags` on the shipped example: unit -> year -> code -> value. */
async function cliValues(flags: string[]): Promise<Map<string, number>> {
  const out = await makeTempDir();
  folders.push(out);
  const run = await runCli(["compute", "-i", FILES.indicators, "-d", FILES.data, "--out", out, "-q", ...flags], ROOT);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const json = JSON.parse(await readFile(join(out, "index.json"), "utf8")) as { results: { unit: string; year: number; values: Record<string, number | null> }[] };
  const values = new Map<string, number>();
  for (const row of json.results) for (const [code, value] of Object.entries(row.values)) values.set(`${row.unit}|${row.year}|${code}`, value ?? NaN);
  return values;
}

describe("the facade", () => {
  it.each<[string, string[], IndexOptions]>([
    ["defaults (fixed base 2017, tree weights, arithmetic)", [], {}],
    ["entropy weights", ["--weights", "entropy"], { weights: "entropy" }],
    ["AHP weights from a judgement file", ["--weights", "ahp", "--ahp", "indicators/changzhou-2020-ahp.csv"], { weights: "ahp", ahp: "indicators/changzhou-2020-ahp.csv" }],
    ["z-scores and the geometric mean", ["--normalise", "z-score", "--aggregate", "geometric"], { normalize: "z-score", aggregate: "geometric" }],
  ])("compute(load(files), options) equals `compute` on the command line: %s", async (_title, flags, options) => {
    const expected = await cliValues(flags);
    const result = await compute(await load(FILES), options);
    const unitCount = result.units.length;
    const yearCount = result.years.length;
    let compared = 0;
    result.nodes.forEach((node, n) =>
      result.units.forEach((unit, u) =>
        result.years.forEach((year, y) => {
          const value = result.values[(n * unitCount + u) * yearCount + y];
          expect(expected.get(`${unit}|${year}|${node.code}`), `${node.code} ${year}`).toBe(Number.isNaN(value) ? NaN : value);
          compared++;
        }),
      ),
    );
    expect(compared).toBe(expected.size);
  });

  it("compute gives 100 for every node in the base year (the fixed-base definition), and reports derived weights", async () => {
    const result = await compute(await load(FILES), { weights: "entropy", baseYear: 2017 });
    const base = result.years.indexOf(2017);
    for (let n = 0; n < result.nodes.length; n++) expect(result.values[n * result.years.length + base]).toBe(100);
    expect(result.derivedWeights?.summary.method).toBe("entropy");
  });

  it("analyse gives growth from the values: 100 · (v_t − v_(t−1)) / v_(t−1) of the overall index", async () => {
    const result = await compute(await load(FILES));
    const analysis = analyse(result);
    // The overall index is node 0 and there is one unit: its series is values[0 .. years).
    const series = result.values.subarray(0, result.years.length);
    expect(analysis.growth.changePercent[1]).toBeCloseTo((100 * (series[1] - series[0])) / series[0], 12);
    expect(analysis.growth.changePercent[2]).toBeCloseTo((100 * (series[2] - series[1])) / series[1], 12);
  });

  it("report gives the page the CLI writes with --report --static (same default appendix and decimals)", async () => {
    const out = await makeTempDir();
    folders.push(out);
    expect((await runCli(["compute", "-i", FILES.indicators, "-d", FILES.data, "--out", out, "-q", "--report", "--static"], ROOT)).code).toBe(0);
    const page = await report(await compute(await load(FILES)));
    expect(page).toBe(await readFile(join(out, "report.html"), "utf8"));
  });

  it("audit gives the audit command's pooled Cronbach's alpha per group (correlations over the years of the one unit)", async () => {
    const out = await makeTempDir();
    folders.push(out);
    expect((await runCli(["audit", "-i", FILES.indicators, "-d", FILES.data, "--out", out, "-q"], ROOT)).code).toBe(0);
    const table = parseCsv(await readFile(join(out, "cronbach.csv"), "utf8"), "cronbach.csv");
    const column = (name: string) => table.header.findIndex((header) => header.replace(/^\uFEFF/, "") === name);
    const pooled = table.rows.filter(({ cells }) => cells[column("period")] === "all");
    const result = audit(await compute(await load(FILES)));
    expect(pooled.length).toBeGreaterThan(0);
    for (const { cells } of pooled) {
      const row = result.cronbach.find((candidate) => candidate.period === "all" && candidate.group === cells[column("group")])!;
      if (cells[column("alpha")] === "") expect(Number.isNaN(row.alpha)).toBe(true);
      else expect(row.alpha).toBeCloseTo(Number(cells[column("alpha")]), 4);
    }
  });
});
