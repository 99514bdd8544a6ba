/**
 * The principal eigenpair by mathjs `eigs`, loaded only when a run needs it (mathjs is heavy), and injected into the
 * pure AHP code.
 */
import { createRandom } from "../../core/random.js";
import { principalEigenPower, type Matrix, type PrincipalEigen, type PrincipalEigenpair } from "../../core/weighting/eigen.js";

interface ComplexLike {
  re: number;
  im: number;
}
type Scalar = number | ComplexLike;
type Eigs = (matrix: number[][]) => unknown;

const re = (value: Scalar) => (typeof value === "number" ? value : value.re);
const im = (value: Scalar) => (typeof value === "number" ? 0 : value.im);

/**
 * The principal eigenpair from mathjs `eigs`: the eigenvalue with the largest real part (for a positive matrix, the
 * real Perron root), and its eigenvector divided by its (complex) sum, which makes it real and positive whatever
 * phase `eigs` returned it with. Throws when `eigs` does not converge or returns something that is not a real
 * positive eigenpair.
 */
export function principalEigenFromEigs(eigs: Eigs, matrix: Matrix): PrincipalEigenpair {
  const result = seeded(() => eigs(matrix.map((row) => [...row]))) as { eigenvectors: { value: Scalar; vector: Scalar[] }[] };
  let best = result.eigenvectors[0];
  for (const pair of result.eigenvectors) if (re(pair.value) > re(best.value)) best = pair;
  const sumRe = best.vector.reduce<number>((total, component) => total + re(component), 0);
  const sumIm = best.vector.reduce<number>((total, component) => total + im(component), 0);
  const norm = sumRe * sumRe + sumIm * sumIm;
  // (x + iy) / (a + ib) = ((x·a + y·b) + i(y·a - x·b)) / (a² + b²); the real part is the component.
  const vector = best.vector.map((component) => (re(component) * sumRe + im(component) * sumIm) / norm);
  const imaginary = best.vector.map((component) => (im(component) * sumRe - re(component) * sumIm) / norm);
  if (Math.abs(im(best.value)) > 1e-9 || imaginary.some((part) => Math.abs(part) > 1e-9) || vector.some((component) => !(component > 0)))
    throw new RangeError("principalEigenFromEigs: eigs did not return a real positive principal eigenpair");
  return { value: re(best.value), vector };
}

/**
 * Runs `compute` with `Math.random` replaced by a seeded generator: mathjs `eigs` starts its inverse iteration from a
 * random vector, which changes the last digits of an eigenvector from one run to the next; the same seed gives the
 * same weights, byte for byte, on every run. `eigs` is synchronous, so nothing else runs while the generator is swapped.
 */
function seeded<T>(compute: () => T): T {
  const original = Math.random;
  Math.random = createRandom(1);
  try {
    return compute();
  } finally {
    Math.random = original;
  }
}

/**
 * Loads mathjs and returns a `PrincipalEigen` built on `eigs`, falling back to power iteration when `eigs` does not
 * converge (it can fail on strongly inconsistent matrices) or returns no real positive eigenpair.
 */
export async function loadMathjsEigen(): Promise<PrincipalEigen> {
  const { eigs } = await import("mathjs");
  return (matrix: Matrix): PrincipalEigenpair => {
    try {
      return principalEigenFromEigs(eigs as unknown as Eigs, matrix);
    } catch {
      return principalEigenPower(matrix);
    }
  };
}
