/**
 * A project whose values come from a SQL query over microdata: the query runs in the project folder, the manifest
 * records the query and the digest of every file it reads, and new microdata under an unchanged query is a change for
 * `--if-changed`.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

const QUERY = `-- firms and their employees per unit and year
SELECT unit, year, 'F' AS indicator, count(*)::DOUBLE AS value FROM read_csv('firms.csv') GROUP BY unit, year
UNION ALL
SELECT unit, year, 'E', sum(employees)::DOUBLE FROM read_csv('firms.csv') GROUP BY unit, year
`;

describe("a project with a .sql values query", () => {
  it("reads the project's files with --project and --out from another folder, not the current folder's (before: a decoy there was read)", async () => {
    const dir = await makeTempDir({
      "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.sql\nmethods:\n  base-year: 2017\n",
      "tree.csv": "code,parent,name,weight,direction\nX,,x,1,+\n",
      "values.sql": "SELECT unit, year::INTEGER AS year, 'X' AS indicator, g::DOUBLE AS value FROM read_csv('data/x.csv')\n",
      "data/x.csv": "unit,year,g\nU,2017,100\nU,2018,200\n",
    });
    // The same path in the folder the command runs in, with another value: U 2018 would be 999/100·100 = 999.
    const elsewhere = await makeTempDir({ "data/x.csv": "unit,year,g\nU,2017,100\nU,2018,999\n" });
    folders.push(dir, elsewhere);
    const started = process.cwd();
    process.chdir(elsewhere);
    try {
      for (const command of ["compute", "audit"]) {
        const run = await runCli([command, "--project", join(dir, "index.yaml"), "--out", command, "-q"], elsewhere);
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
      }
      // U 2018 = 200/100·100 = 200, from the project's data/x.csv.
      expect(await readFile(join(elsewhere, "compute/index.csv"), "utf8")).toMatch(/^U,2018,INDEX,[^,\n]*,0,200\.0000$/m);
      // compare --with: both configurations read the project's file (compare.csv: unit, year, index_a, rank_a, index_b, …).
      const compared = await runCli(["compare", "--project", join(dir, "index.yaml"), "--with", "--aggregate geometric", "--out", "compare", "-q"], elsewhere);
      expect(compared.stderr).toBe("");
      const row = (await readFile(join(elsewhere, "compare/compare.csv"), "utf8")).split(/\r?\n/).find((line) => line.startsWith("U,2018,"));
      expect([2, 4].map((column) => Number(row?.split(",")[column]))).toEqual([200, 200]);
      // The audit's raw values (n, coverage, mean, sd, min, max) pooled over the years: max 200, the project's, not 999.
      const pooled = (await readFile(join(elsewhere, "audit/statistics.csv"), "utf8")).split(/\r?\n/).find((line) => line.startsWith("all,X,"));
      expect(pooled?.split(",")[7]).toMatch(/^200(\.0+)?$/);
    } finally {
      process.chdir(started);
    }
  });

  it("refuses a runs: folder the query's glob reaches (data/LATEST would be read by data/*) before writing anything; data/runs works", async () => {
    const dir = await makeTempDir({
      "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.sql\nruns: data\nmethods:\n  base-year: 2017\n",
      "tree.csv": "code,parent,name,weight,direction\nX,,x,1,+\n",
      "values.sql": "SELECT unit, year::INTEGER AS year, 'X' AS indicator, g::DOUBLE AS value FROM read_csv('data/*')\n",
      "data/x.csv": "unit,year,g\nU,2017,100\nU,2018,200\n",
    });
    folders.push(dir);
    const refused = await runCli(["compute", "-q"], dir);
    // runs: is on line 4; an output error, exit 3; data/ as it was (no LATEST, no lock).
    expect(refused).toEqual({ code: 3, stdout: "", stderr: `error: ${outputMessages.runsMatchedByQuery("index.yaml:4", "data", "values.sql", "data/*")}\n` });
    expect(await readdir(join(dir, "data"))).toEqual(["x.csv"]);
    // read_csv('data/*.csv') with runs: data/runs: the pattern cannot reach data/runs/…; two runs, the second unchanged.
    await writeFile(join(dir, "values.sql"), "SELECT unit, year::INTEGER AS year, 'X' AS indicator, g::DOUBLE AS value FROM read_csv('data/*.csv')\n");
    await writeFile(join(dir, "index.yaml"), "name: microdata\nindicators: tree.csv\nvalues: values.sql\nruns: data/runs\nmethods:\n  base-year: 2017\n");
    expect(await runCli(["compute", "-q"], dir)).toMatchObject({ code: 0, stderr: "" });
    expect(await runCli(["compute", "-q"], dir)).toMatchObject({ code: 0, stderr: "" });
    expect((await readdir(join(dir, "data/runs"))).filter((name) => /^\d{8}T/.test(name))).toHaveLength(1);
  });

  it("records the query and the files it read, and runs again when those files change", async () => {
    const dir = await makeTempDir({
      "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.sql\nmethods:\n  base-year: 2017\n",
      "tree.csv": "code,parent,name,weight,direction\nF,,firms,0.5,+\nE,,employees,0.5,+\n",
      "values.sql": QUERY,
      "firms.csv": "unit,year,employees\nU1,2017,10\nU1,2017,30\nU2,2017,5\nU1,2018,40\nU2,2018,7\nU2,2018,9\n",
    });
    folders.push(dir);
    const started = process.cwd();
    process.chdir(dir);
    try {
      expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
      const first = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
      const manifest = JSON.parse(await readFile(join(dir, "runs", first, "manifest.json"), "utf8"));
      expect(manifest.query).toBe(QUERY);
      const firms = manifest.inputs.find((input: { role: string }) => input.role === "query-input");
      expect(firms).toMatchObject({ path: "firms.csv", sha256: createHash("sha256").update(await readFile(join(dir, "firms.csv"))).digest("hex") });
      // U1: 2 firms and 40 employees in 2017, 1 firm and 40 in 2018: index 2018 = 0.5·(1/2·100) + 0.5·(40/40·100) = 75.
      const index = await readFile(join(dir, "runs", first, "index.csv"), "utf8");
      expect(index).toMatch(/^U1,2018,INDEX,[^,\n]*,0,75\.0000$/m);

      expect((await runCli(["compute", "--if-changed"], dir)).stderr).toMatch(/^unchanged since run/);
      await writeFile(join(dir, "firms.csv"), "unit,year,employees\nU1,2017,10\nU1,2017,30\nU2,2017,5\nU1,2018,40\nU1,2018,1\nU2,2018,7\nU2,2018,9\n");
      expect((await runCli(["compute", "--if-changed", "-q"], dir)).code).toBe(0);
      const second = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
      expect(second).not.toBe(first);
      // U1 2018: 2 firms, 41 employees: 0.5·100 + 0.5·(41/40·100) = 101.25.
      expect(await readFile(join(dir, "runs", second, "index.csv"), "utf8")).toMatch(/^U1,2018,INDEX,[^,\n]*,0,101\.2500$/m);
    } finally {
      process.chdir(started);
    }
  });

  it("records the files read by the tree's sql column and by dollar-quoted paths, and runs again when they change", async () => {
    // P comes from its own query (the tree's sql column); the values query reads a.csv as '…' and c.json as $$…$$.
    const tree = `code,parent,name,weight,direction,sql
F,,firms,0.5,+,
P,,patents,0.5,+,"SELECT unit, year::INTEGER AS year, sum(granted)::DOUBLE AS value FROM read_csv('patents.csv') GROUP BY unit, year"
`;
    const query = "SELECT unit, year::INTEGER AS year, 'F' AS indicator, value FROM read_csv('a.csv')\nUNION ALL SELECT unit, year::INTEGER, 'F', value FROM read_json($$c.json$$)\n";
    const dir = await makeTempDir({
      "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.sql\nmethods:\n  base-year: 2017\n",
      "tree.csv": tree,
      "values.sql": query,
      "a.csv": "unit,year,value\nU1,2017,10\nU2,2017,20\n",
      "c.json": '[{"unit":"U1","year":2018,"value":10},{"unit":"U2","year":2018,"value":20}]',
      "patents.csv": "unit,year,granted\nU1,2017,4\nU1,2018,8\nU2,2017,5\nU2,2018,5\n",
    });
    folders.push(dir);
    const digest = async (name: string) => createHash("sha256").update(await readFile(join(dir, name))).digest("hex");
    const latest = async () => (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = await latest();
    const manifest = JSON.parse(await readFile(join(dir, "runs", first, "manifest.json"), "utf8"));
    const queryInputs = manifest.inputs.filter((input: { role: string }) => input.role === "query-input");
    expect(queryInputs.map((input: { path: string }) => input.path)).toEqual(["a.csv", "c.json", "patents.csv"]);
    expect(queryInputs[2].sha256).toBe(await digest("patents.csv"));
    // U1 2018: F 10/10·100 = 100, P 8/4·100 = 200: 0.5·100 + 0.5·200 = 150.
    expect(await readFile(join(dir, "runs", first, "index.csv"), "utf8")).toMatch(/^U1,2018,INDEX,[^,\n]*,0,150\.0000$/m);

    // A file read only by the tree's query changes: the run is no longer up to date.
    await writeFile(join(dir, "patents.csv"), "unit,year,granted\nU1,2017,4\nU1,2018,12\nU2,2017,5\nU2,2018,5\n");
    expect((await runCli(["compute", "--if-changed", "-q"], dir)).code).toBe(0);
    const second = await latest();
    expect(second).not.toBe(first);
    // U1 2018: P 12/4·100 = 300: 0.5·100 + 0.5·300 = 200.
    expect(await readFile(join(dir, "runs", second, "index.csv"), "utf8")).toMatch(/^U1,2018,INDEX,[^,\n]*,0,200\.0000$/m);

    // A file named by a dollar-quoted literal changes: so is it.
    await writeFile(join(dir, "c.json"), '[{"unit":"U1","year":2018,"value":5},{"unit":"U2","year":2018,"value":20}]');
    expect((await runCli(["compute", "--if-changed", "-q"], dir)).code).toBe(0);
    const third = await latest();
    expect(third).not.toBe(second);
    // U1 2018: F 5/10·100 = 50: 0.5·50 + 0.5·300 = 175.
    expect(await readFile(join(dir, "runs", third, "index.csv"), "utf8")).toMatch(/^U1,2018,INDEX,[^,\n]*,0,175\.0000$/m);
    expect((await runCli(["compute", "--if-changed"], dir)).stderr).toMatch(/^unchanged since run/);
  });
});
