#!/usr/bin/env node
// `make bench`: the six figures of issue 5, measured in one run on this machine, each beside
// its baseline. bench/run.sh builds what this needs first (the release app with and without
// the Demo feature, cloudsim, the decode helper); this script starts the cloudsim servers and
// the static server + reverse proxy on 127.0.0.1, drives Debian's headless Chromium with
// Playwright (the install in tests/e2e/node_modules), prints the table and writes
// bench/results/latest.md and latest.json. Figures over budget are reported, not failed: the
// exit status is non-zero only when the benchmark could not run. See bench/README.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startServer } from "./lib/server.mjs";
import { startCloudsim, stopAll } from "./lib/cloudsim.mjs";
import { probe } from "./lib/probe.mjs";

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
const KiB = 1024;
const MiB = 1024 * 1024;
const WATCHDOG_MS = 20 * 60_000;

// The cloudsim servers: proxy name → fleet and faults.
const SIMS = {
  bench: ["--instances", "1000", "--seed", "1"],
  "bench-10k": ["--instances", "10000", "--seed", "2"],
  "bench-100k": ["--instances", "100000", "--seed", "3"],
  "bench-lat": ["--instances", "10000", "--seed", "4", "--latency-ms", String(LATENCY_MS)],
};

// The app's connections (src/connection.rs `Connection`; `service` is the enum's name).
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
const SEED = { connections: CONNECTIONS, tokens: Object.fromEntries(CONNECTIONS.map((c) => [c.id, TOKEN])) };

// ---------------------------------------------------------------------------------------
// Small helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return null;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const max = (xs) => (xs.length ? Math.max(...xs) : null);
const ms = (x) => (x == null ? "—" : `${x.toFixed(1)} ms`);
const kib = (b) => `${(b / KiB).toFixed(1)} KiB`;
const mib = (b) => `${(b / MiB).toFixed(1)} MiB`;
const x2 = (r) => `${r.toFixed(2)}×`;
const log = (...a) => console.error("[bench]", ...a);
/** "3 distinct errors (12 in all), e.g. …" with each cut to 200 characters. */
function errorSummary(errors) {
  const distinct = [...new Set(errors.map((e) => (e.length > 200 ? e.slice(0, 200) + "…" : e)))];
  return `${distinct.length} distinct error(s) (${errors.length} in all), e.g. ${distinct.slice(0, 2).join(" / ")}`;
}

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

// ---------------------------------------------------------------------------------------
// Figure 1: the initial payload

/** Everything index.html loads: its stylesheets and scripts, the modules they import, and
 *  the .wasm the glue fetches (found by reading the files, so nothing is missed). */
function payloadFiles(dir) {
  const files = new Set(["index.html"]);
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  const queue = [];
  for (const m of html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload|preload)"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0]);
    if (href) queue.push(href[1]);
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) queue.push(m[1]);
  while (queue.length) {
    const f = queue.shift().replace(/^\.?\//, "");
    if (files.has(f) || !fs.existsSync(path.join(dir, f))) continue;
    files.add(f);
    if (f.endsWith(".js")) {
      const js = fs.readFileSync(path.join(dir, f), "utf8");
      for (const m of js.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"']+\.js)["']/g)) queue.push(m[1]);
      for (const m of js.matchAll(/new URL\(\s*["']([^"']+\.wasm)["']/g)) queue.push(m[1]);
    }
  }
  return [...files];
}

function measurePayload() {
  const builds = [
    ["default build", "app"],
    ["without the Demo feature", "app-nodemo"],
  ];
  raw.payload = {};
  for (const [label, dirName] of builds) {
    const dir = path.join(OUT, dirName);
    if (!fs.existsSync(path.join(dir, "index.html"))) {
      notMeasured("1", `Initial payload, ${label}`, `${path.relative(ROOT, dir)} is missing (build failed?)`);
      continue;
    }
    const files = payloadFiles(dir).map((f) => {
      const data = fs.readFileSync(path.join(dir, f));
      return { file: f, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
    });
    const total = { raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
    raw.payload[dirName] = { files, total };
    row(
      "1",
      `Initial payload, ${label} (${files.length} files)`,
      `${kib(total.gzip)} gzip -9 (${kib(total.raw)} raw)`,
      "≤ 200 KiB gzip",
      total.gzip <= 200 * KiB ? "pass" : "over",
    );
  }
}

// ---------------------------------------------------------------------------------------
// The browser

let browser;
let origin;

async function newContext() {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  await ctx.addInitScript(probe, SEED);
  return ctx;
}

/** Collects page errors (the app must not crash or log errors while measured). */
function watchErrors(page, into) {
  page.on("pageerror", (e) => into.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") into.push(`console.error: ${m.text()}`);
  });
}

// ---------------------------------------------------------------------------------------
// Figure 2: time to first rows

async function firstRowOnce(url, expectRows) {
  const ctx = await newContext();
  const errors = [];
  try {
    const page = await ctx.newPage();
    watchErrors(page, errors);
    const statics = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.origin === origin && !u.pathname.startsWith("/proxy/")) statics.push(u.pathname);
    });
    await page.goto(url, { waitUntil: "commit", timeout: 30_000 });
    await page.waitForFunction(() => window.__bench && window.__bench.firstRow !== null, null, {
      timeout: 30_000,
      polling: 50,
    });
    const t = await page.evaluate(() => window.__bench.firstRow);
    await page.waitForFunction((n) => document.querySelectorAll("tr.instance-row").length >= n, expectRows, {
      timeout: 30_000,
    });
    const count = await page.locator("tr.instance-row").count();
    return { ms: t, rows: count, errors, statics };
  } finally {
    await ctx.close();
  }
}

