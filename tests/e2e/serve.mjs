// A tiny static server for the end-to-end tests, `make perf` and `make audit`: serves dist/ under
// a sub-path the way GitHub Pages does (unknown paths get 404.html, text and wasm are sent gzipped
// when the browser accepts it). Loopback only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const repo = new URL('../../', import.meta.url).pathname;
const dirOf = (d) => new URL(d.replace(/\/?$/, '/'), new URL('../../', import.meta.url)).pathname;
// E2E_DIST serves another build (e.g. a profiling build for tools/perf.mjs).
let root = process.env.E2E_DIST ? dirOf(process.env.E2E_DIST) : dirOf('dist');
const base = process.env.E2E_BASE || '/comeback/';
const port = Number(process.env.E2E_PORT || 4173);
// GitHub Pages gzips; E2E_GZIP=0 serves files as they are.
const gzip = process.env.E2E_GZIP !== '0';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain',
};
const compressible = new Set(['.html', '.js', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);
const gzipped = new Map(); // path -> { mtime, body }

async function fileFor(path) {
  const p = normalize(join(root, path));
  if (!p.startsWith(root)) return null;
  try {
    const s = await stat(p);
    if (s.isDirectory()) return fileFor(join(path, 'index.html'));
    return p;
  } catch { return null; }
}

async function send(req, res, status, file) {
  const type = types[extname(file)] || 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'Accept-Encoding' };
  let body = await readFile(file);
  if (gzip && compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    const { mtimeMs } = await stat(file);
    let hit = gzipped.get(file);
    if (!hit || hit.mtime !== mtimeMs) {
      hit = { mtime: mtimeMs, body: gzipSync(body, { level: 9 }) };
      gzipped.set(file, hit);
    }
    body = hit.body;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/') { res.writeHead(302, { location: base }); res.end(); return; }
  // Tests only: serve another build from now on, as a deploy would (tests/e2e/offline.spec.ts).
  if (url.pathname === '/__e2e/serve') {
    const next = dirOf(url.searchParams.get('dir') || 'dist');
    if (!next.startsWith(repo)) { res.writeHead(400); res.end('outside the repository'); return; }
    root = next;
    res.writeHead(200); res.end('serving ' + root);
    return;
  }
  if (!url.pathname.startsWith(base)) { res.writeHead(404); res.end('not under ' + base); return; }
  const rel = decodeURIComponent(url.pathname.slice(base.length));
  const file = await fileFor(rel || 'index.html');
  if (!file) {
    const nf = await fileFor('404.html');
    if (nf) { await send(req, res, 404, nf); return; }
    res.writeHead(404, { 'content-type': types['.html'] });
    res.end('not found');
    return;
  }
  await send(req, res, 200, file);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}${gzip ? ' (gzip)' : ''}`));
