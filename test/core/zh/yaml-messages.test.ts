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
      ["indentedUnderValue", ["normalise", 4, 2]],
      ["indentedUnderValue", ["a", 1, 0]],
      ["blockAsKey", []],
      ["itemOutOfLine", [3, 4]],
      ["itemOutOfLine", [2, 1]],
      ["itemAmongKeys", ["missing", 2]],
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
    // An indent of no space and of one, in words.
    expect(yamlMessages.indentedUnderValue("a", 1, 0)).toBe(
      'this line is indented further than the key "a" above it (line 1), so it is read as part of that key\'s value; expected the same indent as "a" (no indent), or no value after "a" on line 1 if this line belongs under it',
    );
    expect(yamlMessagesZh.indentedUnderValue("a", 1, 0)).toBe(
      '本行比上面的键 "a"（第 1 行）缩进更多，因此被读作该键的值的一部分；应与 "a" 缩进相同（不缩进），如果本行属于 "a" 之下，第 1 行中 "a" 后面不应有值',
    );
    expect(yamlMessages.itemOutOfLine(2, 1)).toBe('this "- " item is out of line with the items of its list above it (line 2, indented 1 space); expected the same indent as them (1 space)');
    expect(yamlMessagesZh.itemAmongKeys("missing", 2)).toBe(
      '"- " 项出现在映射的键之间（如第 2 行的 "missing"），此处每行应为 "key: value"；应写作 "key: value"，或把列表各项写在其键（单独一行的 "key:"）下面的行中，并比键缩进更多',
    );
  });
});
