#!/usr/bin/env node
// Decapod's command line. The engine is TypeScript (workers/, shared with the Web Worker); this
// bundles cli/main.ts with esbuild into node_modules/.cache once per change of the sources (about
// 100 ms), so the command runs as plain JavaScript: no loader hooks, no per-function wrappers.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'decapod', 'cli.mjs');

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
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
}
const { main } = await import(pathToFileURL(out).href);
process.exitCode = await main(process.argv.slice(2));
