/**
 * Reading a project file (`index.yaml`): YAML, checked against `PROJECT_SCHEMA`, every problem reported at once with
 * the file, the line, the key path, what was found and what was expected.
 */
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { LineCounter, isMap, isPair, isScalar, type Node } from "yaml";
import { parseYaml } from "../read/yaml-parse.js";
import type { z } from "zod";
import { projectMessages } from "../../core/project-messages.js";
import { runMessages, type ExpectedType } from "../../core/run-messages.js";
import { closestName } from "../../core/suggest.js";
import { limitMessages } from "../../core/limit-messages.js";
import { InputError, ValidationError, type Issue } from "../../errors.js";
import {
  expectedOf,
  INPUT_OPTIONS,
  METHOD_OPTIONS,
  OUTPUT_OPTIONS,
  PROJECT_LOCATION_SCHEMA,
  PROJECT_SCHEMA,
  UNCERTAINTY_OPTIONS,
  type ProjectFile,
  type ProjectLocationFile,
} from "./project-schema.js";
import { decodeText, readBytes } from "../read/read-text.js";
import { aliasIssues, isTooDeep, MAX_YAML_BYTES, nestedTooDeep, refuseLargeYaml, tooDeepIssue, yamlSyntaxProblems } from "../read/yaml-guards.js";

export { findProjectFile, PROJECT_FILE } from "./project-file.js";

export interface Project<Settings = ProjectFile> {
  /** Absolute path of `index.yaml`. */
  file: string;
  /** Its folder: relative paths in the file are relative to it. */
  dir: string;
  /** How messages name the file. */
  label: string;
  settings: Settings;
  /** The 1-based line of a key path in the file (the line of its parent block when the key is absent). */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
  /**
   * The bytes of the file as read and parsed (`readProject`; `parseProject` has none): a project run's manifest records
   * their SHA-256, that of the file the run took its options from even if the file changes afterwards.
   */
  bytes?: Uint8Array;
}

/**
 * Reads and validates a project file; throws `ValidationError` listing every problem. A file of more than
 * `MAX_YAML_BYTES` is refused (`E_TOO_LARGE`) by its size, before it is read.
 */
export async function readProject(file: string, label = file): Promise<Project> {
  const bytes = await readProjectBytes(file, label);
  return { ...parseProject(decodeText(bytes, label), file, label), bytes };
}

/**
 * Reads a project file for where its runs are, for the commands that only read runs (`runs`, `verify`, `diff`): the
 * YAML checked as `readProject` checks it (size, syntax, aliases, a map), then only the keys that say where the runs
 * folder is (`PROJECT_LOCATION_SCHEMA`: `runs`, `allow-outside`). A problem in any other key (`methods: screen: "0.5"`,
 * an unknown key, `indicators` left out) is not looked for: it stops `compute`, not the commands that read its runs.
 * @throws `InputError` `E_TOO_LARGE`, `ValidationError` for a syntax error, an alias, a file that is not a map, or
 * a `runs` or `allow-outside` of the wrong type
 */
export async function readProjectLocation(file: string, label = file): Promise<Project<ProjectLocationFile>> {
  const text = decodeText(await readProjectBytes(file, label), label);
  return parseAgainst(PROJECT_LOCATION_SCHEMA, text, file, label);
}

/** The bytes of a project file; one of more than `MAX_YAML_BYTES` is refused (`E_TOO_LARGE`) by its size, unread. */
async function readProjectBytes(file: string, label: string): Promise<Uint8Array> {
  const size = await stat(file).then(
    (found) => (found.isFile() ? found.size : 0),
    () => 0, // readBytes says why the file cannot be read
  );
  if (size > MAX_YAML_BYTES) throw new InputError("E_TOO_LARGE", limitMessages.yamlTooLarge(label, size, MAX_YAML_BYTES, "project"), { source: label });
  return readBytes(file, label);
}

/**
 * Parses and validates the text of a project file (see `readProject`).
 * @throws `InputError` `E_TOO_LARGE` for a text of more than `MAX_YAML_BYTES` (2 MB; an index.yaml is a few hundred
 * bytes), before it is parsed; `ValidationError` listing every problem of the file.
 */
export function parseProject(text: string, file: string, label = file): Project {
  return parseAgainst(PROJECT_SCHEMA, text, file, label);
}

