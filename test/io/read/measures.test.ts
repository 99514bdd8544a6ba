import { describe, expect, it } from "vitest";
import { messages } from "../../../src/core/messages.js";
import type { ValueRecord } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import { parsePanelFast } from "../../../src/io/read/data-csv-fast.js";
import { parseDataCsv } from "../../../src/io/read/data-csv.js";
import { isMeasureColumnName, measureColumnOf, measureIssues, treeMeasures } from "../../../src/io/read/measures.js";

/** A tree of A1 (in 亿元 when `measured`), A2 (no measure) and B1 (in %). */
const tree = (measured = true) => {
  const built = buildTree(
    [
      { line: 2, code: "A", parent: "", name: "A", weight: "", direction: "" },
      { line: 3, code: "A1", parent: "A", name: "a1", weight: "", direction: "+", measure: measured ? "亿元" : "" },
      { line: 4, code: "A2", parent: "A", name: "a2", weight: "", direction: "+" },
      { line: 5, code: "B1", parent: "A", name: "b1", weight: "", direction: "+", measure: "%" },
    ],
    "tree.csv",
  );
  if (!built.ok) throw new Error("fixture tree is invalid");
  return built.value;
};

describe("parseDataCsv: the measure column", () => {
  it("keeps each value's measure and its column, in the wide and the long layout; an empty cell gives none", () => {
    const wide = parseDataCsv("indicator,name,measure,2017,2018\nA1,a1, 亿元 ,1,2\nA2,a2,,3,4\n", "v.csv");
    expect(wide.ok && wide.value.map(({ indicator, year, measure, measureColumn }) => [indicator, year, measure, measureColumn])).toEqual([
      // measure trimmed, in the 3rd column
      ["A1", 2017, "亿元", 3],
      ["A1", 2018, "亿元", 3],
      ["A2", 2017, undefined, undefined],
      ["A2", 2018, undefined, undefined],
    ]);
    const long = parseDataCsv("评价对象,年份,指标代码,计量单位,数值\n常州,2017,A1,万元,5\n", "v.csv");
    expect(long.ok && long.value).toEqual([
      { unit: "常州", year: 2017, indicator: "A1", value: 5, source: undefined, line: 2, indicatorColumn: 3, valueColumn: 5, unitColumn: 1, measure: "万元", measureColumn: 4 },
    ]);
  });

  it("refuses a unit column that holds only units of measurement, with one problem naming them", () => {
    // An English `unit` header meant as the measure: without the check, every indicator would be a unit of its own.
    const parsed = parseDataCsv("indicator,name,unit,2017,2018\nA1,a1,万元,1,2\nA2,a2,亿元,3,4\nB1,b1,件,5,6\nB2,b2,％,7,8\n", "v.csv");
    expect(parsed).toEqual({
      ok: false,
      issues: [{ code: "E_MEASURE_COLUMN", message: messages.unitColumnOfMeasures("unit", ["万元", "亿元", "件", "％"]), source: "v.csv", line: 1, column: 3 }],
      warnings: [],
      partial: [],
    });
    expect(messages.unitColumnOfMeasures("unit", ["万元", "亿元"])).toBe(
      'column "unit" holds units of measurement ("万元", "亿元"), not the units the index ranks (regions, parks, firms); expected it named measure (or 计量单位), the column of the units of measurement, which is checked against the tree\'s',
    );
    // The long layout alike, and a ratio of two common measures (万元/人) is one too.
    const long = parseDataCsv("unit,year,indicator,value\n万元/人,2017,A1,1\n件,2017,A2,2\n", "v.csv");
    expect(!long.ok && long.issues.map((issue) => [issue.code, issue.line, issue.column])).toEqual([["E_MEASURE_COLUMN", 1, 1]]);
    // A measure of the tree's own: "km2" is no common measure, but the tree gives it.
    const own = parseDataCsv("indicator,unit,2017\nA1,km2,1\n", "v.csv", { measures: new Set(["km2"]) });
    expect(!own.ok && own.issues.map((issue) => issue.code)).toEqual(["E_MEASURE_COLUMN"]);
  });

  it("reads a unit column of units as before: a cell that is no measure (常州, or km2 the tree does not give) keeps it a unit column", () => {
    const mixed = parseDataCsv("unit,indicator,2017\n常州,A1,1\n万元,A1,2\n", "v.csv");
    expect(mixed.ok && mixed.value.map((record) => record.unit)).toEqual(["常州", "万元"]);
    const notCommon = parseDataCsv("indicator,unit,2017\nA1,km2,1\n", "v.csv");
    expect(notCommon.ok && notCommon.value.map((record) => record.unit)).toEqual(["km2"]);
    // An empty unit column names no unit, as before.
    const empty = parseDataCsv("unit,indicator,2017\n,A1,1\n", "v.csv");
    expect(empty.ok && empty.value.map((record) => record.unit)).toEqual([""]);
  });

  it("is a column the long layout reads: two rows differing only in their measure are no sign of an unread unit column", () => {
    const parsed = parseDataCsv("year,indicator,measure,value\n2017,A1,万元,1\n2017,A1,亿元,2\n", "v.csv");
    // Without the measure counted as read, the two rows would give E_UNIT_COLUMN ("rename the column that names the units").
    expect(parsed.ok && parsed.value.map(({ line, measure }) => [line, measure])).toEqual([
      [2, "万元"],
      [3, "亿元"],
    ]);
  });

  it("is read the fast way when its measures are the tree's, and left to the general way, which checks them, when one is not", () => {
    const plain = Buffer.from("unit,year,indicator,value\nU,2017,A1,1\nU,2017,A2,2\nU,2017,B1,3\n");
    expect(parsePanelFast(plain, tree())).toBeDefined();
    // A1 in 亿元 and B1 in %, as the tree says; A2 without one (the tree gives none).
    const measured = "unit,year,indicator,measure,value\nU,2017,A1,亿元,1\nU,2017,A2,,2\nU,2017,B1,%,3\n";
    expect([...parsePanelFast(Buffer.from(measured), tree())!.values]).toEqual([1, 2, 3]);
    // A1 in 万元 (line 2) is not the tree's 亿元: the general way refuses it (E_MEASURE_MISMATCH), the fast one declines.
    const mismatched = measured.replace("A1,亿元", "A1,万元");
    const read = parseDataCsv(mismatched, "v.csv");
    expect(read.ok && measureIssues(read.value, tree(), "v.csv").map(({ code, line }) => [code, line])).toEqual([["E_MEASURE_MISMATCH", 2]]);
    expect(parsePanelFast(Buffer.from(mismatched), tree())).toBeUndefined();
    // A unit column of measures goes the general way too, which refuses it.
    const measuresAsUnits = Buffer.from("unit,year,indicator,value\n亿元,2017,A1,1\n万元,2017,A2,2\n%,2017,B1,3\n");
    expect(parsePanelFast(measuresAsUnits, tree())).toBeUndefined();
  });
});

