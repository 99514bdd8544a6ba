import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { fillingPolicies, imputePanel, imputeSeries, parseMissingPolicy, type ImputationMethod, type MissingPolicy } from "../../src/core/missing.js";
import { buildPanel, createPanel, type Panel } from "../../src/core/panel.js";
import { smallTree } from "./small.js";

const NaN_ = Number.NaN;
const YEARS = [2016, 2017, 2018, 2019, 2020];

function impute(values: number[], policy: MissingPolicy, years = YEARS) {
  const out = new Float64Array(values.length);
  const methods: (ImputationMethod | undefined)[] = [];
  imputeSeries(values, years, policy, out, methods);
  return { out: [...out], methods };
}

describe("imputeSeries", () => {
  const gappy = [NaN_, 10, NaN_, 16, NaN_];

  it("carry-forward fills a gap with the last earlier value and leaves a leading gap", () => {
    // by hand: 2018 takes 10 (2017), 2020 takes 16 (2019); 2016 has no earlier value
    const { out, methods } = impute(gappy, "carry-forward");
    expect(out).toEqual([NaN_, 10, 10, 16, 16]);
    expect(methods).toEqual([undefined, undefined, "carry-forward", undefined, "carry-forward"]);
  });

  it("carry-back fills a gap with the first later value and leaves a trailing gap", () => {
    // by hand: 2016 takes 10 (2017), 2018 takes 16 (2019); 2020 has no later value
    const { out, methods } = impute(gappy, "carry-back");
    expect(out).toEqual([10, 10, 16, 16, NaN_]);
    expect(methods).toEqual(["carry-back", undefined, "carry-back", undefined, undefined]);
  });

  it("interpolate is linear between the known years and carries the nearest value at the edges", () => {
    // by hand: 2018 = 10 + (16 − 10)·(2018 − 2017)/(2019 − 2017) = 13; 2016 ← 10 (carry-back), 2020 ← 16 (carry-forward)
    const { out, methods } = impute(gappy, "interpolate");
    expect(out).toEqual([10, 10, 13, 16, 16]);
    expect(methods).toEqual(["carry-back", undefined, "interpolate", undefined, "carry-forward"]);
  });

  it("interpolate weighs uneven gaps by the calendar years, not the positions", () => {
    // years 2010, 2011, 2015: 2011 = 10 + (30 − 10)·(2011 − 2010)/(2015 − 2010) = 14
    expect(impute([10, NaN_, 30], "interpolate", [2010, 2011, 2015]).out).toEqual([10, 14, 30]);
    // two consecutive gaps between 2 and 8 over 3 years: 4 and 6
    expect(impute([2, NaN_, NaN_, 8], "interpolate", [2017, 2018, 2019, 2020]).out).toEqual([2, 4, 6, 8]);
  });

  it("reweight leaves the gap and marks it; error marks nothing", () => {
    expect(impute([1, NaN_, 3], "reweight", [1, 2, 3])).toEqual({ out: [1, NaN_, 3], methods: [undefined, "reweight", undefined] });
    expect(impute([1, NaN_, 3], "error", [1, 2, 3])).toEqual({ out: [1, NaN_, 3], methods: [undefined, undefined, undefined] });
  });

  it("cannot fill a unit with no value at all", () => {
    for (const policy of ["carry-forward", "carry-back", "interpolate"] as const)
      expect(impute([NaN_, NaN_], policy, [1, 2]).methods).toEqual([undefined, undefined]);
  });

  it.each([
    ["Interpolate", "interpolate"],
    [" carry-back ", "carry-back"],
    ["guess", undefined],
  ])("parseMissingPolicy(%j) is %j", (text, expected) => {
    expect(parseMissingPolicy(text)).toBe(expected);
  });
});

/** A panel of two indicators, two units, three years from indicator -> unit -> values. */
function panelOf(values: Record<string, Record<string, number[]>>): Panel {
  const indicators = Object.keys(values);
  const units = Object.keys(values[indicators[0]]);
  const panel = createPanel(units, [2017, 2018, 2019], indicators);
  panel.values.set(indicators.flatMap((indicator) => units.flatMap((unit) => values[indicator][unit])));
  return panel;
}

