import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPanel, type Panel } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import type { Tree } from "../../../src/core/types.js";
import { parseDataCsv } from "../../../src/io/read/data-csv.js";
import { parsePanelFast, readNumber } from "../../../src/io/read/data-csv-fast.js";
import { parseNumber, type DecimalMark } from "../../../src/core/number.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { percentMixWarnings } from "../../../src/core/percent-marks.js";
import { thousandsSplitWarnings } from "../../../src/core/thousands-split.js";
import iconv from "iconv-lite";
import { join } from "node:path";
import { makeTempDir } from "../../helpers.js";

function tree(): Tree {
  const rows = [
    ["G", "", "", ""],
    ["A", "G", "", "+"],
    ["B", "G", "", "-"],
    ["C", "G", "", "+"],
  ].map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction }));
  const built = buildTree(rows);
  if (!built.ok) throw new Error("tree");
  return built.value;
}

/** The general way: csv-parse, records, buildPanel. */
function generalPanel(text: string, decimal?: DecimalMark): Panel | undefined {
  const records = parseDataCsv(text, "values.csv", { decimal });
  if (!records.ok) return undefined;
  const panel = buildPanel(tree(), records.value);
  return panel.ok ? panel.value : undefined;
}

const fast = (text: string, decimal?: DecimalMark) => parsePanelFast(Buffer.from(text, "utf8"), tree(), decimal);

const same = (a: Panel, b: Panel) => {
  expect(a.units).toEqual(b.units);
  expect(a.years).toEqual(b.years);
  expect(a.indicators).toEqual(b.indicators);
  expect([...a.values]).toEqual([...b.values]); // toEqual tells NaN from NaN, and 0 from -0
};