describe("parseDataCsv: a 单位 column, the measure or the units", () => {
  const measures = treeMeasures(tree());
  const read = (text: string) => parseDataCsv(text, "v.csv", { measures });

  it("is the measure when its cells are measures (the tree's or common ones), in the long and the wide layout", () => {
    const long = read("年份,指标,单位,数值\n2017,A1,亿元,1.5\n2018,A1,万元,17000\n");
    expect(long.ok && long.value.map((record) => [record.unit, record.measure, record.measureColumn])).toEqual([
      ["", "亿元", 3],
      ["", "万元", 3],
    ]);
    const wide = read("指标代码,指标名称,单位,2017年,2018年\nA1,a1,万元,15000,17000\n");
    expect(wide.ok && wide.value.map((record) => [record.year, record.measure])).toEqual([
      [2017, "万元"],
      [2018, "万元"],
    ]);
  });

  it("is the measure whatever its cells: one organisation (常州) on every row is a measure, the unit stays unnamed", () => {
    const one = read("单位,年份,指标,数值\n常州,2017,A1,1\n常州,2018,A1,2\n");
    expect(one.ok && one.value.map((record) => [record.unit, record.measure])).toEqual([
      ["", "常州"],
      ["", "常州"],
    ]);
    // Against the tree's 亿元 (A1, tree.csv line 3): each row (lines 2 and 3, column 1) names 常州 as its measure.
    expect(one.ok && measureIssues(one.value, tree(), "v.csv").map((issue) => [issue.line, issue.column, issue.message])).toEqual([
      [2, 1, messages.measureMismatch("A1", "常州", "亿元", "tree.csv:3", true)],
      [3, 1, messages.measureMismatch("A1", "常州", "亿元", "tree.csv:3", true)],
    ]);
    // Without a measure in the tree (A2): accepted, 常州 the measure of every row.
    const unmeasured = read("单位,年份,指标,数值\n常州,2017,A2,1\n常州,2018,A2,2\n");
    expect(unmeasured.ok && measureIssues(unmeasured.value, tree(), "v.csv")).toEqual([]);
  });

  it("refuses it where its cells differ for one indicator on rows not of one unit (E_MEASURE_COLUMN), naming two cells and their lines", () => {
    // Wide layout without a unit column: A1's rows (lines 2 and 3) give 常州 and 无锡; the second row (line 3) is named.
    const wide = read("单位,指标代码,2017,2018\n常州,A1,1,2\n无锡,A1,3,4\n");
    expect(wide.ok ? [] : wide.issues).toEqual([
      { code: "E_MEASURE_COLUMN", message: messages.measureColumnConflict("单位", ["常州", "无锡"], "A1", undefined, [2, 3]), source: "v.csv", line: 3, column: 1 },
    ]);
    expect(messages.measureColumnConflict("单位", ["甲区科技局", "乙区科技局"], "A1", 2019, [2, 3])).toBe(
      'column "单位" gives "甲区科技局" (line 2) and "乙区科技局" (line 3) for indicator "A1" in 2019 on two rows that are not of one unit ranked, which a unit of measurement never does; expected units of measurement in this column (the same for every unit ranked): if it names the units ranked, head it 评价对象 (or unit); if it is a note, head it x_单位 or 备注, which are not read',
    );
  });

  it("reviewer: reporting bodies (甲区科技局, 乙区科技局) beside the units: refused as no measure, not as a conversion", () => {
    // A1 in 2019 on line 2 (甲区) and line 3 (乙区): one indicator and year, two units, two 单位 cells; column 5.
    const parsed = read("评价对象,年份,指标代码,数值,单位\n甲区,2019,A1,1,甲区科技局\n乙区,2019,A1,2,乙区科技局\n甲区,2020,A1,3,甲区科技局\n");
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      { code: "E_MEASURE_COLUMN", message: messages.measureColumnConflict("单位", ["甲区科技局", "乙区科技局"], "A1", 2019, [2, 3]), source: "v.csv", line: 3, column: 5 },
    ]);
    // One unit's two rows of A1 in 2019 (a duplicate, left to the duplicate check) with two measures: read, not refused.
    const duplicate = read("评价对象,年份,指标代码,数值,单位\n甲区,2019,A1,1,万元\n甲区,2019,A1,2,亿元\n");
    expect(duplicate.ok && duplicate.value.map((record) => record.measure)).toEqual(["万元", "亿元"]);
    // Measures that agree once compared (％ and %) across the units of one year are one measure.
    const agreeing = read("评价对象,年份,指标代码,数值,单位\n甲区,2019,B1,1,％\n乙区,2019,B1,2,%\n");
    expect(agreeing.ok).toBe(true);
    // Not for 计量单位, which names nothing else: its cells are checked as measures (E_MEASURE_MISMATCH, per row).
    const named = read("评价对象,年份,指标代码,数值,计量单位\n甲区,2019,A1,1,甲区科技局\n乙区,2019,A1,2,乙区科技局\n");
    expect(named.ok && named.value.map((record) => record.measure)).toEqual(["甲区科技局", "乙区科技局"]);
  });

  it("reviewer: 百分比 (or 分, 人年) on every row, without the tree's measure, is the measure, not a unit named so", () => {
    for (const measure of ["百分比", "分", "人年"]) {
      const parsed = parseDataCsv(`year,indicator,value,单位\n2017,A2,1,${measure}\n2018,A2,2,${measure}\n`, "v.csv");
      // A2 has no measure in the tree: the unit stays unnamed (""), and the rows agree with the first.
      expect(parsed.ok && parsed.value.map((record) => [record.unit, record.measure, record.measureColumn])).toEqual([
        ["", measure, 4],
        ["", measure, 4],
      ]);
      expect(parsed.ok && measureIssues(parsed.value, tree(), "v.csv")).toEqual([]);
    }
  });

  it("reviewer: some cells empty and one measure that is no common one (人年): read, the empty cells give no measure", () => {
    const parsed = parseDataCsv("year,indicator,value,单位\n2017,A2,1,人年\n2018,A2,2,\n2019,A2,3,\n", "v.csv");
    expect(parsed.ok && parsed.value.map((record) => record.measure)).toEqual(["人年", undefined, undefined]);
    expect(parsed.ok && measureIssues(parsed.value, tree(), "v.csv")).toEqual([]);
  });

  it("reviewer: 人年 in 2019 and 万人年 in 2020 is one E_MEASURE_MISMATCH, at the 2020 row", () => {
    const parsed = parseDataCsv("年份,指标代码,数值,单位\n2019,A2,1,人年\n2020,A2,2,万人年\n", "v.csv");
    // A2 has no measure in the tree: line 3 (column 4) against the first row's 人年 (v.csv:2:4).
    expect(parsed.ok && measureIssues(parsed.value, tree(), "v.csv")).toEqual([
      { code: "E_MEASURE_MISMATCH", message: messages.measureMismatch("A2", "万人年", "人年", "v.csv:2:4", false), source: "v.csv", line: 3, column: 4, id: "A2" },
    ]);
  });

  it("reviewer: a header with white space inside (计量 单位, 单 位, 单　位) or a colon at the end (单位：, 单位:) is the measure column", () => {
    for (const header of ["计量 单位", "单 位", "单　位", "单位：", "单位:", " 计量单位 ： ", "Measurement Unit", "度量 单位（注）"]) {
      expect(isMeasureColumnName(header), header).toBe(true);
      const parsed = parseDataCsv(`评价对象,年份,指标代码,${header},数值\n常州,2017,A1,万元,1\n`, "v.csv");
      // 万元 against the tree's 亿元 (A1, tree.csv line 3), at line 2, column 4.
      expect(parsed.ok && measureIssues(parsed.value, tree(), "v.csv").map((issue) => [issue.line, issue.column, issue.message]), header).toEqual([
        [2, 4, messages.measureMismatch("A1", "万元", "亿元", "tree.csv:3", true)],
      ]);
    }
    // Still no other name: 单位名称, 填报单位, 单位 2 are no measure columns.
    expect(measureColumnOf(["单位名称", "填报单位", "单位 2", "年份"])).toBe(-1);
    // The fast reader leaves such a table to the general one, which checks its measures.
    expect(parsePanelFast(Buffer.from("unit,year,indicator,单 位,value\nU,2017,A1,亿元,1\n"), tree())).toBeUndefined();
  });

  it("is left unread beside a 计量单位 column, which is the measure wherever it stands", () => {
    const both = read("单位,年份,指标,计量单位,数值\n填报处,2017,A1,万元,1\n");
    expect(both.ok && both.value.map((record) => [record.unit, record.measure, record.measureColumn])).toEqual([["", "万元", 4]]);
  });

  it("is the measure, checked, beside another unit column, whatever its cells", () => {
    const read2 = read("地区,单位,年份,指标,数值\n常州,填报处,2017,A1,1\n");
    expect(read2.ok && read2.value.map((record) => [record.unit, record.measure])).toEqual([["常州", "填报处"]]);
  });

  it("reads measures beside other names, and names no common measure, as measures, checked as such", () => {
    // 亿元 in 2017 and 常州 in 2018 (A1, no unit column): two years, so no conflict; 常州 differs from the tree's 亿元.
    const mixed = read("单位,年份,指标,数值\n亿元,2017,A1,1.5\n常州,2018,A1,1.7\n");
    expect(mixed.ok && measureIssues(mixed.value, tree(), "v.csv").map((issue) => [issue.line, issue.message])).toEqual([
      [3, messages.measureMismatch("A1", "常州", "亿元", "tree.csv:3", true)],
    ]);
    // 千人 and 百万美元 are no known measure, but each is A2's or B2's alone: read as measures, as before.
    const perIndicator = read("单位,年份,指标,数值\n千人,2017,A2,1\n千人,2018,A2,2\n百万美元,2017,B2,3\n");
    expect(perIndicator.ok && perIndicator.value.map((record) => record.measure)).toEqual(["千人", "千人", "百万美元"]);
  });
});

