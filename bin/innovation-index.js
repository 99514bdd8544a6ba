#!/usr/bin/env node
// CommonJS (bin/package.json says so): Node starts a CommonJS entry without its ES module loader, about 10 ms sooner.
const { loadMain } = require("../dist/bundle/start.cjs");

loadMain()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
