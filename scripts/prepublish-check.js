// `npm publish` runs this first (prepublishOnly): package.json must name what a registry page needs, then the
// build and the whole test suite must pass.
import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";

const root = new URL("..", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const missing = ["name", "version", "description", "license", "bin", "files", "engines", "repository", "keywords"].filter(
  (key) => manifest[key] === undefined || (Array.isArray(manifest[key]) && manifest[key].length === 0),
);
if (missing.length > 0) {
  console.error(`package.json: missing ${missing.join(", ")}; expected every field a published package needs`);
  process.exit(1);
}
execSync("npm run build && npx vitest run", { cwd: root, stdio: "inherit" });
