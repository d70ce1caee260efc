// The development server still works: `trunk serve` (the one unsplit WASM, Trunk's own
// index.html and preloads, `maybe_lazy!` parts as plain async functions) shows the overview
// and a Demo list. One smoke spec; everything else runs against the production build.
//   cd tests/e2e && npx playwright test -c dev/playwright.config.ts   (scripts/test.sh runs it)
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

const PORT = 18090;

export default defineConfig({
  testDir: ".",
  outputDir: "../test-results/dev",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  // A `test.only` left in a spec fails the run on CI (CI=true) instead of skipping the rest.
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, browserName: "chromium", launchOptions: base.use?.launchOptions },
  webServer: [
    {
      command: `trunk serve --offline --release --port ${PORT}`,
      cwd: path.resolve(__dirname, "../../.."),
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      // trunk serve builds the release app first (about 3 minutes on 2 cores from cold).
      timeout: 900_000,
    },
  ],
});
