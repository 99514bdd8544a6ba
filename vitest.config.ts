import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";
import SummaryLineReporter from "./test/summary-reporter.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A file that leaks a temporary folder on purpose, run only by test/setup/temp-folders.test.ts.
    exclude: [...configDefaults.exclude, ...(process.env.INNOVATION_INDEX_LEAK_FIXTURE ? [] : ["test/setup/leak.fixture.test.ts"])],
    // At least two test files at a time: vitest's default, one fewer than the cores, is one on a 2-core machine, where
    // the suite then took 8.5 minutes against 6.3 with two (most files wait on the child processes of the CLI).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each test file gets a private temporary folder and must leave it empty (test/setup/temp-folders.ts); property
    // tests run from a fixed seed unless PROPERTY_SEED says otherwise (test/setup/properties.ts).
    setupFiles: ["test/setup/temp-folders.ts", "test/setup/properties.ts"],
    reporters: ["default", new SummaryLineReporter()],
    // The commands run in child processes speak English whatever the machine's locale (src/cli/language.ts); the
    // tests of the Chinese terminal set the language themselves.
    env: { INNOVATION_INDEX_LANG: "en" },
  },
});
