/** The Chinese messages of `projectMessages` (src/core/project-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { Translation } from "../localize.js";
import type { projectMessages } from "../project-messages.js";
import { quote } from "../quote.js";
import { closestName } from "../suggest.js";
import { afterChinese, describeFound, duration, placed } from "./words.js";

/** The holder of a lock as folder-lock.ts describes it, in Chinese; a description of another form as it is. */
function lockHolder(holder: string): string {
  if (holder === "unknown") return "未知";
  if (holder === "a lock file being written, or damaged") return "锁文件正在写入，或已损坏";
  const pid = /^pid (\S+) on (.+), since ([^,]+)$/.exec(holder);
  return pid ? `主机 ${pid[2]} 上的进程 ${pid[1]}，始于 ${pid[3]}` : holder;
}

/** How an input changed while it was read, as project-run.ts says it, in Chinese; a text of another form as it is. */
function inputChange(how: string): string {
  if (how === "appeared") return "新出现";
  if (how === "disappeared") return "消失";
  const changed = /^changed \(SHA-256 (\S+) before, (\S+) once read\)$/.exec(how);
  return changed ? `被修改（读取前 SHA-256 为 ${changed[1]}，读取后为 ${changed[2]}）` : how;
}

export const projectMessagesZh: Translation<typeof projectMessages> = {
  yamlSyntax: (reason) => `不是有效的 YAML 文件：${reason}`,
  notAMap: (found) => `文件内容为${describeFound(found)}；应为包含 indicators、values、methods 等键的键值块`,
  badKey: (path, found, expected) => `${path}：实际为${describeFound(found)}；应为${afterChinese(expected)}`,
  missingKey: (path, expected) => `缺少 ${path}；应为${afterChinese(expected)}`,
  ofKey: (path) => `键 ${path}：`,
  unknownKey: (path, known, suggestion = closestName(path.split(".").pop() ?? path, known)) =>
    `未知的键 ${quote(path)}${suggestion ? `（是否应为 ${quote(suggestion)}？）` : ""}；应为以下之一：${known.join("、")}`,
  nominalConflict: (listKey, list, singleKey, single, singleLine) =>
    `${listKey}：实际为${describeFound(list)}，其开头不是 ${singleKey} ${quote(single)}${singleLine ? `（第 ${singleLine} 行）` : ""}；应为以基准方法 ${quote(single)} 开头的列表，使基准运行与 compute 的运行一致`,
  notFound: (path) => `没有项目文件 ${quote(path)}；应有 index.yaml（可用 "innovation-index init" 创建）`,

  initNotOurs: (folder, files, forced) =>
    `${folder}：${files.join("、")} 已存在，但不是 init 写入的，或写入后已被修改（既未在 .innovation-index-files.json 中登记为未改动，也与 init 的示例不同），因此 init ${forced ? "--force " : ""}不会覆盖${files.length === 1 ? "该文件" : "这些文件"}：${files.length === 1 ? "它" : "它们"}保存的是项目自己的指标体系、数据或设置；` +
    `应为示例项目另建新文件夹（innovation-index init my-index），或先将${files.length === 1 ? "该文件" : "这些文件"}移走`,

  initExists: (folder, files) =>
    `${folder}：${files.join("、")} 已存在；应为不含${files.length === 1 ? "该文件" : "这些文件"}的文件夹（或用 --force 覆盖：${files.length === 1 ? "它由 init 写入且未被修改" : "它们由 init 写入且未被修改"}）`,

  initUndone: (folder, left) =>
    left.length === 0
      ? `init 已撤销它做过的一切：${folder} 与运行前相同（写入的文件已删除，覆盖的文件已还原，新建的文件夹已删除）；排除原因后再次运行 init 即可`
      : `init 未能撤销它在 ${folder} 中做过的全部操作：${left.join("、")} 仍留着（init 写入后被修改过，或无法删除）；应不留下 init 的任何东西：如果是 init 创建的，请手动删除，然后再次运行 init`,

  lockNotFile: (lock, kind) =>
    `${lock}：锁的位置上是${kind === "a folder" ? "一个文件夹" : kind === "a link" ? "一个链接" : "其他文件"}，而不是本工具写入的锁文件，因此在它移走之前任何运行都无法取得锁；应为锁文件或什么都没有（如果它不是本工具的运行创建的，请删除它）`,
  lockLost: (lock, run, kept) =>
    `${lock} 已不属于本次运行（被另一运行接管，或在本次运行期间被删除），因此本次运行不发布${
      kept ? `：${run} 予以保留、未发布（没有其他运行时，可用 innovation-index runs publish 发布）` : "，其文件已删除"
    }；应一次只进行一个运行：待另一运行结束后重新运行`,
  locked: (lock, holder) =>
    `${lock}：另一个运行持有锁（${lockHolder(holder)}）；同一时间应只有一个运行。请等待该运行结束；如果该运行已不存在，可删除锁文件`,
  lockSilent: (silentMs, rule, takeOverAfterMs) =>
    `。该锁上次刷新于 ${duration(silentMs / 1000)}前` +
    (rule === "running"
      ? "，但其进程仍在本机运行（正忙，或被 Ctrl-Z 暂停）：进程运行期间不会接管该锁"
      : rule === "other-host"
        ? takeOverAfterMs === undefined
          ? "；来自其他主机、由旧版本工具写入的锁永远不会被接管"
          : `，且来自其他主机：锁在 ${duration(takeOverAfterMs / 1000)}未刷新后会被接管`
        : `，且无法在此检查其进程（另一个容器中的运行，或旧版本工具的运行）：锁在 ${duration((takeOverAfterMs ?? 0) / 1000)}未刷新后会被接管`),
  lockTakenOver: (lock, holder, reason, silentMs, takeOverAfterMs) =>
    `${lock}：已接管一个已结束运行的锁（${lockHolder(holder)}）：` +
    (reason === "gone"
      ? "其进程已不再运行"
      : reason === "reused"
        ? "其进程号现属于另一个进程（启动时间不同）"
        : reason === "rebooted"
          ? "写入该锁后机器已重新启动"
          : reason === "silent"
            ? `该锁已 ${duration(silentMs / 1000)}未刷新，超过 ${duration(takeOverAfterMs / 1000)}，且无法在此检查其进程（另一个容器中的运行，或旧版本工具的运行）`
            : reason === "silent-other-host"
              ? `该锁来自其他主机，已 ${duration(silentMs / 1000)}未刷新，超过 ${duration(takeOverAfterMs / 1000)}`
            : `该锁无法读取，上次写入于 ${duration(silentMs / 1000)}前`),
  unknownRun: (reference, runs, known) =>
    `${runs} 中没有运行 ${quote(reference)}；应为运行 ID（${known.slice(-3).join("、") || "尚无运行"}）、latest、previous 或运行文件夹`,
  ambiguousRun: (reference, runs, matches) =>
    `${runs} 中的运行 ${quote(reference)} 可能是 ${matches.length} 个运行中的任何一个（${matches.slice(0, 5).join("、")}${matches.length > 5 ? "、…" : ""}）；应给出足以确定唯一运行的 ID`,
  tooFewRuns: (runs, count) => `${runs} 中有 ${count} 个已发布的运行；应至少有两个才能比较（或指定两个运行）`,
  noPreviousRun: (runs, latest, command) =>
    `${runs}：最新的运行 ${latest} 没有上一次运行（它是第一次发布的运行，或在它运行时此前没有可用的已发布运行）；应${
      command === "diff"
        ? "至少有两个运行才能比较（或指定两个运行）"
        : command === "report"
          ? "用 --run latest 或一个运行编号指定存放报告的运行"
          : "指定 latest、一个运行编号或运行文件夹的路径来校验"
    }`,
  previousUnusable: (manifestLabel, found, runs) =>
    `${manifestLabel}："previous" 为 ${found}，在 ${runs} 中没有对应的运行文件夹；应为在它之前发布的运行的编号，即 compute 记录的值（或直接指定该运行，而不用 previous）`,
  noProjectForDiff: () => `此处没有 index.yaml；应为项目文件夹、--project FILE、--runs DIR 或两个运行文件夹`,
  ifChangedWithoutProject: () => `--if-changed 与项目的最新运行比较；应有 index.yaml（或 --project FILE），且不带 --out`,
  forceWithoutProject: (flag) => `${flag} 为项目新建运行文件夹；应有 index.yaml（或 --project FILE），且不带 --out`,
  forceAndIfChanged: (flag) => `${flag} 与 --if-changed 相互矛盾；应只用其中一个（项目运行在输入未变时默认跳过）`,
  runWithoutProject: () => `--run 指定的是项目的运行文件夹；应有 index.yaml（或 --project FILE），或使用不带 --run 的 --out DIR`,
  noRunForReport: (runs) => `${runs} 中没有已发布的运行；应有一个运行来存放报告（先运行 innovation-index compute），或指定 --out DIR`,
  runInputsChanged: (run, changed) =>
    `${run} 计算所用的输入或选项与项目当前的不同（${changed.join("、")}）；应为该运行的输入和选项：运行 innovation-index compute 生成新运行后再生成报告，或指定 --out DIR`,
  runInputsUnproven: (run, queries) =>
    `${run} 可能已过时：其查询（${queries.join("、")}）可能读取本工具无法列出的文件，运行的摘要未涵盖这些文件，因此无法判断它们自该运行以来是否有变化，而按文件当前内容计算的报告可能与该运行不符；若希望报告能与其运行核对，应把查询读取的每个文件写成带引号的路径或由常量拼接的路径（read_csv('micro.csv')、read_csv('micro/' || '2020.csv')），或在生成报告前先运行 innovation-index compute`,
  inputChangedDuringRun: (file, how) =>
    `${file}：在读取输入期间${inputChange(how)}；输入文件在读取完成前应保持不变，使记录的 SHA-256 正是参与计算的字节的值：未写入任何内容，请在文件完整后重新运行`,
  queryFilesUnnamed: (query, calls, indicator) =>
    `${placed(query)}${indicator === undefined ? "该查询" : `指标 ${quote(indicator)} 的查询（sql 列）`}可能读取本工具无法列出的文件（${calls
      .map((call) => (call === "*" ? "DuckDB 的解析器无法列出其文件的语句（不带 IN 的 PIVOT）" : /^query/i.test(call) ? `${call}(…)，以文本给出的查询` : `${call}(…)，查询运行时才能确定的路径（由列或子查询拼接）`))
      .join("；")}），因此 --if-changed 无法判断这些文件是否有变化：每次都会重新运行；若希望在没有变化时跳过运行，应把每个文件写成带引号的路径或由常量拼接的路径（read_csv('micro.csv')、read_csv('micro/' || '2020.csv')，或 read_csv('micro/*.csv') 这样的通配路径）`,
  unchanged: (run) => `自运行 ${run} 以来没有变化（输入、选项和工具版本均相同）；无需计算，未创建运行文件夹（--force 可强制运行）`,
};
