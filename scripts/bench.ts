/**
 * `npm run bench`: the engine's performance budget (MODEL.md §8), measured
 * by the project's own benchmark. Prints one JSON object per line:
 *
 *   {"name":"evaluate-1000","medianMs":…,"targetMs":8,"withoutStagesMs":…,"withoutStagesTargetMs":3,…}
 *
 * evaluate-10/100/1000/10000 (stages included, as `evaluate` returns by
 * default: nine model runs, the requested workload and the eight stages'
 * user counts; `withoutStagesMs` is the one run alone) show how the cost
 * grows with the graph; sweep-60x50 is a 60-point
 * sweep of a 50-node design; simulate-100k is 100,000 requests through a
 * 10-node design. Each is warmed up, then timed over enough runs for a
 * stable median. Designs come from `bench-designs.ts` (realistic, sized).
 */
import { evaluate, sweep, simulate } from '../lib/engine';
import type { Design } from '../lib/engine/data';
import { generateDesign, tenNodeDesign } from './bench-designs';

interface Line {
  name: string;
  medianMs: number;
  /** Median CPU time of this process per run (user + system), ms: less sensitive to other load on the machine. */
  medianCpuMs?: number;
  targetMs?: number;
  perNodeUs?: number;
  /** The same evaluation without the eight stages (one model run instead of nine), ms. */
  withoutStagesMs?: number;
  withoutStagesTargetMs?: number;
  nodes?: number;
  runs?: number;
}

function median(xs: number[]): number {
  xs.sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

/** Medians of wall-clock and CPU time of `runs` calls after `warmup` untimed ones, ms. */
function measure(fn: () => unknown, warmup: number, runs: number): { wall: number; cpu: number } {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function print(line: Line) {
  console.log(JSON.stringify(line));
}

function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const want = (name: string) => only.length === 0 || only.includes(name);
  // MODEL.md §8 (version 2): evaluate-1000 with the stages ≤ 8 ms, one run ≤ 3 ms, sweep ≤ 30 ms, simulation ≤ 300 ms.
  const targets: Record<string, number> = { 'evaluate-1000': 8, 'sweep-60x50': 30, 'simulate-100k': 300 };

  for (const size of [10, 100, 1000, 10_000]) {
    const name = `evaluate-${size}`;
    if (!want(name)) continue;
    const design: Design = generateDesign(size);
    const n = design.nodes.length;
    const runs = size >= 10_000 ? 25 : size >= 1000 ? 200 : 1000;
    const t = measure(() => evaluate(design), Math.max(10, runs / 4), runs);
    const one = measure(() => evaluate(design, undefined, { stages: false }), Math.max(10, runs / 4), runs);
    print({
      name,
      medianMs: round(t.wall),
      ...(targets[name] ? { targetMs: targets[name] } : {}),
      perNodeUs: round((t.wall * 1000) / n, 2),
      medianCpuMs: round(t.cpu),
      withoutStagesMs: round(one.wall),
      ...(name === 'evaluate-1000' ? { withoutStagesTargetMs: 3 } : {}),
      nodes: n,
      runs,
    });
  }

  if (want('sweep-60x50')) {
    const design = generateDesign(50);
    const t = measure(() => sweep(design, 1_000, 100_000_000, 60), 20, 100);
    print({ name: 'sweep-60x50', medianMs: round(t.wall), targetMs: targets['sweep-60x50'], medianCpuMs: round(t.cpu), nodes: design.nodes.length, runs: 100 });
  }

  if (want('simulate-100k')) {
    const design = tenNodeDesign();
    const t = measure(() => simulate(design, { requests: 100_000, seed: 1 }), 5, 21);
    print({ name: 'simulate-100k', medianMs: round(t.wall), targetMs: targets['simulate-100k'], medianCpuMs: round(t.cpu), nodes: design.nodes.length, runs: 21 });
  }
}

main();