describe("imputePanel: a unit-year, a unit or a year without any value", () => {
  it("is never filled from other years, under any policy: one problem each, naming a unit that may be the same renamed", () => {
    // U1 has values in 2017-2019; "U1 " (another spelling) only in 2018, where U1 has none; 2020 has no value at all,
    // U3 none in any year. Under interpolate everything else could be filled from the neighbouring years.
    const panel = createPanel(["U1", "U1 ", "U3"], [2017, 2018, 2019, 2020], ["A", "B"]);
    panel.values.set([1, NaN_, 3, NaN_, NaN_, 4, NaN_, NaN_, NaN_, NaN_, NaN_, NaN_, 5, NaN_, 7, NaN_, NaN_, 6, NaN_, NaN_, NaN_, NaN_, NaN_, NaN_]);
    const imputed = imputePanel(panel, ["interpolate", "interpolate"]);
    expect(imputed.gaps.map((gap) => gap.issue)).toEqual([
      // Sorted by year, then unit: U1 2018 (renamed: "U1 " has 2018 and none of U1's years), "U1 " 2017, U3 (once), ...
      { code: "E_UNIT_YEAR_EMPTY", message: messages.unitYearEmpty("U1 ", 2017, 2, "U1") },
      { code: "E_UNIT_EMPTY", message: messages.unitEmpty("U3", 2) },
      { code: "E_UNIT_YEAR_EMPTY", message: messages.unitYearEmpty("U1", 2018, 2, "U1 ") },
      { code: "E_UNIT_YEAR_EMPTY", message: messages.unitYearEmpty("U1 ", 2019, 2, "U1") },
      { code: "E_YEAR_EMPTY", message: messages.yearEmpty(2020, 2) },
    ]);
    // Nothing of those unit-years was filled; U1's A and B in 2018 stay missing.
    expect(imputed.imputations).toEqual([]);
    // Under reweight they are left out (recorded), no problem: reweighting fills nothing.
    const reweighted = imputePanel(panel, ["reweight", "reweight"]);
    expect(reweighted.gaps).toEqual([]);
    // Every missing cell: 24 cells less the 6 observed (U1: A and B in 2017 and 2019; "U1 ": A and B in 2018).
    expect(reweighted.imputations.length).toBe(24 - 6);
  });
});

describe("imputePanel: where an empty year or unit-year is said", () => {
  it("at its first empty cell a file holds: the year's column, the unit's row; nowhere when no file holds one", () => {
    // values.csv in the wide layout: unit,indicator,2017,2018,2019 (columns 3 to 5), a line per unit and indicator.
    // 2019 is empty in every line (column 5); U2's X1, X2 and Y1 lines (5 to 7) are empty in 2018 too (column 4).
    const tree = smallTree();
    const rows: [string, string, number[]][] = [
      ["U1", "X1", [10, 12, NaN_]],
      ["U1", "X2", [50, 40, NaN_]],
      ["U1", "Y1", [200, 210, NaN_]],
      ["U2", "X1", [4, NaN_, NaN_]],
      ["U2", "X2", [8, NaN_, NaN_]],
      ["U2", "Y1", [30, NaN_, NaN_]],
    ];
    const records = rows.flatMap(([unit, indicator, values], r) => values.map((value, t) => ({ unit, indicator, year: 2017 + t, value, line: r + 2, column: t + 3 })));
    const built = buildPanel(tree, records, "values.csv");
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    const gaps = imputePanel(built.value, ["interpolate", "interpolate", "interpolate"]).gaps.map((gap) => gap.issue);
    expect(gaps).toEqual([
      // U2 2018: X1's line (5), 2018's column (4). 2019: the first unit's first indicator line (2), column 5.
      { code: "E_UNIT_YEAR_EMPTY", message: messages.unitYearEmpty("U2", 2018, 3), source: "values.csv", line: 5, column: 4 },
      { code: "E_YEAR_EMPTY", message: messages.yearEmpty(2019, 3), source: "values.csv", line: 2, column: 5 },
    ]);
  });
});

