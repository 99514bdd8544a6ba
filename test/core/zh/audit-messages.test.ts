import { describe, expect, it } from "vitest";
import { auditMessages } from "../../../src/core/audit/messages.js";
import { auditMessagesZh } from "../../../src/core/zh/audit-messages.js";
import { checkTranslation } from "./facts.js";

describe("auditMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(auditMessages, auditMessagesZh, [
      ["tooFew", ["correlation", 2, 3]],
      ["tooFew", ["skewness and kurtosis", 1, 3]],
      ["tooFew", ["principal components", 0, 3]],
      ["tooFew", ["some other statistic", 4, 5]],
      ["constant", ["rd_intensity", 1]],
      ["constant", ["rd_intensity", 12]],
      ["oneChild", ["A1"]],
      ["constantSum", ["A2"]],
      ["siblingMissing", ["r2 with the parent"]],
      ["siblingMissing", ["correlation ratio with the parent"]],
      ["singular", [3, 5]],
      ["unknownUnit", ["苏州", ["常州", "无锡", "南京"]]],
      ["unknownUnit", ["苏州", Array.from({ length: 12 }, (_, i) => `unit${i + 1}`)]],
      ["outliersRemain", [1]],
      ["outliersRemain", [5]],
    ]));

  it("says the common notes as written out by hand", () => {
    expect(auditMessagesZh.tooFew("correlation", 2, 3)).toBe("相关系数：仅 2 个观测值，至少需要 3 个");
    expect(auditMessagesZh.constant("rd_intensity", 12)).toBe('"rd_intensity" 在 12 个观测值中只取一个值');
    expect(auditMessagesZh.oneChild("A1")).toBe('指标组 "A1" 只有一个下级节点');
    expect(auditMessagesZh.siblingMissing("r2 with the parent")).toBe("与上级节点的 r2 占比：某个同级节点没有值");
    expect(auditMessagesZh.unknownUnit("苏州", ["常州", "无锡"])).toBe('--profile-unit "苏州" 不是数据中的评价对象；应为以下之一："常州"、"无锡"');
  });
});
