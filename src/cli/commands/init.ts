/**
 * `init [dir]`: scaffold a project: `index.yaml`, an indicator tree, a values folder and a README for the team.
 */
import { Option, type Command } from "commander";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { projectMessages } from "../../core/project-messages.js";
import { OutputError } from "../../errors.js";
import type { ProjectLanguage, projectTemplates as ProjectTemplates } from "../../io/project/project-templates.js";
import { REPORT_LANGUAGES } from "../../io/report/labels.js";
import { UTF8_BOM } from "../../io/write/to-csv.js";
import { undoOnInterrupt } from "../../io/write/interrupt.js";
import { beginUndoJournal, noteWritten, undoWrites } from "../../io/write/undo-writes.js";
import { filesNotOurs, refuseFileNameFolder, writeFileAtomic } from "../../io/write/write.js";
import { WRITTEN_FILES } from "../../io/write/written-files.js";
import { PACKAGE_ROOT, type CliEnv } from "../env.js";
import { displayPath } from "../display-path.js";
import { folderWarnings } from "../report-issues.js";
import { terminalMessages } from "../../core/terminal-messages.js";
import { commandMessages } from "../../core/command-messages.js";

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
    .option("--force", "overwrite the files init wrote before, unchanged since (never a file it did not write, or one edited since)", false)
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

/**
 * Runs `init`: refuses a file it did not provably write (`E_INIT_NOT_OURS`, with `--force` or without), and any other
 * existing file unless `--force`, then writes every file or none.
 */
export async function runInit(dir: string, options: InitCommandOptions, env: CliEnv): Promise<void> {
  const folder = resolve(env.cwd, dir);
  const label = displayPath(env.cwd, folder);
  // The project folder is named like a file (`init report.html`): refused before anything is made, as --out is.
  refuseFileNameFolder(folder, dir, "init [dir]");
  // The templates (14 KB of text) are loaded by init alone: the command line's bundle keeps them in a file of their own.
  const { projectTemplates } = await import("../../io/project/project-templates.js");
  const files = withByteOrderMarks(projectTemplates(schemaReference(folder), options.lang ?? "zh"));
  const schema = readFileSync(join(PACKAGE_ROOT, "schema", "index.schema.json"), "utf8");
  // Without an installed copy to point to, the project carries the schema itself, so the reference survives a move.
  if (!existsSync(join(folder, INSTALLED_SCHEMA))) files[SCHEMA_COPY] = schema;
  const existing = Object.keys(files).filter((path) => existsSync(join(folder, path)));
  // Never overwritten, --force or not: a file init did not write, or one changed since (the team's own tree, values
  // or settings). Checked before anything is written, so a refused init changes nothing.
  const shipped = existing.length > 0 ? shippedTexts(schema, projectTemplates) : new Map<string, string[]>();
  const notOurs: string[] = [];
  for (const path of existing) if (!(await initWrote(folder, path, shipped.get(path) ?? []))) notOurs.push(path);
  if (notOurs.length > 0) throw new OutputError("E_INIT_NOT_OURS", projectMessages.initNotOurs(label, notOurs, options.force));
  if (existing.length > 0 && !options.force)
    throw new OutputError("E_EXISTS", projectMessages.initExists(label, existing));
  // A values folder that already holds files would read the example's values with them, as one more unit.
  const others = existsSync(join(folder, "data")) ? readdirSync(join(folder, "data")).filter((name) => !(`data/${name}` in files) && name !== WRITTEN_FILES).sort() : [];
  if (others.length > 0 && !options.force)
    throw new OutputError("E_EXISTS", commandMessages.initDataNotEmpty(label, others));
  await writeProject(folder, label, files, env);
  if (options.quiet) return;
  env.stderr(terminalMessages.createdProject(Object.keys(files), label));
  env.stderr(terminalMessages.nextInProject(label));
}

