/**
 * Every relative link and anchor in README.md, README.zh-CN.md and docs/**\/*.md points at a file that exists and, with
 * `#anchor`, at a heading (or an `<a id>`) of that file, as a code host renders them.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Files other engineers write on their own branches, linked from here before they exist in this branch. The lead
 * removes this list at merge, once they exist.
 */
const NOT_YET_MERGED = new Set<string>([]);

function markdownFiles(): string[] {
  const docs = readdirSync(join(root, "docs"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => join(entry.parentPath, entry.name));
  return [join(root, "README.md"), join(root, "README.zh-CN.md"), ...docs].map((path) => relative(root, path)).sort();
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens, duplicates numbered. */
export function headingAnchor(heading: string): string {
  return heading
    .replace(/`/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

/** Every anchor of a Markdown file: its headings (outside code fences) and `<a id>`/`<a name>` tags. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = headingAnchor(heading[1]);
      const count = seen.get(base) ?? 0;
      anchors.add(count === 0 ? base : `${base}-${count}`);
      seen.set(base, count + 1);
    }
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]);
  }
  return anchors;
}

/** Every Markdown link target `[text](target)` outside code fences and inline code. */
function linksOf(text: string): string[] {
  const links: string[] = [];
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const withoutCode = line.replace(/`[^`]*`/g, "");
    for (const match of withoutCode.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) links.push(match[1]);
  }
  return links;
}

describe("links in the documentation", () => {
  const files = markdownFiles();

  it("finds the README, its Chinese version and the docs", () => {
    expect(files).toContain("README.md");
    expect(files).toContain("README.zh-CN.md");
    expect(files).toContain("docs/tutorial.md");
  });

  it.each(files)("%s: every relative link and anchor resolves", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    const broken: string[] = [];
    for (const link of linksOf(text)) {
      if (/^[a-z]+:/i.test(link)) continue; // https:, mailto:
      const [pathPart, anchor] = link.split("#");
      const target = pathPart === "" ? join(root, file) : resolve(root, dirname(file), decodeURI(pathPart));
      const targetPath = relative(root, target);
      if (NOT_YET_MERGED.has(targetPath)) continue;
      if (!existsSync(target)) {
        broken.push(`${link}: no file ${targetPath}`);
        continue;
      }
      if (anchor !== undefined && anchor !== "" && statSync(target).isFile() && target.endsWith(".md")) {
        if (!anchorsOf(readFileSync(target, "utf8")).has(anchor)) broken.push(`${link}: no heading #${anchor} in ${targetPath}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("every docs/….md and docs/….md#anchor a source file (a message, a help text) names resolves", () => {
    const sources = readdirSync(join(root, "src"), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
      .map((entry) => join(entry.parentPath, entry.name));
    const named = new Set(sources.flatMap((path) => [...readFileSync(path, "utf8").matchAll(/\bdocs\/[\w./-]+?\.md(?:#[\w-]+)?/g)].map((match) => match[0])));
    // The hint of a missing base value points at projects.md's section, so the look-up is known to find anchors.
    expect([...named]).toContain("docs/guides/projects.md#when-the-indicator-system-changes");
    const broken = [...named].filter((link) => {
      const [path, anchor] = link.split("#");
      if (!existsSync(join(root, path))) return true;
      return anchor !== undefined && !anchorsOf(readFileSync(join(root, path), "utf8")).has(anchor);
    });
    expect(broken).toEqual([]);
  });

  it("README.md is at most 12,000 characters and starts with the two commands", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme.length).toBeLessThanOrEqual(12_000);
    expect(readme).toMatch(/^# innovation-index\n\n```sh\nnpm ci && npm start .*\nnpm test .*\n```\n/);
    expect(readme).toContain("The shipped example is illustrative, not the official Changzhou index");
  });

  it("the anchor rule gives GitHub's anchors for headings with code and punctuation", () => {
    expect(headingAnchor("Missing values: `--missing error|carry-forward|interpolate|carry-back|reweight`")).toBe(
      "missing-values---missing-errorcarry-forwardinterpolatecarry-backreweight",
    );
    expect(headingAnchor("`template`: an empty values file to fill in")).toBe("template-an-empty-values-file-to-fill-in");
    expect(headingAnchor("The indicator tree (CSV)")).toBe("the-indicator-tree-csv");
  });
});
