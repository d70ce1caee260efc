// Loads the app. An external module (not an inline script) so that the page's
// Content-Security-Policy can forbid inline scripts.
import init from "./skyglass.js";

init().catch((err) => {
  document.body.textContent = "Skyglass could not start: " + err;
});
