import { describe, expect, it } from "vitest";
import { messages } from "../../../src/core/messages.js";
import { parseDataCsv, parseYear } from "../../../src/io/read/data-csv.js";

describe("parseDataCsv", () => {
  it("reads the long layout with its line numbers and an optional source", () => {
    const parsed = parseDataCsv("\uFEFFunit,year,indicator,value,source\nU,2017,A,\"1,234.5\",published\n\nU,2018年,A,1.96%,\n", "v.csv");
    expect(parsed).toEqual({
      ok: true,
      warnings: [],
      value: [
        { unit: "U", year: 2017, indicator: "A", value: 1234.5, source: "published", line: 2 },
        // line 3 is empty, so this row is line 4
        { unit: "U", year: 2018, indicator: "A", value: 1.96, source: undefined, line: 4 },
      ],
    });
  });

  it("reads the long layout without a unit column as one unnamed unit", () => {
    const parsed = parseDataCsv("year,indicator,value\n2017,A,5\n", "v.csv");
    expect(parsed.ok && parsed.value[0]).toMatchObject({ unit: "", year: 2017, indicator: "A", value: 5 });
  });

  it("reads Chinese column names", () => {
    const parsed = parseDataCsv("地区,年份,指标代码,数值\n常州,2017,A,5\n", "v.csv");
    expect(parsed.ok && parsed.value[0]).toMatchObject({ unit: "常州", year: 2017, indicator: "A", value: 5 });
  });

  it("reads the wide layout, one record per year column, ignoring other text columns", () => {
    const parsed = parseDataCsv("indicator,name,2017,2018\nA,R&D share,1.96%,\nB,incubators,44,48\n", "v.csv");
    expect(parsed.ok && parsed.value).toEqual([
      { unit: "", year: 2017, indicator: "A", value: 1.96, line: 2 },
      { unit: "", year: 2018, indicator: "A", value: Number.NaN, line: 2 },
      { unit: "", year: 2017, indicator: "B", value: 44, line: 3 },
      { unit: "", year: 2018, indicator: "B", value: 48, line: 3 },
    ]);
  });

  it("reports every bad cell with its line and column", () => {
    const parsed = parseDataCsv("unit,year,indicator,value\nU,20x7,A,1\nU,2017,A,abc\nU,2017,,1\nU,2017,A\n", "v.csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((issue) => [issue.code, issue.line, issue.column, issue.message])).toEqual([
      // The cell's column number (year is the 2nd column, value the 4th), printed as file:line:column.
      ["E_BAD_YEAR", 2, 2, messages.badYear("20x7")],
      ["E_BAD_NUMBER", 3, 4, messages.badValue("abc", "value")],
      ["E_EMPTY_CODE", 4, "indicator", messages.emptyCode()],
      ["E_FIELD_COUNT", 5, "", messages.wrongFieldCount(3, 4)],
    ]);
  });

  it("names the year column of a bad cell in the wide layout", () => {
    const parsed = parseDataCsv("indicator,2017,2018\nA,1,x\n", "v.csv");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]).toMatchObject({ code: "E_BAD_NUMBER", line: 2, column: 3, message: messages.badValue("x", "2018") });
    expect(messages.badValue("x", "2018")).toMatch(/^value "x" in column "2018" is not a number; expected/);
  });

  it("reports a header it cannot read", () => {
    const parsed = parseDataCsv("foo,bar\n1,2\n", "v.csv");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]).toMatchObject({ code: "E_DATA_LAYOUT", line: 1, message: messages.unknownLayout(["foo", "bar"]) });
  });

  it.each([
    ["2017", 2017],
    ["2017年", 2017],
    ["２０１９", 2019],
    ["17", undefined],
    ["2017.5", undefined],
  ])("parseYear(%j) is %j", (text, expected) => {
    expect(parseYear(text)).toBe(expected);
  });
});
