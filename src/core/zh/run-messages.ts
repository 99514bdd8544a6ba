/** The Chinese messages of `runMessages` (src/core/run-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { Translation } from "../localize.js";
import { quote } from "../quote.js";
import type { ExpectedForm, ExpectedType, IndexJsonList, ManifestDefect, runMessages } from "../run-messages.js";
import { diskFull, openElsewhere, type FileSizeLimit } from "../system-errors.js";
import { formatCount } from "../limit-messages.js";
import { describeFound, didYouMean, list } from "./words.js";

const INDEX_JSON_LISTS: Readonly<Record<IndexJsonList, string>> = {
  units: `"units" 不是文本列表`,
  years: `"years" 不是整数列表`,
  nodes: `"nodes" 不是带有 code 的节点列表`,
};

const MANIFEST_DEFECTS: Readonly<Record<ManifestDefect, string>> = {
  object: "不是 JSON 对象",
  fingerprint: `没有 "fingerprint"`,
  outputs: `"outputs" 不是含 path、bytes 和 sha256 的文件列表`,
  inputs: `"inputs" 不是含 path、bytes 和 sha256 的文件列表`,
};

const EXPECTED_FORMS: Readonly<Record<ExpectedForm, string>> = {
  range: `两个数 LOW,HIGH，且 LOW < HIGH：文本如 "1,100"，或列表如 [1, 100]`,
  "z-scale": `两个数 MEAN,SD，且 SD > 0：文本如 "0,1"，或列表如 [0, 1]`,
  "performance-groups": `三个数 LEADER,STRONG,MODERATE（参照值的百分比，递减且为正）：文本如 "125,100,70"，或列表如 [125, 100, 70]`,
  "weight-years": `数据中的年份：单个年份如 2018，文本如 "2017-2020" 或 "2018,2019"，或年份列表如 [2018, 2019]`,
  "weight-units": `数据中的评价对象：以逗号分隔的文本如 "U1,U2"，或文本列表如 [U1, U2]（以数字命名的评价对象请加引号："320400"）`,
  sheet: "工作表名称（文本）或从 1 开始的序号（整数）",
  "memory-limit": `内存大小如 "8GB" 或 "512MB"（文本），或字节数（不小于 1 的整数）`,
  year: "1000 到 9999 之间的年份，如 2017，或按数值文件的写法，如 2017年",
};

const EXPECTED_TYPES: Readonly<Record<ExpectedType, string>> = {
  string: "文本",
  int: "整数",
  number: "数值",
  boolean: "true 或 false",
  object: "一组键",
  array: "列表",
};

/** `ROLLBACK_HINT` of run-messages.ts. */
const ROLLBACK_HINT = "runs rollback 不接受运行参数：它发布已发布运行记录为 previous 的运行；要发布其他运行，请使用 innovation-index runs publish <run-id>";

/** `NOT_RUN_FOLDER` of run-messages.ts. */
const NOT_RUN_FOLDER = (file: boolean) => `${file ? "文件" : "特殊文件（既不是文件夹也不是普通文件）"}，不是运行文件夹`;

/** `fileTooLarge` of run-messages.ts: a write that failed with EFBIG, for output-messages.ts and `lockNotCreated`. */
export function fileTooLarge(sizeLimit: FileSizeLimit, what: "outputs" | "lock"): string {
  const fits = what === "outputs" ? "能容纳输出文件" : "能容纳锁文件";
  return typeof sizeLimit === "number"
    ? `（EFBIG：文件达到 ${formatCount(sizeLimit)} 字节，即本进程的文件大小上限 ulimit -f）；应为${fits}的文件大小上限：请提高该上限（ulimit -f unlimited）后重新运行`
    : sizeLimit === "unlimited"
      ? "（EFBIG：文件超过了文件系统允许的大小，FAT32 只接受小于 4 GiB 的文件）；应为位于支持更大文件的文件系统（NTFS、exFAT、ext4、APFS）上的文件夹"
      : `（EFBIG：文件达到了本进程（ulimit -f）或文件系统的文件大小上限）；应为${fits}的文件大小上限：请提高该上限（ulimit -f unlimited），或写到支持更大文件的文件系统上`;
}

