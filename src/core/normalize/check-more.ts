/**
 * The cells where the scores relative to the best unit or to the average are undefined, reported before anything is
 * computed: under fraction-of-max a negative value, a 0 of a negative indicator (`min / x`) or a year whose maximum is 0
 * (`x / max`), a year where every unit has the same value under distance-to-max, a
 * year whose average is not positive under distance-to-average, a year with one unit's value under percentile-rank
 * (`100·(r − 1)/(n − 1)` with n = 1).
 */
import type { Issue } from "../../errors.js";
import { methodMessages } from "../method-messages.js";
import { indicatorBlock, placeOfCell, type Panel } from "../panel.js";
import type { Direction } from "../types.js";
import type { IndicatorNormalization } from "./plan.js";

/** Checks the indicators normalised by fraction-of-max, distance-to-max, distance-to-average and percentile-rank. */
export function checkNewNormalizations(panel: Panel, plans: readonly IndicatorNormalization[], directions: readonly Direction[]): Issue[] {
  const issues: Issue[] = [];
  const unitCount = panel.units.length;
  const yearCount = panel.years.length;
  const blockSize = unitCount * yearCount;
  panel.indicators.forEach((indicator, i) => {
    const method = plans[i].method;
    if (method !== "fraction-of-max" && method !== "distance-to-max" && method !== "distance-to-average" && method !== "percentile-rank") return;
    const block = indicatorBlock(panel, i);
    for (let year = 0; year < yearCount; year++) {
      let first = Number.NaN;
      let varies = false;
      let sum = 0;
      let count = 0;
      let max = Number.NEGATIVE_INFINITY;
      // A positive indicator's 0 scores 0 (x / max); a negative indicator's best is its minimum, and min / 0 is undefined.
      const zeroAllowed = directions[i] === "positive";
      for (let unit = 0; unit < unitCount; unit++) {
        const value = block[unit * yearCount + year];
        if (Number.isNaN(value)) continue;
        if (count === 0) first = value;
        else if (value !== first) varies = true;
        sum += value;
        count++;
        if (value > max) max = value;
        // A value's problem is placed at the file and line it was read from (`placeOfCell`), as `checkNormalization` places its own.
        if (method === "fraction-of-max" && !(value > 0 || (zeroAllowed && value === 0)))
          issues.push({
            id: indicator,
            ...placeOfCell(panel, i * blockSize + unit * yearCount + year),
            code: "E_VALUE_NOT_POSITIVE",
            message: methodMessages.valueNotPositive(indicator, panel.units[unit], panel.years[year], value, method, zeroAllowed),
          });
      }
      if (method === "fraction-of-max" && zeroAllowed && count > 0 && max === 0)
        issues.push({ id: indicator, code: "E_VALUE_NOT_POSITIVE", message: methodMessages.maximumZero(indicator, panel.years[year]) });
      if (method === "distance-to-max" && count > 0 && !varies)
        issues.push({ id: indicator, code: "E_CONSTANT_INDICATOR", message: methodMessages.constantYear(indicator, method, panel.years[year], first) });
      if (method === "percentile-rank" && count === 1)
        issues.push({ id: indicator, code: "E_ONE_UNIT_OBSERVED", message: methodMessages.oneUnitObserved(indicator, method, panel.years[year]) });
      if (method === "distance-to-average" && count > 0 && !(sum / count > 0))
        issues.push({ id: indicator, code: "E_AVERAGE_NOT_POSITIVE", message: methodMessages.averageNotPositive(indicator, panel.years[year], sum / count) });
    }
  });
  return issues;
}
