import { performance } from 'node:perf_hooks';
import { computeSlots } from '../server/availability/slots.js';
import { teamSlotsOf } from '../server/availability/team-slots.js';
import { busyProviderInput, teamInputs } from './lib/scenario.js';
import { median, quantile } from './lib/stats.js';

export interface ComputeFigures {
  medianMs: number;
  p99Ms: number;
  /** This process's CPU time per call (user + system), median over runs: what load from others moves least. */
  cpuMs: number;
  slots: number;
  runs: number;
  callsPerRun: number;
}

/**
 * Benchmark 1: `computeSlots` alone, in this process (it is a pure function: nothing to load over the network).
 * Each run times `calls` calls one by one; the figures are the medians over runs of each run's median and p99.
 */
export function benchSlotsCompute(options: { runs?: number; calls?: number } = {}): ComputeFigures {
  const input = busyProviderInput();
  return timeCalls(() => computeSlots(input).length, options);
}

/**
 * Benchmark 1b: "any available" for a team, in this process: each of 10 members' slots over 60 days (their own
 * hours, overrides and appointments; see `teamInputs`) and their union, as the slots endpoint computes them.
 */
export function benchTeamSlotsCompute(options: { runs?: number; calls?: number } = {}): ComputeFigures {
  const members = teamInputs();
  const range = members[0]!.input.range;
  return timeCalls(() => teamSlotsOf(members, 1, { range }).length, options);
}

/**
 * Times `calls` calls one by one per run, after a warm-up; medians over runs of each run's median and p99, and of its
 * CPU time per call.
 */
function timeCalls(call: () => number, options: { runs?: number; calls?: number }): ComputeFigures {
  const runs = options.runs ?? 5;
  const calls = options.calls ?? 300;
  let slots = 0;
  for (let i = 0; i < 200; i++) slots = call(); // warm up the JIT
  const medians: number[] = [];
  const p99s: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < runs; run++) {
    const times: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      call();
      times.push(performance.now() - started);
    }
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000 / calls);
    medians.push(median(times));
    p99s.push(quantile(times, 0.99));
  }
  return { medianMs: median(medians), p99Ms: median(p99s), cpuMs: median(cpus), slots, runs, callsPerRun: calls };
}
