import { performance } from 'perf_hooks';

/**
 * Event-loop lag as the performance figures report it: how late a 10 ms interval timer
 * fires, one sample per firing. Shared by the extension-host test and the plain-Node bench
 * (bench/engineLoopLag.bench.ts) so their figures compare; no `vscode` here.
 */
export function startLagMeter(): { stop: () => number[] } {
  const lags: number[] = [];
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - expected));
    expected = now + 10;
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return lags;
    },
  };
}
