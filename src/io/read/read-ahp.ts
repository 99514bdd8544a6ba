/**
 * Reading AHP judgements from a file, CSV or YAML by its extension.
 */
import { ahpWeights, type Judgement } from "../../core/weighting/ahp.js";
import type { Tree } from "../../core/types.js";
import { ValidationError, type Issue } from "../../errors.js";
import { parseAhpCsv } from "./ahp-csv.js";
import { readText } from "./read-text.js";

/**
 * Reads a judgement file: YAML for `.yaml`/`.yml`, CSV otherwise; `label` names it in messages. With the `tree` the
 * judgements are for, a file refused for its values (`abc`, a matrix not reciprocal) is also checked against the tree
 * in the same run: its unknown groups, children that are not in their group, self-comparisons, pairs judged twice or
 * not at all are reported with the bad values, not on the run after their fix.
 */
export async function readAhpJudgements(path: string, label = path, tree?: Tree): Promise<Judgement[]> {
  const text = await readText(path, label);
  try {
    // The YAML parser is loaded only for a YAML file, so that runs without one start fast.
    return /\.ya?ml$/i.test(path) ? (await import("./ahp-yaml.js")).parseAhpYaml(text, label) : parseAhpCsv(text, label);
  } catch (error) {
    if (!tree || !(error instanceof ValidationError) || !Array.isArray(error.partial)) throw error;
    throw new ValidationError(withTreeChecks(error.issues, error.partial as Judgement[], tree, label));
  }
}

/** The problems of judgements against the tree that `ahpWeights` finds whatever their values. */
const TREE_CHECKS: ReadonlySet<string> = new Set(["E_AHP_UNKNOWN_GROUP", "E_AHP_NOT_A_CHILD", "E_AHP_SELF", "E_AHP_DUPLICATE", "E_AHP_TOO_MANY", "E_AHP_MISSING"]);

/**
 * The problems a refused judgement file has, with those `ahpWeights` finds in its judgements against the tree
 * (`TREE_CHECKS`; not the consistency, which needs the values): a judgement whose value is bad (`NaN`) counts as given,
 * so that its pair is not said to be missing. When the file's shape was refused somewhere (a YAML item that is no
 * judgement), the pairs it may have meant are unknown, and no pair is said to be missing.
 */
function withTreeChecks(issues: readonly Issue[], judgements: readonly Judgement[], tree: Tree, source: string): Issue[] {
  const given = judgements.map((judgement) => (Number.isNaN(judgement.value) ? { ...judgement, value: 1 } : judgement));
  const shapeRefused = issues.some((issue) => issue.code === "E_AHP_YAML_SHAPE");
  const found = ahpWeights(tree, given, { source, allowInconsistent: true }).issues.filter(
    (issue) => TREE_CHECKS.has(issue.code) && !(shapeRefused && issue.code === "E_AHP_MISSING"),
  );
  // In the order of the file; a missing pair, which names no line, after the rest.
  return [...issues, ...found]
    .map((issue, order) => ({ issue, order }))
    .sort((x, y) => (x.issue.line ?? Infinity) - (y.issue.line ?? Infinity) || x.order - y.order)
    .map(({ issue }) => issue);
}
