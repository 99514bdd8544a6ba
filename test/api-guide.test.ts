/**
 * The facade as docs/guides/library.md shows it: the types admit what the calls take (an encoding by any name
 * `--encoding` takes, a panel of plain numbers with `null`; `npm run typecheck` checks this file, so a call the guide
 * writes that the types refuse fails it), a `.sql` query read against `cwd` from any current folder, an option given by
 * the command line's name or another word named by the option it stands for, and an empty path named as such.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildPanel, buildTree, compute, load, messageOf, report, uncertainty, type EncodingName } from "../src/index.js";
import { INDEX_OPTION_NAMES } from "../src/api.js";
import { parseEncoding } from "../src/io/read/read-text.js";
import { makeTempDir, rejection } from "./helpers.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FILES = { indicators: "indicators/changzhou-2020.csv", data: "data/changzhou/values.csv", cwd: ROOT };

/** The tree and panel of library.md's example: one indicator A1 of group A, unit zone, 40 in 2017 and 50 in 2018. */
function guideInputs() {
  const tree = buildTree([
    { line: 2, code: "A", parent: "", name: "A", weight: "", direction: "" },
    { line: 3, code: "A1", parent: "A", name: "patents", weight: "", direction: "+" },
  ]);
  if (!tree.ok) throw new Error("the guide's tree is refused");
  const panel = buildPanel(tree.value, [
    { unit: "zone", year: 2017, indicator: "A1", value: 40 },
    { unit: "zone", year: 2018, indicator: "A1", value: 50 },
  ]);
  if (!panel.ok) throw new Error("the guide's panel is refused");
  return { tree: tree.value, panel: panel.value };
}

describe("the facade's types admit what its calls take", () => {
  it("load takes an encoding by every name --encoding takes, in lower or upper case, and its type refuses another", async () => {
    // Every name of EncodingName: the list is checked complete against the type, and each name is read at run time.
    const names = ["auto", "utf-8", "gb18030", "gbk", "utf8", "gb2312", "cp936", "windows-936", "AUTO", "UTF-8", "GB18030", "GBK", "UTF8", "GB2312", "CP936", "WINDOWS-936"] as const satisfies readonly EncodingName[];
    const complete: [Exclude<EncodingName, (typeof names)[number]>] extends [never] ? true : false = true;
    expect(complete).toBe(true);
    expect(names.map((name) => parseEncoding(name))).toEqual([
      ...["auto", "utf-8", "gb18030", "gbk", "utf-8", "gbk", "gbk", "gbk"],
      ...["auto", "utf-8", "gb18030", "gbk", "utf-8", "gbk", "gbk", "gbk"],
    ]);
    // As library.md writes it, without a cast. Told GBK, the shipped example's UTF-8 files still read as UTF-8, which
    // they can only be (decodeText): the same values.
    const told = await load({ ...FILES, encoding: "GBK" });
    expect(told.panel.values).toEqual((await load(FILES)).panel.values);
    expect(told.panel.values.length).toBe(160);
    // @ts-expect-error latin1 is no encoding the tool reads: refused by the type, and at run time
    expect(await rejection(() => load({ ...FILES, encoding: "latin1" }))).toEqual([
      { code: "E_BAD_OPTION", column: "encoding", message: 'option encoding is "latin1"; expected one of: auto, utf-8, gb18030, gbk' },
    ]);
  });

  it("compute and uncertainty take a panel whose values are a plain array, null for a missing value, as a Float64Array of NaN", async () => {
    const { tree, panel } = guideInputs();
    // library.md: INDEX, A and A1 are 100 and 125 each (50 / 40 = 1.25 against the base year 2017).
    expect([...(await compute({ tree, panel: { ...panel, values: [40, 50] } })).values]).toEqual([100, 125, 100, 125, 100, 125]);
    const withNull = await compute({ tree, panel: { ...panel, values: [40, null] } }, { missing: "carry-forward" });
    const withNaN = await compute({ tree, panel: { ...panel, values: Float64Array.from([40, Number.NaN]) } }, { missing: "carry-forward" });
    // 2018 carries 2017's 40 forward: 100 in both years, the gap noted once.
    expect([...withNull.values]).toEqual([100, 100, 100, 100, 100, 100]);
    expect([...withNull.values]).toEqual([...withNaN.values]);
    expect(withNull.imputations).toHaveLength(1);
    const spread = await uncertainty({ tree, panel: { ...panel, values: [40, 50] } }, { weightNoise: 0.2, replications: 8 });
    expect(spread.units).toEqual(["zone"]);
    // @ts-expect-error another typed array is refused: by the type, and at run time
    expect((await rejection(() => compute({ tree, panel: { ...panel, values: new Int32Array([40, 50]) } })))[0].column).toBe("panel.values");
  });

  it("a panel whose years (or units) are a typed array or missing is refused naming the field, not the whole argument", async () => {
    const { tree, panel } = guideInputs();
    // @ts-expect-error years as an Int32Array: refused by the type, and at run time naming panel.years
    const years = await rejection(() => compute({ tree, panel: { ...panel, years: Int32Array.from(panel.years) } }));
    expect(years.map((issue) => issue.column)).toEqual(["panel.years"]);
    // The guide's panel has 2 years (2017, 2018); "Int32Array" is read "int", so "an".
    expect(years[0].message).toBe("option panel.years is an Int32Array of 2 values; expected a list (an Array) of whole-number years (Array.from(panel.years) makes one of a typed array)");
    // A Set of units: Array.from makes a list of it too, and the hint says so of a Set.
    // @ts-expect-error units as a Set
    const [units] = await rejection(() => compute({ tree, panel: { ...panel, units: new Set(panel.units) } }));
    expect(units.message).toBe("option panel.units is a Set of 1 item; expected a list (an Array) of the units' names (Array.from(panel.units) makes one of a Set)");
    const { units: _units, ...withoutUnits } = panel;
    // @ts-expect-error no units at all, and values as an object: both fields named, in one pass
    const both = await rejection(() => compute({ tree, panel: { ...withoutUnits, values: { 0: 40 } } }));
    expect(both.map((issue) => issue.column)).toEqual(["panel.units", "panel.values"]);
    // Missing units: nothing Array.from could make a list of, so no hint.
    expect(both[0].message).toBe("option panel.units is undefined; expected a list (an Array) of the units' names");
    // Years as a text: Array.from would list its letters, so no hint either.
    // @ts-expect-error years as a text
    const [text] = await rejection(() => compute({ tree, panel: { ...panel, years: "2017,2018" } }));
    expect(text.message).toBe('option panel.years is "2017,2018"; expected a list (an Array) of whole-number years');
  });
});

