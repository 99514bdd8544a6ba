/**
 * The weights benefit of the doubt chose travel with a run: written into `index.json` (`bodWeights`, by the byte path
 * compute uses), read back by `readRun`, so that the drill-down and the contributions built later from the run folder
 * show the weights the run used, not the nominal ones.
 *
 * The case is `bodCase` (test/core/aggregate/bod-weights.test.ts works its programmes by hand): G = BoD over X1 and X2,
 * units A, B, C, 2020 and 2021, min-max scores 2020 A (100, 0), B (0, 100), C (40, 40); 2021 A (60, 20), B (0, 100),
 * C (40, 40). Weights chosen, child-major `[(child · 3 + unit) · 2 + year]`: X1 A 1, 5/3; B 0, 0; C 1, 4/3 and X2 A 0,
 * 0; B 1, 1; C 1, 1. C 2021: G = 4/3·40 + 1·40 = 93.333, and C's rise from 80 is all X1's: 4/3·40 − 1·40 = 13.333.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { computeContributions, contributionMethod } from "../../../src/core/analysis/contributions.js";
import type { IndexResult } from "../../../src/core/compute.js";
import { ownWeightsNotes, weightShown, weightsUsed } from "../../../src/io/report/dashboard/drilldown.js";
import { dashboardWords } from "../../../src/io/report/dashboard/words.js";
import { readRun, type RunData } from "../../../src/io/runs/run-files.js";
import { indexJsonChunks } from "../../../src/io/write/result-chunks.js";
import { formatIndexJson } from "../../../src/io/write/to-json.js";
import { bodCase } from "../../core/aggregate/bod-case.js";
import { makeTempDir, textOf } from "../../helpers.js";

const rounded = (values: ArrayLike<number>) => Array.from(values, (value) => (Number.isNaN(value) ? "NaN" : Number(value.toFixed(10))));

/** A folder holding the `index.json` of `result` as compute writes it (the byte path, `indexJsonChunks`). */
async function runFolderOf(result: IndexResult): Promise<string> {
  const folder = await makeTempDir();
  await writeFile(join(folder, "index.json"), textOf(indexJsonChunks(result)));
  return folder;
}

/**
 * What a report needs of a run, rebuilt from its folder: the units, years, nodes and options its `index.json` lists,
 * the values `readRun` reads (node-major, as `IndexResult.values`), and the weights BoD chose as `readRun` gives them.
 */
