// Bundles the CLI into dist/bundle with esbuild (`npm run bundle`, part of `npm run build`):
// - dist/bundle/main.js and its chunks: split at every dynamic import, so that a command loads only what it runs;
//   the heavy packages stay external and load lazily, while commander, which every run needs, is bundled in (one
//   module instead of seven for Node to resolve and load: a few milliseconds of startup);
// - dist/bundle/file-worker.js: the worker thread that writes large result files, one self-contained file.
// - dist/bundle/dashboard-client.js: the script of the interactive report.html (below).
import { rmSync, readFileSync } from "node:fs";
import { build } from "esbuild";

const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const bundledIn = new Set(["commander"]);
const common = { bundle: true, format: "esm", platform: "node", target: "node20", logLevel: "warning" };
// Node's built-in modules, loaded as CommonJS (`require`) rather than imported:
// - an ES import of node:fs builds its whole namespace, which reads the getter fs.ReadStream and so loads Node's stream
//   modules, a few milliseconds of every command's startup that a require (and a property read when used) does not;
// - commander requires node:child_process when it loads, only to spawn executable subcommands, which this tool has
//   none of: its require gets a stand-in that loads the module (and the net and stream modules behind it) on first use.
const builtinsAsRequire = {
  name: "builtins-as-require",
  setup(plugin) {
    plugin.onResolve({ filter: /^node:/ }, (args) => {
      if (args.namespace !== "file") return undefined;
      if (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer))
        return args.path === "node:child_process" ? { path: args.path, namespace: "lazy-builtin" } : undefined;
      const fromSources = args.kind === "import-statement" && !/[\\/]node_modules[\\/]/.test(args.importer);
      return fromSources ? { path: args.path, namespace: "builtin" } : undefined;
    });
    plugin.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: "js" }));
    plugin.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, name) => require(${JSON.stringify(args.path)})[name] });`,
      loader: "js",
    }));
  },
};
rmSync(new URL("../dist/bundle", import.meta.url), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: ["src/cli/main.ts"],
  splitting: true,
  plugins: [builtinsAsRequire],
  outdir: "dist/bundle",
  external: Object.keys(dependencies).filter((name) => !bundledIn.has(name)),
  // commander is CommonJS: its require() of Node's modules needs a require in the ES module.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
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
