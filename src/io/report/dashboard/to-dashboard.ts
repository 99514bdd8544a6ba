/**
 * The interactive report.html: one self-contained page (no network; it opens from an e-mail attachment, `file://`)
 * with the dashboard's data as JSON, ECharts' minified build and the dashboard's script (built by `npm run bundle`
 * into `dist/bundle/dashboard-client.js`) inlined. The same inputs give the same bytes.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { InternalError } from "../../../errors.js";
import { escapeHtml, htmlPage } from "../page.js";
import { NOTICE_STYLE } from "../provenance.js";
import { formatDashboardJson, type DashboardData } from "./data.js";
import { dashboardWords } from "./words.js";

/** The script, ECharts and the style, read once per process. */
let assets: { echarts: string; client: string } | undefined;

/** The folder holding package.json, from this module's place (`src/io/report/dashboard` or `dist/bundle`). */
function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "package.json"))) {
    const parent = dirname(folder);
    if (parent === folder) throw new InternalError("E_INTERNAL", "the dashboard's script is not found: no package.json above the running module");
    folder = parent;
  }
  return folder;
}

/**
 * A script's text made safe inside `<script>`: `</script` and `<!--` cannot appear in it (both are written with an
 * escape that JavaScript reads as the same characters in a string, the only place they occur in these files).
 */
export function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

function readAssets(): { echarts: string; client: string } {
  if (assets) return assets;
  const clientFile = join(packageRoot(), "dist", "bundle", "dashboard-client.js");
  if (!existsSync(clientFile)) throw new InternalError("E_INTERNAL", `the dashboard's script ${clientFile} is missing; expected it built by "npm run build"`);
  const require = createRequire(import.meta.url);
  const echartsFile = require.resolve("echarts/dist/echarts.min.js");
  assets = { echarts: inlineScript(readFileSync(echartsFile, "utf8")), client: inlineScript(readFileSync(clientFile, "utf8")) };
  return assets;
}

/** The dashboard page of `data`. */
export function formatDashboardHtml(data: DashboardData): string {
  const { echarts, client } = readAssets();
  const words = dashboardWords(data.language);
  const title = data.title ?? words.title;
  const sections = ["overview", "drilldown", "units", "what-if", "audit"].map((id) => `<section id="${id}"></section>`).join("\n");
  // The notice of illustrative values is in the page as written, before the script draws the header with it again.
  const notice = data.notice ? `<p class="notice" role="note">${escapeHtml(data.notice[data.language])}</p>` : "";
  return htmlPage(
    title,
    data.language,
    STYLE,
    `<header id="header"><h1>${escapeHtml(title)}</h1>${notice}</header>
<main>
${sections}
</main>
<footer id="footer"></footer>
<script id="dashboard-data" type="application/json">${formatDashboardJson(data)}</script>
<script>${echarts}</script>
<script>${client}</script>`,
  );
}

const STYLE = `
:root { --blue: #2e5f9e; --line: #dde2e8; --soft: #f4f6f9; }
body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif; margin: 0 auto; max-width: 1480px; color: #222; padding: 0 20px 40px; }
header { border-bottom: 3px solid var(--blue); padding: 16px 0 8px; margin-bottom: 8px; }
h1 { font-size: 26px; margin: 0 0 4px; color: #1d3557; }
h2 { font-size: 20px; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin: 28px 0 12px; color: #1d3557; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.description { margin: 0 0 4px; color: #333; }
${NOTICE_STYLE}
.meta, .hint, .rounding-note { color: #555; font-size: 13px; }
.controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 8px 0; font-size: 14px; }
select, button { font: inherit; }
button { cursor: pointer; border: 1px solid #b8c2cf; background: #fff; border-radius: 4px; padding: 4px 10px; }
button:hover { background: var(--soft); }
nav { display: flex; gap: 16px; font-size: 14px; }
nav a { color: var(--blue); text-decoration: none; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
.chart { width: calc(50% - 8px); min-width: 460px; max-width: 680px; border: 1px solid #eee; box-sizing: border-box; break-inside: avoid; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; }
th { background: var(--soft); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td.missing-change { color: #555; font-style: italic; }
td.level-2 { padding-left: 22px; } td.level-3 { padding-left: 36px; } td.level-4 { padding-left: 50px; }
th button.sort { border: none; background: none; padding: 0; font-weight: bold; }
.sentences li { margin: 4px 0; }
.breadcrumb { margin: 8px 0; }
.crumb, .link { border: none; background: none; color: var(--blue); padding: 0; text-decoration: underline; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 12px; }
.card { display: flex; flex-direction: column; align-items: flex-start; min-width: 150px; padding: 8px 12px; border: 1px solid #c9d3df; border-radius: 6px; background: #fff; }
.card.open { border-color: var(--blue); box-shadow: 0 0 0 2px #b9cde8; background: #f2f7fd; }
.card-name { font-weight: bold; } .card-value { font-size: 22px; color: var(--blue); } .card-weight { font-size: 12px; color: #666; }
td.weight-changed, .card-weight.weight-changed { background: #fff4d6; }
td.weight-chosen, .card-weight.weight-chosen { background: #e8f0fb; }
.weight-note { margin-left: 4px; font-size: 11px; color: #8a5a00; }
.weights-note { font-size: 13px; color: #6b4e00; }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #e8edf3; margin-right: 4px; }
.badge.source-published { background: #dcefe1; color: #1e6b35; }
.badge.source-illustrative { background: #fdf1d8; color: #8a5a00; }
.badge.imputed, td[data-imputed] { background: #fde2e1; color: #9b1c1c; }
.pager { margin: 4px 0 12px; font-size: 13px; }
.chooser { display: flex; gap: 8px; align-items: flex-start; margin: 12px 0; font-size: 14px; }
.what-if-banner { background: #fff4d6; border: 1px solid #e6b422; color: #6b4e00; padding: 8px 12px; border-radius: 4px; font-weight: bold; }
.sliders { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 6px 24px; margin: 12px 0; }
.slider { display: grid; grid-template-columns: 160px 1fr 44px 56px; align-items: center; gap: 8px; font-size: 14px; }
.slider-weight, .share { text-align: right; font-variant-numeric: tabular-nums; }
.what-if-headline { font-size: 18px; }
.what-if-headline strong { color: #9a3412; font-size: 24px; }
.error { color: #b91c1c; font-weight: bold; }
footer { color: #666; font-size: 12px; margin-top: 32px; border-top: 1px solid var(--line); }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 12px; }
  .controls, nav, .pager, .chooser, #what-if-reset, .hint { display: none; }
  input[type=range] { display: none; }
  .slider { grid-template-columns: 160px 44px 56px; }
  .chart { border: none; width: 680px; max-width: 100%; }
  section { break-before: page; } section:first-of-type { break-before: auto; }
  section.empty { display: none; }
  h2, h3 { break-after: avoid; } tr { break-inside: avoid; }
  .card { min-width: 120px; }
}
`;
