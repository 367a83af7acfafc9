// Rows encoded for the command line's writer thread (export/row-batch.ts) must decode to the very
// bytes writeRow writes: every entry of every corpus capture, the edges of the fast paths, long
// occurrence lists, text columns, and whole exports (header, frame.protocols, many batches).
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { ByteSink } from '../../../workers/export/byte-sink.ts';
import { exportColumns, exportFields } from '../../../workers/export/fields.ts';
import { decodeRows, RowEncoder } from '../../../workers/export/row-batch.ts';
import { columnOf, writeRow, type Column } from '../../../workers/export/row.ts';
import { FieldList } from '../../../workers/fields/field-list.ts';
import { fieldById, fieldByName } from '../../../workers/fields/registry.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { CAPTURES, goldenCases } from '../../golden/corpus.ts';
import { generateCapture } from '../filter/fixtures.ts';

const noSpecial = (): void => undefined;

/** Bytes written by writeRow, and by the encoder → decodeRows, for the same calls. */
class Both {
  private direct: Uint8Array[] = [];
  private decoded: Uint8Array[] = [];
  readonly sink = new ByteSink((b) => this.direct.push(b.slice()));
  private readonly out = new ByteSink((b) => this.decoded.push(b.slice()));
  batches = 0;
  private cols: readonly Column[] = [];
  readonly enc = new RowEncoder((batch) => {
    this.batches++;
    decodeRows(batch, this.cols, this.out);
  }, 512);

  row(fl: FieldList, cols: readonly Column[], occ: Int32Array, counts: Int32Array, cap: number, special = -1,
      writeSpecial: (out: ByteSink, fl: FieldList) => void = noSpecial): void {
    // the encoder is flushed per row here, so that each batch is decoded with its own columns
    const again = counts.slice();
    writeRow(this.sink, fl, cols, occ, counts, cap, special, writeSpecial);
    this.cols = cols;
    this.enc.row(fl, cols, occ, again, cap, special, writeSpecial);
    this.enc.flush();
    expect(again.every((n) => n === 0)).toBe(true);
  }

  texts(): [string, string] {
    this.sink.flush();
    this.out.flush();
    const t = (chunks: Uint8Array[]): string => new TextDecoder().decode(Buffer.concat(chunks));
    return [t(this.direct), t(this.decoded)];
  }
}

