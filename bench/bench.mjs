#!/usr/bin/env node
// `make bench`: the figures of issue 12, measured in one run on this machine, each beside its
// budget (and the plain-JS baseline where it has one). bench/run.sh builds what this needs
// first (the production build of deploy/build.sh with and without the Demo feature, cloudsim,
// the decode helper); this script starts the cloudsim servers and the nginx of deploy/
// (rendered by deploy/render-test.py) on 127.0.0.1, drives Debian's headless Chromium with
// Playwright (the install in tests/e2e/node_modules), prints the table and writes
// bench/results/latest.md and latest.json. Figures over budget are reported, not failed: the
// exit status is non-zero only when the benchmark could not run. See bench/README.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startCloudsim, stopAll as stopCloudsims } from "./lib/cloudsim.mjs";
import { startNginx, stopNginx } from "./lib/nginx.mjs";
import { probe } from "./lib/probe.mjs";
import { analyzeTrace, TRACE_CATEGORIES } from "./lib/trace.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "bench/out");
const RESULTS = path.join(ROOT, "bench/results");
const CLOUDSIM = path.join(ROOT, "target/release/cloudsim");
// Playwright as the end-to-end tests installed it (never a downloaded browser).
const { chromium } = createRequire(path.join(ROOT, "tests/e2e/package.json"))("playwright-core");

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const VIEWPORT = { width: 1280, height: 900 };
const TOKEN = "bench-token";
const PROJECT = "bench-project";
const LATENCY_MS = 50;
const TTFR_RUNS = 11; // per page, after one untimed warm-up each
const LOAD_ALL_RUNS = 3; // per service
const SCROLL_STEPS = 400; // jumps over the whole list
const SCROLL_PER_TRACE = 100; // jumps recorded in one trace
const KiB = 1024;
const MiB = 1024 * 1024;
const WATCHDOG_MS = 20 * 60_000;
// Figure 7: "no worse than linear" = 10× the rows cost at most 10^1.1 ≈ 12.6× as much.
const GROWTH_MAX_EXPONENT = 1.1;

// The cloudsim servers: proxy name → fleet and faults.
const SIMS = {
  bench: ["--instances", "1000", "--seed", "1"],
  "bench-10k": ["--instances", "10000", "--seed", "2"],
  "bench-100k": ["--instances", "100000", "--seed", "3"],
  "bench-lat": ["--instances", "10000", "--seed", "4", "--latency-ms", String(LATENCY_MS)],
};

// The app's connections (src/connection.rs `Connection`; `service` is the registry's key or
// its older enum name, which the app still reads).
const conn = (id, name, service, proxy) => ({
  id,
  name,
  service,
  base_url: `/proxy/${proxy}`,
  project_id: service === "ByCloud" ? "" : PROJECT,
  remember_token: false,
  demo: false,
});
const CONNECTIONS = [
  conn("bench", "Bench 1,000", "CloudDc", "bench"),
  conn("bench-10k", "Bench 10,000", "CloudDc", "bench-10k"),
  conn("bench-100k", "Bench 100,000", "CloudDc", "bench-100k"),
  conn("lat-clouddc", "Latency CloudDC", "CloudDc", "bench-lat"),
  conn("lat-roma", "Latency ROMA", "RomaConnect", "bench-lat"),
  conn("lat-bycloud", "Latency ByCloud", "ByCloud", "bench-lat"),
];
// The CloudDC Demo connection as the app makes it (Connection::demo_of; core/src/services/
// clouddc/info.rs: id "demo"): answered inside the page, no server, no token.
const DEMO = { id: "demo", name: "Demo cloud", service: "clouddc", base_url: "", project_id: "demo-project", remember_token: false, demo: true };
const tokens = Object.fromEntries(CONNECTIONS.map((c) => [c.id, TOKEN]));
const SEED = { connections: CONNECTIONS, tokens };
const SEED_DEMO = { connections: [...CONNECTIONS, DEMO], tokens };
const FIRST_VISIT = null; // nothing stored: the app shows its Demo connections

// ---------------------------------------------------------------------------------------
// Small helpers

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  const n = s.length;
  if (!n) return null;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const max = (xs) => (xs.filter((x) => x != null).length ? Math.max(...xs.filter((x) => x != null)) : null);
const ms = (x) => (x == null ? "—" : `${x.toFixed(1)} ms`);
const kib = (b) => `${(b / KiB).toFixed(1)} KiB`;
const mib = (b) => `${(b / MiB).toFixed(1)} MiB`;
const x2 = (r) => `${r.toFixed(2)}×`;
const n0 = (n) => n.toLocaleString("en-US");
const log = (...a) => console.error("[bench]", ...a);
/** "3 distinct errors (12 in all), e.g. …" with each cut to 200 characters. */
function errorSummary(errors) {
  const distinct = [...new Set(errors.map((e) => (e.length > 200 ? e.slice(0, 200) + "…" : e)))];
  return `${distinct.length} distinct error(s) (${errors.length} in all), e.g. ${distinct.slice(0, 2).join(" / ")}`;
}
const withTimeout = (p, ms, what) =>
  Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`${what}: nothing after ${ms / 1000} s`)), ms).unref())]);

/** The table: one row per figure line. verdict: pass | over | info | baseline | not measured. */
const rows = [];
const notes = [];
const raw = {};
function row(figure, name, value, budget, verdict) {
  rows.push({ figure, name, value, budget, verdict });
}
function notMeasured(figure, name, why) {
  rows.push({ figure, name, value: `not measured: ${why}`, budget: "", verdict: "not measured" });
}
const FIGURE_ORDER = ["1a", "1b", "2", "2b", "4", "5", "6", "7"];

// ---------------------------------------------------------------------------------------
// The browser and the servers

let browser;
let site; // the default build (with the Demo), the baseline and the decode page
let siteNoDemo; // the build without the Demo feature

async function newContext(seed = SEED, { wasmHook = false } = {}) {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  await ctx.addInitScript(probe, { seed, wasmHook });
  return ctx;
}

/** Collects page errors (the app must not crash or log errors while measured). */
function watchErrors(page, into) {
  page.on("pageerror", (e) => into.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") into.push(`console.error: ${m.text()}`);
  });
}

/** FILE.br (brotli quality 11) and FILE.gz (gzip -9) beside every file of `dir`, as
 *  deploy/build.sh writes them, so that nginx serves the baseline compressed like the app. */
