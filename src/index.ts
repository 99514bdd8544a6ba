/**
 * innovation-index: the library API. Only what is exported here is public.
 *
 * Start with the facade: `load` the tree and values, `compute` the index, `analyse` growth, contributions and ranks,
 * `audit` it, `report` a page, weigh its `uncertainty`; `messageOf` says a warning or an error in Chinese. Everything
 * below it is the building blocks those calls are made of.
 */

// The facade: the first calls to reach for
export { load, compute, analyse, audit, report, uncertainty, presetOptions, messageOf, MESSAGE_LANGUAGES, example } from "./api.js";
export type { LoadSource, Inputs, InputsGiven, PanelGiven, IndexOptions, ComputedIndex, UncertaintyCallOptions } from "./api.js";

// Vocabulary and errors
export { INDEX_CODE, DIRECTIONS } from "./core/types.js";
export type { Direction, Tree, TreeNode, IndicatorNode, GroupNode } from "./core/types.js";
export { IndexToolError, InputError, ValidationError, UsageError, OutputError, InternalError, formatIssue } from "./errors.js";
export type { Issue, Validated } from "./errors.js";

// The pure core
export { buildTree, parseDirection, childrenOf, treeDepth } from "./core/tree.js";
export type { TreeRow, TreeColumnNames } from "./core/tree.js";
export { buildPanel, createPanel, cellIndex } from "./core/panel.js";
export type { Panel, ValueRecord } from "./core/panel.js";
export { parseNumber, MISSING_TOKENS } from "./core/number.js";
export {
  normalize,
  normalizeFixedBase,
  normalizeChain,
  normalizeMinMax,
  normalizeMinMaxYear,
  normalizeGoalposts,
  normalizeZScore,
  normalizeZScoreYear,
  normalizeRank,
  normalizeDistanceToTarget,
  normalizeDistanceToReference,
  normalizeDistanceToAverage,
  normalizePercentileRank,
  normalizeBorda,
  normalizeFractionOfMax,
  normalizeDistanceToMax,
  scoreRatio,
  NORMALIZE_METHODS,
  RATIO_METHODS,
  RANGE_METHODS,
  Z_SCALE_METHODS,
  DEFAULT_RANGE,
  DEFAULT_Z_SCALE,
  DAMPENINGS,
} from "./core/normalize.js";
export type { NormalizeMethod, NormalizeContext, Dampening, ScoreRange, ZScale } from "./core/normalize.js";
export { planNormalization } from "./core/normalize/plan.js";
export type { IndicatorNormalization, NormalizeDefaults } from "./core/normalize/plan.js";
export {
  aggregate,
  aggregateArithmetic,
  aggregateGeometric,
  aggregateHarmonic,
  aggregateMazziottaPareto,
  aggregatePower,
  aggregateCopeland,
  aggregateBenefitOfTheDoubt,
  maximizeLinear,
  parseAggregateSpec,
  planAggregation,
  AGGREGATE_METHODS,
  ACROSS_UNIT_METHODS,
} from "./core/aggregate.js";
export type { AggregateMethod, AggregateSpec, AggregateContext, LinearSolution } from "./core/aggregate.js";
export { planGroupReflections, reflectGroup } from "./core/group-direction.js";
export type { Reflection } from "./core/group-direction.js";
export { screenPanel, SCREEN_SCOPES } from "./core/screen.js";
export type { ScreenOptions, ScreenScope, ScreenedRow } from "./core/screen.js";
export { performanceGroups, DEFAULT_PERFORMANCE_THRESHOLDS, PERFORMANCE_GROUPS } from "./core/analysis/performance-groups.js";
export type { PerformanceGroup, PerformanceRow } from "./core/analysis/performance-groups.js";
export { PRESETS, PRESET_DEFINITIONS, formatPresetExplanation } from "./core/presets.js";
export type { Preset, PresetDefinition, PresetSetting } from "./core/presets.js";
export { optimiseWeights } from "./core/weighting/optimise.js";
export type { ImportanceShare, OptimisedWeights } from "./core/weighting/optimise.js";
export { resolveWeights, globalWeights } from "./core/weight.js";
export type { Weights } from "./core/weight.js";
export { computeIndex, resultIndex, MISSING_POLICIES } from "./core/compute.js";
export { deriveWeights, WEIGHT_METHODS, SUBJECTIVE_METHODS } from "./core/weighting/derive.js";
export type { WeightingOptions, WeightingResult, WeightingSummary, WeightMethod, SubjectiveMethod } from "./core/weighting/derive.js";
export { ahpPriorities, ahpWeights, RANDOM_INDEX, RANDOM_INDEX_2005, RANDOM_INDEX_DONEGAN_DODD, RANDOM_INDEX_TABLES } from "./core/weighting/ahp.js";
export type { Judgement, AhpOptions, AhpPriorities, AhpWeights, ConsistencyRow, RandomIndexTable } from "./core/weighting/ahp.js";
export { entropyScores, ENTROPY_INPUTS } from "./core/weighting/entropy.js";
export type { EntropyInput, EntropyOptions } from "./core/weighting/entropy.js";
export { criticScores } from "./core/weighting/critic.js";
export { coefficientOfVariationScores } from "./core/weighting/coefficient-of-variation.js";
export { pcaScores, pcaWeightsFromCorrelation, PCA_ROTATIONS } from "./core/weighting/pca.js";
export type { PcaRotation, PcaDetails } from "./core/weighting/pca.js";
export { varimax } from "./core/weighting/varimax.js";
export { combineWeights, COMBINATIONS } from "./core/weighting/combine.js";
export { equalWeights } from "./core/weighting/equal.js";
export { objectiveWeights, OBJECTIVE_METHODS, GROUP_WEIGHT_RULES } from "./core/weighting/objective.js";
export type { ObjectiveMethod, GroupWeightRule, ObjectiveOptions, ObjectiveWeights } from "./core/weighting/objective.js";
export type { ObjectiveInput, ObjectiveScores } from "./core/weighting/observations.js";
export { principalEigenPower, symmetricEigen } from "./core/weighting/eigen.js";
export type { Matrix, PrincipalEigen } from "./core/weighting/eigen.js";
export type { ComputeOptions, IndexResult, ResultNode, MissingPolicy } from "./core/compute.js";
// The data stage: formulas, missing values, outliers, zero bases, coverage
export { evaluateFormulas, formulaIndicators, FormulaError } from "./core/formula.js";
export type { CompiledFormula, FormulaCompiler } from "./core/formula.js";
export { CROSS_SECTION_POLICIES, crossSectionCentres, imputePanel, imputeSeries, parseMissingPolicy, UNFILLED_POLICIES } from "./core/missing.js";
export type { CrossSectionPolicy, Imputation, ImputationMethod, ImputedPanel, UnfilledPolicy } from "./core/missing.js";
export { OUTLIER_METHODS, OUTLIER_SCOPES, skewness, kurtosis, failsOutlierRule, winsorise, logTransform, treatOutliers } from "./core/outliers.js";
export type { OutlierMethod, OutlierScope, Treatment, TreatedPanel } from "./core/outliers.js";
export { ZERO_BASE_POLICIES, planZeroBase } from "./core/zero-base.js";
export type { ZeroBasePolicy, ZeroBaseDecision } from "./core/zero-base.js";
export { prepareData } from "./core/prepare.js";
export type { PrepareOptions, PreparedData } from "./core/prepare.js";
export { computeCoverage } from "./core/coverage.js";
export type { Coverage } from "./core/coverage.js";
export { analyzeResult } from "./core/analysis/analyze.js";
export type { AnalysisOptions } from "./core/analysis/analyze.js";
export type { Analysis } from "./core/analysis/analyze.js";
export { computeGrowth } from "./core/analysis/growth.js";
export type { Growth } from "./core/analysis/growth.js";
export { computeContributions, contributionMethod, CONTRIBUTION_DEPTHS, CONTRIBUTION_METHODS } from "./core/analysis/contributions.js";
export type { Contributions, ContributionDepth, ContributionMethod } from "./core/analysis/contributions.js";
export { computeRanks } from "./core/analysis/ranks.js";
export type { Ranks } from "./core/analysis/ranks.js";

