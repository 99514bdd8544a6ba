/**
 * Uncertainty and sensitivity analysis (OECD/JRC Handbook 2008, section 7): how much the index and the ranking of
 * each unit depend on the choices made in building the index.
 *
 * Each varied *choice* is one factor: the weights (every weight perturbed at once), the normalisation method, the
 * aggregation method, the missing-value policy. A Saltelli design of N replications (`estimateSobol`) runs the index
 * N·(k + 2) times for k varied choices, drawing each run's choices from uniforms:
 *
 * - weights: a weight `w` with relative noise `r` becomes `w·(1 + r·(2u − 1))` (uniform on `w·[1 − r, 1 + r]`); a weight
 *   with a range `[min, max]` becomes `min + (max − min)·u`; then siblings are divided by their sum again;
 * - a method among m listed ones: the `floor(m·u)`-th, so each is equally likely.
 *
 * Every other setting of `computeIndex` (the weights, derived or the tree's; cap, dampening, reference unit, aggregation
 * by level; the data stage's policies) is given once and applies to every run, the nominal one included, so that the
 * nominal run is `computeIndex` with those settings and the first method of each list.
 *
 * Output per unit and year: the nominal index (the first method of each list, the nominal weights), the median and the
 * 5% and 95% quantiles of the index and of the rank over the 2N independent runs of the design's matrices A and B, and
 * the first-order and total Sobol indices of each choice for the index and the rank. Quantiles are R's type 7 (linear
 * interpolation between order statistics). Ranks follow the one convention of `ranks.csv` (`rankDescending`):
 * competition ranks ("1224"), rank 1 the highest index in the year, ties sharing the best rank, a missing index unranked.
 */
import type { AggregateMethod } from "./aggregate.js";
import type { MissingPolicy } from "./compute.js";
import { strictErrors, UsageError, ValidationError, type Issue } from "../errors.js";
import { limitMessages } from "./limit-messages.js";
import { messages } from "./messages.js";
import type { ComputeInternals, IndexResult } from "./compute.js";
import { IndexEngine, type EngineChoice, type EngineOptions } from "./engine.js";
import type { NormalizeMethod } from "./normalize.js";
import type { Panel } from "./panel.js";
import { createRandom } from "./random.js";
import { quantileSelect } from "./quantile.js";
import { estimateSobol } from "./sensitivity.js";
import { rankDescending } from "./analysis/ranks.js";

export { rankDescending };
import { bootstrapGroupIndices, type GroupTerms, type IndexIntervals } from "./sensitivity-bootstrap.js";
import type { Tree } from "./types.js";

/**
 * The warnings of `computeIndex` that `strict` makes errors: weights that did not sum to 1, an unused option, a series
 * mixing percentages with plain numbers, accounting-format dashes read as missing, a number that may have been split at
 * its thousands separator, two units named alike that never share a cell, a unit named as a total, an indicator's name
 * in the values that is not the tree's, rows or columns a workbook hides but that were read, a value some powers of ten
 * from its series' previous one.
 */
const STRICT_WARNINGS = new Set(["W_WEIGHTS_RENORMALISED", "W_OPTION_UNUSED", "W_PERCENT_MIXED", "W_ACCOUNTING_DASH", "W_THOUSANDS_SPLIT", "W_UNIT_LOOKALIKE", "W_UNIT_TOTAL", "W_NAME_MISMATCH", "W_XLSX_HIDDEN"]);

/**
 * The scale of each normalisation's scores. Scores on different scales cannot be compared: an index of 130 from
 * fixed-base scores (30% above the base year) and one of 60 from min-max scores (60% of the way from the worst to the
 * best) say different things, so an analysis that draws methods from two scales mixes two distributions.
 */
