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

try {
  const { default: init } = await import(asset("js"));
  await init({ module_or_path: asset("wasm") });
} catch (err) {
  document.body.textContent = "Skyglass could not start: " + err;
}
