import { describe, expect, it } from "vitest";
import { yamlMessages } from "../../../src/core/yaml-messages.js";
import { chinese } from "../../../src/core/zh/index.js";
import { yamlMessagesZh } from "../../../src/core/zh/yaml-messages.js";
import { checkTranslation } from "./facts.js";

describe("yamlMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(yamlMessages, yamlMessagesZh, [
      ["aliasWithProperties", []],
      ["emptyAnchor", ["&"]],
      ["emptyAnchor", ["*"]],
      ["badDirective", []],
      ["badEscape", ["\\d"]],
      ["badEscape", [undefined]],
      ["indentation", []],
      ["flowIndent", ["]"]],
      ["flowIndent", ["}"]],
      ["propertyOrder", ["?"]],
      ["propertyOrder", [undefined]],
      ["scalarStart", ["@"]],
      ["scalarStart", [undefined]],
      ["compactMap", []],
      ["blockAsKey", []],
      ["blockInFlow", []],
      ["duplicateKey", []],
      ["longKey", [1024]],
      ["unclosedQuote", [true]],
      ["unclosedQuote", [false]],
      ["missingComma", ["]"]],
      ["missingComma", ["}"]],
      ["unclosedFlow", ["]"]],
      ["unclosedFlow", ["}"]],
      ["keyWithoutValue", []],
      ["itemWithoutDash", []],
      ["commentSpace", []],
      ["propertySpacing", []],
      ["directivesEnd", []],
      ["blockTextLeadingLines", []],
      ["collectionOnDocumentStart", []],
      ["missingCharacter", []],
      ["multilineKey", [true]],
      ["multilineKey", [false]],
      ["twoProperties", ["anchor"]],
      ["twoProperties", ["tag"]],
      ["severalDocuments", []],
      ["unknownTag", ["!e!x"]],
      ["unknownTag", [undefined]],
      ["textAfterValue", []],
      ["stray", ["]"]],
      ["stray", [":"]],
      ["listOnKeyLine", []],
      ["emptyItem", ["]"]],
      ["emptyItem", ["}"]],
      ["blockHeader", ["|x"]],
      ["unexpectedText", []],
    ]));

  it("is one of the Chinese catalogues the terminal loads", () => {
    expect(chinese.yamlMessages).toBe(yamlMessagesZh);
  });

  it("says what was found and what is expected (written out by hand)", () => {
    // The escape as written in the file, \d, one backslash (quoted as JSON it would read "\\d").
    expect(yamlMessages.badEscape("\\d")).toBe(
      "the escape \\d in a text in double quotes is not one YAML knows (a backslash starts an escape); expected the text in single quotes, where a backslash is an ordinary character, or each backslash written twice",
    );
    expect(yamlMessagesZh.badEscape("\\d")).toBe("双引号中的文本里的转义 \\d 不是 YAML 认识的转义（反斜杠表示转义的开始）；应改用单引号（其中反斜杠就是普通字符），或把每个反斜杠写两遍");
    expect(yamlMessagesZh.missingComma("]")).toBe("[ ] 中两项之间什么也没有；两项之间应有逗号");
    expect(yamlMessagesZh.multilineKey(true)).toBe('[ ] 中的键跨越了多行；括号内的每个 "key: value" 都应写在一行中');
    expect(yamlMessagesZh.unclosedQuote(true)).toBe("双引号中的文本没有闭合；应在值的末尾加上闭合的双引号");
  });
});
