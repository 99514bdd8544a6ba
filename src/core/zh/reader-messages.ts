/** The Chinese messages of `readerMessages` (src/core/reader-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { Translation } from "../localize.js";
import type { HiddenReasons, readerMessages, SpecialFileKind } from "../reader-messages.js";
import { cutText, listItems, quote } from "../quote.js";
import { formatBytes, type YamlContent } from "../limit-messages.js";
import { placed } from "./words.js";

const quoted = (values: readonly string[]) => values.map(quote).join("、");

/** What a column of a query's result must hold, by column (`sqlColumnType`), in Chinese. */
const SQL_COLUMN_TYPES: Readonly<Record<string, string>> = {
  year: "整数（INTEGER；可转换：year::INTEGER）",
  value: "数值（DOUBLE）",
};

/** The columns `sqlNullRows` and `indicatorNullRow` name, in Chinese; another as it is. */
const COLUMN_WORDS: Readonly<Record<string, string>> = { year: "年份（year）", unit: "评价对象（unit）", indicator: "指标（indicator）" };
const columnWord = (column: string) => COLUMN_WORDS[column] ?? column;

/** The first few items of a list a message names (as `namedFew` in the English catalogue), and how many there are. */
const fewOf = (items: readonly (number | string)[]) => items.slice(0, 5).join("、");
const countOf = (items: readonly unknown[], noun: string) => (items.length > 5 ? `（共 ${items.length} ${noun}）` : "");

/**
 * `（工作表设有筛选，范围 A1:D20；第 3 行行高不足 1 磅）`: why the `hidden` rows and columns are hidden (as `hiddenWhy` in
 * the English catalogue); a reason for all of them names none; "" without a reason.
 */
function hiddenWhy(hidden: number, filter: string | undefined, why: HiddenReasons): string {
  const reason = (items: readonly (number | string)[], named: string, text: string) => (items.length === 0 ? "" : items.length === hidden ? text : `${named}${text}`);
  const { lowRows = [], defaultRows = [], narrowColumns = [] } = why;
  const rowsNamed = (rows: readonly number[]) => `第 ${fewOf(rows)} 行${countOf(rows, "行")}`;
  const reasons = [
    filter ? `工作表设有筛选，范围 ${filter}` : "",
    reason(lowRows, rowsNamed(lowRows), "行高不足 1 磅"),
    reason(defaultRows, rowsNamed(defaultRows), "由工作表默认隐藏：该表只显示单独设置了行高的行"),
    reason(narrowColumns, `${fewOf(narrowColumns)} 列${countOf(narrowColumns, "列")}`, "列宽不足一个数字"),
  ].filter(Boolean);
  return reasons.length > 0 ? `（${reasons.join("；")}）` : "";
}

/** A special file's kind in Chinese (`specialFile`). */
const SPECIAL_FILES: Readonly<Record<SpecialFileKind, string>> = {
  "named pipe": "命名管道（FIFO）",
  socket: "套接字（socket）",
  "character device": "字符设备",
  "block device": "块设备",
};

const SAVE_IN_EXCEL = "应为数值，或在 Excel 中打开并保存该工作簿（Excel 会保存每个公式的结果）";

/** What a YAML file should hold, by what it is (`yamlSyntaxOther`). */
const YAML_EXPECTED_ZH: Readonly<Record<YamlContent, string>> = {
  tree: "有效的 YAML：节点列表",
  judgements: "有效的 YAML：从指标组到判断的映射",
  project: "有效的 YAML：包含 indicators、values、methods 等键",
};

