/** The Chinese messages of `limitMessages` (src/core/limit-messages.ts), for the terminal (src/core/localize.ts says how). */
import { formatBytes, formatCount, type limitMessages, type MemorySource, type QueryFileEncoding, type UnreadValuesKind, type WorkbookCells, type YamlContent } from "../limit-messages.js";
import type { Translation } from "../localize.js";
import { quote } from "../quote.js";
import { duration } from "./words.js";

/** A byte count for people (`formatBytes`), with 字节 for a count under 1 KB: `512 字节`, `4 GB`. */
const bytes = (count: number) => formatBytes(count).replace(/ bytes$/, " 字节");

/** Where `queryMemoryLimit`'s limit came from, and how to raise it. */
const MEMORY_SOURCES: Record<MemorySource, string> = {
  machine: "本机内存的一半",
  container: "其所在容器或服务内存上限的一半",
  variable: "INNOVATION_INDEX_QUERY_MEMORY_LIMIT",
  option: "load 的选项 queryMemoryLimit",
};
const MEMORY_REMEDIES: Record<MemorySource, string> = {
  machine: "或换用内存更大的机器",
  container: "或为该容器或服务分配更多内存（其 cgroup 内存上限）",
  variable: "或调高 INNOVATION_INDEX_QUERY_MEMORY_LIMIT（例如 8GB），但不超过本机内存",
  option: '或调高 load 的 queryMemoryLimit（例如 "8GB"），但不超过本机内存',
};

/** What a YAML file too large to parse should be instead (`yamlTooLarge`), in Chinese. */
const SMALLER_YAML: Readonly<Record<YamlContent, string>> = {
  tree: "将指标体系保存为 CSV（列为 code、parent、name、weight、direction），读取要快得多",
  judgements: "将判断保存为 CSV（列为 group、a、b、value），读取要快得多",
  project: "为只含少量键的项目文件（指标体系和数据的路径，以及各项选项），指标体系和数据各自另存为文件",
};

/** What a YAML file nested too deep to parse should hold (`yamlTooDeep`), in Chinese; `treeLimit`, a tree's depth limit. */
const SHALLOW_YAML: Readonly<Record<YamlContent, (treeLimit?: number) => string>> = {
  tree: (treeLimit) => `最多 ${treeLimit} 层的指标体系，每个节点是其上级 children 键下列表中的一个映射，其值为纯文本或数字`,
  judgements: () => "从指标组代码（或 INDEX）到 [a, b, value] 列表或 { order, matrix } 的映射，其值为纯文本或数字",
  project: () => "包含 indicators、values、methods 等键的键值块，每个值为文本、数字，或由它们组成的简短列表或映射",
};

/** What is expected instead of files of each kind a values folder reader does not read (`unreadValuesFiles`), in Chinese. */
const UNREAD_VALUES_EXPECTED: Readonly<Record<UnreadValuesKind, string>> = {
  source: ".parquet 或 .sql 文件本身就是数据来源：应通过 -d（--data；或 index.yaml 中的 values:）直接指定，而不是放在 CSV/xlsx 文件的文件夹中，或把它移出该文件夹",
  compressed: "压缩文件不会被解压：应把它解压到该文件夹中（2018.csv.gz 解压为 2018.csv），并把压缩文件移出该文件夹",
  other: "应为 .csv、.tsv、.xlsx 或 .xlsm 数据文件（或从 Excel 保存的 .txt 文件），或把这些文件移出该文件夹（README.md 以及 .txt、.pdf、.docx 等说明文件不予读取，无需移出）",
};

/** What text of each encoding a file a values query reads may be in is (`queryFileEncoding`), in Chinese. */
const QUERY_FILE_ENCODINGS: Readonly<Record<QueryFileEncoding, string>> = {
  GBK: 'GBK/GB18030 文本（中文版 Windows 上的 Excel 另存为 "CSV (逗号分隔)" 时即为此编码）',
  "UTF-16LE": 'UTF-16LE 文本（Excel 另存为 "Unicode 文本"（英文版为 "Unicode Text"）时即为此编码）',
  "UTF-16BE": "UTF-16BE 文本",
};

