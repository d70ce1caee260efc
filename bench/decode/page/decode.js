// Figure 3 of `make bench`: one CloudDC list page decoded in WASM two ways, beside
// JSON.parse alone, in this one page. bench.mjs calls window.__decodeBench(...) and
// window.__minRoundTrips(...). Every path is timed around one call from JS, so the WASM
// paths include crossing into WASM (the app's path copies the response's bytes in; the
// text path copies a JS string in as UTF-8).
import init, * as d from "./skyglass_bench_decode.js";

const ready = init().then(() => {
  document.getElementById("status").textContent = "ready";
  window.__decodeReady = true;
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/**
 * Fetches the page at `url` (with the X-Auth-Token header), then times each path
 * `rounds` times (after `warmup` untimed rounds), rotating their order each round; at
 * most `budgetMs` of timing.
 */
window.__decodeBench = async ({ url, token, rounds = 100, warmup = 10, budgetMs = 30_000 }) => {
  await ready;
  const resp = await fetch(url, { headers: { "X-Auth-Token": token } });
  if (!resp.ok) throw new Error(`HTTP ${resp.status} for the decode page`);
  const bytes = new Uint8Array(await resp.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const expected = JSON.parse(text).instances.length;
  d.store_text(text);
  let sink = 0;
  const paths = {
    json_parse: () => {
      const v = JSON.parse(text);
      sink += v.instances.length;
      return v.instances.length;
    },
    serde_json_bytes: () => d.decode_bytes(bytes),
    serde_json: () => d.decode_serde_json(text),
    serde_json_in_wasm: () => d.decode_stored(),
    json_parse_serde_wasm_bindgen: () => d.decode_from_value(JSON.parse(text)),
  };
  const names = Object.keys(paths);
  for (const n of names) {
    const got = paths[n]();
    if (got !== expected) throw new Error(`${n} decoded ${got} instances, not ${expected}`);
  }
  for (let i = 0; i < warmup; i++) for (const n of names) paths[n]();
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const start = performance.now();
  let done = 0;
  for (let r = 0; r < rounds && performance.now() - start < budgetMs; r++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(r + k) % names.length];
      const t0 = performance.now();
      paths[n]();
      times[n].push(performance.now() - t0);
    }
    done++;
    if (r % 10 === 9) await new Promise((res) => setTimeout(res, 0)); // let the page breathe (GC, timers)
  }
  return {
    bytes: bytes.length,
    instances: expected,
    rounds: done,
    medianMs: Object.fromEntries(names.map((n) => [n, median(times[n])])),
    minMs: Object.fromEntries(names.map((n) => [n, Math.min(...times[n])])),
    sink,
  };
};

/** The app's load-all floors (api/src/load_all: `min_round_trips`), page sizes and cap. */
window.__loadAllFloors = async (totalRows) => {
  await ready;
  return Object.fromEntries(
    ["clouddc", "roma", "bycloud"].map((s) => [
      s,
      { roundTrips: d.min_round_trips(s, totalRows), pageSize: d.load_all_page_size(s), parallel: d.load_all_parallel() },
    ]),
  );
};
