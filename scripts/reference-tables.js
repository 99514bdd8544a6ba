// The hand-written half of the generated reference (scripts/reference.js writes docs/reference/ from the code and
// these tables): what each error code means, and what each output file and column holds. test/docs/reference.test.ts
// fails when a code used in src/ or a column of a real output file is missing here.

/** Error and warning codes: what each means (the example message is made from the code's own message function). */
export const CODE_MEANINGS = {
  // the tree
  E_EMPTY_TREE: "the tree has no nodes",
  E_EMPTY_CODE: "a tree row without a code",
  E_WEIGHTS_PERCENT_MIXED: "sibling weights of the tree written some with a percent sign (or formatted as percentages) and some without, summing to neither 1 nor 100",
  E_EMPTY_UNIT: "a values row with an empty cell under the unit column (a unit merged down over its rows in Excel, saved to CSV)",
  E_RESERVED_CODE: "a tree code equal to INDEX, the overall index's code",
  E_DUPLICATE_CODE: "two tree rows with the same code",
  E_UNKNOWN_PARENT: "a parent that is no code of the tree",
  E_TREE_CYCLE: "a chain of parents that loops",
  E_MISSING_DIRECTION: "an indicator without a direction",
  E_BAD_DIRECTION: "a direction that is not + or − (or their spellings)",
  E_BAD_WEIGHT: "a weight that is not a number",
  E_NEGATIVE_WEIGHT: "a weight below 0",
  E_MIXED_WEIGHTS: "siblings mixing given and empty weights",
  E_ZERO_WEIGHT_SUM: "siblings whose weights sum to 0",
  E_MISSING_COLUMN: "a required column is absent from a CSV or sheet",
  E_YAML_SYNTAX: "a YAML file that does not parse",
  E_YAML_SHAPE: "a YAML tree or judgements file that is not laid out as expected",
  E_SETTING_ON_GROUP: "an indicator-only tree column (normalise, min, max, target, cap, dampen) set on a group",
  E_SETTING_ON_INDICATOR: "a group-only tree column (aggregate) set on an indicator",
  E_BAD_SETTING: "a per-node tree setting that is not a valid number",
  E_MISSING_GOALPOSTS: "min-max-goalposts without the indicator's min and max",
  E_GOALPOSTS_ORDER: "goalposts with min >= max",
  E_MISSING_TARGET: "distance-to-target without the indicator's target",
  E_TARGET_NOT_POSITIVE: "a target <= 0",
  E_FORMULA: "a formula that does not parse or uses something not allowed",
  E_FORMULA_ON_GROUP: "a formula on a group",
  E_FORMULA_REFERENCE: "a formula reading a group or another formula indicator",
  E_UNKNOWN_VARIABLE: "a formula variable with no values",
  E_FORMULA_VALUE: "a formula whose result is not a finite number (a division by zero?)",
  // trees with level columns (一级指标, 二级指标, 三级指标: one row per indicator)
  E_TREE_LAYOUT: "a tree header with both a parent column and level columns (一级指标, level1, dimension): two layouts at once",
  E_LEVEL_COLUMNS: "level columns that cannot be read: a level missing (一级指标, 三级指标), one level only, two columns for one level's names, codes or weights, numbered and named levels mixed, a level with a weight column but no names, or a parent-child tree's name column beside them",
  E_LEVEL_EMPTY_CELL: "an empty group cell with no group above it to continue: on the first row, or under a group that starts on that row",
  E_LEVEL_NO_INDICATOR: "a row of a tree with level columns without an indicator in the last level column (a group's own row, or a total)",
  E_LEVEL_GROUP_SPLIT: "a group name that comes back under the same parent after other groups: one group in two places",
  E_LEVEL_CONFLICT: "a group's weight or English name that differs on a later row of the group (or is empty on its first row)",
  E_LEVEL_CODE_MISSING: "a name without a code before it in a level column where more than half of the names have one",
  E_LEVEL_MERGED: "a workbook cell of a tree with level columns merged across the names or codes of two levels (B2:C2), one name shown for both",
  E_TREE_MERGED: "a workbook cell of a tree with level columns merged across other columns (a weight and a direction, D2:E2), or a header cell merged across columns (A1:B1): each column holds its own field",
  // the values
  E_DATA_LAYOUT: "a values file whose header is neither the long nor the wide layout",
  E_FIELD_COUNT: "a CSV row with more or fewer fields than the header",
  E_CSV_SYNTAX: "a file that is not valid CSV (an unclosed quote)",
  E_ENCODING:
    "a file that is neither UTF-8, UTF-16 nor GB18030, or one that mixes UTF-8 lines with GBK ones (two files in different encodings joined), which no one encoding reads without mojibake: the message names the lines of each; or a file a values query reads (read_csv, read_json) that DuckDB refused as not UTF-8 and that is GBK or UTF-16 text: the message says how to save it or read it (read_csv's encoding = 'utf-16')",
  E_READ: "a file that cannot be read (missing, a folder, no permission), or an input file of a project run that is a named pipe (FIFO), a socket or a device, refused before it is hashed",
  E_XLS: "an old .xls workbook (save it as .xlsx)",
  E_XLSX: "a file that is not a readable .xlsx workbook",
  E_XLSX_SHEET: "a --sheet or --tree-sheet the workbook does not have",
  E_XLSX_SHEETS: "a workbook read without --sheet (--tree-sheet for the tree) whose other sheets have the same columns and rows (one sheet per year), or, of values, another sheet with a table of values with the same columns but the years: only one sheet is read",
  E_XLSX_FORMULA: "a workbook cell with a formula but not its result (written by a program, never saved by Excel)",
  E_XLSX_MERGED: "a workbook value cell merged with the cell before it, which shows that cell's value but holds none of its own",
  E_NO_DATA: "a values file without rows",
  E_BAD_YEAR: "a year that is not a four-digit whole number (from 1000 to 9999)",
  E_BAD_NUMBER: "a cell that is not a number nor a missing-value mark, or a value of a query or a Parquet file that is infinite or NaN (NULL is a missing value)",
  E_UNKNOWN_INDICATOR: "a value for a code the tree does not have",
  E_VALUE_FOR_GROUP: "a value given for a group (groups are computed)",
  E_VALUE_FOR_FORMULA: "a value given for a formula indicator (it is computed from its variables)",
  E_DUPLICATE_VALUE: "the same unit, year and indicator given a value twice (an empty cell repeating one is none: a template's blank rows)",
  E_NO_VALUES: "an indicator with no value at all",
  E_MISSING_VALUE: "a missing value under --missing error",
  E_CANNOT_IMPUTE: "a gap the missing-value policy cannot fill (carry-forward before the first observed year, carry-back after the last; mean, median: a year without any other unit's value)",
  W_BASE_IMPUTED: "a base value the missing-value policy filled (carry-back, interpolate, mean, median) under fixed-base: the indices of its series rest on a value made up; an error under --strict",
  E_YEAR_EMPTY: "a year without any value of any unit (two or more indicators, or units with one), never filled from other years, under every policy but reweight",
  E_UNIT_EMPTY: "a unit without any value in any year (two or more indicators), under every policy but reweight",
  E_UNIT_YEAR_EMPTY: "a unit without any value in one year (two or more indicators), never filled from other years, under every policy but reweight; names a unit that may be the same under another name",
  W_UNIT_LOOKALIKE:
    "two units whose names look alike (the same but for case, spaces and full-width forms, one the beginning of the other, or one character apart) and whose values never share an indicator and year: maybe one unit under two names (a name mistyped on a few rows), each ranked apart without the other's values; placed at the first row of the unit with fewer values and the unit column's number; an error under --strict",
  // methods
  E_BASE_YEAR_ABSENT: "a --base-year that is not in the data",
  E_BASE_MISSING: "a missing base-year value under a ratio method",
  E_BASE_ZERO: "a base-year value of 0 under fixed-base (see --zero-base)",
  E_BASE_NEGATIVE: "a negative base-year value under fixed-base",
  E_ZERO_VALUE_NEGATIVE: "a value of 0 of a negative (−) indicator under a ratio method",
  E_DUPLICATE_COLUMN: "a values column given twice in the header (value twice, or the year 2017 as 2017 and 2017年)",
  E_ONE_UNIT_OBSERVED: "a year in which only one unit has a value, under percentile-rank (n − 1 = 0)",
  E_NEGATIVE_VALUE_REVERSED: "a negative value of a negative (−) indicator under a ratio method (reference / value would be negative)",
  E_SCORE_NOT_FINITE: "a score or sub-index too large to hold in a number (a value far larger than its base or reference)",
  E_CHAIN_NOT_POSITIVE: "a value <= 0 under the chain index",
  E_REFERENCE_VALUE: "a missing or non-positive value of the reference unit",
  E_UNKNOWN_REFERENCE_UNIT: "a --reference-unit that is not in the data",
  E_CONSTANT_INDICATOR: "an indicator that does not vary, under min-max or z-score",
  E_DAMPEN_UNDEFINED: "a ratio the dampening cannot take (log of 0)",
  E_AGGREGATE_UNDEFINED:
    "a score the aggregation cannot take (<= 0 under a geometric or harmonic mean, < 0 under benefit of the doubt or a power mean with p > 0, a mean <= 0 under MPI), or a year where every unit scores 0 under benefit of the doubt",
  E_AGGREGATE_LEVEL: "an --aggregate level that has no groups",
  E_UNKNOWN_METHOD: "a method name that is not in the list",
  E_BAD_OPTION: "an option value out of range (such as --cap below 100); in the library, an option that is unknown or whose value is not in its list or range",
  E_BAD_POLICY: "a per-indicator policy column (missing, outliers, zero_base) with an unknown value",
  // weights
  E_AHP_BAD_VALUE: "an AHP judgement that is not a positive number",
  E_AHP_DIAGONAL: "an AHP matrix whose diagonal is not 1",
  E_AHP_DUPLICATE: "the same AHP pair judged twice",
  E_AHP_INCONSISTENT: "AHP judgements with a consistency ratio >= 0.1 (see --allow-inconsistent)",
  E_AHP_MISSING: "a pair of children without a judgement",
  E_AHP_NOT_A_CHILD: "a judged node that is not a child of the group",
  E_AHP_NOT_RECIPROCAL: "an AHP matrix whose lower triangle is not the reciprocal of the upper one",
  E_AHP_NO_JUDGEMENTS: "--weights ahp without any judgement",
  E_AHP_SELF: "a node judged against itself",
  E_AHP_TOO_MANY: "a group with more than 15 children (no random index)",
  E_AHP_UNKNOWN_GROUP: "judgements for a group the tree does not have",
  E_AHP_YAML_SHAPE: "a YAML judgements file that is not laid out as expected, or is nested deeper than the YAML reader follows",
  E_COMBINATION_UNDEFINED: "a multiplicative combination whose products are all 0",
  E_MEAN_NOT_POSITIVE: "an indicator whose mean is <= 0 under the coefficient of variation",
  E_NO_VARIATION: "no indicator varies over the chosen observations",
  E_TOO_FEW_OBSERVATIONS: "fewer than 2 unit-years for an objective method",
  E_UNKNOWN_WEIGHT_UNIT: "a --weight-units unit that is not in the data",
  E_UNKNOWN_WEIGHT_YEAR: "a --weight-years year that is not in the data",
  // uncertainty
  E_BAD_RANGE: "a weight range with min > max (or outside 0–1)",
  E_UNKNOWN_NODE: "a weight range for a code the tree does not have",
  E_CHOICE_UNDEFINED: "a combination of listed methods the data do not allow",
  // projects and runs
  E_NO_PROJECT: "--project names no index.yaml",
  E_PROJECT: "an index.yaml key with a bad value",
  E_PROJECT_SHAPE: "an index.yaml that is not a mapping of the known keys, or is nested deeper than the YAML reader follows",
  E_PROJECT_YAML: "an index.yaml that does not parse",
  E_LOCKED:
    "another run holds the lock: a project's runs/.lock, or an output folder's .innovation-index.lock while a command writes into it; or a run's lock is no longer its own when it would publish (taken over, or removed by hand), and the run is not published (exit 3)",
  E_LOCK_NOT_FILE: "a folder or a link at a lock's name (runs/.lock, .innovation-index.lock), which no run can take over (exit 3)",
  E_UNKNOWN_RUN: "a run name diff, report --run, verify or runs publish cannot find",
  E_AMBIGUOUS_RUN: "a start of a run id that diff, report --run, verify or runs publish finds in several runs",
  E_TOO_FEW_RUNS: "no published run, or previous asked of a latest run that has none (the first run, or made while LATEST named no usable run), also by runs rollback",
  E_RUN_FILE: "a run folder without the files compute writes (index.json, or a Parquet file its resultsIn names)",
  E_INPUT_CHANGED: "an input file of a project run changed, appeared or disappeared while the run read it: no run is written",
  // values from DuckDB (.sql queries, .parquet files, the tree's sql column)
  E_SQL: "DuckDB refused a values query (DuckDB's message follows), the query holds no statement or more than one, or it reads a URL or calls a function of a DuckDB extension, which are never loaded",
  E_SQL_ROOT: "a query run outside a project from the file system's root or the home folder, where the sandbox would fence nothing",
  E_SQL_SPECIAL_FILE:
    "a file a values query names (a .sql values file's, a tree's sql column's), or a .parquet or .sql values file itself, that is a named pipe (FIFO), a socket or a device: DuckDB would wait on it without end, which the time limit cannot stop, so it is refused before the query runs",
  E_SQL_QUERY_TEXT:
    "a values query (a .sql values file, a tree's sql column) that gives query(…) or query_table(…) a text it builds rather than one string literal: its paths would be read against the current folder, not the folder the query reads",
  E_QUERY_MEMORY_LIMIT: "reading the values with DuckDB (a .sql values file, a tree's sql column, a .parquet file) needed more memory than DuckDB may use (half of the machine's or its container's memory, or INNOVATION_INDEX_QUERY_MEMORY_LIMIT) and could not spill the rest to disk, and was stopped",
  E_QUERY_ROWS: "a query of the tree's sql column returns more rows than one indicator may fill (the panel's cell limit shared by the tree's indicators, one row per unit and year); it is read no further",
  E_QUERY_SPILL: "reading the values with DuckDB needed more than its memory limit, and DuckDB could not write the rest to its temporary folder (TMPDIR unwritable or full)",
  E_QUERY_TIME_LIMIT: "reading the values with DuckDB (a .sql values file and a tree's sql column together, or a .parquet file) took longer than its time limit (an hour, or INNOVATION_INDEX_QUERY_TIME_LIMIT seconds) and was stopped",
  E_SQL_NOT_SELECT: "a values query that is not one SELECT (COPY, ATTACH, CREATE, SET …): queries may only read",
  E_SQL_COLUMNS: "a values query (or a Parquet file) returns a missing or an unexpected column, or a column twice",
  E_SQL_TYPE: "a column of a values query has the wrong type (year INTEGER, value a number, unit and indicator text)",
  E_SQL_NULL: "rows of a values query without a year, an indicator or a unit",
  E_PARQUET: "a .parquet values file DuckDB cannot read as Parquet, or a file a values query reads with read_parquet that DuckDB refused: the message says what the file looks like (a renamed workbook or CSV file, a Parquet file cut short), or, for a file whose data DuckDB could not read part of the way (a damaged page), gives DuckDB's words",
  E_PARQUET_LAYOUT: "a Parquet values file neither long (unit, year, indicator, value) nor wide (indicator, a column per year)",
  E_PARQUET_TYPE: "a column of a wide Parquet file of the wrong type: a year column that does not hold numbers, or codes or units neither text nor whole numbers",
  // values written by people
  E_DECIMAL_MARK: "a value that reads differently with a decimal comma and a decimal point (use --decimal)",
  E_UNIT_COLUMN: "a long values table without a recognised unit column repeats a year and indicator on rows that differ in a column not read (a unit column under another name)",
  E_YEAR_COLUMN: "the year column holds names (unit and year columns swapped?) or whole dates rather than years",
  E_MEASURE_MISMATCH: "a value's unit of measurement (its row's measure, 计量单位, 单位, 指标单位 or 度量单位 cell) differs from its indicator's in the tree, or, where the tree gives none, from the first row that gave one",
  E_MEASURE_COLUMN:
    "a unit column that holds only units of measurement (万元, 件, the tree's measures): a column meant as the measure column; or a 单位, 指标单位 or 度量单位 column (the measure column) whose cells differ between two rows of one indicator and year that are not of one unit ranked, as a unit of measurement never does (names of the units ranked, or notes)",
  E_NO_NUMBERS: "a values file without a single number: the empty template?",
  E_UNKNOWN_INDICATORS: "many codes that are not indicators of the tree: the values of another tree?",
  E_DUPLICATE_VALUES: "many duplicate cells: several units without a unit column, a year twice, or two files of a folder giving the same cells (a copy of a file?)",
  E_COINR_TYPE: "a COINr iMeta row whose Type is not Indicator, Aggregate, Group, Denominator or Other",
  E_COINR_COLUMN: "a COINr iData column (other than uCode, uName and Time) that no iMeta row declares by its iCode, or an iMeta row of Type Group, Denominator or Other whose iCode is no iData column",
  E_COINR_LEVEL:
    "a COINr iMeta Level that check_iMeta refuses: not a whole number from 1, an indicator above Level 1, a parent not one Level above its child, or a node without a parent below the top Level (a ragged tree)",
  E_COINR_DUPLICATE: "two COINr iData rows of the same uCode and Time",
  // methods
  E_POWER_MISSING: "the power mean without its exponent (--power P or power:P)",
  E_GROUP_DIRECTION: "a group with direction - whose scale cannot be flipped, or whose flipped value is not positive",
  E_VALUE_NOT_POSITIVE: "a value <= 0 where the method divides by it (fraction-of-max)",
  E_AVERAGE_NOT_POSITIVE: "a year whose average is <= 0 under distance-to-average",
  E_SCREEN_EMPTY: "--screen leaves no unit",
  E_ENTROPY_NEGATIVE: "--entropy-input raw with a negative value",
  // compare
  E_COMPARE_CONFIGURATION: "a configuration of compare, or both, cannot be computed (which one is named)",
  E_COMPARE_UNITS: "the two configurations of compare have different units",
  E_COMPARE_YEARS: "the two configurations of compare have different years",
  // hostile and careless inputs
  E_BINARY: "a binary file (NUL bytes, PDF, PNG, gzip, Parquet, a zip that is no workbook …) given as text input, or a text file holding a NUL byte anywhere (text followed by the NUL bytes of a copy that stopped), named by its line and byte offset and refused before the rest is read; or a file a values query reads holding a NUL byte in its first or last bytes (refused before the query runs), or one DuckDB refused as text that is a workbook, a PDF or other binary data; or a unit name holding a NUL character in a values query's result (chr(0), a Parquet string)",
  E_TOO_LARGE: "an input file over the size the tool reads (4 GB; 2 MB for a YAML tree, AHP judgements file or index.yaml, which is parsed whole)",
  E_XLSX_TOO_LARGE:
    "an .xlsx workbook that would take minutes and gigabytes to read, refused from its zip before it is read: it unpacks to more than 256 MB, its sheets span more than 2,000,000 cells (each row to its last cell, and merged ranges), its data validations and defined names cover more than 8,000,000 cells, a sheet has more than 5,000 merged ranges, or a row, cell or column range lies beyond Excel's last row or column; under --strict also the index.xlsx a run would write, too large for Excel (W_XLSX_TOO_LARGE made an error)",
  E_UNKNOWN_COLUMN: "a tree column the tool does not know (with the closest known name)",
  E_UNKNOWN_KEY: "a key of a YAML tree or of index.yaml the tool does not know (with the closest known key)",
  E_YAML_ALIAS: "a YAML alias (*name) in a tree, AHP judgements or index.yaml: refused, never expanded",
  E_TREE_TOO_DEEP: "a tree deeper than 50 levels",
  E_EMPTY_FOLDER: "a values folder without a .csv or .xlsx file",
  E_SPREADSHEET_FORMAT: "a values folder holding a spreadsheet the tool cannot read (.xls, .xlsb, .ods, WPS .et, .numbers), which would otherwise be left out of the run",
  E_VALUES_FOLDER_FILE:
    "a values folder holding a file beside its values files that the folder reader does not read (a .parquet or .sql file, which is given with --data itself; a compressed file such as 2018.csv.gz; any other, such as x.json), which would otherwise be left out of the run; notes (.txt, .md, .pdf, .docx, README) and desktop.ini or Thumbs.db are left aside",
  E_UNIT_COLUMN_MIXED: "a values folder mixing files without a unit column (one unit without a name) and files that name their units",
  E_PATH_OUTSIDE: "a path in index.yaml that leaves the project folder (allow-outside: true or --allow-outside-project)",
  E_MEMORY_LIMIT: "an uncertainty design whose estimated memory is over the limit (--memory-limit raises it)",
  E_AUDIT_TOO_LARGE:
    "an audit whose estimated memory or time is over its bounds (2 GB, 10 minutes), refused before it runs: a group of a few thousand children or more (every pair of siblings is correlated and their correlation matrix decomposed); split the group or audit a part of the tree",
  E_PANEL_SIZE:
    "values that would make a panel (units × years × indicators, a cell for each, given or not) of more than 2^28 cells (2 GB), refused before it is made: long values spread over many years or units (one value per row) make a large, mostly empty panel",
  // run folders
  E_RUNS_NOT_FOLDER: "the runs folder of a project is a file (exit 3)",
  E_BAD_LATEST: "runs/LATEST is not a run id, or names a run that does not exist",
  E_NO_RUN: "verify: no such run folder; diff, report, verify, runs publish: a linked run folder whose target is gone, or a previous run the latest run's manifest names that is gone; runs publish: a file (not a folder) named by a run id; report: no published run to write into",
  E_NO_MANIFEST: "verify, diff, runs publish and rollback: the run folder's manifest.json cannot be read or is not one compute writes",
  E_RUN_NOT_VERIFIED: "runs publish or rollback: the run does not pass verify (a file missing, changed or unlisted, or a manifest that does not agree with itself): not published, LATEST unchanged",
  E_RUN_STAGING: "runs publish named a staging folder (.staging-<run-id>: a run being written, or one that stopped), which is never published",
  E_RUN_CHANGED: "verify: a file of the run is missing, changed or not listed in the manifest, or the manifest's fingerprint, run, startedAt or previous does not agree with what it lists and the run id (exit 1); with --log-format json, verify, runs publish and runs rollback also log each such problem under it, its source the file (before E_RUN_NOT_VERIFIED for those two); diff: a file it reads of a run does not match the run's manifest",
  // report --uncertainty-from
  E_UNCERTAINTY_COLUMN: "uncertainty.csv given to report --uncertainty-from lacks a column it needs",
  E_UNCERTAINTY_CELL: "a row of uncertainty.csv names a unit or year the index does not have (another run's file)",
  E_RUN_INPUTS_CHANGED: "report in a project: the run's inputs or method options are not the project's current ones",
  E_OUT_NOT_OURS: "an output file of the same name exists that the folder's .innovation-index-files.json does not show this tool wrote, unchanged since, or a link or folder is at the name of a temporary file the writer uses: never replaced, never written through (exit 3)",
  E_OUT_IS_ROOT: "the root of the file system given as the output folder (`--out /`) (exit 3)",
  E_OUT_IS_INPUT: "an output would overwrite an input file the command read (the tree, the values), or land in the values folder it read; or a project's runs: (or the runs folder runs publish or rollback writes LATEST into) is the values folder, an input file, a folder where a run's LATEST, lock or temporary files would be an input, or a folder a .sql query's glob reaches, whose next run would read what a run writes there (runs: data beside a query reading data/ by a wildcard; or through a link among the folders the glob reads that points to the runs folder, into it or above it, data/old -> ../runs beside data/*/*/*.csv; a glob read as DuckDB reads it, a backslash separating folders on every platform) (exit 3)",
  E_OUT_IS_RUN: "a command's --out is a run folder (it holds manifest.json and index.json, or is named by a run id in a runs folder), a project's runs folder (it holds LATEST), or inside one: a published run's files are never overwritten or added to; report --run is the one way to add to a run (exit 3)",
  E_REPORT_NOT_OURS: "report in a project: a report.html in the run folder that reports.json does not show this tool wrote (or one of the run's own files): never replaced (exit 3)",
  E_UNIT_NAMED: "--unit given for values that name their units",
  // command line, outputs, internal
  E_USAGE: "the command line is wrong (exit 2)",
  E_VALIDATION: "several input problems, listed one per line (exit 1)",
  E_EXISTS: "an output file exists and --force was not given (exit 3)",
  E_INIT_NOT_OURS: "init over a file it did not write, or one changed since (a project's own tree, values or settings): never overwritten, with --force or without (exit 3)",
  E_OUT_FILE_NAME: "a new output folder named like a file (--out 报告.html, --out result.xlsx): the folder-writing commands write their files inside --out; create the folder first or end the name with / to mean a folder (exit 3)",
  E_WRITE: "an output could not be written (exit 3)",
  E_INTERNAL: "a bug (exit 4): please report it",
  // warnings (W_...; under --strict they become errors with E_ instead of W_)
  W_LOCK_TAKEN_OVER: "a stale lock (its process gone, its pid reused, the machine restarted, or its heartbeat silent) was taken over; the run says why",
  W_WEIGHTS_RENORMALISED: "siblings' weights did not sum to 1 (nor to 100, shares written as percentages) and were divided by their sum",
  W_NAME_MISMATCH:
    "an indicator's name in a values file (its name or 指标名称 column) is not the tree's name (nor its English name), compared without spaces, case and full-width forms: codes and names out of step (rows sorted by one column only?); once per file, indicator and name; an error under --strict",
  W_UNIT_TOTAL:
    "a unit named as a total or subtotal (合计, 总计, 小计, 总和, 全部, 汇总, Total, Sum, Subtotal, Grand Total, All, and the whole area a table of districts ends with, 全市, 全区, 全省, 全县, 全镇, not 全国, and the total's figure, 合计数, 合计值, 总计数, 总计值: any case, full-width forms, spaces, a colon at the end, brackets around it), read as a unit that takes part in min-max, z-score and the ranks; placed at its first row and the unit column's number; an error under --strict",
  W_ACCOUNTING_DASH:
    'values CSV cells that are a dash padded with spaces (" -   ": at least two spaces after the dash), the way Excel\'s accounting format (会计专用, `_ * "-"??_ `) shows a zero when saved to CSV; read as missing like a bare -, so they may be zeros imputed or refused as no value; one warning per file, at the first such cell, with their count; an error under --strict. With a currency sign (" ¥-   ", "￥ -  ", " $-   ", the format `_ ¥* "-"??_ `) the same, the sign dropped; a currency sign beside a dash without the padding (¥-) is E_BAD_NUMBER, its message naming the format',
  W_THOUSANDS_SPLIT:
    'a row of a comma-separated values file (read with a decimal point) with more fields than its header, those past the header\'s empty (tolerated), whose value cell is a whole number of 1 to 3 digits, perhaps signed or after a currency sign, followed by cells of exactly three digits (the last perhaps with decimals: "1" then "234", or "234" and "567"), none of them quoted: a number written with thousands separators but not quoted (1,234 where Excel writes "1,234"), split into fields, its value read short of its thousands (and, in a wide layout, the next values one column off); one warning per file, at the first such cell, with the number probably meant and their count; an error under --strict. A row with exactly the header\'s fields is never warned of, nor one with no more fields than the file\'s rows without such cells have (as many as most of them have, the fewer of a tie, so that one row without the others\' trailing comma changes nothing): in a file whose every row ends with a comma, the header not, each row has one empty field to spare, and only a row with two or more is warned of',
  W_PERCENT_MIXED:
    "an indicator's values mix cells written as percentages (1.96%, or formatted as percentages in Excel) with plain numbers of another magnitude (the medians of the two kinds, without their signs, more than 20 times apart: 0.0196 beside 2.44%): a percent sign is dropped, so a share written as a fraction reads 100 times smaller; plain numbers of the percentages' magnitude (1.96 beside 2.44%) are percent points written without their sign, and are not warned of; an error under --strict",
  W_VALUE_JUMP:
    "an indicator's value 50 times or more, or 1/50 or less, of the same unit's value of the nearest earlier year with a value (both not zero, of the same sign; not both whole numbers of at most 100, a small count such as 1 then 60): probably a share written as a fraction beside percent points or the other way round (×100), an amount in another unit of measure (×1,000 or ×10,000, 元 for 万元), or a real change; one warning per indicator, at the first such value by unit then year, naming both years and values, the factor and their count; a warning under --strict too (the one warning that stays one: a value checked and right cannot be written otherwise)",
  W_OPTION_UNUSED:
    "an option that has no effect: one no indicator's method uses (such as --cap with rank only), --power without the power mean, a weighting option of another method (--alpha, --entropy-shift; in the library, any option of weighting, and ahp), one for a file not written (--static without --report; --report, --xlsx, --parquet with --out -), the library's performanceGroups in uncertainty, or an option of the index weights --optimise computes (--normalise, --outliers, --screen, ...) typed without --optimise",
  W_PRESET_OVERRIDDEN:
    "a setting of the preset (--preset, preset: in index.yaml) that a key of index.yaml or a typed flag sets to another value, so that the preset's is not applied (a project made by init sets weights and aggregate, which override nbs's); one warning per setting, naming the key and line or the flag; compute --preset NAME --explain lists them",
  W_ZERO_BASE_SHIFTED: "--zero-base first-nonzero moved an indicator's base year",
  W_ZERO_BASE_MIN_MAX: "--zero-base min-max normalised an indicator by min-max",
  W_OUTLIERS_REMAIN: "an indicator still fails the outlier rule after --winsor-max points",
  W_LOG_FIXED_BASE: "a log-transformed indicator under the fixed-base index",
  W_LOG_UNDEFINED: "the log transform could not apply to an indicator",
  W_SQRT_UNDEFINED: "a skewed indicator has a value below 0, so --outliers sqrt could not apply to it",
  W_AHP_GROUP_NOT_JUDGED: "a group without AHP judgements keeps the tree's weights",
  W_AHP_INCONSISTENT: "AHP judgements with CR >= 0.1 accepted under --allow-inconsistent",
  W_CONSTANT_INDICATOR: "an indicator that does not vary gets weight 0",
  W_CV_NEGATIVE_VALUES: "an indicator with values below 0 weighed by the coefficient of variation, which assumes values of 0 or more",
  W_WEIGHT_DOMINANT:
    "a method that derives weights from the data (entropy, critic, cv, pca; combined when its objective set does too) gives one child more than half of its group's weight (share > 50% as printed to one decimal: 50.1% or more) among 3 or more children (with 2, over half is ordinary); weights set by hand (explicit, equal, ahp) never warn. Advice: not an error under --strict; given once per run (uncertainty perturbs the weights derived once)",
  W_NO_VARIATION: "siblings none of which varies get equal weights",
  W_ZERO_GROUP_WEIGHT: "a group none of whose indicators varies weighs 0",
  W_PCA_FEW_OBSERVATIONS: "PCA weights derived from no more observations (unit-years) than indicators weighed together: their correlation matrix is singular",
  W_PCA_SINGULAR: "PCA weights derived from a singular correlation matrix: some indicators are exact linear combinations of others",
  W_OBSERVATIONS_DROPPED: "--weight-missing drop left unit-years out",
  W_XLSX_TOO_LARGE: "the result is too large for index.xlsx, which is not written",
  W_CSV_SHOWN_OTHERWISE:
    "the CSV files hold indicator codes or unit names that Excel shows otherwise when it opens them (1.10 as 1.1, 01 as 1, 2-3 as a date, 1:30 as a time, 1E5 or more than 11 digits in scientific notation); the files keep them as written, and index.xlsx stores them as text. Advice: not an error under --strict",
  W_QUERY_FILES_UNNAMED:
    "a query of a project run (a .sql values file, a tree's sql cell) that may read files the tool cannot name (a path known only when the query runs, built from a column or a subquery; a statement DuckDB's parser cannot list the files of): --if-changed cannot tell whether they changed, so the run is never skipped as unchanged; the manifest lists such queries (unnamedQueryInputs). A path built from constants ('micro/' || '2020.csv') is evaluated before the query runs and its files hashed like named ones",
  W_RUNS_LINKS_UNCHECKED:
    "a glob of a project run's query (or of the project's runs that runs publish or rollback checks) goes through more than 100,000 folder entries, or folders more than 64 deep, so not all its folders were looked in for a link to the runs folder (E_OUT_IS_INPUT refuses one it finds); the run goes ahead",
  W_RUN_INPUTS_UNPROVEN:
    "report in a project: the run's manifest lists queries that may read files the tool cannot name (unnamedQueryInputs), so the run cannot be shown to be current; the report goes ahead, possibly stale. A warning under --strict too, as compute's W_QUERY_FILES_UNNAMED of the same queries is",
  W_LATEST: "runs/LATEST is broken: the run is computed as if there were no previous run, and no run folder is removed; runs lists every run as unpublished",
  W_LATEST_MANIFEST: "the latest run's manifest.json is missing or damaged: no previous run is compared, no run folder removed",
  W_UNPUBLISHED_RUN: "a complete run folder that was never published (a run killed before LATEST moved), kept; or anything else named by a later run id that is no run of this tool (no manifest written under that id), left untouched",
  W_RUN_CHANGED: "the run compared with (LATEST before this run) has an index.json or input-values.csv that does not match its manifest: the revision line says not compared",
  W_STAGING_KEPT: "a staging folder without this tool's marker, kept; or one with its marker that also holds files no run writes there: the run's own files removed, the rest kept with the folder; or the marker a killed run left in a run folder that cannot be removed (a read-only run folder), kept while compute goes on",
  W_LOCK_TEMPORARY_KEPT: "a file named as a temporary file of a folder's lock (.lock.<pid>.tmp, .lock.<pid>.stale in a runs folder; .innovation-index.lock.<pid>.tmp/.stale in an output folder) that does not hold a lock as the tool writes it, or is named by pid 0 (no process of the tool's), kept",
  W_LOCK_STALE_KEPT:
    "a stale lock moved aside (.lock.<pid>.stale in a runs folder, .innovation-index.lock.<pid>.stale in an output folder) by a process that still runs (a run taking that lock over right now, or another process that got the pid since), kept; said once a run",
  W_REPORT_TEMPORARY_KEPT:
    "report, or compute in a project: a file in a run folder named as a temporary or backup file of report.html or reports.json (.report.html.<pid>.tmp, .reports.json.<pid>.old) whose process is gone, but that does not start as the tool writes that file (report.html: the page's head; reports.json: its \"files\" list), cannot be read, or is named by pid 0; or one that would complete report.html over a report.html the tool did not list (edited by hand): both kept",
  W_REPORT_NOT_REPAIRED:
    "compute in a project: what a killed report left in a run folder could not all be repaired (a read-only run folder): names the file that could not be written and the error code, after the lines of what was done; the rest is left for report to repair and verify to say, and compute goes on",
  W_RUN_WRITE_LEFTOVER:
    "verify: a temporary or backup file of report.html or reports.json in the run folder whose process is gone, left by a report killed while it wrote; no mismatch: verify passes, and the next report into the run or compute into its runs folder removes it when it starts as the tool writes that file; or the staging marker naming the run, left by a run killed before removing it (kept by a read-only run folder), which the next compute into the runs folder removes",
  W_RUN_BEING_WRITTEN: "verify: a temporary or backup file of report.html or reports.json in the run folder whose process still runs (a report writing into the run now); no mismatch: verify passes",
  W_WRITING_FOLDER_KEPT: "a folder named as the one the tool writes Parquet files in (.innovation-index-writing-XXXXXX) that holds more than index.parquet, scores.parquet and growth.parquet, kept",
  W_PUBLICATION_HISTORY: "a line of runs/PUBLISHED.log that is not one the tool writes (the last one cut short by a crash mid-append, or edited), skipped with the other lines read; or the file cannot be read at all (no rights, a folder), the runs listed without it; the file is never rewritten",
  W_LATEST_TEMPORARY_KEPT: "a file in the runs folder named as a temporary file of LATEST (.LATEST.<pid>.tmp) that does not hold what the tool writes there (a run folder's id and a newline), or is named by pid 0, kept",
  W_RUNS_UNDEFINED: "uncertainty: the index is undefined in some runs though defined in the nominal run (--weight-ranges gave a weight to a child of weight 0 scoring 0 or less under a geometric, harmonic or power mean); those cells' intervals are over the other runs",
  W_SCALES_MIXED: "uncertainty --normalisations or --aggregations draws methods on different scales (ratio, 0-100, z, rank; a mean, Copeland, benefit of the doubt)",
  W_XLSX_TEXT_CUT: "a text over Excel's 32,767 characters, cut in the workbook (the CSV files keep it whole)",
  W_XLSX_HIDDEN:
    "rows or columns of a tree or values sheet (or of import-coinr's iMeta or iData) that Excel hides (by hand, grouped, dragged shut or almost to a height under 1 point or a width under one digit, hidden by the sheet's default (zeroHeight) for want of a height of their own, or filtered out by the sheet's filter) but that hold cells: they are read like the visible ones (a hidden row repeating a visible one is a duplicate, refused, and the warning follows that error); names the sheet, the rows (Excel's numbers) and the columns (letters), and why those not marked hidden are; delete them to leave them out",
  W_DROP_SKIPPED: "an element the drop analysis could not remove (the index would lose every child)",
  W_DROP_CASCADE: "dropping an only child removes its group too",
  W_OPTIMISE_DEGENERATE: "weights --optimise left nodes whose target share is above 0 at weight 0 (the closest weights >= 0 its search found): their shares come only from moving with the other children of their group",
  W_OPTIMISE_NOT_CONVERGED: "weights --optimise did not reach the target shares",
  W_OPTIMISE_FEW_OBSERVATIONS: "weights --optimise from fewer than 2 unit-years: no importance share (a squared correlation) is defined, so the starting weights are kept",
  W_OPTIMISE_NO_VARIATION: "weights --optimise on a group none of whose children varies (or that does not vary itself): its importance shares are undefined, so its starting weights are kept",
};