describe("measureIssues", () => {
  const at = (indicator: string, measure: string | undefined, line: number, file?: string): ValueRecord => ({
    unit: "",
    year: 2017,
    indicator,
    value: 1,
    line,
    ...(measure === undefined ? {} : { measure, measureColumn: 3 }),
    ...(file ? { file } : {}),
  });

  it("compares each row's measure with the tree's, after trimming, with ％ and % alike; an empty cell is fine", () => {
    const records = [at("A1", "亿元", 2), at("A1", "万元", 3), at("B1", "％", 4), at("B1", " % ", 5), at("A1", undefined, 6), at("B1", "‰", 7)];
    expect(measureIssues(records, tree(), "v.csv")).toEqual([
      { code: "E_MEASURE_MISMATCH", message: messages.measureMismatch("A1", "万元", "亿元", "tree.csv:3", true), source: "v.csv", line: 3, column: 3, id: "A1" },
      { code: "E_MEASURE_MISMATCH", message: messages.measureMismatch("B1", "‰", "%", "tree.csv:5", true), source: "v.csv", line: 7, column: 3, id: "B1" },
    ]);
    expect(messages.measureMismatch("A1", "万元", "亿元", "tree.csv:3", true)).toBe(
      'indicator "A1" is given in "万元" here but in "亿元" in the indicator tree (tree.csv:3); values are read as written, not converted, so the two would be compared as if alike; expected "亿元": convert the values to it, or correct the measure in the tree or here',
    );
  });

  it("without a measure in the tree, compares the rows and files of an indicator with the first that gave one", () => {
    // A2 has no measure in the tree: its first row (a.csv line 2) sets it; b.csv line 2 differs, line 3 agrees.
    const records = [at("A2", "件", 2, "d/a.csv"), at("A2", "件", 2, "d/a.csv"), at("A2", "个", 2, "d/b.csv"), at("A2", "件", 3, "d/b.csv")];
    expect(measureIssues(records, tree(false), "d")).toEqual([
      { code: "E_MEASURE_MISMATCH", message: messages.measureMismatch("A2", "个", "件", "d/a.csv:2:3", false), source: "d/b.csv", line: 2, column: 3, id: "A2" },
    ]);
    // Without a tree (refused), the same.
    expect(measureIssues(records, undefined, "d").map((issue) => issue.line)).toEqual([2]);
    // A row of the wide layout holds one record per year: it is reported once.
    const wide = [at("A1", "亿元", 2), at("A1", "万元", 3), { ...at("A1", "万元", 3), year: 2018 }];
    expect(measureIssues(wide, tree(false), "v.csv").map((issue) => issue.line)).toEqual([3]);
  });

  it("treeMeasures lists the tree's measures as compared", () => {
    expect([...treeMeasures(tree())].sort()).toEqual(["%", "亿元"]);
  });
});
