// A small seeded PRNG for demo data. Not for anything secret.
//
// mulberry32: 32-bit state, full period 2^32, good enough statistical quality
// for sample data, and the same sequence on every platform (only 32-bit integer
// arithmetic via Math.imul and >>>), which is what makes the demo reproducible.

/** Returns a generator of floats in [0, 1) fully determined by `seed` (taken modulo 2^32). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience draws over one mulberry32 stream. Same seed, same calls: same results. */
export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. The array must not be empty. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty array');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One element, with probability proportional to its weight (weights > 0). */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** A float log-uniformly distributed in [min, max] (min > 0): every decade equally likely. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
  }

  /**
   * A Pareto-distributed float >= xmin: most draws near xmin, a few very large.
   * Smaller alpha means a heavier tail.
   */
  pareto(xmin: number, alpha: number): number {
    // 1 - u is in (0, 1], so the power never divides by zero.
    return xmin / Math.pow(1 - this.next(), 1 / alpha);
  }

  /** A new, independent stream derived from this one (for sub-generators whose call counts vary). */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}
