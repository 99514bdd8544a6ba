// `npm run prepare` (npm runs it after `npm ci`/`npm install` in a clone, and before `npm pack`/`npm publish`):
// builds dist/ from src/ in a checkout. An installed package (a tarball or the registry) has no src/ and no
// TypeScript, and ships dist/ built already: there it does nothing, so installing never needs the build tools.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

const root = new URL("..", import.meta.url);
if (existsSync(new URL("src/cli/main.ts", root)) && existsSync(new URL("node_modules/typescript", root))) {
  execSync("npm run build", { cwd: root, stdio: "inherit" });
}