/** `JSON_FILE_ENCODINGS` of limit-messages.ts in Chinese. */
const JSON_FILE_ENCODINGS: Readonly<Record<QueryFileEncoding, string>> = {
  GBK: "GBK/GB18030 文本",
  "UTF-16LE": "UTF-16LE 文本",
  "UTF-16BE": "UTF-16BE 文本",
};

/** `SAVE_AS_UTF8` of limit-messages.ts in Chinese. */
const SAVE_AS_UTF8 = '重新另存为 UTF-8（在 Excel 中：另存为 "CSV UTF-8"，中文版 Excel 中为 "CSV UTF-8(逗号分隔)"）';
/** `SAVE_JSON_AS_UTF8` of limit-messages.ts in Chinese. */
const SAVE_JSON_AS_UTF8 = "在写出它的编辑器或程序中重新另存为 UTF-8";

/** `queryFileFix` of limit-messages.ts in Chinese. */
function queryFileFix(encoding: QueryFileEncoding, reader: "csv" | "json", gzipped: boolean): string {
  const unpack = gzipped ? "先解压（gzip -d），再" : "";
  if (reader === "json") return `请${unpack}${SAVE_JSON_AS_UTF8}${encoding === "GBK" ? "，或转换其编码（iconv -f GB18030 -t UTF-8）" : ""}；DuckDB 的 read_json 只读取 UTF-8`;
  if (encoding === "GBK")
    return `请${unpack}${SAVE_AS_UTF8}，或转换其编码（iconv -f GB18030 -t UTF-8），或者当它是本工具可读取的数值表时，直接把它作为数值文件（本工具自己的读取器可读取 GBK）；DuckDB 的 encoding = 'gb18030' 需要其 encodings 扩展，而此处从不加载扩展`;
  if (encoding === "UTF-16LE") return `在读取它的 read_csv 调用中加上 encoding = 'utf-16'，或${unpack}${SAVE_AS_UTF8}`;
  return `请${unpack}${SAVE_AS_UTF8}；DuckDB 的 encoding = 'utf-16' 只读取 UTF-16LE`;
}

/** `（是否应为 "weight"？）` for a suggestion, else "" (the `didYouMean` of limit-messages.ts, in Chinese). */
const didYouMean = (suggestion: string | undefined) => (suggestion ? `（是否应为 ${quote(suggestion)}？）` : "");

/** What a refused file looks like (`describeBinary` and `describeZip` of src/io/read/sniff.ts), in Chinese. */
const KINDS: Readonly<Record<string, string>> = {
  "a PDF document": "PDF 文档",
  "a PNG image": "PNG 图片",
  "a JPEG image": "JPEG 图片",
  "a GIF image": "GIF 图片",
  "a gzip archive (unpack it first)": "gzip 压缩包（请先解压）",
  "a bzip2 archive (unpack it first)": "bzip2 压缩包（请先解压）",
  "an xz archive (unpack it first)": "xz 压缩包（请先解压）",
  "a 7-Zip archive (unpack it first)": "7-Zip 压缩包（请先解压）",
  "a RAR archive (unpack it first)": "RAR 压缩包（请先解压）",
  "an SQLite database (export the table as CSV)": "SQLite 数据库（请将数据表导出为 CSV）",
  "a program (ELF)": "程序（ELF）",
  "a Parquet file (export it as CSV)": "Parquet 文件（请导出为 CSV）",
  "a stream of NUL bytes (binary data)": "全部由 NUL 字节构成的数据（二进制数据）",
  "binary data (NUL bytes in its first bytes)": "二进制数据（开头部分含有 NUL 字节）",
  "a Word document (.docx)": "Word 文档（.docx）",
  "a PowerPoint file (.pptx)": "PowerPoint 文件（.pptx）",
  "an OpenDocument file (save it as .xlsx or CSV)": "OpenDocument 文件（请另存为 .xlsx 或 CSV）",
  // What a file that DuckDB refused looks like (src/io/read/duckdb-file-checks.ts).
  "an Excel workbook (.xlsx)": "Excel 工作簿（.xlsx）",
  "an old Excel workbook (.xls)": "旧版 Excel 工作簿（.xls）",
  "a Parquet file": "Parquet 文件",
  "a Parquet file cut short (its end is missing: copy it again)": "不完整的 Parquet 文件（缺少结尾部分：请重新复制）",
  "UTF-8 text": "UTF-8 文本",
  "GBK/GB18030 text": "GBK/GB18030 文本",
  "UTF-16LE text": "UTF-16LE 文本",
  "UTF-16BE text": "UTF-16BE 文本",
};

