import { describe, expect, it } from "vitest";
import { messages } from "../../../src/core/messages.js";
import { limitMessages } from "../../../src/core/limit-messages.js";
import type { Tree } from "../../../src/core/types.js";
import { parseCsv, type CsvTable } from "../../../src/io/csv.js";
import { parseTreeCsv, parseTreeTable } from "../../../src/io/read/tree-csv.js";
import { formatIssue } from "../../../src/errors.js";
import { issuesOf, validationErrorOf } from "../../issues.js";

describe("parseTreeCsv", () => {
  it("reads the columns, keeps extra columns as attributes, and accepts Chinese headers", () => {
    const tree = parseTreeCsv("代码,上级,名称,权重,方向,name_en,cap\nA,,维度,,,Dimension,\nA1,A,指标,,逆向,Indicator,200\n", "t.csv");
    expect(tree.byCode.get("A1")).toMatchObject({
      kind: "indicator",
      name: "指标",
      nameEn: "Indicator",
      direction: "negative",
      line: 3,
      attributes: { cap: "200" },
    });
    expect(tree.source).toBe("t.csv");
  });

  it("refuses a row with more fields than the header (a weight 0,25 split in two), beside the tree's own problems", () => {
    // X1,G,a,0,25,+ has 6 fields for 5 columns: read by position its weight would be 0 and its direction 25.
    const issues = issuesOf(() => parseTreeCsv("code,parent,name,weight,direction\nG,,g,,\nX1,G,a,0,25,+\nX2,G,b,0.75,q\nX3,G,c,0.25,+,\n", "t.csv"));
    // Column 6, the first field past the header's 5; the header on line 1.
    expect(issues[0]).toEqual({ code: "E_FIELD_COUNT", message: messages.wrongFieldCount(6, 5, true, 1), source: "t.csv", line: 3, column: 6 });
    // X2's direction is reported in the same pass; X3's trailing comma is no problem.
    expect(issues.slice(1).some((issue) => issue.line === 4)).toBe(true);
    expect(issues.some((issue) => issue.line === 5)).toBe(false);
  });

  it("names the columns in its problems as the header writes them (代码, 上级, 权重, 方向), not by their English keys", () => {
    const issues = issuesOf(() =>
      parseTreeCsv("代码,上级,名称,权重,方向\nA,,维度,abc,\n,A,空代码,,+\nB,A,乙,,x\nC,Z,丙,-1,\nD,A,丁,0.5,+\nE,A,戊,,+\n", "t.csv"),
    );
    // The problems of one parent, weight or direction cell give its place instead (上级 is column 2, 权重 column 4,
    // 方向 column 5), printed file:line:column as a value's cell is; a column is still named by the header's word where
    // the problem is of no one cell (the empty code's 代码, the siblings' mixed 权重), and in the messages.
    expect(issues.map(({ code, line, column }) => [code, line, column])).toEqual([
      ["E_EMPTY_CODE", 3, "代码"],
      ["E_UNKNOWN_PARENT", 5, 2],
      ["E_BAD_WEIGHT", 2, 4],
      ["E_BAD_DIRECTION", 4, 5],
      ["E_NEGATIVE_WEIGHT", 5, 4],
      ["E_MIXED_WEIGHTS", 4, "权重"],
    ]);
    expect(formatIssue(issues[2])).toBe('t.csv:2:4: node "A" has weight "abc"; expected a number >= 0 or an empty cell');
    // The messages that quote a column quote the header's word.
    expect(issues[0].message).toBe('empty code; every row needs a code in column "代码"');
    expect(issues[1].message).toBe('unknown parent "Z"; expected a code from column "代码" or an empty cell; did you mean "C" (a row with no children and no direction)?');
    expect(issues[2].message).toBe('node "A" has weight "abc"; expected a number >= 0 or an empty cell');
    for (const issue of issues) expect(issue.message).not.toMatch(/column "(code|parent|weight|direction)"/);
  });

  it("names a column by an English alias as written (ID, Polarity) and keeps the English keys for an English header", () => {
    const aliases = issuesOf(() => parseTreeCsv("ID,parent,name,Weight,Polarity\nA,,a,,\n,A,b,,+\nA1,A,c,,?\n", "t.csv"));
    expect(aliases.map(({ code, column }) => [code, column])).toEqual([
      ["E_EMPTY_CODE", "ID"],
      ["E_BAD_DIRECTION", 5], // a cell: its place, Polarity being column 5
    ]);
    expect(aliases[0].message).toBe(messages.emptyCode("ID"));
    // Line 4's empty code is named by the English key "code"; the parent B (line 3) and the weight x (line 2) are cells,
    // placed by their numbers (parent is column 2, weight column 4). The row with no code is dropped, so A stays childless.
    const english = issuesOf(() => parseTreeCsv("code,parent,name,weight,direction\nA,,a,x,\nA1,B,c,,+\n,A,d,,+\n", "t.csv"));
    expect(english.map(({ code, column }) => [code, column])).toEqual([
      ["E_EMPTY_CODE", "code"],
      ["E_UNKNOWN_PARENT", 2],
      ["E_BAD_WEIGHT", 4],
    ]);
    expect(english[0].message).toBe(messages.emptyCode("code"));
    expect(english[1].message).toBe('unknown parent "B"; expected a code from column "code" or an empty cell; did you mean "A" (a row with no children and no direction)?');
  });

  it("reports an unknown column with the rows' problems in one pass, and still gives the tree as built", () => {
    const text = "code,parent,name,weight,direction,wieght\nA,,a,1,,\nA1,A,a1,1,up,\nB,,b,x,,\nB1,B,b1,,+,\n";
    const error = validationErrorOf(() => parseTreeCsv(text, "t.csv"));
    // Before, only the unknown column was reported: the direction "up" (line 3, column 5) and the weight "x" (line 4,
    // column 4) came on the run after its fix.
    expect(error.issues.map(formatIssue)).toEqual([
      `t.csv:1: ${limitMessages.unknownTreeColumn("wieght", "weight")}`,
      `t.csv:3:5: ${messages.badDirection("A1", "up")}`,
      `t.csv:4:4: ${messages.badWeight("B", "x")}`,
    ]);
    // The codes and parents hold: the tree as built is given, for the values to be checked against it.
    expect((error.partial as Tree).indicators).toEqual(["A1", "B1"]);
    // A tree whose only problem is the unknown column is given whole.
    const only = issuesOf(() => parseTreeCsv("code,parent,name,weight,direction,wieght\nA,,a,,,\nA1,A,a1,,+,\n", "t.csv"));
    expect(only.map((issue) => issue.code)).toEqual(["E_UNKNOWN_COLUMN"]);
    // A missing column still stops the reading (every row would lack it), with the unknown columns beside it.
    expect(issuesOf(() => parseTreeCsv("code,parent,name,wieght\nA,,a,x\n", "t.csv")).map((issue) => issue.code)).toEqual([
      "E_MISSING_COLUMN",
      "E_MISSING_COLUMN",
      "E_UNKNOWN_COLUMN",
    ]);
  });

  it("reads the rows without their weights when only the weight column is misspelt or left out, and reports their problems with it", () => {
    // Row A2 names a parent Z no row has (column 2) and the direction "q" (column 5); row A3 is its own parent (its
    // parent cell, in column 2, is placed by its number as the direction's is). Before, only the two column problems were reported,
    // and these three on the run after the header's fix.
    const header = ["code", "parent", "name", "wieght", "direction"];
    const text = `${header.join(",")}\nA1,,a,,+\nA2,Z,b,,q\nA3,A3,c,,+\n`;
    const error = validationErrorOf(() => parseTreeCsv(text, "t.csv"));
    expect(error.issues.map(({ code, line, column }) => [code, line, column])).toEqual([
      ["E_MISSING_COLUMN", 1, "weight"],
      ["E_UNKNOWN_COLUMN", 1, "wieght"],
      // In buildTree's order (the structure, then the cells); the terminal prints them in the file's order.
      ["E_TREE_CYCLE", 4, 2],
      ["E_UNKNOWN_PARENT", 3, 2],
      ["E_BAD_DIRECTION", 3, 5],
    ]);
    expect(error.issues.map(formatIssue)).toEqual([
      `t.csv:1: ${messages.missingColumn("weight", header)}`,
      `t.csv:1: ${limitMessages.unknownTreeColumn("wieght", "weight")}`,
      `t.csv:4:2: ${messages.selfParent("A3")}`,
      `t.csv:3:2: ${messages.unknownParent("Z")}`,
      `t.csv:3:5: ${messages.badDirection("A2", "q")}`,
    ]);
    // The rows' codes are given (buildTree's partial tree), for the values to be checked against them.
    expect((error.partial as Tree).indicators).toEqual(["A1", "A2", "A3"]);
    // Rows without problems: the column problems alone, and the tree as built (equal weights, as empty cells give).
    const clean = "code,parent,name,wieght,direction\nA1,,a,,+\nA2,,b,,-\n";
    expect(issuesOf(() => parseTreeCsv(clean, "t.csv")).map((issue) => issue.code)).toEqual(["E_MISSING_COLUMN", "E_UNKNOWN_COLUMN"]);
    // The weight column left out, not misspelt: its absence with the rows' problems.
    expect(issuesOf(() => parseTreeCsv("code,parent,name,direction\nA1,,a,+\nA2,,b,q\n", "t.csv")).map(formatIssue)).toEqual([
      `t.csv:1: ${messages.missingColumn("weight", ["code", "parent", "name", "direction"])}`,
      `t.csv:3:4: ${messages.badDirection("A2", "q")}`,
    ]);
  });

  it("places a cycle at its parent cell, file:line:column, as a weight's or a direction's problem is", () => {
    // The parent is the 3rd column here. C1's parent is C2 (line 4) and C2's is C1 (line 5): the cycle is reported at
    // C1's row, where it is first met, so 4:3; S names itself (line 6), so 6:3. Before, both printed file:line only.
    const text = "code,name,parent,weight,direction\nX,x,,,\nX1,x1,X,,+\nC1,c1,C2,,+\nC2,c2,C1,,+\nS,s,S,,+\n";
    const issues = issuesOf(() => parseTreeCsv(text, "t.csv"));
    expect(issues.map(formatIssue)).toEqual([`t.csv:6:3: ${messages.selfParent("S")}`, `t.csv:4:3: ${messages.treeCycle(["C1", "C2", "C1"])}`]);
  });

  it("reports every missing column at once", () => {
    expect(issuesOf(() => parseTreeCsv("code,name\nA,x\n", "t.csv")).map((issue) => issue.message)).toEqual([
      messages.missingColumn("parent", ["code", "name"]),
      messages.missingColumn("weight", ["code", "name"]),
      messages.missingColumn("direction", ["code", "name"]),
    ]);
  });
});

