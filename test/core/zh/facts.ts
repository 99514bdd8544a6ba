/**
 * Test helper for the Chinese catalogues (src/core/zh): the facts an English message names, which its Chinese
 * translation must name too, character for character.
 */
import { expect } from "vitest";
import type { Catalogue } from "../../../src/core/localize.js";

/**
 * The facts of an English message: its quoted values ("…"), its flags (--flag and -x), its codes (E_…, W_…), its file
 * names (a word ending in .csv, .json, .yaml, ...), and its numbers (digits, with their decimal point).
 */
export function factsOf(english: string): string[] {
  const facts = [
    ...english.matchAll(/"[^"\n]*"/g),
    ...english.matchAll(/(?<![\w-])--?[a-zA-Z][\w-]*/g),
    ...english.matchAll(/\b[EW]_[A-Z_]+\b/g),
    ...english.matchAll(/[\w.-]+\.(?:csv|tsv|json|yaml|yml|xlsx|parquet|html|sql|txt|md)\b/g),
    ...english.matchAll(/\d+(?:\.\d+)?/g),
  ].map((match) => match[0]);
  return [...new Set(facts)];
}

/**
 * Checks that `translations` has every message of `english` (and no other), and that each case (`[key, args]`)
 * gives a Chinese text that names every fact of the English one (`factsOf`), has Chinese in it, and is not the English.
 * Every message must have at least one case.
 */
export function checkTranslation<T extends Catalogue>(
  english: T,
  translations: Record<string, (...args: never[]) => string>,
  cases: ReadonlyArray<readonly [keyof T & string, readonly unknown[]]>,
  own: readonly string[] = Object.keys(english).filter((key) => typeof english[key] === "function"),
): void {
  expect(Object.keys(translations).sort()).toEqual([...own].sort());
  const covered = new Set(cases.map(([key]) => key));
  expect(own.filter((key) => !covered.has(key))).toEqual([]);
  for (const [key, args] of cases) {
    const englishText = (english[key] as (...args: unknown[]) => string)(...args);
    const chineseText = (translations[key] as (...args: unknown[]) => string)(...args);
    expect(chineseText, key).not.toBe(englishText);
    expect(chineseText, key).toMatch(/[\u4e00-\u9fff]/);
    const missing = factsOf(englishText).filter((fact) => !chineseText.includes(fact));
    expect(missing, `${key}: ${chineseText}`).toEqual([]);
    expect(misplacedColons(chineseText), `${key}: ${chineseText}`).toEqual([]);
  }
}

/**
 * The places of a Chinese message followed by the other colon than the catalogues' rule (`placed`, src/core/zh/words.ts):
 * a place with a line (`tree.yaml:7:3`, `values.csv:12`) by the Chinese colon, as `formatIssue` never writes it, or a
 * file named alone (`values.csv`, `values.xlsx[数据]`) by the ASCII colon and a space before Chinese words.
 * @example misplacedColons("tree.yaml:7:3：不是有效的 YAML 文件") // => ["tree.yaml:7:3："]
 */
export function misplacedColons(chinese: string): string[] {
  const lined = [...chinese.matchAll(/[^\s"（(：]+:\d+：/g)].map((match) => match[0]);
  const alone = [...chinese.matchAll(/[\w.-]+\.(?:csv|tsv|json|yaml|yml|xlsx|parquet|html|sql|txt|md)(?:\[[^\]]*\])?: (?=[\u4e00-\u9fff])/g)].map((match) => match[0]);
  return [...lined, ...alone];
}
