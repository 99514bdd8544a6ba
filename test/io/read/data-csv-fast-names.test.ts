/**
 * The fast path (`parsePanelFast`) on values files with a column of the indicators' names (`name`, `指标名称`, as
 * `template` writes them) or a measure column (`单位`, `计量单位`, `measure`): read there, into the panel the general
 * reader gives, with the same warnings (`W_NAME_MISMATCH` above all); a file whose measures the general reader refuses
 * is left to it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { accountingDashWarnings } from "../../../src/core/accounting-dashes.js";
import { messages } from "../../../src/core/messages.js";
import { buildPanel, type Panel } from "../../../src/core/panel.js";
import { percentMixWarnings } from "../../../src/core/percent-marks.js";
import { buildTree } from "../../../src/core/tree.js";
import type { Tree } from "../../../src/core/types.js";
import type { Issue } from "../../../src/errors.js";
import { formatCsv } from "../../../src/io/csv.js";
import { parseDataCsv } from "../../../src/io/read/data-csv.js";
import { parsePanelFast } from "../../../src/io/read/data-csv-fast.js";
import { nameMismatchWarnings } from "../../../src/io/read/indicator-names.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { measureIssues, treeMeasures } from "../../../src/io/read/measures.js";
import { formatTemplateCsv, templateRows, templateSeries } from "../../../src/io/write/template.js";
import { makeTempDir } from "../../helpers.js";

const SOURCE = "values.csv";
// Lines of tree.csv: 2 G, 3 A, 4 B, 5 C. A and B have measures, C none.
const TREE_CSV = "code,parent,name,weight,direction,unit\nG,,创新投入,,,\nA,G,研发经费,,+,万元\nB,G,专利数,,+,件\nC,G,Patent share,,+,\n";
const NAMES: Record<string, string> = { A: "研发经费", B: "专利数", C: "Patent share" };
const MEASURES: Record<string, string> = { A: "万元", B: "件", C: "" };

function tree(): Tree {
  const rows = [
    ["G", "", "创新投入", ""],
    ["A", "G", NAMES.A, MEASURES.A],
    ["B", "G", NAMES.B, MEASURES.B],
    ["C", "G", NAMES.C, MEASURES.C],
  ].map(([code, parent, name, measure], i) => ({ line: i + 2, code, parent, name, weight: "", direction: parent ? "+" : "", measure }));
  const built = buildTree(rows, "tree.csv");
  if (!built.ok) throw new Error("tree");
  return built.value;
}

/** The general way, as `loadInputs` takes it: csv-parse, records, the measures' check, buildPanel, the warnings of the records. */
function general(text: string): { panel: Panel; warnings: Issue[] } | undefined {
  const read = parseDataCsv(text, SOURCE, { measures: treeMeasures(tree()) });
  if (!read.ok || measureIssues(read.value, tree(), SOURCE).length > 0) return undefined;
  const panel = buildPanel(tree(), read.value, SOURCE);
  if (!panel.ok) return undefined;
  const records = read.value;
  return { panel: panel.value, warnings: [...percentMixWarnings(records, SOURCE), ...accountingDashWarnings(records, SOURCE), ...nameMismatchWarnings(records, tree(), SOURCE)] };
}

const fast = (text: string) => parsePanelFast(Buffer.from(text, "utf8"), tree(), undefined, SOURCE);

/** Both ways agree: the same panel and the same warnings, or both decline (`mayDecline`: the fast path may, alone). */
function agree(text: string, mayDecline = false): Panel | undefined {
  const expected = general(text);
  const quick = fast(text);
  if (!expected) {
    expect(quick).toBeUndefined();
    return undefined;
  }
  if (mayDecline && !quick) return undefined;
  expect(quick).toBeDefined();
  expect(quick!.units).toEqual(expected.panel.units);
  expect(quick!.years).toEqual(expected.panel.years);
  expect(quick!.indicators).toEqual(expected.panel.indicators);
  expect([...quick!.values]).toEqual([...expected.panel.values]);
  expect(quick!.warnings ?? []).toStrictEqual(expected.warnings);
  return quick;
}

