/**
 * `innovation-index help TOPIC`: short pages listing the methods and policies, built from the core's method lists so
 * a method added there shows up here (with its one-line summary when this file has one).
 */
import { AGGREGATE_METHODS } from "../core/aggregate/methods.js";
import { MISSING_POLICIES, UNFILLED_POLICIES } from "../core/missing.js";
import { NORMALIZE_METHODS } from "../core/normalize/methods.js";
import { OUTLIER_METHODS } from "../core/outliers.js";
import { WEIGHT_METHODS } from "../core/weighting/derive.js";
import { ZERO_BASE_POLICIES } from "../core/zero-base.js";

const NORMALIZE_SUMMARIES: Partial<Record<string, string>> = {
  "fixed-base": "100·x[t]/x[base], per unit (NBS, the default); 100 in the base year",
  chain: "year-on-year ratios chained to the base year",
  "min-max": "100·(x − min)/(max − min) over all units and years",
  "min-max-year": "min-max within each year",
  "min-max-goalposts": "min-max with the tree's min and max columns, truncated to the output scale (0–100, or --range)",
  "z-score": "100 + 10·(x − mean)/sd over all units and years",
  "z-score-year": "z-score within each year",
  rank: "rank among the units of the year (1 = lowest, ties averaged)",
  "distance-to-target": "100·x/target (the tree's target column)",
  "distance-to-reference": "100·x/x[reference unit] (--reference-unit)",
  "percentile-rank": "100·(r − 1)/(n − 1), r the rank among the year's n units (COINr n_prank)",
  borda: "Borda score: the number of the year's units a unit beats (COINr n_borda)",
  "fraction-of-max": "100·x/max of the year (COINr n_fracmax)",
  "distance-to-max": "100 − 100·(max − x)/(max − min) of the year (COINr n_dist2max)",
  "distance-to-average": "100·x/mean of the year's units (EIS-style)",
};
const AGGREGATE_SUMMARIES: Partial<Record<string, string>> = {
  arithmetic: "weighted arithmetic mean (the default; fully compensatory)",
  geometric: "weighted geometric mean (scores must be > 0)",
  harmonic: "weighted harmonic mean (scores must be > 0)",
  mpi: "Mazziotta–Pareto index: mean minus a penalty for unbalanced children",
  power: "generalised mean of power p (--power P or power:P; 1 arithmetic, 0 geometric, −1 harmonic)",
  copeland: "Copeland: pairwise wins minus losses against the year's other units",
  bod: "benefit of the doubt: each unit's own best weights (DEA), 0–100",
  topsis: "TOPSIS: closeness to the panel's best values and away from its worst, 0–100 (entropy-TOPSIS with --weights entropy)",
  "topsis-year": "TOPSIS year by year: closeness to each year's best units, 0–100",
  grey: "grey relational analysis: weighted grey relational grade with the panel's best values (ρ = 0.5), 33.3–100",
};
const WEIGHT_SUMMARIES: Partial<Record<string, string>> = {
  explicit: "the tree's weight column (the default; all empty = equal)",
  equal: "1/n level by level (NBS)",
  ahp: "AHP pairwise judgements (--ahp FILE), with the consistency ratio",
  entropy: "entropy of the min-max scores",
  critic: "CRITIC: contrast × conflict of the min-max scores",
  cv: "coefficient of variation of the raw values",
  pca: "principal components with varimax (OECD/JRC handbook)",
  combined: "a subjective and an objective set combined (--alpha)",
};
const MISSING_SUMMARIES: Partial<Record<string, string>> = {
  error: "every gap is an error (the default)",
  "carry-forward": "the last earlier observed value",
  interpolate: "linear between the observed years around the gap",
  "carry-back": "the first later observed value",
  reweight: "leave the gap; its siblings' weights are renormalised",
  mean: "the mean of the indicator over the other units observed that year (COINr i_mean)",
  median: "the median of the indicator over the other units observed that year (COINr i_median)",
};

