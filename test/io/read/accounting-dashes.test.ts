import fc from "fast-check";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { accountingDashWarnings } from "../../../src/core/accounting-dashes.js";
import { computeIndex } from "../../../src/core/compute.js";
import { messages } from "../../../src/core/messages.js";
import { isAccountingDash } from "../../../src/core/number.js";
import { buildPanel } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import type { Tree } from "../../../src/core/types.js";
import { parseCsv } from "../../../src/io/csv.js";
import { parseDataCsv } from "../../../src/io/read/data-csv.js";
import { parsePanelFast } from "../../../src/io/read/data-csv-fast.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { makeTempDir } from "../../helpers.js";
import { issuesOf } from "../../issues.js";

const TREE = "code,parent,name,weight,direction\nG,,G,,\nA,G,A,,+\nB,G,B,,+\nC,G,C,,+\n";

function tree(): Tree {
  const rows = ["A", "B", "C"].map((code, i) => ({ line: i + 3, code, parent: "G", name: code, weight: "", direction: "+" }));
  const built = buildTree([{ line: 2, code: "G", parent: "", name: "G", weight: "", direction: "" }, ...rows]);
  if (!built.ok) throw new Error("tree");
  return built.value;
}

describe("isAccountingDash (a zero as Excel's accounting format shows it, saved to CSV)", () => {
  // `_ * "-"??_ ` writes " -   " (space, dash, two spaces for ??, one for _ ); with ¥ " ¥-   "; en-US `_($* "-"??_)` " $-   ".
  it.each([" -   ", " ¥-   ", "¥ -   ", " ￥-   ", " $-   ", " -  ", " -   € ", "\u00a0-\u00a0\u00a0"])("%j is one", (text) => expect(isAccountingDash(text)).toBe(true));
  it.each(["-", " - ", "-   ", " --   ", "—", " 0   ", " -1  ", "", "   "])("%j is none", (text) => expect(isAccountingDash(text)).toBe(false));
});

describe("parseCsv keeps the raw text of accounting dashes (CsvRow.accountingDashes)", () => {
  it("in a plain file (unquoted, trimmed as any cell) and in one csv-parse reads (a doubled quote)", () => {
    for (const text of ['a,b,c\n1, -   ,"x"\n', 'a,b,c\n1, -   ,"x ""y"""\n']) {
      const row = parseCsv(text, "v.csv").rows[0];
      expect(row.cells[1]).toBe("-");
      expect(row.accountingDashes).toEqual([undefined, " -   "]);
    }
    // A quoted cell keeps its spaces; a row without one has no marks.
    expect(parseCsv('a,b\n" -   ",1\n', "v.csv").rows[0].accountingDashes).toEqual([" -   "]);
    expect(parseCsv("a,b\n-,1\n", "v.csv").rows[0].accountingDashes).toBeUndefined();
  });
});