describe("parsePanelFast (the fast path for large long-layout CSV files)", () => {
  it("reads a plain file into the same panel as the general reader", () => {
    const text = "\ufeffunit,year,indicator,value\r\n北京,2018,A,1.5\r\n北京,2017,A,2\r\n上海,2017,A,-0.25\r\n北京,2017,B,1e3\r\n北京,2018,B,1,234.5%\r\n上海,2018,C, 7 \r\n\r\n,,,\r\n上海,2017,B,NA\r\n上海,2017,C,.5\r\n";
    // "1,234.5%" splits into two fields here, so this file is not plain: it goes the general way (undefined).
    expect(fast(text)).toBeUndefined();
    const plain = text.replace("1,234.5%", "1234.5%");
    const panel = fast(plain)!;
    expect(panel).toBeDefined();
    same(panel, generalPanel(plain)!);
    expect(panel.units).toEqual(["北京", "上海"]);
    expect(panel.years).toEqual([2017, 2018]);
  });

  it("marks a series mixing percentages with plain numbers as the general reader does (one warning, same place)", () => {
    // A: 1.96% (line 2), 2.5 ％ (full-width, line 3) and 0.0245 (line 4); B all plain; C all marked.
    const text = "unit,year,indicator,value\nU,2017,A,1.96%\nU,2018,A,2.5 ％\nU,2019,A,0.0245\nU,2017,B,1\nU,2017,C,3%\nU,2018,C,4%\n";
    const panel = parsePanelFast(Buffer.from(text, "utf8"), tree(), undefined, "values.csv")!;
    expect(panel).toBeDefined();
    const records = parseDataCsv(text, "values.csv");
    if (!records.ok) throw new Error("records");
    expect(panel.warnings).toEqual(percentMixWarnings(records.value, "values.csv"));
    expect(panel.warnings!.map(({ code, line, id }) => ({ code, line, id }))).toEqual([{ code: "W_PERCENT_MIXED", line: 4, id: "A" }]);
    expect(fast(text.replace("0.0245", "2.45%"))!.warnings).toBeUndefined();
  });

  it("leaves a row with a cell under a header column without a name to the general reader, which warns of 1,960 split there", () => {
    // "unit,year,indicator,value,": the 5th column has no name. Every row's value written 1,960 and the like: a cell
    // there goes the general way, whose W_THOUSANDS_SPLIT names 1960 at 2:4 (every row split: none usual); an empty
    // cell there (every row's trailing comma) stays fast.
    const split = "unit,year,indicator,value,\nU,2017,A,1,960\nU,2017,B,2,120\nU,2017,C,3,333\n";
    expect(fast(split)).toBeUndefined();
    const records = parseDataCsv(split, "values.csv");
    if (!records.ok) throw new Error("records");
    expect(thousandsSplitWarnings(records.value, "values.csv").map(({ code, line, column }) => [code, line, column])).toEqual([["W_THOUSANDS_SPLIT", 2, 4]]);
    const trailing = "unit,year,indicator,value,\nU,2017,A,1,\nU,2017,B,2,\nU,2017,C,3,\n";
    same(fast(trailing)!, generalPanel(trailing)!);
  });

  it("leaves a row with an empty unit cell (a unit merged down in Excel, saved to CSV) to the general reader, which refuses it", () => {
    const text = "unit,year,indicator,value\nU1,2017,A,1\n,2018,A,2\nU1,2017,B,3\nU1,2017,C,4\n";
    expect(fast(text)).toBeUndefined();
    const records = parseDataCsv(text, "values.csv");
    expect(!records.ok && records.issues.map((issue) => [issue.code, issue.line])).toEqual([["E_EMPTY_UNIT", 3]]);
  });

  it("reads a year written with zero decimals (2018.0, a float year column) as the general reader does", () => {
    const text = "unit,year,indicator,value\nU1,2017.0,A,1\nU1,2018.00,A,2\nU1,2017,B,3\nU1,2017,C,4\n";
    const panel = fast(text)!;
    expect(panel).toBeDefined();
    expect(panel.years).toEqual([2017, 2018]);
    same(panel, generalPanel(text)!);
  });

  it("leaves a year with a leading zero (0217) to the general reader, which refuses it, instead of putting its value in the first year", () => {
    const text = "unit,year,indicator,value\nU1,2017,A,1\nU1,2018,A,2\nU1,0217,B,1\nU1,2018,B,3\nU1,2017,C,4\n";
    expect(fast(text)).toBeUndefined();
    expect(generalPanel(text)).toBeUndefined();
  });

  it("reads names the formula guard wrote ('=U1, as import-coinr and the templates write them) as the general reader does", () => {
    // '=U1 is the guarded =U1; ''x is the guarded 'x... only when x would be guarded: 'abc stays 'abc (csv.ts's rule).
    const text = "unit,year,indicator,value\n'=U1,2017,A,1\n'=U1,2017,B,2\n'=U1,2017,C,3\n'abc,2017,A,4\n'abc,2017,B,5\n'abc,2017,C,6\n";
    const panel = fast(text)!;
    expect(panel).toBeDefined();
    expect(panel.units).toEqual(["=U1", "'abc"]);
    same(panel, generalPanel(text)!);
  });

  it.each([
    ["a doubled quote in a cell", 'unit,year,indicator,value\n"U""1",2017,A,1\nU1,2017,B,1\nU1,2017,C,1\n'],
    ["the wide layout", "indicator,2017,2018\nA,1,2\nB,1,2\nC,1,2\n"],
    // The general reader refuses its 21年 column (data-csv.test.ts): the fast one must not read 2017-2018 alone.
    ["a wide file with a 21年 column", "指标代码,指标名称,2017,2018,21年\nA,a,1,2,3\nB,b,1,2,3\nC,c,1,2,3\n"],
    ["a wrong field count", "unit,year,indicator,value\nU1,2017,A\nU1,2017,B,1\nU1,2017,C,1\n"],
    ["an unknown indicator", "unit,year,indicator,value\nU1,2017,Z,1\nU1,2017,A,1\nU1,2017,B,1\nU1,2017,C,1\n"],
    ["a group given a value", "unit,year,indicator,value\nU1,2017,G,1\nU1,2017,A,1\nU1,2017,B,1\nU1,2017,C,1\n"],
    ["a duplicate", "unit,year,indicator,value\nU1,2017,A,1\nU1,2017,A,2\nU1,2017,B,1\nU1,2017,C,1\n"],
    ["a bad number", "unit,year,indicator,value\nU1,2017,A,1x\nU1,2017,B,1\nU1,2017,C,1\n"],
    ["a bad year", "unit,year,indicator,value\nU1,17,A,1\nU1,2017,B,1\nU1,2017,C,1\n"],
    ["an indicator without values", "unit,year,indicator,value\nU1,2017,A,1\nU1,2017,B,1\n"],
    ["a unit name ending in a Unicode space", "unit,year,indicator,value\nU1\u3000,2017,A,1\nU1,2017,B,1\nU1,2017,C,1\n"],
    ["text that is not UTF-8", Buffer.from([0x75, 0x6e, 0x69, 0x74, 0xff]).toString("latin1")],
  ])("returns undefined for %s, leaving it to the general reader", (_, text) => {
    const bytes = _ === "text that is not UTF-8" ? Buffer.from([0x75, 0x2c, 0xff, 0x0a]) : Buffer.from(text, "utf8");
    expect(parsePanelFast(bytes, tree())).toBeUndefined();
  });

  it("reads without a unit column as one unnamed unit, and semicolon-separated files with --decimal .", () => {
    const text = "year;indicator;value\n2017;A;1\n2017;B;2\n2017;C;3\n";
    same(fast(text, ".")!, generalPanel(text, ".")!);
    expect(fast(text, ".")!.units).toEqual([""]);
  });

  it("leaves files with a decimal comma (semicolon-separated, or --decimal ,) to the general reader", () => {
    const text = "unit;year;indicator;value\nU;2017;A;1,5\nU;2017;B;2\nU;2017;C;3\n";
    expect(fast(text)).toBeUndefined();
    expect(fast(text.replace(/;/g, ",").replace("1,5", "4"), ",")).toBeUndefined();
    // 1,5 with a decimal comma is one and a half (not 15, not 1500)
    expect(generalPanel(text)!.values[0]).toBe(1.5);
  });

  it("agrees with the general reader on random semicolon-separated files, whatever the decimal mark", () => {
    const cell = fc.oneof(
      fc.integer({ min: -99999, max: 99999 }).map(String),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${b}`),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a},${b}`),
      fc.constantFrom("", "NA", "1.234,5", "1.234", "12%", "1,5%"),
    );
    const row = fc.tuple(fc.constantFrom("U1", "U2", "东"), fc.constantFrom(2016, 2017), fc.constantFrom("A", "B", "C"), cell);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.constantFrom<DecimalMark | undefined>(undefined, ".", ","), (rows, decimal) => {
        const text = ["unit;year;indicator;value", ...rows.map((r) => r.join(";"))].join("\n") + "\n";
        const general = generalPanel(text, decimal);
        const quick = fast(text, decimal);
        if (general === undefined || decimal !== ".") expect(quick).toBeUndefined();
        else if (quick !== undefined) same(quick, general);
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with the general reader on random plain files", () => {
    const cell = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map(String),
      fc.integer({ min: -99999, max: 99999 }).map(String),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 999999 })).map(([a, b]) => `${a}.${b}`),
      fc.constantFrom("", "NA", "-", "12%", "１２", " 3.5 ", "1e-3", "+4", "-0", "0.1234567890123456789", "7."),
    );
    const row = fc.tuple(fc.constantFrom("U1", "U2", "东", "U 3"), fc.constantFrom(2015, 2016, 2017), fc.constantFrom("A", "B", "C"), cell);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom("\n", "\r\n"), (rows, newline) => {
        const text = ["unit,year,indicator,value", ...rows.map((r) => r.join(","))].join(newline) + newline;
        const general = generalPanel(text);
        const quick = fast(text);
        if (general === undefined) expect(quick).toBeUndefined();
        else if (quick !== undefined) same(quick, general);
        // (quick may decline a file the general reader accepts, never the other way round)
        if (!general) return;
        // Every file here is plain when the general reader accepts it, so the fast path must take it.
        expect(quick).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe("parsePanelFast on quoted fields (as Excel writes cells holding a comma)", () => {
  it("reads whole quoted fields on one line as the general reader does", () => {
    const text = 'unit,year,indicator,value\n"Korea, Republic of",2017,A,"1,234"\nKorea,2017,A, "5" \n"Korea",2018,A,""\n"Korea",2018,"B","12%"\nKorea,2018,C,1\n';
    same(fast(text)!, generalPanel(text)!);
    // "Korea" quoted and unquoted is one unit; "1,234" is 1234, "12%" is 12 (the number rule), "" is missing
    expect(fast(text)!.units).toEqual(["Korea, Republic of", "Korea"]);
  });

  it("leaves doubled quotes, quotes inside a field, spaces inside the quotes and fields over two lines to the general reader", () => {
    for (const row of ['"a""b",2017,A,1', 'a"b,2017,A,1', 'U1,2017,A," 1"', '"U\n1",2017,A,1', 'U1,2017,A,"1'])
      expect(fast(`unit,year,indicator,value\n${row}\n`), row).toBeUndefined();
    expect(fast('"unit",year,indicator,value\nU1,2017,A,1\n')).toBeUndefined(); // a quoted header
  });

  it("agrees with the general reader on random files with quoted fields, and takes every one without doubled quotes or inner spaces", () => {
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const cell = fc.oneof(
      fc.integer({ min: -99999, max: 99999 }).map(String),
      fc.constantFrom("1,234", "12,345.5", "12%", "NA", "", "1.5", "１２"),
    );
    const simple = fc.tuple(fc.constantFrom("U1", "U,2", "东 西", "U1"), fc.constantFrom(2016, 2017), fc.constantFrom("A", "B", "C"), cell);
    const spaced = (field: string) => fc.constantFrom(field, ` ${field}`, `${field} `, `\t${field}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(simple, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 25 }),
        fc.constantFrom("\n", "\r\n"),
        (rows, newline) => {
          // a field with a comma must be quoted; any other may be
          const lines = rows.map(([fields, quoted]) => fields.map((field, i) => (quoted[i] || /,/.test(String(field)) ? quote(String(field)) : String(field))).join(","));
          // one value each for B and C in a year of their own, so that most files give a panel
          const text = ["unit,year,indicator,value", ...lines, "U1,1999,B,1", '"U,2",1999,"C",2'].join(newline) + newline;
          const general = generalPanel(text);
          const quick = fast(text);
          if (!general) expect(quick).toBeUndefined();
          else {
            expect(quick).toBeDefined();
            same(quick!, general);
          }
        },
      ),
      { numRuns: 300 },
    );
    // With spaces around the quotes, doubled quotes or spaces inside: the fast path may decline, never disagree.
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(fc.constantFrom('"U1"', '"U""1"', '" U1"', "U2"), fc.integer({ min: 2000, max: 2019 }).chain((year) => fc.constantFrom(`${year}`, `"${year}"`)), fc.constantFrom('"1,5"', '" 2"', "3", '"4" ')),
          { minLength: 1, maxLength: 6, selector: ([unit, year]) => `${unit.replace(/"/g, "")}|${year.replace(/"/g, "")}` },
        ).chain((rows) => fc.tuple(...rows.map((fields) => fc.tuple(...fields.map(spaced))))),
        (rows) => {
          // every row for indicator A (no duplicates), and one value each for B and C
          const lines = rows.map(([unit, year, value]) => [unit, year, "A", value].join(","));
          const text = ["unit,year,indicator,value", ...lines, "U2,1999,B,1", "U2,1999,C,1"].join("\n") + "\n";
          const general = generalPanel(text);
          const quick = fast(text);
          if (!general) expect(quick).toBeUndefined();
          else if (quick) same(quick, general);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("parsePanelFast and a number split at its thousands separator by an unquoted comma (W_THOUSANDS_SPLIT)", () => {
  // Line 3 has 6 fields for the header's 5 (a trailing comma): B = 1, its note 234, where 1,234 was meant.
  const NOTED = "unit,year,indicator,value,note\nU1,2017,A,5,ok\nU1,2017,B,1,234,\nU1,2017,C,7,\n";
  /** The general way's panel of values.csv, with its lines and columns (`generalPanel` keeps none). */
  const generalOf = (text: string) => {
    const records = parseDataCsv(text, "values.csv");
    const built = records.ok ? buildPanel(tree(), records.value, "values.csv") : undefined;
    return built?.ok ? built.value : undefined;
  };

  it("leaves such a file to the general reader, which warns of it; a note column without one is read here, into the same panel", async () => {
    // Line 3: B = 1, its note 234 (1,234 not quoted, a field too many): the fast way declines any row with more fields
    // than the header, and the general way marks this one.
    expect(fast(NOTED)).toBeUndefined();
    const dir = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction\nG,,G,,\nA,G,A,,+\nB,G,B,,-\nC,G,C,,+\n", "values.csv": NOTED });
    const file = join(dir, "values.csv");
    const { panel } = await loadInputs(join(dir, "tree.csv"), file);
    // Read as written (B is 1), with the warning at line 3, column 4 (the value).
    expect([...panel.values]).toEqual([5, 1, 7]);
    expect((panel.warnings ?? []).map(({ code, source, line, column }) => ({ code, source, line, column }))).toEqual([{ code: "W_THOUSANDS_SPLIT", source: file, line: 3, column: 4 }]);
    // The row as long as its header (no trailing comma), whatever its note: no split, the fast way; the same panel, the
    // unit column (the 1st) kept by both.
    for (const note of ["234", "2345", "checked"]) {
      const text = NOTED.replace("1,234,", `1,${note}`);
      const records = parseDataCsv(text, "values.csv");
      expect(records.ok && thousandsSplitWarnings(records.value, "values.csv"), note).toEqual([]);
      const quick = fast(text)!;
      expect(quick, note).toBeDefined();
      same(quick, generalOf(text)!);
      expect([quick.unitColumn, generalOf(text)!.unitColumn]).toEqual([1, 1]);
    }
  });

  it("leaves a file whose every row ends with a comma to the general reader, which warns only of a row with more to spare, file by file in a folder", async () => {
    // a.csv: every row ends with a comma (6 fields for 5). Lines 2 (5, ok) and 4 (7, "") hold no split number, so 1
    // spare field is usual: line 3 is B = 1, its note 234, as written. Line 5 has 7 fields, 2 to spare: C = 3 where
    // 3,456 was meant. b.csv: lines 2 and 4 as long as the header (5 fields), so line 3's one spare field is a split.
    const a = "unit,year,indicator,value,note\nU1,2017,A,5,ok,\nU1,2017,B,1,234,\nU1,2017,C,7,,\nU1,2019,C,3,456,,\n";
    const b = "unit,year,indicator,value,note\nU1,2018,A,6,ok\nU1,2018,B,2,345,\nU1,2018,C,8\n";
    expect([fast(a), fast(b)]).toEqual([undefined, undefined]);
    const dir = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction\nG,,G,,\nA,G,A,,+\nB,G,B,,-\nC,G,C,,+\n", "values/a.csv": a, "values/b.csv": b });
    const { panel } = await loadInputs(join(dir, "tree.csv"), join(dir, "values"));
    const warnings = (panel.warnings ?? []).filter(({ code }) => code === "W_THOUSANDS_SPLIT");
    // One warning per file: a.csv's at line 5 (3,456 = 3456), b.csv's at line 3 (2,345 = 2345), each counting one cell.
    expect(warnings.map(({ source, line, column, message }) => [source, line, column, /where (\S+) was probably meant/.exec(message)?.[1], message.includes("value cells of this file")])).toEqual([
      [join(dir, "values", "a.csv"), 5, 4, "3456", false],
      [join(dir, "values", "b.csv"), 3, 4, "2345", false],
    ]);
    // Without line 5, a.csv alone warns of nothing.
    const only = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction\nG,,G,,\nA,G,A,,+\nB,G,B,,-\nC,G,C,,+\n", "values.csv": a.replace("U1,2019,C,3,456,,\n", "") });
    const alone = await loadInputs(join(only, "tree.csv"), join(only, "values.csv"));
    expect((alone.panel.warnings ?? []).map(({ code }) => code)).toEqual([]);
    expect([...alone.panel.values]).toEqual([5, 1, 7]);
  });

  it("agrees with the general reader on random files with a note column: declines every file it marks, reads the others alike", () => {
    const value = fc.constantFrom("1", "-12", "0", "1234", "5.5", "", "NA", "999");
    const note = fc.constantFrom("234", "234.5", "2345", "23", "", "ok", "000");
    const row = fc.tuple(fc.constantFrom("U1", "U2"), fc.constantFrom(2016, 2017), fc.constantFrom("A", "B", "C"), value, note);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, trailingComma) => {
        // one value each for A, B and C in a year of their own, so that most files give a panel
        const lines = [...rows.map((cells) => cells.join(",") + (trailingComma ? "," : "")), "U1,1999,A,1,", "U1,1999,B,1,", "U1,1999,C,1,"];
        const text = ["unit,year,indicator,value,note", ...lines].join("\n") + "\n";
        const records = parseDataCsv(text, "values.csv");
        const general = generalOf(text);
        const quick = fast(text);
        // Rows as long as the header (no trailing comma) never warn; rows longer are the general way's.
        if (!trailingComma) expect(records.ok && thousandsSplitWarnings(records.value, "values.csv")).toEqual(records.ok ? [] : false);
        if (!general) expect(quick).toBeUndefined();
        else if (records.ok && thousandsSplitWarnings(records.value, "values.csv").length > 0) expect(quick).toBeUndefined();
        else if (quick) {
          same(quick, general);
          expect(quick.unitColumn).toBe(general.unitColumn);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("loadInputs on a GBK values file (as Excel on Chinese Windows saves it)", () => {
  it("reads it the fast way, as its UTF-8 re-encoding, into the panel its UTF-8 twin gives", async () => {
    const text = "地区,年份,指标,数值\n常州,2017,A,10\n常州,2018,A,12.5\n常州,2017,B,50%\n常州,2018,B,１０５０\n无锡,2017,C,—\n无锡,2018,C,3\n";
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nG,,G,,\nA,G,A,,+\nB,G,B,,-\nC,G,C,,+\n",
      "gbk.csv": iconv.encode(text, "gbk"),
      "utf8.csv": text,
    });
    const gbk = await loadInputs(join(dir, "tree.csv"), join(dir, "gbk.csv"));
    const utf8 = await loadInputs(join(dir, "tree.csv"), join(dir, "utf8.csv"));
    same(gbk.panel, utf8.panel);
    // units in order of appearance; B 2017 "50%" is 50, 2018 full-width １０５０ is 1050; C 2017 "—" is missing
    expect(gbk.panel.units).toEqual(["常州", "无锡"]);
    expect([...gbk.panel.values]).toEqual([10, 12.5, Number.NaN, Number.NaN, 50, 1050, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, 3]);
    // The fast path builds the records only when asked (a getter); the general one has them as data.
    expect(Object.getOwnPropertyDescriptor(gbk, "records")?.get).toBeTypeOf("function");
  });
});

describe("readNumber(bytes) (the number rule on bytes)", () => {
  it.each(["0", "-0", "1", "16.1885", "0.887213779453269", "390.799991147468", ".5", "5.", "+4", "-12.25", "123456789012345", "1234567890123456", "1e5", "1.96%", "1,234.5", "NA", "", "abc", "1.2.3", "１２"])(
    "readNumber(%j) equals parseNumber",
    (text) => {
      const bytes = Buffer.from(text, "utf8");
      const expected = parseNumber(text);
      const found = readNumber(bytes, 0, bytes.length);
      if (expected === undefined) expect(found).toBeUndefined();
      else expect(Object.is(found, expected)).toBe(true);
    },
  );
});