async function rebuilt(folder: string, run: RunData) {
  const json = JSON.parse(await readFile(join(folder, "index.json"), "utf8")) as Pick<IndexResult, "units" | "years" | "nodes" | "options">;
  const { units, years, nodes, options } = json;
  const values = new Float64Array(nodes.length * units.length * years.length).fill(Number.NaN);
  for (const { unit, year, code, value } of run.outputs)
    values[(nodes.findIndex((node) => node.code === code) * units.length + units.indexOf(unit)) * years.length + years.indexOf(year)] = value;
  return { units, years, nodes, options, values, ...(run.bodWeights ? { bodWeights: run.bodWeights } : {}) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("readRun: the weights benefit of the doubt chose, from index.json", () => {
  it("gives the computed weights back, bit for bit, parsing index.json once", async () => {
    const { result } = bodCase();
    const folder = await runFolderOf(result);
    const text = await readFile(join(folder, "index.json"), "utf8");
    const parse = vi.spyOn(JSON, "parse");
    const run = await readRun(folder, "run");
    expect(parse.mock.calls.filter(([argument]) => argument === text)).toHaveLength(1);
    expect([...run.bodWeights!.keys()]).toEqual(["G"]);
    expect(run.bodWeights!.get("G")).toEqual(result.bodWeights!.get("G"));
    expect(rounded(run.bodWeights!.get("G")!)).toEqual(rounded([1, 5 / 3, 0, 0, 1, 4 / 3, 0, 0, 1, 1, 1, 1]));
    // the scale read from the same parse: min-max scores under BoD are on no ratio scale
    expect(run.ratioScale).toBe(false);
  });

  it("reads null as NaN (a unit-year with no score), and gives none for a run without BoD", async () => {
    const { result } = bodCase();
    const weights = Float64Array.from(result.bodWeights!.get("G")!);
    weights[5] = weights[11] = Number.NaN; // C 2021, both children
    const run = await readRun(await runFolderOf({ ...result, bodWeights: new Map([["G", weights]]) }), "run");
    expect(rounded(run.bodWeights!.get("G")!)).toEqual(rounded([1, 5 / 3, 0, 0, 1, Number.NaN, 0, 0, 1, 1, 1, Number.NaN]));
    expect((await readRun(await runFolderOf(bodCase({ aggregate: "topsis" }).result), "run")).bodWeights).toBeUndefined();
  });

  it("leaves out an entry that is not what compute writes (as if not recorded): a wrong length, a text, a group unknown", async () => {
    const { result } = bodCase();
    const json = JSON.parse(formatIndexJson(result));
    const folder = await makeTempDir();
    const good = json.bodWeights.G as number[];
    // G with 11 weights (12 expected: 2 children × 3 units × 2 years), H with none of its own children (no node H)
    for (const bodWeights of [{ G: good.slice(1) }, { G: [...good.slice(1), "1"] }, { H: good }, [good], "G"]) {
      await writeFile(join(folder, "index.json"), JSON.stringify({ ...json, bodWeights }));
      expect((await readRun(folder, "run")).bodWeights, JSON.stringify(bodWeights).slice(0, 40)).toBeUndefined();
    }
    // the valid entry kept beside an invalid one
    await writeFile(join(folder, "index.json"), JSON.stringify({ ...json, bodWeights: { G: good, H: [1] } }));
    expect([...(await readRun(folder, "run")).bodWeights!.keys()]).toEqual(["G"]);
  });
});

describe("a report built from the run folder shows the weights the run used", () => {
  it("drill-down: C 2021 under G shows X1 4/3 and X2 1 chosen, as right after the computation", async () => {
    const { result } = bodCase();
    const folder = await runFolderOf(result);
    const source = await rebuilt(folder, await readRun(folder, "run"));
    const [x1, x2] = [2, 3];
    const fromRun = weightsUsed(source, 2, 1);
    const direct = weightsUsed(result, 2, 1);
    expect(rounded(fromRun.within)).toEqual(rounded(direct.within));
    expect(rounded([fromRun.within[x1], fromRun.within[x2]])).toEqual(rounded([4 / 3, 1]));
    expect(weightShown(fromRun, x1, "within")).toEqual({ value: 4 / 3, nominal: 0.5, state: "chosen", method: "bod" });
    // The note above the drill-down says the weights are the unit's own (not the nominal ones).
    const en = dashboardWords("en");
    expect(ownWeightsNotes(en, source.nodes, "en", source.bodWeights)).toEqual(ownWeightsNotes(en, result.nodes, "en", result.bodWeights));
    expect(ownWeightsNotes(en, source.nodes, "en", source.bodWeights)).not.toEqual(ownWeightsNotes(en, source.nodes, "en"));
    // Without them (a run written before they were recorded) the page could show only the nominal 0.5.
    const { bodWeights: _bodWeights, ...bare } = source;
    expect(weightShown(weightsUsed(bare, 2, 1), x1, "within")).toEqual({ value: 0.5, nominal: 0.5, state: "nominal", method: "bod" });
  });

  it("contributions: C's rise of 13.333 is X1's alone, exact (additive), as from the computed result", async () => {
    const { result } = bodCase();
    const folder = await runFolderOf(result);
    const source = await rebuilt(folder, await readRun(folder, "run"));
    const fromRun = computeContributions(source, 2020, 2021);
    const direct = computeContributions(result, 2020, 2021);
    expect(rounded(fromRun.contribution)).toEqual(rounded(direct.contribution));
    // [node · 3 + unit]: C is unit 2; X1 node 2, X2 node 3
    expect(fromRun.contribution[2 * 3 + 2]).toBeCloseTo(40 / 3, 10);
    expect(fromRun.contribution[3 * 3 + 2]).toBeCloseTo(0, 10);
    expect(contributionMethod(fromRun, 3, 2, 2)).toBe("additive");
  });
});
