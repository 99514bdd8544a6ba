import { beforeAll, describe, expect, it } from "vitest";
import { evaluateFormulas, type FormulaCompiler } from "../../src/core/formula.js";
import { messages } from "../../src/core/messages.js";
import type { ValueRecord } from "../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../src/core/tree.js";
import { createFormulaCompiler } from "../../src/io/math/formula-mathjs.js";

let compile: FormulaCompiler;
beforeAll(async () => {
  compile = await createFormulaCompiler();
});

/** R (formula rd / revenue * 100), P (plain) and S (formula over P: P * 2). */
function tree(formulas: Record<string, string> = { R: "rd / revenue * 100", S: "P * 2" }) {
  const rows: TreeRow[] = [
    { line: 2, code: "G", parent: "", name: "G", weight: "", direction: "" },
    { line: 3, code: "R", parent: "G", name: "R", weight: "", direction: "+", attributes: formulas.R ? { formula: formulas.R } : {} },
    { line: 4, code: "P", parent: "G", name: "P", weight: "", direction: "+" },
    { line: 5, code: "S", parent: "G", name: "S", weight: "", direction: "+", attributes: formulas.S ? { formula: formulas.S } : {} },
  ];
  const built = buildTree(rows, "tree.csv");
  if (!built.ok) throw new Error("invalid tree");
  return built.value;
}

const record = (unit: string, year: number, indicator: string, value: number, line?: number): ValueRecord => ({ unit, year, indicator, value, line });

describe("evaluateFormulas", () => {
  it("computes each formula indicator from its variables and keeps plain indicators", () => {
    const records = [
      record("U", 2017, "rd", 3, 2),
      record("U", 2017, "revenue", 150, 3),
      record("U", 2018, "rd", 4, 4),
      record("U", 2018, "revenue", 160, 5),
      record("U", 2017, "P", 7, 6),
      record("U", 2018, "P", Number.NaN, 7),
    ];
    const result = evaluateFormulas(tree(), records, compile, "v.csv");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // by hand: R 2017 = 3/150·100 = 2, R 2018 = 4/160·100 = 2.5; S 2017 = 7·2 = 14; S 2018: P missing, so no value
    expect(result.value.map(({ unit, year, indicator, value }) => [unit, year, indicator, value])).toEqual([
      ["U", 2017, "P", 7],
      ["U", 2018, "P", Number.NaN],
      ["U", 2017, "R", 2],
      ["U", 2018, "R", 2.5],
      ["U", 2017, "S", 14],
    ]);
  });

  it("takes a variable's empty row repeating its cell for nothing (a template's blank rows beside a values folder's files), two values as a duplicate", () => {
    const file = (record: ValueRecord, name: string): ValueRecord => ({ ...record, file: name });
    // rd 2017 blank in 2021.xlsx before its value in 2017.csv, revenue 2017 blank after it; P given once.
    const records = [
      file(record("U", 2017, "rd", Number.NaN, 20), "data/2021.xlsx"),
      file(record("U", 2017, "rd", 3, 2), "data/2017.csv"),
      file(record("U", 2017, "revenue", 150, 3), "data/2017.csv"),
      file(record("U", 2017, "revenue", Number.NaN, 21), "data/2021.xlsx"),
      file(record("U", 2017, "P", 7, 4), "data/2017.csv"),
    ];
    const result = evaluateFormulas(tree(), records, compile, "data");
    if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("\n"));
    // by hand: R 2017 = 3/150·100 = 2 from the given values; S 2017 = 7·2 = 14
    expect(result.value.filter((value) => value.source === "formula").map(({ indicator, value }) => [indicator, value])).toEqual([
      ["R", 2],
      ["S", 14],
    ]);
    // rd given in two files: a duplicate naming the first file and line, at the second.
    const twice = evaluateFormulas(tree(), [...records, file(record("U", 2017, "rd", 3, 2), "data/2017 (1).csv")], compile, "data");
    expect(!twice.ok && twice.issues.map((issue) => [issue.code, issue.source, issue.line, issue.message])).toEqual([
      ["E_DUPLICATE_VALUE", "data/2017 (1).csv", 2, messages.duplicateValue("U", 2017, "rd", 2, "data/2017.csv")],
    ]);
  });

  it("names the unit, year and values of a division by zero, an unknown variable and a value given for a formula indicator", () => {
    const records = [
      record("U1", 2017, "rd", 3, 2),
      record("U1", 2017, "revenue", 0, 3),
      record("U2", 2018, "rd", 0, 4),
      record("U2", 2018, "revenue", 0, 5),
      record("U1", 2017, "S", 1, 6),
      record("U1", 2017, "P", 1, 7),
    ];
    const result = evaluateFormulas(tree({ R: "rd / revenue * 100", S: "P * k" }), records, compile, "v.csv");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.code, issue.source, issue.line, issue.message])).toEqual([
      ["E_VALUE_FOR_FORMULA", "v.csv", 6, messages.valueForFormula("S")],
      ["E_UNKNOWN_VARIABLE", "tree.csv", 5, messages.unknownVariable("S", "P * k", "k")],
      ["E_FORMULA_VALUE", "tree.csv", 3, messages.formulaNotFinite("R", "rd / revenue * 100", "U1", 2017, Infinity, [["rd", 3], ["revenue", 0]])],
      ["E_FORMULA_VALUE", "tree.csv", 3, messages.formulaNotFinite("R", "rd / revenue * 100", "U2", 2018, Number.NaN, [["rd", 0], ["revenue", 0]])],
    ]);
    expect(result.issues[2].message).toContain('gives Infinity for unit "U1", year 2017 (rd = 3, revenue = 0), a division by zero?');
  });

  it("reports a formula that is refused, with the indicator and its text, and a formula reading another formula indicator", () => {
    const result = evaluateFormulas(tree({ R: "rd.constructor", S: "R * 2" }), [record("U", 2017, "P", 1)], compile);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.message)).toEqual([
      messages.badFormula("R", "rd.constructor", "property or index access is not allowed"),
      messages.formulaReference("S", "R * 2", "R"),
    ]);
  });
});