export const NORMALIZATION_SCALES: Readonly<Record<NormalizeMethod, string>> = {
  "fixed-base": "ratio (100 = a base)",
  chain: "ratio (100 = a base)",
  "distance-to-target": "ratio (100 = a base)",
  "distance-to-reference": "ratio (100 = a base)",
  "min-max": "0-100",
  "min-max-year": "0-100",
  "min-max-goalposts": "0-100",
  "z-score": "100 ± 10",
  "z-score-year": "100 ± 10",
  "distance-to-average": "ratio (100 = a base)",
  "percentile-rank": "0-100",
  "fraction-of-max": "0-100",
  "distance-to-max": "0-100",
  rank: "1 to n rank",
  borda: "0 to n − 1 count",
};

/**
 * The scale of each aggregation's index. The means keep their scores' scale; Copeland counts wins minus losses, and
 * benefit of the doubt gives each unit its share of the best-weighted frontier: drawing a mean and one of those
 * mixes two distributions, as two normalisations on different scales do.
 */
export const AGGREGATION_SCALES: Readonly<Record<AggregateMethod, string>> = {
  arithmetic: "scores'",
  geometric: "scores'",
  harmonic: "scores'",
  power: "scores'",
  mpi: "scores'",
  copeland: "wins minus losses (−(n − 1) to n − 1)",
  bod: "share of the frontier (0-100)",
  topsis: "closeness to the panel's best (0-100)",
  "topsis-year": "closeness to the year's best (0-100)",
  grey: "grey relational grade with the panel's best (33.3-100)",
};

/**
 * The warning `W_SCALES_MIXED` when `normalizations` draws from more than one scale (`NORMALIZATION_SCALES`), naming
 * the methods of each scale in the order listed; `undefined` when they share one.
 */
export function scalesMixedWarning(normalizations: readonly NormalizeMethod[]): Issue | undefined {
  return mixedScales("--normalisations", normalizations, NORMALIZATION_SCALES);
}

/** `W_SCALES_MIXED` when `aggregations` draws from more than one scale (`AGGREGATION_SCALES`), as `scalesMixedWarning`. */
export function aggregationScalesMixedWarning(aggregations: readonly AggregateMethod[]): Issue | undefined {
  return mixedScales("--aggregations", aggregations, AGGREGATION_SCALES);
}

function mixedScales<Method extends string>(option: string, methods: readonly Method[], scales: Readonly<Record<Method, string>>): Issue | undefined {
  const groups: { scale: string; methods: Method[] }[] = [];
  for (const method of methods) {
    const scale = scales[method];
    const group = groups.find((candidate) => candidate.scale === scale);
    if (group) group.methods.push(method);
    else groups.push({ scale, methods: [method] });
  }
  return groups.length > 1 ? { code: "W_SCALES_MIXED", message: messages.scalesMixed(groups, option) } : undefined;
}

/** The choices an analysis may vary, in the order they are reported. */
export const UNCERTAINTY_CHOICES = ["weights", "normalisation", "aggregation", "missing"] as const;
export type UncertaintyChoice = (typeof UNCERTAINTY_CHOICES)[number];

/**
 * The options of the analysis; those of `EngineOptions` (`computeIndex`'s settings but the three method choices, such
 * as `weights`, `cap`, `outliers`) apply to every run. Weight noise and ranges perturb `weights` when given.
 */
export interface UncertaintyOptions extends EngineOptions {
  /** Replications N of the Saltelli design (2N independent runs for the intervals, N·(k + 2) in all). At least 2. */
  replications: number;
  /** Seed of the generator (`createRandom`). */
  seed: number;
  /** Base year of every normalisation. Default: the earliest year. */
  baseYear?: number;
  /** Relative noise r on every weight (0 < r ≤ 1): uniform on `w·[1 − r, 1 + r]`. Default: none. */
  weightNoise?: number;
  /** Ranges of weights by node code, on the scale of the weights normalised within siblings. Default: none. */
  weightRanges?: ReadonlyMap<string, { min: number; max: number }>;
  /** Normalisation methods to draw from; the first is the nominal one. Default `["fixed-base"]`. */
  normalizations?: readonly NormalizeMethod[];
  /** Aggregation methods to draw from; the first is the nominal one. Default `["arithmetic"]`. */
  aggregations?: readonly AggregateMethod[];
  /** Missing-value policies to draw from; the first is the nominal one. Default `["error"]`. */
  missingPolicies?: readonly MissingPolicy[];
  /**
   * Bootstrap resamples of the design's rows for 95% intervals of the indices over all units (`overallFirstOrder`,
   * `overallTotal`); 0 or absent: none.
   */
  bootstrap?: number;
  /** Called as runs complete (for a progress bar). */
  onProgress?: (runsDone: number, runsTotal: number) => void;
  /**
   * Bytes the design may take (see `estimateUncertaintyMemory`); a larger design is refused before anything is
   * allocated. Default: no limit (the command line passes a share of the machine's memory).
   */
  memoryLimit?: number;
}