/**
 * The long template for units 常州 and 无锡 and years 2017-2018, as `template --units` writes it in Chinese, filled in
 * with 1, 2, 3, ... in row order. Lines: 常州 2017 A B C on 2-4, 常州 2018 on 5-7, 无锡 2017 on 8-10, 无锡 2018 on 11-13.
 */
function filledTemplate(): string[][] {
  const rows = templateRows(templateSeries(tree(), new Map()), [2017, 2018], ["常州", "无锡"], "zh");
  return rows.map((row, r) => (r === 0 ? row : [...row.slice(0, 4), String(r)]));
}

describe("parsePanelFast on a values file with the indicators' names (as template writes it)", () => {
  it("reads the template's long layout (评价对象,年份,指标代码,指标名称,数值) and warns of names out of step as the general reader does", () => {
    const rows = filledTemplate();
    expect(rows[0]).toEqual(["评价对象", "年份", "指标代码", "指标名称", "数值"]);
    const text = formatTemplateCsv(rows);
    expect(agree(text)!.warnings).toBeUndefined();
    // 无锡's rows sorted by the name column only: A named 专利数 on lines 8 and 11, B named 研发经费 on 9 and 12.
    for (const line of [8, 11]) rows[line - 1][3] = NAMES.B;
    for (const line of [9, 12]) rows[line - 1][3] = NAMES.A;
    const panel = agree(formatTemplateCsv(rows))!;
    // One warning per indicator and name, at its first row, column 4, counting its 2 rows; the tree's A on line 3, B on 4.
    expect(panel.warnings).toEqual([
      { code: "W_NAME_MISMATCH", message: messages.nameMismatch("A", "专利数", "研发经费", "tree.csv:3", 2), source: SOURCE, line: 8, column: 4, id: "A" },
      { code: "W_NAME_MISMATCH", message: messages.nameMismatch("B", "研发经费", "专利数", "tree.csv:4", 2), source: SOURCE, line: 9, column: 4, id: "B" },
    ]);
  });

  it("takes a name written another way (full width, case, spaces, a measure in brackets) as the tree's, and an empty one as none", () => {
    const text = "unit,year,indicator,name,value\nU1,2017,A,研发经费（万元）,1\nU1,2017,B, 专利 数 ,2\nU1,2017,C,PATENT SHARE,3\nU1,2018,C,Ｐａｔｅｎｔ　ｓｈａｒｅ,4\nU1,2018,A,,5\n";
    expect(agree(text)!.warnings).toBeUndefined();
  });

  it("reads names quoted for a comma, and a name the formula guard wrote ('=x), as the general reader does", () => {
    // Line 2: "Patent share, total" (not C's name); line 3: '=A1 read as =A1 (not A's name).
    const text = 'unit,year,indicator,name,value\nU1,2017,C,"Patent share, total",1\nU1,2017,A,\'=A1,2\nU1,2017,B,专利数,3\n';
    expect(agree(text)!.warnings).toEqual([
      { code: "W_NAME_MISMATCH", message: messages.nameMismatch("C", "Patent share, total", "Patent share", "tree.csv:5", 1), source: SOURCE, line: 2, column: 4, id: "C" },
      { code: "W_NAME_MISMATCH", message: messages.nameMismatch("A", "=A1", "研发经费", "tree.csv:3", 1), source: SOURCE, line: 3, column: 4, id: "A" },
    ]);
  });

  it("gives no warning for a name column that names the units (unit,name,year,indicator,value), as the general reader", () => {
    // Each unit one display name for all three indicators; two units, two names: the column names the units.
    const text = "unit,name,year,indicator,value\nP1,高新区,2017,A,1\nP1,高新区,2017,B,2\nP1,高新区,2017,C,3\nP2,西太湖,2017,A,4\nP2,西太湖,2017,B,5\nP2,西太湖,2017,C,6\n";
    expect(agree(text)!.warnings).toBeUndefined();
    // With P2 named 高新区 too, two units share a name: it is compared, one warning per indicator (2 rows each).
    expect(agree(text.replaceAll("西太湖", "高新区"))!.warnings!.map(({ line, id }) => [line, id])).toEqual([
      [2, "A"],
      [3, "B"],
      [4, "C"],
    ]);
  });

  it("leaves a name with a Unicode space at an end to the general reader (csv-parse trims it before looking for the formula guard)", () => {
    const text = "unit,year,indicator,name,value\nU1,2017,A,\u3000研发经费,1\nU1,2017,B,专利数,2\nU1,2017,C,x,3\n";
    expect(fast(text)).toBeUndefined();
    expect(general(text)).toBeDefined();
  });

  it("without a unit column, leaves a cell given twice to the general reader when a column it does not read may name the units", () => {
    // Lines 2 and 3 both give 2017 A (the first empty): the general reader refuses the file (E_UNIT_COLUMN), as the
    // name or note column differs; before, the fast path read it as one unit.
    for (const text of ["year,indicator,name,value\n2017,A,x,\n2017,A,y,5\n2017,B,专利数,1\n2017,C,z,1\n", "year,indicator,value,note\n2017,A,,x\n2017,A,5,y\n2017,B,1,\n2017,C,1,\n"]) {
      expect(parseDataCsv(text, SOURCE).ok).toBe(false);
      expect(fast(text)).toBeUndefined();
    }
    // Without such a column, the empty cell repeated states nothing: both read 5 for A.
    expect([...agree("year,indicator,value\n2017,A,\n2017,A,5\n2017,B,1\n2017,C,1\n")!.values]).toEqual([5, 1, 1]);
  });
});