/**
 * Writes `files` (paths relative to `folder`, named in messages under `label`) all or nothing: each file atomically
 * (`writeFileAtomic`, so that a failure names the file), and when one fails, or the process is interrupted (Ctrl-C),
 * what the earlier ones did is undone (`undo-writes.ts`): the files init wrote are removed, the ones it replaced
 * (`--force`: its own, unchanged) put back, each folder's record of the files the tool wrote as it was, and the folders
 * it made removed. So the folder is as it was and a plain retry is not refused as a project that exists. Nothing init
 * did not write is touched. The error (`E_WRITE`, exit 3) says whether everything was undone.
 */
async function writeProject(folder: string, label: string, files: Readonly<Record<string, string>>, env: CliEnv): Promise<void> {
  const paths = Object.keys(files);
  const folders = [...new Set(paths.map((path) => dirname(join(folder, path))))];
  const record = (path: string) => join(dirname(join(folder, path)), WRITTEN_FILES);
  const journal = beginUndoJournal(folders, [...paths.map((path) => join(folder, path)), ...folders.map((dir) => join(dir, WRITTEN_FILES))]);
  const release = undoOnInterrupt(() => undoWrites(journal));
  // What a killed command left in a folder: each removal said, what is kept warned of (as every --out writer does),
  // once, though several files are written into one folder.
  const warnings = folderWarnings(env);
  const said = new Set<string>();
  const onKept: typeof warnings.onKept = (warning) => {
    if (said.has(warning.message)) return;
    said.add(warning.message);
    warnings.onKept(warning);
  };
  try {
    for (const path of paths) {
      // The existing files are init's own, unchanged (checked above), and --force was given: replacing them is what was asked.
      await writeFileAtomic(join(folder, path), files[path], label === "." ? path : `${label}/${path}`, { replace: true, ...warnings, onKept });
      noteWritten(journal, [join(folder, path), record(path)]);
    }
  } catch (error) {
    const left = undoWrites(journal).map((path) => displayPath(env.cwd, path));
    if (error instanceof OutputError) throw new OutputError(error.code, `${error.message}\n${projectMessages.initUndone(label, left)}`, { cause: error });
    throw error;
  } finally {
    release();
  }
}

/**
 * The files as `init` writes them: the CSV files start with a byte order mark, as every CSV the tool writes: Excel on
 * Chinese Windows reads a CSV without one as GBK, and the tree's Chinese names would open garbled in the file the team
 * is told to edit.
 */
function withByteOrderMarks(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path, path.endsWith(".csv") ? UTF8_BOM + text : text]));
}

/**
 * Every text `init` writes at each path, in either language and with either schema reference (the CSV files with their
 * byte order mark), and the package's `schema` as the project's copy of it; `projectTemplates` as `runInit` loaded it.
 */
function shippedTexts(schema: string, projectTemplates: typeof ProjectTemplates): Map<string, string[]> {
  const texts = new Map<string, string[]>([[SCHEMA_COPY, [schema]]]);
  for (const language of ["zh", "en"] as const)
    for (const reference of [INSTALLED_SCHEMA, SCHEMA_COPY])
      for (const [path, text] of Object.entries(withByteOrderMarks(projectTemplates(reference, language)))) texts.set(path, [...(texts.get(path) ?? []), text]);
  return texts;
}

/**
 * Whether the file at `path` (relative to `folder`) is provably one `init` wrote: byte for byte one of `shipped` (the
 * texts init writes there, `shippedTexts`), or listed unchanged in its folder's record of the files the tool wrote
 * (`write/written-files.ts`).
 */
async function initWrote(folder: string, path: string, shipped: readonly string[]): Promise<boolean> {
  const target = join(folder, path);
  if (!statSync(target).isFile()) return false;
  const bytes = readFileSync(target);
  if (shipped.some((text) => bytes.equals(Buffer.from(text, "utf8")))) return true;
  return (await filesNotOurs(dirname(target), [basename(target)])).length === 0;
}
