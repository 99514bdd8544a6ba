/**
 * The user-facing messages of weighting, as functions of what they name (the same shape as `core/messages.ts`:
 * `<what went wrong> "<found>"; expected <what>`). Tests compare against these functions.
 */
import { counted, listItems, quote } from "../quote.js";
import { ofUnit } from "../data-messages.js";
import { catalogue } from "../localize.js";
const list = (values: readonly (string | number)[]) => values.map(String).join(", ");
const number = (value: number) => String(Math.round(value * 1e6) / 1e6);

/** Why an option of `weightingMessages.optionUnused` has no effect, and what would give it one, by what the option is for. */
export const UNUSED = {
  observations: { which: "derives no weights from the data", expected: "an objective method: --weights entropy, critic, cv, pca or combined" },
  entropy: { which: "derives no entropy weights", expected: "--weights entropy, or combined with --objective entropy" },
  pca: { which: "derives no PCA weights", expected: "--weights pca, or combined with --objective pca" },
  judgements: { which: "reads no AHP judgements", expected: "--weights ahp, or combined with --subjective ahp" },
  combination: { which: "combines no two sets of weights", expected: "--weights combined" },
  alpha: { which: "takes no share of a subjective set", expected: "--weights combined --combination additive" },
} as const;

/** Why a method's weights can give one child most of its group's weight (`weightingMessages.weightDominant`), by the method's name. */
const DOMINANT_WHY: Readonly<Record<string, string>> = {
  entropy: "entropy weights reward values concentrated on few observations, so an indicator that is nearly constant but for an outlier has low entropy and takes most of the weight",
  CRITIC: "CRITIC weights reward spread and disagreement with the other indicators, so one unlike the rest (an outlier, or a series moving against them) takes most of the weight",
  "coefficient-of-variation": "coefficient-of-variation weights reward dispersion relative to the mean (sd/mean), so an outlier or a mean near 0 gives one indicator most of the weight",
  PCA: "PCA weights follow the loadings of the retained components, so an indicator alone on a component of its own takes most of the weight",
  other: "weights derived from the data follow its dispersion, so one unusual indicator can take most of the weight",
  group: "a group's weight comes from its indicators' values (their scores summed under --group-weights sum, the method on its sub-index under level), so a group with many indicators, or a dispersed sub-index, weighs more",
};

