/**
 * Trees with level columns (src/io/read/tree-levels.ts): one row per indicator, its groups in 一级指标, 二级指标, ...;
 * read into the parent-child rows every tree check applies to.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compute, load } from "../../../src/index.js";
import { messages } from "../../../src/core/messages.js";
import { resolveWeights } from "../../../src/core/weight.js";
import { treeLevelMessages } from "../../../src/core/tree-level-messages.js";
import type { Tree, TreeNode } from "../../../src/core/types.js";
import { formatIssue } from "../../../src/errors.js";
import { readTreeFile } from "../../../src/io/read/load.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";
import { issuesOf as issuesOfPromise, makeTempDir } from "../../helpers.js";
import { issuesOf } from "../../issues.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const SHIPPED = "indicators/changzhou-2020.csv";
const VALUES = join(ROOT, "data/changzhou/values.csv");

/** The shipped Changzhou tree (parent-child rows). */
const shipped = (): Tree => parseTreeCsv(readFileSync(join(ROOT, SHIPPED), "utf8"), SHIPPED);

/** A CSV cell, quoted when it holds a comma or a quote. */
const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A weight as the shipped tree writes it, "" for an empty one. */
const weightText = (node: TreeNode) => (Number.isNaN(node.weight) ? "" : String(node.weight));

/** Each indicator of `tree` with its group and its group's group: the shipped tree has three levels throughout. */
function paths(tree: Tree): [TreeNode, TreeNode, TreeNode][] {
  return tree.indicators.map((code) => {
    const leaf = tree.byCode.get(code)!;
    const group = tree.byCode.get(leaf.parent!)!;
    return [tree.byCode.get(group.parent!)!, group, leaf];
  });
}

/**
 * The shipped tree written with level columns as a CSV saved from Excel with the upper levels' cells merged: each
 * group's cells on its first row only, its code before its name (`A 双创活力`, `A1 创新投入`, `A11 ...`).
 */
function mergedLevelCsv(tree: Tree): string {
  const header = "一级指标,一级指标英文名称,一级权重,二级指标,二级英文名称,二级权重,三级指标,英文名称,权重,属性,单位,说明,来源";
  let previous: TreeNode[] = [];
  const lines = paths(tree).map((path) => {
    const cells = path.flatMap((node, level) => {
      if (level < 2 && previous[level] === node) return ["", "", ""];
      return [`${node.code} ${node.name}`, node.nameEn ?? "", weightText(node)];
    });
    previous = path;
    const leaf = path[2];
    const direction = leaf.kind === "indicator" && leaf.direction === "negative" ? "逆向" : "正向";
    return [...cells, direction, leaf.measure ?? "", leaf.description ?? "", leaf.source ?? ""].map(csvCell).join(",");
  });
  return [header, ...lines].join("\n") + "\n";
}

/**
 * The shipped tree with code columns and every group's cells repeated on each of its rows (as a workbook's merged cell
 * reads, and as many people fill the table), the indicators' weight in a plain 权重 column after their names.
 */
function codedLevelCsv(tree: Tree): string {
  const header = "一级代码,一级指标,一级权重,二级代码,二级指标,二级权重,三级代码,三级指标,权重,方向,单位";
  const lines = paths(tree).map((path) => {
    const leaf = path[2];
    const direction = leaf.kind === "indicator" && leaf.direction === "negative" ? "-" : "+";
    return [...path.flatMap((node) => [node.code, node.name, weightText(node)]), direction, leaf.measure ?? ""].map(csvCell).join(",");
  });
  return [header, ...lines].join("\n") + "\n";
}

/** What two readings of one tree must share: every node's code, parent, kind, name, weight, direction, level, children. */
function structure(tree: Tree) {
  return {
    roots: tree.roots,
    indicators: tree.indicators,
    nodes: tree.nodes.map((node) => ({
      code: node.code,
      parent: node.parent,
      kind: node.kind,
      name: node.name,
      weight: node.weight,
      level: node.level,
      direction: node.direction,
      children: node.kind === "group" ? node.children : undefined,
    })),
  };
}

/** The texts of a tree's nodes: English names, and an indicator's unit, description and source. */
function texts(tree: Tree) {
  return tree.nodes.map((node) => ({
    code: node.code,
    nameEn: node.nameEn,
    ...(node.kind === "indicator" ? { measure: node.measure, description: node.description, source: node.source } : {}),
  }));
}

