import { readFileSync } from 'fs';
import { performance } from 'perf_hooks';

export interface LagSamples {
  /** How late each firing of a 10 ms interval timer was, ms. */
  lags: number[];
  /**
   * The main thread's own CPU time between consecutive firings, ms (Linux; empty elsewhere).
   * On a shared machine a late timer is partly waiting for a core: this is the part that is
   * the thread's own work, the stall the code itself causes.
   */
  busyMs: number[];
}

/**
 * Event-loop lag as the performance figures report it. Shared by the extension-host test
 * and the plain-Node bench (bench/engineLoopLag.bench.ts) so their figures compare; no
 * `vscode` here.
 */
export function startLagMeter(): { stop: () => LagSamples } {
  const samples: LagSamples = { lags: [], busyMs: [] };
  let expected = performance.now() + 10;
  let cpuBefore = threadCpuNs();
  const timer = setInterval(() => {
    const now = performance.now();
    samples.lags.push(Math.max(0, now - expected));
    expected = now + 10;
    const cpu = threadCpuNs();
    if (cpu !== undefined && cpuBefore !== undefined) samples.busyMs.push((cpu - cpuBefore) / 1e6);
    cpuBefore = cpu;
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

/** This thread's time on a CPU so far (the first field of Linux's schedstat), ns. */
function threadCpuNs(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}
