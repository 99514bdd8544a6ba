/**
 * What the writers undo when the process is interrupted (Ctrl-C, a scheduler's SIGTERM at its time limit, a closed
 * terminal's SIGHUP): while a writer holds a temporary file or a lock, a handler for those signals removes them, and
 * then lets the signal end the process as it would have (exit status 128 + the signal's number, 130 for Ctrl-C).
 * Without it a Ctrl-C during a long write left its `.<name>.<pid>.tmp` files (gigabytes, for a large panel) in the
 * output folder for good, since the next run has another pid. The handler is installed only while something is held,
 * and only when nothing else in the process listens for those signals (a program using the library that handles them
 * itself decides what an interruption means); a `kill -9` or a power cut is beyond it, and is left to the next run
 * (stale locks, staging folders: `folder-lock.ts`, `runs/runs.ts`).
 *
 * The handler runs only when the event loop polls. A writer that works with synchronous calls (the single-thread
 * writer, the renames) holds a signal back meanwhile, so it calls `deliverPendingSignals` between files and before each
 * commit point (the renames into place; a run's staging folder renamed into place), and does the commit itself without
 * a pause: a signal is then handled either before the commit, with nothing replaced, or after it, with the commit
 * complete, never in its middle.
 */
import { constants } from "node:os";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
type Signal = (typeof SIGNALS)[number];

/** What to undo, each registered by a writer while it holds something. */
const undoers = new Set<() => void>();
let listening = false;

function onSignal(signal: Signal): void {
  stopListening();
  // The last registered first: the files in a folder before the folder, the lock (taken first) last, so that no other
  // run takes the lock while something of this one is still there.
  for (const undo of [...undoers].reverse())
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
 * Lets a signal that arrived while this thread ran synchronously (a file written with synchronous calls, the event loop
 * blocked) be handled now: the handler removes what is registered and ends the process here, before this returns.
 * Called by the writers between files and before each commit point (the renames into place, a run's staging folder
 * renamed into place), so that Ctrl-C is honoured within about one file's write, and never after the outputs were
 * replaced. A signal is handled only when the event loop polls (libuv reads it from its signal pipe then): one
 * `setImmediate` called from a poll-phase callback (an `fs` promise just settled, the usual case) runs in the same
 * turn's check phase, before any poll, and a pending signal was still unhandled after it in 50 of 50 tries; two
 * immediates always have a poll between them (measured: 50 of 50, from every phase), for about 6 µs (median) when
 * nothing else is pending. Costs nothing when this module's handler is not installed (nothing held, or the program
 * handles the signals itself).
 */
export async function deliverPendingSignals(): Promise<void> {
  if (!listening) return;
  await new Promise<void>((turned) => setImmediate(() => setImmediate(turned)));
}

/**
 * Stops listening once the event loop has polled again (two turns, see `deliverPendingSignals`): a signal that arrived
 * while the writer ran synchronously (the renames) waits in the loop until then, and must still find the handler, which
 * then ends the process by that signal with nothing left to undo. Removed at once, the signal would be dropped and the
 * command exit 0.
 */
function stopSoon(): void {
  setImmediate(() => setImmediate(() => undoers.size === 0 && stopListening()));
}
