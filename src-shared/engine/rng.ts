/**
 * The engine's seeded random source: xoshiro128** (Blackman & Vigna), 128 bits of state, period 2^128 − 1.
 * The four state words are filled from the seed by splitmix32, so seeds 0, 1, 2… give unrelated streams.
 * Only 32-bit integer arithmetic (Math.imul, shifts) is used, so a seed gives the bit-identical sequence in
 * every JavaScript engine. Not for cryptography.
 */

export interface EngineRng {
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 32 bits of resolution. */
  uniform(): number;
  /** Uniform float in [lo, hi). */
  uniformIn(lo: number, hi: number): number;
  /** Standard normal N(0, 1) by the Box–Muller transform (the second value of each pair is kept for the next call). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Shuffle `items` in place (Fisher–Yates) and return it. */
  shuffle<T>(items: T[]): T[];
}

/** splitmix32 step: turns a counter into a well-mixed 32-bit word (used only for seeding). */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

class Xoshiro128 implements EngineRng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Second Box–Muller value waiting to be returned, or NaN when there is none. */
  private spare = NaN;

  constructor(seed: number, state?: readonly [number, number, number, number]) {
    if (state) {
      [this.s0, this.s1, this.s2, this.s3] = state.map((v) => v | 0) as [number, number, number, number];
      if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) throw new Error('xoshiro128** state must not be all zero');
      return;
    }
    let x = Math.trunc(seed) | 0;
    this.s0 = splitmix32(x);
    x = (x + 0x9e3779b9) | 0;
    this.s1 = splitmix32(x);
    x = (x + 0x9e3779b9) | 0;
    this.s2 = splitmix32(x);
    x = (x + 0x9e3779b9) | 0;
    this.s3 = splitmix32(x);
    // An all-zero state would stay zero forever; splitmix32 makes this practically impossible, but be sure.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    // result = rotl(s1 * 5, 7) * 9
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = (n3 << 11) | (n3 >>> 21);
    return result;
  }

  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  uniformIn(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = NaN;
      return v;
    }
    // u1 in (0, 1] so log(u1) is finite.
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const a = 2 * Math.PI * u2;
    this.spare = r * Math.sin(a);
    return r * Math.cos(a);
  }

  int(n: number): number {
    if (!(n >= 1)) throw new Error(`rng.int(n) needs n ≥ 1, got ${n}`);
    return Math.floor(this.uniform() * n);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
}

/** A new generator; the same seed always yields the same sequence. */
export function createEngineRng(seed: number): EngineRng {
  return new Xoshiro128(seed);
}

/** A generator started from an explicit 128-bit state (four 32-bit words, not all zero): for reference tests. */
export function createEngineRngFromState(state: readonly [number, number, number, number]): EngineRng {
  return new Xoshiro128(0, state);
}
