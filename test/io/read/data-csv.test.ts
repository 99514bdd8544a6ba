import { describe, expect, it } from "vitest";
import { checkMessages } from "../../../src/core/check-messages.js";
import { messages } from "../../../src/core/messages.js";
import { buildPanel, type ValueRecord } from "../../../src/core/panel.js";
import { thousandsSplitWarnings } from "../../../src/core/thousands-split.js";
import { buildTree } from "../../../src/core/tree.js";
import { unitLookalikeWarnings } from "../../../src/core/unit-lookalike.js";
import { formatIssue } from "../../../src/errors.js";
import ExcelJS from "exceljs";
import { parseDataCsv, parseDataTable, parseYear, yearLike } from "../../../src/io/read/data-csv.js";
import { parseWorkbookTable } from "../../../src/io/read/xlsx.js";

describe("parseDataCsv", () => {
  it("reads the long layout with its line numbers and an optional source", () => {
    const parsed = parseDataCsv("\uFEFFunit,year,indicator,value,source\nU,2017,A,\"1,234.5\",published\n\nU,2018年,A,1.96%,\n", "v.csv");
    expect(parsed).toEqual({
      ok: true,
      warnings: [],
      value: [
        // The code in the 3rd column and the value in the 4th, for messages that name the cell; the unit in the 1st, for
        // those about the unit (W_UNIT_TOTAL, W_UNIT_LOOKALIKE).
        { unit: "U", year: 2017, indicator: "A", value: 1234.5, source: "published", line: 2, indicatorColumn: 3, valueColumn: 4, unitColumn: 1 },
        // line 3 is empty, so this row is line 4
        // written as a percentage: marked, for the warning of a series mixing percentages with plain numbers
        { unit: "U", year: 2018, indicator: "A", value: 1.96, source: undefined, line: 4, indicatorColumn: 3, valueColumn: 4, unitColumn: 1, percent: true },
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
    // The indicator's name (the 2nd column) is kept with each value, for the comparison with the tree's.
    const [a, b] = [{ name: "R&D share", nameColumn: 2 }, { name: "incubators", nameColumn: 2 }];
    expect(parsed.ok && parsed.value).toEqual([
      // Each value with its column: 2017 is the 3rd column, 2018 the 4th; the code is in the 1st.
      { unit: "", year: 2017, indicator: "A", value: 1.96, line: 2, column: 3, indicatorColumn: 1, percent: true, ...a },
      { unit: "", year: 2018, indicator: "A", value: Number.NaN, line: 2, column: 4, indicatorColumn: 1, ...a },
      { unit: "", year: 2017, indicator: "B", value: 44, line: 3, column: 3, indicatorColumn: 1, ...b },
      { unit: "", year: 2018, indicator: "B", value: 48, line: 3, column: 4, indicatorColumn: 1, ...b },
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
      ["E_EMPTY_CODE", 4, "indicator", messages.emptyCode("indicator")],
      // Line 5 ends after its 3rd field: column 4, where the header's value column has no field.
      ["E_FIELD_COUNT", 5, 4, messages.wrongFieldCount(3, 4, false, 1)],
    ]);
  });

  it("refuses a wide or COINr-layout row with more fields than the header (an unquoted 1,234), and allows a trailing comma", () => {
    // indicator,2017,2018 / X1,1,234,5: read by position, X1 2018 would be 234 and the 5 lost.
    const wide = parseDataCsv("indicator,2017,2018\nX1,1,234,5\nX2,1,3,\n", "v.csv");
    expect(wide.ok).toBe(false);
    // Column 4: the first field past the header's 3.
    if (!wide.ok) expect(wide.issues).toEqual([{ code: "E_FIELD_COUNT", message: messages.wrongFieldCount(4, 3), source: "v.csv", line: 2, column: 4 }]);
    expect(messages.wrongFieldCount(4, 3)).toContain('is two fields unless it is quoted: "1,234"');
    const coinr = parseDataCsv("uCode,uName,Time,X1,X2\nA,甲,2017,1,1\nA,甲,2018,1,234,2\n", "v.csv", { indicators: new Set(["X1", "X2"]) });
    expect(coinr.ok).toBe(false);
    // 6 fields for a header of 5: column 6.
    if (!coinr.ok) expect(coinr.issues.map((issue) => [issue.code, issue.line, issue.column])).toEqual([["E_FIELD_COUNT", 3, 6]]);
    // A trailing empty field (a comma at the end of the line) is no shift: X2 2018 is 3.
    const trailing = parseDataCsv("indicator,2017,2018\nX2,1,3,\n", "v.csv");
    expect(trailing.ok && trailing.value.map((record) => record.value)).toEqual([1, 3]);
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
    expect(messages.unknownLayout([])).toMatch(/^the file is empty \(no header, no rows\); expected long columns/);
  });

  it.each([
    ["2017", 2017],
    ["2017年", 2017],
    ["２０１９", 2019],
    ["17", undefined],
    ["2017.5", undefined],
    // a float year column as pandas or a database export writes it
    ["2018.0", 2018],
    ["2018.00", 2018],
    ["2018.", undefined],
    ["2018.01", undefined],
    // a leading zero: not the year 217 (which went into a year of its own, or the first year of the fast reader)
    ["0217", undefined],
    ["0999", undefined],
    ["1000", 1000],
  ])("parseYear(%j) is %j", (text, expected) => {
    expect(parseYear(text)).toBe(expected);
  });
});

describe("parseDataCsv: decimal marks", () => {
  it("reads a comma as the decimal mark in a semicolon-separated file (European Excel)", () => {
    const parsed = parseDataCsv("unit;year;indicator;value\nAT;2017;A;1,500\nAT;2018;A;1.234,5\n", "v.csv");
    // 1,500 is one and a half; 1.234,5 is 1234.5 with "." grouping thousands
    expect(parsed.ok && parsed.value.map((record) => record.value)).toEqual([1.5, 1234.5]);
  });

  it("reads a semicolon-separated file with decimal points when told (--decimal .)", () => {
    const parsed = parseDataCsv("unit;year;indicator;value\nAT;2017;A;1,500\nAT;2018;A;0.25\n", "v.csv", { decimal: "." });
    expect(parsed.ok && parsed.value.map((record) => record.value)).toEqual([1500, 0.25]);
  });

  it("reads a comma-separated file with quoted decimal commas when told (--decimal ,)", () => {
    const parsed = parseDataCsv('unit,year,indicator,value\nAT,2017,A,"1,80"\n', "v.csv", { decimal: "," });
    expect(parsed.ok && parsed.value[0].value).toBe(1.8);
  });

  it("refuses an ambiguous value with its file, line and column, and says which option reads it", () => {
    const parsed = parseDataCsv("unit;year;indicator;value\nAT;2017;A;1.234\nAT;2018;A;0.25\n", "v.csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toMatchObject([
      { code: "E_DECIMAL_MARK", source: "v.csv", line: 2, column: 4, message: messages.ambiguousNumber("1.234", "value") },
      { code: "E_DECIMAL_MARK", source: "v.csv", line: 3, column: 4, message: messages.ambiguousNumber("0.25", "value") },
    ]);
    expect(messages.ambiguousNumber("1.234", "value")).toContain("--decimal .");
  });

  it('names the decimal comma in a comma-separated file ("1,80")', () => {
    const parsed = parseDataCsv('unit,year,indicator,value\nAT,2017,A,"1,80"\n', "v.csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toMatchObject([{ code: "E_DECIMAL_MARK", line: 2, column: 4, message: messages.decimalComma("1,80", "value") }]);
    expect(messages.decimalComma("1,80", "value")).toContain("decimal comma? use --decimal ,");
  });

  it("reads the ways a Chinese form writes no data (——, ……, /, ／, ―) as missing values", () => {
    // Wide layout, the seven cells after the code: 1, then six missing values, then 2.
    const parsed = parseDataCsv("指标代码,2013年,2014年,2015年,2016年,2017年,2018年,2019年,2020年\nA1,1,——,……,/,／,―,――,2\n", "m.csv");
    expect(parsed.ok && parsed.value.map((record) => record.value)).toEqual([1, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, 2]);
  });

  it("does not take a full-width comma (a Chinese input method's, never a decimal mark in Chinese) for a decimal comma", () => {
    // 123，4 groups one digit after its full-width comma: no thousands separator, and no decimal comma to switch to
    // (--decimal , would then read "1,050" of the same file as 1.05). １，２３４ groups three digits: 1234.
    const parsed = parseDataCsv('指标代码,2017年,2018年\nA1,１２３，４,"1,050"\nA2,"１，２３４",1\n', "m.csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([{ code: "E_BAD_NUMBER", source: "m.csv", line: 2, column: 2, message: messages.fullWidthComma("１２３，４", "2017年") }]);
    expect(parsed.issues[0].message).not.toContain("--decimal");
    expect(parsed.partial?.map((record) => record.value)).toEqual([Number.NaN, 1050, 1234, 1]);
    expect(messages.fullWidthComma("１２３，４", "2017年")).toBe(
      'value "１２３，４" in column "2017年" is not a number: its full-width comma "，" is no decimal mark (in Chinese the decimal mark is the point) but a thousands separator, which must group three digits; expected a number such as １，２３４, 1234 or 123.4',
    );
  });
});

describe("parseDataCsv: a unit column under a name not recognised", () => {
  it("names the column that differs between two rows of one year and indicator, instead of one duplicate per row", () => {
    // 园区 is no unit column's name: without it, lines 2 and 3 (甲 and 乙, 2017, A) are one unit's value given twice.
    const parsed = parseDataCsv("园区,年份,指标,数值,备注\n甲,2017,A,1,x\n乙,2017,A,2,x\n甲,2017,B,1,x\n乙,2017,B,2,x\n", "v.csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      // 备注 is the same on both lines: only 园区 (column 1) is named.
      { code: "E_UNIT_COLUMN", message: messages.unitColumnUnread(["园区"], 2017, "A", 2, 3, ["region", "country", "entity", "ucode", "地区", "区域", "单元", "评价对象"]), source: "v.csv", line: 3, column: 1 },
    ]);
    // No partial records: the duplicates they would show are this one problem.
    expect(parsed.partial).toEqual([]);
  });

  it("leaves rows that repeat with every column alike to the duplicate check, and reads a file of one unit as before", () => {
    const duplicated = parseDataCsv("year,indicator,value,note\n2017,A,1,x\n2017,A,1,x\n", "v.csv");
    expect(duplicated.ok).toBe(true);
    const single = parseDataCsv("园区,年份,指标,数值\n甲,2017,A,1\n甲,2018,A,2\n", "v.csv");
    expect(single.ok && single.value.map((record) => [record.unit, record.year, record.value])).toEqual([["", 2017, 1], ["", 2018, 2]]);
  });
});

describe("parseDataCsv: wide layouts", () => {
  it("reads a unit column in the wide-by-year layout", () => {
    const parsed = parseDataCsv("unit,indicator,name,2017,2018\n常州,A,R&D,1,2\n无锡,A,R&D,3,4\n", "v.csv");
    expect(parsed.ok && parsed.value).toEqual([
      { unit: "常州", year: 2017, indicator: "A", value: 1, line: 2, column: 4, indicatorColumn: 2, unitColumn: 1, name: "R&D", nameColumn: 3 },
      { unit: "常州", year: 2018, indicator: "A", value: 2, line: 2, column: 5, indicatorColumn: 2, unitColumn: 1, name: "R&D", nameColumn: 3 },
      { unit: "无锡", year: 2017, indicator: "A", value: 3, line: 3, column: 4, indicatorColumn: 2, unitColumn: 1, name: "R&D", nameColumn: 3 },
      { unit: "无锡", year: 2018, indicator: "A", value: 4, line: 3, column: 5, indicatorColumn: 2, unitColumn: 1, name: "R&D", nameColumn: 3 },
    ]);
  });

  it("reads COINr's layout: one row per unit and year, one column per indicator, text columns ignored", () => {
    const text = '"uName","uCode","GDP_group","Time","LPI","Ship"\n"Austria","AUT","L",2018,4.1,0\n"Belgium","BEL","L",2018,4.2,NA\n';
    const parsed = parseDataCsv(text, "iData.csv");
    expect(parsed.ok && parsed.value).toEqual([
      // The indicator is named by the value's own column's header: its column is the value's. The unit (uCode) is the 2nd.
      { unit: "AUT", year: 2018, indicator: "LPI", value: 4.1, line: 2, column: 5, indicatorColumn: 5, unitColumn: 2 },
      { unit: "AUT", year: 2018, indicator: "Ship", value: 0, line: 2, column: 6, indicatorColumn: 6, unitColumn: 2 },
      { unit: "BEL", year: 2018, indicator: "LPI", value: 4.2, line: 3, column: 5, indicatorColumn: 5, unitColumn: 2 },
      { unit: "BEL", year: 2018, indicator: "Ship", value: Number.NaN, line: 3, column: 6, indicatorColumn: 6, unitColumn: 2 },
    ]);
    // Given the tree's codes, only those columns are read (a denominator column is then ignored).
    const only = parseDataCsv(text, "iData.csv", { indicators: new Set(["Ship"]) });
    expect(only.ok && only.value.map((record) => record.indicator)).toEqual(["Ship", "Ship"]);
  });

  it("reads a source column in either wide layout as the source of every value of its row (an empty cell: none)", () => {
    const byYear = parseDataCsv("指标代码,指标名称,2017年,2018年,来源\nA,R&D,1,2,illustrative\nB,专利,3,4,\n", "v.csv");
    expect(byYear.ok && byYear.value).toEqual([
      { unit: "", year: 2017, indicator: "A", value: 1, line: 2, column: 3, indicatorColumn: 1, source: "illustrative", name: "R&D", nameColumn: 2 },
      { unit: "", year: 2018, indicator: "A", value: 2, line: 2, column: 4, indicatorColumn: 1, source: "illustrative", name: "R&D", nameColumn: 2 },
      { unit: "", year: 2017, indicator: "B", value: 3, line: 3, column: 3, indicatorColumn: 1, name: "专利", nameColumn: 2 },
      { unit: "", year: 2018, indicator: "B", value: 4, line: 3, column: 4, indicatorColumn: 1, name: "专利", nameColumn: 2 },
    ]);
    const byIndicator = parseDataCsv("uCode,Time,LPI,Ship,source\nAUT,2018,4.1,0,published\n", "iData.csv");
    expect(byIndicator.ok && byIndicator.value.map((record) => [record.indicator, record.source])).toEqual([
      ["LPI", "published"],
      ["Ship", "published"],
    ]);
  });

  it.each(["2018.5", "FY2019"])("refuses a year column %j with the file, line and column", (name) => {
    const parsed = parseDataCsv(`indicator,2017,${name}\nA,1,2\n`, "v.csv");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues).toEqual([{ code: "E_BAD_YEAR", message: messages.badYearColumn(name), source: "v.csv", line: 1, column: 3 }]);
    expect(messages.badYearColumn(name)).toContain("expected a four-digit year");
  });
});

describe("parseDataCsv: wide headers that look like years the tool does not read", () => {
  // The tester's file: 2017-2020 and a fifth year written another way, with a number in every row.
  const wide = (last: string) => `指标代码,指标名称,2017,2018,2019,2020,${last}\nA1,R&D,1,2,3,4,5\nA2,专利,6,7,8,9,10\n`;
  const issuesOf = (parsed: ReturnType<typeof parseDataCsv>) => (parsed.ok ? [] : parsed.issues);

  it.each([
    ["21年", messages.twoDigitYearColumn("21年")],
    ["'21", messages.twoDigitYearColumn("'21")],
    ["二〇二一年", messages.chineseYearColumn("二〇二一年")],
  ])("refuses a header %j (line 1, column 7) instead of computing 2017-2020 without it", (header, message) => {
    expect(issuesOf(parseDataCsv(wide(header), "values.csv"))).toEqual([{ code: "E_BAD_YEAR", message, source: "values.csv", line: 1, column: 7 }]);
  });

  it("says what was found and what was expected, in words that do not guess the century", () => {
    expect(messages.twoDigitYearColumn("21年")).toBe(
      'column "21年" looks like a year written with two digits, which is not read (its century is not guessed); expected a four-digit year such as 2021 (or 2021年), or, if the column holds something else, another name',
    );
    expect(messages.twoDigitYearColumn("'21")).toBe(
      'column "\'21" looks like a year written with two digits, which is not read (its century is not guessed); expected a four-digit year such as 2021 (or 2021年), or, if the column holds something else, another name',
    );
    expect(messages.chineseYearColumn("二〇二一年")).toBe(
      'column "二〇二一年" looks like a year written in Chinese numerals, which is not read; expected a four-digit year in digits such as 2021 (or 2021年), or, if the column holds something else (a note), another name without four Chinese numerals in a row',
    );
  });

  it("gives every such header in one pass, with 2021E as before and the file's other problems", () => {
    // Columns 3-6 hold 2017, 21年, 二〇二一年, 2021E; line 3's 2017 cell (column 3) is no number.
    const parsed = parseDataCsv("指标代码,指标名称,2017,21年,二〇二一年,2021E\nA1,R&D,1,5,5,5\nA2,专利,x,10,10,10\n", "values.csv");
    expect(issuesOf(parsed)).toEqual([
      { code: "E_BAD_YEAR", message: messages.twoDigitYearColumn("21年"), source: "values.csv", line: 1, column: 4 },
      { code: "E_BAD_YEAR", message: messages.chineseYearColumn("二〇二一年"), source: "values.csv", line: 1, column: 5 },
      { code: "E_BAD_YEAR", message: messages.badYearColumn("2021E"), source: "values.csv", line: 1, column: 6 },
      { code: "E_BAD_NUMBER", message: messages.badValue("x", "2017"), source: "values.csv", line: 3, column: 3 },
    ]);
  });

  it("refuses a wide file whose every year is written with two digits, rather than finding no layout", () => {
    expect(issuesOf(parseDataCsv("指标代码,21年,22年\nA1,1,2\n", "values.csv"))).toEqual([
      { code: "E_BAD_YEAR", message: messages.twoDigitYearColumn("21年"), source: "values.csv", line: 1, column: 2 },
      { code: "E_BAD_YEAR", message: messages.twoDigitYearColumn("22年"), source: "values.csv", line: 1, column: 3 },
    ]);
  });

  it("still reads 单位, 说明, 来源, name_en and other columns that are no years, as before", () => {
    const text = "指标代码,指标名称,单位,说明,来源,name_en,二级指标,序号,21年增速,2017,2018年\nA1,R&D,%,注,统计局,R&D share,投入,1,3.5,1.96,2.14\n";
    const parsed = parseDataCsv(text, "values.csv");
    // Two year columns (10 and 11) of one row: two values, each with the row's source (column 5), its measure (单位,
    // column 3, checked against the tree's) and its indicator's name (指标名称, column 2, compared with the tree's).
    const kept = { source: "统计局", measure: "%", measureColumn: 3, name: "R&D", nameColumn: 2 };
    expect(parsed.ok && parsed.value).toEqual([
      { unit: "", year: 2017, indicator: "A1", value: 1.96, line: 2, column: 10, indicatorColumn: 1, ...kept },
      { unit: "", year: 2018, indicator: "A1", value: 2.14, line: 2, column: 11, indicatorColumn: 1, ...kept },
    ]);
  });

  it.each([
    ["21", "twoDigits"],
    ["'21", "twoDigits"],
    ["’21", "twoDigits"],
    ["FY21", "twoDigits"],
    ["21年", "twoDigits"],
    ["21 年度", "twoDigits"],
    ["２１年", "twoDigits"],
    ["二〇二一年", "chineseNumerals"],
    ["二零二一", "chineseNumerals"],
    ["二○二一年度", "chineseNumerals"],
    ["2021E", "other"],
    ["FY2021", "other"],
    ["2021年说明", "other"],
    ["2018.5", "other"],
    ["1年", "other"],
    ["单位", undefined],
    ["说明", undefined],
    ["来源", undefined],
    ["指标名称", undefined],
    ["name_en", undefined],
    ["二级指标", undefined],
    ["21年增速", undefined],
    ["近3年", undefined],
    ["A21", undefined],
  ])("yearLike(%j) is %j", (header, kind) => {
    expect(yearLike(header)).toBe(kind);
  });
});

describe("parseDataTable: a workbook's wide sheet reads its header as a CSV file's", () => {
  it("refuses 21 (a number cell), 21年 and 二〇二一年 in the header of a sheet", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("数据");
    sheet.addRow(["指标代码", "指标名称", 2017, 21, "21年", "二〇二一年"]);
    sheet.addRow(["A1", "R&D", 1, 2, 3, 4]);
    const { table } = await parseWorkbookTable(new Uint8Array(await book.xlsx.writeBuffer()), "v.xlsx");
    const parsed = parseDataTable(table, "v.xlsx[数据]");
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      { code: "E_BAD_YEAR", message: messages.twoDigitYearColumn("21"), source: "v.xlsx[数据]", line: 1, column: 4 },
      { code: "E_BAD_YEAR", message: messages.twoDigitYearColumn("21年"), source: "v.xlsx[数据]", line: 1, column: 5 },
      { code: "E_BAD_YEAR", message: messages.chineseYearColumn("二〇二一年"), source: "v.xlsx[数据]", line: 1, column: 6 },
    ]);
  });
});

