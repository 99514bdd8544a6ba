/**
 * Paths in index.yaml that leave the project folder (`../x.csv`, absolute paths) are refused unless the file
 * (`allow-outside: true`) or the command line (`--allow-outside-project`) allows them.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitMessages } from "../../src/core/limit-messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nX,,X,,\nX1,X,x1,,+\nX2,X,x2,,-\n";
const VALUES = "unit,year,indicator,value\nU1,2017,X1,10\nU1,2017,X2,5\nU2,2017,X1,4\nU2,2017,X2,8\n";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir({
    "shared/values.csv": VALUES,
    "project/tree.csv": TREE,
    "project/values.csv": VALUES,
    "project/index.yaml": "indicators: tree.csv\nvalues: ../shared/values.csv\nmethods:\n  normalise: min-max\n",
    "allowed/tree.csv": TREE,
    "allowed/index.yaml": "indicators: tree.csv\nvalues: ../shared/values.csv\nallow-outside: true\nmethods:\n  normalise: min-max\n",
    "inside/tree.csv": TREE,
    "inside/data/values.csv": VALUES,
    "inside/index.yaml": "indicators: ./tree.csv\nvalues: data/../data/values.csv\nmethods:\n  normalise: min-max\n",
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("paths outside the project folder", () => {
  it("refuses ../ and absolute paths, naming the key, the line and the path", async () => {
    const text = `indicators: ${join(dir, "project", "tree.csv")}\nvalues: ../shared/values.csv\nmethods:\n  ahp: ../ahp.csv\n`;
    await makeFiles({ "project/index.yaml": text });
    const run = await runCli(["validate", "--project", "project"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`project/index.yaml:1: ${limitMessages.pathOutsideProject("indicators", join(dir, "project", "tree.csv"), true)}`);
    expect(run.stderr).toContain(`project/index.yaml:2: ${limitMessages.pathOutsideProject("values", "../shared/values.csv", false)}`);
    expect(run.stderr).toContain(`project/index.yaml:4: ${limitMessages.pathOutsideProject("methods.ahp", "../ahp.csv", false)}`);
    expect(limitMessages.pathOutsideProject("values", "../shared/values.csv", false)).toBe(
      'values: path "../shared/values.csv" leaves the project folder; expected a path relative to the folder of index.yaml and inside it (or set allow-outside: true in index.yaml, or give --allow-outside-project)',
    );
  });

  it("accepts them with allow-outside: true in index.yaml", async () => {
    const run = await runCli(["validate", "--project", "allowed"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("accepts them with --allow-outside-project", async () => {
    await makeFiles({ "project/index.yaml": "indicators: tree.csv\nvalues: ../shared/values.csv\nmethods:\n  normalise: min-max\n" });
    const refused = await runCli(["validate", "--project", "project"], dir);
    expect(refused.code).toBe(1);
    const run = await runCli(["validate", "--project", "project", "--allow-outside-project"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("accepts paths that only pass through ../ and stay inside", async () => {
    const run = await runCli(["validate", "--project", "inside"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});

async function makeFiles(files: Record<string, string>): Promise<void> {
  const { writeFile } = await import("node:fs/promises");
  for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
}
