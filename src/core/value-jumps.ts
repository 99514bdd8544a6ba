/**
 * Values far from the previous value of their series. A new year's values are typed or pasted by hand from Excel, and
 * two slips make a value some powers of ten off without any other check noticing: a share written as a fraction beside
 * the percent points of the other years (0.0244 after 2.33: 100 times smaller), and an amount in another unit of
 * measure (元 for 万元: 10,000 times larger). A fixed-base index divides each value by its base year's, so the slip moves
 * the indicator's score, and the index, as much as a real change would. The values are only marked, never changed:
 * whether the change is real only the person who wrote it knows.
 */
import type { Issue } from "../errors.js";
import { checkMessages, type ValueJump } from "./check-messages.js";
import { placeOfCell, type Panel } from "./panel.js";

/**
 * A value this many times its series' previous value or more, or its 1/this or less, is warned of. A share written as
 * a fraction beside percent points is 100 times off, an amount in another unit of measure 1,000 times (千元 and 元) or
 * 10,000 (万元 and 元): well beyond 50. A real change of an indicator of this field (R&D spending, patents, revenue of a
 * zone) from one year to the next seldom exceeds 10 times: 50 leaves five times that as a margin.
 */
export const VALUE_JUMP_FACTOR = 50;

/**
 * Two whole numbers both at most this in magnitude are not compared: a small count may well go from 1 to 60 in a year
 * (the invention patents of a new park, the firms of a new incubator), 60 times. A share or an amount is seldom a whole
 * number in both years, and a fraction beside whole percent points (3 then 0.03) is still compared, 0.03 not being whole.
 */
export const SMALL_COUNT_LIMIT = 100;

/** Whether `a` and `b` are both whole numbers of at most `SMALL_COUNT_LIMIT` in magnitude (a small count). */
const smallCounts = (a: number, b: number) => Number.isInteger(a) && Number.isInteger(b) && Math.abs(a) <= SMALL_COUNT_LIMIT && Math.abs(b) <= SMALL_COUNT_LIMIT;

/**
 * One warning (`W_VALUE_JUMP`) per indicator with a value that is `VALUE_JUMP_FACTOR` (50) times or more, or 1/50 or
 * less, of the same unit's value of the nearest earlier year with a value (missing years skipped), both not zero and of
 * the same sign, and not both small counts (`SMALL_COUNT_LIMIT`). The warning names the first such value by unit (in the
 * panel's order) then year, and is placed at its cell, with how many there are. Infinite values are not compared (the
 * engine refuses them).
 * @example valueJumpWarnings(panel) // A11 of one unit: 1.96, 2.1, 2.33, 0.0244 (2017-2020)
 * // => one warning: indicator "A11": the 2020 value 0.0244 is about 95.5 times smaller than the 2019 value 2.33 ...
 */
export function valueJumpWarnings(panel: Panel): Issue[] {
  const { units, years, indicators, values } = panel;
  const warnings: Issue[] = [];
  for (let i = 0; i < indicators.length; i++) {
    let first: { jump: ValueJump; cell: number } | undefined;
    let count = 0;
    for (let u = 0; u < units.length; u++) {
      const start = (i * units.length + u) * years.length;
      let previous = -1;
      for (let y = 0; y < years.length; y++) {
        const value = values[start + y];
        if (!Number.isFinite(value)) continue;
        if (previous >= 0) {
          const before = values[start + previous];
          const ratio = value / before;
          // A zero on either side, or a change of sign, has no factor; a ratio of 0 or Infinity is one of those.
          if (ratio > 0 && Number.isFinite(ratio) && (ratio >= VALUE_JUMP_FACTOR || ratio <= 1 / VALUE_JUMP_FACTOR) && !smallCounts(before, value)) {
            count++;
            first ??= {
              jump: { indicator: indicators[i], unit: units[u], fromYear: years[previous], fromValue: before, toYear: years[y], toValue: value, count: 0, threshold: VALUE_JUMP_FACTOR },
              cell: start + y,
            };
          }
        }
        previous = y;
      }
    }
    if (!first) continue;
    warnings.push({ code: "W_VALUE_JUMP", message: checkMessages.valueJump({ ...first.jump, count }), ...placeOfCell(panel, first.cell), id: indicators[i] });
  }
  return warnings;
}
