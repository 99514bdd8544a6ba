/**
 * The console blocks of a tutorial and what the tool prints, compared line by line: for the tests that run the
 * tutorials as written (test/examples/tutorial.test.ts, steps 2 to 5; test/docs/tutorial-project.test.ts, step 6).
 */
import { expect } from "vitest";

/** The lines of every console block of `doc` under `$ command`, in order, each up to the next command or the block's end. */
export function shownBlocks(doc: string, command: string): string[][] {
  const marker = `$ ${command}\n`;
  const blocks: string[][] = [];
  for (let start = doc.indexOf(marker); start >= 0; start = doc.indexOf(marker, start + 1)) {
    const rest = doc.slice(start + marker.length);
    blocks.push(rest.slice(0, rest.search(/^(\$ |```)/m)).replace(/\n$/, "").split("\n"));
  }
  return blocks;
}

/**
 * Expects the lines shown to be the lines printed, in order, each as `normalise` makes it (default: as it is): a line
 * `…` stands for any lines left out (the block may end with it); without one, every line printed is shown.
 */
export function expectShown(shown: string[], printed: string[], where: string, normalise = (line: string) => line): void {
  const [lines, output] = [shown.map(normalise), printed.map(normalise)];
  let at = 0;
  let skipping = false;
  for (const line of lines) {
    if (line === "…") {
      skipping = true;
      continue;
    }
    const found = skipping ? output.indexOf(line, at) : output[at] === line ? at : -1;
    expect(found, `${where}: the line shown\n${line}\nis not printed there; the tool prints\n${output.join("\n")}`).toBeGreaterThanOrEqual(0);
    at = found + 1;
    skipping = false;
  }
  if (!skipping) expect(output.slice(at), `${where}: printed but not shown (end the block with …)`).toEqual([]);
}

/** The lines of a text as printed (no line for the final newline, none for an empty text). */
export const linesOf = (text: string): string[] => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));
