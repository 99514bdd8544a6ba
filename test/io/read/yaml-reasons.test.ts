/**
 * A YAML syntax error in the tool's words for each error code of the `yaml` parser a file can raise (yaml-reasons.ts),
 * in English and in Chinese: each case a small document that really raises the code (checked first, so that a case
 * the parser stops raising fails rather than testing nothing), at its line and column.
 */
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument, YAMLParseError, type ErrorCode } from "yaml";
import { translateMessage } from "../../../src/core/localize.js";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { yamlMessages } from "../../../src/core/yaml-messages.js";
import { chinese } from "../../../src/core/zh/index.js";
import { readerMessagesZh } from "../../../src/core/zh/reader-messages.js";
import { yamlMessagesZh } from "../../../src/core/zh/yaml-messages.js";
import { projectMessages } from "../../../src/core/project-messages.js";
import { parseProject } from "../../../src/io/project/project.js";
import { parseAhpYaml } from "../../../src/io/read/ahp-yaml.js";
import { parseTreeYaml } from "../../../src/io/read/tree-yaml.js";
import { yamlSyntaxProblems } from "../../../src/io/read/yaml-guards.js";
import { YAML_KEY_LIMIT, yamlReason } from "../../../src/io/read/yaml-reasons.js";
import { issuesOf } from "../../issues.js";

/** A reason in both languages: a message of `yamlMessages` (or `readerMessages`) by its key and arguments. */
interface Reason {
  english: string;
  chinese: string;
}
const yaml = <K extends keyof typeof yamlMessagesZh>(key: K, ...args: Parameters<(typeof yamlMessagesZh)[K]>): Reason => ({
  english: (yamlMessages[key] as (...a: unknown[]) => string)(...args),
  chinese: (yamlMessagesZh[key] as (...a: unknown[]) => string)(...args),
});
const reader = <K extends keyof typeof readerMessagesZh>(key: K, ...args: Parameters<(typeof readerMessagesZh)[K]>): Reason => ({
  english: (readerMessages[key] as (...a: unknown[]) => string)(...args),
  chinese: (readerMessagesZh[key] as (...a: unknown[]) => string)(...args),
});

/** The parse of `text`: the parser's errors and the tool's problems (`yamlSyntaxProblems`, of a tree). */
function parsed(text: string) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  return { document, lineCounter, problems: yamlSyntaxProblems(document, text, lineCounter, "tree") };
}