/** `what` of `binaryFile` in Chinese; a text not known here as it is. */
function kindOf(what: string): string {
  const known = KINDS[what];
  if (known !== undefined) return known;
  const zip = /^a ZIP archive that is not an Excel workbook \(no xl\/workbook\.xml among its (\d+) entr(?:y|ies); unpack it first\)$/.exec(what);
  return zip ? `非 Excel 工作簿的 ZIP 压缩包（其 ${zip[1]} 个条目中没有 xl/workbook.xml；请先解压）` : what;
}

/** `text` after Chinese: with a space before it when it starts with a Latin letter, digit or sign. */
const spacedStart = (text: string) => (/^[\x21-\x7e]/.test(text) ? ` ${text}` : text);

/** What `unknownTreeKey` and `unknownTreeColumn` expect, for a key (键) or a column (列). */
const treeNames = (what: "键" | "列") =>
  `应为指标体系的列，如 code、parent、name、weight、direction，或设置项，如 normalise、cap、formula（自定义备注：以 "x_" 或 "note" 开头的${what}）`;

/** `workbookCells` of limit-messages.ts in Chinese: the largest three of `parts`, and how many more. */
function workbookCells(parts: readonly WorkbookCells[]): string {
  const one = (part: WorkbookCells) => {
    const cells = `${formatCount(part.cells)} 个单元格`;
    const sheet = `工作表 ${quote(part.sheet ?? "")} `;
    if (part.kind === "rows") return `${sheet}的各行：${cells}`;
    if (part.kind === "name") return `定义的名称 ${quote(part.name ?? "")}（${part.largest}）：${cells}`;
    const what = part.kind === "merged" ? "合并区域" : "数据验证";
    return part.ranges === 1 ? `${sheet}上的${what} ${part.largest}：${cells}` : `${sheet}上的 ${part.ranges} 个${what}（最大的为 ${part.largest}）：${cells}`;
  };
  const sorted = [...parts].sort((a, b) => b.cells - a.cells);
  return `${sorted.slice(0, 3).map(one).join("，")}${sorted.length > 3 ? `，另有 ${sorted.length - 3} 项` : ""}`;
}

/** `SAVE_AS_CSV` of limit-messages.ts in Chinese. */
const SAVE_AS_CSV = '将该工作表另存为 CSV（在 Excel 中：另存为 "CSV UTF-8"），本工具读取 CSV 要快得多';

/** The kinds of reference of `xlsxBeyondSheet`. */
const REFERENCE_KINDS = { row: "行", cell: "单元格", "column range": "列范围" } as const;

