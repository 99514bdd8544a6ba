/**
 * Units that may be one unit under two names. A name mistyped on some rows (`西太湖园` for `西太湖园区`) makes a unit of
 * its own: under `--missing reweight` nothing else says so, and the new unit is ranked from its few values while the
 * real one silently loses them. Two units are suspect when their names look alike and their values never share a cell
 * (no indicator and year where both have a value); a zone and its sub-zone (`常州高新区`, `常州高新区本部`), both given
 * in the same cells, are not. And a unit named as a total (`合计`, `Total`): a yearbook's total row read as a unit.
 */
import type { Issue } from "../errors.js";
import type { UnitLikeness } from "./data-messages.js";
import { messages } from "./messages.js";
import { toHalfWidth } from "./number.js";
import { placeOfCell, unitColumnOfCell, type Panel } from "./panel.js";

export type { UnitLikeness } from "./data-messages.js";

/** A unit's name as compared: full-width forms as ASCII, lower case, without spaces (so trimmed too). */
export const comparableUnitName = (name: string) => toHalfWidth(name).toLowerCase().replace(/\s+/g, "");

/** A compared name of fewer characters is one edit from any other such name, which says nothing: never suspect. */
const SHORTEST_NAME = 2;
/** Names longer than this are compared as same or prefix only: the one-edit keys of a long text would cost its square. */
const LONGEST_NAME = 64;

/**
 * The pairs of units (`[u, v]`, `u < v`, in that order) whose compared names (`comparableUnitName`) look alike: the
 * same; one a prefix of the other, the shorter of at least 2 characters; or one edit apart (`editDistance` of
 * suggest.ts: 1), both of at least 2. Only pairs with a unit in `among` (1 for a unit in it) when given. Cheap for
 * thousands of units: equal and prefix names are neighbours once sorted, and names one edit apart share a key among
 * each name and the name with one character deleted, so only those are compared.
 * @example lookalikeUnitPairs(["西太湖园区", "武进", "西太湖园"]) // => [[0, 2, "prefix"]]
 */
