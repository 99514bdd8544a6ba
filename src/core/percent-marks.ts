/**
 * Series that mix values written as percentages with plain numbers. A percent sign is a unit mark and is dropped
 * (`1.96%` reads as 1.96, `core/number.ts`), as is a workbook cell formatted as a percentage (stored 0.0196, shown
 * 1.96%). So a share typed as a fraction beside such cells (`0.0245` for 2.45%) reads 100 times smaller than its
 * neighbours, and nothing else would say so: the series is only marked, never changed, since which way was meant
 * (1.96 and 2.45, or 0.0196 and 0.0245) only the person who wrote it knows.
 */
import type { Issue } from "../errors.js";
import type { ValueRecord } from "./panel.js";
import { checkMessages, type PercentExample } from "./check-messages.js";

/**
 * The first of `records` (one kind of value) and how many there are, for the message; its file `source` if none of its
 * own, and its column when the layout puts several values on a line (`file:line:column`).
 */
const exampleOf = (records: readonly ValueRecord[], source: string | undefined): PercentExample => ({
  count: records.length,
  value: records[0].value,
  file: records[0].file ?? source,
  line: records[0].line,
  ...(records[0].column ? { column: records[0].column } : {}),
});

/**
 * One warning (`W_PERCENT_MIXED`) per code (indicator or formula variable) whose values include both cells written as
 * percentages and plain numbers, placed at the first value of the rarer kind (the likelier slip): its line, and its
 * column in a wide layout (a long layout's line holds one value, in the column "value"). Missing values and zeros (the
 * same either way) are left out of the count.
 * @example percentMixWarnings([{ unit: "", year: 2017, indicator: "A", value: 1.96, percent: true }, { unit: "", year: 2018, indicator: "A", value: 0.0245 }], "data.csv")
 * // => one warning: values of "A" mix 1 percentage (e.g. 1.96% ...) with 1 plain number (e.g. 0.0245 ...)
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
    const odd = plain.length <= marked.length ? plain[0] : marked[0];
    warnings.push({
      code: "W_PERCENT_MIXED",
      message: checkMessages.percentMixed(code, exampleOf(marked, source), exampleOf(plain, source)),
      source: odd.file ?? source,
      line: odd.line,
      column: odd.column ?? "value",
      id: code,
    });
  }
  return warnings;
}
