// The fault suite runs reduced in `npm test` and at full size with `npm run test:faults`
// (SNOWPARK_LOCAL_FAULTS=full). FAULT_SEED replays a run: every suite prints its seed.

export interface FaultConfig {
  full: boolean;
  seed: number;
  cancelTrials: number;
  signalTrials: number;
  /** Cancels by the handler returning, and by a worksheet's cancel. */
  returnTrials: number;
  worksheetTrials: number;
  valueSizesMb: number[];
}

export function faultConfig(): FaultConfig {
  const full = process.env.SNOWPARK_LOCAL_FAULTS === 'full';
  const seed = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);
  return {
    full,
    seed,
    cancelTrials: full ? 400 : 16,
    signalTrials: full ? 30 : 3,
    returnTrials: full ? 40 : 3,
    worksheetTrials: full ? 100 : 6,
    valueSizesMb: full ? [1, 8, 16, 40, 64] : [1, 4],
  };
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
