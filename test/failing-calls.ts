/**
 * Failing a call of `node:fs/promises` on one path, where the failure cannot be made for real (root ignores file
 * modes). A test file loads this module in `vi.hoisted` and mocks `node:fs/promises` with `withFailingCalls`, so that
 * its `vi.mock` factory (hoisted too) and its tests share one `failing`:
 *
 *     const { failing, withFailingCalls } = await vi.hoisted(() => import("../../failing-calls.js"));
 *     vi.mock("node:fs/promises", async (importOriginal) => withFailingCalls(await importOriginal(), ["unlink"]));
 *
 * then sets `failing` in a test (and clears it after each).
 */

/** `<function>:<path suffix>` -> error code: the calls of that function on a path ending so fail with that code. */
export const failing = new Map<string, string>();

/** The error the call of `name` on `path` fails with (`failing`), or `undefined`: the call is made. */
function failureOf(name: string, path: unknown): NodeJS.ErrnoException | undefined {
  for (const [key, code] of failing) if (key.startsWith(`${name}:`) && String(path).endsWith(key.slice(name.length + 1))) return Object.assign(new Error(`${code}: ${String(path)}`), { code });
  return undefined;
}

/** `actual` (`node:fs/promises`) with its functions `names` failing as `failing` says, for a `vi.mock` factory. */
export function withFailingCalls<Module extends object>(actual: Module, names: readonly (keyof Module & string)[]): Module {
  const wrapped = names.map((name) => {
    const call = actual[name] as (path: unknown, ...rest: unknown[]) => Promise<unknown>;
    const failingCall = (path: unknown, ...rest: unknown[]) => {
      const error = failureOf(name, path);
      return error ? Promise.reject(error) : call(path, ...rest);
    };
    return [name, failingCall];
  });
  return { ...actual, default: actual, ...Object.fromEntries(wrapped) };
}
