import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { messages } from "../../../src/core/messages.js";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { MAX_TREE_DEPTH } from "../../../src/core/tree.js";
import { yamlMessages } from "../../../src/core/yaml-messages.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";
import { parseTreeYaml } from "../../../src/io/read/tree-yaml.js";
import { issuesOf } from "../../issues.js";

const YAML_TREE = `# the small fixture tree, nested
- code: X
  name: 维度X
  weight: 0.6
  children:
    - { code: X1, name: 指标1, direction: + }
    - code: X2
      name: 指标2
      direction: 逆向
      cap: 200
- code: Y
  name: 维度Y
  weight: 0.4
- code: Y1
  parent: Y
  name: 指标3
  direction: "+"
`;

describe("parseTreeYaml", () => {
  it("reads codes and other values as written: 1.10 stays \"1.10\", 01 stays \"01\" (not the numbers 1.1 and 1)", () => {
    const tree = parseTreeYaml("- code: G\n  name: 组\n  children:\n    - { code: 1.10, name: a, direction: + }\n    - { code: 1.1, name: b, direction: + }\n    - { code: 01, name: 1e3, direction: + }\n", "t.yaml");
    expect(tree.indicators).toEqual(["1.10", "1.1", "01"]);
    expect(tree.byCode.get("01")?.name).toBe("1e3");
  });

  it("says to quote a bare \"-\" direction, which YAML reads as the start of a list", () => {
    const block = "- code: G\n  name: g\n  children:\n    - code: X1\n      name: x\n      direction: -\n";
    expect(() => parseTreeYaml(block, "t.yaml")).toThrow(/line 6 has a bare "-" as a value, which YAML reads as the start of a list: write it quoted, direction: "-"$/);
    const flow = "- code: G\n  name: g\n  children:\n    - { code: X1, name: x, direction: - }\n";
    expect(() => parseTreeYaml(flow, "t.yaml")).toThrow(/line 4 has a bare "-" as a value/);
    // Quoted, it reads.
    expect(parseTreeYaml(block.replace("direction: -", 'direction: "-"'), "t.yaml").byCode.get("X1")?.direction).toBe("negative");
  });

  it("reads nested children and parent keys into the same tree as the CSV form", () => {
    const yaml = parseTreeYaml(YAML_TREE, "t.yaml");
    const csv = parseTreeCsv("code,parent,name,weight,direction\nX,,维度X,0.6,\nX1,X,指标1,,+\nX2,X,指标2,,-\nY,,维度Y,0.4,\nY1,Y,指标3,,+\n", "t.csv");
    const shape = (tree: typeof yaml) => tree.nodes.map((node) => [node.code, node.parent, node.level, node.kind, node.weight, "direction" in node ? node.direction : ""]);
    expect(shape(yaml)).toEqual(shape(csv));
    expect(yaml.byCode.get("X2")).toMatchObject({ line: 7, attributes: { cap: "200" } });
  });

  it("reports tree problems with YAML line numbers", () => {
    expect(issuesOf(() => parseTreeYaml("- code: A\n  children:\n    - code: A1\n", "t.yaml"))).toEqual([expect.objectContaining({ line: 3, message: messages.missingDirection("A1") })]);
  });

  it("refuses a tree over 2 MB before parsing it, suggesting the CSV form", () => {
    // 30,000 nodes of 123 bytes: 3,690,000 bytes (3.5 MB), which YAML would parse in about 4 s and 500 MB.
    const node = "- { code: A00001, name: 研发经费内部支出占地区生产总值的比重, weight: 1, direction: +, unit: 百分比 }\n";
    expect(Buffer.byteLength(node)).toBe(123);
    expect(() => parseTreeYaml(node.repeat(30_000), "tree.yaml")).toThrow(
      expect.objectContaining({
        code: "E_TOO_LARGE",
        message:
          "tree.yaml: the YAML file is 3.5 MB, more than the 2 MB a YAML file may hold (YAML is read whole, at over 100 times its size in memory); expected the indicator tree as CSV (columns code, parent, name, weight, direction), which is read far faster",
      }),
    );
  });

  describe("a tree nested deeper than the YAML parser follows", () => {
    /** A chain of `depth` nodes L1 > L2 > ... in flow style, node Lk opening line k: `[{code: L1, ..., children: [` ... */
    const flowChain = (depth: number) => {
      const lines = Array.from({ length: depth }, (_, i) => (i + 1 === depth ? `{code: L${depth}, name: l, direction: +}` : `{code: L${i + 1}, name: l, children: [`));
      return `[${lines.join("\n")}${"]}".repeat(depth - 1)}]\n`;
    };
    /** The same chain in block style, each list at its key's indentation: node Lk's `- code:` is line 3k - 2. */
    const blockChain = (depth: number) =>
      Array.from({ length: depth }, (_, i) => {
        const indent = "  ".repeat(i);
        return `${indent}- code: L${i + 1}\n${indent}  name: l\n${indent}  ${i + 1 === depth ? 'direction: "+"' : "children:"}\n`;
      }).join("");
    /** Whether the yaml package gives up on a text (a stack overflow, as RESOURCE_EXHAUSTION): the case tested. */
    const parserGivesUp = (text: string) => parseDocument(text).errors.some((error) => error.code === "RESOURCE_EXHAUSTION");
    // Node L51, the first more than 50 levels down, on the line worked out from the chain's layout.
    const tooDeep = (line: number) => ({ code: "E_TREE_TOO_DEEP", message: limitMessages.treeTooDeep("L51", 51, 50), source: "tree.yaml", line, column: "parent", id: "L51" });

    it("refuses a flow-style tree 1,000 levels deep as too deep, at node L51's line, as one 60 levels deep (not as invalid YAML)", () => {
      expect(MAX_TREE_DEPTH).toBe(50);
      const deep = flowChain(1000);
      expect(parserGivesUp(flowChain(60))).toBe(false);
      // L51 opens line 51 in both; the 60-level one is parsed and checked by the tree, the 1,000-level one is not (the
      // yaml package gives up about 550 levels down).
      expect(issuesOf(() => parseTreeYaml(flowChain(60), "tree.yaml"))).toEqual([tooDeep(51)]);
      expect(issuesOf(() => parseTreeYaml(deep, "tree.yaml"))).toEqual([tooDeep(51)]);
    });

    it("refuses a block-style tree 500 levels deep (about 760 KB, under the size limit) at node L51's line 3·51 − 2 = 151", () => {
      const deep = blockChain(500);
      expect(Buffer.byteLength(deep)).toBeLessThan(2 * 1024 ** 2);
      // 500 levels is about where the parser gives up, which depends on the stack V8's compiled code leaves it (in a
      // full run it sometimes does not): the same issue either way, from the walk when it gives up, else from the tree.
      expect(issuesOf(() => parseTreeYaml(deep, "tree.yaml"))).toEqual([tooDeep(151)]);
      expect(issuesOf(() => parseTreeYaml(blockChain(60), "tree.yaml"))).toEqual([tooDeep(151)]);
    });

    it("refuses lists nested 3,000 deep in a value as too deep, naming the depth: the list of nodes, the node, 3,000 lists", () => {
      const text = `- code: A\n  name: ${"[".repeat(3000)}${"]".repeat(3000)}\n  direction: +\n`;
      expect(parserGivesUp(text)).toBe(true);
      expect(issuesOf(() => parseTreeYaml(text, "tree.yaml"))).toEqual([
        { code: "E_TREE_TOO_DEEP", message: limitMessages.yamlTooDeep(3002, "tree", 50), source: "tree.yaml", line: 2 },
      ]);
    });

    it("still calls a file not valid YAML when its first error is a syntax error before the deep part", () => {
      // Line 2, `name: a: b`, is a map where a value belongs (BLOCK_AS_IMPLICIT_KEY); node A's children, indented under
      // it, are the 1,000-level chain the parser gives up on after it.
      const text = `- code: B\n  name: a: b\n  direction: +\n- code: A\n  name: a\n  children: ${flowChain(1000).replace(/\n(?=.)/g, "\n    ")}`;
      expect(parseDocument(text).errors.map((error) => error.code).slice(0, 2)).toEqual(["BLOCK_AS_IMPLICIT_KEY", "RESOURCE_EXHAUSTION"]);
      expect(() => parseTreeYaml(text, "tree.yaml")).toThrow(
        // Column 9: the "a" after "  name: " (8 characters), where the map that may not be there starts.
        expect.objectContaining({
          code: "E_YAML_SYNTAX",
          message: `tree.yaml:2:9: the file is not valid YAML: ${yamlMessages.compactMap()}`,
        }),
      );
    });
  });

  it("names a key written twice with its line and column and the line it first appears on, and a tab indenting a line", () => {
    // Line 2, "  code: B": the key "code" of node A again, at column 3 (after two spaces); first on line 1.
    expect(() => parseTreeYaml("- code: A\n  code: B\n", "tree.yaml")).toThrow(
      expect.objectContaining({
        code: "E_YAML_SYNTAX",
        line: 2,
        column: 3,
        message: 'tree.yaml:2:3: the file is not valid YAML: the key "code" appears twice (first on line 1); expected each key once',
      }),
    );
    // Two nodes each with a key twice: both reported (lines 3 and 6, column 3), in one ValidationError.
    const text = "- code: A\n  name: a\n  name: b\n- code: B\n  weight: 1\n  weight: 2\n";
    expect(issuesOf(() => parseTreeYaml(text, "tree.yaml"))).toEqual([
      { code: "E_YAML_SYNTAX", message: readerMessages.treeYamlSyntax("tree.yaml:3:3", readerMessages.yamlDuplicateKey("name", 2)), source: "tree.yaml", line: 3, column: 3 },
      { code: "E_YAML_SYNTAX", message: readerMessages.treeYamlSyntax("tree.yaml:6:3", readerMessages.yamlDuplicateKey("weight", 5)), source: "tree.yaml", line: 6, column: 3 },
    ]);
    // Line 2 indented by a tab: the parser's error is at column 2 (an unexpected token after the tab), and it is the tab
    // that this line's indentation holds that is named, at its column (1).
    expect(() => parseTreeYaml("- code: A\n\tname: a\n", "tree.yaml")).toThrow("tree.yaml:2:1: the file is not valid YAML: a tab indents this line; expected spaces");
  });

  it("reports a file that is not a list of nodes", () => {
    expect(() => parseTreeYaml("code: A\n", "t.yaml")).toThrow("t.yaml: expected a list of nodes (each with a code)");
    expect(() => parseTreeYaml("- [a\n", "t.yaml")).toThrow(/^t\.yaml:\d+:\d+: the file is not valid YAML/);
  });
});
