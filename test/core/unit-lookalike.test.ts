import { describe, expect, it } from "vitest";
import { computeIndex } from "../../src/core/compute.js";
import { messages } from "../../src/core/messages.js";
import { createPanel, type ValueRecord } from "../../src/core/panel.js";
import { editDistance } from "../../src/core/suggest.js";
import { analyzeUncertainty } from "../../src/core/uncertainty.js";
import { comparableUnitName, isTotalName, lookalikeUnitPairs, numberedApart, oneEditApart, unitLookalikeWarnings, unitTotalWarnings } from "../../src/core/unit-lookalike.js";
import { issuesOf } from "../issues.js";
import { INDICATORS, PARKS, panelOf, records, tree, typoRecords } from "./lookalike.js";

describe("W_UNIT_LOOKALIKE: one unit under two names", () => {
  // The tester's case (typoRecords): 西太湖园区 keeps 7 values, 西太湖园 has 1, at line 33.
  const typo = typoRecords();

  it("warns once under --normalise min-max --missing reweight, naming both units and their counts, at the typo's line", () => {
    const result = computeIndex(tree(), panelOf(typo), { normalize: "min-max", missing: "reweight" });
    // The typo is ranked as a fifth unit: what the warning is for.
    expect(result.units).toEqual([...PARKS, "西太湖园"]);
    expect(result.warnings).toEqual([
      {
        code: "W_UNIT_LOOKALIKE",
        message:
          'units "西太湖园区" (7 values) and "西太湖园" (1 value, the first indicator "A11", year 2021) have names of which one begins with the other and never a value for the same indicator and year: one unit under two names? expected one name per unit, written the same on every row (under two names, each is ranked as a unit of its own, without the other\'s values)',
        source: "data/2021.csv",
        line: 33,
        column: "unit",
      },
    ]);
    expect(result.warnings[0].message).toBe(messages.unitLookalike("西太湖园区", 7, "西太湖园", 1, "prefix", "A11", 2021));
  });

  it("is an error under strict (E_UNIT_LOOKALIKE), in computeIndex and in the uncertainty analysis", () => {
    const panel = panelOf(typo);
    const message = messages.unitLookalike("西太湖园区", 7, "西太湖园", 1, "prefix", "A11", 2021);
    expect(issuesOf(() => computeIndex(tree(), panel, { normalize: "min-max", missing: "reweight", strict: true }))).toEqual([
      { code: "E_UNIT_LOOKALIKE", message, source: "data/2021.csv", line: 33, column: "unit" },
    ]);
    const analysis = { normalizations: ["min-max", "z-score"], missingPolicies: ["reweight"], replications: 8, seed: 1 } as const;
    expect(analyzeUncertainty(tree(), panel, analysis).nominalRun.warnings.map((warning) => warning.code)).toEqual(["W_UNIT_LOOKALIKE"]);
    expect(issuesOf(() => analyzeUncertainty(tree(), panel, { ...analysis, strict: true })).map((issue) => issue.code)).toEqual(["E_UNIT_LOOKALIKE"]);
  });

  it("says nothing of a zone and its sub-zone given in the same cells, nor of the parks without the typo", () => {
    // 常州高新区 / 常州高新区本部: one begins the other, but both have every cell.
    expect(computeIndex(tree(), panelOf(records(["常州高新区", "常州高新区本部", "武进园区"]))).warnings).toEqual([]);
    // A sub-zone given in 2021 only still shares its 4 cells of 2021 with the zone.
    const later = records(["常州高新区", "常州高新区本部"], INDICATORS.map((code) => `常州高新区本部|2020|${code}`));
    expect(computeIndex(tree(), panelOf(later), { normalize: "min-max", missing: "reweight" }).warnings).toEqual([]);
    expect(computeIndex(tree(), panelOf(records(PARKS)), { normalize: "min-max" }).warnings).toEqual([]);
  });

  it("covers names that differ only in case, full-width forms or spaces, and one character apart", () => {
    // "Wujin Park" has 2020 (4 values) and "ＷＵＪＩＮ park" 2021 (4 values): the same compared name "wujinpark";
    // "钟楼园区" 2020 and "钟楼圆区" 2021 (园 typed 圆): one character apart. Equal counts: the first in the panel first.
    const list = records(
      ["Wujin Park", "ＷＵＪＩＮ park", "钟楼园区", "钟楼圆区"],
      [...INDICATORS.map((code) => `Wujin Park|2021|${code}`), ...INDICATORS.map((code) => `ＷＵＪＩＮ park|2020|${code}`)].concat(
        INDICATORS.map((code) => `钟楼园区|2021|${code}`),
        INDICATORS.map((code) => `钟楼圆区|2020|${code}`),
      ),
    );
    // Lines: Wujin Park 2020 at 2-5, ＷＵＪＩＮ park 2021 at 6-9, 钟楼园区 2020 at 10-13, 钟楼圆区 2021 at 14-17.
    expect(unitLookalikeWarnings(panelOf(list))).toEqual([
      { code: "W_UNIT_LOOKALIKE", message: messages.unitLookalike("Wujin Park", 4, "ＷＵＪＩＮ park", 4, "same", "A11", 2021), source: "data/2021.csv", line: 6, column: "unit" },
      { code: "W_UNIT_LOOKALIKE", message: messages.unitLookalike("钟楼园区", 4, "钟楼圆区", 4, "edit", "A11", 2021), source: "data/2021.csv", line: 14, column: "unit" },
    ]);
  });

  it("names the unit with more values first, wherever it is in the panel", () => {
    // The typo first in the file: still named second, with its 1 value, at line 2.
    const list = records(PARKS, ["西太湖园区|2020|B12"]).map((record) => ({ ...record, line: record.line! + 1 }));
    const panel = panelOf([{ unit: "西太湖园", year: 2020, indicator: "B12", value: 9, line: 2 }, ...list]);
    expect(unitLookalikeWarnings(panel)).toEqual([
      { code: "W_UNIT_LOOKALIKE", message: messages.unitLookalike("西太湖园区", 7, "西太湖园", 1, "prefix", "B12", 2020), source: "data/2021.csv", line: 2, column: "unit" },
    ]);
  });
});

