/**
 * What a run folder holds besides the compute outputs: `manifest.json` (tool version, resolved options, SHA-256 of
 * every input and output file, years and units covered, warnings) and `input-values.csv` (every value read, so that
 * two runs can be compared value by value); reading a run folder back for comparisons.
 */
import { createRequire } from "node:module";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import { runMessages } from "../../core/run-messages.js";
import { readerMessages } from "../../core/reader-messages.js";
import { ratioScale } from "../../core/index-scale.js";
import type { RunValue } from "../../core/revision.js";
import type { Issue } from "../../errors.js";
import { InputError } from "../../errors.js";
import { parseCsv } from "../csv.js";
import { specialKind } from "../read/duckdb-sources.js";
import { unreadable } from "../read/read-text.js";
import { digestFile } from "../write/write.js";
import { MANIFEST_FILE } from "./run-names.js";
import type { ParquetResults } from "./run-parquet.js";

export { MANIFEST_FILE };
export const INPUT_VALUES_FILE = "input-values.csv";

/** A file and its SHA-256 (hex). `path` is relative to the project folder for inputs, to the run folder for outputs. */
export interface FileDigest {
  /** `indicators`, `values`, or the option the file was given by. Inputs only. */
  role?: string;
  path: string;
  bytes: number;
  sha256: string;
}

export interface RunManifest {
  tool: { name: string; version: string };
  /**
   * The run's own id, the name its folder was given: a folder renamed or copied under another id is found by `verify`
   * (and refused by `runs publish`). Absent in the manifests of older versions.
   */
  run?: string;
  /** The only fields that differ between two runs of the same inputs and options. */
  startedAt: string;
  /** When every output was written, just before the manifest itself. */
  finishedAt: string;
  /** SHA-256 of the tool version, the options and the input digests: equal fingerprints, equal results. */
  fingerprint: string;
  /**
   * The run `LATEST` named when this run was made, which it replaced once published (the run its revision line compared
   * with, when that run could be read): what `previous` names while this run is the latest. `null` when there was none
   * (the project's first run, or a `LATEST` that named no run). Absent in the manifests of older versions.
   */
  previous?: string | null;
  /** The compute options after index.yaml and the flags were merged (paths relative to the project folder). */
  options: Record<string, unknown>;
  /** The input files, with the digests of the bytes the run computed from (hashed again once read, see `requireSameInputs`). */
  inputs: FileDigest[];
  /** A `.sql` values file: the query as it ran (the files it read are the inputs of role `query-input`). */
  query?: string;
  /**
   * The queries that may read files they do not name (`values.sql`, or `tree.csv:3` for the tree's `sql` cell of an
   * indicator: a path known only when the query runs, a statement DuckDB's parser cannot list the files of): what those
   * files held is in no input's digest nor in the fingerprint, so the next run is never skipped as unchanged (the
   * warning `W_QUERY_FILES_UNNAMED` in `warnings` says so too), and `report` into the run says it may be stale
   * (`W_RUN_INPUTS_UNPROVEN`). Absent when every file a query reads is listed (named, or of a path built from constants).
   */
  unnamedQueryInputs?: string[];
  coverage: { units: readonly string[]; years: readonly number[]; baseYear: number; indicators: number };
  warnings: readonly Issue[];
  outputs: FileDigest[];
}

/**
 * `node:crypto`'s `createHash`, loaded on first use: this module is reached from the startup path of every command
 * (through `diff` and project runs), and most runs never hash.
 */
