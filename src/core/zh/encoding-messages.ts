/** The Chinese messages of `encodingMessages` (src/core/encoding-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { encodingMessages } from "../encoding-messages.js";
import type { Translation } from "../localize.js";

export const encodingMessagesZh: Translation<typeof encodingMessages> = {
  nulBytes: (source) => `${source}：文件含有 NUL 字节，不是 UTF-8、UTF-16 或 GBK 文本（是二进制文件吗？）；应为另存为 "CSV UTF-8" 的 CSV 文件`,
  notUtf8: (source) => `${source}：文件不是有效的 UTF-8；应为 UTF-8 文本文件（或指定 --encoding gbk）`,
  notValid: (source, encoding) => `${source}：文件不是有效的 ${encoding}；应为另存为 "CSV UTF-8" 的 CSV 文件、中文版 Excel 保存的 CSV 文件（GBK）或 .xlsx 工作簿`,
  notText: (source) => `${source}：文件既不是 UTF-8 文本，也不是 GBK/GB18030 文本；应为另存为 "CSV UTF-8" 的 CSV 文件、中文版 Excel 保存的 CSV 文件（GBK）或 .xlsx 工作簿`,
  notValidUtf16: (source, encoding) => `${source}：文件开头像 ${encoding} 文本，但不是有效的 ${encoding}；应为 UTF-8`,
};
