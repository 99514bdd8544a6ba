#!/usr/bin/env node
// The command line is one CommonJS file (see scripts/bundle.js): required, not imported, as that starts faster.
import { createRequire } from "node:module";

const { main } = createRequire(import.meta.url)("../dist/bundle/main.cjs");
process.exitCode = await main(process.argv.slice(2));
