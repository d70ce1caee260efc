// What bench.mjs puts in every page before the page's own scripts run (Playwright
// addInitScript: it runs in the page, so it must be self-contained). It
// - seeds the app's storage with the benchmark's connections and their tokens, exactly as
//   the app keeps them (src/ui/state.rs, src/connection.rs): localStorage
//   "skyglass.connections" (JSON list of connections), sessionStorage "skyglass.token.<id>"
//   (a null seed leaves the storage empty: a first visit);
// - records when the first instance row (`tr.instance-row`) enters the DOM and when it is
//   painted (figure 2), and when the overview is usable and painted (figure 1a);
// - records keydown and scroll times, marks every measured interaction in the performance
//   timeline (performance.mark: the trace bench.mjs records has them), and offers the
//   timing helpers bench.mjs calls through page.evaluate (window.__bench);
// - with `wasmHook`, notes every WebAssembly.Memory the page's modules export or import
//   (WebAssembly.instantiate, instantiateStreaming and Instance wrapped), for figure 6:
//   CDP's Runtime.queryObjects crashes the renderer on the split build.
export function probe({ seed, wasmHook }) {
  if (window.__bench) return;
  try {
    if (seed && location.protocol === "http:" && location.hostname === "127.0.0.1") {
      localStorage.setItem("skyglass.connections", JSON.stringify(seed.connections));
      for (const [id, token] of Object.entries(seed.tokens)) sessionStorage.setItem(`skyglass.token.${id}`, token);
    }
  } catch {
    // about:blank and the like have no storage
  }
  try {
    performance.setResourceTimingBufferSize(5000); // a deep link loads dozens of chunks
  } catch {
    // no Resource Timing
  }
  const B = (window.__bench = {
    firstRow: null,
    firstRowFrame: null,
    firstRowPaint: null,
    usable: null,
    usableFrame: null,
    keydowns: 0,
    lastKeydown: 0,
    scrolls: 0,
    lastScroll: 0,
    scrollWaiter: null,
    changes: [],
    rafs: [],
    frameEnds: [],
    mo: null,
    stopFrames: null,
    interaction: 0,
  });

  if (wasmHook) {
    const mems = new Set();
    const noteAll = (obj) => {
      try {
        for (const v of Object.values(obj ?? {})) {
          if (v instanceof WebAssembly.Memory) mems.add(v);
          else if (v && typeof v === "object" && !(v instanceof WebAssembly.Module)) for (const w of Object.values(v)) if (w instanceof WebAssembly.Memory) mems.add(w);
        }
      } catch {
        // an exotic import object: its memory is found through the exports
      }
    };
    const noteResult = (r, imports) => {
      noteAll(imports);
      noteAll((r instanceof WebAssembly.Instance ? r : r?.instance)?.exports);
      return r;
    };
    const streaming = WebAssembly.instantiateStreaming;
    if (streaming)
      WebAssembly.instantiateStreaming = function (source, imports) {
        return streaming.call(this, source, imports).then((r) => noteResult(r, imports));
      };
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (source, imports) {
      return instantiate.call(this, source, imports).then((r) => noteResult(r, imports));
    };
    WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
      construct(target, args, newTarget) {
        return noteResult(Reflect.construct(target, args, newTarget), args[1]);
      },
    });
    B.wasmMemories = () => [...mems].map((m) => m.buffer.byteLength);
  }

  /** Calls `cb(now)` at the end of the next frame: a message posted from a
   *  requestAnimationFrame callback runs after that frame's style, layout and paint. */
  const afterNextFrame = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });

  // 1. The first instance row (figure 2). A MutationObserver callback runs right after the
  //    task (or microtask) that inserted the row, before the page renders again: there the
  //    row and everything in it get `elementtiming`, so that Chromium's Element Timing
  //    reports when their text is first painted (renderTime: the frame's presentation).
  //    Beside it, the end of the frame after the insertion (rAF, then a message).
  const ELEMENT_ID = "bench-first-row";
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.identifier !== ELEMENT_ID) continue;
        const t = e.renderTime || e.loadTime;
        if (t && (B.firstRowPaint === null || t < B.firstRowPaint)) B.firstRowPaint = t;
      }
    }).observe({ type: "element", buffered: true });
  } catch {
    // no Element Timing: firstRowFrame only
  }
  const first = new MutationObserver(() => {
    if (B.firstRow !== null) return;
    const row = document.querySelector("tr.instance-row");
    if (!row) return;
    B.firstRow = performance.now();
    for (const e of [row, ...row.querySelectorAll("*")]) e.setAttribute("elementtiming", ELEMENT_ID);
    afterNextFrame((t) => (B.firstRowFrame = t));
    first.disconnect();
  });
  first.observe(document, { childList: true, subtree: true });

  /** 1b. The overview (`/`) is usable when every connection's card shows what it counted
   *  (or why it cannot): none says "Loading…". Then the end of the next frame. */
  B.watchOverview = () =>
    new Promise((resolve) => {
      const ready = () => {
        const section = document.querySelector("section.overview");
        if (!section) return false;
        const cards = [...section.querySelectorAll("li.overview-card")];
        const empty = section.querySelector("p.empty");
        if (!cards.length && !empty) return false;
        return cards.every(
          (c) => !/Loading…/.test(c.textContent) && c.querySelector(".covers, [role=alert], [data-problem], p.muted.small a"),
        ) && document.querySelector(".fleet-total");
      };
      const check = () => {
        if (B.usable !== null || !ready()) return;
        B.usable = performance.now();
        mo.disconnect();
        afterNextFrame((t) => {
          B.usableFrame = t;
          resolve({ usable: B.usable, frame: t });
        });
      };
      const mo = new MutationObserver(check);
      mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      check();
    });

  // 2. Input times: a window capture listener runs before any of the page's own.
  addEventListener(
    "keydown",
    (e) => {
      B.keydowns++;
      B.lastKeydown = e.timeStamp;
    },
    true,
  );
  addEventListener(
    "scroll",
    () => {
      B.scrolls++;
      B.lastScroll = performance.now();
      const w = B.scrollWaiter;
      B.scrollWaiter = null;
      if (w) w(B.lastScroll);
    },
    true,
  );

  /** Starts watching `sel`'s subtree: every DOM change batch notes its time (and a
   *  `bench:change` mark for the trace); every frame notes its rAF time and the end of its
   *  work (a message posted from rAF runs after the frame's style, layout and paint).
   *  Nothing here forces a layout: the trace sees the page's own work only. */
  B.watch = (sel) => {
    B.unwatch();
    const root = document.querySelector(sel);
    if (!root) throw new Error(`nothing matches ${sel}`);
    B.changes = [];
    B.rafs = [];
    B.frameEnds = [];
    B.mo = new MutationObserver(() => {
      B.changes.push(performance.now());
      performance.mark("bench:change");
    });
    B.mo.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    let on = true;
    B.stopFrames = () => (on = false);
    const ch = new MessageChannel();
    ch.port1.onmessage = () => B.frameEnds.push(performance.now());
    const tick = (ts) => {
      if (!on) return;
      B.rafs.push(ts);
      ch.port2.postMessage(0);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  B.unwatch = () => {
    B.mo?.disconnect();
    B.mo = null;
    B.stopFrames?.();
    B.stopFrames = null;
  };
  B.clear = () => {
    B.changes = [];
    B.rafs = [];
    B.frameEnds = [];
    performance.clearMarks();
  };
  /** Marks the start or the end of interaction `id` (bench:i:<id>:start|end). */
  B.mark = (id, what) => performance.mark(`bench:i:${id}:${what}`);

  /** Waits until `sel`'s subtree has been quiet for `quietMs` (and two frames have ended)
   *  after `since`, at most `maxMs`. workMs: `since` → the last DOM change (or `since`);
   *  paintMs: `since` → the end of the first frame after that. */
  B.settle = ({ since, quietMs = 300, maxMs = 5000 }) =>
    new Promise((resolve) => {
      const start = performance.now();
      const check = () => {
        const now = performance.now();
        let last = null;
        let n = 0;
        for (const t of B.changes) {
          if (t >= since) {
            n++;
            last = last === null || t > last ? t : last;
          }
        }
        const quietFrom = last ?? since;
        let framesAfter = 0;
        for (const t of B.frameEnds) if (t > quietFrom) framesAfter++;
        const timedOut = now - start > maxMs;
        if ((now - quietFrom >= quietMs && framesAfter >= 2) || timedOut) {
          const paintAt = B.frameEnds.find((t) => t > quietFrom);
          resolve({ workMs: quietFrom - since, paintMs: paintAt == null ? null : paintAt - since, changes: n, timedOut });
        } else setTimeout(check, 16);
      };
      check();
    });

  /** Whether rows cover the viewport's body (top, middle and bottom). */
  B.covered = (vp) => {
    const r = vp.getBoundingClientRect();
    const head = vp.querySelector(".vtable-header");
    const top = head ? head.getBoundingClientRect().bottom : r.top;
    const bottom = r.top + vp.clientHeight;
    const ys = [top + 2, (top + bottom) / 2, bottom - 2];
    const rows = [...vp.querySelectorAll(".vtable-row")].map((e) => e.getBoundingClientRect());
    return ys.every((y) => rows.some((q) => q.top <= y && q.bottom >= y));
  };

  /** Scrolls `sel` from top to bottom in `maxSteps` equal jumps (fewer when the list is
   *  short: each jump is at least a screen), waiting for each to settle; runs jumps
   *  `fromStep`..`toStep` of them (bench.mjs records a trace per batch), at most `maxMs`.
   *  Each jump is interaction `s<k>` in the timeline; the coverage check runs after its
   *  end mark. */
  B.scrollAll = async (sel, { maxSteps = 400, fromStep = 1, toStep = Infinity, maxMs = 120_000, quietMs = 50 } = {}) => {
    const vp = document.querySelector(sel);
    if (!vp) throw new Error(`nothing matches ${sel}`);
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    if (fromStep <= 1) {
      vp.scrollTop = 0;
      await sleep(200);
    }
    const range = vp.scrollHeight - vp.clientHeight;
    if (vp.clientHeight < 48 || range < 1 || getComputedStyle(vp).overflowY === "visible")
      return {
        error: `the viewport does not scroll (height ${vp.clientHeight} px, content ${vp.scrollHeight} px, overflow-y ${getComputedStyle(vp).overflowY})`,
      };
    const steps = Math.max(1, Math.min(maxSteps, Math.ceil(range / Math.max(1, vp.clientHeight))));
    const start = performance.now();
    B.rafs = [];
    const results = [];
    for (let k = Math.max(1, fromStep); k <= Math.min(steps, toStep) && performance.now() - start < maxMs; k++) {
      const y = Math.round((range * k) / steps);
      const got = new Promise((res) => (B.scrollWaiter = res));
      B.mark(`s${k}`, "start");
      vp.scrollTop = y;
      const tScroll = await Promise.race([got, sleep(1000).then(() => null)]);
      if (tScroll === null) {
        B.scrollWaiter = null;
        B.mark(`s${k}`, "end");
        results.push({ id: `s${k}`, y, noScrollEvent: true });
        if (results.length >= 3 && results.slice(-3).every((r) => r.noScrollEvent))
          return { error: `no scroll event after setting scrollTop (${vp.scrollTop} px of ${range} px)` };
        continue;
      }
      const r = await B.settle({ since: tScroll, quietMs, maxMs: 3000 });
      B.mark(`s${k}`, "end");
      results.push({ id: `s${k}`, y, ...r, covered: B.covered(vp) });
    }
    const rafs = B.rafs.filter((t) => t >= start);
    const intervals = rafs.slice(1).map((t, i) => t - rafs[i]);
    return {
      steps,
      done: results.length,
      range,
      clientHeight: vp.clientHeight,
      results,
      rafFrames: intervals.length,
      rafWorstMs: intervals.length ? Math.max(...intervals) : null,
      rafOver25: intervals.filter((d) => d > 25).length,
      elapsedMs: performance.now() - start,
    };
  };

  /** Clicks "Load all pages" and resolves when `.load-all` reaches an end state
   *  (done, failed, cancelled, stopped): ms from the click to that attribute change. */
  B.loadAll = (maxMs) =>
    new Promise((resolve) => {
      const btn = [...document.querySelectorAll("button")].find(
        (b) => b.getAttribute("aria-label") === "Load all pages" || b.textContent.trim() === "Load all pages",
      );
      if (!btn) {
        resolve({ state: "no-button", ms: null });
        return;
      }
      const END = ["done", "failed", "cancelled", "stopped"];
      let t0 = 0;
      let timer = 0;
      const mo = new MutationObserver(() => check());
      const check = () => {
        const s = document.querySelector(".load-all")?.getAttribute("data-load-state");
        if (END.includes(s)) {
          const ms = performance.now() - t0;
          mo.disconnect();
          clearTimeout(timer);
          resolve({ state: s, ms });
        }
      };
      mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-load-state"] });
      timer = setTimeout(() => {
        mo.disconnect();
        resolve({ state: "timeout", ms: performance.now() - t0 });
      }, maxMs);
      t0 = performance.now();
      btn.click();
    });
}
