/**
 * The drop CSV files on the hand example of test/core/audit/drop.test.ts (shifts worked by hand there).
 */
import { describe, expect, it } from "vitest";
import { computeDropSensitivity } from "../../../src/core/audit/drop.js";
import { formatDropRanksCsv, formatDropSummaryCsv } from "../../../src/io/write/drop-csv.js";
import { handExample } from "../../core/audit/robust-fixture.js";

describe("drop CSV", () => {
  it("formatDropSummaryCsv(sensitivity) writes one row per element and year, every tied unit, and an empty unit when no rank moved", () => {
    // Shifts by hand (drop.test.ts): without G1 0 2 2 0 (Q and R tie), B 3 3 2 1 (P and Q), D 1 0 1 0 (P and R).
    expect(formatDropSummaryCsv(computeDropSensitivity(handExample()), 2)).toBe(
      [
        "element,level,year,mean_abs_shift,max_shift,max_shift_unit",
        "G1,1,2020,1.00,2,Q;R",
        "A,2,2020,0.00,0,",
        "B,2,2020,2.25,3,P;Q",
        "G2,1,2020,1.50,3,P",
        "C,2,2020,1.50,3,Q",
        "D,2,2020,0.50,1,P;R",
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
});
