/**
 * What the commands say on the terminal when they succeed: the files written, the example used, the revisions of a
 * project run. As every catalogue's, these texts are English and are printed in Chinese on a Chinese terminal
 * (src/core/localize.ts).
 */
import { catalogue } from "./localize.js";

/** How many values changed, appeared and disappeared between two runs. */
export interface RevisionCounts {
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
}

const counts = ({ changed, added, removed }: RevisionCounts) => `${changed} changed, ${added} added, ${removed} removed`;

export const terminalMessages = catalogue("terminalMessages", {
  usingExample: () => `using the shipped Changzhou example (illustrative data, not the official index)\n`,
  wroteFiles: (files: readonly string[], folder: string) => `wrote ${files.join(", ")} to ${folder}\n`,
  wroteFile: (path: string) => `wrote ${path}\n`,
  /**
   * After a summary table cut to its first units (`SUMMARY_UNITS`): how many more there are, the file that holds them
   * all, and the flag that prints them all on the terminal, if the command has one.
   */
  moreUnits: (count: number, file: string, flag?: string) =>
    `… and ${count.toLocaleString("en-US")} more unit${count === 1 ? "" : "s"} (${file} holds them all${flag ? `; run with ${flag} to print them all` : ""})\n`,
  /**
   * After `compare`'s table cut to its first `shown` rows (`COMPARE_TABLE_ROWS`) without --out: how many rows
   * (unit-years) were left out, and that --out writes every row to `file` (compare.csv).
   */
  compareRowsLeftOut: (count: number, shown: number, file: string) =>
    `… and ${count.toLocaleString("en-US")} more row${count === 1 ? "" : "s"} (unit-years) not printed, the first ${shown.toLocaleString("en-US")} shown; run with --out <dir> to write every row to <dir>/${file}\n`,
  wroteTemplate: (path: string, rows: number) => `wrote ${path}: ${rows} rows to fill in\n`,
  wroteRun: (id: string, runLabel: string, runsLabel: string) => `wrote run ${id} to ${runLabel} and moved ${runsLabel}/LATEST to it\n`,
  createdProject: (files: readonly string[], folder: string) => `created ${files.join(", ")} in ${folder}\n`,
  firstRun: () => "first run of this project: no earlier run to compare with",
  revisionsTooLarge: (against: string, megabytes: string, limit: string) =>
    `revisions against run ${against}: not compared (comparing the two runs' values would take about ${megabytes} MB of memory, more than the ${limit} MB a run compares in; innovation-index diff compares them)`,
  revisionsNone: (against: string) => `revisions against run ${against}: none (every input and output value is the same)`,
  /**
   * `largest`: the largest change of any output, as `code unit year before -> after (change)`; `largestOfIndex`: the
   * overall index's largest change, given only when it is smaller than `largest` (else `largest` is the index's).
   */
  revisions: (against: string, inputs: RevisionCounts, outputs: RevisionCounts, largest: string | undefined, largestOfIndex?: string) =>
    `revisions against run ${against}: inputs ${counts(inputs)}; outputs ${counts(outputs)}${
      largest === undefined ? "" : largestOfIndex === undefined ? `; largest: ${largest}` : `; largest of the overall index: ${largestOfIndex}; largest of all outputs: ${largest}`
    } (details: innovation-index diff)`,
  /**
   * `diff`'s summary of two runs: the input values (`undefined` when either run did not record them) and the output
   * values changed, added and removed, and how many options or files differ.
   */
  diffSummary: (before: string, after: string, inputs: RevisionCounts | undefined, outputs: RevisionCounts, settings: number) =>
    `${before} -> ${after}: inputs ${inputs ? counts(inputs) : "not recorded"}; outputs ${counts(outputs)}; ${settings} option or file change${settings === 1 ? "" : "s"}\n`,
  /**
   * `diff`: the weights of two runs not compared, as the weights.csv of one of them (`file`) is missing (`missing`: a
   * run of a version that wrote none) or has no `code` and `weight` columns.
   */
  diffWeightsNotCompared: (file: string, missing: boolean) =>
    `weights not compared: ${file} ${missing ? "is missing (a run of an older version, which wrote no weights.csv)" : 'has no "code" and "weight" columns; expected code,parent,level,weight,global_weight as compute writes it'}; the values, options and files are compared all the same\n`,
  nextInProject: (folder: string) => `next: replace the example tree and values, then run "innovation-index compute"${folder === "." ? "" : ` in ${folder}`}\n`,
});
