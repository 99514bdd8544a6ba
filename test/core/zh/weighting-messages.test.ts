import { describe, expect, it } from "vitest";
import { UNUSED, weightingMessages } from "../../../src/core/weighting/messages.js";
import { weightingMessagesZh } from "../../../src/core/zh/weighting-messages.js";
import { checkTranslation } from "./facts.js";

describe("weightingMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(weightingMessages, weightingMessagesZh, [
      ["optionUnused", ["--weight-years", "--weights equal", UNUSED.observations.which, UNUSED.observations.expected]],
      ["optionUnused", ["--entropy-input", "--weights combined --objective critic", UNUSED.entropy.which, UNUSED.entropy.expected]],
      ["optionUnused", ["--pca-rotation", "--weights critic", UNUSED.pca.which, UNUSED.pca.expected]],
      ["optionUnused", ["--ahp", "--weights entropy", UNUSED.judgements.which, UNUSED.judgements.expected]],
      ["optionUnused", ["--subjective", "--weights critic", UNUSED.combination.which, UNUSED.combination.expected]],
      ["optionUnused", ["--foo", "--weights critic", "ignores it", "--weights bar"]],
      ["entropyShiftUnused", ["--weights critic"]],
      ["alphaUnused", ["--combination multiplicative"]],
      ["unknownWeightUnit", ["苏州", ["常州", "无锡", "南京"]]],
      ["unknownWeightYear", [2015, [2018, 2019, 2020]]],
      ["tooFewObservations", [1]],
      ["tooFewCompleteObservations", [1, 12]],
      ["observationsDropped", [["常州 2018"]]],
      ["observationsDropped", [["常州 2018", "无锡 2019"]]],
      ["missingObservation", ["rd_intensity", "常州", 2019]],
      ["missingObservation", ["rd_intensity", "", 2019]],
      ["constantIndicator", ["patents", "entropy"]],
      ["constantIndicator", ["patents", "CRITIC"]],
      ["constantIndicator", ["patents", "coefficient-of-variation"]],
      ["noVariation", ["INDEX", "CRITIC"]],
      ["noVariation", ["INDEX", "entropy"]],
      ["noVariationEqual", ["A1", "CRITIC"]],
      ["noVariationVarying", ["B", "CRITIC", ["B2"], ["B1"]]],
      ["noVariationVarying", ["B", "CRITIC", ["B2", "B3"], ["B1", "B4"]]],
      ["noVariationEqual", ["A1", "PCA"]],
      ["zeroGroupWeight", ["A2", "CRITIC"]],
      ["zeroGroupWeight", ["A2", "entropy"]],
      ["pcaFewObservations", ["INDEX", 10, 49, false]],
      ["pcaFewObservations", ["A1", 3, 4, true]],
      ["pcaSingular", ["A1", 5, 4, false]],
      ["pcaSingular", ["INDEX", 3, 2, true]],
      ["meanNotPositive", ["growth_rate", -0.0123456789]],
      ["cvNegativeValues", ["b1", 2, -3, 0.375]],
      ["cvNegativeValues", ["b1", 1, -0.5, 12.25]],
      ["weightDominant", ["entropy", "G", "a", 0.6489915619, 3, false, false]],
      ["weightDominant", ["CRITIC", "INDEX", "A1", 0.5012, 4, true, false]],
      ["weightDominant", ["coefficient-of-variation", "A1", "A11", 0.75, 5, false, false]],
      ["weightDominant", ["PCA", "A1", "A11", 0.6, 3, false, false]],
      ["weightDominant", ["entropy", "G", "a", 0.5858599, 3, false, true]],
      ["unknownAhpGroup", ["A9"]],
      ["notAChild", ["B1", "A1", ["A11", "A12", "A13"]]],
      ["selfJudgement", ["A11"]],
      ["duplicateJudgement", ["A1", "A11", "A12", 7]],
      ["duplicateJudgement", ["A1", "A11", "A12", undefined]],
      ["badJudgementValue", ["three"]],
      ["missingJudgement", ["A1", "A11", "A13"]],
      ["groupNotJudged", ["A2"]],
      ["tooManyChildren", ["A3", 16]],
      ["inconsistent", ["A1", 0.1534567, 4.4123456, 0.1374, 4]],
      ["inconsistentAllowed", ["A1", 0.1534567, 4.4123456, 0.1374, 4]],
      ["ahpFileMissing", []],
      ["combinationUndefined", ["A1"]],
      ["optimiseNotConverged", ["A1", 0.012345, 0.00011766, 9, 2458, true]],
      ["optimiseNotConverged", ["A1", 0.012345, 0.00011766, 9, 50000, false]],
      ["optimiseDegenerate", [[{ code: "B", parent: "INDEX", share: 0.0123456, target: 0.2 }, { code: "C", parent: "INDEX", share: 0.25, target: 0.2 }]]],
      ["optimiseDegenerate", [[{ code: "c", parent: "P2", share: 0.39149, target: 0.25 }]]],
      ["optimiseDegenerate", [Array.from({ length: 22 }, (_, k) => ({ code: `A${k + 1}`, parent: "A", share: 0.05, target: 1 / 22 }))]],
      ["optimiseFewObservations", [1]],
      ["optimiseNoVariation", ["A", 3, ["A1", "A2"], 2]],
      ["optimiseNoVariation", ["A", 3, ["A2"], 2]],
      ["optimiseNoVariation", ["A", 3, [], 2]],
      ["entropyNegative", ["profit_margin", -3.5]],
    ]));

  it("says the UNUSED phrases in Chinese", () => {
    // What would give the option an effect is written as flags alone for these two, kept as they are.
    const flagsOnly = new Set(["--weights combined", "--weights combined --combination additive"]);
    for (const { which, expected } of Object.values(UNUSED)) {
      const text = weightingMessagesZh.optionUnused("--x", "--weights critic", which, expected);
      expect(text).not.toContain(which);
      if (!flagsOnly.has(expected)) expect(text).not.toContain(expected);
    }
    expect(weightingMessagesZh.optionUnused("--ahp", "--weights entropy", UNUSED.judgements.which, UNUSED.judgements.expected)).toBe(
      "--ahp 在 --weights entropy 下不起作用，因为这种方式不读取层次分析法判断矩阵；应使用 --weights ahp，或 combined 搭配 --subjective ahp",
    );
    expect(weightingMessagesZh.optionUnused("--weight-years", "--weights equal", UNUSED.observations.which, UNUSED.observations.expected)).toBe(
      "--weight-years 在 --weights equal 下不起作用，因为这种方式不从数据推导权重；应使用客观赋权方法（--weights entropy、critic、cv、pca 或 combined）",
    );
    expect(weightingMessagesZh.alphaUnused("--combination multiplicative")).toBe(
      "--alpha 在 --combination multiplicative 下不起作用，因为这种方式不涉及主观权重的占比；应使用 --weights combined --combination additive",
    );
    // any other text passes through as it is
    expect(weightingMessagesZh.optionUnused("--foo", "--weights critic", "ignores it", "--weights bar")).toBe(
      "--foo 在 --weights critic 下不起作用，因为这种方式ignores it；应使用 --weights bar",
    );
  });

  it("says the common messages as written out by hand", () => {
    expect(weightingMessagesZh.constantIndicator("patents", "entropy")).toBe('指标 "patents" 在所选观测中没有变化，对熵权法赋权不提供信息；其权重为 0');
    expect(weightingMessagesZh.constantIndicator("patents", "CRITIC")).toBe('指标 "patents" 在所选观测中没有变化，对 CRITIC 法赋权不提供信息；其权重为 0');
    expect(weightingMessagesZh.missingObservation("rd_intensity", "常州", 2019)).toBe(
      '缺少指标 "rd_intensity"（评价对象 "常州"，2019 年）的值；客观赋权需要所选年份和评价对象的全部值（可用 --weight-years / --weight-units 缩小范围，或指定 --weight-missing drop）',
    );
    expect(weightingMessagesZh.inconsistent("A1", 0.1534567, 4.4123456, 0.1374, 4)).toBe(
      '指标组 "A1"：判断矩阵不满足一致性，一致性比率 CR = 0.153457（lambda_max 4.412346，CI 0.1374，n 4）；应满足 CR < 0.1：请修改判断，或指定 --allow-inconsistent',
    );
    expect(weightingMessagesZh.inconsistentAllowed("A1", 0.1534567, 4.4123456, 0.1374, 4)).toBe(
      '指标组 "A1"：判断矩阵不满足一致性，一致性比率 CR = 0.153457（lambda_max 4.412346，CI 0.1374，n 4）；已按 --allow-inconsistent 的要求照常使用其权重（满足一致性的判断 CR < 0.1）',
    );
    expect(weightingMessagesZh.missingJudgement("A1", "A11", "A13")).toBe(
      '指标组 "A1"：缺少 "A11"、"A13" 这一对的判断；应有一行 "A1,A11,A13,value"（A11 的重要性是 A13 的多少倍）',
    );
  });
});
