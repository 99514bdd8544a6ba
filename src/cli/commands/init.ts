/**
 * `init [dir]`: scaffold a project: `index.yaml`, an indicator tree, a values folder and a README for the team.
 */
import { Option, type Command } from "commander";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { OutputError } from "../../errors.js";
import { projectTemplates, type ProjectLanguage } from "../../io/project/project-templates.js";
import { REPORT_LANGUAGES } from "../../io/report/labels.js";
import { UTF8_BOM } from "../../io/write/to-csv.js";
import { writeFilesAtomic } from "../../io/write/write.js";
import { PACKAGE_ROOT, type CliEnv } from "../env.js";
import { displayPath } from "../project-options.js";

export interface InitCommandOptions {
  force: boolean;
  lang: ProjectLanguage;
  quiet: boolean;
}

export function registerInit(program: Command, env: CliEnv): void {
  program
    .command("init")
    .description("create a project: index.yaml, an indicator tree, a values folder and a README for the team")
    .argument("[dir]", "the project folder (created if needed)", ".")
    .option("--force", "overwrite files that already exist", false)
    .addOption(new Option("--lang <language>", "language of the project's texts: the index's name, index.yaml's comments, the example unit and README.md").choices(REPORT_LANGUAGES).default("zh"))
    .option("-q, --quiet", "print nothing but errors", false)
    .addHelpText("after", `\nExamples:\n  $ innovation-index init my-index && cd my-index && innovation-index compute\n  $ innovation-index init my-index --lang en   (English texts)`)
    .action(async (dir: string, options: InitCommandOptions) => runInit(dir, options, env));
}

/** Where the schema is when innovation-index is installed in the project folder (`npm install innovation-index`). */
const INSTALLED_SCHEMA = "node_modules/innovation-index/schema/index.schema.json";
/** The schema's copy in a project folder without an installed innovation-index. */
const SCHEMA_COPY = "index.schema.json";

/**
 * The `$schema` reference `index.yaml` gets: relative to the project folder, so it works wherever the folder is moved:
 * the installed package's schema when there is one, else the copy `init` writes next to `index.yaml`.
 */
export function schemaReference(folder: string): string {
  return existsSync(join(folder, INSTALLED_SCHEMA)) ? INSTALLED_SCHEMA : SCHEMA_COPY;
}

/** Runs `init`: refuses to overwrite an existing file unless `--force`, then writes every file or none. */
export async function runInit(dir: string, options: InitCommandOptions, env: CliEnv): Promise<void> {
  const folder = resolve(env.cwd, dir);
  const files = projectTemplates(schemaReference(folder), options.lang ?? "zh");
  // Without an installed copy to point to, the project carries the schema itself, so the reference survives a move.
  if (!existsSync(join(folder, INSTALLED_SCHEMA))) files[SCHEMA_COPY] = readFileSync(join(PACKAGE_ROOT, "schema", "index.schema.json"), "utf8");
  const label = displayPath(env.cwd, folder);
  const existing = Object.keys(files).filter((path) => existsSync(join(folder, path)));
  if (existing.length > 0 && !options.force)
    throw new OutputError(
      "E_EXISTS",
      `${label}: ${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}; expected a folder without them (or --force to overwrite)`,
    );
  // A values folder that already holds files would read the example's values with them, as one more unit.
  const others = existsSync(join(folder, "data")) ? readdirSync(join(folder, "data")).filter((name) => !(`data/${name}` in files)).sort() : [];
  if (others.length > 0 && !options.force)
    throw new OutputError(
      "E_EXISTS",
      `${label}/data already holds ${others.slice(0, 3).join(", ")}${others.length > 3 ? ` and ${others.length - 3} more` : ""}: the example's values written beside them would be read with them, as one more unit; expected an empty data folder (or --force to add the example's files anyway)`,
    );
  // Files in subfolders are written folder by folder, each atomically.
  const byFolder = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(files)) {
    const slash = path.lastIndexOf("/");
    const sub = slash < 0 ? "" : path.slice(0, slash);
    // The CSV files start with a byte order mark, as every CSV the tool writes: Excel on Chinese Windows reads a CSV
    // without one as GBK, and the tree's Chinese names would open garbled in the file the team is told to edit.
    byFolder.set(sub, { ...byFolder.get(sub), [path.slice(slash + 1)]: path.endsWith(".csv") ? UTF8_BOM + text : text });
  }
  // The existing files were refused above unless --force: replacing them is what was asked.
  for (const [sub, group] of byFolder) await writeFilesAtomic(join(folder, sub), group, sub ? `${label}/${sub}` : label, 1, { replace: true });
  if (options.quiet) return;
  env.stderr(`created ${Object.keys(files).join(", ")} in ${label}\n`);
  env.stderr(`next: replace the example tree and values, then run "innovation-index compute"${label === "." ? "" : ` in ${label}`}\n`);
}
