// Regenerates test/fixtures/filters/expected/: what tshark 4.0 answers for every filter of
// test/fixtures/filters/valid.txt on every corpus capture it reads and on a generated capture
// (<capture>.json.gz), and its error for every filter of invalid.txt (invalid.json). The tests
// read these files and never run tshark.
//
//   npx tsx scripts/make-filter-fixtures.ts [--check N] [--values-only]   (needs tshark, sharkd, python3)
//
// Matches come from sharkd (the same dfilter engine as tshark, loaded once per capture, so the
// whole run takes minutes instead of hours). One sharkd per capture: a sharkd that had loaded
// several files answered a `&` filter with another file's frames. `--check N` re-runs N random
// (capture, filter) pairs through `tshark -Y` and fails if any answer differs.
// UDP 8472 is decoded as VXLAN everywhere (a decode_as_entries file in a private config dir), as
// Decapod does by default. Each capture's file also holds tshark's values of the fields the
// filters name, so that the test can tell a filter bug (same field values, different answer)
// from a dissector gap: the protocols' columns say whether tshark has the protocol's item (a
// protocol in frame.protocols may have no item, when its dissector failed before adding it).
// `--values-only` keeps the recorded matches and re-runs only the field values.

import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CORPUS_CAPTURES, EXPECTED, GENERATED, generateCapture, namesIn, readList, sha256, type ExpectedCapture } from '../test/workers/filter/fixtures.ts';

const run = promisify(execFile);
/** Captures tshark reads as something else than a capture (MIME, empty ERF): Decapod reports an error. */
const SKIP = new Set(['pcapng-truncated-shb.pcapng', 'pcap-empty-file.pcap']);

type Reply = { result?: unknown; error?: { message: string } };

class Sharkd {
  private id = 0;
  private pending = new Map<number, (v: Reply) => void>();
  private proc;

  constructor(env: NodeJS.ProcessEnv) {
    this.proc = spawn('sharkd', ['-'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    createInterface({ input: this.proc.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const msg = JSON.parse(line) as Reply & { id: number };
      this.pending.get(msg.id)?.(msg);
      this.pending.delete(msg.id);
    });
  }

  call(method: string, params: Record<string, unknown>): Promise<Reply> {
    const id = ++this.id;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.proc.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.stdin.end();
    });
  }
}

/** tshark's field and protocol names (`tshark -G fields`: F lines are fields, P lines protocols). */
async function tsharkNames(): Promise<{ fields: Set<string>; protocols: Set<string> }> {
  const { stdout } = await run('tshark', ['-G', 'fields'], { maxBuffer: 1 << 28 });
  const fields = new Set<string>();
  const protocols = new Set<string>();
  for (const line of stdout.split('\n')) {
    const p = line.split('\t');
    if (p[0] === 'F' && p[2]) fields.add(p[2]);
    if (p[0] === 'P' && p[2]) protocols.add(p[2]);
  }
  return { fields, protocols };
}

interface Job {
  name: string;
  path: string;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--check');
  const checkN = at > 0 ? Number(process.argv[at + 1]) || 0 : 0;
  const valuesOnly = process.argv.includes('--values-only');
  const valid = readList('valid.txt');
  const invalid = readList('invalid.txt');
  const cfg = mkdtempSync(join(tmpdir(), 'wscfg-'));
  mkdirSync(join(cfg, 'wireshark'));
  writeFileSync(join(cfg, 'wireshark', 'decode_as_entries'), 'decode_as_entry: udp.port,8472,(none),VXLAN\n');
  const env = { ...process.env, XDG_CONFIG_HOME: cfg };
  const { fields: known, protocols: knownProtocols } = await tsharkNames();

  // every valid filter must compile in tshark, every invalid one must not
  const sharkd = new Sharkd(env);
  const errors: { filter: string; error: string }[] = [];
  for (const f of valid) {
    const r = await sharkd.call('check', { filter: f });
    if (r.error) throw new Error(`valid.txt: tshark rejects "${f}": ${r.error.message}`);
  }
  for (const f of invalid) {
    const r = await sharkd.call('check', { filter: f });
    if (!r.error) throw new Error(`invalid.txt: tshark accepts "${f}"`);
    errors.push({ filter: f, error: r.error.message.replace(/^Filter invalid - /, '') });
  }
  await sharkd.close();
  mkdirSync(EXPECTED, { recursive: true });
  writeFileSync(join(EXPECTED, 'invalid.json'), JSON.stringify(errors, null, 1) + '\n');

