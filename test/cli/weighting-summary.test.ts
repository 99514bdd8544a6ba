/**
 * The line `weights` (and compute, audit, uncertainty) prints about the observations objective weights came from
 * (`describeWeighting`): under `--weight-missing drop`, a unit whose every year had a gap gave no observation, and is
 * not named among the units the weights came from.
 */
import { describe, expect, it } from "vitest";
import { contributingUnitsAndYears, describeWeighting } from "../../src/cli/weighting-options.js";
import { deriveWeights } from "../../src/core/weighting/derive.js";
import { loadAsem } from "../core/asem.js";

describe("describeWeighting: the units and years objective weights came from", () => {
  it("leaves out a unit every year of which was dropped, and a year dropped for every unit (by hand)", () => {
    // U1 has 2018 and 2019, U2 only 2019, U3 neither: U3 gave nothing; 2018 still came from U1.
    const summary = {
      method: "critic" as const,
      units: ["U1", "U2", "U3"],
      years: [2018, 2019],
      observations: 3,
      dropped: [
        { unit: "U2", year: 2018 },
        { unit: "U3", year: 2018 },
        { unit: "U3", year: 2019 },
      ],
    };
    expect(contributingUnitsAndYears(summary)).toEqual({ units: ["U1", "U2"], years: [2018, 2019] });
    // 2018 dropped for all three units: only 2019 is a source
    const allOf2018 = { ...summary, dropped: ["U1", "U2", "U3"].map((unit) => ({ unit, year: 2018 })) };
    expect(contributingUnitsAndYears(allOf2018)).toEqual({ units: ["U1", "U2", "U3"], years: [2019] });
    // nothing dropped: the summary's units and years as they are
    expect(contributingUnitsAndYears({ ...summary, dropped: undefined })).toEqual({ units: ["U1", "U2", "U3"], years: [2018, 2019] });
  });

  it("critic with --weight-missing drop on ASEM's 12 indicators names the 44 units it used, not BGD, BRN, CHN, KOR, LAO, MNG, MMR", () => {
    const { tree, panel } = loadAsem("asem/tree-scaling.csv");
    const result = deriveWeights(tree, panel, { method: "critic", missing: "drop" });
    // 51 units × 5 years = 255 unit-years; 35 have a gap among the 12 indicators, all five years of the 7 units
    // BGD, BRN, CHN, KOR, LAO, MNG and MMR (7 × 5 = 35), so the 220 observations come from the other 44 units.
    const gone = ["BGD", "BRN", "CHN", "KOR", "LAO", "MNG", "MMR"];
    expect(result.summary.units).toHaveLength(51);
    expect(result.summary.dropped).toHaveLength(35);
    expect(new Set(result.summary.dropped!.map(({ unit }) => unit))).toEqual(new Set(gone));
    expect(result.summary.observations).toBe(220);
    const { units, years } = contributingUnitsAndYears(result.summary);
    expect(units).toEqual(result.summary.units!.filter((unit) => !gone.includes(unit)));
    expect(units).toHaveLength(44);
    expect(years).toEqual([2018, 2019, 2020, 2021, 2022]);
    const line = describeWeighting(result);
    expect(line).toContain(`objective weights from 220 observations (35 unit-years with a gap left out): units ${units.join(", ")}; years 2018, 2019, 2020, 2021, 2022;`);
    for (const unit of gone) expect(line).not.toContain(unit);
  });
});
