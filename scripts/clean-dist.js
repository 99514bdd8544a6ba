// `npm run build` starts here: dist/ is made from src/ alone, so a module moved or deleted in src/ leaves no stale
// copy in dist/ (which `npm pack` would ship and a deep import could still load). dist/ holds nothing but build output.
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
