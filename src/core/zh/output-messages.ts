/** The Chinese messages of `outputMessages` (src/core/output-messages.ts), for the terminal (src/core/localize.ts says how). */
import { formatCount } from "../limit-messages.js";
import type { Translation } from "../localize.js";
import type { outputMessages } from "../output-messages.js";
import { quote as quoteInput } from "../quote.js";
import { diskFull, openElsewhere } from "../system-errors.js";
import { fileTooLarge, runMessagesZh, systemCode } from "./run-messages.js";
import { listOr, placed } from "./words.js";

/** As the English catalogue quotes (its own `quote`: JSON, never cut), so a quoted value reads the same in both. */
const quote = (value: string) => JSON.stringify(value);

/** The runs folder as set at `where` (the English file's `runsNamed`). */
const runsNamed = (where: string, runs: string) => (where.startsWith("--") ? `${where} ${quote(runs)}` : `${placed(where)}runs: ${quote(runs)}`);

/** Why a folder could not be created, in words, by the file system's code (the English file's `folderProblem`). */
function folderProblem(code: string): string {
  switch (code) {
    case "ENOTDIR":
    case "EEXIST":
      return "该名称或其某一上级文件夹的名称已被文件占用";
    case "ENOENT":
      return "文件系统不允许在此处创建文件夹";
    case "EACCES":
    case "EPERM":
      return "权限不足";
    case "EROFS":
      return "文件系统为只读";
    default:
      return "文件系统拒绝了该操作";
  }
}

/** What the revision summary and `--if-changed` do when the latest run cannot be used. */
const LATEST_CONSEQUENCE = "--if-changed 和修订摘要将按没有上一次运行处理；未删除任何运行文件夹";

/** Where the file a `--out` named like a file (by its extension) is written instead: inside the folder (`outFileName`). */
const OUT_FILE_HINTS: Readonly<Record<string, (folder: string) => string>> = {
  html: (folder) => `（compute --report --out ${folder} 会将报告写为 ${folder}/report.html）`,
  htm: (folder) => `（compute --report --out ${folder} 会将报告写为 ${folder}/report.html）`,
  xlsx: (folder) => `（compute --xlsx --out ${folder} 会将所有表写入 ${folder}/index.xlsx）`,
  xls: (folder) => `（compute --xlsx --out ${folder} 会将所有表写入 ${folder}/index.xlsx）`,
  csv: (folder) => `（各 CSV 表写在该文件夹中，即 ${folder}/index.csv 等；--out - 将其中一张输出到 stdout）`,
  tsv: (folder) => `（各 CSV 表写在该文件夹中，即 ${folder}/index.csv 等；--out - 将其中一张输出到 stdout）`,
  json: (folder) => `（compute 会写出 ${folder}/index.json；--out - --format json 将其输出到 stdout）`,
  parquet: (folder) => `（compute --parquet --out ${folder} 会写出 ${folder}/index.parquet）`,
};

/** What a run folder that is a link whose target is gone points to, after the words saying it is not there. */
const brokenLink = (target: string | undefined) =>
  target === undefined ? "" : `（它是指向 ${quote(target)} 的符号链接，而目标不是文件夹：所在磁盘是否已挂载？）`;

/** The kinds of thing in the way of a temporary file (src/io/write/temporary.ts), in words; another as it is. */
const IN_THE_WAY: Readonly<Record<string, string>> = { "a link": "符号链接", "a folder": "文件夹", something: "其他对象" };

/** The kinds of thing found where `verify` expected a file (src/io/runs/verify-run.ts), in words; another as it is. */
const NOT_FILE: Readonly<Record<string, string>> = { folder: "文件夹", link: "符号链接", other: "管道、套接字或设备" };

