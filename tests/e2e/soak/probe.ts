// The soak's measurements of one page (one browser context, so one renderer process):
// an init script that records what a sample cannot see afterwards, and a sampler.
//
// The init script (every document of the page, before the app's own scripts):
// - counts the live timers: every setTimeout not yet fired or cleared, every setInterval not
//   yet cleared (window.setTimeout & co. wrapped; the app's wasm-bindgen glue calls them);
// - keeps every WebAssembly.Memory the app's modules export (the split build's main module
//   exports it and its parts import it), to read its buffer's size;
// - reports to the test, through an exposed binding, the moment a payload touches the XSS
//   canary `window.__skyglassPwned` or the crash panel `#skyglass-crashed` appears: a record
//   made as it happens, in whatever document, not a read after a navigation that already
//   replaced the document.
// The sampler forces a garbage collection first (HeapProfiler.collectGarbage), so the JS heap
// and the DOM counters count what is retained, not what is waiting to be collected.
import type { CDPSession, Page } from "@playwright/test";

export type Sample = {
  /** Seconds since the soak started. */
  t: number;
  wasmBytes: number;
  jsHeapBytes: number;
  domNodes: number;
  documents: number;
  listeners: number;
  timers: number;
};
export const METRICS = ["wasmBytes", "jsHeapBytes", "domNodes", "documents", "listeners", "timers"] as const;
export type Metric = (typeof METRICS)[number];

export type Alarm = { kind: "pwned" | "crashed"; url: string };

type Probe = { wasm: number; timers: number };

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
  const keep = (instance: WebAssembly.Instance | undefined) => {
    for (const e of Object.values(instance?.exports ?? {})) {
      if (e instanceof WebAssembly.Memory && !memories.includes(e)) memories.push(e);
    }
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
    timers: timeouts.size + intervals.size,
  });
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
    const dom = await this.cdp.send("Memory.getDOMCounters");
    const probe = await this.page.evaluate(() => (window as unknown as { __soakProbe: () => Probe }).__soakProbe());
    const s: Sample = {
      t: Math.round(t),
      wasmBytes: probe.wasm,
      jsHeapBytes: heap.usedSize,
      domNodes: dom.nodes,
      documents: dom.documents,
      listeners: dom.jsEventListeners,
      timers: probe.timers,
    };
    this.samples.push(s);
    return s;
  }
}
