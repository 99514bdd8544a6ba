import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { buildTree, groupsBottomUp, parseDirection, treeDepth, type TreeRow } from "../../src/core/tree.js";

/** Rows from compact `code,parent,weight,direction` tuples, numbered from line 2 like a CSV body. */
const rows = (...specs: [string, string, string, string][]): TreeRow[] =>
  specs.map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction }));

describe("buildTree: weights written with and without a percent sign", () => {
  it("refuses siblings that mix them (60% and 0.4: read as 60 and 0.4), naming each, but not shares summing to 100", () => {
    const built = buildTree(rows(["A", "", "60%", ""], ["A1", "A", "", "+"], ["B", "", "0.4", ""], ["B1", "B", "", "+"]), "t.csv");
    expect(!built.ok && built.issues.map(({ code, line, column, message }) => [code, line, column, message])).toEqual([
      ["E_WEIGHTS_PERCENT_MIXED", 4, "weight", messages.weightsPercentMixed("INDEX", [{ code: "A", text: "60%" }], [{ code: "B", text: "0.4" }])],
    ]);
    expect(messages.weightsPercentMixed("INDEX", [{ code: "A", text: "60%" }], [{ code: "B", text: "0.4" }])).toBe(
      'the weights of the first-level nodes mix percentages (A 60%) with plain numbers (B 0.4); a percent sign is dropped (60% reads as 60), so they would be read 100 times apart; expected the weights of siblings written one way: all with a percent sign (or formatted as percentages in Excel) or none',
    );
    // 60% and 40 are 60 and 40: shares of 100 either way. A zero weight is the same written either way.
    expect(buildTree(rows(["A", "", "60%", ""], ["A1", "A", "", "+"], ["B", "", "40", ""], ["B1", "B", "", "+"]), "t.csv").ok).toBe(true);
    expect(buildTree(rows(["A", "", "100%", ""], ["A1", "A", "", "+"], ["B", "", "0", ""], ["B1", "B", "", "+"]), "t.csv").ok).toBe(true);
  });
});

