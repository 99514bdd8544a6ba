// Bundles the CLI into dist/bundle with esbuild (`npm run bundle`, part of `npm run build`):
// - dist/bundle/main.cjs: the whole command line as one CommonJS file, commander bundled in. Node loads one CommonJS
//   file faster than a graph of ES modules (no module to resolve, link and evaluate asynchronously per chunk: about
//   20 ms of every command's start on a 2-core machine, measured with the bench's (d)); the modules a command loads
//   lazily are still initialised only when it runs them, and the heavy packages stay external and load only when used.
//   It is minified (the library in dist/ is not): every start reads the whole file and V8 deserialises the names its
//   code cache holds, and the minified bundle (about half the size) starts the example's compute about 9 ms sooner
//   (203 against 212 ms, median of 21 runs each, alternately; keeping the functions' names, esbuild's keepNames, gave
//   back two thirds of that). main.cjs.map maps it back to the sources: `NODE_OPTIONS=--enable-source-maps` makes
//   bin/innovation-index.js require the bundle the plain way, so that a stack trace names the sources' files, lines
//   and functions (src/cli/start.ts);
// - dist/bundle/main.js: the same `main` as an ES module, for programs that import it;
// - dist/bundle/start.cjs: what bin/innovation-index.js (CommonJS) loads main.cjs with, and main.cjs.cache, V8's code
//   cache of it (scripts/code-cache.js; src/cli/start.ts says why);
// - dist/bundle/messages-zh.cjs and project-templates.cjs: the Chinese messages and the texts init writes, required
//   only when used (below);
// - dist/bundle/file-worker.js: the worker thread that writes large result files, one self-contained file.
// - dist/bundle/dashboard-client.js: the script of the interactive report.html (below).
import { rmSync, readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const bundledIn = new Set(["commander"]);
const common = { bundle: true, format: "esm", platform: "node", target: "node20", logLevel: "warning" };
// commander requires node:child_process when it loads, only to spawn executable subcommands, which this tool has none
// of: its require gets a stand-in that loads the module (and the net and stream modules behind it) on first use.
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(plugin) {
    plugin.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.namespace === "file" && /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: args.path, namespace: "lazy-builtin" } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, name) => require(${JSON.stringify(args.path)})[name] });`,
      loader: "js",
    }));
  },
};
// The Chinese messages (src/core/zh) are a file of their own, messages-zh.cjs, required only when the terminal speaks
// Chinese: in main.cjs they would be read and checked against the code cache on every start. A page's warnings
// (src/io/report/page-warnings.ts, on a Chinese page) need them only when there is a warning to translate: there the
// import is a stand-in that requires the file on first use, so that a run without warnings writes its Chinese page
// without loading them (about 15 ms). The stand-in exports only what page-warnings.ts imports; esbuild refuses the
// build if it imports anything else.
const chineseApart = {
  name: "chinese-apart",
  setup(plugin) {
    plugin.onResolve({ filter: /[\\/]zh[\\/]index\.js$/ }, (args) =>
      /[\\/]page-warnings\.ts$/.test(args.importer) ? { path: "chinese", namespace: "lazy-chinese" } : { path: "./messages-zh.cjs", external: true },
    );
    plugin.onResolve({ filter: /^\.\/messages-zh\.cjs$/, namespace: "lazy-chinese" }, (args) => ({ path: args.path, external: true }));
    plugin.onLoad({ filter: /.*/, namespace: "lazy-chinese" }, () => ({
      contents: 'let loaded;\nexport const chinese = new Proxy({}, { get: (_, name) => (loaded ??= require("./messages-zh.cjs")).chinese[name] });\n',
      loader: "js",
    }));
  },
};
// The texts of the project `init` writes (src/io/project/project-templates.ts, 14 KB, no imports of its own) are a file
// of their own, project-templates.cjs, which init alone requires (src/cli/commands/init.ts imports it when it runs):
// in main.cjs every start would read them.
const templatesApart = {
  name: "templates-apart",
  setup(plugin) {
    plugin.onResolve({ filter: /[\\/]project-templates\.js$/ }, (args) =>
      /[\\/]commands[\\/]init\.ts$/.test(args.importer) ? { path: "./project-templates.cjs", external: true } : undefined,
    );
  },
};
// The minified files keep lines of at most a few hundred characters, so that a character escaped on one line (below)
// moves the source map's columns of that line only. The map names the sources without their text (the package does
// not ship src/).
const minified = { minify: true, lineLimit: 400, sourcemap: "linked", sourcesContent: false };
rmSync(new URL("../dist/bundle", import.meta.url), { recursive: true, force: true });
await build({
  ...common,
  format: "cjs",
  entryPoints: ["src/cli/main.ts"],
  plugins: [lazyChildProcess, chineseApart, templatesApart],
  outfile: "dist/bundle/main.cjs",
  ...minified,
  external: Object.keys(dependencies).filter((name) => !bundledIn.has(name)),
  // The sources find their files (the package root, the worker script, the dashboard's script) from import.meta.url:
  // in the CommonJS file, the file's own URL.
  define: { "import.meta.url": "__bundleUrl" },
  // Lazy imports of the packages become require() calls (every dependency can be required): a function that V8 takes
  // from the code cache cannot import() under Node 20 (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING).
  supported: { "dynamic-import": false },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
// esbuild writes strings and template literals ASCII-only but keeps regular expressions (and a tagged template's raw
// text) as written: any other character left makes V8 hold the whole source as a two-byte string, slower to read and
// to check against the code cache on every start (about 5 ms here). In a regular expression a character and its \u
// escape are the same; in a tagged template (String.raw) the text would change, so the build refuses any character
// left outside a regular expression literal. The literals are found line by line (esbuild's lineLimit never breaks
// one), after a character that may precede an expression; one found inside a string holds no character to escape,
// since esbuild escaped the strings.
const REGULAR_EXPRESSION = /(?<=^|[(,=:[!&|?{};+\-*%<>~^]|return|typeof)\/(?![*/])(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[])+\/[dgimsuyv]*/g;
function escapeToAscii(url) {
  const lines = readFileSync(url, "utf8").split("\n");
  for (const [i, line] of lines.entries()) {
    if (!/[^\x00-\x7f]/.test(line)) continue;
    const outside = line.replace(REGULAR_EXPRESSION, (literal) => " ".repeat(literal.length));
    const at = outside.search(/[^\x00-\x7f]/);
    if (at >= 0) throw new Error(`scripts/bundle.js: ${url.pathname.split("/").pop()}:${i + 1}: a non-ASCII character outside a regular expression (a tagged template?); escape it in the source:\n${line.slice(Math.max(0, at - 80), at + 40)}`);
    lines[i] = line.replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
  }
  writeFileSync(url, lines.join("\n"));
}
escapeToAscii(new URL("../dist/bundle/main.cjs", import.meta.url));
writeFileSync(
  new URL("../dist/bundle/main.js", import.meta.url),
  '// The command line (main.cjs) as an ES module.\nimport { createRequire } from "node:module";\n\nexport const { main } = createRequire(import.meta.url)("./main.cjs");\n',
);
await build({
  ...common,
  format: "cjs",
  entryPoints: ["src/cli/start.ts"],
  packages: "external",
  outfile: "dist/bundle/start.cjs",
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
await build({ ...common, ...minified, format: "cjs", entryPoints: ["src/core/zh/index.ts"], outfile: "dist/bundle/messages-zh.cjs" });
await build({ ...common, ...minified, format: "cjs", entryPoints: ["src/io/project/project-templates.ts"], outfile: "dist/bundle/project-templates.cjs" });
escapeToAscii(new URL("../dist/bundle/project-templates.cjs", import.meta.url));
escapeToAscii(new URL("../dist/bundle/messages-zh.cjs", import.meta.url));
await build({ ...common, entryPoints: ["src/io/write/file-worker.ts"], packages: "external", outfile: "dist/bundle/file-worker.js" });
// dist/bundle/dashboard-client.js: the interactive report's script, the core's computeIndex included, as one IIFE for
// the browser; read and inlined into report.html when a dashboard is written (ECharts is inlined beside it).
await build({
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  entryPoints: ["src/io/report/dashboard/client.ts"],
  external: ["echarts"],
  outfile: "dist/bundle/dashboard-client.js",
});
// Last, once every file is in place: the code cache of main.cjs (a run of compute on the shipped example).
await import("./code-cache.js");