function precompress(dir) {
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    const p = path.join(dir, f);
    if (!fs.statSync(p).isFile() || /\.(br|gz)$/.test(p)) continue;
    const data = fs.readFileSync(p);
    fs.writeFileSync(`${p}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    fs.writeFileSync(`${p}.gz`, zlib.gzipSync(data, { level: 9 }));
  }
}

/** The web root nginx serves: a copy of deploy/build.sh's output (bench/out/app) with the
 *  baseline at /__bench/baseline/ and the decode helper at /__bench/decode/. The baseline's
 *  page links the build's own stylesheet (main-<hash>.css, read from its index.html). */
function prepareWebRoot() {
  const app = path.join(OUT, "app");
  const www = path.join(OUT, "www");
  fs.rmSync(www, { recursive: true, force: true });
  fs.cpSync(app, www, { recursive: true });
  const html = fs.readFileSync(path.join(app, "index.html"), "utf8");
  const css = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/.exec(html)?.[1];
  if (!css) throw new Error("bench/out/app/index.html links no stylesheet");
  const base = path.join(www, "__bench/baseline");
  fs.cpSync(path.join(ROOT, "bench/baseline"), base, { recursive: true });
  const page = path.join(base, "index.html");
  const text = fs.readFileSync(page, "utf8");
  if (!text.includes('href="/main.css"')) throw new Error('bench/baseline/index.html no longer links "/main.css"');
  fs.writeFileSync(page, text.replace('href="/main.css"', `href="${css}"`));
  precompress(base);
  const decode = path.join(OUT, "decode");
  if (fs.existsSync(path.join(decode, "index.html"))) fs.cpSync(decode, path.join(www, "__bench/decode"), { recursive: true });
  return www;
}

// The baseline's address: nginx's `try_files $uri /index.html` answers a directory with the
// app, so the page is named.
const BASELINE = "/__bench/baseline/index.html";

// ---------------------------------------------------------------------------------------
// Figures 1a and 1b: bytes on the wire for a cold load

const header = (h, name) => {
  for (const [k, v] of Object.entries(h ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
};

/**
 * Opens `urlPath` on `origin` in a fresh context (cold cache) and records every request
 * with CDP's Network domain: the bytes received for it (loadingFinished.encodedDataLength:
 * headers and body as they came over the socket, compressed as nginx sent them) and the
 * headers' share (responseReceived's encodedDataLength). `until`: "overview" (every
 * card of `/` shows its counts) or "row" (the first instance row is painted). A request
 * counts when its response had ended (Resource Timing's responseEnd) by then; what comes
 * later is listed apart.
 */
async function coldLoad(origin, urlPath, until, seed) {
  const ctx = await newContext(seed);
  const errors = [];
  try {
    const page = await ctx.newPage();
    watchErrors(page, errors);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Network.enable");
    const reqs = new Map();
    cdp.on("Network.requestWillBeSent", (e) => reqs.set(e.requestId, { url: e.request.url, type: e.type }));
    cdp.on("Network.responseReceived", (e) => {
      const r = reqs.get(e.requestId);
      if (!r) return;
      r.status = e.response.status;
      r.encoding = header(e.response.headers, "content-encoding") ?? "none";
      r.headerBytes = e.response.encodedDataLength;
      r.cached = !!(e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache);
    });
    cdp.on("Network.loadingFinished", (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.wireBytes = e.encodedDataLength;
    });
    cdp.on("Network.loadingFailed", (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.failed = e.errorText;
    });
    await page.goto(origin + urlPath, { waitUntil: "commit", timeout: 30_000 });
    let at;
    if (until === "overview") {
      at = (await withTimeout(page.evaluate(() => window.__bench.watchOverview()), 30_000, "the overview")).frame;
    } else {
      await page.waitForFunction(() => window.__bench.firstRowFrame !== null, null, { timeout: 30_000, polling: 50 });
      // Element Timing reports the paint a little after the frame ends.
      await page.waitForFunction(() => window.__bench.firstRowPaint !== null, null, { timeout: 3000, polling: 50 }).catch(() => {});
      const b = await page.evaluate(() => ({ frame: window.__bench.firstRowFrame, paint: window.__bench.firstRowPaint }));
      at = Math.max(b.frame, b.paint ?? 0);
    }
    // What the page fetches next (the rest of the list, prefetches) is listed apart.
    await page.waitForTimeout(1500);
    const ended = await page.evaluate(() =>
      [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => [e.name, e.responseEnd]),
    );
    const endOf = new Map();
    for (const [name, end] of ended) if (!endOf.has(name)) endOf.set(name, end);
    const files = [];
    const api = [];
    const later = [];
    for (const r of reqs.values()) {
      if (r.wireBytes == null) {
        later.push({ ...r, path: new URL(r.url).pathname, unfinished: true });
        continue;
      }
      const u = new URL(r.url);
      const f = {
        path: u.pathname + (u.pathname.startsWith("/proxy/") ? u.search : ""),
        status: r.status,
        encoding: r.encoding,
        wire: r.wireBytes,
        headers: r.headerBytes ?? 0,
        body: r.wireBytes - (r.headerBytes ?? 0),
        cached: r.cached,
      };
      const end = endOf.get(r.url) ?? endOf.get(u.origin + u.pathname + u.search);
      if (end == null || end > at) later.push({ ...f, endMs: end ?? null });
      else if (u.pathname.startsWith("/proxy/")) api.push(f);
      else files.push(f);
    }
    const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
    return {
      url: urlPath,
      atMs: at,
      files,
      api,
      later,
      total: { wire: sum(files, "wire"), body: sum(files, "body"), headers: sum(files, "headers") },
      apiTotal: { wire: sum(api, "wire"), count: api.length },
      errors,
    };
  } finally {
    await ctx.close();
  }
}

/** A file's name without its content hash (index.html for the page's own address). */
const short = (p) =>
  p.startsWith("/proxy/") ? p : /\.[a-z]+$/.test(p) ? p.replace(/^\//, "").replace(/_\d{15,}-/, "-").replace(/-[0-9a-f]{16}(?=[._])/, "") : `index.html (${p})`;

function payloadRow(figure, label, r, budgetKiB) {
  const brotli = r.files.filter((f) => f.encoding === "br").length;
  const value =
    `${kib(r.total.wire)} on the wire (${r.files.length} files: bodies ${kib(r.total.body)}, ${brotli} of them brotli, + headers ${kib(r.total.headers)}), ` +
    `by ${ms(r.atMs)}; ` +
    (r.apiTotal.count ? `API answers not counted: ${kib(r.apiTotal.wire)} in ${r.apiTotal.count}` : "no API request");
  if (budgetKiB == null) row(figure, label, value, "(info)", "info");
  else row(figure, label, value, `≤ ${budgetKiB} KiB`, r.total.wire <= budgetKiB * KiB ? "pass" : "over");
}

async function payload() {
  raw.payload = {};
  const cases = [
    ["1a", "Cold load of / until usable (the overview shows every connection's counts)", site, "/", "overview", SEED, 150, "app"],
    ["1b", "Cold load of /c/bench?limit=50 (CloudDC list deep link) until its first row is painted", site, "/c/bench?limit=50", "row", SEED, 200, "app"],
    ["1a", "(info) Cold load of / on a first visit (no connections stored: the Demo connections)", site, "/", "overview", FIRST_VISIT, null, "app-first-visit"],
    ["1a", "(info) Cold load of /, build without the Demo feature", siteNoDemo, "/", "overview", SEED, null, "app-nodemo"],
    ["1b", "(info) Cold load of /c/bench?limit=50, build without the Demo feature", siteNoDemo, "/c/bench?limit=50", "row", SEED, null, "app-nodemo"],
  ];
  for (const [figure, label, where, url, until, seed, budget, key] of cases) {
    if (!where) {
      notMeasured(
        figure,
        label,
        process.env.BENCH_NODEMO === "0" ? "skipped (BENCH_NODEMO=0: not built)" : "bench/out/app-nodemo is missing (build failed?)",
      );
      continue;
    }
    try {
      const r = await coldLoad(where.origin, url, until, seed);
      raw.payload[`${figure} ${key}`] = r;
      payloadRow(figure, label, r, budget);
      if (budget != null) {
        const list = r.files.map((f) => `${short(f.path)} ${kib(f.wire)}`).join(", ");
        notes.push(`Figure ${figure}: fetched until ${until === "row" ? "the first row was painted" : "usable"}: ${list}.` + (r.later.length ? ` Afterwards: ${r.later.length} more request(s), ${kib(r.later.reduce((s, f) => s + (f.wire ?? 0), 0))} (${[...new Set(r.later.map((f) => short(f.path).replace(/\?.*/, "")))].slice(0, 8).join(", ")}${r.later.length > 8 ? ", …" : ""}).` : ""));
      }
      if (r.errors.length) notes.push(`Figure ${figure} (${url}): the page reported ${errorSummary(r.errors)}`);
      const plain = r.files.filter((f) => f.encoding === "none" && f.body > 1024);
      if (plain.length) notes.push(`Figure ${figure} (${url}): served uncompressed: ${plain.map((f) => short(f.path)).join(", ")}.`);
    } catch (e) {
      log(`figure ${figure} ${url} failed: ${e.stack ?? e}`);
      notMeasured(figure, label, e.message.split("\n")[0]);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Figures 2 and 2b: navigation → first row painted

async function firstRowOnce(url, expectRows, seed) {
  const ctx = await newContext(seed);
  const errors = [];
  try {
    const page = await ctx.newPage();
    watchErrors(page, errors);
    await page.goto(url, { waitUntil: "commit", timeout: 30_000 });
    await page.waitForFunction(() => window.__bench && window.__bench.firstRowFrame !== null, null, { timeout: 30_000, polling: 50 });
    await page.waitForFunction(() => window.__bench.firstRowPaint !== null, null, { timeout: 3000, polling: 50 }).catch(() => {});
    await page.waitForFunction((n) => document.querySelectorAll("tr.instance-row").length >= n, expectRows, { timeout: 30_000 });
    const b = await page.evaluate(() => ({ inserted: window.__bench.firstRow, frame: window.__bench.firstRowFrame, paint: window.__bench.firstRowPaint }));
    const count = await page.locator("tr.instance-row").count();
    return { ...b, rows: count, errors };
  } finally {
    await ctx.close();
  }
}

async function timeToFirstRows() {
  const pages = {
    app: { url: `${site.origin}/c/bench?limit=50`, seed: SEED, runs: [], errors: [] },
    demo: { url: `${site.origin}/c/demo?limit=50`, seed: SEED_DEMO, runs: [], errors: [] },
    baseline: { url: `${site.origin}${BASELINE}?c=bench&limit=50`, seed: SEED, runs: [], errors: [] },
  };
  const order = Object.keys(pages);
  // One untimed warm-up each (nginx's and the OS's file caches), then rounds in rotating
  // order, each run in a fresh browser context (cold HTTP and code caches).
  for (const k of order) await firstRowOnce(pages[k].url, 50, pages[k].seed);
  for (let i = 0; i < TTFR_RUNS; i++) {
    for (let j = 0; j < order.length; j++) {
      const k = order[(i + j) % order.length];
      const p = pages[k];
      const r = await firstRowOnce(p.url, 50, p.seed);
      if (r.rows !== 50) throw new Error(`${k} showed ${r.rows} rows, not 50`);
      p.runs.push(r);
      p.errors.push(...r.errors);
    }
  }
  // Painted: Element Timing's renderTime when every run has one, else the end of the frame
  // after the insertion (the same measure for all three pages).
  const all = order.flatMap((k) => pages[k].runs);
  const byElementTiming = all.every((r) => r.paint != null);
  const painted = (r) => (byElementTiming ? r.paint : r.frame);
  raw.ttfr = { byElementTiming, pages: Object.fromEntries(order.map((k) => [k, pages[k].runs])) };
  const m = Object.fromEntries(order.map((k) => [k, median(pages[k].runs.map(painted))]));
  const ins = Object.fromEntries(order.map((k) => [k, median(pages[k].runs.map((r) => r.inserted))]));
  const frame = Object.fromEntries(order.map((k) => [k, median(pages[k].runs.map((r) => r.frame))]));
  const b = m.baseline;
  const line = (k) =>
    `median ${ms(m[k])}, max ${ms(max(pages[k].runs.map(painted)))} (inserted ${ms(ins[k])}, frame after it ends ${ms(frame[k])}; medians)`;
  row("2", "First row painted: app, 50-row CloudDC page (/c/bench?limit=50), cold", `${line("app")} = ${x2(m.app / b)} baseline`, `≤ 1.5× baseline = ${ms(1.5 * b)}`, m.app <= 1.5 * b ? "pass" : "over");
  row("2", "First row painted: plain-JS baseline, same page", line("baseline"), "—", "baseline");
  row("2b", "First row painted: app, Demo connection (/c/demo?limit=50), cold", `${line("demo")} = ${x2(m.demo / b)} baseline`, `≤ 1.5× baseline = ${ms(1.5 * b)}`, m.demo <= 1.5 * b ? "pass" : "over");
  notes.push(
    `Figures 2 and 2b: ${TTFR_RUNS} runs per page after a warm-up, rotating order; "painted" is ${byElementTiming ? "Element Timing's renderTime of the first row's text" : "the end of the frame after the first row's insertion (Element Timing gave no entry in some run)"}.`,
  );
  if (byElementTiming)
    notes.push(
      `Figures 2 and 2b, measured to the end of the frame after the insertion instead: app ${x2(frame.app / frame.baseline)}, Demo ${x2(frame.demo / frame.baseline)} the baseline (medians ${ms(frame.app)}, ${ms(frame.demo)}, ${ms(frame.baseline)}).`,
    );
  for (const k of ["app", "demo"]) if (pages[k].errors.length) notes.push(`Figure ${k === "app" ? "2" : "2b"}: the app reported ${errorSummary(pages[k].errors)}`);
}

// ---------------------------------------------------------------------------------------
// The round-trip floors of load-all (figure 5), from the app's own planners

async function loadAllFloors() {
  const ctx = await newContext();
  try {
    const page = await ctx.newPage();
    await page.goto(`${site.origin}/__bench/decode/index.html`, { timeout: 30_000 });
    await page.waitForFunction(() => window.__decodeReady === true, null, { timeout: 30_000 });
    return await page.evaluate((n) => window.__loadAllFloors(n), 10_000);
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------------------
// The app's "all loaded" view (figures 4, 6, 7)

const FILTER = 'input[type="search"][aria-label="Filter loaded instances"]';

/** Opens `/c/<id>`, clicks "Load all pages" and waits for the end state. */
async function loadAllIn(page, connId, maxMs) {
  await page.goto(`${site.origin}/c/${connId}`, { timeout: 30_000 });
  const button = page.getByRole("button", { name: "Load all pages" });
  try {
    await button.waitFor({ state: "visible", timeout: 20_000 });
  } catch {
    throw new Error(`the app shows no "Load all pages" button on /c/${connId} (is the all-loaded view built?)`);
  }
  // The first page is in (nothing busy) before the clock starts.
  await page.waitForFunction(() => !document.querySelector('section.instance-list[aria-busy="true"]'), null, { timeout: 20_000 });
  await page.waitForTimeout(200);
  const r = await page.evaluate((m) => window.__bench.loadAll(m), maxMs);
  if (r.state === "no-button") throw new Error('no "Load all pages" button');
  if (r.state !== "done") {
    const status = await page.locator('.load-all [role="status"]').first().textContent().catch(() => "");
    throw new Error(`load-all ended "${r.state}" after ${ms(r.ms)}: ${status?.trim()}`);
  }
  const count = await page.locator(".vtable-viewport").getAttribute("aria-rowcount", { timeout: 10_000 });
  return { ms: r.ms, rows: Number(count) };
}

/** Types one real key press, waits for the view to settle; interaction `id` in the trace. */
async function keystroke(page, key, id) {
  const before = await page.evaluate((i) => {
    window.__bench.mark(i, "start");
    return window.__bench.keydowns;
  }, id);
  await page.keyboard.press(key);
  return page.evaluate(
    async ({ n, i }) => {
      const B = window.__bench;
      for (let k = 0; k < 100 && B.keydowns <= n; k++) await new Promise((r) => setTimeout(r, 10));
      const r = await B.settle({ since: B.lastKeydown, quietMs: 400, maxMs: 5000 });
      B.mark(i, "end");
      return r;
    },
    { n: before, i: id },
  );
}

/** Traces kept so far (BENCH_TRACE_DIR). */
let traceCount = 0;
/** Runs `fn` with the page traced (CDP Tracing), then the frames of `interactions`. */
async function traced(page, interactions, fn) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES, screenshots: false });
  let out;
  let buf;
  try {
    out = await fn();
  } finally {
    buf = await browser.stopTracing();
  }
  if (process.env.BENCH_TRACE_DIR) fs.writeFileSync(path.join(process.env.BENCH_TRACE_DIR, `trace-${++traceCount}.json`), buf);
  const ids = interactions();
  let a;
  try {
    a = analyzeTrace(buf, ids);
  } catch (e) {
    a = { error: `the trace could not be read: ${e.message}` };
  }
  // A trace that cannot be read leaves its interactions without frames: reported as such.
  if (a.error) return { out, frames: Object.fromEntries(ids.map(({ id }) => [id, { error: `trace: ${a.error}` }])) };
  return { out, frames: a.perInteraction };
}

/** JS heap (V8, after two full GCs, via CDP) and the WebAssembly.Memory buffers the
 *  probe's hook saw (a context made with { wasmHook: true }). */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(() => window.__bench.wasmMemories?.() ?? null);
    if (!wasm || !wasm.length) throw new Error("the probe saw no WebAssembly.Memory (is the hook on?)");
    const wasmBytes = wasm.reduce((s, b) => s + b, 0);
    return {
      wasmMemories: wasm,
      wasmBytes,
      jsHeapUsed: heap.usedSize,
      totalBytes: wasmBytes + heap.usedSize,
      jsHeapTotal: heap.totalSize,
      embedderHeapUsed: heap.embedderHeapUsedSize ?? null,
      backingStorage: heap.backingStorageSize ?? null,
    };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * One list size in a fresh context: load-all (time, then memory: figure 7); with `full`,
 * then the render, keystroke and scroll measurements in traces (figure 4) and the memory
 * after them (figure 6).
 */
async function largeList(n, connId, { full }) {
  const ctx = await newContext(SEED, { wasmHook: true });
  const out = { rows: n };
  const errors = [];
  try {
    const page = await ctx.newPage();
    watchErrors(page, errors);
    page.on("crash", () => errors.push("the page crashed"));
    const loaded = await loadAllIn(page, connId, n >= 100_000 ? 240_000 : 60_000);
    out.loadMs = loaded.ms;
    if (loaded.rows !== n) throw new Error(`the table has ${loaded.rows} rows, not ${n}`);
    await page.waitForTimeout(300);
    out.memoryAfterLoad = await withTimeout(memory(page), 60_000, "the memory reading");
    if (!full) return out;

    await page.evaluate(() => window.__bench.watch(".load-all"));
    const filter = page.locator(FILTER);
    await filter.waitFor({ timeout: 10_000 });
    const query = await page.evaluate(() => {
      const names = [...document.querySelectorAll(".vtable-row a, .vtable-row [role=gridcell]")].map((e) => e.textContent.trim());
      return names.find((s) => /^[A-Za-z][\w.-]{7,}$/.test(s))?.slice(0, 10) ?? "host-05";
    });
    out.query = query;

    // Render (clear a no-match filter: every row back, 3 times) and the keystrokes (type
    // the query one key at a time, then delete it), in one trace.
    const ids = [];
    const t1 = await traced(page, () => ids, async () => {
      const render = [];
      for (let i = 0; i < 3; i++) {
        await filter.fill("zz-no-such-instance-zz");
        await page.waitForFunction(() => document.querySelector(".vtable-viewport")?.getAttribute("aria-rowcount") === "0", null, { timeout: 20_000 });
        await page.evaluate(() => window.__bench.settle({ since: performance.now(), quietMs: 300 }));
        await filter.focus();
        await page.keyboard.press("Control+A");
        await page.evaluate(() => window.__bench.settle({ since: performance.now(), quietMs: 200 }));
        ids.push({ id: `r${i}`, input: "keydown" });
        render.push(await keystroke(page, "Backspace", `r${i}`));
        const shown = await page.locator(".vtable-viewport").getAttribute("aria-rowcount");
        if (Number(shown) !== n) throw new Error(`after clearing the filter ${shown} rows are shown, not ${n}`);
      }
      await filter.focus();
      const keys = [];
      const typed = [...query, ...Array(query.length).fill("Backspace")];
      for (const [i, key] of typed.entries()) {
        ids.push({ id: `k${i}`, input: "keydown" });
        keys.push({ key, ...(await keystroke(page, key, `k${i}`)) });
      }
      const after = await page.locator(".vtable-viewport").getAttribute("aria-rowcount");
      if (Number(after) !== n) throw new Error(`after deleting the query ${after} rows are shown, not ${n}`);
      return { render, keys };
    });
    out.render = t1.out.render.map((r, i) => ({ ...r, ...t1.frames[`r${i}`] }));
    out.keys = t1.out.keys.map((r, i) => ({ ...r, ...t1.frames[`k${i}`] }));

    // Scrolling the whole list, top to bottom, in traces of SCROLL_PER_TRACE jumps.
    await page.evaluate(() => window.__bench.clear());
    const scroll = { results: [], rafFrames: 0, rafWorstMs: 0, rafOver25: 0, elapsedMs: 0 };
    for (let from = 1; from <= SCROLL_STEPS; from += SCROLL_PER_TRACE) {
      const to = Math.min(SCROLL_STEPS, from + SCROLL_PER_TRACE - 1);
      const t = await traced(
        page,
        () => Array.from({ length: to - from + 1 }, (_, i) => ({ id: `s${from + i}`, input: "scroll" })),
        () => page.evaluate(({ steps, from, to }) => window.__bench.scrollAll(".vtable-viewport", { maxSteps: steps, fromStep: from, toStep: to, maxMs: 60_000 }), { steps: SCROLL_STEPS, from, to }),
      );
      if (t.out.error) {
        out.scrollError = t.out.error;
        break;
      }
      scroll.results.push(...t.out.results.map((r) => ({ ...r, ...(t.frames[r.id] ?? {}) })));
      Object.assign(scroll, { steps: t.out.steps, range: t.out.range, clientHeight: t.out.clientHeight });
      scroll.rafFrames += t.out.rafFrames;
      scroll.rafOver25 += t.out.rafOver25;
      scroll.rafWorstMs = Math.max(scroll.rafWorstMs, t.out.rafWorstMs ?? 0);
      scroll.elapsedMs += t.out.elapsedMs;
      if (t.out.steps < to) break; // a short list has fewer jumps
    }
    out.scroll = scroll;
    await page.evaluate(() => window.__bench.unwatch());
    await filter.fill("");
    await page.waitForTimeout(300);
    out.memory = await withTimeout(memory(page), 60_000, "the memory reading");
    out.errors = errors;
    return out;
  } finally {
    await ctx.close();
  }
}

async function baselineAll(connId) {
  const ctx = await newContext();
  try {
    const page = await ctx.newPage();
    await page.goto(`${site.origin}${BASELINE}?c=${connId}&all=1`, { timeout: 30_000 });
    await page.waitForFunction(() => window.__baselineAll || window.__baselineError, null, { timeout: 120_000 });
    const r = await page.evaluate(() => window.__baselineAll ?? { error: window.__baselineError });
    if (r.error) throw new Error(r.error);
    return r;
  } finally {
    await ctx.close();
  }
}

/** "worst 31.2 ms (script 9.1 ms), median 25.0 ms (script 6.0 ms)" over measured frames. */
function framesLine(list) {
  const ok = list.filter((x) => x.totalMs != null);
  if (!ok.length) return null;
  const worst = ok.reduce((a, b) => (b.totalMs > a.totalMs ? b : a));
  const worstScript = max(ok.map((x) => x.maxScriptMs));
  return {
    worst,
    worstScript,
    text:
      `worst frame ${ms(worst.totalMs)} (script ${ms(worst.scriptMs)}, style+layout ${ms(worst.layoutMs)}, paint ${ms(worst.paintMs)}); ` +
      `median ${ms(median(ok.map((x) => x.totalMs)))} (script ${ms(median(ok.map((x) => x.scriptMs)))}); worst script in any frame ${ms(worstScript)}`,
  };
}

function reportLargeList(n, r) {
  const at = n0(n);
  const big = n >= 100_000;
  const budget = big ? "≤ 16 ms" : "(≤ 16 ms at 100,000)";
  const judge = (v) => (big ? (v <= 16 ? "pass" : "over") : "info");
  const label = big ? "" : "(info) ";
  const missing = (list) => list.filter((x) => x.totalMs == null).map((x) => x.error ?? "?");

  const render = framesLine(r.render);
  if (render) row("4", `${label}${at} rows: render every row (clear a no-match filter, ${r.render.length}×)`, `${render.text}; to settled ${ms(median(r.render.map((x) => x.latencyMs)))} (median)`, "—", "info");
  if (r.scrollError) {
    notMeasured("4", `${at} rows: scroll frames`, r.scrollError);
  } else {
    const steps = r.scroll.results.filter((s) => !s.noScrollEvent);
    const s = framesLine(steps);
    if (!s) notMeasured("4", `${at} rows: scroll frames`, `no frame found in the traces (${[...new Set(missing(steps))].join("; ")})`);
    else row("4", `${label}${at} rows: scroll, frame per jump (${steps.length} jumps)`, s.text, budget, judge(s.worst.totalMs));
    row("4", `${label}${at} rows: worst rAF interval while scrolling`, `${ms(r.scroll.rafWorstMs)} (${r.scroll.rafOver25} of ${r.scroll.rafFrames} frames > 25 ms)`, "—", "info");
    const blank = steps.filter((x) => !x.covered).length;
    const late = steps.filter((x) => x.timedOut).length;
    const untraced = missing(steps).length;
    notes.push(
      `Figure 4, ${at} rows: load-all took ${ms(r.loadMs)}; scrolled ${n0(Math.round(r.scroll.range))} px in ${steps.length} jumps of ~${Math.round(r.scroll.range / Math.max(1, steps.length))} px (viewport ${r.scroll.clientHeight} px) in ${(r.scroll.elapsedMs / 1000).toFixed(1)} s; ` +
        `${blank} jumps left part of the viewport without rows once settled${late ? `, ${late} did not settle within 3 s` : ""}${untraced ? `, ${untraced} had no frame in the trace` : ""}; ` +
        `the worst jump took ${steps.length ? Math.max(...steps.map((x) => x.frames ?? 0)) : 0} frame(s) to show its rows; query typed: "${r.query}".`,
    );
  }
  const k = framesLine(r.keys);
  if (!k) notMeasured("4", `${at} rows: filter keystrokes`, `no frame found in the trace (${[...new Set(missing(r.keys))].join("; ")})`);
  else row("4", `${label}${at} rows: filter keystroke (${r.keys.length} keys)`, `${k.text}; keydown → settled: median ${ms(median(r.keys.map((x) => x.latencyMs)))}, max ${ms(max(r.keys.map((x) => x.latencyMs)))}`, budget, judge(k.worst.totalMs));
  if (r.errors?.length) notes.push(`Figure 4, ${at} rows: the app reported ${errorSummary(r.errors)}`);
}

// ---------------------------------------------------------------------------------------
// Figure 5: load-all against latency

async function loadAllLatency() {
  let floors = null;
  try {
    floors = await loadAllFloors();
  } catch (e) {
    log(`the decode page (the app's planners) did not answer: ${e.message}`);
  }
  if (!floors) {
    // The same formulas, replicated from `min_round_trips` in core/src/load_all/mod.rs with
    // the page sizes and cap the services declare.
    const pages = (total, size) => Math.max(1, Math.ceil(total / size));
    floors = {
      clouddc: { roundTrips: pages(10_000, 1000), pageSize: 1000, parallel: 6 },
      bycloud: { roundTrips: pages(10_000, 500), pageSize: 500, parallel: 6 },
      roma: { roundTrips: 1 + Math.ceil((pages(10_000, 100) - 1) / 6), pageSize: 100, parallel: 6 },
    };
    notes.push("Figure 5: the round-trip floors come from the JavaScript copy of min_round_trips (the decode page did not run).");
  }
  raw.loadAllFloors = floors;
  raw.loadAll = {};
  const services = [
    ["clouddc", "lat-clouddc", "CloudDC"],
    ["roma", "lat-roma", "ROMA Connect"],
    ["bycloud", "lat-bycloud", "ByCloud"],
  ];
  let firstError = null;
  for (const [svc, connId, label] of services) {
    const floor = floors[svc];
    const minMs = floor.roundTrips * LATENCY_MS;
    const runs = [];
    const failures = [];
    const errors = [];
    try {
      for (let i = 0; i < LOAD_ALL_RUNS; i++) {
        const ctx = await newContext();
        try {
          const page = await ctx.newPage();
          watchErrors(page, errors);
          const r = await loadAllIn(page, connId, 60_000);
          if (r.rows !== 10_000) throw new Error(`loaded ${r.rows} rows, not 10,000`);
          runs.push(r.ms);
        } catch (e) {
          // A run that ends badly is reported; the others still count.
          if (/no "Load all pages" button/.test(e.message)) throw e;
          failures.push(e.message.split("\n")[0]);
        } finally {
          await ctx.close();
        }
      }
      if (errors.length) notes.push(`Figure 5, ${label}: the app reported ${errorSummary(errors)}`);
      if (failures.length) notes.push(`Figure 5, ${label}: ${failures.length} of ${LOAD_ALL_RUNS} runs failed: ${[...new Set(failures)].join(" / ")}`);
      if (!runs.length) throw new Error(failures[0]);
    } catch (e) {
      firstError ??= e;
      notMeasured("5", `Load all, ${label}, 10,000 at ${LATENCY_MS} ms`, e.message);
      if (/no "Load all pages" button/.test(e.message)) {
        // The view is not in this build: the other services would wait in vain.
        for (const [, , other] of services.slice(services.findIndex((s) => s[0] === svc) + 1))
          notMeasured("5", `Load all, ${other}, 10,000 at ${LATENCY_MS} ms`, e.message);
        break;
      }
      continue;
    }
    raw.loadAll[svc] = { runs, floor, minMs };
    const m = median(runs);
    const how =
      svc === "roma"
        ? `${floor.roundTrips} round trips: page 1, then ${floor.parallel} at a time, ${floor.pageSize} a page`
        : `${floor.roundTrips} round trips of ${floor.pageSize}, one after another`;
    row("5", `Load all, ${label}, 10,000 at ${LATENCY_MS} ms latency`, `${ms(m)} = ${x2(m / minMs)} the floor ${ms(minMs)} (${how}; median of ${runs.length})`, "≤ 1.2× floor", m <= 1.2 * minMs ? "pass" : "over");
  }
  return firstError;
}

// ---------------------------------------------------------------------------------------
// Figure 7: how cost grows

function reportGrowth(bySize) {
  const sizes = [1_000, 10_000, 100_000];
  const missing = sizes.filter((n) => !bySize[n]);
  if (missing.length) {
    notMeasured("7", "Growth: load-all time and memory at 1,000 / 10,000 / 100,000 rows", `no measurement at ${missing.map(n0).join(", ")} rows`);
    return;
  }
  const exps = (f) => sizes.slice(1).map((n, i) => Math.log10(f(bySize[n]) / f(bySize[sizes[i]])) / Math.log10(n / sizes[i]));
  const lines = [
    ["load-all time (local cloudsim, no latency)", (r) => r.loadMs, (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : ms(v)), (v, n) => `${((v * 1000) / n).toFixed(1)} µs`],
    ["memory after load-all (WASM + JS heap)", (r) => r.memoryAfterLoad.totalBytes, mib, (v, n) => `${(v / n).toFixed(0)} B`],
  ];
  raw.growth = {};
  for (const [what, f, fmt, perRow] of lines) {
    const e = exps(f);
    raw.growth[what] = { values: sizes.map((n) => f(bySize[n])), exponents: e };
    const value =
      sizes.map((n) => `${n0(n)}: ${fmt(f(bySize[n]))}`).join(", ") +
      ` (per row ${sizes.map((n) => perRow(f(bySize[n]), n)).join(" / ")}; ×10 rows → ×${(10 ** e[0]).toFixed(1)} then ×${(10 ** e[1]).toFixed(1)}, exponents ${e.map((x) => x.toFixed(2)).join(", ")})`;
    row("7", `Growth: ${what}`, value, `no worse than linear (exponent ≤ ${GROWTH_MAX_EXPONENT} at each step)`, e.every((x) => x <= GROWTH_MAX_EXPONENT) ? "pass" : "over");
  }
}

// ---------------------------------------------------------------------------------------
// Machine, output

function machine(chromiumVersion) {
  const cpu = fs.readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? "?";
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = fs.readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]+)"?/m)?.[1];
    if (pretty) osName = `${pretty} (kernel ${os.release()})`;
  } catch {
    // keep the kernel name
  }
  return {
    cpu,
    cores: os.cpus().length,
    ramGiB: +(os.totalmem() / 1024 ** 3).toFixed(1),
    os: osName,
    chromium: chromiumVersion,
    node: process.version,
  };
}

