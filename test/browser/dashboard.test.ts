/**
 * The interactive report.html (the dashboard) in Debian's headless Chromium, opened from file:// with every other
 * request refused: the shipped Changzhou example (one unit) and the ASEM fixture (51 units, gaps). The what-if figures
 * are checked against the `compute` command run on a tree whose first-level weights are those the slider set; the
 * sentences and the drill-down against the CLI's contributions.csv and the values file. Chromium is installed when
 * absent (`ensureChromium`); skipped, with the reason, where it cannot be. Screenshots and PDFs go to test/artifacts/ (git-ignored).
 */
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";
import { CHROMIUM, ensureChromium } from "./chromium.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ASEM = fileURLToPath(new URL("../fixtures/asem/", import.meta.url));
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

let browser: Browser | undefined;
let skipReason = "";

beforeAll(async () => {
  // Installed by whichever browser test asks first (the others wait for it): on a fresh machine these tests run too.
  const unavailable = await ensureChromium();
  if (unavailable) {
    skipReason = unavailable;
    return;
  }
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  await mkdir(ARTIFACTS, { recursive: true });
}, 20 * 60_000);

/** Temporary folders made here, removed at the end. */
const made: string[] = [];
async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await makeTempDir(files);
  made.push(dir);
  return dir;
}

afterAll(async () => {
  await browser?.close();
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Opens a page from file:// with every non-file request aborted; records those attempted and every error. */
async function openDashboard(path: string) {
  const context = await browser!.newContext({ viewport: { width: 1500, height: 1000 } });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(pathToFileURL(path).href, { waitUntil: "load" });
  await page.waitForSelector("body[data-ready]");
  return { page, blocked, errors, close: () => context.close() };
}

/** Moves a range input to `value` as a user would (the input event fires), and waits for the recomputation. */
async function setSlider(page: Page, code: string, value: string): Promise<void> {
  await page.locator(`#what-if input[type=range][data-code="${code}"]`).fill(value);
  await page.waitForFunction(
    ([code, value]) => document.querySelector<HTMLInputElement>(`#what-if input[data-code="${code}"]`)!.closest(".slider")!.querySelector(".slider-weight")!.textContent === Number(value).toFixed(2),
    [code, value],
  );
  await page.waitForTimeout(100);
}

/** The rows of a CSV file without quotes (the files read here have none), as objects by header. */
function csvObjects(text: string): Record<string, string>[] {
  const [header, ...lines] = text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const names = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i], cell])));
}

/** A tree CSV with the weight of the first-level node `code` set to `weight` (column `weight` of its row). */
function withRootWeight(treeText: string, code: string, weight: string): string {
  const lines = treeText.split("\n");
  const column = lines[0].split(",").indexOf("weight");
  return lines
    .map((line) => {
      const cells = line.split(",");
      if (cells[0] !== code || cells[1] !== "") return line;
      cells[column] = weight;
      return cells.join(",");
    })
    .join("\n");
}

