/**
 * `runs publish` and `rollback` refuse a runs folder on an input of the project's runs as compute does: the inputs
 * found from index.yaml alone (`projectInputsToRefuse`), checked by `projectRunsFolder` (unit tests: no build needed).
 */
import { Command } from "commander";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import type { CliEnv } from "../../src/cli/env.js";
import { projectInputsToRefuse } from "../../src/cli/project-inputs.js";
import { projectRunsFolder } from "../../src/cli/project-options.js";
import { readProject } from "../../src/io/project/project.js";
import { makeTempDir } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,-\n";
const YEAR = "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\n";

/** The `runs` command's options as `projectRunsFolder` reads them. */
function runsCommand(options: { runs?: string; project?: string } = {}): Command {
  const command = new Command("runs").option("--project <file>").option("--runs <dir>").option("--allow-outside-project");
  for (const [name, value] of Object.entries(options)) command.setOptionValue(name, value);
  return command;
}

describe("projectInputsToRefuse", () => {
  it("lists index.yaml, the tree, the values folder's files and the AHP file the weighting reads, named from the current folder", async () => {
    const dir = await makeTempDir({
      "index.yaml": "indicators: indicators.csv\nvalues: data\nmethods:\n  weights: ahp\n  ahp: ahp.csv\n",
      "indicators.csv": TREE,
      "data/2017.csv": YEAR,
      "data/2018.csv": YEAR.replaceAll("2017", "2018"),
      "ahp.csv": "group,a,b,value\n",
    });
    const found = await projectInputsToRefuse(await readProject(join(dir, "index.yaml")), join(dir, "data"));
    // From data/ as the current folder (displayPath): the values files by their names, the others (outside it) absolute.
    expect(found.inputs.map((input) => input.label)).toEqual([join(dir, "index.yaml"), join(dir, "indicators.csv"), "2017.csv", "2018.csv", join(dir, "ahp.csv")]);
    expect(found.patterns).toEqual([]);
    // weights: entropy reads no judgements (usesJudgements): the AHP file is no input of the run, as compute leaves it out.
    await writeFile(join(dir, "index.yaml"), "indicators: indicators.csv\nvalues: data\nmethods:\n  weights: entropy\n  ahp: ahp.csv\n");
    expect((await projectInputsToRefuse(await readProject(join(dir, "index.yaml")), dir)).inputs.map((input) => input.label)).toEqual([
      "index.yaml",
      "indicators.csv",
      "data/2017.csv",
      "data/2018.csv",
    ]);
  });

  it("lists a .sql query, the files it reads and the globs it reads by, with the query that names each", async () => {
    const dir = await makeTempDir({
      "index.yaml": "indicators: indicators.csv\nvalues: values.sql\n",
      "indicators.csv": TREE,
      "values.sql": "SELECT unit, year, indicator, value FROM read_csv('data/*.csv')\n",
      "data/2017.csv": YEAR,
    });
    const found = await projectInputsToRefuse(await readProject(join(dir, "index.yaml")), dir);
    expect(found.inputs.map((input) => input.label)).toEqual(["index.yaml", "indicators.csv", "values.sql", "data/2017.csv"]);
    expect(found.patterns).toEqual([{ pattern: join(dir, "data/*.csv"), label: "data/*.csv", query: "values.sql" }]);
  });
});

describe("projectRunsFolder for runs publish and rollback", () => {
  const env = (cwd: string) => ({ cwd }) as CliEnv;

  it("refuses a runs: that is the tree, one whose LATEST is the AHP file, one a query's glob reaches; in publish's and rollback's words", async () => {
    const dir = await makeTempDir({
      "index.yaml": "indicators: indicators.csv\nvalues: data\nruns: indicators.csv\nmethods:\n  weights: ahp\n  ahp: judgements/LATEST\n",
      "indicators.csv": TREE,
      "data/2017.csv": YEAR,
      "judgements/LATEST": "group,a,b,value\n",
    });
    for (const action of ["publish", "rollback"] as const) {
      // runs: is on line 3 of index.yaml.
      await expect(projectRunsFolder(runsCommand(), env(dir), { refuseFor: action })).rejects.toMatchObject({
        code: "E_OUT_IS_INPUT",
        message: outputMessages.runsToPublishIsInput(action, "index.yaml:3", "indicators.csv", "indicators.csv", true),
      });
      // --runs judgements: its LATEST would be written over the AHP file (ahp: judgements/LATEST).
      await expect(projectRunsFolder(runsCommand({ runs: "judgements" }), env(dir), { refuseFor: action })).rejects.toMatchObject({
        code: "E_OUT_IS_INPUT",
        message: outputMessages.runsToPublishIsInput(action, "--runs", "judgements", "judgements/LATEST", false),
      });
    }
    // The list only reads: not refused. Nor is --runs for a list.
    expect(await projectRunsFolder(runsCommand(), env(dir))).toBe(join(dir, "indicators.csv"));
    // A values query reading data/*, with runs: data: refused (its next run would read data/LATEST by data/*).
    await writeFile(join(dir, "values.sql"), "SELECT unit, year, indicator, value FROM read_csv('data/*')\n");
    await writeFile(join(dir, "index.yaml"), "indicators: indicators.csv\nvalues: values.sql\nruns: data\n");
    await expect(projectRunsFolder(runsCommand(), env(dir), { refuseFor: "publish" })).rejects.toMatchObject({
      code: "E_OUT_IS_INPUT",
      message: outputMessages.runsMatchedByQuery("index.yaml:3", "data", "values.sql", "data/*", "publish"),
    });
    // data/*.csv with runs: data: no file a run writes in data ends in .csv, so it is not refused.
    await writeFile(join(dir, "values.sql"), "SELECT unit, year, indicator, value FROM read_csv('data/*.csv')\n");
    expect(await projectRunsFolder(runsCommand(), env(dir), { refuseFor: "publish" })).toBe(join(dir, "data"));
    // runs: data/runs is out of the pattern's reach.
    await writeFile(join(dir, "index.yaml"), "indicators: indicators.csv\nvalues: values.sql\nruns: data/runs\n");
    expect(await projectRunsFolder(runsCommand(), env(dir), { refuseFor: "publish" })).toBe(join(dir, "data/runs"));
  });

  it("refuses the values folder in its own words, and passes over the inputs of an index.yaml whose other keys it cannot read", async () => {
    const dir = await makeTempDir({ "index.yaml": "indicators: indicators.csv\nvalues: data\nruns: data\n", "indicators.csv": TREE, "data/2017.csv": YEAR });
    await expect(projectRunsFolder(runsCommand(), env(dir), { refuseFor: "rollback" })).rejects.toMatchObject({
      code: "E_OUT_IS_INPUT",
      message: outputMessages.runsToPublishIsValuesFolder("rollback", "index.yaml:3", "data"),
    });
    // A misspelt key (a mistake that stops compute): the tree as runs: is not known to be an input, and passes.
    await writeFile(join(dir, "index.yaml"), "indicators: indicators.csv\nvalues: data\nruns: indicators.csv\nmethods:\n  agregate: geometric\n");
    expect(await projectRunsFolder(runsCommand(), env(dir), { refuseFor: "publish" })).toBe(join(dir, "indicators.csv"));
  });
});
