import { defineConfig } from "vitest/config";
import SummaryLineReporter from "./test/summary-reporter.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    reporters: ["default", new SummaryLineReporter()],
  },
});