describe("parseDataCsv: rows as Excel saves them", () => {
  const issuesOf = (parsed: ReturnType<typeof parseDataCsv>) => (parsed.ok ? [] : parsed.issues.map(({ code, line, column, message }) => [code, line, column, message]));

  it("refuses rows whose unit cell is empty, one problem per run of them, saying when a unit above may have been merged", () => {
    // A unit merged down over its rows in Excel is saved to CSV in its first row only.
    const text = "评价对象,年份,指标代码,数值\n常州,2017,A1,2\n,2018,A1,2.5\n,2019,A1,3\n无锡,2017,A1,1\n,2018,A1,2\n";
    expect(issuesOf(parseDataCsv(text, "v.csv"))).toEqual([
      ["E_EMPTY_UNIT", 3, 1, messages.emptyUnit("评价对象", 3, 4, "常州")],
      ["E_EMPTY_UNIT", 6, 1, messages.emptyUnit("评价对象", 6, 6, "无锡")],
    ]);
    expect(messages.emptyUnit("评价对象", 3, 4, "常州")).toBe(
      'the unit column "评价对象" is empty on lines 3-4; expected a unit on every row (is "常州" above merged over these rows in Excel? a merged cell is saved to CSV in its first row only: unmerge the cells and fill in each row\'s unit)',
    );
    // The first row has no unit above it; the wide layout refuses an empty unit cell too.
    expect(issuesOf(parseDataCsv("unit,indicator,2017\n,A1,2\nU,A2,3\n", "v.csv"))).toEqual([["E_EMPTY_UNIT", 2, 1, messages.emptyUnit("unit", 2, 2)]]);
    expect(messages.emptyUnit("unit", 2, 2)).toBe('the unit column "unit" is empty on line 2; expected a unit on every row');
    // A unit column empty in every row is one unnamed unit, as without the column.
    const unnamed = parseDataCsv("unit,year,indicator,value\n,2017,A1,2\n,2018,A1,3\n", "v.csv");
    expect(unnamed.ok && unnamed.value.map(({ unit, year }) => [unit, year])).toEqual([["", 2017], ["", 2018]]);
  });

  it("reads long rows with empty fields at their end, and rows short of a header with empty columns at its end", () => {
    const trailing = parseDataCsv("unit,year,indicator,value\nU,2017,A,2,,\nU,2018,A,2.5\n", "v.csv");
    expect(trailing.ok && trailing.value.map(({ year, value }) => [year, value])).toEqual([[2017, 2], [2018, 2.5]]);
    const short = parseDataCsv("unit,year,indicator,value,,\nU,2017,A,2\n", "v.csv");
    expect(short.ok && short.value.map(({ year, value }) => [year, value])).toEqual([[2017, 2]]);
    // A row that stops before a column the layout reads is still refused.
    // It ends after field 3, at column 4; the header, line 1, has 6.
    expect(issuesOf(parseDataCsv("unit,year,indicator,value,,\nU,2017,A\n", "v.csv"))).toEqual([["E_FIELD_COUNT", 2, 4, messages.wrongFieldCount(3, 6)]]);
  });

  it("gives the thousands-separator hint for a row with extra fields only when digits stand beside digits", () => {
    const note = parseDataCsv("unit,year,indicator,value\nU,2017,A,2,note\n", "v.csv");
    expect(issuesOf(note)).toEqual([["E_FIELD_COUNT", 2, 5, messages.wrongFieldCount(5, 4, false)]]);
    expect(messages.wrongFieldCount(5, 4, false)).toBe("row has 5 fields; expected 4 fields as in the header, line 1");
    const split = parseDataCsv("unit,year,indicator,value\nU,2017,A,1,234\n", "v.csv");
    expect(issuesOf(split)).toEqual([["E_FIELD_COUNT", 2, 5, messages.wrongFieldCount(5, 4, true)]]);
  });

  it("names the column where a row departs from the header and the header's line, below comment or blank lines", () => {
    // The header is on line 3 (two blank lines first, skipped); line 4 has 6 fields for 4: column 5, the first past
    // the header's; line 5 has 2: column 3, after its last. Line 6 is read.
    const text = "\n\nunit,year,indicator,value\nU,2017,A,2,x,y\nU,2017\nU,2018,A,3\n";
    const parsed = parseDataCsv(text, "data/2018.csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      { code: "E_FIELD_COUNT", message: "row has 6 fields; expected 4 fields as in the header, line 3", source: "data/2018.csv", line: 4, column: 5 },
      { code: "E_FIELD_COUNT", message: "row has 2 fields; expected 4 fields as in the header, line 3", source: "data/2018.csv", line: 5, column: 3 },
    ]);
    // Printed as file:line:column.
    expect(formatIssue(parsed.issues[0])).toBe("data/2018.csv:4:5: row has 6 fields; expected 4 fields as in the header, line 3");
  });

  it("reads years written 2018年度, and gives each year written another way (FY2017, 二〇一九) its own problem", () => {
    const parsed = parseDataCsv("unit,year,indicator,value\nU,2018年度,A,1\n", "v.csv");
    expect(parsed.ok && parsed.value[0].year).toBe(2018);
    const other = parseDataCsv("unit,year,indicator,value\nU,FY2017,A,1\nU,二〇一九,A,2\nU,17,A,3\n", "v.csv");
    expect(issuesOf(other)).toEqual([
      ["E_BAD_YEAR", 2, 2, messages.badYear("FY2017")],
      ["E_BAD_YEAR", 3, 2, messages.badYear("二〇一九")],
      ["E_BAD_YEAR", 4, 2, messages.badYear("17")],
    ]);
    expect(messages.badYear("17")).toBe('year "17" is not a year; expected a four-digit year such as 2017 (or 2017年)');
  });
});

