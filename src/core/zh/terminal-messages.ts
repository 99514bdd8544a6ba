/** The Chinese messages of `terminalMessages` (src/core/terminal-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { Translation } from "../localize.js";
import type { terminalMessages } from "../terminal-messages.js";

export const terminalMessagesZh: Translation<typeof terminalMessages> = {
  usingExample: () => `使用随附的常州示例（示意数据，并非官方指数）\n`,
  wroteFiles: (files, folder) => `已将 ${files.join(", ")} 写入 ${folder}\n`,
  wroteFile: (path) => `已写入 ${path}\n`,
  wroteTemplate: (path, rows) => `已写入 ${path}：${rows} 行待填写\n`,
  wroteRun: (id, runLabel, runsLabel) => `已将运行 ${id} 写入 ${runLabel}，并将 ${runsLabel}/LATEST 指向它\n`,
  createdProject: (files, folder) => `已在 ${folder} 中创建 ${files.join(", ")}\n`,
  nextInProject: (folder) => `下一步：替换示例指标体系和数据，然后${folder === "." ? "" : `在 ${folder} 中`}运行 "innovation-index compute"\n`,
};
