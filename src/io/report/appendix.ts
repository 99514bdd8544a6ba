/**
 * The report's appendix of the data stage: data coverage per indicator, every imputed cell, every outlier-treated
 * cell, under their titles in the report's language.
 */
import type { IndexResult } from "../../core/compute.js";
import { coverageTable, imputationsTable, nodeName, treatmentTable, type Language, type Table } from "../write/tables.js";
import { wordsOf } from "./labels.js";

/** The data-stage tables the report ends with; `table` gives a table already built by name (default: builds it). */
export function dataStageAppendix(
  result: IndexResult,
  language: Language = "zh",
  table: (name: "coverage" | "imputations" | "treatment") => Table = (name) =>
    name === "coverage" ? coverageTable(result) : name === "imputations" ? imputationsTable(result) : treatmentTable(result),
): { title: string; table: Table; empty?: string }[] {
  const words = wordsOf(language);
  return [
    { title: words.coverage, table: namedIn(table("coverage"), result, language) },
    { title: words.imputations, table: table("imputations"), empty: words.noImputations },
    { title: words.treatment, table: table("treatment") },
  ];
}

/** The coverage table with each indicator's name in `language` (its English name in English, where the tree has one). */
function namedIn(table: Table, result: IndexResult, language: Language): Table {
  const column = table.columns.findIndex((candidate) => candidate.name === "name");
  if (language === "zh" || column < 0) return table;
  const byCode = new Map(result.nodes.map((node) => [node.code, node] as const));
  const rows = table.rows.map((row) => {
    const node = byCode.get(String(row[0]));
    return node ? row.map((cell, i) => (i === column ? nodeName(node, language) : cell)) : row;
  });
  return { ...table, rows };
}
