import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

/** The command line's own messages (src/core/command-messages.ts) on a Chinese terminal. */
describe("the command line's own messages in Chinese", () => {
  const TREE = "code,parent,name,weight,direction\nX,,维度X,0.6,\nX1,X,指标1,,+\nY,,维度Y,0.4,\nY1,Y,指标2,,+\n";
  const VALUES = "unit,year,indicator,value\n常州,2017,X1,10\n常州,2018,X1,12\n常州,2017,Y1,5\n常州,2018,Y1,6\n";

  it("says a usage error of its own in Chinese", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE });
    const zh = await runCli(["compute", "-i", "tree.csv"], dir, { language: "zh" });
    const en = await runCli(["compute", "-i", "tree.csv"], dir, { language: "en" });
    expect(en.stderr).toBe("error: --data is missing; expected both --indicators and --data, or neither for the shipped example\n(run with --help for usage)\n");
    expect(zh.stderr).toBe("错误：缺少 --data；应同时指定 --indicators 和 --data，或都不指定（使用随附的示例）\n（用法见 --help）\n");
    expect(zh.code).toBe(en.code);
  });

  it("says why an option's value is refused in Chinese, inside commander's words", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const zh = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--decimals", "x"], dir, { language: "zh" });
    expect(zh.stderr).toContain('--decimals 必须为 0 到 15 之间的整数，实际为 "x"');
    expect(zh.stderr).not.toContain("must be a whole number");
  });

  it("says what the weighting did in Chinese, line by line", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES.replace("常州,2018,Y1,6", "常州,2018,Y1,6\n无锡,2017,X1,8\n无锡,2018,X1,9\n无锡,2017,Y1,7\n无锡,2018,Y1,5") });
    const zh = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy"], dir, { language: "zh" });
    const en = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy"], dir, { language: "en" });
    expect(en.stderr).toContain("weights by entropy\nobjective weights from 4 observations: units 常州, 无锡; years 2017, 2018;");
    expect(zh.stderr).toContain("权重方法：熵权法\n客观权重依据 4 个观测：评价对象 常州、无锡；年份 2017、2018；");
    expect(zh.stdout).toBe(en.stdout);
    // The tree's own weights: named as report.html names them, not "explicit".
    const explicit = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv"], dir, { language: "zh" });
    expect(explicit.stderr).toContain("权重方法：指标体系给定权重\n");
    expect(explicit.stderr).not.toContain("explicit");
  });

  it("names a missing column with the Chinese header the values reader takes, and the layout's Chinese headers", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES.replace(/,20\d\d,/g, ",").replace("unit,year,", "unit,"), "odd.csv": "名单,备注\n常州,1\n" });
    const year = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out"], dir, { language: "zh" });
    expect(year.code).not.toBe(0);
    expect(year.stderr).toContain('缺少列 "year"（或中文表头 "年份"）；现有列为 "unit"、"indicator"、"value"');
    const layout = await runCli(["compute", "-i", "tree.csv", "-d", "odd.csv", "--out", "out"], dir, { language: "zh" });
    expect(layout.stderr).toContain('应为长格式（列为 "unit,year,indicator,value"，或中文表头 "评价对象,年份,指标代码,数值"）');
  });

  it("labels uncertainty's choices in Chinese", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const zh = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "-n", "8", "--aggregations", "arithmetic,geometric", "--weight-noise", "0.2", "--out", "out"], dir, { language: "zh" });
    expect(zh.code).toBe(0);
    // The sensitivity table's rows: 权重 for weights, 合成 for aggregation (as uncertainty.html names them).
    const rows = zh.stdout.split("\n").map((line) => line.trim().split(/\s+/)[0]);
    expect(rows).toContain("权重");
    expect(rows).toContain("合成");
    expect(zh.stdout).not.toMatch(/^(weights|aggregation)\s/m);
  });
});