describe("W_ACCOUNTING_DASH", () => {
  // Line 3 (A 2018, unquoted) and line 5 (B 2017, quoted) are accounting dashes; line 6 (C 2017) a bare dash.
  const values = 'unit,year,indicator,value\nU,2017,A,100\nU,2018,A, -   \nU,2019,A,50\nU,2017,B," -   "\nU,2017,C,-\nU,2018,B,3\nU,2018,C,4\n';

  it("reads the cells as missing, with one warning at the first of them that counts them all", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values });
    const file = join(dir, "values.csv");
    const { panel } = await loadInputs(join(dir, "tree.csv"), file);
    // Indicator-major, then unit, then year 2017..2019: A 100, missing, 50; B missing, 3, -; C missing (bare -), 4, -.
    expect([...panel.values]).toEqual([100, Number.NaN, 50, Number.NaN, 3, Number.NaN, Number.NaN, 4, Number.NaN]);
    const warnings = (panel.warnings ?? []).filter((warning) => warning.code === "W_ACCOUNTING_DASH");
    expect(warnings.map(({ source, line, column }) => ({ source, line, column }))).toEqual([{ source: file, line: 3, column: 4 }]);
    expect(warnings[0].message).toBe(
      `${file}:3:4: 2 value cells are a dash padded with spaces (" -   ", the first here), the way Excel's accounting format (会计专用) shows a zero; ` +
        "they are read as missing, though they may be zeros; expected the column formatted as a number (常规 or 数值) before saving the CSV file, or 0 written in those cells",
    );
    // Under --strict it is an error (compute.ts refuses every warning of the values).
    expect(issuesOf(() => computeIndex(tree(), panel, { strict: true })).map((issue) => issue.code)).toContain("E_ACCOUNTING_DASH");
  });

  it("gives no warning for a bare dash (nor one with a single space: the format without decimals, or typed so)", async () => {
    const plain = values.replace("U,2018,A, -   ", "U,2018,A,-").replace('U,2017,B," -   "', "U,2017,B, - ");
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": plain });
    const { panel } = await loadInputs(join(dir, "tree.csv"), join(dir, "values.csv"));
    expect([...panel.values]).toEqual([100, Number.NaN, 50, Number.NaN, 3, Number.NaN, Number.NaN, 4, Number.NaN]);
    expect((panel.warnings ?? []).map((warning) => warning.code)).not.toContain("W_ACCOUNTING_DASH");
  });

  it("names the column of the first such cell in a wide layout, and says one cell as one", () => {
    const records = parseDataCsv("indicator,2017,2018\nA,1, -   \nB,2,3\n", "w.csv");
    if (!records.ok) throw new Error("records");
    const warnings = accountingDashWarnings(records.value, "w.csv");
    expect(warnings.map(({ code, line, column }) => ({ code, line, column }))).toEqual([{ code: "W_ACCOUNTING_DASH", line: 2, column: 3 }]);
    expect(warnings[0].message).toMatch(/^w\.csv:2:3: 1 value cell is a dash padded with spaces \(" -   "\), .* or 0 written in the cell$/);
  });

  it('reads a dash padded after a currency sign (" ¥-   ", "￥ -  ", " $-   ") as the plain one: missing, in the same warning and count', async () => {
    // Excel's accounting format with ¥ (`_ ¥* "-"??_ `) saves a zero as " ¥-   ". Line 3 (A 2018) " ¥-   ", line 4 (A 2019)
    // the plain " -   ", line 5 (B 2017) "￥ -  " quoted (full-width ￥, as zh-CN Excel writes it), line 6 (C 2017) " $-   ".
    const currency = 'unit,year,indicator,value\nU,2017,A,100\nU,2018,A, ¥-   \nU,2019,A, -   \nU,2017,B,"￥ -  "\nU,2017,C, $-   \nU,2018,B,3\nU,2018,C,4\n';
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": currency });
    const file = join(dir, "values.csv");
    const { panel } = await loadInputs(join(dir, "tree.csv"), file);
    // Indicator-major, years 2017..2019: A 100, missing (¥), missing (plain); B missing (￥), 3, -; C missing ($), 4, -.
    expect([...panel.values]).toEqual([100, Number.NaN, Number.NaN, Number.NaN, 3, Number.NaN, Number.NaN, 4, Number.NaN]);
    const warnings = (panel.warnings ?? []).filter((warning) => warning.code === "W_ACCOUNTING_DASH");
    // One warning at the first (line 3, column 4), counting the 4 dashes, the plain one among them.
    expect(warnings.map(({ line, column }) => ({ line, column }))).toEqual([{ line: 3, column: 4 }]);
    expect(warnings[0].message).toBe(`${file}:3:4: 4 value cells are a dash padded with spaces (" ¥-   ", the first here), the way Excel's accounting format (会计专用) shows a zero; ` +
      "they are read as missing, though they may be zeros; expected the column formatted as a number (常规 or 数值) before saving the CSV file, or 0 written in those cells");
  });

  it('refuses a currency sign beside a dash without the padding ("¥-", " ¥- ": the format without decimals), naming the format', () => {
    for (const cell of ["¥-", " ¥- ", '"$ -"']) {
      const parsed = parseDataCsv(`unit,year,indicator,value\nU,2017,A,${cell}\n`, "v.csv");
      const shown = cell.replace(/"/g, "").trim();
      expect(parsed.ok ? [] : parsed.issues, cell).toEqual([{ code: "E_BAD_NUMBER", message: messages.badValue(shown, "value"), source: "v.csv", line: 2, column: 4 }]);
      expect(messages.badValue(shown, "value")).toContain("a currency sign beside a dash, the way Excel's accounting format (会计专用) shows a zero");
    }
  });

  it("the fast path leaves such a file to the general reader, and agrees with it on random files", () => {
    // Only the unquoted dash of line 3 is left (the fast path refuses a quoted cell with spaces inside); a bare dash there is read.
    const unquoted = values.replace('" -   "', "3");
    expect(parsePanelFast(Buffer.from(unquoted), tree())).toBeUndefined();
    expect(parsePanelFast(Buffer.from(unquoted.replace(" -   ", "-")), tree())).toBeDefined();
    // With a currency sign too: padded (read as missing, the general way) or not (refused, by both).
    const cell = fc.constantFrom("1", " 2.5 ", "-", " - ", " -   ", "  -  ", "\u00a0-\u00a0\u00a0", "", "NA", "\t-\t\t", " ¥-   ", "￥ -  ", " $-   ", "¥-");
    const row = fc.tuple(fc.constantFrom("U1", "U2"), fc.constantFrom(2016, 2017, 2018), fc.constantFrom("A", "B", "C"), cell);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.constantFrom(",", "\t"), (rows, delimiter) => {
        const text = ["unit,year,indicator,value", ...rows.map((cells) => cells.join(","))].join("\n").replace(/,/g, delimiter) + "\n";
        const records = parseDataCsv(text, "values.csv");
        const built = records.ok ? buildPanel(tree(), records.value) : undefined;
        const quick = parsePanelFast(Buffer.from(text), tree(), undefined, "values.csv");
        if (!records.ok || !built?.ok) expect(quick).toBeUndefined();
        else {
          if (accountingDashWarnings(records.value, "values.csv").length > 0) expect(quick).toBeUndefined();
          if (quick) expect([...quick.values]).toEqual([...built.value.values]);
        }
      }),
    );
  });
});
