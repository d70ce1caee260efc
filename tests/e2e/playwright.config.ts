// End-to-end tests: the release app served by `trunk serve`, whose proxy forwards
// /proxy/e2e/ to a cloudsim server over real HTTP, driven in Debian's headless Chromium.
// Both servers bind to 127.0.0.1, and Playwright stops them when the run ends.
import { defineConfig } from "@playwright/test";

export const APP_PORT = 18080;
export const CLOUDSIM_PORT = 18787;

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
      command: `trunk serve --offline --release --port ${APP_PORT} --proxy-backend http://127.0.0.1:${CLOUDSIM_PORT}/ --proxy-rewrite /proxy/e2e/`,
      cwd: "../..",
      url: `http://127.0.0.1:${APP_PORT}/`,
      reuseExistingServer: false,
      timeout: 600_000,
    },
  ],
});
