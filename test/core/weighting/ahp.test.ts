import { describe, expect, it } from "vitest";
import { buildTree, type TreeRow } from "../../../src/core/tree.js";
import type { Tree } from "../../../src/core/types.js";
import { ahpPriorities, ahpWeights, RANDOM_INDEX, type Judgement } from "../../../src/core/weighting/ahp.js";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { loadMathjsEigen } from "../../../src/io/math/mathjs-eigen.js";

function tree(specs: [string, string, string, string][]): Tree {
  const rows: TreeRow[] = specs.map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction }));
  const built = buildTree(rows, "t.csv");
  if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
  return built.value;
}

/**
 * Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1(1), 83-98,
 * table "Relative consumption of drinks": coffee, wine, tea, beer, sodas, milk, water. Published priorities
 * (3 decimals): .177 .019 .042 .116 .190 .129 .327, with C.R. = .022.
 */
const DRINKS = [
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];
const DRINKS_PUBLISHED = [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327];

describe("ahpPriorities", () => {
  it.each([
    ["power iteration", undefined],
    ["mathjs eigs", "mathjs"],
  ])("reproduces Saaty's published drinks example to the 3 decimals printed (%s)", async (_, which) => {
    const eigen = which === "mathjs" ? await loadMathjsEigen() : undefined;
    const { weights, lambdaMax, ci, cr } = ahpPriorities(DRINKS, eigen);
    weights.forEach((weight, i) => expect(Math.abs(weight - DRINKS_PUBLISHED[i])).toBeLessThanOrEqual(0.0005 + 1e-12));
    expect(Math.abs(cr - 0.022)).toBeLessThanOrEqual(0.0005);
    expect(ci).toBeCloseTo((lambdaMax - 7) / 6, 14);
    expect(cr).toBeCloseTo(ci / 1.32, 14);
    // numpy.linalg.eig on the same matrix (independent LAPACK routine): lambda_max = 7.17662903933035,
    // eigenvector / sum = 0.1774567474, 0.019149476, 0.0418311817, 0.1164170317, 0.1895723753, 0.1287805485, 0.3267926393
    expect(lambdaMax).toBeCloseTo(7.17662903933035, 10);
    [0.1774567474, 0.019149476, 0.0418311817, 0.1164170317, 0.1895723753, 0.1287805485, 0.3267926393].forEach((value, i) =>
      expect(weights[i]).toBeCloseTo(value, 9),
    );
  });

  it("gives, for n = 3, the closed form: the eigenvector is the row geometric mean and lambda_max = 1 + (b/ac)^(1/3) + (ac/b)^(1/3)", () => {
    // [[1, a, b], [1/a, 1, c], [1/b, 1/c, 1]] with a = 1, b = 2, c = 1 (Crawford & Williams 1985: for n = 3 the
    // eigenvector and geometric-mean priorities coincide). By hand: rows' geometric means 2^(1/3), 1, 2^(-1/3).
    const { weights, lambdaMax, ci, cr } = ahpPriorities([[1, 1, 2], [1, 1, 1], [1 / 2, 1, 1]]);
    const rows = [Math.cbrt(2), 1, Math.cbrt(0.5)];
    const total = rows[0] + rows[1] + rows[2];
    rows.forEach((row, i) => expect(weights[i]).toBeCloseTo(row / total, 12));
    const expectedLambda = 1 + Math.cbrt(2) + Math.cbrt(0.5); // 3.0536216...
    expect(lambdaMax).toBeCloseTo(expectedLambda, 12);
    expect(ci).toBeCloseTo((expectedLambda - 3) / 2, 12);
    expect(cr).toBeCloseTo((expectedLambda - 3) / 2 / 0.58, 12);
  });

  it("gives CR 0 and lambda_max n for n <= 2, and weight 1 for n = 1", () => {
    expect(ahpPriorities([[1]])).toEqual({ weights: [1], lambdaMax: 1, ci: 0, cr: 0 });
    const two = ahpPriorities([[1, 3], [1 / 3, 1]]);
    expect(two.weights[0]).toBeCloseTo(0.75, 14);
    expect(two.weights[1]).toBeCloseTo(0.25, 14);
    expect([two.lambdaMax, two.ci, two.cr]).toEqual([2, 0, 0]);
  });

  it("uses Saaty's random index table", () => {
    expect(RANDOM_INDEX.slice(1, 16)).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]);
  });
});

