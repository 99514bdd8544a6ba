/**
 * The indicator's name a values file writes beside each code (a `name` or `指标名称` column, as `template` writes it),
 * against the tree's: values are read by their code alone, so rows whose codes and names got out of step (a sheet
 * sorted by the name column only) would give each indicator another's values without a word.
 */
import { placeOf, type Issue } from "../../errors.js";
import { messages } from "../../core/messages.js";
import { comparableUnitName } from "../../core/unit-lookalike.js";
import type { ValueRecord } from "../../core/panel.js";
import type { Tree, TreeNode } from "../../core/types.js";

/** A name as compared, as units' names are (`comparableUnitName`): full-width forms as ASCII, lower case, no white space. */
export const comparableName = comparableUnitName;

/** A compared name without a last part in brackets, the measure as Chinese tables add it: `研发人员（人）` is `研发人员`. */
const withoutBracketedEnd = (name: string) => name.replace(/\([^()]*\)$/, "");

/**
 * Whether a file's name column names the units rather than the indicators (`unit,name,year,indicator,value`, `name`
 * the unit's display name): with two or more indicators named, two or more units each have one name for all of
 * them, and no two units the same.
 */
export function namesTheUnits(records: readonly ValueRecord[]): boolean {
  const unitNames = new Map<string, Set<string>>();
  const indicators = new Set<string>();
  for (const record of records) {
    if (record.name === undefined || comparableName(record.name) === "") continue;
    indicators.add(record.indicator);
    const names = unitNames.get(record.unit) ?? new Set<string>();
    names.add(comparableName(record.name));
    unitNames.set(record.unit, names);
  }
  const names = [...unitNames.values()];
  return indicators.size >= 2 && names.length >= 2 && names.every((unitName) => unitName.size === 1) && new Set(names.map((unitName) => [...unitName][0])).size === names.length;
}

/**
 * Whether `name` (as written in a values file) is the tree's name of the indicator `node` or its English name, as
 * compared (`comparableName`), either with a measure in brackets after it (`研发人员（人）`); an empty name is none.
 */
export function isTreeName(name: string, node: Pick<TreeNode, "name" | "nameEn">): boolean {
  const compared = comparableName(name);
  const treeNames = [node.name, ...(node.nameEn !== undefined ? [node.nameEn] : [])].map(comparableName);
  return compared !== "" && (treeNames.includes(compared) || treeNames.includes(withoutBracketedEnd(compared)));
}

/**
 * One `W_NAME_MISMATCH` warning per file, indicator and name (as compared: `comparableName`) that is neither the tree's
 * name of the indicator nor its English name (either with a measure in brackets after it: `研发人员（人）`), placed at its first row (`file:line:column` of the name) and counting
 * the file's rows that give it. Records without a name (an empty cell, or no name column), of codes the tree does not
 * have as an indicator, or of a file whose name column names its units (`namesTheUnits`), are not compared; a row of
 * the wide layout, which holds several records, counts once.
 */
export function nameMismatchWarnings(records: readonly ValueRecord[], tree: Tree, dataSource?: string): Issue[] {
  const found = new Map<string, { record: ValueRecord; rows: Set<number | undefined> }>();
  // A file whose name column names its units is not compared (its names are no indicator's).
  const byFile = new Map<string, ValueRecord[]>();
  for (const record of records) {
    const file = record.file ?? "";
    const fileRecords = byFile.get(file);
    if (fileRecords) fileRecords.push(record);
    else byFile.set(file, [record]);
  }
  const unitNamed = new Set([...byFile].filter(([, fileRecords]) => namesTheUnits(fileRecords)).map(([file]) => file));
  for (const record of records) {
    if (record.name === undefined || unitNamed.has(record.file ?? "")) continue;
    const node = tree.byCode.get(record.indicator);
    if (node?.kind !== "indicator") continue;
    const name = comparableName(record.name);
    if (name === "" || isTreeName(record.name, node)) continue;
    const key = `${record.file ?? ""}\0${record.indicator}\0${name}`;
    const known = found.get(key);
    if (known) known.rows.add(record.line);
    else found.set(key, { record, rows: new Set([record.line]) });
  }
  return [...found.values()].map(({ record, rows }) => {
    const node = tree.byCode.get(record.indicator)!;
    const treePlace = placeOf({ source: tree.source, line: node.line }) || undefined;
    const source = record.file ?? dataSource;
    return {
      code: "W_NAME_MISMATCH",
      message: messages.nameMismatch(record.indicator, record.name!, node.name, treePlace, rows.size),
      ...(source !== undefined ? { source } : {}),
      line: record.line,
      column: record.nameColumn,
      id: record.indicator,
    };
  });
}