describe("parsePanelFast on a values file with a measure column", () => {
  it("reads measures that agree with the tree's (A 万元, B 件) and, where the tree gives none, with the first row's (C)", () => {
    for (const header of ["单位", "计量单位", "measure", "指标单位"]) {
      const text = `unit,year,indicator,value,${header}\nU1,2017,A,1,万元\nU1,2018,A,2, 万元 \nU1,2017,B,3,件\nU1,2018,B,4,\nU1,2017,C,5,%\nU1,2018,C,6,％\n`;
      expect(agree(text), header).toBeDefined();
    }
  });

  it("leaves a measure that is not the tree's, or that changes within an indicator, to the general reader, which refuses it", () => {
    const text = "unit,year,indicator,value,单位\nU1,2017,A,1,万元\nU1,2018,A,2,万元\nU1,2017,B,3,件\nU1,2017,C,5,%\nU1,2018,C,6,%\n";
    expect(agree(text)).toBeDefined();
    // A in 亿元 on line 3 (the tree says 万元); C in ‰ on line 6 (its first row said %); A in 乙区 for U2 (no measure).
    for (const changed of [text.replace("2018,A,2,万元", "2018,A,2,亿元"), text.replace("2018,C,6,%", "2018,C,6,‰"), text.replace("U1,2018,A,2,万元", "U2,2017,A,2,乙区")]) {
      expect(general(changed)).toBeUndefined();
      expect(fast(changed)).toBeUndefined();
    }
  });
});

describe("loadInputs on a filled-in template with a name column", () => {
  it("takes the fast path (records built only when asked) and gives the general reader's warning", async () => {
    const rows = filledTemplate();
    rows[7][3] = NAMES.B; // line 8: 无锡 2017 A named 专利数
    // The English template (unit,year,indicator,name,value) of 常州 in 2017, filled in with 1, 2, 3.
    const english = templateRows(templateSeries(tree(), new Map()), [2017], ["常州"], "en").map((row, r) => (r === 0 ? row : [...row.slice(0, 4), String(r)]));
    const dir = await makeTempDir({ "tree.csv": TREE_CSV, "values.csv": formatTemplateCsv(rows), "en.csv": formatCsv(english) });
    const loaded = await loadInputs(join(dir, "tree.csv"), join(dir, "values.csv"), { tree: "tree.csv", data: "values.csv" });
    // The fast path's records are a getter over the panel; the general reader's are data.
    expect(Object.getOwnPropertyDescriptor(loaded, "records")?.get).toBeTypeOf("function");
    expect(loaded.panel.units).toEqual(["常州", "无锡"]);
    // One row: line 8, column 4 (指标名称), against the tree's A (tree.csv:3).
    expect(loaded.panel.warnings).toEqual([{ code: "W_NAME_MISMATCH", message: messages.nameMismatch("A", "专利数", "研发经费", "tree.csv:3", 1), source: SOURCE, line: 8, column: 4, id: "A" }]);
    // The English template's header too; its names are the tree's, so no warning.
    const englishLoaded = await loadInputs(join(dir, "tree.csv"), join(dir, "en.csv"), { tree: "tree.csv", data: "en.csv" });
    expect(Object.getOwnPropertyDescriptor(englishLoaded, "records")?.get).toBeTypeOf("function");
    expect(englishLoaded.panel.warnings ?? []).toEqual([]);
  });
});

