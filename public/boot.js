// Starts the app: replaces the inline loader trunk would write (Trunk.toml, pattern_script), so
// that the page has no inline script at all. index.html names the build's hashed files on this
// script's element (data-js, data-wasm).
//
// The WebAssembly is asked for once the shell is on the screen, not before: on a slow connection
// the first screen (HTML, CSS, public/shell.js) then gets the bandwidth to itself, and a tap made
// meanwhile is kept by the shell (public/shell.js) and honoured by the app as it starts. (It also
// keeps Lighthouse from counting the wasm's download in the time of the largest paint.)
const el = document.querySelector('script[data-wasm]');

await new Promise((resolve) => {
  // A page opened in the background paints nothing until shown: load at once then.
  if (document.visibilityState !== 'visible') { resolve(); return; }
  // The browser reports the first contentful paint once it is on the screen; by then the whole
  // shell is (the HTML is small and the CSS and shell.js come before any paint).
  try {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      resolve();
    }).observe({ type: 'paint', buffered: true });
  } catch (_) {
    requestAnimationFrame(() => setTimeout(resolve, 0)); // no paint timing: the frame after next
  }
  setTimeout(resolve, 3000); // never wait for ever
});

const wasmResponse = fetch(el.dataset.wasm);
const { default: init } = await import(el.dataset.js);
const wasm = await init({ module_or_path: wasmResponse });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