/** A text of a page in the terminal's language (`HelpTranslation.texts`); English as it is. */
type Text = (english: string) => string;

function list(text: Text, title: string, methods: readonly string[], summaries: Partial<Record<string, string>>): string {
  const width = Math.max(...methods.map((method) => method.length));
  const summary = (method: string) => (summaries[method] === undefined ? "" : text(summaries[method]));
  return `${text(title)}\n${methods.map((method) => `  ${method.padEnd(width)}  ${summary(method)}`.trimEnd()).join("\n")}\n`;
}

/** The exit codes and what each means, for the exit-codes page. */
const EXIT_CODES: readonly (readonly [number, string])[] = [
  [0, "success (also: nothing to do under --if-changed)"],
  [1, "the input files are wrong (every problem is listed)"],
  [2, "the command line is wrong (unknown option, bad option value)"],
  [3, "an output could not be written (or another run holds the lock)"],
  [4, "an internal error (a bug: please report it)"],
];

/**
 * The topic pages, by name. Each page is made with `text`, which gives each of its English texts in the terminal's
 * language (the English as it is by default).
 */
export const HELP_TOPICS: Record<string, { summary: string; page: (text?: Text) => string }> = {
  methods: {
    summary: "normalisation and aggregation methods (--normalise, --aggregate)",
    page: (text = (english) => english) =>
      list(text, "Normalisation (--normalise, tree column normalise):", NORMALIZE_METHODS, NORMALIZE_SUMMARIES) +
      "\n" +
      list(text, "Aggregation (--aggregate METHOD or LEVEL=METHOD,..., tree column aggregate):", AGGREGATE_METHODS, AGGREGATE_SUMMARIES) +
      `\n${text("Formulas: docs/methods.md")}\n`,
  },
  weights: {
    summary: "weighting methods (--weights, weights --method)",
    page: (text = (english) => english) => list(text, "Weights (compute --weights, weights --method):", WEIGHT_METHODS, WEIGHT_SUMMARIES) + `\n${text("More: docs/guides/weights.md")}\n`,
  },
  data: {
    summary: "missing values, outliers and zero base values (--missing, --outliers, --zero-base)",
    page: (text = (english) => english) =>
      list(text, "Missing values (--missing, tree column missing):", MISSING_POLICIES, MISSING_SUMMARIES) +
      `\n${text("A gap the policy cannot fill (--unfilled):")} ${UNFILLED_POLICIES.join(", ")}\n` +
      `${text("Outliers (--outliers):")} ${OUTLIER_METHODS.join(", ")}\n` +
      `${text("Zero base values under fixed-base (--zero-base):")} ${ZERO_BASE_POLICIES.join(", ")}\n` +
      `\n${text("More: docs/guides/data.md")}\n`,
  },
  "exit-codes": {
    summary: "what each exit code means",
    page: (text = (english) => english) =>
      `${text("Exit codes:")}\n${EXIT_CODES.map(([code, meaning]) => `  ${code}  ${text(meaning)}`).join("\n")}\n\n${text("Every error code: docs/reference/errors.md")}\n` +
      `${text("Messages are in Chinese on a Chinese system (LANG=zh_CN.UTF-8, a Chinese Windows) or with INNOVATION_INDEX_LANG=zh,\nin English with INNOVATION_INDEX_LANG=en; files and --log-format json stay English.")}\n`,
  },
};

/** Every English text of the topic pages (`HELP_TOPICS`), for a test that each has its translation. */
export function helpTopicTexts(): string[] {
  const texts: string[] = [];
  for (const { summary, page } of Object.values(HELP_TOPICS)) {
    texts.push(summary);
    page((english) => (texts.push(english), english));
  }
  return texts;
}

/** Which topic page lists an option's choices, for options with long choice lists. */
export const OPTION_TOPICS: Record<string, string> = {
  "--normalise": "methods",
  "--normalize": "methods",
  "--weights": "weights",
  "--method": "weights",
  "--missing": "data",
};
