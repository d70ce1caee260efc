// End-to-end tests: the production build, split by route (deploy/build.sh target/deploy-dist),
// served by the nginx of deploy/ (rendered for this machine by deploy/render-test.py), whose
// proxy forwards /proxy/e2e/ and /proxy/soak/ to cloudsim servers over real HTTP, driven in
// Debian's headless Chromium. Every server binds to 127.0.0.1, and Playwright stops them
// when the run ends.
//   deploy/build.sh target/deploy-dist && cargo build --release -p cloudsim
//   cd tests/e2e && npx playwright test            (scripts/test.sh e2e does all three)
import path from "node:path";
import { defineConfig } from "@playwright/test";

export const APP_PORT = 18080;
export const CLOUDSIM_PORT = 18787;
/** The soak test's cloudsim: about 30% of its answers are faults of every kind. */
export const SOAK_PORT = 18789;
/** The secrets test's cloudsim (secrets.spec.ts): every list call answers 500 repeating the
 * request's credentials headers, raw and escaped (--echo-credentials). */
export const ECHO_PORT = 18790;
/** Its credentials: a token longer than the 500 bytes an error field shows and a temporary
 * key pair, with the characters every encoding changes (simulated, nothing secret). */
export const ECHO = {
  token: "MIIEcho" + "+Tok/en=Part".repeat(60),
  accessKey: "ECHOAK",
  secretKey: "echo/Secret+Key=9z",
  securityToken: "echo+Security/Token==5c",
};
/** The e2e cloudsim's IAM users and access keys (auth.spec.ts; simulated, nothing secret). */
export const IAM = {
  domain: "e2e-account",
  region: "cn-north-4",
  user: "ops",
  mfaUser: "mfa-ops",
  mfaUserId: "e2e-mfa-ops-id",
  mfaCode: "246810",
  /** Tokens last 10 minutes: inside the 15 minutes before expiry when the banner shows. */
  briefUser: "brief-ops",
  password: "e2e-Passw0rd!",
  accessKey: "E2EAK",
  secretKey: "e2e-secret-key-9f8e",
  tempAccessKey: "E2ETMPAK",
  tempSecretKey: "e2e-temp-secret-7a6b",
  securityToken: "e2e-security-token-5c4d",
};
/** The flags that give a cloudsim server those users and keys. */
export const IAM_FLAGS = [
  `--project-name ${IAM.region}`,
  `--user ${IAM.domain}/${IAM.user}:${IAM.password},id=e2e-ops-id`,
  `--user ${IAM.domain}/${IAM.mfaUser}:${IAM.password},id=${IAM.mfaUserId},mfa=${IAM.mfaCode}`,
  `--user ${IAM.domain}/${IAM.briefUser}:${IAM.password},id=e2e-brief-id,ttl=600`,
  `--access-key ${IAM.accessKey}:${IAM.secretKey}`,
  `--access-key ${IAM.tempAccessKey}:${IAM.tempSecretKey}:${IAM.securityToken}`,
].join(" ");
export const SOAK_FAULTS = [
  "--latency-ms 20 --jitter-ms 150",
  "--error-rate 500=0.07,503=0.05,429=0.04",
  "--burst-429 3/40 --retry-after none",
  "--truncate-rate 0.05 --disconnect-rate 0.03",
  "--marker-cycle --hostile",
].join(" ");

const REPO = path.resolve(__dirname, "../..");
const CLOUDSIM = "../../target/release/cloudsim";
/** The nginx prefix of this suite (config, logs, temp files); the deployment suite has its own. */
const PREFIX = path.join(REPO, "target/nginx-e2e-app");
const NGINX = [
  "python3 deploy/render-test.py",
  `--prefix ${PREFIX} --port ${APP_PORT} --root ${path.join(REPO, "target/deploy-dist")}`,
  `--upstream http://127.0.0.1:${CLOUDSIM_PORT}/ --route soak=http://127.0.0.1:${SOAK_PORT}/ --route echo=http://127.0.0.1:${ECHO_PORT}/ --check`,
  `&& exec nginx -p ${PREFIX} -c ${PREFIX}/nginx.conf -e ${PREFIX}/logs/error.log`,
].join(" ");

/** A cloudsim server for a suite: `binary` with `args` on `port`, up when `ready` answers
 * (its statistics by default). */
export function cloudsimServer(binary: string, port: number, args: string, ready = "/__cloudsim/stats") {
  return {
    command: `${binary} --port ${port} ${args}`,
    url: `http://127.0.0.1:${port}${ready}`,
    reuseExistingServer: false,
    timeout: 30_000,
  };
}

/** The suite's nginx: `command` renders and starts it (from the repository); up when it
 * serves index.html on `port`. */
export function nginxServer(command: string, port: number) {
  return {
    command,
    cwd: REPO,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
  };
}

export default defineConfig({
  testDir: ".",
  // nginx/: the production deployment's suite; dev/: the trunk serve smoke test (each with a config of its own).
  testIgnore: ["nginx/**", "dev/**"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A `test.only` left in a spec fails the run on CI (CI=true) instead of skipping the rest.
  forbidOnly: !!process.env.CI,
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
    // 401 without a token: the server is up.
    cloudsimServer(CLOUDSIM, CLOUDSIM_PORT, `--instances 500 --seed 1 --token e2e-token --project e2e-project ${IAM_FLAGS}`, "/v1/e2e-project/instances"),
    cloudsimServer(CLOUDSIM, SOAK_PORT, `--instances 400 --seed 3 --token soak-token --project soak-project ${SOAK_FAULTS}`),
    cloudsimServer(
      CLOUDSIM,
      ECHO_PORT,
      `--instances 50 --seed 5 --token ${ECHO.token} --project e2e-project --access-key ${ECHO.accessKey}:${ECHO.secretKey}:${ECHO.securityToken} --echo-credentials`,
    ),
    nginxServer(NGINX, APP_PORT),
  ],
});