describe("parsePanelFast agrees with the general reader on random files with names and measures", () => {
  const units = ["U1", "U2", "东"];
  const displayName = (unit: string) => `园区${unit}`;
  // How a row writes its indicator's name: the tree's, another way that compares equal, another indicator's, none, ...
  const nameKinds = ["tree", "tree", "upper", "bracketed", "other", "empty", "unit", "guarded", "comma"] as const;
  const nameOf = (kind: (typeof nameKinds)[number], indicator: string, unit: string): string => {
    const other = { A: "B", B: "C", C: "A" }[indicator]!;
    return {
      tree: NAMES[indicator],
      upper: NAMES[indicator].toUpperCase().replace(" ", "  "),
      bracketed: `${NAMES[indicator]}(${MEASURES[indicator] || "%"})`,
      other: NAMES[other],
      empty: "",
      unit: displayName(unit),
      guarded: "'=X1",
      comma: '"Patent share, total"',
    }[kind];
  };
  // How a row writes its measure: the indicator's (C's: % or its full-width form), none, or another.
  const measureKinds = ["own", "own", "own", "fullWidth", "empty", "other"] as const;
  const measureOf = (kind: (typeof measureKinds)[number], indicator: string) =>
    ({ own: MEASURES[indicator] || "%", fullWidth: MEASURES[indicator] || "％", empty: "", other: "亿元" })[kind];
  const cell = fc.oneof(fc.integer({ min: -999, max: 9999 }).map(String), fc.constantFrom("", "NA", "12%", "1.5"));
  const row = fc.record({
    unit: fc.constantFrom(...units),
    year: fc.constantFrom(2016, 2017),
    indicator: fc.constantFrom("A", "B", "C"),
    value: cell,
    name: fc.constantFrom(...nameKinds),
    measure: fc.constantFrom(...measureKinds),
  });
  type Row = { unit: string; year: number; indicator: string; value: string; name: (typeof nameKinds)[number]; measure: (typeof measureKinds)[number] };
  const layouts = [
    { header: ["unit", "year", "indicator", "name", "value"], hasUnit: true },
    { header: ["评价对象", "年份", "指标代码", "指标名称", "数值"], hasUnit: true },
    { header: ["unit", "name", "year", "indicator", "value", "单位"], hasUnit: true },
    { header: ["unit", "year", "indicator", "value", "计量单位"], hasUnit: true },
    { header: ["year", "indicator", "name", "value", "measure"], hasUnit: false },
  ];

  it("gives the same panel and warnings, or declines with it; takes every file it accepts when it has a unit column", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.constantFrom(...layouts.keys()),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("\n", "\r\n"),
        (rows, layoutIndex, unitNamed, agreeing, newline) => {
          const layout = layouts[layoutIndex];
          // A file whose names are all its units' display names (a column naming the units), or whose measures all agree.
          const field = (r: Row, column: string): string => {
            if (["unit", "评价对象"].includes(column)) return r.unit;
            if (["year", "年份"].includes(column)) return String(r.year);
            if (["indicator", "指标代码"].includes(column)) return r.indicator;
            if (["value", "数值"].includes(column)) return r.value;
            if (["name", "指标名称"].includes(column)) return nameOf(unitNamed ? "unit" : r.name, r.indicator, r.unit);
            return measureOf(agreeing && r.measure === "other" ? "own" : r.measure, r.indicator);
          };
          const lines = rows.map((r) => layout.header.map((column) => field(r, column)).join(","));
          // One value of each indicator in a year of its own, so that most files give a panel.
          const own = (indicator: string) => layout.header.map((column) => field({ unit: "U1", year: 1999, indicator, value: "1", name: "tree", measure: "own" }, column)).join(",");
          const text = [layout.header.join(","), ...lines, own("A"), own("B"), own("C")].join(newline) + newline;
          agree(text, !layout.hasUnit);
        },
      ),
      { numRuns: 400 },
    );
  });
});