describe("parseDataCsv: rows above the header", () => {
  const values = (parsed: ReturnType<typeof parseDataCsv>) => (parsed.ok ? parsed.value.map(({ indicator, year, value, line }) => [indicator, year, value, line]) : parsed.issues);

  it("reads below a title row (one text across the row, as a merged title saves), lines as in the file", () => {
    const parsed = parseDataCsv("常州高新区指标数据,,,\nindicator,2017,2018\nA,1,2\n", "v.csv");
    expect(values(parsed)).toEqual([["A", 2017, 1, 3], ["A", 2018, 2, 3]]);
    // Title, then a header whose problem is its own: said at the header's line, not the title's.
    const misspelt = parseDataCsv("指标数据\nunit,year,indcator,value\nU,2017,A,1\n", "v.csv");
    expect(!misspelt.ok && misspelt.issues.map(({ code, line, column }) => ({ code, line, column }))).toEqual([{ code: "E_MISSING_COLUMN", line: 2, column: "indicator" }]);
  });

  it("reads a two-row header (years under a merged 年份) as one, and a title above it", () => {
    const parsed = parseDataCsv("指标,年份,年份\n,2017,2018\nA,1,2\n", "v.csv");
    expect(values(parsed)).toEqual([["A", 2017, 1, 3], ["A", 2018, 2, 3]]);
    const titled = parseDataCsv("表1 指标数据,,\n指标,年份,年份\n,2017,2018\nA,1,2\n", "v.csv");
    expect(values(titled)).toEqual([["A", 2017, 1, 4], ["A", 2018, 2, 4]]);
  });

  it("says a problem of a two-row header's years at the row of the years (before: the upper row's line)", () => {
    // 2018 twice, on line 2 (the years under 年份 on line 1): column 4 repeats column 3, at line 2.
    const parsed = parseDataCsv("指标,年份,年份,年份\n,2017,2018,2018\nA,1,2,3\n", "v.csv");
    expect(!parsed.ok && parsed.issues).toEqual([
      { code: "E_DUPLICATE_COLUMN", message: messages.repeatedColumn("2018", 3, 4), source: "v.csv", line: 2, column: 4 },
    ]);
  });

  it("reads below two title lines (a title, then 填报单位 or 单位：万元 on a line of its own)", () => {
    const parsed = parseDataCsv("常州高新区创新指标,,,\n填报单位：统计局,,,\n指标代码,指标名称,2017年,2018年\nA1,研发经费占比,2,2.5\n", "v.csv");
    expect(values(parsed)).toEqual([["A1", 2017, 2, 4], ["A1", 2018, 2.5, 4]]);
  });

  it("leaves a header that gives no layout as it is when the rows below are data", () => {
    const parsed = parseDataCsv("foo,bar\nA,1\n", "v.csv");
    expect(!parsed.ok && parsed.issues.map((issue) => issue.code)).toEqual(["E_DATA_LAYOUT"]);
  });

  it("reads a column name followed by its unit in brackets (数值（%）, value (万元))", () => {
    expect(values(parseDataCsv("年份,指标,数值（%）\n2017,A,1.5\n", "v.csv"))).toEqual([["A", 2017, 1.5, 2]]);
    expect(values(parseDataCsv("year,indicator,value (万元)\n2017,A,7\n", "v.csv"))).toEqual([["A", 2017, 7, 2]]);
  });

  it("says once that the year column holds whole dates, with how to make them years", () => {
    const parsed = parseDataCsv("year,indicator,value\n2017-01-01,A,1\n2018-01-01,A,2\n", "v.csv");
    expect(!parsed.ok && parsed.issues[0]).toEqual({
      code: "E_YEAR_COLUMN",
      message: messages.yearColumnDates("year", ["2017-01-01", "2018-01-01"]),
      source: "v.csv",
      line: 1,
      column: "year",
    });
  });
});

