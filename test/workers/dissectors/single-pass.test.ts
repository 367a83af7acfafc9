// What the `fields` export, a single pass, may leave out because nothing it prints needs it: a TCP
// segment's stream state (workers/dissectors/tcp-lean.ts) and a DNS message's transaction
// (dns.ts). What it decides, and that the output is the same as with the state kept: every corpus
// capture, and a generated overlay mix, printed with and without a field that forces the tracking
// (tcp.stream; dns.time and dns.response_to) agree on every other column.

import { existsSync, mkdtempSync, openAsBlob, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../workers/dissectors/context.ts';
import { DissectorTables } from '../../../workers/dissectors/tables.ts';
import '../../../workers/dissectors/all.ts';
import { streamless } from '../../../workers/dissectors/tcp-lean.ts';
import { exportFields } from '../../../workers/export/fields.ts';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { leanMask } from '../../../workers/fields/lean-mask.ts';
import { CORPUS_CAPTURES, generateCapture } from '../filter/fixtures.ts';

/** The port tables with no TCP heuristic: what streamless() decides from ports and fields. */
function noHeuristics(): DissectorTables {
  const real = new DissectorTables();
  return { tcpAt: (port: number) => real.tcpAt(port), tcpHeuristics: [] } as unknown as DissectorTables;
}

function ctx(fields: readonly string[] | null, singlePass = true, tables = noHeuristics()): Ctx {
  const wanted = fields === null ? null : leanMask(fields.map((n) => (fieldByName(n) as { id: number }).id));
  return { singlePass, f: { wanted }, tables } as unknown as Ctx;
}

describe('streamless: when a segment may skip its stream', () => {
  const plain = ['frame.number', 'ip.src', 'tcp.srcport', 'tcp.dstport', 'tcp.flags', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.len', 'tcp.flags.syn', 'tcp.options.mss_val'];

  it('when only fields read from the segment itself are printed and no port leads to a dissector', () => {
    expect(streamless(ctx(plain), 50894, 21)).toBe(true);
    expect(streamless(ctx(plain), 5432, 40860)).toBe(true);
    // TLS on 443 may ask TCP to reassemble a record
    expect(streamless(ctx(plain), 443, 40860)).toBe(false);
  });

  it("never while a TCP heuristic is registered (TLS's, on any port: it may reassemble a record)", () => {
    const tables = new DissectorTables();
    expect(tables.tcpHeuristics.length).toBeGreaterThan(0);
    expect(streamless(ctx(plain, true, tables), 50894, 21)).toBe(false);
  });

  it('never outside the single-pass export, nor in a full dissection', () => {
    expect(streamless(ctx(plain, false), 50894, 21)).toBe(false);
    expect(streamless(ctx(null), 50894, 21)).toBe(false);
  });

  it('never when a printed field needs the stream', () => {
    for (const f of ['tcp.stream', 'tcp.seq', 'tcp.ack', 'tcp.nxtseq', 'tcp.window_size', 'tcp.window_size_scalefactor', 'tcp.flags.str',
      'tcp.flags.ae', 'tcp.flags.ace', 'tcp.options.sack_le', 'tcp.options.sack_re']) {
      expect(streamless(ctx([...plain, f]), 50894, 21), f).toBe(false);
    }
  });

  it('never when either port leads to a dissector that may reassemble (DNS on 53, a Decode As rule)', () => {
    expect(streamless(ctx(plain), 53, 40000)).toBe(false);
    expect(streamless(ctx(plain), 40000, 53)).toBe(false);
    const rule = new DissectorTables([{ table: 'tcp.port', value: 21, proto: 'dns' }]);
    expect(streamless(ctx(plain, true, rule), 50894, 21)).toBe(false);
  });
});

/** `fields` output of `file` as rows of cells. */
async function fields(file: string, names: readonly string[]): Promise<string[][]> {
  let text = '';
  const utf8 = new TextDecoder();
  await exportFields(await openAsBlob(file), { fields: [...names], write: (t) => (text += utf8.decode(t, { stream: true })) });
  return text.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

describe('the export prints the same with the streams skipped as tracked', () => {
  // Everything the corpus's expected files print of TCP and what TCP carries, plus the fields of
  // the options that need no stream.
  const printed = ['frame.number', 'ip.src', 'ipv6.src', 'tcp.srcport', 'tcp.dstport', 'tcp.port', 'tcp.flags', 'tcp.flags.syn',
    'tcp.flags.reset', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.len', 'tcp.hdr_len', 'tcp.window_size_value', 'tcp.checksum',
    'tcp.options.mss_val', 'tcp.options.wscale.shift', 'tcp.options.timestamp.tsval', 'tcp.payload', 'dns.id', 'dns.qry.name',
    'data.len', 'vxlan.vni', 'geneve.vni', 'icmp.type', '_ws.expert', '_ws.malformed'];
  const tmp = mkdtempSync(join(tmpdir(), 'decapod-tcp-lean-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const files = existsSync(CORPUS_CAPTURES) ? readdirSync(CORPUS_CAPTURES).sort().map((n) => join(CORPUS_CAPTURES, n)) : [];
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  /**
   * Every corpus capture printed with `printed` alone (state skipped) and with `forcing` after it
   * (state kept): the same `printed` columns, or the same error. Returns how many rows had a
   * value in the last forcing column.
   */
  async function agreeOnCorpus(forcing: string[]): Promise<number> {
    let rows = 0;
    for (const file of files) {
      const skipped = await fields(file, printed).catch((e: unknown) => String(e));
      const tracked = await fields(file, [...printed, ...forcing]).catch((e: unknown) => String(e));
      if (typeof skipped === 'string' || typeof tracked === 'string') {
        expect(skipped, file).toEqual(tracked);
        continue;
      }
      expect(skipped.map((r) => r.join('\t')), file).toEqual(tracked.map((r) => r.slice(0, printed.length).join('\t')));
      rows += tracked.filter((r) => r.at(-1) !== '').length;
    }
    return rows;
  }

  it('on every corpus capture', async () => {
    // 216 TCP segments in the corpus, dns_tcp.pcap's (tracked: port 53) among them
    expect(await agreeOnCorpus(['tcp.stream'])).toBeGreaterThanOrEqual(216);
  }, 120_000);

  it('DNS: on every corpus capture, with and without the transaction fields', async () => {
    // responses matched to their requests across the corpus (dns_udp.pcap, dns_tcp.pcap, ...)
    expect(await agreeOnCorpus(['dns.time', 'dns.response_to'])).toBeGreaterThan(20);
  }, 120_000);

  it('on a generated overlay mix (TCP inside VXLAN and Geneve, a new connection nearly every segment)', async () => {
    const file = join(tmp, 'mix.pcap');
    if (!generateCapture(file, 20000, 3)) return;
    const skipped = await fields(file, printed);
    const tracked = await fields(file, [...printed, 'tcp.stream']);
    expect(skipped).toHaveLength(20000);
    expect(skipped.map((r) => r.join('\t'))).toEqual(tracked.map((r) => r.slice(0, -1).join('\t')));
    expect(new Set(tracked.map((r) => r.at(-1)).filter((s) => s !== '')).size).toBeGreaterThan(1000);
    // the mix's DNS messages are queries only (no transaction completes), still looked up when tracked
    const dns = await fields(file, [...printed, 'dns.time', 'dns.response_to']);
    expect(skipped.map((r) => r.join('\t'))).toEqual(dns.map((r) => r.slice(0, -2).join('\t')));
    expect(skipped.filter((r) => r[printed.indexOf('dns.id')] !== '').length).toBeGreaterThan(1000);
  }, 60_000);
});
