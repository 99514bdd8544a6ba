/**
 * Revisions between two runs: every value that changed, appeared or disappeared, inputs (the values read) and outputs
 * (indicator scores, sub-indices, the overall index), with the size of the change: the difference of the two values
 * as shown (`differenceAsShown`, as growth.csv's change), 1.98909 − 1.98904 = 0.00005, not 0.0000499999999999989.
 */
import { asShown, differenceAsShown } from "./number.js";

/** One value of a run, input or output. */
export interface RunValue {
  unit: string;
  year: number;
  /** Indicator, group or `INDEX`. */
  code: string;
  /** `NaN` for a missing value. */
  value: number;
}

export const REVISION_KINDS = ["input", "output"] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/** `changed`: both values present and different; `added`: missing before; `removed`: missing after. */
export type RevisionStatus = "changed" | "added" | "removed";

export interface Revision {
  kind: RevisionKind;
  status: RevisionStatus;
  unit: string;
  year: number;
  code: string;
  /** `NaN` when added. */
  before: number;
  /** `NaN` when removed. */
  after: number;
  /** `after - before` as shown, exact in decimal (`differenceAsShown`; `NaN` unless changed). */
  change: number;
  /**
   * `100 · (after - before) / |before|` (`NaN` unless changed, or when `before` is 0, or for outputs on a scale with no
   * natural zero: `revisionPercent`).
   */
  changePercent: number;
}

/**
 * The change of a revision in percent, `100 · change / |before|`: `NaN` when `before` is 0, and when `percent` is false,
 * for output values of a run not on a ratio scale (`ratioScale` of either run's nodes: a min-max, z-score or Copeland
 * score has no natural zero, so growth.csv and the terminal give its change in points only).
 * @example revisionPercent(50, 5) // => 10; revisionPercent(-1, 2, false) // => NaN (a Copeland score, not "+200 %")
 */
export function revisionPercent(before: number, change: number, percent = true): number {
  return !percent || before === 0 ? Number.NaN : asShown((100 * change) / Math.abs(before));
}

const keyOf = (value: RunValue) => `${value.unit}\u0000${value.year}\u0000${value.code}`;

/**
 * Every difference between `before` and `after` values of one kind. A missing value (`NaN` or no row) on one side only
 * is an addition or a removal; equal values (bit for bit) are no revision. Order: `after`'s order, then removals in
 * `before`'s order. Without `percent` (outputs of runs not both on a ratio scale) `changePercent` is `NaN` throughout.
 */
export function compareRunValues(kind: RevisionKind, before: readonly RunValue[], after: readonly RunValue[], percent = true): Revision[] {
  const previous = new Map<string, RunValue>();
  for (const value of before) if (!Number.isNaN(value.value)) previous.set(keyOf(value), value);
  const revisions: Revision[] = [];
  const seen = new Set<string>();
  for (const value of after) {
    if (Number.isNaN(value.value)) continue;
    const key = keyOf(value);
    seen.add(key);
    const old = previous.get(key);
    const base = { kind, unit: value.unit, year: value.year, code: value.code, after: value.value };
    if (!old) revisions.push({ ...base, status: "added", before: Number.NaN, change: Number.NaN, changePercent: Number.NaN });
    else if (!Object.is(old.value, value.value)) {
      const change = differenceAsShown(value.value, old.value);
      const changePercent = revisionPercent(old.value, change, percent);
      revisions.push({ ...base, status: "changed", before: old.value, change, changePercent });
    }
  }
  for (const [key, old] of previous)
    if (!seen.has(key))
      revisions.push({ kind, status: "removed", unit: old.unit, year: old.year, code: old.code, before: old.value, after: Number.NaN, change: Number.NaN, changePercent: Number.NaN });
  return revisions;
}

/** Counts of revisions by status. */
export interface RevisionCounts {
  changed: number;
  added: number;
  removed: number;
}

/** Counts of the revisions of one kind. */
export function countRevisions(revisions: readonly Revision[], kind: RevisionKind): RevisionCounts {
  const counts: RevisionCounts = { changed: 0, added: 0, removed: 0 };
  for (const revision of revisions) if (revision.kind === kind) counts[revision.status]++;
  return counts;
}

/** The changed value of `kind` with the largest absolute change (the first one on ties), if any. */
export function largestRevision(revisions: readonly Revision[], kind: RevisionKind, code?: string): Revision | undefined {
  let largest: Revision | undefined;
  for (const revision of revisions)
    if (revision.kind === kind && revision.status === "changed" && (code === undefined || revision.code === code))
      if (!largest || Math.abs(revision.change) > Math.abs(largest.change)) largest = revision;
  return largest;
}