// [what, document, the code its first error has, the line and column of that error, the reason]. Each column is
// counted by hand (1-based) in the comment after the document.
const CASES: readonly (readonly [string, string, ErrorCode, number, number, Reason])[] = [
  ["an anchor before an alias", "a: &x 1\nb: &y *x\n", "ALIAS_PROPS", 2, 7, yaml("aliasWithProperties")], // "b: &y " is 6
  ["a bare *", "a: *\n", "BAD_ALIAS", 1, 4, yaml("emptyAnchor", "*")], // "a: " is 3
  ["a bare &", "a: & 1\n", "BAD_ALIAS", 1, 4, yaml("emptyAnchor", "&")],
  ["a %YAML line without its version", "%YAML\n---\na: 1\n", "BAD_DIRECTIVE", 1, 1, yaml("badDirective")],
  ["a Windows path in double quotes", 'path: "C:\\data"\n', "BAD_DQ_ESCAPE", 1, 10, yaml("badEscape", "\\d")], // 'path: "C:' is 9
  ["an item out of line with its map", "a:\n  b: 1\n c: 2\n", "BAD_INDENT", 3, 1, reader("yamlBadIndent")],
  // Found where the list's last item ends (3:3), placed at its "[": "  b: " is 5.
  ["a list in brackets not closed in a map", "a:\n  b: [1,\n  2\n", "BAD_INDENT", 2, 6, yaml("unclosedFlow", "]")],
  // Closed on a line indented no further than its key: where the parser finds it, the start of that line's text ("  " is 2).
  ["a list in brackets going on to a line not indented past its key", "a:\n  b: [1,\n  2]\n", "BAD_INDENT", 3, 3, yaml("flowIndent", "]")],
  ["an anchor before ?", "&a ? b\n: c\n", "BAD_PROP_ORDER", 1, 4, yaml("propertyOrder", "?")], // "&a " is 3
  ["a value starting with @", "name: @home\n", "BAD_SCALAR_START", 1, 7, yaml("scalarStart", "@")], // "name: " is 6
  ["a value starting with %", "a: %x\n", "BAD_SCALAR_START", 1, 4, yaml("scalarStart", "%")],
  ["a second key on a key's line", "a: b: c\n", "BLOCK_AS_IMPLICIT_KEY", 1, 4, yaml("compactMap")],
  // The parser finds "a: b: c" at "min-max" (4:14, the value and line 5 read as one key over two lines): placed at
  // "missing" (5:4, after 3 spaces), whose indent (3) is past the key "normalise" (2 spaces, line 4).
  [
    "a key indented further than the key above it, in index.yaml",
    "indicators: tree.csv\nvalues: vals.csv\nmethods:\n  normalise: min-max\n   missing: mean\n",
    "BLOCK_AS_IMPLICIT_KEY",
    5,
    4,
    yaml("indentedUnderValue", "normalise", 4, 2),
  ],
  // The same in a tree: found at "投入" (2:9), placed at "children" (3:4, after 3 spaces); "name" is indented 2 ("- " of line 1's item).
  ["a key indented further than the key above it, in a tree", "- code: A\n  name: 投入\n   children:\n    - code: B\n", "BLOCK_AS_IMPLICIT_KEY", 3, 4, yaml("indentedUnderValue", "name", 2, 2)],
  // After a value in quotes the parser finds a key out of line at the start of line 2 (2:1), not a key over two lines:
  // the same mistake, placed at "code" (2:3, after 2 spaces), past the key "name" (no indent, line 1).
  ["a key indented further than the key above it, after a value in quotes", 'name: "Zone"\n  code: x1\n', "BAD_INDENT", 2, 3, yaml("indentedUnderValue", "name", 1, 0)],
  // Found at the start of line 4 (a list used as a key), placed at its "-" (4:4, after 3 spaces); the item above, line 3, is at 4 spaces.
  ["an item out of line with its list", "- code: A\n  children:\n    - code: B\n   - code: C\n", "BLOCK_AS_IMPLICIT_KEY", 4, 4, yaml("itemOutOfLine", 3, 4)],
  // The "-" at 3:3 ("  " is 2), as far in as the key "missing" of line 2.
  ["an item among the keys of a map", "methods:\n  missing: mean\n  - reweight\n", "BLOCK_AS_IMPLICIT_KEY", 3, 3, yaml("itemAmongKeys", "missing", 2)],
  ["a - item in brackets", "a: [\n - b\n]\n", "BLOCK_IN_FLOW", 2, 2, yaml("blockInFlow")], // " " is 1
  ["a key twice in a flow map", "a: { b: 1, b: 2 }\n", "DUPLICATE_KEY", 1, 12, reader("yamlDuplicateKey", "b", 1)], // "a: { b: 1, " is 11
  ["a key of 1025 characters", `${"k".repeat(YAML_KEY_LIMIT + 1)}: 1\n`, "KEY_OVER_1024_CHARS", 1, 1, yaml("longKey", 1024)],
  // Found at the end of the text (2:1), placed at the opening quote ("a: " is 3).
  ["a double quote not closed", 'a: "b\n', "MISSING_CHAR", 1, 4, yaml("unclosedQuote", true)],
  ["a single quote not closed", "a: 'b\n", "MISSING_CHAR", 1, 4, yaml("unclosedQuote", false)],
  // index.yaml's value of line 2, 'values: "vals.csv' (the quote after "values: ", 8 characters), found at 5:1, past the 4 lines.
  ["a double quote not closed in index.yaml", 'indicators: tree.csv\nvalues: "vals.csv\nmethods:\n  normalise: min-max\n', "MISSING_CHAR", 2, 9, yaml("unclosedQuote", true)],
  ["two items in brackets without a comma", "a: [ 'x' 'y' ]\n", "MISSING_CHAR", 1, 10, yaml("missingComma", "]")], // "a: [ 'x' " is 9
  // Found at the end of the text (2:1), placed at the opening bracket.
  ["a list in brackets not closed", "[1, 2\n", "MISSING_CHAR", 1, 1, yaml("unclosedFlow", "]")],
  ["a map in braces not closed", "{ a: 1\n", "MISSING_CHAR", 1, 1, yaml("unclosedFlow", "}")],
  ["a line without its colon", "a: 1\nb\n", "MISSING_CHAR", 2, 1, yaml("keyWithoutValue")],
  ["an item without its -", "- a\n- b: 1\n c: 2\n", "MISSING_CHAR", 3, 1, yaml("itemWithoutDash")],
  ["a # without a space", 'a: "b"#c\n', "MISSING_CHAR", 1, 7, yaml("commentSpace")], // 'a: "b"' is 6
  ["a tag run into its value", 'a: !!str"b"\n', "MISSING_CHAR", 1, 9, yaml("propertySpacing")], // "a: !!str" is 8
  ["an anchor before a - on its line", "- &a - x\n", "MISSING_CHAR", 1, 3, yaml("propertySpacing")], // "- " is 2
  ["a directive without ---", "%YAML 1.2\na: 1\n", "MISSING_CHAR", 2, 1, yaml("directivesEnd")],
  ["a block text after blank lines indented further", "a: |\n\n    \n  x\n", "MISSING_CHAR", 4, 3, yaml("blockTextLeadingLines")], // "  " is 2
  ["a map on the --- line", "--- a: 1\n", "MISSING_CHAR", 1, 5, yaml("collectionOnDocumentStart")], // "--- " is 4
  ["a key over two lines", "code: A\nname\nweight: 1\n", "MULTILINE_IMPLICIT_KEY", 2, 1, yaml("multilineKey", false)],
  ["a key over two lines in brackets", "[ a\n b: 1 ]\n", "MULTILINE_IMPLICIT_KEY", 1, 3, yaml("multilineKey", true)], // "[ " is 2
  ["two anchors", "a: &x &y 1\n", "MULTIPLE_ANCHORS", 1, 7, yaml("twoProperties", "anchor")], // "a: &x " is 6
  ["two documents", "a: 1\n---\nb: 2\n", "MULTIPLE_DOCS", 2, 1, yaml("severalDocuments")],
  ["two tags", "a: !!str !!str 1\n", "MULTIPLE_TAGS", 1, 10, yaml("twoProperties", "tag")], // "a: !!str " is 9
  ["a tab indenting a key", "a:\n\tb: 1\n", "TAB_AS_INDENT", 2, 1, reader("yamlTabIndent")],
  // A tab after 4 spaces: the parser finds a key out of line at 5:1; placed at the tab (5:5).
  ["a tab after spaces", "- code: A\n  name: a\n  children:\n    - code: x1\n    \tname: a\n    - code: x2\n      name: b\n", "BAD_INDENT", 5, 5, reader("yamlTabIndent")],
  ["a tag with an undeclared prefix", "a: !e!x 1\n", "TAG_RESOLVE_FAILED", 1, 4, yaml("unknownTag", "!e!x")],
  ["text after a closing quote", '"a" b\n', "UNEXPECTED_TOKEN", 1, 5, yaml("textAfterValue")], // '"a" ' is 4
  ["a ] with no [", "a: 1\n]\n", "UNEXPECTED_TOKEN", 2, 1, yaml("stray", "]")],
  ["a list item on its key's line", "a: - b\n", "UNEXPECTED_TOKEN", 1, 4, yaml("listOnKeyLine")],
  ["an empty item in brackets", "a: [1, , 2]\n", "UNEXPECTED_TOKEN", 1, 8, yaml("emptyItem", "]")], // "a: [1, " is 7
  ["an empty item in braces", "a: { b: 1, , c: 2 }\n", "UNEXPECTED_TOKEN", 1, 12, yaml("emptyItem", "}")], // "a: { b: 1, " is 11
  ["text after |", "a: |x\n  y\n", "UNEXPECTED_TOKEN", 1, 5, yaml("blockHeader", "|x")], // "a: |" is 4
  // The parser's "Unexpected scalar token" (a value after another in braces, no comma between): its other texts.
  ["a second value in braces", 'a: { b: "x" c: 2 }\n', "UNEXPECTED_TOKEN", 1, 13, yaml("unexpectedText")], // 'a: { b: "x" ' is 12
];

