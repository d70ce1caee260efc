// The soak's budgets on the samples of one page (see probe.ts), for every metric:
// - flat: the last sample is at most 10 % above the baseline (the first sample at or after
//   `baselineAt`: 5 minutes into the long soak, 1 minute into the short one), or a few units
//   above it for counts too small for 10 % to be one (`SLACK`);
// - no upward trend: the least-squares slope over the trend window (the last hour of the
//   long soak, everything after the baseline in the short one), times the window's length,
//   is at most 5 % of the baseline (plus the same slack). Half the end budget: a trend that
//   would use up the whole 10 % within one window fails even when the last sample happens to
//   be low. For scale: the list alone refreshes 12 times a minute, so a leak of one kilobyte
//   per refresh is 720 kB an hour, several times 5 % of any of these baselines (~1.4 MB of
//   JS objects, 0.1–0.2 MB of WASM memory in use on the lists); and the samples come after a forced garbage collection, so their noise is far
//   below it. The short form's window is a minute and a half, still mostly the JIT's and
//   the caches' warm-up (the heap grows ~50 kB a minute there, then slows down): it gets the
//   end budget (10 %) for its trend too, enough for any leak of the size of a view's data.
// A metric going down is never a failure: memory given back is not a leak.
import type { Metric, Sample } from "./probe";
import { METRICS } from "./probe";

/** Reported but not judged: the JS heap as V8 counts it includes the code it keeps compiling
 * as functions get hot (an hour-long rise of ~5 kB/min seen in 2026-12-07's long soak, with
 * every JS object type flat to the byte in heap snapshots 6 minutes apart); its objects
 * (`jsObjectBytes`) are judged instead. */
const REPORTED_ONLY: readonly Metric[] = ["jsHeapBytes"];

/** WebAssembly memory grows in 64 KiB pages and never shrinks: its size is the most that was
 * ever in use at once, and it rises a step whenever a larger answer than any before arrives
 * (hostile strings make pages' sizes vary) — one step of three pages was 11 % of a list's
 * 1.7 MB. Four pages of slack on that high-water mark; the leak measure is `wasmInUseBytes`,
 * judged without any. */
const WASM_PAGES_SLACK = 4 * 64 * 1024;
/** Absolute slack for small counts: a view's retry or refresh timer may or may not be
 * pending at the instant of a sample, and a detached document may await its collection. */
const SLACK: Record<Metric, number> = { wasmBytes: WASM_PAGES_SLACK, wasmInUseBytes: 0, jsRefsHeld: 8, jsHeapBytes: 0, jsObjectBytes: 0, domNodes: 0, documents: 1, listeners: 0, timers: 4 };
export const END_BUDGET = 0.1;
export const TREND_BUDGET = 0.05;
export const SHORT_TREND_BUDGET = 0.1;

/** Least-squares slope of `y` over `t`, in units per minute. */
export function slopePerMinute(points: { t: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - mt) * (p.y - my);
    den += (p.t - mt) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

export type Verdict = {
  metric: Metric;
  baseline: number;
  end: number;
  /** Units per minute over the trend window. */
  slope: number;
  /** The slope times the window's length, in units. */
  trend: number;
  windowMinutes: number;
  problems: string[];
};

/** The verdicts of one page's samples: `baselineAt` and `trendMinutes` in seconds and minutes,
 * `trendBudget` a fraction of the baseline. */
export function judge(samples: Sample[], baselineAt: number, trendMinutes: number, trendBudget = TREND_BUDGET): Verdict[] {
  const base = samples.find((s) => s.t >= baselineAt);
  const last = samples[samples.length - 1];
  if (!base || !last || last === base) throw new Error(`too few samples to judge: ${samples.length}, none after ${baselineAt} s`);
  const windowStart = Math.max(base.t, last.t - trendMinutes * 60);
  const window = samples.filter((s) => s.t >= windowStart);
  const windowMinutes = (last.t - windowStart) / 60;
  return METRICS.filter((m) => !REPORTED_ONLY.includes(m)).map((metric) => {
    const baseline = base[metric];
    const end = last[metric];
    const slope = slopePerMinute(window.map((s) => ({ t: s.t, y: s[metric] })));
    const trend = slope * windowMinutes;
    const problems: string[] = [];
    if (end > baseline * (1 + END_BUDGET) + SLACK[metric]) {
      problems.push(`${metric} ended at ${end}, more than ${END_BUDGET * 100} % above ${baseline} (at ${base.t} s)`);
    }
    if (trend > baseline * trendBudget + SLACK[metric]) {
      problems.push(`${metric} trends up by ${trend.toFixed(1)} over ${windowMinutes.toFixed(1)} min (${slope.toFixed(2)}/min), more than ${trendBudget * 100} % of ${baseline}`);
    }
    return { metric, baseline, end, slope, trend, windowMinutes, problems };
  });
}
