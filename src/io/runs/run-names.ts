/**
 * The names that make a project's runs folder and its run folders recognisable on disk, for the readers of runs
 * (`runs.ts`) and for the one writer (`write/write.ts`), which refuses to write into them.
 */

/** The file in the runs folder naming the published run. */
export const LATEST_FILE = "LATEST";

/** The manifest of a run folder. */
export const MANIFEST_FILE = "manifest.json";

/**
 * The files a Parquet writer writes in a folder of its own (`write.ts`, `PRIVATE_FOLDER_PREFIX`), before each is moved
 * to its temporary name: `to-parquet.ts`'s `PARQUET_FILES` (not imported from there, which would load it with the writer).
 */
export const PARQUET_FILE_NAMES: readonly string[] = ["index.parquet", "scores.parquet", "growth.parquet"];

/**
 * Every output file `compute` may write into a run's staging folder (`cli/outputs.ts`'s `buildOutputs`, the run's
 * `input-values.csv`, and its manifest, written last): a staging folder left by a killed run holds these, their
 * temporary files `.<name>.<pid>.tmp`, its marker and the Parquet writer's folder, and nothing else (`runs.ts`).
 */
export const RUN_FILE_NAMES: readonly string[] = [
  "index.csv", "index-wide.csv", "scores.csv", "growth.csv", "contributions.csv", "ranks.csv", "weights.csv", "coverage.csv",
  "imputations.csv", "treatment.csv", ...PARQUET_FILE_NAMES, "groups.csv", "screened.csv", "index.json", "index.xlsx",
  "report.html", "input-values.csv", MANIFEST_FILE,
];

/** A run id: the start time, compact, and the first 8 hex digits of the run's fingerprint. */
const RUN_ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z-[0-9a-f]{8}$/;

/** Whether a name is a run id. */
export function isRunId(name: string): boolean {
  return RUN_ID.test(name);
}

/** The start time of a run id in milliseconds since the epoch (`20261125T135000.123Z`: 2026-11-25T13:50:00.123Z), or `undefined` for a name that is not one. */
export function runIdMilliseconds(id: string): number | undefined {
  const match = RUN_ID.exec(id);
  return match ? Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6], +match[7]) : undefined;
}