describe("parseTreeCsv with level columns (一级指标, 二级指标, 三级指标)", () => {
  it("reads the shipped Changzhou tree written with merged level cells and codes before the names as the same tree", () => {
    const expected = shipped();
    const tree = parseTreeCsv(mergedLevelCsv(expected), "levels.csv");
    // The five dimensions, fifteen groups and forty indicators, weights included (A 0.25, B1 0.4, ...; NaN for the
    // empty ones, equal weights): the shipped file gives them, so equality here is equality with the file.
    expect(tree.nodes).toHaveLength(60);
    expect(structure(tree)).toEqual(structure(expected));
    expect(texts(tree)).toEqual(texts(expected));
    // A group's row is its first indicator's; an indicator keeps its own line (header on line 1, A11 on line 2).
    expect([tree.byCode.get("A")!.line, tree.byCode.get("A1")!.line, tree.byCode.get("A11")!.line, tree.byCode.get("A12")!.line]).toEqual([2, 2, 2, 3]);
  });

  it("reads the shipped tree with code columns and the group cells repeated on every row as the same tree", () => {
    const expected = shipped();
    const tree = parseTreeCsv(codedLevelCsv(expected), "levels.csv");
    expect(structure(tree)).toEqual(structure(expected));
    expect(tree.indicators.map((code) => tree.byCode.get(code)!.measure)).toEqual(expected.indicators.map((code) => expected.byCode.get(code)!.measure));
  });

  it("gives compute the same index as the shipped tree (the shipped values, default methods)", async () => {
    const dir = await makeTempDir({ "levels.csv": mergedLevelCsv(shipped()) });
    const fromLevels = await compute(await load({ indicators: join(dir, "levels.csv"), data: VALUES }));
    const fromShipped = await compute(await load({ indicators: join(ROOT, SHIPPED), data: VALUES }));
    expect(fromLevels.nodes.map((node) => node.code)).toEqual(fromShipped.nodes.map((node) => node.code));
    expect(fromLevels.nodes).toHaveLength(61); // INDEX and the 60 nodes
    expect(fromLevels.values.length).toBeGreaterThan(61);
    expect(Array.from(fromLevels.values)).toEqual(Array.from(fromShipped.values));
  });

  it("reads an .xlsx tree with merged group cells (ExcelJS repeats their value), a 权重 column after each level", async () => {
    const expected = shipped();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("指标体系");
    sheet.addRow(["一级指标", "权重", "二级指标", "权重", "代码", "三级指标", "权重", "属性"]);
    const rows = paths(expected);
    rows.forEach(([dimension, group, leaf]) => {
      const direction = leaf.kind === "indicator" && leaf.direction === "negative" ? "逆向指标" : "正向指标";
      // Weights as numbers, as a person types them in Excel.
      const weight = (node: TreeNode) => (Number.isNaN(node.weight) ? null : node.weight);
      sheet.addRow([`${dimension.code} ${dimension.name}`, weight(dimension), `${group.code}、${group.name}`, weight(group), leaf.code, leaf.name, weight(leaf), direction]);
    });
    // Merge each group's name and weight cells over its rows (rows 2.. in the sheet).
    const mergeRuns = (column: number, key: (index: number) => string) => {
      for (let start = 0; start < rows.length; ) {
        let end = start;
        while (end + 1 < rows.length && key(end + 1) === key(start)) end++;
        if (end > start) sheet.mergeCells(start + 2, column, end + 2, column);
        start = end + 1;
      }
    };
    for (const [column, level] of [[1, 0], [2, 0], [3, 1], [4, 1]] as const) mergeRuns(column, (index) => rows[index][level].code);
    expect([sheet.getCell("A3").isMerged, sheet.getCell("D3").isMerged]).toEqual([true, true]);
    const dir = await makeTempDir();
    await book.xlsx.writeFile(join(dir, "tree.xlsx"));
    const tree = await readTreeFile(join(dir, "tree.xlsx"), "tree.xlsx");
    expect(structure(tree)).toEqual(structure(expected));
  });

  it("fills empty group cells down, starts a group at a new name, and makes group codes from places, indicator codes from names", () => {
    const tree = parseTreeCsv(
      [
        "一级指标,二级指标,三级指标,权重,属性",
        "创新投入,研发,研发经费,0.6,+",
        ",,研发人员,0.4,+",
        ",专利,发明专利,,+",
        "产业,规模,营业收入,,+",
        ",,能耗,,-",
      ].join("\n"),
      "t.csv",
    );
    expect(tree.nodes.map((node) => [node.code, node.parent, node.name, node.kind])).toEqual([
      ["D1", null, "创新投入", "group"],
      ["D1.1", "D1", "研发", "group"],
      ["研发经费", "D1.1", "研发经费", "indicator"],
      ["研发人员", "D1.1", "研发人员", "indicator"],
      ["D1.2", "D1", "专利", "group"],
      ["发明专利", "D1.2", "发明专利", "indicator"],
      ["D2", null, "产业", "group"],
      ["D2.1", "D2", "规模", "group"],
      ["营业收入", "D2.1", "营业收入", "indicator"],
      ["能耗", "D2.1", "能耗", "indicator"],
    ]);
    expect(tree.byCode.get("研发经费")!.weight).toBe(0.6);
    expect(tree.byCode.get("能耗")).toMatchObject({ kind: "indicator", direction: "negative" });
  });

  it("takes the codes before the names (1.1 创新主体, A、双创活力), drops a code the code column repeats, and makes a group's code from its parent's", () => {
    const numbered = parseTreeCsv("level1,level2,level3,direction\n1 创新,1.1 投入,1.1.1 研发经费,+\n,,1.1.2 研发人员,+\n", "t.csv");
    expect(numbered.nodes.map((node) => [node.code, node.parent, node.name])).toEqual([
      ["1", null, "创新"],
      ["1.1", "1", "投入"],
      ["1.1.1", "1.1", "研发经费"],
      ["1.1.2", "1.1", "研发人员"],
    ]);
    // A point with no space after it ends a code too, as a full-width one does; a number with a decimal part
    // (1.5亿元...) is no code, nor is 5G.
    const pointed = parseTreeCsv("level1,level2,direction\n1.R&D,1.1.R&D经费,+\n,1.2．研发人员,+\n2．产业,2.1 利润,+\n", "t.csv");
    expect(pointed.nodes.map((node) => [node.code, node.parent, node.name])).toEqual([
      ["1", null, "R&D"],
      ["1.1", "1", "R&D经费"],
      ["1.2", "1", "研发人员"],
      ["2", null, "产业"],
      ["2.1", "2", "利润"],
    ]);
    // Two of these three would be codes (more than half: then every cell must have one) were 1.5 and 2.5 read as such.
    const amounts = parseTreeCsv("level1,level2,direction\n规模,1.5亿元以上企业数,+\n,2.5亿元以上企业数,+\n,5G基站数,+\n", "t.csv");
    expect(amounts.indicators).toEqual(["1.5亿元以上企业数", "2.5亿元以上企业数", "5G基站数"]);
    // Level 2 has no codes: its groups take their parent's code and their place (A1, A2 under A; 1.1 under 1).
    const made = parseTreeCsv("dimension,sub_dimension,indicator,indicator_code,direction\nA、双创活力,投入,A11 研发经费,A11,+\n,产出,专利,A21,+\n", "t.csv");
    expect(made.nodes.map((node) => [node.code, node.parent, node.name])).toEqual([
      ["A", null, "双创活力"],
      ["A1", "A", "投入"],
      ["A11", "A1", "研发经费"],
      ["A2", "A", "产出"],
      ["A21", "A2", "专利"],
    ]);
  });

  it("reads the weights of every level with one decimal mark (a ;-separated file: 0,6), and keeps an indicator's other columns", () => {
    const tree = parseTreeCsv("序号;一级指标;一级权重;二级指标;权重;属性;cap\n1;创新;0,6;研发经费;0,5;+;200\n2;;;研发人员;0,5;+;\n3;产业;0,4;利润;1;+;\n", "t.csv");
    expect(tree.nodes.map((node) => [node.code, node.weight])).toEqual([
      ["D1", 0.6],
      ["研发经费", 0.5],
      ["研发人员", 0.5],
      ["D2", 0.4],
      ["利润", 1],
    ]);
    expect(tree.byCode.get("研发经费")!.attributes).toEqual({ 序号: "1", cap: "200" });
    expect(tree.byCode.get("D1")!.attributes).toEqual({});
  });

  it("leaves a name whole when at most half of its column starts with a code (PM2.5 浓度 among names)", () => {
    const tree = parseTreeCsv("一级指标,二级指标,属性\n环境,PM2.5 年均浓度,-\n,森林覆盖率,+\n", "t.csv");
    expect(tree.indicators).toEqual(["PM2.5 年均浓度", "森林覆盖率"]);
  });

  it("reads dimension and indicator alone as two levels, and dimension_weight as the first level's weights", () => {
    const tree = parseTreeCsv("Dimension,Dimension Weight,Indicator,Indicator Code,Direction\nEconomy,0.7,GDP,X1,+\nSociety,0.3,Jobs,X2,+\n", "t.csv");
    expect(tree.nodes.map((node) => [node.code, node.parent, node.weight])).toEqual([
      ["D1", null, 0.7],
      ["X1", "D1", Number.NaN],
      ["D2", null, 0.3],
      ["X2", "D2", Number.NaN],
    ]);
  });
});

