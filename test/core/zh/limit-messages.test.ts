import { describe, expect, it } from "vitest";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { limitMessagesZh } from "../../../src/core/zh/limit-messages.js";
import { checkTranslation } from "./facts.js";

describe("limitMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(limitMessages, limitMessagesZh, [
      // files
      ["binaryFile", ["values.csv", "a PDF document"]],
      ["binaryFile", ["values.csv", "a 7-Zip archive (unpack it first)"]],
      ["binaryFile", ["values.xlsx", "a ZIP archive that is not an Excel workbook (no xl/workbook.xml among its 12 entries; unpack it first)"]],
      ["binaryFile", ["values.csv", "binary data (NUL bytes in its first bytes)"]],
      ["binaryFile", ["values.csv", "a kind this translation does not know"]],
      ["nulByte", ["values.csv", 1001, 16806]],
      ["queryFileNul", ["values.sql", "data/firms.csv", 6, 90]],
      ["queryFileNul", ["values.sql", "data/firms.csv", undefined, 15806]],
      ["queryFileBinary", ["values.sql", "firms.csv", "a PDF document"]],
      ["queryFileBinary", ["values.sql", "firms.csv", "an Excel workbook (.xlsx)"]],
      ["queryFileBinary", ["values.sql", "firms.csv", "binary data (NUL bytes in its first bytes)"]],
      ["queryFileNotParquet", ["values.sql", "firms.parquet", "a Parquet file cut short (its end is missing: copy it again)"]],
      ["queryFileNotParquet", ["values.sql", "firms.parquet", "UTF-8 text"]],
      ["queryFileEncoding", ["values.sql", "firms.csv", "GBK", "csv"]],
      ["queryFileEncoding", ["tree.csv:3: indicator R, column sql", "firms.csv", "UTF-16LE", "csv"]],
      ["queryFileEncoding", ["values.sql", "firms.json", "UTF-16LE", "json"]],
      ["queryFileEncoding", ["values.sql", "firms.csv", "UTF-16BE", "csv"]],
      ["queryFileEncoding", ["values.sql", "firms.json", "GBK", "json"]],
      ["queryFileEncoding", ["values.sql", "firms.csv.gz", "GBK", "csv", true]],
      ["queryFileEncoding", ["values.sql", "firms.csv.gz", "UTF-16LE", "csv", true]],
      ["queryFileEncoding", ["values.sql", "firms.json.gz", "UTF-16BE", "json", true]],
      ["queryFileBinary", ["values.sql", "firms.csv.gz", "a PDF document", true]],
      ["queryFileByteOrder", ["values.sql", "firms.csv"]],
      ["queryFileByteOrder", ["tree.csv:3: indicator R, column sql", "data/firms.csv"]],
      ["parquetNotParquet", ["values.parquet", "an Excel workbook (.xlsx)"]],
      ["parquetNotParquet", ["values.parquet", "GBK/GB18030 text"]],
      ["parquetNotParquet", ["values.parquet", "an old Excel workbook (.xls)"]],
      ["parquetNotParquet", ["values.parquet", "UTF-16BE text"]],
      ["queryFileBinary", ["values.sql", "firms.csv", "a Parquet file"]],
      ["parquetNotParquet", ["values.parquet", "UTF-16LE text"]],
      ["fileTooLarge", ["values.csv", 5 * 1024 ** 3, 4 * 1024 ** 3]],
      ["fileTooLarge", ["values.csv", undefined, 4 * 1024 ** 3]],
      ["textTooLarge", ["tree.csv", 600 * 1024 ** 2, 512 * 1024 ** 2]],
      ["textTooLarge", ["tree.csv", 700, 512]],
      ["bomNotUtf8", ["values.csv", "GBK"]],
      ["bomNotUtf8", ["values.csv", undefined]],
      ["unreadSpreadsheets", ["data", ["2020.xls"]]],
      ["unreadSpreadsheets", ["data", ["2020.ods", "2021.et", "a.xls", "b.xls", "c.xls", "d.xls", "e.xls", "f.xls", "g.xls", "h.xls"]]],
      ["unreadValuesFiles", ["data", "source", ["2018.parquet", "2019.sql"]]],
      ["unreadValuesFiles", ["data", "compressed", ["2018.csv.gz"]]],
      ["unreadValuesFiles", ["data", "other", ["a.json", "b.json", "c.json", "d.json", "e.json", "f.json", "g.json", "h.json", "i.json"]]],
      ["emptyValuesFolder", ["data/values", []]],
      ["emptyValuesFolder", ["data/values", ["README.md", "notes.docx"]]],
      ["emptyValuesFolder", ["data/values", ["a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf", "f.pdf", "g.pdf", "h.pdf", "i.pdf", "j.pdf", "k.pdf"]]],
      // workbooks
      ["xlsxUnpackedTooLarge", ["values.xlsx", 300 * 1024 ** 2, 256 * 1024 ** 2]],
      ["xlsxPartTooLarge", ["values.xlsx", "xl/worksheets/sheet1.xml", 10]],
      [
        "xlsxTooManyCells",
        [
          "values.xlsx",
          17_179_721_740,
          [
            { kind: "rows", sheet: "数据", cells: 12 },
            { kind: "merged", sheet: "数据", ranges: 1, largest: "A10:XFD1048576", cells: 17_179_721_728 },
          ],
          2_000_000,
        ],
      ],
      [
        "xlsxTooManyListedCells",
        [
          "values.xlsx",
          17_181_966_335,
          [
            { kind: "validation", sheet: "数据", ranges: 3, largest: "A2:A1048576", cells: 2_097_151 },
            { kind: "validation", sheet: "2019", ranges: 1, largest: "B2:B9", cells: 8 },
            { kind: "validation", sheet: "2020", ranges: 2, largest: "C2:C9", cells: 9 },
            { kind: "name", name: "all", largest: "数据!$A$1:$XFD$1048576", cells: 17_179_869_184 },
            { kind: "merged", sheet: "2021", ranges: 1, largest: "A1:B1", cells: 2 },
          ],
          8_000_000,
        ],
      ],
      ["auditTooLarge", [100_000, "A", 100_000, 3, { bytes: 5.64e12, seconds: 78_030_001 }, { bytes: 2 * 1024 ** 3, seconds: 600 }, 1919]],
      ["auditTooLarge", [2000, "创新投入", 2000, 3, { bytes: 2.2e9, seconds: 636 }, { bytes: 2 * 1024 ** 3, seconds: 600 }, 1919]],
      ["xlsxTooManyMergedRanges", ["values.xlsx[数据]", 5001, 5000]],
      ["xlsxBeyondSheet", ["values.xlsx[数据]", "row", "900000000"]],
      ["xlsxBeyondSheet", ["values.xlsx[数据]", "cell", "XFE1"]],
      ["xlsxBeyondSheet", ["values.xlsx[数据]", "column range", "1:100000000"]],
      // YAML
      ["yamlTooLarge", ["tree.yaml", 3_690_000, 2 * 1024 ** 2, "tree"]],
      ["yamlTooLarge", ["ahp.yaml", 3 * 1024 ** 2, 2 * 1024 ** 2, "judgements"]],
      ["yamlTooLarge", ["index.yaml", 3 * 1024 ** 2, 2 * 1024 ** 2, "project"]],
      ["unknownTreeKey", ["wieght", "weight"]],
      ["unknownTreeKey", ["colour", undefined]],
      ["unknownTreeColumn", ["normalize_method", "normalise"]],
      ["unknownTreeColumn", ["备注", undefined]],
      ["yamlAlias", ["*defaults"]],
      // depth
      ["treeTooDeep", ["A1", 33, 32]],
      ["yamlTooDeep", [812, "tree", 50]],
      ["yamlTooDeep", [552, "judgements"]],
      ["yamlTooDeep", [552, "project"]],
      ["formulaTooDeep", [64]],
      // memory
      ["designTooLarge", [12.5 * 1024 ** 3, 4 * 1024 ** 3, 10000]],
      ["panelTooLarge", ["values.csv", 100_000, 1000, 50, 2 ** 28]],
      ["panelTooLarge", [undefined, 3, 2, 1, 4]],
      ["queryMemoryLimit", ["values.sql", 8 * 1024 ** 3]],
      ["queryMemoryLimit", ["values.parquet", 16 * 1024 ** 2, false]],
      ["queryMemoryLimit", ["tree.csv:3: indicator B, column sql", 16 * 1024 ** 2, "indicator"]],
      ["queryMemoryLimit", ["values.sql", 2 * 1024 ** 3, true, "container"]],
      ["queryMemoryLimit", ["values.parquet", 8 * 1024 ** 3, false, "variable"]],
      ["queryMemoryLimit", ["values.sql", 16 * 1024 ** 2, true, "option"]],
      ["indicatorQueryRows", ["tree.csv:3: indicator B, column sql", 1_342_177, 200, 2 ** 28]],
      // projects
      ["pathOutsideProject", ["values", "/home/data/values.csv", true]],
      ["pathOutsideProject", ["tree", "../tree.csv", false]],
    ]));

  it("says what a refused workbook holds (written out by hand)", () => {
    expect(
      limitMessagesZh.xlsxTooManyCells(
        "values.xlsx",
        17_179_721_740,
        [
          { kind: "rows", sheet: "数据", cells: 12 },
          { kind: "merged", sheet: "数据", ranges: 1, largest: "A10:XFD1048576", cells: 17_179_721_728 },
        ],
        2_000_000,
      ),
    ).toBe(
      'values.xlsx：工作簿涉及 17,179,721,740 个单元格，超过了工作簿允许的 2,000,000 个（工作簿逐个单元格读取，每百万个单元格约需 6 秒和 600 MB 内存）：工作表 "数据" 上的合并区域 A10:XFD1048576：17,179,721,728 个单元格，工作表 "数据" 的各行：12 个单元格；应使用更小的工作簿（清除远处的单元格、取消合并单元格），或将该工作表另存为 CSV（在 Excel 中：另存为 "CSV UTF-8"），本工具读取 CSV 要快得多',
    );
  });

  it("says what the most common messages say (written out by hand)", () => {
    expect(limitMessagesZh.unknownTreeColumn("wieght", "weight")).toBe(
      '未知的列 "wieght"（是否应为 "weight"？）；应为指标体系的列，如 code、parent、name、weight、direction，或设置项，如 normalise、cap、formula（自定义备注：以 "x_" 或 "note" 开头的列）',
    );
    expect(limitMessagesZh.fileTooLarge("values.csv", 5 * 1024 ** 3, 4 * 1024 ** 3)).toBe(
      "values.csv：文件大小为 5 GB，大于输入文件允许的 4 GB；应使用更小的文件（把数据拆分到一个文件夹的多个文件中，每年一个）",
    );
    expect(limitMessagesZh.binaryFile("values.csv", "a PDF document")).toBe(
      "values.csv：文件看起来是 PDF 文档，而不是文本或 Excel 工作簿；应为 CSV 文件（UTF-8 或 GBK）、.xlsx 工作簿，指标体系还可以是 YAML",
    );
    expect(limitMessagesZh.textTooLarge("tree.csv", 700, 512)).toBe(
      "tree.csv：文件大小为 700 字节，必须作为文本读取，而文本最多容纳 512 字节；应使用更小的文件（普通长格式的 UTF-8 CSV 文件无论多大都直接按字节读取；也可以把数据拆分到一个文件夹的多个文件中）",
    );
    // A tree's sql query gives one indicator's values: one row per unit and year; a .sql values file one per unit,
    // year and indicator. 16 * 1024^2 bytes is 16 MB.
    expect(limitMessagesZh.queryMemoryLimit("tree.csv:3: indicator B, column sql", 16 * 1024 ** 2, "indicator")).toBe(
      "tree.csv:3: indicator B, column sql：DuckDB 读取数值所需的内存超过了它可用的 16 MB（本机内存的一半），已被终止；应在此限度内读完数值：让查询每个评价对象和年份只返回一行（在查询中汇总微观数据：GROUP BY unit, year），简化查询（没有连接条件的 JOIN 会使行数成倍增加），或用 --threads 1 运行（DuckDB 的每个线程都另占内存），或换用内存更大的机器",
    );
    expect(limitMessagesZh.queryMemoryLimit("values.sql", 16 * 1024 ** 2)).toContain("让查询每个评价对象、年份和指标只返回一行");
    // Where the limit came from, and how to raise it: the container's cgroup limit, or the variable (8 × 1024^3 = 8 GB).
    expect(limitMessagesZh.queryMemoryLimit("values.parquet", 2 * 1024 ** 3, false, "container")).toBe(
      "values.parquet：DuckDB 读取数值所需的内存超过了它可用的 2 GB（其所在容器或服务内存上限的一半），已被终止；应在此限度内读完数值：用 --threads 1 运行（DuckDB 的每个线程都另占内存），或为该容器或服务分配更多内存（其 cgroup 内存上限）",
    );
    expect(limitMessagesZh.queryMemoryLimit("values.parquet", 8 * 1024 ** 3, false, "variable")).toBe(
      "values.parquet：DuckDB 读取数值所需的内存超过了它可用的 8 GB（INNOVATION_INDEX_QUERY_MEMORY_LIMIT），已被终止；应在此限度内读完数值：用 --threads 1 运行（DuckDB 的每个线程都另占内存），或调高 INNOVATION_INDEX_QUERY_MEMORY_LIMIT（例如 8GB），但不超过本机内存",
    );
    // The tree is given with -i (--indicators), not -t, which audit does not have.
    expect(limitMessagesZh.auditTooLarge(2000, "A", 2000, 3, { bytes: 2.2e9, seconds: 636 }, { bytes: 2 * 1024 ** 3, seconds: 600 }, 1919)).toMatch(
      /或只审计指标树的一部分（用 -i（--indicators，或 index\.yaml 中的 indicators:）给出只含部分指标的指标树文件）$/,
    );
    expect(limitMessagesZh.pathOutsideProject("tree", "../tree.csv", false)).toBe(
      'tree：路径 "../tree.csv" 超出了项目文件夹；应为相对于 index.yaml 所在文件夹且位于其中的路径（或在 index.yaml 中设置 allow-outside: true，或指定 --allow-outside-project）',
    );
  });

  it("says what a file a values query reads is: JSON advice without Excel's CSV, the text inside gzip data, UTF-16BE read as UTF-16LE (written out by hand)", () => {
    expect(limitMessagesZh.queryFileEncoding("q.sql", "gbk.json", "GBK", "json")).toBe(
      "q.sql：查询读取 gbk.json，该文件是 GBK/GB18030 文本，而不是 DuckDB 所要求的 UTF-8；应为 UTF-8：请在写出它的编辑器或程序中重新另存为 UTF-8，或转换其编码（iconv -f GB18030 -t UTF-8）；DuckDB 的 read_json 只读取 UTF-8",
    );
    expect(limitMessagesZh.queryFileEncoding("q.sql", "u16.csv.gz", "UTF-16LE", "csv", true)).toBe(
      'q.sql：查询读取 u16.csv.gz，这是 gzip 压缩数据，其中的文本是 UTF-16LE 文本（Excel 另存为 "Unicode 文本"（英文版为 "Unicode Text"）时即为此编码），而不是 DuckDB 所要求的 UTF-8；' +
        "应为 UTF-8：在读取它的 read_csv 调用中加上 encoding = 'utf-16'，或先解压（gzip -d），再重新另存为 UTF-8（在 Excel 中：另存为 \"CSV UTF-8\"，中文版 Excel 中为 \"CSV UTF-8(逗号分隔)\"）",
    );
    expect(limitMessagesZh.queryFileBinary("q.sql", "report.csv.gz", "a PDF document", true)).toMatch(/^q\.sql：查询读取 report\.csv\.gz，这是 gzip 压缩数据，其解压后的内容看起来是 PDF 文档，而不是文本；/);
    expect(limitMessagesZh.queryFileByteOrder("q.sql", "be.csv")).toBe(
      "q.sql：查询读取 be.csv，该文件是 UTF-16BE 文本，但 DuckDB 的 encoding = 'utf-16' 只读取 UTF-16LE：它读出的列是以错误的字节顺序读取该文本所得；" +
        '应为 UTF-8 或 UTF-16LE：请重新另存为 UTF-8（在 Excel 中：另存为 "CSV UTF-8"，中文版 Excel 中为 "CSV UTF-8(逗号分隔)"），或将其转换为 UTF-16LE（iconv -f UTF-16BE -t UTF-16LE），encoding = \'utf-16\' 即可读取',
    );
  });
});