describe("parseDataCsv: headers and floods", () => {
  it("pinpoints a misspelt column of the long layout", () => {
    const parsed = parseDataCsv("unit,year,indcator,value\nU,2017,A,1\n", "v.csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const header = ["unit", "year", "indcator", "value"];
    expect(parsed.issues).toEqual([{ code: "E_MISSING_COLUMN", message: messages.missingColumn("indicator", header), source: "v.csv", line: 1, column: "indicator" }]);
    expect(messages.missingColumn("indicator", header)).toContain('found column "indcator": did you mean "indicator"?');
  });

  it("says once that unit and year look swapped, before the problems of each row", () => {
    const rows = ["常州高新区", "武进区", "溧阳市"].map((name, i) => `${2017 + i},${name},A,1`);
    const parsed = parseDataCsv(["unit,year,indicator,value", ...rows].join("\n"), "v.csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues[0]).toEqual({
      code: "E_YEAR_COLUMN",
      message: messages.yearColumnSwapped("year", ["常州高新区", "武进区", "溧阳市"], "unit"),
      source: "v.csv",
      line: 1,
      column: "year",
    });
    expect(parsed.issues[0].message).toMatch(/^column "year" holds names such as "常州高新区", .*are unit and year swapped\?/);
    expect(parsed.issues.slice(1).map((issue) => issue.code)).toEqual(["E_BAD_YEAR", "E_BAD_YEAR", "E_BAD_YEAR"]);
  });
});

