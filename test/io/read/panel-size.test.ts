/**
 * Values that would make a panel over the limit (2^28 cells) are refused before it is made, whichever way they are
 * read: the fast CSV reader, the general one (records), a values folder, Parquet through DuckDB, and the commands.
 * The values: 100,000 rows, each of another unit, over the years 1000…1999 and 50 indicators (a 1.8 MB file), which
 * make 100,000 × 1,000 × 50 = 5,000,000,000 cells (37 GB): the old reader allocated them and crashed (RangeError).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { InputError } from "../../../src/errors.js";
import { openDuckdb, sqlString } from "../../../src/io/read/duckdb.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { issuesOf, makeTempDir, runCli } from "../../helpers.js";

const INDICATORS = Array.from({ length: 50 }, (_, i) => `X${String(i).padStart(2, "0")}`);
const TREE = `code,parent,name,weight,direction\nG,,g,1,\n${INDICATORS.map((code) => `${code},G,${code},,+\n`).join("")}`;
/** The value rows from unit `from` to unit `to` (excluded): unit u in year 1000 + u mod 1000, indicator u mod 50. */
const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `U${from + i},${1000 + ((from + i) % 1000)},${INDICATORS[(from + i) % 50]},1\n`).join("");
const HEADER = "unit,year,indicator,value\n";
/** The message for 100,000 units × 1,000 years × 50 indicators read from `source`. */
const refusal = (source: string) => limitMessages.panelTooLarge(source, 100_000, 1000, 50, 2 ** 28);

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir({
    "tree.csv": TREE,
    "values.csv": HEADER + rows(0, 100_000),
    // The same values and a row of an unknown indicator, which sends the file the general way (records, buildPanel).
    "unknown.csv": `${HEADER}${rows(0, 100_000)}U0,1000,Y01,1\n`,
    // The same values in two files of a folder.
    "folder/a.csv": HEADER + rows(0, 50_000),
    "folder/b.csv": HEADER + rows(50_000, 100_000),
  });
});

describe("a panel over the limit", () => {
  it("the fast CSV reader refuses it before making it, naming the counts, cells, bytes and limit", async () => {
    const error = await loadInputs(join(dir, "tree.csv"), join(dir, "values.csv"), { tree: "tree.csv", data: "values.csv" }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe("E_PANEL_SIZE");
    expect((error as InputError).message).toBe(refusal("values.csv"));
    // by hand: 5,000,000,000 cells × 8 bytes = 4e10 bytes = 37.25 GB (powers of 1024); the limit 2^28 cells, 2 GB
    expect((error as InputError).message).toContain("100,000 units × 1,000 years × 50 indicators = 5,000,000,000 cells (37 GB), more than the 268,435,456 cells (2 GB)");
  });

  it("the general reader reports it with the values' other problems", async () => {
    const issues = await issuesOf(loadInputs(join(dir, "tree.csv"), join(dir, "unknown.csv"), { tree: "tree.csv", data: "unknown.csv" }));
    expect(issues.map((issue) => [issue.code, issue.line])).toEqual([
      ["E_PANEL_SIZE", undefined],
      ["E_UNKNOWN_INDICATOR", 100_002],
    ]);
    expect(issues[0].message).toBe(refusal("unknown.csv"));
  });

  it("a values folder is refused as one panel", async () => {
    const issues = await issuesOf(loadInputs(join(dir, "tree.csv"), join(dir, "folder"), { tree: "tree.csv", data: "folder" }));
    expect(issues.map((issue) => [issue.code, issue.message])).toEqual([["E_PANEL_SIZE", refusal("folder")]]);
  });

  it("Parquet values read by DuckDB are refused before the panel is made", async () => {
    const session = await openDuckdb();
    try {
      await session.connection.run(`COPY (SELECT * FROM read_csv(${sqlString(join(dir, "values.csv"))})) TO ${sqlString(join(dir, "values.parquet"))} (FORMAT parquet)`);
    } finally {
      session.close();
    }
    const issues = await issuesOf(loadInputs(join(dir, "tree.csv"), join(dir, "values.parquet"), { tree: "tree.csv", data: "values.parquet" }));
    expect(issues.map((issue) => [issue.code, issue.message])).toEqual([["E_PANEL_SIZE", refusal("values.parquet")]]);
  });

  it("validate and compute exit 1 with the message (no internal error, no output)", async () => {
    const validate = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--missing", "reweight"], dir);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(refusal("values.csv"));
    expect(validate.stderr).not.toMatch(/internal error|RangeError|\n\s+at /);
    const compute = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--missing", "reweight", "-o", "out", "-q"], dir);
    expect(compute.code).toBe(1);
    expect(compute.stderr).toContain(refusal("values.csv"));
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});