/** Example messages for the codes whose message is not made by a message function the generator can call. */
export const CODE_EXAMPLES = {
  W_CSV_SHOWN_OTHERWISE:
    'the CSV files hold 2 codes or unit names that Excel shows otherwise when it opens them: "1.10" (as 1.1), "2-3" (as a date); the files keep them as written. Expected to see them so in Excel: write index.xlsx (--xlsx), which stores them as text, or import a CSV file with Data > From Text/CSV, those columns as text',
  W_WEIGHT_DOMINANT:
    'entropy weights give indicator "A13" 64.9% of the weight of "A1", among its 3 children; expected no child over 50% when the weights come from the data: entropy weights reward values concentrated on few observations, so an indicator that is nearly constant but for an outlier has low entropy and takes most of the weight. Check the values of "A13" over the chosen observations (an outlier, a wrong unit or scale, a series that is nearly constant); if that weight is not meant, set the weights in the tree\'s weight column and use --weights explicit, or temper the data\'s weights with the tree\'s by --weights combined --alpha',
  E_PROJECT_SHAPE: "index.yaml: found nothing; expected a block of keys such as indicators, values, methods",
  W_PUBLICATION_HISTORY:
    'runs/PUBLISHED.log:5: a line cut short (no line end: its write was stopped by a crash, a kill or a full disk), "2026-03-04T09:00:00.000Z,rollb"; skipped, the other lines are read and the file is left as it is; expected time,action,before,after,state as the tool writes them (a time in ISO 8601 UTC, compute, publish or rollback, run ids, moving or moved): delete the line by hand to stop this warning',
  W_LATEST_TEMPORARY_KEPT:
    'runs/.LATEST.4242.tmp is named as a temporary file of LATEST but holds "hi\\n", not what this tool writes there (the id of a run folder of runs, such as 20260301T020000.123Z-1a2b3c4d, and a newline), so it is not provably left by this tool; kept, not removed (delete it by hand if it is not needed)',
  W_LOCK_TEMPORARY_KEPT:
    'runs/.lock.4243.tmp is named as a temporary file of the lock runs/.lock but holds "my precious notes\\n", not what this tool writes there (a lock: one line of JSON such as {"pid":4242,"host":"stats-01","startedAt":"2026-03-01T02:00:00.000Z",...}), so it is not provably left by this tool; kept, not removed (delete it by hand if it is not needed)',
  W_LOCK_STALE_KEPT:
    'runs/.lock.4242.stale is a lock of runs/.lock moved aside by process 4242, which still runs (a run of this tool taking that lock over right now, or another process that got the pid since); kept, not removed: delete it by hand if it is still there once no run of this tool is running',
  W_REPORT_TEMPORARY_KEPT:
    'runs/20260301T020000.123Z-1a2b3c4d/.report.html.4242.tmp is named as a temporary file of report.html by a process that is gone, but it starts with "my precious notes\\n", not as this tool writes report.html ("<!DOCTYPE html>\\n<html lang=\\"en\\">" and on), so it is not provably left by this tool; kept, not removed (delete it by hand if it is not needed)',
  W_REPORT_NOT_REPAIRED:
    "what a report that stopped before it finished left in runs/20260301T020000.123Z-1a2b3c4d is not all repaired: runs/20260301T020000.123Z-1a2b3c4d/.report.html.4242.tmp could not be written (EACCES); expected a writable run folder; the rest is left as it is (the run's own files are untouched): the next report into the run repairs it, and verify says what is left",
  W_RUN_WRITE_LEFTOVER:
    'runs/20260301T020000.123Z-1a2b3c4d/.report.html.4242.tmp is a temporary file of report.html left by a report that stopped before it finished (process 4242 is gone); it is no file of the run and fails no check: the next report into this run, or the next compute into its runs folder, removes it (or delete it by hand)',
  W_RUN_BEING_WRITTEN:
    'runs/20260301T020000.123Z-1a2b3c4d/.report.html.4242.tmp is a temporary file of report.html of process 4242, which still runs (a report writing into this run now); it is no file of the run and fails no check: verify again once that report has finished',
  W_WRITING_FOLDER_KEPT:
    'out/.innovation-index-writing-a1B2c3 is named as a folder this tool writes Parquet files in, but it holds "index.parquet", "notes.txt", not only index.parquet, scores.parquet and growth.parquet, so it is not provably left by this tool; kept, not removed (delete it by hand if it is not needed)',
  E_LOCKED: "runs/.lock: another run holds the lock (pid 4242 on stats-01, since 2026-03-01T02:00:00.000Z); expected one run at a time. Wait for it to finish, or delete the lock file if that run is gone",
  E_TREE_LAYOUT:
    'tree.csv:1: the header has a parent column "上级" and level columns ("一级指标", "二级指标"); expected one layout: code and parent columns (a row per node), or level columns without a parent column (a row per indicator, its groups in the level columns before it)',
  E_LEVEL_COLUMNS:
    'tree.csv:1: the header has level columns "一级指标", "三级指标" but none for level 2; expected the levels from the first down, such as 一级指标, 二级指标, 三级指标 (or level1, level2, level3, or dimension, sub_dimension, indicator)',
  E_LEVEL_EMPTY_CELL:
    'tree.csv:3:2: empty cell in column "二级指标" on a row that starts group "产业成长" of column "一级指标", so the group above it (of another "一级指标") cannot be continued; expected the name of the row\'s group',
  E_LEVEL_NO_INDICATOR:
    "tree.csv:2:3: the row names no indicator in column \"三级指标\"; expected one row per indicator, its groups named in the level columns before it (a group's weight goes in its level's weight column, such as 一级权重, on the group's first row; a tree with a row per group needs code and parent columns)",
  E_LEVEL_GROUP_SPLIT:
    'tree.csv:4:2: group "创新投入" of column "二级指标" appears in two places under the same group, from line 2 and again from line 4, with other groups between; expected the rows of a group together, or different names for different groups',
  E_LEVEL_CONFLICT:
    'tree.csv:3:2: group "双创活力" has "0.25" in column "一级权重" on its first row, line 2, but "0.3" on line 3; expected the group\'s cell given on its first row, and its other rows left empty (as Excel saves a merged cell to CSV) or the same',
  E_LEVEL_CODE_MISSING:
    'tree.csv:4:3: "高新技术企业数" in column "三级指标" starts with no code, though most cells of the column do (such as "A11 研发经费"); expected a code before every name of the column or before none',
  E_LEVEL_MERGED:
    'tree.xlsx[指标体系]:4:1: cells A4:B4 are merged across level columns "一级指标", "二级指标", so one name stands for groups of several levels; expected one cell per level: the cells unmerged, and each level\'s group named in its own cell (a group with no groups under it named again in the next level\'s cell)',
  E_TREE_MERGED:
    'tree.xlsx[指标体系]:2:4: cells D2:E2 are merged across columns "权重", "属性", so the text of the first is shown in the cells of the others; expected one cell per column, for each column of the table holds its own field: the cells unmerged, and each column\'s text in its own cell',
  W_OPTIMISE_DEGENERATE:
    'the optimised weights are 0 for 1 node whose target share is above 0: "c" (share 0.391 in "P2", target 0.250). Weight 0 is where the search over weights >= 0 came closest to the targets, and those weights are used: such a node\'s share comes only from how it moves with the other children of its group, and a target it misses was not reached by any weights >= 0 the search tried (reaching it may take a negative weight on some child, which a weight cannot be, or, for children that move together, be out of reach of any weights); expected nothing to change, or the method\'s weights, not optimised, if every node must keep a weight above 0',
  W_OPTIMISE_NOT_CONVERGED:
    'the weights of the children of "Social" do not reach their target importance shares: the closest weights found leave a largest gap of 0.0204 (sum of squared gaps 0.00110, the least of the searches from 16 starting points); those weights are used; expected children whose correlations with the group allow the targets',
  W_OPTIMISE_FEW_OBSERVATIONS:
    "the weights cannot be optimised from 1 unit-year of values: an importance share is a squared correlation with the parent, which needs at least 2 observations; the starting weights are kept; expected the values of more units or years",
  W_OPTIMISE_NO_VARIATION:
    'the weights of the children of "A" cannot be optimised: the scores of neither of them ("A1", "A2") vary over the 3 unit-years, so their importance shares (squared correlations with the group) are undefined; the starting weights are kept; expected children that vary with the group',
  E_AHP_NOT_RECIPROCAL: 'ahp.yaml:5: group "A1": the matrix has 3 for "A11" against "A12" but 0.5 the other way; expected reciprocals (0.5 should be 1/3)',
  E_COMPARE_CONFIGURATION: "configuration b (the command's flags with --aggregate geometric) cannot be computed",
  E_PARQUET: "values.parquet: DuckDB cannot read the file as Parquet: No magic bytes found at end of file 'values.parquet'; expected a Parquet file",
  E_WRITE: "runs/20261204T044656.556Z-4119a31e: cannot publish the run (EACCES); expected a writable folder",
  E_XLS: 'values.xls: the file is an old Excel .xls workbook; expected .xlsx or CSV (in Excel: Save As, "Excel Workbook")',
  E_XLSX_TOO_LARGE:
    'values.xlsx: the workbook spans 17,179,721,740 cells, more than the 2,000,000 a workbook may span (a workbook is read cell by cell, at about 6 s and 600 MB of memory per million cells): merged range A10:XFD1048576 on sheet "数据": 17,179,721,728 cells, the rows of sheet "数据": 12 cells; expected a smaller workbook (far cells cleared, cells unmerged), or the sheet saved as CSV (in Excel: Save As, "CSV UTF-8"), which the tool reads far faster',
  E_SPREADSHEET_FORMAT:
    'data: the values folder holds a spreadsheet the tool cannot read ("2020.xls"), which would be left out of the run; expected .xlsx or CSV files (in Excel or WPS: Save As, "Excel Workbook (.xlsx)"), or such files moved out of the folder',
  E_VALUES_FOLDER_FILE:
    'df3: the values folder holds 2 files the folder reader does not read ("2018.parquet", "2019.sql"), which would be left out of the run; a .parquet or .sql file is read as the values source itself: expected it given with -d (--data; values: in index.yaml), not in a folder of CSV/xlsx files, or moved out of the folder',
  E_UNIT_COLUMN_MIXED:
    'd: d/a.csv has no unit column (its values are of one unit without a name), but d/b.csv names its units ("常州"), so the values of one unit would be read as two; expected every file of a values folder with a unit column, or none: add a unit column to d/a.csv naming the unit of each row',
  W_QUERY_FILES_UNNAMED:
    "values.sql: the query may read files the tool cannot name (read_csv(…) of a path known only when the query runs (built from a column or a subquery)), so --if-changed cannot tell whether they changed: the run goes ahead each time; expected each file written as a path in quotes or built from constants (read_csv('micro.csv'), read_csv('micro/' || '2020.csv'), or a glob such as read_csv('micro/*.csv')) for a run to be skipped when nothing changed",
  W_RUNS_LINKS_UNCHECKED:
    'values.sql: the pattern "data/**/*.csv" goes through more than 100,000 folder entries, so not every folder it reads was looked in for a link to the runs folder "runs" (index.yaml:4); through such a link (to the runs folder, or to a folder above it) the next run\'s query would read what a run writes there; expected a pattern that names more of its folders (such as data/2024/*.csv rather than data/**/*.csv), or a check by hand that no link under it leads to the runs folder',
  W_RUN_INPUTS_UNPROVEN:
    "runs/20260301T020000.123Z-1a2b3c4d may be stale: its queries (values.sql) may read files the tool cannot name, which no digest of the run covers, so whether they changed since the run cannot be told, and the report, computed from the files as they are now, may not describe the run; expected each file a query reads written as a path in quotes or built from constants (read_csv('micro.csv'), read_csv('micro/' || '2020.csv')) for a report to be checked against its run, or run innovation-index compute just before the report",
  E_XLSX: "values.xlsx: the file is not a readable .xlsx workbook (End of data reached (data length = 0, asked index = 4). Corrupted zip ?); expected an Excel workbook",
  E_XLSX_SHEET: 'values.xlsx: no sheet "2020"; expected one of "2017", "2018", "2019" or a number from 1 to 3',
  W_XLSX_HIDDEN:
    "values.xlsx[数据]: rows 3, 4 are hidden in Excel (the sheet has a filter, on A1:H40) but read like the visible ones (their values count; a hidden row repeating a visible one is a duplicate); expected in the sheet only the rows and columns to read: delete those to leave out (hiding or filtering them out leaves them in)",
  E_EXISTS: "changzhou-index: index.yaml, indicators.csv already exist; expected a folder without them (or --force to overwrite them: init wrote them and they are unchanged)",
  E_MISSING_COLUMN: 'values.csv:1: missing column "value"; found columns "unit", "year", "indicator", "amount"',
  W_BASE_IMPUTED:
    'a base value was filled by the missing-value policy (indicator "A11", unit "常州高新区", 2017: carry-back): every fixed-base index of its series rests on a value made up; expected the base values observed (imputations.csv lists them)',
  E_YEAR_EMPTY:
    "year 2021 has no value for any unit (none of the 8 indicators); expected the year's values, or the year left out of the values (an empty column made for a year to come?): a missing-value policy never fills a year from other years alone",
  E_UNIT_EMPTY: 'unit "常州国家高新区" has no value in any year (none of the 8 indicators); expected its values, or the unit left out of the values',
  E_UNIT_YEAR_EMPTY:
    'unit "常州高新区", year 2018 has no value (none of the 8 indicators); expected its values for 2018: a missing-value policy never fills a whole unit-year from other years (unit "常州 高新区" has values in 2018 and in none of the years "常州高新区" has: the same unit under another name?)',
  W_UNIT_LOOKALIKE:
    'data/2021.csv:33:1: units "西太湖园区" (39 values) and "西太湖园" (1 value, the first indicator "A11", year 2021) have names of which one begins with the other and never a value for the same indicator and year: one unit under two names? expected one name per unit, written the same on every row (under two names, each is ranked as a unit of its own, without the other\'s values)',
  E_NO_VALUES: 'tree.csv:24: indicator "C22" has no values; expected at least one value in the data',
  E_AUDIT_TOO_LARGE:
    "the audit of 100,000 indicators would correlate every pair of the 100,000 children of group \"A\" and decompose their correlation matrix (100,000 × 100,000) into principal components, in each of 3 periods (every year and all years pooled): about 5.1 TB of memory and 904 days, more than the limit of 2 GB and 10 minutes; expected at most about 1,919 children in a group: split the group into subgroups in the tree, or audit a part of the tree (a tree file of some of the indicators, given with -i: --indicators, or indicators: in index.yaml)",
  E_PANEL_SIZE:
    "values.csv: the values make a panel of 100,000 units × 1,000 years × 50 indicators = 5,000,000,000 cells (37 GB), more than the 268,435,456 cells (2 GB) a panel may hold (it has a cell for every unit, year and indicator, given or not); expected fewer units, years or indicators in one run: long values spread over many years or units (one value per row) make a large, mostly empty panel, so split them by year or by unit",
  E_PARQUET_LAYOUT: "values.parquet: columns unit, code, amount; expected unit, year, indicator, value (long) or indicator and one column a year such as 2017 (wide)",
  E_PARQUET_TYPE: "values.parquet: column 2018 is VARCHAR; expected numbers",
  E_RUN_FILE: "runs/20261204T044656.556Z-4119a31e/index.json: not valid JSON; expected the index.json written by compute",
  E_SQL: "values.sql: the query holds 2 statements; expected exactly one SELECT",
  E_SQL_COLUMNS: "values.sql: the result has no column value (columns: unit, year, indicator, amount); expected unit, year, indicator, value",
  E_SQL_NOT_SELECT: "values.sql: the query is not a SELECT statement (COPY); expected a query that only reads",
  E_SQL_ROOT: 'a query may read files only inside the folder it runs in, here "/" (the whole file system), which fences nothing; expected it run from its data\'s folder (outside a project, queries read the current folder), or in a project, whose folder is the one its queries read',
  E_SQL_SPECIAL_FILE:
    "values.sql: the query reads data/micro.csv, which is a named pipe (FIFO); expected a regular file (DuckDB would wait on it without end, and the time limit cannot stop a read that waits)",
  E_SQL_QUERY_TEXT:
    "values.sql: query(…) on line 3 is given a text the query builds, not one string literal; expected one string literal with the paths written inside it, as in query('SELECT * FROM read_csv(''data/x.csv'')') (the paths of a built text would be read against the current folder, not the folder the query reads)",
  E_SQL_TYPE: "values.sql: column year is VARCHAR; expected a whole number (INTEGER; cast it: year::INTEGER)",
  E_QUERY_MEMORY_LIMIT:
    "values.sql: DuckDB needed more than 8 GB of memory, what it may use to read the values (half of this machine's memory), and was stopped; expected the values read within it: return one row per unit, year and indicator (aggregate the microdata in the query: GROUP BY unit, year), make the query cheaper (a join without a condition multiplies the rows), or run with --threads 1 (each DuckDB thread takes memory of its own), or on a machine with more memory",
  E_QUERY_ROWS:
    "tree.csv:4: indicator B, column sql: the query returns more than 1,342,177 rows, the most one indicator's values may fill (a panel holds at most 268,435,456 cells, shared by the tree's 200 indicators, one row per unit and year); expected one row per unit and year: aggregate the microdata in the query (GROUP BY unit, year)",
  E_QUERY_TIME_LIMIT:
    "values.sql: stopped after 3600 s, the time limit for reading the values with DuckDB; expected them read within it: make the query cheaper (a join without a condition multiplies the rows), or raise the limit with INNOVATION_INDEX_QUERY_TIME_LIMIT=<seconds>",
  E_XLSX_SHEETS:
    'values.xlsx: sheets "2017", "2018", "2019" have the same columns, and only one sheet of a workbook is read; expected the values in one sheet (or give --sheet to read one sheet alone, or save each sheet as a file in one folder and give the folder)',
  E_YAML_SHAPE: "tree.yaml: expected a list of nodes (each with a code)",
  E_YAML_SYNTAX:
    'tree.yaml:6:3: the file is not valid YAML: the key "name" appears twice (first on line 5); expected each key once',
  E_NO_RUN: "runs/20261204T1617: no such run folder; expected a run id (or its start), latest, previous, or the path of a run folder",
  E_TOO_FEW_RUNS:
    "runs: the latest run 20260301T020000.123Z-1a2b3c4d has no previous run (it was the first published, or no usable run was published before it when it ran); expected at least two runs to compare (or name two runs)",
  E_UNKNOWN_RUN:
    'unknown run "2025" in runs; expected a run id (20260301T020000.123Z-1a2b3c4d, 20270301T020000.456Z-5e6f7a8b), latest, previous, or a run folder',
  E_AMBIGUOUS_RUN:
    'run "2026" in runs could be any of 2 runs (20260301T020000.123Z-1a2b3c4d, 20260302T020000.456Z-5e6f7a8b); expected enough of the id to name one run',
  E_DUPLICATE_COLUMN: 'values.csv:1:4: column 4 "2017年" repeats column 2 "2017", so which one holds the values is unclear; expected each column once',
  E_UNCERTAINTY_COLUMN: 'unc/uncertainty.csv: no column "index_p05"; expected the columns of uncertainty.csv: unit, year, index_median, index_p05, index_p95, rank_p05, rank_p95',
  E_UNCERTAINTY_CELL: 'unc/uncertainty.csv:5: unit "U3" in year "2017" is not in the index; expected a unit and year of the data (run uncertainty on the same inputs)',
  E_AHP_DIAGONAL: 'ahp.yaml:4: the diagonal of the matrix of group "A1" must be 1, found 2 for "A11"',
  E_AHP_YAML_SHAPE: 'ahp.yaml:2: group "A1": expected a list of [a, b, value] judgements, or order: and matrix:',
  E_CSV_SYNTAX: "values.csv:23: the file is not valid CSV (Invalid Closing Quote); expected comma-separated values",
  E_READ: "values.csv: no such file; expected a readable file",
  E_INPUT_CHANGED:
    "data/2019.csv: changed (SHA-256 1a2b3c4d… before, 5e6f7a8b… once read) while the inputs were read; expected input files that stay as they are until they are read, so that the SHA-256 recorded is that of the bytes computed from: nothing was written, run again once the files are complete",
  E_NEGATIVE_VALUE_REVERSED:
    'indicator "C12", unit "常州高新区", year 2018: the value is -2 and the indicator is negative, so base / value is negative and ranks the unit below every positive value, though a smaller value is better; expected a positive value, or min-max or z-score, which take negative values',
  E_XLSX_FORMULA: "values.xlsx[数据]:3:4: cell D3 holds the formula =C3*1.1 but not its result (the file was written by a program and never saved by Excel); expected a value, or the workbook opened and saved in Excel, which stores each formula's result",
  E_FORMULA_VALUE: 'formula "rd_spending / revenue * 100" of indicator "A11" gives Infinity for unit "常州高新区", year 2018 (rd_spending = 3.2, revenue = 0), a division by zero?; expected a finite number',
  E_INTERNAL: "internal error: TypeError: … (the stack follows)\\nthis is a bug; please report it with the command you ran",
  E_VALIDATION: '2 problems found:\nvalues.csv:7:4: value "abc" in column "value" is not a number; …\ntree.csv:12:2: unknown parent "Z"; …',
  // Codes whose message the generator would take from a neighbouring line (another code's, or a function of a module it
  // does not load), or make with made-up values that cannot occur together: the messages printed, from a real run.
  E_COINR_TYPE: 'iMeta.csv:2:7: Type "Indikator" is not a choice; expected one of: Indicator, Aggregate, Group, Denominator, Other; did you mean "Indicator"?',
  E_COINR_COLUMN:
    'iData.csv:1:4: column "Renw" is not declared in iMeta.csv: no row has iCode "Renw", and COINr\'s new_coin refuses such a column; expected every iData column but uCode, uName and Time to have an iMeta row, of Type Indicator for an indicator, or Group, Denominator or Other for a column not imported; did you mean "Renew"?',
  E_COINR_LEVEL:
    'iMeta.csv:4:3: "B1" has Level 1 and its parent "Index" Level 3; expected the parent one Level above its child (Level 2), as COINr\'s check_iMeta requires',
  E_COINR_DUPLICATE: 'iData.csv:5:1: unit "AUT", year 2018 is given again (first on line 2); expected one row per uCode and Time, as COINr\'s new_coin requires',
  E_BAD_LATEST: "runs/LATEST names run 20260301T020000.123Z-1a2b3c4d, which does not exist; expected it to name a run folder (or name the runs to compare)",
  E_NO_MANIFEST: "runs/20260301T020000.123Z-1a2b3c4d/manifest.json is missing; expected the manifest.json compute writes in every run folder",
  E_RUN_CHANGED: "runs/20260301T020000.123Z-1a2b3c4d: does not match manifest.json: 0 missing, 1 changed, 0 unlisted",
  E_RUN_NOT_VERIFIED:
    "runs/20260301T020000.123Z-1a2b3c4d: not published, as verify finds 1 problem in it (listed above; innovation-index verify 20260301T020000.123Z-1a2b3c4d lists them again); expected a run whose files match its manifest.json and whose manifest agrees with itself; runs/LATEST was left as it was",
  E_RUN_STAGING:
    "runs/.staging-20260301T020000.123Z-1a2b3c4d: a staging folder (a run being written, or one that stopped before it finished), which is never published; expected a run folder, named by its run id",
  W_RUN_CHANGED:
    "runs/20260301T020000.123Z-1a2b3c4d/index.json does not match the run's manifest.json (5678 bytes, SHA-256 9f86…; listed with 5678 bytes, SHA-256 6030…): the run's files changed after it was written, so its values are not compared with the new run's; expected its files as compute wrote them (innovation-index verify runs/20260301T020000.123Z-1a2b3c4d lists every difference)",
  W_LATEST_MANIFEST:
    "runs/20260301T020000.123Z-1a2b3c4d/manifest.json is missing; treated as no previous run for --if-changed and the revision summary; no run folder was removed",
  E_BAD_NUMBER: 'broken.csv:23:4: value "1,62O" in column "2018年" is not a number; expected a number such as 1234.5, 1,234.5 or 1.96%, or an empty cell for a missing value',
  E_DECIMAL_MARK: 'values.csv:3:4: value "1,85" in column "value" is not a number with a decimal point: decimal comma? use --decimal , (expected a number such as 1234.5, 1,234.5 or 1.96%)',
  E_UNKNOWN_INDICATOR: 'values.csv:4:3: unknown indicator "Z99"; expected a leaf code of the indicator tree',
  E_MEASURE_MISMATCH:
    'data/2018.csv:3:3: indicator "A2" is given in "万元" here but in "亿元" in the indicator tree (tree.csv:4); values are read as written, not converted, so the two would be compared as if alike; expected "亿元": convert the values to it, or correct the measure in the tree or here',
  E_MEASURE_COLUMN:
    'values.csv:1:3: column "unit" holds units of measurement ("%", "亿元", "件"), not the units the index ranks (regions, parks, firms); expected it named measure (or 计量单位), the column of the units of measurement, which is checked against the tree\'s',
  W_NAME_MISMATCH:
    'values.csv:3:2: indicator "A1" is named "专利数" here but "研发占比" in the indicator tree (tree.csv:3); values are read by their code alone, so if codes and names got out of step (rows sorted by one column only?) these values are another indicator\'s; expected the tree\'s name beside each code: check the code of the row, or correct the name',
  W_ACCOUNTING_DASH:
    'values.csv:3:4: 2 value cells are a dash padded with spaces (" -   ", the first here), the way Excel\'s accounting format (会计专用) shows a zero; they are read as missing, though they may be zeros; expected the column formatted as a number (常规 or 数值) before saving the CSV file, or 0 written in those cells',
  W_THOUSANDS_SPLIT:
    'values.csv:3:4: value "1" and the next cell, "234" in column 5 ("note"), look like one number, "1,234", split at its thousands separator by a comma outside quotes (the row has 6 fields, the header 5): 1 is read where 1234 was probably meant; expected the number quoted as Excel writes it ("1,234", with the quotes) or written without the separator (1234)',
  W_VALUE_JUMP:
    'values.csv:5:4: indicator "A11", unit "常州高新区": the 2020 value 0.0244 is about 95.5 times smaller than the 2019 value 2.33 (50 times or more apart, which a real change from one year to the next seldom is): probably a share written as a fraction beside percent points or the other way round (×100), a unit of measure changed (×1,000 or ×10,000, e.g. 元 for 万元), or a real change; expected the value checked: if it is right, nothing to do (--strict does not refuse it)',
  W_PERCENT_MIXED:
    'values.csv:5:4: values of "A11" mix 3 percentages (e.g. 1.96% at values.csv:2:4) with 1 plain number (e.g. 0.0244 at values.csv:5:4) of another magnitude: the plain numbers\' median, 0.0244, is about 86.1 times smaller than the percentages\', 2.1; a percent sign is dropped (1.96% reads as 1.96), so a share written as a fraction (0.0245 for 2.45%) reads 100 times smaller; expected every value of "A11" written one way: all with a percent sign (or formatted as percentages in Excel) or none',
  W_UNIT_TOTAL:
    'values.csv:6:1: unit "合计" (its first row here) is named as a total or subtotal, yet it is read as a unit like any other: it takes part in min-max, z-score and the ranks (a total, the largest, would be ranked first and set the min-max maximum); expected only the units the index ranks: delete the total\'s rows, or rename the unit if it really is one',
  E_SQL_NULL: "values.sql: 2 rows have no year (NULL); expected a year in every row",
  E_USAGE: "--force and --if-changed contradict each other; expected one of them (a project run skips unchanged inputs by default)",
  W_OPTION_UNUSED: "--report has no effect with --out -, which writes no file; expected --out <dir>",
  W_PRESET_OVERRIDDEN:
    "index.yaml:15: methods.weights explicit overrides preset nbs's --weights equal, which is not applied; expected no methods.weights to apply the preset's (a key of index.yaml or a flag typed overrides a preset)",
};

