/**
 * A project whose query reads a file it does not name as a literal. A path it builds from constants is evaluated before
 * it runs: its file is hashed into the run's fingerprint as a named one is, and `--if-changed` skips an unchanged run.
 * A file no one can list before the query runs (a statement DuckDB's parser cannot list the files of) cannot be hashed,
 * so `--if-changed` must not call the inputs unchanged: the run goes ahead with a warning saying why, its manifest says
 * so, and `report` into such a run says it may be stale.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectMessages } from "../../src/core/project-messages.js";
import { outputMessages } from "../../src/core/output-messages.js";
import { describe, expect, it } from "vitest";
import { editByHand, makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nX,,x,1,+\n";
const MICRO = "unit,year,g\nU,2017,10\nU,2018,20\n";
// U 2018 = 20/10·100 = 200 first; with micro.csv's 2018 value made 30, 30/10·100 = 300.
const MICRO_CHANGED = "unit,year,g\nU,2017,10\nU,2018,30\n";

/** A values query reading micro.csv through `from`, a table expression that builds its path. */
const valuesQuery = (from: string) => `SELECT unit, year::INTEGER AS year, 'X' AS indicator, g::DOUBLE AS value FROM ${from}\n`;

const FORMS: [string, string][] = [
  ["concat()", "read_csv(concat('micro', '.csv'))"],
  ["||", "read_csv('micro' || '.csv')"],
  // A path the text given to query('…') builds: the text's paths are resolved and listed as the query's own.
  ["query()", "query('SELECT * FROM read_csv(''mic'' || ''ro.csv'')')"],
];

/** A query micro.csv cannot be listed of: DuckDB serialises no parse tree of a PIVOT without IN, though it runs. */
const PIVOT_QUERY = "SELECT unit, year::INTEGER AS year, 'X' AS indicator, g::DOUBLE AS value FROM (PIVOT read_csv('micro.csv') ON unit USING first(g) GROUP BY year) UNPIVOT (g FOR unit IN (U))\n";

/** A project whose values are the query `values` over micro.csv, its base year 2017. */
const sqlProject = (values: string) =>
  makeTempDir({
    "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.sql\nmethods:\n  base-year: 2017\n",
    "tree.csv": TREE,
    "values.sql": values,
    "micro.csv": MICRO,
  });