describe("the level-column example of docs/guides/data.md", () => {
  it("reads as the shipped tree's first nodes: codes, parents, names, weights and directions", () => {
    const guide = readFileSync(join(ROOT, "docs/guides/data.md"), "utf8");
    const example = /### Level columns[\s\S]*?```csv\n([\s\S]*?)```/.exec(guide)![1];
    const tree = parseTreeCsv(example, "data.md");
    const expected = shipped();
    expect(tree.nodes.map((node) => node.code)).toEqual(["A", "A1", "A11", "A12", "A2", "A21", "B", "B1", "B11", "B2", "B23"]);
    const fields = (node: TreeNode) => [node.code, node.parent, node.name, node.weight, node.kind === "indicator" ? node.direction : "", node.measure];
    expect(tree.nodes.map(fields)).toEqual(tree.nodes.map((node) => fields(expected.byCode.get(node.code)!)));
  });
});

describe("parseTreeCsv with level columns: problems", () => {
  it("refuses a header with a parent column and level columns, naming both", () => {
    const issues = issuesOf(() => parseTreeCsv("code,parent,一级指标,二级指标,weight,direction\nA,,x,y,,+\n", "t.csv"));
    expect(issues).toEqual([
      { code: "E_TREE_LAYOUT", message: treeLevelMessages.layoutMixed("parent", ["一级指标", "二级指标"]), source: "t.csv", line: 1, column: "parent" },
    ]);
    expect(issues[0].message).toBe(
      'the header has a parent column "parent" and level columns ("一级指标", "二级指标"); expected one layout: code and parent columns (a row per node), or level columns without a parent column (a row per indicator, its groups in the level columns before it)',
    );
  });

  it.each([
    ["a missing level", "一级指标,三级指标,属性", treeLevelMessages.levelMissing(2, ["一级指标", "三级指标"])],
    ["one level only", "一级指标,代码,属性", treeLevelMessages.oneLevel("一级指标")],
    ["two columns for a level's codes", "一级指标,二级指标,三级代码,代码,属性", treeLevelMessages.levelColumnTwice("三级代码", "代码", "code", 3)],
    ["numbered and named levels", "level1,dimension,indicator,direction", treeLevelMessages.levelKindsMixed(["level1"], ["dimension", "indicator"])],
    ["a level with a weight only", "一级指标,二级权重,三级指标,属性", treeLevelMessages.levelWithoutNames("二级权重", 2)],
    ["a parent-child tree's name column", "一级指标,二级指标,指标名称,属性", treeLevelMessages.nameColumnInLevels("指标名称", "二级指标")],
  ])("refuses a header with %s (E_LEVEL_COLUMNS), before reading the rows", (_title, header, message) => {
    const issues = issuesOf(() => parseTreeCsv(`${header}\n,,,\n`, "t.csv"));
    expect(issues.map(({ code, message: text, line }) => [code, text, line])).toEqual([["E_LEVEL_COLUMNS", message, 1]]);
  });

  it("words the header problems as their functions make them (written out for two)", () => {
    expect(treeLevelMessages.levelMissing(2, ["一级指标", "三级指标"])).toBe(
      'the header has level columns "一级指标", "三级指标" but none for level 2; expected the levels from the first down, such as 一级指标, 二级指标, 三级指标 (or level1, level2, level3, or dimension, sub_dimension, indicator)',
    );
    expect(treeLevelMessages.levelColumnTwice("三级代码", "代码", "code", 3)).toBe('columns "三级代码" and "代码" both give the codes of level 3; expected one column for them');
  });

  it("refuses an empty group cell with nothing above to continue, on the first row and under a new group, at file:line:column", () => {
    const issues = issuesOf(() => parseTreeCsv(["一级指标,二级指标,三级指标,属性", ",投入,研发经费,+", "创新,投入,研发人员,+", "产业,,营业收入,+", ",,能耗,-", "产业二,规模,利润,+"].join("\n"), "t.csv"));
    expect(issues.map((issue) => [issue.code, formatIssue(issue)])).toEqual([
      ["E_LEVEL_EMPTY_CELL", `t.csv:2:1: ${treeLevelMessages.emptyLevelCell("一级指标")}`],
      // 能耗 continues the refused group of 营业收入: not told again.
      ["E_LEVEL_EMPTY_CELL", `t.csv:4:2: ${treeLevelMessages.emptyLevelCellUnderNewGroup("二级指标", "一级指标", "产业")}`],
    ]);
  });

  it("refuses a row without an indicator, and reads the rows below it", () => {
    const issues = issuesOf(() => parseTreeCsv("一级指标,二级指标,三级指标,属性\n创新,,,\n,投入,,\n,,研发经费,+\n合计,,,\n", "t.csv"));
    expect(issues.map(({ code, line, column }) => [code, line, column])).toEqual([
      ["E_LEVEL_NO_INDICATOR", 2, 3],
      ["E_LEVEL_NO_INDICATOR", 3, 3],
      ["E_LEVEL_NO_INDICATOR", 5, 3],
    ]);
    expect(issues[0].message).toBe(treeLevelMessages.noIndicator("三级指标"));
  });

  it("reads a group name that returns after another group as a group in two places, naming both lines", () => {
    const issues = issuesOf(() => parseTreeCsv("一级指标,二级指标,三级指标,属性\n创新,投入,研发经费,+\n,产出,专利,+\n,投入,研发人员,+\n", "t.csv"));
    expect(issues).toEqual([
      { code: "E_LEVEL_GROUP_SPLIT", message: treeLevelMessages.groupInTwoPlaces("投入", "二级指标", 2, 4), source: "t.csv", line: 4, column: 2 },
    ]);
    expect(issues[0].message).toBe(
      'group "投入" of column "二级指标" appears in two places under the same group, from line 2 and again from line 4, with other groups between; expected the rows of a group together, or different names for different groups',
    );
  });

  it("names a group whose code it made by its name too in the weights' warnings", () => {
    // 创新投入 and 创新产出 have no codes: made D1 and D2. D1's children 研发 (0.5) and 人才 (0.3) sum to 0.8.
    const tree = parseTreeCsv("一级指标,一级权重,二级指标,二级权重,三级指标,属性\n创新投入,0.5,研发,0.5,研发经费,+\n,,人才,0.3,人才数量,+\n创新产出,0.5,专利,1,发明专利,+\n", "t.csv");
    expect(resolveWeights(tree).warnings.map(formatIssue)).toEqual([`t.csv:2: ${messages.weightsRenormalised("D1", 0.8, "创新投入")}`]);
    expect(messages.weightsRenormalised("D1", 0.8, "创新投入")).toBe('the weights of the children of "D1" (创新投入) sum to 0.8, not 1; they were divided by their sum');
  });

  it("refuses a group weight that differs on a later row of the group, or is missing from its first row", () => {
    const issues = issuesOf(() =>
      parseTreeCsv("一级指标,一级权重,二级指标,属性\n创新,0.6,研发经费,+\n创新,0.60,研发人员,+\n创新,0.5,专利,+\n产业,,利润,+\n产业,0.4,能耗,-\n", "t.csv"),
    );
    expect(issues.map((issue) => [issue.code, formatIssue(issue)])).toEqual([
      // 0.60 is 0.6; 0.5 is not.
      ["E_LEVEL_CONFLICT", `t.csv:4:2: ${treeLevelMessages.groupCellConflict("创新", "一级权重", 2, "0.6", 4, "0.5")}`],
      ["E_LEVEL_CONFLICT", `t.csv:6:2: ${treeLevelMessages.groupCellConflict("产业", "一级权重", 5, "", 6, "0.4")}`],
      // A group's weight is read from its first row: 产业 has none, beside 创新's 0.6.
      ["E_MIXED_WEIGHTS", `t.csv:5: ${messages.mixedWeights("INDEX", ["D1"], ["D2"])}`],
    ]);
  });

  it("refuses two indicators of one name when the names are the codes, once, saying why", () => {
    const issues = issuesOf(() => parseTreeCsv("一级指标,二级指标,属性\n创新,研发经费,+\n产业,研发经费,+\n", "t.csv"));
    expect(issues).toEqual([
      { code: "E_DUPLICATE_CODE", message: treeLevelMessages.indicatorNameTwice("研发经费", 2, "二级指标"), source: "t.csv", line: 3, column: 2, id: "研发经费" },
    ]);
  });

  it("says that a code made from a group's place is the one another node has too, naming the group's cell and the other's", () => {
    // 投入 has no code: under A, in first place, it is made A1 (A and its place 1), the code of indicator A1 on the same row.
    // Reported at 投入's cell (line 2, column 2), where its code is missing, not at the indicator's after it (2:3).
    const underA = issuesOf(() => parseTreeCsv("一级指标,二级指标,三级指标,属性\nA 创新,投入,A1 研发经费,+\n,,A2 研发人员,+\n", "t.csv"));
    expect(underA.map((issue) => [issue.code, issue.id, formatIssue(issue)])).toEqual([
      [
        "E_DUPLICATE_CODE",
        "A1",
        't.csv:2:2: group "投入" of column "二级指标", line 2, has no code, so it was given "A1", made from its place; but indicator "A1 研发经费" of column "三级指标", line 2, has code "A1" too; expected codes for the groups of column "二级指标" (a column of their codes, such as 二级代码 or level2_code, or a code before each name, such as "A1 创新投入"), or another code for indicator "A1 研发经费"',
      ],
    ]);
    // 产业, second of the first level, is made D2 on line 3, after indicator 研发经费 took D2 on line 2: reported at
    // the group's cell too (line 3, its names column, 1), here the second of the two.
    const afterIndicator = issuesOf(() => parseTreeCsv("一级指标,二级指标,代码,属性\n创新,研发经费,D2,+\n产业,利润,X1,+\n", "t.csv"));
    expect(afterIndicator).toEqual([
      {
        code: "E_DUPLICATE_CODE",
        message: treeLevelMessages.madeCodeTaken("D2", "产业", "一级指标", 3, 1, { kind: "indicator", name: "研发经费", column: "二级指标", line: 2 }),
        source: "t.csv",
        line: 3,
        column: 1,
        id: "D2",
      },
    ]);
    expect(afterIndicator[0].message).toContain('such as 一级代码 or level1_code');
  });

  it("refuses a workbook cell merged across two levels' columns, naming its range, once, and reads a range merged down one level's column", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("指标体系");
    sheet.addRow(["一级指标", "二级指标", "三级指标", "属性"]);
    sheet.addRow(["创新", "研发", "研发经费", "+"]);
    sheet.addRow(["创新", "研发", "研发人员", "+"]);
    sheet.addRow(["产业", "产业", "利润", "+"]);
    sheet.addRow(["产业", "产业", "能耗", "-"]);
    sheet.mergeCells("A2:A3"); // down 一级指标: the group 创新 over two rows
    sheet.mergeCells("A4:B5"); // across 一级指标 and 二级指标, and down two rows: refused once, at A4 (line 4, column 1)
    const dir = await makeTempDir();
    await book.xlsx.writeFile(join(dir, "tree.xlsx"));
    const issues = await issuesOfPromise(readTreeFile(join(dir, "tree.xlsx"), "tree.xlsx"));
    expect(issues.map((issue) => [issue.code, formatIssue(issue)])).toEqual([
      [
        "E_LEVEL_MERGED",
        'tree.xlsx[指标体系]:4:1: cells A4:B5 are merged across level columns "一级指标", "二级指标", so one name stands for groups of several levels; expected one cell per level: the cells unmerged, and each level\'s group named in its own cell (a group with no groups under it named again in the next level\'s cell)',
      ],
    ]);
  });

  it("refuses a workbook header cell merged across columns, alone: not the level it leaves unnamed, and the rows unread", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("指标体系");
    sheet.addRow(["一级指标", "二级指标", "三级指标", "权重", "属性"]);
    sheet.addRow(["创新", "研发", "研发经费", 0.5, "正向"]);
    sheet.addRow(["创新", "研发", "研发人员", 0.5, "正向"]);
    // Excel keeps A1's text: B1 shows 一级指标 too, so the header read 一级指标, 一级指标, 三级指标 (no level 2).
    sheet.mergeCells("A1:B1");
    const dir = await makeTempDir();
    await book.xlsx.writeFile(join(dir, "tree.xlsx"));
    const issues = await issuesOfPromise(readTreeFile(join(dir, "tree.xlsx"), "tree.xlsx"));
    expect(issues.map((issue) => [issue.code, formatIssue(issue)])).toEqual([
      [
        "E_TREE_MERGED",
        'tree.xlsx[指标体系]:1:1: header cells A1:B1 are merged, so "一级指标" stands over 2 columns and the columns after its first have no name of their own; expected one header cell per column, each naming its column (such as 一级指标, 二级指标, 三级指标, 权重, 属性): the cells unmerged, and each column named in its own cell',
      ],
    ]);
  });

  it("refuses row cells merged across columns other than two levels' names at the range's first cell, not the problems of the cells it covers", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("指标体系");
    sheet.addRow(["一级指标", "二级指标", "三级指标", "权重", "属性"]);
    sheet.addRow(["创新", "研发", "研发经费", 0.5, "正向"]);
    sheet.addRow(["创新", "研发", "研发人员", 0.5, "正向"]);
    sheet.addRow(["产业", "利润", "利润率", null, "正向"]);
    sheet.addRow(["产业", "利润", "能耗", null, "逆向"]);
    sheet.mergeCells("A2:A3"); // down 一级指标: the group 创新, read as ever
    sheet.mergeCells("D2:E2"); // 权重 and 属性: E2 shows 0.5, which was read as the direction "0.5" (2:5)
    // 三级指标 and 权重 (one level's): D4 shows 利润率, which was read as the weight (4:4), beside 能耗's empty one (a mix
    // of given and empty weights, line 5), though both are empty as meant.
    sheet.mergeCells("C4:D4");
    const dir = await makeTempDir();
    await book.xlsx.writeFile(join(dir, "tree.xlsx"));
    const issues = await issuesOfPromise(readTreeFile(join(dir, "tree.xlsx"), "tree.xlsx"));
    expect(issues.map((issue) => [issue.code, formatIssue(issue)])).toEqual([
      [
        "E_TREE_MERGED",
        'tree.xlsx[指标体系]:2:4: cells D2:E2 are merged across columns "权重", "属性", so the text of the first is shown in the cells of the others; expected one cell per column, for each column of the table holds its own field: the cells unmerged, and each column\'s text in its own cell',
      ],
      [
        "E_TREE_MERGED",
        'tree.xlsx[指标体系]:4:3: cells C4:D4 are merged across columns "三级指标", "权重", so the text of the first is shown in the cells of the others; expected one cell per column, for each column of the table holds its own field: the cells unmerged, and each column\'s text in its own cell',
      ],
    ]);
  });

  it("checks no values against a tree refused for a range merged onto level names, and checks them against one refused for other merged cells", async () => {
    const tree = async (merge: string) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet("指标体系");
      sheet.addRow(["一级指标", "二级指标", "三级指标", "权重", "属性"]);
      sheet.addRow(["创新", "研发", "i1", 0.5, "正向"]);
      sheet.addRow(["创新", "研发", "i2", 0.5, "正向"]);
      sheet.mergeCells(merge);
      return new Uint8Array(await book.xlsx.writeBuffer());
    };
    const dir = await makeTempDir({
      "across-levels.xlsx": await tree("A2:C2"),
      "weight-direction.xlsx": await tree("D2:E2"),
      "v.csv": "unit,year,indicator,value\n常州,2020,i1,1\n常州,2020,i2,2\n常州,2021,i1,3\n常州,2021,i9,4\n",
    });
    // A2:C2 shows 创新 as the name of line 2's indicator, which i1 was: the values' i1 (lines 2 and 4) were told they
    // are unknown. Only i9 (line 5, column 3) is unknown to the tree as meant, and told so beside D2:E2.
    const acrossLevels = await issuesOfPromise(load({ indicators: join(dir, "across-levels.xlsx"), data: join(dir, "v.csv") }));
    expect(acrossLevels.map(({ code, source, line, column }) => [code, source, line, column])).toEqual([["E_LEVEL_MERGED", join(dir, "across-levels.xlsx") + "[指标体系]", 2, 1]]);
    const weightDirection = await issuesOfPromise(load({ indicators: join(dir, "weight-direction.xlsx"), data: join(dir, "v.csv") }));
    expect(weightDirection.map(({ code, source, line, column }) => [code, source, line, column])).toEqual([
      ["E_TREE_MERGED", join(dir, "weight-direction.xlsx") + "[指标体系]", 2, 4],
      ["E_UNKNOWN_INDICATOR", join(dir, "v.csv"), 5, 3],
    ]);
  });

  it("puts a made code's clash at the cell of the group it was made for, whether the group comes first or second", () => {
    // 创新投入 and 创新产出 have no codes: made D1 and D2 from their places (lines 2 and 4), the codes of indicators D1
    // and D2 (lines 2 and 3). Each is reported at its group's cell, column 1 (一级指标): on line 2 the group comes before
    // the indicator in the tree's order, on line 4 after it.
    const issues = issuesOf(() => parseTreeCsv("一级指标,二级指标,三级指标,权重,属性\n创新投入,研发,D1,0.5,正向\n,,D2,0.5,正向\n创新产出,专利,P1,0.5,正向\n,,P2,0.5,正向\n", "t.csv"));
    expect(issues.map((issue) => [issue.code, formatIssue(issue)])).toEqual([
      [
        "E_DUPLICATE_CODE",
        't.csv:2:1: group "创新投入" of column "一级指标", line 2, has no code, so it was given "D1", made from its place; but indicator "D1" of column "三级指标", line 2, has code "D1" too; expected codes for the groups of column "一级指标" (a column of their codes, such as 一级代码 or level1_code, or a code before each name, such as "A1 创新投入"), or another code for indicator "D1"',
      ],
      [
        "E_DUPLICATE_CODE",
        't.csv:4:1: group "创新产出" of column "一级指标", line 4, has no code, so it was given "D2", made from its place; but indicator "D2" of column "三级指标", line 3, has code "D2" too; expected codes for the groups of column "一级指标" (a column of their codes, such as 一级代码 or level1_code, or a code before each name, such as "A1 创新投入"), or another code for indicator "D2"',
      ],
    ]);
  });

  it("does not tell the children of two groups of one code that they mix weights: only their merging into one node mixes them", () => {
    // Level 1 has codes (A, A1), level 2 none: 研发, first under A, is made A1, the code of 产出, and 专利, first under
    // 产出, A1.1. As one node, A1 would have the children i1 and i2 (weights 0.5) and A1.1 (level 2 has no weights), a
    // mix neither group has. The duplicate code alone is reported, at 研发's cell (line 2, column 2).
    const issues = issuesOf(() => parseTreeCsv("一级指标,二级指标,三级指标,权重,属性\nA 投入,研发,i1,0.5,正向\n,,i2,0.5,正向\nA1 产出,专利,P1,0.5,正向\n,,P2,0.5,正向\n", "t.csv"));
    expect(issues.map((issue) => [issue.code, formatIssue(issue)])).toEqual([
      [
        "E_DUPLICATE_CODE",
        't.csv:2:2: group "研发" of column "二级指标", line 2, has no code, so it was given "A1", made from its place; but group "A1 产出" of column "一级指标", line 4, has code "A1" too; expected codes for the groups of column "二级指标" (a column of their codes, such as 二级代码 or level2_code, or a code before each name, such as "A1 创新投入"), or another code for group "A1 产出"',
      ],
    ]);
  });

  it("refuses a name without a code where most of its column has one", () => {
    const issues = issuesOf(() => parseTreeCsv("一级指标,二级指标,属性\nA 创新,A1 研发经费,+\n,A2 研发人员,+\n,专利,+\n", "t.csv"));
    expect(issues.map((issue) => [issue.code, formatIssue(issue)])).toEqual([["E_LEVEL_CODE_MISSING", `t.csv:4:2: ${treeLevelMessages.leadingCodeMissing("专利", "二级指标", "A1 研发经费")}`]]);
  });

  it("reports the tree's own problems at the cell they come from, a group's in its level's columns, with the rows' in one pass", () => {
    const issues = issuesOf(() =>
      parseTreeCsv(
        [
          "一级代码,一级指标,一级权重,二级代码,二级指标,权重,属性",
          "A,创新,abc,A1,研发经费,0.5,+",
          ",,,A2,研发人员,,上升",
          "B,产业,,B1,利润,,",
          ",,,A1,能耗,,-",
          "C,,0.2,C1,专利,-1,+",
        ].join("\n"),
        "t.csv",
      ),
    );
    expect(issues.map((issue) => [issue.code, formatIssue(issue)])).toEqual([
      // The first-level weights: A's "abc" (given, though no number) and C's 0.2 beside B's empty cell.
      ["E_DUPLICATE_CODE", `t.csv:5:4: ${messages.duplicateCode("A1", 2)}`],
      ["E_BAD_WEIGHT", `t.csv:2:3: ${messages.badWeight("A", "abc")}`],
      ["E_BAD_DIRECTION", `t.csv:3:7: ${messages.badDirection("A2", "上升")}`],
      ["E_MISSING_DIRECTION", `t.csv:4:7: ${messages.missingDirection("B1")}`],
      ["E_NEGATIVE_WEIGHT", `t.csv:6:6: ${messages.negativeWeight("C1", "-1")}`],
      ["E_MIXED_WEIGHTS", `t.csv:4: ${messages.mixedWeights("INDEX", ["A", "C"], ["B"])}`],
      ["E_MIXED_WEIGHTS", `t.csv:3: ${messages.mixedWeights("A", ["A1"], ["A2"], "创新")}`],
    ]);
    // A mixed-weights problem names the column of its level, as the header writes it.
    expect(issues.filter(({ code }) => code === "E_MIXED_WEIGHTS").map(({ column }) => column)).toEqual(["一级权重", "权重"]);
  });
});
