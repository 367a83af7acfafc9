#!/usr/bin/env node
// Decapod's command line. The engine is TypeScript (workers/, shared with the Web Worker); this
// bundles cli/main.ts with esbuild into node_modules/.cache once per change of the sources (about
// 100 ms), so the command runs as plain JavaScript: no loader hooks, no per-function wrappers.
// The bundle is CommonJS run through vm.Script with V8's code cache beside it (written after the
// first run, with the functions that run compiled): compiling the 600 KB bundle was ~40 ms of
// every run, a quarter of a small capture's.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'decapod', 'cli.cjs');
const codeCache = `${out}.v8cache`;

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
  await build({
    entryPoints: [join(root, 'cli', 'main.ts')],
    outfile: out,
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
  rmSync(codeCache, { force: true });
}

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
    writeFileSync(codeCache, script.createCachedData());
  } catch {
    // a read-only checkout runs without the cache
  }
}
