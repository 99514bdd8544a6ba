/**
 * Results as JSON for programs: the options, the nodes with their weights, and every value at full precision
 * (`null` where undefined).
 */
import { resultIndex, type IndexResult } from "../../core/compute.js";
import type { Imputation } from "../../core/missing.js";
import type { Treatment } from "../../core/outliers.js";
import type { Issue } from "../../errors.js";

export interface IndexJson {
  baseYear: number;
  options: IndexResult["options"];
  weighting: IndexResult["weighting"];
  units: readonly string[];
  years: readonly number[];
  nodes: IndexResult["nodes"];
  /** One entry per unit and year: `values[code]` for every node, scores of indicators included. */
  results: { unit: string; year: number; values: Record<string, number | null> }[];
  warnings: Issue[];
  /** Every imputed or reweighted cell (`value` null when reweighted). */
  imputations: (Omit<Imputation, "value"> & { value: number | null })[];
  /** Every cell the outlier treatment changed. */
  treatments: Treatment[];
  /**
   * The weights benefit of the doubt chose, by the code of each group (or `INDEX`) aggregated by `bod`, as
   * `IndexResult.bodWeights`: child-major, `[(child * units + unit) * years + year]`, the group's children as they
   * come in `nodes`, on the score's scale (Compind's `ci_bod_weights` ×100); `null` where the group has no score.
   * Absent when no group is aggregated by `bod`.
   */
  bodWeights?: Record<string, (number | null)[]>;
}

/** A number as `index.json` holds it: `null` where it is not finite (missing). */
const orNull = (value: number) => (Number.isFinite(value) ? value : null);

/** `index.json`: the same results as the CSV files, unrounded. */
export function toIndexJson(result: IndexResult): IndexJson {
  const results: IndexJson["results"] = [];
  result.units.forEach((unit, u) => {
    result.years.forEach((year, y) => {
      const values: Record<string, number | null> = {};
      result.nodes.forEach((node, n) => {
        const value = result.values[resultIndex(result, n, u, y)];
        values[node.code] = orNull(value);
      });
      results.push({ unit, year, values });
    });
  });
  return {
    baseYear: result.baseYear,
    options: result.options,
    weighting: result.weighting,
    units: result.units,
    years: result.years,
    nodes: result.nodes,
    results,
    warnings: result.warnings,
    imputations: result.imputations.map((row) => ({ ...row, value: orNull(row.value) })),
    treatments: result.treatments,
    ...(result.bodWeights ? { bodWeights: Object.fromEntries([...result.bodWeights].map(([code, weights]) => [code, Array.from(weights, orNull)])) } : {}),
  };
}

/** `index.json` as text (two-space indent, trailing newline). */
export function formatIndexJson(result: IndexResult): string {
  return JSON.stringify(toIndexJson(result), null, 2) + "\n";
}

/**
 * The files that hold the results of a run written with `--parquet-only`, as its `index.json` names them in
 * `resultsIn`: `index.parquet` the overall index and the groups, `scores.parquet` the indicators' scores; both long
 * (`unit, year, code, name, level, value`), a NULL value a missing one.
 */
export const PARQUET_RESULT_FILES: readonly string[] = ["index.parquet", "scores.parquet"];

/**
 * `index.json` of a run written with `--parquet-only`: `IndexJson` without `results`, and in its place `resultsIn`,
 * the names of the files in the same folder that hold those values (`PARQUET_RESULT_FILES`).
 */
export type IndexJsonWithoutResults = Omit<IndexJson, "results"> & { resultsIn: readonly string[] };

/**
 * `index.json` as text for a run whose results are in Parquet files (`--parquet-only`): the same text as
 * `formatIndexJson` but for `"results"`, which becomes `"resultsIn"`, the list of those files. No value is written, so
 * the file stays small whatever the size of the panel.
 */
export function formatIndexJsonWithoutResults(result: IndexResult, resultsIn: readonly string[] = PARQUET_RESULT_FILES): string {
  // Built from a result without units and years, so that no entry of `results` is made, then the lists put back.
  const frame: Record<string, unknown> = { ...toIndexJson({ ...result, units: [], years: [] }), units: result.units, years: result.years };
  const json = Object.fromEntries(Object.entries(frame).map(([key, value]) => (key === "results" ? ["resultsIn", resultsIn] : [key, value])));
  return JSON.stringify(json, null, 2) + "\n";
}
