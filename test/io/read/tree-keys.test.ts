/**
 * Misspelt keys and columns, and YAML aliases, in trees and project files: refused with file, line and key, never
 * silently ignored or read as literal text.
 */
import { describe, expect, it } from "vitest";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { messages } from "../../../src/core/messages.js";
import { projectMessages } from "../../../src/core/project-messages.js";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { limitMessagesZh } from "../../../src/core/zh/limit-messages.js";
import { readerMessagesZh } from "../../../src/core/zh/reader-messages.js";
import { parseAhpYaml } from "../../../src/io/read/ahp-yaml.js";
import { issuesOf } from "../../issues.js";
import { parseProject } from "../../../src/io/project/project.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";
import { parseTreeYaml } from "../../../src/io/read/tree-yaml.js";

describe("unknown keys and columns of a tree", () => {
  it("refuses a misspelt YAML key, naming file, line and key, with the closest known key", () => {
    const text = ["- code: A", "  wieght: 0.9", "  children:", "    - code: A1", "      direction: +", "      normalise: min-max", "      dampn: log"].join("\n");
    expect(issuesOf(() => parseTreeYaml(text, "tree.yaml"))).toEqual([
      { code: "E_UNKNOWN_KEY", message: limitMessages.unknownTreeKey("wieght", "weight"), source: "tree.yaml", line: 2, column: "wieght" },
      { code: "E_UNKNOWN_KEY", message: limitMessages.unknownTreeKey("dampn", "dampen"), source: "tree.yaml", line: 7, column: "dampn" },
    ]);
    expect(limitMessages.unknownTreeKey("wieght", "weight")).toMatch(/^unknown key "wieght" \(did you mean "weight"\?\); expected a tree column/);
  });

  it("reports a misspelt YAML key with the nodes' own problems in one pass", () => {
    // Before, only the key was reported; A1's direction "up" and B's weight "x" (at their nodes, lines 4 and 6) came on
    // the next run.
    const text = ["- code: A", "  wieght: 0.9", "  children:", "    - code: A1", "      direction: up", "- code: B", "  weight: x", "  children:", "    - { code: B1, direction: ＋ }"].join("\n");
    expect(issuesOf(() => parseTreeYaml(text, "tree.yaml")).map(({ code, line, message }) => [code, line, message])).toEqual([
      ["E_UNKNOWN_KEY", 2, limitMessages.unknownTreeKey("wieght", "weight")],
      ["E_BAD_DIRECTION", 4, messages.badDirection("A1", "up")],
      ["E_BAD_WEIGHT", 6, messages.badWeight("B", "x")],
      // B1's full-width ＋ is a direction; A's empty weight beside B's x mixes given and empty weights.
      ["E_MIXED_WEIGHTS", 1, messages.mixedWeights("INDEX", ["B"], ["A"])],
    ]);
  });

  it("refuses a misspelt CSV column at the header line, and accepts settings, notes and the tool's own columns", () => {
    expect(issuesOf(() => parseTreeCsv("code,parent,name,weight,direction,wieght\nA,,a,,,0.9\nA1,A,x,,+,\n", "tree.csv"))).toEqual([
      { code: "E_UNKNOWN_COLUMN", message: limitMessages.unknownTreeColumn("wieght", "weight"), source: "tree.csv", line: 1, column: "wieght" },
    ]);
    const tree = parseTreeCsv("code,parent,level,weight,global_weight,name,direction,normalise,cap,x_owner,notes,备注\nA,,1,1,1,a,,,,,,\nA1,A,2,1,1,x,+,fixed-base,200,me,n,r\n", "tree.csv");
    expect(tree.byCode.get("A1")?.attributes).toMatchObject({ normalise: "fixed-base", cap: "200", x_owner: "me" });
  });

  it("echoes an unknown column or key of a megabyte by its first 200 characters and the count of the rest, in English and Chinese", () => {
    // A header cell of 1,000,000 characters: 200 echoed, 999,800 counted (the name is too long for a suggestion).
    const name = "q".repeat(1_000_000);
    const echoed = `"${"q".repeat(200)}"… (999800 more characters)`;
    const expectedTree = 'expected a tree column such as code, parent, name, weight, direction, or a setting such as normalise, cap, formula (own notes: a';
    const [column] = issuesOf(() => parseTreeCsv(`code,parent,name,weight,direction,${name}\nA,,a,,+,\n`, "tree.csv"));
    expect(column.message).toBe(`unknown column ${echoed}; ${expectedTree} column starting with "x_" or "note")`);
    expect(column.message.length).toBeLessThan(500); // 1,000,000 more before
    // YAML takes a key of over 1,024 characters only written explicitly (`? key` then `: value`).
    const [key] = issuesOf(() => parseTreeYaml(`- code: A\n  direction: +\n  ? ${name}\n  : 1\n`, "tree.yaml"));
    expect(key.message).toBe(`unknown key ${echoed}; ${expectedTree} key starting with "x_" or "note")`);
    expect(limitMessagesZh.unknownTreeColumn(name, undefined).startsWith(`未知的列 ${echoed}；`)).toBe(true);
    expect(limitMessagesZh.unknownTreeKey(name, undefined).startsWith(`未知的键 ${echoed}；`)).toBe(true);
    // The same for a values query's or Parquet file's column (not quoted there), and a judgements file's group.
    expect(readerMessages.sqlColumnUnexpected("values.sql", name).split("; expected")[0]).toBe(`values.sql: unexpected column ${"q".repeat(200)}… (999800 more characters)`);
    expect(readerMessagesZh.sqlColumnUnexpected("values.sql", name).split("；应为")[0]).toBe(`values.sql：多余的列 ${"q".repeat(200)}… (999800 more characters)`);
    expect(readerMessages.indicatorColumnUnexpected("tree.csv:5: indicator A11, column sql", name)).toBe(
      `tree.csv:5: indicator A11, column sql: unexpected column ${"q".repeat(200)}… (999800 more characters); expected unit, year and value`,
    );
    const [group] = issuesOf(() => parseAhpYaml(`? ${name}\n: 3\n`, "ahp.yaml"));
    expect(group.message).toBe(`expected under group ${echoed} a list of [a, b, value] or { order: [...], matrix: [[...], ...] }`);
    // index.yaml's keys were echoed so already.
    const [projectKey] = issuesOf(() => parseProject(`indicators: tree.csv\nvalues: values.csv\n? ${name}\n: 1\n`, "/p/index.yaml", "index.yaml"));
    expect(projectKey.message.startsWith(`unknown key ${echoed}; expected one of: `)).toBe(true);
  });

  it("keeps the order of the file when nested children and parent keys mix", () => {
    const tree = parseTreeYaml("- code: A\n  children:\n    - { code: A1, direction: + }\n- { code: A2, parent: A, direction: + }\n- code: B\n  children:\n    - { code: B1, direction: + }\n", "t.yaml");
    expect(tree.nodes.map((node) => node.code)).toEqual(["A", "A1", "A2", "B", "B1"]);
  });
});

