/**
 * The ASEM fixture (test/fixtures/asem: COINr's ASEM data, its trees) in memory, and the R references' expected tables,
 * for the tests that hold `computeIndex` to an independent implementation in R.
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { resultIndex, type IndexResult } from "../../src/core/compute.js";
import { buildPanel, type Panel } from "../../src/core/panel.js";
import type { Tree } from "../../src/core/types.js";
import { parseDataCsv } from "../../src/io/read/data-csv.js";
import { parseTreeCsv } from "../../src/io/read/tree-csv.js";

/** A file of test/fixtures, as text (`path` relative to it, such as `asem/values.csv`). */
export const readFixture = (path: string): string => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8");

const parsedValues = parseDataCsv(readFixture("asem/values.csv"), "values.csv");
if (!parsedValues.ok) throw new Error("the ASEM fixture does not parse");
const records = parsedValues.value;

/** A tree of test/fixtures (`path` relative to it) and the panel of the ASEM values for its indicators. */
export function loadAsem(treePath: string): { tree: Tree; panel: Panel } {
  const tree = parseTreeCsv(readFixture(treePath), treePath);
  const panel = buildPanel(tree, records.filter((record) => tree.byCode.has(record.indicator)));
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
  return { tree, panel: panel.value };
}

/** A row of an R reference's expected table: `NaN` where R wrote NA. */
export interface ExpectedRow {
  unit: string;
  year: number;
  code: string;
  value: number;
}

/**
 * An expected table (`case,unit,year,code,value`, `path` relative to test/fixtures) by case. A case name may hold a
 * comma (range=1,100): the last four fields are unit, year, code and value.
 */
export function readExpected(path: string): Map<string, ExpectedRow[]> {
  const expected = new Map<string, ExpectedRow[]>();
  for (const line of readFixture(path).trim().split("\n").slice(1)) {
    const fields = line.split(",");
    const [unit, year, code, value] = fields.slice(-4);
    const name = fields.slice(0, -4).join(",");
    if (!expected.has(name)) expected.set(name, []);
    expected.get(name)!.push({ unit, year: Number(year), code, value: value === "NA" ? Number.NaN : Number(value) });
  }
  return expected;
}

/**
 * The largest relative difference `|actual − expected| / max(1, |expected|)` between `result` and `rows`; a row R
 * left NA must be `NaN` in `result` too (asserted here).
 */
export function worstRelativeError(result: IndexResult, rows: readonly ExpectedRow[]): number {
  let worst = 0;
  for (const row of rows) {
    const node = result.nodes.findIndex((candidate) => candidate.code === row.code);
    const actual = result.values[resultIndex(result, node, result.units.indexOf(row.unit), result.years.indexOf(row.year))];
    if (Number.isNaN(row.value)) expect(actual).toBeNaN();
    else worst = Math.max(worst, Math.abs(actual - row.value) / Math.max(1, Math.abs(row.value)));
  }
  return worst;
}