describe("lookalikeUnitPairs", () => {
  it("pairs the same compared names, a prefix of at least 2 characters, and names one edit apart of at least 2", () => {
    const units = ["西太湖园区", "武进", "西太湖园", "Ａ Ｂ", "ab", "x", "y", "xy", "钟楼园区", "钟楼圆区", "常州", "常州高新区本部", "abc"];
    // by hand: 0-2 prefix (西太湖园 begins 西太湖园区); 3-4 same ("Ａ Ｂ" is "ab"); 3-12 and 4-12 prefix ("ab" begins "abc");
    // 8-9 one character changed; 10-11 prefix (常州, 2 characters). "x"/"y"/"xy": "x" has 1 character, and "xy" is
    // a prefix of nothing. 武进/常州: two changes.
    expect(lookalikeUnitPairs(units)).toEqual([
      [0, 2, "prefix"],
      [3, 4, "same"],
      [3, 12, "prefix"],
      [4, 12, "prefix"],
      [8, 9, "edit"],
      [10, 11, "prefix"],
    ]);
  });

  it("keeps to pairs with a unit in `among` when given", () => {
    const units = ["西太湖园区", "西太湖园", "钟楼园区", "钟楼圆区"];
    expect(lookalikeUnitPairs(units, Uint8Array.from([0, 1, 0, 0]))).toEqual([[0, 1, "prefix"]]);
    expect(lookalikeUnitPairs(units, Uint8Array.from([0, 0, 0, 1]))).toEqual([[2, 3, "edit"]]);
    expect(lookalikeUnitPairs(units, Uint8Array.from([0, 0, 0, 0]))).toEqual([]);
  });

  it("compares names trimmed, in ASCII for full-width forms, without case and spaces", () => {
    expect(comparableUnitName(" Ｗｕｊｉｎ\u3000Park ")).toBe("wujinpark");
  });

  it("oneEditApart agrees with editDistance <= 1 on every pair of short texts over a small alphabet", () => {
    // Every text of 0 to 3 letters over {a, b}: 15 texts, 225 pairs, with swaps, insertions and changes among them.
    const texts = [""];
    for (let length = 1; length <= 3; length++) for (let k = 0; k < 2 ** length; k++) texts.push([...k.toString(2).padStart(length, "0")].map((bit) => "ab"[+bit]).join(""));
    let alike = 0;
    for (const a of texts)
      for (const b of texts) {
        expect(oneEditApart(a, b), `${a}/${b}`).toBe(editDistance(a, b) <= 1);
        if (oneEditApart(a, b)) alike++;
      }
    expect(alike).toBeGreaterThan(15);
  });
});

