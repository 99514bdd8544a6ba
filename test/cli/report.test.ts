import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { rm, writeFile } from "node:fs/promises";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { messages } from "../../src/core/messages.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

/** The small fixture with hostile names: an indicator named <script>, a unit named like a formula and markup. */
async function hostileProject(): Promise<string> {
  const tree = (await fixture("tree.csv")).replace("X1,X,指标1,Indicator 1", "X1,X,<script>alert(1)</script>,<script>alert(2)</script>");
  const values = (await fixture("values.csv")).replaceAll("U2,", '"=HYPERLINK(""x"")<img src=x onerror=alert(3)>",');
  return makeTempDir({ "tree.csv": tree, "values.csv": values });
}

describe("innovation-index report", () => {
  it("writes only out/report.html, a page with inline SVG charts and no script", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    const run = await runCli(["report", "--static", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("wrote report.html to out\n");
    expect(await listDir(join(dir, "out"))).toEqual(["report.html"]);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")).toBe(true);
    // the league of the last year and the ranks over the years, then a line, radar and bar chart for each of the two units
    expect(html.match(/<svg /g)).toHaveLength(8);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)=/);
    // the meta line in Chinese with full-width punctuation (metaText of labels.ts)
    expect(html).toContain(
      '<p class="meta">基期：2017年 = 100 · 年份：2017—2019年 · 评价对象：U1、U2 · 方法：标准化（定基指数），合成（加权算术平均），权重（指标体系给定权重），缺失值处理（不允许缺失）</p>',
    );
    // the contributions of U1 2018 -> 2019 by hand: X 0.6·(175 − 122.5) = 31.5, Y 0.4·(95 − 105) = −4, INDEX 27.5
    expect(html).toContain("<td>X</td><td>维度X</td><td class=\"number\">52.50</td><td class=\"number\">31.50</td><td class=\"number\">114.55</td>");
    expect(html).toContain("<td>Y</td><td>维度Y</td><td class=\"number\">-10.00</td><td class=\"number\">-4.00</td><td class=\"number\">-14.55</td>");
  });

  it("escapes every text from the input files, in the tables and in the charts", async () => {
    const dir = await hostileProject();
    for (const lang of ["zh", "en"]) {
      const run = await runCli(["report", "--static", "-i", "tree.csv", "-d", "values.csv", "-q", "--lang", lang], dir);
      expect(run.code).toBe(0);
      const html = await readFile(join(dir, "out/report.html"), "utf8");
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain(lang === "zh" ? "&#60;script&#62;alert(1)&#60;/script&#62;" : "&#60;img src=x onerror=alert(3)&#62;");
      // the unit's name in the ranking chart's legend, escaped by ECharts
      expect(html).toContain("&lt;img src=x onerror=alert(3)&gt;");
    }
  });

  it("with more than 12 units shows the league of the last year but no tangle of rank lines", async () => {
    const lines = ["unit,year,indicator,value"];
    for (let u = 1; u <= 13; u++)
      for (const year of [2017, 2018]) for (const indicator of ["X1", "X2", "Y1"]) lines.push(`Unit ${u},${year},${indicator},${indicator === "X1" && year === 2018 ? 10 + u : 10}`);
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": lines.join("\n") });
    expect((await runCli(["report", "--static", "-i", "tree.csv", "-d", "values.csv", "-q"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    // the league, then 3 charts for each of the 13 units
    expect(html.match(/<svg /g)).toHaveLength(1 + 13 * 3);
    expect(html).toContain("评价对象：Unit 1、Unit 2、Unit 3、Unit 4、Unit 5、Unit 6、Unit 7、Unit 8、Unit 9、Unit 10……（共13个）");
    // only X1 moves, from 10 to 10 + u: INDEX 2018 = 0.6·(100 + 10u + 100)/2 + 0.4·100 = 100 + 3u, so unit 13 leads with 139
    expect(html).toMatch(/>1\. Unit 13<.*>139\.00</s);
  });

  it("labels the report in English with --lang en, taking name_en from the tree", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    await runCli(["report", "--static", "-i", "tree.csv", "-d", "values.csv", "-q", "--lang", "en"], dir);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    expect(html).toContain("<html lang=\"en\">");
    expect(html).toContain("<title>Innovation index report</title>");
    expect(html).toContain("<td>Dimension X</td>");
    expect(html).not.toContain("维度X");
  });

  it("gives byte-identical report.html, index.xlsx and CSV files for the same inputs", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--report", "--static", "--xlsx", "-o", "a", "-q"], dir);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the 2-second resolution of ZIP dates
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--report", "--static", "--xlsx", "-o", "b", "-q"], dir);
    const names = await listDir(join(dir, "a"));
    expect(names).toContain("report.html");
    expect(names).toContain("index.xlsx");
    expect(await listDir(join(dir, "b"))).toEqual(names);
    for (const name of names) expect((await readFile(join(dir, "b", name))).equals(await readFile(join(dir, "a", name))), name).toBe(true);
  });
});

describe("innovation-index report with other normalisations", () => {
  it("says 'base year = 100' only when every indicator is 100 in the base year", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    await runCli(["report", "--static", "-i", "tree.csv", "-d", "values.csv", "-q", "--lang", "en"], dir);
    expect(await readFile(join(dir, "out/report.html"), "utf8")).toContain('<p class="meta">Base year: 2017 = 100 · Years: 2017–2019');
    await runCli(["report", "--static", "-i", "tree.csv", "-d", "values.csv", "-q", "--lang", "en", "--normalise", "min-max"], dir);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    expect(html).toContain('<p class="meta">Years: 2017–2019');
    expect(html).toContain("normalisation min-max");
  });
});