/** The shape of a design, for `estimateUncertaintyMemory`. */
export interface DesignShape {
  units: number;
  years: number;
  /** Nodes of the tree (indicators and groups). */
  nodes: number;
  indicators: number;
  replications: number;
  /** Varied choices k. */
  choices: number;
  /** Method combinations prepared (normalisations × aggregations × missing-value policies). */
  combinations: number;
  /** Bootstrap resamples (0: none). */
  bootstrap: number;
}

/**
 * The bytes an analysis holds at its peak, from what it stores (8 bytes a number), with B = units × years cells and N
 * replications:
 * - the index and the rank of each of the 2N runs of A and B, per cell: 2 · 2N · B;
 * - the medians and quantiles of the runs, gathered 8 cells at a time (`GATHERED_CELLS`) for the index and again for
 *   the rank, the first gather not always freed before the second: 2 · 8 · 2N;
 * - with a bootstrap, per output (index, rank) and year, each unit's A and B runs and each choice's two terms per row,
 *   2 · years · (2 · units + 2 · k) · N, and the resampling's sums and squares of each unit's runs, again per output
 *   and year, 2 · years · 2 · units · N;
 * - per prepared combination of methods, its run (about four values per node and cell) and its memoised outputs
 *   (2 · B): combinations · (4 · nodes + 2) · B;
 * - the panel: indicators · B;
 * - and 16 MB (`MEMORY_ALLOWANCE`) for what the runs allocate and free as they go and the allocator's rounding.
 * Measured on ASEM (51 units, 5 years, 59 nodes), the peak resident memory over that of a 10-replication run: 802 MB
 * for weight noise with N = 100,000 (estimate 819 MB), 475 MB for three normalisations with N = 20,000 and 200
 * bootstrap resamples (estimate 492 MB), 718 MB for weight noise and two aggregations with N = 30,000 and 100
 * resamples (estimate 734 MB).
 * @example estimateUncertaintyMemory({ units: 10, years: 5, nodes: 20, indicators: 15, replications: 1000, choices: 2, combinations: 2, bootstrap: 0 })
 * // => 8 · (4·50·1000 + 32·1000 + 2·82·50 + 15·50) + 16·1024² = 1,927,600 + 16,777,216 = 18,704,816
 */
export function estimateUncertaintyMemory(shape: DesignShape): number {
  const cells = shape.units * shape.years;
  const runs = 4 * cells * shape.replications;
  const summaries = 2 * GATHERED_CELLS * 2 * shape.replications;
  const bootstrap = shape.bootstrap > 0 ? 2 * shape.years * (4 * shape.units + 2 * shape.choices) * shape.replications : 0;
  const prepared = shape.combinations * (4 * shape.nodes + 2) * cells;
  return 8 * (runs + summaries + bootstrap + prepared + shape.indicators * cells) + MEMORY_ALLOWANCE;
}

/** What an analysis allocates and frees as it goes (a run's buffers, the allocator's rounding): 16 MB. */
const MEMORY_ALLOWANCE = 16 * 1024 ** 2;

/** A varied choice and the options it was drawn from. */
export interface VariedChoice {
  choice: UncertaintyChoice;
  /** The methods drawn from; for weights, a description such as `±20%`. */
  options: readonly string[];
}

