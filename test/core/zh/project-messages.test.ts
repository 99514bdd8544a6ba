import { describe, expect, it } from "vitest";
import { projectMessages } from "../../../src/core/project-messages.js";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { projectMessagesZh } from "../../../src/core/zh/project-messages.js";
import { checkTranslation } from "./facts.js";

describe("projectMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(projectMessages, projectMessagesZh, [
      ["yamlSyntax", [readerMessages.yamlDuplicateKey("decimals", 12)]],
      ["notAMap", [undefined]],
      ["notAMap", [null]],
      ["notAMap", [[1, "a"]]],
      ["notAMap", ["indicators.csv"]],
      ["badKey", ["methods.normalisation", 3, "one of: min-max, z-score"]],
      ["badKey", ["weights", { a: 1 }, "a method such as entropy"]],
      ["badKey", ["uncertainty.draws", true, "a number <= 10000"]],
      ["missingKey", ["indicators", "a CSV file of the tree, such as tree.csv"]],
      ["ofKey", ["methods.base-year"]],
      ["unknownKey", ["methods.normalisaton", ["normalisation", "aggregation", "missing"]]],
      ["unknownKey", ["methods.x", ["normalisation", "aggregation"], "aggregation"]],
      ["unknownKey", ["methods.zzz", ["normalisation", "aggregation"]]],
      ["nominalConflict", ["uncertainty.normalisations", ["z-score", "min-max"], "methods.normalisation", "min-max", 12]],
      ["nominalConflict", ["uncertainty.normalisations", ["z-score"], "methods.normalisation", "min-max", undefined]],
      ["notFound", ["projects/index.yaml"]],
      ["initNotOurs", ["my-index", ["index.yaml"], false]],
      ["initNotOurs", ["my-index", ["index.yaml", "values.csv"], true]],
      ["initExists", ["my-index", ["index.yaml"]]],
      ["initExists", ["my-index", ["index.yaml", "tree.csv", "values.csv"]]],
      ["initUndone", ["my-index", []]],
      ["initUndone", ["my-index", ["my-index/data/2017.csv"]]],
      ["initUndone", ["my-index", ["my-index/README.md", "my-index/data"]]],
      ["locked", ["runs/.lock", "pid 4242 on stats-01, since 2024-05-06T08:00:00.000Z"]],
      ["locked", ["runs/.lock", "unknown"]],
      ["lockLost", ["runs/.lock", "runs/20260301T020000.123Z-1a2b3c4d", false]],
      ["lockLost", ["runs/.lock", "runs/20260301T020000.123Z-1a2b3c4d", true]],
      ["lockNotFile", ["runs/.lock", "a folder"]],
      ["lockNotFile", ["runs/.lock", "a link"]],
      ["locked", ["runs/.lock", "a lock file being written, or damaged"]],
      ["lockSilent", [125_000, "running", 600_000]],
      ["lockSilent", [7_500_000, "heartbeat", 600_000]],
      ["lockSilent", [200_000_000, "other-host", 1_800_000]],
      ["lockSilent", [200_000_000, "other-host", undefined]],
      ["lockTakenOver", ["runs/.lock", "pid 1 on vm, since 2024-05-06T08:00:00.000Z", "gone", 0, 600_000]],
      ["lockTakenOver", ["runs/.lock", "pid 1 on vm, since 2024-05-06T08:00:00.000Z", "reused", 0, 600_000]],
      ["lockTakenOver", ["runs/.lock", "pid 1 on vm, since 2024-05-06T08:00:00.000Z", "rebooted", 0, 600_000]],
      ["lockTakenOver", ["out/.innovation-index.lock", "pid 1 on vm, since 2024-05-06T08:00:00.000Z", "silent", 660_000, 600_000]],
      ["lockTakenOver", ["runs/.lock", "a lock file being written, or damaged", "damaged", 90_000, 600_000]],
      ["lockTakenOver", ["runs/.lock", "pid 1 on vm, since 2024-05-06T08:00:00.000Z", "silent-other-host", 1_900_000, 1_800_000]],
      ["unknownRun", ["2024", "runs", ["20240101-0800", "20240201-0800", "20240301-0800", "20240401-0800"]]],
      ["unknownRun", ["latest2", "runs", []]],
      ["ambiguousRun", ["2024", "runs", ["20240101-0800", "20240201-0800"]]],
      ["ambiguousRun", ["2024", "runs", ["20240101", "20240201", "20240301", "20240401", "20240501", "20240601"]]],
      ["tooFewRuns", ["runs", 1]],
      ["tooFewRuns", ["runs", 0]],
      ["noPreviousRun", ["runs", "20240301-0800", "diff"]],
      ["noPreviousRun", ["runs", "20240301-0800", "report"]],
      ["noPreviousRun", ["runs", "20240301-0800", "verify"]],
      ["previousUnusable", ["runs/20240301-0800/manifest.json", '"20240201-0800"', "runs"]],
      ["previousUnusable", ["runs/20240301-0800/manifest.json", "42", "runs"]],
      ["noProjectForDiff", []],
      ["ifChangedWithoutProject", []],
      ["forceWithoutProject", ["--force"]],
      ["forceAndIfChanged", ["--force"]],
      ["runWithoutProject", []],
      ["noRunForReport", ["runs"]],
      ["runInputsChanged", ["runs/20240301-0800", ["values.csv", "--weights"]]],
      ["runInputsUnproven", ["runs/20240301-0800", ["values.sql", "tree.csv:3"]]],
      ["inputChangedDuringRun", ["values.csv", "appeared"]],
      ["inputChangedDuringRun", ["values.csv", "disappeared"]],
      ["inputChangedDuringRun", ["values.csv", "changed (SHA-256 3fa2c1d0 before, 9b7e6a51 once read)"]],
      ["queryFilesUnnamed", ["values.sql", ["read_csv", "query"]]],
      ["queryFilesUnnamed", ["tree.csv:3", ["read_parquet"], "X"]],
      ["queryFilesUnnamed", ["values.sql", ["*"]]],
      ["unchanged", ["20240301-0800"]],
    ]));

  it("says the common messages as written out by hand", () => {
    expect(projectMessagesZh.badKey("methods.normalisation", 3, "one of: min-max, z-score")).toBe('methods.normalisation：实际为数值 "3"；应为 one of: min-max, z-score');
    expect(projectMessagesZh.missingKey("indicators", "a CSV file")).toBe("缺少 indicators；应为 a CSV file");
    expect(projectMessagesZh.unknownKey("methods.normalisaton", ["normalisation", "aggregation"])).toBe(
      '未知的键 "methods.normalisaton"（是否应为 "normalisation"？）；应为以下之一：normalisation、aggregation',
    );
    expect(projectMessagesZh.notFound("index.yaml")).toBe('没有项目文件 "index.yaml"；应有 index.yaml（可用 "innovation-index init" 创建）');
    expect(projectMessagesZh.unchanged("20240301-0800")).toBe(
      "自运行 20240301-0800 以来没有变化（输入、选项和工具版本均相同）；无需计算，未创建运行文件夹（--force 可强制运行）",
    );
    expect(projectMessagesZh.locked("runs/.lock", "pid 4242 on stats-01, since 2024-05-06T08:00:00.000Z")).toBe(
      "runs/.lock：另一个运行持有锁（主机 stats-01 上的进程 4242，始于 2024-05-06T08:00:00.000Z）；同一时间应只有一个运行。请等待该运行结束；如果该运行已不存在，可删除锁文件",
    );
    expect(projectMessagesZh.lockSilent(300_000, "heartbeat", 600_000)).toBe(
      "。该锁上次刷新于 5 分钟前，且无法在此检查其进程（另一个容器中的运行，或旧版本工具的运行）：锁在 10 分钟未刷新后会被接管",
    );
    // formatDuration's rounding, in Chinese: 89.5 s is below two minutes, rounded up to 90 秒; 10 minutes and 1 s, 11 分钟.
    expect(projectMessagesZh.lockTakenOver("runs/.lock", "unknown", "damaged", 89_500, 60_000)).toBe("runs/.lock：已接管一个已结束运行的锁（未知）：该锁无法读取，上次写入于 90 秒前");
    expect(projectMessagesZh.lockTakenOver("runs/.lock", "unknown", "silent-other-host", 601_000, 600_000)).toContain("已 11 分钟未刷新，超过 10 分钟");
    expect(projectMessagesZh.lockTakenOver("runs/.lock", "pid 1 on vm, since 2024-05-06T08:00:00.000Z", "reused", 0, 600_000)).toBe(
      "runs/.lock：已接管一个已结束运行的锁（主机 vm 上的进程 1，始于 2024-05-06T08:00:00.000Z）：其进程号现属于另一个进程（启动时间不同）",
    );
  });
});
