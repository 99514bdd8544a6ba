import { describe, expect, it } from "vitest";
import { dataMessages } from "../../../src/core/data-messages.js";
import { dataMessagesZh } from "../../../src/core/zh/data-messages.js";
import { checkTranslation } from "./facts.js";

describe("dataMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(dataMessages, dataMessagesZh, [
      ["yearColumnDates", ["year", ["2017-01-01", "2018-01-01"]]],
      ["unitColumnUnread", [["园区"], 2017, "A", 2, 3, ["region", "地区"]]],
      ["unitColumnUnread", [["园区", "备注"], 2017, "A", 2, 3, ["region", "地区"]]],
      ["measureMismatch", ["A2", "万元", "亿元", "tree.csv:4", true]],
      ["measureMismatch", ["A2", "万元", "亿元", "data/2017.csv:3:3", false]],
      ["measureMismatch", ["A2", "万元", "亿元", undefined, true]],
      ["unitColumnOfMeasures", ["unit", ["万元", "亿元", "件"]]],
      ["measureColumnConflict", ["单位", ["甲区科技局", "乙区科技局"], "A1", 2019, [2, 3]]],
      ["measureColumnConflict", ["单位", ["常州", "无锡"], "A1", undefined, [2, 3]]],
      ["measureColumnConflict", ["单位", ["常州", "无锡"], "A1", 2017, undefined]],
      ["nameMismatch", ["A1", "专利数", "研发占比", "tree.csv:3", 1]],
      ["nameMismatch", ["A1", "专利数", "研发占比", undefined, 4]],
      ["unitTotal", ["合计"]],
      ["unitColumnMixed", ["data", ["data/a.csv"], ["data/b.csv"], ["常州"]]],
      ["unitColumnMixed", ["d", ["d/1.csv", "d/2.csv", "d/3.csv", "d/4.csv", "d/5.csv", "d/6.csv"], ["d/b.csv", "d/c.xlsx"], ["常州", "苏州"]]],
      ["queryValueRepeated", ["X", "ts.csv:3", "U", 2017, 1]],
      ["queryValueRepeated", ["X", "ts.csv:3", "", 2017, 2]],
      ["leadingZerosCode", ["101", "0101"]],
      ["caseCode", ["b2", "B2"]],
      ["lookalikeCode", ["B2l", "B21"]],
      ["nearCode", ["A23", "A24", true]],
      ["nearCode", ["A23", "A22", false]],
      ["infiniteValue", ["values.csv", "常州", 2018, "A1", Infinity]],
      ["infiniteValue", ["values.csv", "", 2018, "A1", -Infinity]],
      ["notANumberValue", ["values.parquet", "常州", 2018, "A1"]],
      ["notANumberValue", ["ratio.sql", "", 2018, "A1"]],
      // formulas
      ["badFormula", ["A1", "rd / (revenue", "unexpected end of expression (char 14)"]],
      ["formulaTooLong", [2000]],
      ["formulaUnparsed", ["Unexpected end of expression (char 4)"]],
      ["formulaSyntaxRefused", ["access"]],
      ["formulaSyntaxRefused", ["matrix"]],
      ["formulaSyntaxRefused", ["assignment"]],
      ["formulaSyntaxRefused", ["statements"]],
      ["formulaSyntaxRefused", ["functionDefinition"]],
      ["formulaSyntaxRefused", ["object"]],
      ["formulaSyntaxRefused", ["range"]],
      ["formulaSyntaxRefused", ["chainedComparison"]],
      ["formulaNodeRefused", ["ChainNode"]],
      ["formulaConstantNotNumber", ["text"]],
      ["formulaConstantNotNumber", [true]],
      ["formulaOperatorRefused", ["!"]],
      ["formulaFunctionRefused", ["zeros", ["abs", "sqrt", "log10", "log2", "log1p"]]],
      ["formulaFunctionRefused", [undefined, ["abs", "sqrt"]]],
      ["formulaFunctionDisabled", ["import"]],
      ["formulaNotPlainName", ["变量"]],
      ["formulaMathjsName", ["evaluate"]],
      ["formulaResultNotNumber", []],
      ["formulaOnGroup", ["G1"]],
      ["formulaReference", ["A3", "A1 / A2", "G1"]],
      ["unknownVariable", ["A3", "rd_spending / revenue * 100", "revenue"]],
      ["valueForFormula", ["A3"]],
      ["formulaFailed", ["A3", "sqrt(x)", "常州", 2019, "undefined function foo"]],
      ["formulaFailed", ["A3", "sqrt(x)", "", 2019, "undefined function foo"]],
      ["formulaNotFinite", ["A3", "rd / revenue", "常州", 2020, Infinity, [["rd", 12.5], ["revenue", 0]]]],
      ["formulaNotFinite", ["A3", "0 / 0", "", 2020, Number.NaN, []]],
      // missing values
      ["cannotImpute", ["A1", "常州", 2017, "carry-forward"]],
      ["baseImputed", [[{ unit: "常州", year: 2017, indicator: "A1", method: "carry-back" }]]],
      ["baseImputed", [[{ unit: "常州", year: 2017, indicator: "A1", method: "carry-back" }, { unit: "", year: 2017, indicator: "A2", method: "interpolate" }]]],
      ["cannotImpute", ["A1", "常州", 2021, "carry-back"]],
      ["cannotImpute", ["A1", "", 2019, "interpolate"]],
      ["cannotImpute", ["A1", "常州", 2019, "mean"]],
      ["cannotImpute", ["A1", "", 2019, "median"]],
      ["yearEmpty", [2021, 40]],
      ["yearEmpty", [2021, 1]],
      ["unitEmpty", ["常州", 40]],
      ["unitYearEmpty", ["常州高新区", 2018, 6]],
      ["unitYearEmpty", ["常州高新区", 2018, 6, "常州 高新区"]],
      ["unitYearEmpty", ["", 2018, 6]],
      ["unitLookalike", ["西太湖园区", 39, "西太湖园", 1, "prefix", "A11", 2021]],
      ["unitLookalike", ["Wujin Park", 16, "ＷＵＪＩＮ park", 8, "same", "A1", 2019]],
      ["unitLookalike", ["钟楼园区", 12, "钟楼圆区", 4, "edit", "B2", 2020]],
      ["badPolicy", ["missing", "A1", "carry-forwrd", ["error", "carry-forward", "carry-back", "interpolate", "reweight"]]],
      ["badPolicy", ["missing", "A1", "zzzzzzzzzz", ["error", "carry-forward"]]],
      // zero base
      ["zeroBaseShifted", ["A1", 2017, 2018]],
      ["zeroBaseMinMax", ["A1", 2017]],
      // outliers
      ["outliersRemain", ["A1", 3, 2.34567, 4.12345]],
      ["outliersRemain", ["A1", 1, 2.5, 6, 2019]],
      ["outliersRemainLogged", ["A1", 2, -2.2, 3.9]],
      ["outliersRemainLogged", ["A1", 1, 2.8, 9.25, 2020]],
      ["logWithFixedBase", ["A1"]],
      ["sqrtUndefined", ["A1", -3.5]],
      ["sqrtUndefined", ["A1", -0.2, 2018]],
      ["logUndefined", ["A1"]],
    ]));

  it("says what the most common messages say (written out by hand)", () => {
    expect(dataMessagesZh.cannotImpute("A1", "常州", 2017, "carry-forward")).toBe(
      '缺少指标 "A1"（评价对象 "常州"，2017 年）的数值，而 carry-forward 找不到该评价对象更早年份的数值可用；应提供数值（或改用其他缺失值处理方式）',
    );
    expect(dataMessagesZh.cannotImpute("A1", "常州", 2019, "mean")).toBe(
      '缺少指标 "A1"（评价对象 "常州"，2019 年）的数值，而 mean 找不到 2019 年其他评价对象的数值可用；应提供数值（或改用其他缺失值处理方式）',
    );
    expect(dataMessagesZh.badPolicy("missing", "A1", "carry-forwrd", ["error", "carry-forward", "reweight"])).toBe(
      '节点 "A1" 的 missing 为 "carry-forwrd"；应为以下之一：error、carry-forward、reweight（或空单元格）；是否应为 "carry-forward"？',
    );
    // A code the tree renamed (A23 now A24): the nearest leaf code, the one without values, and why it is named.
    expect(dataMessagesZh.nearCode("A23", "A24", true)).toBe(
      '未知的指标 "A23"：是否应为 "A24"（最接近的、未读到任何数值的末级指标代码：指标体系中改过代码的指标）？应为指标体系中末级指标的代码，写法与指标体系相同',
    );
    expect(dataMessagesZh.nearCode("B22", "A22", false)).toBe('未知的指标 "B22"：是否应为 "A22"？应为指标体系中末级指标的代码，写法与指标体系相同');
    expect(dataMessagesZh.zeroBaseShifted("A1", 2017, 2018)).toBe(
      '指标 "A1"：2017 年的基期值中有 0，因此其定基指数（fixed-base）改以 2018 年为基期（2018 年为 100），而不是 2017 年',
    );
    expect(dataMessagesZh.outliersRemain("A1", 3, 2.34567, 4.12345, 2019)).toBe(
      '指标 "A1" 在 2019 年经缩尾处理 3 个数据点后，仍然 |偏度| > 2 且峰度 > 3.5（偏度 2.346，峰度 4.123）；可调高 --winsor-max，或使用 --outliers winsorise-log（缩尾不足时再做对数变换）',
    );
    expect(dataMessagesZh.formulaNotFinite("A3", "rd / revenue", "", 2020, Infinity, [["rd", 12.5], ["revenue", 0]])).toBe(
      '指标 "A3" 的公式 "rd / revenue" 在 2020 年的结果为 Infinity（rd = 12.5，revenue = 0），可能是除以了 0；结果应为有限数值',
    );
  });
});
