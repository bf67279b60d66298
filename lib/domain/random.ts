/** Seeded pseudo-random numbers for reproducible simulations. */

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Inverse CDF of the triangular(low, mode, high) distribution at u in [0, 1). */
export function sampleTriangular(u: number, low: number, mode: number, high: number): number {
  const span = high - low;
  if (span <= 0) return mode;
  const split = (mode - low) / span;
  return u < split
    ? low + Math.sqrt(u * span * (mode - low))
    : high - Math.sqrt((1 - u) * span * (high - mode));
}