describe("innovation-index report with a single year", () => {
  it("draws the league and one line chart per unit, and leaves growth and contributions empty", async () => {
    const values = (await fixture("values.csv")).split("\n").filter((line) => !/,201[89],/.test(line)).join("\n");
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": values });
    expect((await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--report", "--static", "-q"], dir)).code).toBe(0);
    expect((await readFile(join(dir, "out/report.html"), "utf8")).match(/<svg /g)).toHaveLength(1 + 2);
    expect(await readFile(join(dir, "out/growth.csv"), "utf8")).toBe("\uFEFFunit,code,name,level,year,value,change,change_percent,average_change,cagr_percent\n");
  });
});

describe("innovation-index report: the interactive dashboard (the default; --static gives the page above)", () => {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const tempDir = async (files: Record<string, string> = {}) => {
    const dir = await makeTempDir(files);
    made.push(dir);
    return dir;
  };

  it("writes the dashboard, byte-identical for the same inputs, under 3 MB for the shipped example", async () => {
    const dir = await tempDir();
    expect((await runCli(["report", "-q", "-o", "a"], dir)).code).toBe(0);
    expect((await runCli(["report", "-q", "-o", "b"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "a/report.html"));
    expect(html.equals(await readFile(join(dir, "b/report.html")))).toBe(true);
    expect(html.length).toBeLessThan(3_000_000);
    const text = html.toString("utf8");
    for (const id of ["overview", "drilldown", "units", "what-if", "audit"]) expect(text.includes(`<section id="${id}"></section>`), id).toBe(true);
    expect(text.includes('<script id="dashboard-data" type="application/json">')).toBe(true);
    // the values' source column reached the page (the shipped values mark each value published or illustrative)
    expect(text.includes('"sourceLabels":["published","illustrative"]')).toBe(true);
    // no element loads anything: three inline scripts, no src or href outside them (the browser test blocks the network too)
    const outside = text.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
    expect(text.match(/<script/g)?.length).toBe(3);
    expect(/\s(src|href)=/.test(outside)).toBe(false);
  });

  it("takes its title and description from the project's name and description, and --title over both", async () => {
    const dir = await tempDir();
    expect((await runCli(["init", "-q"], dir)).code).toBe(0);
    // --out: in a project without it, report writes into the latest run folder (tested below)
    expect((await runCli(["report", "-q", "--out", "out"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    expect(html).toContain("<title>示例创新指数</title>");
    expect(html).toContain('"description":"请改写为本指数衡量什么、由谁维护。"');
    expect((await runCli(["report", "-q", "--out", "out", "--title", "常州高新区创新指数"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "out/report.html"), "utf8")).toContain("<title>常州高新区创新指数</title>");
  });

  it("--static writes the page of SVG charts without a script, and compute --report writes the dashboard", async () => {
    const dir = await tempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    expect((await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--report", "-q"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "out/report.html"), "utf8")).toContain('<section id="what-if"></section>');
    expect((await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--report", "--static", "-q"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "out/report.html"), "utf8")).not.toMatch(/<script/i);
  });
});

describe("innovation-index report --uncertainty-from", () => {
  it("carries the intervals of uncertainty.csv into the dashboard's data, and refuses a file of other units with exit 1", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const inputs = ["-i", "tree.csv", "-d", "values.csv"];
    expect((await runCli(["uncertainty", ...inputs, "-n", "16", "--weight-noise", "0.2", "-o", "unc", "-q"], dir)).code).toBe(0);
    expect((await runCli(["report", ...inputs, "--uncertainty-from", "unc", "-q"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    const opening = '<script id="dashboard-data" type="application/json">';
    const data = JSON.parse(html.slice(html.indexOf(opening) + opening.length, html.indexOf("</script>")));
    // the row of U2 in 2019 of uncertainty.csv (4 decimals), at unit 1 · 3 years + year 2
    const row = (await readFile(join(dir, "unc/uncertainty.csv"), "utf8")).split("\n").find((line) => line.startsWith("U2,2019,"))!.split(",");
    expect(data.uncertainty.indexLow[1 * 3 + 2]).toBe(Number(row[4]));
    expect(data.uncertainty.indexHigh[1 * 3 + 2]).toBe(Number(row[5]));
    expect(data.uncertainty.rankHigh[1 * 3 + 2]).toBe(Number(row[9]));
    await writeFile(join(dir, "unc/uncertainty.csv"), (await readFile(join(dir, "unc/uncertainty.csv"), "utf8")).replaceAll("U2,", "U3,"));
    const refused = await runCli(["report", ...inputs, "--uncertainty-from", "unc", "-q", "-o", "refused"], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('unc/uncertainty.csv:5: unit "U3" in year "2017" is not in the index');
    expect(await listDir(join(dir, "refused"))).toEqual([]);
  });
});

describe("the static report's title, method line and charts", () => {
  const small = async (extra: Record<string, string> = {}) =>
    makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv"), ...extra });

  it("labels the overall index by its name (--index-name, index.yaml's index-name, the tree's INDEX row), as index.csv does", async () => {
    const rootTree = (await fixture("tree.csv")).replace("X,,维度X", "INDEX,,园区指数,Park index,,\nX,INDEX,维度X");
    const dir = await small({ "root.csv": rootTree });
    /** The name in the INDEX row of the static page's table of groups, and in index.csv (2019, no BOM). */
    const names = async (out: string, argv: string[]) => {
      const run = await runCli(["compute", "-d", "values.csv", "-q", "--report", "--static", "--no-bom", "--out", out, ...argv], dir);
      expect(run.code, run.stderr).toBe(0);
      const html = await readFile(join(dir, out, "report.html"), "utf8");
      const csv = await readFile(join(dir, out, "index.csv"), "utf8");
      return { html: /<td>INDEX<\/td><td class="level-0">([^<]*)<\/td>/.exec(html)?.[1], csv: /\nU1,2019,INDEX,([^,]*),0,/.exec(csv)?.[1], legendEntries: html.split(/>([^<>]*)<\/text>/).filter((_, i) => i % 2 === 1) };
    };
    // Without a name: the defaults of the index (Chinese names: 总指数; in English: Overall index).
    expect(await names("plain", ["-i", "tree.csv"])).toMatchObject({ html: "总指数", csv: "总指数" });
    expect((await names("plain-en", ["-i", "tree.csv", "--lang", "en"])).html).toBe("Overall index");
    // The tree's root row, in each language.
    const root = await names("root", ["-i", "root.csv"]);
    expect(root).toMatchObject({ html: "园区指数", csv: "园区指数" });
    // and in the charts: the trend's legend of each unit
    expect(root.legendEntries.filter((text) => text === "园区指数")).toHaveLength(2);
    expect(root.legendEntries).not.toContain("总指数");
    expect((await names("root-en", ["-i", "root.csv", "--lang", "en"])).html).toBe("Park index");
    // --index-name over the tree, in both languages (escaped as every name from the inputs).
    expect(await names("named", ["-i", "root.csv", "--index-name", "Zone <index>"])).toMatchObject({ html: "Zone &#60;index&#62;", csv: "Zone <index>" });
    expect((await names("named-en", ["-i", "root.csv", "--index-name", "Zone <index>", "--lang", "en"])).html).toBe("Zone &#60;index&#62;");
    // index.yaml's outputs.index-name in a project (written with --out, outside the run folders).
    await writeFile(join(dir, "index.yaml"), "indicators: tree.csv\nvalues: values.csv\noutputs:\n  index-name: 高新区创新指数\n");
    expect(await names("project", [])).toMatchObject({ html: "高新区创新指数", csv: "高新区创新指数" });
  });

  it("takes its title and the line under it from index.yaml's name and description, or --title", async () => {
    const dir = await small({
      "index.yaml": "name: 常州市区域创新指数\ndescription: 常州市科技局编制，数据截至2019年\nindicators: tree.csv\nvalues: values.csv\n",
    });
    expect((await runCli(["report", "-q", "--static", "--out", "out"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    expect(html).toContain("<title>常州市区域创新指数</title>");
    expect(html).toContain('<h1>常州市区域创新指数</h1>\n<p class="description">常州市科技局编制，数据截至2019年</p>');
    expect((await runCli(["report", "-q", "--static", "--out", "titled", "--title", "2019 年度报告"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "titled/report.html"), "utf8")).toContain("<h1>2019 年度报告</h1>");
  });

  it("writes the method line in one language: Chinese method names with --lang zh, English ones with --lang en", async () => {
    const dir = await small();
    const args = ["report", "-i", "tree.csv", "-d", "values.csv", "-q", "--static", "--missing", "interpolate"];
    expect((await runCli([...args, "--out", "zh"], dir)).code).toBe(0);
    expect((await runCli([...args, "--out", "en", "--lang", "en"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "zh/report.html"), "utf8")).toContain(
      "方法：标准化（定基指数），合成（加权算术平均），权重（指标体系给定权重），缺失值处理（线性插值）</p>",
    );
    expect(await readFile(join(dir, "en/report.html"), "utf8")).toContain(
      "Method: normalisation fixed-base, aggregation arithmetic, weights explicit, missing values interpolate</p>",
    );
  });

  it("draws charts that take the page's width (viewBox, width 100%), a league whose axis starts near its values, whole ranks", async () => {
    const dir = await small();
    expect((await runCli(["report", "-i", "tree.csv", "-d", "values.csv", "-q", "--static", "--lang", "en"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    const roots = html.match(/<svg [^>]*>/g)!.filter((tag) => tag.includes("baseProfile"));
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) {
      expect(root).toMatch(/^<svg width="100%" style="height:auto" /);
      expect(root).toMatch(/viewBox="0 0 760 \d+"/);
      expect(root).not.toMatch(/ height="\d+"/);
    }
    // The league of 2019: U1 143, U2 117 (by hand, see compute.test.ts). Range 26: axis step 10, 117 − 5.2 = 111.8,
    // down to 110; the axis labels run 110, 120, ... and never 0.
    const figure = (title: string) => html.split('<figure class="chart">').find((part) => part.includes(`>${title}</text>`))!;
    const axisLabels = (svg: string) => [...svg.matchAll(/>([\d.]+)<\/text>/g)].map((match) => match[1]);
    const labels = axisLabels(figure("Overall index 2019 (rank)")).map(Number);
    expect(labels[0]).toBe(110);
    expect(labels).not.toContain(0);
    // The rank chart's axis: whole ranks only (1 and 2 for two units), 1 at the top.
    const ranks = axisLabels(figure("Rank of the overall index")).filter((text) => !/^20\d\d$/.test(text));
    expect(ranks).toEqual(["1", "2"]);
    for (const rank of ranks) expect(rank).toMatch(/^\d+$/);
  });
});

describe("report --static --performance-groups", () => {
  it("shows the units' performance groups, as groups.csv has them, with the thresholds and the reference", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    expect((await runCli(["report", "--static", "-i", "tree.csv", "-d", "values.csv", "-q", "--performance-groups", "90,80,60"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    // The overall index by hand (test/cli/compute.test.ts): U1 100, 115.5, 143 and U2 100, 111.5, 117; the units' mean
    // 100, 113.5, 130. At thresholds 90, 80, 60: U1 100% (leader: above 90) every year, U2 100%, 98.24%, 90% (leader,
    // leader, then strong: 90 is not above 90).
    expect(html).toContain("高于90%为创新领先者，高于80%且不高于90%为强劲创新者，60%至80%为中等创新者，低于60%为新兴创新者。");
    expect(html).toContain('<tr><td>U2</td><td>创新领先者</td><td>创新领先者</td><td>强劲创新者</td><td class="number">90.00</td></tr>');
    expect(html).not.toMatch(/<script/i);
  });
});

describe("--unit NAME for values without a unit column", () => {
  // One unit's values, wide (indicator,2017,2018,2019): U1 of the small fixture without its name.
  const WIDE = "indicator,2017,2018,2019\nX1,10,12,15\nX2,50,40,25\nY1,200,210,190\n";

  it("names the unit in the tables and the report instead of an empty name", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": WIDE });
    const plain = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-q", "--report", "--static", "--out", "plain", "--no-bom"], dir);
    expect(plain.code).toBe(0);
    expect(await readFile(join(dir, "plain/index.csv"), "utf8")).toContain("\n,2019,INDEX,总指数,0,143.0000\n");
    const named = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-q", "--report", "--static", "--out", "named", "--no-bom", "--unit", "常州"], dir);
    expect(named.code).toBe(0);
    // U1 2019 = 143 by hand (test/core/compute.test.ts), now under its name.
    expect(await readFile(join(dir, "named/index.csv"), "utf8")).toContain("\n常州,2019,INDEX,总指数,0,143.0000\n");
    const html = await readFile(join(dir, "named/report.html"), "utf8");
    expect(html).toContain("<h2>常州</h2>");
    expect(html).toContain("评价对象：常州");
  });

  it("is refused, naming the file and the units, when the values name their units", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--unit", "常州"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: ${messages.unitNameRefused("values.csv", "常州", ["U1", "U2"])}\n`);
    expect(messages.unitNameRefused("values.csv", "常州", ["U1", "U2"])).toBe(
      'values.csv: --unit "常州" names the one unit of values without a unit column, but the values name their units ("U1", "U2"); expected no --unit, or values without a unit column',
    );
    expect(await listDir(dir)).not.toContain("out");
  });
});
