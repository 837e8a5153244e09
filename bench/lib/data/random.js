/**
 * Deterministic randomness for the large data set: the same seed gives the same data on every
 * machine (no Math.random, no clock). sfc32 seeded through splitmix32; independent streams per
 * purpose, so a change in one table does not shift the data of the others.
 */

/** @param {number} seed */
function splitmix32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** @param {string} text */
function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export class Random {
  /**
   * @param {number} seed
   * @param {string} [stream] name of an independent stream
   */
  constructor(seed, stream = '') {
    const mix = splitmix32((seed >>> 0) ^ hashString(stream));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** @returns {number} 0 … 2^32-1 */
  uint32() {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** @returns {number} [0, 1) */
  next() {
    return this.uint32() / 4294967296;
  }

  /** @param {number} n @returns {number} 0 … n-1 */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** @param {number} min @param {number} max inclusive */
  range(min, max) {
    return min + this.int(max - min + 1);
  }

  /** @param {number} p */
  chance(p) {
    return this.next() < p;
  }

  /** @template T @param {readonly T[]} list @returns {T} */
  pick(list) {
    return list[this.int(list.length)];
  }

  /** Exponentially distributed with the given mean. @param {number} mean */
  exp(mean) {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A random version-4 UUID (from this stream, so reproducible). */
  uuid() {
    const hex = (n) => n.toString(16).padStart(8, '0');
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    const h = hex(a) + hex(b) + hex(c) + hex(d);
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** Fisher–Yates, in place. @template T @param {T[]} list @returns {T[]} */
  shuffle(list) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }

  /** k distinct items (k ≤ list.length). @template T @param {readonly T[]} list @param {number} k @returns {T[]} */
  sample(list, k) {
    if (k >= list.length) return [...list];
    const chosen = new Set();
    while (chosen.size < k) chosen.add(this.int(list.length));
    return [...chosen].map((i) => list[i]);
  }
}

/**
 * Walker's alias method: O(1) draws from a fixed discrete distribution.
 */
export class AliasTable {
  /** @param {ArrayLike<number>} weights */
  constructor(weights) {
    const n = weights.length;
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i];
    this.n = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small = [];
    const large = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / total;
      (scaled[i] < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop();
      const l = large.pop();
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }

  /** @param {Random} random @returns {number} an index */
  draw(random) {
    const x = random.next() * this.n;
    const i = Math.floor(x);
    return x - i < this.prob[i] ? i : this.alias[i];
  }
}

/** Zipf(–Mandelbrot) weights 1/(rank + offset)^s for ranks 1…n. @param {number} n @param {number} s @param {number} [offset] */
export function zipfWeights(n, s, offset = 0) {
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = 1 / Math.pow(i + 1 + offset, s);
  return weights;
}
