/**
 * The facade's names for the command line's flags (src/library-names.ts): how a message reads once renamed, and the
 * drift checks that keep the table true to the command line's flags, the facade's option keys and the core's messages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AUDIT_OPTION_NAMES, INDEX_OPTION_NAMES, LOAD_OPTION_NAMES, REPORT_OPTION_NAMES, UNCERTAINTY_OPTION_NAMES, WEIGHTING_OPTION_NAMES } from "../src/api.js";
import { dataMessages } from "../src/core/data-messages.js";
import { limitMessages } from "../src/core/limit-messages.js";
import { messages } from "../src/core/messages.js";
import { methodMessages } from "../src/core/method-messages.js";
import type { ScreenOptions } from "../src/core/screen.js";
import { weightingMessages } from "../src/core/weighting/messages.js";
import { InputError, UsageError, ValidationError, type Issue } from "../src/errors.js";
import { errorInLibraryNames, FLAG_NAMES, inLibraryNames, issueInLibraryNames, OPTION_OF_CODE, optionCalled, OTHER_NAMES, PHRASES } from "../src/library-names.js";

const SRC = fileURLToPath(new URL("../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** The files whose messages a facade call can meet: the core's, and the readers `load` calls. */
// The Chinese catalogues (src/core/zh) quote the flags of the English messages they translate, which are checked here;
// test/core/zh checks that each translation quotes them as its English message does.
const MESSAGE_FILES = [...sourceFiles(join(SRC, "core")), ...sourceFiles(join(SRC, "io", "read"))].filter((file) => !/[\\/]core[\\/]zh[\\/]/.test(file));

/** Every flag written in the code (not the comments) of `file`, as `--name`. */
function flagsIn(file: string): string[] {
  return flagsInText(readFileSync(file, "utf8"));
}

