// The soak's measurements of one page (one browser context, so one renderer process):
// an init script that records what a sample cannot see afterwards, and a sampler.
//
// The init script (every document of the page, before the app's own scripts):
// - counts the live timers: every setTimeout not yet fired or cleared, every setInterval not
//   yet cleared (window.setTimeout & co. wrapped; the app's wasm-bindgen glue calls them);
// - keeps every WebAssembly.Memory the app's modules export (the split build's main module
//   exports it and its parts import it), to read its buffer's size — the high-water mark, as
//   WebAssembly memory never shrinks — and the main module's `skyglass_heap_in_use` (src/heap.rs:
//   the bytes its allocator has handed out and not had back), to tell a leak from that;
// - counts the page's API requests (fetches under /proxy/), their answers (settled either
//   way), and the timers of 500 ms or more that fired (the polling policy's shortest wait):
//   what the "no request storm" check weighs the requests against;
// - reports to the test, through an exposed binding, the moment a payload touches the XSS
//   canary `window.__skyglassPwned` or the crash panel `#skyglass-crashed` appears: a record
//   made as it happens, in whatever document, not a read after a navigation that already
//   replaced the document.
// The sampler forces a garbage collection first (HeapProfiler.collectGarbage), so the JS heap
// and the DOM counters count what is retained, not what is waiting to be collected, then
// takes a heap snapshot for the JS heap's objects (see `jsObjectBytes`).
import type { CDPSession, Page } from "@playwright/test";

export type Sample = {
  /** Seconds since the soak started. */
  t: number;
  wasmBytes: number;
  /** Bytes the app's allocator has handed out and not had back. */
  wasmInUseBytes: number;
  /** JS objects the app's Rust code holds (live slots of wasm-bindgen's externref table):
   * one that is never dropped keeps its object, and all it reaches, in the JS heap. */
  jsRefsHeld: number;
  /** The JS heap as `Runtime.getHeapUsage` gives it (reported, not judged: it includes the
   * code V8 keeps compiling as functions get hot, which grows for an hour or more). */
  jsHeapBytes: number;
  /** The JS heap's objects — strings, arrays, objects, closures, shapes — from a heap
   * snapshot: the JS heap without compiled code and without the browser's native records
   * (DOM nodes are counted apart; DevTools' network records and the performance timeline's
   * entries grow with every request and click whatever the page does). */
  jsObjectBytes: number;
  domNodes: number;
  documents: number;
  listeners: number;
  timers: number;
};
export const METRICS = ["wasmBytes", "wasmInUseBytes", "jsRefsHeld", "jsHeapBytes", "jsObjectBytes", "domNodes", "documents", "listeners", "timers"] as const;
export type Metric = (typeof METRICS)[number];

export type Alarm = { kind: "pwned" | "crashed"; url: string };

type Probe = { wasm: number; wasmInUse: number; jsRefs: number; timers: number };
/** Running totals since the page's first document (see the init script). */
export type Counts = { api: number; answers: number; timerFires: number };

