/**
 * One rule for the colon after a place in the Chinese messages (`placed`, src/core/zh/words.ts): a place with a line
 * (`values.csv:12`, `tree.yaml:7:3`) is followed by ": ", as `formatIssue` writes the place of every problem and warning
 * with a line, in Chinese as in English; a file named alone by "：". Every case of every catalogue's test is checked by
 * `checkTranslation` (facts.ts: `misplacedColons`); the catalogues' sources are checked here too, for a message whose
 * cases give no line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/errors.js";
import { formatIssueInChinese, placed } from "../../../src/core/zh/words.js";
import { misplacedColons } from "./facts.js";

const ZH = fileURLToPath(new URL("../../../src/core/zh", import.meta.url));

describe("the colon after a place, in Chinese", () => {
  it("is ': ' after a line, as formatIssue writes it, and '：' after a file alone", () => {
    expect(placed("tree.yaml:7:3")).toBe("tree.yaml:7:3: ");
    expect(placed("values.csv:12")).toBe("values.csv:12: ");
    expect(placed("values.xlsx[数据]:3")).toBe("values.xlsx[数据]:3: ");
    expect(placed("values.csv")).toBe("values.csv：");
    // What a Chinese terminal prints of a problem with a line whose message does not name its place.
    expect(formatIssue({ code: "W_X", message: "数值", source: "values.csv", line: 12, column: 3 })).toBe("values.csv:12:3: 数值");
  });

  it("is so where a Chinese terminal joins a problem's place to its message (formatIssueInChinese)", () => {
    // A line: the ASCII colon and a space, as formatIssue writes it in English.
    expect(formatIssueInChinese({ code: "W_X", message: "数值", source: "values.csv", line: 12, column: 3 })).toBe("values.csv:12:3: 数值");
    expect(formatIssueInChinese({ code: "W_X", message: "数值", source: "values.csv", line: 12, column: "unit" })).toBe("values.csv:12: 数值");
    // A file (or a folder) alone: the full-width colon, where formatIssue writes ": ".
    const fileAlone = { code: "E_UNIT_YEAR_EMPTY", message: '评价对象 "北京市" 2020 年没有数值', source: "u5.csv" };
    expect(formatIssueInChinese(fileAlone)).toBe('u5.csv：评价对象 "北京市" 2020 年没有数值');
    expect(formatIssue(fileAlone)).toBe('u5.csv: 评价对象 "北京市" 2020 年没有数值');
    expect(formatIssueInChinese({ code: "W_X", message: '指标 "x2"（评价对象 "乙乙"）', source: "fold" })).toBe('fold：指标 "x2"（评价对象 "乙乙"）');
    // No place, or a message that starts with its place already: the message as it is.
    expect(formatIssueInChinese({ code: "W_X", message: "数值" })).toBe("数值");
    expect(formatIssueInChinese({ code: "E_X", message: "values.csv：文件不存在", source: "values.csv" })).toBe("values.csv：文件不存在");
  });

  it("finds the places followed by the other colon (the check every catalogue test runs)", () => {
    expect(misplacedColons("tree.yaml:7:3：不是有效的 YAML 文件")).toEqual(["tree.yaml:7:3："]);
    expect(misplacedColons("错误：index.yaml:4：runs: \"data\"")).toEqual(["index.yaml:4："]);
    expect(misplacedColons("values.csv: 文件不存在")).toEqual(["values.csv: "]);
    expect(misplacedColons("values.xlsx[数据]: 没有工作表")).toEqual(["values.xlsx[数据]: "]);
    // The rule's own forms, and colons that follow no place: a key (runs: "data"), a ratio, a cell range.
    expect(misplacedColons('tree.yaml:7:3: 不是有效的 YAML 文件：键 "a" 出现了两次')).toEqual([]);
    expect(misplacedColons("values.csv：文件不存在")).toEqual([]);
    expect(misplacedColons('index.yaml:4: runs: "data" 是数据文件夹；范围 A1:D20，比例 1:3')).toEqual([]);
  });

  it("writes no place with a line followed by '：' in any Chinese catalogue's source", () => {
    // `${source}:${line}：` and the like: a place built with its line in the template, then the Chinese colon.
    const found = readdirSync(ZH)
      .filter((name) => name.endsWith(".ts"))
      .flatMap((name) =>
        readFileSync(join(ZH, name), "utf8")
          .split("\n")
          .flatMap((line, i) => (/:\$\{[^{}]*\}：/.test(line) ? [`${name}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
