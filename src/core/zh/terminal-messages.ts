/** The Chinese messages of `terminalMessages` (src/core/terminal-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { Translation } from "../localize.js";
import type { RevisionCounts, terminalMessages } from "../terminal-messages.js";

const revisionCountsZh = ({ changed, added, removed }: RevisionCounts) => `${changed} 个更改、${added} 个新增、${removed} 个删除`;

export const terminalMessagesZh: Translation<typeof terminalMessages> = {
  usingExample: () => `使用随附的常州示例（示意数据，并非官方指数）\n`,
  wroteFiles: (files, folder) => `已将 ${files.join("、")} 写入 ${folder}\n`,
  wroteFile: (path) => `已写入 ${path}\n`,
  moreUnits: (count, file, flag) => `… 另有 ${count.toLocaleString("en-US")} 个评价对象（${file} 包含全部${flag ? `；使用 ${flag} 运行可全部打印` : ""}）\n`,
  compareRowsLeftOut: (count, shown, file) =>
    `… 另有 ${count.toLocaleString("en-US")} 行（评价对象-年份）未打印，仅显示前 ${shown.toLocaleString("en-US")} 行；使用 --out <dir> 运行可将全部行写入 <dir>/${file}\n`,
  wroteTemplate: (path, rows) => `已写入 ${path}：${rows} 行待填写\n`,
  wroteRun: (id, runLabel, runsLabel) => `已将运行 ${id} 写入 ${runLabel}，并将 ${runsLabel}/LATEST 指向它\n`,
  createdProject: (files, folder) => `已在 ${folder} 中创建 ${files.join("、")}\n`,
  firstRun: () => "这是本项目的第一次运行：没有可比较的上一次运行",
  revisionsTooLarge: (against, megabytes, limit) =>
    `与运行 ${against} 相比的修订：未比较（比较两次运行的数值约需 ${megabytes} MB 内存，超过运行时比较的上限 ${limit} MB；可用 innovation-index diff 比较）`,
  revisionsNone: (against) => `与运行 ${against} 相比的修订：无（所有输入和输出数值均相同）`,
  revisions: (against, inputs, outputs, largest, largestOfIndex) =>
    `与运行 ${against} 相比的修订：输入 ${revisionCountsZh(inputs)}；输出 ${revisionCountsZh(outputs)}${
      largest === undefined ? "" : largestOfIndex === undefined ? `；最大变化：${largest}` : `；总指数最大变化：${largestOfIndex}；全部输出中最大变化：${largest}`
    }（详见 innovation-index diff）`,
  diffSummary: (before, after, inputs, outputs, settings) =>
    `${before} -> ${after}：输入 ${inputs ? revisionCountsZh(inputs) : "未记录"}；输出 ${revisionCountsZh(outputs)}；${settings} 处选项或文件不同\n`,
  diffWeightsNotCompared: (file, missing) =>
    `未比较权重：${file} ${missing ? "不存在（旧版本的运行不写出 weights.csv）" : '缺少 "code" 和 "weight" 列；应为 compute 写出的 code,parent,level,weight,global_weight'}；数值、选项和文件照常比较\n`,
  nextInProject: (folder) => `下一步：替换示例指标体系和数据，然后${folder === "." ? "" : `在 ${folder} 中`}运行 "innovation-index compute"\n`,
};