export const readerMessagesZh: Translation<typeof readerMessages> = {
  noSuchFile: (label) => `${label}：文件不存在；应为可读取的文件`,
  isFolder: (label) => `${label}：这是文件夹，不是文件；应为可读取的文件`,
  cannotRead: (label, reason) => `${label}：无法读取（${reason}）；应为可读取的文件`,
  oldXls: (label) => `${label}：这是旧版 Excel .xls 工作簿；应为 .xlsx 或 CSV 文件（在 Excel 中：另存为 "Excel Workbook"，即 "Excel 工作簿"）`,

  csvQuoteNotClosed: (place) => `${placed(place)}不是有效的 CSV 文件（本行开始的引号没有闭合）；应为逗号分隔值（CSV）文件`,
  csvSyntax: (place, reason) => `${placed(place)}不是有效的 CSV 文件（${reason}）；应为逗号分隔值（CSV）文件`,

  xlsxUnreadable: (source, reason) => `${source}：不是可读取的 .xlsx 工作簿（${reason}）；应为 Excel 工作簿`,
  xlsxLikeValueSheets: (source, sheets) =>
    `${source}：工作表 ${quoted(sheets)} 的列相同，而一个工作簿只读取一个工作表；应把数值放在一个工作表中（或用 --sheet 只读取一个工作表，或把每个工作表另存为同一文件夹中的文件，再指定该文件夹；如果每个工作表是一个评价对象，各文件中都应有评价对象列）`,
  xlsxValueSheets: (source, sheets) =>
    `${source}：工作表 ${quoted(sheets)} 各有一个数值表，除年份外的列相同（每年或每个评价对象一个工作表），而一个工作簿只读取一个工作表，即第一个 ${quote(sheets[0])}，其他工作表的数值会被遗漏；应把数值放在一个工作表中（或用 --sheet 只读取一个工作表，或把每个工作表另存为同一文件夹中的文件，再指定该文件夹；如果每个工作表是一个评价对象，各文件中都应有评价对象列）`,
  xlsxLikeTreeSheets: (source, sheets) =>
    `${source}：工作表 ${quoted(sheets)} 的列相同，而一个工作簿只读取一个工作表；应把指标体系放在一个工作表中（或用 --tree-sheet 只读取一个工作表）`,
  xlsxDefaultSheetNoValues: (source, empty, others) =>
    `${source}：默认读取的第一个工作表${empty ? "为空" : "中没有数值表"}，而工作簿中还有其他工作表 ${quoted(others)}；应用 --sheet 指定数值所在的工作表，例如 --sheet ${JSON.stringify(others[0])}`,
  xlsxNoSheets: (source) => `${source}：工作簿中没有工作表；应至少有一个工作表`,
  xlsxNoSuchSheet: (source, sheet, sheets) => `${source}：没有工作表 ${quote(sheet)}；应为 ${quoted(sheets)} 之一，或 1 到 ${sheets.length} 之间的序号`,
  xlsxFormulaWithoutResult: (address, formula) =>
    `单元格 ${address} 含有公式 =${formula}，但没有保存其结果（该文件由程序写出，从未在 Excel 中保存）；${SAVE_IN_EXCEL}`,
  xlsxHidden: (source, rows, columns, filter, why = {}) =>
    `${source}：${[rows.length > 0 ? `第 ${fewOf(rows)} 行${countOf(rows, "行")}` : "", columns.length > 0 ? `${fewOf(columns)} 列${countOf(columns, "列")}` : ""].filter(Boolean).join("和 ")}` +
    `在 Excel 中被隐藏${hiddenWhy(rows.length + columns.length, filter, why)}，但与可见的行列一样照常读取（其中的数值都会计入；隐藏行若与可见行重复，即为重复值）；` +
    `应为工作表中只有要读取的行和列：请删除不想读取的行或列（隐藏或筛选掉并不能排除它们）`,
  xlsxSharedFormulaWithoutResult: (address, master) =>
    `单元格 ${address} 含有与 ${master} 共用的公式，但没有保存其结果（该文件由程序写出，从未在 Excel 中保存）；${SAVE_IN_EXCEL}`,

  treeYamlSyntax: (place, reason, bareMinusLine) =>
    `${placed(place)}不是有效的 YAML 文件：${reason}${
      bareMinusLine === undefined ? "" : `；第 ${bareMinusLine} 行的值是单独的 "-"，YAML 会把它读作列表的开始：应加引号，写作 direction: "-"`
    }`,
  treeYamlNotList: (source) => `${source}：应为节点列表（每个节点都有 code）`,
  treeYamlNotNode: (place) => `${placed(place)}应为含有 code、name、weight、direction 等键的节点`,

  ahpYamlSyntax: (place, reason) => `${placed(place)}不是有效的 YAML 文件：${reason}`,
  yamlDuplicateKey: (key, firstLine) => `键 ${quote(key)} 出现了两次${firstLine === undefined ? "" : `（第一次在第 ${firstLine} 行）`}；每个键应只出现一次`,
  yamlTabIndent: () => "本行用制表符（Tab）缩进；应使用空格缩进",
  yamlBadIndent: () => "此项的缩进与其所在列表或映射中前面各项不同；应让各项从同一列开始",
  yamlSyntaxOther: (text, code, content) => `${text}（${code}）；应为${YAML_EXPECTED_ZH[content]}`,
  ahpYamlNotMap: () => "应为从指标组代码（或 INDEX）到 [a, b, value] 列表或 { order, matrix } 的映射",
  ahpYamlNotJudgement: (group) => `指标组 ${quote(group)} 下应为 [a, b, value] 形式的判断`,
  ahpYamlNotGroup: (group) => `指标组 ${quote(group)} 下应为 [a, b, value] 列表或 { order: [...], matrix: [[...], ...] }`,
  ahpYamlNotSquare: (size, group) => `指标组 ${quote(group)} 下应为 ${size} x ${size} 的矩阵（"order" 中每个代码一行一列）`,
  ahpDiagonal: (group, found, code) => `指标组 ${quote(group)} 的判断矩阵对角线应为 1，而 ${quote(code)} 处为 ${found}`,
  ahpNotReciprocal: (group, upper, a, b, lower) =>
    `指标组 ${quote(group)}：矩阵中 ${quote(a)} 对 ${quote(b)} 为 ${upper}，反过来却为 ${lower}；应互为倒数（${lower} 应为 1/${upper}）`,

  indicatorQuery: (place, code) => `${placed(place)}指标 ${code} 的 sql 列`,
  sqlStatements: (label, count) => `${label}：查询中${count === 0 ? "没有语句" : `有 ${count} 条语句`}；应恰好为一条 SELECT 语句`,
  sqlNotSelect: (label, kind) => `${label}：查询不是 SELECT 语句（${kind}）；应为只读取数据的查询`,
  sqlRootTooWide: (root, home) =>
    `查询只能读取其运行文件夹内的文件，此处为 ${quote(root)}（${home ? "用户主文件夹" : "整个文件系统"}），起不到限制作用；应在数据所在文件夹中运行（项目之外，查询读取当前文件夹），或在项目中运行（查询读取项目文件夹）`,
  sqlRefused: (label, reason) => `${label}：DuckDB 拒绝了该查询：${reason}`,
  queryTimeLimit: (label, seconds, variable, query = true) =>
    `${label}：运行 ${seconds} 秒后被终止，已达到用 DuckDB 读取数值的时间上限；应在此时限内读完数值：${query ? "简化查询（没有连接条件的 JOIN 会使行数成倍增加），或" : ""}用 ${variable}=<秒数> 提高上限`,
  querySpillFailed: (label, limit, folder, said) =>
    `${label}：DuckDB 所需内存超过了它可用的 ${formatBytes(limit).replace(/ bytes$/, " 字节")}，且无法把超出部分写入其临时文件夹 ${folder}（${cutText(said, 300)}）；应有一个可写且有空间的临时文件夹：将 TMPDIR 设为这样的文件夹，或简化查询，或用 --threads 1 运行`,
  queryTimeLimitVariable: (variable, found, max) => `${variable} 为 ${JSON.stringify(found)}；应为 0.001 到 ${max} 之间、以数字写出的秒数（例如 7200 表示两小时）`,
  queryMemoryLimitVariable: (variable, found, min) =>
    `${variable} 为 ${JSON.stringify(found)}；应为不小于 ${formatBytes(min).replace(/ bytes$/, " 字节")} 的内存大小，例如 8GB 或 512MB（按 1024 进位），或以数字写出的字节数`,
  sqlNotUtf8: (label, reason) =>
    `${label}：DuckDB 拒绝了该查询：${reason}；查询读取的文件应为 UTF-8 编码：查询只读取 UTF-8（不加载任何 DuckDB 扩展），请先转换该文件（iconv -f GBK -t UTF-8），或者当它是本工具可读取的数值表时，直接把它作为数值文件（本工具自己的读取器可读取 GBK）`,
  sqlRemoteFile: (label, file) =>
    `${label}：查询读取 ${file}，它不是本机上的文件（此处从不安装或加载 DuckDB 扩展，如 httpfs）；查询只能读取其可读文件夹内的文件（项目文件夹；项目之外为当前文件夹）：请把该文件下载到那里，再按路径读取`,
  sqlExtension: (label, name, extension) =>
    `${label}：查询调用了 ${name}，这是 DuckDB ${extension} 扩展中的函数，而此处从不安装或加载扩展；应只用 DuckDB 自带的函数（read_csv、read_parquet、read_json 等）`,
  specialFile: (label, kind, file) =>
    `${label}：${file === undefined ? "数值文件是" : `查询读取 ${file}，它是`}${SPECIAL_FILES[kind]}；应为普通文件（DuckDB 会无休止地等待它，而时间上限无法终止这种等待中的读取）`,
  runInputSpecialFile: (label, kind) =>
    `${label}：该输入文件是${SPECIAL_FILES[kind]}；应为普通文件（项目运行在读取每个输入文件之前先计算其哈希：管道会被哈希读空，或无休止地等待）`,
  sqlQueryTextBuilt: (label, call, line) =>
    `${label}：${line === undefined ? "" : `第 ${line} 行的`}${call}(…) 得到的是查询拼接出的文本，而不是单个字符串字面量；应为单个字符串字面量，路径直接写在其中，如 ${call.toLowerCase() === "query_table" ? "query_table('data/x.csv')" : "query('SELECT * FROM read_csv(''data/x.csv'')')"}（拼接出的文本中的路径会相对当前文件夹读取，而不是相对查询可读取的文件夹）`,
  parquetUnreadable: (label, reason) => `${label}：DuckDB 无法把该文件读作 Parquet：${reason}；应为 Parquet 文件`,
  parquetDataUnreadable: (label, reason) => `${label}：DuckDB 无法读取该 Parquet 文件中的数据：${reason}；应为完整的 Parquet 文件（请重新复制，或用生成它的程序重新写出）`,
  parquetLayout: (label, columns) =>
    `${label}：列为 ${listItems(columns, ", ", (count) => `另有 ${count} 列`)}；应为 unit、year、indicator、value（长表），或 indicator 加每年一列（如 2017）（宽表）`,
  parquetYearType: (label, column, type) => `${label}：列 ${column} 的类型为 ${type}；应为数值`,
  sqlColumnMissing: (label, column, columns) => `${label}：结果中没有列 ${column}（现有列：${listItems(columns, ", ", (count) => `另有 ${count} 列`)}）；应为 unit、year、indicator、value`,
  sqlColumnType: (label, column, type) => `${label}：列 ${column} 的类型为 ${type}；应为${SQL_COLUMN_TYPES[column] ?? "文本（VARCHAR）"}`,
  sqlColumnUnexpected: (label, column) => `${label}：多余的列 ${cutText(column)}；应为 unit、year、indicator、value 和可选的 source、measure`,
  sqlColumnRepeated: (label, column, names, query) =>
    `${label}：列 ${column} 出现了 ${names.length} 次（${listItems(names, ", ", (count) => `另有 ${count} 个`)}）；应只出现一次${query ? `（SELECT *, … AS ${column} 会在新列旁保留旧列：请写 SELECT * REPLACE (… AS ${column})，或 SELECT * EXCLUDE (${column}), …）` : ""}`,
  sqlBadYear: (label, year, rows) => `${label}：年份 ${year} 不是年份（${rows} 行）；应为四位数的年份，如 2017`,
  moreBadYears: (label, count) => `${label}：……另有 ${count} 个数不是年份`,
  sqlNulInUnit: (label, count, shown) =>
    `${label}：有 ${count} 个评价对象的名称含 NUL 字符（U+0000），第一个为 ${quote(shown)}（␀ 处即是）；名称应为不含 NUL 字符的文本：请在查询中去掉（replace(unit, chr(0), '')），或在其读取的文件中去掉`,
  sqlNullRows: (label, count, column) => `${label}：有 ${count} 行没有${columnWord(column)}（NULL）；每一行都应有${columnWord(column)}`,
  moreInfiniteValues: (label, count) => `${label}：……另有 ${count} 个无穷大或为 NaN 的数值`,
  moreUnknownIndicators: (label, count) => `${label}：……另有 ${count} 个代码不是指标体系中的指标`,
  duplicateRows: (label, unit, year, code, count) =>
    `${label}：评价对象 ${quote(unit)}，${year} 年，指标 ${quote(code)} 有 ${count} 行；每个评价对象、年份和指标应只有一个数值`,
  moreDuplicateRows: (label) => `${label}：……另有多个评价对象-年份-指标单元有多行`,

  indicatorYearColumn: (label, type) =>
    `${label}：${type === undefined ? "缺少列 year" : `列 year 的类型为 ${type}`}；应为整数（INTEGER）`,
  indicatorValueColumn: (label, type) => `${label}：${type === undefined ? "缺少列 value" : `列 value 的类型为 ${type}`}；应为数值（DOUBLE）`,
  indicatorUnitColumn: (label, type) => `${label}：列 unit 的类型为 ${type}；应为文本（VARCHAR）`,
  indicatorColumnUnexpected: (label, column) => `${label}：多余的列 ${cutText(column)}；应为 unit、year 和 value`,
  indicatorNullRow: (label, column) => `${label}：有一行没有${columnWord(column)}（NULL）；每一行都应有`,

  emptyPathOption: (option) =>
    `选项 ${option} 为空文本；应为${option === "indicators" ? "指标体系文件（CSV、YAML 或 .xlsx 文件）" : "数据文件（CSV、.xlsx、.parquet 或 .sql 文件，或存放它们的文件夹）"}的路径，相对于 cwd 或为绝对路径`,
  optionOtherName: (option) => {
    const path = option.split(".");
    return path.length === 1 ? `；是否应为 ${JSON.stringify(option)}？` : `；是否应为 ${option}，写作 ${path.reduceRight((inner, name) => `{ ${name}: ${inner} }`, "...")}？`;
  },
};