function printTable() {
  const head = ["#", "Figure", "Value", "Budget", "Result"];
  const body = rows.map((r) => [r.figure, r.name, r.value, r.budget, r.verdict]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const b of body) console.log(line(b));
  if (notes.length) {
    console.log("");
    for (const n of notes) console.log(`- ${n}`);
  }
}

function markdown(meta) {
  const m = meta.machine;
  const esc = (s) => String(s).replace(/\|/g, "\\|");
  const out = [];
  out.push("# Skyglass benchmark: latest run", "");
  out.push(`- Date: ${meta.date}`);
  out.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}`);
  out.push(`- Browser: Chromium ${m.chromium} (headless, ${CHROMIUM_FLAGS.join(" ")}); Node ${m.node}`);
  out.push(`- Served by: ${meta.nginx} with the configuration of deploy/nginx/ (rendered by deploy/render-test.py) on 127.0.0.1; the build of deploy/build.sh (split by route, .br/.gz beside every file)`);
  out.push(`- Load average (1 min) at start / end: ${meta.loadavg.start} / ${meta.loadavg.end}`);
  out.push(`- Command: \`${process.env.BENCH_NODEMO === "0" ? "BENCH_NODEMO=0 " : ""}make bench\` (${(meta.elapsedMs / 1000).toFixed(0)} s after the builds). KiB = 1024 bytes, MiB = 1024² bytes.`);
  out.push("");
  out.push("| # | Figure | Value | Budget | Result |", "|---|---|---|---|---|");
  for (const r of rows) out.push(`| ${r.figure} | ${esc(r.name)} | ${esc(r.value)} | ${esc(r.budget)} | ${r.verdict} |`);
  out.push("");
  if (notes.length) {
    out.push("## Notes", "");
    for (const n of notes) out.push(`- ${esc(n)}`);
    out.push("");
  }
  // The two budgeted loads (the information lines' files are in latest.json).
  const loads = Object.entries(raw.payload ?? {}).filter(([key]) => key === "1a app" || key === "1b app");
  if (loads.length) {
    out.push("## Bytes on the wire by file (figures 1a and 1b)", "");
    out.push("Received until usable (1a) or until the first row was painted (1b), as CDP counted them: headers + body, compressed as nginx sent it.", "");
    out.push("| load | file | encoding | on the wire | of which headers |", "|---|---|---|---|---|");
    for (const [key, p] of loads) {
      for (const f of p.files) out.push(`| ${key} ${p.url} | ${esc(f.path)} | ${f.encoding} | ${n0(f.wire)} B | ${n0(f.headers)} B |`);
      out.push(`| ${key} ${p.url} | **total, ${p.files.length} files** | | ${kib(p.total.wire)} | ${kib(p.total.headers)} |`);
      for (const f of p.api) out.push(`| ${key} ${p.url} | (API, not counted) ${esc(f.path)} | ${f.encoding} | ${n0(f.wire)} B | ${n0(f.headers)} B |`);
    }
    out.push("");
  }
  out.push("How each figure is measured: bench/README.md.", "");
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------

