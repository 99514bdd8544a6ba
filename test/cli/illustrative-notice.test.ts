/**
 * A run on values marked illustrative in their `source` column says so in every output a person reads: report.html
 * (the dashboard and the static page) near its top and index.xlsx on a first sheet, the shipped example in the words the
 * terminal prints for it; the same bytes on every run; nothing said for values without a source column. So do audit.html
 * and uncertainty.html under their title, and audit.xlsx on a first sheet.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

/** The shipped values mark 17 of their 160 values published, the other 143 illustrative (data/changzhou/values.csv). */
const EXAMPLE_ZH = "使用随附的常州示例（示意数据，并非官方指数）：160 个数值中有 143 个是示意数据，并非已发布的数据。";
const EXAMPLE_EN = "Using the shipped Changzhou example (illustrative data, not the official index): 143 of 160 values are illustrative, not published.";

const shipped = (path: string) => readFile(new URL(`../../${path}`, import.meta.url));
const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

async function workbook(bytes: Uint8Array) {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe("the notice of illustrative values", () => {
  it("the shipped example: the dashboard and index.xlsx say it near the top, in the terminal's words, the same bytes each run", { timeout: 60_000 }, async () => {
    const dir = await makeTempDir();
    const run = await runCli(["compute", "--report", "--xlsx", "--out", "a"], dir);
    expect(run.code).toBe(0);
    // the terminal (English here) says it too; the Chinese page in the Chinese terminal's words
    expect(run.stderr).toContain("using the shipped Changzhou example (illustrative data, not the official index)");
    expect((await runCli(["compute", "-q", "--report", "--xlsx", "--out", "b"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "a/report.html"), "utf8");
    // in the header as written (before the script draws it again), and in the data in both languages for the switch
    expect(html).toContain(`<header id="header"><h1>创新指数报告</h1><p class="notice" role="note">${EXAMPLE_ZH}</p></header>`);
    expect(html).toContain(`"notice":{"zh":"${EXAMPLE_ZH}","en":"${EXAMPLE_EN}"}`);
    for (const name of ["report.html", "index.xlsx"])
      expect((await readFile(join(dir, "a", name))).equals(await readFile(join(dir, "b", name))), name).toBe(true);
    const book = await workbook(await readFile(join(dir, "a/index.xlsx")));
    // a first sheet 说明 with the notice; the tables follow in their order
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["说明", "指数", "指数（宽表）", "指标得分", "增长", "贡献分解", "权重", "数据覆盖"]);
    const notes = book.getWorksheet("说明")!;
    expect([notes.getCell("A1").value, notes.getCell("A2").value, notes.rowCount]).toEqual(["说明", EXAMPLE_ZH, 2]);
    expect(notes.getCell("A2").type).toBe(3); // a string cell
  });

  it("the static page and the English workbook, and the workbook printed with --format xlsx", { timeout: 60_000 }, async () => {
    const dir = await makeTempDir();
    expect((await runCli(["report", "-q", "--static", "--out", "zh"], dir)).code).toBe(0);
    const zh = await readFile(join(dir, "zh/report.html"), "utf8");
    expect(zh).toContain(`<h1>创新指数报告</h1>\n<p class="notice" role="note">${EXAMPLE_ZH}</p>\n<p class="meta">`);
    expect((await runCli(["compute", "-q", "--report", "--static", "--xlsx", "--lang", "en", "--out", "en"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "en/report.html"), "utf8")).toContain(`<h1>Innovation index report</h1>\n<p class="notice" role="note">${EXAMPLE_EN}</p>`);
    const english = await workbook(await readFile(join(dir, "en/index.xlsx")));
    expect(english.worksheets[0].name).toBe("notes");
    expect([english.worksheets[0].getCell("A1").value, english.worksheets[0].getCell("A2").value]).toEqual(["note", EXAMPLE_EN]);
    let printed: Uint8Array = new Uint8Array();
    const run = await runCli(["compute", "-q", "--out", "-", "--format", "xlsx"], dir, { stdoutBytes: (bytes: Uint8Array) => (printed = bytes) });
    expect(run.code).toBe(0);
    const stdout = await workbook(printed);
    expect([stdout.worksheets[0].name, stdout.worksheets[0].getCell("A2").value]).toEqual(["说明", EXAMPLE_ZH]);
  });

  it("values of one's own marked illustrative: the counts without the example's words; none marked or no source column: no notice", { timeout: 60_000 }, async () => {
    const dir = await makeTempDir({
      "tree.csv": await shipped("indicators/changzhou-2020.csv"),
      "values.csv": await shipped("data/changzhou/values.csv"),
      "small-tree.csv": await fixture("tree.csv"),
      "small-values.csv": await fixture("values.csv"),
    });
    expect((await runCli(["compute", "-q", "-i", "tree.csv", "-d", "values.csv", "--report", "--xlsx", "--out", "own"], dir)).code).toBe(0);
    const own = await readFile(join(dir, "own/report.html"), "utf8");
    expect(own).toContain('<p class="notice" role="note">160 个数值中有 143 个是示意数据，并非已发布的数据。</p>');
    expect(own).not.toContain("常州示例");
    expect((await workbook(await readFile(join(dir, "own/index.xlsx")))).getWorksheet("说明")!.getCell("A2").value).toBe("160 个数值中有 143 个是示意数据，并非已发布的数据。");
    // the small fixture has no source column: no notice, no notes sheet
    expect((await runCli(["compute", "-q", "-i", "small-tree.csv", "-d", "small-values.csv", "--report", "--xlsx", "--out", "small"], dir)).code).toBe(0);
    const small = await readFile(join(dir, "small/report.html"), "utf8");
    expect(small).not.toContain('class="notice"');
    expect(small).not.toContain('"notice":');
    expect((await workbook(await readFile(join(dir, "small/index.xlsx")))).worksheets[0].name).toBe("指数");
    expect((await runCli(["report", "-q", "--static", "-i", "small-tree.csv", "-d", "small-values.csv", "--out", "static"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "static/report.html"), "utf8")).not.toContain('class="notice"');
  });
});

/**
 * The small fixture's 18 values (2 units, 3 years, X1, X2, Y1) with a source column: U1's 9 values `illustrative`,
 * U2's 2017 X1 `示意` and 2017 X2 `ILLUSTRATIVE` (both read as illustrative), U2's other 7 `published`: 9 + 1 + 1 = 11 of 18
 * illustrative, counted by hand.
 */
async function markedValues(mark: (unit: string, year: string, indicator: string) => string): Promise<string> {
  const [header, ...rows] = (await fixture("values.csv")).trim().split("\n");
  return [`${header},source`, ...rows.map((row) => `${row},${mark(...(row.split(",") as [string, string, string]))}`)].join("\n") + "\n";
}
const ILLUSTRATIVE_VALUES = () =>
  markedValues((unit, year, indicator) => (unit === "U1" ? "illustrative" : year === "2017" && indicator === "X1" ? "示意" : year === "2017" && indicator === "X2" ? "ILLUSTRATIVE" : "published"));
const OWN_ZH = "18 个数值中有 11 个是示意数据，并非已发布的数据。";
const OWN_EN = "11 of 18 values are illustrative, not published.";

describe("the notice of illustrative values in audit.html, audit.xlsx and uncertainty.html", () => {
  it("values marked illustrative: audit.html and uncertainty.html say it under the title, audit.xlsx on a first sheet, in either language", { timeout: 60_000 }, async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await ILLUSTRATIVE_VALUES() });
    const audit = ["audit", "-q", "-i", "tree.csv", "-d", "values.csv", "--report", "--xlsx"];
    expect((await runCli([...audit, "--out", "zh"], dir)).code).toBe(0);
    expect((await runCli([...audit, "--lang", "en", "--out", "en"], dir)).code).toBe(0);
    // under the title, before the meta line and any figure, as report.html has it
    expect(await readFile(join(dir, "zh/audit.html"), "utf8")).toContain(`<h1>统计审计</h1>\n<p class="notice" role="note">${OWN_ZH}</p>\n<p class="meta">`);
    expect(await readFile(join(dir, "en/audit.html"), "utf8")).toContain(`<h1>Statistical audit</h1>\n<p class="notice" role="note">${OWN_EN}</p>\n<p class="meta">`);
    // a first sheet 说明 / notes, the audit's tables after it in their order
    const zh = await workbook(await readFile(join(dir, "zh/audit.xlsx")));
    expect(zh.worksheets.map((sheet) => sheet.name)).toEqual(["说明", "指标统计", "相关系数", "Cronbach α 系数", "主成分分析", "名义权重与有效权重", "剔除敏感性", "剔除后排名", "优势与劣势"]);
    expect([zh.worksheets[0].getCell("A1").value, zh.worksheets[0].getCell("A2").value, zh.worksheets[0].rowCount]).toEqual(["说明", OWN_ZH, 2]);
    const en = await workbook(await readFile(join(dir, "en/audit.xlsx")));
    expect([en.worksheets[0].name, en.worksheets[0].getCell("A1").value, en.worksheets[0].getCell("A2").value]).toEqual(["notes", "note", OWN_EN]);
    expect(en.worksheets[1].name).toBe("statistics");

    const uncertainty = ["uncertainty", "-q", "-i", "tree.csv", "-d", "values.csv", "--weight-noise", "0.2", "-n", "4"];
    expect((await runCli([...uncertainty, "--out", "u-zh"], dir)).code).toBe(0);
    expect((await runCli([...uncertainty, "--lang", "en", "--out", "u-en"], dir)).code).toBe(0);
    // under the title, before the line that says how the runs were made
    expect(await readFile(join(dir, "u-zh/uncertainty.html"), "utf8")).toContain(`<h1>总指数：不确定性与敏感性分析</h1>\n<p class="notice" role="note">${OWN_ZH}</p>\n<p>4 次重复`);
    expect(await readFile(join(dir, "u-en/uncertainty.html"), "utf8")).toContain(`</h1>\n<p class="notice" role="note">${OWN_EN}</p>\n<p>4 replications`);
  });

  it("a unit screened out is not counted: its values are no values of the run", { timeout: 60_000 }, async () => {
    // U1 (8 values, all illustrative, and a gap: 8/9 observed, below 0.9) is screened out: U2's 9 values are the run's,
    // 2 of them illustrative (示意, ILLUSTRATIVE). Were U1 not screened, its gap would stop the run (--missing error).
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": (await ILLUSTRATIVE_VALUES()).replace(/^U1,2019,X2,25,/m, "U1,2019,X2,,") });
    const run = await runCli(["audit", "-q", "-i", "tree.csv", "-d", "values.csv", "--screen", "0.9", "--report", "--out", "out"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(dir, "out/audit.html"), "utf8")).toContain('<p class="notice" role="note">9 个数值中有 2 个是示意数据，并非已发布的数据。</p>');
  });

  it("the shipped example: in the terminal's words, on audit.html, audit.xlsx and uncertainty.html", { timeout: 60_000 }, async () => {
    const dir = await makeTempDir();
    expect((await runCli(["audit", "-q", "--report", "--xlsx", "--out", "audit"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "audit/audit.html"), "utf8")).toContain(`<p class="notice" role="note">${EXAMPLE_ZH}</p>`);
    const book = await workbook(await readFile(join(dir, "audit/audit.xlsx")));
    expect([book.worksheets[0].name, book.worksheets[0].getCell("A2").value]).toEqual(["说明", EXAMPLE_ZH]);
    expect((await runCli(["uncertainty", "-q", "--weight-noise", "0.2", "-n", "4", "--lang", "en", "--out", "u"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "u/uncertainty.html"), "utf8")).toContain(`<p class="notice" role="note">${EXAMPLE_EN}</p>`);
  });

  it("published values, or no source column: no notice on audit.html and uncertainty.html, no notes sheet in audit.xlsx", { timeout: 60_000 }, async () => {
    const dir = await makeTempDir({
      "tree.csv": await fixture("tree.csv"),
      "published.csv": await markedValues(() => "published"),
      "plain.csv": await fixture("values.csv"),
    });
    for (const values of ["published.csv", "plain.csv"]) {
      const out = values.replace(".csv", "");
      expect((await runCli(["audit", "-q", "-i", "tree.csv", "-d", values, "--report", "--xlsx", "--out", out], dir)).code).toBe(0);
      const html = await readFile(join(dir, out, "audit.html"), "utf8");
      expect(html, values).toContain("<h1>统计审计</h1>\n<p class=\"meta\">");
      expect(html, values).not.toContain('class="notice"');
      expect((await workbook(await readFile(join(dir, out, "audit.xlsx")))).worksheets[0].name, values).toBe("指标统计");
      expect((await runCli(["uncertainty", "-q", "-i", "tree.csv", "-d", values, "--weight-noise", "0.2", "-n", "4", "--out", `u-${out}`], dir)).code).toBe(0);
      expect(await readFile(join(dir, `u-${out}`, "uncertainty.html"), "utf8"), values).not.toContain('class="notice"');
    }
  });
});
