/**
 * Duplicate values found without the tree: when the tree cannot be read, the values are still checked for the same
 * (unit, year, indicator) given twice, so that one run reports the problems of both files.
 */
import type { Issue } from "../errors.js";
import { messages } from "./messages.js";
import { duplicateColumn, repeatOutcome, type ValueRecord } from "./panel.js";

/**
 * Each record that gives a value for a cell (unit, year, indicator) an earlier record gave a value, with that earlier
 * record, by `buildPanel`'s rule (an empty value repeating a cell is none: `repeatOutcome`). Records `counted` leaves
 * out take no part.
 */
function* conflicts(records: readonly ValueRecord[], counted: (record: ValueRecord) => boolean = () => true): Generator<[first: ValueRecord, record: ValueRecord]> {
  const seen = new Map<string, ValueRecord>();
  for (const record of records) {
    if (!counted(record)) continue;
    const key = `${record.unit}\u0000${record.year}\u0000${record.indicator}`;
    const first = seen.get(key);
    const repeat = first && repeatOutcome(first, record);
    if (!first || repeat === "replace") seen.set(key, record);
    if (first && repeat === "conflict") yield [first, record];
  }
}

/**
 * One `E_DUPLICATE_VALUE` issue per record that gives a value for an earlier (unit, year, indicator) given a value, as
 * `buildPanel` reports it (`conflicts`).
 */
export function duplicateValueIssues(records: readonly ValueRecord[], source?: string): Issue[] {
  const issues: Issue[] = [];
  for (const [first, record] of conflicts(records))
    issues.push({
      source: record.file ?? source,
      line: record.line,
      column: duplicateColumn(record),
      id: record.indicator,
      code: "E_DUPLICATE_VALUE",
      message: messages.duplicateValue(record.unit, record.year, record.indicator, first.line, first.file !== record.file ? first.file : undefined),
    });
  return issues;
}

/** Two files of a values folder that give values for the same cells, and how many (`duplicateFilePairs`). */
export interface DuplicateFilePair {
  /** The file that gave the cells first (in name order, as the folder is read). */
  first: string;
  /** The file that gives them again. */
  second: string;
  count: number;
}

/**
 * The duplicates of `records` of a values folder (each naming its file) that repeat a cell given in another file, by
 * pair of files, the pair with the most first (then in the order met): a copy of a file ("2021 - 副本.csv" beside
 * "2021.csv") or a year given in two files. `indicators`, when given, are the codes whose duplicates count (those of
 * the tree's leaves, as `buildPanel` reports no duplicate for an unknown code); the rule is `buildPanel`'s.
 */
export function duplicateFilePairs(records: readonly ValueRecord[], indicators?: ReadonlySet<string>): DuplicateFilePair[] {
  const pairs = new Map<string, DuplicateFilePair>();
  const counted = (record: ValueRecord) =>
    (!indicators || indicators.has(record.indicator)) && typeof record.value === "number" && record.value !== Infinity && record.value !== -Infinity;
  for (const [first, record] of conflicts(records, counted)) {
    if (first.file === undefined || record.file === undefined || first.file === record.file) continue;
    const pairKey = `${first.file}\u0000${record.file}`;
    const pair = pairs.get(pairKey) ?? { first: first.file, second: record.file, count: 0 };
    pair.count++;
    pairs.set(pairKey, pair);
  }
  return [...pairs.values()].sort((a, b) => b.count - a.count);
}
