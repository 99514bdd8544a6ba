/**
 * Every CSV file the tool writes guards text cells that a spreadsheet would run as a formula (a leading `'`, see
 * `guardFormula`), and leaves numbers alone: the template, the weights, the uncertainty and sensitivity tables, the
 * revisions, `input-values.csv` (read back without the guard). Workbooks (`index.xlsx`, the template workbook) store
 * such a text as it is, as a string cell in Excel's Text format, which Excel never runs, even once the cell is edited.
 */
import { describe, expect, it } from "vitest";
import { RunValueIndex } from "../../../src/core/revision-table.js";
import { compareRunTables } from "../../../src/core/revision-table.js";
import { buildTree } from "../../../src/core/tree.js";
import type { UncertaintyResult } from "../../../src/core/uncertainty.js";
import type { WeightingResult } from "../../../src/core/weighting/derive.js";
import { formatWorkbook } from "../../../src/io/read/xlsx.js";
import { formatRevisionsCsv } from "../../../src/io/runs/revision-csv.js";
import { parseInputValuesCsv } from "../../../src/io/runs/run-files.js";
import { readInputValues, readInputValuesFast } from "../../../src/io/runs/run-values.js";
import { inputValuesCsvChunks } from "../../../src/io/write/result-chunks.js";
import { formatTemplateCsv, templateRows } from "../../../src/io/write/template.js";
import { formatWeightsCsv } from "../../../src/io/write/to-weights.js";
import { formatSensitivityCsv, formatUncertaintyCsv } from "../../../src/io/write/uncertainty-csv.js";
import { textOf } from "../../helpers.js";

const EVIL_UNIT = '=HYPERLINK("http://x","y")';