function createHash(algorithm: "sha256") {
  return (createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto")).createHash(algorithm);
}

/** A SHA-256 hash to feed chunk by chunk (`update`), then `digest("hex")`. */
export function sha256Hash() {
  return createHash("sha256");
}

/** SHA-256 of bytes or UTF-8 text, as 64 hex digits. */
export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * Refuses an input file of a project run (`path`, named `label`) that is a named pipe, a socket or a device (links
 * followed), before anything reads it: hashing a pipe would empty it for the reader after, or wait on it without end.
 * A file that cannot be looked at is left to its reader.
 * @throws `InputError` `E_READ` naming `label` and what the file is
 */
export async function refuseSpecialInput(path: string, label: string): Promise<void> {
  const kind = specialKind(await stat(path).catch(() => undefined));
  if (kind !== undefined) throw new InputError("E_READ", readerMessages.runInputSpecialFile(label, kind), { source: label });
}

/**
 * Digests of files on disk, in the order given, each read as a stream (never whole in memory); a file that cannot be
 * read is an `InputError` naming it, and so is one that is a named pipe, a socket or a device (`refuseSpecialInput`),
 * refused before it is opened.
 */
export async function digestFiles(files: readonly { role: string; path: string; label: string }[]): Promise<FileDigest[]> {
  return Promise.all(
    files.map(async (file) => {
      await refuseSpecialInput(file.path, file.label);
      try {
        return { role: file.role, path: file.label, ...(await digestFile(file.path)) };
      } catch (cause) {
        throw unreadable(cause, file.label);
      }
    }),
  );
}

/** JSON with object keys sorted at every depth, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/**
 * The fingerprint of a run: SHA-256 of the tool version, the options and every input's path and SHA-256, and of the
 * manifest's `unnamedQueryInputs` when it lists any (`undefined` or `[]`: none, so the fingerprint of a run without
 * them is that of earlier versions): a list deleted from a manifest by hand, which would hide from `report` that the
 * run may be stale, makes the fingerprint disagree (`checkManifest`, verify).
 */
export function fingerprintOf(version: string, options: Record<string, unknown>, inputs: readonly FileDigest[], unnamedQueryInputs?: unknown): string {
  const unnamed = unnamedQueryInputs === undefined || (Array.isArray(unnamedQueryInputs) && unnamedQueryInputs.length === 0) ? {} : { unnamedQueryInputs };
  return sha256(canonicalJson({ version, options, inputs: inputs.map(({ role, path, sha256 }) => ({ role, path, sha256 })), ...unnamed }));
}

/** `manifest.json` as text (two-space indent, trailing newline). */
export function formatManifest(manifest: RunManifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** The values of an `input-values.csv` (`parseCsv` removes the formula guard of the writer from units and codes). */
export function parseInputValuesCsv(text: string, source: string): RunValue[] {
  return parseCsv(text, source).rows.map(({ cells }) => ({
    unit: cells[0],
    year: Number(cells[1]),
    code: cells[2],
    value: cells[3] === "" ? Number.NaN : Number(cells[3]),
  }));
}

/**
 * What an `index.json` holds of the outputs: its `results` as values, or, for a run written with `--parquet-only`,
 * where they are (`resultsIn`, read by `readParquetResults` of `run-parquet.ts`).
 */
export type IndexJsonOutputs = { kind: "values"; values: RunValue[] } | { kind: "parquet"; results: ParquetResults };

/**
 * The outputs of an `index.json` (see `IndexJsonOutputs`): every node (indicator scores, groups, `INDEX`) for every unit
 * and year, or the Parquet files that hold them with the units, years and node codes they are listed by.
 */
export function parseIndexJsonOutputs(text: string, source: string): IndexJsonOutputs {
  return indexJsonOutputsOf(parseIndexJson(text, source), source);
}

/** An `index.json` as parsed, its fields not yet checked (`{}` for JSON that is not an object). */
interface IndexJsonRead {
  results?: { unit: string; year: number; values: Record<string, number | null> }[];
  resultsIn?: unknown;
  units?: unknown;
  years?: unknown;
  nodes?: unknown;
  bodWeights?: unknown;
}

/** The text of an `index.json` parsed, or an `E_RUN_FILE` naming `source` when it is not JSON. */
function parseIndexJson(text: string, source: string): IndexJsonRead {
  let json: IndexJsonRead | null;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InputError("E_RUN_FILE", runMessages.indexJsonNotJson(source), { source }, { cause });
  }
  return json === null || typeof json !== "object" ? {} : json;
}

/** The outputs of a parsed `index.json` (see `parseIndexJsonOutputs`). */
function indexJsonOutputsOf(json: IndexJsonRead, source: string): IndexJsonOutputs {
  if (!Array.isArray(json.results) && "resultsIn" in json) return { kind: "parquet", results: parquetResultsOf(json, source) };
  if (!Array.isArray(json.results)) throw new InputError("E_RUN_FILE", runMessages.indexJsonNoResults(source), { source });
  return {
    kind: "values",
    values: json.results.flatMap(({ unit, year, values }) =>
      Object.entries(values).map(([code, value]) => ({ unit, year, code, value: value === null ? Number.NaN : value })),
    ),
  };
}

/** A plain file name (no folder, not `.` or `..`): the files of `resultsIn` lie in the run folder itself. */
const isPlainFileName = (name: unknown) => typeof name === "string" && name !== "" && name !== "." && name !== ".." && !/[\\/\u0000]/.test(name);

/** The `resultsIn` of an `index.json` with the lists its Parquet files are read by, checked. */
function parquetResultsOf(json: { resultsIn?: unknown; units?: unknown; years?: unknown; nodes?: unknown }, source: string): ParquetResults {
  const { resultsIn, units, years, nodes } = json;
  if (!Array.isArray(resultsIn) || !resultsIn.every(isPlainFileName))
    throw new InputError("E_RUN_FILE", outputMessages.resultsInInvalid(source, JSON.stringify(resultsIn).slice(0, 200)), { source });
  const problem = !Array.isArray(units) || !units.every((unit) => typeof unit === "string")
    ? "units"
    : !Array.isArray(years) || !years.every((year) => Number.isInteger(year))
      ? "years"
      : !Array.isArray(nodes) || !nodes.every((node) => typeof (node as { code?: unknown } | null)?.code === "string")
        ? "nodes"
        : undefined;
  if (problem) throw new InputError("E_RUN_FILE", runMessages.indexJsonBadList(source, problem), { source });
  return { files: resultsIn as string[], units: units as string[], years: years as number[], codes: (nodes as { code: string }[]).map((node) => node.code) };
}

/**
 * The output values of an `index.json`: every node (indicator scores, groups, `INDEX`) for every unit and year. An
 * `index.json` whose values are in Parquet files (`resultsIn`) is read by `readRun`, which reads those files.
 */
export function parseIndexJsonValues(text: string, source: string): RunValue[] {
  const outputs = parseIndexJsonOutputs(text, source);
  if (outputs.kind === "parquet")
    throw new InputError("E_RUN_FILE", runMessages.resultsInParquet(source, outputs.results.files), { source });
  return outputs.values;
}

/**
 * The output values of a run folder's `index.json` (as parsed), read from the Parquet files it names in `resultsIn` when
 * it holds no `results` (DuckDB loads only then).
 */
async function readIndexJsonOutputs(json: IndexJsonRead, folder: string, label: string): Promise<RunValue[]> {
  const outputs = indexJsonOutputsOf(json, `${label}/index.json`);
  if (outputs.kind === "values") return outputs.values;
  const { readParquetResults, runValuesOf } = await import("./run-parquet.js");
  return runValuesOf(outputs.results, await readParquetResults(folder, label, outputs.results));
}

/**
 * Whether a run's outputs are on a ratio scale: `ratioScale` of the `nodes` its `index.json` records (each node's
 * `kind` and `method`), as growth.csv decides, so that a revision's change in percent means something (`revisionPercent`).
 * `true` when `nodes` is not a list of nodes as compute writes them (the change in percent as before).
 * @example nodesRatioScale([{ kind: "index", method: "copeland" }, { kind: "indicator", method: "fixed-base" }]) // => false
 */
export function nodesRatioScale(nodes: unknown): boolean {
  if (!Array.isArray(nodes)) return true;
  const scale: { kind: "index" | "group" | "indicator"; method?: string }[] = [];
  for (const node of nodes as unknown[]) {
    if (node === null || typeof node !== "object") return true;
    const { kind, method } = node as { kind?: unknown; method?: unknown };
    if (kind !== "index" && kind !== "group" && kind !== "indicator") return true;
    scale.push({ kind, method: typeof method === "string" ? method : undefined });
  }
  return ratioScale({ nodes: scale });
}

/**
 * The weights benefit of the doubt chose, as an `index.json` records them (`bodWeights`), read back as
 * `IndexResult.bodWeights` holds them (`null` as `NaN`). A group's entry is kept only when it is a list of numbers and
 * nulls as long as the group's children in `nodes` × `units` × `years` (the length compute writes): any other is left
 * out, as if not recorded (a page or the contributions then treat that group as one whose weights are unknown).
 * `undefined` when none is kept (a run with no group aggregated by `bod`, or one written before they were recorded).
 */
function bodWeightsOf(json: IndexJsonRead): Map<string, Float64Array> | undefined {
  const { bodWeights, units, years, nodes } = json;
  if (bodWeights === null || typeof bodWeights !== "object" || Array.isArray(bodWeights)) return undefined;
  if (!Array.isArray(units) || !Array.isArray(years) || !Array.isArray(nodes)) return undefined;
  const cells = units.length * years.length;
  const childCount = (code: string) => nodes.filter((node) => (node as { parent?: unknown } | null)?.parent === code).length;
  const weights = new Map<string, Float64Array>();
  for (const [code, list] of Object.entries(bodWeights as Record<string, unknown>)) {
    if (!Array.isArray(list) || list.length !== childCount(code) * cells || list.length === 0) continue;
    if (!list.every((weight) => weight === null || typeof weight === "number")) continue;
    weights.set(code, Float64Array.from(list as (number | null)[], (weight) => weight ?? Number.NaN));
  }
  return weights.size > 0 ? weights : undefined;
}

/** A run read back: its manifest and input values when present (an `--out` folder has neither), its outputs. */
export interface RunData {
  label: string;
  manifest?: RunManifest;
  inputs?: RunValue[];
  outputs: RunValue[];
  /** Whether the outputs are on a ratio scale (`nodesRatioScale` of its `index.json`): else no change in percent. */
  ratioScale?: boolean;
  /**
   * The weights benefit of the doubt chose, by the code of each group (or `INDEX`) aggregated by `bod`, as
   * `IndexResult.bodWeights` holds them: child-major, `[(child * units + unit) * years + year]` over the `units`,
   * `years` and `nodes` (the group's children in their order) of the run's `index.json`, on the score's scale, `NaN`
   * where the group has no score. Absent when the run has none (no group by `bod`, or a run written before they were
   * recorded in `index.json`).
   */
  bodWeights?: ReadonlyMap<string, Float64Array>;
}

/**
 * The manifest of a run folder that holds one and an `index.json`, without reading its values; `undefined` for a folder
 * that holds neither, or a manifest that is not JSON.
 */
export async function readManifest(folder: string): Promise<RunManifest | undefined> {
  try {
    await stat(join(folder, "index.json"));
    return JSON.parse(await readFile(join(folder, MANIFEST_FILE), "utf8")) as RunManifest;
  } catch {
    return undefined;
  }
}

/**
 * A JSON file of a run folder (`manifest.json`, `reports.json`) as parsed, or that it is missing, or the problem: the
 * file system's code, or JSON's message.
 */
export async function readJsonFile(path: string): Promise<{ kind: "json"; json: unknown } | { kind: "missing" } | { kind: "problem"; problem: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? { kind: "missing" } : { kind: "problem", problem: outputMessages.manifestNotJson(String(code ?? error)) };
  }
  try {
    return { kind: "json", json: JSON.parse(text) };
  } catch (error) {
    return { kind: "problem", problem: outputMessages.manifestNotJson((error as Error).message) };
  }
}

