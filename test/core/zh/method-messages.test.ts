import { describe, expect, it } from "vitest";
import { methodMessages } from "../../../src/core/method-messages.js";
import { methodMessagesZh } from "../../../src/core/zh/method-messages.js";
import { checkTranslation } from "./facts.js";

describe("methodMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(methodMessages, methodMessagesZh, [
      ["badPairSetting", ["A1", "range", "100,1", "two numbers LOW,HIGH with LOW < HIGH (e.g. 1,100)"]],
      ["badPairSetting", ["A1", "z_scale", "0;-1", "two numbers MEAN,SD with SD > 0 (e.g. 0,1)"]],
      ["badPairOption", ["--range", "1-100", "two numbers LOW,HIGH with LOW < HIGH (e.g. 1,100)"]],
      ["badPairOption", ["--z-scale", "100", "two numbers MEAN,SD with SD > 0 (e.g. 0,1)"]],
      ["badPairOption", ["--power", "half", "a number p, e.g. 0.5 (1 arithmetic, 0 geometric, -1 harmonic)"]],
      ["badPairOption", ["--screen", "1.5", "a share above 0 and at most 1, e.g. 0.66"]],
      [
        "badPairOption",
        ["--performance-groups", "100,125,70", "three numbers LEADER,STRONG,MODERATE in % of the reference, decreasing and positive (default 125,100,70)"],
      ],
      ["badPairOption", ["--range", "x", "some text not known to the translation"]],
      ["rangeExpected", []],
      ["zScaleExpected", []],
      ["valueNotPositive", ["A1", "常州", 2018, -2.5, "fraction-of-max"]],
      ["valueNotPositive", ["A1", "常州", 2018, 0, "fraction-of-max", false]],
      ["valueNotPositive", ["A1", "常州", 2018, -1, "fraction-of-max", true]],
      ["maximumZero", ["A1", 2019]],
      ["averageNotPositive", ["A1", 2019, -3.25]],
      ["averageNotPositive", ["A1", 2019, Number.NaN]],
      ["constantYear", ["A1", "distance-to-max", 2020, 42]],
      ["oneUnitObserved", ["A1", "percentile-rank", 2021]],
      ["scoreNegative", ["benefit-of-the-doubt", "G1", "A1", "常州", 2018, -0.75]],
      ["scoreNegative", ["power (p = 0.5)", "G1", "A2", "无锡", 2019, -1.2]],
      ["frontierEmpty", ["G1", 2018, ["A1"]]],
      ["frontierEmpty", ["G1", 2018, ["A1", "A2", "A3"]]],
      ["greyUndefined", ["G1", ["A1", "A2"]]],
      ["topsisUndefined", ["G1", ["A1", "A2"], 1, "常州", 2018]],
      ["topsisUndefined", ["G1", ["A1", "A2"], 1, "", 2018, true]],
      ["topsisUndefined", ["G1", ["A1", "A2"], 6, "常州", 2017, false]],
      ["topsisUndefined", ["G1", ["A1", "A2"], 6, "常州", 2017, true]],
      ["powerMissing", []],
      ["powerUnused", []],
      ["groupDirectionScale", ["G1", "rank"]],
      ["groupDirectionScale", ["G1", "mixed"]],
      ["groupDirectionNotPositive", ["G1", "常州", 2018, -4]],
      ["screenEmpty", [0.66, 13]],
    ]));

  it("says what the most common messages say (written out by hand)", () => {
    expect(methodMessagesZh.badPairOption("--range", "1-100", methodMessagesZh.rangeExpected())).toBe(
      '无法识别 --range "1-100"；应为两个数 LOW,HIGH，且 LOW < HIGH（例如 1,100）',
    );
    expect(methodMessagesZh.badPairOption("--range", "1-100", "two numbers LOW,HIGH with LOW < HIGH (e.g. 1,100)")).toBe(
      '无法识别 --range "1-100"；应为两个数 LOW,HIGH，且 LOW < HIGH（例如 1,100）',
    );
    expect(methodMessagesZh.constantYear("A1", "distance-to-max", 2020, 42)).toBe(
      '指标 "A1" 在 2020 年所有评价对象的数值都是 42，因此 distance-to-max 无定义（max = min）；应至少有两个不同的数值，或改用其他标准化方法',
    );
    expect(methodMessagesZh.scoreNegative("power (p = 0.5)", "G1", "A2", "无锡", 2019, -1.2)).toBe(
      '指标组 "G1"（评价对象 "无锡"，2019 年）：下级节点 "A2" 的得分为 -1.2，而幂平均（p = 0.5）合成要求得分 >= 0；应为非负得分（z-score 可能为负：可使用 min-max，或用 --z-scale 设定较大的均值）',
    );
    expect(methodMessagesZh.powerUnused()).toBe(
      "--power 不起作用：没有指标组采用幂平均合成；应使用 --aggregate power（或在指标组的 aggregate 列中填写 power）",
    );
  });
});