/** The text of a project file parsed as YAML and checked against `schema` (the whole file's, or its location keys'). */
function parseAgainst<Schema extends z.ZodType>(schema: Schema, text: string, file: string, label: string): Project<z.output<Schema>> {
  refuseLargeYaml(text, label, "project");
  const lineCounter = new LineCounter();
  const document = parseYaml(text, lineCounter);
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  if (document.errors.length > 0) {
    const error = document.errors[0];
    // Nested past what the parser follows (`[[[...]]]`, hundreds of levels deep), the file is too deep, not invalid.
    if (isTooDeep(error)) throw new ValidationError([tooDeepIssue(text, label, lineCounter, "E_PROJECT_SHAPE", "project")]);
    // Every syntax error of the file, each with its line and column.
    const problems = yamlSyntaxProblems(document, text, lineCounter, "project");
    throw new ValidationError(problems.map(({ line, column, reason }) => ({ code: "E_PROJECT_YAML", message: projectMessages.yamlSyntax(reason), source: label, line, column })));
  }
  if (nestedTooDeep(document)) throw new ValidationError([tooDeepIssue(text, label, lineCounter, "E_PROJECT_SHAPE", "project")]);
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : (document.getIn(path.slice(0, depth), true) as Node | undefined);
      if (node && (node as { range?: number[] }).range) {
        // Point at the key of a `key: value` pair rather than at its value.
        if (depth > 0) {
          const parent = depth === 1 ? document.contents : document.getIn(path.slice(0, depth - 1), true);
          if (isMap(parent)) {
            const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === path[depth - 1]);
            const key = pair?.key as Node | undefined;
            if (key?.range) return lineAt(key.range[0]);
          }
        }
        return lineAt((node as { range: number[] }).range[0]);
      }
    }
    return undefined;
  };
  // An alias would copy another value unseen, or expand into billions (an alias bomb): refused before toJS expands it.
  const aliases = aliasIssues(document, lineCounter, label);
  if (aliases.length > 0) throw new ValidationError(aliases);
  const data = document.toJS({ maxAliasCount: 0 }) ?? {};
  if (typeof data !== "object" || Array.isArray(data))
    throw new ValidationError([{ code: "E_PROJECT_SHAPE", message: projectMessages.notAMap(data), source: label, line: lineOf([]) }]);
  const parsed = schema.safeParse(data, { reportInput: true });
  // The file as written goes with its problems (`UncheckedProject`), so that the values of its other keys can be
  // checked as options in the same pass (a `missing: skip` and an `aggregate: arithmetik` said together).
  if (!parsed.success) {
    const unchecked: UncheckedProject = { file, dir: dirname(file), label, data: data as Record<string, unknown>, lineOf };
    throw new ValidationError(parsed.error.issues.flatMap((issue) => toIssues(issue, label, lineOf, data)), undefined, unchecked);
  }
  return { file, dir: dirname(file), label, settings: parsed.data, lineOf };
}

/** A project file that its schema refused, as written: the `partial` of the `ValidationError` that says why. */
export interface UncheckedProject extends Omit<Project<never>, "settings" | "bytes"> {
  data: Record<string, unknown>;
}

/** Whether `partial` (of a `ValidationError`) is a project file its schema refused, as written. */
export const isUncheckedProject = (partial: unknown): partial is UncheckedProject =>
  typeof partial === "object" && partial !== null && "data" in partial && "lineOf" in partial && "label" in partial;

/** The keys allowed in each block of the file, for messages about unknown keys. */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  "": Object.keys(PROJECT_SCHEMA.shape),
  inputs: Object.keys(INPUT_OPTIONS),
  methods: Object.keys(METHOD_OPTIONS),
  outputs: Object.keys(OUTPUT_OPTIONS),
  uncertainty: Object.keys(UNCERTAINTY_OPTIONS),
};

/**
 * The other spellings of a key, each a way of writing it that should lead to it: British or American (`normalize`
 * for `normalise`), and its noun (`normalisation`, `normalization`, `aggregation`).
 */
function spellingsOf(key: string): string[] {
  const spellings = new Set([key, key.replace(/is(e|ation)/g, "iz$1"), key.replace(/iz(e|ation)/g, "is$1")]);
  for (const spelling of [...spellings]) spellings.add(spelling.replace(/(is|iz)e$/, "$1ation").replace(/ate$/, "ation"));
  return [...spellings];
}

/**
 * The key an unknown key of block `block` ("" for the top level) stands for: one of the block's keys in another
 * spelling (`spellingsOf`), or the closest to one of them (`closestName`: `normalisaton`); at the top level, a key of
 * an option block written outside it (`base-year` is `methods.base-year`).
 */
