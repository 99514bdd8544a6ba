import { describe, expect, it } from "vitest";
import { diskFull, openElsewhere } from "../../src/core/system-errors.js";

describe("openElsewhere", () => {
  it("is the codes Windows gives for a file another program holds open, not those of a missing or full disk", () => {
    expect(["EBUSY", "EPERM", "EACCES"].map(openElsewhere)).toEqual([true, true, true]);
    expect(["ENOSPC", "EISDIR", "ENOENT", "EIO"].map(openElsewhere)).toEqual([false, false, false, false]);
  });
});

describe("diskFull", () => {
  it("is a full disk or a used-up quota, not a file size limit (EFBIG), an I/O error or an unknown cause", () => {
    expect(["ENOSPC", "EDQUOT"].map(diskFull)).toEqual([true, true]);
    expect(["EFBIG", "EIO", "EACCES", undefined].map(diskFull)).toEqual([false, false, false, false]);
  });
});

describe("replaceFailed", () => {
  it("asks whether the file is open in Excel or WPS when the system says it is held (EBUSY), not when it is a folder", async () => {
    const { outputMessages } = await import("../../src/core/output-messages.js");
    expect(outputMessages.replaceFailed("out", "index.xlsx", "EBUSY", [])).toBe(
      'out: cannot replace "index.xlsx" (EBUSY); expected a file, or nothing, at that path (is the file open in Excel or WPS? close it and run again)\nno output was changed: the files already replaced were restored',
    );
    expect(outputMessages.replaceFailed("out", "index.xlsx", "EISDIR", [])).not.toContain("Excel");
  });
});
