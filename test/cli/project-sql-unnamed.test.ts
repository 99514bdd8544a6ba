/**
 * A project whose query reads a file it does not name as a literal (a path the query builds, a query given as text):
 * no one can hash that file, so `--if-changed` must not call the inputs unchanged; the run goes ahead with a warning
 * saying why, and its manifest says so.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nX,,x,1,+\n";
const MICRO = "unit,year,g\nU,2017,10\nU,2018,20\n";
// U 2018 = 20/10·100 = 200 first; with micro.csv's 2018 value made 30, 30/10·100 = 300.
const MICRO_CHANGED = "unit,year,g\nU,2017,10\nU,2018,30\n";

/** A values query reading micro.csv through `from`, a table expression that builds its path. */
const valuesQuery = (from: string) => `SELECT unit, year::INTEGER AS year, 'X' AS indicator, g::DOUBLE AS value FROM ${from}\n`;

const FORMS: [string, string][] = [
  ["concat()", "read_csv(concat('micro', '.csv'))"],
  ["||", "read_csv('micro' || '.csv')"],
  // A path the text given to query('…') builds: the text's literal paths are resolved and named (resolveQueryPaths).
  ["query()", "query('SELECT * FROM read_csv(''mic'' || ''ro.csv'')')"],
];

/**
 * Runs `run` with the process in `dir`, as when the CLI is run in the project folder (a path a query builds, inside the
 * text of `query('…')` too, is made absolute against the project folder wherever the process runs).
 */
async function inFolder<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const started = process.cwd();
  process.chdir(dir);
  try {
    return await run();
  } finally {
    process.chdir(started);
  }
}