function initScript() {
  const w = window as unknown as Record<string, unknown>;
  const report = (kind: string) => {
    const binding = w.__soakAlarm as ((k: string, u: string) => void) | undefined;
    binding?.(kind, location.href);
  };
  // The canary: any write to it is a payload that ran.
  let canary: unknown;
  Object.defineProperty(window, "__skyglassPwned", {
    configurable: false,
    get: () => canary,
    set: (v) => {
      canary = v;
      report("pwned");
    },
  });
  const watchCrash = () => {
    const seen = () => document.getElementById("skyglass-crashed") !== null;
    let reported = false;
    const check = () => {
      if (!reported && seen()) {
        reported = true;
        report("crashed");
      }
    };
    new MutationObserver(check).observe(document.documentElement, { childList: true, subtree: true });
    check();
  };
  if (document.documentElement) watchCrash();
  else document.addEventListener("DOMContentLoaded", watchCrash, { once: true });

  // Requests, answers and timer fires, kept across the page's documents (sessionStorage).
  const counts: Counts = JSON.parse(sessionStorage.getItem("__soakCounts") ?? '{"api":0,"answers":0,"timerFires":0}');
  addEventListener("pagehide", () => sessionStorage.setItem("__soakCounts", JSON.stringify(counts)));
  const originalFetch = window.fetch.bind(window);
  w.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const api = url.includes("/proxy/");
    if (api) counts.api++;
    const answered = originalFetch(input, init);
    if (api) answered.then(() => counts.answers++, () => counts.answers++);
    return answered;
  };

  // Live timers.
  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const setT = window.setTimeout.bind(window);
  const clearT = window.clearTimeout.bind(window);
  const setI = window.setInterval.bind(window);
  const clearI = window.clearInterval.bind(window);
  w.setTimeout = (handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id: number = setT(
      (...a: unknown[]) => {
        timeouts.delete(id);
        if ((delay ?? 0) >= 500) counts.timerFires++;
        if (typeof handler === "function") handler(...a);
      },
      delay,
      ...args,
    );
    if (typeof handler === "function") timeouts.add(id);
    return id;
  };
  w.clearTimeout = (id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    clearT(id);
  };
  w.setInterval = (handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id: number = setI(handler, delay, ...args);
    intervals.add(id);
    return id;
  };
  w.clearInterval = (id?: number) => {
    if (id !== undefined) intervals.delete(id);
    clearI(id);
  };

  // WASM memories.
  const memories: WebAssembly.Memory[] = [];
  const inUse: (() => number)[] = [];
  const refTables: WebAssembly.Table[] = [];
  const liveRefs = (t: WebAssembly.Table) => {
    let n = 0;
    // (A slot given back holds null; the table's first slots hold undefined and null.)
    for (let i = 0; i < t.length; i++) if (t.get(i) != null) n++;
    return n;
  };
  const keep = (instance: WebAssembly.Instance | undefined) => {
    for (const e of Object.values(instance?.exports ?? {})) {
      if (e instanceof WebAssembly.Memory && !memories.includes(e)) memories.push(e);
    }
    const f = instance?.exports.skyglass_heap_in_use;
    if (typeof f === "function") inUse.push(f as () => number);
    const t = instance?.exports.__wbindgen_externrefs;
    if (t instanceof WebAssembly.Table && !refTables.includes(t)) refTables.push(t);
  };
  const wa = WebAssembly as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = wa[name].bind(WebAssembly);
    wa[name] = async (...a: unknown[]) => {
      const result = (await original(...a)) as { instance?: WebAssembly.Instance } | WebAssembly.Instance;
      keep(result instanceof WebAssembly.Instance ? result : result.instance);
      return result;
    };
  }
  w.__soakProbe = (): Probe => ({
    wasm: memories.reduce((n, m) => n + m.buffer.byteLength, 0),
    wasmInUse: inUse.reduce((n, f) => n + (f() >>> 0), 0),
    jsRefs: refTables.reduce((n, t) => n + liveRefs(t), 0),
    timers: timeouts.size + intervals.size,
  });
  w.__soakCounts = (): Counts => ({ ...counts });
}

/** One page under measurement: its probe installed, its alarms collected. */
export class Probed {
  readonly alarms: Alarm[] = [];
  readonly samples: Sample[] = [];
  private cdp?: CDPSession;

  constructor(
    readonly name: string,
    readonly page: Page,
  ) {}

  async install() {
    await this.page.exposeFunction("__soakAlarm", (kind: Alarm["kind"], url: string) => this.alarms.push({ kind, url }));
    await this.page.addInitScript(initScript);
  }

  /** Samples the page now (`t`: seconds since the soak started). */
  async sample(t: number): Promise<Sample> {
    if (!this.cdp) {
      this.cdp = await this.page.context().newCDPSession(this.page);
      await this.cdp.send("HeapProfiler.enable");
    }
    await this.cdp.send("HeapProfiler.collectGarbage");
    const heap = await this.cdp.send("Runtime.getHeapUsage");
    const jsObjectBytes = await this.objectBytes();
    const dom = await this.cdp.send("Memory.getDOMCounters");
    const probe = await this.page.evaluate(() => (window as unknown as { __soakProbe: () => Probe }).__soakProbe());
    const s: Sample = {
      t: Math.round(t),
      wasmBytes: probe.wasm,
      wasmInUseBytes: probe.wasmInUse,
      jsRefsHeld: probe.jsRefs,
      jsHeapBytes: heap.usedSize,
      jsObjectBytes,
      domNodes: dom.nodes,
      documents: dom.documents,
      listeners: dom.jsEventListeners,
      timers: probe.timers,
    };
    this.samples.push(s);
    return s;
  }

  /** The self sizes of a heap snapshot's nodes, compiled code and native ones aside. */
  private async objectBytes(): Promise<number> {
    const cdp = this.cdp!;
    const chunks: string[] = [];
    const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
    cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
    try {
      await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    } finally {
      cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
    }
    const snapshot = JSON.parse(chunks.join("")) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
    };
    const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
    const type = fields.indexOf("type");
    const size = fields.indexOf("self_size");
    const names = types[0];
    let bytes = 0;
    for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
      if (!["code", "native", "synthetic"].includes(names[snapshot.nodes[i + type]])) bytes += snapshot.nodes[i + size];
    }
    return bytes;
  }

  /** The page's requests, answers and timer fires so far. */
  async counts(): Promise<Counts> {
    return this.page.evaluate(() => (window as unknown as { __soakCounts: () => Counts }).__soakCounts());
  }
}
