/**
 * The default memory limit: half of the smaller of the machine's memory and the process's cgroup limit (a container,
 * a systemd service), from hand-made numbers and file texts, so that no real cgroup is needed.
 */
import { describe, expect, it } from "vitest";
import { byteSizeOf, cgroupLimitOf, cgroupMemoryFiles, memoryLimitOf } from "../../src/io/memory.js";

const GIGABYTE = 1024 ** 3;

describe("memoryLimitOf", () => {
  it("takes half of the cgroup limit when it is below the machine's memory", () => {
    // Host 24 GB, container 4 GB: half of 4 GB is 2 GB = 2,147,483,648 bytes.
    expect(memoryLimitOf(24 * GIGABYTE, 4 * GIGABYTE)).toEqual({ bytes: 2_147_483_648, source: "container" });
    // An odd number of bytes rounds down: 1,000,000,001 / 2 = 500,000,000.5.
    expect(memoryLimitOf(24 * GIGABYTE, 1_000_000_001)).toEqual({ bytes: 500_000_000, source: "container" });
  });

  it("takes half of the machine's memory when no cgroup limit bounds it", () => {
    // Half of 24 GB is 12 GB = 12,884,901,888 bytes, whatever stands for "no limit".
    const machine = { bytes: 12_884_901_888, source: "machine" };
    expect(memoryLimitOf(24 * GIGABYTE, undefined)).toEqual(machine);
    // cgroup v2's "max" reads as no limit (cgroupLimitOf below).
    expect(memoryLimitOf(24 * GIGABYTE, cgroupLimitOf("max\n"))).toEqual(machine);
    // cgroup v1's "no limit", 2^63 − 4096, and what process.constrainedMemory() gives without one, 2^64.
    expect(memoryLimitOf(24 * GIGABYTE, 9_223_372_036_854_771_712)).toEqual(machine);
    expect(memoryLimitOf(24 * GIGABYTE, 2 ** 64)).toEqual(machine);
    // A limit above the machine's memory (32 GB on a 24 GB host) or equal to it bounds nothing.
    expect(memoryLimitOf(24 * GIGABYTE, 32 * GIGABYTE)).toEqual(machine);
    expect(memoryLimitOf(24 * GIGABYTE, 24 * GIGABYTE)).toEqual(machine);
    // 0, negative or not a number: no limit known.
    expect(memoryLimitOf(24 * GIGABYTE, 0)).toEqual(machine);
    expect(memoryLimitOf(24 * GIGABYTE, -1)).toEqual(machine);
    expect(memoryLimitOf(24 * GIGABYTE, Number.NaN)).toEqual(machine);
  });
});

describe("cgroupLimitOf", () => {
  it("reads a file's bytes, and nothing from 'max', an unreadable file, 0, other text or a number past 2^53", () => {
    expect(cgroupLimitOf("4294967296\n")).toBe(4 * GIGABYTE);
    expect(cgroupLimitOf("max\n")).toBeUndefined();
    expect(cgroupLimitOf(undefined)).toBeUndefined();
    expect(cgroupLimitOf("")).toBeUndefined();
    expect(cgroupLimitOf("0\n")).toBeUndefined();
    expect(cgroupLimitOf("-1\n")).toBeUndefined();
    expect(cgroupLimitOf("4G\n")).toBeUndefined();
    // cgroup v1's "no limit": 9,223,372,036,854,771,712 = 2^63 − 4096, past 2^53 − 1.
    expect(cgroupLimitOf("9223372036854771712\n")).toBeUndefined();
    expect(cgroupLimitOf(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("cgroupMemoryFiles", () => {
  const roots = ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"];

  it("always the cgroup root's files (a container with its own cgroup namespace sees its cgroup there)", () => {
    expect(cgroupMemoryFiles(undefined)).toEqual(roots);
    expect(cgroupMemoryFiles("0::/\n")).toEqual(roots);
  });

  it("cgroup v2: memory.max of the process's cgroup and of each above it (a systemd service)", () => {
    expect(cgroupMemoryFiles("0::/system.slice/app.service\n")).toEqual([
      ...roots,
      "/sys/fs/cgroup/system.slice/memory.max",
      "/sys/fs/cgroup/system.slice/app.service/memory.max",
    ]);
  });

  it("cgroup v1: memory.limit_in_bytes under the memory controller's hierarchy, other controllers ignored", () => {
    const selfCgroup = "9:name=systemd:/\n5:cpu,memory:/docker/abc\n3:cpuset:/other\n1:cpu:/x\n";
    expect(cgroupMemoryFiles(selfCgroup)).toEqual([
      ...roots,
      "/sys/fs/cgroup/memory/docker/memory.limit_in_bytes",
      "/sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes",
    ]);
  });
});

describe("byteSizeOf", () => {
  it("reads a size in powers of 1024 or a number of bytes, and nothing else", () => {
    // 8 × 1024^3, 512 × 1024^2, 1.5 × 1024^3, 64 × 1024^2, 2 × 1024.
    expect(byteSizeOf("8GB")).toBe(8_589_934_592);
    expect(byteSizeOf("512mb")).toBe(536_870_912);
    expect(byteSizeOf("1.5G")).toBe(1_610_612_736);
    expect(byteSizeOf(" 64 MiB ")).toBe(67_108_864);
    expect(byteSizeOf("2k")).toBe(2048);
    expect(byteSizeOf("123")).toBe(123);
    expect(byteSizeOf("123 bytes")).toBe(123);
    for (const text of ["", "8 gigs", "-1GB", "1e9", "0x10", "8PB", "GB"]) expect(byteSizeOf(text), text).toBeUndefined();
  });
});