  const mentioned = [...new Set(valid.flatMap(namesIn))];
  const names = mentioned.filter((n) => known.has(n) && !knownProtocols.has(n)).sort();
  const protocols = mentioned.filter((n) => knownProtocols.has(n)).sort();
  const jobs: Job[] = readdirSync(join(CORPUS_CAPTURES, '..', 'expected'))
    .filter((f) => f.endsWith('.tsv') && !f.startsWith('_') && !f.includes('.decode-as-'))
    .map((f) => f.replace(/\.tsv$/, ''))
    .filter((c) => !SKIP.has(c))
    .sort()
    .map((c) => ({ name: c, path: join(CORPUS_CAPTURES, c) }));
  const gen = join(cfg, 'generated.pcap');
  if (!generateCapture(gen, GENERATED.packets, GENERATED.seed)) throw new Error('python3 gen-capture.py failed');
  jobs.push({ name: 'generated', path: gen });

  const pairs: { job: Job; filter: string; frames: number[] }[] = [];
  const one = async (job: Job): Promise<void> => {
    const file = join(EXPECTED, `${job.name}.json.gz`);
    let matches: Record<string, number[]> = {};
    if (valuesOnly && existsSync(file)) {
      matches = (JSON.parse(gunzipSync(readFileSync(file)).toString()) as ExpectedCapture).matches;
      if (valid.some((f) => matches[f] === undefined)) throw new Error(`${job.name}: --values-only, but valid.txt has new filters`);
    } else {
      const s = new Sharkd(env);
      const load = await s.call('load', { file: job.path });
      if (load.error) throw new Error(`sharkd cannot load ${job.name}: ${load.error.message}`);
      for (const f of valid) {
        const r = await s.call('frames', { filter: f });
        if (r.error) throw new Error(`${job.name}: "${f}": ${r.error.message}`);
        const frames = (r.result as { num: number }[]).map((x) => x.num);
        matches[f] = frames;
        pairs.push({ job, filter: f, frames });
      }
      await s.close();
    }
    const columns = [...names, ...protocols];
    const args = ['-n', '-r', job.path, '-T', 'fields', '-E', 'separator=/t', '-E', 'occurrence=a', '-E', 'aggregator=,', '-e', 'frame.protocols', ...columns.flatMap((n) => ['-e', n])];
    const { stdout } = await run('tshark', args, { env, maxBuffer: 1 << 28 });
    const lines = stdout.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const doc: ExpectedCapture & { protocols: string[] } = {
      capture: job.name,
      ...(job.name === 'generated' ? { generated: { ...GENERATED, sha256: sha256(job.path) } } : {}),
      frames: lines.length,
      fields: ['frame.protocols', ...columns],
      protocols,
      values: lines.map((l) => l.split('\t')),
      matches,
    };
    writeFileSync(file, gzipSync(JSON.stringify(doc)));
    process.stdout.write(`${job.name}: ${lines.length} frames\n`);
  };
  // two at a time
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) await one(jobs[next++] as Job);
  };
  await Promise.all([worker(), worker()]);

  // spot-check sharkd against tshark -Y
  for (let k = 0; k < checkN; k++) {
    const p = pairs[Math.floor(Math.random() * pairs.length)] as (typeof pairs)[number];
    const { stdout } = await run('tshark', ['-n', '-r', p.job.path, '-Y', p.filter, '-T', 'fields', '-e', 'frame.number'], { env });
    const frames = stdout.split('\n').filter((l) => l !== '').map(Number);
    if (frames.join(',') !== p.frames.join(',')) throw new Error(`sharkd and tshark -Y differ on ${p.job.name} "${p.filter}": ${p.frames.join(',')} vs ${frames.join(',')}`);
  }
  if (checkN > 0) process.stdout.write(`tshark -Y agrees with sharkd on ${checkN} random pairs\n`);
}

await main();