describe("the facade reads a .sql query's relative paths against cwd, whatever the process's current folder", () => {
  it("from another current folder (holding a file of the same name, unread), and against queryRoot, relative to cwd; the sandbox still holds", async () => {
    const values = "unit,year,indicator,value\nzone,2017,A1,40\nzone,2018,A1,50\n";
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nA,,A,,\nA1,A,patents,,+\n",
      "vals.csv": values,
      "q.sql": "SELECT unit, year, indicator, value FROM read_csv('vals.csv')\n",
      // Relative to cwd, as the command line run in that folder reads it, not to the query's own folder.
      "queries/q.sql": "SELECT unit, year, indicator, value FROM read_csv('vals.csv')\n",
      "queries/up.sql": "SELECT unit, year, indicator, value FROM read_csv('../vals.csv')\n",
      "queries/vals.csv": "unit,year,indicator,value\nzone,2017,A1,10\nzone,2018,A1,30\n",
    });
    const elsewhere = await makeTempDir({ "vals.csv": "unit,year,indicator,value\nother,2017,A1,1\nother,2018,A1,1\n" });
    const started = process.cwd();
    process.chdir(elsewhere);
    try {
      const inputs = await load({ indicators: "tree.csv", data: "q.sql", cwd: dir });
      expect(inputs.panel.units).toEqual(["zone"]);
      expect([...inputs.panel.values]).toEqual([40, 50]);
      expect([...(await load({ indicators: "tree.csv", data: "queries/q.sql", cwd: dir })).panel.values]).toEqual([40, 50]);
      // queryRoot, relative to cwd: the query's relative paths resolve there, and it may read nothing above it.
      expect([...(await load({ indicators: "tree.csv", data: "queries/q.sql", cwd: dir, queryRoot: "queries" })).panel.values]).toEqual([10, 30]);
      const [refused] = await rejection(() => load({ indicators: "tree.csv", data: "queries/up.sql", cwd: dir, queryRoot: "queries" }));
      expect(refused.code).toBe("E_SQL");
      expect(refused.message).toMatch(/^queries\/up\.sql: DuckDB refused the query: Permission Error: Cannot access file "[^"]*vals\.csv" - file system operations are disabled by configuration/);
      // A query still writes nothing (DuckDB refuses the relative file first, here outside the current folder).
      await writeFile(join(dir, "copy.sql"), "COPY (SELECT 1) TO 'written.csv'");
      expect((await rejection(() => load({ indicators: "tree.csv", data: "copy.sql", cwd: dir })))[0]).toEqual({
        code: "E_SQL",
        column: undefined,
        message: expect.stringMatching(/^copy\.sql: DuckDB refused the query: Permission Error: Cannot access file "written\.csv"/),
      });
      expect([existsSync(join(dir, "written.csv")), existsSync(join(elsewhere, "written.csv"))]).toEqual([false, false]);
    } finally {
      process.chdir(started);
    }
  });
});

