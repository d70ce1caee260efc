// The long soak (`make soak`, scripts/soak.sh): soak.spec.ts with SOAK_MINUTES, on servers of
// its own — ports, nginx prefix, and a copy of the build and of cloudsim under target/soak/
// (scripts/soak.sh makes them) — so that it runs for hours beside the other suites without
// sharing anything with them. Its figures go to target/soak/soak.json.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base, { SOAK_FAULTS, cloudsimServer, nginxServer } from "../playwright.config";

const REPO = path.resolve(__dirname, "../../..");
const DIR = path.join(REPO, "target/soak");
const APP_PORT = Number(process.env.SOAK_APP_PORT ?? 18180);
const CLOUDSIM_PORT = Number(process.env.SOAK_CLOUDSIM_PORT ?? 18889);
// soak.spec.ts reads the cloudsim's statistics at this port (the workers inherit it).
process.env.SOAK_CLOUDSIM_PORT = String(CLOUDSIM_PORT);
// Per port, so that two runs (a long one and a short one trying a change) can run side by side.
const PREFIX = path.join(DIR, `nginx-${APP_PORT}`);
const NGINX = [
  "python3 deploy/render-test.py",
  `--prefix ${PREFIX} --port ${APP_PORT} --root ${path.join(DIR, "dist")}`,
  `--upstream http://127.0.0.1:${CLOUDSIM_PORT}/ --route soak=http://127.0.0.1:${CLOUDSIM_PORT}/ --check`,
  `&& exec nginx -p ${PREFIX} -c ${PREFIX}/nginx.conf -e ${PREFIX}/logs/error.log`,
].join(" ");

export default defineConfig({
  ...base,
  testDir: "..",
  testMatch: "soak.spec.ts",
  testIgnore: [],
  outputDir: path.join(DIR, `test-results-${APP_PORT}`),
  use: { ...base.use, baseURL: `http://127.0.0.1:${APP_PORT}` },
  webServer: [
    cloudsimServer(path.join(DIR, "cloudsim"), CLOUDSIM_PORT, `--instances 400 --seed 3 --token soak-token --project soak-project ${SOAK_FAULTS}`),
    nginxServer(NGINX, APP_PORT),
  ],
});
