/**
 * A progress bar on stderr for long runs: drawn only on a terminal, only once a run has taken more than a second, at
 * most ten times a second, and erased when the run ends.
 */
import type { CliEnv } from "./env.js";

export interface Progress {
  /** Reports `done` of `total` steps. */
  update: (done: number, total: number) => void;
  /** Erases the bar, if one was drawn. */
  finish: () => void;
}

const WIDTH = 30;

/** A progress reporter; silent unless `env.stderrIsTerminal` and not `quiet`. */
export function createProgress(env: CliEnv, label: string, quiet: boolean, delayMs = 1000): Progress {
  if (quiet || !env.stderrIsTerminal) return { update: () => undefined, finish: () => undefined };
  const start = Date.now();
  let lastDrawn = -Infinity;
  let drawn = false;
  return {
    update: (done, total) => {
      const now = Date.now();
      if (now - start < delayMs || (now - lastDrawn < 100 && done < total)) return;
      lastDrawn = now;
      drawn = true;
      (env.stderrControl ?? env.stderr)(`\r${renderProgressBar(label, done, total)}`);
    },
    finish: () => {
      if (drawn) (env.stderrControl ?? env.stderr)("\r\u001b[K");
    },
  };
}

/** `label [#########.........]  45% 1800/4000` */
export function renderProgressBar(label: string, done: number, total: number): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * WIDTH);
  return `${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${done}/${total}`;
}
