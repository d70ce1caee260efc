// Soak: the app left running against a cloudsim where about 30% of answers are faults of
// every kind (5xx, 429 bursts without Retry-After, 429s, truncated bodies, dropped
// connections, latency with jitter, slow bodies, marker cycles) and every string is an XSS
// payload, in four long-lived pages (soak/session.ts: a CloudDC list and an ECS list at the
// fastest interval, All instances across six connections walked again and again, a status
// view). Loopback only; two forms:
//   short (the test command): SOAK_SECONDS, default 150, sampled every 10 s, flat after its
//     first minute;
//   long (`make soak`, scripts/soak.sh, its own servers: soak/playwright.config.ts):
//     SOAK_MINUTES (120), sampled every minute, flat after its first 5 minutes, no trend
//     over its last hour.
// Every sample (soak/probe.ts): WASM memory, JS heap, DOM nodes, documents, event listeners
// and live timers of each page, after a forced garbage collection; the budgets are
// soak/budgets.ts's. The app must also stay responsive, surface every fault and recover from
// it, never panic or log a console error, never run a payload (both recorded as they happen,
// in every document), and send no request that nothing asked for (counted: a fired timer, a
// click, an arrival, a walk's answer). The figures are printed and saved.
import { test, expect } from "./fixtures";
import { SOAK_PORT } from "./playwright.config";
import { writeFileSync, mkdirSync } from "node:fs";
import { Session, CONNECTIONS } from "./soak/session";
import { judge, TREND_BUDGET, SHORT_TREND_BUDGET } from "./soak/budgets";

const LONG_MINUTES = Number(process.env.SOAK_MINUTES ?? 0);
const SECONDS = LONG_MINUTES > 0 ? LONG_MINUTES * 60 : Number(process.env.SOAK_SECONDS ?? 150);
const SAMPLE_EVERY = LONG_MINUTES > 0 ? 60 : 10;
const BASELINE_AT = LONG_MINUTES > 0 ? 300 : 60;
const TREND_MINUTES = 60;
const TREND = LONG_MINUTES > 0 ? TREND_BUDGET : SHORT_TREND_BUDGET;
const CLOUDSIM = `http://127.0.0.1:${process.env.SOAK_CLOUDSIM_PORT ?? SOAK_PORT}/__cloudsim`;
const OUT = process.env.SOAK_OUT ?? "test-results/soak.json";
/** An arrival on All instances asks each connection for at most this many pages: the soak's
 * fleet is 400 instances, one page at CloudDC's, ByCloud's and ECS's load-all page sizes and
 * four at ROMA's (100), and a marker cycle stops a walk at its third page; a retry follows a
 * timer. (Seen: 2.3 a connection on average.) */
const PAGES_PER_WALK = 6;

test.use({ expectHttpErrors: [429, 500, 502, 503], expectNetworkErrors: true });

