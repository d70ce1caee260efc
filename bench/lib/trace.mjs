// Frame times from a Chromium trace (figure 4). bench.mjs records the page with
// browser.startTracing (CDP Tracing) while it scrolls and types; the probe marks each
// interaction with performance.mark("bench:i:<id>:start" / ":end") and every DOM change
// in the watched subtree with "bench:change" (blink.user_timing events in the trace).
//
// For each interaction, on the page's main thread (CrRendererMain):
// - t0: the start of its input event's dispatch (EventDispatch `scroll` or `keydown`);
// - the frames: Chromium's per-frame `AnimationFrame::Render` spans end each frame's
//   rendering update; a frame's boundary is the end of the main-thread task holding that
//   end (so it includes paint, layerize and commit). The interaction's frames are the
//   ones from t0 to the first frame whose rendering ends after its last DOM change: the
//   frame that shows the result;
// - per frame: total = the main thread's busy time in it (the union of every complete
//   event's interval: tasks, with the idle time between them left out), script = the union
//   of the JavaScript (and WebAssembly) run in it: FunctionCall, RunMicrotasks, TimerFire,
//   FireAnimationFrame, EvaluateScript and the garbage collections they cause. Layout that
//   script forces counts as script, as in the Long Animation Frames API.

// With BENCH_TRACE_DIR (the traces kept to read), also the detailed timeline: layout roots
// and the elements each style recalculation touched.
export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "blink.user_timing",
  "toplevel",
  "v8.execute",
  ...(process.env.BENCH_TRACE_DIR ? ["disabled-by-default-devtools.timeline"] : []),
];

const LAYOUT_EVENTS = new Set(["UpdateLayoutTree", "Layout"]);
const PAINT_EVENTS = new Set(["PrePaint", "Paint", "Layerize", "Commit"]);
const JS_EVENTS = new Set([
  "FunctionCall",
  "EvaluateScript",
  "v8.evaluateModule",
  "RunMicrotasks",
  "TimerFire",
  "FireAnimationFrame",
  "FireIdleCallback",
  "V8.Execute",
  "MinorGC",
  "MajorGC",
]);

/** Merges [start, end] intervals (µs) into sorted, disjoint ones. */
function merge(intervals) {
  intervals.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [s, e] of intervals) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The first index whose interval ends after `t` (binary search). */
function firstEndingAfter(iv, t) {
  let lo = 0;
  let hi = iv.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (iv[mid][1] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** µs of the merged intervals `iv` inside [a, b]. */
function covered(iv, a, b) {
  let sum = 0;
  for (let i = firstEndingAfter(iv, a); i < iv.length && iv[i][0] < b; i++) sum += Math.min(b, iv[i][1]) - Math.max(a, iv[i][0]);
  return sum;
}

/** The end of the merged interval holding `t` (or `t`). */
function endOfTaskAt(iv, t) {
  const i = firstEndingAfter(iv, t - 1e-9);
  return i < iv.length && iv[i][0] <= t ? iv[i][1] : t;
}

const sortedNums = (xs) => xs.sort((a, b) => a - b);
function firstAtLeast(sorted, t) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * @param {Buffer|string|object} trace  what browser.stopTracing() returned
 * @param {{id: string, input: "scroll"|"keydown"}[]} interactions
 * @returns {{ perInteraction: Record<string, object>, eventCount: number, error?: string }}
 */
export function analyzeTrace(trace, interactions) {
  const parsed = typeof trace === "object" && !Buffer.isBuffer(trace) ? trace : JSON.parse(trace.toString("utf8"));
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const someMark = events.find((e) => typeof e.name === "string" && e.name.startsWith("bench:i:"));
  if (!someMark) return { perInteraction: {}, eventCount: events.length, error: "the trace holds none of the probe's marks" };
  const { pid, tid } = someMark;
  const marks = new Map();
  const changes = [];
  const renderEnds = [];
  const dispatch = { scroll: [], keydown: [] };
  const busy = [];
  const js = [];
  const layout = [];
  const paint = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    const name = e.name;
    if (e.ph === "X" && typeof e.dur === "number") {
      const iv = [e.ts, e.ts + e.dur];
      busy.push(iv);
      if (JS_EVENTS.has(name)) js.push(iv);
      else if (LAYOUT_EVENTS.has(name)) layout.push(iv);
      else if (PAINT_EVENTS.has(name)) paint.push(iv);
      if (name === "EventDispatch") {
        const type = e.args?.data?.type;
        if (type in dispatch) dispatch[type].push(e.ts);
      }
    } else if (name === "AnimationFrame::Render" && e.ph === "e") {
      renderEnds.push(e.ts);
    } else if (name === "bench:change") {
      changes.push(e.ts);
    } else if (typeof name === "string" && name.startsWith("bench:i:")) {
      marks.set(name, e.ts);
    }
  }
  const busyIv = merge(busy);
  const jsIv = merge(js);
  const layoutIv = merge(layout);
  const paintIv = merge(paint);
  sortedNums(changes);
  sortedNums(renderEnds);
  sortedNums(dispatch.scroll);
  sortedNums(dispatch.keydown);
  if (!renderEnds.length) return { perInteraction: {}, eventCount: events.length, error: "the trace has no AnimationFrame::Render events (another Chromium?)" };

  const perInteraction = {};
  for (const { id, input } of interactions) {
    const start = marks.get(`bench:i:${id}:start`);
    const end = marks.get(`bench:i:${id}:end`);
    if (start == null || end == null) {
      perInteraction[id] = { error: "marks missing from the trace" };
      continue;
    }
    const d = dispatch[input];
    const i0 = firstAtLeast(d, start);
    if (i0 >= d.length || d[i0] > end) {
      perInteraction[id] = { error: `no ${input} event between the marks` };
      continue;
    }
    const t0 = d[i0];
    // The last DOM change of this interaction (before its end mark).
    let last = t0;
    for (let i = firstAtLeast(changes, t0); i < changes.length && changes[i] <= end; i++) last = changes[i];
    const frames = [];
    let segStart = t0;
    let shown = false;
    for (let i = firstAtLeast(renderEnds, t0); i < renderEnds.length && renderEnds[i] <= end + 50_000; i++) {
      const boundary = endOfTaskAt(busyIv, renderEnds[i]);
      if (boundary <= segStart) continue;
      frames.push({
        startUs: segStart,
        endUs: boundary,
        totalMs: covered(busyIv, segStart, boundary) / 1000,
        scriptMs: covered(jsIv, segStart, boundary) / 1000,
        // Style and layout, and paint, outside script (layout inside script counts twice here).
        layoutMs: covered(layoutIv, segStart, boundary) / 1000,
        paintMs: covered(paintIv, segStart, boundary) / 1000,
      });
      segStart = boundary;
      if (renderEnds[i] >= last) {
        shown = true;
        break;
      }
    }
    if (!frames.length) {
      perInteraction[id] = { error: "no frame rendered after the input" };
      continue;
    }
    const worst = frames.reduce((a, b) => (b.totalMs > a.totalMs ? b : a));
    perInteraction[id] = {
      frames: frames.length,
      totalMs: worst.totalMs,
      scriptMs: worst.scriptMs,
      layoutMs: worst.layoutMs,
      paintMs: worst.paintMs,
      maxScriptMs: Math.max(...frames.map((f) => f.scriptMs)),
      busyMs: frames.reduce((s, f) => s + f.totalMs, 0),
      latencyMs: (frames[frames.length - 1].endUs - t0) / 1000,
      changed: last > t0,
      shown,
    };
  }
  return { perInteraction, eventCount: events.length };
}
