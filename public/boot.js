// Starts the app: replaces the inline loader trunk would write (Trunk.toml, pattern_script), so
// that the page has no inline script at all. index.html names the build's hashed files on this
// script's element (data-js, data-wasm).
//
// The WebAssembly is asked for once the shell has been painted, not before: on a slow connection
// the first screen (HTML, CSS, public/shell.js) then gets the bandwidth to itself, and a tap made
// meanwhile is kept by the shell (public/shell.js) and honoured by the app as it starts.
const el = document.querySelector('script[data-wasm]');

await new Promise((resolve) => {
  // A page opened in the background paints nothing until shown: load at once then.
  if (document.visibilityState !== 'visible') { resolve(); return; }
  // The task after the next frame comes after that frame's paint.
  requestAnimationFrame(() => setTimeout(resolve, 0));
  setTimeout(resolve, 1000);
});

const wasmResponse = fetch(el.dataset.wasm);
const { default: init } = await import(el.dataset.js);
const wasm = await init({ module_or_path: wasmResponse });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
