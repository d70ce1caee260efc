// End-to-end tests of the production deployment: the build of deploy/build.sh (hashed
// names, the production CSP, .br/.gz beside every file) served by Debian's nginx from
// deploy/nginx/'s files, rendered for this machine by deploy/render-test.py (only the web
// root and the upstreams' addresses change), driven in Debian's headless Chromium.
//
//   deploy/build.sh target/deploy-dist && cargo build --release -p cloudsim
//   cd tests/e2e && npx playwright test -c nginx/playwright.config.ts
// (scripts/test.sh e2e does both after the trunk serve suite.)
//
// Every server binds 127.0.0.1, and Playwright stops them when the run ends. Every
// /proxy/<service>-<region>/ location of deploy/nginx/upstreams/ and /proxy/e2e/ reach the
// cloudsim below; the extra ROUTES are test-only locations rendered like the real ones.
// limits.spec.ts and tls.spec.ts start (and stop) nginx servers of their own on 18446
// (production rate limits) and 18447/18448 (skyglass.conf itself, HTTP and HTTPS).
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base, { IAM_FLAGS } from "../playwright.config";

export const REPO = path.resolve(__dirname, "../../..");
/** deploy/build.sh's output that nginx serves. */
export const DIST = path.join(REPO, "target/deploy-dist");
/** The nginx prefix deploy/render-test.py writes (config, logs, temp files). */
export const PREFIX = path.join(REPO, "target/nginx-e2e");
export const NGINX_PORT = 18443;
export const CLOUDSIM_PORT = 18444;
export const ECHO_PORT = 18445;
export const ORIGIN = `http://127.0.0.1:${NGINX_PORT}`;

/** The cloudsim behind every proxy location (run from the repository's root). */
export const CLOUDSIM_COMMAND = `target/release/cloudsim --port ${CLOUDSIM_PORT} --instances 500 --seed 1 --token e2e-token --project e2e-project ${IAM_FLAGS}`;

/** Test-only proxy locations: /proxy/NAME/ → the address (upstreams that are not cloudsim). */
export const ROUTES: Record<string, string> = {
  // Answers with the request it received: what nginx forwards (proxy.spec.ts).
  echo: `http://127.0.0.1:${ECHO_PORT}/`,
};

const render = [
  "python3 deploy/render-test.py",
  `--prefix ${PREFIX} --port ${NGINX_PORT} --root ${DIST}`,
  `--upstream http://127.0.0.1:${CLOUDSIM_PORT}/`,
  ...Object.entries(ROUTES).map(([name, url]) => `--route ${name}=${url}`),
  "--check",
].join(" ");
export const NGINX_COMMAND = `${render} && exec nginx -p ${PREFIX} -c ${PREFIX}/nginx.conf -e ${PREFIX}/logs/error.log`;

export default defineConfig({
  testDir: ".",
  // Beside the other suite's (git-ignored).
  outputDir: "../test-results/nginx",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A `test.only` left in a spec fails the run on CI (CI=true) instead of skipping the rest.
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: ORIGIN,
    browserName: "chromium",
    // The trunk serve suite's Chromium: Debian's, headless, its flags.
    launchOptions: base.use?.launchOptions,
  },
  webServer: [
    {
      command: CLOUDSIM_COMMAND,
      cwd: REPO,
      // 401 without a token: the server is up.
      url: `http://127.0.0.1:${CLOUDSIM_PORT}/v1/e2e-project/instances`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node tests/e2e/nginx/echo-server.mjs --port ${ECHO_PORT}`,
      cwd: REPO,
      url: `http://127.0.0.1:${ECHO_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: NGINX_COMMAND,
      cwd: REPO,
      url: `${ORIGIN}/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
