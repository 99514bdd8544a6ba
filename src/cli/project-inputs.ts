/**
 * The files a project's runs read, found from its index.yaml alone, for the commands that write into its runs folder
 * without computing (`runs publish`, `rollback`): they refuse a runs folder on an input as compute refuses it
 * (`refuseRunsOnInputs`), with the same inputs the run hashes (`projectRunInputs` of project-run.ts).
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { usesJudgements, type SubjectiveMethod, type WeightMethod } from "../core/weighting/derive.js";
import type { Project } from "../io/project/project.js";
import { listValueFiles } from "../io/read/values-folder.js";
import type { RunsAndInputs } from "../io/runs/runs-on-inputs.js";
import { displayPath } from "./display-path.js";

/**
 * The input files of the runs of `project` (read in full, its schema checked) and the globs their queries read by, as
 * compute finds them: index.yaml itself, the tree, the values (the file, a folder's values files, a query and the
 * files it reads), the AHP judgements when the weighting reads them; named relative to `cwd` as compute names them.
 * What cannot be listed (a values folder holding a workbook it refuses, a query DuckDB cannot list) is left out: the
 * run refuses it itself, and then writes nothing.
 */
export async function projectInputsToRefuse(project: Project, cwd: string): Promise<Pick<RunsAndInputs, "inputs" | "patterns">> {
  const { settings } = project;
  const at = (path: string) => resolve(project.dir, path);
  const paths = [project.file, at(settings.indicators)];
  const values = at(settings.values);
  paths.push(...(await listValueFiles(values).catch(() => [])).map((file) => file.path));
  const methods = settings.methods as { weights?: WeightMethod; subjective?: SubjectiveMethod; ahp?: string };
  // As a run reads them (`readsFileOption`): with no weighting method, or one that reads them.
  if (methods.ahp !== undefined && (methods.weights === undefined || usesJudgements(methods.weights, methods.subjective, true))) paths.push(at(methods.ahp));
  const patterns: { pattern: string; label: string; query: string }[] = [];
  const label = (path: string) => displayPath(cwd, path);
  const queryLabel = (path: string) => displayPath(project.dir, path);
  if (/\.sql$/i.test(values)) {
    const { readQueryFiles } = await import("../io/read/values-duckdb.js");
    const globs: { pattern: string }[] = [];
    const files = await readQueryFiles(values, project.dir, undefined, undefined, globs).catch(() => []);
    paths.push(...files);
    for (const { pattern } of globs) patterns.push({ pattern, label: label(pattern), query: queryLabel(values) });
  }
  const [{ readTreeFile }, { queryIndicators }] = await Promise.all([import("../io/read/load.js"), import("../io/read/duckdb-sources.js")]);
  const treeSheet = settings.inputs["tree-sheet"] === undefined ? undefined : String(settings.inputs["tree-sheet"]);
  // Read for its sql column only when a regular file: a named pipe would be waited on without end (compute refuses it).
  const regular = await stat(at(settings.indicators)).then((info) => info.isFile(), () => false);
  const tree = regular ? await readTreeFile(at(settings.indicators), at(settings.indicators), { encoding: settings.inputs.encoding, sheet: treeSheet }).catch(() => undefined) : undefined;
  if (tree && queryIndicators(tree).length > 0) {
    const { readIndicatorQueryFiles } = await import("../io/read/values-duckdb.js");
    const globs: { pattern: string; line?: number }[] = [];
    paths.push(...(await readIndicatorQueryFiles(tree, project.dir, undefined, globs).catch(() => [])));
    const treeLabel = queryLabel(at(settings.indicators));
    for (const { pattern, line } of globs) patterns.push({ pattern, label: label(pattern), query: line ? `${treeLabel}:${line}` : treeLabel });
  }
  return { inputs: [...new Set(paths)].map((path) => ({ path, label: label(path) })), patterns };
}
