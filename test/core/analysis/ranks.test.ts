import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeRanks } from "../../../src/core/analysis/ranks.js";
import { at, bareResult, smallResult } from "./fixture.js";

describe("computeRanks", () => {
  it("computeRanks(result) ranks like Excel's RANK.EQ (descending): ties share the best rank, the next is skipped", () => {
    // =RANK.EQ(x, {120;130;120;110}) in a spreadsheet gives 2, 1, 2, 4; a missing value has no rank
    const result = bareResult([2017, 2018], { INDEX: [[120, 100], [130, 110], [120, 120], [110, Number.NaN], [Number.NaN, 90]] });
    const { rank, rankChange } = computeRanks(result);
    expect([0, 1, 2, 3, 4].map((u) => at(result, rank, "INDEX", u, 0))).toEqual([2, 1, 2, 4, Number.NaN]);
    // 2018: 120 > 110 > 100 > 90
    expect([0, 1, 2, 3, 4].map((u) => at(result, rank, "INDEX", u, 1))).toEqual([3, 2, 1, Number.NaN, 4]);
    // change = previous rank − rank: U1 2 -> 3 is −1, U3 2 -> 1 is +1
    expect([0, 1, 2, 3, 4].map((u) => at(result, rankChange, "INDEX", u, 1))).toEqual([-1, -1, 1, Number.NaN, Number.NaN]);
    expect(at(result, rankChange, "INDEX", 0, 0)).toBeNaN();
  });

  it("computeRanks(result) ties values that differ only by rounding noise", () => {
    const result = bareResult([2017], { INDEX: [[115.5], [115.49999999999999], [115.4999]] });
    const { rank } = computeRanks(result);
    expect(Array.from(rank)).toEqual([1, 1, 3]);
  });

  it("computeRanks(result) ranks the small fixture's units year by year", () => {
    // INDEX: U1 100, 115.5, 143; U2 100, 111.5, 117 (both 100 in the base year: a tie)
    const result = smallResult();
    const { rank } = computeRanks(result);
    expect([0, 1, 2].map((y) => at(result, rank, "INDEX", 0, y))).toEqual([1, 1, 1]);
    expect([0, 1, 2].map((y) => at(result, rank, "INDEX", 1, y))).toEqual([1, 2, 2]);
    // Y: U1 105, 95 against U2 110, 120
    expect([1, 2].map((y) => at(result, rank, "Y", 0, y))).toEqual([2, 2]);
  });
});

describe("computeRanks against its definition", () => {
  it("rank = 1 + the number of units with a strictly higher value (to 12 digits), on random data with ties and gaps", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 4 }).map((v) => v + 1e-14),
            fc.integer({ min: 0, max: 4 }),
            fc.constant(Number.NaN),
            // values around the 12th significant digit's rounding edge (1.000000000005 rounds up, ...04999 down), and
            // their negatives: neighbours that do or do not tie
            fc.integer({ min: -6, max: 6 }).map((k) => 1.000000000005 + k * 1e-13),
            fc.integer({ min: -6, max: 6 }).map((k) => -(123.4567890125 + k * 1e-11)),
            fc.constantFrom(0, -0, 1e-300, Infinity),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (values) => {
          const result = { units: values.map((_, u) => `U${u}`), years: [2020], nodes: [{ code: "INDEX" }] as never, values: Float64Array.from(values) };
          const { rank } = computeRanks(result);
          // the definition, computed here pair by pair
          values.forEach((value, unit) => {
            if (Number.isNaN(value)) return expect(rank[unit]).toBeNaN();
            const key = (x: number) => Number(x.toPrecision(12));
            expect(rank[unit]).toBe(1 + values.filter((other) => key(other) > key(value)).length);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("ranks every node and year on its own and rankChange = rank[t−1] − rank[t], on random panels of 3 nodes × 4 years", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(Number.NaN), fc.double({ min: -10, max: 10, noNaN: true })), { minLength: 3 * 12 * 4, maxLength: 3 * 12 * 4 }),
        (unitCount, cells) => {
          const yearCount = 4;
          const values = Float64Array.from(cells.slice(0, 3 * unitCount * yearCount));
          const result = { units: Array.from({ length: unitCount }, (_, u) => `U${u}`), years: [2019, 2020, 2021, 2022], nodes: [{}, {}, {}] as never, values };
          const { rank, rankChange } = computeRanks(result);
          const key = (x: number) => Number(x.toPrecision(12));
          const at = (node: number, unit: number, year: number) => (node * unitCount + unit) * yearCount + year;
          for (let node = 0; node < 3; node++)
            for (let year = 0; year < yearCount; year++)
              for (let unit = 0; unit < unitCount; unit++) {
                const value = values[at(node, unit, year)];
                if (Number.isNaN(value)) {
                  expect(rank[at(node, unit, year)]).toBeNaN();
                  continue;
                }
                let higher = 0;
                for (let other = 0; other < unitCount; other++) if (key(values[at(node, other, year)]) > key(value)) higher++;
                expect(rank[at(node, unit, year)]).toBe(1 + higher);
                const expected = year === 0 ? Number.NaN : rank[at(node, unit, year - 1)] - rank[at(node, unit, year)];
                expect(rankChange[at(node, unit, year)]).toBe(expected);
              }
        },
      ),
      { numRuns: 300 },
    );
  });
});
