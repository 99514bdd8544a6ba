// Writes the generated reference in docs/reference/ from the code itself, so it never drifts:
// - commands.md   every command, argument and option, from the commander definitions (the built dist/cli/main.js);
// - index-yaml.md every key of index.yaml, from the JSON Schema (schema/index.schema.json);
// - errors.md     every error and warning code used in src/, with its meaning (scripts/reference-tables.js) and an
//                 example message made by calling the message function the code is raised with;
// - outputs.md    every output file and column: the columns read from the files a real run writes, described by
//                 scripts/reference-tables.js.
// Run with `npm run docs` (which builds first). test/docs/reference.test.ts fails when a committed file differs from
// what this script gives, or when a code, option or column has no description.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { referenceFiles } from "./reference.js";

const root = fileURLToPath(new URL("..", import.meta.url));
mkdirSync(`${root}docs/reference`, { recursive: true });
const files = await referenceFiles(root);
for (const [path, text] of Object.entries(files)) writeFileSync(`${root}${path}`, text);
process.stderr.write(`wrote ${Object.keys(files).join(", ")}\n`);
