/**
 * The principal eigenpair by mathjs `eigs`, loaded only when a run needs it (mathjs is heavy), and injected into the
 * pure AHP code.
 */
import type { Matrix, PrincipalEigen, PrincipalEigenpair } from "../core/weighting/eigen.js";

interface ComplexLike {
  re: number;
  im: number;
}
type Scalar = number | ComplexLike;

const re = (value: Scalar) => (typeof value === "number" ? value : value.re);
const im = (value: Scalar) => (typeof value === "number" ? 0 : value.im);

/**
 * Loads mathjs and returns a `PrincipalEigen` built on `eigs`: the eigenvalue with the largest real part (for a
 * positive matrix, the real Perron root), and its eigenvector divided by its (complex) sum, which makes it real and
 * positive whatever phase `eigs` returned it with.
 */
export async function loadMathjsEigen(): Promise<PrincipalEigen> {
  const { eigs } = await import("mathjs");
  return (matrix: Matrix): PrincipalEigenpair => {
    const result = eigs(matrix.map((row) => [...row])) as unknown as { eigenvectors: { value: Scalar; vector: Scalar[] }[] };
    let best = result.eigenvectors[0];
    for (const pair of result.eigenvectors) if (re(pair.value) > re(best.value)) best = pair;
    const sumRe = best.vector.reduce<number>((total, component) => total + re(component), 0);
    const sumIm = best.vector.reduce<number>((total, component) => total + im(component), 0);
    const norm = sumRe * sumRe + sumIm * sumIm;
    // (x + iy) / (a + ib) = ((x·a + y·b) + i(y·a - x·b)) / (a² + b²); the real part is the component.
    const vector = best.vector.map((component) => (re(component) * sumRe + im(component) * sumIm) / norm);
    return { value: re(best.value), vector };
  };
}
