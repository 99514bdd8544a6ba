import { describe, expect, it } from "vitest";
import { checkMessages } from "../../src/core/check-messages.js";
import { computeIndex } from "../../src/core/compute.js";
import { buildPanel, type Panel, type ValueRecord } from "../../src/core/panel.js";
import { SMALL_COUNT_LIMIT, VALUE_JUMP_FACTOR, valueJumpWarnings } from "../../src/core/value-jumps.js";
import { parseTreeCsv } from "../../src/io/read/tree-csv.js";
// @ts-expect-error plain JavaScript module of the build scripts, without types
import { CODE_EXAMPLES, CODE_MEANINGS } from "../../scripts/reference-tables.js";

const YEARS = [2017, 2018, 2019, 2020];

/**
 * A panel of `series` (indicator -> unit -> its values for 2017-2020, NaN missing), read from "values.csv" in the long
 * layout: the cell of indicator i, unit u, year y on line 2 + ((i * units + u) * 4 + y), its value in column 4.
 */
function panelOf(series: Record<string, Record<string, number[]>>): Panel {
  const indicators = Object.keys(series);
  const units = Object.keys(series[indicators[0]]);
  const values = new Float64Array(indicators.length * units.length * YEARS.length);
  indicators.forEach((indicator, i) => units.forEach((unit, u) => values.set(series[indicator][unit], (i * units.length + u) * YEARS.length)));
  const lines = Int32Array.from(values, (_, cell) => 2 + cell);
  return { units, years: YEARS, indicators, values, source: "values.csv", lines, valueColumn: 4 };
}

const jumpOf = (panel: Panel) => valueJumpWarnings(panel).map(({ code, source, line, column, id }) => ({ code, source, line, column, id }));

