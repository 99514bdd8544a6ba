import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../../src/io/report/to-html.js";
import { niceCeiling } from "../../../src/io/report/charts.js";

describe("escapeHtml", () => {
  it("escapeHtml(text) escapes the five characters that can open markup or end an attribute", () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe("&#60;script&#62;alert(&#34;x&#34; &#38; &#39;y&#39;)&#60;/script&#62;");
    expect(escapeHtml("常州高新区 R&D")).toBe("常州高新区 R&#38;D");
  });
});

describe("niceCeiling", () => {
  it.each([
    [298.8, 300],
    [105, 120],
    [100, 100],
    [0.7, 0.8],
    [0, 1],
  ])("niceCeiling(%d) is %d", (value, expected) => {
    expect(niceCeiling(value)).toBeCloseTo(expected, 12);
  });
});
