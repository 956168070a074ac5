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
  /**
   * How long the main thread waited for a core between consecutive firings, ms (Linux:
   * runnable but not running; empty elsewhere): on a busy machine, the rest of the lag.
   */
  waitMs: number[];
}

/**
 * Event-loop lag as the performance figures report it. Shared by the extension-host test
 * and the plain-Node bench (bench/engineLoopLag.bench.ts) so their figures compare; no
 * `vscode` here.
 */
export function startLagMeter(): { stop: () => LagSamples } {
  const samples: LagSamples = { lags: [], busyMs: [], waitMs: [] };
  let expected = performance.now() + 10;
  let before = threadSchedstat();
  const timer = setInterval(() => {
    const now = performance.now();
    samples.lags.push(Math.max(0, now - expected));
    expected = now + 10;
    const after = threadSchedstat();
    if (after && before) {
      samples.busyMs.push((after.onCpuNs - before.onCpuNs) / 1e6);
      samples.waitMs.push((after.waitingNs - before.waitingNs) / 1e6);
    }
    before = after;
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

/** The tick whose lag was the longest, and what it was made of. */
export function worstTick(samples: LagSamples): { lagMs: number; ownWorkMs?: number; waitForCoreMs?: number } {
  let worst = 0;
  samples.lags.forEach((lag, i) => {
    if (lag > samples.lags[worst]) worst = i;
  });
  return { lagMs: samples.lags[worst] ?? 0, ownWorkMs: samples.busyMs[worst], waitForCoreMs: samples.waitMs[worst] };
}

/**
 * This thread's time on a CPU and time waiting on a run queue so far (the first two fields
 * of Linux's schedstat), ns.
 */
function threadSchedstat(): { onCpuNs: number; waitingNs: number } | undefined {
  try {
    const [onCpu, waiting] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ');
    return { onCpuNs: Number(onCpu), waitingNs: Number(waiting) };
  } catch {
    return undefined;
  }
}