export const outputMessagesZh: Translation<typeof outputMessages> = {
  outExtension: (out, found, extensions) =>
    `--out ${quote(out)} ${found === "" ? "没有扩展名" : `以 .${found} 结尾`}；应为以 ${listOr(extensions.map((extension) => `.${extension}`))} 结尾的文件名`,
  outExtensionDisagrees: (out, extension, format) =>
    `--out ${quote(out)} 以 .${extension} 结尾，但 --format 为 ${format}；应为以 .${format} 结尾的文件名，或不指定 --format（由扩展名决定格式）`,
  outIsRun: (label, run) =>
    `${label} ${run === undefined ? "是运行文件夹" : `位于运行文件夹 ${run} 中`}（其中有 manifest.json 和 index.json，或以运行编号命名且位于 runs 文件夹中），运行中的文件从不覆盖，也不再添加文件；应另指定 --out（在项目中，\`report --run ID\` 会将 report.html 添加到运行中，并记入该运行的 reports.json）`,
  outNotOurs: (file, record) =>
    `${file} 已存在，它不是 innovation-index 写出的，或写出后已被修改（该文件夹的 ${record} 中没有与其现状相符的记录），因此不予替换；应为不含该文件的文件夹：请将其移走，或另指定 --out`,
  outChanged: (file) =>
    `${file} 在本命令写出结果期间被修改（在核对为 innovation-index 所写之后被编辑或新建），因此不予替换，所有输出均保持本次运行前的状态；命令写出期间应不改动该文件夹中的文件：请在文件保存后重新运行，或先将其移走`,
  outIsInput: (label) =>
    `${label} 是本命令的输入（已作为指标体系、数据或其他输入读取），输入从不覆盖；应另指定 --out`,
  nameTooLong: (label, bytes) =>
    `${label}：无法写出输出文件（ENAMETOOLONG）：${bytes} 字节的文件名会先以比它长约 12 字节的临时名称写出（.<name>.<pid>.tmp），超过了多数文件系统允许的 255 字节；应为不超过约 240 字节（80 个汉字）的文件名`,
  staleRemoved: (names, label, command) =>
    `已从 ${label} 删除 ${names.join("、")}：它们由之前的 ${command} 写入，未经修改，本次未再写出，因此已不再是其输出\n`,
  temporaryReplaced: (label) =>
    `${label}：写出输出文件期间，本命令的一个临时文件被替换（替换为符号链接或另一名称的文件）；未通过它写入任何内容，也未更改任何输出文件；应无其他进程在该文件夹中写入，请重新运行`,
  temporaryInTheWay: (path, what) =>
    `${path} 是${IN_THE_WAY[what] ?? ` ${what}`}，占用了本命令要写出的临时文件的名称（本命令从不通过符号链接写入）；此处不应有同名的任何内容，请将其移走`,
  outIsRoot: (label, file = false) =>
    `${label} ${file ? "位于" : "是"}文件系统的根目录，其中存放的是系统自身的文件夹；应为${file ? "某个文件夹中的文件" : "存放输出文件的文件夹"}，例如 ${file ? "out/" + label.split(/[\\/]/).pop() : "out"}`,
  outFileName: (label, extension, folder, argument = "--out") =>
    `${argument} 指定的是文件夹，而 ${quote(label)} 看起来像文件名（以 .${extension} 结尾）；应为文件夹，例如 ${quote(folder)}` +
    `${argument === "--out" ? (OUT_FILE_HINTS[extension.toLowerCase()]?.(folder) ?? "") : ""}\n` +
    `如确要使用名为 ${quote(label)} 的文件夹，请先创建它，或在名称末尾加上 /`,
  outIsValuesFolder: (label) =>
    `${label} 是本命令读取的数据文件夹，其中的文件都会作为数据读取：写在这里的输出文件下次会被当作数据读入；应另指定 --out`,
  runsIsValuesFolder: (where, runs, valuesAt) =>
    valuesAt === undefined
      ? `${placed(where)}runs: ${quote(runs)} 是本次运行读取的数据文件夹，其中的文件都会作为数据读取：写在这里的 LATEST 下次会被当作数据读入；应另指定 runs: 文件夹，例如 runs，或数据文件夹的子文件夹（子文件夹不会被读取）`
      : `${where} ${quote(runs)} 是本项目的运行读取的数据文件夹（values: 见 ${valuesAt}），其中的文件都会作为数据读取：写在这里的 LATEST 下次会被当作数据读入；应另指定 ${where} 文件夹，例如 runs，或数据文件夹的子文件夹（子文件夹不会被读取）`,
  runsIsInput: (where, runs, input, itself) =>
    `${placed(where)}runs: ${quote(runs)} ${itself ? `就是 ${input}` : `会把运行自身的文件（LATEST、锁文件、临时文件和暂存文件）写到 ${input}`}，而它是本次运行的输入（已作为指标体系、数据或其他输入读取），输入从不覆盖；应另指定 runs: 文件夹`,
  runsToPublishIsValuesFolder: (action, where, runs) =>
    `${placed(where)}runs: ${quote(runs)} 是本项目的运行读取的数据文件夹，其中的文件都会作为数据读取：runs ${action} 写在这里的 LATEST 下次运行时会被当作数据读入；应另指定 runs: 文件夹，例如 runs，或数据文件夹的子文件夹（子文件夹不会被读取）`,
  runsToPublishIsInput: (action, where, runs, input, itself) =>
    `${runsNamed(where, runs)} ${itself ? `就是 ${input}` : `会让 runs ${action} 把自身的文件（LATEST、锁文件、临时文件）写到 ${input}`}，而它是本项目的运行的输入（作为指标体系、数据或其他输入读取），输入从不覆盖；应另指定 ${where.startsWith("--") ? where : "runs:"} 文件夹`,
  runsMatchedByQuery: (where, runs, query, pattern, action) =>
    `${runsNamed(where, runs)} 是查询 ${query} 以模式 ${quote(pattern)} 读取的文件夹：${action === undefined ? "运行" : `runs ${action} 和本项目的运行`}写在这里的 LATEST、锁文件和运行文件夹会被下次运行的查询读入；应另指定该模式匹配不到的 ${where.startsWith("--") ? where : "runs:"} 文件夹，例如 runs，或不含 ** 的模式所在文件夹的子文件夹`,
  runsReachedThroughLink: (where, runs, query, pattern, link, target, relation, action) =>
    `${runsNamed(where, runs)} 经链接 ${quote(link)}（指向 ${quote(target)}，${relation === "is" ? "即 runs 文件夹本身" : relation === "inside" ? "runs 文件夹中的文件夹" : "包含 runs 文件夹的上级文件夹"}）被查询 ${query} 的模式 ${quote(pattern)} 读到：${action === undefined ? "运行" : `runs ${action} 和本项目的运行`}写在这里的 LATEST、锁文件和运行文件夹会经由该链接被下次运行的查询读入；应确保该模式读取的文件夹中没有指向 runs 文件夹、其中或其上级文件夹的链接（删除 ${quote(link)}，或改写模式使其不经过该链接），或另指定该链接不通向的 ${where.startsWith("--") ? where : "runs:"} 文件夹`,
  runsLinksUnchecked: (where, runs, query, pattern, limit, count) =>
    `${placed(query)}模式 ${quote(pattern)} 经过${limit === "entries" ? `超过 ${formatCount(count)} 个文件夹条目` : `超过 ${count} 层深的文件夹`}，因此并未在它读取的每个文件夹中查找指向 runs 文件夹 ${quote(runs)}（${where}）的链接；经由这样的链接（指向 runs 文件夹或其上级文件夹），下次运行的查询会读入运行写在那里的文件；应让模式写明更多文件夹（例如用 data/2024/*.csv 而非 data/**/*.csv），或亲自确认其下没有通向 runs 文件夹的链接`,
  outIsRunsFolder: (label, runs) =>
    `${label} ${runs === undefined ? "是项目的 runs 文件夹" : `位于 runs 文件夹 ${runs} 中`}（其中有 LATEST），其中的运行从不覆盖，也不再添加文件；应另指定 --out`,
  writeFailed: (label, reason, sizeLimit) =>
    reason === "EFBIG"
      ? `${label}：无法写出输出文件${fileTooLarge(sizeLimit, "outputs")}`
      : `${label}：无法写出输出文件（${systemCode(reason)}）；应为可写${diskFull(reason) ? "且有足够空间存放输出文件" : ""}的文件夹`,
  folderNotCreated: (label, path, code) =>
    `${label}：无法创建文件夹 ${quote(path)}（${code}：${folderProblem(code)}）；应为已存在或可以创建的文件夹`,
  replaceFailed: (label, name, reason, unrestored, earlierKept = false) =>
    (diskFull(reason)
      ? `${label}：无法替换 ${quote(name)}（${systemCode(reason)}）${earlierKept ? `；原有的 ${quote(name)} 保持原样` : ""}；应有足够的磁盘空间存放输出文件（请释放一些空间后重新运行）\n`
      : `${label}：无法替换 ${quote(name)}（${reason}）；该路径处应为文件或没有任何内容${openElsewhere(reason) ? "（该文件是否正在 Excel 或 WPS 中打开？请关闭后重新运行）" : ""}\n`) +
    (unrestored.length === 0
      ? `未更改任何输出文件：已替换的文件均已恢复`
      : `无法恢复 ${unrestored.map((file) => `${quote(file.name)}（保留为 ${quote(file.backup)}）`).join("、")}的原有版本；其他文件均已恢复`),
  workerFailed: (label, detail) =>
    `${label}：无法写出输出文件：写入线程无法启动或内存不足（${detail}）；应有足够的内存供这些线程使用，或使用 --threads 1 重新运行`,

  runsNotFolder: (runsLabel, target) =>
    target === undefined
      ? `${runsLabel}：是文件而不是文件夹；应为项目的 runs 文件夹（请将该文件移走，或在 index.yaml 中设置 runs:）`
      : `${runsLabel}：是指向 ${target} 的链接，而该位置不存在（磁盘未挂载？）；应为它所指向的 runs 文件夹：请挂载它，或在 index.yaml 中设置 runs:（在原处新建文件夹会把运行记录分成两处）`,
  latestNotRunId: (latestLabel, found) =>
    `${latestLabel} 的内容为 ${quoteInput(found)}，不是运行编号（运行文件夹的编号形如 20260301T020000.123Z-1a2b3c4d）`,
  latestIsFolder: (latestLabel) =>
    `${latestLabel} 是文件夹，而不是指向已发布运行的文件；应为写有运行编号（例如 20260301T020000.123Z-1a2b3c4d）的文件：请将该文件夹移出 runs 文件夹`,
  latestNamesMissingRun: (latestLabel, id, linkTarget) => `${latestLabel} 指向运行 ${id}，但该运行不存在${brokenLink(linkTarget)}`,
  latestNamesNotRunFolder: (latestLabel, id, file) => `${latestLabel} 指向运行 ${id}，但${runMessagesZh.notRunFolder(file)}`,
  latestMissing: (latestLabel, runCount) => `${latestLabel} 不存在，但该文件夹中有 ${runCount} 个运行文件夹`,
  latestIgnored: (problem, named) =>
    named === undefined ? `${problem}；${LATEST_CONSEQUENCE}` : `${problem}；--if-changed 和修订摘要将按没有上一次运行处理，但仍将其记为本次运行的上一次运行（${named}）；未删除任何运行文件夹`,
  latestUnusable: (problem, compare = true) => `${problem}；应指向一个运行文件夹（或指定${compare ? "要比较的运行" : "一个运行"}）`,
  unpublishedRun: (runLabel, latest) =>
    `${runLabel} 比${latest ? ` LATEST 指向的运行（${latest}）` : "所有已发布的运行"}更新：它从未发布（运行在移动 LATEST 之前中止），或 LATEST 被改回了较早的运行；已保留，未删除`,
  withdrawnRun: (runLabel, latest, first) =>
    `${runLabel} 比 LATEST 指向的运行（${latest}）更新：它曾经发布（${first}），之后 LATEST 被改回了较早的运行（runs rollback、重新发布较早的运行，或手动修改）；已保留，未删除`,
  foreignRunFolder: (runLabel, latest, why) =>
    `${runLabel} 的名称像是晚于 LATEST 指向的运行（${latest}）的运行，但它不是本工具的运行：${
      why.kind === "file"
        ? "它是文件，而不是文件夹"
        : why.kind === "manifest"
          ? `其 manifest.json ${why.problem}`
          : why.kind === "other run"
            ? `其 manifest.json 记录的是运行 ${quoteInput(why.recorded)}，可见它是以另一个名称写出的（复制或改名的运行）`
            : `其 manifest.json 记录的指纹以 ${quoteInput(why.fingerprint)} 开头，而其名称以 ${quoteInput(why.expected)} 结尾（运行编号以其指纹的前 8 位十六进制数字结尾）`
    }；已原样保留（未删除，也未发布）；runs 文件夹中应只有 compute 以其自身编号写出的运行文件夹（如是手动放入的，请移到别处）`,
  stagingKept: (stagingLabel, marker) =>
    `${stagingLabel} 中没有指明该文件夹的 ${marker}，无法确认它是本工具的暂存文件夹；已保留，未删除（如不需要，请手动删除）`,
  latestTemporaryKept: (temporaryLabel, held, runsLabel) =>
    `${temporaryLabel} 的名称是 LATEST 的临时文件名，但其内容为 ${typeof held === "number" ? `${held} 字节` : quoteInput(held)}，不是本工具写入的内容（${runsLabel} 中某个运行文件夹的编号，如 20260301T020000.123Z-1a2b3c4d，后跟换行），无法确认它由本工具遗留；已保留，未删除（如不需要，请手动删除）`,
  stagingRemoved: (stagingLabel) => `已删除 ${stagingLabel}（由一次未完成即中止的运行遗留）`,
  stagingFilesKept: (stagingLabel, kept) =>
    `${stagingLabel} 是一次未完成即中止的运行的暂存文件夹，但其中还有 ${kept.map(quoteInput).join("、")}，它们不是运行写入的文件（应只有该运行的输出文件、manifest.json、标记文件及其临时文件）；已删除该运行自己的文件，其余文件连同文件夹保留（请先移出需要的文件，再手动删除该文件夹）`,
  lockTemporaryKept: (temporaryLabel, held, lockLabel) =>
    `${temporaryLabel} 的名称是锁 ${lockLabel} 的临时文件名，但其内容为 ${typeof held === "number" ? `${held} 字节` : quoteInput(held)}，不是本工具写入的内容（一把锁：一行 JSON，如 {"pid":4242,"host":"stats-01","startedAt":"2026-03-01T02:00:00.000Z",...}），无法确认它由本工具遗留；已保留，未删除（如不需要，请手动删除）`,
  lockStaleRunning: (staleLabel, pid, lockLabel) =>
    `${staleLabel} 是进程 ${pid} 移到一旁的锁 ${lockLabel}，该进程仍在运行（本工具的一次运行正在接管该锁，或此后另一个进程用上了这个 pid）；已保留，未删除：若本工具没有在运行时它仍在，请手动删除`,
  reportTemporaryKept: (fileLabel, of, kind, found, expected) =>
    `${fileLabel} 的名称是 ${of} 的${kind === "tmp" ? "临时文件" : "备份文件"}（写入它的进程已不存在），但其开头为 ${quoteInput(found)}，不是本工具写入 ${of} 时的开头${expected === undefined ? "" : `（${quoteInput(expected)} 及其后）`}，无法确认它由本工具遗留；已保留，未删除（如不需要，请手动删除）`,
  reportTemporaryNotCompleted: (temporaryLabel, fileLabel) =>
    `${temporaryLabel} 中是 reports.json 所列的 ${fileLabel} 版本（由一次未完成即中止的 report 遗留），但 ${fileLabel} 在本工具写入后已被改动（其 SHA-256 不在 reports.json 及其备份所列之中）；应为未改动的文件，因此不替换它，两个文件都保留（若要放回本工具的版本，请把 ${fileLabel} 移走；若要保留你的版本，请删除 ${temporaryLabel}）`,
  reportTemporaryUnreadable: (fileLabel, of, kind, code) =>
    `${fileLabel} 的名称是 ${of} 的${kind === "tmp" ? "临时文件" : "备份文件"}（写入它的进程已不存在），但它无法读取（${code}），无法确认它由本工具遗留；已保留，未删除（请使其可读，如不需要，请手动删除）`,
  writerPidNone: (fileLabel, of, pid) =>
    `${fileLabel} 的名称是进程 ${pid} 写入的 ${of} 的临时文件或备份文件，但本工具的进程不会有 pid ${pid}（应为正数 pid），无法确认它由本工具遗留，也不是正在写入的文件；已保留，未删除（如不需要，请手动删除）`,
  reportNotRepaired: (runLabel, fileLabel, code) =>
    `一次未完成即中止的 report 在 ${runLabel} 中遗留的文件未能全部修复：无法写入 ${fileLabel}（${code}）；应为可写的运行文件夹；其余保持原样（运行自身的文件未被改动）：下一次对该运行的 report 会修复它，verify 会说明还剩什么`,
  runMarkerKept: (markerLabel, runLabel, code) =>
    `${markerLabel} 由一次在其文件夹完成后随即中止的运行遗留，但无法删除（${code}）；应为可写的运行文件夹；已保留：该运行本身是完整的（使 ${runLabel} 可写后，下一次运行会删除它；也可手动删除）`,
  writingFolderKept: (folderLabel, found) =>
    `${folderLabel} 的名称是本工具写入 Parquet 文件所用的文件夹，但其中有 ${found.length === 0 ? "无法读取的内容" : found.map(quoteInput).join("、")}，而非只有 index.parquet、scores.parquet 和 growth.parquet，无法确认它由本工具遗留；已保留，未删除（如不需要，请手动删除）`,
  latestNotFlushed: (latestLabel, id, reason) =>
    `${latestLabel} 现已指向运行 ${id}，但之后未能把 runs 文件夹刷写到磁盘（${reason}）；断电后它可能重新指向此前的运行；应为能写入的磁盘：请检查磁盘，然后运行 innovation-index runs publish ${id}（它会校验该运行；若 LATEST 已指向它则不作改动）`,
  runNotPublished: (stagingLabel, latestLabel) => `未发布任何内容：该运行正写入其暂存文件夹 ${stagingLabel}（该文件夹会被删除），${latestLabel} 保持原样`,
  runKept: (runLabel, latestLabel, reason) =>
    `${runLabel}：运行已完成，但无法将 ${latestLabel} 指向它（${reason}）；运行文件夹已保留，但未发布；应为可写的 runs 文件夹`,
  revisionsSkipped: () => `修订：未比较，因为没有可用的上一次运行（见上方警告）`,
  revisionsNotCompared: (against, reason) => `相对运行 ${against} 的修订：未比较（${reason}）`,
  revisionsNotComparedChanged: (against) => `相对运行 ${against} 的修订：未比较，因为该运行的文件与其 manifest.json 不一致（见上方警告）`,
  runFileNotAsListed: (fileLabel, listed, found) =>
    listed === undefined
      ? `${fileLabel} 未列在该运行的 manifest.json 中`
      : found === undefined
        ? `${fileLabel} 不存在或无法读取，但该运行的 manifest.json 列出了它（${listed.bytes} 字节）`
        : `${fileLabel} 与该运行的 manifest.json 不一致（${found.bytes} 字节，SHA-256 ${found.sha256}；记录为 ${listed.bytes} 字节，SHA-256 ${listed.sha256}）`,
  comparedRunChanged: (problem, runLabel) =>
    `${problem}：该运行写出后其文件被改动过，因此不将其数值与新运行比较；应为 compute 写出时的文件（innovation-index verify ${runLabel} 会列出每一处不同）`,
  diffRunChanged: (problem, runLabel) =>
    `${problem}：该运行写出后其文件被改动过，其数值已不是当初发布的数值；应为 compute 写出时的文件（innovation-index verify ${runLabel} 会列出每一处不同）`,

  resultsInInvalid: (source, found) =>
    `${source}："resultsIn" 为 ${found}；应为运行文件夹中存放结果的 Parquet 文件列表，例如 ["index.parquet", "scores.parquet"]`,
  resultsFileMissing: (fileLabel) =>
    `${fileLabel}：文件不存在；应为 index.json 在 "resultsIn" 中列出的 Parquet 文件（由 compute --parquet-only 写出）`,
  resultsFileUnreadable: (fileLabel, detail) =>
    `${fileLabel}：DuckDB 无法将其作为 Parquet 读取（${detail}）；应为 index.json 在 "resultsIn" 中列出的 Parquet 文件（由 compute --parquet-only 写出）`,
  resultsFileColumns: (fileLabel, found) =>
    `${fileLabel}：列为 ${found}；应为 unit（文本）、year（整数）、code（文本）和 value（数值），与 compute --parquet-only 写出的一致`,
  resultsFileUnknownCell: (fileLabel, unit, year, code) =>
    `${fileLabel}：有一行的评价对象为 ${quote(String(unit))}、年份为 ${year}、代码为 ${quote(String(code))}，index.json 中没有列出；应只含 index.json 中的评价对象、年份和节点`,
  resultsFileDuplicate: (fileLabel, unit, year, code) =>
    `${fileLabel}：评价对象 ${quote(unit)}、年份 ${year}、代码 ${quote(code)} 有第二个值；"resultsIn" 所列文件中每个评价对象、年份和节点应只有一个值`,
  resultsTooManyValues: (source, units, years, nodes, rows, limit) =>
    `${source}：其列表构成 ${formatCount(units)} 个评价对象 × ${formatCount(years)} 个年份 × ${formatCount(nodes)} 个节点 = ${formatCount(units * years * nodes)} 个数值，多于 "resultsIn" 所列 Parquet 文件的 ${formatCount(rows)} 行，也多于面板允许的 ${formatCount(limit)} 个单元格；应为 compute --parquet-only 在这些文件旁写出的 index.json`,

  manifestMissing: () => `不存在`,
  manifestNotJson: (reason) => (/^E[A-Z]+$/.test(reason) ? `无法读取（${systemCode(reason)}）` : `不是有效的 JSON（${reason}）`),
  manifestNotRunManifest: (what) => `不是 compute 写出的清单文件（${what}）`,
  verifyNoManifest: (manifestLabel, problem) => `${manifestLabel} ${problem}；应为 compute 在每个运行文件夹中写出的 manifest.json`,
  verifyNoProject: () => `此处没有 index.yaml；应为项目文件夹、--project FILE、--runs DIR 或运行文件夹的路径`,
  verifyNoPublishedRun: (runsLabel) => `${runsLabel} 中没有已发布的运行；应有可供校验的运行（请先运行 compute，或指定一个运行文件夹）`,
  verifyNoRun: (label, linkTarget) =>
    `${label}：不存在该运行文件夹${brokenLink(linkTarget)}；应为运行编号（或其开头部分）、latest、previous 或运行文件夹的路径`,
  verifyFingerprint: (found, expected) =>
    expected === undefined
      ? `manifest.json：指纹 ${found} 无法重新计算，因为缺少工具版本或选项；应有 compute 记录的工具版本、选项和输入文件`
      : `manifest.json：指纹为 ${found}，但按其列出的工具版本、选项和输入文件算得 ${expected}；应为该运行计算所依据内容的指纹（某个选项、某个输入文件的 SHA-256 或指纹本身被改动过）`,
  verifyIdFingerprint: (id, fingerprint) =>
    `manifest.json：指纹 ${fingerprint} 的开头不是运行编号 ${id} 末尾的 ${id.slice(-8)}；应为生成该运行编号所用的指纹（清单或文件夹名称被改动过）`,
  verifyRunId: (found, id) => `manifest.json：run 为 ${found}，但运行文件夹名为 ${id}；应为该运行写出时的编号（运行文件夹被改名或以另一编号复制过）`,
  verifyOutputsRequired: (missing) =>
    `manifest.json：outputs 未列出 ${missing.join("、")}，而按其选项运行时一定会写出${missing.length === 1 ? "该文件" : "这些文件"}；应在该列表和运行文件夹中（列表被删减过，或清单被改动过）`,
  verifyStartedAt: (found, idTime) =>
    `manifest.json：startedAt ${found} ${idTime === undefined ? "不是 compute 写出的时间格式（例如 2026-03-01T02:00:00.123Z）" : `晚于运行编号中的时间 ${idTime}`}；应为该运行开始的时间：即其编号中的时间，或在编号为排在较早运行之后而被推迟时早于该时间`,
  verifyPrevious: (found, id) =>
    `manifest.json：previous ${found} 既不是${id === undefined ? "" : `早于 ${id} 的`}运行的编号，也不是 null；应为该运行发布时 LATEST 指向的运行（没有则为 null）`,
  verifyMissing: (path, bytes, derived = false) => `缺失：${path}（${derived ? "派生文件，在 reports.json 中" : ""}记录为 ${bytes} 字节）`,
  verifyChanged: (path, expected, found, derived = false) =>
    `已更改：${path}（${derived ? "派生文件：" : ""}${found.bytes} 字节${found.sha256 ? `，SHA-256 ${found.sha256}` : ""}；应为 ${expected.bytes} 字节，SHA-256 ${expected.sha256}${derived ? "，即 reports.json 所列" : ""}）`,
  verifyNotFile: (path, kind, derived = false) =>
    `已更改：${path}（是${NOT_FILE[kind] ?? ` ${kind} `}而不是文件${derived ? "；是 reports.json 中列出的派生文件" : ""}）`,
  verifyUnlisted: (path) => `未列出：${path}（既不在 manifest.json 中，也不在 reports.json 中）`,
  verifyWriteLeftover: (fileLabel, of, kind, pid, removable) =>
    removable
      ? `${fileLabel} 是 ${of} 的${kind === "tmp" ? "临时文件" : "备份文件"}，由一次未完成即中止的 report 遗留（进程 ${pid} 已不存在）；它不是该运行的文件，不影响校验：下次对该运行执行 report，或下次 compute 写入其 runs 文件夹时会删除它（也可手动删除）`
      : `${fileLabel} 的名称是进程 ${pid} 写入的 ${of} 的${kind === "tmp" ? "临时文件" : "备份文件"}，该进程已不存在，但其开头不是本工具写入 ${of} 时的开头，因此 report 和 compute 会保留它；它不是该运行的文件，不影响校验：如不需要，请手动删除`,
  verifyBeingWritten: (fileLabel, of, kind, pid) =>
    `${fileLabel} 是进程 ${pid} 正在写入的 ${of} 的${kind === "tmp" ? "临时文件" : "备份文件"}（该进程仍在运行：一次 report 正在写入该运行）；它不是该运行的文件，不影响校验：请等该 report 结束后再次校验`,
  verifyStagingLeftover: (fileLabel, runLabel) =>
    `${fileLabel} 是该运行的暂存标记文件，内容为其运行 ID：一次运行在其文件夹完成后、删除该标记前中止而遗留；它不是该运行的文件，不影响校验：下次 compute 写入其 runs 文件夹时会删除它（若 ${runLabel} 为只读，请先使其可写），也可手动删除`,
  verifyOutside: (path, derived = false) =>
    `越界：${quote(path)} 列在 ${derived ? "reports.json" : "manifest.json"} 中，但不是运行文件夹内的路径`,
  verifyReportsDamaged: (problem) => `已更改：reports.json ${problem}；应为 report 写入运行文件夹的派生文件列表`,
  verifyOk: (label, count, derived = []) =>
    `${label}：全部 ${count} 个文件均与 manifest.json 一致${
      derived.length > 0 ? `；此后由该运行派生、与 reports.json 一致的文件：${derived.join("、")}` : ""
    }`,
  verifyFailed: (label, counts, withReports = false) =>
    `${label}：${
      counts.manifest && counts.missing + counts.changed + counts.unlisted + counts.outside === 0
        ? ""
        : `与 manifest.json${withReports ? " 和 reports.json" : ""} 不一致：缺失 ${counts.missing} 个，已更改 ${counts.changed} 个，未列出 ${counts.unlisted} 个${
            counts.outside ? `，列在文件夹之外 ${counts.outside} 个` : ""
          }${counts.manifest ? "；" : ""}`
    }${counts.manifest ? `manifest.json 自身或与运行编号不一致（${counts.manifest} 处问题）` : ""}`,

  reportsNotReports: () => `不是 report 写出的派生文件列表（应为一个对象，其 "files" 列出 path、bytes、sha256、command 和 run）`,
  reportIsRunFile: (label) =>
    `${label} 是该运行本身的文件（列在 manifest.json 中，由 compute --report 写出）；应为不含该文件的运行文件夹：report 从不替换运行中的文件（请指定 --out DIR）`,
  reportsUnreadable: (reportsLabel, problem) =>
    `${reportsLabel} ${problem}；应为 report 写出的 reports.json；因此 report 无法判断哪些文件是它写出的，不会替换任何文件（请修复或删除该文件，或指定 --out DIR）`,
  reportLeftover: (done) => `${done}（由一次未完成即中止的 report 遗留）`,
  reportNotOurs: (label) =>
    `${label} 已存在，但 reports.json 中没有列出它，无法确认它是 report 写出的文件；此处不应有该文件（请将其移走，或指定 --out DIR）`,
  reportChangedSince: (label) =>
    `${label} 在 report 写出后已被修改（其 SHA-256 与 reports.json 所列不符）；应未经修改，因此不予替换（请将其移走，或指定 --out DIR）`,
};
