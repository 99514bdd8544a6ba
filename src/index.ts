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

// Reading and writing
export { parseTreeCsv, readTree } from "./io/tree-csv.js";
export { parseTreeYaml } from "./io/tree-yaml.js";
export { parseDataCsv } from "./io/data-csv.js";
export { loadInputs } from "./io/load.js";
export { formatIndexCsv, formatIndexWideCsv, formatScoresCsv } from "./io/to-csv.js";
export { formatIndexJson, toIndexJson } from "./io/to-json.js";