// Uncertainty and sensitivity analysis
export { analyzeUncertainty, rankDescending, UNCERTAINTY_CHOICES } from "./core/uncertainty.js";
export { quantileSorted } from "./core/quantile.js";
export type { UncertaintyOptions, UncertaintyResult, UncertaintyChoice, VariedChoice, Distribution, ChoiceSensitivity } from "./core/uncertainty.js";
export { estimateSobol } from "./core/sensitivity.js";
export type { SobolDesign, SobolIndices } from "./core/sensitivity.js";
export { createRandom, sfc32 } from "./core/random.js";
export type { RandomSource } from "./core/random.js";
export { IndexEngine } from "./core/engine.js";
export type { EngineChoice } from "./core/engine.js";
export { formatUncertaintyCsv, formatSensitivityCsv } from "./io/write/uncertainty-csv.js";
export { formatUncertaintyHtml, type UncertaintyHtmlOptions } from "./io/report/uncertainty-html.js";

// The statistical audit (JRC, COINr): statistics, correlations, Cronbach's alpha, PCA, effective importance
export { auditIndex, DEFAULT_AUDIT_THRESHOLDS, STATISTICS_FLAGS, CORRELATION_FLAGS } from "./core/audit/audit.js";
export type {
  Audit,
  AuditOptions,
  AuditThresholds,
  AuditPeriod,
  StatisticsRow,
  StatisticsFlag,
  CorrelationRow,
  CorrelationFlag,
  CorrelationRelation,
  CronbachRow,
  PcaRow,
  ImportanceRow,
} from "./core/audit/audit.js";
export { describeValues, countOutliers } from "./core/audit/statistics.js";
export type { Description } from "./core/audit/statistics.js";
export { correlate, correlatePair, rankSeries, MIN_PAIRS } from "./core/audit/correlation.js";
export type { PairCorrelation, RankedSeries } from "./core/audit/correlation.js";
export { cronbachAlpha, completePositions, MIN_COMPLETE } from "./core/audit/cronbach.js";
export type { CronbachAlpha } from "./core/audit/cronbach.js";
export { groupComponents } from "./core/audit/pca.js";
export type { GroupComponents } from "./core/audit/pca.js";
export { correlationRatio, shareWithinSiblings, MIN_RATIO_OBSERVATIONS } from "./core/audit/importance.js";
export type { CorrelationRatio } from "./core/audit/importance.js";
export { auditMessages } from "./core/audit/messages.js";
export { statisticsTable, correlationsTable, cronbachTable, pcaTable, importanceTable, formatAuditCsv } from "./io/write/audit-csv.js";
export { formatAuditHtml } from "./io/report/audit-html.js";
export type { AuditHtmlOptions } from "./io/report/audit-html.js";

