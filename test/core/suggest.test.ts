import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { closestName, closestNames, editDistance } from "../../src/core/suggest.js";

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

  it("gives the same distance either way round, from rows as long as the shorter text", () => {
    // by hand: "ca" -> "abc" is 3 in the optimal string alignment (a transposed pair is not edited again)
    expect(editDistance("ca", "abc")).toBe(3);
    expect(editDistance("abc", "ca")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("sitting", "kitten")).toBe(3);
    // by hand: 2 deletions (the last two letters)
    expect(editDistance("indicators", "indicato")).toBe(2);
  });

  it("does not compare a name longer than 64 characters: a 1 MB unknown column header has no suggestion", () => {
    // The old table of (1 MB + 1) rows per candidate took 44 s and 690 MB for the tree's column names.
    const header = `weight${"x".repeat(1 << 20)}`;
    expect(closestName(header, ["code", "parent", "name", "weight", "direction", "normalise"])).toBeUndefined();
    // by hand: one letter differs, 64 characters long (a third of them allows 3 edits): suggested; 65 long: not compared
    const long = "a".repeat(63);
    expect(closestName(`${long}b`, [`${long}c`])).toBe(`${long}c`);
    expect(closestName(`${long}bb`, [`${long}bc`])).toBeUndefined();
    expect(closestName(`${long}b`, [`${long}cc`])).toBeUndefined();
  });

  it("still suggests among candidates of other lengths, farther ones passed over (the first of a tie kept)", () => {
    // by hand: "wieght" is one transposition from "weight" (6 letters: 2 edits allowed); "weights" is 2 edits
    expect(closestName("wieght", ["code", "normalisation", "weights", "weight"])).toBe("weight");
    // by hand: "paren" is one edit from both "parent" and "paren_t" (squashed "parent"): the first is kept
    expect(closestName("paren", ["paren_t", "parent"])).toBe("paren_t");
  });

  it("lists every name of a tie (closestNames), the first of them closestName's", () => {
    // by hand: "a23" has 3 letters, so 1 edit allowed; A22 and A24 are 1 edit away, B1 and A2345 2.
    expect(closestNames("A23", ["A22", "B1", "A24", "A2345"])).toEqual(["A22", "A24"]);
    expect(closestName("A23", ["A22", "B1", "A24", "A2345"])).toBe("A22");
    // One nearest: itself alone. None near, or the name itself among the candidates: none.
    expect(closestNames("B22", ["A21", "A22", "A24"])).toEqual(["A22"]);
    expect(closestNames("X9", ["A21", "A22"])).toEqual([]);
    expect(closestNames("A22", ["A22", "A23"])).toEqual([]);
  });

  it("ends the method and column messages with the suggestion", () => {
    expect(messages.unknownMethod("normalisation", "minmax", ["min-max", "z-score"])).toBe(
      'unknown normalisation method "minmax"; expected one of: min-max, z-score; did you mean "min-max"?',
    );
    expect(messages.allowedChoices("entrpy", ["explicit", "entropy"])).toBe('Allowed choices are explicit, entropy. Did you mean "entropy"?');
    expect(messages.allowedChoices("pdf", ["csv", "json"])).toBe("Allowed choices are csv, json.");
  });
});
