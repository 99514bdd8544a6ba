import { describe, expect, it } from "vitest";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { readerMessagesZh } from "../../../src/core/zh/reader-messages.js";
import { checkTranslation } from "./facts.js";

describe("readerMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(readerMessages, readerMessagesZh, [
      ["noSuchFile", ["values.csv"]],
      ["isFolder", ["values.csv"]],
      ["cannotRead", ["values.csv", "EACCES"]],
      ["oldXls", ["values.xls"]],
      ["csvQuoteNotClosed", ["values.csv:12"]],
      ["csvSyntax", ["values.csv:3", "Invalid Record Length"]],
      ["xlsxUnreadable", ["values.xlsx", "End of data reached"]],
      ["xlsxLikeValueSheets", ["values.xlsx", ["2018", "2019"]]],
      ["xlsxLikeTreeSheets", ["tree.xlsx", ["指标", "指标 (2)"]]],
      ["xlsxValueSheets", ["values.xlsx", ["数据", "2021"]]],
      ["xlsxNoSheets", ["values.xlsx"]],
      ["xlsxDefaultSheetNoValues", ["values.xlsx", false, ["数据", "2019"]]],
      ["xlsxDefaultSheetNoValues", ["values.xlsx", true, ["数据"]]],
      ["xlsxNoSuchSheet", ["values.xlsx", "2020", ["2018", "2019"]]],
      ["xlsxFormulaWithoutResult", ["B3", "SUM(C3:D3)"]],
      ["xlsxSharedFormulaWithoutResult", ["B4", "B3"]],
      ["xlsxHidden", ["values.xlsx[数据]", [3], [], undefined]],
      ["xlsxHidden", ["values.xlsx[数据]", [], ["E", "F"], undefined]],
      ["xlsxHidden", ["values.xlsx[数据]", [3, 4, 5, 6, 7, 8, 9], ["E"], "A1:D20"]],
      ["xlsxHidden", ["values.xlsx[数据]", [3, 4], [], undefined, { lowRows: [3, 4] }]],
      ["xlsxHidden", ["values.xlsx[数据]", [3, 4, 5], ["C", "E"], "A1:D20", { lowRows: [4], defaultRows: [5], narrowColumns: ["C"] }]],
      ["treeYamlSyntax", ["tree.yaml:7:3", readerMessages.yamlTabIndent()]],
      ["treeYamlSyntax", ["tree.yaml:7:3", readerMessages.yamlDuplicateKey("code", 5), 9]],
      ["treeYamlNotList", ["tree.yaml"]],
      ["treeYamlNotNode", ["tree.yaml:4"]],
      ["ahpYamlSyntax", ["ahp.yaml:2:1", readerMessages.yamlBadIndent()]],
      ["yamlDuplicateKey", ["decimals", 12]],
      ["yamlDuplicateKey", ["decimals", undefined]],
      ["yamlTabIndent", []],
      ["yamlBadIndent", []],
      ["yamlSyntaxOther", ['Missing closing "quote', "MISSING_CHAR", "tree"]],
      ["yamlSyntaxOther", ["Unexpected scalar at node end", "UNEXPECTED_TOKEN", "judgements"]],
      ["yamlSyntaxOther", ["Nested mappings are not allowed in compact mappings", "BLOCK_AS_IMPLICIT_KEY", "project"]],
      ["ahpYamlNotMap", []],
      ["ahpYamlNotJudgement", ["A"]],
      ["ahpYamlNotGroup", ["A"]],
      ["ahpYamlNotSquare", [3, "A"]],
      ["ahpDiagonal", ["A", 2, "A1"]],
      ["ahpNotReciprocal", ["A", 3, "A1", "A2", 0.5]],
      ["indicatorQuery", ["tree.csv:5", "A11"]],
      ["sqlStatements", ["values.sql", 2]],
      ["sqlStatements", ["values.sql", 0]],
      ["sqlNotSelect", ["values.sql", "COPY"]],
      ["sqlRootTooWide", ["/", false]],
      ["sqlRootTooWide", ["/home/index", true]],
      ["sqlRefused", ["values.sql", "Parser Error: syntax error at or near \"FORM\""]],
      ["queryTimeLimit", ["values.sql", 3600, "INNOVATION_INDEX_QUERY_TIME_LIMIT"]],
      ["queryTimeLimit", ["values.parquet", 3600, "INNOVATION_INDEX_QUERY_TIME_LIMIT", false]],
      ["queryTimeLimitVariable", ["INNOVATION_INDEX_QUERY_TIME_LIMIT", "1h", 2147483]],
      ["queryMemoryLimitVariable", ["INNOVATION_INDEX_QUERY_MEMORY_LIMIT", "15MB", 16 * 1024 ** 2]],
      ["querySpillFailed", ["values.sql", 16 * 1024 ** 2, "/tmp/innovation-index-duckdb-42-0a1b2c3d4e5f", 'IO Error: Failed to create directory "/tmp/x"']],
      ["sqlNotUtf8", ["values.sql", "Invalid Input Error: CSV Error on Line: 2 … This file is not utf-8 encoded."]],
      ["sqlRemoteFile", ["values.sql", "https://example.com/values.csv"]],
      ["sqlExtension", ["values.sql", "read_xlsx", "excel"]],
      ["specialFile", ["values.sql", "named pipe", "data/micro.csv"]],
      ["specialFile", ["values.parquet", "character device"]],
      ["runInputSpecialFile", ["data/values.csv", "named pipe"]],
      ["sqlQueryTextBuilt", ["values.sql", "query", 3]],
      ["sqlQueryTextBuilt", ["tree.csv:3: indicator B, column sql", "query_table", undefined]],
      ["parquetUnreadable", ["values.parquet", "No magic bytes found at end of file"]],
      ["parquetDataUnreadable", ["values.parquet", "Invalid Input Error: Payload value bigger than allowed"]],
      ["parquetLayout", ["values.parquet", ["unit", "code", "amount"]]],
      ["parquetYearType", ["values.parquet", "2018", "VARCHAR"]],
      ["sqlColumnMissing", ["values.sql", "value", ["unit", "year", "indicator"]]],
      ["sqlColumnType", ["values.sql", "year", "VARCHAR"]],
      ["sqlColumnType", ["values.sql", "value", "VARCHAR"]],
      ["sqlColumnType", ["values.sql", "unit", "INTEGER"]],
      ["sqlColumnUnexpected", ["values.sql", "amount"]],
      ["sqlColumnRepeated", ["values.sql", "value", ["value", "VALUE"], true]],
      ["sqlColumnRepeated", ["wide.parquet", "2018", ["2018", "2018.0"], false]],
      ["sqlBadYear", ["values.sql", "20170101", 8]],
      ["sqlBadYear", ["tree.csv:5: indicator A11, column sql", "-5", 1]],
      ["moreBadYears", ["values.sql", 3]],
      ["sqlNullRows", ["values.sql", 1, "year"]],
      ["sqlNulInUnit", ["values.sql", 2, "A␀B"]],
      ["sqlNullRows", ["values.sql", 4, "indicator"]],
      ["moreInfiniteValues", ["values.parquet", 12]],
      ["moreUnknownIndicators", ["values.parquet", 7]],
      ["duplicateRows", ["values.sql", "常州高新区", 2018, "A11", 2]],
      ["moreDuplicateRows", ["values.sql"]],
      ["indicatorYearColumn", ["tree.csv:5: indicator A11, column sql", undefined]],
      ["indicatorYearColumn", ["tree.csv:5: indicator A11, column sql", "VARCHAR"]],
      ["indicatorValueColumn", ["tree.csv:5: indicator A11, column sql", undefined]],
      ["indicatorValueColumn", ["tree.csv:5: indicator A11, column sql", "VARCHAR"]],
      ["indicatorUnitColumn", ["tree.csv:5: indicator A11, column sql", "INTEGER"]],
      ["indicatorColumnUnexpected", ["tree.csv:5: indicator A11, column sql", "amount"]],
      ["indicatorNullRow", ["tree.csv:5: indicator A11, column sql", "unit"]],
      ["emptyPathOption", ["indicators"]],
      ["emptyPathOption", ["data"]],
      ["optionOtherName", ["language"]],
      ["optionOtherName", ["weighting.years"]],
    ]));

  it("says what Chinese Excel and SQL users read (written out by hand)", () => {
    expect(readerMessagesZh.oldXls("数据.xls")).toBe('数据.xls：这是旧版 Excel .xls 工作簿；应为 .xlsx 或 CSV 文件（在 Excel 中：另存为 "Excel Workbook"，即 "Excel 工作簿"）');
    expect(readerMessagesZh.xlsxNoSuchSheet("数据.xlsx", "2020", ["2018", "2019"])).toBe('数据.xlsx：没有工作表 "2020"；应为 "2018"、"2019" 之一，或 1 到 2 之间的序号');
    expect(readerMessagesZh.xlsxHidden("数据.xlsx[数据]", [3, 4, 5, 6, 7, 8, 9], ["E"], "A1:D20")).toBe(
      "数据.xlsx[数据]：第 3、4、5、6、7 行（共 7 行）和 E 列在 Excel 中被隐藏（工作表设有筛选，范围 A1:D20），但与可见的行列一样照常读取（其中的数值都会计入；隐藏行若与可见行重复，即为重复值）；" +
        "应为工作表中只有要读取的行和列：请删除不想读取的行或列（隐藏或筛选掉并不能排除它们）",
    );
    // Row 3 hidden by the filter, row 4 of a height under 1 point, row 5 by the sheet's default, column C narrow.
    expect(readerMessagesZh.xlsxHidden("数据.xlsx[数据]", [3, 4, 5], ["C"], "A1:D20", { lowRows: [4], defaultRows: [5], narrowColumns: ["C"] })).toBe(
      "数据.xlsx[数据]：第 3、4、5 行和 C 列在 Excel 中被隐藏（工作表设有筛选，范围 A1:D20；第 4 行行高不足 1 磅；第 5 行由工作表默认隐藏：该表只显示单独设置了行高的行；C 列列宽不足一个数字），" +
        "但与可见的行列一样照常读取（其中的数值都会计入；隐藏行若与可见行重复，即为重复值）；应为工作表中只有要读取的行和列：请删除不想读取的行或列（隐藏或筛选掉并不能排除它们）",
    );
    // Every hidden row under 1 point high: the reason names no row.
    expect(readerMessagesZh.xlsxHidden("数据.xlsx[数据]", [3, 4], [], undefined, { lowRows: [3, 4] })).toContain("第 3、4 行在 Excel 中被隐藏（行高不足 1 磅），");
    expect(readerMessagesZh.sqlColumnType("values.sql", "year", "VARCHAR")).toBe("values.sql：列 year 的类型为 VARCHAR；应为整数（INTEGER；可转换：year::INTEGER）");
    expect(readerMessagesZh.sqlNullRows("values.sql", 3, "unit")).toBe("values.sql：有 3 行没有评价对象（unit）（NULL）；每一行都应有评价对象（unit）");
  });

  it("writes a CSV file's line as every message does (file:line: ), and asks for comma-separated values (CSV)", () => {
    expect(readerMessagesZh.csvSyntax("tree.json:1", 'a quote is found on field 0 at line 1, value is "{"')).toBe(
      'tree.json:1: 不是有效的 CSV 文件（a quote is found on field 0 at line 1, value is "{"）；应为逗号分隔值（CSV）文件',
    );
    expect(readerMessagesZh.csvQuoteNotClosed("values.csv:12")).toBe("values.csv:12: 不是有效的 CSV 文件（本行开始的引号没有闭合）；应为逗号分隔值（CSV）文件");
    // Without a line, the file alone, as noSuchFile and the other messages that name a file.
    expect(readerMessagesZh.csvSyntax("values.csv", "Invalid Record Length")).toBe("values.csv：不是有效的 CSV 文件（Invalid Record Length）；应为逗号分隔值（CSV）文件");
  });

  it("keeps the English texts the readers wrote before they were a catalogue", () => {
    // The English texts are what files and JSON logs hold; these are the texts as the readers wrote them inline.
    expect(readerMessages.sqlColumnType("q.sql", "source", "INTEGER")).toBe("q.sql: column source is INTEGER; expected text (VARCHAR)");
    expect(readerMessages.sqlNullRows("q.sql", 1, "year")).toBe("q.sql: 1 row has no year (NULL); expected a year in every row");
    expect(readerMessages.xlsxSharedFormulaWithoutResult("B4", "B3")).toMatch(/^cell B4 holds the formula =shared with B3 but not its result/);
    expect(readerMessages.treeYamlSyntax("t.yaml:3:12", readerMessages.yamlSyntaxOther("Unexpected scalar at node end", "UNEXPECTED_TOKEN", "tree"), 3)).toBe(
      't.yaml:3:12: the file is not valid YAML: Unexpected scalar at node end (UNEXPECTED_TOKEN); expected valid YAML: a list of nodes; line 3 has a bare "-" as a value, which YAML reads as the start of a list: write it quoted, direction: "-"',
    );
    // The reason, a message of its own, is translated inside the message that names it.
    expect(readerMessagesZh.treeYamlSyntax("t.yaml:2:3", readerMessagesZh.yamlDuplicateKey("code", 1))).toBe(
      't.yaml:2:3: 不是有效的 YAML 文件：键 "code" 出现了两次（第一次在第 1 行）；每个键应只出现一次',
    );
  });
});
