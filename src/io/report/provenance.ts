/**
 * Where the values of a run come from, as the pages and the workbooks say it: how many of the values the run used are
 * marked illustrative in the values' `source` column (the shipped example marks 143 of its 160), and whether the run
 * is the shipped Changzhou example. A result built on illustrative values is not an official index, and every output a
 * person reads says so near its top: report.html (the dashboard and the static page), index.xlsx, audit.html,
 * audit.xlsx and uncertainty.html.
 */
import type { ValueRecord } from "../../core/panel.js";
import { escapeHtml } from "./page.js";
import { terminalMessages } from "../../core/terminal-messages.js";
import { terminalMessagesZh } from "../../core/zh/terminal-messages.js";
import type { Language, Table } from "../write/tables.js";

export interface Provenance {
  /** The raw values the run used: the cells of its panel that hold a value. */
  values: number;
  /** Those whose `source` is illustrative (`isIllustrative`). */
  illustrative: number;
  /** The run is on the shipped Changzhou example (the terminal prints `usingExample` for it). */
  example?: boolean;
}

/**
 * The `source` words that mark a value as illustrative, not published (any case, spaces around ignored); `example` and
 * `示例数据` are what `init` writes for its example values.
 */
const ILLUSTRATIVE = new Set(["illustrative", "示意", "示意数据", "example", "示例", "示例数据"]);

/** Whether a value's `source` marks it illustrative: `illustrative` (any case), `示意`, `示意数据`, `example`, `示例` or `示例数据`. */
export function isIllustrative(source: string | undefined): boolean {
  return source !== undefined && ILLUSTRATIVE.has(source.trim().toLowerCase());
}

/**
 * The provenance of a run's values: the cells of `result.panel` that hold a value, and those of them whose record
 * (`records`, the values as read with their `source` column) is marked illustrative. A record of a unit, year or
 * indicator the run did not use (screened out) is not counted, nor a gap.
 */
export function valueProvenance(
  result: { units: readonly string[]; years: readonly number[]; panel: { indicators: readonly string[]; values: ArrayLike<number> } },
  records: readonly (Pick<ValueRecord, "unit" | "year" | "indicator" | "source"> & { value?: number })[] = [],
  example = false,
): Provenance {
  const { units, years, panel } = result;
  let values = 0;
  for (let cell = 0; cell < panel.values.length; cell++) if (!Number.isNaN(panel.values[cell])) values++;
  const unitPosition = new Map(units.map((unit, u) => [unit, u] as const));
  const yearPosition = new Map(years.map((year, y) => [year, y] as const));
  const indicatorPosition = new Map(panel.indicators.map((code, i) => [code, i] as const));
  const counted = new Set<number>();
  for (const record of records) {
    // A row left empty states no value, whatever its source says: a cell another row gives is that row's.
    if (!isIllustrative(record.source) || Number.isNaN(record.value)) continue;
    const i = indicatorPosition.get(record.indicator);
    const u = unitPosition.get(record.unit);
    const y = yearPosition.get(record.year);
    if (i === undefined || u === undefined || y === undefined) continue;
    const cell = (i * units.length + u) * years.length + y;
    if (!Number.isNaN(panel.values[cell])) counted.add(cell);
  }
  return { values, illustrative: counted.size, ...(example ? { example: true } : {}) };
}

/**
 * The notice of a run on illustrative values in `language`, or `undefined` when no value is illustrative and the run is
 * not the shipped example: "143 of 160 values are illustrative, not published." / "160 个数值中有 143 个是示意数据，并非已发布的
 * 数据。", after the terminal's own words for the shipped example ("使用随附的常州示例（示意数据，并非官方指数）：…").
 */
export function provenanceNotice(provenance: Provenance | undefined, language: Language): string | undefined {
  if (!provenance || (provenance.illustrative === 0 && !provenance.example)) return undefined;
  const { values, illustrative } = provenance;
  const counts =
    illustrative === 0
      ? ""
      : language === "zh"
        ? `${values} 个数值中有 ${illustrative} 个是示意数据，并非已发布的数据。`
        : `${illustrative} of ${values} value${values === 1 ? "" : "s"} ${illustrative === 1 ? "is" : "are"} illustrative, not published.`;
  if (!provenance.example) return counts;
  // The terminal's sentence, as it prints it for the shipped example (without its line end).
  const example = (language === "zh" ? terminalMessagesZh.usingExample() : terminalMessages.usingExample()).trim();
  if (language === "zh") return counts === "" ? `${example}。` : `${example}：${counts}`;
  const sentence = example.charAt(0).toUpperCase() + example.slice(1);
  return counts === "" ? `${sentence}.` : `${sentence}: ${counts}`;
}

/** How every page shows the notice (`provenanceNoticeHtml`): a bold paragraph on a light amber ground. */
export const NOTICE_STYLE =
  ".notice { background: #fff4d6; border: 1px solid #e6b422; color: #6b4e00; padding: 6px 10px; border-radius: 4px; font-weight: bold; font-size: 14px; margin: 6px 0; }";

/**
 * The notice as a page shows it under its title, before any figure: `<p class="notice" role="note">…</p>` (escaped,
 * styled by `NOTICE_STYLE`), or `undefined` when there is no notice.
 */
export function provenanceNoticeHtml(provenance: Provenance | undefined, language: Language): string | undefined {
  const notice = provenanceNotice(provenance, language);
  return notice === undefined ? undefined : `<p class="notice" role="note">${escapeHtml(notice)}</p>`;
}

/**
 * The notice as the first sheet of index.xlsx and audit.xlsx (`notes`, 说明 in Chinese by `workbookSheetOf`): one text
 * cell under its header, where a person opening the workbook reads it first; `undefined` when there is no notice (no sheet).
 */
export function provenanceTable(provenance: Provenance | undefined, language: Language): Table | undefined {
  const notice = provenanceNotice(provenance, language);
  return notice === undefined ? undefined : { name: "notes", columns: [{ name: "note", kind: "text" }], rows: [[notice]] };
}
