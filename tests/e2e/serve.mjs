// A tiny static server for the end-to-end tests: serves dist/ under a sub-path, the way GitHub
// Pages does (unknown paths get 404.html). Loopback only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

// E2E_DIST serves another build (e.g. a profiling build for tools/perf.mjs).
const root = process.env.E2E_DIST
  ? new URL(process.env.E2E_DIST.replace(/\/?$/, '/'), new URL('../../', import.meta.url)).pathname
  : new URL('../../dist/', import.meta.url).pathname;
const base = process.env.E2E_BASE || '/comeback/';
const port = Number(process.env.E2E_PORT || 4173);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain',
};

async function fileFor(path) {
  const p = normalize(join(root, path));
  if (!p.startsWith(root)) return null;
  try {
    const s = await stat(p);
    if (s.isDirectory()) return fileFor(join(path, 'index.html'));
    return p;
  } catch { return null; }
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/' ) { res.writeHead(302, { location: base }); res.end(); return; }
  if (!url.pathname.startsWith(base)) { res.writeHead(404); res.end('not under ' + base); return; }
  const rel = decodeURIComponent(url.pathname.slice(base.length));
  const file = await fileFor(rel || 'index.html');
  if (!file) {
    const nf = await fileFor('404.html');
    res.writeHead(404, { 'content-type': types['.html'] });
    res.end(nf ? await readFile(nf) : 'not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
  res.end(await readFile(file));
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ at http://127.0.0.1:${port}${base}`));
