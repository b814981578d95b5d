// trunk post_build hook (Trunk.toml): finishes the build trunk has just written, for `trunk build`
// (so `make dist`) and `trunk serve` alike. Run in the staging directory trunk names in
// TRUNK_STAGING_DIR (or the directory given as the first argument, to redo it on a copy).
//
// Service worker: writes this build's id and file list into sw.js. A new build is therefore a new
// worker, which caches exactly its own files and deletes the caches of older builds.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: no directory (TRUNK_STAGING_DIR or an argument)');
  process.exit(1);
}

// The build's files (everything trunk wrote except the worker itself), and an id from their contents.
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
console.log(`postbuild: sw.js build ${build.id}, ${files.length} files`);