/** Per-cell statistics over the runs; every array is `units × years`, unit-major like a panel block. */
export interface Distribution {
  nominal: Float64Array;
  median: Float64Array;
  /** 5% quantile. */
  low: Float64Array;
  /** 95% quantile. */
  high: Float64Array;
}

/** Sobol indices of each varied choice; arrays are `choice × units × years`, and `choice × years` for `overall`. */
export interface ChoiceSensitivity {
  firstOrder: Float64Array;
  total: Float64Array;
  /**
   * Per year, over all units together: `Σ_u V_i(u) / Σ_u V(u)` (first order) and likewise for the total, the
   * generalised Sobol index of the vector of all units' outputs (Gamboa, Janon, Klein, Lagnoux 2014): the choices'
   * shares of the total variance of the year.
   */
  overallFirstOrder: Float64Array;
  overallTotal: Float64Array;
  /** With `bootstrap`: 95% percentile intervals of `overallFirstOrder` and `overallTotal`, laid out like them. */
  overallIntervals?: IndexIntervals;
}

export interface UncertaintyResult {
  units: readonly string[];
  years: readonly number[];
  baseYear: number;
  choices: readonly VariedChoice[];
  replications: number;
  /** Model runs: N·(k + 2). */
  runs: number;
  seed: number;
  /** The nominal run as `computeIndex` computed it (its warnings, imputations, outlier treatments, weights). */
  nominalRun: IndexResult;
  /**
   * The nominal run's warnings, less those saying an option is unused (`--cap` without a ratio method) when another
   * listed method uses it; and `W_SCALES_MIXED` when the normalisations or the aggregations are on different scales
   * (`scalesMixedWarning`, `aggregationScalesMixedWarning`).
   */
  warnings: Issue[];
  index: Distribution;
  rank: Distribution;
  sensitivity: { index: ChoiceSensitivity; rank: ChoiceSensitivity };
}

/**
 * Runs the analysis. Throws `RangeError` (prefixed `analyzeUncertainty`) when nothing varies or an option is out of
 * range, and `ValidationError` when the data do not allow one of the listed methods (checked before any run).
 * `unitLookalikes`: the `W_UNIT_LOOKALIKE` warnings of the panel before screening (`unitLookalikeWarnings`), which a
 * caller that screened `panel` gives, so that a unit screened out under a name like a kept unit's is warned of as
 * `computeIndex` warns of it; default: `panel`'s own.
 */
