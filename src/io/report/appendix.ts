/**
 * The report's appendix of the data stage: data coverage per indicator, every imputed cell, every outlier-treated
 * cell, under their titles in the report's language.
 */
import type { IndexResult } from "../../core/compute.js";
import { coverageTable, imputationsTable, namesIn, treatmentTable, type Language, type Table } from "../write/tables.js";
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
    { title: words.coverage, table: namesIn(table("coverage"), result.nodes, language) },
    { title: words.imputations, table: table("imputations"), empty: words.noImputations },
    { title: words.treatment, table: table("treatment") },
  ];
}