describe("parseTreeCsv: the decimal mark of the weights", () => {
  // As a European Excel saves it: ;-separated, decimal commas.
  const SEMICOLONS = "code;parent;name;weight;direction\nA;;Dim A;0,3;\nA1;A;ind a1;0,5;+\nA2;A;ind a2;0,5;-\nB;;Dim B;0,7;\nB1;B;ind b1;1;+\n";
  const weights = (tree: Tree) => tree.nodes.map((node) => [node.code, node.weight]);
  const EXPECTED = [["A", 0.3], ["A1", 0.5], ["A2", 0.5], ["B", 0.7], ["B1", 1]];

  it("reads 0,3 as 0.3 in a ;-separated tree, as the values of such a file are read, and with --decimal ,", () => {
    expect(weights(parseTreeCsv(SEMICOLONS, "t.csv"))).toEqual(EXPECTED);
    expect(weights(parseTreeCsv(SEMICOLONS, "t.csv", { decimal: "," }))).toEqual(EXPECTED);
    // A tab-separated tree reads a decimal point by default, a decimal comma with --decimal ,.
    expect(weights(parseTreeCsv(SEMICOLONS.replaceAll(";", "\t"), "t.tsv", { decimal: "," }))).toEqual(EXPECTED);
  });

  it("still reads a ;-separated tree written with decimal points, and percentages either way", () => {
    expect(weights(parseTreeCsv(SEMICOLONS.replace(/(\d),(\d)/g, "$1.$2"), "t.csv"))).toEqual(EXPECTED);
    // 60% and 40% read as 60 and 40 (their shares 0.6 and 0.4), with either mark.
    const percent = "code;parent;name;weight;direction\nA;;a;60%;\nA1;A;x;;+\nB;;b;40%;\nB1;B;y;;+\n";
    expect(weights(parseTreeCsv(percent, "t.csv")).filter(([code]) => code === "A" || code === "B")).toEqual([["A", 60], ["B", 40]]);
    expect(weights(parseTreeCsv(percent.replaceAll(";", ","), "t.csv")).filter(([code]) => code === "A" || code === "B")).toEqual([["A", 60], ["B", 40]]);
  });

  it("says where a weight needs the other decimal mark, at the weight's cell", () => {
    // Every weight written with the other mark (tab-separated without --decimal, or ;-separated with --decimal .):
    // read as written, since weights are few and tell their mark (0,3 is no number with a point, and each reads with a comma).
    for (const [text, options] of [[SEMICOLONS.replaceAll(";", "\t"), {}], [SEMICOLONS, { decimal: "." }]] as const) {
      const tree = parseTreeCsv(text, "t.csv", options);
      expect(["A", "A1", "A2", "B"].map((code) => tree.nodes.find((node) => node.code === code)!.weight)).toEqual([0.3, 0.5, 0.5, 0.7]);
    }
    // Some weights with one mark and some with the other: the mark is not changed, and each weight that needs the
    // other mark is said, at its cell.
    const mixed = SEMICOLONS.replaceAll(";", "\t").replace("0,5", "0.5").replace("0,5", "0.5").replace("0,7", "0.7");
    expect(issuesOf(() => parseTreeCsv(mixed, "t.csv")).map(formatIssue)).toEqual([`t.csv:2:4: ${messages.badWeight("A", "0,3", "comma")}`]);
    expect(messages.badWeight("A", "0,3", "comma")).toBe('node "A" has weight "0,3"; expected a number >= 0 or an empty cell (decimal comma? use --decimal ,)');
    // With --decimal ,, a decimal point is refused as it is in the values, with the way out.
    const points = issuesOf(() => parseTreeCsv("code,parent,name,weight,direction\nA,,a,\"0,5\",\nA1,A,x,,+\nB,,b,0.5,\nB1,B,y,,+\n", "t.csv", { decimal: "," }));
    expect(points.map(formatIssue)).toEqual([`t.csv:4:4: ${messages.badWeight("B", "0.5", "ambiguous")}`]);
    expect(messages.badWeight("B", "0.5", "ambiguous")).toBe(
      'node "B" has weight "0.5"; expected a number >= 0 with a decimal comma, such as 0,25, or an empty cell (--decimal . if the file writes decimal points)',
    );
    // A weight that is no number with either mark is told so without a hint.
    expect(issuesOf(() => parseTreeCsv(SEMICOLONS.replace("0,7", "abc"), "t.csv")).map((issue) => issue.message)).toEqual([messages.badWeight("B", "abc")]);
  });

  it("reads a workbook cell that held a number with a decimal point, whatever --decimal says", () => {
    // A workbook's numbers come as text written with a point (0.3), its text cells as typed (0,7).
    const table: CsvTable = {
      header: ["code", "parent", "name", "weight", "direction"],
      headerLine: 1,
      rows: [
        { line: 2, cells: ["A", "", "a", "0.3", ""], numeric: [false, false, false, true, false] },
        { line: 3, cells: ["A1", "A", "x", "", "+"] },
        { line: 4, cells: ["B", "", "b", "0,7", ""] },
        { line: 5, cells: ["B1", "B", "y", "", "+"] },
      ],
    };
    expect(weights(parseTreeTable(table, "t.xlsx", { decimal: "," })).filter(([code]) => code === "A" || code === "B")).toEqual([["A", 0.3], ["B", 0.7]]);
  });
});

describe("parseCsv", () => {
  it("gives the line a row starts on, even after a quoted cell spanning lines", () => {
    const table = parseCsv('a,b\n1,"x\ny"\n2,3\n', "f.csv");
    expect(table.rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it("reads semicolon- and tab-separated files", () => {
    expect(parseCsv("a;b\n1;2\n", "f.csv").rows[0].cells).toEqual(["1", "2"]);
    expect(parseCsv("a\tb\n1\t2\n", "f.csv").rows[0].cells).toEqual(["1", "2"]);
  });

  it("reports an unclosed quote with the file", () => {
    expect(() => parseCsv('a,b\n1,"x\n', "f.csv")).toThrow(/^f\.csv(:\d+)?: the file is not valid CSV/);
  });
});
