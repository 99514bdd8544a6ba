import { describe, expect, it } from "vitest";
import { encodingMessages } from "../../../src/core/encoding-messages.js";
import { encodingMessagesZh } from "../../../src/core/zh/encoding-messages.js";
import { checkTranslation } from "./facts.js";

describe("encodingMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(encodingMessages, encodingMessagesZh, [
      ["nulBytes", ["values.csv"]],
      ["notUtf8", ["tree.csv"]],
      ["notValid", ["values.csv", "GB18030"]],
      ["notText", ["values.csv"]],
      ["notValidUtf16", ["values.csv", "UTF-16LE"]],
      ["mixedEncodings", ["values.csv", { utf8: [2, 3], utf8Count: 2, other: [4, 5], otherCount: 2, sample: { text: "常州", misread: "甯稿窞" } }]],
      ["mixedEncodings", ["values.csv", { utf8: [2, 3, 4, 5, 6], utf8Count: 40, other: [41], otherCount: 1, sample: { text: "常州", misread: "甯稿窞" } }]],
    ]));

  it("says what Chinese Excel users read (written out by hand)", () => {
    expect(encodingMessagesZh.notUtf8("tree.csv")).toBe("tree.csv：文件不是有效的 UTF-8；应为 UTF-8 文本文件（或指定 --encoding gbk）");
    const mixed = { utf8: [2, 3, 4, 5, 6], utf8Count: 7, other: [9], otherCount: 1, sample: { text: "常州", misread: "甯稿窞" } };
    expect(encodingMessagesZh.mixedEncodings("mixed.csv", mixed)).toBe(
      "mixed.csv：文件混用了两种编码：第 2、3、4、5、6 行（共 7 行）是 UTF-8，第 9 行不是（是 GBK/GB18030，中文版 Excel 保存 CSV 所用的编码）；" +
        '按一种编码读取，有些行会变成错误的字符（UTF-8 的 "常州" 按 GBK 读取是 "甯稿窞"）；应为整个文件使用同一种编码（该文件是否由两个文件拼接而成？）：' +
        '请把各部分分别重新另存为 "CSV UTF-8"，再拼接',
    );
  });
});
