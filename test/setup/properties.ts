/**
 * Property tests (fast-check) run from one fixed seed, so `npm test` is the same run on every machine and a red CI
 * means a change broke something, not that a random draw found an old corner. `PROPERTY_SEED=random` draws a new seed
 * per assertion (fast-check's default) and `PROPERTY_SEED=<n>` replays one; `npm run test:explore` runs the property
 * tests from random seeds with many more runs, to look for new counterexamples. A test that passes its own `seed`
 * keeps it.
 */
import fc from "fast-check";

const setting = process.env.PROPERTY_SEED;
if (setting !== "random") {
  const seed = setting === undefined || setting === "" ? 20_261_204 : Number(setting);
  if (!Number.isSafeInteger(seed)) throw new Error(`PROPERTY_SEED is ${JSON.stringify(setting)}; expected an integer or "random"`);
  fc.configureGlobal({ seed });
}