/** The message `run` throws; "" when it throws nothing (so that an expected message fails the test). */
function thrownMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "";
}

describe("yamlSyntaxProblems: every error code a file can raise, in the tool's words", () => {
  it.each(CASES)("%s", (_what, text, code, line, column, reason) => {
    const { document, problems } = parsed(text);
    // The parser raises the code first, at that place: else the case tests another code than it says.
    expect(document.errors[0]?.code).toBe(code);
    expect(problems[0]).toEqual({ line, column, reason: reason.english });
    // What a Chinese terminal prints: the message translated as it was made.
    expect(translateMessage(problems[0].reason, chinese)).toBe(reason.chinese);
  });

  it("covers every code the tool words", () => {
    // The codes not here: NON_STRING_KEY (only with the parser's stringKeys), IMPOSSIBLE (the parser's own bug),
    // BAD_COLLECTION_TYPE (a warning only), RESOURCE_EXHAUSTION (a file too deep, reported as such).
    const covered = new Set(CASES.map(([, , code]) => code));
    expect([...covered].sort()).toEqual(
      [
        "ALIAS_PROPS", "BAD_ALIAS", "BAD_DIRECTIVE", "BAD_DQ_ESCAPE", "BAD_INDENT", "BAD_PROP_ORDER", "BAD_SCALAR_START", "BLOCK_AS_IMPLICIT_KEY",
        "BLOCK_IN_FLOW", "DUPLICATE_KEY", "KEY_OVER_1024_CHARS", "MISSING_CHAR", "MULTILINE_IMPLICIT_KEY", "MULTIPLE_ANCHORS", "MULTIPLE_DOCS",
        "MULTIPLE_TAGS", "TAB_AS_INDENT", "TAG_RESOLVE_FAILED", "UNEXPECTED_TOKEN",
      ].sort(),
    );
  });

  it("takes a key of 1024 characters, and refuses one of 1025", () => {
    // The ":" may come at most 1024 characters after the key's start: at 1024 (a key of 1024 characters) it may.
    expect(parsed(`${"k".repeat(YAML_KEY_LIMIT)}: 1\n`).document.errors).toEqual([]);
    expect(parsed(`${"k".repeat(YAML_KEY_LIMIT + 1)}: 1\n`).problems).toHaveLength(1);
  });
});

