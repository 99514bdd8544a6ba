/** The Chinese messages of `encodingMessages` (src/core/encoding-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { encodingMessages } from "../encoding-messages.js";
import type { Translation } from "../localize.js";

export const encodingMessagesZh: Translation<typeof encodingMessages> = {
  nulBytes: (source) => `${source}：文件含有 NUL 字节，不是 UTF-8、UTF-16 或 GBK 文本（是二进制文件吗？）；应为另存为 "CSV UTF-8" 的 CSV 文件`,
  notUtf8: (source) => `${source}：文件不是有效的 UTF-8；应为 UTF-8 文本文件（或指定 --encoding gbk）`,
  notValid: (source, encoding) => `${source}：文件不是有效的 ${encoding}；应为另存为 "CSV UTF-8" 的 CSV 文件、中文版 Excel 保存的 CSV 文件（GBK）或 .xlsx 工作簿`,
  notText: (source) => `${source}：文件既不是 UTF-8 文本，也不是 GBK/GB18030 文本；应为另存为 "CSV UTF-8" 的 CSV 文件、中文版 Excel 保存的 CSV 文件（GBK）或 .xlsx 工作簿`,
  notValidUtf16: (source, encoding) => `${source}：文件开头像 ${encoding} 文本，但不是有效的 ${encoding}；应为 UTF-8`,
  mixedEncodings: (source, mixed) =>
    `${source}：文件混用了两种编码：${linesOf(mixed.utf8, mixed.utf8Count)}是 UTF-8，${linesOf(mixed.other, mixed.otherCount)}不是（是 GBK/GB18030，中文版 Excel 保存 CSV 所用的编码）；` +
    `按一种编码读取，有些行会变成错误的字符（UTF-8 的 ${JSON.stringify(mixed.sample.text)} 按 GBK 读取是 ${JSON.stringify(mixed.sample.misread)}）；` +
    `应为整个文件使用同一种编码（该文件是否由两个文件拼接而成？）：请把各部分分别重新另存为 "CSV UTF-8"，再拼接`,
};

/** `第 4 行`、`第 2、3 行`、`第 2、3、4、5、6 行（共 40 行）`: the lines named and how many there are. */
const linesOf = (named: readonly number[], count: number) => `第 ${named.join("、")} 行${count > named.length ? `（共 ${count} 行）` : ""}`;
