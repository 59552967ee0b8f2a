/** Deterministic PRNG (mulberry32) for made-up test fixtures: same seed, same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bangli regency bounding box, [minLng, minLat, maxLng, maxLat]. */
export const BANGLI_BBOX = [115.23, -8.53, 115.46, -8.14] as const;

/** A made-up [lng, lat] inside the Bangli bounding box. */
export function randomBangliPoint(rand: () => number): [number, number] {
  const [minX, minY, maxX, maxY] = BANGLI_BBOX;
  return [minX + rand() * (maxX - minX), minY + rand() * (maxY - minY)];
}