test("soak: faults of every kind for a bounded time, memory and counts flat", async ({ page, request, browser, baseURL }) => {
  test.setTimeout((SECONDS + 600) * 1000);
  const session = new Session();
  await session.open(browser, page, baseURL!);
  await request.post(`${CLOUDSIM}/stats/reset`);
  const countsAtStart = Object.fromEntries(await Promise.all(session.pages.map(async (p) => [p.name, await p.counts()] as const)));

  mkdirSync(OUT.replace(/\/[^/]*$/, ""), { recursive: true });
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  let rounds = 0;
  let nextSample = 0;
  const soakGroups: Record<string, Record<string, number>> = {};
  const errorRounds: Record<string, number> = {};
  const all = session.get("all").page;
  // Samples are taken mid-round, with All instances' page on the connections page (no data
  // shown): what the app still holds once its views are left is what a leak would be, while
  // the rows All instances holds when open vary by megabytes with how its walks ended (done,
  // failed or stopped by a fault), and the overview's with how many of its cards answered.
  const sampleIfDue = async () => {
    if (elapsed() < nextSample) return;
    const t = elapsed();
    for (const p of session.pages) await p.sample(t);
    nextSample += SAMPLE_EVERY;
    // The samples so far, kept should the run stop early.
    writeFileSync(OUT, JSON.stringify({ partial: true, samples: Object.fromEntries(session.pages.map((p) => [p.name, p.samples])) }));
  };
  while (elapsed() < SECONDS) {
    // Responsive: every page answers its clicks; All instances settles every time.
    await session.round(sampleIfDue);
    rounds++;
    for (const c of CONNECTIONS) {
      const s = (await all.locator(`.walk-group[data-connection="${c.id}"]`).getAttribute("data-load-state")) ?? "missing";
      soakGroups[c.id] ??= {};
      soakGroups[c.id][s] = (soakGroups[c.id][s] ?? 0) + 1;
    }
    for (const p of session.pages) {
      if (await p.page.getByRole("alert").count()) errorRounds[p.name] = (errorRounds[p.name] ?? 0) + 1;
    }
    // Pace the rounds a little (the views refresh by themselves meanwhile).
    const wait = Math.min(nextSample - elapsed(), 3) * 1000;
    if (wait > 0) await page.waitForTimeout(wait);
  }
  await session.leaveAllInstances();
  const t = elapsed();
  for (const p of session.pages) await p.sample(t);
  const minutes = t / 60;

  // Recovered: every polling view comes back to data without an error banner by itself.
  for (const name of ["list", "ecs", "status"]) {
    await expect(session.get(name).page.getByRole("alert"), `${name} recovers`).toHaveCount(0, { timeout: 120_000 });
  }
  const stats = await (await request.get(`${CLOUDSIM}/stats`)).json();
  // No request storm, by counting (not by the clock): each page's requests weighed against
  // what may ask for one — a fired timer of 500 ms or more (the polling policy's shortest
  // wait, retries included: one request each), a click of the soak's on Refresh or the pager
  // (one each), and on the All instances page each arrival on the overview (one per card)
  // and on All instances (a walk of each connection, PAGES_PER_WALK at most).
  const requests: Record<string, { api: number; answers: number; timerFires: number; actions: number; allowed: number }> = {};
  for (const p of session.pages) {
    const now = await p.counts();
    const was = countsAtStart[p.name];
    const api = now.api - was.api;
    const answers = now.answers - was.answers;
    const timerFires = now.timerFires - was.timerFires;
    const actions = session.actions[p.name] + (p.name === "all" ? session.actions.overview : 0);
    const allowed =
      p.name === "all"
        ? timerFires + CONNECTIONS.length * (session.actions.overview + session.actions.all * PAGES_PER_WALK)
        : timerFires + actions;
    requests[p.name] = { api, answers, timerFires, actions, allowed };
  }
  const tallies = await session.tallies();
  // The polling views report every call they complete; All instances' walks say how they
  // ended in their groups instead (all_instances_group_states).
  const polling = ["list", "ecs", "status"];
  const failures = polling.reduce((n, name) => n + tallies[name].failures, 0);
  const reached = polling.reduce((n, name) => n + session.faults[name], 0);
  const faultKinds: Record<string, number> = stats.faults ?? {};
  const injected = Object.entries(faultKinds)
    .filter(([k]) => /^(status-|burst-429|truncated|disconnect)/.test(k))
    .reduce((n, [, v]) => n + (v as number), 0);
  const verdicts = Object.fromEntries(session.pages.map((p) => [p.name, judge(p.samples, BASELINE_AT, TREND_MINUTES, TREND)]));
  const alarms = session.pages.flatMap((p) => p.alarms.map((a) => ({ page: p.name, ...a })));
  const report = {
    seconds: Math.round(t),
    sample_every_seconds: SAMPLE_EVERY,
    baseline_at_seconds: BASELINE_AT,
    trend_budget: TREND,
    rounds,
    requests_made: stats.requests,
    requests_per_minute: Math.round(stats.requests / minutes),
    requests_each_page: requests,
    faults_injected: injected,
    faults_by_kind: faultKinds,
    faults_reaching_each_page: session.faults,
    calls_and_failures_each_page_counted: tallies,
    rounds_with_an_error_shown: errorRounds,
    all_instances_group_states: soakGroups,
    panics: alarms.filter((a) => a.kind === "crashed").length,
    payloads_executed: alarms.filter((a) => a.kind === "pwned").length,
    console_errors: session.consoleErrors,
    budgets: Object.fromEntries(
      Object.entries(verdicts).map(([name, vs]) => [
        name,
        Object.fromEntries(vs.map((v) => [v.metric, { baseline: v.baseline, end: v.end, slope_per_min: +v.slope.toFixed(3), trend: +v.trend.toFixed(1), problems: v.problems }])),
      ]),
    ),
    samples: Object.fromEntries(session.pages.map((p) => [p.name, p.samples])),
  };
  writeFileSync(OUT, JSON.stringify(report, null, 2));
  console.log(`SOAK ${JSON.stringify({ ...report, samples: undefined })}`);
  await session.close();

  expect(alarms, "no panic, no payload ran, in any document of any page").toEqual([]);
  expect(session.consoleErrors, "no console error on any page").toEqual([]);
  expect(
    Object.values(verdicts).flatMap((vs) => vs.flatMap((v) => v.problems)),
    "memory, DOM, listeners and timers stay flat",
  ).toEqual([]);
  expect(injected, "faults were injected").toBeGreaterThan(0);
  // Every fault that reached a polling view is a failed call it counted and showed; only a
  // call the app itself aborted after its answer's head arrived (Refresh, a page turned)
  // goes uncounted: those are few.
  expect(reached, "faults reached the polling views").toBeGreaterThan(0);
  expect(failures, "every fault surfaced").toBeGreaterThanOrEqual(Math.floor(reached * 0.9));
  for (const [name, r] of Object.entries(requests)) {
    expect(r.api, `${name}: requests were made (the counter counts)`).toBeGreaterThan(0);
    expect(r.api, `${name}: no request storm (requests within what asked for them: ${JSON.stringify(r)})`).toBeLessThanOrEqual(r.allowed);
  }
});