// Robustness: dropping one element at a time, strengths and weaknesses per unit, two configurations compared
export { computeDropSensitivity } from "./core/audit/drop.js";
export type { Drop, DropOptions, DropSensitivity } from "./core/audit/drop.js";
export { computeProfiles } from "./core/audit/profiles.js";
export type { ProfileEntry, ProfileOptions, Profiles } from "./core/audit/profiles.js";
export { averageRanks, compareResults } from "./core/audit/compare.js";
export type { Comparison } from "./core/audit/compare.js";
export { robustnessMessages } from "./core/audit/robustness-messages.js";
export { formatDropRanksCsv, formatDropSummaryCsv, DROP_RANKS_FILE, DROP_SUMMARY_FILE } from "./io/write/drop-csv.js";
export { formatProfilesCsv, PROFILES_FILE } from "./io/write/profiles-csv.js";
export { formatCompareCsv, formatCompareYearsCsv, COMPARE_FILE, COMPARE_YEARS_FILE } from "./io/write/compare-csv.js";
export { formatProfileSectionHtml, profileChartOption } from "./io/report/profile-section.js";
export type { ProfileSectionOptions } from "./io/report/profile-section.js";
export type { ChartOption } from "./io/report/charts.js";

// Reading and writing
export { parseTreeCsv, readTree } from "./io/read/tree-csv.js";
export { parseTreeYaml } from "./io/read/tree-yaml.js";
export { parseDataCsv, type DataReadOptions } from "./io/read/data-csv.js";
export { loadInputs, readTable, readTreeFile } from "./io/read/load.js";
export type { LoadOptions } from "./io/read/load.js";
export { parseDataTable } from "./io/read/data-csv.js";
export type { CsvTable } from "./io/csv.js";
export { parseTreeTable } from "./io/read/tree-csv.js";
export { decodeText, ENCODINGS } from "./io/read/read-text.js";
export type { Encoding, EncodingName } from "./io/read/read-text.js";
export { parseWorkbookTable, formatWorkbook } from "./io/read/xlsx.js";
export type { WorkbookContent } from "./io/read/xlsx.js";
export { createFormulaCompiler, FORMULA_FUNCTIONS } from "./io/math/formula-mathjs.js";
export { templateSeries, templateRows, formatTemplateCsv } from "./io/write/template.js";
export { formatIndexCsv, formatIndexWideCsv, formatScoresCsv, formatTableCsv, neutralizeFormula, UTF8_BOM } from "./io/write/to-csv.js";
export type { CsvOptions } from "./io/write/to-csv.js";
export { indexTable, wideTable, scoresTable, coverageTable, imputationsTable, treatmentTable } from "./io/write/tables.js";
export type { Table, Column, ColumnKind, Cell, Language } from "./io/write/tables.js";
export { growthTable, contributionsTable, ranksTable } from "./io/write/analysis-tables.js";
export { formatXlsx } from "./io/write/to-xlsx.js";
export type { XlsxOptions } from "./io/write/to-xlsx.js";
export { formatReportHtml, escapeHtml } from "./io/report/to-html.js";
export type { ReportOptions } from "./io/report/to-html.js";
export { formatIndexJson, toIndexJson, type IndexJson } from "./io/write/to-json.js";
export { parseAhpCsv } from "./io/read/ahp-csv.js";
export { parseAhpYaml } from "./io/read/ahp-yaml.js";
export { readAhpJudgements } from "./io/read/read-ahp.js";
export { loadMathjsEigen } from "./io/math/mathjs-eigen.js";
export { formatWeightsCsv, formatWeightsJson, toWeightsJson, type WeightsJson } from "./io/write/to-weights.js";

