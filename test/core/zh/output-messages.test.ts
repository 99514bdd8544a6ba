import { describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { outputMessagesZh } from "../../../src/core/zh/output-messages.js";
import { translateMessage } from "../../../src/core/localize.js";
import { chinese } from "../../../src/core/zh/index.js";
import { checkTranslation } from "./facts.js";

const RUN = "20260301T020000.123Z-1a2b3c4d";
const SHA_A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const SHA_B = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

describe("outputMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(outputMessages, outputMessagesZh, [
      ["outExtension", ["指数.txt", "txt", ["xlsx"]]],
      ["outExtension", ["指数", "", ["csv", "tsv"]]],
      ["outExtension", ["out/weights.doc", "doc", ["csv", "json", "yaml"]]],
      ["outExtensionDisagrees", ["weights.csv", "csv", "json"]],
      ["outIsRun", ["runs/20260301T020000.123Z-1a2b3c4d"]],
      ["outIsRun", ["runs/20260301T020000.123Z-1a2b3c4d/charts", `runs/${RUN}`]],
      ["outNotOurs", ["out/index.csv", ".innovation-index-files.json"]],
      ["outChanged", ["out/index.csv"]],
      ["outIsInput", ["data"]],
      ["nameTooLong", ["out/常州市各区县创新指数.csv", 252]],
      ["staleRemoved", [["index.xlsx", "report.html"], "out", "compute"]],
      ["temporaryReplaced", ["out"]],
      ["temporaryInTheWay", ["out/.index.csv.4242.tmp", "a link"]],
      ["temporaryInTheWay", ["out/.index.csv.4242.tmp", "a folder"]],
      ["temporaryInTheWay", ["out/.index.csv.4242.tmp", "something"]],
      ["outIsRoot", ["/"]],
      ["outIsRoot", ["/index.csv", true]],
      ["outFileName", ["报告.html", "html", "报告"]],
      ["outFileName", ["out.xlsx", "xlsx", "out"]],
      ["outFileName", ["out.CSV", "CSV", "out"]],
      ["outFileName", ["out.json", "json", "out"]],
      ["outFileName", ["out.parquet", "parquet", "out"]],
      ["outFileName", ["results.txt", "txt", "results"]],
      ["outFileName", ["project.yaml", "yaml", "project", "init [dir]"]],
      ["outIsValuesFolder", ["data"]],
      ["runsIsValuesFolder", ["index.yaml:4", "data"]],
      ["runsIsValuesFolder", ["--runs", "data", "index.yaml:3"]],
      ["runsIsInput", ["index.yaml:4", "data.csv", "data.csv", true]],
      ["runsIsInput", ["index.yaml:4", "runs", "runs/LATEST", false]],
      ["runsToPublishIsValuesFolder", ["publish", "index.yaml:4", "data"]],
      ["runsToPublishIsValuesFolder", ["rollback", "index.yaml:4", "data"]],
      ["runsToPublishIsInput", ["publish", "index.yaml:4", "tree.csv", "tree.csv", true]],
      ["runsToPublishIsInput", ["rollback", "--runs", "runs", "runs/LATEST", false]],
      ["runsMatchedByQuery", ["index.yaml:4", "data", "values.sql", "data/*.csv"]],
      ["runsMatchedByQuery", ["--runs", "data", "tree.csv:5", "data/**/*.csv", "publish"]],
      ["runsMatchedByQuery", ["index.yaml:4", "data", "values.sql", "data/*", "rollback"]],
      ["runsReachedThroughLink", ["index.yaml:4", "runs", "values.sql", "data/*/*/*.csv", "data/old", "../runs", "is"]],
      ["runsReachedThroughLink", ["--runs", "runs", "tree.csv:5", "data/**/*.csv", "data/up", "..", "above", "publish"]],
      ["runsReachedThroughLink", ["index.yaml:4", "runs", "values.sql", "data/*/*.csv", "data/last", "../runs/20260301T020000.123Z-1a2b3c4d", "inside", "rollback"]],
      ["runsLinksUnchecked", ["index.yaml:4", "runs", "values.sql", "data/**/*.csv", "entries", 100000]],
      ["runsLinksUnchecked", ["--runs", "out/runs", "tree.csv:5", "data/**/*.parquet", "depth", 64]],
      ["outIsRunsFolder", ["runs"]],
      ["outIsRunsFolder", ["runs/old", "runs"]],
      ["writeFailed", ["out", "ENOSPC"]],
      ["writeFailed", ["out", "EIO"]],
      ["folderNotCreated", ["out", "out/2026", "ENOTDIR"]],
      ["folderNotCreated", ["out", "out/2026", "EEXIST"]],
      ["folderNotCreated", ["/mnt/share/out", "/mnt/share/out", "ENOENT"]],
      ["folderNotCreated", ["out", "out", "EACCES"]],
      ["folderNotCreated", ["out", "out", "EPERM"]],
      ["folderNotCreated", ["/media/cd/out", "/media/cd/out", "EROFS"]],
      ["folderNotCreated", ["out", "out", "EIO"]],
      ["replaceFailed", ["out", "index.csv", "EBUSY", []]],
      // A full disk: the earlier file kept, or none to keep (a new file); a used-up quota, with a file not put back.
      ["replaceFailed", ["out", "index.csv", "ENOSPC", [], true]],
      ["replaceFailed", ["out", "index.csv", "ENOSPC", [], false]],
      ["replaceFailed", ["out", "scores.csv", "EDQUOT", [{ name: "index.csv", backup: ".index.csv.4242.old" }], true]],
      [
        "replaceFailed",
        [
          "out",
          "index.xlsx",
          "EPERM",
          [
            { name: "index.csv", backup: ".index.csv.4242.old" },
            { name: "scores.csv", backup: ".scores.csv.4242.old" },
          ],
        ],
      ],
      ["workerFailed", ["out", "Worker terminated due to reaching memory limit: JS heap out of memory"]],

      ["runsNotFolder", ["runs"]],
      ["runsNotFolder", ["runs", "/mnt/archive/runs"]],
      ["latestNotRunId", ["runs/LATEST", "hello"]],
      ["latestNotRunId", ["runs/LATEST", "x".repeat(120)]],
      ["latestNotRunId", ["runs/LATEST", "x".repeat(256)]],
      ["latestIsFolder", ["runs/LATEST"]],
      ["latestNamesMissingRun", ["runs/LATEST", RUN]],
      ["latestNamesMissingRun", ["runs/LATEST", RUN, "/mnt/archive/runs/2026"]],
      ["latestNamesNotRunFolder", ["runs/LATEST", RUN, true]],
      ["latestNamesNotRunFolder", ["runs/LATEST", RUN, false]],
      ["latestMissing", ["runs/LATEST", 1]],
      ["latestMissing", ["runs/LATEST", 3]],
      ["latestIgnored", ["runs/LATEST is missing, but the folder holds 3 run folders"]],
      ["latestIgnored", [`runs/LATEST names run ${RUN}, which does not exist (a link to /mnt/archive/runs/2026, which is not there)`, RUN]],
      ["latestUnusable", ["runs/LATEST names run 20260301T020000.123Z-1a2b3c4d, which does not exist"]],
      ["latestUnusable", ["runs/LATEST names run 20260301T020000.123Z-1a2b3c4d, which does not exist", false]],
      ["unpublishedRun", [`runs/${RUN}`, "20260201T020000.000Z-00aa11bb"]],
      ["unpublishedRun", [`runs/${RUN}`, undefined]],
      ["withdrawnRun", [`runs/${RUN}`, "20260201T020000.000Z-00aa11bb", "2026-03-01T02:00:00.123Z"]],
      ["foreignRunFolder", [`runs/${RUN}`, "20260201T020000.000Z-00aa11bb", { kind: "file" }]],
      ["foreignRunFolder", [`runs/${RUN}`, "20260201T020000.000Z-00aa11bb", { kind: "manifest", problem: "is missing" }]],
      ["foreignRunFolder", [`runs/${RUN}`, "20260201T020000.000Z-00aa11bb", { kind: "other run", recorded: "20260101T020000.000Z-1a2b3c4d" }]],
      ["foreignRunFolder", [`runs/${RUN}`, "20260201T020000.000Z-00aa11bb", { kind: "fingerprint", fingerprint: "ffee0011", expected: "1a2b3c4d" }]],
      ["stagingKept", ["runs/.staging-4242", ".innovation-index-staging"]],
      ["latestTemporaryKept", ["runs/.LATEST.4242.tmp", "hi\n", "runs"]],
      ["latestTemporaryKept", ["runs/.LATEST.4242.tmp", 1234, "runs"]],
      ["stagingRemoved", ["runs/.staging-4242"]],
      ["stagingFilesKept", ["runs/.staging-4242", ["mydata.csv", "sub"]]],
      ["lockTemporaryKept", ["runs/.lock.4243.tmp", "my precious notes\n", "runs/.lock"]],
      ["lockTemporaryKept", ["out/.innovation-index.lock.4243.stale", 300000, "out/.innovation-index.lock"]],
      ["lockStaleRunning", ["runs/.lock.4243.stale", 4243, "runs/.lock"]],
      ["reportTemporaryKept", [`runs/${RUN}/.report.html.4242.tmp`, "report.html", "tmp", "my precious notes\n", '<!DOCTYPE html>\n<html lang="']],
      ["reportTemporaryKept", [`runs/${RUN}/.reports.json.4242.old`, "reports.json", "old", "[1, 2]", '{\n  "files": [']],
      ["reportTemporaryKept", [`runs/${RUN}/.figures.csv.4242.tmp`, "figures.csv", "tmp", "x", undefined]],
      ["reportTemporaryNotCompleted", [`runs/${RUN}/.report.html.4242.tmp`, `runs/${RUN}/report.html`]],
      ["reportTemporaryUnreadable", [`runs/${RUN}/.report.html.4242.tmp`, "report.html", "tmp", "EACCES"]],
      ["reportTemporaryUnreadable", [`runs/${RUN}/.reports.json.4242.old`, "reports.json", "old", "EISDIR"]],
      ["writerPidNone", [`runs/${RUN}/.report.html.0.tmp`, "report.html", 0]],
      ["writerPidNone", ["runs/.lock.0.stale", "runs/.lock", 0]],
      ["reportNotRepaired", [`runs/${RUN}`, `runs/${RUN}/.report.html.4242.tmp`, "EACCES"]],
      ["runMarkerKept", [`runs/${RUN}/.innovation-index-staging`, `runs/${RUN}`, "EACCES"]],
      ["writingFolderKept", ["out/.innovation-index-writing-a1B2c3", ["index.parquet", "notes.txt"]]],
      ["writingFolderKept", ["out/.innovation-index-writing-a1B2c3", []]],
      ["latestNotFlushed", ["runs/LATEST", RUN, "EIO"]],
      ["runKept", [`runs/${RUN}`, "runs/LATEST", "EACCES"]],
      ["revisionsSkipped", []],
      ["revisionsNotCompared", ["20260201T020000.000Z-00aa11bb", "index.json: not valid JSON"]],
      ["revisionsNotComparedChanged", ["20260201T020000.000Z-00aa11bb"]],
      ["runFileNotAsListed", [`runs/${RUN}/index.json`]],
      ["runFileNotAsListed", [`runs/${RUN}/index.json`, { bytes: 18234, sha256: SHA_A }]],
      ["runFileNotAsListed", [`runs/${RUN}/index.json`, { bytes: 18234, sha256: SHA_A }, { bytes: 18234, sha256: SHA_B }]],
      ["comparedRunChanged", [`runs/${RUN}/index.json does not match the run's manifest.json (18234 bytes, SHA-256 ${SHA_B}; listed with 18234 bytes, SHA-256 ${SHA_A})`, `runs/${RUN}`]],
      ["diffRunChanged", [`runs/${RUN}/input-values.csv is not listed in the run's manifest.json`, `runs/${RUN}`]],

      ["resultsInInvalid", [`runs/${RUN}/index.json`, '"index.parquet"']],
      ["resultsFileMissing", [`runs/${RUN}/scores.parquet`]],
      ["resultsFileUnreadable", [`runs/${RUN}/index.parquet`, "Invalid Input Error: No magic bytes found at end of file"]],
      ["resultsFileColumns", [`runs/${RUN}/index.parquet`, "unit (VARCHAR), year (VARCHAR), value (DOUBLE)"]],
      ["resultsFileUnknownCell", [`runs/${RUN}/index.parquet`, "金坛区", 2024, "A31"]],
      ["resultsFileUnknownCell", [`runs/${RUN}/index.parquet`, null, null, null]],
      ["resultsFileDuplicate", [`runs/${RUN}/index.parquet`, "武进区", 2023, "CII"]],
      ["resultsTooManyValues", [`runs/${RUN}/index.json`, 1_000_000, 20, 300, 1_200_000, 2 ** 28]],

      ["writeFailed", [`runs/.staging-${RUN}/index.csv`, "EFBIG", 51200]],
      ["writeFailed", [`runs/.staging-${RUN}/index.csv`, "EFBIG", "unlimited"]],
      ["writeFailed", [`runs/.staging-${RUN}/index.csv`, "EFBIG"]],
      ["runNotPublished", [`runs/.staging-${RUN}`, "runs/LATEST"]],
      ["manifestMissing", []],
      ["manifestNotJson", ["Unexpected end of JSON input"]],
      ["manifestNotJson", ["EACCES"]],
      ["manifestNotRunManifest", ["no files list"]],
      ["verifyNoManifest", [`runs/${RUN}/manifest.json`, "is missing"]],
      ["verifyNoProject", []],
      ["verifyNoPublishedRun", ["runs"]],
      ["verifyNoRun", ["runs/2025"]],
      ["verifyNoRun", ["runs/2025", "/mnt/archive/runs/2025"]],
      ["verifyFingerprint", [SHA_A, SHA_B]],
      ["verifyFingerprint", [SHA_A, undefined]],
      ["verifyIdFingerprint", [RUN, SHA_A]],
      ["verifyRunId", ['"20270301T020000.123Z-1a2b3c4d"', RUN]],
      ["verifyOutputsRequired", [["index.csv", "scores.csv"]]],
      ["verifyOutputsRequired", [["index.json"]]],
      ["verifyStartedAt", ['"2020-01-01T00:00:00.000Z"', undefined]],
      ["verifyStartedAt", ['"2026-03-01T02:00:00.124Z"', "2026-03-01T02:00:00.123Z"]],
      ["verifyStartedAt", ["42", undefined]],
      ["verifyPrevious", ['"20270301T020000.123Z-1a2b3c4d"', RUN]],
      ["verifyPrevious", ['"last year"', undefined]],
      ["verifyMissing", ["index.csv", 18234]],
      ["verifyMissing", ["report.html", 412877, true]],
      ["verifyChanged", ["index.csv", { bytes: 18234, sha256: SHA_A }, { bytes: 18240 }]],
      ["verifyChanged", ["index.csv", { bytes: 18234, sha256: SHA_A }, { bytes: 18234, sha256: SHA_B }]],
      ["verifyChanged", ["report.html", { bytes: 412877, sha256: SHA_A }, { bytes: 412877, sha256: SHA_B }, true]],
      ["verifyNotFile", ["index.csv", "folder"]],
      ["verifyNotFile", ["index.csv", "other"]],
      ["verifyNotFile", ["index.csv", "link"]],
      ["verifyNotFile", ["report.html", "other", true]],
      ["verifyUnlisted", ["notes.txt"]],
      ["verifyWriteLeftover", [`runs/${RUN}/.report.html.4242.tmp`, "report.html", "tmp", 4242, true]],
      ["verifyWriteLeftover", [`runs/${RUN}/.reports.json.4242.old`, "reports.json", "old", 4242, false]],
      ["verifyBeingWritten", [`runs/${RUN}/.report.html.4242.tmp`, "report.html", "tmp", 4242]],
      ["verifyBeingWritten", [`runs/${RUN}/.reports.json.4242.old`, "reports.json", "old", 4242]],
      ["verifyStagingLeftover", [`runs/${RUN}/.innovation-index-staging`, `runs/${RUN}`]],
      ["verifyOutside", ["../index.csv"]],
      ["verifyOutside", ["../report.html", true]],
      ["verifyReportsDamaged", ["is not valid JSON (Unexpected token } in JSON at position 12)"]],
      ["verifyOk", [`runs/${RUN}`, 14]],
      ["verifyOk", [`runs/${RUN}`, 14, ["report.html", "dashboard.html"]]],
      ["verifyFailed", [`runs/${RUN}`, { missing: 1, changed: 2, unlisted: 3, outside: 0 }]],
      ["verifyFailed", [`runs/${RUN}`, { missing: 0, changed: 1, unlisted: 0, outside: 2 }, true]],
      ["verifyFailed", [`runs/${RUN}`, { missing: 0, changed: 0, unlisted: 0, outside: 0, manifest: 3 }]],
      ["verifyFailed", [`runs/${RUN}`, { missing: 1, changed: 0, unlisted: 0, outside: 0, manifest: 1 }, true]],

      ["reportsNotReports", []],
      ["reportIsRunFile", [`runs/${RUN}/report.html`]],
      ["reportsUnreadable", [`runs/${RUN}/reports.json`, "is not valid JSON (Unexpected end of JSON input)"]],
      ["reportLeftover", [`removed runs/${RUN}/.report.html.4242.tmp`]],
      ["reportNotOurs", [`runs/${RUN}/dashboard.html`]],
      ["reportChangedSince", [`runs/${RUN}/report.html`]],
    ]));

  it("says the common messages in Chinese (written out by hand)", () => {
    expect(outputMessagesZh.writeFailed("out", "ENOSPC")).toBe("out：无法写出输出文件（ENOSPC：磁盘空间已满）；应为可写且有足够空间存放输出文件的文件夹");
    expect(outputMessagesZh.writeFailed("out", "EIO")).toBe("out：无法写出输出文件（EIO）；应为可写的文件夹");
    expect(outputMessagesZh.manifestNotJson("EACCES")).toBe("无法读取（EACCES：权限不足）");
    // A file-size limit (ulimit -f 50: 50 blocks of 1024 bytes = 51,200 bytes) said as one, not as a folder not writable.
    expect(outputMessagesZh.writeFailed("runs/.staging-x/index.csv", "EFBIG", 51200)).toBe(
      "runs/.staging-x/index.csv：无法写出输出文件（EFBIG：文件达到 51,200 字节，即本进程的文件大小上限 ulimit -f）；应为能容纳输出文件的文件大小上限：请提高该上限（ulimit -f unlimited）后重新运行",
    );
    expect(outputMessages.writeFailed("runs/.staging-x/index.csv", "EFBIG", 51200)).toBe(
      "runs/.staging-x/index.csv: cannot write the output (EFBIG: the file reached 51,200 bytes, the file-size limit of this process, ulimit -f); expected a file-size limit the outputs fit in: raise it (ulimit -f unlimited) and run again",
    );
    // No limit: the file system's largest file (FAT32); not known (not Linux): either.
    expect(outputMessages.writeFailed("out/index.csv", "EFBIG", "unlimited")).toBe(
      "out/index.csv: cannot write the output (EFBIG: the file is larger than the file system takes; FAT32 takes files under 4 GiB); expected a folder on a file system that takes larger files (NTFS, exFAT, ext4, APFS)",
    );
    expect(outputMessagesZh.writeFailed("out/index.csv", "EFBIG")).toBe(
      "out/index.csv：无法写出输出文件（EFBIG：文件达到了本进程（ulimit -f）或文件系统的文件大小上限）；应为能容纳输出文件的文件大小上限：请提高该上限（ulimit -f unlimited），或写到支持更大文件的文件系统上",
    );
    expect(outputMessagesZh.runNotPublished("runs/.staging-x", "runs/LATEST")).toBe("未发布任何内容：该运行正写入其暂存文件夹 runs/.staging-x（该文件夹会被删除），runs/LATEST 保持原样");
    // A foreign run folder's reason, made by the English catalogue and given in a field of its argument, is translated
    // with it at the terminal (before: "其 manifest.json is missing"), as each of the manifest's other reasons.
    const foreign = (problem: string) => translateMessage(outputMessages.foreignRunFolder(`runs/${RUN}`, "20260201T020000.000Z-00aa11bb", { kind: "manifest", problem }), chinese);
    const start = `runs/${RUN} 的名称像是晚于 LATEST 指向的运行（20260201T020000.000Z-00aa11bb）的运行，但它不是本工具的运行：其 manifest.json `;
    const end = "；已原样保留（未删除，也未发布）；runs 文件夹中应只有 compute 以其自身编号写出的运行文件夹（如是手动放入的，请移到别处）";
    expect(foreign(outputMessages.manifestMissing())).toBe(`${start}不存在${end}`);
    expect(foreign(outputMessages.manifestNotJson("EACCES"))).toBe(`${start}无法读取（EACCES：权限不足）${end}`);
    expect(foreign(outputMessages.manifestNotJson("Unexpected end of JSON input"))).toBe(`${start}不是有效的 JSON（Unexpected end of JSON input）${end}`);
    expect(foreign(outputMessages.manifestNotRunManifest("no files list"))).toBe(`${start}不是 compute 写出的清单文件（no files list）${end}`);
    // The English, for the same: a full disk said in words, an unreadable manifest not called invalid JSON.
    expect(outputMessages.writeFailed("runs/x", "ENOSPC")).toBe("runs/x: cannot write the output (ENOSPC: no space left on the disk); expected a writable folder with room for the outputs");
    expect(outputMessages.manifestNotJson("EACCES")).toBe("cannot be read (EACCES: permission denied)");
    expect(outputMessages.manifestNotJson("Unexpected end of JSON input")).toBe("is not valid JSON (Unexpected end of JSON input)");
    expect(outputMessagesZh.outExtension("指数.txt", "txt", ["csv", "tsv", "xlsx"])).toBe(
      '--out "指数.txt" 以 .txt 结尾；应为以 .csv、.tsv 或 .xlsx 结尾的文件名',
    );
    expect(outputMessagesZh.outIsInput("data")).toBe("data 是本命令的输入（已作为指标体系、数据或其他输入读取），输入从不覆盖；应另指定 --out");
    expect(outputMessagesZh.staleRemoved(["index.xlsx", "report.html"], "out", "compute")).toBe(
      "已从 out 删除 index.xlsx、report.html：它们由之前的 compute 写入，未经修改，本次未再写出，因此已不再是其输出\n",
    );
    expect(outputMessagesZh.folderNotCreated("out", "out/2026", "EACCES")).toBe('out：无法创建文件夹 "out/2026"（EACCES：权限不足）；应为已存在或可以创建的文件夹');
    expect(outputMessagesZh.latestMissing("runs/LATEST", 3)).toBe("runs/LATEST 不存在，但该文件夹中有 3 个运行文件夹");
    // A LATEST naming a file, in the words runs publish and verify say it with; the English alike.
    expect(outputMessagesZh.latestNamesNotRunFolder("runs/LATEST", RUN, true)).toBe(`runs/LATEST 指向运行 ${RUN}，但这是文件，不是运行文件夹`);
    expect(outputMessages.latestNamesNotRunFolder("runs/LATEST", RUN, true)).toBe(`runs/LATEST names run ${RUN}, which is a file, not a run folder`);
    expect(outputMessages.latestNamesNotRunFolder("runs/LATEST", RUN, false)).toBe(
      `runs/LATEST names run ${RUN}, which is a special file (neither a folder nor a regular file), not a run folder`,
    );
    // What LATEST holds, cut as quote.ts cuts every input: 200 characters in the quotes, then the count of the rest
    // (256 - 200 = 56), in both languages.
    const held = `"${"x".repeat(200)}"… (56 more characters)`;
    expect(outputMessages.latestNotRunId("runs/LATEST", "x".repeat(256))).toBe(
      `runs/LATEST holds ${held}, which is not a run id (a run folder's id looks like 20260301T020000.123Z-1a2b3c4d)`,
    );
    expect(outputMessagesZh.latestNotRunId("runs/LATEST", "x".repeat(256))).toBe(
      `runs/LATEST 的内容为 ${held}，不是运行编号（运行文件夹的编号形如 20260301T020000.123Z-1a2b3c4d）`,
    );
    // 200 characters or fewer: whole.
    expect(outputMessages.latestNotRunId("runs/LATEST", "x".repeat(200))).toContain(`holds "${"x".repeat(200)}", which`);
    expect(outputMessagesZh.verifyOk("runs/2026", 14, ["report.html"])).toBe(
      "runs/2026：全部 14 个文件均与 manifest.json 一致；此后由该运行派生、与 reports.json 一致的文件：report.html",
    );
    expect(outputMessagesZh.verifyFailed("runs/2026", { missing: 1, changed: 2, unlisted: 0, outside: 0 })).toBe(
      "runs/2026：与 manifest.json 不一致：缺失 1 个，已更改 2 个，未列出 0 个",
    );
  });
});
