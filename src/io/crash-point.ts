/**
 * A testing hook for what a power cut or `kill -9` leaves behind: `INNOVATION_INDEX_CRASH_AT=<point>` kills the process
 * on the spot when it reaches `<point>`; `<point>:SIGINT` (or `:SIGTERM`, `:SIGHUP`) sends it that signal there
 * instead, as Ctrl-C or a scheduler's time limit would at that moment: the signal is pending while the process goes on,
 * and is handled where the process next lets signals in (`write/interrupt.ts`: `deliverPendingSignals`), exactly as a
 * signal from outside arriving at that moment would be. The points:
 * - `staging` and `marking` of a project run's staging folder (`runs/runs.ts`: the folder made, its marker not yet
 *   written; the marker written under its temporary name, not yet renamed), `staged` once its files are written,
 *   `publishing` once it is renamed into place (`LATEST` not yet moved), and `finished` after that (`cli/project-run.ts`);
 *   `unstaging` while a later run removes a staging folder left behind (its first file removed, the marker not yet);
 * - `writing` of the folder writer (`write/write.ts`: the first file written with synchronous calls, the others not
 *   yet), and `renaming` (the record's journal and the first output renamed, the others not).
 */

/** Whether the hook names `point`, and with which signal. */
function hookAt(point: string): NodeJS.Signals | undefined {
  const [name, signal = "SIGKILL"] = (process.env.INNOVATION_INDEX_CRASH_AT ?? "").split(":");
  return name === point ? (signal as NodeJS.Signals) : undefined;
}

/** Sends the signal the hook names at `point`, if it names it (a `SIGKILL` ends the process before this returns). */
export function crashAt(point: string): void {
  const signal = hookAt(point);
  if (signal) process.kill(process.pid, signal);
}

/** `crashAt`, for the callers that await it. */
export async function crashPoint(point: string): Promise<void> {
  crashAt(point);
}