export const weightingMessages = catalogue("weightingMessages", {
  // options of a method the run does not use (`method`: how the weights are chosen, as flags)
  optionUnused: (flag: string, method: string, which: string, expected: string) => `${flag} has no effect with ${method}, which ${which}; expected ${expected}`,
  entropyShiftUnused: (method: string) =>
    weightingMessages.optionUnused("--entropy-shift", method, UNUSED.entropy.which, UNUSED.entropy.expected),
  alphaUnused: (method: string) =>
    weightingMessages.optionUnused("--alpha", method, UNUSED.alpha.which, UNUSED.alpha.expected),
  // choosing the observations objective weights are derived from
  unknownWeightUnit: (unit: string, units: readonly string[]) =>
    `unknown unit ${quote(unit)} in --weight-units; expected one of the data's units: ${list(units.map(quote))}`,
  unknownWeightYear: (year: number, years: readonly number[]) =>
    `year ${year} in --weight-years is absent from the data; expected one of ${list(years)}`,
  tooFewObservations: (count: number) =>
    `objective weights need at least 2 observations (unit-years), found ${count}; expected more years or units in --weight-years / --weight-units`,
  tooFewCompleteObservations: (count: number, total: number) =>
    `objective weights need at least 2 complete observations (unit-years with a value for every indicator), found ${count} of ${total}; expected fewer gaps, or other --weight-years / --weight-units`,
  observationsDropped: (dropped: readonly string[]) =>
    `${dropped.length} unit-year${dropped.length === 1 ? "" : "s"} left out of the objective weights for a missing value (--weight-missing drop): ${dropped.join(", ")}`,
  missingObservation: (indicator: string, unit: string, year: number) =>
    `no value for indicator ${quote(indicator)}${ofUnit(unit)}, year ${year}; objective weights need every value of the chosen years and units (narrow them with --weight-years / --weight-units, or pass --weight-missing drop)`,
  constantIndicator: (indicator: string, method: string) =>
    `indicator ${quote(indicator)} does not vary over the chosen observations, so it carries no information for ${method} weights; it gets weight 0`,
  noVariation: (group: string, method: string) =>
    method === "CRITIC"
      ? `no indicator under ${quote(group)} both varies and differs from the others over the chosen observations (CRITIC scores an indicator 0 when it is constant or every correlation with the others is 1, as with two observations that move together), so CRITIC weights are undefined; expected indicators that vary and are not perfectly correlated (more years or units)`
      : `no indicator under ${quote(group)} varies over the chosen observations, so ${method} weights are undefined; expected at least one varying indicator`,
  /** Some children vary, but the method scores them 0 all the same (CRITIC: one varying child alone, or moving together). */
  noVariationVarying: (group: string, method: string, varying: readonly string[], constant: readonly string[]) =>
    `the children of ${quote(group)} that vary (${varying.map(quote).join(", ")}) do not differ from one another over the chosen observations (${
      varying.length === 1 ? "one alone" : "correlated 1"
    }), so ${method} weights are undefined among them; they share the group's weight equally, and the constant ${constant.length === 1 ? "one" : "ones"} (${constant.map(quote).join(", ")}) ${constant.length === 1 ? "gets" : "get"} 0`,
  noVariationEqual: (group: string, method: string) =>
    method === "CRITIC"
      ? `no child of ${quote(group)} both varies and differs from the others over the chosen observations (constant, or correlated 1 with every other), so CRITIC weights are undefined among them; they get equal weights`
      : `no child of ${quote(group)} varies over the chosen observations, so ${method} weights are undefined among them; they get equal weights`,
  zeroGroupWeight: (group: string, method: string) =>
    method === "CRITIC"
      ? `group ${quote(group)} gets CRITIC weight 0 (none of its indicators both varies and differs from the others); its children get equal weights within it`
      : `group ${quote(group)} gets ${method} weight 0 (none of its indicators varies); its children get equal weights within it`,
  pcaFewObservations: (group: string, observations: number, count: number, subIndices: boolean) =>
    `PCA weights under ${quote(group)} are derived from ${observations} observations (unit-years) of ${count} ${subIndices ? "children (indicators and sub-indices)" : "indicators"}: with no more observations than ${subIndices ? "children" : "indicators"}, their correlation matrix is singular (rank at most ${observations - 1}), so the components and the weights rest on too few observations; expected more observations than ${subIndices ? "children" : "indicators"} (more years or units in --weight-years / --weight-units, or fewer indicators weighed together with --group-weights tree or level)`,
  pcaSingular: (group: string, count: number, rank: number, subIndices: boolean) =>
    `PCA weights under ${quote(group)}: the correlation matrix of its ${count} ${subIndices ? "children (indicators and sub-indices)" : "indicators"} is singular (rank ${rank}), so some of them are exact linear combinations of others (a duplicate, for example) and share one component's weight; expected ${subIndices ? "children" : "indicators"} none of which is a linear combination of the others (leave the redundant ones out of the tree)`,
  cvNegativeValues: (indicator: string, negatives: number, lowest: number, mean: number) =>
    `indicator ${quote(indicator)} has ${negatives === 1 ? "1 value" : `${negatives} values`} below 0 over the chosen observations (the lowest ${number(lowest)}), with mean ${number(mean)}; the coefficient of variation (sd/mean) assumes values on a ratio scale, none below 0, and a mean pulled towards 0 gives the indicator a weight out of proportion to its spread; expected values of 0 or more (rescale the indicator, or weigh with entropy or critic)`,
  meanNotPositive: (indicator: string, mean: number) =>
    `indicator ${quote(indicator)} has mean ${number(mean)} over the chosen observations; the coefficient of variation needs a positive mean (values on a ratio scale)`,
  /**
   * A child given more than half (`share` > 0.5) of its group's weight by a method that derives weights from the data,
   * among `children` (3 or more) children (`DOMINANT_WEIGHT` of objective.ts). `method`: the method's name, as
   * `constantIndicator`'s; `group`: the child is a group (its weight comes from its indicators); `combined`: the weights
   * of `--weights combined`, whose objective set `method` gives the child over half too.
   */
  weightDominant: (method: string, parent: string, child: string, share: number, children: number, group: boolean, combined: boolean) =>
    `${combined ? "the weights of --weights combined" : `${method} weights`} give ${group ? "group" : "indicator"} ${quote(child)} ${(share * 100).toFixed(1)}% of the weight of ${quote(parent)}, among its ${children} children${
      combined ? ` (the objective set, ${method} weights, gives it over 50% on its own)` : ""
    }; expected no child over 50% when the weights come from the data: ${
      group ? DOMINANT_WHY.group : (DOMINANT_WHY[method] ?? DOMINANT_WHY.other)
    }. Check ${group ? `the indicators of ${quote(child)}` : `the values of ${quote(child)} over the chosen observations (an outlier, a wrong unit or scale, a series that is nearly constant)`}; if that weight is not meant, set the weights in the tree's weight column and use --weights explicit, or temper the data's weights with the tree's by --weights combined --alpha${
      group ? ", or keep the tree's weights for groups with --group-weights tree" : ""
    }`,

  // AHP
  unknownAhpGroup: (group: string) =>
    `unknown group ${quote(group)}; expected INDEX (the first-level nodes) or the code of a group of the tree`,
  notAChild: (child: string, group: string, children: readonly string[]) =>
    `${quote(child)} is not a child of ${quote(group)}; expected one of ${list(children)}`,
  selfJudgement: (child: string) =>
    `${quote(child)} is compared with itself; expected two different children (the diagonal is always 1)`,
  duplicateJudgement: (group: string, a: string, b: string, firstLine: number | undefined) =>
    `the pair ${quote(a)}, ${quote(b)} of group ${quote(group)} is judged twice${firstLine ? ` (first on line ${firstLine})` : ""}; expected one judgement per pair (its reciprocal is implied)`,
  badJudgementValue: (found: string) =>
    `judgement value ${quote(found)} is not a positive number; expected a number such as 3, 0.5 or 1/3`,
  missingJudgement: (group: string, a: string, b: string) =>
    `group ${quote(group)}: no judgement for the pair ${quote(a)}, ${quote(b)}; expected a row "${group},${a},${b},value" (how many times ${a} is as important as ${b})`,
  groupNotJudged: (group: string) =>
    `group ${quote(group)} has no judgements in the AHP file; its children keep the tree's weights`,
  tooManyChildren: (group: string, count: number) =>
    `group ${quote(group)} has ${count} children; AHP consistency needs Saaty's random index, tabulated for at most 15`,
  inconsistent: (group: string, cr: number, lambdaMax: number, ci: number, n: number) =>
    `group ${quote(group)}: the judgements are inconsistent, CR = ${number(cr)} (lambda_max ${number(lambdaMax)}, CI ${number(ci)}, n ${n}); expected CR < 0.1: revise the judgements, or pass --allow-inconsistent`,
  /** `inconsistent` when --allow-inconsistent asked to use the weights all the same: a warning. */
  inconsistentAllowed: (group: string, cr: number, lambdaMax: number, ci: number, n: number) =>
    `group ${quote(group)}: the judgements are inconsistent, CR = ${number(cr)} (lambda_max ${number(lambdaMax)}, CI ${number(ci)}, n ${n}); their weights are used all the same, as --allow-inconsistent asks (consistent judgements have CR < 0.1)`,
  ahpFileMissing: () => `--method ahp needs the pairwise judgements; expected --ahp FILE (CSV with columns group,a,b,value)`,

  // combination
  combinationUndefined: (group: string) =>
    `the multiplicative combination is undefined for the children of ${quote(group)}: every product of subjective and objective weight is 0; expected at least one child with both weights positive`,

  // weight optimisation
  /** `objective`: Σ (share − target)² at the weights kept; `converged`: false when the search ran out of evaluations first. */
  optimiseNotConverged: (group: string, gap: number, objective: number, starts: number, evaluations: number, converged: boolean) =>
    `the weights of the children of ${quote(group)} do not reach their target importance shares: the closest weights found leave a largest gap of ${gap.toPrecision(3)} (sum of squared gaps ${objective.toPrecision(3)}, the least of the searches from ${starts === 1 ? "1 starting point" : `${starts} starting points`}${converged ? "" : `, which stopped after ${evaluations} evaluations before converging`}); those weights are used; expected children whose correlations with the group allow the targets`,

  optimiseFewObservations: (observations: number) =>
    `the weights cannot be optimised from ${observations === 1 ? "1 unit-year" : `${observations} unit-years`} of values: an importance share is a squared correlation with the parent, which needs at least 2 observations; the starting weights are kept; expected the values of more units or years`,

  /** `constant`: the children that do not vary; all of them (`childCount`), or some or none when the group does not vary at its starting weights. */
  optimiseNoVariation: (group: string, observations: number, constant: readonly string[], childCount: number) =>
    `the weights of the children of ${quote(group)} cannot be optimised: ${
      constant.length === childCount
        ? `the scores of ${childCount === 2 ? "neither" : "none"} of them (${constant.map(quote).join(", ")}) vary over the ${observations} unit-years`
        : `the group's values at the starting weights do not vary over the ${observations} unit-years, or correlate with none of its children${constant.length > 0 ? ` (the scores of ${constant.map(quote).join(", ")} do not vary)` : ""}`
    }, so their importance shares (squared correlations with the group) are undefined; the starting weights are kept; expected children that vary with the group`,

  /**
   * `nodes`: those whose optimised weight is 0 (below 1e-6) though their target share is above 0, each with its
   * group, its importance share at the optimised weights and its target share (within the group).
   */
  optimiseDegenerate: (nodes: readonly { code: string; parent: string; share: number; target: number }[]) =>
    `the optimised weights are 0 for ${counted(nodes.length, "node")} whose target share is above 0: ${listItems(
      nodes.map((node) => `${quote(node.code)} (share ${node.share.toPrecision(3)} in ${quote(node.parent)}, target ${node.target.toPrecision(3)})`),
      ", ",
      (count) => `and ${count} more`,
    )}. Weight 0 is where the search over weights >= 0 came closest to the targets, and those weights are used: such a node's share comes only from how it moves with the other children of its group, and a target it misses was not reached by any weights >= 0 the search tried (reaching it may take a negative weight on some child, which a weight cannot be, or, for children that move together, be out of reach of any weights); expected nothing to change, or the method's weights, not optimised, if every node must keep a weight above 0`,

  // entropy of raw values
  entropyNegative: (code: string, value: number) =>
    `indicator ${quote(code)} has the value ${value}, and entropy shares of raw values need values >= 0; expected non-negative values, or --entropy-input min-max`,
} as const);
