#!/usr/bin/env node
import { loadMain } from "../dist/bundle/start.js";

process.exitCode = await loadMain().main(process.argv.slice(2));
