// Input-to-paint latency of the live coach, in headless Chromium at phone size (390x844, touch)
// with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate). Run with `make perf`; it serves
// dist/ itself (E2E_DIST=<dir> measures another build).
//
// For each real key press in a step field holding a story of N words, a Chromium trace gives:
//   - "input to painted": from the start of the `input` event (the browser has just put the
//     character into the field) to the end of the Commit of the first frame after it, which is the
//     frame that carries the feedback: the app analyses in a requestAnimationFrame callback of that
//     frame and re-renders before its style, layout and paint. This is the issue's figure.
//   - its parts: the app's input handler, the frame's rAF callbacks (analysis and re-render), its
//     style/layout/paint, and the commit.
//   - "key to painted": the same from the keydown, which adds the browser's own text editing.
// A bare textarea holding the same text is measured first as the floor set by the browser, and the
// same with a verdict change done by hand as the floor for a key press that changes the verdict.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const port = Number(process.env.E2E_PORT || 4174);
const base = process.env.E2E_BASE || '/comeback/';
const server = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, E2E_PORT: String(port), E2E_BASE: base }, stdio: 'ignore' });
// PERF_BASELINE=<dir>[,<dir>...]: other builds (say, the one before a change) measured in the same
// run, their scenarios interleaved with this build's, so that the medians are side by side.
// PERF_ONLY=<regex> keeps only the scenarios whose label matches.
const baselines = (process.env.PERF_BASELINE || '').split(',').filter(Boolean);
const baselineServers = baselines.map((dir, i) => spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, E2E_DIST: dir, E2E_PORT: String(port + 1 + i), E2E_BASE: base }, stdio: 'ignore' }));
const only = process.env.PERF_ONLY ? new RegExp(process.env.PERF_ONLY) : null;
await new Promise((r) => setTimeout(r, 800));

