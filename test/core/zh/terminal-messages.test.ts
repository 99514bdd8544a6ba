import { describe, expect, it } from "vitest";
import { terminalMessages } from "../../../src/core/terminal-messages.js";
import { terminalMessagesZh } from "../../../src/core/zh/terminal-messages.js";
import { checkTranslation } from "./facts.js";

describe("terminalMessagesZh", () => {
  const counts = { changed: 1, added: 0, removed: 2 };
  it("has every message, naming the English text's facts", () =>
    checkTranslation(terminalMessages, terminalMessagesZh, [
      ["usingExample", []],
      ["wroteFiles", [["index.csv", "index.json"], "out"]],
      ["wroteFile", ["weights.csv"]],
      ["moreUnits", [280, "out/index.csv", "--format table"]],
      ["moreUnits", [1, "out/report.html"]],
      ["compareRowsLeftOut", [59_900, 100, "compare.csv"]],
      ["compareRowsLeftOut", [1, 100, "compare.csv"]],
      ["wroteTemplate", ["values.xlsx", 40]],
      ["wroteRun", ["20261204T044656.556Z-4119a31e", "runs/20261204T044656.556Z-4119a31e", "runs"]],
      ["createdProject", [["index.yaml", "indicators.csv"], "changzhou-index"]],
      ["nextInProject", ["changzhou-index"]],
      ["nextInProject", ["."]],
      ["firstRun", []],
      ["revisionsTooLarge", ["20261204T044656.556Z-4119a31e", "3100.5", "2048.0"]],
      ["revisionsNone", ["20261204T044656.556Z-4119a31e"]],
      ["revisions", ["20261204T044656.556Z-4119a31e", counts, { changed: 4, added: 0, removed: 0 }, "INDEX 常州高新区 2019 186.1327 -> 186.1958 (+0.0631)"]],
      ["revisions", ["20261204T044656.556Z-4119a31e", counts, counts, undefined]],
      [
        "revisions",
        ["20261204T044656.556Z-4119a31e", counts, { changed: 4, added: 0, removed: 0 }, "C3 常州高新区 2019 120.0000 -> 98.7772 (-21.2228)", "INDEX 常州高新区 2019 186.1327 -> 184.7179 (-1.4148)"],
      ],
      ["diffSummary", ["20261204T044656.556Z-4119a31e", "20261205T010203.004Z-5a6b7c8d", counts, { changed: 4, added: 0, removed: 0 }, 1]],
      ["diffSummary", ["20261204T044656.556Z-4119a31e", "20261205T010203.004Z-5a6b7c8d", undefined, counts, 2]],
      ["diffWeightsNotCompared", ["runs/20261204T044656.556Z-4119a31e/weights.csv", true]],
      ["diffWeightsNotCompared", ["a/weights.csv", false]],
    ]));

  it("says what a project run did (written out by hand)", () => {
    expect(terminalMessagesZh.revisions("R1", { changed: 1, added: 0, removed: 0 }, { changed: 4, added: 0, removed: 0 }, "INDEX U 2019 1 -> 2 (+1)")).toBe(
      "与运行 R1 相比的修订：输入 1 个更改、0 个新增、0 个删除；输出 4 个更改、0 个新增、0 个删除；最大变化：INDEX U 2019 1 -> 2 (+1)（详见 innovation-index diff）",
    );
    // The overall index's largest change smaller than another output's: both, each labelled.
    expect(terminalMessagesZh.revisions("R1", { changed: 1, added: 0, removed: 0 }, { changed: 4, added: 0, removed: 0 }, "C3 U 2019 10 -> 5 (-5)", "INDEX U 2019 1 -> 2 (+1)")).toBe(
      "与运行 R1 相比的修订：输入 1 个更改、0 个新增、0 个删除；输出 4 个更改、0 个新增、0 个删除；总指数最大变化：INDEX U 2019 1 -> 2 (+1)；全部输出中最大变化：C3 U 2019 10 -> 5 (-5)（详见 innovation-index diff）",
    );
    expect(terminalMessages.revisions("R1", { changed: 1, added: 0, removed: 0 }, { changed: 4, added: 0, removed: 0 }, "C3 U 2019 10 -> 5 (-5)", "INDEX U 2019 1 -> 2 (+1)")).toBe(
      "revisions against run R1: inputs 1 changed, 0 added, 0 removed; outputs 4 changed, 0 added, 0 removed; largest of the overall index: INDEX U 2019 1 -> 2 (+1); largest of all outputs: C3 U 2019 10 -> 5 (-5) (details: innovation-index diff)",
    );
    expect(terminalMessagesZh.nextInProject(".")).toBe('下一步：替换示例指标体系和数据，然后运行 "innovation-index compute"\n');
    // The files of init joined by 、 as every Chinese list of files (wroteFiles), not by the English ", ".
    expect(terminalMessagesZh.createdProject(["index.yaml", "indicators.csv", "values.csv"], "proj")).toBe("已在 proj 中创建 index.yaml、indicators.csv、values.csv\n");
  });

  it("says how many units a summary left out and where they all are (written out by hand)", () => {
    expect(terminalMessagesZh.moreUnits(1280, "out/index.csv", "--format table")).toBe("… 另有 1,280 个评价对象（out/index.csv 包含全部；使用 --format table 运行可全部打印）\n");
    expect(terminalMessagesZh.moreUnits(1, "out/report.html")).toBe("… 另有 1 个评价对象（out/report.html 包含全部）\n");
    expect(terminalMessages.moreUnits(1280, "out/index.csv", "--format table")).toBe("… and 1,280 more units (out/index.csv holds them all; run with --format table to print them all)\n");
  });

  it("says how many rows compare's table left out and that --out writes them all (written out by hand)", () => {
    // 3,000 units × 20 years = 60,000 rows, 100 printed: 59,900 left out.
    expect(terminalMessagesZh.compareRowsLeftOut(59_900, 100, "compare.csv")).toBe("… 另有 59,900 行（评价对象-年份）未打印，仅显示前 100 行；使用 --out <dir> 运行可将全部行写入 <dir>/compare.csv\n");
    expect(terminalMessages.compareRowsLeftOut(59_900, 100, "compare.csv")).toBe(
      "… and 59,900 more rows (unit-years) not printed, the first 100 shown; run with --out <dir> to write every row to <dir>/compare.csv\n",
    );
    expect(terminalMessages.compareRowsLeftOut(1, 100, "compare.csv")).toMatch(/^… and 1 more row \(unit-years\)/);
  });
});
