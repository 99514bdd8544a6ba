/**
 * AHP (Analytic Hierarchy Process, Saaty): weights of siblings from pairwise judgements "a is v times as important
 * as b", with a check of the judgements' consistency.
 */
import type { Issue } from "../../errors.js";
import { childrenOf } from "../tree.js";
import { INDEX_CODE, type Tree } from "../types.js";
import { resolveWeights, type Weights } from "../weight.js";
import { principalEigenPower, type Matrix, type PrincipalEigen } from "./eigen.js";
import { weightingMessages } from "./messages.js";

/** One judgement: within `group`, child `a` is `value` times as important as child `b`. */
export interface Judgement {
  group: string;
  a: string;
  b: string;
  value: number;
  /** 1-based line in the judgement file, for messages. */
  line?: number;
}

/**
 * Saaty's random index RI(n), the mean consistency index of random reciprocal matrices, for n = 0..15
 * (Saaty 1980; as tabulated in METHODS.md). RI(1) = RI(2) = 0: such matrices are always consistent.
 */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

/**
 * The later random-index table from a larger simulation, for n = 0..15: 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45,
 * 1.49, 1.52, 1.54, 1.56, 1.58, 1.59 for n = 3..15 (Saaty 2005, Theory and Applications of the Analytic Network Process,
 * RWS Publications; also Saaty & Tran 2007, Mathematical and Computer Modelling 46(7-8), 962-975). Its RI(3) is lower
 * than 1980's 0.58, so the same 3 × 3 judgements get a higher CR.
 */
export const RANDOM_INDEX_2005: readonly number[] = [0, 0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59];

/**
 * Donegan & Dodd's random index, for n = 0..15 (H. A. Donegan and F. J. Dodd, "A note on Saaty's random indexes",
 * Mathematical and Computer Modelling 15(10), 1991, 135-137, doi:10.1016/0895-7177(91)90098-R). The paper itself could
 * not be read here; the values are taken from two implementations that cite it:
 * - PhilipGriffith/AHPy, `src/ahpy/ahpy.py` (commit d818996519cac4c003d12ba6dd16fdd836a5fc39), `_compute_consistency_ratio`,
 *   `ri_dict` of `random_index='dd'`: n = 3..20, then 25, 30, 40, ..., 100 (we keep n <= 15, as for Saaty's tables);
 * - ges134/indicator-calculation, `tests/test_subjective.py` (commit 2556f1de2212b1aa1b96501d7615198ec7eae9a4),
 *   `test_get_random_index`: mean and standard error for n = 3..15 "taken from Donegan-Dodd".
 * Both give the same four decimals for n = 5..15. For n = 3 and 4 they differ: AHPy 0.4914 and 0.8286, the other
 * 0.4887 and 0.8045. We take AHPy's: our simulation gives 0.4829 and 0.8291 (± 0.003), so at n = 4 AHPy's value is the
 * one that agrees (0.8045 is 8 of our standard errors away), and at n = 3 both are within 0.01; both pairs are within
 * the table's own standard errors (0.0676, 0.0609). The values are lower than Saaty's by 0.03 to 0.10: they
 * agree, within their sampling error, with random matrices whose entries are an integer 1..9 inverted with probability
 * 1/2 (so 1 is drawn with probability 1/9), not with a uniform draw from the 17 scale values, which gives Saaty-like
 * values (test/fixtures/methods/random-index.R, docs/methods.md).
 */
export const RANDOM_INDEX_DONEGAN_DODD: readonly number[] = [
  0, 0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822, 1.4969,
];

export const RANDOM_INDEX_TABLES = ["saaty1980", "saaty2005", "donegan-dodd"] as const;
/** Which random-index table CR divides by: `saaty1980` (default), `saaty2005` or `donegan-dodd`. */
export type RandomIndexTable = (typeof RANDOM_INDEX_TABLES)[number];

const TABLES: Record<RandomIndexTable, readonly number[]> = {
  saaty1980: RANDOM_INDEX,
  saaty2005: RANDOM_INDEX_2005,
  "donegan-dodd": RANDOM_INDEX_DONEGAN_DODD,
};

