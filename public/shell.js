// The app shell's only script, run in <head> before the first paint (a classic script from the
// page's own origin: no inline script is allowed by the Content-Security-Policy).
//
// 1. Which first screen to show while the WebAssembly loads. index.html holds the home page; a
//    page other than home (a deep link such as #/story/<id>/3, or the story the app will reopen)
//    gets a neutral shell instead, so the home page never flashes before it. The answer is a class
//    on <html>: `shell-neutral`, or `shell-returning` (stories exist: home shows them, not the
//    five keys). It reads localStorage (never writes it) with the key names of src/storage.rs.
// 2. A tap on "Start a new story" or "Explore a worked example" before the app is ready is kept
//    in <html data-pending="new|example">; the app acts on it once (src/app.rs) as it starts.
// 3. The class `shell-js` hides the shell's "needs JavaScript" line (a <noscript> would do, but
//    not in browsers that merely block scripts).
(function () {
  var root = document.documentElement;
  var STORY = 'comeback.story.';

  function isHome(hash) {
    var parts = hash.replace(/^#/, '').split('/').filter(Boolean);
    return parts.length === 0 || (parts.length === 1 && parts[0] === 'stories');
  }

  function storyIdOf(hash) {
    var m = /^#\/story\/([^/]+)/.exec(hash || '');
    if (!m) return null;
    try { return decodeURIComponent(m[1]); } catch (e) { return null; }
  }

  function decide() {
    var hash = location.hash;
    var neutral = !isHome(hash);
    var returning = false;
    try {
      var ls = window.localStorage;
      for (var i = 0; i < ls.length; i++) {
        var k = ls.key(i);
        if (k && k.indexOf(STORY) === 0) { returning = true; break; }
      }
      // Opened afresh (no hash): the app goes back to the story that was open last time.
      if (!neutral && returning && (hash === '' || hash === '#')) {
        var meta = JSON.parse(ls.getItem('comeback.meta') || 'null');
        var id = meta && typeof meta.route === 'string' ? storyIdOf(meta.route) : null;
        if (id !== null && ls.getItem(STORY + id) !== null) neutral = true;
      }
    } catch (e) {
      // Storage blocked or a value we cannot read: the app will say so; show the home shell.
    }
    root.classList.toggle('shell-neutral', neutral);
    root.classList.toggle('shell-returning', returning);
  }

  // Scripts run: the shell's "needs JavaScript" line is not for this browser.
  root.classList.add('shell-js');
  decide();

  function shellIsUp() { return document.getElementById('shell') !== null; }

  // A link followed before the app is ready ("Check an answer I already have") changes the hash:
  // the app will open that page, so the shell turns neutral and forgets an earlier tap.
  window.addEventListener('hashchange', function () {
    if (!shellIsUp()) return;
    delete root.dataset.pending;
    // Scripts run: the shell's "needs JavaScript" line is not for this browser.
  root.classList.add('shell-js');
  decide();
  });

  document.addEventListener('click', function (ev) {
    if (!shellIsUp() || !ev.target || !ev.target.closest) return;
    var el = ev.target.closest('#shell [data-shell]');
    if (!el) return;
    ev.preventDefault();
    var what = el.getAttribute('data-shell');
    if (what === 'skip') {
      var main = document.querySelector('#shell main');
      if (main) main.focus();
      return;
    }
    root.dataset.pending = what;
    el.setAttribute('aria-busy', 'true');
    // Say that the tap was taken: the neutral shell with its "Opening Comeback…" line.
    root.classList.add('shell-neutral');
  });
})();
