/**
 * The words of what the command line prints on stdout for a person to read: the titles, headings and summary lines of
 * its tables (the overall index by year, `validate`'s line, the summaries of `uncertainty`, `audit` and `compare`).
 *
 * Not a message catalogue (src/core/localize.ts): a table is made in the terminal's language from the start, with the
 * words the command line is given (`CliEnv.words`), so that a one-word heading such as "unit" is never taken for the
 * same word inside a message. The Chinese words are in src/core/zh/table-words.ts, typed from these. What is printed
 * as a file (`--format csv` on stdout, `diff --format csv`) keeps the files' English column names.
 */
import { counted, listItems, quote } from "./quote.js";
import type { UncertaintyChoice } from "./uncertainty.js";

export const tableWords = {
  // the overall index and the first-level sub-indices by year (compute, a project's run)
  codeHeading: () => "code",
  nameHeading: () => "name",
  /** The title of a unit's table: `unit` (empty for the one unnamed unit), the scale (`ownBaseScale` …), and whether changes are in percent. */
  indexTitle: (unit: string, scale: string, percent: boolean) =>
    `${unit ? `${unit}: ` : ""}index, ${scale} (${percent ? "growth on the previous year" : "change on the previous year, in points"})`,
  /**
   * Every indicator indexed to its own base year; `across`, the aggregations scored against the other units;
   * `shifted`, the indicators `--zero-base first-nonzero` moved to a later base year (a zero base value), which are not
   * 100 in `year`, nor then their groups: counted, the first three named, and their warning's code (each has one).
   */
  ownBaseScale: (year: number, across: readonly string[], shifted: readonly string[] = []) => {
    const named = listItems(shifted.map(quote), ", ", (more) => `and ${more} more`, 3);
    const later = shifted.length > 0 ? ` (${counted(shifted.length, "indicator")} on a later base year: ${named}; see W_ZERO_BASE_SHIFTED)` : "";
    return across.length > 0 ? `indicators at base year ${year} = 100${later}, groups by ${across.join(", ")}` : `base year ${year} = 100${later}`;
  },
  normalisedScale: (methods: readonly string[], across: readonly string[]) =>
    across.length > 0 ? `indicators normalised by ${methods.join(", ")}, groups by ${across.join(", ")}` : `normalised by ${methods.join(", ")}`,

  // validate
  validated: (tree: string, indicators: number, groups: number, data: string, units: number, years: readonly number[]) =>
    `ok: ${tree} (${counted(indicators, "indicator")} in ${counted(groups, "group")}), ${data} (${counted(units, "unit")}, years ${years.join(", ")})`,

  // uncertainty
  uncertaintyTitle: (year: number, replications: number, runs: number, seed: number) =>
    `uncertainty of the overall index in ${year} (${replications} replications, ${runs} runs, seed ${seed})`,
  /**
   * The headings of the uncertainty table: unit, nominal, median, 5%, 95%, the rank in the nominal run (labelled so:
   * beside the median it could be read as the median rank, which is in uncertainty.csv), rank 5-95%.
   */
  uncertaintyHeadings: () => ["unit", "nominal", "median", "5%", "95%", "rank (nominal)", "rank 5-95%"],
  /** The one unnamed unit of a single-unit file, in a table's unit column. */
  unnamedUnit: () => "(unit)",
  sensitivityTitle: (year: number) => `share of the variance of the index explained by each choice (all units, ${year})`,
  sensitivityHeadings: () => ["choice", "first order", "total"],
  /** A choice of the sensitivity table (`UNCERTAINTY_CHOICES`): weights, normalisation, aggregation, missing. */
  uncertaintyChoice: (choice: UncertaintyChoice): string => choice,

  // audit
  auditTitle: (indicators: number, units: number, years: readonly number[]) =>
    `audit of ${indicators} indicators, ${counted(units, "unit")}, ${years[0]}${years.length > 1 ? `-${years[years.length - 1]}` : ""} (period "all": ${units * years.length} unit-years pooled)`,
  auditNoFlags: () => "flags (all unit-years): none",
  auditFlags: () => "flags (all unit-years):",
  auditYearlyFlags: (count: number) => `flags in single years: ${count} (statistics.csv, correlations.csv)`,
  auditDimensionsTitle: () => "Cronbach's alpha and the first principal component's share, first-level dimensions (all unit-years):",
  auditDimensionHeadings: () => ["dimension", "children", "n", "alpha", "PC1 share", "note"],
  auditOneUnit: (years: number) => `one unit: every statistic runs over its ${years} years (a trend, not a cross-section); see docs/guides/audit.md`,

  // compare
  compareHeadings: () => ["unit", "year", "index a", "rank a", "index b", "rank b", "shift"],
  /** A year's agreement of the two configurations' ranks; `spearman` is "" when undefined (fewer than two units ranked). */
  compareYear: (year: number, spearman: string, units: number, meanShift: string) =>
    `${year}: Spearman ${spearman || "undefined"} over ${counted(units, "unit")}, mean |shift| ${meanShift}`,

  // runs: the run folders of a project
  /**
   * The headings of the list of runs: run, state, previous, units × years, base year, published (the first time it
   * became LATEST, from runs/PUBLISHED.log), note.
   */
  runsHeadings: () => ["run", "state", "previous", "units × years", "base year", "published", "note"],
  /** A run's state against runs/LATEST (`RunState` of src/io/runs/list-runs.ts). */
  runState: (state: "latest" | "published" | "withdrawn" | "skipped" | "unpublished"): string => (state === "latest" ? "LATEST" : state),
  /** The note of a run that became LATEST more than once: the last time (ISO 8601, UTC). */
  runPublishedAgain: (last: string) => `published again ${last}`,
  /** The note of a withdrawn run: when LATEST moved away from it (ISO 8601, UTC). */
  runLatestUntil: (until: string) => `LATEST until ${until}`,
  /** A run folder that is a link to `target`; `unreachable` when the target is not a folder (an archive disk not mounted). */
  runLink: (target: string, unreachable: boolean) => (unreachable ? `unreachable: a link to ${quote(target)}, which is not a folder` : `a link to ${quote(target)}`),
  noRuns: (runsLabel: string) => `${runsLabel}: no run yet (innovation-index compute makes the first)`,
};

export type TableWords = typeof tableWords;
