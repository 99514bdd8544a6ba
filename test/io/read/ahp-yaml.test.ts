import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { ValidationError } from "../../../src/errors.js";
import { parseAhpYaml } from "../../../src/io/read/ahp-yaml.js";
import { MAX_YAML_BYTES, MAX_YAML_NESTING, nestedTooDeep, refuseLargeYaml, walkYamlCollections } from "../../../src/io/read/yaml-guards.js";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { yamlMessages } from "../../../src/core/yaml-messages.js";

const issuesOf = (text: string) => {
  try {
    parseAhpYaml(text, "ahp.yaml");
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  return [];
};

describe("parseAhpYaml", () => {
  it("reads lists of [a, b, value] and whole matrices (upper triangle) with their lines", () => {
    const text = ["INDEX:", "  - [A, B, 2]", "  - [A, C, 1/2]", "A1:", "  order: [A11, A12, A13]", "  matrix:", "    - [1, 2, 3]", "    - [1/2, 1, 2]", "    - [0.33, 1/2, 1]", ""].join("\n");
    expect(parseAhpYaml(text, "ahp.yaml")).toEqual([
      { group: "INDEX", a: "A", b: "B", value: 2, line: 2 },
      { group: "INDEX", a: "A", b: "C", value: 0.5, line: 3 },
      { group: "A1", a: "A11", b: "A12", value: 2, line: 7 },
      { group: "A1", a: "A11", b: "A13", value: 3, line: 7 },
      { group: "A1", a: "A12", b: "A13", value: 2, line: 8 },
    ]);
  });

  it("reports a matrix that is not reciprocal, a diagonal that is not 1 and a bad value, with lines", () => {
    const text = ["A:", "  order: [A1, A2]", "  matrix:", "    - [2, 3]", "    - [1/2, 1]", "B:", "  - [B1, B2, x]", ""].join("\n");
    expect(issuesOf(text)).toEqual([
      expect.objectContaining({ code: "E_AHP_DIAGONAL", line: 4 }),
      expect.objectContaining({ code: "E_AHP_NOT_RECIPROCAL", line: 5 }),
      expect.objectContaining({ code: "E_AHP_BAD_VALUE", line: 7, message: weightingMessages.badJudgementValue("x") }),
    ]);
  });

  it("reports a body that is neither a list of judgements nor a matrix", () => {
    expect(issuesOf("A: 3\n")).toEqual([expect.objectContaining({ code: "E_AHP_YAML_SHAPE", source: "ahp.yaml" })]);
  });

  it("refuses every alias, with its line, before reading any value (not as a matrix of the wrong size)", () => {
    // Rows 5 and 6 copy row 4 (&r) through aliases; the anchor &o alone is no alias.
    const text = "INDEX:\n  order: &o [A, B, C]\n  matrix:\n    - &r [1, 1, 1]\n    - *r\n    - *r\n";
    expect(issuesOf(text)).toEqual([
      { code: "E_YAML_ALIAS", message: limitMessages.yamlAlias("*r"), source: "ahp.yaml", line: 5 },
      { code: "E_YAML_ALIAS", message: limitMessages.yamlAlias("*r"), source: "ahp.yaml", line: 6 },
    ]);
  });

  it("refuses a file over 2 MB before parsing it, suggesting the CSV form", () => {
    // 224,695 judgements of 14 bytes after the 7 of "INDEX:\n": 3,145,737 bytes (3 MB and 9 bytes), which YAML would
    // parse in about 10 s.
    const line = "  - [A, B, 2]\n";
    const text = `INDEX:\n${line.repeat(224_695)}`;
    expect(Buffer.byteLength(text)).toBe(3 * 1024 ** 2 + 9);
    expect(() => parseAhpYaml(text, "ahp.yaml")).toThrow(
      expect.objectContaining({
        code: "E_TOO_LARGE",
        message:
          "ahp.yaml: the YAML file is 3 MB, more than the 2 MB a YAML file may hold (YAML is read whole, at over 100 times its size in memory); expected the judgements as CSV (columns group, a, b, value), which is read far faster",
      }),
    );
  });

  describe("nesting deeper than the YAML parser follows", () => {
    /** Whether the yaml package gives up on a text (a stack overflow, as RESOURCE_EXHAUSTION): the case tested. */
    const parserGivesUp = (text: string) => parseDocument(text).errors.some((error) => error.code === "RESOURCE_EXHAUSTION");
    const expected = "a map from group code (or INDEX) to a list of [a, b, value] or to { order, matrix }, its values plain texts and numbers";

    it("refuses lists nested 3,000 deep in flow style as too deep, with the depth and line (not as invalid YAML)", () => {
      // Depth: the map of groups (1), A1's list (2), then 3,000 lists: 3,002, all opened on line 4.
      const text = `INDEX:\n  - [A, B, 2]\nA1:\n  - ${"[".repeat(3000)}${"]".repeat(3000)}\n`;
      expect(parserGivesUp(text)).toBe(true);
      expect(issuesOf(text)).toEqual([
        {
          code: "E_AHP_YAML_SHAPE",
          message: `lists and maps are nested 3002 levels deep here, deeper than the YAML reader can follow; expected ${expected}`,
          source: "ahp.yaml",
          line: 4,
        },
      ]);
      expect(limitMessages.yamlTooDeep(3002, "judgements")).toBe(issuesOf(text)[0].message);
    });

    it("refuses block maps indented 1,000 deep at the deepest map's line, 1,000 + 2 = 1,002", () => {
      // Key k<i> is on line 3 + i, indented i spaces: k0 is in the map of groups (depth 1), k<i> in a map of depth
      // i + 1, so the deepest, k999's, is 1,000 deep and starts on line 1,002.
      const keys = Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n");
      const text = `INDEX:\n  - [A, B, 2]\n${keys} 1\n`;
      // Whether the parser gives up on it (it may not, once V8 has compiled it) changes nothing: over 400 levels.
      expect(issuesOf(text)).toEqual([{ code: "E_AHP_YAML_SHAPE", message: limitMessages.yamlTooDeep(1000, "judgements"), source: "ahp.yaml", line: 1002 }]);
    });

    it("refuses lists nested 403 deep, which the parser reads, as too deep all the same: past MAX_YAML_NESTING, 400", () => {
      // Depth: the map of groups (1), A1's list (2), then 401 lists: 403, on line 4; the parser gives up only about 550
      // levels down, so the refusal comes from the nesting, not from where the parser's stack ends.
      expect(MAX_YAML_NESTING).toBe(400);
      const text = `INDEX:\n  - [A, B, 2]\nA1:\n  - ${"[".repeat(401)}${"]".repeat(401)}\n`;
      expect(parserGivesUp(text)).toBe(false);
      expect(issuesOf(text)).toEqual([{ code: "E_AHP_YAML_SHAPE", message: limitMessages.yamlTooDeep(403, "judgements"), source: "ahp.yaml", line: 4 }]);
      // 400 levels in all (398 lists) is read, and refused for its shape as any list of lists would be, not as deep.
      const within = `INDEX:\n  - [A, B, 2]\nA1:\n  - ${"[".repeat(398)}${"]".repeat(398)}\n`;
      expect(issuesOf(within).map((issue) => issue.message)).not.toContain(limitMessages.yamlTooDeep(400, "judgements"));
    });

    it("nestedTooDeep walks the parsed document to the depth its tokens give: 400 read, 401 refused", () => {
      // n flow lists nested are n deep; `a:` over a list of a map of a list is 4 deep (map, list, map, list), and a
      // map's keys are not counted (the key [[k]] nests no deeper than its map: 1), as walkYamlCollections counts them.
      const depthOf = (text: string) => walkYamlCollections(text, undefined, () => () => undefined).depth;
      const lists = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
      for (const [text, depth] of [[lists(400), 400], [lists(401), 401], ["a:\n  - {b: [1]}\n", 4], ["? [[k]]\n: 1\n", 1]] as const) {
        expect(depthOf(text)).toBe(depth);
        expect(nestedTooDeep(parseDocument(text))).toBe(depth > MAX_YAML_NESTING);
      }
    });

    it("still calls a file not valid YAML when its first error is a syntax error before the deep part", () => {
      // Line 1, `INDEX: a: b`, is a map where a value belongs (BLOCK_AS_IMPLICIT_KEY), before the 3,000 lists of line 3.
      const text = `INDEX: a: b\nA1:\n  - ${"[".repeat(3000)}${"]".repeat(3000)}\n`;
      expect(parseDocument(text).errors.map((error) => error.code).slice(0, 2)).toEqual(["BLOCK_AS_IMPLICIT_KEY", "RESOURCE_EXHAUSTION"]);
      expect(() => parseAhpYaml(text, "ahp.yaml")).toThrow(
        expect.objectContaining({
          code: "E_YAML_SYNTAX",
          // Column 8: the "a" after "INDEX: " (7 characters).
          message: `ahp.yaml:1:8: the file is not valid YAML: ${yamlMessages.compactMap()}`,
        }),
      );
    });
  });

  it("names a group written twice with its line, column and first line", () => {
    // Line 3 repeats group A of line 2, at column 1.
    expect(() => parseAhpYaml("INDEX:\n  - [A, B, 3]\nA:\n  - [A1, A2, 2]\nA:\n  - [A1, A2, 5]\n", "ahp.yaml")).toThrow(
      expect.objectContaining({
        code: "E_YAML_SYNTAX",
        line: 5,
        column: 1,
        message: 'ahp.yaml:5:1: the file is not valid YAML: the key "A" appears twice (first on line 3); expected each key once',
      }),
    );
  });

  it("measures the limit in bytes of UTF-8: 2 MB passes, a byte more does not, and Chinese counts 3 bytes a character", () => {
    expect(MAX_YAML_BYTES).toBe(2 * 1024 ** 2);
    expect(() => refuseLargeYaml("a".repeat(MAX_YAML_BYTES), "ahp.yaml", "judgements")).not.toThrow();
    expect(() => refuseLargeYaml("a".repeat(MAX_YAML_BYTES + 1), "ahp.yaml", "judgements")).toThrow(expect.objectContaining({ code: "E_TOO_LARGE" }));
    // 700,000 characters of 3 bytes: 2,100,000 bytes, over 2,097,152.
    expect(() => refuseLargeYaml("维".repeat(700_000), "tree.yaml", "tree")).toThrow(
      limitMessages.yamlTooLarge("tree.yaml", 2_100_000, MAX_YAML_BYTES, "tree"),
    );
  });
});
