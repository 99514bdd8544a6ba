/**
 * What the commands say on the terminal when they succeed: the files written, the example used. As every catalogue's,
 * these texts are English and are printed in Chinese on a Chinese terminal (src/core/localize.ts).
 */
import { catalogue } from "./localize.js";

export const terminalMessages = catalogue("terminalMessages", {
  usingExample: () => `using the shipped Changzhou example (illustrative data, not the official index)\n`,
  wroteFiles: (files: readonly string[], folder: string) => `wrote ${files.join(", ")} to ${folder}\n`,
  wroteFile: (path: string) => `wrote ${path}\n`,
  wroteTemplate: (path: string, rows: number) => `wrote ${path}: ${rows} rows to fill in\n`,
  wroteRun: (id: string, runLabel: string, runsLabel: string) => `wrote run ${id} to ${runLabel} and moved ${runsLabel}/LATEST to it\n`,
  createdProject: (files: readonly string[], folder: string) => `created ${files.join(", ")} in ${folder}\n`,
  nextInProject: (folder: string) => `next: replace the example tree and values, then run "innovation-index compute"${folder === "." ? "" : ` in ${folder}`}\n`,
});
