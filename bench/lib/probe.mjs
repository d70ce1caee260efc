// What bench.mjs puts in every page before the page's own scripts run (Playwright
// addInitScript: it runs in the page, so it must be self-contained). It
// - seeds the app's storage with the benchmark's connections and their tokens, exactly as
//   the app keeps them (src/ui/state.rs, src/connection.rs): localStorage
//   "skyglass.connections" (JSON list of connections), sessionStorage "skyglass.token.<id>";
// - records when the first instance row (`tr.instance-row`) enters the DOM
//   (performance.now(), i.e. ms since navigation start);
// - records keydown and scroll times, and offers the timing helpers bench.mjs calls
//   through page.evaluate (window.__bench).
export function probe(seed) {
  if (window.__bench) return;
  try {
    if (location.protocol === "http:" && location.hostname === "127.0.0.1") {
      localStorage.setItem("skyglass.connections", JSON.stringify(seed.connections));
      for (const [id, token] of Object.entries(seed.tokens)) sessionStorage.setItem(`skyglass.token.${id}`, token);
    }
  } catch {
    // about:blank and the like have no storage
  }
  const B = (window.__bench = {
    firstRow: null,
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
  });

  // 1. The first instance row in the DOM (figure 2). A MutationObserver callback runs
  //    right after the task (or microtask) that inserted the row.
  const first = new MutationObserver(() => {
    if (B.firstRow === null && document.querySelector("tr.instance-row")) {
      B.firstRow = performance.now();
      first.disconnect();
    }
  });
  first.observe(document, { childList: true, subtree: true });

  const forceLayout = () => void document.documentElement.offsetHeight;
  // The end of the current task (its listeners and microtasks): a message posted now runs
  // after it; there the layout is forced and the time noted as a change.
  const markTaskEnd = () => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      forceLayout();
      B.changes.push(performance.now());
    };
    ch.port2.postMessage(0);
  };

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
    "input",
    () => {
      if (B.mo) markTaskEnd();
    },
    true,
  );
  addEventListener(
    "scroll",
    () => {
      B.scrolls++;
      B.lastScroll = performance.now();
      if (B.mo) markTaskEnd();
      const w = B.scrollWaiter;
      B.scrollWaiter = null;
      if (w) w(B.lastScroll);
    },
    true,
  );

  /** Starts watching `sel`'s subtree: every DOM change batch forces layout and notes the
   *  time after it; every frame notes its rAF time and the end of its work (a message
   *  posted from rAF runs after the frame's style, layout and paint). */
  B.watch = (sel) => {
    B.unwatch();
    const root = document.querySelector(sel);
    if (!root) throw new Error(`nothing matches ${sel}`);
    B.changes = [];
    B.rafs = [];
    B.frameEnds = [];
    B.mo = new MutationObserver(() => {
      forceLayout();
      B.changes.push(performance.now());
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
  };

  /** Waits until `sel`'s subtree has been quiet for `quietMs` (and two frames have ended)
   *  after `since`, at most `maxMs`. workMs: `since` → the end of the forced layout after
   *  the last DOM change (or the end of the task that handled the input); paintMs: `since`
   *  → the end of the first frame after that. */
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

  /** Scrolls `sel` from top to bottom in at most `maxSteps` equal jumps (each at least a
   *  screen), waiting for each to settle; at most `maxMs`. */
  B.scrollAll = async (sel, { maxSteps = 400, maxMs = 120_000, quietMs = 50 } = {}) => {
    const vp = document.querySelector(sel);
    if (!vp) throw new Error(`nothing matches ${sel}`);
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    vp.scrollTop = 0;
    await sleep(200);
    const range = vp.scrollHeight - vp.clientHeight;
    if (vp.clientHeight < 48 || range < 1 || getComputedStyle(vp).overflowY === "visible")
      return {
        error: `the viewport does not scroll (height ${vp.clientHeight} px, content ${vp.scrollHeight} px, overflow-y ${getComputedStyle(vp).overflowY})`,
      };
    const steps = Math.max(1, Math.min(maxSteps, Math.ceil(range / Math.max(1, vp.clientHeight))));
    const start = performance.now();
    B.clear();
    const results = [];
    for (let k = 1; k <= steps && performance.now() - start < maxMs; k++) {
      const y = Math.round((range * k) / steps);
      const got = new Promise((res) => (B.scrollWaiter = res));
      vp.scrollTop = y;
      const tScroll = await Promise.race([got, sleep(1000).then(() => null)]);
      if (tScroll === null) {
        B.scrollWaiter = null;
        results.push({ y, noScrollEvent: true });
        if (results.length >= 3 && results.slice(-3).every((r) => r.noScrollEvent))
          return { error: `no scroll event after setting scrollTop (${vp.scrollTop} px of ${range} px)` };
        continue;
      }
      const r = await B.settle({ since: tScroll, quietMs, maxMs: 3000 });
      results.push({ y, ...r, covered: B.covered(vp) });
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