export function suggestKey(key: string, block: string): string | undefined {
  const known = KNOWN_KEYS[block] ?? [];
  const spellings = new Map<string, string>();
  const add = (name: string, as: string) => {
    for (const spelling of spellingsOf(name)) if (!spellings.has(spelling)) spellings.set(spelling, as);
  };
  for (const name of known) add(name, name);
  if (block === "") for (const [option, keys] of Object.entries(BLOCKS)) for (const name of Object.keys(keys)) add(name, `${option}.${name}`);
  const squashed = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, "");
  const same = [...spellings.keys()].find((spelling) => squashed(spelling) === squashed(key));
  const closest = same ?? closestName(key, [...spellings.keys()]);
  return closest === undefined ? undefined : spellings.get(closest);
}

/** The option blocks of the file: block -> key -> schema. */
const BLOCKS: Record<string, Record<string, z.ZodType>> = {
  inputs: INPUT_OPTIONS,
  methods: METHOD_OPTIONS,
  outputs: OUTPUT_OPTIONS,
  uncertainty: UNCERTAINTY_OPTIONS,
};

/** The schema of the key at `path` in an option block, if it is one. */
function blockKeySchema(path: readonly (string | number)[]): z.ZodType | undefined {
  return path.length >= 2 ? BLOCKS[String(path[0])]?.[String(path[1])] : undefined;
}

/**
 * Turns a zod issue into our issues (one per unknown key), naming the key path, what was found and what was expected;
 * `data` is the file's content.
 */
function toIssues(issue: z.core.$ZodIssue, source: string, lineOf: Project["lineOf"], data: object): Issue[] {
  const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
  const keyPath = path.join(".");
  const at = (message: string, where = path): Issue => ({ code: "E_PROJECT", message, source, line: lineOf(where), column: where.join(".") });
  const found = "input" in issue ? issue.input : undefined;
  const absent = !("input" in issue) || found === undefined;
  // A key whose schema says what it expects (a list of methods) is reported as a whole, whatever zod found wrong in it.
  const expected = expectedOf(blockKeySchema(path));
  if (expected && issue.code !== "unrecognized_keys") {
    const key = path.slice(0, 2);
    const value = (data as Record<string, Record<string, unknown> | undefined>)[String(key[0])]?.[String(key[1])];
    return [at(projectMessages.badKey(key.join("."), value, expected), key)];
  }
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        at(projectMessages.unknownKey([...path, key].join("."), KNOWN_KEYS[keyPath] ?? [], suggestKey(key, keyPath)), [...path, key]),
      );
    case "invalid_type": {
      const type = isIntegerKey(path) ? "int" : issue.expected;
      const expected = EXPECTED_TYPES.includes(type as ExpectedType) ? runMessages.expectedType(type as ExpectedType) : issue.expected;
      return [at(absent ? projectMessages.missingKey(keyPath, expected) : projectMessages.badKey(keyPath, found, expected))];
    }
    case "invalid_value": {
      const expected = runMessages.expectedOneOf(issue.values.map(String), found);
      return [at(absent ? projectMessages.missingKey(keyPath, expected) : projectMessages.badKey(keyPath, found, expected))];
    }
    case "too_small":
      return [
        at(
          projectMessages.badKey(
            keyPath,
            found,
            issue.origin === "string" || issue.origin === "array"
              ? runMessages.expectedNonEmpty(issue.origin as "string" | "array")
              : runMessages.expectedNumberBound(issue.inclusive === false ? ">" : ">=", issue.minimum),
          ),
        ),
      ];
    case "too_big":
      return [at(projectMessages.badKey(keyPath, found, runMessages.expectedNumberBound(issue.inclusive === false ? "<" : "<=", issue.maximum)))];
    default:
      return [at(runMessages.keyRefused(keyPath, found, issue.message))];
  }
}

/** Whether the key at `path` holds a whole number (zod reports a text there as "expected number"). */
function isIntegerKey(path: readonly (string | number)[]): boolean {
  const schema = path.length === 2 ? blockKeySchema(path) : undefined;
  return (schema as { isInt?: boolean } | undefined)?.isInt === true;
}

/** The kinds of value whose expectation `runMessages.expectedType` words; zod's own name for another. */
const EXPECTED_TYPES: readonly string[] = ["string", "int", "number", "boolean", "object", "array"] satisfies ExpectedType[];