const latest = async (dir: string) => (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
const indexOf = async (dir: string, run: string) => readFile(join(dir, "runs", run, "index.csv"), "utf8");

describe("a query that reads files it does not name", () => {
  for (const [form, from] of FORMS)
    it(`runs again after micro.csv changes when the values query reads it via ${form}, saying why`, async () => {
      const dir = await makeTempDir({
        "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.sql\nmethods:\n  base-year: 2017\n",
        "tree.csv": TREE,
        "values.sql": valuesQuery(from),
        "micro.csv": MICRO,
      });
      await inFolder(dir, async () => {
        const first = await runCli(["compute"], dir);
        expect(first.code).toBe(0);
        expect(first.stderr).toContain("warning: values.sql: the query may read files the tool cannot name (");
        const firstRun = await latest(dir);
        expect(await indexOf(dir, firstRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,200\.0000$/m);
        const manifest = JSON.parse(await readFile(join(dir, "runs", firstRun, "manifest.json"), "utf8"));
        expect(manifest.unnamedQueryInputs).toEqual(["values.sql"]);
        expect(manifest.warnings.map((warning: { code: string }) => warning.code)).toContain("W_QUERY_FILES_UNNAMED");
        // No query-input names micro.csv: the tool cannot see it.
        expect(manifest.inputs.map((input: { path: string }) => input.path)).not.toContain("micro.csv");

        await writeFile(join(dir, "micro.csv"), MICRO_CHANGED);
        const second = await runCli(["compute", "--if-changed"], dir);
        expect(second.code).toBe(0);
        expect(second.stderr).not.toMatch(/unchanged since run/);
        expect(second.stderr).toContain("--if-changed cannot tell whether they changed");
        const secondRun = await latest(dir);
        expect(secondRun).not.toBe(firstRun);
        expect(await indexOf(dir, secondRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,300\.0000$/m);
        // verify accepts such a run: the manifest's fingerprint still covers what it lists.
        expect((await runCli(["verify"], dir)).code).toBe(0);
      });
    });

  it("runs again after the file of a tree's sql cell changes when that query builds its path, naming the tree's line", async () => {
    const dir = await makeTempDir({
      "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.csv\nmethods:\n  base-year: 2017\n",
      "tree.csv": `code,parent,name,weight,direction,sql\nY,,y,0.5,+,\nX,,x,0.5,+,"SELECT unit, year::INTEGER AS year, g::DOUBLE AS value FROM read_csv('micro' || '.csv')"\n`,
      "values.csv": "unit,year,indicator,value\nU,2017,Y,10\nU,2018,Y,10\n",
      "micro.csv": MICRO,
    });
    await inFolder(dir, async () => {
      const first = await runCli(["compute"], dir);
      expect(first.code).toBe(0);
      expect(first.stderr).toContain('warning: tree.csv:3: the query of indicator "X" (column sql) may read files the tool cannot name (read_csv(…) of a path the query builds)');
      const firstRun = await latest(dir);
      expect(JSON.parse(await readFile(join(dir, "runs", firstRun, "manifest.json"), "utf8")).unnamedQueryInputs).toEqual(["tree.csv:3"]);
      await writeFile(join(dir, "micro.csv"), MICRO_CHANGED);
      expect((await runCli(["compute", "--if-changed", "-q"], dir)).code).toBe(0);
      const secondRun = await latest(dir);
      expect(secondRun).not.toBe(firstRun);
      // U 2018: Y 10/10·100 = 100, X 300 (as above): 0.5·100 + 0.5·300 = 200.
      expect(await indexOf(dir, secondRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,200\.0000$/m);
    });
  });

  it("runs again after micro.csv changes when the query is one DuckDB's parser cannot list the files of (a PIVOT without IN)", async () => {
    const dir = await makeTempDir({
      "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.sql\nmethods:\n  base-year: 2017\n",
      "tree.csv": TREE,
      // micro.csv holds the literal path, but DuckDB serialises no parse tree of a PIVOT without IN: no file is known.
      "values.sql": "SELECT unit, year::INTEGER AS year, 'X' AS indicator, g::DOUBLE AS value FROM (PIVOT read_csv('micro.csv') ON unit USING first(g) GROUP BY year) UNPIVOT (g FOR unit IN (U))\n",
      "micro.csv": MICRO,
    });
    await inFolder(dir, async () => {
      const first = await runCli(["compute"], dir);
      expect(first.code).toBe(0);
      expect(first.stderr).toContain("warning: values.sql: the query may read files the tool cannot name (a statement whose files DuckDB's parser cannot list (a PIVOT without IN))");
      const firstRun = await latest(dir);
      expect(await indexOf(dir, firstRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,200\.0000$/m);
      await writeFile(join(dir, "micro.csv"), MICRO_CHANGED);
      expect((await runCli(["compute", "--if-changed", "-q"], dir)).code).toBe(0);
      const secondRun = await latest(dir);
      expect(secondRun).not.toBe(firstRun);
      expect(await indexOf(dir, secondRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,300\.0000$/m);
    });
  });

  it("names and hashes micro.csv when query('…') is given it as a literal: no warning, and --if-changed sees it change", async () => {
    const dir = await makeTempDir({
      "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.sql\nmethods:\n  base-year: 2017\n",
      "tree.csv": TREE,
      "values.sql": valuesQuery("query('SELECT * FROM read_csv(''micro.csv'')')"),
      "micro.csv": MICRO,
    });
    const first = await runCli(["compute"], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain("cannot name");
    const firstRun = await latest(dir);
    const manifest = JSON.parse(await readFile(join(dir, "runs", firstRun, "manifest.json"), "utf8"));
    expect(manifest.unnamedQueryInputs).toBeUndefined();
    expect(manifest.inputs.map((input: { path: string }) => input.path)).toContain("micro.csv");
    expect((await runCli(["compute", "--if-changed"], dir)).stderr).toMatch(/^unchanged since run/);
    await writeFile(join(dir, "micro.csv"), MICRO_CHANGED);
    expect((await runCli(["compute", "--if-changed", "-q"], dir)).code).toBe(0);
    const secondRun = await latest(dir);
    expect(secondRun).not.toBe(firstRun);
    expect(await indexOf(dir, secondRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,300\.0000$/m);
  });

  it("still skips a run whose query names every file it reads", async () => {
    const dir = await makeTempDir({
      "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.sql\nmethods:\n  base-year: 2017\n",
      "tree.csv": TREE,
      "values.sql": valuesQuery("read_csv('micro.csv', delim = ',')"),
      "micro.csv": MICRO,
    });
    const first = await runCli(["compute"], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain("W_QUERY_FILES_UNNAMED");
    expect(first.stderr).not.toContain("cannot name");
    const manifest = JSON.parse(await readFile(join(dir, "runs", await latest(dir), "manifest.json"), "utf8"));
    expect(manifest.unnamedQueryInputs).toBeUndefined();
    expect((await runCli(["compute", "--if-changed"], dir)).stderr).toMatch(/^unchanged since run/);
  });
});
