import { describe, expect, it } from "vitest";
import { messages } from "../../../src/core/messages.js";
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
    expect(() => parseTreeYaml(block, "t.yaml")).toThrow(/line 6 has a bare "-" as a value, which YAML reads as the start of a list: write it quoted, direction: "-"; expected a list of nodes/);
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

  it("reports a file that is not a list of nodes", () => {
    expect(() => parseTreeYaml("code: A\n", "t.yaml")).toThrow("t.yaml: expected a list of nodes (each with a code)");
    expect(() => parseTreeYaml("- [a\n", "t.yaml")).toThrow(/^t\.yaml:\d+: the file is not valid YAML/);
  });
});
