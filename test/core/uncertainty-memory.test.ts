/**
 * The memory estimate of an uncertainty design and the refusal of a design that would not fit, before any run.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitMessages } from "../../src/core/limit-messages.js";
import { analyzeUncertainty, estimateUncertaintyMemory } from "../../src/core/uncertainty.js";
import { UsageError } from "../../src/errors.js";
import { parseByteSize } from "../../src/cli/commands/uncertainty.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";
import { panelOf, SMALL, smallTree } from "./small.js";

describe("estimateUncertaintyMemory", () => {
  it("counts 8 bytes per stored number, and 16 MB for what the runs allocate as they go", () => {
    // 10 units × 5 years = 50 cells, N = 1000: runs 4·50·1000 = 200,000; the summaries' two gathers of 8 cells × 2N
    // runs 2·8·2·1000 = 32,000; 2 combinations of (4·20 + 2)·50 = 8,200; panel 15·50 = 750: 240,950 numbers,
    // 1,927,600 bytes, and 16·1024² = 16,777,216 more.
    const shape = { units: 10, years: 5, nodes: 20, indicators: 15, replications: 1000, choices: 2, combinations: 2, bootstrap: 0 };
    expect(estimateUncertaintyMemory(shape)).toBe(18_704_816);
    // A bootstrap adds, per output (index, rank) and year, the rows' terms 2·5·(2·10 + 2·2)·1000 = 240,000 and the
    // resampling's sums and squares of each unit's runs 2·5·2·10·1000 = 200,000 numbers: 8 · 440,000 = 3,520,000 bytes.
    // (Before, the sums and squares counted once, 2·10·1000, not once per output and year: 45% short on ASEM.)
    expect(estimateUncertaintyMemory({ ...shape, bootstrap: 100 }) - estimateUncertaintyMemory(shape)).toBe(3_520_000);
    // The largest accepted design on 50 cells: 10 million replications take 4·50·10^7·8 = 16 GB for the runs alone.
    expect(estimateUncertaintyMemory({ ...shape, replications: 10_000_000 })).toBeGreaterThan(16e9);
  });
});

describe("analyzeUncertainty with a memory limit", () => {
  it("refuses a design over the limit at once, with the estimate and the limit", () => {
    const tree = smallTree();
    const panel = panelOf(tree, SMALL);
    // 2 units × 3 years = 6 cells, 5 nodes, 3 indicators, one choice (weights), one combination:
    // 8 · (4·6·10^7 + 32·10^7 + (4·5 + 2)·6 + 3·6) + 16·1024² = 4,480,001,200 + 16,777,216 = 4,496,778,416 bytes.
    const estimate = 8 * (4 * 6 * 10_000_000 + 32 * 10_000_000 + 22 * 6 + 18) + 16 * 1024 ** 2;
    expect(estimate).toBe(4_496_778_416);
    const started = performance.now();
    const run = () => analyzeUncertainty(tree, panel, { replications: 10_000_000, seed: 1, weightNoise: 0.2, memoryLimit: 1024 ** 3 });
    expect(run).toThrow(UsageError);
    expect(run).toThrow(limitMessages.designTooLarge(estimate, 1024 ** 3, 10_000_000));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(limitMessages.designTooLarge(estimate, 1024 ** 3, 10_000_000)).toBe(
      "the analysis would need about 4.2 GB of memory (10000000 replications), more than the limit of 1 GB; expected fewer replications, units or years, or a higher --memory-limit",
    );
  });

  it("runs a design under the limit", () => {
    const tree = smallTree();
    // 8 · (4·6·10 + 32·10 + 22·6 + 18) + 16·1024² = 16,782,896 bytes, under 32 MB.
    const result = analyzeUncertainty(tree, panelOf(tree, SMALL), { replications: 10, seed: 1, weightNoise: 0.2, memoryLimit: 32 * 1024 ** 2 });
    expect(result.runs).toBe(30);
  });
});

describe("uncertainty --memory-limit", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nX,,X,0.6,\nX1,X,x1,,+\nX2,X,x2,,-\nY,,Y,0.4,\nY1,Y,y1,,+\n",
      "values.csv": "unit,year,indicator,value\nU1,2017,X1,10\nU1,2018,X1,12\nU1,2017,X2,50\nU1,2018,X2,40\nU1,2017,Y1,200\nU1,2018,Y1,210\n",
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("parses sizes in powers of 1024", () => {
    expect([parseByteSize("8GB"), parseByteSize("512 MB"), parseByteSize("1.5g"), parseByteSize("4096")]).toEqual([8 * 1024 ** 3, 512 * 1024 ** 2, 1.5 * 1024 ** 3, 4096]);
    expect(() => parseByteSize("lots")).toThrow('--memory-limit must be a size such as 8GB, 512MB or a number of bytes, got "lots"');
  });

  it("refuses 10,000,000 replications over the limit with exit 2 and writes nothing", async () => {
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--weight-noise", "0.2", "-n", "10000000", "--memory-limit", "512MB", "--out", "out"], dir);
    // 1 unit × 2 years = 2 cells: 8 · (4·2·10^7 + 32·10^7 + 22·2 + 3·2) + 16·1024² = 3,216,777,616 bytes.
    expect(run.stderr).toContain(limitMessages.designTooLarge(8 * (4 * 2 * 10_000_000 + 32 * 10_000_000 + 22 * 2 + 6) + 16 * 1024 ** 2, 512 * 1024 ** 2, 10_000_000));
    expect(run.code).toBe(2);
    expect(await listDir(`${dir}/out`)).toEqual([]);
  });
});
