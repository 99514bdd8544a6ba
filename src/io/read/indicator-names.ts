/**
 * The indicator's name a values file writes beside each code (a `name` or `指标名称` column, as `template` writes it),
 * against the tree's: values are read by their code alone, so rows whose codes and names got out of step (a sheet
 * sorted by the name column only) would give each indicator another's values without a word.
 */
import { placeOf, type Issue } from "../../errors.js";
import { messages } from "../../core/messages.js";
import { toHalfWidth } from "../../core/number.js";
import type { ValueRecord } from "../../core/panel.js";
import type { Tree } from "../../core/types.js";

/** A name as compared: full-width forms as ASCII, lower case, without white space (so trimmed too). */
export const comparableName = (name: string) => toHalfWidth(name).toLowerCase().replace(/\s+/g, "");

/**
 * One `W_NAME_MISMATCH` warning per file, indicator and name (as compared: `comparableName`) that is neither the tree's
 * name of the indicator nor its English name, placed at its first row (`file:line:column` of the name) and counting
 * the file's rows that give it. Records without a name (an empty cell, or no name column), of codes the tree does not
 * have as an indicator, are not compared; a row of the wide layout, which holds several records, counts once.
 */
export function nameMismatchWarnings(records: readonly ValueRecord[], tree: Tree, dataSource?: string): Issue[] {
  const found = new Map<string, { record: ValueRecord; rows: Set<number | undefined> }>();
  for (const record of records) {
    if (record.name === undefined) continue;
    const node = tree.byCode.get(record.indicator);
    if (node?.kind !== "indicator") continue;
    const name = comparableName(record.name);
    if (name === "" || name === comparableName(node.name) || (node.nameEn !== undefined && name === comparableName(node.nameEn))) continue;
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