/** index.yaml's line 5, "   missing: mean", indented (3 spaces) under "  normalise: …" of line 4 (2 spaces), at "missing". */
const MISSING_UNDER_NORMALISE = {
  code: "E_PROJECT_YAML",
  message:
    'the file is not valid YAML: this line is indented further than the key "normalise" above it (line 4), so it is read as part of that key\'s value; expected the same indent as "normalise" (2 spaces), or no value after "normalise" on line 4 if this line belongs under it',
  source: "index.yaml",
  line: 5,
  column: 4,
};

describe("yamlSyntaxProblems: a mistake the parser finds elsewhere, at the mistake", () => {
  /** The code, line and column of each of the parser's errors. */
  const found = (text: string) => {
    const { document, lineCounter } = parsed(text);
    return document.errors.map((error) => [error.code, lineCounter.linePos(error.pos[0]).line, lineCounter.linePos(error.pos[0]).col]);
  };

  it("tells a key indented further than the key above it from a real \"a: b: c\"", () => {
    const indented = "indicators: tree.csv\nvalues: vals.csv\nmethods:\n  normalise: min-max\n   missing: mean\n";
    // Both found at the value "min-max" (4:14, "  normalise: " is 13), the key over two lines it makes.
    expect(found(indented)).toEqual([["BLOCK_AS_IMPLICIT_KEY", 4, 14], ["MULTILINE_IMPLICIT_KEY", 4, 14]]);
    expect(issuesOf(() => parseProject(indented, "/p/index.yaml", "index.yaml"))).toEqual([MISSING_UNDER_NORMALISE]);
    expect(translateMessage(projectMessages.yamlSyntax(yamlMessages.indentedUnderValue("normalise", 4, 2)), chinese)).toBe(
      '不是有效的 YAML 文件：本行比上面的键 "normalise"（第 4 行）缩进更多，因此被读作该键的值的一部分；应与 "normalise" 缩进相同（缩进 2 个空格），如果本行属于 "normalise" 之下，第 4 行中 "normalise" 后面不应有值',
    );
    // A second ":" on the value's line is "a: b: c", whatever the line below: at the "a" after "  name: " (8 characters).
    const compact = "- code: B\n  name: a: b\n   weight: 1\n";
    expect(found(compact)[0]).toEqual(["BLOCK_AS_IMPLICIT_KEY", 2, 9]);
    expect(parsed(compact).problems[0]).toEqual({ line: 2, column: 9, reason: yamlMessages.compactMap() });
  });

  it("tells a key indented further than a value in quotes or brackets above it from an item out of line, in index.yaml", () => {
    const indented = 'indicators: tree.csv\nvalues: vals.csv\nmethods:\n  normalise: "min-max"\n   missing: mean\n';
    // Found at the start of line 5 (a key out of line with "normalise"), not at the value as after a plain value.
    expect(found(indented)).toEqual([["BAD_INDENT", 5, 1]]);
    // Placed at "missing" (5:4, after 3 spaces); "normalise" is indented 2 spaces, on line 4: the words of the plain
    // value's case above, in both languages.
    expect(issuesOf(() => parseProject(indented, "/p/index.yaml", "index.yaml"))).toEqual([MISSING_UNDER_NORMALISE]);
    // In single quotes, in brackets, after a tag and before a comment, in a "- " item (indent 2: "- ").
    expect(parsed("name: 'Zo''ne'\n  code: x1\n").problems).toEqual([{ line: 2, column: 3, reason: yamlMessages.indentedUnderValue("name", 1, 0) }]);
    expect(parsed("name: [a, b]\n  code: x1\n").problems).toEqual([{ line: 2, column: 3, reason: yamlMessages.indentedUnderValue("name", 1, 0) }]);
    expect(parsed('name: !!str "Zone" # c\n  code: x1\n').problems).toEqual([{ line: 2, column: 3, reason: yamlMessages.indentedUnderValue("name", 1, 0) }]);
    const item = '- name: "Zone"\n    code: x1\n';
    expect(parsed(item).problems).toEqual([{ line: 2, column: 5, reason: yamlMessages.indentedUnderValue("name", 1, 2) }]);
    expect(translateMessage(parsed(item).problems[0].reason, chinese)).toBe(
      '本行比上面的键 "name"（第 1 行）缩进更多，因此被读作该键的值的一部分；应与 "name" 缩进相同（缩进 2 个空格），如果本行属于 "name" 之下，第 1 行中 "name" 后面不应有值',
    );
    // Two lines indented alike under the value: the parser finds a key out of line at each (3:1, 4:1); one mistake,
    // at the first (3:5, after 4 spaces), as one after a plain value is.
    const two = 'a:\n  b: "x"\n    c: 1\n    d: 2\n';
    expect(found(two)).toEqual([["BAD_INDENT", 3, 1], ["BAD_INDENT", 4, 1]]);
    expect(parsed(two).problems).toEqual([{ line: 3, column: 5, reason: yamlMessages.indentedUnderValue("b", 2, 2) }]);
    // A key out of line that is not indented past a key with a value: the reason of any item out of line.
    expect(parsed('a:\n  b: "x"\n c: 2\n').problems).toEqual([{ line: 3, column: 1, reason: readerMessages.yamlBadIndent() }]);
  });

  it("reports the mistake of the line after a tab-indented one too, when no indent for the tab puts that line right", () => {
    // "  c: [1, " is 9 characters: the empty item at 3:10; the tab after 2 spaces at 2:3. Before, the unexpected "," was
    // left out as a token of the block the tab broke.
    const flow = "a:\n  \tb: 1\n  c: [1, , 2]\n";
    expect(found(flow)).toEqual([["TAB_AS_INDENT", 2, 3], ["UNEXPECTED_TOKEN", 3, 10]]);
    expect(parsed(flow).problems).toEqual([
      { line: 2, column: 3, reason: readerMessages.yamlTabIndent() },
      { line: 3, column: 10, reason: yamlMessages.emptyItem("]") },
    ]);
    // The same in index.yaml, each problem an issue of its own, in its words: the tab at 3:3, the empty item at 4:16
    // ("  weights: [1, " is 15 characters).
    const project = "indicators: tree.csv\nmethods:\n  \tnormalise: min-max\n  weights: [1, , 2]\n";
    expect(found(project)).toEqual([["TAB_AS_INDENT", 3, 3], ["UNEXPECTED_TOKEN", 4, 16]]);
    const issues = issuesOf(() => parseProject(project, "/p/index.yaml", "index.yaml"));
    expect(issues.map(({ message, line, column }) => [message, line, column])).toEqual([
      ["the file is not valid YAML: a tab indents this line; expected spaces", 3, 3],
      ["the file is not valid YAML: an empty item inside [ ] (a comma with nothing before it); expected a value before each comma", 4, 16],
    ]);
    expect(issues.map(({ message }) => translateMessage(message, chinese))).toEqual([
      "不是有效的 YAML 文件：本行用制表符（Tab）缩进；应使用空格缩进",
      "不是有效的 YAML 文件：[ ] 中有空项（逗号前什么也没有）；每个逗号前都应有值",
    ]);
    // A "- " item among the keys of a map: out of place with "b" at 2 spaces (the tab taken out) or further (it is a
    // tab): at its "-" (3:3), naming "b" (line 2). Before, the parser's error at the start of line 3 was the tab's.
    const item = "a:\n  \tb: 1\n  - x\n";
    expect(found(item)[1]).toEqual(["BLOCK_AS_IMPLICIT_KEY", 3, 1]);
    expect(parsed(item).problems).toEqual([
      { line: 2, column: 3, reason: readerMessages.yamlTabIndent() },
      { line: 3, column: 3, reason: yamlMessages.itemAmongKeys("b", 2) },
    ]);
    expect(translateMessage(parsed(item).problems[1].reason, chinese)).toBe(
      '"- " 项出现在映射的键之间（如第 2 行的 "b"），此处每行应为 "key: value"；应写作 "key: value"，或把列表各项写在其键（单独一行的 "key:"）下面的行中，并比键缩进更多',
    );
    // A line without ": " among the keys (3:1), whatever the tab of line 2 stands for.
    const bare = "a:\n\tb: 1\nc\n";
    expect(parsed(bare).problems).toEqual([
      { line: 2, column: 1, reason: readerMessages.yamlTabIndent() },
      { line: 3, column: 1, reason: yamlMessages.keyWithoutValue() },
    ]);
    expect(translateMessage(parsed(bare).problems[1].reason, chinese)).toBe('映射的键之间有一行文本，后面没有 ": "；应写作 "key: value"，或让这一行缩进更多，作为上一个值的一部分');
    // " c" (1 space) is out of line with "b" at 2 spaces or more (the 2 before the tab): the key out of line at 3:1.
    const under = "a:\n  \tb: 1\n c: 2\n";
    expect(found(under)).toEqual([["TAB_AS_INDENT", 2, 3], ["BAD_INDENT", 3, 1]]);
    expect(parsed(under).problems).toEqual([
      { line: 2, column: 3, reason: readerMessages.yamlTabIndent() },
      { line: 3, column: 1, reason: readerMessages.yamlBadIndent() },
    ]);
    // (An error the tab makes of the next line, which the line is right without, stays the tab's: "names a tab after
    // spaces at its column, once" above, whose line 6 is in line with its list once the tab is 2 spaces.)
  });

  it("reports the mistakes after a tab before a key of a - item at column 1, which the parser reads as stray tokens", () => {
    // The parser reads everything after the tab as stray tokens (the first at 2:2, just after it), so "weight: a: b" is
    // not among its errors. Parsed again with the tab written as 2 spaces (the key column of "- code: A"), the second
    // "key: value" is found at 3:11 (the "a" after "  weight: ", 10 characters): line 3 is unchanged, so the same place.
    const text = "- code: A\n\tname: a\n  weight: a: b\n";
    expect(found(text)[0]).toEqual(["UNEXPECTED_TOKEN", 2, 2]);
    expect(found(text).every(([code]) => code === "UNEXPECTED_TOKEN")).toBe(true);
    expect(parsed(text).problems).toEqual([
      { line: 2, column: 1, reason: readerMessages.yamlTabIndent() },
      { line: 3, column: 11, reason: yamlMessages.compactMap() },
    ]);
    expect(parsed("- code: A\n  name: a\n  weight: a: b\n").problems).toEqual([{ line: 3, column: 11, reason: yamlMessages.compactMap() }]);
    // Nothing after the tab but right lines: the tab alone.
    expect(parsed("- code: A\n\tname: a\n  weight: 1\n").problems).toEqual([{ line: 2, column: 1, reason: readerMessages.yamlTabIndent() }]);
    // Two such tabs, each before a key of its item (2:1 and 4:1): with the first written as spaces, the parser reads
    // the rest after the second as stray tokens, so that text is parsed again with the second written as spaces too;
    // "weight: a: b" is then found at 5:11 ("  weight: " is 10 characters).
    const two = "- code: A\n\tname: a\n- code: B\n\tname: b\n  weight: a: b\n";
    expect(found(two).every(([code]) => code === "UNEXPECTED_TOKEN")).toBe(true);
    expect(parsed(two).problems).toEqual([
      { line: 2, column: 1, reason: readerMessages.yamlTabIndent() },
      { line: 4, column: 1, reason: readerMessages.yamlTabIndent() },
      { line: 5, column: 11, reason: yamlMessages.compactMap() },
    ]);
    // The same in a tree's message: each problem with its file, line and column, in a list of them.
    expect(issuesOf(() => parseTreeYaml(text, "tree.yaml")).map(({ line, column }) => [line, column])).toEqual([[2, 1], [3, 11]]);
  });

  it("reports the mistakes after such a tab in index.yaml too, written as a list by mistake", () => {
    // "- indicators: …" makes the file a list: the tab of line 2 makes the rest stray tokens; written as 2 spaces
    // (after "- "), "methods: a: b" is found at 3:12 (the "a" after "  methods: ", 11 characters).
    const text = "- indicators: tree.csv\n\tvalues: vals.csv\n  methods: a: b\n";
    expect(found(text).every(([code]) => code === "UNEXPECTED_TOKEN")).toBe(true);
    expect(issuesOf(() => parseProject(text, "/p/index.yaml", "index.yaml"))).toEqual([
      { code: "E_PROJECT_YAML", message: "the file is not valid YAML: a tab indents this line; expected spaces", source: "index.yaml", line: 2, column: 1 },
      { code: "E_PROJECT_YAML", message: projectMessages.yamlSyntax(yamlMessages.compactMap()), source: "index.yaml", line: 3, column: 12 },
    ]);
  });

  it("parses a file full of such tabs again only within its budget (250,000 characters)", () => {
    // 170 items of "- code: A\n" (10 characters) and "\tname: " + 200 a's + "\n" (208): 37,060 characters, each tab
    // (line 2, 4, …) making the rest stray tokens (long names: few tokens, a fast parse). Each text written has one tab
    // fewer and one character more (a tab for 2 spaces): 37,061 + … + 37,066 = 222,381 fit in 250,000, a seventh (37,067
    // more, 259,448) does not. So the tabs of lines 2 to 12 are each followed by a parse again, and that of line 14, found
    // in the sixth, is the last reported.
    const text = `- code: A\n\tname: ${"a".repeat(200)}\n`.repeat(170);
    expect(text.length).toBe(37_060);
    expect(parsed(text).problems).toEqual([2, 4, 6, 8, 10, 12, 14].map((line) => ({ line, column: 1, reason: readerMessages.yamlTabIndent() })));
  });

  it("says of a - item out of line which list it is out of line with, in a tree", () => {
    // children: at column 3, its items at column 5 (4 spaces), the item of line 4 at column 4 (3 spaces).
    const text = "- code: A\n  children:\n    - code: B\n   - code: C\n";
    expect(found(text)).toEqual([["BLOCK_AS_IMPLICIT_KEY", 4, 1], ["MULTILINE_IMPLICIT_KEY", 4, 4], ["MISSING_CHAR", 4, 4]]);
    const message = thrownMessage(() => parseTreeYaml(text, "tree.yaml"));
    expect(message).toBe(
      'tree.yaml:4:4: the file is not valid YAML: this "- " item is out of line with the items of its list above it (line 3, indented 4 spaces); expected the same indent as them (4 spaces)',
    );
    expect(translateMessage(message, chinese)).toBe(
      'tree.yaml:4:4: 不是有效的 YAML 文件：此 "- " 项与其所在列表上面的各项（第 3 行，缩进 4 个空格）没有对齐；应与它们缩进相同（缩进 4 个空格）',
    );
  });

  it("names a tab after spaces at its column, once, not the item after it as a list used as a key", () => {
    const text = "- code: A\n  name: a\n  children:\n    - code: x1\n    \tname: a\n    - code: x2\n      name: b\n";
    // The parser: a key out of line at 5:1, the key written twice, and the next item (6:1) a list used as a key.
    expect(found(text).slice(0, 3)).toEqual([["BAD_INDENT", 5, 1], ["DUPLICATE_KEY", 5, 6], ["BLOCK_AS_IMPLICIT_KEY", 6, 1]]);
    // The tab is the fifth character of line 5, after 4 spaces: one problem (thrown alone, not in a list of them).
    expect(parsed(text).problems).toEqual([{ line: 5, column: 5, reason: readerMessages.yamlTabIndent() }]);
    const message = thrownMessage(() => parseTreeYaml(text, "tree.yaml"));
    expect(message).toBe("tree.yaml:5:5: the file is not valid YAML: a tab indents this line; expected spaces");
    expect(translateMessage(message, chinese)).toBe(`tree.yaml:5:5: 不是有效的 YAML 文件：${readerMessagesZh.yamlTabIndent()}`);
  });

  it("places a quote not closed in index.yaml at the quote, not past the end of the file", () => {
    const text = 'indicators: tree.csv\nvalues: "vals.csv\nmethods:\n  normalise: min-max\n';
    // Found at 5:1, after the 4 lines; the quote is after "values: " (8 characters), 2:9.
    expect(found(text)).toEqual([["MISSING_CHAR", 5, 1]]);
    expect(issuesOf(() => parseProject(text, "/p/index.yaml", "index.yaml"))).toEqual([
      {
        code: "E_PROJECT_YAML",
        message: "the file is not valid YAML: a text in double quotes is not closed; expected a closing double quote at the end of the value",
        source: "index.yaml",
        line: 2,
        column: 9,
      },
    ]);
    expect(translateMessage(projectMessages.yamlSyntax(yamlMessages.unclosedQuote(true)), chinese)).toBe(
      "不是有效的 YAML 文件：双引号中的文本没有闭合；应在值的末尾加上闭合的双引号",
    );
  });

  it("places a [ not closed at the [, inside braces too", () => {
    // "methods: " is 9: the "[" at 3:10; found at the end of the file, 5:1.
    const text = "indicators: t\nvalues: d\nmethods: [\n  screen\n";
    expect(found(text)).toEqual([["BAD_INDENT", 5, 1]]);
    expect(parsed(text).problems).toEqual([{ line: 3, column: 10, reason: yamlMessages.unclosedFlow("]") }]);
    // The "}" closes the map, not the list opened at column 9 ("a: { b: " is 8): both found at the end of the line.
    const inBraces = "a: { b: [1, 2 }\n";
    expect(found(inBraces)).toEqual([["BAD_INDENT", 1, 15], ["BAD_INDENT", 1, 16]]);
    expect(parsed(inBraces).problems).toEqual([{ line: 1, column: 9, reason: yamlMessages.unclosedFlow("]") }]);
  });
});

