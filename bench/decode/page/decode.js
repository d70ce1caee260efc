// The load-all floors of `make bench` (figure 5), from the app's own planners: bench.mjs
// calls window.__loadAllFloors(...).
import init, * as d from "./skyglass_bench_decode.js";

const ready = init().then(() => {
  document.getElementById("status").textContent = "ready";
  window.__decodeReady = true;
});

/** The app's load-all floors (api/src/load_all: `min_round_trips`), page sizes and cap. */
window.__loadAllFloors = async (totalRows) => {
  await ready;
  return Object.fromEntries(
    ["clouddc", "roma", "bycloud"].map((s) => [
      s,
      { roundTrips: d.min_round_trips(s, totalRows), pageSize: d.load_all_page_size(s), parallel: d.load_all_parallel() },
    ]),
  );
};