describe("imputePanel: one indicator", () => {
  it("fills a unit-year gap as a gap in its series, but never a year without a value for any unit", () => {
    // One indicator A, units U1 and U2, 2017-2020. U1's 2018 is missing (U2 has it): an ordinary gap, interpolated to
    // (1 + 3) / 2 = 2. 2020 has no value for either unit (an empty column made for a year to come): carried forward it
    // would be a whole year made up, so it is one problem instead.
    const panel = createPanel(["U1", "U2"], [2017, 2018, 2019, 2020], ["A"]);
    panel.values.set([1, NaN_, 3, NaN_, 5, 6, 7, NaN_]);
    const imputed = imputePanel(panel, ["interpolate"], "error");
    expect(imputed.imputations).toEqual([{ unit: "U1", year: 2018, indicator: "A", method: "interpolate", value: 2 }]);
    expect(imputed.gaps).toEqual([{ cell: -1, issue: { code: "E_YEAR_EMPTY", message: messages.yearEmpty(2020, 1) } }]);
    expect(messages.yearEmpty(2020, 1)).toContain("(its one indicator has none)");
    // Carry-forward alike; one unit alone has a series with a gap, not a year empty for every unit: it is filled.
    expect(imputePanel(panel, ["carry-forward"]).gaps.map((gap) => gap.issue.code)).toEqual(["E_YEAR_EMPTY"]);
    const alone = createPanel(["U1"], [2017, 2018, 2019], ["A"]);
    alone.values.set([1, 2, NaN_]);
    expect(imputePanel(alone, ["carry-forward"]).imputations).toEqual([{ unit: "U1", year: 2019, indicator: "A", method: "carry-forward", value: 2 }]);
  });
});

describe("imputePanel: the unit named otherwise, over more than 32 years", () => {
  it("is a unit with values in the year and in none of this unit's years, the years past the 32nd included", () => {
    // 40 years from 1981; U has values in every year but 2016 (the 36th); V has 2016 and 2014 (the 34th, which U has
    // too): not U under another name; W has 2016 only: the one named.
    const years = Array.from({ length: 40 }, (_, t) => 1981 + t);
    const panel = createPanel(["U", "V", "W"], years, ["A", "B"]);
    panel.values.fill(NaN_);
    for (let i = 0; i < 2; i++)
      for (let t = 0; t < 40; t++) {
        if (t !== 35) panel.values[(i * 3 + 0) * 40 + t] = 1;
        if (t === 35 || t === 33) panel.values[(i * 3 + 1) * 40 + t] = 1;
        if (t === 35) panel.values[(i * 3 + 2) * 40 + t] = 1;
      }
    const issues = imputePanel(panel, ["error", "error"]).gaps.map((gap) => gap.issue);
    expect(issues.find((issue) => issue.message.startsWith('unit "U", year 2016'))).toEqual({
      code: "E_UNIT_YEAR_EMPTY",
      message: messages.unitYearEmpty("U", 2016, 2, "W"),
    });
  });
});

