/**
 * A tiny seeded pseudo-random generator (mulberry32). Rules, bots and test
 * fixtures take their chance from here so that a seed replays exactly;
 * the platform's unseeded generator is never used inside shared/.
 */
export type Random = () => number;

/**
 * A generator of floats in [0, 1) fully determined by `seed` (any 32-bit
 * integer; other numbers are truncated to one).
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max] (both included) drawn from `random`. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
