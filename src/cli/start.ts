/**
 * How `bin/innovation-index.js` loads the command line: the bundle `main.cjs` beside this file (see
 * scripts/bundle.js), compiled with V8's code cache `main.cjs.cache` when the build made one for this Node (see
 * scripts/code-cache.js). Compiling the bundle is the largest part of every command's start; with the cache, V8 takes
 * the functions a run needs from it instead of parsing and compiling them again. A cache that V8 refuses (another
 * Node or V8 version) is ignored: the bundle is compiled as without one. Bundled on its own as dist/bundle/start.cjs, CommonJS as
 * bin/innovation-index.js is.
 */
import { existsSync, readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

/**
 * The name the code cache is made under. V8 (Node 20) keeps the name a cache was made with and shows it in stack
 * traces, not the path the bundle is loaded from: a cache made under the build's absolute path would show that path
 * in every installed copy. This name reads the same wherever the package is.
 */
export const CACHED_BUNDLE_NAME = "innovation-index/dist/bundle/main.cjs";

/** The command line's `main`, as `src/cli/main.ts` exports it. */
export type Main = typeof import("./main.js").main;

/**
 * The bundle's `main`, and the script it was compiled as (undefined when required the plain way). `cache` names the
 * code cache (default: the bundle's name and `.cache`); `make` compiles without one, so that the script can make one
 * (scripts/code-cache.js). `INNOVATION_INDEX_CODE_CACHE=off` leaves the cache aside.
 */
export function loadMain({
  bundle = fileURLToPath(new URL("./main.cjs", import.meta.url)),
  cache = `${bundle}.cache`,
  make = false,
}: { bundle?: string; cache?: string; make?: boolean } = {}): { main: Main; script?: vm.Script } {
  const require = createRequire(bundle);
  // A bundle compiled by vm.Script needs this to import the packages it loads lazily (Node 20.12 and later).
  const dynamicImport = (vm.constants as { USE_MAIN_CONTEXT_DEFAULT_LOADER?: unknown } | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const withCache = !make && process.env.INNOVATION_INDEX_CODE_CACHE !== "off" && dynamicImport !== undefined && existsSync(cache);
  if (!withCache && !make) return { main: (require(bundle) as { main: Main }).main };
  const script = new vm.Script(Module.wrap(readFileSync(bundle, "utf8")), {
    filename: make ? CACHED_BUNDLE_NAME : bundle,
    cachedData: withCache ? readFileSync(cache) : undefined,
    importModuleDynamically: dynamicImport as never,
  });
  const module = { exports: {} as { main: Main } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, bundle, dirname(bundle));
  return { main: module.exports.main, script };
}