async function timeToFirstRows() {
  const app = `${origin}/c/bench?limit=50`;
  const base = `${origin}/__bench/baseline/?c=bench&limit=50`;
  const res = { app: [], baseline: [], appErrors: [], appStatics: null };
  // One untimed warm-up each (the server's gzip cache, the OS file cache), then
  // alternating runs, each in a fresh browser context (cold HTTP and code caches).
  await firstRowOnce(app, 50);
  await firstRowOnce(base, 50);
  for (let i = 0; i < TTFR_RUNS; i++) {
    const order = i % 2 ? ["baseline", "app"] : ["app", "baseline"];
    for (const which of order) {
      const r = await firstRowOnce(which === "app" ? app : base, 50);
      if (r.rows !== 50) throw new Error(`${which} showed ${r.rows} rows, not 50`);
      res[which].push(r.ms);
      if (which === "app") {
        res.appErrors.push(...r.errors);
        res.appStatics ??= [...new Set(r.statics)];
      }
    }
  }
  raw.ttfr = res;
  const a = median(res.app);
  const b = median(res.baseline);
  row("2", "Time to first rows, app (50-row CloudDC page, cold)", `median ${ms(a)}, max ${ms(max(res.app))}`, `≤ 1.5× baseline = ${ms(1.5 * b)}`, a <= 1.5 * b ? "pass" : "over");
  row("2", "Time to first rows, plain-JS baseline", `median ${ms(b)}, max ${ms(max(res.baseline))}`, "—", "baseline");
  notes.push(`Figure 2: the app's median is ${x2(a / b)} the baseline's (${TTFR_RUNS} runs each, alternating).`);
  if (res.appErrors.length) notes.push(`Figure 2: the app reported ${errorSummary(res.appErrors)}`);
  const listed = raw.payload?.app?.files.map((f) => "/" + f.file).sort();
  if (listed && res.appStatics) {
    const loaded = res.appStatics.map((p) => (p.startsWith("/c/") ? "/index.html" : p)).sort();
    if (JSON.stringify(loaded) !== JSON.stringify(listed))
      notes.push(`Figure 1: the browser loaded ${loaded.join(", ")}; figure 1 counts ${listed.join(", ")}.`);
  }
}

// ---------------------------------------------------------------------------------------
// Figure 3: decode

