/**
 * The drop CSV files on the hand example of test/core/audit/drop.test.ts (shifts worked by hand there).
 */
import { describe, expect, it } from "vitest";
import { computeDropSensitivity, type Drop, type DropSensitivity } from "../../../src/core/audit/drop.js";
import { dropRanksTable } from "../../../src/io/write/audit-csv.js";
import { formatDropRanksCsv, formatDropSummaryCsv } from "../../../src/io/write/drop-csv.js";
import { handExample } from "../../core/audit/robust-fixture.js";

describe("drop CSV", () => {
  it("formatDropSummaryCsv(sensitivity) writes one row per element and year, every tied unit, and an empty unit when no rank moved", () => {
    // Shifts by hand (drop.test.ts): without G1 0 2 2 0 (Q and R tie), B 3 3 2 1 (P and Q), D 1 0 1 0 (P and R). Tied
    // units are joined by ";", in quotes (csvField: a semicolon is Excel's separator in some locales).
    expect(formatDropSummaryCsv(computeDropSensitivity(handExample()), 2)).toBe(
      [
        "element,level,year,mean_abs_shift,max_shift,max_shift_unit",
        "G1,1,2020,1.00,2,\"Q;R\"",
        "A,2,2020,0.00,0,",
        "B,2,2020,2.25,3,\"P;Q\"",
        "G2,1,2020,1.50,3,P",
        "C,2,2020,1.50,3,Q",
        "D,2,2020,0.50,1,\"P;R\"",
        "",
      ].join("\n"),
    );
  });

  it("formatDropRanksCsv(sensitivity) writes one row per unit and kept year, one column per element", () => {
    // Ranks by hand (drop.test.ts): baseline 4 1 3 2; without G1 4 3 1 2, A 4 1 3 2, B 1 4 1 3, G2 1 2 4 3, C 3 4 1 2, D 3 1 4 2.
    expect(formatDropRanksCsv(computeDropSensitivity(handExample()))).toBe(
      ["unit,year,rank,G1,A,B,G2,C,D", "P,2020,4,4,4,1,1,3,3", "Q,2020,1,3,1,4,2,4,1", "R,2020,3,1,3,1,4,1,4", "S,2020,2,2,2,3,3,2,2", ""].join("\n"),
    );
  });

  it("formatDropRanksCsv and dropRanksTable take each kept year's baseline from its own year, reading the years once, not once per unit", () => {
    // Written by hand: units P, Q, R over 2019-2021, ranks kept for 2019 and 2021. Baseline ranks [unit · 3 + year]:
    // P 1 2 3, Q 2 1 1, R 3 3 2, so 2021's are the third of each unit's (P 3, Q 1, R 2), not the second (2020's).
    // Ranks without A and B [unit · 2 + kept year]: A 2 3 | 1 2 | 3 1; B 1 NaN | 3 1 | 2 2 (P unranked in 2021).
    let reads = 0;
    const years = new Proxy([2019, 2020, 2021], {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const drop = (element: string, rank: number[]): Drop => ({
      element, kind: "indicator", level: 1, removed: element, meanAbsoluteShift: new Float64Array(3), largestShift: new Float64Array(3),
      largestShiftUnit: new Int32Array(3), largestShiftUnits: [[], [], []], index: new Float64Array(6), rank: Float64Array.from(rank),
    });
    const sensitivity: DropSensitivity = {
      units: ["P", "Q", "R"], years, rankYears: [2019, 2021], baselineIndex: new Float64Array(9),
      baselineRank: Float64Array.from([1, 2, 3, 2, 1, 1, 3, 3, 2]),
      drops: [drop("A", [2, 3, 1, 2, 3, 1]), drop("B", [1, Number.NaN, 3, 1, 2, 2])], warnings: [],
    };
    expect(formatDropRanksCsv(sensitivity)).toBe(
      ["unit,year,rank,A,B", "P,2019,1,2,1", "P,2021,3,3,", "Q,2019,2,1,3", "Q,2021,1,2,1", "R,2019,3,3,2", "R,2021,2,1,2", ""].join("\n"),
    );
    // Each of the 3 years read once (a search of the years per unit and kept year read 1 + 3 = 4 per unit, 12 here,
    // growing as units × years).
    expect(reads).toBe(3);
    reads = 0;
    expect(dropRanksTable(sensitivity).rows).toEqual([
      ["P", 2019, 1, 2, 1], ["P", 2021, 3, 3, Number.NaN], ["Q", 2019, 2, 1, 3], ["Q", 2021, 1, 2, 1], ["R", 2019, 3, 3, 2], ["R", 2021, 2, 1, 2],
    ]);
    expect(reads).toBe(3);
  });
});
