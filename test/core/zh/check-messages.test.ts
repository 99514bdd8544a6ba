import { describe, expect, it } from "vitest";
import { checkMessages } from "../../../src/core/check-messages.js";
import { checkMessagesZh } from "../../../src/core/zh/check-messages.js";
import { checkTranslation } from "./facts.js";

describe("checkMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(checkMessages, checkMessagesZh, [
      ["aggregatePowerNoNumber", ["power:,0=geometric", "power:"]],
      ["aggregateTwoExponents", ["power:0.5,1=power:2", 0.5, 2]],
      ["aggregateUnknownMethod", ["--aggregate", "0=geometrik", "geometrik"]],
      ["aggregateUnknownMethod", ["--aggregate", "mean", "mean"]],
      ["aggregateNotUnderstood", ["arithmetc", "arithmetc", "arithmetc"]],
      ["aggregateNotUnderstood", ["1=xyz", "1=xyz", "xyz"]],
      ["percentMixed", ["A1", { count: 3, value: 1.96, median: 2.23, file: "data.csv", line: 2 }, { count: 1, value: 0.0245, median: 0.0245, file: "data.csv", line: 5 }]],
      ["percentMixed", ["A1", { count: 1, value: 1.96, median: 1.96, file: "data.xlsx" }, { count: 2, value: 0.0245, median: 0.02295 }]],
      ["percentMixed", ["A1", { count: 2, value: 1.96, median: 2.145, file: "w.csv", line: 2, column: 2 }, { count: 1, value: 0.0214, median: 0.0214, file: "w.csv", line: 2, column: 3 }]],
      // Plain numbers larger than the percentages (196 beside 1.96%): 100 times, exact.
      ["percentMixed", ["A1", { count: 1, value: 1.96, median: 1.96, file: "v.csv", line: 2 }, { count: 1, value: 196, median: 196, file: "v.csv", line: 3 }]],
      ["valueJump", [{ indicator: "A11", unit: "常州高新区", fromYear: 2019, fromValue: 2.33, toYear: 2020, toValue: 0.0244, count: 1, threshold: 50 }]],
      ["valueJump", [{ indicator: "B11", unit: "", fromYear: 2018, fromValue: 1.5, toYear: 2019, toValue: 15000, count: 3, threshold: 50 }]],
      ["accountingDashes", [{ file: "v.csv", line: 3, column: 4, text: " -   " }, 2]],
      ["accountingDashes", [{ file: "v.csv", line: 5, column: 4, text: " ¥-   " }, 1]],
      ["thousandsSplit", [{ file: "v.csv", line: 2, column: 4, cell: "1", read: 1, groups: ["234"], nextColumn: 5, nextName: "note", fields: 6, headerFields: 5, meant: 1234 }, 1]],
      ["thousandsSplit", [{ file: "w.csv", line: 3, column: 3, cell: "-12", read: -12, groups: ["234.5"], nextColumn: 4, nextName: "", fields: 5, headerFields: 4, meant: -12234.5 }, 3]],
      ["thousandsSplit", [{ file: "v.csv", line: 2, column: 4, cell: "¥1", read: 1, groups: ["234", "567"], nextColumn: 5, nextName: "note", fields: 8, headerFields: 6, meant: 1234567 }, 1]],
      ["optionNotAChoice", ["outliers", "winsorize", ["none", "winsorise", "log"]]],
      ["optionNotAChoice", ["outliers", 3, ["none", "winsorise", "log"]]],
      ["optionNotExpected", ["range", { low: 5, high: 1 }, "{ low, high }: two numbers with low < high, e.g. { low: 1, high: 100 }"]],
      ["optionNotExpected", ["tree", Promise.resolve(1), "a tree"]],
      ["optionNotANumber", ["baseYear", "2017", "a year of the data such as 2017"]],
      ["optionNotANumber", ["baseYear", 2017n, "a year of the data such as 2017"]],
      ["optionNotANumber", ["cap", Number.NaN, "a number >= 100"]],
      ["optionEmptyList", ["normalizations", "a list of methods"]],
      ["unknownOption", ["normalise", ["normalize", "aggregate"]]],
      ["optionMoreItems", ["years", 1, "a list of years"]],
      ["optionMoreItems", ["years", 12, "a list of years"]],
      ["expectedOption", ["text"]],
      ["expectedOption", ["boolean"]],
      ["expectedOption", ["baseYear"]],
      ["expectedOption", ["cap"]],
      ["expectedOption", ["power"]],
      ["expectedOption", ["winsorMax"]],
      ["expectedOption", ["range"]],
      ["expectedOption", ["zScale"]],
      ["expectedOption", ["screen"]],
      ["expectedOption", ["share"]],
      ["expectedOption", ["aggregateByLevel"]],
      ["expectedOption", ["level"]],
      ["expectedOption", ["performanceGroups"]],
      ["expectedOption", ["queryMemoryLimit"]],
    ]));

  it("says what a Chinese user reads (written out by hand)", () => {
    expect(checkMessagesZh.aggregateTwoExponents("power:0.5,1=power:2", 0.5, 2)).toBe('--aggregate "power:0.5,1=power:2"：给出了两个指数 0.5 和 2；每次运行应只有一个 power:P');
    expect(checkMessagesZh.optionNotAChoice("outliers", "winsorize", ["none", "winsorise", "log"])).toBe(
      '选项 outliers 为 "winsorize"；应为以下之一：none、winsorise、log；是否应为 "winsorise"？',
    );
    // Medians 2.23 and 0.0245: 2.23 / 0.0245 = 91.02, shown to one decimal as 91.
    expect(checkMessagesZh.percentMixed("A1", { count: 3, value: 1.96, median: 2.23, file: "data.csv", line: 2 }, { count: 1, value: 0.0245, median: 0.0245, file: "data.csv", line: 5 })).toBe(
      '"A1" 的数值混用了 3 个百分数（例如 1.96%，位于 data.csv:2）和 1 个普通数字（例如 0.0245，位于 data.csv:5），且两者数量级不同：' +
        "普通数字的中位数 0.0245 约为百分数中位数 2.23 的 1/91；" +
        "百分号会被去掉（1.96% 读作 1.96），因此写成小数的比例（2.45% 写成 0.0245）会小 100 倍；" +
        '"A1" 的所有数值应采用同一种写法：全部带百分号（或在 Excel 中设为百分比格式），或全部不带',
    );
    expect(checkMessagesZh.accountingDashes({ file: "v.csv", line: 3, column: 4, text: " -   " }, 2)).toBe(
      'v.csv:3:4: 2 个数值单元格是两侧带空格的短横线（" -   "，第一个在此），这是 Excel 会计专用格式显示 0 的方式；它们按缺失值读取，但可能是 0；' +
        "应在保存 CSV 文件之前将该列设为数值格式（常规或数值），或在这些单元格中写 0",
    );
    // 1 and 234 (column 5, 备注) read as 1 where 1,234 = 1234 was meant.
    expect(checkMessagesZh.thousandsSplit({ file: "v.csv", line: 2, column: 4, cell: "1", read: 1, groups: ["234"], nextColumn: 5, nextName: "备注", fields: 6, headerFields: 5, meant: 1234 }, 2)).toBe(
      'v.csv:2:4: 数值 "1" 和下一个单元格（第 5 列 "备注"）中的 "234" 看似同一个数 "1,234"，因逗号未加引号而在千位分隔符处被拆开（该行有 6 个字段，表头只有 5 个）：' +
        '读到的是 1，原意可能是 1234（本文件中有 2 个数值单元格如此，第一个在此）；应像 Excel 那样给这些数加引号（"1,234"，连同引号），或去掉千位分隔符（1234）',
    );
    // ¥1, 234 and 567 (from column 5) read as 1 where ¥1,234,567 = 1234567 was meant.
    expect(checkMessagesZh.thousandsSplit({ file: "v.csv", line: 2, column: 4, cell: "¥1", read: 1, groups: ["234", "567"], nextColumn: 5, nextName: "备注", fields: 7, headerFields: 6, meant: 1234567 }, 1)).toBe(
      'v.csv:2:4: 数值 "¥1" 和其后的 2 个单元格（自第 5 列起 "备注"）中的 "234"、"567" 看似同一个数 "¥1,234,567"，因逗号未加引号而在千位分隔符处被拆开（该行有 7 个字段，表头只有 6 个）：' +
        '读到的是 1，原意可能是 1234567；应像 Excel 那样给该数加引号（"¥1,234,567"，连同引号），或去掉千位分隔符（1234567）',
    );
    // A wide layout's values share a line: the column tells them apart.
    expect(checkMessagesZh.percentMixed("A1", { count: 2, value: 1.96, median: 2.145, file: "w.csv", line: 2, column: 2 }, { count: 1, value: 0.0214, median: 0.0214, file: "w.csv", line: 2, column: 3 })).toMatch(
      /^"A1" 的数值混用了 2 个百分数（例如 1\.96%，位于 w\.csv:2:2）和 1 个普通数字（例如 0\.0214，位于 w\.csv:2:3），且两者数量级不同：/,
    );
    // 2.33 / 0.0244 = 95.49…, shown to one decimal (95.5) after 约为, as it is rounded; 15000 / 1.5 = 10,000 exactly.
    expect(checkMessagesZh.valueJump({ indicator: "A11", unit: "常州高新区", fromYear: 2019, fromValue: 2.33, toYear: 2020, toValue: 0.0244, count: 1, threshold: 50 })).toBe(
      '指标 "A11"（评价对象 "常州高新区"）：2020 年的数值 0.0244 约为 2019 年数值 2.33 的 1/95.5（相差 50 倍及以上，逐年的真实变化很少如此）：' +
        "可能是比例写成了小数而其他年份为百分数，或反之（相差 ×100），计量单位变了（相差 ×1,000 或 ×10,000，例如把万元写成了元），也可能是真实变化；请核对该数值：若无误，则无需处理（--strict 不会因此拒绝）",
    );
    expect(checkMessagesZh.valueJump({ indicator: "B11", unit: "", fromYear: 2018, fromValue: 1.5, toYear: 2019, toValue: 15000, count: 3, threshold: 50 })).toMatch(
      /^指标 "B11"：2019 年的数值 15000 为 2018 年数值 1\.5 的 10,000 倍（相差 50 倍及以上，逐年的真实变化很少如此）；"B11" 共有 3 个数值与上一年相差如此之大，此为按评价对象和年份排序的第一个：/,
    );
  });
});