describe("valueJumpWarnings", () => {
  it("warns of a share written as a fraction after three years of percent points (2.33 then 0.0244), at the 2020 cell", () => {
    const panel = panelOf({ A11: { 常州高新区: [1.96, 2.1, 2.33, 0.0244] } });
    // Year on year: 2.1 / 1.96 = 1.07, 2.33 / 2.1 = 1.11, then 2.33 / 0.0244 = 95.49… >= 50; the 2020 cell is line 2 + 3.
    expect(jumpOf(panel)).toEqual([{ code: "W_VALUE_JUMP", source: "values.csv", line: 5, column: 4, id: "A11" }]);
    const [warning] = valueJumpWarnings(panel);
    expect(warning.message).toBe(
      checkMessages.valueJump({ indicator: "A11", unit: "常州高新区", fromYear: 2019, fromValue: 2.33, toYear: 2020, toValue: 0.0244, count: 1, threshold: 50 }),
    );
    // The factor 95.49… is shown to one decimal (below 100), with "about" as it is rounded.
    expect(warning.message).toBe(
      'indicator "A11", unit "常州高新区": the 2020 value 0.0244 is about 95.5 times smaller than the 2019 value 2.33 (50 times or more apart, which a real change ' +
        "from one year to the next seldom is): probably a share written as a fraction beside percent points or the other way round (×100), a unit of measure changed " +
        "(×1,000 or ×10,000, e.g. 元 for 万元), or a real change; expected the value checked: if it is right, nothing to do (--strict does not refuse it)",
    );
  });

  it("warns of an amount in 元 among 万元 once per indicator, naming the first by unit then year, with the count", () => {
    // U1: 1500 万元 (2018), 15000000 元 (2019: 15000000 / 1500 = 10,000 exactly), 1620 万元 (2020: 15000000 / 1620 =
    // 9,259.3, a second). U2's slip is earlier (2018) but U2 comes after U1: U1's 2019 is named, of 3 in all.
    const panel = panelOf({ B1: { U1: [1400, 1500, 15_000_000, 1620], U2: [800, 8_000_000, 8_100_000, 8_200_000] } });
    expect(jumpOf(panel)).toEqual([{ code: "W_VALUE_JUMP", source: "values.csv", line: 4, column: 4, id: "B1" }]);
    const { message } = valueJumpWarnings(panel)[0];
    expect(message).toBe(checkMessages.valueJump({ indicator: "B1", unit: "U1", fromYear: 2018, fromValue: 1500, toYear: 2019, toValue: 15_000_000, count: 3, threshold: 50 }));
    expect(message).toMatch(/^indicator "B1", unit "U1": the 2019 value 15000000 is 10,000 times larger than the 2018 value 1500 \(50 times or more apart, .*\); 3 values of "B1" are so far from their previous year's, this the first by unit and year: /);
  });

  it("leaves small counts alone (1 to 60 patents), but not a count past 100 (2 to 150) nor a fraction (0.5 to 60)", () => {
    expect(SMALL_COUNT_LIMIT).toBe(100);
    // 60 / 1 = 60 >= 50, but both are whole numbers <= 100.
    expect(valueJumpWarnings(panelOf({ C1: { U: [1, 60, 62, 70] } }))).toEqual([]);
    // 150 / 2 = 75: 150 > 100. 60 / 0.5 = 120: 0.5 is not whole.
    expect(valueJumpWarnings(panelOf({ C1: { U: [2, 150, 160, 170] } }))[0].message).toMatch(/^indicator "C1", unit "U": the 2018 value 150 is 75 times larger than the 2017 value 2 /);
    expect(valueJumpWarnings(panelOf({ C1: { U: [0.5, 60, 62, 70] } }))[0].message).toMatch(/the 2018 value 60 is 120 times larger than the 2017 value 0\.5 /);
  });

  it("compares with the nearest earlier year with a value, and warns from a factor of exactly 50", () => {
    // 2018 missing: 0.0244 (2019) against 2.33 (2017).
    expect(valueJumpWarnings(panelOf({ A: { U: [2.33, Number.NaN, 0.0244, 0.025] } }))[0].message).toMatch(/the 2019 value 0\.0244 is about 95\.5 times smaller than the 2017 value 2\.33 /);
    expect(VALUE_JUMP_FACTOR).toBe(50);
    // 1 / 0.02 = 50 (a warning); 0.998 / 0.02 = 49.9 (none).
    expect(valueJumpWarnings(panelOf({ A: { U: [0.02, 1, 1.1, 1.2] } }))[0].message).toMatch(/the 2018 value 1 is 50 times larger than the 2017 value 0\.02 /);
    expect(valueJumpWarnings(panelOf({ A: { U: [0.02, 0.998, 1.1, 1.2] } }))).toEqual([]);
  });

  it("compares no zero and no change of sign (no factor), and no value with the previous unit's", () => {
    expect(valueJumpWarnings(panelOf({ A: { U: [0, 500, 0, 5] } }))).toEqual([]);
    expect(valueJumpWarnings(panelOf({ A: { U: [-2, 300, -4, 600] } }))).toEqual([]);
    // Two units 1,000 times apart (a small park and a large one) are two series.
    expect(valueJumpWarnings(panelOf({ A: { U1: [1.5, 1.6, 1.7, 1.8], U2: [1500, 1600, 1700, 1800] } }))).toEqual([]);
    // Negative values of the same sign are compared: -0.03 / -2.5 = 1/83.3, smaller in size (-0.03 is not smaller than -2.5).
    expect(valueJumpWarnings(panelOf({ A: { U: [-2.1, -2.5, -0.03, -2.2] } }))[0].message).toMatch(/the 2019 value -0\.03 is about 83\.3 times smaller in size than the 2018 value -2\.5 /);
  });
});

describe("computeIndex and W_VALUE_JUMP", () => {
  const tree = () => parseTreeCsv("code,parent,name,weight,direction\nA,,投入,1,\nA11,A,研发占比,0.5,+\nA12,A,专利,0.5,+\n", "tree.csv");
  const records = (last: number): ValueRecord[] =>
    YEARS.flatMap((year, y) => [
      { unit: "U", year, indicator: "A11", value: [1.96, 2.1, 2.33, last][y], line: 2 + y },
      { unit: "U", year, indicator: "A12", value: [100, 110, 120, 130][y], line: 6 + y },
    ]);

  it("gives the warning among the result's warnings (what compute, validate and the library print), none when the value is right", () => {
    const built = buildPanel(tree(), records(0.0244), "values.csv");
    if (!built.ok) throw new Error("panel");
    const result = computeIndex(tree(), built.value);
    expect(result.warnings.map(({ code, line, id }) => ({ code, line, id }))).toEqual([{ code: "W_VALUE_JUMP", line: 5, id: "A11" }]);
    const right = buildPanel(tree(), records(2.44), "values.csv");
    if (!right.ok) throw new Error("panel");
    expect(computeIndex(tree(), right.value).warnings).toEqual([]);
  });

  it("stays a warning under strict (a value checked and right cannot be written otherwise), unlike other warnings of the values", () => {
    const built = buildPanel(tree(), records(0.0244), "values.csv");
    if (!built.ok) throw new Error("panel");
    expect(computeIndex(tree(), built.value, { strict: true }).warnings.map(({ code, id }) => ({ code, id }))).toEqual([{ code: "W_VALUE_JUMP", id: "A11" }]);
  });
});

describe("the reference tables", () => {
  it("give W_VALUE_JUMP and W_PERCENT_MIXED a meaning and an example message the message functions make", () => {
    expect(CODE_MEANINGS.W_VALUE_JUMP).toMatch(/^an indicator's value 50 times or more, or 1\/50 or less, of the same unit's value/);
    expect(CODE_EXAMPLES.W_VALUE_JUMP).toBe(
      `values.csv:5:4: ${checkMessages.valueJump({ indicator: "A11", unit: "常州高新区", fromYear: 2019, fromValue: 2.33, toYear: 2020, toValue: 0.0244, count: 1, threshold: 50 })}`,
    );
    expect(CODE_MEANINGS.W_PERCENT_MIXED).toMatch(/of another magnitude/);
    expect(CODE_EXAMPLES.W_PERCENT_MIXED).toBe(
      `values.csv:5:4: ${checkMessages.percentMixed("A11", { count: 3, value: 1.96, median: 2.1, file: "values.csv", line: 2, column: 4 }, { count: 1, value: 0.0244, median: 0.0244, file: "values.csv", line: 5, column: 4 })}`,
    );
  });
});