describe("yamlReason: the parser's other texts of a code the tool words, and a code it does not", () => {
  // Errors made by hand, at the value "1" of "a: 1\n" (offset 3, where no key starts): texts of the parser's that no
  // file of the tool's has been seen to raise.
  const reasonOf = (code: ErrorCode, message: string) => {
    const text = "a: 1\n";
    const { document, lineCounter } = parsed(text);
    return yamlReason(new YAMLParseError([3, 4], code, message), document, text, lineCounter, "tree");
  };

  it("gives each code's own reason to a text of the parser's it does not tell apart", () => {
    expect(reasonOf("BAD_INDENT", "Block scalar lines must not be less indented than their first line")).toBe(yamlMessages.indentation());
    expect(reasonOf("BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key")).toBe(yamlMessages.blockAsKey());
    expect(reasonOf("MISSING_CHAR", "Missing space after : in flow map")).toBe(yamlMessages.missingCharacter());
    // A key written twice that no key of the document starts at: not named.
    expect(reasonOf("DUPLICATE_KEY", "Map keys must be unique")).toBe(yamlMessages.duplicateKey());
  });

  it("keeps the parser's text and code for a code it does not know", () => {
    expect(reasonOf("IMPOSSIBLE", "Map comment with trailing content")).toBe(
      "Map comment with trailing content (IMPOSSIBLE); expected valid YAML: a list of nodes",
    );
    expect(reasonOf("NON_STRING_KEY" as ErrorCode, "With stringKeys, all keys must be strings")).toBe(
      readerMessages.yamlSyntaxOther("With stringKeys, all keys must be strings", "NON_STRING_KEY", "tree"),
    );
  });
});

