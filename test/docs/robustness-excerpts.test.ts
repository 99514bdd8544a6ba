/**
 * The CSV excerpts of docs/guides/robustness.md are the files `audit … --decimals 2` and `compare` write for the ASEM
 * test panel (min-max, gaps reweighted), line by line: a line `…` stands for rows left out, and a block without one is
 * the whole file.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";
import { expectShown, linesOf } from "./console-blocks.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ASEM = join(ROOT, "test/fixtures/asem");
const INPUTS = ["-i", join(ASEM, "tree-scaling.csv"), "-d", join(ASEM, "values.csv"), "--normalise", "min-max", "--missing", "reweight"];

/** The file whose header starts a block of the guide. */
const FILE_OF_HEADER: Record<string, string> = {
  "element,level,year,mean_abs_shift,max_shift,max_shift_unit": "audit/sensitivity-drop.csv",
  "unit,year,type,code,name,level,kind,value,score,rank,percentile,units": "audit/profiles.csv",
  "year,units,spearman,mean_abs_shift": "compare/compare-years.csv",
  "unit,year,index_a,rank_a,index_b,rank_b,rank_shift": "compare/compare.csv",
};

/** The lines of every fenced block of `doc` without a language, in order. */
function plainBlocks(doc: string): string[][] {
  return [...doc.matchAll(/^```\n([\s\S]*?)^```$/gm)].map((match) => linesOf(match[1]));
}

describe("docs/guides/robustness.md", () => {
  it("shows the rows of sensitivity-drop.csv, sensitivity-drop-ranks.csv, profiles.csv and compare's files as written", async () => {
    const doc = await readFile(join(ROOT, "docs/guides/robustness.md"), "utf8");
    const dir = await makeTempDir();
    const audit = await runCli(["audit", ...INPUTS, "--decimals", "2", "--out", "audit"], dir);
    expect(audit.code, audit.stderr).toBe(0);
    const compare = await runCli(["compare", ...INPUTS, "--with", "--normalise z-score", "--out", "compare"], dir);
    expect(compare.code, compare.stderr).toBe(0);
    const written = async (file: string) => linesOf((await readFile(join(dir, file), "utf8")).replace(/^\uFEFF/, ""));

    const checked: string[] = [];
    for (const block of plainBlocks(doc)) {
      const file = block[0].startsWith("unit,year,rank,") ? "audit/sensitivity-drop-ranks.csv" : FILE_OF_HEADER[block[0]];
      if (!file) continue;
      expectShown(block, await written(file), `robustness.md, ${file}`);
      checked.push(file);
    }
    expect(checked.sort()).toEqual([...Object.values(FILE_OF_HEADER), "audit/sensitivity-drop-ranks.csv"].sort());
  });
});
