/**
 * Finding the project file (`index.yaml`), apart from reading it, so that every command can look for one without
 * loading the YAML parser and the schema library: they load only when there is a project.
 */
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { projectMessages } from "../../core/project-messages.js";
import { InputError } from "../../errors.js";

/** The name of a project file. */
export const PROJECT_FILE = "index.yaml";

/**
 * The project file to use: `explicit` (a file, or a folder holding `index.yaml`) when given, else `index.yaml` in `cwd`
 * when it exists, else `undefined`. An explicit path that does not exist is an `InputError`.
 */
export function findProjectFile(cwd: string, explicit?: string): string | undefined {
  if (explicit) {
    const path = resolve(cwd, explicit);
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, PROJECT_FILE) : path;
    if (!existsSync(file)) throw new InputError("E_NO_PROJECT", projectMessages.notFound(explicit), { source: explicit });
    return file;
  }
  const file = join(cwd, PROJECT_FILE);
  return existsSync(file) ? file : undefined;
}