export function lookalikeUnitPairs(units: readonly string[], among?: Uint8Array): [number, number, UnitLikeness][] {
  const names = units.map(comparableUnitName);
  const pairs: [number, number, UnitLikeness][] = [];
  const taken = (u: number, v: number) => among === undefined || among[u] === 1 || among[v] === 1;
  const compared = names.map((_, u) => u).filter((u) => names[u].length >= SHORTEST_NAME);
  // Sorted, the names a name begins (itself included) follow it directly: each pair met once.
  const sorted = [...compared].sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
  for (let i = 0; i < sorted.length; i++) {
    const [u, start] = [sorted[i], names[sorted[i]]];
    for (let j = i + 1; j < sorted.length && names[sorted[j]].startsWith(start); j++) {
      const same = names[sorted[j]] === start;
      if (taken(u, sorted[j]) && (same || !numberedApart(start, names[sorted[j]])))
        pairs.push([Math.min(u, sorted[j]), Math.max(u, sorted[j]), same ? "same" : "prefix"]);
    }
  }
  // Two names one edit apart share a key: a changed character deleted from both, an added one from the longer, one of
  // two swapped ones from each.
  const keysOf = (name: string) => {
    const keys = [name];
    // Deleting either of two equal neighbours gives the same key: once.
    for (let k = 0; k < name.length; k++) if (k === 0 || name[k] !== name[k - 1]) keys.push(name.slice(0, k) + name.slice(k + 1));
    return keys;
  };
  const edited = compared.filter((u) => names[u].length <= LONGEST_NAME);
  if (among !== undefined && !edited.some((u) => among[u] === 1)) return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const byKey = new Map<string, number[]>();
  for (const u of edited)
    for (const key of keysOf(names[u])) {
      const list = byKey.get(key);
      if (list) list.push(u);
      else byKey.set(key, [u]);
    }
  // Each unit's partners, each pair met once (from its unit in `among` first, `seen[v] === u`), but for those alike by
  // their beginning already.
  const seen = new Int32Array(units.length).fill(-1);
  for (const u of edited) {
    if (among !== undefined && among[u] !== 1) continue;
    for (const key of keysOf(names[u]))
      for (const v of byKey.get(key)!) {
        if (v === u || (v < u && (among === undefined || among[v] === 1)) || seen[v] === u) continue;
        seen[v] = u;
        const [a, b] = [names[u], names[v]];
        if (!a.startsWith(b) && !b.startsWith(a) && oneEditApart(a, b) && !numberedApart(a, b)) pairs.push([Math.min(u, v), Math.max(u, v), "edit"]);
      }
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/**
 * Whether two names differ in digits alone (what is left of each between their common beginning and end is digits or
 * nothing): numbered units (`U00001`, `U00002`; `园区1`, `园区12`; stock codes), which an unbalanced panel of firms
 * present in different years has by the thousand, not a name mistyped.
 * @example numberedApart("u00001", "u00002") // => true
 * @example numberedApart("西太湖园", "西太湖园区") // => false
 */
export function numberedApart(a: string, b: string): boolean {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return /^\d*$/.test(a.slice(start, a.length - end)) && /^\d*$/.test(b.slice(start, b.length - end));
}

/**
 * Whether `editDistance(a, b) <= 1` (suggest.ts: one character added, removed or changed, or two neighbours swapped),
 * in one walk of the texts without the distance's rows: the pairs of a large panel's names that share a key are many.
 * @example oneEditApart("西太湖园", "西太湖园区") // => true
 * @example oneEditApart("ab", "ba") // => true
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let start = 0;
  while (start < b.length && a[start] === b[start]) start++;
  if (start === a.length) return true;
  // The rest after one character of the longer skipped, one of each changed, or two neighbours swapped.
  const rest = (i: number, j: number) => a.slice(i) === b.slice(j);
  if (a.length > b.length) return rest(start + 1, start);
  return rest(start + 1, start + 1) || (a[start] === b[start + 1] && a[start + 1] === b[start] && rest(start + 2, start + 2));
}

/**
 * The words of a total or subtotal row (as compared: `comparableUnitName`), which a table copied from a statistical
 * yearbook often ends with: read as a unit, the total is ranked with the units it sums.
 */
const TOTAL_WORDS: ReadonlySet<string> = new Set([
  ...["合计", "总计", "小计", "总和", "全部", "汇总", "total", "sum", "subtotal", "grandtotal", "all"],
  // The same as a yearbook's column or row of figures names it: the total's number or value.
  ...["合计数", "合计值", "总计数", "总计值"],
  // The whole of the area a table of its districts, counties or towns ends with (全国 is left out: often a benchmark).
  ...["全市", "全区", "全省", "全县", "全镇"],
]);

/**
 * Whether a unit's name is a total or subtotal word (`TOTAL_WORDS`): compared as `comparableUnitName` (any case,
 * full-width forms, spaces: `合 计`, `ＴＯＴＡＬ`, `Grand Total`), without a colon at its end (`合计：`, `Total:`) or
 * brackets around it (`（合计）`).
 * @example isTotalName(" 合计： ") // => true
 * @example isTotalName("合计园区") // => false
 */
export const isTotalName = (unit: string) => TOTAL_WORDS.has(comparableUnitName(unit).replace(/:+$/, "").replace(/^\((.*)\)$/, "$1"));

/**
 * One `W_UNIT_TOTAL` warning per unit named as a total (`isTotalName`), in the panel's order of units: placed at its
 * first row (in the order of the files, then of the lines) and the unit column (`unitColumnOfCell`: its number where
 * known, the row's file's in a values folder whose files put it in different places, else "unit"), or at the values file alone when the panel keeps no lines.
 */
export function unitTotalWarnings(panel: Panel): Issue[] {
  const [unitCount, yearCount] = [panel.units.length, panel.years.length];
  const blockSize = unitCount * yearCount;
  const warnings: Issue[] = [];
  panel.units.forEach((unit, u) => {
    if (!isTotalName(unit)) return;
    let [first, fileOfFirst] = [-1, Infinity];
    const lines = panel.lines;
    if (lines)
      for (let i = 0; i < panel.indicators.length; i++)
        for (let cell = i * blockSize + u * yearCount, end = cell + yearCount; cell < end; cell++) {
          if (!lines[cell]) continue;
          const file = panel.fileOfCell?.[cell] ?? 0;
          if (first < 0 || file < fileOfFirst || (file === fileOfFirst && lines[cell] < lines[first])) [first, fileOfFirst] = [cell, file];
        }
    const { source, line } = first >= 0 ? placeOfCell(panel, first) : { source: panel.source, line: undefined };
    warnings.push({
      code: "W_UNIT_TOTAL",
      message: messages.unitTotal(unit),
      ...(source !== undefined ? { source } : {}),
      ...(line !== undefined ? { line, column: unitColumnOfCell(panel, first) ?? "unit" } : {}),
    });
  });
  return warnings;
}

/**
 * The warnings about the units' names: a unit named as a total (`unitTotalWarnings`), then one `W_UNIT_LOOKALIKE`
 * warning per pair of units whose names look alike (`lookalikeUnitPairs`) and whose values never
 * share a cell (no indicator and year where both have one), each with at least one value: the unit with more values
 * named first, the warning placed at the first value of the other (the likelier slip), in indicator then year order,
 * in the unit column (as `unitTotalWarnings`).
 * Two units that share no cell have together at most the panel's cells of a unit, so one of them has at most half: the
 * names are compared only for pairs with such a unit (none in a full panel, counted until a unit passes half), and the
 * cells only for the few pairs alike by name, up to the first cell they share.
 */
export function unitLookalikeWarnings(panel: Panel): Issue[] {
  const lookalikes = lookalikeUnits(panel).map(({ more, fewer, moreCount, fewerCount, likeness, firstOfFewer: cell }) => {
    const blockSize = panel.units.length * panel.years.length;
    const indicator = panel.indicators[Math.floor(cell / blockSize)];
    const year = panel.years[cell % panel.years.length];
    const { source, line } = placeOfCell(panel, cell);
    const file = source ?? panel.source;
    return {
      code: "W_UNIT_LOOKALIKE",
      message: messages.unitLookalike(panel.units[more], moreCount, panel.units[fewer], fewerCount, likeness, indicator, year),
      ...(file !== undefined ? { source: file } : {}),
      ...(line !== undefined ? { line, column: unitColumnOfCell(panel, cell) ?? "unit" } : {}),
    };
  });
  return [...unitTotalWarnings(panel), ...lookalikes];
}

/** A pair of units `unitLookalikeWarnings` warns of: positions in `units`, their counts of values, the fewer's first cell. */
export interface LookalikeUnits {
  more: number;
  fewer: number;
  moreCount: number;
  fewerCount: number;
  likeness: UnitLikeness;
  firstOfFewer: number;
}

/** The pairs of units `unitLookalikeWarnings` warns of, in its order (see there). */
export function lookalikeUnits(panel: Panel): LookalikeUnits[] {
  const unitCount = panel.units.length;
  const yearCount = panel.years.length;
  if (unitCount < 2) return [];
  const blockSize = unitCount * yearCount;
  const values = panel.values;
  const half = (panel.indicators.length * yearCount) / 2;
  const few = new Uint8Array(unitCount);
  let anyFew = false;
  for (let u = 0; u < unitCount; u++) {
    let count = 0;
    for (let i = 0; i < panel.indicators.length && count <= half; i++)
      for (let cell = i * blockSize + u * yearCount, end = cell + yearCount; cell < end; cell++) if (!Number.isNaN(values[cell])) count++;
    if (count <= half) [few[u], anyFew] = [1, true];
  }
  if (!anyFew) return [];
  const pairs = lookalikeUnitPairs(panel.units, few);
  if (pairs.length === 0) return [];
  const words = Math.ceil(yearCount / 32);
  /** A unit's number of values, its first observed cell (-1 when none) and its years with a value (bits), made once. */
  const profiles = new Map<number, { count: number; first: number; years: Uint32Array }>();
  const profile = (u: number) => {
    let known = profiles.get(u);
    if (known) return known;
    known = { count: 0, first: -1, years: new Uint32Array(words) };
    for (let i = 0; i < panel.indicators.length; i++)
      for (let t = 0; t < yearCount; t++) {
        const cell = i * blockSize + u * yearCount + t;
        if (Number.isNaN(values[cell])) continue;
        known.count++;
        if (known.first < 0) known.first = cell;
        known.years[t >>> 5] |= 1 << (t & 31);
      }
    profiles.set(u, known);
    return known;
  };
  // Units without a year in common share no cell; else their cells are compared up to the first both have.
  const shareACell = (u: number, v: number) => {
    const [ofU, ofV] = [profile(u), profile(v)];
    let yearInCommon = false;
    for (let w = 0; w < words && !yearInCommon; w++) yearInCommon = (ofU.years[w] & ofV.years[w]) !== 0;
    if (!yearInCommon) return false;
    for (let i = 0; i < panel.indicators.length; i++) {
      const [first, second] = [i * blockSize + u * yearCount, i * blockSize + v * yearCount];
      for (let t = 0; t < yearCount; t++) if (!Number.isNaN(values[first + t]) && !Number.isNaN(values[second + t])) return true;
    }
    return false;
  };
  const found: LookalikeUnits[] = [];
  for (const [u, v, likeness] of pairs) {
    if (shareACell(u, v)) continue;
    const [ofU, ofV] = [profile(u), profile(v)];
    if (ofU.count === 0 || ofV.count === 0) continue;
    const [more, fewer, ofMore, ofFewer] = ofV.count > ofU.count ? [v, u, ofV, ofU] : [u, v, ofU, ofV];
    found.push({ more, fewer, moreCount: ofMore.count, fewerCount: ofFewer.count, likeness, firstOfFewer: ofFewer.first });
  }
  return found;
}