export const limitMessagesZh: Translation<typeof limitMessages> = {
  // files
  binaryFile: (source, what) =>
    `${source}：文件看起来是${spacedStart(kindOf(what))}，而不是文本或 Excel 工作簿；应为 CSV 文件（UTF-8 或 GBK）、.xlsx 工作簿，指标体系还可以是 YAML`,
  nulByte: (source, line, offset) =>
    `${source}:${line}: 文件在字节偏移 ${offset} 处含有 NUL 字节，而文本中不会有 NUL 字节（这是二进制数据，或是文本后跟着中断的复制留下的 NUL 字节）；` +
    `应为不含 NUL 字节的 CSV 文件（UTF-8、GBK 或 UTF-16），指标体系还可以是 YAML（如果文件其余部分都是 NUL 字节，请重新复制该文件，或只保留其前 ${offset} 个字节）`,
  queryFileNul: (label, file, line, offset) =>
    `${label}：查询读取 ${file}，该文件${line === undefined ? "" : `第 ${line} 行`}在字节偏移 ${offset} 处含有 NUL 字节，而文本中不会有 NUL 字节（这是二进制数据，或是文本后跟着中断的复制留下的 NUL 字节）；` +
    `应为不含 NUL 字节的 UTF-8 编码 CSV 或 JSON 文件（如果文件其余部分都是 NUL 字节，请重新复制该文件，或只保留其前 ${offset} 个字节）`,
  queryFileBinary: (label, file, what, gzipped = false) =>
    `${label}：查询读取 ${file}，${gzipped ? "这是 gzip 压缩数据，其解压后的内容看起来是" : "该文件看起来是"}${spacedStart(kindOf(what))}，而不是文本；应为 UTF-8 编码的 CSV 或 JSON 文件（工作簿的工作表请另存为 "CSV UTF-8"；Parquet 文件请用 read_parquet 读取）`,
  queryFileNotParquet: (label, file, what) =>
    `${label}：查询用 read_parquet 读取 ${file}，但该文件看起来是${spacedStart(kindOf(what))}，而不是 Parquet 文件；应为 Parquet 文件（CSV 文件请用 read_csv 读取，且应为 UTF-8 编码）`,
  queryFileEncoding: (label, file, encoding, reader, gzipped = false) =>
    `${label}：查询读取 ${file}，${gzipped ? "这是 gzip 压缩数据，其中的文本是" : "该文件是"}${spacedStart((reader === "json" ? JSON_FILE_ENCODINGS : QUERY_FILE_ENCODINGS)[encoding])}，而不是 DuckDB 所要求的 UTF-8；应为 UTF-8：${queryFileFix(encoding, reader, gzipped)}`,
  queryFileByteOrder: (label, file) =>
    `${label}：查询读取 ${file}，该文件是 UTF-16BE 文本，但 DuckDB 的 encoding = 'utf-16' 只读取 UTF-16LE：它读出的列是以错误的字节顺序读取该文本所得；` +
    `应为 UTF-8 或 UTF-16LE：请${SAVE_AS_UTF8}，或将其转换为 UTF-16LE（iconv -f UTF-16BE -t UTF-16LE），encoding = 'utf-16' 即可读取`,
  parquetNotParquet: (source, what) =>
    `${source}：文件看起来是${spacedStart(kindOf(what))}，而不是 Parquet 文件；应为 Parquet 文件（CSV 文件或 .xlsx 工作簿由本工具自己读取，请使用其本来的扩展名 .csv 或 .xlsx）`,
  fileTooLarge: (source, size, limit) =>
    `${source}：${size === undefined ? "文件超过上限" : `文件大小为 ${bytes(size)}`}，大于输入文件允许的 ${bytes(limit)}；应使用更小的文件（把数据拆分到一个文件夹的多个文件中，每年一个）`,
  textTooLarge: (source, size, limit) =>
    `${source}：文件大小为 ${bytes(size)}，必须作为文本读取，而文本最多容纳 ${bytes(limit)}；应使用更小的文件（普通长格式的 UTF-8 CSV 文件无论多大都直接按字节读取；也可以把数据拆分到一个文件夹的多个文件中）`,
  bomNotUtf8: (source, looksLike) =>
    `${source}：文件以 UTF-8 字节顺序标记（BOM）开头，但内容不是 UTF-8${looksLike ? `；看起来是 ${looksLike}` : ""}：请重新另存为 UTF-8，或删除该标记`,
  unreadSpreadsheets: (folder, names) =>
    `${folder}：数据文件夹中有 ${names.length} 个本工具无法读取的表格文件（${names.slice(0, 8).map(quote).join("、")}${names.length > 8 ? `，另有 ${names.length - 8} 个` : ""}），它们将被排除在本次运行之外；应为 .xlsx 或 CSV 文件（在 Excel 或 WPS 中：另存为 "Excel Workbook (.xlsx)"，即 "Excel 工作簿（.xlsx）"），或把这些文件移出该文件夹`,
  unreadValuesFiles: (folder, kind, names) =>
    `${folder}：数据文件夹中有 ${names.length} 个文件夹读取时不读取的文件（${names.slice(0, 8).map(quote).join("、")}${names.length > 8 ? `，另有 ${names.length - 8} 个` : ""}），它们将被排除在本次运行之外；${UNREAD_VALUES_EXPECTED[kind]}`,
  emptyValuesFolder: (folder, names) =>
    `${folder}：数据文件夹中没有 .csv、.tsv 或 .xlsx 文件，也没有从 Excel 保存的 .txt 文件（${
      names.length === 0 ? "文件夹为空" : `其中有 ${names.slice(0, 8).map(quote).join("、")}${names.length > 8 ? `，另有 ${names.length - 8} 个` : ""}`
    }）；应为 2021.csv 或 values.xlsx 这样的数据文件`,

  // YAML
  unknownTreeKey: (key, suggestion) => `未知的键 ${quote(key)}${didYouMean(suggestion)}；${treeNames("键")}`,
  unknownTreeColumn: (column, suggestion) => `未知的列 ${quote(column)}${didYouMean(suggestion)}；${treeNames("列")}`,
  yamlTooLarge: (source, size, limit, content) =>
    `${source}：YAML 文件大小为 ${bytes(size)}，超过了 YAML 文件允许的 ${bytes(limit)}（YAML 须整体读取，占用的内存超过其大小的 100 倍）；应${SMALLER_YAML[content]}`,
  yamlAlias: (alias) => `不允许使用 YAML 别名 ${quote(alias)}；应直接写出数值（别名和锚点一律拒绝，以免某个值悄悄复制另一个值）`,

  // workbooks
  xlsxUnpackedTooLarge: (source, size, limit) =>
    `${source}：工作簿解压后为 ${bytes(size)}，超过了工作簿解压后允许的 ${bytes(limit)}（其每个部分都会读入内存）；应使用更小的工作簿，或${SAVE_AS_CSV}`,
  xlsxPartTooLarge: (source, part, declared) =>
    `${source}：工作簿的部件 ${quote(part)} 解压后超过了其 zip 目录声明的 ${bytes(declared)}（文件已损坏或被伪造）；应为未损坏的工作簿（在 Excel 中重新打开并保存）`,
  xlsxTooManyCells: (source, cells, parts, limit) =>
    `${source}：工作簿涉及 ${formatCount(cells)} 个单元格，超过了工作簿允许的 ${formatCount(limit)} 个（工作簿逐个单元格读取，每百万个单元格约需 6 秒和 600 MB 内存）：${workbookCells(parts)}；应使用更小的工作簿（清除远处的单元格、取消合并单元格），或${SAVE_AS_CSV}`,
  xlsxTooManyListedCells: (source, cells, parts, limit) =>
    `${source}：工作簿的数据验证和定义的名称覆盖 ${formatCount(cells)} 个单元格，超过了允许的 ${formatCount(limit)} 个（读取工作簿时会逐个列出每个单元格）：${workbookCells(parts)}；应将其缩小到所需的单元格（在 Excel 中：数据验证、名称管理器），或${SAVE_AS_CSV}`,
  xlsxTooManyMergedRanges: (source, ranges, limit) =>
    `${source}：该工作表有 ${formatCount(ranges)} 个合并区域，超过了一个工作表允许的 ${formatCount(limit)} 个（读取工作簿时，每个合并区域都要与其他所有合并区域比对）；应取消合并单元格，或${SAVE_AS_CSV}`,
  xlsxBeyondSheet: (source, kind, reference) =>
    `${source}：${REFERENCE_KINDS[kind]} ${quote(reference)} 超出了 Excel 的最后一行（1,048,576）或最后一列（XFD，第 16,384 列）；应为由 Excel 保存的工作簿，或${SAVE_AS_CSV}`,

  // depth
  treeTooDeep: (code, depth, limit) =>
    `节点 ${quote(code)} 深达 ${depth} 层，超过了指标体系允许的 ${limit} 层；应减少指标体系的层级（请检查 parent 列中的上级节点链）`,
  yamlTooDeep: (depth, content, treeLimit) => `此处的列表和映射嵌套了 ${depth} 层，超出了 YAML 读取器能处理的深度；应为${SHALLOW_YAML[content](treeLimit)}`,
  formulaTooDeep: (limit) => `其嵌套超过 ${limit} 层（括号、正负号、乘方或函数调用）`,

  // memory
  designTooLarge: (estimate, limit, replications) =>
    `该分析约需 ${bytes(estimate)} 内存（${replications} 次重复），超过了 ${bytes(limit)} 的上限；应减少重复次数、评价对象或年份，或提高 --memory-limit`,
  auditTooLarge: (indicators, group, children, periods, estimate, limit, largest) =>
    `审计 ${formatCount(indicators)} 个指标时，要对组 ${quote(group)} 的 ${formatCount(children)} 个下级两两求相关，并对其相关矩阵（${formatCount(children)} × ${formatCount(children)}）做主成分分解，共 ${periods} 个时期（每一年及所有年份合并）：约需 ${bytes(estimate.bytes)} 内存、${duration(estimate.seconds)}，超过了 ${bytes(limit.bytes)}、${duration(limit.seconds)} 的上限；一个组应至多约有 ${formatCount(largest)} 个下级：在指标树中把该组拆分为若干子组，或只审计指标树的一部分（用 -i（--indicators，或 index.yaml 中的 indicators:）给出只含部分指标的指标树文件）`,
  panelTooLarge: (source, units, years, indicators, limit) => {
    const cells = units * years * indicators;
    return `${source ? `${source}：` : ""}这些数据构成的面板为 ${formatCount(units)} 个评价对象 × ${formatCount(years)} 个年份 × ${formatCount(indicators)} 个指标 = ${formatCount(cells)} 个单元格（${bytes(cells * 8)}），超过了面板允许的 ${formatCount(limit)} 个单元格（${bytes(limit * 8)}）（每个评价对象、年份和指标都占一个单元格，无论是否有值）；应减少一次运行中的评价对象、年份或指标：长格式数据（每行一个数值）分散在很多年份或评价对象上时，会形成很大且大多为空的面板，请按年份或评价对象拆分`;
  },

  queryMemoryLimit: (label, limit, query = true, source = "machine") =>
    `${label}：DuckDB 读取数值所需的内存超过了它可用的 ${bytes(limit)}（${MEMORY_SOURCES[source]}），已被终止；应在此限度内读完数值：${query ? `让查询每个${query === "indicator" ? "评价对象和年份" : "评价对象、年份和指标"}只返回一行（在查询中汇总微观数据：GROUP BY unit, year），简化查询（没有连接条件的 JOIN 会使行数成倍增加），或` : ""}用 --threads 1 运行（DuckDB 的每个线程都另占内存），${MEMORY_REMEDIES[source]}`,
  indicatorQueryRows: (label, limit, indicators, cells) =>
    `${label}：查询返回的行数超过 ${formatCount(limit)}，即一个指标的数值最多可占的行数（面板至多 ${formatCount(cells)} 个单元格，由指标树的 ${formatCount(indicators)} 个指标分摊，每个评价对象和年份一行）；应每个评价对象和年份一行：在查询中汇总微观数据（GROUP BY unit, year）`,

  // projects
  pathOutsideProject: (key, path, absolute) =>
    `${key}：路径 ${quote(path)} ${absolute ? "是绝对路径" : "超出了项目文件夹"}；应为相对于 index.yaml 所在文件夹且位于其中的路径（或在 index.yaml 中设置 allow-outside: true，或指定 --allow-outside-project）`,
};
