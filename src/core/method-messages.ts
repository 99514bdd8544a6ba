/**
 * Message texts of the method parameters and methods added with them (output ranges, z-scales, the scores relative to
 * the best unit or the average, performance groups, the generalised mean, Copeland, benefit of the doubt, group
 * directions, screening, presets). Kept apart from `messages.ts` so each family's texts live together.
 */
import { unitYear } from "./data-messages.js";
import { catalogue } from "./localize.js";

const quote = (text: string) => JSON.stringify(text);

export const methodMessages = catalogue("methodMessages", {
  badPairSetting: (code: string, column: string, found: string, what: string) =>
    `indicator ${quote(code)} has ${column} ${quote(found)}; expected ${what}`,
  badPairOption: (option: string, found: string, what: string) => `${option} ${quote(found)} is not understood; expected ${what}`,
  rangeExpected: () => `two numbers LOW,HIGH with LOW < HIGH (e.g. 1,100)`,
  zScaleExpected: () => `two numbers MEAN,SD with SD > 0 (e.g. 0,1)`,
  valueNotPositive: (indicator: string, unit: string, year: number, value: number, method: string, zeroAllowed = false) =>
    `indicator ${quote(indicator)}, unit ${quote(unit)}, year ${year}: the value is ${value}, so ${method} is undefined; expected ${zeroAllowed ? "a value >= 0" : "a positive value"}`,
  maximumZero: (indicator: string, year: number) =>
    `indicator ${quote(indicator)} is 0 for every unit in ${year}, so fraction-of-max (x / max) is undefined; expected a positive value for at least one unit, or another normalisation`,
  averageNotPositive: (indicator: string, year: number, mean: number) =>
    `indicator ${quote(indicator)}, year ${year}: the average of the units is ${
      Number.isNaN(mean) ? "missing (no value that year)" : mean
    }, so distance-to-average is undefined; expected a positive average`,
  constantYear: (indicator: string, method: string, year: number, value: number) =>
    `indicator ${quote(indicator)} has the same value ${value} for every unit in ${year}, so ${method} is undefined (max = min); expected at least two different values, or another normalisation`,
  oneUnitObserved: (indicator: string, method: string, year: number) =>
    `indicator ${quote(indicator)} has a value for one unit only in ${year}, so its ${method} 100·(r − 1)/(n − 1) is undefined (n = 1); expected values of at least two units in every year, or another normalisation`,
  scoreNegative: (method: string, group: string, child: string, unit: string, year: number, value: number) =>
    `group ${quote(group)}, unit ${quote(unit)}, year ${year}: child ${quote(child)} scores ${value}, and the ${method} aggregation needs scores >= 0; expected non-negative scores (z-scores can be negative: use min-max or --z-scale with a large mean)`,
  frontierEmpty: (group: string, year: number, childCodes: readonly string[]) =>
    `group ${quote(group)}, year ${year}: every unit scores 0 on ${childCodes.length === 1 ? `its child ${quote(childCodes[0])}` : `every child (${childCodes.map(quote).join(", ")})`}, so the benefit-of-the-doubt aggregation has no frontier to measure against (0/0); expected a positive score for at least one unit (a child with direction "-" on a 0-100 scale scores 0 where every unit was best before the flip)`,
  /** Grey relational analysis undefined for `group`: every child sits at its ideal in every cell (Δmax = 0). */
  greyUndefined: (group: string, childCodes: readonly string[]) =>
    `group ${quote(group)}: every observed child (${childCodes.map(quote).join(", ")}) scores its best value in every unit and year, so grey relational analysis has no distance to tell them apart (Δmax = 0, 0/0); expected a child that varies over the panel`,
  /** TOPSIS undefined in `count` cells of `group` (the first: `unit`, `year`): no observed child varies there. */
  topsisUndefined: (group: string, childCodes: readonly string[], count: number, unit: string, year: number, byYear = false) =>
    `group ${quote(group)}: ${count === 1 ? `${unitYear(unit, year)} sits` : `${count} unit-years (the first: ${unitYear(unit, year)}) sit`} at both the best and the worst value of every observed child (${childCodes.map(quote).join(", ")}) ${byYear ? "among its year's units" : "over the panel"}, so TOPSIS's distances to the best and the worst are both 0 (0/0); expected a child that varies ${byYear ? "among each year's units (a single unit has nothing to be compared with in a year: use topsis, over the years)" : "over the panel's units and years"}`,
  powerMissing: () => `the power mean has no exponent; expected --power P or --aggregate power:P (e.g. power:0.5)`,
  powerUnused: () => `--power has no effect: no group is aggregated with the power mean; expected --aggregate power (or power in a group's aggregate column)`,
  groupDirectionScale: (group: string, kind: "rank" | "mixed") =>
    `group ${quote(group)} has direction "-", but ${
      kind === "rank" ? "its indicators are ranks or Borda scores, whose scale depends on the units observed each year" : "the indicators beneath it are on different scales"
    }, so there is no defined way to flip it; expected indicators on one ratio, min-max, goalpost or z-score scale beneath it, or direction "+"`,
  groupDirectionNotPositive: (group: string, unit: string, year: number, value: number) =>
    `group ${quote(group)}, unit ${quote(unit)}, year ${year}: the value is ${value}, and a group with direction "-" on a ratio scale flips to 100²/x; expected a positive value`,
  screenEmpty: (threshold: number, unitCount: number) =>
    `--screen ${threshold} leaves no data: every one of the ${unitCount} units falls below ${threshold * 100} % coverage overall or in some first-level group; expected a lower threshold`,
} as const);
