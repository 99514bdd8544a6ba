/**
 * innovation-index: the library API. Only what is exported here is public.
 */

// Vocabulary and errors
export { INDEX_CODE, DIRECTIONS } from "./core/types.js";
export type { Direction, Tree, TreeNode, IndicatorNode, GroupNode } from "./core/types.js";
export { IndexToolError, InputError, ValidationError, UsageError, OutputError, InternalError, formatIssue } from "./errors.js";
export type { Issue, Validated } from "./errors.js";

// The pure core
export { buildTree, parseDirection, childrenOf, treeDepth } from "./core/tree.js";
export type { TreeRow } from "./core/tree.js";
export { buildPanel, createPanel, cellIndex } from "./core/panel.js";
export type { Panel, ValueRecord } from "./core/panel.js";
export { parseNumber, MISSING_TOKENS } from "./core/number.js";
export { normalize, normalizeFixedBase, normalizeMinMax, NORMALIZE_METHODS } from "./core/normalize.js";
export type { NormalizeMethod, NormalizeContext } from "./core/normalize.js";
export { aggregate, aggregateArithmetic, AGGREGATE_METHODS } from "./core/aggregate.js";
export type { AggregateMethod } from "./core/aggregate.js";
export { resolveWeights, globalWeights } from "./core/weight.js";
export type { Weights } from "./core/weight.js";
export { computeIndex, resultIndex, MISSING_POLICIES } from "./core/compute.js";
export type { ComputeOptions, IndexResult, ResultNode, MissingPolicy } from "./core/compute.js";
// The data stage: formulas, missing values, outliers, zero bases, coverage
export { evaluateFormulas, formulaIndicators, FormulaError } from "./core/formula.js";
export type { CompiledFormula, FormulaCompiler } from "./core/formula.js";
export { imputePanel, imputeSeries, parseMissingPolicy } from "./core/missing.js";
export type { Imputation, ImputationMethod, ImputedPanel } from "./core/missing.js";
export { OUTLIER_METHODS, skewness, kurtosis, failsOutlierRule, winsorise, logTransform, treatOutliers } from "./core/outliers.js";
export type { OutlierMethod, Treatment, TreatedPanel } from "./core/outliers.js";
export { ZERO_BASE_POLICIES, planZeroBase } from "./core/zero-base.js";
export type { ZeroBasePolicy, IndicatorPlan } from "./core/zero-base.js";
export { prepareData } from "./core/prepare.js";
export type { PrepareOptions, PreparedData } from "./core/prepare.js";
export { computeCoverage } from "./core/coverage.js";
export type { Coverage } from "./core/coverage.js";

// Reading and writing
export { parseTreeCsv, readTree } from "./io/tree-csv.js";
export { parseTreeYaml } from "./io/tree-yaml.js";
export { parseDataCsv } from "./io/data-csv.js";
export { loadInputs, readTable, readTreeFile } from "./io/load.js";
export type { LoadOptions } from "./io/load.js";
export { parseDataTable } from "./io/data-csv.js";
export { parseTreeTable } from "./io/tree-csv.js";
export { decodeText, ENCODINGS } from "./io/read-text.js";
export type { Encoding } from "./io/read-text.js";
export { parseWorkbookTable, formatWorkbook } from "./io/xlsx.js";
export { createFormulaCompiler, FORMULA_FUNCTIONS } from "./io/formula-mathjs.js";
export { templateSeries, templateRows, formatTemplateCsv } from "./io/template.js";
export { formatImputationsCsv, formatTreatmentCsv, formatCoverageCsv } from "./io/to-data-csv.js";
export { formatIndexCsv, formatIndexWideCsv, formatScoresCsv } from "./io/to-csv.js";
export { formatIndexJson, toIndexJson } from "./io/to-json.js";