describe("the dashboard report.html in headless Chromium", () => {
  it("the shipped example: offline, sentences from the contributions, drill-down to sources, what-if equal to compute, English, PDF", async (context) => {
    if (!browser) return context.skip(skipReason);
    const dir = await tempDir();
    expect((await runCli(["report", "-q"], dir)).code).toBe(0);
    expect((await runCli(["compute", "-q", "--out", "published", "--decimals", "2"], dir)).code).toBe(0);
    expect((await runCli(["compute", "-q", "--out", "precise", "--decimals", "10"], dir)).code).toBe(0);
    const file = join(dir, "out/report.html");
    // the size the guide states: under 3 MB for the example
    expect((await stat(file)).size).toBeLessThan(3_000_000);
    const treeText = await readFile(join(ROOT, "indicators/changzhou-2020.csv"), "utf8");
    const tree = csvObjects(treeText);
    const rootCodes = tree.filter((row) => row.parent === "").map((row) => row.code);
    const { page, blocked, errors, close } = await openDashboard(file);
    try {
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      for (const id of ["overview", "drilldown", "what-if", "audit"]) expect(await page.locator(`#${id}`).count()).toBe(1);
      expect(await page.locator("#units").count()).toBe(0); // one unit: nothing to compare
      // the page recomputed the published index with the published weights to the last bit
      expect(await page.getAttribute("#what-if", "data-check-difference")).toBe("0");

      // the sentence of the last year: the change in percent and the largest contribution, from the CLI's files
      const index = csvObjects(await readFile(join(dir, "published/index.csv"), "utf8")).filter((row) => row.code === "INDEX");
      const [before, last] = csvObjects(await readFile(join(dir, "precise/index.csv"), "utf8"))
        .filter((row) => row.code === "INDEX")
        .slice(-2)
        .map((row) => Number(row.value));
      const contributions = csvObjects(await readFile(join(dir, "precise/contributions.csv"), "utf8")).filter(
        (row) => row.from_year === index[index.length - 2].year && row.to_year === index[index.length - 1].year && rootCodes.includes(row.code),
      );
      const largest = contributions.reduce((a, b) => (Number(b.contribution) > Number(a.contribution) ? b : a));
      const sentences = await page.locator("#overview .sentences li").allTextContents();
      expect(sentences).toHaveLength(index.length - 1);
      const lastSentence = sentences[sentences.length - 1];
      expect(lastSentence).toContain(`${index[index.length - 1].year}年总指数上升${((100 * (last - before)) / before).toFixed(1)}%`);
      expect(lastSentence).toContain(`其中${largest.name}贡献${Number(largest.contribution).toFixed(1)}点`);

      // drill-down: dimension A, its first sub-index, its indicators with the raw value and source of the values file
      await page.click(`#drilldown .card[data-code="${rootCodes[0]}"]`);
      const subGroups = tree.filter((row) => row.parent === rootCodes[0]).map((row) => row.code);
      expect(await page.locator("#drilldown table.drill-groups tbody tr").count()).toBe(subGroups.length);
      await page.click(`#drilldown table.drill-groups button[data-code="${subGroups[0]}"]`);
      const indicators = tree.filter((row) => row.parent === subGroups[0]);
      const rows = page.locator("#drilldown table.drill-indicators tbody tr");
      expect(await rows.count()).toBe(indicators.length);
      const values = csvObjects(await readFile(join(ROOT, "data/changzhou/values.csv"), "utf8"));
      const lastYear = index[index.length - 1].year;
      const first = values.find((row) => row.indicator === indicators[0].code && row.year === lastYear)!;
      const cells = await rows.first().locator("td").allTextContents();
      expect(cells[0]).toBe(indicators[0].code);
      expect(Number(cells[4])).toBe(Number(first.value));
      // the source in the page's language (示意 / 已发布 on a Chinese page), its class the values file's word
      expect(cells[8]).toBe({ published: "已发布", illustrative: "示意" }[first.source]);
      expect(await rows.first().locator("td .badge").getAttribute("class")).toBe(`badge source-${first.source}`);
      // the whole tree's sources: every 2020 value is illustrative; 2019 holds the article's published figures too
      expect(new Set(await page.locator("table.tree td .badge").allTextContents())).toEqual(new Set(["示意"]));
      await page.selectOption("#year-select", { label: "2019" });
      expect(new Set(await page.locator("table.tree td .badge").allTextContents())).toEqual(new Set(["已发布", "示意"]));
      await page.selectOption("#year-select", { label: lastYear });

      // the notice of illustrative values near the top, in the terminal's words for the shipped example
      expect(await page.textContent("#header .notice")).toBe("使用随附的常州示例（示意数据，并非官方指数）：160 个数值中有 143 个是示意数据，并非已发布的数据。");
      expect(await page.locator("#header .notice").isVisible()).toBe(true);

      // what if: dimension A at 0.40; compute on the tree with that first-level weight gives the same printed decimals
      await setSlider(page, rootCodes[0], "0.4");
      const shown = await page.textContent("#what-if-index");
      const whatIfDir = await tempDir({ "tree.csv": withRootWeight(treeText, rootCodes[0], "0.4") });
      const run = await runCli(["compute", "-q", "-i", "tree.csv", "-d", join(ROOT, "data/changzhou/values.csv"), "--decimals", "2", "--out", "out"], whatIfDir);
      expect(run.code).toBe(0);
      const recomputed = csvObjects(await readFile(join(whatIfDir, "out/index.csv"), "utf8"));
      const expectedIndex = recomputed.find((row) => row.code === "INDEX" && row.year === lastYear)!.value;
      expect(shown).toBe(expectedIndex);
      expect(expectedIndex).not.toBe(index[index.length - 1].value); // the weight did change the index
      // every year and first-level sub-index of the what-if table
      for (const row of recomputed.filter((item) => item.level === "0" || item.level === "1"))
        expect(await page.textContent(`#what-if td[data-node="${row.code}"][data-year="${row.year}"]`), `${row.code} ${row.year}`).toBe(row.value);
      expect(await page.locator("#what-if .what-if-banner").isVisible()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-changzhou-what-if.png"), fullPage: true });

      // reset gives this run's index back
      expect(await page.textContent("#what-if-reset")).toBe("恢复本次计算的权重");
      await page.click("#what-if-reset");
      expect(await page.textContent("#what-if-index")).toBe(index[index.length - 1].value);

      // English: the page's words and the tree's name_en
      await page.click("#language");
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(await page.textContent("#overview h2")).toBe("Overview");
      expect(await page.locator("#overview .sentences li").last().textContent()).toContain(`In ${lastYear} the index rose`);
      expect(await page.locator(`#drilldown .card[data-code="${rootCodes[0]}"] .card-name`).textContent()).toBe(tree[0].name_en);
      expect(await page.textContent("#header .notice")).toBe(
        "Using the shipped Changzhou example (illustrative data, not the official index): 143 of 160 values are illustrative, not published.",
      );
      expect(new Set(await page.locator("table.tree td .badge").allTextContents())).toEqual(new Set(["illustrative"]));
      expect(await page.textContent("#what-if-reset")).toBe("Reset to the weights as computed");
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-changzhou-en.png"), fullPage: true });
      const pdf = await page.pdf({ path: join(ARTIFACTS, "dashboard-changzhou.pdf"), format: "A4", printBackground: true });
      expect(Buffer.from(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(50_000);
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it("in Chinese: the methods and the audit's flags in Chinese words (report --audit on the shipped example)", async (context) => {
    if (!browser) return context.skip(skipReason);
    const dir = await tempDir();
    expect((await runCli(["report", "-q", "--audit"], dir)).code).toBe(0);
    const { page, blocked, errors, close } = await openDashboard(join(dir, "out/report.html"));
    try {
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      // the static page's line (metaText of labels.ts), full-width punctuation, the methods as it names them
      expect(await page.textContent("#header .meta")).toMatch(
        /^基期：2017年 = 100 · 年份：2017—2020年 · 评价对象：\S+ · 方法：标准化（定基指数），合成（加权算术平均），权重（指标体系给定权重），缺失值处理（不允许缺失）$/,
      );
      const notes = await page.locator("#audit li").allTextContents();
      expect(notes.length).toBeGreaterThan(0);
      for (const note of notes) expect(note).toMatch(/^\S+ – \S+：(负相关|高度共线|与上级相关弱)(、(负相关|高度共线|与上级相关弱))*（r = (-?\d\.\d\d|–)）$/);
      // a year in a heading is written as a year (the last year, 2020, is the one shown first)
      expect(await page.locator("h2").allTextContents()).toContain("逐级查看 · 2020年");
    } finally {
      await close();
    }
  }, 120_000);

  it("ASEM, 51 units with gaps: paged and sortable ranking, reweighted cells marked, what-if index and ranks equal to compute", async (context) => {
    if (!browser) return context.skip(skipReason);
    const treeText = await readFile(join(ASEM, "tree-scaling.csv"), "utf8");
    const dir = await tempDir({ "tree.csv": treeText, "values.csv": await readFile(join(ASEM, "values.csv"), "utf8") });
    const method = ["--normalise", "min-max", "--missing", "reweight"];
    expect((await runCli(["report", "-q", "-i", "tree.csv", "-d", "values.csv", ...method, "--performance-groups", "--lang", "en"], dir)).code).toBe(0);
    expect((await runCli(["compute", "-q", "-i", "tree.csv", "-d", "values.csv", ...method, "--performance-groups", "--decimals", "2", "--out", "published"], dir)).code).toBe(0);
    const { page, blocked, errors, close } = await openDashboard(join(dir, "out/report.html"));
    try {
      expect(errors).toEqual([]);
      expect(await page.getAttribute("#what-if", "data-check-difference")).toBe("0");
      expect(await page.locator("#what-if input[type=range]").count()).toBe(3);

      // the ranking of 2022: 25 rows a page, the first page from rank 1, ranks as the CLI's ranks.csv
      const ranks = csvObjects(await readFile(join(dir, "published/ranks.csv"), "utf8")).filter((row) => row.code === "INDEX" && row.year === "2022");
      const ranking = page.locator("#units table.ranking tbody tr");
      expect(await ranking.count()).toBe(25);
      const firstRow = await ranking.first().locator("td").allTextContents();
      const leader = ranks.find((row) => row.rank === "1")!;
      expect(firstRow.slice(0, 2)).toEqual(["1", leader.unit]);
      // the performance group of each unit on the first page, as groups.csv has it
      const groups = csvObjects(await readFile(join(dir, "published/groups.csv"), "utf8")).filter((row) => row.year === "2022");
      const firstPage = await ranking.evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll("td")).map((cell) => cell.textContent ?? "")));
      for (const cells of firstPage) expect(cells[cells.length - 1], cells[1]).toBe(groups.find((row) => row.unit === cells[1])!.group);
      // the rank change, next to the group, with its direction: ranks.csv's rank_change 3 as ↑3, −2 as ↓2, 0 as 0
      const arrow = (change: string) => (Number(change) > 0 ? `↑${change}` : Number(change) < 0 ? `↓${-Number(change)}` : "0");
      for (const cells of firstPage) expect(cells[cells.length - 2], cells[1]).toBe(arrow(ranks.find((row) => row.unit === cells[1])!.rank_change));
      expect(firstPage.some((cells) => /^[↑↓]\d+$/.test(cells[cells.length - 2]))).toBe(true);
      // in Chinese, the EIS's groups by their Chinese names
      await page.click("#language");
      const chinese: Record<string, string> = { leader: "创新领先者", strong: "强劲创新者", moderate: "中等创新者", emerging: "新兴创新者" };
      const firstRowZh = await page.locator("#units table.ranking tbody tr").first().locator("td").allTextContents();
      expect(firstRowZh[firstRowZh.length - 1]).toBe(chinese[groups.find((row) => row.unit === firstRowZh[1])!.group]);
      await page.click("#language");
      // sorted by the Environmental sub-index, largest first
      await page.click('#units th button[data-sort="Environ"]');
      const environ = (await page.locator("#units table.ranking tbody tr td:nth-child(4)").allTextContents()).map(Number);
      expect(environ).toEqual([...environ].sort((a, b) => b - a));
      await page.click("#units .page-next");
      expect(await page.textContent("#units .pager")).toContain("page 2 of 3");

      // a gap of the values file is marked in the drill-down as reweighted
      const values = csvObjects(await readFile(join(ASEM, "values.csv"), "utf8"));
      const gap = values.find((row) => row.value === "" && row.year === "2022" && treeText.includes(`${row.indicator},Environ,`))!;
      await page.selectOption("#unit-select", { label: gap.unit });
      await page.click('#drilldown .card[data-code="Environ"]');
      const gapRow = page.locator("#drilldown table.drill-indicators tbody tr", { has: page.locator(`td:text-is("${gap.indicator}")`) });
      expect(await gapRow.locator("td[data-imputed=reweight]").count()).toBe(1);
      expect(await gapRow.locator(".badge.imputed").textContent()).toBe("missing (reweighted)");

      // what if: Environ at 0.8, against compute on the tree with that weight (the others stay 0.3 and 0.2)
      await setSlider(page, "Environ", "0.8");
      const whatIfDir = await tempDir({ "tree.csv": withRootWeight(treeText, "Environ", "0.8"), "values.csv": await readFile(join(ASEM, "values.csv"), "utf8") });
      expect((await runCli(["compute", "-q", "-i", "tree.csv", "-d", "values.csv", ...method, "--decimals", "2", "--out", "out"], whatIfDir)).code).toBe(0);
      const recomputed = csvObjects(await readFile(join(whatIfDir, "out/index.csv"), "utf8"));
      const expected = recomputed.find((row) => row.unit === gap.unit && row.code === "INDEX" && row.year === "2022")!.value;
      expect(await page.textContent("#what-if-index")).toBe(expected);
      const newRanks = csvObjects(await readFile(join(whatIfDir, "out/ranks.csv"), "utf8")).filter((row) => row.code === "INDEX" && row.year === "2022");
      const whatIfRows = await page.locator("#what-if table.what-if-ranks tbody tr").evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll("td")).slice(0, 2).map((cell) => cell.textContent)));
      for (const [rank, unit] of whatIfRows) expect(newRanks.find((row) => row.unit === unit)!.rank, unit!).toBe(rank);
      // each unit's move against its published rank, with its direction (published rank − what-if rank: ↑ moved up)
      const moves = await page.locator("#what-if table.what-if-ranks tbody tr").evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll("td")).map((cell) => cell.textContent ?? "")));
      for (const cells of moves) {
        const moved = Number(cells[3]) - Number(cells[0]);
        expect(cells[4], cells[1]).toBe(moved > 0 ? `↑${moved}` : moved < 0 ? `↓${-moved}` : "0");
      }
      expect(whatIfRows[0][1]).not.toBe(undefined);

      // two more units on the radar
      await page.selectOption("#compare-units", [ranks[0].unit, ranks[1].unit, ranks[2].unit, ranks[3].unit].map((unit) => ({ label: unit })));
      expect(await page.locator("#units .chart svg").count()).toBeGreaterThanOrEqual(4);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-asem.png"), fullPage: true });
      const pdf = await page.pdf({ path: join(ARTIFACTS, "dashboard-asem.pdf"), format: "A4", printBackground: true });
      expect(Buffer.from(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it("a reweighted gap: the tree table says missing (reweighted) and the weights the year used; an index missing in a year: no change, and why", async (context) => {
    if (!browser) return context.skip(skipReason);
    // A 0.5 (X) + B 0.5 (Y1, Y2; direction -); P's Y1 of 2021 empty.
    const tree = "code,parent,name,weight,direction\nA,,Input,0.5,\nX,A,x,,+\nB,,Pressure,0.5,-\nY1,B,y1,,+\nY2,B,y2,,+\n";
    const cells = [
      ["P", 2020, "1", "1", "1"],
      ["P", 2021, "2", "", "2"],
      ["Q", 2020, "3", "2", "3"],
      ["Q", 2021, "1", "1", "1"],
    ] as const;
    const values = `unit,year,indicator,value\n${cells.flatMap(([unit, year, ...row]) => ["X", "Y1", "Y2"].map((code, i) => `${unit},${year},${code},${row[i]}`)).join("\n")}\n`;
    const dir = await tempDir({ "tree.csv": tree, "values.csv": values });
    const run = ["compute", "-q", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "reweight", "--report", "--lang", "en"];
    expect((await runCli([...run, "--out", "reweighted"], dir)).code).toBe(0);
    expect((await runCli([...run, "--min-group-coverage", "0.6", "--out", "coverage"], dir)).code).toBe(0);

    const reweighted = await openDashboard(join(dir, "reweighted/report.html"));
    try {
      expect(reweighted.errors).toEqual([]);
      await reweighted.page.selectOption("#unit-select", { label: "P" });
      await reweighted.page.selectOption("#year-select", { label: "2021" });
      const treeRows = async () =>
        Object.fromEntries(
          await reweighted.page
            .locator("#drilldown table.tree tbody tr")
            .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll("td")).map((cell) => cell.textContent ?? "")))
            .then((rows) => rows.map((row) => [row[0], row])),
        );
      expect(await reweighted.page.locator("#drilldown h3").last().textContent()).toBe("The indicator tree and the weights used in 2021");
      expect(await reweighted.page.locator("#drilldown table.tree th").allTextContents()).toEqual(["Code", "Name", "Weight used", "Overall weight used", "Raw value", "Score", "Source"]);
      // By hand: Y1 left out, so Y2 carried all of B: 0.5/0.5 = 1 within B, 0.5·1 = 0.5 overall; Y1 0; A, X, B as the tree.
      const rows = await treeRows();
      expect(rows.Y1.slice(2, 4)).toEqual(["0.000", "0.0000"]);
      expect(rows.Y1[6]).toBe("missing (reweighted)");
      expect(rows.Y2.slice(2, 4)).toEqual(["1.000", "0.5000"]);
      expect([rows.A.slice(2, 4), rows.X.slice(2, 4), rows.B.slice(2, 4)]).toEqual([
        ["0.500", "0.5000"],
        ["1.000", "0.5000"],
        ["0.500", "0.5000"],
      ]);
      // the indicator table above says the same of Y1, with the tree's weights
      await reweighted.page.click('#drilldown .card[data-code="B"]');
      const y1 = reweighted.page.locator("#drilldown table.drill-indicators tbody tr", { has: reweighted.page.locator('td:text-is("Y1")') });
      expect(await y1.locator(".badge.imputed").textContent()).toBe("missing (reweighted)");
      expect((await treeRows()).Y1[6]).toBe("missing (reweighted)");
      // 2020, nothing missing: the tree's weights, 0.5·0.5 = 0.25 overall for Y1 and Y2
      await reweighted.page.selectOption("#year-select", { label: "2020" });
      expect((await treeRows()).Y2.slice(2, 4)).toEqual(["0.500", "0.2500"]);
      await reweighted.page.selectOption("#year-select", { label: "2021" });
      await reweighted.page.click("#language");
      expect((await treeRows()).Y1[6]).toBe("缺失（重新加权）");
      expect(await reweighted.page.locator("#drilldown h3").last().textContent()).toBe("指标体系与2021年实际使用的权重");
      expect(reweighted.errors).toEqual([]);
    } finally {
      await reweighted.close();
    }

    // --min-group-coverage 0.6: P's B of 2021 has 1 of 2 children, so B and P's index of 2021 are missing.
    const coverage = await openDashboard(join(dir, "coverage/report.html"));
    try {
      expect(coverage.errors).toEqual([]);
      await coverage.page.selectOption("#unit-select", { label: "P" });
      const missing = "The change of the overall index from 2020 to 2021 cannot be given: the index is missing in 2021.";
      expect(await coverage.page.locator("#overview .sentences li").allTextContents()).toEqual([missing]);
      expect(await coverage.page.locator("#overview td.missing-change").allTextContents()).toEqual([missing]);
      const overview = (await coverage.page.textContent("#overview")) ?? "";
      expect(overview).not.toContain("did not change");
      expect(overview).not.toContain("NaN");
      // min-max has no natural zero (ratioScale false): the table's change in points only, no percent column (the
      // missing change spans the change and the two dimensions: 3 columns), and a line under it says why.
      expect(await coverage.page.locator("#overview table th").allTextContents()).toEqual(["Year", "Index", "Change (points)", "Input", "Pressure"]);
      expect(await coverage.page.locator("#overview td.missing-change").getAttribute("colspan")).toBe("3");
      expect(overview).toContain("The index has no natural zero (as a min-max, z-score or Copeland score): its changes are given in points, not in percent.");
      await coverage.page.click("#language");
      expect(await coverage.page.locator("#overview .sentences li").allTextContents()).toEqual(["无法给出2020—2021年总指数的变化：2021年总指数缺失。"]);
      // Q has both years: 50 → 50, A 100 → 0 (−50), B 0 → 100 (+50)
      await coverage.page.selectOption("#unit-select", { label: "Q" });
      expect(await coverage.page.locator("#overview .sentences li").allTextContents()).toEqual(["2021年总指数持平（50.00 → 50.00），其中Pressure贡献50.0点、Input贡献-50.0点。"]);
      expect(coverage.errors).toEqual([]);
    } finally {
      await coverage.close();
    }
  }, 120_000);
});