describe("a tree, judgements file or index.yaml with a YAML error", () => {
  it("names the file, line and column, and the reason, in English and in Chinese (written out by hand)", () => {
    // Column 9: the "a" after "  name: " (8 characters), where the second key: value starts.
    const message = thrownMessage(() => parseTreeYaml("- code: B\n  name: a: b\n", "tree.yaml"));
    expect(message).toBe(
      'tree.yaml:2:9: the file is not valid YAML: a second "key: value" on the line of a key (as in "a: b: c"); expected the inner key on a line of its own, indented under its key, or the value in quotes if its ":" is part of the text',
    );
    expect(translateMessage(message, chinese)).toBe(
      'tree.yaml:2:9: 不是有效的 YAML 文件：键所在的行中又有一个 "key: value"（如 "a: b: c"）；内层的键应另起一行，缩进写在其上级键之下；如果 ":" 是文本的一部分，应给值加引号',
    );
  });

  it("says so of index.yaml, each problem at its line and column", () => {
    // Column 13: the "a" after "indicators: " (12 characters).
    expect(issuesOf(() => parseProject("indicators: a: b\nvalues: data\n", "/p/index.yaml", "index.yaml"))).toEqual([
      { code: "E_PROJECT_YAML", message: projectMessages.yamlSyntax(yamlMessages.compactMap()), source: "index.yaml", line: 1, column: 13 },
    ]);
    // The same words as a tree's (readerMessages.treeYamlSyntax), after the place.
    expect(translateMessage(projectMessages.yamlSyntax(yamlMessages.compactMap()), chinese)).toBe(
      '不是有效的 YAML 文件：键所在的行中又有一个 "key: value"（如 "a: b: c"）；内层的键应另起一行，缩进写在其上级键之下；如果 ":" 是文本的一部分，应给值加引号',
    );
  });

  it("says so of a judgements file too: a list of judgements whose brackets are not closed", () => {
    // Line 2 holds "  - [A1, A2, 3" and the file ends: the parser finds the missing "]" at the start of line 3 (a list
    // in brackets inside a block list: BAD_INDENT, "Flow sequence in block collection must be sufficiently indented and
    // end with a ]"); the mistake is the list's, placed at its "[" (column 5, after "  - ").
    const message = thrownMessage(() => parseAhpYaml("INDEX:\n  - [A1, A2, 3\n", "ahp.yaml"));
    expect(message).toBe(
      "ahp.yaml:2:5: the file is not valid YAML: a list opened with [ is not closed; expected a closing ]",
    );
    expect(translateMessage(message, chinese)).toBe("ahp.yaml:2:5: 不是有效的 YAML 文件：以 [ 开始的列表没有闭合；应以 ] 闭合");
  });
});
