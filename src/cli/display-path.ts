/** How the command line names a path in its messages. */
import { isAbsolute, relative } from "node:path";

/** A path as messages name it: relative to `cwd` when inside it, else absolute. */
export function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  const shown = !relativePath ? "." : relativePath.startsWith("..") || isAbsolute(relativePath) ? path : relativePath;
  return shown.split("\\").join("/");
}
