import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { closestName, editDistance } from "../../src/core/suggest.js";

describe("closestName (did you mean)", () => {
  it.each([
    // by hand: one edit or fewer once case, spaces, hyphens and underscores are set aside
    ["minmax", ["fixed-base", "min-max", "z-score"], "min-max"],
    ["entrpy", ["explicit", "entropy", "critic"], "entropy"],
    ["interpolat", ["error", "carry-forward", "interpolate"], "interpolate"],
    ["Z_Score", ["min-max", "z-score"], "z-score"],
    ["geometirc", ["arithmetic", "geometric"], "geometric"],
    ["xyz", ["entropy", "critic"], undefined],
    ["mean", ["min-max", "z-score"], undefined],
    ["", ["a"], undefined],
  ] as const)("%j among %j is %j", (found, candidates, expected) => {
    expect(closestName(found, candidates)).toBe(expected);
  });

  it("counts an adjacent transposition as one edit", () => {
    expect(editDistance("geometirc", "geometric")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("ends the method and column messages with the suggestion", () => {
    expect(messages.unknownMethod("normalisation", "minmax", ["min-max", "z-score"])).toBe(
      'unknown normalisation method "minmax"; expected one of: min-max, z-score; did you mean "min-max"?',
    );
    expect(messages.allowedChoices("entrpy", ["explicit", "entropy"])).toBe('Allowed choices are explicit, entropy. Did you mean "entropy"?');
    expect(messages.allowedChoices("pdf", ["csv", "json"])).toBe("Allowed choices are csv, json.");
  });
});
