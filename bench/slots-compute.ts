import { performance } from 'node:perf_hooks';
import { computeSlots } from '../server/availability/slots.js';
import { busyProviderInput } from './lib/scenario.js';
import { median, quantile } from './lib/stats.js';

export interface ComputeFigures {
  medianMs: number;
  p99Ms: number;
  slots: number;
  runs: number;
  callsPerRun: number;
}

/**
 * Benchmark 1: `computeSlots` alone, in this process (it is a pure function: nothing to load over the network).
 * Each run times `calls` calls one by one; the figures are the medians over runs of each run's median and p99.
 */
export function benchSlotsCompute(options: { runs?: number; calls?: number } = {}): ComputeFigures {
  const runs = options.runs ?? 5;
  const calls = options.calls ?? 300;
  const input = busyProviderInput();
  let slots = 0;
  for (let i = 0; i < 200; i++) slots = computeSlots(input).length; // warm up the JIT
  const medians: number[] = [];
  const p99s: number[] = [];
  for (let run = 0; run < runs; run++) {
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      computeSlots(input);
      times.push(performance.now() - started);
    }
    medians.push(median(times));
    p99s.push(quantile(times, 0.99));
  }
  return { medianMs: median(medians), p99Ms: median(p99s), slots, runs, callsPerRun: calls };
}