describe("YAML aliases", () => {
  it("refuses an alias in a tree instead of reading it as the name \"*n\"", () => {
    const text = "- code: A\n  name: &n 创新\n  children:\n    - code: A1\n      name: *n\n      direction: +\n";
    expect(issuesOf(() => parseTreeYaml(text, "tree.yaml"))).toEqual([
      { code: "E_YAML_ALIAS", message: limitMessages.yamlAlias("*n"), source: "tree.yaml", line: 5 },
    ]);
  });

  it("refuses an alias bomb in a project file at once, without expanding it", () => {
    // Nine levels of nine aliases would expand to 9^9 (387 million) values.
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    lines.push("indicators: tree.csv", "values: values.csv");
    const started = performance.now();
    const issues = issuesOf(() => parseProject(lines.join("\n"), "/p/index.yaml", "index.yaml"));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(issues).toHaveLength(72);
    expect(issues[0]).toEqual({ code: "E_YAML_ALIAS", message: limitMessages.yamlAlias("*a"), source: "index.yaml", line: 2 });
  });

  it("refuses an alias in index.yaml that would copy one path into another", () => {
    const issues = issuesOf(() => parseProject("indicators: &t tree.csv\nvalues: *t\n", "/p/index.yaml", "index.yaml"));
    expect(issues).toEqual([{ code: "E_YAML_ALIAS", message: limitMessages.yamlAlias("*t"), source: "index.yaml", line: 2 }]);
  });

  it("refuses a misspelt key of index.yaml, with the closest key", () => {
    const issues = issuesOf(() => parseProject("indicators: tree.csv\nvalues: values.csv\nmethods:\n  wieghts: entropy\n", "/p/index.yaml", "index.yaml"));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 4, column: "methods.wieghts" });
    expect(issues[0].message).toMatch(/^unknown key "methods\.wieghts" \(did you mean "weights"\?\); expected one of: (\S+, )*base-year, /);
    expect(issues[0].message).toBe(projectMessages.unknownKey("methods.wieghts", issues[0].message.split("expected one of: ")[1].split(", "), "weights"));
  });
});
