/**
 * Revisions between two runs as CSV: one row per changed, added or removed value (inputs, then outputs), one per
 * changed option or input file, and one per changed weight.
 */
import type { Revision } from "../../core/revision.js";
import { toFixedText } from "../../core/number.js";
import type { WeightRevision } from "../../core/weight-revision.js";
import { formatCsv } from "../csv.js";
import { WEIGHT_DECIMALS } from "../write/tables.js";
import type { RunManifest } from "./run-files.js";
import { canonicalJson } from "./run-files.js";

/** A change of the run's settings: an option or an input file. */
export interface SettingChange {
  kind: "option" | "file";
  status: "changed" | "added" | "removed";
  /** The option's flag name, or the file's path. */
  code: string;
  /** The option's value, or the file's SHA-256 in full (`sha256:` and 64 hex digits); empty when added or removed. */
  before: string;
  after: string;
}

/** The hex digits of a file's SHA-256 that the terminal table of `diff` shows (`shortDigests`); CSV shows all 64. */
export const SHORT_DIGEST_LENGTH = 12;

/**
 * The options and input files that differ between two manifests (files compared by SHA-256, written in full as
 * `sha256:<64 hex digits>`, so that a CSV of revisions kept as a record names each file's bytes exactly).
 */
export function compareManifests(before: RunManifest | undefined, after: RunManifest | undefined): SettingChange[] {
  if (!before || !after) return [];
  const changes: SettingChange[] = [];
  const compare = (kind: SettingChange["kind"], old: Map<string, string>, current: Map<string, string>) => {
    for (const [code, value] of current) {
      const previous = old.get(code);
      if (previous === undefined) changes.push({ kind, status: "added", code, before: "", after: value });
      else if (previous !== value) changes.push({ kind, status: "changed", code, before: previous, after: value });
    }
    for (const [code, value] of old) if (!current.has(code)) changes.push({ kind, status: "removed", code, before: value, after: "" });
  };
  const options = (manifest: RunManifest) => new Map(Object.entries(manifest.options).map(([key, value]) => [key, typeof value === "string" ? value : canonicalJson(value)]));
  const files = (manifest: RunManifest) => new Map(manifest.inputs.map((file) => [file.path, `sha256:${file.sha256}`]));
  compare("option", options(before), options(after));
  compare("file", files(before), files(after));
  return changes;
}

/** `settings` for a table people read: each file's SHA-256 cut to its first `SHORT_DIGEST_LENGTH` hex digits. */
export function shortDigests(settings: readonly SettingChange[]): SettingChange[] {
  const short = (digest: string) => digest.slice(0, "sha256:".length + SHORT_DIGEST_LENGTH);
  return settings.map((change) => (change.kind === "file" ? { ...change, before: short(change.before), after: short(change.after) } : change));
}

/** A number for a CSV cell: unrounded (shortest round-trip text), or with `decimals`; empty when `NaN`. */
function cell(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return "";
  return decimals === undefined ? String(value) : toFixedText(value, decimals);
}

export const REVISION_COLUMNS = ["kind", "status", "unit", "year", "code", "before", "after", "change", "change_percent"] as const;

/** How the numbers of a revision row are written: the values before and after, the change, the change in percent. */
export interface RevisionNumberFormat {
  value: (value: number) => string;
  change: (change: number) => string;
  percent: (changePercent: number) => string;
  /** A weight before and after, and its change (weight rows; default `value` and `change`). */
  weight?: (weight: number) => string;
  weightChange?: (change: number) => string;
}

/**
 * The header (`REVISION_COLUMNS`), then one row per setting change, then one per weight revision (kind `weight` or
 * `global_weight`, no unit or year), then one per revision: for CSV and the terminal alike.
 */
export function revisionRows(
  revisions: readonly Revision[],
  settings: readonly SettingChange[],
  format: RevisionNumberFormat,
  weights: readonly WeightRevision[] = [],
): string[][] {
  const rows: string[][] = [[...REVISION_COLUMNS]];
  for (const change of settings) rows.push([change.kind, change.status, "", "", change.code, change.before, change.after, "", ""]);
  const weight = format.weight ?? format.value;
  const weightChange = format.weightChange ?? format.change;
  for (const revision of weights)
    rows.push([revision.kind, revision.status, "", "", revision.code, weight(revision.before), weight(revision.after), weightChange(revision.change), format.percent(revision.changePercent)]);
  for (const revision of revisions)
    rows.push([
      revision.kind,
      revision.status,
      revision.unit,
      String(revision.year),
      revision.code,
      format.value(revision.before),
      format.value(revision.after),
      format.change(revision.change),
      format.percent(revision.changePercent),
    ]);
  return rows;
}

/**
 * The numbers of the CSV of revisions: unrounded unless `decimals` is given (percentages then with 2, weights with
 * `WEIGHT_DECIMALS` at least, as weights.csv holds them).
 */
export function revisionCsvFormat(decimals?: number): RevisionNumberFormat {
  const number = (value: number) => cell(value, decimals);
  const weight = (value: number) => cell(value, decimals === undefined ? undefined : Math.max(decimals, WEIGHT_DECIMALS));
  return { value: number, change: number, percent: (value) => cell(value, decimals === undefined ? undefined : 2), weight, weightChange: weight };
}

/**
 * The revisions, setting changes and weight revisions as CSV (`REVISION_COLUMNS`), values unrounded unless `decimals`
 * is given.
 */
export function formatRevisionsCsv(revisions: readonly Revision[], settings: readonly SettingChange[], decimals?: number, weights: readonly WeightRevision[] = []): string {
  return formatCsv(revisionRows(revisions, settings, revisionCsvFormat(decimals), weights));
}