/** A manifest read and checked: the manifest, or what is wrong with it (a phrase such as `is missing`; `missing` then). */
export type ManifestRead = { ok: true; manifest: RunManifest } | { ok: false; problem: string; missing?: true };

/**
 * The `manifest.json` of a run folder, checked to be what compute writes (an object with a `fingerprint` and lists of
 * `inputs` and `outputs`, each entry with a `path`, `bytes` and `sha256`); else the problem: missing, not JSON, or not
 * a manifest. Other fields are not checked here, so that a manifest with a field edited by hand still serves
 * `--if-changed` and comparisons: `verifyRun` checks the fingerprint against what the manifest lists, and its
 * `startedAt` and `previous`, and resolving `previous` checks that it names a run.
 */
export async function readManifestChecked(folder: string): Promise<ManifestRead> {
  const read = await readJsonFile(join(folder, MANIFEST_FILE));
  if (read.kind === "missing") return { ok: false, problem: outputMessages.manifestMissing(), missing: true };
  if (read.kind === "problem") return { ok: false, problem: read.problem };
  const manifest = read.json as Partial<RunManifest> | null;
  const isDigest = (entry: unknown) => {
    const digest = entry as Partial<FileDigest> | null;
    return typeof digest === "object" && digest !== null && typeof digest.path === "string" && typeof digest.bytes === "number" && typeof digest.sha256 === "string";
  };
  const what =
    typeof manifest !== "object" || manifest === null || Array.isArray(manifest)
      ? "object"
      : typeof manifest.fingerprint !== "string"
        ? "fingerprint"
        : !Array.isArray(manifest.outputs) || !manifest.outputs.every(isDigest)
          ? "outputs"
          : !Array.isArray(manifest.inputs) || !manifest.inputs.every(isDigest)
            ? "inputs"
            : undefined;
  return what === undefined
    ? { ok: true, manifest: manifest as RunManifest }
    : { ok: false, problem: outputMessages.manifestNotRunManifest(runMessages.manifestDefect(what)) };
}

