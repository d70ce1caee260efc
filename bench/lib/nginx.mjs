// The benchmark's web server: the nginx of deploy/, as the tests run it. deploy/render-test.py
// renders deploy/nginx/'s files for this machine (only the web root and the upstreams'
// addresses change: brotli_static, gzip_static, the caching and security headers, the proxy
// settings stay as production has them), with one /proxy/<name>/ location per cloudsim
// server; nginx then runs in the foreground (`daemon off;`) on a free 127.0.0.1 port.
// stopNginx() stops every nginx this process started (synchronous: safe in an exit hook).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";

const children = new Set();

/** A port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("error", () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

/**
 * Renders the config under `prefix` (deploy/render-test.py --check), starts nginx and
 * resolves once `/index.html` answers 200 (at most `timeoutMs`).
 * @param {{ repo: string, prefix: string, root: string, routes: Record<string, number> }} opts
 *   routes: name → cloudsim port on 127.0.0.1, reached at /proxy/<name>/.
 * @returns {Promise<{origin: string, port: number, stop(): void}>}
 */
export async function startNginx({ repo, prefix, root, routes, timeoutMs = 30_000 }) {
  const port = await freePort();
  const names = Object.keys(routes);
  if (!names.length) throw new Error("nginx needs at least one upstream");
  const url = (p) => `http://127.0.0.1:${p}/`;
  const args = [
    path.join(repo, "deploy/render-test.py"),
    "--prefix", prefix,
    "--port", String(port),
    "--root", root,
    // /proxy/e2e/ (the tests' name) → the first server; every server has its own route too.
    "--upstream", url(routes[names[0]]),
    ...names.flatMap((n) => ["--route", `${n}=${url(routes[n])}`]),
    "--check",
  ];
  const r = spawnSync("python3", args, { cwd: repo, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`deploy/render-test.py failed (${r.status}): ${(r.stderr || r.stdout || "").trim()}`);
  const errorLog = path.join(prefix, "logs/error.log");
  const child = spawn("nginx", ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", errorLog], {
    cwd: repo,
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.add(child);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d.toString()));
  let exited = null;
  child.on("exit", (code, sig) => {
    exited = `${code ?? sig}`;
    children.delete(child);
  });
  child.on("error", (e) => (exited = e.message));
  const origin = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (exited !== null) {
      const log = fs.existsSync(errorLog) ? fs.readFileSync(errorLog, "utf8").trim().split("\n").slice(-3).join(" / ") : "";
      throw new Error(`nginx exited (${exited}): ${stderr.trim()} ${log}`);
    }
    if ((await get(`${origin}/index.html`)) === 200) break;
    if (Date.now() - t0 > timeoutMs) {
      stop(child);
      throw new Error(`nginx did not answer on ${origin} within ${timeoutMs} ms: ${stderr.trim()}`);
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  return { origin, port, prefix, stop: () => stop(child) };
}

function stop(child) {
  // SIGTERM: nginx's fast shutdown; the master stops its workers before it exits.
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  children.delete(child);
}

/** Stops every nginx this process started. */
export function stopNginx() {
  for (const c of [...children]) stop(c);
}