describe("parseDataCsv: a number split at its thousands separator by an unquoted comma (W_THOUSANDS_SPLIT)", () => {
  const mark = (cell: string, groups: string[], nextColumn: number, nextName: string, fields: number, headerFields: number) => ({
    thousandsSplit: { cell, groups, nextColumn, nextName, fields, headerFields },
  });
  /** The marks of a file's records, in order (undefined for a record without one); none for a file that does not read. */
  const marksOf = (text: string, options?: Parameters<typeof parseDataCsv>[2]) => {
    const parsed = parseDataCsv(text, "v.csv", options);
    if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join("\n"));
    return parsed.value.map((record) => record.thousandsSplit);
  };
  /** The one warning of a file's records: [line, column, the number probably meant as the message says it]. */
  const warningOf = (text: string, options?: Parameters<typeof parseDataCsv>[2]) => {
    const parsed = parseDataCsv(text, "v.csv", options);
    if (!parsed.ok) throw new Error("not read");
    const [warning, ...others] = thousandsSplitWarnings(parsed.value, "v.csv");
    expect(others).toEqual([]);
    return [warning.line, warning.column, /where (\S+) was probably meant/.exec(warning.message)?.[1]];
  };

  it("marks A,2019,x1,1,234, under unit,year,indicator,value,note: read as 1 (its note 234), where 1,234 was meant", () => {
    // Line 2 splits into A | 2019 | x1 | 1 | 234 | "": 6 fields for the header's 5 (the 6th empty: tolerated), so it
    // reads value 1 (column 4), note 234 (column 5). Line 3's note is text, line 4's value has 4 digits: neither is marked.
    // Line 3 has the header's 5 fields, so the file's rows do not all end with a comma: none is usual to spare.
    const parsed = parseDataCsv("unit,year,indicator,value,note\nA,2019,x1,1,234,\nA,2018,x1,5,checked\nA,2017,x1,1234,567,\n", "v.csv");
    const place = { source: undefined, indicatorColumn: 3, valueColumn: 4, unitColumn: 1 };
    expect(parsed.ok && parsed.value).toEqual([
      { unit: "A", year: 2019, indicator: "x1", value: 1, line: 2, ...place, ...mark("1", ["234"], 5, "note", 6, 5) },
      { unit: "A", year: 2018, indicator: "x1", value: 5, line: 3, ...place },
      { unit: "A", year: 2017, indicator: "x1", value: 1234, line: 4, ...place },
    ]);
    if (!parsed.ok) return;
    // One warning at line 2, column 4 (the value), naming both cells and 1,234 = 1234.
    const meant = { file: "v.csv", line: 2, column: 4, cell: "1", read: 1, groups: ["234"], nextColumn: 5, nextName: "note", fields: 6, headerFields: 5, meant: 1234 };
    expect(thousandsSplitWarnings(parsed.value, "v.csv")).toEqual([{ code: "W_THOUSANDS_SPLIT", message: checkMessages.thousandsSplit(meant, 1), source: "v.csv", line: 2, column: 4 }]);
  });

  it("marks no row with exactly the header's fields, whatever its cells (the reviewer's false positives)", () => {
    // value 5, note "100": a row as long as its header, nothing split.
    expect(marksOf("unit,year,indicator,value,note\n甲,2019,x1,5,100\n")).toEqual([undefined]);
    expect(marksOf("unit,year,indicator,value,note\nA,2019,x1,1,234\n")).toEqual([undefined]);
    // By indicator, pop a column of no indicator of the tree: x3 = 7, pop 120, six fields for six columns.
    expect(marksOf("year,unit,x1,x2,x3,pop\n2019,甲,5,6,7,120\n", { indicators: new Set(["x1", "x2", "x3"]) })).toEqual([undefined, undefined, undefined]);
    // By year: 2017 = 4, 2018 = 1, note 234, four fields for four columns.
    expect(marksOf("indicator,2017,2018,note\nx1,4,1,234\n")).toEqual([undefined, undefined]);
    // Either cell quoted: never, and not even in a row one field too long.
    expect(marksOf('unit,year,indicator,value,note\n甲,2019,x1,"5",100\n甲,2018,x1,5,"100"\n')).toEqual([undefined, undefined]);
    expect(marksOf('unit,year,indicator,value,note\n甲,2019,x1,"1",234,\n甲,2018,x1,1,"234",\n')).toEqual([undefined, undefined]);
  });

  it("tells quoted cells apart in a file read by csv-parse too (a doubled quote in the unit sends it there)", () => {
    const header = "unit,year,indicator,value,note,remark\n";
    // Seven fields for six: the value 1 and 234 unquoted are marked; the value "1" quoted is not.
    expect(marksOf(`${header}"甲 ""x""",2019,x1,1,234,,\n`)).toEqual([mark("1", ["234"], 5, "note", 7, 6).thousandsSplit]);
    expect(marksOf(`${header}"甲 ""x""",2019,x1,"1",234,,\n`)).toEqual([undefined]);
  });

  it("takes every group the split made: 1,234,567 is 1234567, 1,234.5 is 1234.5, -12,234.5 is -12234.5", () => {
    // 甲 | 2019 | x1 | 1 | 234 | 567 | "": 7 fields for 6; 1, 234, 567 make 1,234,567 = 1234567.
    const text = "unit,year,indicator,value,note,source2\n甲,2019,x1,1,234,567,\n";
    expect(marksOf(text)).toEqual([mark("1", ["234", "567"], 5, "note", 7, 6).thousandsSplit]);
    expect(warningOf(text)).toEqual([2, 4, "1234567"]);
    // 1 and 234.5: 1,234.5 = 1234.5.
    expect(warningOf("unit,year,indicator,value,note\n甲,2019,x1,1,234.5,\n")).toEqual([2, 4, "1234.5"]);
    // -12 and 234.5 in a column without a header: -12,234.5 = -12234.5 (the header's 4 columns with a name counted).
    expect(marksOf("unit,year,indicator,value,\nA,2019,x1,-12,234.5,\n")).toEqual([mark("-12", ["234.5"], 5, "", 6, 4).thousandsSplit]);
  });

  it("marks a value after a currency sign: 甲,2019,x1,¥1,234, reads 1 where ¥1,234 = 1234 was meant", () => {
    const text = "unit,year,indicator,value,note\n甲,2019,x1,¥1,234,\n";
    const parsed = parseDataCsv(text, "v.csv");
    expect(parsed.ok && parsed.value.map((record) => [record.value, record.thousandsSplit])).toEqual([[1, mark("¥1", ["234"], 5, "note", 6, 5).thousandsSplit]]);
    expect(warningOf(text)).toEqual([2, 4, "1234"]);
  });

  it("marks a split in a year column that is not the last: 2019 = 1 and 2020 = 234, the real 2020 value in the note", () => {
    // 甲 | x1 | 1 | 234 | 6 | "": 6 fields for 5. 2019 (column 3) reads 1, 2020 (column 4) 234, the note 6; 1,234 =
    // 1234 was 2019's. 234, taken as 1's group, is no value to mark of its own.
    const text = "unit,indicator,2019,2020,note\n甲,x1,1,234,6,\n";
    const parsed = parseDataCsv(text, "w.csv");
    expect(parsed.ok && parsed.value.map((record) => [record.year, record.value, record.column, record.thousandsSplit])).toEqual([
      [2019, 1, 3, mark("1", ["234"], 4, "2020", 6, 5).thousandsSplit],
      [2020, 234, 4, undefined],
    ]);
    expect(warningOf(text)).toEqual([2, 3, "1234"]);
    // The last year column before a note: indicator,2017,2018,note / x1,4,1,234,: 2018 = 1 (column 3), note 234.
    expect(marksOf("indicator,2017,2018,note\nx1,4,1,234,\n")).toEqual([undefined, mark("1", ["234"], 4, "note", 5, 4).thousandsSplit]);
    // By indicator given LPI and Ship: Ship = 1 (column 4), note 234 (column 5), 6 fields for 5.
    const byIndicator = marksOf("uCode,Time,LPI,Ship,note\nAUT,2018,4.1,1,234,\n", { indicators: new Set(["LPI", "Ship"]) });
    expect(byIndicator.map((split) => split?.nextColumn)).toEqual([undefined, 5]);
  });

  describe("a file whose every row ends with a comma (the header not): one empty field to spare is its rows' usual", () => {
    // Lines 2 to 4 have 6 fields each for the header's 5, the 6th empty. Lines 2 (5, then "ok") and 3 (7, then "") hold
    // no split number: the usual surplus is 1. Line 4 (1, then 234) has no more: value 1 and note "234", as written.
    const TRAILING = "unit,year,indicator,value,note\nA,2017,x1,5,ok,\nA,2018,x1,7,,\nA,2019,x1,1,234,\n";

    it("warns of nothing in it: A,2019,x1,1,234, is the value 1 and the note 234", () => {
      const parsed = parseDataCsv(TRAILING, "v.csv");
      expect(parsed.ok && parsed.value.map((record) => [record.line, record.value, record.thousandsSplit])).toEqual([
        [2, 5, undefined],
        [3, 7, undefined],
        [4, 1, undefined],
      ]);
      expect(parsed.ok && thousandsSplitWarnings(parsed.value, "v.csv")).toEqual([]);
      // Without the rows that show the usual surplus, every row is a candidate: none is usual, and line 4 warns as before.
      expect(marksOf("unit,year,indicator,value,note\nA,2019,x1,1,234,\n")).toEqual([mark("1", ["234"], 5, "note", 6, 5).thousandsSplit]);
    });

    it("still warns of a row with two fields to spare, once, at its value, not counting line 4", () => {
      // Line 5: A | 2020 | x1 | 1 | 234 | "" | "": 7 fields, 2 to spare against the usual 1: 1,234 split, the note
      // empty. One warning at 5:4 naming 1234, its count 1 (line 4 is no split of this file).
      const text = `${TRAILING}A,2020,x1,1,234,,\n`;
      expect(marksOf(text)).toEqual([undefined, undefined, undefined, mark("1", ["234"], 5, "note", 7, 5).thousandsSplit]);
      expect(warningOf(text)).toEqual([5, 4, "1234"]);
      const parsed = parseDataCsv(text, "v.csv");
      const meant = { file: "v.csv", line: 5, column: 4, cell: "1", read: 1, groups: ["234"], nextColumn: 5, nextName: "note", fields: 7, headerFields: 5, meant: 1234 };
      expect(parsed.ok && thousandsSplitWarnings(parsed.value, "v.csv")).toEqual([{ code: "W_THOUSANDS_SPLIT", message: checkMessages.thousandsSplit(meant, 1), source: "v.csv", line: 5, column: 4 }]);
    });

    it("takes the fewer fields to spare of a tie among the rows without a split number: one row of two as long as its header makes it 0", () => {
      // Line 3 without its trailing comma: 5 fields, 0 to spare, against line 2's 1: one row each, so 0 is usual, and
      // line 4's 1 spare field is then more: 1,234 split.
      expect(marksOf(TRAILING.replace("A,2018,x1,7,,", "A,2018,x1,7,"))).toEqual([undefined, undefined, mark("1", ["234"], 5, "note", 6, 5).thousandsSplit]);
    });

    it("takes the fields to spare most rows without a split number have: one row without the trailing comma changes nothing", () => {
      // Lines 2, 3 and 5 hold no split number: 2 (5, "ok") and 3 (7, "") end with a comma, 1 field to spare each; line
      // 5 (6, "checked", the last, written without one) has 0. Two rows against one: 1 is usual, and line 4 (1, then
      // 234, 6 fields: 1 to spare) is the value 1 and the note 234, as written. (The fewest, 0, made it a split.)
      const odd = `${TRAILING}A,2020,x1,6,checked\n`;
      expect(marksOf(odd)).toEqual([undefined, undefined, undefined, undefined]);
      const parsed = parseDataCsv(odd, "v.csv");
      expect(parsed.ok && thousandsSplitWarnings(parsed.value, "v.csv")).toEqual([]);
      // The odd row in the middle (line 3, edited by hand): the same.
      expect(marksOf(TRAILING.replace("A,2018,x1,7,,", "A,2018,x1,7,") + "A,2020,x1,6,ok,\n")).toEqual([undefined, undefined, undefined, undefined]);
      // With a real split besides: line 6, A | 2021 | x1 | 1 | 234 | "" | "", 7 fields, 2 to spare against the usual
      // 1: 1,234 split, one warning at 6:4 (the value) naming 1234, counting that one cell (line 4 is none).
      const split = `${odd}A,2021,x1,1,234,,\n`;
      expect(marksOf(split)).toEqual([undefined, undefined, undefined, undefined, mark("1", ["234"], 5, "note", 7, 5).thousandsSplit]);
      const meant = { file: "v.csv", line: 6, column: 4, cell: "1", read: 1, groups: ["234"], nextColumn: 5, nextName: "note", fields: 7, headerFields: 5, meant: 1234 };
      const withSplit = parseDataCsv(split, "v.csv");
      expect(withSplit.ok && thousandsSplitWarnings(withSplit.value, "v.csv")).toEqual([
        { code: "W_THOUSANDS_SPLIT", message: checkMessages.thousandsSplit(meant, 1), source: "v.csv", line: 6, column: 4 },
      ]);
    });

    it("counts a header's columns without a name (a header line ending with a comma) as spare: every value written 1,960 unquoted there is a split (a reviewer's case)", () => {
      // "unit,year,indicator,value," has 4 named columns and a 5th without a name; each row "U,<year>,A,1,960" has 5
      // fields, 1 to spare against the 4 named, and every row shows a split (1 then 960), so none is usual and 0 is:
      // each row's value 1 is 1,960 split. One warning at 2:4 naming 1960, counting the 3 cells. (Before: read as 1,
      // 4, 3 without a word.)
      const text = "unit,year,indicator,value,\nU,2017,A,1,960\nU,2018,A,4,120\nU,2019,A,3,333\n";
      expect(marksOf(text)).toEqual([mark("1", ["960"], 5, "", 5, 4).thousandsSplit, mark("4", ["120"], 5, "", 5, 4).thousandsSplit, mark("3", ["333"], 5, "", 5, 4).thousandsSplit]);
      expect(warningOf(text)).toEqual([2, 4, "1960"]);
      // A note column left empty under the unnamed header, as a trailing comma on every line writes it: nothing.
      expect(marksOf("unit,year,indicator,value,\nU,2017,A,1,\nU,2018,A,4,\n")).toEqual([undefined, undefined]);
    });

    it("is the same in a wide layout: 2019 = 1 and 2020 = 234 as written, but a row with two fields to spare is split", () => {
      // 甲 | x1 | 5 | 6 | ok | "" and 乙 | x1 | 1 | 234 | ok | "": 6 fields for 5 each, 甲's no split (5 then 6, 6 then
      // ok), so 1 spare field is usual and 乙's 1, 234 are two values. 丙 | x1 | 1 | 234 | 6 | "" | "": 7 fields, 2 to
      // spare: 2019 (column 3) reads 1 where 1,234 was meant, 234 (2020) its group.
      const text = "unit,indicator,2019,2020,note\n甲,x1,5,6,ok,\n乙,x1,1,234,ok,\n丙,x1,1,234,6,,\n";
      const parsed = parseDataCsv(text, "w.csv");
      expect(parsed.ok && parsed.value.map((record) => [record.unit, record.year, record.value, record.thousandsSplit])).toEqual([
        ["甲", 2019, 5, undefined],
        ["甲", 2020, 6, undefined],
        ["乙", 2019, 1, undefined],
        ["乙", 2020, 234, undefined],
        ["丙", 2019, 1, mark("1", ["234"], 4, "2020", 7, 5).thousandsSplit],
        ["丙", 2020, 234, undefined],
      ]);
      expect(warningOf(text)).toEqual([4, 3, "1234"]);
    });
  });

  it("leaves a row whose fields past the header's are not empty refused as before, with the hint to quote", () => {
    // A | 2019 | x1 | 1 | 234 | x: the 6th field is not empty.
    const parsed = parseDataCsv("unit,year,indicator,value,note\nA,2019,x1,1,234,x\n", "v.csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map(({ code, line, column, message }) => [code, line, column, message])).toEqual([
      ["E_FIELD_COUNT", 2, 6, messages.wrongFieldCount(6, 5, true, 1)],
    ]);
  });

  it("marks nothing where a comma is no thousands separator, nor where the cells are no split number", () => {
    // Quoted as Excel writes it: 1234, one field.
    expect(marksOf('unit,year,indicator,value,note\nA,2019,x1,"1,234",x\n')).toEqual([undefined]);
    // 0,234 (a decimal comma), 2345 (no group of three), 23, 1.5 before the comma, a percent after it: in a row of 6
    // fields for 5, still no split.
    for (const [value, next] of [["0", "234"], ["1", "2345"], ["1", "23"], ["1.5", "234"], ["1", "234%"]])
      expect(marksOf(`unit,year,indicator,value,note\nA,2019,x1,${value},${next},\n`), `${value},${next}`).toEqual([undefined]);
    // A ;-separated or tab-separated file (its comma never splits a field), and a comma file read with --decimal ,.
    expect(marksOf("unit;year;indicator;value;note\nA;2019;x1;1;234;\n")).toEqual([undefined]);
    expect(marksOf("unit\tyear\tindicator\tvalue\tnote\nA\t2019\tx1\t1\t234\t\n")).toEqual([undefined]);
    expect(marksOf("unit,year,indicator,value,note\nA,2019,x1,1,234,\n", { decimal: "," })).toEqual([undefined]);
  });

  it("marks nothing in a workbook sheet, which has no delimiter to split a cell", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("数据");
    sheet.addRow(["unit", "year", "indicator", "value", "note"]);
    sheet.addRow(["A", 2019, "x1", "1", "234"]);
    const { table } = await parseWorkbookTable(new Uint8Array(await book.xlsx.writeBuffer()), "v.xlsx");
    const parsed = parseDataTable(table, "v.xlsx[数据]");
    expect(parsed.ok && parsed.value.map((record) => [record.value, record.thousandsSplit])).toEqual([[1, undefined]]);
  });
});

