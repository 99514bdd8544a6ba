/**
 * A project whose values come from a SQL query over microdata: the query runs in the project folder, the manifest
 * records the query and the digest of every file it reads, and new microdata under an unchanged query is a change for
 * `--if-changed`.
 */
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

const QUERY = `-- firms and their employees per unit and year
SELECT unit, year, 'F' AS indicator, count(*)::DOUBLE AS value FROM read_csv('firms.csv') GROUP BY unit, year
UNION ALL
SELECT unit, year, 'E', sum(employees)::DOUBLE FROM read_csv('firms.csv') GROUP BY unit, year
`;

describe("a project with a .sql values query", () => {
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
});
