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

describe("fileSizeLimitOf", () => {
  // The lines of Linux's /proc/self/limits (its columns: soft limit, hard limit, units).
  const limits = (soft: string) =>
    `Limit                     Soft Limit           Hard Limit           Units     \nMax cpu time              unlimited            unlimited            seconds   \nMax file size             ${soft.padEnd(21)}unlimited            bytes     \n`;
  it("is the soft limit of Max file size in bytes (ulimit -f 50 in bash: 50 × 1024 = 51200), unlimited, or not known", async () => {
    const { fileSizeLimitOf } = await import("../../src/core/system-errors.js");
    expect(fileSizeLimitOf(limits("51200"))).toBe(51200);
    expect(fileSizeLimitOf(limits("unlimited"))).toBe("unlimited");
    expect(fileSizeLimitOf("Limit Soft Limit\nMax cpu time unlimited\n")).toBeUndefined();
    expect(fileSizeLimitOf(limits("-1"))).toBeUndefined();
  });
});
