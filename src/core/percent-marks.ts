/**
 * Series that mix values written as percentages with plain numbers. A percent sign is a unit mark and is dropped
 * (`1.96%` reads as 1.96, `core/number.ts`), as is a workbook cell formatted as a percentage (stored 0.0196, shown
 * 1.96%). So a share typed as a fraction beside such cells (`0.0245` for 2.45%) reads 100 times smaller than its
 * neighbours, and nothing else would say so: the series is only marked, never changed, since which way was meant
 * (1.96 and 2.45, or 0.0196 and 0.0245) only the person who wrote it knows. Plain numbers of the percentages' magnitude
 * (1.96 in the files of 2017 to 2019 beside 2.44% in 2020's) are percent points written without their sign: the two ways
 * agree, and nothing is said.
 */
import type { Issue } from "../errors.js";
import type { ValueRecord } from "./panel.js";
import { checkMessages, type PercentExample } from "./check-messages.js";

/**
 * How far apart the medians of the two kinds' values (without their signs, a percentage as its percent points) may be
 * for the two ways of writing to agree: at most 20 times. A share written as a fraction beside percent points is 100
 * times smaller (0.0196 for 1.96%), far outside; the shares of one indicator across units and years (an R&D share of
 * 0.5% in one park, 8% in another: 16 times) stay within it, and their medians closer still.
 */
export const PERCENT_MAGNITUDE_GAP = 20;

/** The median of the magnitudes of the values of `records` (not empty). */
function medianMagnitude(records: readonly ValueRecord[]): number {
  const sorted = records.map((record) => Math.abs(record.value)).sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The first of `records` (one kind of value), how many there are and their median magnitude, for the message; its file
 * `source` if none of its own, and its column when the layout puts several values on a line (`file:line:column`).
 */
const exampleOf = (records: readonly ValueRecord[], source: string | undefined): PercentExample => ({
  count: records.length,
  value: records[0].value,
  median: medianMagnitude(records),
  file: records[0].file ?? source,
  line: records[0].line,
  ...(records[0].column ? { column: records[0].column } : {}),
});

/**
 * One warning (`W_PERCENT_MIXED`) per code (indicator or formula variable) whose values include both cells written as
 * percentages and plain numbers of another magnitude (the median magnitudes of the two kinds more than
 * `PERCENT_MAGNITUDE_GAP` times apart, either way), placed at the first value of the rarer kind (the likelier slip): its
 * line, and its column in a wide layout (a long layout's line holds one value, in the column "value"). Missing values
 * and zeros (the same either way) are left out of the count; each kind then has a value at least, so the medians can
 * always be compared, one value against one included.
 * @example percentMixWarnings([{ unit: "", year: 2017, indicator: "A", value: 1.96, percent: true }, { unit: "", year: 2018, indicator: "A", value: 0.0245 }], "data.csv")
 * // => one warning: values of "A" mix 1 percentage (e.g. 1.96% ...) with 1 plain number (e.g. 0.0245 ...) of another magnitude
 * @example percentMixWarnings([{ unit: "", year: 2017, indicator: "A", value: 1.96 }, { unit: "", year: 2018, indicator: "A", value: 2.44, percent: true }], "data.csv")
 * // => [] (1.96 and 2.44% are both percent points)
 */
export function percentMixWarnings(records: readonly ValueRecord[], source?: string): Issue[] {
  const kinds = new Map<string, { marked: ValueRecord[]; plain: ValueRecord[] }>();
  for (const record of records) {
    if (typeof record.value !== "number" || Number.isNaN(record.value) || record.value === 0) continue;
    let kind = kinds.get(record.indicator);
    if (!kind) kinds.set(record.indicator, (kind = { marked: [], plain: [] }));
    (record.percent ? kind.marked : kind.plain).push(record);
  }
  const warnings: Issue[] = [];
  for (const [code, { marked, plain }] of kinds) {
    if (marked.length === 0 || plain.length === 0) continue;
    const [markedExample, plainExample] = [exampleOf(marked, source), exampleOf(plain, source)];
    // Plain numbers of the percentages' magnitude are percent points without their sign: the two ways agree.
    const gap = Math.max(markedExample.median / plainExample.median, plainExample.median / markedExample.median);
    if (gap <= PERCENT_MAGNITUDE_GAP) continue;
    const odd = plain.length <= marked.length ? plain[0] : marked[0];
    warnings.push({
      code: "W_PERCENT_MIXED",
      message: checkMessages.percentMixed(code, markedExample, plainExample),
      source: odd.file ?? source,
      line: odd.line,
      column: odd.column ?? "value",
      id: code,
    });
  }
  return warnings;
}
