import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgress, renderProgressBar } from "../../src/cli/progress.js";
import { messages } from "../../src/core/messages.js";
import { messagesZh } from "../../src/core/zh/messages.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

async function smallProject(extra: Record<string, string> = {}): Promise<string> {
  return makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv"), ...extra });
}

const ARGS = ["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--weight-noise", "0.2", "--normalisations", "fixed-base,min-max", "-n", "200"];

describe("innovation-index uncertainty", () => {
  it("writes uncertainty.csv, sensitivity.csv and uncertainty.html with the nominal index of compute", async () => {
    const dir = await smallProject();
    const run = await runCli([...ARGS, "--seed", "3", "--out", "out"], dir);
    // fixed-base (a ratio scale) and min-max (0-100) mix scales: warned about before the files are named.
    expect(run.stderr).toBe(
      `warning: ${messages.scalesMixed([{ scale: "ratio (100 = a base)", methods: ["fixed-base"] }, { scale: "0-100", methods: ["min-max"] }])}\n` +
        "wrote uncertainty.csv, sensitivity.csv, uncertainty.html to out\n",
    );
    expect(run.code).toBe(0);
    expect(await listDir(join(dir, "out"))).toEqual(["sensitivity.csv", "uncertainty.csv", "uncertainty.html"]);
    const text = await readFile(join(dir, "out/uncertainty.csv"), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true); // a UTF-8 byte order mark, for Excel on Chinese Windows
    const lines = text.slice(1).split("\n");
    expect(lines[0]).toBe("unit,year,index_nominal,index_median,index_p05,index_p95,rank_nominal,rank_median,rank_p05,rank_p95");
    // Nominal values as computed by hand in test/core/compute.test.ts (fixed base 2017): U1 115.5, 143; U2 111.5, 117.
    expect(lines.map((line) => line.split(",").slice(0, 3).join(","))).toEqual([
      "unit,year,index_nominal",
      "U1,2017,100.0000",
      "U1,2018,115.5000",
      "U1,2019,143.0000",
      "U2,2017,100.0000",
      "U2,2018,111.5000",
      "U2,2019,117.0000",
      "",
    ]);
    // Nominal ranks: U1 ahead of U2 in 2018 and 2019; both 100 in 2017, a tie: both rank 1 (competition ranks, as in
    // ranks.csv), printed as whole numbers.
    expect(lines.map((line) => line.split(",")[6])).toEqual(["rank_nominal", "1", "1", "1", "1", "2", "2", undefined]);
    for (const line of lines.slice(1, -1)) {
      const [nominal, median, low, high] = line.split(",").slice(2, 6).map(Number);
      expect(low).toBeLessThanOrEqual(nominal);
      expect(high).toBeGreaterThanOrEqual(nominal);
      expect(low).toBeLessThanOrEqual(median);
      expect(median).toBeLessThanOrEqual(high);
    }
    const sensitivityText = await readFile(join(dir, "out/sensitivity.csv"), "utf8");
    expect(sensitivityText.startsWith("\uFEFF")).toBe(true);
    const sensitivity = sensitivityText.slice(1).split("\n");
    expect(sensitivity[0]).toBe("output,year,scope,unit,choice,first_order,total,first_order_low,first_order_high,total_low,total_high");
    // without --bootstrap the interval columns are empty
    expect(sensitivity[1]).toMatch(/,,,,$/);
    // 2 outputs × 3 years × (1 all-units row + 2 units) × 2 choices, a header and the final newline
    expect(sensitivity).toHaveLength(2 * 3 * 3 * 2 + 2);
    expect(sensitivity[1]).toMatch(/^index,2017,all,,weights,/);
    expect(sensitivity[3]).toMatch(/^index,2017,unit,U1,weights,/);
    const html = await readFile(join(dir, "out/uncertainty.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("200 次重复");
    expect(html).not.toMatch(/<script|src=|href=/);
    expect(run.stdout).toMatch(/^uncertainty of the overall index in 2019 \(200 replications, 800 runs, seed 3\)\n/);
  });

  it("--bootstrap B gives 95% intervals of the indices over all units, the same for the same seed; --bootstrap 1 is refused", async () => {
    const dir = await smallProject();
    for (const out of ["a", "b"]) expect((await runCli([...ARGS, "--bootstrap", "300", "--out", out, "-q", "--lang", "en"], dir)).code).toBe(0);
    const text = await readFile(join(dir, "a/sensitivity.csv"), "utf8");
    expect(await readFile(join(dir, "b/sensitivity.csv"), "utf8")).toBe(text);
    const rows = text.trim().split("\n").slice(1).map((line) => line.split(","));
    const all = rows.filter((row) => row[2] === "all" && row[1] !== "2017"); // in 2017 every run is 100: no variance
    expect(all.length).toBeGreaterThan(0);
    for (const [, , , , , first, total, firstLow, firstHigh, totalLow, totalHigh] of all) {
      expect(Number(firstLow)).toBeLessThanOrEqual(Number(firstHigh));
      expect(Number(totalLow)).toBeLessThanOrEqual(Number(totalHigh));
      // the estimate itself lies inside its percentile interval here (not a law, but true of these smooth draws)
      expect(Number(first)).toBeGreaterThanOrEqual(Number(firstLow));
      expect(Number(total)).toBeLessThanOrEqual(Number(totalHigh));
    }
    for (const row of rows.filter((row) => row[2] === "unit")) expect(row.slice(7)).toEqual(["", "", "", ""]);
    // the page shows each index over all units with its interval: "0.123 (0.100–0.150)"
    const [, , , , choice, first, , firstLow, firstHigh] = all[0];
    const round = (value: string) => Number(value).toFixed(3);
    const html = await readFile(join(dir, "a/uncertainty.html"), "utf8");
    expect(html).toContain(`<tr><td>${choice}</td><td>${round(first)} <span class="bounds">(${round(firstLow)} – ${round(firstHigh)})</span></td>`);
    const refused = await runCli([...ARGS, "--bootstrap", "1"], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--bootstrap must be 0 \(no intervals\) or at least 2 resamples, got "1"/);
  });

  it("gives byte-identical files for the same seed, and other numbers for another seed", async () => {
    const dir = await smallProject();
    await runCli([...ARGS, "--seed", "5", "--out", "a", "-q"], dir);
    await runCli([...ARGS, "--seed", "5", "--out", "b", "-q"], dir);
    await runCli([...ARGS, "--seed", "6", "--out", "c", "-q"], dir);
    for (const name of ["uncertainty.csv", "sensitivity.csv", "uncertainty.html"]) {
      const a = await readFile(join(dir, "a", name));
      expect((await readFile(join(dir, "b", name))).equals(a)).toBe(true);
      expect((await readFile(join(dir, "c", name))).equals(a)).toBe(false);
    }
  });

  it("escapes unit names in the HTML", async () => {
    const values = (await fixture("values.csv")).replaceAll("U1", "<b>&U1</b>");
    const dir = await smallProject({ "values.csv": values });
    const run = await runCli([...ARGS, "--out", "out", "-q"], dir);
    expect(run.code).toBe(0);
    const html = await readFile(join(dir, "out/uncertainty.html"), "utf8");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&#60;b&#62;&#38;U1&#60;/b&#62;");
  });

  it("draws weights from the ranges of a --weight-ranges file", async () => {
    const dir = await smallProject({ "ranges.csv": "code,min,max\nX,0.5,0.5\nY,0.1,0.9\n" });
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--weight-ranges", "ranges.csv", "-n", "300", "-q"], dir);
    expect(run.code).toBe(0);
    // U1 2019: X = 175, Y = 95, w_X = 0.5/(0.5 + w_Y) in [0.357, 0.833]: INDEX = 95 + 80·w_X in [123.57, 161.67].
    const row = (await readFile(join(dir, "out/uncertainty.csv"), "utf8")).split("\n")[3].split(",");
    expect(Number(row[4])).toBeGreaterThanOrEqual(123.57);
    expect(Number(row[5])).toBeLessThanOrEqual(161.67);
  });

  it("exits 1 listing every problem of a weight-ranges file, writing nothing", async () => {
    const dir = await smallProject({ "ranges.csv": "code,min,max\nZ,0.1,0.2\nX,abc,0.5\nY,0.9,0.1\n" });
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--weight-ranges", "ranges.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`ranges.csv:2: ${messages.unknownRangeNode("Z")}`);
    // A bad bound is a cell: its place (min is column 2).
    expect(run.stderr).toContain(`ranges.csv:3:2: ${messages.badRangeBound("X", "min", "abc")}`);
    expect(run.stderr).toContain(`ranges.csv:4: ${messages.invertedRange("Y", 0.9, 0.1)}`);
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });

  it.each([
    [["uncertainty", "-i", "tree.csv", "-d", "values.csv"], messages.nothingVaries()],
    [["uncertainty", "--normalisations", "fixed-base,minmax"], messages.unknownOptionChoice("--normalisations", "minmax", [], "fixed-base,minmax").split(";")[0]],
    [["uncertainty", "--normalisations", "min-max,min-max"], messages.duplicateChoice("--normalisations", "min-max")],
    [["uncertainty", "--weight-noise", "1.5"], `--weight-noise must be a number above 0 and at most 1`],
    [["uncertainty", "--weight-noise", "0.1", "-n", "1"], `--replications must be a whole number from 2`],
  ])("exits 2 on a usage error: %j", async (argv, message) => {
    const dir = await smallProject();
    const run = await runCli(argv, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });

  it("runs the shipped example", async () => {
    const dir = await makeTempDir();
    const run = await runCli(["uncertainty", "--weight-noise", "0.25", "-n", "50"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/常州高新区\s+239\.46 /); // the nominal 2020 index of compute
  });
});

describe("progress bar", () => {
  it("renderProgressBar(label, done, total) shows a 30-character bar, the percentage and the count", () => {
    expect(renderProgressBar("uncertainty", 1000, 4000)).toBe(`uncertainty [${"#".repeat(8)}${".".repeat(22)}]  25% 1000/4000`);
  });

  it("draws only on a terminal, not under --quiet, and erases itself", () => {
    let text = "";
    const env = { cwd: ".", stdout: () => undefined, stderr: (chunk: string) => void (text += chunk) };
    createProgress({ ...env, stderrIsTerminal: true }, "run", false, 0).update(1, 2);
    expect(text).toBe(`\r${renderProgressBar("run", 1, 2)}`);
    text = "";
    const progress = createProgress({ ...env, stderrIsTerminal: true }, "run", false, 0);
    progress.update(2, 2);
    progress.finish();
    expect(text.endsWith("\r\u001b[K")).toBe(true);
    text = "";
    createProgress({ ...env, stderrIsTerminal: false }, "run", false, 0).update(1, 2);
    createProgress({ ...env, stderrIsTerminal: true }, "run", true, 0).update(1, 2);
    createProgress({ ...env, stderrIsTerminal: true }, "run", false, 60_000).update(1, 2);
    expect(text).toBe("");
  });
});

describe("innovation-index uncertainty with every kind of method", () => {
  it("draws among chain, rank and fixed-base normalisations and three means, and agrees with compute at the nominal", async () => {
    const dir = await smallProject();
    const run = await runCli(
      ["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--normalisations", "chain,rank,fixed-base", "--aggregations", "geometric,arithmetic,harmonic", "-n", "100", "-q"],
      dir,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const nominal = (await readFile(join(dir, "out/uncertainty.csv"), "utf8")).split("\n").slice(1, -1).map((line) => line.split(",")[2]);
    const computed = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "chain", "--aggregate", "geometric", "--out", "c", "-q"], dir);
    expect(computed.code).toBe(0);
    const index = (await readFile(join(dir, "c/index.csv"), "utf8")).split("\n").filter((line) => line.includes(",INDEX,")).map((line) => line.split(",").at(-1));
    expect(nominal).toEqual(index);
    const choices = new Set((await readFile(join(dir, "out/sensitivity.csv"), "utf8")).split("\n").slice(1, -1).map((line) => line.split(",")[4]));
    expect([...choices]).toEqual(["normalisation", "aggregation"]);
  });

  it("exits 1 naming the combination when the data do not allow one (a min-max score of 0 under a geometric mean)", async () => {
    const dir = await smallProject();
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--normalisations", "fixed-base,min-max", "--aggregations", "arithmetic,geometric"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(messages.choiceUndefined("min-max", "geometric", "error"));
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });
});

describe("innovation-index uncertainty with missing-value policies as a choice", () => {
  it("draws between interpolation and reweighting on data with a gap, and agrees with compute at the nominal", async () => {
    // U1's X1 is missing in 2018: interpolation fills (10 + 15)/2 = 12.5, reweighting drops it from X's mean.
    const values = (await fixture("values.csv")).replace("U1,2018,X1,12", "U1,2018,X1,");
    const dir = await smallProject({ "values.csv": values });
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--missing-policies", "interpolate,reweight", "-n", "100", "-q"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const rows = (await readFile(join(dir, "out/uncertainty.csv"), "utf8")).split("\n");
    // Nominal (interpolate): X1 = 125 in 2018, X2 = 125, X = 125, Y = 105: INDEX = 0.6·125 + 0.4·105 = 117.
    // Reweighted: X = X2 = 125 as well, so this cell cannot move; U1 2018 is 117 either way.
    expect(rows[2].split(",").slice(0, 6)).toEqual(["U1", "2018", "117.0000", "117.0000", "117.0000", "117.0000"]);
    const computed = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--missing", "interpolate", "--out", "c", "-q"], dir);
    expect(computed.code).toBe(0);
    const index = (await readFile(join(dir, "c/index.csv"), "utf8")).split("\n").filter((line) => line.includes(",INDEX,")).map((line) => line.split(",").at(-1));
    expect(rows.slice(1, -1).map((line) => line.split(",")[2])).toEqual(index);
    const choices = new Set((await readFile(join(dir, "out/sensitivity.csv"), "utf8")).split("\n").slice(1, -1).map((line) => line.split(",")[4]));
    expect([...choices]).toEqual(["missing"]);
  });

  it("exits 1 naming the combination when a gap meets the error policy", async () => {
    const values = (await fixture("values.csv")).replace("U1,2018,X1,12", "U1,2018,X1,");
    const dir = await smallProject({ "values.csv": values });
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--missing-policies", "reweight,error"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(messages.choiceUndefined("fixed-base", "arithmetic", "error"));
  });
});

describe("uncertainty.html labels and title", () => {
  it("names a unit without a name （未命名）, and shows an interval in full-width brackets in Chinese", async () => {
    // One unit's values without a unit column: U1 of the small fixture, wide.
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": "indicator,2017,2018,2019\nX1,10,12,15\nX2,50,40,25\nY1,200,210,190\n" });
    expect((await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--weight-noise", "0.2", "-n", "20", "--bootstrap", "20", "-q"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "out/uncertainty.html"), "utf8");
    expect(html).toContain('text-anchor="end">（未命名）</text>');
    expect(html).not.toContain("(对象)");
    expect(html).toMatch(/<td>-?\d\.\d{3}<span class="bounds">（-?\d\.\d{3} – -?\d\.\d{3}）<\/span><\/td>/);
  });

  const args = ["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--weight-noise", "0.2", "-n", "20", "-q"];

  it("follows --lang: Chinese labels by default, English with --lang en, titled with the overall index", async () => {
    const dir = await smallProject();
    const aggregations = ["--aggregations", "arithmetic,geometric"];
    expect((await runCli([...args, ...aggregations, "--out", "zh"], dir)).code).toBe(0);
    expect((await runCli([...args, ...aggregations, "--out", "en", "--lang", "en"], dir)).code).toBe(0);
    const zh = await readFile(join(dir, "zh/uncertainty.html"), "utf8");
    const en = await readFile(join(dir, "en/uncertainty.html"), "utf8");
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain("<title>总指数：不确定性与敏感性分析</title>");
    expect(zh).toContain("排名（1 = 最高）");
    expect(zh).toContain("<tr><td>权重</td>");
    expect(zh).toContain("基期 2017 年。变动的选择");
    expect(zh).toContain("。指标体系：tree.csv。</p>"); // no space between Chinese sentences
    // a unit is 评价对象 on every page; each year headed as a year
    expect(zh).toContain("评价对象按名义排名排列。");
    expect(zh).toContain("<th>选择（全部评价对象）</th>");
    expect(zh).toContain("<h2>2019年</h2>");
    expect(en).toContain("<h2>2019</h2>");
    // A rank's tooltip shows whole ranks as whole numbers (two units: ranks 1 and 2) and a quantile between them with
    // the decimals it needs (1.05, not 1.1); the index has two decimals, so its nominal value is never whole.
    const rankTips = [...zh.matchAll(/<title>([^<]*)<\/title><\/rect>/g)].map((match) => match[1]).filter((tip) => /：名义 \d+，/.test(tip));
    expect(rankTips.length).toBeGreaterThan(0);
    for (const tip of rankTips) expect(tip).toMatch(/：名义 [12]，中位数 [12](\.5)?，5%–95% [12](\.\d{1,4})? – [12](\.\d{1,4})?$/);
    // the varied choices with their methods named in Chinese, as the report's method line names them
    expect(zh).toContain("变动的选择：权重（±20%）；合成（加权算术平均、加权几何平均）。");
    expect(en).toContain("weights (±20%); aggregation (arithmetic, geometric)");
    expect(zh).not.toContain("runs in all");
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("<title>Overall index: uncertainty and sensitivity analysis</title>");
    expect(en).toContain("rank (1 = highest)");
    expect(en).toContain("<tr><td>weights</td>");
    expect(en).not.toMatch(/[\u4e00-\u9fff]/u); // the small tree's Chinese names are not shown on this page
    // Both explain why a total index may fall below its first-order index.
    expect(zh).toContain("抽样误差");
    expect(en).toContain("is sampling error");
  });

  it("is the same bytes from any folder, the tree's path relative or absolute: the tree named by its file's name", async () => {
    // Before, the summary ended with the path as typed: 指标体系：/tmp/…/tree.csv。 in one, 指标体系：../tree.csv。 in the other.
    const dir = await smallProject({ "sub/.keep": "" });
    const rest = ["-d", join(dir, "values.csv"), "--weight-noise", "0.2", "-n", "20", "-q"];
    expect((await runCli(["uncertainty", "-i", join(dir, "tree.csv"), ...rest, "--out", join(dir, "a")], dir)).code).toBe(0);
    expect((await runCli(["uncertainty", "-i", "../tree.csv", ...rest, "--out", "../b"], join(dir, "sub"))).code).toBe(0);
    const a = await readFile(join(dir, "a", "uncertainty.html"));
    expect(a.equals(await readFile(join(dir, "b", "uncertainty.html")))).toBe(true);
    expect(a.toString("utf8")).toContain("。指标体系：tree.csv。</p>");
    expect(a.toString("utf8")).not.toContain(dir);
  });

  it("is titled with the project's name, and takes --lang from outputs.lang of index.yaml", async () => {
    const dir = await smallProject({
      "index.yaml": "name: 常州市区域创新指数\nindicators: tree.csv\nvalues: values.csv\noutputs:\n  lang: en\nuncertainty:\n  weight-noise: 0.2\n  replications: 20\n",
    });
    expect((await runCli(["uncertainty", "-q"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "out/uncertainty.html"), "utf8");
    expect(html).toContain("<title>常州市区域创新指数: uncertainty and sensitivity analysis</title>");
    expect(html).toContain("<h1>常州市区域创新指数: uncertainty and sensitivity analysis</h1>");
  });
});

describe("normalisations on different scales", () => {
  it("warns, naming each scale's methods, on the terminal and in the page; one scale (fixed-base, chain) gives no warning", async () => {
    const dir = await smallProject();
    const base = ["uncertainty", "-i", "tree.csv", "-d", "values.csv", "-n", "20"];
    const mixed = await runCli([...base, "--normalisations", "fixed-base,chain,z-score,min-max", "--out", "mixed"], dir);
    expect(mixed.code).toBe(0);
    const scales = [
      { scale: "ratio (100 = a base)", methods: ["fixed-base", "chain"] },
      { scale: "100 ± 10", methods: ["z-score"] },
      { scale: "0-100", methods: ["min-max"] },
    ];
    const message = messages.scalesMixed(scales);
    expect(message).toMatch(/^--normalisations mixes scales: fixed-base, chain on the ratio \(100 = a base\) scale; z-score on the 100 ± 10 scale; min-max on the 0-100 scale\./);
    expect(mixed.stderr).toContain(`warning: ${message}\n`);
    // The page is Chinese by default: the warning in the words of src/core/zh/messages.ts, as a Chinese terminal prints it.
    const page = await readFile(join(dir, "mixed/uncertainty.html"), "utf8");
    expect(page).toContain("<h2>提示</h2>\n<p>计算时给出了以下提示：</p>\n<ul>");
    expect(page).toContain(`<li>${messagesZh.scalesMixed(scales).replaceAll("'", "&#39;").replaceAll('"', "&#34;")}</li>`);
    expect(page).not.toContain(message.slice(0, 30));
    const english = await runCli([...base, "--normalisations", "fixed-base,chain,z-score,min-max", "--out", "mixed-en", "--lang", "en"], dir);
    expect(await readFile(join(dir, "mixed-en/uncertainty.html"), "utf8")).toContain(`<li>${message.replaceAll("'", "&#39;")}</li>`);
    expect(english.code).toBe(0);
    const same = await runCli([...base, "--normalisations", "fixed-base,chain", "--out", "same"], dir);
    expect(same.code).toBe(0);
    expect(same.stderr).not.toContain("warning:");
  });
});
