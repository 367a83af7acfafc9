// Rows encoded for the command line's writer thread (export/row-batch.ts) must decode to the very
// bytes writeRow writes: every field of every corpus packet (in one column, and in several), the
// edges of the fast paths, long occurrence lists, text columns, and whole exports (header,
// frame.protocols, many batches).
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ByteSink } from '../../../workers/export/byte-sink.ts';
import { exportColumns, exportFields } from '../../../workers/export/fields.ts';
import { RowDecoder, RowEncoder } from '../../../workers/export/row-batch.ts';
import { columnOf, MULTI, writeRow, type Column } from '../../../workers/export/row.ts';
import { FieldList } from '../../../workers/fields/field-list.ts';
import { allFields, fieldById, fieldByName } from '../../../workers/fields/registry.ts';
import { CAPTURES, goldenCases } from '../../golden/corpus.ts';
import { generateCapture } from '../filter/fixtures.ts';
import { eachCorpusCapture, expectSameText, utf8 } from './corpus-walk.ts';


interface Row {
  cols: Column[];
  colOf: Int32Array;
  multiOf: Map<number, number[]>;
  occ: Int32Array;
  counts: Int32Array;
  cap: number;
}

/** Columns for the fields of `fl` (in order of first appearance), each in `copies` columns, and
 *  the occurrence lists writeRow takes (made as exportFields makes them). */
function rowOf(fl: FieldList, copies: number, extra: Column[] = []): Row {
  const colOf = new Int32Array(allFields().length).fill(-1);
  const multiOf = new Map<number, number[]>();
  const cols: Column[] = [...extra];
  for (let i = 0; i < fl.count; i++) {
    const id = fl.id[i] as number;
    if (colOf[id] !== -1) continue;
    const mine = Array.from({ length: copies }, (_, k) => cols.length + k);
    for (let k = 0; k < copies; k++) cols.push(columnOf(fieldById(id)));
    if (copies === 1) colOf[id] = mine[0] as number;
    else {
      colOf[id] = MULTI;
      multiOf.set(id, mine);
    }
  }
  const cap = Math.max(1, fl.count);
  const occ = new Int32Array(cols.length * cap);
  const counts = new Int32Array(cols.length);
  const note = (c: number, i: number): void => {
    occ[c * cap + (counts[c] as number)] = i;
    counts[c] = (counts[c] as number) + 1;
  };
  for (let i = 0; i < fl.count; i++) {
    const c = colOf[fl.id[i] as number] as number;
    if (c >= 0) note(c, i);
    else if (c === MULTI) for (const m of multiOf.get(fl.id[i] as number) as number[]) note(m, i);
  }
  return { cols, colOf, multiOf, occ, counts, cap };
}

/** Bytes written by writeRow, and by the encoder → RowDecoder, for the same rows. */
class Both {
  private direct: Uint8Array[] = [];
  private decoded: Uint8Array[] = [];
  private readonly sink = new ByteSink((b) => this.direct.push(b.slice()));
  private readonly out = new ByteSink((b) => this.decoded.push(b.slice()));
  batches = 0;
  private decoder: RowDecoder | null = null;
  private readonly enc = new RowEncoder((batch) => {
    this.batches++;
    this.decoder?.decode(batch, this.out);
  }, 512);

  row(fl: FieldList, r: Row): void {
    writeRow(this.sink, fl, r.cols, r.occ, r.counts, r.cap);
    // flushed per row here, so that each batch is decoded with its own columns
    this.decoder = new RowDecoder(r.cols);
    this.enc.row(fl, r.cols, r.colOf, r.multiOf);
    this.enc.flush();
  }

  /** What came through the encoder, and what writeRow wrote. */
  texts(): [string, string] {
    this.sink.flush();
    this.out.flush();
    return [utf8(this.decoded), utf8(this.direct)];
  }
}

describe('encoded rows decode to what writeRow writes', () => {
  it('for every field of every packet of every corpus capture, in one column and in two', async () => {
    const entries = await eachCorpusCapture((capture) => {
      const both = new Both();
      return {
        packet: (fl) => {
          both.row(fl, rowOf(fl, 1));
          both.row(fl, rowOf(fl, 2));
        },
        done: () => expectSameText(capture, ...both.texts()),
      };
    });
    expect(entries).toBeGreaterThan(50_000);
  }, 120_000);

  it('at the edges of the fast paths, for long occurrence lists and for text columns', () => {
    const fl = new FieldList();
    fl.reset(new Uint8Array([10, 0, 0, 1, 0, 0x50, 0x56, 0xab, 0xcd, 0xef, 255, 99, 100, 9, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    const add = (name: string, off: number, len: number, num: number, aux = 0): number => {
      const i = fl.add(fieldByName(name)?.id ?? -1, off, len, num);
      fl.aux[i] = aux;
      return i;
    };
    fl.addStr(fieldByName('frame.protocols')?.id ?? -1, 0, 0, 'eth:ethertype:ip:udp:dns ✓');
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
    fl.setStr(add('dns.qry.name', 0, 4, 0), 'ünïcødé.example\ttab');
    add('udp.srcport', 0, 2, 65535);
    // 300 occurrences in one column
    for (let k = 0; k < 300; k++) add('udp.dstport', 0, 2, k * 200);
    const both = new Both();
    both.row(fl, rowOf(fl, 1));
    both.row(fl, rowOf(fl, 3));
    // two columns first that print nothing (no such entries)
    const empty = rowOf(fl, 1, [columnOf(null), columnOf(fieldByName('ip.ttl') ?? null)]);
    both.row(fl, empty);
    const [decoded, direct] = both.texts();
    expect(decoded).toBe(direct);
    const lines = direct.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]?.startsWith('\t\teth:ethertype:ip:udp:dns ✓\t0x12345\t4294967295,4294967296\t')).toBe(true);
    expect(lines[0]?.split('\t').at(-1)?.split(',')).toHaveLength(300);
    expect(both.batches).toBe(3);
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
    const rows = new RowDecoder(exportColumns(fields));
    await exportFields(await openAsBlob(file), {
      fields, header: true, write: () => { throw new Error('rows must go to the batches'); },
      batches: (b) => {
        batches++;
        rows.decode(b, out);
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
    // (port-443 payloads are TLS now, not data.data: fewer bytes, so fewer batches than before)
    expect(r.batches).toBeGreaterThan(3);
  }, 60_000);
});
