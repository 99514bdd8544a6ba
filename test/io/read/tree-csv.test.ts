import { describe, expect, it } from "vitest";
import { messages } from "../../../src/core/messages.js";
import { parseCsv } from "../../../src/io/csv.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";
import { issuesOf } from "../../issues.js";

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
    expect(issues[0]).toEqual({ code: "E_FIELD_COUNT", message: messages.wrongFieldCount(6, 5), source: "t.csv", line: 3, column: "" });
    // X2's direction is reported in the same pass; X3's trailing comma is no problem.
    expect(issues.slice(1).some((issue) => issue.line === 4)).toBe(true);
    expect(issues.some((issue) => issue.line === 5)).toBe(false);
  });

  it("names the columns in its problems as the header writes them (代码, 上级, 权重, 方向), not by their English keys", () => {
    const issues = issuesOf(() =>
      parseTreeCsv("代码,上级,名称,权重,方向\nA,,维度,abc,\n,A,空代码,,+\nB,A,乙,,x\nC,Z,丙,-1,\nD,A,丁,0.5,+\nE,A,戊,,+\n", "t.csv"),
    );
    expect(issues.map(({ code, line, column }) => [code, line, column])).toEqual([
      ["E_EMPTY_CODE", 3, "代码"],
      ["E_UNKNOWN_PARENT", 5, "上级"],
      ["E_BAD_WEIGHT", 2, "权重"],
      ["E_BAD_DIRECTION", 4, "方向"],
      ["E_NEGATIVE_WEIGHT", 5, "权重"],
      ["E_MIXED_WEIGHTS", 4, "权重"],
    ]);
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
      ["E_BAD_DIRECTION", "Polarity"],
    ]);
    expect(aliases[0].message).toBe(messages.emptyCode("ID"));
    const english = issuesOf(() => parseTreeCsv("code,parent,name,weight,direction\nA,,a,x,\nA1,B,c,,+\n", "t.csv"));
    expect(english.map(({ code, column }) => [code, column])).toEqual([
      ["E_UNKNOWN_PARENT", "parent"],
      ["E_BAD_WEIGHT", "weight"],
    ]);
    expect(english[0].message).toBe('unknown parent "B"; expected a code from column "code" or an empty cell; did you mean "A" (a row with no children and no direction)?');
  });

  it("reports every missing column at once", () => {
    expect(issuesOf(() => parseTreeCsv("code,name\nA,x\n", "t.csv")).map((issue) => issue.message)).toEqual([
      messages.missingColumn("parent", ["code", "name"]),
      messages.missingColumn("weight", ["code", "name"]),
      messages.missingColumn("direction", ["code", "name"]),
    ]);
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