async function decode() {
  const ctx = await newContext();
  try {
    const page = await ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    await page.goto(`${origin}/__bench/decode/`, { timeout: 30_000 });
    await page.waitForFunction(() => window.__decodeReady === true, null, { timeout: 30_000 });
    const r = await page.evaluate(
      (o) => window.__decodeBench(o),
      { url: `/proxy/bench/v1/${PROJECT}/instances?limit=1000`, token: TOKEN, rounds: 100, warmup: 10, budgetMs: 40_000 },
    );
    raw.decode = r;
    raw.loadAllFloors = await page.evaluate((n) => window.__loadAllFloors(n), 10_000);
    if (errors.length) notes.push(`Figure 3: the page reported ${errorSummary(errors)}`);
    const base = r.medianMs.json_parse;
    const sj = r.medianMs.serde_json_bytes;
    const text = r.medianMs.serde_json;
    const swb = r.medianMs.json_parse_serde_wasm_bindgen;
    const what = `${r.instances} instances, ${kib(r.bytes)}, median of ${r.rounds}`;
    row("3", "Decode, JSON.parse alone", `${ms(base)} (${what})`, "—", "baseline");
    row("3", "Decode, serde_json on the response bytes (the app's path)", `${ms(sj)} = ${x2(sj / base)} JSON.parse`, "≤ 1.5× JSON.parse", sj <= 1.5 * base ? "pass" : "over");
    row("3", "Decode, serde_json on the text (a JS string copied in)", `${ms(text)} = ${x2(text / base)} JSON.parse`, "—", "info");
    row("3", "Decode, JSON.parse + serde-wasm-bindgen", `${ms(swb)} = ${x2(swb / base)} JSON.parse`, "≤ 1.5× JSON.parse", swb <= 1.5 * base ? "pass" : "over");
    row("3", "Decode, serde_json, text already in WASM memory", `${ms(r.medianMs.serde_json_in_wasm)} = ${x2(r.medianMs.serde_json_in_wasm / base)} JSON.parse`, "—", "info");
    const faster = sj <= swb ? "serde_json on the bytes" : "JSON.parse + serde-wasm-bindgen";
    const slower = sj <= swb ? swb : sj;
    notes.push(`Figure 3: the faster WASM path is ${faster} (${x2(slower / Math.min(sj, swb))} faster than the other).`);
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------------------
// The app's "all loaded" view (figures 4–6)

const FILTER = 'input[type="search"][aria-label="Filter loaded instances"]';

/** Opens `/c/<id>`, clicks "Load all pages" and waits for the end state. */
async function loadAllIn(page, connId, maxMs) {
  await page.goto(`${origin}/c/${connId}`, { timeout: 30_000 });
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

/** Types with real key presses; each keystroke settles before the next. */
async function keystroke(page, key) {
  const before = await page.evaluate(() => window.__bench.keydowns);
  await page.keyboard.press(key);
  return page.evaluate(async (n) => {
    const B = window.__bench;
    for (let i = 0; i < 100 && B.keydowns <= n; i++) await new Promise((r) => setTimeout(r, 10));
    return B.settle({ since: B.lastKeydown, quietMs: 400, maxMs: 5000 });
  }, before);
}

async function largeList(n, connId) {
  const ctx = await newContext();
  const out = { rows: n };
  const errors = [];
  try {
    const page = await ctx.newPage();
    watchErrors(page, errors);
    const loaded = await loadAllIn(page, connId, n >= 100_000 ? 240_000 : 60_000);
    out.loadMs = loaded.ms;
    if (loaded.rows !== n) throw new Error(`the table has ${loaded.rows} rows, not ${n}`);
    await page.evaluate(() => window.__bench.watch(".load-all"));
    const filter = page.locator(FILTER);
    await filter.waitFor({ timeout: 10_000 });

    // Render: from the keystroke that clears a filter matching nothing to the table with
    // every row shown (3 times).
    out.render = [];
    for (let i = 0; i < 3; i++) {
      await filter.fill("zz-no-such-instance-zz");
      await page.waitForFunction(() => document.querySelector(".vtable-viewport")?.getAttribute("aria-rowcount") === "0", null, { timeout: 20_000 });
      await page.evaluate(() => window.__bench.settle({ since: performance.now(), quietMs: 300 }));
      await filter.focus();
      await page.keyboard.press("Control+A");
      await page.evaluate(() => window.__bench.settle({ since: performance.now(), quietMs: 200 }));
      await page.evaluate(() => window.__bench.clear());
      const r = await keystroke(page, "Backspace");
      const shown = await page.locator(".vtable-viewport").getAttribute("aria-rowcount");
      if (Number(shown) !== n) throw new Error(`after clearing the filter ${shown} rows are shown, not ${n}`);
      out.render.push(r);
    }

    // Keystrokes: type a query one character at a time, then delete it the same way.
    const query = await page.evaluate(() => {
      const names = [...document.querySelectorAll(".vtable-row a, .vtable-row [role=gridcell]")].map((e) => e.textContent.trim());
      return names.find((s) => /^[A-Za-z][\w.-]{7,}$/.test(s))?.slice(0, 10) ?? "host-05";
    });
    out.query = query;
    out.keys = [];
    await filter.focus();
    await page.evaluate(() => window.__bench.clear());
    for (const ch of query) out.keys.push({ key: ch, ...(await keystroke(page, ch)) });
    for (let i = 0; i < query.length; i++) out.keys.push({ key: "Backspace", ...(await keystroke(page, "Backspace")) });
    const after = await page.locator(".vtable-viewport").getAttribute("aria-rowcount");
    if (Number(after) !== n) throw new Error(`after deleting the query ${after} rows are shown, not ${n}`);

    // Scrolling the whole list, top to bottom.
    await page.evaluate(() => window.__bench.clear());
    out.scroll = await page.evaluate(() => window.__bench.scrollAll(".vtable-viewport", { maxSteps: 400, maxMs: 150_000 }));
    if (out.scroll.error) out.scrollError = out.scroll.error;
    if (n >= 100_000) out.memory = await memory(page);
    await page.evaluate(() => window.__bench.unwatch());
    out.errors = errors;
    return out;
  } finally {
    await ctx.close();
  }
}

/** JS heap (V8, after a full GC) and every WebAssembly.Memory's buffer, via CDP. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
    const found = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
    const sizes = await cdp.send("Runtime.callFunctionOn", {
      objectId: found.objects.objectId,
      functionDeclaration: "function () { return this.map((m) => m.buffer.byteLength); }",
      returnByValue: true,
    });
    const wasm = sizes.result.value;
    return {
      wasmMemories: wasm,
      wasmBytes: wasm.reduce((s, b) => s + b, 0),
      jsHeapUsed: heap.usedSize,
      jsHeapTotal: heap.totalSize,
      embedderHeapUsed: heap.embedderHeapUsedSize ?? null,
      backingStorage: heap.backingStorageSize ?? null,
    };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function baselineAll(connId) {
  const ctx = await newContext();
  try {
    const page = await ctx.newPage();
    await page.goto(`${origin}/__bench/baseline/?c=${connId}&all=1`, { timeout: 30_000 });
    await page.waitForFunction(() => window.__baselineAll || window.__baselineError, null, { timeout: 120_000 });
    const r = await page.evaluate(() => window.__baselineAll ?? { error: window.__baselineError });
    if (r.error) throw new Error(r.error);
    return r;
  } finally {
    await ctx.close();
  }
}

function reportLargeList(n, r) {
  const at = n.toLocaleString("en-US");
  const big = n >= 100_000;
  const budget = big ? "≤ 16 ms" : "(≤ 16 ms at 100,000)";
  const judge = (v) => (big ? (v <= 16 ? "pass" : "over") : "info");
  const render = r.render.map((x) => x.workMs);
  const renderPaint = r.render.map((x) => x.paintMs).filter((x) => x != null);
  row("4", `${at} rows: render the table (clear a no-match filter)`, `${ms(median(render))} (to paint ${ms(median(renderPaint))}; median of ${render.length})`, "—", "info");
  const steps = r.scrollError ? [] : r.scroll.results.filter((s) => !s.noScrollEvent);
  if (r.scrollError) {
    notMeasured("4", `${at} rows: worst scroll frame`, r.scrollError);
  } else {
    const frames = steps.map((s) => s.workMs);
    const worst = max(frames);
    row("4", `${at} rows: worst scroll frame (${steps.length} jumps)`, `${ms(worst)} (median ${ms(median(frames))})`, budget, judge(worst));
    row("4", `${at} rows: worst rAF interval while scrolling`, `${ms(r.scroll.rafWorstMs)} (${r.scroll.rafOver25} of ${r.scroll.rafFrames} frames > 25 ms)`, "—", "info");
  }
  const keys = r.keys.map((k) => k.workMs);
  const keysPaint = r.keys.map((k) => k.paintMs).filter((x) => x != null);
  row("4", `${at} rows: filter keystroke (${keys.length} keys)`, `median ${ms(median(keys))}, max ${ms(max(keys))} (to paint: median ${ms(median(keysPaint))}, max ${ms(max(keysPaint))})`, budget, judge(max(keys)));
  const blank = steps.filter((s) => !s.covered).length;
  const late = steps.filter((s) => s.timedOut).length;
  const scrolled = r.scrollError
    ? "not scrolled"
    : `scrolled ${Math.round(r.scroll.range).toLocaleString("en-US")} px in ${steps.length} jumps of ~${Math.round(r.scroll.range / Math.max(1, steps.length))} px (viewport ${r.scroll.clientHeight} px) in ${(r.scroll.elapsedMs / 1000).toFixed(1)} s; ${blank} jumps left part of the viewport without rows once settled${late ? `, ${late} did not settle within 3 s` : ""}`;
  notes.push(`Figure 4, ${at} rows: load-all took ${ms(r.loadMs)}; ${scrolled}; query typed: "${r.query}".`);
  if (r.errors?.length) notes.push(`Figure 4, ${at} rows: the app reported ${errorSummary(r.errors)}`);
}

// ---------------------------------------------------------------------------------------
// Figure 5: load-all against latency

async function loadAllLatency() {
  let floors = raw.loadAllFloors;
  if (!floors) {
    // Figure 3's page (which asks the app's own planners) did not run: the same formulas,
    // replicated from `min_round_trips` in api/src/load_all/marker.rs and roma_walk.rs with
    // the page sizes and cap of api/src/load_all/mod.rs.
    const pages = (total, size) => Math.max(1, Math.ceil(total / size));
    floors = {
      clouddc: { roundTrips: pages(10_000, 1000), pageSize: 1000, parallel: 6 },
      bycloud: { roundTrips: pages(10_000, 500), pageSize: 500, parallel: 6 },
      roma: { roundTrips: 1 + Math.ceil((pages(10_000, 100) - 1) / 6), pageSize: 100, parallel: 6 },
    };
    notes.push("Figure 5: the round-trip floors come from the JavaScript copy of min_round_trips (the decode page did not run).");
  }
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
    row("5", `Load all, ${label}, 10,000 at ${LATENCY_MS} ms latency`, `${ms(m)} = ${x2(m / minMs)} the minimum ${ms(minMs)} (${how}; median of ${runs.length})`, "≤ 1.2× minimum", m <= 1.2 * minMs ? "pass" : "over");
  }
  return firstError;
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
  out.push(`- Load average (1 min) at start / end: ${meta.loadavg.start} / ${meta.loadavg.end}`);
  out.push(`- Command: \`make bench\` (${(meta.elapsedMs / 1000).toFixed(0)} s after the builds). KiB = 1024 bytes, MiB = 1024² bytes.`);
  out.push("");
  out.push("| # | Figure | Value | Budget | Result |", "|---|---|---|---|---|");
  for (const r of rows) out.push(`| ${r.figure} | ${esc(r.name)} | ${esc(r.value)} | ${esc(r.budget)} | ${r.verdict} |`);
  out.push("");
  if (notes.length) {
    out.push("## Notes", "");
    for (const n of notes) out.push(`- ${esc(n)}`);
    out.push("");
  }
  if (raw.payload) {
    out.push("## Payload by file", "", "| build | file | raw | gzip -9 |", "|---|---|---|---|");
    for (const [b, p] of Object.entries(raw.payload)) {
      for (const f of p.files) out.push(`| ${b} | ${f.file} | ${f.raw.toLocaleString("en-US")} B | ${f.gzip.toLocaleString("en-US")} B |`);
      out.push(`| ${b} | **total** | ${kib(p.total.raw)} | ${kib(p.total.gzip)} |`);
    }
    out.push("");
  }
  out.push("How each figure is measured: bench/README.md.", "");
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------

let server;
async function cleanup() {
  stopAll();
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
}
process.on("exit", stopAll);
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    stopAll();
    process.exit(130);
  });

/** bench/baseline/ as served: a copy in bench/out/baseline whose page links the app's own
 *  stylesheet, whose name carries a content hash (main-<hash>.css: read from the build's
 *  index.html). */
function baselineDir() {
  const html = fs.readFileSync(path.join(OUT, "app/index.html"), "utf8");
  const css = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/.exec(html)?.[1];
  if (!css) throw new Error("bench/out/app/index.html links no stylesheet");
  const dir = path.join(OUT, "baseline");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, "bench/baseline"), dir, { recursive: true });
  const page = path.join(dir, "index.html");
  const text = fs.readFileSync(page, "utf8");
  if (!text.includes('href="/main.css"')) throw new Error('bench/baseline/index.html no longer links "/main.css"');
  fs.writeFileSync(page, text.replace('href="/main.css"', `href="${css}"`));
  return dir;
}

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

  for (const need of [CLOUDSIM, CHROMIUM, path.join(OUT, "app/index.html"), path.join(OUT, "decode/index.html")])
    if (!fs.existsSync(need)) throw new Error(`${need} is missing: run make bench (bench/run.sh builds it)`);

  measurePayload();

  const ports = {};
  await step("starting cloudsim servers", async () => {
    for (const [name, args] of Object.entries(SIMS)) {
      const s = await startCloudsim(CLOUDSIM, [...args, "--token", TOKEN, "--project", PROJECT]);
      ports[name] = s.port;
    }
  });
  server = await startServer({
    mounts: [
      { prefix: "/", dir: path.join(OUT, "app"), spa: true },
      { prefix: "/__bench/baseline/", dir: baselineDir() },
      { prefix: "/__bench/decode/", dir: path.join(OUT, "decode") },
    ],
    proxies: ports,
  });
  origin = server.origin;
  log(`serving on ${origin}; cloudsim ports ${JSON.stringify(ports)}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });
  const meta = { date: new Date().toISOString(), machine: machine(browser.version()), loadavg: { start: loadStart } };

  // BENCH_ONLY=2,5 measures only those figures (to iterate on one; `make bench` runs all).
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((f) => f.trim())) : null;
  const attempt = async (label, figure, name, fn) => {
    if (only && !only.has(figure) && !(figure === "4" && only.has("6"))) return null;
    try {
      return await step(label, fn);
    } catch (e) {
      log(`${label} failed: ${e.stack ?? e}`);
      notMeasured(figure, name, e.message.split("\n")[0]);
      return null;
    }
  };

  await attempt("figure 2: time to first rows", "2", "Time to first rows", timeToFirstRows);
  await attempt("figure 3: decode", "3", "Decode", decode);
  const loadAllError = await attempt("figure 5: load-all at 50 ms latency", "5", "Load all", loadAllLatency);

  raw.largeLists = {};
  let r10 = null;
  let r100 = null;
  if (loadAllError && /no "Load all pages" button/.test(loadAllError.message)) {
    for (const n of ["10,000", "100,000"]) notMeasured("4", `Large list, ${n} rows`, loadAllError.message);
    notMeasured("6", "Memory, 100,000 rows", loadAllError.message);
  } else {
    r10 = await attempt("figure 4: 10,000 rows", "4", "Large list, 10,000 rows", () => largeList(10_000, "bench-10k"));
    if (r10) {
      raw.largeLists["10000"] = r10;
      reportLargeList(10_000, r10);
    }
  }
  const base10 = await attempt("figure 4: baseline, 10,000 rows not virtualized", "4", "Baseline: 10,000 rows in one table", () => baselineAll("bench-10k"));
  if (base10) {
    raw.largeLists.baseline10000 = base10;
    row("4", "Baseline: 10,000 rows in one plain table (not virtualized)", `render ${ms(base10.domMs)} (DOM built ${ms(base10.buildMs)}, then style + layout; to paint ${ms(base10.paintMs)}; ${base10.rows.toLocaleString("en-US")} rows)`, "—", "baseline");
  }
  if (!(loadAllError && /no "Load all pages" button/.test(loadAllError.message))) {
    r100 = await attempt("figure 4 and 6: 100,000 rows", "4", "Large list, 100,000 rows", () => largeList(100_000, "bench-100k"));
    if (r100) {
      raw.largeLists["100000"] = r100;
      reportLargeList(100_000, r100);
      const mem = r100.memory;
      raw.memory = mem;
      const total = mem.wasmBytes + mem.jsHeapUsed;
      row("6", "Memory, 100,000 rows loaded: WASM linear memory + JS heap", `${mib(total)} (WASM ${mib(mem.wasmBytes)} + JS heap ${mib(mem.jsHeapUsed)})`, "≤ 150 MiB", total <= 150 * MiB ? "pass" : "over");
      if (mem.embedderHeapUsed != null) notes.push(`Figure 6: besides, Blink's DOM heap (CDP embedderHeapUsedSize) holds ${mib(mem.embedderHeapUsed)}; ${mem.wasmMemories.length} WebAssembly.Memory object(s).`);
    } else {
      notMeasured("6", "Memory, 100,000 rows", "figure 4's 100,000-row load did not complete");
    }
  }

  // In figure order (figure 5 runs before 4 so that a missing view is found early).
  rows.sort((a, b) => Number(a.figure) - Number(b.figure));
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