function stopAll() {
  stopCloudsims();
  stopNginx();
}
async function cleanup() {
  await browser?.close().catch(() => {});
  stopAll();
}
process.on("exit", stopAll);
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    stopAll();
    process.exit(130);
  });

async function step(label, fn) {
  const t0 = Date.now();
  log(`${label}…`);
  try {
    return await fn();
  } finally {
    log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

async function main() {
  const started = Date.now();
  const loadStart = os.loadavg()[0].toFixed(2);
  const watchdog = setTimeout(() => {
    console.error(`[bench] still running after ${WATCHDOG_MS / 60000} min: giving up`);
    stopAll();
    process.exit(3);
  }, WATCHDOG_MS);
  watchdog.unref();

  for (const need of [CLOUDSIM, CHROMIUM, path.join(OUT, "app/index.html")])
    if (!fs.existsSync(need)) throw new Error(`${need} is missing: run make bench (bench/run.sh builds it)`);
  const index = fs.readFileSync(path.join(OUT, "app/index.html"), "utf8");
  if (!index.includes('name="skyglass-route-chunks"'))
    notes.push("bench/out/app is not the split build of deploy/build.sh (its index.html has no route → chunks map).");

  const ports = {};
  await step("starting cloudsim servers", async () => {
    for (const [name, args] of Object.entries(SIMS)) {
      const s = await startCloudsim(CLOUDSIM, [...args, "--token", TOKEN, "--project", PROJECT]);
      ports[name] = s.port;
    }
  });
  await step("starting nginx", async () => {
    site = await startNginx({ repo: ROOT, prefix: path.join(OUT, "nginx"), root: prepareWebRoot(), routes: ports });
    if (fs.existsSync(path.join(OUT, "app-nodemo/index.html")))
      siteNoDemo = await startNginx({ repo: ROOT, prefix: path.join(OUT, "nginx-nodemo"), root: path.join(OUT, "app-nodemo"), routes: ports });
  });
  const nginxVersion = (spawnSync("nginx", ["-v"], { encoding: "utf8" }).stderr ?? "").trim().replace(/^nginx version: /, "");
  log(`serving on ${site.origin}${siteNoDemo ? ` and ${siteNoDemo.origin} (no Demo)` : ""}; cloudsim ports ${JSON.stringify(ports)}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });
  const meta = {
    date: new Date().toISOString(),
    machine: machine(browser.version()),
    loadavg: { start: loadStart },
    nginx: nginxVersion || "nginx",
  };

  // BENCH_ONLY=2,5 measures only those figures (to iterate on one; `make bench` runs all).
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((f) => f.trim())) : null;
  const wanted = (...figs) => !only || figs.some((f) => only.has(f));
  const attempt = async (label, figure, name, fn) => {
    try {
      return await step(label, fn);
    } catch (e) {
      log(`${label} failed: ${e.stack ?? e}`);
      notMeasured(figure, name, e.message.split("\n")[0]);
      return null;
    }
  };

  if (wanted("1a", "1b", "1")) await step("figures 1a and 1b: bytes on the wire", payload);
  if (wanted("2", "2b")) await attempt("figures 2 and 2b: first row painted", "2", "First row painted", timeToFirstRows);
  let loadAllError = null;
  if (wanted("5")) loadAllError = await attempt("figure 5: load-all at 50 ms latency", "5", "Load all", loadAllLatency);

  const noView = loadAllError && /no "Load all pages" button/.test(loadAllError.message);
  raw.largeLists = {};
  const bySize = {};
  if (noView) {
    for (const f of ["4", "6", "7"]) notMeasured(f, "Large lists", loadAllError.message);
  } else if (wanted("4", "6", "7")) {
    const r1 = await attempt("figure 7: 1,000 rows", "7", "Growth, 1,000 rows", () => largeList(1_000, "bench", { full: false }));
    if (r1) bySize[1_000] = raw.largeLists["1000"] = r1;
    const r10 = await attempt("figure 4 (info) and 7: 10,000 rows", "4", "Large list, 10,000 rows", () => largeList(10_000, "bench-10k", { full: wanted("4") }));
    if (r10) {
      bySize[10_000] = raw.largeLists["10000"] = r10;
      if (r10.render) reportLargeList(10_000, r10);
    }
    if (wanted("4")) {
      const base10 = await attempt("figure 4: baseline, 10,000 rows not virtualized", "4", "Baseline: 10,000 rows in one table", () => baselineAll("bench-10k"));
      if (base10) {
        raw.largeLists.baseline10000 = base10;
        row("4", "(info) Baseline: 10,000 rows in one plain table (not virtualized)", `render ${ms(base10.domMs)} (DOM built ${ms(base10.buildMs)}, then style + layout; to paint ${ms(base10.paintMs)}; ${n0(base10.rows)} rows)`, "—", "baseline");
      }
    }
    const r100 = await attempt("figures 4, 6 and 7: 100,000 rows", "4", "Large list, 100,000 rows", () => largeList(100_000, "bench-100k", { full: true }));
    if (r100) {
      bySize[100_000] = raw.largeLists["100000"] = r100;
      reportLargeList(100_000, r100);
      const mem = r100.memory;
      raw.memory = mem;
      row("6", "Memory, 100,000 rows loaded (after figure 4's measurements): WASM linear memory + JS heap", `${mib(mem.totalBytes)} (WASM ${mib(mem.wasmBytes)} + JS heap ${mib(mem.jsHeapUsed)}; right after load-all ${mib(r100.memoryAfterLoad.totalBytes)})`, "≤ 100 MiB", mem.totalBytes <= 100 * MiB ? "pass" : "over");
      if (mem.embedderHeapUsed != null) notes.push(`Figure 6: besides, Blink's DOM heap (CDP embedderHeapUsedSize) holds ${mib(mem.embedderHeapUsed)}; ${mem.wasmMemories.length} WebAssembly.Memory object(s).`);
    } else {
      notMeasured("6", "Memory, 100,000 rows", "figure 4's 100,000-row load did not complete");
    }
    reportGrowth(bySize);
  }

  rows.sort((a, b) => FIGURE_ORDER.indexOf(a.figure) - FIGURE_ORDER.indexOf(b.figure));
  meta.loadavg.end = os.loadavg()[0].toFixed(2);
  meta.elapsedMs = Date.now() - started;
  if (Number(meta.loadavg.start) > 0.5 || Number(meta.loadavg.end) > 2.5)
    notes.push(`The machine was busy (load average ${meta.loadavg.start} at the start, ${meta.loadavg.end} at the end, ${meta.machine.cores} cores): timings are noisier than on an idle machine.`);

  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, "latest.md"), markdown(meta));
  fs.writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify({ ...meta, rows, notes, raw }, null, 2) + "\n");
  printTable();
  console.log(`\nWritten: bench/results/latest.md, bench/results/latest.json (${(meta.elapsedMs / 1000).toFixed(0)} s)`);
}

main()
  .then(cleanup)
  .then(() => process.exit(0))
  .catch(async (e) => {
    console.error(`[bench] could not run: ${e.stack ?? e}`);
    await cleanup();
    process.exit(1);
  });