const KEYS = Number(process.env.PERF_KEYS || 40);
// PERF_RATE=1 measures without the slowdown: what the work itself costs (default 4).
const RATE = Number(process.env.PERF_RATE || 4);
// PERF_DIGITS: decimals of the figures (1 by default; 2 to compare sub-millisecond parts at rate 1).
const DIGITS = Number(process.env.PERF_DIGITS || 1);
const WARM = Number(process.env.PERF_WARM ?? 0);
// Scenarios are measured in turns, ROUNDS times, so that a busy moment on the machine does not
// fall on one scenario only; the figures are over all key presses of all rounds.
const ROUNDS = Number(process.env.PERF_ROUNDS || 3);
const words = (n) => {
  const s = 'On the Friday peak our checkout served 12,000 orders when I found the failover had left us writing to a read-only replica for 40 minutes, so I paged the database lead within 9 minutes and we moved traffic to the standby cluster. ';
  const w = s.split(' ').filter(Boolean);
  return Array.from({ length: n }, (_, i) => w[i % w.length]).join(' ');
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** The renderer main thread's complete events, sorted by start. */
function mainThread(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/** Per key press: the figures described at the top, in ms. */
function perKey(events) {
  const type = (e) => e.name === 'EventDispatch' && e.args?.data?.type;
  const out = [];
  for (const input of events.filter((e) => type(e) === 'input')) {
    const keydown = events.filter((e) => type(e) === 'keydown' && e.ts <= input.ts).pop();
    const frame = events.find((e) => e.name === 'WebFrameWidgetImpl::BeginMainFrame' && e.ts > input.ts);
    if (!frame || !keydown) continue;
    const commit = events.find((e) => e.name === 'Commit' && e.ts > frame.ts);
    if (!commit) continue;
    const end = commit.ts + commit.dur;
    const inFrame = (name) => events.filter((e) => e.name === name && e.ts >= frame.ts && e.ts < end).reduce((s, e) => s + e.dur, 0);
    out.push({
      toPaint: (end - input.ts) / 1000,
      fromKey: (end - keydown.ts) / 1000,
      handler: input.dur / 1000,
      raf: inFrame('FireAnimationFrame') / 1000,
      lifecycle: inFrame('WebFrameWidgetImpl::UpdateLifecycle') / 1000,
      commit: commit.dur / 1000,
    });
  }
  return out;
}

const samples = new Map();
async function typeAndMeasure(page, label, keyFor = (i) => (i % 7 === 6 ? 'Space' : 'KeyA')) {
  // Optional warm-up (PERF_WARM=<key presses>, none by default): V8 first compiles WebAssembly
  // with its baseline compiler and optimises hot functions in the background, so warmed-up typing
  // runs faster code in the input handler; the typed words also make the last sentence longer.
  // An even count leaves the flipping scenario as it started.
  for (let i = 0; i < WARM; i++) {
    await page.keyboard.press(keyFor(i));
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'] });
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(keyFor(i));
    await page.waitForTimeout(120);
  }
  const trace = await browser.stopTracing();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  samples.set(label, [...(samples.get(label) || []), ...perKey(mainThread(trace)).slice(3)]);
}

// The browser's own floor for a key press that changes the verdict: the app's stylesheet, a
// textarea with the same 400 words, and, in an animation frame after each input event, the same DOM
// changes the app makes when key 2 flips (seen with a MutationObserver), written by hand in plain
// JavaScript: the step's class and symbol, the status line, a problem added or removed, a finding
// moved and relabelled, a piece of evidence shown or hidden. No analysis, no framework.
const css = fs.readFileSync(new URL('../style/main.css', import.meta.url), 'utf8');
const verdictFloorPage = `<meta name="viewport" content="width=device-width"><style>${css}</style>
<main><div class="wizard">
<nav class="stepper" aria-label="Steps"><ol>${[1, 2, 3, 4, 5].map((n) => `<li class="step-item ${n === 2 ? 'needs-work current' : 'empty'}"><a href="#" aria-label="Key ${n}"><span class="step-num">${n}</span><span class="step-name">Step</span><span class="step-state">${n === 2 ? '!' : '○'}</span></a></li>`).join('')}<li class="step-item review"><a href="#"><span class="step-num">★</span><span class="step-name">Review</span></a></li></ol></nav>
<article class="step"><div class="fields"><div class="field"><label for="t">The situation, with its numbers</label><textarea id="t" rows="6"></textarea></div></div>
<section class="feedback"><h2 class="fb-title">Coach</h2><p class="sr-only" aria-live="polite" id="say"></p><p class="key-status needs-work" id="status">! Missing: no figure about this failure.</p>
<ul class="findings" id="list">
<li class="finding problem" id="missing"><p class="finding-head"><span class="badge">Problem</span><span class="finding-msg">Add at least one exact figure about this failure: users or patients affected, money at risk, a percentage, how long it lasted.</span></p></li>
<li class="finding warn" id="vague"><p class="finding-head"><span class="badge">Check</span><span class="finding-msg">Put a number on it: how many people, how much money, what share, how long?</span></p><p class="quote"><span class="sr-only">Your words: </span><q>many</q></p><button type="button" class="quiet small">Keep it as it is</button></li>
<li class="finding warn" id="long"><p class="finding-head"><span class="badge">Check</span><span class="finding-msg">This sentence has 42 words. Split it: spoken sentences work best under 30.</span></p><p class="quote"><span class="sr-only">Your words: </span><q>On the Friday peak our checkout served many orders when I found the failover had left us writing to a read-only replica for many minutes, so I paged the database lead within many minutes and we moved traffic to the standby cluster.</q></p><button type="button" class="quiet small">Keep it as it is</button></li>
</ul><div class="fb-evidence" id="ev" hidden><h3 class="fb-sub">What already counts</h3><ul class="evidence" id="evlist"></ul></div></section></article></div></main>
<script>
let met = false; const $ = (id) => document.getElementById(id);
const missing = $('missing');
const step = document.querySelectorAll('.step-item')[1];
$('t').addEventListener('input', () => requestAnimationFrame(() => {
  met = !met;
  step.className = met ? 'step-item met current' : 'step-item needs-work current';
  step.querySelector('a').setAttribute('aria-label', met ? 'Key 2: met' : 'Key 2: needs work');
  step.querySelector('.step-state').textContent = met ? '✓' : '!';
  $('status').className = met ? 'key-status met' : 'key-status needs-work';
  $('status').textContent = met ? '✓ Met: 1 figure about this failure.' : '! Missing: no figure about this failure.';
  const vague = $('vague');
  if (met) { missing.remove(); $('list').append(vague); } else { $('list').prepend(missing); missing.after(vague); }
  vague.className = met ? 'finding info' : 'finding warn';
  vague.querySelector('.badge').textContent = met ? 'Tip' : 'Check';
  $('ev').hidden = !met;
  if (met) { const li = document.createElement('li'); li.innerHTML = '<span aria-hidden="true">✓ </span>A figure that shows the scale of what happened. <q>35%</q>'; $('evlist').append(li); } else { $('evlist').replaceChildren(); }
  $('say').textContent = met ? 'Key 2 is now met.' : 'Key 2 needs work again.';
}));
</script>`;

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const scenarios = [
  ['bare textarea (floor), 400 words', async (page) => {
    await page.setContent('<meta name="viewport" content="width=device-width"><style>textarea{width:100%;font:17px system-ui}</style><label for="t">t</label><textarea id="t" rows="6"></textarea>');
    await page.fill('#t', words(400));
    await page.focus('#t');
  }],
  ['bare textarea + the DOM changes of a verdict change by hand (floor), 400 words', async (page) => {
    await page.setContent(verdictFloorPage);
    await page.fill('#t', words(400));
    await page.focus('#t');
    await page.keyboard.press('End');
  }],
  ...[[port, ''], ...baselines.map((dir, i) => [port + 1 + i, ` [${dir}]`])].flatMap(([at, which]) => [[400, false], [2000, false], [400, true]].map(([n, flip]) => [`step 2 with live coach, ${n} words${flip ? ', every key changes the verdict' : ''}${which}`, async (page) => {
    await page.goto(`http://127.0.0.1:${at}${base}`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    // Taps, as on a phone: a mouse left over the page would add hover hit-testing to every frame.
    await page.getByRole('button', { name: 'Start a new story' }).tap();
    await page.getByRole('link', { name: /Numbers/ }).tap();
    const field = page.getByLabel('The situation, with its numbers');
    // The flipping case has no figure until "%" turns its last words ("hit 35") into one: typing "%"
    // meets key 2 and deleting it fails it again, so every key press changes the coach panel, the
    // step indicator and the announcement.
    await field.fill(flip ? `${words(n - 4).replace(/\d[\d,]*/g, 'many')}. The outage hit 35` : words(n));
    await page.waitForTimeout(500);
    await field.focus();
    await page.keyboard.press('End');
  }, flip ? (i) => (i % 2 === 0 ? 'Shift+Digit5' : 'Backspace') : undefined])),
].filter(([label]) => !only || only.test(label));
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, setUp, keyFor] of scenarios) {
      const page = await browser.newPage(phone);
      await setUp(page);
      await typeAndMeasure(page, label, keyFor);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
  for (const b of baselineServers) b.kill();
}
const results = [...samples].map(([label, keys]) => {
  const q = (f, p) => { const a = keys.map(f).sort((x, y) => x - y); return +a[Math.min(a.length - 1, Math.floor(p * a.length))].toFixed(DIGITS); };
  const med = (f) => q(f, 0.5);
  return {
    page: label, keys: keys.length,
    'input to painted, median': med((k) => k.toPaint), 'p95': q((k) => k.toPaint, 0.95),
    'app: handler': med((k) => k.handler), 'app: rAF': med((k) => k.raf), 'style+layout+paint': med((k) => k.lifecycle),
    'commit': med((k) => k.commit), 'key to painted': med((k) => k.fromKey),
    'app: handler + rAF, mean': +(keys.reduce((s, k) => s + k.handler + k.raf, 0) / keys.length).toFixed(DIGITS + 1),
  };
});
console.log(`input-to-paint (ms), phone 390x844, CPU slowed ${RATE}x, ${ROUNDS} rounds of ${KEYS} key presses, headless Chromium ${browser.version()}`);
console.table(results);
