/**
 * The provenance of a run's values (how many are marked illustrative in the values' `source` column) and the notice the
 * pages and the workbook show for it: counted on a small panel by hand, and worded as the terminal words the example.
 */
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import { terminalMessages } from "../../../src/core/terminal-messages.js";
import { terminalMessagesZh } from "../../../src/core/zh/terminal-messages.js";
import { isIllustrative, provenanceNotice, provenanceTable, valueProvenance } from "../../../src/io/report/provenance.js";

/** X (0.6) = X1 and X2, Y (0.4) = Y1; one unit U1, 2017 and 2018, Y1 missing in 2018 (5 values of 6 cells). */
function smallRun() {
  const rows = [
    { code: "X", parent: "", name: "维度X", weight: "0.6", direction: "", line: 2 },
    { code: "X1", parent: "X", name: "指标1", weight: "", direction: "+", line: 3 },
    { code: "X2", parent: "X", name: "指标2", weight: "", direction: "+", line: 4 },
    { code: "Y", parent: "", name: "维度Y", weight: "0.4", direction: "", line: 5 },
    { code: "Y1", parent: "Y", name: "指标3", weight: "", direction: "+", line: 6 },
  ];
  const tree = buildTree(rows as never);
  if (!tree.ok) throw new Error(JSON.stringify(tree.issues));
  const records = [
    { unit: "U1", year: 2017, indicator: "X1", value: 10, source: "published" },
    { unit: "U1", year: 2018, indicator: "X1", value: 12, source: "illustrative" },
    { unit: "U1", year: 2017, indicator: "X2", value: 50, source: " Illustrative " },
    { unit: "U1", year: 2018, indicator: "X2", value: 40, source: "示意" },
    { unit: "U1", year: 2017, indicator: "Y1", value: 4 },
    // a gap marked illustrative is no value of the run: not counted
    { unit: "U1", year: 2018, indicator: "Y1", value: Number.NaN, source: "illustrative" },
  ];
  const panel = buildPanel(tree.value, records);
  if (!panel.ok) throw new Error(JSON.stringify(panel.issues));
  return { result: computeIndex(tree.value, panel.value, { missing: "carry-forward" }), records };
}

describe("valueProvenance", () => {
  it("counts the values of the run (cells with a value) and those marked illustrative", () => {
    const { result, records } = smallRun();
    // 6 cells, Y1 2018 missing: 5 values; illustrative: X1 2018, X2 2017 (" Illustrative ") and X2 2018 (示意) = 3.
    expect(valueProvenance(result, records)).toEqual({ values: 5, illustrative: 3 });
    // a record of a unit, year or indicator the run does not have is not counted
    const others = [...records, { unit: "U2", year: 2017, indicator: "X1", value: 1, source: "illustrative" }, { unit: "U1", year: 2016, indicator: "X1", value: 1, source: "illustrative" }];
    expect(valueProvenance(result, others)).toEqual({ values: 5, illustrative: 3 });
    // without the values as read (no source column kept) nothing is illustrative; the example is said even so
    expect(valueProvenance(result)).toEqual({ values: 5, illustrative: 0 });
    expect(valueProvenance(result, [], true)).toEqual({ values: 5, illustrative: 0, example: true });
  });

  it("reads illustrative, in any case and with spaces around, 示意 and 示意数据 as illustrative, and nothing else", () => {
    // example and 示例数据: what init writes for its example values (before: its reports said nothing of them).
    for (const source of ["illustrative", "ILLUSTRATIVE", " illustrative ", "示意", "示意数据", "example", "Example", "示例", "示例数据"])
      expect(isIllustrative(source), source).toBe(true);
    for (const source of [undefined, "", "published", "estimate", "illustrative data"]) expect(isIllustrative(source), String(source)).toBe(false);
  });
});

describe("valueProvenance: a row left empty", () => {
  it("states no value: its source does not mark the cell another row gives (a template's blank rows)", () => {
    const { result, records } = smallRun();
    // U1's 2017 X1 (10, published) with a blank row for it marked illustrative, as a template's blank rows may be:
    // still 3 of 5, as above (before: 4, the blank row's mark taken for the published value's).
    const blank = { unit: "U1", year: 2017, indicator: "X1", value: Number.NaN, source: "illustrative" };
    expect(valueProvenance(result, [...records, blank])).toEqual({ values: 5, illustrative: 3 });
  });
});

describe("provenanceNotice", () => {
  it("says how many values are illustrative, in the page's language; nothing when none is and the run is not the example", () => {
    expect(provenanceNotice({ values: 5, illustrative: 3 }, "en")).toBe("3 of 5 values are illustrative, not published.");
    expect(provenanceNotice({ values: 5, illustrative: 3 }, "zh")).toBe("5 个数值中有 3 个是示意数据，并非已发布的数据。");
    expect(provenanceNotice({ values: 1, illustrative: 1 }, "en")).toBe("1 of 1 value is illustrative, not published.");
    expect(provenanceNotice({ values: 5, illustrative: 0 }, "en")).toBeUndefined();
    expect(provenanceNotice(undefined, "zh")).toBeUndefined();
  });

  it("for the shipped example, starts with the terminal's own words (usingExample)", () => {
    // The shipped values mark 17 of 160 published, 143 illustrative.
    const example = { values: 160, illustrative: 143, example: true };
    expect(provenanceNotice(example, "zh")).toBe("使用随附的常州示例（示意数据，并非官方指数）：160 个数值中有 143 个是示意数据，并非已发布的数据。");
    expect(provenanceNotice(example, "en")).toBe("Using the shipped Changzhou example (illustrative data, not the official index): 143 of 160 values are illustrative, not published.");
    expect(provenanceNotice(example, "zh")!.startsWith(terminalMessagesZh.usingExample().trim())).toBe(true);
    const english = terminalMessages.usingExample().trim(); // "using the shipped …", a sentence on the page
    expect(provenanceNotice(example, "en")!.startsWith(english.charAt(0).toUpperCase() + english.slice(1))).toBe(true);
    // the example without counts (its values not kept) still says so
    expect(provenanceNotice({ values: 160, illustrative: 0, example: true }, "zh")).toBe("使用随附的常州示例（示意数据，并非官方指数）。");
  });

  it("as index.xlsx's notes sheet: one text cell, or no sheet", () => {
    expect(provenanceTable({ values: 5, illustrative: 3 }, "en")).toEqual({
      name: "notes",
      columns: [{ name: "note", kind: "text" }],
      rows: [["3 of 5 values are illustrative, not published."]],
    });
    expect(provenanceTable({ values: 5, illustrative: 0 }, "zh")).toBeUndefined();
  });
});
