/** Test helper: the issues of the `ValidationError` a call throws. */
import { ValidationError, type Issue } from "../src/errors.js";

/** The `ValidationError` `run` throws (its issues, and what could be read in spite of them); fails on anything else or nothing. */
export function validationErrorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

/** The issues `run` throws as a `ValidationError`; fails when it throws anything else or nothing. */
export function issuesOf(run: () => unknown): Issue[] {
  return validationErrorOf(run).issues;
}