// Projects (index.yaml), runs and revisions
export { parseProject, readProject, findProjectFile, PROJECT_FILE } from "./io/project/project.js";
export type { Project } from "./io/project/project.js";
export { PROJECT_SCHEMA, formatProjectJsonSchema } from "./io/project/project-schema.js";
export type { ProjectFile } from "./io/project/project-schema.js";
export { compareRunValues, countRevisions, largestRevision, REVISION_KINDS } from "./core/revision.js";
export type { Revision, RevisionKind, RevisionStatus, RevisionCounts, RunValue } from "./core/revision.js";
export { readRun, sha256, MANIFEST_FILE, INPUT_VALUES_FILE } from "./io/runs/run-files.js";
// Whether outputs with these nodes (an index.json's, or result.nodes) are on a ratio scale: compareRunValues's `percent`
export { nodesRatioScale } from "./io/runs/run-files.js";
export type { RunManifest, RunData, FileDigest } from "./io/runs/run-files.js";
export { compareRunTables, RunValueIndex, RunValueTable } from "./core/revision-table.js";
export { compareRunFolders, type RunFolder } from "./io/runs/run-values.js";
export { readLatest, readLatestPointer, listPublishedRuns, LATEST_FILE, STAGING_MARKER } from "./io/runs/runs.js";
export type { LatestPointer } from "./io/runs/runs.js";
export { verifyRun } from "./io/runs/verify-run.js";
export type { RunVerification, FileCheck, FileCheckStatus, ManifestCheck } from "./io/runs/verify-run.js";
export { listRuns } from "./io/runs/list-runs.js";
export type { RunListing, RunEntry, RunState } from "./io/runs/list-runs.js";
export { publishRun, rollbackRun, RunNotVerifiedError } from "./io/runs/publish-run.js";
export type { Publication, PublishOptions } from "./io/runs/publish-run.js";