describe("unitLookalikeWarnings on a large panel", () => {
  it("3,000 units named U00001 to U03000 (many one digit apart), every cell given: no warning", () => {
    const units = Array.from({ length: 3000 }, (_, u) => `U${String(u + 1).padStart(5, "0")}`);
    const panel = createPanel(units, [2019, 2020, 2021], ["A11", "A12", "B11", "B12"]);
    panel.values.fill(1);
    expect(unitLookalikeWarnings(panel)).toEqual([]);
  });

  it("numbered units apart by their digits alone are never alike, even each given in other years (firms of an unbalanced panel)", () => {
    // U00001 ... U00100 each in one year of 3: before this rule, hundreds of warnings for names one digit apart.
    const units = Array.from({ length: 100 }, (_, u) => `U${String(u + 1).padStart(5, "0")}`);
    const panel = createPanel(units, [2019, 2020, 2021], ["A11"]);
    for (let u = 0; u < units.length; u++) panel.values[u * 3 + (u % 3)] = 1;
    expect(lookalikeUnitPairs(units)).toEqual([]);
    expect(unitLookalikeWarnings(panel)).toEqual([]);
    // By hand: digits alone differ (u1/u10, 园区1/园区12, a swap 12/21); a letter or 区 does not.
    expect([numberedApart("u1", "u10"), numberedApart("园区1", "园区12"), numberedApart("u12x", "u21x")]).toEqual([true, true, true]);
    expect([numberedApart("西太湖园", "西太湖园区"), numberedApart("钟楼园区", "钟楼圆区"), numberedApart("a1", "b1")]).toEqual([false, false, false]);
  });

  it("80 units named by letters, each given in one year of 3: the pairs alike by name and in other years warn", () => {
    // Every name of 2 and 3 letters over a, b, c, d: 16 + 64 units.
    const units: string[] = [];
    for (const length of [2, 3]) for (let k = 0; k < 4 ** length; k++) units.push([...k.toString(4).padStart(length, "0")].map((digit) => "abcd"[+digit]).join(""));
    const panel = createPanel(units, [2019, 2020, 2021], ["A11"]);
    for (let u = 0; u < units.length; u++) panel.values[u * 3 + (u % 3)] = 1;
    // The rule by brute force over all 3,160 pairs: one begins the other, or editDistance <= 1; a pair warns when its
    // units are in other years.
    let alike = 0;
    let expected = 0;
    for (let u = 0; u < units.length; u++)
      for (let v = u + 1; v < units.length; v++)
        if (units[u].startsWith(units[v]) || units[v].startsWith(units[u]) || editDistance(units[u], units[v]) <= 1) {
          alike++;
          if (u % 3 !== v % 3) expected++;
        }
    expect(lookalikeUnitPairs(units)).toHaveLength(alike);
    expect(expected).toBeGreaterThan(100);
    expect(unitLookalikeWarnings(panel)).toHaveLength(expected);
  });
});

describe("W_UNIT_TOTAL: a total row read as a unit", () => {
  it.each(["合计", " 总计 ", "小计：", "总和", "全部", "汇总:", "Total", "SUM", "Sub Total", "all", "ＴＯＴＡＬ", "合　计", "合计：：", "Grand Total", "（合计）", "(Total)", "全市", "全 区", "全省", "全县", "合计数", "合计值", "总计数", "总计值", " 合计数： "])("isTotalName(%j) is true", (name) =>
    expect(isTotalName(name)).toBe(true),
  );
  // 全国 is left out on purpose: the nation is often a benchmark row, not a sum of the units.
  it.each(["合计园区", "常州", "Allston", "总计划", "Totals", "", "全国", "全国合计数", "全市场", "合计数据", "(合计", "全区域"])("isTotalName(%j) is false", (name) => expect(isTotalName(name)).toBe(false));

  it("warns once per such unit, in the panel's order, at the values file alone when the panel keeps no lines", () => {
    // Units 常州, Total, 合计 (positions 0-2), one year, one indicator: no lines (a Parquet file's panel).
    const panel = { ...createPanel(["常州", "Total", "合计"], [2017], ["A"]), source: "values.parquet" };
    panel.values.set([1, 5, 6]);
    expect(unitTotalWarnings(panel)).toEqual([
      { code: "W_UNIT_TOTAL", message: messages.unitTotal("Total"), source: "values.parquet" },
      { code: "W_UNIT_TOTAL", message: messages.unitTotal("合计"), source: "values.parquet" },
    ]);
    // With the look-alike warnings, first (compute, validate, uncertainty and the library take them from there).
    expect(unitLookalikeWarnings(panel).map((warning) => warning.code)).toEqual(["W_UNIT_TOTAL", "W_UNIT_TOTAL"]);
  });

  it("names the unit column's number where the records give it (as a reader's do), else the column by name", () => {
    // 常州 (line 2), 合计数 (line 3) and 西太湖园区 (line 4) in 2020, 西太湖园 (line 5) in 2021, of A11 alone; the unit
    // in the 2nd column of every row.
    const rows: ValueRecord[] = [
      { unit: "常州", year: 2020, indicator: "A11", value: 1, line: 2 },
      { unit: "合计数", year: 2020, indicator: "A11", value: 9, line: 3 },
      { unit: "西太湖园区", year: 2020, indicator: "A11", value: 3, line: 4 },
      { unit: "西太湖园", year: 2021, indicator: "A11", value: 4, line: 5 },
    ];
    const others = INDICATORS.slice(1).map((indicator, i) => ({ unit: "常州", year: 2020, indicator, value: 1, line: 6 + i }));
    const placed = (list: ValueRecord[]) => unitLookalikeWarnings(panelOf(list)).map(({ code, line, column }) => ({ code, line, column }));
    expect(placed([...rows, ...others].map((record) => ({ ...record, unitColumn: 2 })))).toEqual([
      { code: "W_UNIT_TOTAL", line: 3, column: 2 },
      { code: "W_UNIT_LOOKALIKE", line: 5, column: 2 },
    ]);
    // Rows that put the unit in different columns (the files of a folder that differ), or records made in code: by name.
    expect(placed([...rows, ...others].map((record, i) => ({ ...record, unitColumn: i === 0 ? 1 : 2 }))).map(({ column }) => column)).toEqual(["unit", "unit"]);
    expect(placed([...rows, ...others]).map(({ column }) => column)).toEqual(["unit", "unit"]);
  });
});
