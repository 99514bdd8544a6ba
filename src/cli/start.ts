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
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

/**
 * The name the code cache is made under. V8 (Node 20) keeps the name a cache was made with and shows it in stack
 * traces, not the path the bundle is loaded from: a cache made under the build's absolute path would show that path
 * in every installed copy. This name reads the same wherever the package is.
 */
export const CACHED_BUNDLE_NAME = "innovation-index/dist/bundle/main.cjs";
const CACHED_FOLDER = dirname(CACHED_BUNDLE_NAME);

/**
 * The Chinese messages: a file of their own beside the bundle, which the bundle requires by this name only when it
 * prints or writes Chinese (scripts/bundle.js). They have a code cache of their own (`messages-zh.cjs.cache`), made
 * by the build from a Chinese run, so that loading them takes about half the time.
 */
export const CHINESE_MESSAGES = "./messages-zh.cjs";

/** The command line's `main`, as `src/cli/main.ts` exports it. */
export type Main = typeof import("./main.js").main;

/**
 * The bundle's `main`, and the script it was compiled as (undefined when required the plain way). `cache` names the
 * code cache (default: the bundle's name and `.cache`); `make` compiles without one, so that the script can make one
 * (scripts/code-cache.js). `INNOVATION_INDEX_CODE_CACHE=off`, or source maps on, leaves the cache aside. `scripts` holds, by file name,
 * each file compiled so far: the bundle, and the Chinese messages once the bundle has required them (their cache is
 * the file's name and `.cache` beside the bundle).
 */
export function loadMain({
  bundle = fileURLToPath(new URL("./main.cjs", import.meta.url)),
  cache = `${bundle}.cache`,
  make = false,
}: { bundle?: string; cache?: string; make?: boolean } = {}): { main: Main; script?: vm.Script; scripts: Map<string, vm.Script> } {
  const scripts = new Map<string, vm.Script>();
  const plainRequire = createRequire(bundle);
  // A bundle compiled by vm.Script needs this to import the packages it loads lazily (Node 20.12 and later).
  const dynamicImport = (vm.constants as { USE_MAIN_CONTEXT_DEFAULT_LOADER?: unknown } | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  // With source maps on (`NODE_OPTIONS=--enable-source-maps`), the bundle is required the plain way: Node then maps a
  // stack trace of the minified bundle back to the sources through main.cjs.map, which it does not for a vm.Script.
  const sourceMaps = (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true;
  const cached = (file: string) =>
    !make && !sourceMaps && process.env.INNOVATION_INDEX_CODE_CACHE !== "off" && dynamicImport !== undefined && existsSync(file);
  if (!cached(cache) && !make) return { main: (plainRequire(bundle) as { main: Main }).main, scripts };
  /** Runs the CommonJS `file` compiled with the code cache `cacheFile` (or, to make one, without), as `require` would. */
  const run = (file: string, cacheFile: string, require: NodeJS.Require) => {
    // Read as latin1: the build leaves both files ASCII (scripts/bundle.js; test/cli/start.test.ts checks), so that
    // is the same text, made without decoding UTF-8 (a few milliseconds of every start for the 1 MB bundle).
    const script = new vm.Script(Module.wrap(readFileSync(file, "latin1")), {
      filename: make ? `${CACHED_FOLDER}/${basename(file)}` : file,
      cachedData: cached(cacheFile) ? readFileSync(cacheFile) : undefined,
      importModuleDynamically: dynamicImport as never,
    });
    scripts.set(basename(file), script);
    const module = { exports: {} as Record<string, unknown> };
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, dirname(file));
    return module.exports;
  };
  const chineseFile = join(dirname(bundle), CHINESE_MESSAGES);
  let chinese: unknown;
  const require = Object.assign(
    (id: string) => (id === CHINESE_MESSAGES ? (chinese ??= run(chineseFile, `${chineseFile}.cache`, createRequire(chineseFile))) : plainRequire(id)),
    plainRequire,
  );
  const main = run(bundle, cache, require).main as Main;
  return { main, script: scripts.get(basename(bundle)), scripts };
}
