// Starts the app. An external module (not an inline script) so that the page's
// Content-Security-Policy can forbid inline scripts. Every file name of the build carries a
// content hash (boot-<hash>.js too), so this file names none: it takes the JS glue's and the
// WASM's addresses from the preload links Trunk writes into index.html (Trunk.toml's
// pattern_preload), which have fetched both already.
function asset(kind) {
  const link = document.querySelector(`link[data-skyglass="${kind}"]`);
  if (!link) throw new Error(`index.html has no <link data-skyglass="${kind}">`);
  return link.href;
}

// The production build is split by route (deploy/split-build.sh): index.html maps route
// patterns to the files of their page's part, and names the Demo connections and the Demo
// cloud's files. What a deep link opens is fetched now, beside the main WASM, so that it is
// there when the router asks for it (the loader's fetch takes the preloaded answer).
// `trunk serve` builds one WASM and has no map.
function preloadPage() {
  const meta = document.querySelector('meta[name="skyglass-route-chunks"]');
  if (!meta) return;
  let map;
  try {
    map = JSON.parse(meta.content);
  } catch {
    return;
  }
  const path = location.pathname;
  const route = (map.routes || []).find(([pattern]) => new RegExp(pattern).test(path));
  const files = route ? [...route[1]] : [];
  const conn = /^\/c\/([^/]+)/.exec(path);
  if (conn && map.demo && map.demo.ids.includes(conn[1])) files.push(...map.demo.files);
  for (const href of new Set(files)) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.type = "application/wasm";
    link.crossOrigin = "anonymous";
    link.href = href;
    document.head.append(link);
  }
}

try {
  preloadPage();
  const { default: init } = await import(asset("js"));
  await init({ module_or_path: asset("wasm") });
} catch (err) {
  document.body.textContent = "Skyglass could not start: " + err;
}
