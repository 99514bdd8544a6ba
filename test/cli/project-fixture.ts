/** A small project for tests of project runs: two indicators over 2017-2018 in `data/`, one file a year. */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

/** A project named `name` with two indicators over 2017-2018; writing `YEAR_2019` as `data/2019.csv` makes the next run a new one. */
export function makeTwoYearProject(name: string): Promise<string> {
  return makeTempDir({
    "index.yaml": `name: ${name}\nindicators: indicators.csv\nvalues: data\nmethods:\n  base-year: 2017\n`,
    "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,-\n",
    "data/2017.csv": "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU2,2017,A,5\nU2,2017,B,8\n",
    "data/2018.csv": "unit,year,indicator,value\nU1,2018,A,12\nU1,2018,B,18\nU2,2018,A,6\nU2,2018,B,9\n",
  });
}

/** The values of 2019, for `data/2019.csv`. */
export const YEAR_2019 = "unit,year,indicator,value\nU1,2019,A,13\nU1,2019,B,17\nU2,2019,A,7\nU2,2019,B,9\n";

/**
 * A project as `init` makes it (its index.yaml sets `methods: weights: explicit` and `aggregate: arithmetic`), its
 * tree's first-level weights made unequal (A 0.8, B 0.2; init writes 0.5 and 0.5, which equal weights would repeat),
 * so that the tree's weights and equal ones differ. Returns the project's folder.
 */
export async function initProject(): Promise<string> {
  const dir = await makeTempDir();
  expect((await runCli(["init", "m1", "-q"], dir)).code).toBe(0);
  const tree = join(dir, "m1", "indicators.csv");
  const text = await readFile(tree, "utf8");
  const unequal = text.replace("Innovation input,0.5,", "Innovation input,0.8,").replace("Innovation output,0.5,", "Innovation output,0.2,");
  expect(unequal).not.toBe(text);
  await writeFile(tree, unequal);
  return join(dir, "m1");
}

/** The line of `methods:`'s key `key` in the index.yaml of `project` (1-based; 0 when it has none). */
export async function lineOfKey(project: string, key: string): Promise<number> {
  const lines = (await readFile(join(project, "index.yaml"), "utf8")).split("\n");
  return lines.findIndex((line) => line.startsWith(`  ${key}:`)) + 1;
}

