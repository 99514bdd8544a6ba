/**
 * The microdata example (examples/microdata): its query, written in the SQL that DuckDB, Spark SQL and Trino share,
 * gives in DuckDB the values computed here by hand from a generated register; values.sql is that query and nothing
 * more (so the file a cluster runs and the one DuckDB runs cannot drift apart).
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckdb, sqlString } from "../../src/io/read/duckdb.js";
import { loadInputs } from "../../src/io/read/load.js";
import { makeTempDir } from "../helpers.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/microdata/", import.meta.url));
const CTE = "WITH enterprises AS (SELECT * FROM read_parquet('enterprises/*.parquet'))";

interface Firm {
  unit: string;
  year: number;
  revenue: number;
  rd_spending: number;
  employees: number;
  hightech: number;
}

/** A seeded register: 3 units × 3 years × 4 to 9 firms, every number a whole number so sums are exact. */
function register(): Firm[] {
  let state = 12345;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const firms: Firm[] = [];
  for (const unit of ["常州高新区", "Zone B", "Zone C"])
    for (const year of [2017, 2018, 2019])
      for (let f = 0, count = 4 + next(6); f < count; f++)
        firms.push({ unit, year, revenue: 100 + next(900), rd_spending: next(50), employees: 10 + next(200), hightech: next(3) === 0 ? 1 : 0 });
  return firms;
}

let dir: string;
const firms = register();

beforeAll(async () => {
  dir = await makeTempDir();
  await mkdir(join(dir, "enterprises"));
  await writeFile(join(dir, "register.csv"), ["unit,year,revenue,rd_spending,employees,hightech", ...firms.map((f) => `${f.unit},${f.year},${f.revenue},${f.rd_spending},${f.employees},${f.hightech}`)].join("\n") + "\n");
  const session = await openDuckdb();
  await session.connection.run(`COPY (SELECT * FROM read_csv(${sqlString(join(dir, "register.csv"))})) TO ${sqlString(join(dir, "enterprises", "part-0.parquet"))} (FORMAT parquet)`);
  session.close();
  await writeFile(join(dir, "values.sql"), await readFile(join(EXAMPLE, "values.sql")));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("examples/microdata", () => {
  it("values.sql is indicators.sql after a CTE that names the Parquet files enterprises", async () => {
    const values = await readFile(join(EXAMPLE, "values.sql"), "utf8");
    const shared = await readFile(join(EXAMPLE, "indicators.sql"), "utf8");
    const lines = values.split("\n");
    expect(lines[1]).toBe(CTE);
    expect(lines.slice(2).join("\n")).toBe(shared);
  });

  it("indicators.sql keeps to the SQL the three engines share (no ::, no DuckDB table functions, no QUALIFY)", async () => {
    const shared = (await readFile(join(EXAMPLE, "indicators.sql"), "utf8")).replace(/--.*$/gm, "");
    expect(shared).not.toMatch(/::|read_(parquet|csv|json)|QUALIFY|\bILIKE\b|list_|struct_|\bEXCLUDE\b/i);
  });

  it("in DuckDB, gives the indicators computed here from the register", async () => {
    const started = process.cwd();
    process.chdir(dir);
    try {
      const { panel } = await loadInputs(join(EXAMPLE, "tree.csv"), join(dir, "values.sql"), undefined, { queryRoot: dir });
      for (const unit of panel.units)
        for (const year of panel.years) {
          const rows = firms.filter((firm) => firm.unit === unit && firm.year === year);
          const sum = (pick: (firm: Firm) => number) => rows.reduce((total, firm) => total + pick(firm), 0);
          const expected: Record<string, number> = {
            RD_SHARE: (100 * sum((f) => f.rd_spending)) / sum((f) => f.revenue),
            HIGHTECH_FIRMS: sum((f) => f.hightech),
            REVENUE: sum((f) => f.revenue),
            HIGHTECH_JOBS_SHARE: (100 * sum((f) => (f.hightech ? f.employees : 0))) / sum((f) => f.employees),
          };
          for (const [code, value] of Object.entries(expected)) {
            const cell = (panel.indicators.indexOf(code) * panel.units.length + panel.units.indexOf(unit)) * panel.years.length + panel.years.indexOf(year);
            expect(panel.values[cell], `${code} ${unit} ${year}`).toBeCloseTo(value, 10);
          }
        }
      expect(panel.units).toEqual(["Zone B", "Zone C", "常州高新区"]);
      expect(panel.years).toEqual([2017, 2018, 2019]);
    } finally {
      process.chdir(started);
    }
  });
});
