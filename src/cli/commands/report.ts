/**
 * `report`: compute the index and write only the HTML report (`report.html`): `compute --report` without the other files.
 * It takes every option of `compute` that chooses the method, so both always compute the same index.
 */
import type { Command } from "commander";
import type { CliEnv } from "../env.js";
import { applyProject } from "../project-options.js";
import { projectWords, runCompute, type ComputeCommandOptions } from "./compute.js";

/** Options of `compute` that concern files `report` does not write. */
const NOT_FOR_REPORT = new Set(["--out", "--report", "--contributions", "--bom", "--no-bom", "--xlsx", "--parquet", "--parquet-only", "--format", "--table", "--decimals"]);

/** Registers `report`; call after `registerCompute`, whose method options it takes. */
export function registerReport(program: Command, env: CliEnv): void {
  const compute = program.commands.find((command) => command.name() === "compute");
  const command = program
    .command("report")
    .description("compute the index and write report.html: an interactive dashboard in one self-contained HTML file (no network needed)")
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index report                       # the shipped Changzhou example, into out/report.html
  $ innovation-index report -i tree.csv -d values.csv --lang en --out reports/
  $ innovation-index report --static              # the printable page of SVG charts, no script
  $ innovation-index uncertainty -o unc && innovation-index report --uncertainty-from unc`,
    )
    .option("-o, --out <dir>", "folder for report.html", "out")
    .option("--uncertainty-from <dir>", "show the intervals of an uncertainty analysis (the folder of its uncertainty.csv, same inputs) in the dashboard")
    .option("--audit", "audit the index and show correlations and effective weights in the dashboard (as the audit command)", false);
  for (const option of compute?.options ?? []) if (!NOT_FOR_REPORT.has(option.long ?? "")) command.addOption(option);
  command.action(async (options: ComputeCommandOptions, self: Command) => {
    // The project (applied by the program's hook, once) names the report.
    const project = await applyProject(self, env);
    return runCompute({ ...options, ...projectWords(project), decimals: 2, reportOnly: true, xlsx: false, contributions: "dimensions" }, env);
  });
}