/**
 * Every output file: the command that writes it, what it holds and, for tables, each column. The columns are checked
 * against the header of the file a real run writes (columns named by year are written `<year>`).
 */
export const OUTPUT_FILES = [
  {
    file: "index.csv",
    command: "compute",
    content: "the overall index (code INDEX, level 0) and every group, long",
    columns: {
      unit: "the unit", year: "the year", code: "INDEX or the group's code", name: "the name from the tree", level: "0 for the index, 1 for a dimension, …",
      value: "the value, --decimals decimals",
    },
  },
  {
    file: "index-wide.csv",
    command: "compute",
    content: "the report table: one row per node, one column per year (one unit; with several units, one block per unit)",
    columns: { unit: "the unit (with several units only)", code: "INDEX or the group's code", name: "the name", level: "the level", "<year>": "the value in that year" },
  },
  {
    file: "scores.csv",
    command: "compute",
    content: "the normalised score of every indicator, laid out like index.csv",
    columns: { unit: "the unit", year: "the year", code: "the indicator", name: "its name", level: "its level", value: "its score" },
  },
  {
    file: "growth.csv",
    command: "compute",
    content: "growth of every node and unit from the second year on",
    columns: {
      unit: "the unit", code: "the node", name: "its name", level: "its level", year: "the year t", value: "v[t]",
      change: "v[t] − v[t−1] in points (the values as shown, exact in decimal: see above)", change_percent: "100·(v[t] − v[t−1])/v[t−1]; empty unless v[t−1] > 0, and in every row of a result on a scale with no natural zero, where the terminal table gives the change in points: an indicator normalised otherwise than by fixed-base, chain, distance-to-target, distance-to-reference, distance-to-average or fraction-of-max (min-max, z-score, rank, ...), or a group aggregated by copeland, bod, topsis, topsis-year or grey",
      average_change: "(v[t] − v[f])/(t − f), points a year since the first year f", cagr_percent: "100·((v[t]/v[f])^(1/(t − f)) − 1), over one year exactly change_percent, 100·(v[t] − v[f])/v[f]; empty unless v[f] > 0 and v[t] ≥ 0 (a root of a negative ratio is not a number), and on a scale with no natural zero (as change_percent)",
    },
  },
  {
    file: "contributions.csv",
    command: "compute",
    content: "points each dimension (--contributions indicators: every node) contributed to the change of the overall index",
    columns: {
      unit: "the unit", from_year: "the earlier year", to_year: "the later year", code: "the node (INDEX holds the change itself)", name: "its name",
      level: "its level", from_value: "its value in from_year", to_value: "its value in to_year", change: "to_value − from_value (as growth.csv's change)",
      contribution: "points of the overall index's change", share_percent: "share of that change", method: "additive (exact; below benefit of the doubt too, with each unit's own weights), log-share or linear-share (below another non-arithmetic group, or a group marked -), total for INDEX and for a node without a contribution (below a node whose change is missing, the contribution is empty)",
    },
  },
  {
    file: "ranks.csv",
    command: "compute",
    content: "several units only: the units from first to last, year by year, for the index and every group",
    columns: {
      code: "the node", name: "its name", level: "its level", year: "the year", rank: "competition rank (Excel RANK.EQ, descending)", unit: "the unit",
      value: "the node's value", rank_change: "previous rank − rank (positive: moved up)",
    },
  },
  {
    file: "weights.csv",
    command: "compute, weights --out",
    content: "the weight of every node, as compute used it (the tree's, or derived by --weights) or as weights derives it",
    columns: { code: "the node", parent: "its parent (INDEX for first-level nodes)", level: "its level", weight: "weight within its siblings", global_weight: "product of the weights from the root down" },
  },
  {
    file: "coverage.csv",
    command: "compute",
    content: "the data coverage per indicator",
    columns: {
      indicator: "the indicator", name: "its name", expected: "cells expected (units × years)", observed: "cells observed in the data",
      imputed: "cells imputed", reweighted: "cells reweighted", share_observed: "observed / expected, 0 to 1",
    },
  },
  {
    file: "imputations.csv",
    command: "compute",
    content: "every imputed or reweighted cell, then every group score --min-group-coverage set missing",
    columns: {
      unit: "the unit",
      year: "the year",
      indicator: "the indicator (for below-coverage: the group, or INDEX)",
      method: "carry-forward, carry-back, interpolate, mean, median, reweight or below-coverage",
      value: "the value put in, in the indicator's unit: --decimals decimals, more where it needs them for 6 significant digits (empty for reweight and below-coverage)",
    },
  },
  {
    file: "treatment.csv",
    command: "compute",
    content: "every cell changed by the outlier treatment",
    columns: { unit: "the unit", year: "the year", indicator: "the indicator", method: "winsorise-high, winsorise-low, log or sqrt", original: "the value before (raw, as imputations.csv's value: at least 6 significant digits)", value: "the value after (likewise)" },
  },
  {
    file: "index.json",
    command: "compute",
    content: "every result unrounded, with the options, nodes (and the method each used), weighting, warnings, imputations and treatments",
    fields: {
      baseYear: "the base year",
      options: "the compute options the run used",
      weighting: "how the weights were set (the method and what it used)",
      units: "the units, in the order of the results",
      years: "the years",
      nodes:
        "every node: code, name, level, kind, parent, weight and the method it used; an indicator with its own missing-value policy (the tree's `missing` column) also `missing`, that policy (absent where the indicator follows `options.missing`)",
      results:
        "one entry per unit and year: `unit`, `year` and `values` (every node's value by code, indicator scores included; `null` where missing). Not written with --parquet-only",
      resultsIn:
        'with --parquet-only only, in place of `results`: the files of the run folder that hold those values, `["index.parquet", "scores.parquet"]` (the groups and the index; the indicators\' scores), both long (`unit, year, code, name, level, value`), a NULL value a missing one',
      warnings: "the warnings of the run",
      imputations: "every imputed or reweighted cell (`value` null when reweighted)",
      treatments: "every cell the outlier treatment changed",
      bodWeights:
        "only when a group (or the index) is aggregated by `bod`: by that group's code, the weights each unit chose each year, one list child-major (`[(child × units + unit) × years + year]`, the group's children as they come in `nodes`), on the score's scale (the group's score is the sum of weight × child's score; Compind's `ci_bod_weights` ×100, not summing to 1); `null` where the group has no score",
    },
  },
  {
    file: "index.xlsx",
    command: "compute --xlsx",
    content: "every table above as a sheet of one workbook, after a first sheet `notes` (说明) saying how many values are illustrative when the values' `source` column marks some so",
  },
  {
    file: "report.html",
    command: "compute --report, report",
    content: "charts and tables in one self-contained page, with a notice near the top saying how many values are illustrative when the values' `source` column marks some so",
  },
  {
    file: "input-values.csv",
    command: "compute (project run)",
    content: "the values the run read, after formulas, in the long layout",
    columns: { unit: "the unit", year: "the year", indicator: "the indicator or variable", value: "the value" },
  },
  { file: "manifest.json", command: "compute (project run)", content: "tool and version, options, SHA-256 of every input and output, fingerprint, coverage, warnings" },
  {
    file: "PUBLISHED.log",
    command: "runs publish, runs rollback, compute (project run)",
    content:
      "in the runs folder: the publication history, two lines for each move of runs/LATEST, each appended and flushed to the disk (moving before the move, moved after it), never rewritten; innovation-index runs reads it to say when each run was LATEST",
    columns: {
      time: "when LATEST moved, ISO 8601 in UTC (2026-03-01T02:00:00.123Z)",
      action: "compute, publish or rollback",
      before: "the run id LATEST named before; empty when it named none",
      after: "the run id LATEST names since",
      state: "moving (written before LATEST is renamed) or moved (the same line again, once it is): a move without its moved line happened only if the next line starts from its run",
    },
  },
  {
    file: "reports.json",
    command: "report (project run)",
    content:
      "the files made from the run after it was published (report.html): path, bytes, sha256, the command that made it, the run id and fingerprint, the tool version; verify checks them (manifest.json is never rewritten)",
  },
  {
    file: "uncertainty.csv",
    command: "uncertainty",
    content: "per unit and year, the spread of the index and the rank over the 2N runs of A and B",
    columns: {
      unit: "the unit", year: "the year", index_nominal: "the nominal index", index_median: "its median", index_p05: "its 5% quantile (R type 7)",
      index_p95: "its 95% quantile", rank_nominal: "the nominal rank (1 = highest)", rank_median: "its median", rank_p05: "its 5% quantile", rank_p95: "its 95% quantile",
    },
  },
  {
    file: "sensitivity.csv",
    command: "uncertainty",
    content: "Sobol indices of each varied choice",
    columns: {
      output: "index or rank", year: "the year", scope: "unit, or all (over all units)", unit: "the unit (empty for all)", choice: "the varied choice",
      first_order: "first-order index S_i", total: "total index S_Ti", first_order_low: "2.5% bootstrap bound (--bootstrap)", first_order_high: "97.5% bound",
      total_low: "2.5% bound of S_Ti", total_high: "97.5% bound of S_Ti",
    },
  },
  { file: "uncertainty.html", command: "uncertainty", content: "the intervals and the sensitivity table in one page, with a notice under the title saying how many values are illustrative when the values' `source` column marks some so" },
  {
    file: "statistics.csv",
    command: "audit",
    content: "per period (each year, then all unit-years pooled) and indicator, the statistics of the raw values as read",
    columns: {
      period: "the year, or all (every unit-year pooled)", indicator: "the indicator", n: "observed values", coverage: "n / the period's cells (units, or units × years)",
      mean: "the mean", sd: "the sample standard deviation (divisor n − 1)", min: "the smallest value", max: "the largest value",
      skewness: "sample skewness (e1071 type 2, Excel SKEW; 3 values needed)", kurtosis: "excess kurtosis (e1071 type 2, Excel KURT; 4 values needed)",
      same_share: "share of the observations equal to the most frequent value", outliers: "points --outliers winsorise would winsorise in the period",
      flags: "low-coverage, skew-kurtosis, near-constant, negative-within-group, collinear (; between them)", notes: "why a statistic is empty",
    },
  },
  {
    file: "correlations.csv",
    command: "audit",
    content: "per period, every sibling pair, every node with its parent and every node below level 1 with the index (scores as aggregated)",
    columns: {
      period: "the year, or all", relation: "sibling, parent or index", group: "the group the pair belongs to (the parent)", level: "the level of a",
      a: "the first node", b: "the second node (the parent, or INDEX)", n: "unit-years where both have a value", pearson: "Pearson's r over them",
      spearman: "Spearman's rho (Pearson on average ranks)", flags: "negative, collinear (|r| >= --collinear), weak-parent (r < --weak-parent)", notes: "why a value is empty",
    },
  },
  {
    file: "cronbach.csv",
    command: "audit",
    content: "per period and group (the index included), Cronbach's alpha of its children over the complete unit-years",
    columns: {
      period: "the year, or all", group: "the group", level: "its level (0 for the index)", children: "its children k", n: "complete unit-years",
      alpha: "k/(k − 1) · (1 − Σ var(child) / var(Σ children)), sample variances", notes: "why alpha is empty",
    },
  },
  {
    file: "pca.csv",
    command: "audit",
    content: "per period and group, the principal components of the correlation matrix of its children (one row per component)",
    columns: {
      period: "the year, or all", group: "the group", n: "complete unit-years", component: "k", eigenvalue: "the k-th eigenvalue",
      share: "eigenvalue / number of children", cumulative_share: "the shares of components 1 to k", child: "the k-th child",
      pc1_loading: "its loading on the first component (its correlation with it)", pc1_vector: "its entry in the first eigenvector (prcomp's rotation)",
      notes: "why a value is empty",
    },
  },
  {
    file: "importance.csv",
    command: "audit",
    content: "per period and node, the nominal weight beside the effective importance (r² and correlation ratio), normalised within siblings",
    columns: {
      period: "the year, or all", code: "the node", parent: "its parent (INDEX for first-level nodes)", level: "its level", n: "unit-years where the node and its parent both have a value",
      weight: "the nominal weight within siblings", global_weight: "the product of the weights up to the index",
      r2_parent: "squared Pearson correlation with the parent", r2_parent_share: "r2_parent / its siblings' sum",
      r2_index: "squared Pearson correlation with the index", r2_index_share: "r2_index / its siblings' sum",
      ratio_parent: "correlation ratio V(E(parent|node))/V(parent), binned (20 observations needed)", ratio_parent_share: "ratio_parent / its siblings' sum",
      ratio_index: "correlation ratio with the index", ratio_index_share: "ratio_index / its siblings' sum", notes: "why a value is empty",
    },
  },
  {
    file: "sensitivity-drop.csv",
    command: "audit",
    content: "each indicator and group dropped in turn (tree order), per year: how far the units' ranks move",
    columns: {
      element: "the dropped indicator or group", level: "its level", year: "the year",
      mean_abs_shift: "mean |rank with it − rank without it| over the units ranked both ways", max_shift: "the largest |rank shift|",
      max_shift_unit: "every unit with that shift, in unit order, separated by ; (empty when no rank moved)",
    },
  },
  {
    file: "sensitivity-drop-ranks.csv",
    command: "audit",
    content: "per unit and year of --drop-ranks (default the last), its rank, then its rank without each element",
    columns: { unit: "the unit", year: "the year", rank: "its rank with every element (1 = highest)", "<element>": "its rank without that indicator or group (one column each, tree order)" },
  },
  {
    file: "profiles.csv",
    command: "audit",
    content: "per unit and year of --profiles (default the last), its strengths and weaknesses (top or bottom decile, or 3 best or worst ranks)",
    columns: {
      unit: "the unit", year: "the year", type: "strength or weakness", code: "the node", name: "its name", level: "its level", kind: "indicator or group",
      value: "the indicator's raw value as read (empty for a group)", score: "the indicator's score, or the group's sub-index", rank: "the unit's rank on the node (1 = best)",
      percentile: "(n − rank)/(n − 1)", units: "n, the units ranked on the node that year",
    },
  },
  { file: "audit.xlsx", command: "audit --xlsx", content: "the eight audit tables above, one sheet each, after a first sheet `notes` (说明) saying how many values are illustrative when the values' `source` column marks some so" },
  { file: "audit.html", command: "audit --report", content: "alpha and PC1 per group, a correlation heatmap per group, nominal against effective weights, the flags, one unit's profile, with a notice under the title saying how many values are illustrative when the values' `source` column marks some so" },
  {
    file: "compare.csv",
    command: "compare --out",
    content: "the index and rank of every unit and year under configurations a and b",
    columns: {
      unit: "the unit", year: "the year", index_a: "the index under a", rank_a: "its rank under a (1 = highest)", index_b: "the index under b",
      rank_b: "its rank under b", rank_shift: "rank_a − rank_b (positive: higher under b)",
    },
  },
  {
    file: "compare-years.csv",
    command: "compare --out",
    content: "per year, how far the two rankings agree",
    columns: { year: "the year", units: "units ranked under both", spearman: "Spearman's correlation of the two rankings (average ranks for ties)", mean_abs_shift: "mean |rank_shift|" },
  },
  {
    file: "values.csv (template)",
    command: "template",
    content: "an empty values file to fill in: the wide layout (one unit) or, with --units, the long layout; the columns named in Chinese by default (in brackets), as here with --lang en",
    columns: {
      indicator: "(指标代码) the indicator or formula variable", name: "(指标名称) its name", measure: "(计量单位) its unit of measurement", "<year>": "empty cells to fill in",
      unit: "(评价对象) the unit (long layout)", year: "(年份) the year (long layout)", value: "(数值) empty cell to fill in (long layout)",
    },
  },
  {
    file: "diff --format csv",
    command: "diff",
    content: "every value that differs between two runs (printed on stdout)",
    columns: {
      kind: "input, output, option, file, weight (a node's weight within its parent) or global_weight (in the overall index), the weights from the runs' weights.csv", status: "changed, added (missing in RUN_A) or removed (missing in RUN_B)", unit: "the unit", year: "the year",
      code: "the indicator, group, INDEX, option or file", before: "the value in RUN_A (a file's SHA-256: sha256: and all 64 hex digits)", after: "the value in RUN_B (likewise)", change: "after − before, the values as shown, exact in decimal (1.98908 − 1.98903 is 0.00005); the table signs it as printed: no sign on a change that rounds to 0 (0.0000, not +0.0000)",
      change_percent: "100·(after − before)/|before|; empty when before is 0, and in every output row when either run's result is on a scale with no natural zero (as growth.csv's change_percent: min-max, z-score, Copeland, ...), where the change is in points only; input rows keep it",
    },
  },
];
