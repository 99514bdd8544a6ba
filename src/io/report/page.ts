/**
 * The shell every HTML page of the tool shares (report, dashboard, audit): a UTF-8, mobile-friendly document in the
 * report's language, with its title and stylesheet inline, so that one self-contained file opens anywhere.
 */
import type { Language } from "../write/tables.js";

/** Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * How every page `htmlPage` makes in `language` starts, up to its title: the same bytes whatever the page, so that a
 * file cut short by a killed writer can be told for one of the tool's pages (`run-reports.ts`).
 */
export function htmlPageStart(language: Language): string {
  return `<!DOCTYPE html>
<html lang="${language === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>`;
}

/** A whole HTML page: `body` (already HTML) under `title`, styled by `style`. */
export function htmlPage(title: string, language: Language, style: string, body: string): string {
  return `${htmlPageStart(language)}${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
