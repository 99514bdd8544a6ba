/**
 * Invariants of every weighting method, checked on random inputs (fast-check): siblings sum to 1, weights are
 * non-negative, and relabelling does not matter (permuting observations leaves the weights unchanged; permuting
 * indicators permutes them).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { childrenOf } from "../../../src/core/tree.js";
import { INDEX_CODE } from "../../../src/core/types.js";
import { ahpPriorities } from "../../../src/core/weighting/ahp.js";
import { deriveWeights, type WeightMethod } from "../../../src/core/weighting/derive.js";
import type { ObjectiveInput } from "../../../src/core/weighting/observations.js";
import { GROUP_WEIGHT_RULES, objectiveScores, OBJECTIVE_METHODS } from "../../../src/core/weighting/objective.js";
import { makePanel, makeTree } from "./helpers.js";

/** m observations x k indicators of distinct-enough positive values (no constant column). */
const matrix = fc.integer({ min: 3, max: 7 }).chain((m) =>
  fc.array(
    fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: m, maxLength: m }).filter((column) => new Set(column).size > 1),
    { minLength: 2, maxLength: 5 },
  ),
);
const directions = (k: number) => fc.array(fc.constantFrom("positive" as const, "negative" as const), { minLength: k, maxLength: k });
const inputOf = (columns: number[][], signs: ("positive" | "negative")[]): ObjectiveInput => ({
  codes: columns.map((_, j) => `I${j}`),
  directions: signs,
  columns: columns.map((column) => Float64Array.from(column)),
});
const normalised = (scores: Float64Array) => {
  const sum = scores.reduce((total, value) => total + value, 0);
  return [...scores].map((value) => value / sum);
};

describe.each(OBJECTIVE_METHODS)("objective method %s", (method) => {
  it("gives non-negative scores whose weights sum to 1", () => {
    fc.assert(
      fc.property(matrix.chain((columns) => fc.tuple(fc.constant(columns), directions(columns.length))), ([columns, signs]) => {
        const { scores } = objectiveScores(method, inputOf(columns, signs));
        expect([...scores].every((score) => score >= -1e-12)).toBe(true);
        // Columns that all carry the same information (perfectly correlated after scaling, such as [5, 6, 5] and
        // [4, 5, 4]) score 0 together under CRITIC: no weights follow from the scores, and `deriveWeights` falls back
        // to equal weights with a warning (tested in objective.test.ts); here only scores that give weights are normed.
        fc.pre(scores.some((score) => score > 0));
        expect(normalised(scores).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
      }),
      { numRuns: 60 },
    );
  });

  it("is invariant to the order of the observations and equivariant to the order of the indicators", () => {
    fc.assert(
      fc.property(
        matrix.chain((columns) =>
          fc.tuple(
            fc.constant(columns),
            directions(columns.length),
            fc.shuffledSubarray([...columns[0].keys()], { minLength: columns[0].length }),
            fc.shuffledSubarray([...columns.keys()], { minLength: columns.length }),
          ),
        ),
        ([columns, signs, observationOrder, indicatorOrder]) => {
          fc.pre(objectiveScores(method, inputOf(columns, signs)).scores.some((score) => score > 0)); // as above
          const base = normalised(objectiveScores(method, inputOf(columns, signs)).scores);
          const rows = normalised(objectiveScores(method, inputOf(columns.map((column) => observationOrder.map((k) => column[k])), signs)).scores);
          rows.forEach((weight, j) => expect(weight).toBeCloseTo(base[j], 9));
          const permuted = normalised(
            objectiveScores(method, inputOf(indicatorOrder.map((j) => columns[j]), indicatorOrder.map((j) => signs[j]))).scores,
          );
          permuted.forEach((weight, position) => expect(weight).toBeCloseTo(base[indicatorOrder[position]], 9));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("ahpPriorities", () => {
  it("recovers w from any consistent matrix w[i]/w[j] with CR 0, and permuting the elements permutes w", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: 1, maxLength: 9 }).chain((raw) =>
          fc.tuple(fc.constant(raw), fc.shuffledSubarray([...raw.keys()], { minLength: raw.length })),
        ),
        ([raw, order]) => {
          const total = raw.reduce((sum, value) => sum + value, 0);
          const w = raw.map((value) => value / total);
          const result = ahpPriorities(w.map((wi) => w.map((wj) => wi / wj)));
          result.weights.forEach((weight, i) => expect(weight).toBeCloseTo(w[i], 10));
          expect(result.cr).toBeCloseTo(0, 10);
          const permuted = ahpPriorities(order.map((i) => order.map((j) => w[i] / w[j])));
          permuted.weights.forEach((weight, position) => expect(weight).toBeCloseTo(w[order[position]], 10));
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("deriveWeights", () => {
  const cases = [
    ...(["explicit", "equal"] as WeightMethod[]).map((method) => [method, "sum"] as const),
    ...(["entropy", "critic", "cv", "pca", "combined"] as WeightMethod[]).flatMap((method) => GROUP_WEIGHT_RULES.map((rule) => [method, rule] as const)),
  ];
  it.each(cases)(
    "%s (group rule %s): the weights of every set of siblings sum to 1, and global weights of the indicators sum to 1",
    (method, rule) => {
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 4, maxLength: 4 }).filter((column) => new Set(column).size > 1), {
            minLength: 5,
            maxLength: 5,
          }),
          (columns) => {
            const tree = makeTree([
              ["A", "", "0.3", ""],
              ["A1", "A", "", "+"],
              ["A2", "A", "", "-"],
              ["B", "", "0.7", ""],
              ["B1", "B", "", ""],
              ["B11", "B1", "", "+"],
              ["B12", "B1", "", "+"],
              ["B2", "B", "", "+"],
            ]);
            const codes = ["A1", "A2", "B11", "B12", "B2"];
            const panel = makePanel(tree, [2017, 2018], Object.fromEntries(codes.map((code, j) => [code, { U1: columns[j].slice(0, 2), U2: columns[j].slice(2) }])));
            const result = deriveWeights(tree, panel, { method, groupWeights: rule });
            for (const parent of [INDEX_CODE, "A", "B", "B1"]) {
              const sum = childrenOf(tree, parent).reduce((total, code) => total + result.weights.get(code)!, 0);
              expect(sum).toBeCloseTo(1, 12);
            }
            expect(codes.reduce((total, code) => total + result.globalWeights.get(code)!, 0)).toBeCloseTo(1, 12);
          },
        ),
        { numRuns: 25 },
      );
    },
  );
});