describe("ahpWeights", () => {
  const small = () =>
    tree([
      ["X", "", "0.6", ""],
      ["X1", "X", "", "+"],
      ["X2", "X", "", "+"],
      ["X3", "X", "", "+"],
      ["Y", "", "0.4", ""],
      ["Y1", "Y", "", "+"],
    ]);
  const judged = (group: string, a: string, b: string, value: number, line: number): Judgement => ({ group, a, b, value, line });

  it("builds each group's matrix from one judgement per pair (either order), the reciprocal implied", () => {
    const result = ahpWeights(small(), [
      judged("INDEX", "Y", "X", 1 / 3, 2), // X is 3 times as important as Y: 0.75, 0.25
      judged("X", "X1", "X2", 2, 3),
      judged("X", "X3", "X1", 0.25, 4), // X1 vs X3 = 4
      judged("X", "X2", "X3", 2, 5), // consistent: w ∝ (4, 2, 1)
    ], { source: "ahp.csv" });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.weights.get("X")).toBeCloseTo(0.75, 12);
    expect(result.weights.get("Y")).toBeCloseTo(0.25, 12);
    expect(result.weights.get("X1")).toBeCloseTo(4 / 7, 12);
    expect(result.weights.get("X2")).toBeCloseTo(2 / 7, 12);
    expect(result.weights.get("X3")).toBeCloseTo(1 / 7, 12);
    expect(result.weights.get("Y1")).toBe(1);
    expect(result.consistency.map((row) => [row.group, row.n])).toEqual([["INDEX", 2], ["X", 3]]);
    expect(result.consistency[1].cr).toBeCloseTo(0, 12);
  });

  it("keeps the tree's weights for a group without judgements, with a warning", () => {
    const result = ahpWeights(small(), [judged("X", "X1", "X2", 1, 2), judged("X", "X1", "X3", 1, 3), judged("X", "X2", "X3", 1, 4)], { source: "ahp.csv" });
    expect(result.weights.get("X")).toBe(0.6);
    expect(result.weights.get("Y")).toBe(0.4);
    expect(result.warnings).toEqual([expect.objectContaining({ code: "W_AHP_GROUP_NOT_JUDGED", message: weightingMessages.groupNotJudged("INDEX") })]);
  });

  it("reports a missing judgement naming the pair and the group", () => {
    const result = ahpWeights(small(), [judged("X", "X1", "X2", 2, 2), judged("X", "X1", "X3", 4, 3)], { source: "ahp.csv" });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "E_AHP_MISSING", message: weightingMessages.missingJudgement("X", "X2", "X3"), source: "ahp.csv" }),
    ]);
    expect(weightingMessages.missingJudgement("X", "X2", "X3")).toBe(
      'group "X": no judgement for the pair "X2", "X3"; expected a row "X,X2,X3,value" (how many times X2 is as important as X3)',
    );
  });

  it("refuses inconsistent judgements (CR >= 0.1) unless allowed, then warns", () => {
    // X1 > X2 (9), X2 > X3 (9) but X3 > X1 (9): a cycle. By the n = 3 closed form with a = 9, b = 1/9, c = 9:
    // lambda_max = 1 + (b/ac)^(1/3) + (ac/b)^(1/3) = 1 + 1/9 + 9, CI = (lambda_max - 3)/2, CR = CI/0.58.
    const judgements = [judged("X", "X1", "X2", 9, 2), judged("X", "X2", "X3", 9, 3), judged("X", "X3", "X1", 9, 4)];
    const lambdaMax = 1 + 1 / 9 + 9;
    const ci = (lambdaMax - 3) / 2;
    const refused = ahpWeights(small(), judgements, { source: "ahp.csv" });
    expect(refused.issues).toEqual([
      expect.objectContaining({ code: "E_AHP_INCONSISTENT", line: 2, message: weightingMessages.inconsistent("X", ci / 0.58, lambdaMax, ci, 3) }),
    ]);
    expect(refused.consistency[0].cr).toBeCloseTo(ci / 0.58, 10);
    const allowed = ahpWeights(small(), judgements, { source: "ahp.csv", allowInconsistent: true });
    expect(allowed.issues).toEqual([]);
    expect(allowed.warnings.map((warning) => warning.code)).toEqual(["W_AHP_GROUP_NOT_JUDGED", "W_AHP_INCONSISTENT"]);
    // It says that the weights are used as asked, not to pass the option already passed (before: "or pass --allow-inconsistent").
    expect(allowed.warnings[1].message).toBe(weightingMessages.inconsistentAllowed("X", ci / 0.58, lambdaMax, ci, 3));
    expect(allowed.warnings[1].message).toMatch(/; their weights are used all the same, as --allow-inconsistent asks \(consistent judgements have CR < 0\.1\)$/);
    // a perfect cycle is symmetric: every child gets 1/3
    for (const code of ["X1", "X2", "X3"]) expect(allowed.weights.get(code)).toBeCloseTo(1 / 3, 10);
  });

  it("collects every malformed judgement with its line: unknown group, unknown child, self-comparison, duplicate", () => {
    const result = ahpWeights(
      small(),
      [
        judged("Z", "X1", "X2", 2, 2),
        judged("X", "X1", "Y1", 2, 3),
        judged("X", "X1", "X1", 1, 4),
        judged("X", "X1", "X2", 2, 5),
        judged("X", "X2", "X1", 0.5, 6),
      ],
      { source: "ahp.csv" },
    );
    expect(result.issues.slice(0, 4)).toEqual([
      expect.objectContaining({ code: "E_AHP_UNKNOWN_GROUP", line: 2, source: "ahp.csv", message: weightingMessages.unknownAhpGroup("Z") }),
      expect.objectContaining({ code: "E_AHP_NOT_A_CHILD", line: 3, message: weightingMessages.notAChild("Y1", "X", ["X1", "X2", "X3"]) }),
      expect.objectContaining({ code: "E_AHP_SELF", line: 4, message: weightingMessages.selfJudgement("X1") }),
      expect.objectContaining({ code: "E_AHP_DUPLICATE", line: 6, message: weightingMessages.duplicateJudgement("X", "X2", "X1", 5) }),
    ]);
  });
});