export function analyzeUncertainty(tree: Tree, panel: Panel, options: UncertaintyOptions & Pick<ComputeInternals, "unitLookalikes">): UncertaintyResult {
  const normalizations = options.normalizations?.length ? options.normalizations : (["fixed-base"] as const);
  const aggregations = options.aggregations?.length ? options.aggregations : (["arithmetic"] as const);
  const missingPolicies = options.missingPolicies?.length ? options.missingPolicies : (["error"] as const);
  const noise = options.weightNoise ?? 0;
  const ranges = options.weightRanges ?? new Map<string, { min: number; max: number }>();
  if (!(noise >= 0 && noise <= 1)) throw new RangeError(`analyzeUncertainty requires a weight noise from 0 to 1, got ${noise}`);
  if (!(Number.isInteger(options.replications) && options.replications >= 2))
    throw new RangeError(`analyzeUncertainty requires at least 2 replications, got ${options.replications}`);
  if ((options as { screen?: unknown }).screen !== undefined) throw new RangeError("analyzeUncertainty takes no screen; expected the panel screened first (screenPanel)");
  const resamples = options.bootstrap ?? 0;
  if (!(resamples === 0 || (Number.isInteger(resamples) && resamples >= 2)))
    throw new RangeError(`analyzeUncertainty requires 0 or at least 2 bootstrap resamples, got ${resamples}`);

  // Everything but the analysis's own options is a setting of every run.
  const {
    replications: _replications,
    seed: _seed,
    weightNoise: _weightNoise,
    weightRanges: _weightRanges,
    normalizations: _normalizations,
    aggregations: _aggregations,
    missingPolicies: _missingPolicies,
    bootstrap: _bootstrap,
    onProgress: _onProgress,
    memoryLimit: _memoryLimit,
    ...settings
  } = options;
  // `strict` is applied to the analysis as a whole below: an option unused by one listed method is not an error.
  const engine = new IndexEngine(tree, panel, { ...settings, strict: false });
  const nodeCount = tree.nodes.length;
  const nodePosition = new Map(tree.nodes.map((node, i) => [node.code, i] as const));
  const rangeMin = new Float64Array(nodeCount).fill(Number.NaN);
  const rangeMax = new Float64Array(nodeCount).fill(Number.NaN);
  for (const [code, range] of ranges) {
    const node = nodePosition.get(code);
    if (node === undefined) throw new RangeError(`analyzeUncertainty: weight range for unknown node "${code}"`);
    if (!(range.min >= 0 && range.max >= range.min))
      throw new RangeError(`analyzeUncertainty: weight range of "${code}" is [${range.min}, ${range.max}]; expected 0 <= min <= max`);
    rangeMin[node] = range.min;
    rangeMax[node] = range.max;
  }

  type Factor = { choice: UncertaintyChoice; size: number; options: readonly string[] };
  const factors: Factor[] = [];
  if (noise > 0 || ranges.size > 0) {
    const label = [noise > 0 ? `±${formatPercent(noise)}` : "", ranges.size > 0 ? `${ranges.size} range${ranges.size === 1 ? "" : "s"}` : ""];
    factors.push({ choice: "weights", size: nodeCount, options: [label.filter(Boolean).join(", ")] });
  }
  if (normalizations.length > 1) factors.push({ choice: "normalisation", size: 1, options: normalizations });
  if (aggregations.length > 1) factors.push({ choice: "aggregation", size: 1, options: aggregations });
  if (missingPolicies.length > 1) factors.push({ choice: "missing", size: 1, options: missingPolicies });
  if (factors.length === 0) throw new RangeError("analyzeUncertainty: nothing varies; expected weight noise or ranges, or two or more methods in a list");

  // A design that would not fit is refused before anything large is allocated.
  if (options.memoryLimit !== undefined) {
    const estimate = estimateUncertaintyMemory({
      units: panel.units.length,
      years: panel.years.length,
      nodes: nodeCount,
      indicators: panel.indicators.length,
      replications: options.replications,
      choices: factors.length,
      combinations: normalizations.length * aggregations.length * missingPolicies.length,
      bootstrap: resamples,
    });
    if (estimate > options.memoryLimit)
      throw new UsageError("E_MEMORY_LIMIT", limitMessages.designTooLarge(estimate, options.memoryLimit, options.replications));
  }

  // Every combination of methods is validated before the first run (the nominal one first), and the scores of each
  // pair kept.
  const nominalRun = engine.prepare({ normalize: normalizations[0], aggregate: aggregations[0], missing: missingPolicies[0] });
  const runs: IndexResult[] = [];
  for (const normalize of normalizations)
    for (const missing of missingPolicies) for (const aggregate of aggregations) runs.push(engine.prepare({ normalize, missing, aggregate }));
  // An option is unused by the analysis only when every combination leaves it unused (an exponent unused by the
  // nominal aggregation is read by the power mean when the list draws it): each run carries its own warnings.
  const warnings = nominalRun.warnings.filter(
    (warning) => warning.code !== "W_OPTION_UNUSED" || runs.every((run) => run.warnings.some((other) => other.message === warning.message)),
  );
  for (const mixed of [scalesMixedWarning(normalizations), aggregationScalesMixedWarning(aggregations)]) if (mixed) warnings.push(mixed);
  // The warnings `computeIndex` turns into errors under `strict` (those it finds before the data stage).
  const refused = options.strict ? warnings.filter((warning) => STRICT_WARNINGS.has(warning.code)) : [];
  if (refused.length > 0) throw new ValidationError(strictErrors(refused));

  const unitCount = panel.units.length;
  const yearCount = panel.years.length;
  const blockSize = engine.blockSize;
  const nominalChoice: EngineChoice = { normalize: normalizations[0], aggregate: aggregations[0], missing: missingPolicies[0] };
  const nominalIndex = engine.evaluate(nominalChoice, engine.nominalWeights, new Float64Array(blockSize));
  const nominalRank = rankDescending(nominalIndex, unitCount, yearCount, new Float64Array(blockSize));

  // The model: uniforms -> choices -> [index block, rank block].
  const weights = new Float64Array(nodeCount);
  const choice: EngineChoice = { ...nominalChoice };
  const index = new Float64Array(blockSize);
  const rank = new Float64Array(blockSize);
  const rankScratch = new Float64Array(unitCount);
  const varyWeights = factors[0].choice === "weights";
  // Without varied weights a run is fully determined by its methods: each combination is computed once.
  const memo = new Map<string, Float64Array>();
  const pick = <T>(list: readonly T[], u: number): T => list[Math.min(list.length - 1, Math.floor(u * list.length))];
  const evaluate = (inputs: Float64Array, out: Float64Array) => {
    let column = 0;
    for (const factor of factors) {
      const u = inputs[column];
      if (factor.choice === "weights") drawWeights(inputs, column);
      else if (factor.choice === "normalisation") choice.normalize = pick(normalizations, u);
      else if (factor.choice === "aggregation") choice.aggregate = pick(aggregations, u);
      else choice.missing = pick(missingPolicies, u);
      column += factor.size;
    }
    const key = varyWeights ? "" : `${choice.normalize}\u0000${choice.aggregate}\u0000${choice.missing}`;
    const known = memo.get(key);
    if (known) return out.set(known);
    engine.evaluate(choice, varyWeights ? weights : engine.nominalWeights, index);
    out.set(index, 0);
    out.set(rankDescending(index, unitCount, yearCount, rank, rankScratch), blockSize);
    if (!varyWeights) memo.set(key, out.slice());
  };
  /** The weights of a run from its uniforms `inputs[first …]`. */
  const drawWeights = (inputs: Float64Array, first: number) => {
    const nominal = engine.nominalWeights;
    for (let n = 0; n < nodeCount; n++)
      weights[n] = Number.isNaN(rangeMin[n])
        ? nominal[n] * (1 + noise * (2 * inputs[first + n] - 1))
        : rangeMin[n] + (rangeMax[n] - rangeMin[n]) * inputs[first + n];
    for (const siblings of engine.siblingSets) {
      let sum = 0;
      for (const n of siblings) sum += weights[n];
      for (const n of siblings) weights[n] = sum > 0 ? weights[n] / sum : 1 / siblings.length;
    }
  };

  // The outputs (index block, rank block) of the 2N independent runs of A and B, run by run as they come.
  const sampleCount = 2 * options.replications;
  const outputCount = 2 * blockSize;
  const runOutputs = new Float64Array(outputCount * sampleCount);
  // With a bootstrap, the terms of the estimators over all units, per output (index, rank), year and row.
  const samples = options.replications;
  const k = factors.length;
  const groups: GroupTerms[] = [];
  if (resamples > 0)
    for (let output = 0; output < 2; output++)
      for (let year = 0; year < yearCount; year++)
        groups.push({
          samples,
          outputCount: unitCount,
          runsA: new Float64Array(unitCount * samples),
          runsB: new Float64Array(unitCount * samples),
          first: new Float64Array(k * samples),
          total: new Float64Array(k * samples),
        });
  // Each factor's first column, and the methods it picks from (none for the weights).
  const factorColumns = factors.map((_, f) => factors.slice(0, f).reduce((sum, other) => sum + other.size, 0));
  const factorLists = factors.map(({ choice }): readonly string[] | undefined =>
    choice === "normalisation" ? normalizations : choice === "aggregation" ? aggregations : choice === "missing" ? missingPolicies : undefined,
  );
  const random = createRandom(options.seed);
  // The first-order estimator's constant: the nominal run, near the mean of every output.
  const center = new Float64Array(2 * blockSize);
  center.set(nominalIndex, 0);
  center.set(nominalRank, blockSize);
  // The outputs that count in the indices over all units of a year: those defined in the nominal run. A unit without
  // values in a year has no index and no rank there in any run; summed in, it would leave the year's indices undefined.
  const counted = new Uint8Array(2 * blockSize);
  for (let m = 0; m < 2 * blockSize; m++) counted[m] = Number.isFinite(center[m]) ? 1 : 0;
  const sobol = estimateSobol({
    center,
    factorSizes: factors.map((factor) => factor.size),
    samples,
    random,
    outputCount: 2 * blockSize,
    evaluate,
    // A method choice is the same in A and B when both uniforms pick the same method; weights never are.
    same: (factor, a, b) => {
      const list = factorLists[factor];
      const column = factorColumns[factor];
      return list !== undefined && pick<string>(list, a[column]) === pick<string>(list, b[column]);
    },
    observe: (run, outputs) => {
      const first = run * outputCount;
      for (let m = 0; m < outputCount; m++) runOutputs[first + m] = outputs[m];
    },
    observeRow:
      resamples > 0
        ? (row, factor, outA, outB, outMixed) =>
            groups.forEach((group, g) => {
              const offset = g < yearCount ? 0 : blockSize;
              const year = g % yearCount;
              let first = 0;
              let total = 0;
              for (let unit = 0; unit < unitCount; unit++) {
                const cell = offset + unit * yearCount + year;
                // Not counted: its terms stay 0, and its runs a constant 0, which adds nothing to the group's variance.
                if (counted[cell] === 0) continue;
                if (factor === 0) {
                  group.runsA[unit * samples + row] = outA[cell];
                  group.runsB[unit * samples + row] = outB[cell];
                }
                first += (outB[cell] - center[cell]) * (outMixed[cell] - outA[cell]);
                total += (outA[cell] - outMixed[cell]) ** 2;
              }
              group.first[factor * samples + row] = first;
              group.total[factor * samples + row] = total;
            })
        : undefined,
    onProgress: options.onProgress,
  });
  // The bootstrap draws continue the design's generator, so the same seed gives the same intervals.
  const intervals = resamples > 0 ? bootstrapGroupIndices(groups, k, resamples, random) : [];

  const sensitivityOf = (offset: number): ChoiceSensitivity => {
    const pickBlock = (array: Float64Array) => {
      const out = new Float64Array(k * blockSize);
      for (let i = 0; i < k; i++) out.set(array.subarray(i * 2 * blockSize + offset, i * 2 * blockSize + offset + blockSize), i * blockSize);
      return out;
    };
    const overall = (numerators: Float64Array) => {
      const out = new Float64Array(k * yearCount);
      for (let i = 0; i < k; i++)
        for (let year = 0; year < yearCount; year++) {
          let numerator = 0;
          let variance = 0;
          for (let unit = 0; unit < unitCount; unit++) {
            const cell = unit * yearCount + year;
            if (counted[offset + cell] === 0) continue;
            numerator += numerators[i * 2 * blockSize + offset + cell];
            variance += sobol.variance[offset + cell];
          }
          out[i * yearCount + year] = variance > 0 ? numerator / variance : Number.NaN;
        }
      return out;
    };
    // The groups' intervals (per factor) laid out like the overall indices (factor × year).
    const layOut = (pick: (group: IndexIntervals) => Float64Array) => {
      const out = new Float64Array(k * yearCount);
      for (let year = 0; year < yearCount; year++) {
        const group = intervals[(offset === 0 ? 0 : yearCount) + year];
        for (let i = 0; i < k; i++) out[i * yearCount + year] = pick(group)[i];
      }
      return out;
    };
    return {
      firstOrder: pickBlock(sobol.firstOrder),
      total: pickBlock(sobol.total),
      overallFirstOrder: overall(sobol.firstOrderVariance),
      overallTotal: overall(sobol.totalVariance),
      overallIntervals:
        resamples > 0
          ? {
              firstOrderLow: layOut((group) => group.firstOrderLow),
              firstOrderHigh: layOut((group) => group.firstOrderHigh),
              totalLow: layOut((group) => group.totalLow),
              totalHigh: layOut((group) => group.totalHigh),
            }
          : undefined,
    };
  };

  const undefinedRuns = runsUndefined(runOutputs, outputCount, nominalIndex);
  if (undefinedRuns.length > 0)
    warnings.push({
      code: "W_RUNS_UNDEFINED",
      message: messages.runsUndefined(
        undefinedRuns.map(({ cell, count }) => ({ unit: panel.units[Math.floor(cell / yearCount)], year: panel.years[cell % yearCount], count })),
        runOutputs.length / outputCount,
      ),
    });

  return {
    units: panel.units,
    years: panel.years,
    baseYear: engine.baseYear,
    choices: factors.map(({ choice, options }) => ({ choice, options })),
    replications: options.replications,
    runs: sobol.runs,
    seed: options.seed,
    nominalRun,
    warnings,
    index: { nominal: nominalIndex, ...summarize(runOutputs, outputCount, 0, blockSize) },
    rank: { nominal: nominalRank, ...summarize(runOutputs, outputCount, blockSize, blockSize) },
    sensitivity: { index: sensitivityOf(0), rank: sensitivityOf(blockSize) },
  };
}

