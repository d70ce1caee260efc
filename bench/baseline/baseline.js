// The physical-limit baseline of `make bench` (figures 2 and 4): plain JavaScript, no
// framework. It reads the connection and its token from the same storage the app uses
// (src/ui/state.rs: localStorage "skyglass.connections", sessionStorage
// "skyglass.token.<id>"), fetches the same CloudDC page through the same proxy with the
// same header, and renders the same table as the app's InstanceTable
// (src/ui/components/instance_table.rs): same columns, classes, cell text and hover text.
//
//   /__bench/baseline/?c=<connection id>&limit=50   one page (figure 2)
//   /__bench/baseline/?c=<connection id>&all=1      every page, 1000 at a time by marker,
//                                                   then one table with every row (figure 4)
// In `all` mode it records window.__baselineAll: rows, loadMs (every page fetched and
// parsed), buildMs (the DOM built and inserted), domMs (and styled and laid out), paintMs
// (and the next frame ended), the last three from the end of loading.

const params = new URLSearchParams(location.search);
const connId = params.get("c") ?? "bench";
const all = params.get("all") === "1";
const limit = all ? 1000 : Number(params.get("limit") ?? 20);

const DIAGRAM = new Set(["pending", "running", "stopped", "shutting-down", "terminated", "error"]);
const BUSY = new Set(["pending", "shutting-down", "stopping", "reinstalling", "modifyIping", "switch-installing"]);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) for (const k in attrs) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

// Wire values are leniently text (api/src/lenient.rs): numbers and booleans as text, null as "".
const text = (v) => (v == null || typeof v === "object" ? "" : String(v));
const list = (v) => (Array.isArray(v) ? v : []);

/** `s` cut after `max` characters, with "…" (clamped_text.rs `short`). */
function short(s, max) {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max).join("") + "…" : s;
}

/** "5 min ago" (api/src/timefmt.rs `relative`). */
function relative(thenMs, nowMs) {
  const delta = nowMs - thenMs;
  const future = delta < 0;
  const secs = Math.floor(Math.abs(delta) / 1000);
  if (secs <= 4) return "just now";
  const amount =
    secs < 60 ? `${secs} s`
    : secs < 3600 ? `${Math.floor(secs / 60)} min`
    : secs < 86400 ? `${Math.floor(secs / 3600)} h`
    : secs < 31536000 ? `${Math.floor(secs / 86400)} d`
    : `${Math.floor(secs / 31536000)} y`;
  return future ? `in ${amount}` : `${amount} ago`;
}

