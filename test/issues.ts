/** Test helper: the issues of the `ValidationError` a call throws. */
import { ValidationError, type Issue } from "../src/errors.js";

/** The issues `run` throws as a `ValidationError`; fails when it throws anything else or nothing. */
export function issuesOf(run: () => unknown): Issue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error("expected a ValidationError");
}