describe("imputePanel", () => {
  const panel = panelOf({ A: { U1: [1, NaN_, 3], U2: [NaN_, 5, 6] }, B: { U1: [7, 8, NaN_], U2: [NaN_, NaN_, NaN_] } });

  it("records every imputed and reweighted cell and leaves the input untouched", () => {
    const before = [...panel.values];
    const imputed = imputePanel(panel, ["interpolate", "reweight"]);
    expect([...panel.values]).toEqual(before);
    // A/U1 2018 = (1 + 3)/2 = 2; B: every gap reweighted. A/U2 2017 is not carried back from 5: U2 has no value at
    // all in 2017 (A and B both missing), and a whole unit-year is never filled from other years: one problem.
    expect([...imputed.panel.values]).toEqual([1, 2, 3, NaN_, 5, 6, 7, 8, NaN_, NaN_, NaN_, NaN_]);
    expect(imputed.imputations).toEqual([
      { unit: "U1", year: 2018, indicator: "A", method: "interpolate", value: 2 },
      { unit: "U1", year: 2019, indicator: "B", method: "reweight", value: NaN_ },
      { unit: "U2", year: 2017, indicator: "B", method: "reweight", value: NaN_ },
      { unit: "U2", year: 2018, indicator: "B", method: "reweight", value: NaN_ },
      { unit: "U2", year: 2019, indicator: "B", method: "reweight", value: NaN_ },
    ]);
    // U1 has values in 2018, as U2 has: not the same unit under another name.
    expect(imputed.gaps).toEqual([{ cell: -1, issue: { code: "E_UNIT_YEAR_EMPTY", message: messages.unitYearEmpty("U2", 2017, 2) } }]);
  });

  it("reweights the gaps a policy cannot reach when unfilled is reweight, but never the gaps of the error policy", () => {
    const imputed = imputePanel(panel, ["error", "carry-forward"], "reweight");
    // A/U1 2018 (cell 1) under error; U2's empty 2017 once (cell -1: no one indicator's), B's part of it reweighted.
    expect(imputed.gaps.map((gap) => gap.cell)).toEqual([1, -1]);
    expect(imputed.imputations.map((row) => `${row.indicator}/${row.unit}/${row.year}:${row.method}`)).toEqual([
      "B/U1/2019:carry-forward",
      "B/U2/2017:reweight",
      "B/U2/2018:reweight",
      "B/U2/2019:reweight",
    ]);
  });

  it("reports every gap at once under error, and every gap a policy cannot reach", () => {
    const imputed = imputePanel(panel, ["error", "carry-forward"]);
    expect(imputed.gaps.map((gap) => [gap.cell, gap.issue.message])).toEqual([
      // cells: indicator-major, then unit, then year: A/U1/2018 is 1, A/U2/2017 is 3, B/U2 starts at 9
      [1, messages.missingValue("A", "U1", 2018)],
      [10, messages.cannotImpute("B", "U2", 2018, "carry-forward")],
      [11, messages.cannotImpute("B", "U2", 2019, "carry-forward")],
      // A/U2 and B/U2 in 2017 (cells 3 and 9): U2 has no value that year, said once.
      [-1, messages.unitYearEmpty("U2", 2017, 2)],
    ]);
    // B/U1 2019 ← 8 was filled
    expect(imputed.imputations).toEqual([{ unit: "U1", year: 2019, indicator: "B", method: "carry-forward", value: 8 }]);
  });
});

describe("fillingPolicies: the policies a gap's hint names", () => {
  // Cells indicator-major, then unit, then year (2017-2019): A/U1 0-2, A/U2 3-5, B/U1 6-8, B/U2 9-11.
  const panel = panelOf({ A: { U1: [1, NaN_, 3], U2: [NaN_, 5, 6] }, B: { U1: [7, 8, NaN_], U2: [NaN_, NaN_, NaN_] } });

  it.each([
    // A/U1 2018: years on both sides, and U2 has 5 that year: every policy
    [1, false, ["interpolate", "carry-forward", "carry-back", "mean", "median", "reweight"]],
    // A/U2 2017: later years only (interpolate carries 5 back), and U1 has 1 that year
    [3, false, ["interpolate", "carry-back", "mean", "median", "reweight"]],
    // the same cell as a base value: reweight leaves a base missing, so it is not named
    [3, true, ["interpolate", "carry-back", "mean", "median"]],
    // B/U1 2019: earlier years only, and U2 has no B that year
    [8, false, ["interpolate", "carry-forward", "reweight"]],
    // B/U2 2018: U2 has no B at all, U1 has 8 that year
    [10, false, ["mean", "median", "reweight"]],
    // B/U2 2019: no B of U2, none of U1 that year: only reweight, and nothing for a base
    [11, false, ["reweight"]],
    [11, true, []],
  ])("cell %i (base %s): %j", (cell, base, expected) => {
    expect(fillingPolicies(panel, cell, base)).toEqual(expected);
  });

  it("names what each policy really fills: every named policy fills the cell, every other leaves it", () => {
    // imputePanel on the same panel under each filling policy: a cell is filled exactly when the policy is named.
    for (const policy of ["interpolate", "carry-forward", "carry-back", "mean", "median"] as const) {
      const imputed = imputePanel(panel, [policy, policy], "error").panel.values;
      for (const cell of [1, 3, 8, 10, 11]) {
        // U2 2017 (cells 3 and 9) is a unit-year without any value: never filled, whatever the hint of A/U2 2017 says.
        if (cell === 3) continue;
        expect([policy, cell, !Number.isNaN(imputed[cell])]).toEqual([policy, cell, fillingPolicies(panel, cell).includes(policy)]);
      }
    }
  });
});