const pad = (n) => String(n).padStart(2, "0");
/** `2025-07-11 17:07:05 +08:00` in the viewer's offset (timefmt.rs `absolute`). */
function absolute(ms) {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? "-" : "+";
  const o = Math.abs(off);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${sign}${pad(Math.floor(o / 60))}:${pad(o % 60)}`;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
function timeCell(raw, now) {
  const s = raw.trim();
  const ms = RFC3339.test(s) ? Date.parse(s) : NaN;
  let shown, title;
  if (!Number.isNaN(ms)) {
    shown = relative(ms, now);
    title = `${absolute(ms)} (${raw})`;
  } else if (s === "") {
    shown = "—";
    title = "not set";
  } else {
    shown = raw;
    title = "not an RFC 3339 time";
  }
  return el("time", { title, datetime: raw }, shown);
}

function badge(state) {
  const shown = state === "" ? "(none)" : state;
  const busy = BUSY.has(state);
  const documented = DIAGRAM.has(state);
  const tone =
    state === "running" ? "tone-ok"
    : state === "error" || state === "failed" ? "tone-bad"
    : busy ? "tone-busy"
    : "tone-neutral";
  return el(
    "span",
    {
      class: documented ? `badge ${tone}` : `badge ${tone} unknown`,
      title: documented ? null : "Not in the documented state diagram",
      "data-state": shown,
    },
    busy ? el("span", { class: "spinner", "aria-hidden": "true" }) : null,
    shown,
    documented ? null : el("span", { class: "badge-note" }, " (undocumented)"),
  );
}

function row(inst, now) {
  const id = text(inst.id);
  const name = text(inst.name);
  const image = inst.image && typeof inst.image === "object" ? inst.image : {};
  const imageName = text(image.name);
  const ips = list(inst.network_interfaces).map((n) => text(n?.ipv4_address)).filter((a) => a !== "");
  const tagList = list(inst.tags).map((t) => `${text(t?.key)}=${text(t?.value)}`);
  let tags = tagList.slice(0, 8).join(", ");
  if (tagList.length > 8) tags += ` (+${tagList.length - 8} more)`;
  if (tags === "") tags = "—";
  const vpc = text(inst.vpc_id);
  const err = inst.error && typeof inst.error === "object" ? inst.error : null;
  const code = text(err?.error_code);
  const msg = text(err?.error_msg);
  const shownError = err && (code !== "" || msg !== "" || text(err.error_type) !== "");
  return el(
    "tr",
    { class: "instance-row", "data-id": id },
    el(
      "td",
      { class: "cell-name", "data-label": "Name" },
      el("a", { href: `/c/${encodeURIComponent(connId)}/i/${encodeURIComponent(id)}`, title: short(name, 500) }, name === "" ? "(no name)" : short(name, 120)),
    ),
    el("td", { class: "cell-state", "data-label": "State" }, badge(text(inst.state))),
    el(
      "td",
      { class: "cell-image", "data-label": "Image", title: short(imageName, 500) },
      el("span", { class: "image-name" }, short(imageName, 120)),
      el("span", { class: "muted" }, text(image.os_type)),
    ),
    el("td", { class: "mono", "data-label": "Private IPv4" }, ips.length ? ips.join(", ") : "—"),
    el("td", { class: "mono cell-clip", "data-label": "VPC", title: vpc }, vpc),
    el("td", { "data-label": "Launched" }, timeCell(text(inst.launched_at), now)),
    el("td", { "data-label": "Updated" }, timeCell(text(inst.updated_at), now)),
    el("td", { class: "cell-clip", "data-label": "Tags", title: tags }, tags),
    el(
      "td",
      { class: "cell-error", "data-label": "Error" },
      shownError ? el("code", { class: "error-code" }, code) : null,
      shownError ? " " : null,
      shownError ? el("span", null, msg) : null,
    ),
  );
}

function table(instances) {
  const now = Date.now();
  const head = el(
    "tr",
    null,
    ...["Name", "State", "Image", "Private IPv4", "VPC", "Launched", "Updated", "Tags", "Error"].map((h) => el("th", { scope: "col" }, h)),
  );
  const body = el("tbody");
  const frag = document.createDocumentFragment();
  for (const inst of instances) frag.append(row(inst, now));
  body.append(frag);
  body.addEventListener("click", (ev) => {
    const tr = ev.target.closest("tr.instance-row");
    if (tr && !ev.target.closest("a")) location.href = `/c/${encodeURIComponent(connId)}/i/${encodeURIComponent(tr.dataset.id)}`;
  });
  return el("div", { class: "table-scroll" }, el("table", { class: "instances" }, el("thead", null, head), body));
}

/** The marker in `next_marker`: bare, or a query address holding `marker=` (clouddc.rs `extract_marker`). */
function extractMarker(raw) {
  const s = text(raw).trim();
  if (s === "") return null;
  if (!(s.includes("marker=") || s.includes("?") || s.includes("/"))) return s;
  const q = s.includes("?") ? s.slice(s.indexOf("?") + 1) : s;
  const m = new URLSearchParams(q).get("marker");
  return m && m.trim() !== "" ? m : null;
}

async function fetchPage(conn, token, marker) {
  const base = conn.base_url.replace(/\/+$/, "");
  let url = `${base}/v1/${encodeURIComponent(conn.project_id)}/instances?limit=${limit}`;
  if (marker) url += `&marker=${encodeURIComponent(marker)}`;
  const resp = await fetch(url, { headers: { "X-Auth-Token": token } });
  if (!resp.ok) throw new Error(`HTTP ${resp.status}`);
  return resp.json();
}

function nextPaint() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    }),
  );
}

async function main() {
  const conns = JSON.parse(localStorage.getItem("skyglass.connections") ?? "[]");
  const conn = conns.find((c) => c.id === connId);
  const token = sessionStorage.getItem(`skyglass.token.${connId}`) ?? localStorage.getItem(`skyglass.token.${connId}`);
  if (!conn || !token) throw new Error(`no connection ${connId} with a token`);
  const main = el("main", { class: "instance-list" }, el("h1", null, "Instances"));
  document.body.append(main);
  if (!all) {
    const page = await fetchPage(conn, token, null);
    main.append(table(list(page.instances)));
    return;
  }
  const t0 = performance.now();
  const rows = [];
  let marker = null;
  const seen = new Set();
  for (let i = 0; i < 10_000; i++) {
    const page = await fetchPage(conn, token, marker);
    const items = list(page.instances);
    rows.push(...items);
    const next = extractMarker(page.page_info?.next_marker);
    if (!next || items.length === 0 || seen.has(next)) break;
    seen.add(next);
    marker = next;
  }
  const loaded = performance.now();
  const t = table(rows);
  main.append(t);
  const built = performance.now();
  void t.getBoundingClientRect(); // style and layout now
  const dom = performance.now();
  const painted = await nextPaint();
  window.__baselineAll = {
    rows: rows.length,
    loadMs: loaded - t0,
    buildMs: built - loaded,
    domMs: dom - loaded,
    paintMs: painted - loaded,
  };
}

main().catch((e) => {
  window.__baselineError = String(e);
  document.body.append(el("p", { role: "alert" }, `Baseline failed: ${e}`));
});