/** A file system's code with its meaning in words (the English file's `systemCode`), for these messages and output-messages.ts. */
export function systemCode(code: string): string {
  const words: Readonly<Record<string, string>> = { ENOSPC: "磁盘空间已满", EDQUOT: "超出磁盘配额", EACCES: "权限不足", EPERM: "权限不足", EROFS: "只读文件系统" };
  return words[code] ? `${code}：${words[code]}` : code;
}

export const runMessagesZh: Translation<typeof runMessages> = {
  indexJsonNotJson: (source) => `${source}：不是有效的 JSON；应为 compute 写出的 index.json`,
  indexJsonNoResults: (source) => `${source}：没有 "results"；应为 compute 写出的 index.json`,
  indexJsonBadList: (source, which) => `${source}：${INDEX_JSON_LISTS[which]}；应为 compute 写出的 index.json`,
  resultsInParquet: (source, files) => `${source}：结果存放在 ${list(files)} 中，而不在 index.json 中；应通过运行文件夹读取（readRun）`,
  noIndexJson: (label) => `${label}：没有 index.json；应为运行文件夹（或 compute --out 写出的文件夹）`,
  tooManyRunValues: (label, size) => `${label}/index.json：共有 ${size} 个数值（评价对象 × 年份 × 节点）；应少于 2^31 个`,
  manifestDefect: (defect) => MANIFEST_DEFECTS[defect],

  runsFolderNotCreated: (label, code) => `${label}：无法创建 runs 文件夹（${code}）；应为可写的文件夹`,
  lockNotCreated: (lockLabel, code, sizeLimit) =>
    code === "EFBIG"
      ? `${lockLabel}：无法创建锁文件${fileTooLarge(sizeLimit, "lock")}`
      : `${lockLabel}：无法创建锁文件（${systemCode(code)}）；应为可写${diskFull(code) ? "且有足够空间存放锁文件" : ""}的文件夹`,

  uncertaintyMissingColumn: (source, column, columns) => `${source}：没有 ${quote(column)} 列；应包含 uncertainty.csv 的各列：${list(columns)}`,
  uncertaintyUnknownCell: (source, line, unit, year) =>
    `${source}:${line}: 评价对象 ${quote(unit)}、年份 ${quote(year)} 不在指数结果中；应为数据中的评价对象和年份（请用相同的输入运行 uncertainty）`,
  uncertaintyBadNumber: (source, line, column, value) => `${source}:${line}: ${quote(column)} 列的 ${quote(value)} 不是数值；应为十进制数或空单元格`,

  expectedType: (type) => EXPECTED_TYPES[type],
  expectedOneOf: (names, found) => `以下之一：${list(names)}${typeof found === "string" ? didYouMean(found, names) : ""}`,
  expectedNonEmpty: (origin) => (origin === "string" ? "非空文本" : "非空列表"),
  expectedNumberBound: (relation, bound) => `${relation} ${bound} 的数值`,
  expectedMethodList: (allowed) => `由以下方法中的一个或多个组成的列表：${list(allowed)}，每个只出现一次（也可写成以逗号分隔的文本）`,
  expectedForm: (form) => EXPECTED_FORMS[form],
  keyRefused: (path, found, reason) => `${path}：实际为${describeFound(found)}；${reason}`,
  bootstrapResamples: () => "应为 0（不计算区间）或至少 2 次重抽样",

  reportFileRepaired: (how, path, from) => `已用 ${from} ${how === "completed" ? "补全" : "恢复"} ${path}`,
  reportFileRemoved: (path) => `已删除 ${path}`,

  runsNoProject: () => `此处没有 index.yaml；应为项目文件夹、--project FILE 或 --runs DIR`,
  publishWhich: () => `runs publish 需要指定要发布的运行；应为运行编号或其开头部分，即 innovation-index runs 列出的编号`,
  runNotExpected: (action, found) => `runs ${action} 不接受运行参数，实际给出 ${quote(found)}；发布指定的运行应使用 innovation-index runs publish <run-id>`,
  publishUnknownRun: (reference, runsLabel, known) =>
    `${runsLabel} 中没有运行 ${quote(reference)}；应为该文件夹中的运行编号（${known.slice(-3).join("、") || "尚无运行"}）或其开头部分`,
  publishStaging: (label) => `${label}：这是暂存文件夹（正在写出的运行，或中途停止的运行），从不发布；应为以运行编号命名的运行文件夹`,
  publishNotFolder: (label, file) =>
    `${label}：这是${NOT_RUN_FOLDER(file)}，其中没有可校验或发布的运行；应为 compute 写出、以运行编号命名的文件夹（请将该文件移出 runs 文件夹）`,
  notRunFolder: (file) => `这是${NOT_RUN_FOLDER(file)}`,
  publishUnreachable: (label, target) =>
    `${label}：它是指向 ${quote(target)} 的符号链接，而目标不是文件夹（所在磁盘是否已挂载？），因此无法校验该运行；发布前应使该运行可以访问`,
  publishUnverified: (runLabel, problems, id, latestLabel) =>
    `${runLabel}：未发布，因为 verify 在其中发现 ${problems} 个问题（见上方；innovation-index verify ${id} 可再次列出）；应为文件与其 manifest.json 一致、清单自身也一致的运行；${latestLabel} 保持不变`,
  published: (latestLabel, before, after, held) =>
    `${latestLabel} 原先${
      before !== undefined
        ? `指向运行 ${before}`
        : held === undefined
          ? "不存在"
          : `${held === "" ? "为空" : `的内容为 ${quote(held)}`}，而不是运行编号（形如 20260301T020000.123Z-1a2b3c4d）`
    }，现在指向运行 ${after}`,
  publishedEarlier: (id, later) =>
    `注意：下一次 compute 会把输入文件与运行 ${id} 比较；除非输入文件已恢复为生成运行 ${id} 时的内容，它会重新计算并发布一个与 ${later} 相同的运行`,
  alreadyPublished: (latestLabel, id) => `${latestLabel} 已经指向运行 ${id}；未做任何改动`,
  publishNotMoved: (latestLabel, id, reason) => `无法将 ${latestLabel} 指向运行 ${id}（${reason}）；${latestLabel} 保持不变；${latestLabel} 应为可写的运行文件夹中的文件`,
  noRunToRollBack: (runsLabel) => `${runsLabel} 中没有已发布的运行；应有一个可以从它回退的运行（请先运行 innovation-index compute）`,
  noPreviousToRollBack: (manifestLabel, latest, recorded) =>
    `${manifestLabel}：已发布的运行 ${latest} ${
      recorded ? "没有上一次运行（它是项目的第一次运行，或在它运行时 LATEST 没有指向可用的运行）" : "没有记录上一次运行（由旧版本生成）"
    }；应有可回退到的上一次运行（${ROLLBACK_HINT}）`,
  rollbackBadLatest: (problem) => `${problem}；应指向已发布的运行，才能从它回退（${ROLLBACK_HINT}）`,
  rollbackPreviousUnusable: (manifestLabel, found, runs) =>
    `${manifestLabel}："previous" 为 ${found}，${runs} 中没有这个较早的运行文件夹；应为在它之前发布的运行的编号，即 compute 记录的编号（${ROLLBACK_HINT}）`,
  historyNotWritten: (historyLabel, latestLabel, id, reason, kept) =>
    `${historyLabel}：无法记录运行 ${id} 的发布（${reason}），因此 ${latestLabel} 保持不变（只有这一行写入磁盘后它才会改动）${
      kept ? `；运行文件夹已保留，未发布（innovation-index runs publish ${id} 可发布它）` : ""
    }；应为可以追加发布记录的文件${
      openElsewhere(reason) ? "：请在打开它的程序（Excel）中关闭它，或授予写入权限" : diskFull(reason) ? "：请释放磁盘空间" : reason === "ELOOP" ? "：它是一个链接，发布记录从不跟随链接；请把文件本身放在这里" : ""
    }`,
  historyUnreadable: (historyLabel, reason) =>
    `无法读取 ${historyLabel}（${reason}），因此列出的运行不含发布记录；应为可读的文件，compute、runs publish 和 runs rollback 会向其中追加记录`,
  historyLineSkipped: (historyLabel, line, found, cutShort) =>
    `${historyLabel}:${line}: ${
      cutShort ? `这一行不完整（没有行尾：写入时被崩溃、终止或磁盘已满打断），${quote(found)}` : `实际为 ${quote(found)}`
    }；已跳过，其余各行照常读取，文件保持不变；应为工具写出的 time,action,before,after,state（ISO 8601 UTC 时间，compute、publish 或 rollback，运行编号，moving 或 moved）：手动删除这一行即可消除此警告`,
};
