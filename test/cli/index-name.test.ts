/**
 * The overall index's name: --index-name, else index.yaml's outputs.index-name, else the tree's root row (code INDEX,
 * no parent), else 总指数 when the tree's names are Chinese and Index otherwise.
 */
import { afterEach, describe, expect, it } from "vitest";
import { rm } from "node:fs/promises";
import { buildTree } from "../../src/core/tree.js";
import { defaultIndexName } from "../../src/core/compute.js";
import { makeTempDir, runCli } from "../helpers.js";

const values = "year,indicator,value\n2017,A1,1\n2018,A1,2\n2017,B1,1\n2018,B1,3\n";
const englishTree = "code,parent,name,weight,direction\nA,,Alpha,,\nA1,A,a one,,+\nB,,Beta,,\nB1,B,b one,,+\n";
const chineseTree = "code,parent,name,weight,direction\nA,,创新投入,,\nA1,A,研发,,+\nB,,产出,,\nB1,B,专利,,+\n";
const rootTree = "code,parent,name,name_en,weight,direction\nINDEX,,园区指数,Park index,,\nA,INDEX,Alpha,,,\nA1,A,a one,,,+\nB,,Beta,,,\nB1,B,b one,,,+\n";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The INDEX row of the 2018 values printed by compute --out - --format csv. */
async function indexRow(files: Record<string, string>, argv: string[] = []): Promise<string> {
  const dir = await makeTempDir(files);
  dirs.push(dir);
  const run = await runCli(["compute", "--out", "-", "--format", "csv", "-q", ...argv], dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run.stdout.split("\n").find((line) => line.startsWith(",2018,INDEX,"))!;
}

describe("the overall index's name", () => {
  it("is Index for a tree with English names and 总指数 for Chinese names", async () => {
    // Equal weights: INDEX 2018 = (200 + 300) / 2 = 250 by hand.
    expect(await indexRow({ "t.csv": englishTree, "v.csv": values }, ["-i", "t.csv", "-d", "v.csv"])).toBe(",2018,INDEX,Index,0,250.0000");
    expect(await indexRow({ "t.csv": chineseTree, "v.csv": values }, ["-i", "t.csv", "-d", "v.csv"])).toBe(",2018,INDEX,总指数,0,250.0000");
  });

  it("comes from the tree's root row, whose children may name INDEX as their parent", async () => {
    expect(await indexRow({ "t.csv": rootTree, "v.csv": values }, ["-i", "t.csv", "-d", "v.csv"])).toBe(",2018,INDEX,园区指数,0,250.0000");
    const built = buildTree(
      [
        { code: "INDEX", parent: "", name: "园区指数", nameEn: "Park index", weight: "", direction: "" },
        { code: "A", parent: "INDEX", name: "A", weight: "", direction: "+" },
      ],
      "t.csv",
    );
    expect(built.ok && built.value.indexName).toBe("园区指数");
    expect(built.ok && built.value.indexNameEn).toBe("Park index");
    expect(built.ok && built.value.roots).toEqual(["A"]);
    expect(built.ok && built.value.nodes[0].parent).toBe(null);
  });

  it("is --index-name when given, over the tree's root row", async () => {
    expect(await indexRow({ "t.csv": rootTree, "v.csv": values }, ["-i", "t.csv", "-d", "v.csv", "--index-name", "Zone index"])).toBe(
      ",2018,INDEX,Zone index,0,250.0000",
    );
  });

  it("is outputs.index-name of index.yaml in a project", async () => {
    const yaml = "indicators: t.csv\nvalues: v.csv\noutputs:\n  index-name: 高新区创新指数\n";
    expect(await indexRow({ "index.yaml": yaml, "t.csv": englishTree, "v.csv": values })).toBe(",2018,INDEX,高新区创新指数,0,250.0000");
  });

  it("defaultIndexName looks at the names' script", () => {
    expect(defaultIndexName({ nodes: [{ name: "Innovation" }, { name: "研发" }] as never })).toBe("总指数");
    expect(defaultIndexName({ nodes: [{ name: "Innovation" }] as never })).toBe("Index");
  });
});