describe('encoded rows decode to what writeRow writes', () => {
  it('for every entry of every corpus capture, alone and twice in two columns', async () => {
    let entries = 0;
    for (const c of goldenCases()) {
      const blob = await openAsBlob(join(CAPTURES, c.capture));
      const d = new PacketDissector();
      const both = new Both();
      let n = 0;
      await readCapture(blob, (rec) => {
        const fl = d.dissect(rec, ++n);
        for (let i = 0; i < fl.count; i++) {
          const col = columnOf(fieldById(fl.id[i] as number));
          both.row(fl, [col], new Int32Array([i]), new Int32Array([1]), 1);
          both.row(fl, [col, col], new Int32Array([i, i, i, 0]), new Int32Array([2, 1]), 2);
          entries++;
        }
      });
      const [direct, decoded] = both.texts();
      if (direct !== decoded) {
        const a = direct.split('\n');
        const b = decoded.split('\n');
        const k = a.findIndex((line, j) => line !== b[j]);
        expect(`${c.capture}: ${b[k]}`).toBe(`${c.capture}: ${a[k]}`);
      }
    }
    expect(entries).toBeGreaterThan(50_000);
  }, 120_000);

  it('at the edges of the fast paths, for long occurrence lists and for text columns', () => {
    const fl = new FieldList();
    fl.reset(new Uint8Array([10, 0, 0, 1, 0, 0x50, 0x56, 0xab, 0xcd, 0xef, 255, 99, 100, 9, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    const entries: number[] = [];
    const add = (name: string, off: number, len: number, num: number, aux = 0): number => {
      const i = fl.add(fieldByName(name)?.id ?? -1, off, len, num);
      fl.aux[i] = aux;
      entries.push(i);
      return i;
    };
    add('ip.id', 0, 2, 0x12345);
    add('tcp.seq_raw', 0, 4, 4294967295);
    add('tcp.seq_raw', 0, 4, 4294967296);
    add('frame.number', 0, 0, 2 ** 40);
    add('frame.time_epoch', 0, 0, 1700000000, 999999999);
    add('frame.time_epoch', 0, 0, 2 ** 33, 120);
    add('frame.time_epoch', 0, 0, -1, -5);
    add('ip.src', 10, 4, 0);
    add('ip.src', 12, 4, 0);
    add('eth.src', 4, 6, 0);
    add('eth.src', 26, 6, 0);
    add('ipv6.src', 14, 16, 0);
    add('ipv6.src', 20, 16, 0);
    add('dns.qry.name', 0, 4, 0);
    fl.setStr(entries.at(-1) as number, 'ünïcødé.example\ttab');
    add('udp.srcport', 0, 2, 65535);
    const both = new Both();
    for (const i of entries) both.row(fl, [columnOf(fieldById(fl.id[i] as number))], new Int32Array([i]), new Int32Array([1]), 1);
    // 300 occurrences in one column (past the one-byte count), beside an empty column
    const many = Array.from({ length: 300 }, (_, k) => add('udp.srcport', 0, 2, k * 200));
    const cols = [columnOf(fieldByName('udp.srcport') ?? null), columnOf(fieldByName('ip.ttl') ?? null), columnOf(null)];
    const occ = new Int32Array(3 * 300);
    occ.set(many);
    both.row(fl, cols, occ, new Int32Array([300, 0, 0]), 300, 2, (out) => out.text('eth:ethertype:ip:udp:dns ✓'));
    const [direct, decoded] = both.texts();
    expect(decoded).toBe(direct);
    expect(direct.split('\n')).toHaveLength(entries.length - 300 + 2);
    expect(direct).toContain('\t\teth:ethertype:ip:udp:dns ✓\n');
    expect(both.batches).toBe(entries.length - 300 + 1);
  });
});

describe('exportFields with encoded rows prints what it writes itself', () => {
  const fields = ['frame.number', 'frame.time_epoch', 'frame.protocols', 'eth.src', 'ip.src', 'ip.id', 'ipv6.src', 'tcp.seq_raw', 'tcp.flags',
    'udp.srcport', 'vxlan.vni', 'geneve.vni', 'dns.qry.name', 'dns.a', 'icmp.type', '_ws.expert', 'data.data'];
  const tmp = mkdtempSync(join(tmpdir(), 'decapod-row-batch-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  async function both(file: string): Promise<{ direct: string; decoded: string; batches: number }> {
    const utf8 = new TextDecoder();
    let direct = '';
    await exportFields(await openAsBlob(file), { fields, header: true, write: (t) => (direct += utf8.decode(t, { stream: true })) });
    let decoded = '';
    let batches = 0;
    const out = new ByteSink((t) => (decoded += utf8.decode(t, { stream: true })));
    const cols = exportColumns(fields);
    await exportFields(await openAsBlob(file), {
      fields, header: true, write: () => { throw new Error('rows must go to the batches'); },
      batches: (b) => {
        batches++;
        decodeRows(b, cols, out);
      },
    });
    out.flush();
    return { direct, decoded, batches };
  }

  it('on every corpus capture', async () => {
    for (const c of goldenCases()) {
      const r = await both(join(CAPTURES, c.capture));
      expect(r.decoded, c.capture).toBe(r.direct);
    }
  }, 120_000);

  it('on a generated 20k-packet mix, in many batches', async () => {
    const file = join(tmp, 'mix.pcap');
    if (!generateCapture(file, 20000, 5)) return;
    const r = await both(file);
    expect(r.decoded).toBe(r.direct);
    expect(r.direct.split('\n')).toHaveLength(20000 + 2);
    expect(r.batches).toBeGreaterThan(5);
  }, 60_000);
});
