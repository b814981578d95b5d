// trunk post_build hook (Trunk.toml): finishes the page trunk has just written, for `trunk build`
// (so `make dist`) and `trunk serve` alike. Run in the staging directory trunk names in
// TRUNK_STAGING_DIR (or the directory given as the first argument, to redo it on a copy).
//
// 1. Content-Security-Policy: adds the SHA-256 of every inline <script> of index.html (trunk's
//    loader, and in `trunk serve` its reload script) to script-src. index.html allows no inline
//    script at all otherwise ('unsafe-inline' is gone), so only these exact scripts can run.
// 2. Service worker: writes this build's id and file list into sw.js. A new build is therefore a
//    new worker, which caches exactly its own files and deletes the caches of older builds.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: no directory (TRUNK_STAGING_DIR or an argument)');
  process.exit(1);
}

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 1. Hashes of the inline scripts, exactly as the browser will read them (the text between the tags).
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/.test(m[1])) continue;
  hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}
const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src )([^;"]*)/;
if (!csp.test(html)) {
  console.error('postbuild: index.html has no Content-Security-Policy with a script-src');
  process.exit(1);
}
html = html.replace(csp, (_, head, list) => {
  const kept = list.split(/\s+/).filter((s) => s && !s.startsWith("'sha256-") && s !== "'unsafe-inline'");
  return head + [...kept, ...hashes].join(' ');
});
writeFileSync(indexPath, html);

// 2. The build's files (everything trunk wrote except the worker itself), and an id from their contents.
function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const files = walk(dir)
  .map((p) => relative(dir, p).split('\\').join('/'))
  .filter((f) => f !== 'sw.js' && f !== '404.html' && !f.startsWith('.'))
  .sort();
const id = createHash('sha256');
for (const f of files) id.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
const build = {
  id: id.digest('hex').slice(0, 16),
  // index.html is cached as the directory itself, the address the page is opened at.
  files: files.map((f) => (f === 'index.html' ? './' : f)),
};
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
const line = /^const BUILD = .*;$/m;
if (!line.test(sw)) {
  console.error('postbuild: sw.js has no `const BUILD = ...;` line');
  process.exit(1);
}
writeFileSync(swPath, sw.replace(line, `const BUILD = ${JSON.stringify(build)};`));
console.log(`postbuild: script-src ${hashes.length} inline script hash(es); sw.js build ${build.id}, ${files.length} files`);
