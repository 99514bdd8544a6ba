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
    ]));

  it("says what Chinese Excel users read (written out by hand)", () => {
    expect(encodingMessagesZh.notUtf8("tree.csv")).toBe("tree.csv：文件不是有效的 UTF-8；应为 UTF-8 文本文件（或指定 --encoding gbk）");
  });
});
