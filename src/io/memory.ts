/**
 * How much memory a large analysis may take unless told otherwise (`--memory-limit`, `memoryLimit`,
 * `INNOVATION_INDEX_QUERY_MEMORY_LIMIT`): a share of this machine's memory, or of the process's cgroup limit when a
 * container or a systemd service sets a smaller one (`os.totalmem()` is the host's memory there, and the kernel would
 * kill the process before the tool's own limit told why).
 */
import { readFileSync } from "node:fs";
import { totalmem } from "node:os";
import type { MemorySource } from "../core/limit-messages.js";

/** The share of the memory available an analysis may take by default. */
export const MEMORY_SHARE = 0.5;

export type { MemorySource };

/** A memory limit in bytes, and where it came from (for messages that tell how to raise it). */
export interface MemoryLimit {
  bytes: number;
  source: MemorySource;
}

/**
 * The default limit from the machine's memory and the process's cgroup limit (`container`, bytes, undefined when none
 * is known), both in bytes: `MEMORY_SHARE` of the smaller. A cgroup limit counts only when it is a real one, a
 * positive number below the machine's memory: "no limit" reads as 2^63 − 4096 (cgroup v1) or 2^64
 * (`process.constrainedMemory()`), and a limit above the machine's memory bounds nothing.
 */
export function memoryLimitOf(machine: number, container: number | undefined): MemoryLimit {
  const bounded = container !== undefined && Number.isFinite(container) && container > 0 && container < machine;
  return { bytes: Math.floor((bounded ? container : machine) * MEMORY_SHARE), source: bounded ? "container" : "machine" };
}

/**
 * A cgroup memory file's limit (`memory.max`, `memory.limit_in_bytes`) in bytes: undefined for "max" (no limit), an
 * unreadable file (`text` undefined), anything but digits, 0, or a number past 2^53 (no real limit, and not exact as
 * a JavaScript number).
 */
export function cgroupLimitOf(text: string | undefined): number | undefined {
  const trimmed = text?.trim() ?? "";
  if (!/^\d+$/.test(trimmed)) return undefined;
  const bytes = Number(trimmed);
  return bytes > 0 && bytes <= Number.MAX_SAFE_INTEGER ? bytes : undefined;
}

/**
 * The cgroup memory files that may bound this process, from `/proc/self/cgroup` (`selfCgroup`, undefined when
 * unreadable): the cgroup root's (what a container with its own cgroup namespace sees), and those of the process's
 * cgroup and of each cgroup above it (a systemd service's `/system.slice/x.service`): v2's `memory.max`
 * (line `0::/path`), v1's `memory.limit_in_bytes` (a line whose controllers include `memory`). The limit in force is
 * the smallest of those that can be read.
 */
export function cgroupMemoryFiles(selfCgroup: string | undefined): string[] {
  const files = ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"];
  const ancestors = (path: string) => path.split("/").filter(Boolean).map((_, i, parts) => `/${parts.slice(0, i + 1).join("/")}`);
  for (const line of (selfCgroup ?? "").split("\n")) {
    const [, controllers, path] = /^\d+:([^:]*):(\/.*)$/.exec(line.trim()) ?? [];
    if (path === undefined) continue;
    if (controllers === "") files.push(...ancestors(path).map((folder) => `/sys/fs/cgroup${folder}/memory.max`));
    else if (controllers.split(",").includes("memory")) files.push(...ancestors(path).map((folder) => `/sys/fs/cgroup/memory${folder}/memory.limit_in_bytes`));
  }
  return [...new Set(files)];
}

/** A file's text, or undefined when it cannot be read (absent, not permitted). */
function textOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

let containerMemory: { bytes: number | undefined } | undefined;

/**
 * The process's cgroup memory limit in bytes on Linux, read once: `process.constrainedMemory()` when it gives a real
 * limit (below the machine's memory), else the smallest limit of `cgroupMemoryFiles`; undefined elsewhere or when
 * none is set.
 */
export function containerMemoryLimit(): number | undefined {
  if (containerMemory !== undefined) return containerMemory.bytes;
  let bytes: number | undefined;
  if (process.platform === "linux") {
    const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
    if (constrained !== undefined && constrained > 0 && constrained < totalmem()) bytes = constrained;
    else {
      const limits = cgroupMemoryFiles(textOrUndefined("/proc/self/cgroup"))
        .map((file) => cgroupLimitOf(textOrUndefined(file)))
        .filter((limit): limit is number => limit !== undefined);
      bytes = limits.length > 0 ? Math.min(...limits) : undefined;
    }
  }
  containerMemory = { bytes };
  return bytes;
}

/** The default memory limit and where it came from: half of the machine's memory or of the container's limit. */
export function defaultMemory(): MemoryLimit {
  return memoryLimitOf(totalmem(), containerMemoryLimit());
}

/** The default memory limit of an analysis in bytes: half of this machine's memory, or of its container's limit. */
export function defaultMemoryLimit(): number {
  return defaultMemory().bytes;
}

/**
 * A size such as `8GB`, `512MB`, `1.5G`, `64 MiB` or a number of bytes (powers of 1024), in whole bytes; undefined
 * when `text` is none of these.
 */
export function byteSizeOf(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\s*$/i.exec(text);
  const power = match ? ["", "k", "m", "g", "t"].indexOf((match[2] ?? "").toLowerCase().replace(/^b.*/, "").charAt(0)) : -1;
  return match && power >= 0 ? Math.floor(Number(match[1]) * 1024 ** power) : undefined;
}
