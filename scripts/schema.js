// Writes schema/index.schema.json, the JSON Schema of index.yaml, from the zod schema in src/io/project/project-schema.ts.
// Run with `npm run schema` (which builds first); test/io/project/project-schema.test.ts checks the committed file is current.
import { writeFileSync } from "node:fs";
import { formatProjectJsonSchema } from "../dist/io/project/project-schema.js";

writeFileSync(new URL("../schema/index.schema.json", import.meta.url), formatProjectJsonSchema());