describe("buildTree", () => {
  it("builds levels, tree order and the leaves of a three-level tree", () => {
    const built = buildTree(
      rows(["A", "", "", ""], ["A1", "A", "", ""], ["A11", "A1", "", "+"], ["B", "", "", ""], ["B1", "B", "", "-"], ["A12", "A1", "", "正向"]),
      "t.csv",
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const tree = built.value;
    // pre-order with siblings in file order: A, A1, A11, A12, B, B1
    expect(tree.nodes.map((node) => `${node.code}:${node.level}`)).toEqual(["A:1", "A1:2", "A11:3", "A12:3", "B:1", "B1:2"]);
    expect(tree.indicators).toEqual(["A11", "A12", "B1"]);
    expect(tree.roots).toEqual(["A", "B"]);
    expect(treeDepth(tree)).toBe(3);
    expect(groupsBottomUp(tree).map((group) => group.code)).toEqual(["B", "A1", "A"]);
    expect(tree.byCode.get("B1")).toMatchObject({ kind: "indicator", direction: "negative" });
    expect(tree.byCode.get("A12")).toMatchObject({ kind: "indicator", direction: "positive" });
  });

  it.each([
    ["+", "positive"],
    ["-", "negative"],
    ["positive", "positive"],
    ["Negative", "negative"],
    ["正向", "positive"],
    ["逆向", "negative"],
    ["负向", "negative"],
    ["反向", "negative"],
    ["正向指标", "positive"],
    ["反向指标", "negative"],
    ["1", "positive"],
    ["-1", "negative"],
    // Full-width, as a Chinese input method types them in full-width mode (U+FF0B, U+FF0D, U+FF11), as the Unicode
    // minus U+2212 already was.
    ["＋", "positive"],
    ["－", "negative"],
    ["−", "negative"],
    ["－１", "negative"],
    ["＋１", "positive"],
    ["Ｐｏｓｉｔｉｖｅ", "positive"],
    [" ＋ ", "positive"],
    ["up", undefined],
    ["＋＋", undefined],
  ])("parseDirection(%j) is %j", (text, expected) => {
    expect(parseDirection(text)).toBe(expected);
  });

  it("collects every problem in one pass with its line and column", () => {
    const built = buildTree(
      rows(
        ["A", "", "", ""],
        ["A", "", "", ""], // duplicate, line 3
        ["A1", "Z", "abc", ""], // unknown parent, and (reported with it) a bad weight and no direction, line 4
        ["A2", "A", "abc", "+"], // bad weight, line 5
        ["A3", "A", "-1", "+"], // negative weight, line 6
        ["A4", "A", "", ""], // no direction and mixed weights, line 7
        ["A5", "A", "1", "up"], // bad direction, line 8
        ["C1", "C2", "", ""], // cycle C1 -> C2 -> C1, lines 9-10
        ["C2", "C1", "", ""],
        ["", "A", "", "+"], // empty code, line 11
        ["INDEX", "A", "", "+"], // reserved (the root row INDEX has no parent), line 12
      ),
      "t.csv",
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    const found = built.issues.map((issue) => [issue.code, issue.line, issue.column, issue.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["E_DUPLICATE_CODE", 3, "code", messages.duplicateCode("A", 2)],
        ["E_UNKNOWN_PARENT", 4, "parent", messages.unknownParent("Z")],
        ["E_BAD_WEIGHT", 4, "weight", messages.badWeight("A1", "abc")],
        ["E_MISSING_DIRECTION", 4, "direction", messages.missingDirection("A1")],
        ["E_BAD_WEIGHT", 5, "weight", messages.badWeight("A2", "abc")],
        ["E_NEGATIVE_WEIGHT", 6, "weight", messages.negativeWeight("A3", "-1")],
        ["E_MISSING_DIRECTION", 7, "direction", messages.missingDirection("A4")],
        ["E_BAD_DIRECTION", 8, "direction", messages.badDirection("A5", "up")],
        ["E_TREE_CYCLE", 9, "parent", messages.treeCycle(["C1", "C2", "C1"])],
        ["E_EMPTY_CODE", 11, "code", messages.emptyCode()],
        ["E_RESERVED_CODE", 12, "code", messages.reservedCode("INDEX")],
        ["E_MIXED_WEIGHTS", 7, "weight", messages.mixedWeights("A", ["A2", "A3", "A5"], ["A4"])],
      ]),
    );
    expect(built.issues).toHaveLength(12);
    expect(built.issues.every((issue) => issue.source === "t.csv")).toBe(true);
  });

  it("reports a node that is its own parent, once: not again as a cycle of one through a child below it", () => {
    const built = buildTree(rows(["A", "A", "", "+"]), "t.csv");
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.issues[0]).toMatchObject({ code: "E_TREE_CYCLE", message: messages.selfParent("A"), line: 2 });
    const withChild = buildTree(rows(["A", "A", "", ""], ["A1", "A", "", "+"]), "t.csv");
    if (withChild.ok) throw new Error("expected the tree to be refused");
    expect(withChild.issues.map(({ code, message }) => ({ code, message }))).toEqual([{ code: "E_TREE_CYCLE", message: messages.selfParent("A") }]);
  });

  it("reports a node that is its own parent with no direction once: not again as an indicator with no direction", () => {
    // S is a leaf only because its link to itself is dropped; a direction that is no direction is still reported.
    const built = buildTree(rows(["A", "", "", ""], ["A1", "A", "", "+"], ["S", "S", "", ""], ["T", "T", "", "up"]), "t.csv");
    if (built.ok) throw new Error("expected the tree to be refused");
    expect(built.issues.map(({ code, line, message }) => ({ code, line, message }))).toEqual([
      { code: "E_TREE_CYCLE", line: 4, message: messages.selfParent("S") },
      { code: "E_TREE_CYCLE", line: 5, message: messages.selfParent("T") },
      { code: "E_BAD_DIRECTION", line: 5, message: messages.badDirection("T", "up") },
    ]);
  });

  it("names a mistyped group code as the likely fix of an unknown parent, and does not tell that row it has no direction", () => {
    // The group's row says G1x, its children say G1: G1x is the one row with no children and no direction, one edit away.
    const built = buildTree(rows(["G1x", "", "0.5", ""], ["A", "G1", "", "+"], ["B", "G1", "", "+"], ["G2", "", "0.5", ""], ["C", "G2", "", "+"]), "t.csv");
    if (built.ok) throw new Error("expected the tree to be refused");
    expect(built.issues.map(({ code, line, message }) => ({ code, line, message }))).toEqual([
      { code: "E_UNKNOWN_PARENT", line: 3, message: messages.unknownParent("G1", "G1x") },
      { code: "E_UNKNOWN_PARENT", line: 4, message: messages.unknownParent("G1", "G1x") },
    ]);
    expect(messages.unknownParent("G1", "G1x")).toContain('did you mean "G1x"');
    // An indicator with a direction is no candidate, and a code far from the parent is none: no suggestion, and the
    // row without a direction is told so.
    const far = buildTree(rows(["Group", "", "", ""], ["A", "Q7", "", "+"], ["B", "Group", "", ""]), "t.csv");
    if (far.ok) throw new Error("expected the tree to be refused");
    expect(far.issues.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: "E_UNKNOWN_PARENT", message: messages.unknownParent("Q7") },
      { code: "E_MISSING_DIRECTION", message: messages.missingDirection("B") },
    ]);
  });

  it("reports a row INDEX with a parent as a reserved code, and its children's parent INDEX not again as unknown", () => {
    const built = buildTree(rows(["INDEX", "A", "", ""], ["A", "INDEX", "", ""], ["A1", "A", "", "+"]), "t.csv");
    if (built.ok) throw new Error("expected the tree to be refused");
    expect(built.issues.map(({ code, line }) => ({ code, line }))).toEqual([{ code: "E_RESERVED_CODE", line: 2 }]);
    // Without a row INDEX, a parent INDEX is unknown.
    const without = buildTree(rows(["A", "INDEX", "", ""], ["A1", "A", "", "+"]), "t.csv");
    if (without.ok) throw new Error("expected the tree to be refused");
    expect(without.issues.map(({ code, message }) => ({ code, message }))).toEqual([{ code: "E_UNKNOWN_PARENT", message: messages.unknownParent("INDEX") }]);
  });

  it("takes a row made in code with a number as its weight, or a field left out, as the text it stands for", () => {
    const built = buildTree([
      { line: 2, code: "A", parent: "", name: "A", weight: 0.25, direction: "" },
      { line: 3, code: "B", name: "B", weight: 0.75 },
      { line: 4, code: "A1", parent: "A", name: "a", weight: "", direction: "+" },
      { line: 5, code: "B1", parent: "B", name: "b", weight: "", direction: "-" },
    ] as unknown as TreeRow[]);
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    expect(built.value.nodes.map((node) => [node.code, node.weight])).toEqual([["A", 0.25], ["A1", Number.NaN], ["B", 0.75], ["B1", Number.NaN]]);
  });

  it("refuses an empty tree", () => {
    const built = buildTree([], "t.csv");
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.issues.map((issue) => issue.code)).toEqual(["E_EMPTY_TREE"]);
  });
});