/** Judgements with CR at or above this are inconsistent (Saaty's 10% rule). */
export const CONSISTENCY_THRESHOLD = 0.1;

/** The priority vector of one pairwise matrix and its consistency. */
export interface AhpPriorities {
  /** The principal right eigenvector, normalised to sum 1. */
  weights: number[];
  /** The principal eigenvalue (n for a perfectly consistent matrix, larger otherwise). */
  lambdaMax: number;
  /** Consistency index `(lambdaMax - n) / (n - 1)`; 0 for n <= 2. */
  ci: number;
  /** Consistency ratio `CI / RI(n)`; 0 for n <= 2. */
  cr: number;
}

/**
 * Priorities of a reciprocal pairwise matrix: the principal right eigenvector normalised to sum 1, `lambdaMax`, the
 * consistency index `CI = (lambdaMax - n)/(n - 1)` and ratio `CR = CI / RI(n)` with a random index (`table`:
 * Saaty's 1980 table, default, Saaty's 2005 one, or Donegan & Dodd's). For
 * n <= 2 a reciprocal matrix is always consistent: `lambdaMax = n`, CI = CR = 0. `eigen` computes the principal
 * eigenpair (default: power iteration; the CLI passes mathjs `eigs`). CI is never below 0 (lambdaMax >= n for a
 * positive reciprocal matrix; rounding can only make it look smaller).
 * @throws RangeError for more than 15 elements (RI is not tabulated) or a matrix that is not positive.
 * @example ahpPriorities([[1, 3], [1 / 3, 1]]) // => { weights: [0.75, 0.25], lambdaMax: 2, ci: 0, cr: 0 }
 * Reference: Saaty (1980), The Analytic Hierarchy Process; Saaty (2008), Int. J. Services Sciences 1(1), 83-98.
 */
export function ahpPriorities(matrix: Matrix, eigen: PrincipalEigen = principalEigenPower, table: RandomIndexTable = "saaty1980"): AhpPriorities {
  const n = matrix.length;
  if (n > 15) throw new RangeError(`ahpPriorities supports at most 15 elements (Saaty's random index), got ${n}`);
  if (n === 1) return { weights: [1], lambdaMax: 1, ci: 0, cr: 0 };
  const { value, vector } = eigen(matrix);
  const sum = vector.reduce((total, component) => total + component, 0);
  const weights = vector.map((component) => component / sum);
  if (n <= 2) return { weights, lambdaMax: n, ci: 0, cr: 0 };
  const ci = Math.max(0, (value - n) / (n - 1));
  return { weights, lambdaMax: value, ci, cr: ci / TABLES[table][n] };
}

/** The consistency of one group's judgements, as printed by `weights`. */
export interface ConsistencyRow {
  group: string;
  n: number;
  lambdaMax: number;
  ci: number;
  cr: number;
}

export interface AhpOptions {
  /** Principal eigenpair; default power iteration. */
  eigen?: PrincipalEigen;
  /** Accept CR >= 0.1 with a warning instead of an error. Default false. */
  allowInconsistent?: boolean;
  /** The judgement file, for messages. */
  source?: string;
  /** The random-index table of CR. Default `saaty1980`. */
  randomIndex?: RandomIndexTable;
}

export interface AhpWeights {
  weights: Weights;
  consistency: ConsistencyRow[];
  issues: Issue[];
  warnings: Issue[];
}

/**
 * AHP weights for a whole tree. Judgements name their group (`INDEX` for the first-level nodes) and two of its
 * children; the reciprocal is implied and the diagonal is 1. Every group with judgements needs one judgement per pair
 * of children; a group without any judgement keeps the tree's weights (explicit, or equal when the tree gives none),
 * with a warning; a group with one child needs none. Every problem is collected with its file and line: an unknown
 * group, a child that is not in the group, a child compared with itself, a pair judged twice, a missing pair, and
 * (unless `allowInconsistent`) CR >= 0.1.
 */