/**
 * The cells (unit-major, as `nominal`) whose overall index is defined in the nominal run but undefined in
 * some runs, with how many: a run that gives a weight to a child of nominal weight 0 scoring <= 0 under a geometric,
 * harmonic or power mean (`--weight-ranges`). The index of run r is `runs[r·outputCount …]`.
 */
function runsUndefined(runs: Float64Array, outputCount: number, nominal: Float64Array): { cell: number; count: number }[] {
  const counts = new Int32Array(nominal.length);
  for (let row = 0; row < runs.length; row += outputCount)
    for (let cell = 0; cell < nominal.length; cell++) if (Number.isNaN(runs[row + cell]) && !Number.isNaN(nominal[cell])) counts[cell]++;
  const found: { cell: number; count: number }[] = [];
  counts.forEach((count, cell) => count > 0 && found.push({ cell, count }));
  return found;
}

/** Cells gathered at once by `summarize`: their values of one run are neighbours in memory. */
const GATHERED_CELLS = 8;

/**
 * Median, 5% and 95% quantiles of each cell's runs, over the finite runs: the outputs of run r are
 * `runs[r·outputCount …]`, and the cells summarised are outputs `offset … offset + cellCount`.
 */
function summarize(runs: Float64Array, outputCount: number, offset: number, cellCount: number): Omit<Distribution, "nominal"> {
  const sampleCount = runs.length / outputCount;
  const median = new Float64Array(cellCount);
  const low = new Float64Array(cellCount);
  const high = new Float64Array(cellCount);
  const gathered = new Float64Array(GATHERED_CELLS * sampleCount);
  for (let first = 0; first < cellCount; first += GATHERED_CELLS) {
    const width = Math.min(GATHERED_CELLS, cellCount - first);
    // Each cell's runs side by side, the finite ones to the front (NaN left out).
    const finite = new Int32Array(width);
    for (let run = 0; run < sampleCount; run++) {
      const row = run * outputCount + offset + first;
      for (let j = 0; j < width; j++) {
        const value = runs[row + j];
        if (!Number.isNaN(value)) gathered[j * sampleCount + finite[j]++] = value;
      }
    }
    // Three quantiles of each by selection rather than a sort.
    for (let j = 0; j < width; j++) {
      const observed = gathered.subarray(j * sampleCount, j * sampleCount + finite[j]);
      median[first + j] = quantileSelect(observed, 0.5);
      low[first + j] = quantileSelect(observed, 0.05);
      high[first + j] = quantileSelect(observed, 0.95);
    }
  }
  return { median, low, high };
}

const formatPercent = (fraction: number) => `${Math.round(fraction * 1e6) / 1e4}%`;
