// End-to-end tests: the release app served by `trunk serve`, whose proxy forwards
// /proxy/e2e/ to a cloudsim server over real HTTP, driven in Debian's headless Chromium.
// Both servers bind to 127.0.0.1, and Playwright stops them when the run ends.
import { defineConfig } from "@playwright/test";

export const APP_PORT = 18080;
export const CLOUDSIM_PORT = 18787;
/** The soak test's cloudsim: about 30% of its answers are faults of every kind. */
export const SOAK_PORT = 18789;
export const SOAK_FAULTS = [
  "--latency-ms 20 --jitter-ms 150",
  "--error-rate 500=0.07,503=0.05,429=0.04",
  "--burst-429 3/40 --retry-after none",
  "--truncate-rate 0.05 --disconnect-rate 0.03",
  "--marker-cycle --hostile",
].join(" ");

export default defineConfig({
  testDir: ".",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: `../../target/release/cloudsim --port ${CLOUDSIM_PORT} --instances 500 --seed 1 --token e2e-token --project e2e-project`,
      // 401 without a token: the server is up.
      url: `http://127.0.0.1:${CLOUDSIM_PORT}/v1/e2e-project/instances`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `../../target/release/cloudsim --port ${SOAK_PORT} --instances 400 --seed 3 --token soak-token --project soak-project ${SOAK_FAULTS}`,
      url: `http://127.0.0.1:${SOAK_PORT}/__cloudsim/stats`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `trunk serve --offline --release --port ${APP_PORT} --proxy-backend http://127.0.0.1:${CLOUDSIM_PORT}/ --proxy-rewrite /proxy/e2e/`,
      cwd: "../..",
      url: `http://127.0.0.1:${APP_PORT}/`,
      reuseExistingServer: false,
      timeout: 600_000,
    },
  ],
});