describe("the dashboard's Chinese words (the default language)", () => {
  it("the small fixture with an uncertainty analysis: meta line, rank changes, what-if words, interval legend, warnings block", async (context) => {
    if (!browser) return context.skip(skipReason);
    const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");
    // Y weighted 0.5 beside X's 0.6: the run warns that the first-level weights sum to 1.1 (and divides them by it).
    const tree = (await fixture("tree.csv")).replace("Y,,维度Y,Dimension Y,0.4,", "Y,,维度Y,Dimension Y,0.5,");
    const dir = await tempDir({ "tree.csv": tree, "values.csv": await fixture("values.csv") });
    const inputs = ["-i", "tree.csv", "-d", "values.csv"];
    expect((await runCli(["uncertainty", ...inputs, "-n", "16", "--weight-noise", "0.2", "-o", "unc", "-q"], dir)).code).toBe(0);
    expect((await runCli(["report", ...inputs, "--uncertainty-from", "unc", "-q"], dir)).code).toBe(0);
    const { page, blocked, errors, close } = await openDashboard(join(dir, "out/report.html"));
    try {
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      expect(await page.textContent("#header .meta")).toBe(
        "基期：2017年 = 100 · 年份：2017—2019年 · 评价对象：U1、U2 · 方法：标准化（定基指数），合成（加权算术平均），权重（指标体系给定权重），缺失值处理（不允许缺失）",
      );
      // 2018, by hand: both units 100 in 2017 (tied first); U1 (0.6·122.5 + 0.5·105)/1.1 = 114.55 ahead of U2
      // (0.6·112.5 + 0.5·110)/1.1 = 111.36, so U2 went from first to second: ↓1; U1 kept its place: 0.
      await page.selectOption("#year-select", { label: "2018" });
      const ranking = await page.locator("#units table.ranking").evaluate((table) =>
        Array.from(table.querySelectorAll("tr")).map((row) => Array.from(row.querySelectorAll("th, td")).map((cell) => cell.textContent ?? "")),
      );
      const change = ranking[0].findIndex((title) => title.startsWith("排名变化"));
      expect(change).toBeGreaterThan(0);
      expect(ranking[0]).toContain("评价对象");
      expect(ranking.slice(1).map((cells) => [cells[1], cells[change]])).toEqual([
        ["U1", "0"],
        ["U2", "↓1"],
      ]);
      expect(await page.textContent("#units h3")).toBe("2018年排名（点击列标题排序）");
      expect(await page.textContent("#what-if .what-if-headline")).toMatch(/^模拟值 · U1 · 2018年：\d+\.\d\d（本次计算值 \d+\.\d\d；差值 -?\d\.\d\d）$/);
      expect(await page.locator("#what-if table.what-if-ranks th").allTextContents()).toEqual(["排名", "评价对象", "指数", "排名（本次计算值）", "排名变化"]);
      // the what-if chart's legend: the interval's bounds in words
      const legend = await page.locator("#what-if .chart svg text").allTextContents();
      expect(legend).toEqual(expect.arrayContaining(["总指数（本次计算值）", "总指数（模拟值）", "区间下限（5%分位数）", "区间上限（95%分位数）", "总指数：本次计算值与模拟值"]));
      expect(legend.join(" ")).not.toContain("(5%)");
      // the warnings block in Chinese, the message in the words of src/core/zh/messages.ts
      expect(await page.locator("footer h3").textContent()).toBe("提示");
      expect(await page.locator("footer p").nth(1).textContent()).toBe("计算时给出了以下提示：");
      expect(await page.locator("footer li").first().textContent()).toContain("权重之和为 1.1，不等于 1");
    } finally {
      await close();
    }
  }, 120_000);
});