describe("the unit column's number, for the warnings about a unit (W_UNIT_TOTAL, W_UNIT_LOOKALIKE)", () => {
  // Tree G = A: a total row 合计数 among two units; 西太湖园 (one row, 2018) beside 西太湖园区 (2017): alike by name.
  const tree = () => {
    const built = buildTree([
      { line: 2, code: "G", parent: "", name: "G", weight: "", direction: "" },
      { line: 3, code: "A", parent: "G", name: "A", weight: "", direction: "+" },
    ]);
    if (!built.ok) throw new Error("tree");
    return built.value;
  };
  const warningsOf = (records: ValueRecord[], source: string) => {
    const built = buildPanel(tree(), records, source);
    if (!built.ok) throw new Error("panel");
    return unitLookalikeWarnings(built.value).map(({ code, source, line, column }) => ({ code, source, line, column }));
  };

  it("of a CSV file: the unit column's place (1-based), here the 2nd", () => {
    // Lines: 常州 2, 合计数 3, 西太湖园区 4, 西太湖园 5; the unit (评价对象) is the 2nd column.
    const parsed = parseDataCsv("年份,评价对象,指标代码,数值\n2017,常州,A,1\n2017,合计数,A,9\n2017,西太湖园区,A,3\n2018,西太湖园,A,4\n", "v.csv");
    if (!parsed.ok) throw new Error("records");
    expect(warningsOf(parsed.value, "v.csv")).toEqual([
      { code: "W_UNIT_TOTAL", source: "v.csv", line: 3, column: 2 },
      { code: "W_UNIT_LOOKALIKE", source: "v.csv", line: 5, column: 2 },
    ]);
  });

  it("of a workbook sheet: its column, as counted from A (the unit in C, the 3rd); of the wide layout too", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("数据");
    sheet.addRow(["year", "indicator", "unit", "value"]);
    sheet.addRow([2017, "A", "常州", 1]);
    sheet.addRow([2017, "A", "合计", 9]);
    const { table } = await parseWorkbookTable(new Uint8Array(await book.xlsx.writeBuffer()), "v.xlsx");
    const parsed = parseDataTable(table, "v.xlsx[数据]");
    if (!parsed.ok) throw new Error("records");
    expect(warningsOf(parsed.value, "v.xlsx[数据]")).toEqual([{ code: "W_UNIT_TOTAL", source: "v.xlsx[数据]", line: 3, column: 3 }]);
    // Wide by year, the unit in the 2nd column (line 3: 合计).
    const wide = parseDataCsv("indicator,unit,2017\nA,常州,1\nA,合计,9\n", "w.csv");
    if (!wide.ok) throw new Error("records");
    expect(warningsOf(wide.value, "w.csv")).toEqual([{ code: "W_UNIT_TOTAL", source: "w.csv", line: 3, column: 2 }]);
  });
});