/** Every flag written in `text` outside its comments. */
function flagsInText(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .map((line) => line.replace(/\s\/\/\s.*$/, ""))
    .flatMap((line) => line.match(/(?<![\w[-])--[a-z][a-z0-9-]*/g) ?? []);
}

/**
 * Flags that only the command line can meet, by the files whose messages quote them: outputs, projects and run
 * folders, and options of commands the facade has no call for. A flag quoted anywhere else must be in `FLAG_NAMES`.
 */
const CLI_ONLY: Record<string, { files: string[]; why: string }> = {
  "--out": { files: ["core/messages.ts", "core/output-messages.ts", "core/project-messages.ts", "core/run-messages.ts", "core/command-messages.ts", "core/terminal-messages.ts"], why: "output folders" },
  "--format": { files: ["core/messages.ts", "core/output-messages.ts", "core/command-messages.ts"], why: "output files" },
  "--xlsx": { files: ["core/messages.ts", "core/output-messages.ts"], why: "output files" },
  "--parquet": { files: ["core/output-messages.ts"], why: "output files" },
  "--static": { files: ["core/messages.ts"], why: "output files" },
  "--report": { files: ["core/messages.ts", "core/output-messages.ts"], why: "output files and run folders" },
  "--parquet-only": { files: ["core/output-messages.ts"], why: "output files" },
  "--threads": { files: ["core/output-messages.ts", "core/limit-messages.ts", "core/reader-messages.ts"], why: "the writer threads, and DuckDB's (load() sets none)" },
  "--all-problems": { files: ["core/messages.ts"], why: "the command line's list of problems" },
  "--optimise": { files: ["core/command-messages.ts"], why: "the weights command's search for effective importance (the library: optimiseWeights)" },
  "--if-changed": { files: ["core/output-messages.ts", "core/project-messages.ts"], why: "project runs" },
  "--force": { files: ["core/project-messages.ts", "core/command-messages.ts"], why: "project runs" },
  "--project": { files: ["core/output-messages.ts", "core/project-messages.ts", "core/run-messages.ts"], why: "projects" },
  "--runs": { files: ["core/output-messages.ts", "core/project-messages.ts", "core/run-messages.ts"], why: "projects" },
  "--run": { files: ["core/output-messages.ts", "core/project-messages.ts"], why: "projects" },
  "--allow-outside-project": { files: ["core/limit-messages.ts"], why: "projects" },
  "--profile-unit": { files: ["core/audit/messages.ts"], why: "the audit command's strengths and weaknesses (not audit())" },
  "--year": { files: ["core/audit/robustness-messages.ts", "core/command-messages.ts"], why: "the compare command (compareResults, not in the facade)" },
  "--years": { files: ["core/command-messages.ts"], why: "the command line's own checks (commandMessages, which no facade call makes)" },
  "--bootstrap": { files: ["core/command-messages.ts"], why: "the command line's own checks (commandMessages, which no facade call makes)" },
  "--explain": { files: ["core/command-messages.ts"], why: "the command line's own checks (commandMessages, which no facade call makes)" },
  "--preset": { files: ["core/command-messages.ts"], why: "the command line's own checks (commandMessages, which no facade call makes)" },
  "--indicators": { files: ["core/command-messages.ts", "core/limit-messages.ts"], why: "the command line's own checks, and the audit's size limit (a part of the tree, given with -i)" },
  "--data": {
    files: ["core/command-messages.ts", "core/limit-messages.ts"],
    why: "the command line's own checks, and a values folder's file that is a values source itself (load()'s data takes it the same way)",
  },
  "--normalize": { files: ["core/command-messages.ts"], why: "the command line's own checks (commandMessages, which no facade call makes)" },
  "--table": { files: ["core/command-messages.ts"], why: "the command line's own checks (commandMessages, which no facade call makes)" },
  "--with": { files: ["core/command-messages.ts"], why: "the command line's own checks (commandMessages, which no facade call makes)" },
  "--screen-by": { files: ["core/command-messages.ts"], why: "the uncertainty command's screening (the library's uncertainty() takes no screen at all)" },
};

/** Every flag the command line defines: the first argument of each commander `option(...)` or `new Option(...)`. */
function cliFlags(): Set<string> {
  const flags = new Set<string>();
  for (const file of sourceFiles(join(SRC, "cli")))
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/\b(?:option|Option)\(\s*["'`]([^"'`]*)["'`]/g))
      for (const flag of spec.match(/--[a-z][a-z0-9-]*/g) ?? []) flags.add(flag);
  return flags;
}

/** Every option path the facade takes: its calls' keys, `weighting.*` and `screen.*`. */
const SCREEN_OPTION_NAMES = Object.keys({ threshold: true, by: true } satisfies Record<keyof ScreenOptions, true>);
const FACADE_OPTIONS = new Set([
  ...INDEX_OPTION_NAMES,
  ...UNCERTAINTY_OPTION_NAMES,
  ...LOAD_OPTION_NAMES,
  ...AUDIT_OPTION_NAMES,
  ...WEIGHTING_OPTION_NAMES.map((name) => `weighting.${name}`),
  ...SCREEN_OPTION_NAMES.map((name) => `screen.${name}`),
]);

describe("the table of library names stays true to the command line, the facade and the core's messages", () => {
  it("every flag of FLAG_NAMES is a flag the command line defines", () => {
    const defined = cliFlags();
    expect(defined.size).toBeGreaterThan(80);
    expect(FLAG_NAMES.map(({ flag }) => flag).filter((flag) => !defined.has(flag))).toEqual([]);
    expect(new Set(FLAG_NAMES.map(({ flag }) => flag)).size).toBe(FLAG_NAMES.length);
  });

  it("every option of FLAG_NAMES, PHRASES and OPTION_OF_CODE is an option of a facade call (weighting's and screen's by their path)", () => {
    const options = [...FLAG_NAMES.map(({ option }) => option), ...PHRASES.flatMap(({ column }) => (column ? [column] : [])), ...Object.values(OPTION_OF_CODE)];
    expect(options.filter((option) => !FACADE_OPTIONS.has(option))).toEqual([]);
    expect(FACADE_OPTIONS.has("weighting.years") && FACADE_OPTIONS.has("memoryLimit") && FACADE_OPTIONS.has("decimal")).toBe(true);
  });

  it("every flag a message of src/core or src/io/read quotes is in FLAG_NAMES, or is a command-line-only flag of that file", () => {
    const named = new Set(FLAG_NAMES.map(({ flag }) => flag));
    const found = MESSAGE_FILES.flatMap((file) => flagsIn(file).map((flag) => ({ file: relative(SRC, file).split("\\").join("/"), flag })));
    expect(found.length).toBeGreaterThan(60);
    const unnamed = found.filter(({ file, flag }) => !named.has(flag) && !CLI_ONLY[flag]?.files.includes(file));
    expect(unnamed.map(({ file, flag }) => `${file}: ${flag}`)).toEqual([]);
    // No stale entry: each command-line-only flag is still quoted by each of its files.
    const stale = Object.entries(CLI_ONLY).flatMap(([flag, { files }]) => files.filter((file) => !found.some((at) => at.file === file && at.flag === flag)).map((file) => `${file}: ${flag}`));
    expect(stale).toEqual([]);
  });

  it("the scan finds a flag in a message and skips comments and decrements", () => {
    const sample = [
      "/** `--range` in a doc comment */",
      "  // --z-scale in a line comment",
      "  const text = `--cap ${cap} is below 100`; // --power after the code",
      "  while (values[--position] > 0) count--;",
      '  return "expected --weights entropy";',
    ].join("\n");
    expect(flagsInText(sample)).toEqual(["--cap", "--weights"]);
  });

  it("every option of OTHER_NAMES is an option of a facade call (report's language too), and no other name is an option's own", () => {
    const options = new Set([...FACADE_OPTIONS, ...REPORT_OPTION_NAMES]);
    expect(Object.values(OTHER_NAMES).filter((option) => !options.has(option))).toEqual([]);
    expect(Object.keys(OTHER_NAMES).filter((name) => options.has(name))).toEqual([]);
  });

  it("every phrase of PHRASES is written as such in a message of the core, and no library text names a flag", () => {
    const sources = MESSAGE_FILES.map((file) => readFileSync(file, "utf8")).join("\n");
    expect(PHRASES.filter(({ cli }) => !sources.includes(cli)).map(({ cli }) => cli)).toEqual([]);
    expect(PHRASES.filter(({ library }) => /--[a-z]/.test(library)).map(({ library }) => library)).toEqual([]);
  });
});

describe("inLibraryNames(message)", () => {
  it.each([
    // the flag as the subject, with a number after it
    [messages.capOptionTooLow(-5), "option cap -5 is below 100; expected a number >= 100 (a lower cap would move the base year off 100)"],
    [methodMessages.screenEmpty(0.9, 3), "option screen.threshold 0.9 leaves no data: every one of the 3 units falls below 90 % coverage overall or in some first-level group; expected a lower threshold"],
    // a flag without a value, a method after a flag, a pair
    [dataMessages.outliersRemain("A1", 5, 3, 4), 'indicator "A1" still has |skewness| > 2 and kurtosis > 3.5 after winsorising 5 points (skewness 3, kurtosis 4); raise winsorMax, or use outliers: "winsorise-log" (the log transform when winsorising is not enough)'],
    [
      messages.scoreNotPositive("geometric", "A", "A1", "u", 2017, -1),
      'group "A", unit "u", year 2017: child "A1" scores -1, and the geometric mean needs scores > 0; expected positive scores (fixed-base scores a value of 0 as 0, min-max gives 0 to the lowest value, z-scores can be negative: use min-max on 1 to 100 (range: { low: 1, high: 100 }, as COINr does before a geometric mean), fixed-base on positive values, or aggregate: "arithmetic")',
    ],
    // the method's punctuation stays after it; two flags one after the other are joined by "and"
    [
      weightingMessages.alphaUnused("--weights entropy"),
      'option weighting.alpha has no effect with weights: "entropy", which takes no share of a subjective set; expected weights: "combined" and weighting.combination: "additive"',
    ],
    // a switch, a list of flags, a decimal mark as the value
    [weightingMessages.inconsistent("G", 0.2, 3.1, 0.05, 3), 'group "G": the judgements are inconsistent, CR = 0.2 (lambda_max 3.1, CI 0.05, n 3); expected CR < 0.1: revise the judgements, or pass weighting.allowInconsistent: true'],
    [weightingMessages.tooFewObservations(1), "objective weights need at least 2 observations (unit-years), found 1; expected more years or units in weighting.years / weighting.units"],
    [messages.ambiguousNumber("1,234"), 'value "1,234" is ambiguous where the decimal mark is a comma (a decimal point or a thousands separator?); expected 1234,5 or 1.234,5, or decimal: "." if the file writes decimal points'],
    // a list of methods after a flag, as a union of literals; the flag again after "or"
    [
      messages.missingValue("A1", "u", 2017, ["interpolate", "carry-back", "reweight"]),
      'no value for indicator "A1", unit "u", year 2017; expected a value, or a missing-value policy that fills it, missing: "interpolate" | "carry-back", or missing: "reweight", which leaves it out of its group\'s score (also the tree column "missing")',
    ],
    [
      messages.baseValueMissing("A1", "u", 2017, ["interpolate", "carry-back"]),
      'indicator "A1", unit "u": no base value for 2017, so a fixed-base index is undefined; expected a value for the base year, or a missing-value policy that fills it, missing: "interpolate" | "carry-back" (also the tree column "missing"; every index of the series then rests on a base value made up), or another base year in which every indicator has a value, baseYear: <year>, which re-bases the whole index (see docs/guides/projects.md#when-the-indicator-system-changes)',
    ],
    // phrases
    [messages.unknownMethod("aggregation", "power:0.5", ["arithmetic", "power"]), 'unknown aggregation method "power:0.5"; expected one of: arithmetic, power (in a list, power without its exponent: the exponent goes in option power)'],
    [limitMessages.designTooLarge(2048, 1024, 10), "the analysis would need about 2 KB of memory (10 replications), more than the limit of 1 KB; expected fewer replications, units or years, or a higher memoryLimit"],
    [messages.nothingVaries(), "nothing varies; expected weightNoise, weightRanges, or two or more methods in normalizations, aggregations or missingPolicies"],
    // a flag only the command line meets is left as it is
    [messages.optionUnusedOnStdout("--xlsx"), messages.optionUnusedOnStdout("--xlsx")],
  ])("%s", (message, expected) => {
    expect(inLibraryNames(message)).toBe(expected);
  });

  it("a word after a flag that is not its value stays a word: --z-scale with a large mean, --weights entropy, or", () => {
    expect(inLibraryNames("use min-max or --z-scale with a large mean")).toBe("use min-max or zScale with a large mean");
    expect(inLibraryNames("expected --weights entropy, or --cap x")).toBe('expected weights: "entropy", or cap x');
    expect(inLibraryNames("values.csv: --unit \"zone\" names")).toBe('values.csv: option unit "zone" names');
  });
});

describe("optionCalled(key, scope, known)", () => {
  it("gives the option of a flag's name in any spelling, or of another name, as the call names it at the top level or under its object", () => {
    expect(["weightYears", "weight-years", "weight_years", "WEIGHTYEARS"].map((key) => optionCalled(key, undefined, INDEX_OPTION_NAMES))).toEqual(Array(4).fill("weighting.years"));
    expect(optionCalled("weightYears", "weighting", WEIGHTING_OPTION_NAMES)).toBe("years");
    expect(optionCalled("entropyShift", "weighting", WEIGHTING_OPTION_NAMES)).toBeUndefined(); // its own name
    expect(optionCalled("method", undefined, INDEX_OPTION_NAMES)).toBe("weights"); // the weights command's --method
    expect(optionCalled("normalization", undefined, INDEX_OPTION_NAMES)).toBe("normalize");
    expect(optionCalled("aggregation", undefined, UNCERTAINTY_OPTION_NAMES)).toBeUndefined(); // not an option of that list
    expect(optionCalled("lang", undefined, REPORT_OPTION_NAMES)).toBe("language");
    expect(optionCalled("weightYears", undefined, REPORT_OPTION_NAMES)).toBeUndefined(); // report takes no weighting
    expect(optionCalled("baseYear", "weighting", WEIGHTING_OPTION_NAMES)).toBeUndefined(); // a top-level option, not weighting's
    expect(optionCalled("out", undefined, INDEX_OPTION_NAMES)).toBeUndefined(); // a flag only the command line has
  });
});

describe("issueInLibraryNames and errorInLibraryNames", () => {
  it("rename an issue's column when it is a flag, or give the option its message starts with or its code is about; leave other issues as they are", () => {
    expect(issueInLibraryNames({ code: "E_BAD_OPTION", message: messages.capOptionTooLow(50), column: "--cap" })).toEqual({
      code: "E_BAD_OPTION",
      message: "option cap 50 is below 100; expected a number >= 100 (a lower cap would move the base year off 100)",
      column: "cap",
    });
    expect(issueInLibraryNames({ code: "E_AGGREGATE_LEVEL", message: messages.aggregateLevelWithoutGroups(3, [0, 1]), column: "--aggregate" }).column).toBe("aggregateByLevel");
    expect(issueInLibraryNames<Issue>({ code: "W_OPTION_UNUSED", message: messages.optionUnused("--range", ["min-max"]) }).column).toBe("range");
    expect(issueInLibraryNames({ code: "E_BASE_YEAR_ABSENT", message: messages.baseYearAbsent(1900, [2017]), column: "year" }).column).toBe("baseYear");
    const plain = { code: "E_MISSING_VALUE", message: "no value", source: "values.csv", line: 3 };
    expect(issueInLibraryNames(plain)).toBe(plain);
  });

  it("give a new error of the same class with the cause and stack of the original, and the same error when nothing is renamed", () => {
    const validation = new ValidationError([{ code: "E_BAD_OPTION", message: messages.capOptionTooLow(-5), column: "--cap" }]);
    const renamed = errorInLibraryNames(validation) as ValidationError;
    expect(renamed).toBeInstanceOf(ValidationError);
    expect(renamed.message).toBe("1 problem found:\noption cap -5 is below 100; expected a number >= 100 (a lower cap would move the base year off 100)");
    expect(renamed.stack).toContain(validation.stack!.slice(validation.stack!.indexOf("\n    at ")));
    const usage = new UsageError("E_MEMORY_LIMIT", limitMessages.designTooLarge(2048, 1024, 10), { cause: "x" });
    expect(errorInLibraryNames(usage)).toMatchObject({ name: "UsageError", code: "E_MEMORY_LIMIT", message: expect.stringMatching(/a higher memoryLimit$/), cause: "x" });
    const input = new InputError("E_UNIT_NAMED", messages.unitNameRefused("v.csv", "zone", ["a"]), { source: "v.csv" });
    expect(errorInLibraryNames(input)).toMatchObject({ code: "E_UNIT_NAMED", source: "v.csv", column: "unit", message: expect.stringMatching(/^v\.csv: option unit "zone" names/) });
    const unchanged = new ValidationError([{ code: "E_X", message: "nothing to rename" }]);
    expect(errorInLibraryNames(unchanged)).toBe(unchanged);
    const other = new RangeError("--cap");
    expect(errorInLibraryNames(other)).toBe(other);
  });
});