/**
 * Reads a run folder (or any folder holding an `index.json` written by compute); the outputs of a run written with
 * `--parquet-only` come from the Parquet files its `index.json` names.
 */
export async function readRun(folder: string, label: string): Promise<RunData> {
  const read = (name: string) => readFile(join(folder, name), "utf8").catch(() => undefined);
  const [manifestText, inputText, indexText] = await Promise.all([read(MANIFEST_FILE), read(INPUT_VALUES_FILE), read("index.json")]);
  if (indexText === undefined)
    throw new InputError("E_RUN_FILE", runMessages.noIndexJson(label), { source: label });
  const manifest = manifestText === undefined ? undefined : (JSON.parse(manifestText) as RunManifest);
  const inputs = inputText === undefined ? undefined : parseInputValuesCsv(inputText, `${label}/${INPUT_VALUES_FILE}`);
  // Parsed once: the outputs, the scale and BoD's weights all come from the same object.
  const index = parseIndexJson(indexText, `${label}/index.json`);
  const bodWeights = bodWeightsOf(index);
  return {
    label,
    manifest,
    inputs,
    outputs: await readIndexJsonOutputs(index, folder, label),
    ratioScale: nodesRatioScale(index.nodes),
    ...(bodWeights ? { bodWeights } : {}),
  };
}
