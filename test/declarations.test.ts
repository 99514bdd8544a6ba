/**
 * The library's declarations (`dist/index.d.ts` and what it imports) as a TypeScript program in Node compiles them:
 * strict, with Node's types and no browser's (no `dom` library), every declaration file checked (`skipLibCheck` off).
 * ECharts' own types need the DOM, so no declaration of the library may name them. Needs a build (`npm test` does one).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "./helpers.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BUILT = existsSync(join(ROOT, "dist/index.d.ts"));
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

describe.skipIf(!BUILT)("the library's declarations", () => {
  it("compile in a strict Node program without the DOM, every declaration file checked, the facade's examples typed", { timeout: 60_000 }, async () => {
    const dir = await makeTempDir();
    folders.push(dir);
    const library = JSON.stringify(join(ROOT, "dist/index.js"));
    // The facade as docs/guides/library.md uses it, and every name the library exports.
    await writeFile(
      join(dir, "use.mts"),
      `import * as library from ${library};
import { analyse, audit, compute, load, report, type ChartOption, type IndexResult } from ${library};
const inputs = await load({ indicators: "indicators/changzhou-2020.csv", data: "data/changzhou/values.csv" });
const result: IndexResult = await compute(inputs, { baseYear: 2017, weights: "entropy" });
const overall: number = result.values[0];
const html: string = await report(result, { language: "en" });
export const used = [overall, html, analyse(result), audit(result), library];
// The type of the chart options the report functions return (library.md names it).
export type Chart = ChartOption;
`,
    );
    await writeFile(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "nodenext",
          target: "es2022",
          lib: ["es2022"],
          types: ["node"],
          typeRoots: [join(ROOT, "node_modules/@types")],
          skipLibCheck: false,
          noEmit: true,
        },
        files: ["use.mts"],
      }),
    );
    const compiled = await promisify(execFile)(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", dir]).catch((error: { stdout: string }) => error);
    expect(compiled.stdout).toBe("");
  });
});
