#!/usr/bin/env node
// Decapod's command line. The engine is TypeScript (workers/, shared with the Web Worker); this
// bundles cli/main.ts with esbuild into node_modules/.cache once per change of the sources (about
// 100 ms), so the command runs as plain JavaScript: no loader hooks, no per-function wrappers.
// The bundle is CommonJS run through vm.Script with V8's code cache beside it (written after the
// first run, with the functions that run compiled): compiling the 600 KB bundle was ~40 ms of
// every run, a quarter of a small capture's.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'decapod', 'cli.cjs');

/** Newest modification time under the folders the CLI is built from. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

let fresh = false;
try {
  fresh = statSync(out).mtimeMs >= Math.max(newest(join(root, 'workers')), newest(join(root, 'cli')), newest(join(root, 'src', 'lib', 'profiles')));
} catch {
  fresh = false;
}
if (!fresh) {
  mkdirSync(dirname(out), { recursive: true });
  // imported only to rebuild: loading esbuild takes ~60 ms, a tenth of a small capture's run
  const { build } = await import('esbuild');
  // built beside and renamed into place: another run starting meanwhile reads the old or the new
  // bundle whole, never a part of one
  const building = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(root, 'cli', 'main.ts')],
    outfile: building,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    // the row writer thread starts this file again (cli/row-thread.ts)
    banner: { js: 'var decapodBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': 'decapodBundleUrl' },
  });
  renameSync(building, out);
  for (const f of readdirSync(dirname(out))) if (f.endsWith('.v8cache')) rmSync(join(dirname(out), f), { force: true });
}

// The cache is named after the bundle's size and time: V8 checks a cache against the source's
// length only, so a cache written by a run of an older bundle must never be read for a newer one.
const bundle = statSync(out);
const codeCache = join(dirname(out), `cli.${bundle.size}.${Math.floor(bundle.mtimeMs)}.v8cache`);

let cached;
try {
  cached = readFileSync(codeCache);
} catch {
  cached = undefined;
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(out, 'utf8')}\n})`, { filename: out, cachedData: cached });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(out), module, out, dirname(out));
process.exitCode = await module.exports.main(process.argv.slice(2));
if (cached === undefined || script.cachedDataRejected) {
  try {
    const writing = `${codeCache}.${process.pid}.tmp`;
    writeFileSync(writing, script.createCachedData());
    renameSync(writing, codeCache);
  } catch {
    // a read-only checkout runs without the cache
  }
}