export function ahpWeights(tree: Tree, judgements: readonly Judgement[], options: AhpOptions = {}): AhpWeights {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const source = options.source;
  const groups = [INDEX_CODE, ...tree.nodes.filter((node) => node.kind === "group").map((node) => node.code)];
  const known = new Set(groups);
  const byGroup = new Map<string, Map<string, Judgement>>();
  const firstLine = new Map<string, number | undefined>();
  for (const judgement of judgements) {
    const at = (code: string, message: string, column: string): Issue => ({ code, message, source, line: judgement.line, column, id: judgement.group });
    if (!known.has(judgement.group)) {
      issues.push(at("E_AHP_UNKNOWN_GROUP", weightingMessages.unknownAhpGroup(judgement.group), "group"));
      continue;
    }
    const children = childrenOf(tree, judgement.group);
    let bad = false;
    for (const [child, column] of [[judgement.a, "a"], [judgement.b, "b"]] as const)
      if (!children.includes(child)) {
        issues.push(at("E_AHP_NOT_A_CHILD", weightingMessages.notAChild(child, judgement.group, children), column));
        bad = true;
      }
    if (bad) continue;
    if (judgement.a === judgement.b) {
      issues.push(at("E_AHP_SELF", weightingMessages.selfJudgement(judgement.a), "b"));
      continue;
    }
    const pairs = byGroup.get(judgement.group) ?? new Map<string, Judgement>();
    if (!firstLine.has(judgement.group)) firstLine.set(judgement.group, judgement.line);
    const key = pairKey(judgement.a, judgement.b);
    const first = pairs.get(key);
    if (first) {
      issues.push(at("E_AHP_DUPLICATE", weightingMessages.duplicateJudgement(judgement.group, judgement.a, judgement.b, first.line), "a"));
      continue;
    }
    pairs.set(key, judgement);
    byGroup.set(judgement.group, pairs);
  }

  const tree_ = resolveWeights(tree);
  const weights = new Map(tree_.weights);
  const consistency: ConsistencyRow[] = [];
  for (const group of groups) {
    const children = childrenOf(tree, group);
    const pairs = byGroup.get(group);
    if (!pairs) {
      if (children.length > 1) warnings.push({ code: "W_AHP_GROUP_NOT_JUDGED", message: weightingMessages.groupNotJudged(group), source, id: group });
      continue;
    }
    const n = children.length;
    if (n > 15) {
      issues.push({ code: "E_AHP_TOO_MANY", message: weightingMessages.tooManyChildren(group, n), source, line: firstLine.get(group), id: group });
      continue;
    }
    const matrix = children.map(() => new Array<number>(n).fill(1));
    let complete = true;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const judgement = pairs.get(pairKey(children[i], children[j]));
        if (!judgement) {
          issues.push({ code: "E_AHP_MISSING", message: weightingMessages.missingJudgement(group, children[i], children[j]), source, id: group });
          complete = false;
          continue;
        }
        const value = judgement.a === children[i] ? judgement.value : 1 / judgement.value;
        matrix[i][j] = value;
        matrix[j][i] = 1 / value;
      }
    if (!complete) continue;
    const priorities = ahpPriorities(matrix, options.eigen, options.randomIndex);
    children.forEach((child, i) => weights.set(child, priorities.weights[i]));
    consistency.push({ group, n, lambdaMax: priorities.lambdaMax, ci: priorities.ci, cr: priorities.cr });
    if (priorities.cr >= CONSISTENCY_THRESHOLD) {
      const inconsistent: Issue = {
        code: options.allowInconsistent ? "W_AHP_INCONSISTENT" : "E_AHP_INCONSISTENT",
        message: (options.allowInconsistent ? weightingMessages.inconsistentAllowed : weightingMessages.inconsistent)(group, priorities.cr, priorities.lambdaMax, priorities.ci, n),
        source,
        line: firstLine.get(group),
        id: group,
      };
      (options.allowInconsistent ? warnings : issues).push(inconsistent);
    }
  }
  // The tree's own weights matter only where no judgement replaces them.
  const treeWarnings = tree_.warnings.filter((warning) => !byGroup.has(warning.id ?? ""));
  return { weights, consistency, issues: [...tree_.issues, ...issues], warnings: [...treeWarnings, ...warnings] };
}

/** The same key for (a, b) and (b, a). */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
