/**
 * `report`: compute the index and write only the HTML report (`report.html`): `compute --report` without the other files.
 * It takes every option of `compute` that chooses the method, so both always compute the same index.
 */
import type { Command } from "commander";
import type { CliEnv } from "../env.js";
import { runCompute, type ComputeCommandOptions } from "./compute.js";

/** Options of `compute` that concern files `report` does not write. */
const NOT_FOR_REPORT = new Set(["--out", "--report", "--contributions", "--bom", "--no-bom", "--xlsx", "--parquet", "--parquet-only", "--format", "--table", "--decimals"]);

/** Registers `report`; call after `registerCompute`, whose method options it takes. */
export function registerReport(program: Command, env: CliEnv): void {
  const compute = program.commands.find((command) => command.name() === "compute");
  const command = program
    .command("report")
    .description("compute the index and write report.html: charts and tables in one self-contained HTML file (no network needed)")
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index report                       # the shipped Changzhou example, into out/report.html
  $ innovation-index report -i tree.csv -d values.csv --lang en --out reports/`,
    )
    .option("-o, --out <dir>", "folder for report.html", "out");
  for (const option of compute?.options ?? []) if (!NOT_FOR_REPORT.has(option.long ?? "")) command.addOption(option);
  command.action(async (options: ComputeCommandOptions) =>
    runCompute({ ...options, decimals: 2, reportOnly: true, xlsx: false, contributions: "dimensions" }, env),
  );
}