describe("report.html as a dashboard: the file", () => {
  it("names the overall index as index.csv does (--index-name), in the drill-down's first crumb and the what-if chart", async (context) => {
    if (!browser) return context.skip(skipReason);
    const dir = await tempDir();
    expect((await runCli(["report", "-q", "--index-name", "高新区工业互联网指数"], dir)).code).toBe(0);
    expect((await runCli(["compute", "-q", "--index-name", "高新区工业互联网指数"], dir)).code).toBe(0);
    const named = csvObjects(await readFile(join(dir, "out/index.csv"), "utf8")).find((row) => row.code === "INDEX")!.name;
    expect(named).toBe("高新区工业互联网指数");
    const { page, errors, close } = await openDashboard(join(dir, "out/report.html"));
    try {
      expect(errors).toEqual([]);
      expect(await page.locator('#drilldown .crumb[data-code="INDEX"]').textContent()).toBe(named);
      expect(await page.locator("#what-if").textContent()).toContain(named);
    } finally {
      await close();
    }
  });

  it("inlines the data, ECharts and the script once, with no </script> or <!-- inside them, and --title names it", async () => {
    const hostile = "</script><!-- \u2028<img src=x onerror=alert(1)>";
    const dir = await tempDir();
    expect((await runCli(["report", "-q", "--title", hostile], dir)).code).toBe(0);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).not.toContain("<!--");
    expect(html).toContain("<title>&#60;/script&#62;&#60;!-- \u2028&#60;img src=x onerror=alert(1)&#62;</title>");
    const opening = '<script id="dashboard-data" type="application/json">';
    const json = html.slice(html.indexOf(opening) + opening.length, html.indexOf("</script>"));
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(json).title).toBe(hostile);
  });
});
