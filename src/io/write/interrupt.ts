/**
 * What the writers undo when the process is interrupted (Ctrl-C, a scheduler's SIGTERM at its time limit, a closed
 * terminal's SIGHUP): while a writer holds a temporary file or a lock, a handler for those signals removes them, and
 * then lets the signal end the process as it would have (exit status 128 + the signal's number, 130 for Ctrl-C).
 * Without it a Ctrl-C during a long write left its `.<name>.<pid>.tmp` files (gigabytes, for a large panel) in the
 * output folder for good, since the next run has another pid. The handler is installed only while something is held,
 * and only when nothing else in the process listens for those signals (a program using the library that handles them
 * itself decides what an interruption means); a `kill -9` or a power cut is beyond it, and is left to the next run
 * (stale locks, staging folders: `folder-lock.ts`, `runs/runs.ts`).
 */
import { constants } from "node:os";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
type Signal = (typeof SIGNALS)[number];

/** What to undo, each registered by a writer while it holds something. */
const undoers = new Set<() => void>();
let listening = false;

function onSignal(signal: Signal): void {
  stopListening();
  for (const undo of [...undoers])
    try {
      undo();
    } catch {
      // Whatever cannot be undone now stays, for the next run to deal with.
    }
  undoers.clear();
  // The signal again, now with no handler: the process ends as the signal ends it (for a shell, status 128 + n).
  try {
    process.kill(process.pid, signal);
  } catch {
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
}

const handlers = new Map<Signal, () => void>(SIGNALS.map((signal) => [signal, () => onSignal(signal)]));

function stopListening(): void {
  if (!listening) return;
  for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  listening = false;
}

/**
 * Registers `undo` (synchronous: it runs inside a signal handler, just before the process ends) until the returned
 * function is called. Returns that function.
 */
export function undoOnInterrupt(undo: () => void): () => void {
  undoers.add(undo);
  if (!listening && SIGNALS.every((signal) => process.listenerCount(signal) === 0)) {
    for (const [signal, handler] of handlers) process.on(signal, handler);
    listening = true;
  }
  return () => {
    undoers.delete(undo);
    if (undoers.size === 0) stopSoon();
  };
}

/**
 * Stops listening once the event loop has polled again (two turns): a signal that arrived while the writer ran
 * synchronously (the renames) waits in the loop until then, and must still find the handler, which then ends the
 * process by that signal with nothing left to undo. Removed at once, the signal would be dropped and the command exit 0.
 */
function stopSoon(): void {
  setImmediate(() => setImmediate(() => undoers.size === 0 && stopListening()));
}