/** SHA-256 of `text` in hex, as a run records an input's digest. */
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

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
    it(`hashes micro.csv when the values query builds its path via ${form}: no warning, skipped unchanged, run again once it changes`, async () => {
      const dir = await sqlProject(valuesQuery(from));
      await inFolder(dir, async () => {
        const first = await runCli(["compute"], dir);
        expect(first.code).toBe(0);
        expect(first.stderr).not.toContain("cannot name");
        const firstRun = await latest(dir);
        expect(await indexOf(dir, firstRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,200\.0000$/m);
        const manifest = JSON.parse(await readFile(join(dir, "runs", firstRun, "manifest.json"), "utf8"));
        expect(manifest.unnamedQueryInputs).toBeUndefined();
        expect(manifest.warnings.map((warning: { code: string }) => warning.code)).not.toContain("W_QUERY_FILES_UNNAMED");
        // The built path's file among the inputs, with the digest of its bytes (MICRO's, hashed here).
        expect(manifest.inputs.filter((input: { role: string }) => input.role === "query-input")).toEqual([
          { role: "query-input", path: "micro.csv", bytes: Buffer.byteLength(MICRO), sha256: sha256(MICRO) },
        ]);
        // Nothing changed: skipped, no new run.
        const same = await runCli(["compute", "--if-changed"], dir);
        expect(same.code).toBe(0);
        expect(same.stderr).toMatch(/^unchanged since run/);
        expect(await latest(dir)).toBe(firstRun);

        await editByHand(join(dir, "micro.csv"), MICRO_CHANGED);
        const second = await runCli(["compute", "--if-changed"], dir);
        expect(second.code).toBe(0);
        expect(second.stderr).not.toMatch(/unchanged since run/);
        const secondRun = await latest(dir);
        expect(secondRun).not.toBe(firstRun);
        expect(await indexOf(dir, secondRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,300\.0000$/m);
        const changed = JSON.parse(await readFile(join(dir, "runs", secondRun, "manifest.json"), "utf8"));
        expect(changed.inputs.find((input: { path: string }) => input.path === "micro.csv").sha256).toBe(sha256(MICRO_CHANGED));
        expect((await runCli(["verify"], dir)).code).toBe(0);
        // A report into the run: its inputs are all hashed, so it is not said to be possibly stale.
        const report = await runCli(["report", "-q"], dir);
        expect(report.code).toBe(0);
        expect(report.stderr).not.toContain("W_RUN_INPUTS_UNPROVEN");
        expect(report.stderr).not.toContain("may be stale");
      });
    });

  it("hashes the file of a tree's sql cell whose query builds its path, skips an unchanged run and runs again once it changes", async () => {
    const dir = await makeTempDir({
      "index.yaml": "name: microdata\nindicators: tree.csv\nvalues: values.csv\nmethods:\n  base-year: 2017\n",
      "tree.csv": `code,parent,name,weight,direction,sql\nY,,y,0.5,+,\nX,,x,0.5,+,"SELECT unit, year::INTEGER AS year, g::DOUBLE AS value FROM read_csv('micro' || '.csv')"\n`,
      "values.csv": "unit,year,indicator,value\nU,2017,Y,10\nU,2018,Y,10\n",
      "micro.csv": MICRO,
    });
    await inFolder(dir, async () => {
      const first = await runCli(["compute"], dir);
      expect(first.code).toBe(0);
      expect(first.stderr).not.toContain("cannot name");
      const firstRun = await latest(dir);
      const manifest = JSON.parse(await readFile(join(dir, "runs", firstRun, "manifest.json"), "utf8"));
      expect(manifest.unnamedQueryInputs).toBeUndefined();
      expect(manifest.inputs.find((input: { path: string }) => input.path === "micro.csv")).toEqual({ role: "query-input", path: "micro.csv", bytes: Buffer.byteLength(MICRO), sha256: sha256(MICRO) });
      expect((await runCli(["compute", "--if-changed"], dir)).stderr).toMatch(/^unchanged since run/);
      expect(await latest(dir)).toBe(firstRun);
      await editByHand(join(dir, "micro.csv"), MICRO_CHANGED);
      expect((await runCli(["compute", "--if-changed", "-q"], dir)).code).toBe(0);
      const secondRun = await latest(dir);
      expect(secondRun).not.toBe(firstRun);
      // U 2018: Y 10/10·100 = 100, X 300 (as above): 0.5·100 + 0.5·300 = 200.
      expect(await indexOf(dir, secondRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,200\.0000$/m);
    });
  });

  it("runs again after micro.csv changes when the query is one DuckDB's parser cannot list the files of (a PIVOT without IN)", async () => {
    const dir = await sqlProject(
      // micro.csv holds the literal path, but DuckDB serialises no parse tree of a PIVOT without IN: no file is known.
      PIVOT_QUERY,
    );
    await inFolder(dir, async () => {
      const first = await runCli(["compute"], dir);
      expect(first.code).toBe(0);
      expect(first.stderr).toContain("warning: values.sql: the query may read files the tool cannot name (a statement whose files DuckDB's parser cannot list (a PIVOT without IN))");
      const firstRun = await latest(dir);
      expect(await indexOf(dir, firstRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,200\.0000$/m);
      const manifest = JSON.parse(await readFile(join(dir, "runs", firstRun, "manifest.json"), "utf8"));
      expect(manifest.unnamedQueryInputs).toEqual(["values.sql"]);
      expect(manifest.warnings.map((warning: { code: string }) => warning.code)).toContain("W_QUERY_FILES_UNNAMED");
      // Without a parse tree the query's quoted texts are taken for paths: micro.csv is hashed, but what else the
      // statement reads is not known.
      expect(manifest.inputs.map((input: { path: string }) => input.path)).toContain("micro.csv");
      await editByHand(join(dir, "micro.csv"), MICRO_CHANGED);
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

  it("says a report into a run whose query reads files it cannot name may be stale, and still writes it", async () => {
    const dir = await sqlProject(
      // The PIVOT without IN, its path built: no parse tree, and no quoted text ('mic', 'ro.csv') is a file, so micro.csv
      // is in no digest of the run (read from the current folder, the project's here).
      PIVOT_QUERY.replace("'micro.csv'", "'mic' || 'ro.csv'"),
    );
    await inFolder(dir, async () => {
      expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
      const run = await latest(dir);
      const manifest = JSON.parse(await readFile(join(dir, "runs", run, "manifest.json"), "utf8"));
      expect(manifest.unnamedQueryInputs).toEqual(["values.sql"]);
      expect(manifest.inputs.map((input: { path: string }) => input.path)).not.toContain("micro.csv");
      // micro.csv changed since the run: no digest shows it, so the report cannot refuse (E_RUN_INPUTS_CHANGED); it
      // says the run may be stale instead of taking it as current.
      await editByHand(join(dir, "micro.csv"), MICRO_CHANGED);
      // Under --strict (strict: true in index.yaml, or the flag) still a warning, as compute's W_QUERY_FILES_UNNAMED of the
      // same query is: else a strict project could never report on such a run (before: refused, E_RUN_INPUTS_UNPROVEN).
      const strict = await runCli(["report", "--strict"], dir);
      expect(strict.code, strict.stderr).toBe(0);
      expect(strict.stderr).toContain(`warning: ${projectMessages.runInputsUnproven(`runs/${run}`, ["values.sql"])}`);
      expect(existsSync(join(dir, "runs", run, "report.html"))).toBe(true);
      const report = await runCli(["report"], dir);
      expect(report.code).toBe(0);
      expect(report.stderr).toContain(`warning: ${projectMessages.runInputsUnproven(`runs/${run}`, ["values.sql"])}`);
      expect(report.stderr).toContain(`runs/${run} may be stale: its queries (values.sql) may read files the tool cannot name`);
      expect(existsSync(join(dir, "runs", run, "report.html"))).toBe(true);
    });
  });

  it("refuses runs: data beside a query the parser cannot read that reads data/* (its literal glob counts; before: not seen)", async () => {
    const dir = await sqlProject(PIVOT_QUERY.replace("'micro.csv'", "'data/*'"));
    await mkdir(join(dir, "data"));
    await editByHand(join(dir, "data", "micro.csv"), MICRO);
    await editByHand(join(dir, "index.yaml"), "name: microdata\nindicators: tree.csv\nvalues: values.sql\nruns: data\nmethods:\n  base-year: 2017\n");
    await inFolder(dir, async () => {
      const run = await runCli(["compute", "-q"], dir);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toBe(`error: ${outputMessages.runsMatchedByQuery("index.yaml:4", "data", "values.sql", "data/*")}\n`);
      expect(existsSync(join(dir, "data", "LATEST"))).toBe(false);
    });
  });

  it("notices unnamedQueryInputs deleted from a manifest by hand: verify finds the fingerprint wrong, report still says the run may be stale", async () => {
    const dir = await sqlProject(PIVOT_QUERY.replace("'micro.csv'", "'mic' || 'ro.csv'"));
    await inFolder(dir, async () => {
      expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
      const run = await latest(dir);
      expect((await runCli(["verify"], dir)).code).toBe(0);
      const path = join(dir, "runs", run, "manifest.json");
      const manifest = JSON.parse(await readFile(path, "utf8"));
      expect(manifest.unnamedQueryInputs).toEqual(["values.sql"]);
      delete manifest.unnamedQueryInputs;
      await editByHand(path, JSON.stringify(manifest, null, 2) + "\n");
      // The fingerprint covers the list (fingerprintOf): without it, the manifest no longer agrees with itself.
      const verify = await runCli(["verify"], dir);
      expect(verify.code).toBe(1);
      expect(verify.stdout + verify.stderr).toContain(`manifest.json: fingerprint ${manifest.fingerprint}, but the tool version, options and input files it lists give`);
      // report finds the project's query unproven itself (its digest unchanged since the run), whatever the manifest says.
      const report = await runCli(["report"], dir);
      expect(report.stderr).toContain(`warning: ${projectMessages.runInputsUnproven(`runs/${run}`, ["values.sql"])}`);
    });
  });

  it("names and hashes micro.csv when query('…') is given it as a literal: no warning, and --if-changed sees it change", async () => {
    const dir = await sqlProject(valuesQuery("query('SELECT * FROM read_csv(''micro.csv'')')"));
    const first = await runCli(["compute"], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain("cannot name");
    const firstRun = await latest(dir);
    const manifest = JSON.parse(await readFile(join(dir, "runs", firstRun, "manifest.json"), "utf8"));
    expect(manifest.unnamedQueryInputs).toBeUndefined();
    expect(manifest.inputs.map((input: { path: string }) => input.path)).toContain("micro.csv");
    expect((await runCli(["compute", "--if-changed"], dir)).stderr).toMatch(/^unchanged since run/);
    await editByHand(join(dir, "micro.csv"), MICRO_CHANGED);
    expect((await runCli(["compute", "--if-changed", "-q"], dir)).code).toBe(0);
    const secondRun = await latest(dir);
    expect(secondRun).not.toBe(firstRun);
    expect(await indexOf(dir, secondRun)).toMatch(/^U,2018,INDEX,[^,\n]*,0,300\.0000$/m);
  });

  it("still skips a run whose query names every file it reads", async () => {
    const dir = await sqlProject(valuesQuery("read_csv('micro.csv', delim = ',')"));
    const first = await runCli(["compute"], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain("W_QUERY_FILES_UNNAMED");
    expect(first.stderr).not.toContain("cannot name");
    const manifest = JSON.parse(await readFile(join(dir, "runs", await latest(dir), "manifest.json"), "utf8"));
    expect(manifest.unnamedQueryInputs).toBeUndefined();
    expect((await runCli(["compute", "--if-changed"], dir)).stderr).toMatch(/^unchanged since run/);
  });
});
