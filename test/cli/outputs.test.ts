import { describe, expect, it } from "vitest";
import { buildOutputs, runTables, unusedOutputOptions } from "../../src/cli/outputs.js";
import { analyzeResult } from "../../src/core/analysis/analyze.js";
import { computeIndex } from "../../src/core/compute.js";
import { messages } from "../../src/core/messages.js";
import { buildPanel } from "../../src/core/panel.js";
import { buildTree } from "../../src/core/tree.js";
import { ValidationError } from "../../src/errors.js";
import { formatIndexCsv, formatScoresCsv } from "../../src/io/write/to-csv.js";
import { formatIndexJson } from "../../src/io/write/to-json.js";
import { textOf as text } from "../helpers.js";

function smallResult() {
  const tree = buildTree(
    [
      ["X", "", "", ""],
      ["X1", "X", "", "+"],
      ["X2", "X", "", "-"],
    ].map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction })),
  );
  if (!tree.ok) throw new Error("tree");
  const records = ["U1", "U2"].flatMap((unit, u) =>
    ["X1", "X2"].flatMap((indicator, i) => [2017, 2018].map((year, y) => ({ unit, year, indicator, value: 10 + u + 2 * i + 3 * y }))),
  );
  const panel = buildPanel(tree.value, records);
  if (!panel.ok) throw new Error("panel");
  return computeIndex(tree.value, panel.value);
}

const OPTIONS = { out: "out", decimals: 4, contributions: "dimensions" as const, xlsx: true, lang: "zh" as const };

describe("buildOutputs", () => {
  it("streams index.csv, scores.csv and index.json with the same bytes as the one-string formatters", async () => {
    const result = smallResult();
    const { files, warnings } = await buildOutputs(result, { ...OPTIONS, xlsx: false });
    expect(text(files["index.csv"])).toBe(formatIndexCsv(result, 4, { bom: true }));
    expect(text(files["scores.csv"])).toBe(formatScoresCsv(result, 4, { bom: true }));
    expect(text(files["index.json"])).toBe(formatIndexJson(result));
    expect(warnings).toEqual([]);
  });

  it("leaves index.xlsx out, with a warning, when the scores table would not fit in an Excel sheet", async () => {
    // 2 units × 2 years × 2 indicators = 8 score rows, 9 with the header: a sheet of 8 rows cannot hold them.
    const result = smallResult();
    const small = await buildOutputs(result, { ...OPTIONS, excelMaxRows: 8 });
    expect(Object.keys(small.files)).not.toContain("index.xlsx");
    expect(small.warnings).toEqual([{ code: "W_XLSX_TOO_LARGE", message: messages.workbookTooLarge(8, 8) }]);
    const fits = await buildOutputs(result, { ...OPTIONS, excelMaxRows: 9 });
    expect(Object.keys(fits.files)).toContain("index.xlsx");
    expect(fits.warnings).toEqual([]);
    // --strict: the warning is an error (W_ becomes E_), before any output is made, so no file is written.
    const refused = await buildOutputs(result, { ...OPTIONS, excelMaxRows: 8, strict: true }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([{ code: "E_XLSX_TOO_LARGE", message: messages.workbookTooLarge(8, 8) }]);
    expect((await buildOutputs(result, { ...OPTIONS, excelMaxRows: 9, strict: true })).warnings).toEqual([]);
  });

  it("leaves index.xlsx out, with a warning, when its sheets would hold more cells than the limit", async () => {
    const result = smallResult();
    // The sheets' cells counted from the tables themselves: 341 (index 48, index-wide 24, scores 48, growth 80,
    // contributions 48, ranks 64, weights 15, coverage 14; imputations and treatment are empty and get no sheet).
    const tables = runTables(result, analyzeResult(result), "dimensions");
    const cells = [...tables.values()].filter((table) => table.rows.length > 0).reduce((total, table) => total + table.rows.length * table.columns.length, 0);
    expect(cells).toBe(341);
    const over = await buildOutputs(result, { ...OPTIONS, excelMaxCells: 340 });
    expect(Object.keys(over.files)).not.toContain("index.xlsx");
    expect(over.warnings).toEqual([{ code: "W_XLSX_TOO_LARGE", message: messages.workbookTooManyCells(341, 340) }]);
    const fits = await buildOutputs(result, { ...OPTIONS, excelMaxCells: 341 });
    expect(Object.keys(fits.files)).toContain("index.xlsx");
  });
});

describe("unusedOutputOptions", () => {
  const unused = (message: string) => ({ code: "W_OPTION_UNUSED", message });

  it("warns of --static without a report, and of the file options with --out -, which writes no file", () => {
    expect(unusedOutputOptions({ ...OPTIONS, xlsx: false, static: true })).toEqual([unused(messages.staticWithoutReport())]);
    expect(unusedOutputOptions({ ...OPTIONS, xlsx: false, static: true, report: true })).toEqual([]);
    // `report` writes report.html alone (reportOnly): --static is its look
    expect(unusedOutputOptions({ ...OPTIONS, xlsx: false, static: true, reportOnly: true })).toEqual([]);
    expect(unusedOutputOptions({ ...OPTIONS, out: "-", xlsx: true, report: true, parquet: true, parquetOnly: true, static: true })).toEqual(
      ["--report", "--xlsx", "--parquet", "--parquet-only", "--static"].map((option) => unused(messages.optionUnusedOnStdout(option))),
    );
    expect(unusedOutputOptions({ ...OPTIONS, out: "-", xlsx: false, format: "xlsx" })).toEqual([]);
    expect(unusedOutputOptions({ ...OPTIONS, xlsx: true, parquet: true, report: true })).toEqual([]);
  });

  it("the messages name the option, why it does nothing and what would use it", () => {
    expect(messages.staticWithoutReport()).toBe("--static has no effect without --report: it sets the look of report.html, which only --report writes; expected --report --static");
    expect(messages.optionUnusedOnStdout("--xlsx")).toBe("--xlsx has no effect with --out -, which writes no file; expected --out <dir> (or --format xlsx to print the workbook)");
    expect(messages.optionUnusedOnStdout("--report")).toBe("--report has no effect with --out -, which writes no file; expected --out <dir>");
  });
});