describe("the formula guard in every writer", () => {
  it("template CSV: units, indicators and names are guarded, the years in the header stay numbers", () => {
    const rows = templateRows([{ indicator: "@I1", name: "-1+2", measure: "+x" }], [2017], [EVIL_UNIT, "-1"]);
    expect(formatTemplateCsv(rows)).toBe(
      `\uFEFFunit,year,indicator,name,value\n"'=HYPERLINK(""http://x"",""y"")",2017,'@I1,'-1+2,\n-1,2017,'@I1,'-1+2,\n`,
    );
    expect(formatTemplateCsv(templateRows([{ indicator: "=I1", name: "n", measure: "-%" }], [2017, 2018], []))).toBe(
      "\uFEFFindicator,name,measure,2017,2018\n'=I1,n,'-%,,\n",
    );
  });

  it("weights CSV: codes and parents are guarded, negative-looking weights are not", () => {
    const tree = buildTree([
      { line: 2, code: "=G", parent: "", name: "g", weight: "", direction: "" },
      { line: 3, code: "-1", parent: "=G", name: "i", weight: "", direction: "+" },
    ]);
    if (!tree.ok) throw new Error("tree");
    const result = {
      weights: new Map([["=G", 1], ["-1", 1]]),
      globalWeights: new Map([["=G", 1], ["-1", 1]]),
      consistency: [],
      summary: { method: "explicit" },
      warnings: [],
    } as unknown as WeightingResult;
    // The unit-like code "-1" is a number to Excel, so it stays as it is.
    expect(formatWeightsCsv(tree.value, result, 2)).toBe("code,parent,level,weight,global_weight\n'=G,INDEX,1,1.00,1.00\n-1,'=G,2,1.00,1.00\n");
  });

  it("uncertainty.csv and sensitivity.csv: units and choices are guarded, negative indices are numbers", () => {
    const one = (value: number) => Float64Array.of(value);
    const sensitivity = { firstOrder: one(-0.25), total: one(0.5), overallFirstOrder: one(-0.25), overallTotal: one(0.5) };
    const result = {
      units: ["@U"],
      years: [2017],
      choices: [{ choice: "-weights", options: [] }],
      index: { nominal: one(-1.5), median: one(1), low: one(0), high: one(2) },
      rank: { nominal: one(1), median: one(1), low: one(1), high: one(1) },
      sensitivity: { index: sensitivity, rank: sensitivity },
    } as unknown as UncertaintyResult;
    expect(formatUncertaintyCsv(result, 2).split("\n")[1]).toBe("'@U,2017,-1.50,1.00,0.00,2.00,1,1,1,1" /* whole ranks print as whole numbers */);
    expect(formatSensitivityCsv(result, 2).split("\n").slice(1, 3)).toEqual([
      "index,2017,all,,'-weights,-0.25,0.50,,,,",
      "index,2017,unit,'@U,'-weights,-0.25,0.50,,,,",
    ]);
  });

  it("revisions CSV (runs and diff --format csv): units, codes and setting values are guarded, changes are numbers", () => {
    const revision = { kind: "output" as const, status: "changed" as const, unit: "+U", year: 2018, code: "@C", before: 2, after: 1, change: -1, changePercent: -50 };
    const setting = { kind: "option" as const, status: "changed" as const, code: "weights", before: "=old", after: "-new" };
    expect(formatRevisionsCsv([revision], [setting])).toBe(
      "kind,status,unit,year,code,before,after,change,change_percent\noption,changed,,,weights,'=old,'-new,,\noutput,changed,'+U,2018,'@C,2,1,-1,-50\n",
    );
  });

  it("input-values.csv: guarded on writing, read back (fast and general readers) as the original units and codes", () => {
    const units = [EVIL_UNIT, "-1", "'=quoted", "@a,b"];
    const codes = ["=I1", "I2"];
    const values = Float64Array.from({ length: units.length * codes.length }, (_, i) => (i % 3 === 0 ? -i - 0.5 : i));
    const shape = { units, years: [2017], values, nodes: codes.map((code) => ({ code, name: code, level: 3, kind: "indicator" as const })) };
    const text = textOf(inputValuesCsvChunks(shape));
    expect(text.split("\n").slice(1, 3)).toEqual([`"'=HYPERLINK(""http://x"",""y"")",2017,'=I1,-0.5`, `"'=HYPERLINK(""http://x"",""y"")",2017,I2,4`]);
    expect(text).toContain("\n-1,2017,'=I1,1\n");
    expect(text).toContain("\n''=quoted,2017,I2,-6.5\n"); // value i = 1·4 + 2 = 6, -6.5 as 6 % 3 === 0
    const index = new RunValueIndex();
    const expected = index.table();
    codes.forEach((code, i) => units.forEach((unit, u) => expected.set(unit, 2017, code, values[i * units.length + u])));
    const fast = index.table();
    expect(readInputValuesFast(Buffer.from(text), fast)).toBe(true);
    expect(compareRunTables("input", expected, fast)).toEqual([]);
    const general = index.table();
    readInputValues(Buffer.from(text.replaceAll("\n", "\r\n")), "input-values.csv", general); // a CR sends it the general way
    expect(compareRunTables("input", expected, general)).toEqual([]);
    expect(new Set(parseInputValuesCsv(text, "input-values.csv").map((row) => row.unit))).toEqual(new Set(units));
  });

  it("template workbook: text cells are strings in the Text format (never formulas), number cells stay numbers", async () => {
    const bytes = await formatWorkbook("values", [["unit", "value"], ["=1+1", -2], ["-1", 3]]);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("values")!;
    expect(sheet.getCell("A2").value).toBe("=1+1");
    expect(sheet.getCell("A2").type).toBe(3); // ValueType.String, not ValueType.Formula (6)
    expect(sheet.getCell("A2").numFmt).toBe("@");
    expect(sheet.getCell("B2").value).toBe(-2);
    expect(sheet.getCell("B2").numFmt).not.toBe("@");
    expect(sheet.getCell("A3").value).toBe("-1");
  });
});
