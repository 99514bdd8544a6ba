/**
 * What an analyst's values file may say beside the numbers and the reading used to pass over in silence: a `单位`
 * column (the unit of measurement, or an organisation), a total row read as a unit (`合计`), and names beside the codes
 * that are not the tree's (codes and names out of step). In-process (`runCli`), no build needed.
 */
import { describe, expect, it } from "vitest";
import { compute, load, uncertainty } from "../../src/api.js";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

// Lines: header 1, A 2, A1 3, A2 4, B 5, B1 6.
const TREE = "code,parent,name,weight,direction,unit\nA,,创新投入,0.5,,\nA1,A,研发占比,0.5,+,%\nA2,A,专利数,0.5,+,件\nB,,创新产出,0.5,,\nB1,B,高新技术产业产值,1,+,亿元\n";

describe("a 单位 column beside the indicators", () => {
  // The tester's file: B1 in 亿元 in 2017, in 万元 in 2018 (17000 万元 = 1.7 亿元); read as written it was B up 566629%.
  it.each(["单位", "指标单位", "度量单位", "计量单位"])("long layout: %s is the measure, checked against the tree's", async (header) => {
    const values = `年份,指标,${header},数值\n2017,A1,%,1\n2018,A1,%,2\n2017,A2,件,3\n2018,A2,件,4\n2017,B1,亿元,1.5\n2018,B1,万元,17000\n`;
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    // Line 7 (2018, B1), column 3 (the measure), against the tree's B1 (line 6).
    expect(run.stderr).toBe(`error: 1 problem found:\nvalues.csv:7:3: ${messages.measureMismatch("B1", "万元", "亿元", "tree.csv:6", true)}\n`);
  });

  it("wide layout 指标代码,指标名称,单位,2017年,2018年: the same check, and no problem where the measures agree", async () => {
    const values = "指标代码,指标名称,单位,2017年,2018年\nA1,研发占比,%,1,2\nA2,专利数,件,3,4\nB1,高新技术产业产值,万元,15000,17000\n";
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values, "agreeing.csv": values.replace("万元,15000,17000", "亿元,1.5,1.7") });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: 1 problem found:\nvalues.csv:4:3: ${messages.measureMismatch("B1", "万元", "亿元", "tree.csv:6", true)}\n`);
    const agreeing = await runCli(["validate", "-i", "tree.csv", "-d", "agreeing.csv"], dir);
    expect([agreeing.code, agreeing.stderr]).toEqual([0, ""]);
  });

  it("a 单位 column of regions, with no other unit column, is refused: its cells differ for one indicator and year", async () => {
    // 常州 (lines 2-7) and 无锡 (lines 8-13), each A1, A2, B1 in 2017 and 2018: A1 2017 is 常州 on line 2, 无锡 on line 8.
    const rows = ["常州", "无锡"].flatMap((unit, u) => ["A1", "A2", "B1"].flatMap((code) => [2017, 2018].map((year) => `${unit},${year},${code},${u + year - 2016}`)));
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": `单位,年份,指标代码,数值\n${rows.join("\n")}\n` });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: 1 problem found:\nvalues.csv:8:1: ${messages.measureColumnConflict("单位", ["常州", "无锡"], "A1", 2017, [2, 8])}\n`);
  });

  it("a 单位 column naming one organisation (常州 on every row) is the measure: checked against the tree's, else accepted with the unit unnamed", async () => {
    // Lines 2-7: A1, A2, B1 in 2017 and 2018, 常州 on each; the tree's A1 %, A2 件, B1 亿元 (lines 3, 4, 6).
    const values = `单位,年份,指标代码,数值\n${["A1", "A2", "B1"].flatMap((code) => [2017, 2018].map((year) => `常州,${year},${code},1`)).join("\n")}\n`;
    const unmeasured = TREE.replace(/,(%|件|亿元)\n/g, ",\n");
    const dir = await makeTempDir({ "tree.csv": TREE, "plain.csv": unmeasured, "values.csv": values });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    const expected = [
      [2, "A1", "%", 3],
      [3, "A1", "%", 3],
      [4, "A2", "件", 4],
      [5, "A2", "件", 4],
      [6, "B1", "亿元", 6],
      [7, "B1", "亿元", 6],
    ].map(([line, code, measure, treeLine]) => `values.csv:${line}:1: ${messages.measureMismatch(String(code), "常州", String(measure), `tree.csv:${treeLine}`, true)}`);
    expect(run.stderr).toBe(`error: 6 problems found:\n${expected.join("\n")}\n`);
    const accepted = await runCli(["validate", "-i", "plain.csv", "-d", "values.csv"], dir);
    expect([accepted.code, accepted.stderr]).toEqual([0, ""]);
    const inputs = await load({ indicators: "plain.csv", data: "values.csv", cwd: dir });
    expect(inputs.panel.units).toEqual([""]);
  });

  it("reviewer: 单位 naming the reporting bodies beside 评价对象 is refused as no measure, not as values to convert", async () => {
    // 甲区 A1 2019 (line 2, 甲区科技局) and 乙区 A1 2019 (line 3, 乙区科技局): one indicator and year, two units; column 5.
    const values = "评价对象,年份,指标代码,数值,单位\n甲区,2019,A1,1,甲区科技局\n乙区,2019,A1,2,乙区科技局\n";
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: 1 problem found:\nvalues.csv:3:5: ${messages.measureColumnConflict("单位", ["甲区科技局", "乙区科技局"], "A1", 2019, [2, 3])}\n`);
  });

  it("reviewer: 单位： and 计量 单位 headers are the measure: 万元 against the tree's 亿元 is found", async () => {
    for (const header of ["单位：", "计量 单位", "单 位"]) {
      const values = `年份,指标,${header},数值\n2017,A1,%,1\n2018,A1,%,2\n2017,A2,件,3\n2018,A2,件,4\n2017,B1,亿元,1.5\n2018,B1,万元,17000\n`;
      const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values });
      const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
      // Line 7 (2018, B1), column 3, against the tree's B1 (line 6).
      expect([run.code, run.stderr], header).toEqual([1, `error: 1 problem found:\nvalues.csv:7:3: ${messages.measureMismatch("B1", "万元", "亿元", "tree.csv:6", true)}\n`]);
    }
  });
});

describe("a total row read as a unit", () => {
  // 常州 and 无锡 and their total (合计, line 8 first), every indicator in 2017 and 2018.
  const ROWS = [
    ["常州", 1, 2],
    ["无锡", 2, 3],
    ["合计", 3, 5],
  ] as const;
  const VALUES = `评价对象,年份,指标代码,数值\n${ROWS.flatMap(([unit, first, second]) => ["A1", "A2", "B1"].flatMap((code) => [`${unit},2017,${code},${first}`, `${unit},2018,${code},${second}`])).join("\n")}\n`;
  // 合计's first row: header 1, 常州 2-7, 无锡 8-13, 合计 14; its unit column, 评价对象, the 1st.
  const WARNING = `warning: values.csv:14:1: ${messages.unitTotal("合计")}`;

  it("compute and validate warn once at its first row, and still read it (exit 0); --strict refuses it", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    for (const command of ["compute", "validate"]) {
      const run = await runCli([command, "-i", "tree.csv", "-d", "values.csv", ...(command === "compute" ? ["--out", "-", "--format", "json"] : [])], dir);
      expect(run.code, command).toBe(0);
      expect(run.stderr.split("\n").filter((line) => line.includes("合计")), command).toEqual([WARNING]);
    }
    const strict = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--strict"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`error: 1 problem found:\nvalues.csv:14:1: ${messages.unitTotal("合计")}\n`);
  });

  it("so do uncertainty (refused under --strict) and the library", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const args = ["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--weight-noise", "0.2", "-n", "20", "--out", "out"];
    const run = await runCli(args, dir);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").filter((line) => line.includes("合计"))).toEqual([WARNING]);
    const strict = await runCli([...args, "--strict"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`error: 1 problem found:\nvalues.csv:14:1: ${messages.unitTotal("合计")}\n`);
    const inputs = await load({ indicators: "tree.csv", data: "values.csv", cwd: dir });
    const codes = (warnings: readonly { code: string }[]) => warnings.filter((warning) => warning.code === "W_UNIT_TOTAL");
    expect(codes((await compute(inputs)).warnings)).toEqual([{ code: "W_UNIT_TOTAL", message: messages.unitTotal("合计"), source: "values.csv", line: 14, column: 1 }]);
    expect(codes((await uncertainty(inputs, { replications: 20, weightNoise: 0.2 })).warnings)).toHaveLength(1);
  });

  it("in a values folder whose files put the unit column in different places, names each file's own (1 and 3)", async () => {
    // a.csv: the unit in column 1, 常州; b.csv: in column 3, 合计 on its lines 2-7 (its first row, line 2).
    const rows = (row: (year: number, code: string, value: number) => string) =>
      ["A1", "A2", "B1"].flatMap((code, i) => [2017, 2018].map((year, j) => row(year, code, 10 * i + j + 1))).join("\n");
    const dir = await makeTempDir({
      "tree.csv": TREE,
      "fold/a.csv": `unit,year,indicator,value\n${rows((year, code, value) => `常州,${year},${code},${value}`)}\n`,
      "fold/b.csv": `year,indicator,unit,value\n${rows((year, code, value) => `${year},${code},合计,${value * 2}`)}\n`,
    });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "fold"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`warning: fold/b.csv:2:3: ${messages.unitTotal("合计")}\n`);
    const inputs = await load({ indicators: "tree.csv", data: "fold", cwd: dir });
    const totals = (await compute(inputs)).warnings.filter((warning) => warning.code === "W_UNIT_TOTAL");
    expect(totals).toEqual([{ code: "W_UNIT_TOTAL", message: messages.unitTotal("合计"), source: "fold/b.csv", line: 2, column: 3 }]);
  });

  it.each(["总计：", " ＴＯＴＡＬ ", "Sub Total", "all:", "合　计"])("warns of a unit named %j too", async (name) => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES.replaceAll("合计", name) });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(0);
    // The unit as read (the CSV reader trims its cells), at its first row.
    expect(run.stderr).toBe(`warning: values.csv:14:1: ${messages.unitTotal(name.trim())}\n`);
  });

  it("not of a unit whose name only begins with such a word (合计园区, Allston)", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES.replaceAll("合计", "Allston") });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect([run.code, run.stderr]).toEqual([0, ""]);
  });
});

describe("an indicator's name beside its code that is not the tree's", () => {
  // A1 and A2 swapped their names (the rows sorted by the name column only); B1's name written with spaces and in full
  // width is the tree's; an empty name is not compared.
  const WIDE = "指标代码,指标名称,2017年,2018年\nA1,专利数,1,2\nA2,研发占比,3,4\nB1, 高新技术 产业产值　,1.5,1.7\n";

  it("wide layout: one warning per row at file:line:column, naming the code, the name found and the tree's", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": WIDE, "empty.csv": WIDE.replace("专利数", "").replace("研发占比", "") });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      [
        `warning: values.csv:2:2: ${messages.nameMismatch("A1", "专利数", "研发占比", "tree.csv:3", 1)}`,
        `warning: values.csv:3:2: ${messages.nameMismatch("A2", "研发占比", "专利数", "tree.csv:4", 1)}`,
        "",
      ].join("\n"),
    );
    const empty = await runCli(["validate", "-i", "tree.csv", "-d", "empty.csv"], dir);
    expect([empty.code, empty.stderr]).toEqual([0, ""]);
  });

  it("long layout: once per indicator and name, counting its rows; an error under --strict", async () => {
    const values = "评价对象,年份,指标代码,指标名称,数值\n常州,2017,A1,专利数,1\n常州,2018,A1,专利数,2\n常州,2017,A2,专利数,3\n常州,2018,A2,专利数,4\n常州,2017,B1,,5\n常州,2018,B1,,6\n";
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(0);
    // A1 named 专利数 on lines 2 and 3: one warning at line 2, column 4, and 1 more row.
    expect(run.stderr).toBe(`warning: values.csv:2:4: ${messages.nameMismatch("A1", "专利数", "研发占比", "tree.csv:3", 2)}\n`);
    expect(messages.nameMismatch("A1", "专利数", "研发占比", "tree.csv:3", 2)).toContain("(and on 1 more row of this file)");
    const strict = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--strict"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`error: 1 problem found:\nvalues.csv:2:4: ${messages.nameMismatch("A1", "专利数", "研发占比", "tree.csv:3", 2)}\n`);
  });

  it("not of a name column that names the units (one name per unit for every indicator), nor of the tree's name with a measure in brackets", async () => {
    // unit,name,...: name is each park's display name, the same for A1, A2 and B1; two parks, two names.
    const byUnit = "unit,name,year,indicator,value\nP1,高新区,2017,A1,1\nP1,高新区,2017,A2,2\nP1,高新区,2017,B1,3\nP2,西太湖,2017,A1,4\nP2,西太湖,2017,A2,5\nP2,西太湖,2017,B1,6\n";
    // 研发占比（%）: the tree's 研发占比 with its measure in brackets, as Chinese tables write it.
    const bracketed = WIDE.replace("A1,专利数", "A1,研发占比（%）").replace("A2,研发占比", "A2,专利数(件)");
    const dir = await makeTempDir({ "tree.csv": TREE, "by-unit.csv": byUnit, "bracketed.csv": bracketed });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "by-unit.csv"], dir);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const brackets = await runCli(["validate", "-i", "tree.csv", "-d", "bracketed.csv"], dir);
    expect([brackets.code, brackets.stderr]).toEqual([0, ""]);
  });
});
