/**
 * Strengths and weaknesses: the hand example of robust-fixture.ts, the decile rule on twelve units, the single unit.
 */
import { describe, expect, it } from "vitest";
import { computeProfiles, type Profiles } from "../../../src/core/audit/profiles.js";
import { robustnessMessages } from "../../../src/core/audit/robustness-messages.js";
import type { IndexResult } from "../../../src/core/compute.js";
import { formatProfilesCsv } from "../../../src/io/write/profiles-csv.js";
import { handExample, resultOf, treeOf } from "./robust-fixture.js";

/** `unit year type code` per entry, for reading. */
const listOf = (result: IndexResult, profiles: Profiles) =>
  profiles.entries.map((entry) => `${result.units[entry.unit]} ${entry.type} ${result.nodes[entry.node].code}`);

describe("computeProfiles", () => {
  // Ranks in the hand example (scores = raw values, 4 units; tree order G1, A, B, G2, C, D):
  //   A: P1 Q4 R2 S3   B: P3 Q1 R4 S2   C: P4 Q1 R3 S2   D: P3 Q4 R1 S2   G1: P1 Q2 R4 S3   G2: P4 Q3 R1 S2
  // percentile (4 − rank)/3: rank 1 -> 1, 2 -> 2/3, 3 -> 1/3, 4 -> 0.
  it("computeProfiles(result, rank 1 / last rank) lists each unit's first and last ranks, in tree order on ties", () => {
    const result = handExample();
    const profiles = computeProfiles(result, { topRanks: 1, bottomRanks: 1 });
    expect(listOf(result, profiles)).toEqual([
      "P strength G1",
      "P strength A",
      "P weakness G2",
      "P weakness C",
      "Q strength B",
      "Q strength C",
      "Q weakness A",
      "Q weakness D",
      "R strength G2",
      "R strength D",
      "R weakness G1",
      "R weakness B",
    ]);
    expect(profiles.notes).toEqual([]);
  });

  it("computeProfiles(result) with the default thresholds splits the overlap of top 3 and last 3 at the median", () => {
    // S ranks A 3, B 2, C 2, D 2, G1 3, G2 2: each rank is both in the top 3 and the last 3 of 4 units, so the
    // percentile decides: 2/3 (rank 2) is a strength, 1/3 (rank 3) a weakness.
    const result = handExample();
    const s = computeProfiles(result).entries.filter((entry) => result.units[entry.unit] === "S");
    expect(s.map((entry) => `${entry.type} ${result.nodes[entry.node].code} ${entry.rank}`)).toEqual([
      "strength B 2",
      "strength G2 2",
      "strength C 2",
      "strength D 2",
      "weakness G1 3",
      "weakness A 3",
    ]);
    expect(s[0].percentile).toBeCloseTo(2 / 3, 12);
    expect(s[0].rankedUnits).toBe(4);
  });

  it("computeProfiles(result) on twelve units: top decile or rank <= 3, bottom decile or last 3; raw value, score, rank", () => {
    // One indicator X with raw values 10, 20, ..., 120 for units U01..U12 (U12 best). min-max: score = 100·(x − 10)/110.
    // percentile (12 − rank)/11: rank 2 -> 10/11 = 0.909 (top decile), rank 3 -> 0.818 (only by rank <= 3),
    // rank 10 -> 2/11 (only by the last 3), rank 11 -> 1/11 = 0.0909 (bottom decile).
    const tree = treeOf([["X", "", "", "+"]]);
    const records = Array.from({ length: 12 }, (_, u) => ({ unit: `U${String(u + 1).padStart(2, "0")}`, year: 2020, indicator: "X", value: 10 * (u + 1) }));
    const result = resultOf(tree, records, { normalize: "min-max" });
    const pick = (profiles: Profiles) => profiles.entries.map((entry) => `${result.units[entry.unit]} ${entry.type} ${entry.rank}`);
    expect(pick(computeProfiles(result))).toEqual(["U01 weakness 12", "U02 weakness 11", "U03 weakness 10", "U10 strength 3", "U11 strength 2", "U12 strength 1"]);
    expect(pick(computeProfiles(result, { topRanks: 0, bottomRanks: 0 }))).toEqual(["U01 weakness 12", "U02 weakness 11", "U11 strength 2", "U12 strength 1"]);
    const u11 = computeProfiles(result).entries.find((entry) => result.units[entry.unit] === "U11")!;
    expect(u11.value).toBe(110);
    expect(u11.score).toBeCloseTo((100 * 100) / 110, 12);
    expect(u11.percentile).toBeCloseTo(10 / 11, 12);
  });

  it("computeProfiles(result) with one unit lists nothing and says why in a note", () => {
    const tree = treeOf([["X", "", "", "+"], ["Y", "", "", "+"]]);
    const records = ["X", "Y"].flatMap((indicator) => [2020, 2021].map((year) => ({ unit: "常州", year, indicator, value: year - 2000 })));
    const profiles = computeProfiles(resultOf(tree, records, {}));
    expect(profiles).toEqual({ entries: [], notes: [robustnessMessages.profilesSingleUnit("常州")] });
  });

  it("computeProfiles(result) gives neither on a node where every unit ties", () => {
    const tree = treeOf([["X", "", "", "+"], ["Y", "", "", "+"]]);
    // fixed-base: every unit's X and Y are 100 in 2020 (all tie); in 2021 X is 110 for U1 and 120 for U2.
    const records = ["U1", "U2"].flatMap((unit, u) =>
      ["X", "Y"].flatMap((indicator) => [2020, 2021].map((year, y) => ({ unit, year, indicator, value: indicator === "X" ? 10 + y * (1 + u) : 5 }))),
    );
    const result = resultOf(tree, records, {});
    expect(listOf(result, computeProfiles(result))).toEqual(["U1 weakness X", "U2 strength X"]);
    expect(computeProfiles(result).entries.every((entry) => result.years[entry.year] === 2021)).toBe(true);
  });
});

describe("formatProfilesCsv", () => {
  it("formatProfilesCsv(result, profiles) writes the raw value, score, rank and percentile; a group's value is empty", () => {
    const result = handExample();
    const profiles = computeProfiles(result, { topRanks: 1, bottomRanks: 1 });
    const lines = formatProfilesCsv(result, profiles, 2).split("\n");
    expect(lines[0]).toBe("unit,year,type,code,name,level,kind,value,score,rank,percentile,units");
    expect(lines[1]).toBe("P,2020,strength,G1,G1,1,group,,60.00,1,1.00,4");
    expect(lines[2]).toBe("P,2020,strength,A,A,2,indicator,100.00,100.00,1,1.00,4");
    expect(lines[4]).toBe("P,2020,weakness,C,C,2,indicator,0.00,0.00,4,0.00,4");
    expect(lines.length).toBe(14);
  });

  it("formatProfilesCsv(result, profiles) with one unit writes the header only", () => {
    const tree = treeOf([["X", "", "", "+"]]);
    const result = resultOf(tree, [{ unit: "U", year: 2020, indicator: "X", value: 1 }], {});
    expect(formatProfilesCsv(result, computeProfiles(result))).toBe("unit,year,type,code,name,level,kind,value,score,rank,percentile,units\n");
  });
});
