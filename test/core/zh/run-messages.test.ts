import { describe, expect, it } from "vitest";
import { runMessages } from "../../../src/core/run-messages.js";
import { runMessagesZh } from "../../../src/core/zh/run-messages.js";
import { checkTranslation } from "./facts.js";

describe("runMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(runMessages, runMessagesZh, [
      ["indexJsonNotJson", ["runs/20260301T020000.123Z-1a2b3c4d/index.json"]],
      ["indexJsonNoResults", ["out/index.json"]],
      ["indexJsonBadList", ["out/index.json", "units"]],
      ["indexJsonBadList", ["out/index.json", "years"]],
      ["indexJsonBadList", ["out/index.json", "nodes"]],
      ["resultsInParquet", ["out/index.json", ["index.parquet", "scores.parquet"]]],
      ["noIndexJson", ["runs/20260301T020000.123Z-1a2b3c4d"]],
      ["tooManyRunValues", ["runs/r1", 2147483648]],
      ["manifestDefect", ["object"]],
      ["manifestDefect", ["fingerprint"]],
      ["manifestDefect", ["outputs"]],
      ["manifestDefect", ["inputs"]],
      ["runsFolderNotCreated", ["runs", "EACCES"]],
      ["lockNotCreated", ["runs/.lock", "EROFS"]],
      ["lockNotCreated", ["runs/.lock", "ENOSPC"]],
      ["lockNotCreated", ["out/.innovation-index.lock", "EDQUOT"]],
      ["lockNotCreated", ["runs/.lock", "EFBIG", 0]],
      ["lockNotCreated", ["runs/.lock", "EFBIG", 51200]],
      ["lockNotCreated", ["runs/.lock", "EFBIG", "unlimited"]],
      ["lockNotCreated", ["runs/.lock", "EFBIG"]],
      ["uncertaintyMissingColumn", ["unc/uncertainty.csv", "index_p05", ["unit", "year", "index_median", "index_p05"]]],
      ["uncertaintyUnknownCell", ["unc/uncertainty.csv", 2, "U9", "2018"]],
      ["uncertaintyBadNumber", ["unc/uncertainty.csv", 4, "index_p05", "abc"]],
      ["expectedType", ["string"]],
      ["expectedType", ["int"]],
      ["expectedType", ["number"]],
      ["expectedType", ["boolean"]],
      ["expectedType", ["object"]],
      ["expectedType", ["array"]],
      ["expectedOneOf", [["fixed-base", "min-max"], "min-maxx"]],
      ["expectedOneOf", [["fixed-base", "min-max"], 3]],
      ["expectedNonEmpty", ["string"]],
      ["expectedNonEmpty", ["array"]],
      ["expectedNumberBound", [">=", 2]],
      ["expectedNumberBound", ["<", 10]],
      ["expectedMethodList", [["arithmetic", "geometric"]]],
      ...(["range", "z-scale", "performance-groups", "weight-years", "weight-units", "sheet", "memory-limit", "year"] as const).map((form) => ["expectedForm", [form]] as const),
      ["keyRefused", ["uncertainty.bootstrap", 1, "expected 0 (no intervals) or at least 2 resamples"]],
      ["keyRefused", ["methods.range", [1, 2, 3], "Invalid input"]],
      ["bootstrapResamples", []],
      ["reportFileRepaired", ["completed", "runs/20261204T044656.556Z-4119a31e/report.html", "report.html.tmp-1a2b"]],
      ["reportFileRepaired", ["restored", "runs/20261204T044656.556Z-4119a31e/reports.json", "reports.json.old-1a2b"]],
      ["reportFileRemoved", ["runs/20261204T044656.556Z-4119a31e/report.html.tmp-1a2b"]],
      ["runsNoProject", []],
      ["publishWhich", []],
      ["runNotExpected", ["rollback", "20261204T044656.556Z-4119a31e"]],
      ["publishUnknownRun", ["2025", "runs", ["20261204T044656.556Z-4119a31e"]]],
      ["publishUnknownRun", ["2025", "runs", []]],
      ["publishStaging", ["runs/.staging-20261204T044656.556Z-4119a31e"]],
      ["publishNotFolder", ["runs/20991231T235959.999Z-0123abcd", true]],
      ["publishNotFolder", ["runs/20991231T235959.999Z-0123abcd", false]],
      ["notRunFolder", [true]],
      ["notRunFolder", [false]],
      ["publishUnreachable", ["runs/20261204T044656.556Z-4119a31e", "/archive/runs/20261204T044656.556Z-4119a31e"]],
      ["publishUnverified", ["runs/20261204T044656.556Z-4119a31e", 2, "20261204T044656.556Z-4119a31e", "runs/LATEST"]],
      ["published", ["runs/LATEST", "20261204T044656.556Z-4119a31e", "20251204T044656.556Z-5e6f7a8b"]],
      ["published", ["runs/LATEST", undefined, "20251204T044656.556Z-5e6f7a8b"]],
      ["published", ["runs/LATEST", undefined, "20251204T044656.556Z-5e6f7a8b", "garbage"]],
      ["published", ["runs/LATEST", undefined, "20251204T044656.556Z-5e6f7a8b", ""]],
      ["publishedEarlier", ["20261204T044656.556Z-4119a31e", "20261205T044656.556Z-5e6f7a8b"]],
      ["alreadyPublished", ["runs/LATEST", "20261204T044656.556Z-4119a31e"]],
      ["publishNotMoved", ["runs/LATEST", "20261204T044656.556Z-4119a31e", "EISDIR"]],
      ["noRunToRollBack", ["runs"]],
      ["noPreviousToRollBack", ["runs/20261204T044656.556Z-4119a31e/manifest.json", "20261204T044656.556Z-4119a31e", true]],
      ["noPreviousToRollBack", ["runs/20261204T044656.556Z-4119a31e/manifest.json", "20261204T044656.556Z-4119a31e", false]],
      ["rollbackBadLatest", ['runs/LATEST holds "garbage", which is not a run id (a run folder\'s id looks like 20260301T020000.123Z-1a2b3c4d)']],
      ["rollbackPreviousUnusable", ["runs/20261204T044656.556Z-4119a31e/manifest.json", '"20251204T044656.556Z-5e6f7a8b"', "runs"]],
      ["historyNotWritten", ["runs/PUBLISHED.log", "runs/LATEST", "20261204T044656.556Z-4119a31e", "EBUSY", false]],
      ["historyNotWritten", ["runs/PUBLISHED.log", "runs/LATEST", "20261204T044656.556Z-4119a31e", "ENOSPC", true]],
      ["historyNotWritten", ["runs/PUBLISHED.log", "runs/LATEST", "20261204T044656.556Z-4119a31e", "EISDIR", true]],
      ["historyNotWritten", ["runs/PUBLISHED.log", "runs/LATEST", "20261204T044656.556Z-4119a31e", "ELOOP", true]],
      ["historyUnreadable", ["runs/PUBLISHED.log", "EACCES"]],
      ["historyLineSkipped", ["runs/PUBLISHED.log", 5, "2026-03-04T09:00:00.000Z,rollb", true]],
      ["historyLineSkipped", ["runs/PUBLISHED.log", 3, "3/2/2026 9:00,compute,,20261204T044656.556Z-4119a31e", false]],
    ]));

  it("says what a Chinese user reads (written out by hand)", () => {
    expect(runMessagesZh.noIndexJson("runs/r1")).toBe("runs/r1：没有 index.json；应为运行文件夹（或 compute --out 写出的文件夹）");
    expect(runMessagesZh.published("runs/LATEST", "20261204T044656.556Z-4119a31e", "20251204T044656.556Z-5e6f7a8b")).toBe(
      "runs/LATEST 原先指向运行 20261204T044656.556Z-4119a31e，现在指向运行 20251204T044656.556Z-5e6f7a8b",
    );
    // What LATEST held instead of a run id, in quotes, and the example of a run id of the English text.
    expect(runMessagesZh.published("runs/LATEST", undefined, "20251204T044656.556Z-5e6f7a8b", "garbage")).toBe(
      'runs/LATEST 原先的内容为 "garbage"，而不是运行编号（形如 20260301T020000.123Z-1a2b3c4d），现在指向运行 20251204T044656.556Z-5e6f7a8b',
    );
    expect(runMessagesZh.published("runs/LATEST", undefined, "20251204T044656.556Z-5e6f7a8b")).toBe("runs/LATEST 原先不存在，现在指向运行 20251204T044656.556Z-5e6f7a8b");
    expect(runMessagesZh.runsFolderNotCreated("runs", "EACCES")).toBe("runs：无法创建 runs 文件夹（EACCES）；应为可写的文件夹");
    // The publication history held open by Excel: compute's run kept, and what to do.
    expect(runMessagesZh.historyNotWritten("runs/PUBLISHED.log", "runs/LATEST", "20261204T044656.556Z-4119a31e", "EBUSY", true)).toBe(
      "runs/PUBLISHED.log：无法记录运行 20261204T044656.556Z-4119a31e 的发布（EBUSY），因此 runs/LATEST 保持不变（只有这一行写入磁盘后它才会改动）；运行文件夹已保留，未发布（innovation-index runs publish 20261204T044656.556Z-4119a31e 可发布它）；应为可以追加发布记录的文件：请在打开它的程序（Excel）中关闭它，或授予写入权限",
    );
    expect(runMessages.historyNotWritten("runs/PUBLISHED.log", "runs/LATEST", "20261204T044656.556Z-4119a31e", "EBUSY", false)).toBe(
      "runs/PUBLISHED.log: cannot record the publication of run 20261204T044656.556Z-4119a31e (EBUSY), so runs/LATEST was left as it was (it moves only once its line is on the disk); expected a file the publication history can be appended to: close it in any program that has it open (Excel), or give write rights to it",
    );
    // A file-size limit of 0 (ulimit -f 0), said as an output's: the limit in bytes, the lock file that must fit in it.
    expect(runMessages.lockNotCreated("runs/.lock", "EFBIG", 0)).toBe(
      "runs/.lock: cannot create the lock file (EFBIG: the file reached 0 bytes, the file-size limit of this process, ulimit -f); expected a file-size limit the lock file fits in: raise it (ulimit -f unlimited) and run again",
    );
    expect(runMessagesZh.lockNotCreated("runs/.lock", "EFBIG", 51200)).toBe(
      "runs/.lock：无法创建锁文件（EFBIG：文件达到 51,200 字节，即本进程的文件大小上限 ulimit -f）；应为能容纳锁文件的文件大小上限：请提高该上限（ulimit -f unlimited）后重新运行",
    );
    // Not known (not Linux): the process's limit or the file system's.
    expect(runMessages.lockNotCreated("runs/.lock", "EFBIG")).toBe(
      "runs/.lock: cannot create the lock file (EFBIG: the file reached the file-size limit of this process, ulimit -f, or of the file system); expected a file-size limit the lock file fits in: raise it (ulimit -f unlimited), or write on a file system that takes larger files",
    );
    expect(runMessagesZh.uncertaintyBadNumber("unc/uncertainty.csv", 4, "index_p05", "abc")).toBe(
      'unc/uncertainty.csv:4: "index_p05" 列的 "abc" 不是数值；应为十进制数或空单元格',
    );
    // A file named by a run id: the list's note is the words of runs publish's refusal, in both languages.
    expect(runMessages.notRunFolder(true)).toBe("a file, not a run folder");
    expect(runMessagesZh.notRunFolder(true)).toBe("这是文件，不是运行文件夹");
    expect(runMessagesZh.publishNotFolder("runs/r", true)).toBe(
      "runs/r：这是文件，不是运行文件夹，其中没有可校验或发布的运行；应为 compute 写出、以运行编号命名的文件夹（请将该文件移出 runs 文件夹）",
    );
  });
});
