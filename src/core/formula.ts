/**
 * Formula-defined indicators: an indicator whose tree row has a `formula` (e.g. `rd_spending / revenue * 100`) gets
 * its value for each unit and year from raw variables given in the values file like any other series.
 *
 * - A *variable* is any name used in a formula that is not a code of the tree; its values are the data rows whose
 *   `indicator` is that name. A formula may also read a plain (formula-less) indicator of the tree by its code.
 * - A formula indicator has no values of its own in the data (a value for it is an error).
 * - Where a variable is missing for a unit and year, so is the indicator (the missing-value policy then applies).
 * - A formula that does not compile, names an unknown variable, or gives a non-finite value (a division by zero) is an
 *   error naming the indicator, the formula text and, for a value, the unit, year and the variables' values.
 *
 * Formulas are compiled by an injected `FormulaCompiler` (the mathjs one lives in `io/math/formula-mathjs.ts`), so the core
 * stays pure.
 */
import type { Issue, Validated } from "../errors.js";
import { messages } from "./messages.js";
import { repeatOutcome, type ValueRecord } from "./panel.js";
import type { Tree } from "./types.js";

/** A compiled formula. */
export interface CompiledFormula {
  /** The names the formula reads, in order of first use. */
  variables: readonly string[];
  /** The formula's value; `scope` holds a number for every variable. */
  evaluate(scope: ReadonlyMap<string, number>): number;
}

/** Compiles a formula text; throws `FormulaError` saying why a formula is refused. */
export type FormulaCompiler = (text: string) => CompiledFormula;

/** A formula that does not parse or uses something not allowed. */
export class FormulaError extends Error {}

/** The indicators of the tree that carry a `formula`, in tree order. */
export function formulaIndicators(tree: Tree): { code: string; formula: string; line?: number }[] {
  return tree.nodes
    .filter((node) => (node.attributes.formula ?? "").trim() !== "")
    .map((node) => ({ code: node.code, formula: node.attributes.formula.trim(), line: node.line }));
}

/**
 * Replaces the variables of `records` by the values of the tree's formula indicators, collecting every problem.
 * Records of plain indicators pass through unchanged; computed records have `source` `formula`.
 */
export function evaluateFormulas(tree: Tree, records: readonly ValueRecord[], compile: FormulaCompiler, source?: string): Validated<ValueRecord[]> {
  const formulas = formulaIndicators(tree);
  if (formulas.length === 0) return { ok: true, value: [...records], warnings: [] };
  const issues: Issue[] = [];
  const treeIssue = (code: string, message: string, formula: { code: string; line?: number }): Issue => ({
    code,
    message,
    source: tree.source,
    line: formula.line,
    column: "formula",
    id: formula.code,
  });

  const formulaCodes = new Set(formulas.map((formula) => formula.code));
  const compiled = new Map<string, CompiledFormula>();
  const variables = new Set<string>();
  for (const formula of formulas) {
    const node = tree.byCode.get(formula.code)!;
    if (node.kind === "group") {
      issues.push(treeIssue("E_FORMULA_ON_GROUP", messages.formulaOnGroup(formula.code), formula));
      continue;
    }
    let result: CompiledFormula;
    try {
      result = compile(formula.formula);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      issues.push(treeIssue("E_FORMULA", messages.badFormula(formula.code, formula.formula, error.message), formula));
      continue;
    }
    let usable = true;
    for (const name of result.variables) {
      const referenced = tree.byCode.get(name);
      if (referenced && (referenced.kind === "group" || formulaCodes.has(name))) {
        issues.push(treeIssue("E_FORMULA_REFERENCE", messages.formulaReference(formula.code, formula.formula, name), formula));
        usable = false;
      } else if (!referenced) variables.add(name);
    }
    if (usable) compiled.set(formula.code, result);
  }

  // Split the records: variables out, plain indicators kept; every series is readable by name.
  const kept: ValueRecord[] = [];
  const series = new Map<string, Map<string, ValueRecord>>();
  const units: string[] = [];
  const unitSeen = new Set<string>();
  const yearSet = new Set<number>();
  for (const record of records) {
    if (!unitSeen.has(record.unit)) {
      unitSeen.add(record.unit);
      units.push(record.unit);
    }
    yearSet.add(record.year);
    if (formulaCodes.has(record.indicator)) {
      issues.push({
        code: "E_VALUE_FOR_FORMULA",
        message: messages.valueForFormula(record.indicator),
        source,
        line: record.line,
        column: "indicator",
        id: record.indicator,
      });
      continue;
    }
    const isVariable = variables.has(record.indicator);
    if (!isVariable) kept.push(record);
    if (!isVariable && !tree.byCode.has(record.indicator)) continue; // unknown: reported when the panel is built
    const byCell = series.get(record.indicator) ?? new Map<string, ValueRecord>();
    series.set(record.indicator, byCell);
    const key = cellKey(record.unit, record.year);
    const first = byCell.get(key);
    // An empty value repeating a cell is no duplicate, before or after its value (`repeatOutcome`, as `buildPanel`).
    const repeat = first && repeatOutcome(first, record);
    if (repeat === "conflict" && isVariable)
      issues.push({
        code: "E_DUPLICATE_VALUE",
        message: messages.duplicateValue(record.unit, record.year, record.indicator, first!.line, first!.file !== record.file ? first!.file : undefined),
        source: record.file ?? source,
        line: record.line,
        column: "indicator",
        id: record.indicator,
      });
    else if (!first || repeat === "replace") byCell.set(key, record);
  }
  for (const formula of formulas) {
    const result = compiled.get(formula.code);
    if (!result) continue;
    const unknown = result.variables.filter((name) => !series.has(name) && !tree.byCode.has(name));
    for (const name of unknown) issues.push(treeIssue("E_UNKNOWN_VARIABLE", messages.unknownVariable(formula.code, formula.formula, name), formula));
    if (unknown.length > 0) compiled.delete(formula.code);
  }

  const years = [...yearSet].sort((a, b) => a - b);
  const computed: ValueRecord[] = [];
  for (const formula of formulas) {
    const result = compiled.get(formula.code);
    if (!result) continue;
    let failed = false;
    for (const unit of units)
      for (const year of years) {
        const scope = new Map<string, number>();
        for (const name of result.variables) {
          const value = series.get(name)?.get(cellKey(unit, year))?.value;
          if (value === undefined || Number.isNaN(value)) break;
          scope.set(name, value);
        }
        if (scope.size < result.variables.length || failed) continue;
        let value: number;
        try {
          value = result.evaluate(scope);
        } catch (error) {
          // One report per formula: the same evaluation error would repeat in every cell.
          if (!(error instanceof FormulaError)) throw error;
          issues.push(treeIssue("E_FORMULA", messages.formulaFailed(formula.code, formula.formula, unit, year, error.message), formula));
          failed = true;
          continue;
        }
        if (Number.isFinite(value)) computed.push({ unit, year, indicator: formula.code, value, source: "formula" });
        else
          issues.push(
            treeIssue("E_FORMULA_VALUE", messages.formulaNotFinite(formula.code, formula.formula, unit, year, value, [...scope]), formula),
          );
      }
  }
  return issues.length > 0 ? { ok: false, issues, warnings: [] } : { ok: true, value: [...kept, ...computed], warnings: [] };
}

const cellKey = (unit: string, year: number) => `${year}\u0000${unit}`;
