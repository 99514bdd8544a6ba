/**
 * The schema of a project file (`index.yaml`), with zod. The JSON Schema published in `schema/index.schema.json`
 * (for editors) is generated from it by `npm run schema`.
 *
 * Every key of `methods:` and `outputs:` is the name of a `compute` option (the flag without `--`) and goes through
 * the same parser as the flag, so a new compute option needs one line here, in the block it belongs to.
 */
import { z } from "zod";
import { MISSING_POLICIES } from "../core/compute.js";

/** Schemas of keys whose value is a file or folder, resolved relative to the project file's folder. */
const PATH_SCHEMAS = new WeakSet<z.ZodType>();

/** A path relative to the folder of `index.yaml` (or absolute). */
export function projectPath(description: string): z.ZodString {
  const schema = z.string().min(1).describe(`${description} (relative to the folder of index.yaml, or absolute)`);
  PATH_SCHEMAS.add(schema);
  return schema;
}

/** Whether a key's schema is a path (see `projectPath`). */
export function isPathSchema(schema: z.ZodType): boolean {
  return PATH_SCHEMAS.has(schema);
}

const year = z.int().min(1000).max(9999);

/** How the index is computed: one line per compute option, keyed by its flag name. */
export const METHOD_OPTIONS = {
  "base-year": year.describe("year every fixed-base index is 100 in (--base-year; default: the earliest year in the data)"),
  missing: z.enum(MISSING_POLICIES).describe("what a missing value does (--missing): error reports every gap, reweight drops it and renormalises its siblings"),
  strict: z.boolean().describe("treat warnings, such as weights that do not sum to 1, as errors (--strict)"),
} satisfies Record<string, z.ZodType>;

/** What the outputs look like: one line per compute option, keyed by its flag name. */
export const OUTPUT_OPTIONS = {
  decimals: z.int().min(0).max(15).describe("decimals printed in the CSV files (--decimals; default 4)"),
} satisfies Record<string, z.ZodType>;

/** `index.yaml`. */
export const PROJECT_SCHEMA = z
  .strictObject({
    $schema: z.string().optional().describe("the JSON Schema of this file, for editors"),
    name: z.string().optional().describe("the name of the index, for people"),
    description: z.string().optional().describe("what the index measures and who maintains it"),
    indicators: projectPath("the indicator tree, CSV or YAML (--indicators)"),
    values: projectPath("the values: a CSV file, or a folder whose CSV files are all read, in name order (--data)"),
    runs: projectPath("the folder of run folders, one per compute, and of the LATEST pointer").default("runs"),
    methods: z.strictObject(METHOD_OPTIONS).partial().default({}).describe("how the index is computed; each key is a compute option"),
    outputs: z.strictObject(OUTPUT_OPTIONS).partial().default({}).describe("what the outputs look like; each key is a compute option"),
  })
  .describe("an innovation-index project: the choices of a yearly computation (innovation-index compute)");

export type ProjectFile = z.output<typeof PROJECT_SCHEMA>;

/** The JSON Schema of `index.yaml` as published in `schema/index.schema.json` (two-space indent, trailing newline). */
export function formatProjectJsonSchema(): string {
  const schema = z.toJSONSchema(PROJECT_SCHEMA, { io: "input", target: "draft-2020-12" });
  return JSON.stringify({ ...schema, title: "innovation-index project (index.yaml)" }, null, 2) + "\n";
}