describe("the facade names the option a key given by another name stands for", () => {
  it("a command line flag's name (weightYears, at the top level or under weighting), another word (normalization, lang): did you mean", async () => {
    const inputs = await load(FILES);
    const [topLevel] = await rejection(() => compute(inputs, { weightYears: [2017] } as never));
    expect(topLevel.column).toBe("weightYears");
    expect(topLevel.message).toBe(`unknown option "weightYears"; expected one of: ${INDEX_OPTION_NAMES.join(", ")}; did you mean weighting.years, given as { weighting: { years: ... } }?`);
    const [nested] = await rejection(() => compute(inputs, { weights: "entropy", weighting: { weightYears: [2017] } as never }));
    expect(nested).toEqual({
      code: "E_BAD_OPTION",
      column: "weighting.weightYears",
      message: expect.stringMatching(/^unknown option "weightYears"; expected one of: allowInconsistent, units, years, .*; did you mean "years"\?$/),
    });
    expect((await rejection(() => compute(inputs, { normalization: "min-max" } as never)))[0].message).toMatch(/^unknown option "normalization"; expected one of: .*; did you mean "normalize"\?$/);
    expect((await rejection(() => compute(inputs, { "weight_years": [2017] } as never)))[0].message).toMatch(/; did you mean weighting\.years, given as \{ weighting: \{ years: \.\.\. \} \}\?$/);
    const result = await compute(inputs);
    expect(await rejection(() => report(result, { lang: "en" } as never))).toEqual([
      { code: "E_BAD_OPTION", column: "lang", message: 'unknown option "lang"; expected one of: analysis, language, decimals, appendix, title, description; did you mean "language"?' },
    ]);
    // In Chinese as the terminal says it, the hint too.
    expect(messageOf(topLevel.message, "zh")).toBe(`未知的选项 "weightYears"；应为以下之一：${INDEX_OPTION_NAMES.join("、")}；是否应为 weighting.years，写作 { weighting: { years: ... } }？`);
  });

  it('a key given as the command line\'s flag ("--cap", "--weight-years") is named as given, and the hint names the option it stands for', async () => {
    const inputs = await load(FILES);
    // Before, the message turned the key into the option it stands for: unknown option "cap" ... did you mean "cap"?
    expect(await rejection(() => compute(inputs, { "--cap": 3 } as never))).toEqual([
      {
        code: "E_BAD_OPTION",
        column: "--cap",
        message: `unknown option "--cap"; expected one of: ${INDEX_OPTION_NAMES.join(", ")}; did you mean "cap"?`,
      },
    ]);
    const [weightYears] = await rejection(() => compute(inputs, { "--weight-years": [2017] } as never));
    expect(weightYears.column).toBe("--weight-years");
    expect(weightYears.message).toMatch(/^unknown option "--weight-years"; .*; did you mean weighting\.years, given as \{ weighting: \{ years: \.\.\. \} \}\?$/);
    expect(messageOf(weightYears.message, "zh")).toMatch(/^未知的选项 "--weight-years"；.*；是否应为 weighting\.years，写作 \{ weighting: \{ years: \.\.\. \} \}？$/);
  });

  it("a key spelt close to an option keeps its one hint; a key that is no option's other name gets none", async () => {
    const inputs = await load(FILES);
    const [normalise, out] = await rejection(() => compute(inputs, { normalise: "min-max", out: "x" } as never));
    expect(normalise.message.match(/did you mean/g)).toHaveLength(1);
    expect(normalise.message).toMatch(/; did you mean "normalize"\?$/);
    expect(out.message).toBe(`unknown option "out"; expected one of: ${INDEX_OPTION_NAMES.join(", ")}`);
    // weighting.years at the top level of a call that takes no weighting (report) is no hint.
    const result = await compute(inputs);
    expect((await rejection(() => report(result, { weightYears: [2017] } as never)))[0].message).not.toMatch(/did you mean/);
  });
});

describe("load names an empty path as such", () => {
  it('load({ indicators: "", data: "" }) is one issue each, naming the option and what a path of it is, not the current folder read', async () => {
    const issues = await rejection(() => load({ indicators: "", data: "" }));
    expect(issues).toEqual([
      {
        code: "E_BAD_OPTION",
        column: "indicators",
        message: "option indicators is an empty text; expected the path of the indicator tree (a CSV, YAML or .xlsx file), relative to cwd or absolute",
      },
      {
        code: "E_BAD_OPTION",
        column: "data",
        message: "option data is an empty text; expected the path of the values (a CSV, .xlsx, .parquet or .sql file, or a folder of them), relative to cwd or absolute",
      },
    ]);
    expect(messageOf(issues[0].message, "zh")).toBe("选项 indicators 为空文本；应为指标体系文件（CSV、YAML 或 .xlsx 文件）的路径，相对于 cwd 或为绝对路径");
    // One empty path beside a good one: only it is named.
    expect((await rejection(() => load({ ...FILES, data: "" }))).map(({ column }) => column)).toEqual(["data"]);
  });
});
