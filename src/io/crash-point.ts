/**
 * A testing hook for what a power cut or `kill -9` leaves behind: `INNOVATION_INDEX_CRASH_AT=<point>` kills the process
 * on the spot when it reaches `<point>`; `<point>:SIGINT` (or `:SIGTERM`) interrupts it there instead, as Ctrl-C or a
 * scheduler's time limit would. The points: `staged` and `finished` of a project run (`cli/project-run.ts`), and
 * `renaming` of the folder writer (`write/write.ts`: the record's journal and the first output renamed, the others not).
 */

/** Whether the hook names `point`, and with which signal. */
function hookAt(point: string): NodeJS.Signals | undefined {
  const [name, signal = "SIGKILL"] = (process.env.INNOVATION_INDEX_CRASH_AT ?? "").split(":");
  return name === point ? (signal as NodeJS.Signals) : undefined;
}

/** Kills the process at `point` when the hook names it (a `SIGKILL` ends it before this returns). */
export function crashAt(point: string): void {
  const signal = hookAt(point);
  if (signal) process.kill(process.pid, signal);
}

/** `crashAt`, and for another signal than `SIGKILL`, waits until the signal has ended the process. */
export async function crashPoint(point: string): Promise<void> {
  const signal = hookAt(point);
  if (!signal) return;
  process.kill(process.pid, signal);
  if (signal !== "SIGKILL") await new Promise(() => setInterval(() => undefined, 1000)); // until the signal ends it
}
