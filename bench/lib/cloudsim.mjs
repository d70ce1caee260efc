// Starts cloudsim servers (target/release/cloudsim) on free 127.0.0.1 ports and stops them:
// each one is killed by stopAll(), and by the process exit hooks bench.mjs installs.
import { spawn } from "node:child_process";

const children = new Set();

/**
 * Starts `cloudsim --port 0 ...args` and resolves with its port once it prints
 * "cloudsim listening on http://127.0.0.1:<port>" (at most `timeoutMs`).
 */
export function startCloudsim(binary, args, { timeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let out = "";
    const timer = setTimeout(() => {
      stop(child);
      reject(new Error(`cloudsim ${args.join(" ")} did not start within ${timeoutMs} ms: ${out.trim()}`));
    }, timeoutMs);
    const onData = (d) => {
      out += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        child.stdout.resume();
        child.stderr.resume();
        resolve({ port: Number(m[1]), stop: () => stop(child) });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => (out += d.toString()));
    child.on("error", (e) => {
      clearTimeout(timer);
      children.delete(child);
      reject(new Error(`cloudsim could not start: ${e.message}`));
    });
    child.on("exit", (code) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new Error(`cloudsim ${args.join(" ")} exited (${code}): ${out.trim()}`));
    });
  });
}

function stop(child) {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  children.delete(child);
}

/** Stops every cloudsim this process started (synchronous: safe in an exit hook). */
export function stopAll() {
  for (const c of [...children]) stop(c);
}
