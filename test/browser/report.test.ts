/**
 * The HTML report in a real headless Chromium (Debian's package). The setup installs `chromium` and `fonts-noto-cjk`
 * with apt-get when /usr/bin/chromium is absent (`ensureChromium`; this can take a few minutes once); where that is
 * impossible (not root, no package source) the tests are skipped with a message saying why. Screenshots go to test/artifacts/.
 */
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";
import { CHROMIUM, ensureChromium } from "./chromium.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts", import.meta.url));

let browser: Browser | undefined;
let skipReason = "";

beforeAll(async () => {
  const unavailable = await ensureChromium();
  if (unavailable) {
    skipReason = unavailable;
    console.warn(`skipping the browser tests: ${skipReason}`);
    return;
  }
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  await mkdir(ARTIFACTS, { recursive: true });
}, 20 * 60_000);

afterAll(async () => {
  await browser?.close();
});

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

/** Opens a report file and returns what the page did: console errors, requests, the charts' sizes; saves a screenshot. */
async function openReport(path: string, screenshot: string) {
  const page = await browser!.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(path).href, { waitUntil: "load" });
  const charts = await page.$$eval("figure.chart > svg", (svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      return { width: box.width, height: box.height, paths: svg.querySelectorAll("path").length, texts: svg.querySelectorAll("text").length };
    }),
  );
  const scripts = await page.$$eval("script", (elements) => elements.length);
  const title = await page.title();
  await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage: true });
  // printed to PDF (A4), as an office would
  const pdf = await page.pdf({ path: join(ARTIFACTS, screenshot.replace(/\.png$/, ".pdf")), format: "A4", printBackground: true });
  await page.close();
  return { errors, requests, charts, scripts, title, pdf };
}

describe("report.html in headless Chromium", () => {
  it("the shipped example's report loads offline with no console error and shows its three charts", async (context) => {
    if (!browser) return context.skip(skipReason);
    const dir = await makeTempDir();
    const report = await runCli(["report", "--static", "-q"], dir);
    expect(report.code).toBe(0);
    const page = await openReport(join(dir, "out/report.html"), "report-changzhou.png");
    expect(page.errors).toEqual([]);
    // nothing but the file itself is loaded: no network, no external script or font
    expect(page.requests).toEqual([pathToFileURL(join(dir, "out/report.html")).href]);
    expect(page.scripts).toBe(0);
    expect(page.title).toBe("创新指数报告");
    expect(Buffer.from(page.pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(page.pdf.length).toBeGreaterThan(20_000);
    // one unit: the line chart, the radar and the contributions bar chart
    expect(page.charts).toHaveLength(3);
    for (const chart of page.charts) {
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(200);
      expect(chart.paths).toBeGreaterThan(5);
      expect(chart.texts).toBeGreaterThan(3);
    }
  });

  it("a two-unit report in English adds the ranking chart and shows a hostile name as text", async (context) => {
    if (!browser) return context.skip(skipReason);
    const tree = (await fixture("tree.csv")).replace("维度X,Dimension X", "维度X,<script>alert(1)</script>");
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": await fixture("values.csv") });
    const report = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--report", "--static", "--lang", "en", "-q"], dir);
    expect(report.code).toBe(0);
    const page = await openReport(join(dir, "out/report.html"), "report-two-units.png");
    expect(page.errors).toEqual([]);
    expect(page.scripts).toBe(0);
    // the league of the last year and the ranks over the years, then per unit the line, radar and bar charts
    expect(page.charts).toHaveLength(2 + 2 * 3);
  });
});
