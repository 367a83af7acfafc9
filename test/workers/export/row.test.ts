// writeRow (export/row.ts) writes integers, hex, IPv4, MAC and epoch times itself instead of going
// through writeValue: every entry of every corpus capture (full trees, all fields), and hand-made
// entries at the edges of those fast paths, must print what valueText prints.
import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../../workers/export/byte-sink.ts';
import { columnOf, writeRow } from '../../../workers/export/row.ts';
import { FieldList } from '../../../workers/fields/field-list.ts';
import { valueText } from '../../../workers/fields/format.ts';
import { fieldById, fieldByName } from '../../../workers/fields/registry.ts';
import { eachCorpusCapture, expectSameText, utf8 } from './corpus-walk.ts';

/** Entry `i` alone as a one-column row, and the same entry written twice in a row of two columns. */
function rows(sink: ByteSink, fl: FieldList, i: number): void {
  const col = columnOf(fieldById(fl.id[i] as number));
  writeRow(sink, fl, [col], new Int32Array([i]), new Int32Array([1]), 1);
  writeRow(sink, fl, [col, col], new Int32Array([i, i, i, 0]), new Int32Array([2, 1]), 2);
}

describe('writeRow prints what valueText prints', () => {
  it('for IPv6 addresses of every RFC 5952 shape', () => {
    const addrs = [
      '00000000000000000000000000000000', '00000000000000000000000000000001', '00000000000000000000ffff01020304',
      '00000000000000000000000001020304', '20010db8000000000000000000000001', 'fe800000000000000000000000000000',
      '00010000000000010000000000000001', '00010000000000010000000000010001', 'ffffffffffffffffffffffffffffffff',
      '00010000000100000001000000010000', '000a00bc0def10000000000000000000', '0000000000000000000000000000ffff',
    ];
    const fl = new FieldList();
    fl.reset(Buffer.from(addrs.join(''), 'hex'));
    const id = fieldByName('ipv6.src')?.id ?? -1;
    const got = addrs.map((_, k) => {
      const i = fl.add(id, 16 * k, 16, 0);
      const chunks: Uint8Array[] = [];
      const sink = new ByteSink((b) => chunks.push(b));
      writeRow(sink, fl, [columnOf(fieldById(id))], new Int32Array([i]), new Int32Array([1]), 1);
      sink.flush();
      return [utf8(chunks).slice(0, -1), valueText(fl, i)];
    });
    expect(got.map(([a]) => a)).toEqual(got.map(([, b]) => b));
    expect(got.map(([a]) => a)).toEqual([
      '::', '::1', '::ffff:1.2.3.4', '::1.2.3.4', '2001:db8::1', 'fe80::', '1:0:0:1::1', '1::1:0:0:1:1',
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '1:0:1:0:1:0:1:0', 'a:bc:def:1000::', '::ffff',
    ]);
  });

  it('for every entry of every corpus capture', async () => {
    const entries = await eachCorpusCapture((capture) => {
      const chunks: Uint8Array[] = [];
      const sink = new ByteSink((b) => chunks.push(b));
      const want: string[] = [];
      return {
        packet: (fl) => {
          for (let i = 0; i < fl.count; i++) {
            const v = valueText(fl, i);
            want.push(`${v}\n${v},${v}\t${v}\n`);
            rows(sink, fl, i);
          }
        },
        done: () => {
          sink.flush();
          expectSameText(capture, utf8(chunks), want.join(''));
        },
      };
    });
    expect(entries).toBeGreaterThan(50_000);
  }, 120_000);

  it('at the edges of the fast paths', () => {
    const fl = new FieldList();
    fl.reset(new Uint8Array([10, 0, 0, 1, 0, 0x50, 0x56, 0xab, 0xcd, 0xef, 255, 99, 100, 9]));
    const cases: number[] = [];
    const add = (name: string, off: number, len: number, num: number, aux = 0): void => {
      const i = fl.add(fieldByName(name)?.id ?? -1, off, len, num);
      fl.aux[i] = aux;
      cases.push(i);
    };
    add('ip.id', 0, 2, 0x1b68);
    add('ip.id', 0, 2, 0x12345); // wider than its 16 bits: all digits, as toString(16) gives
    add('ip.id', 0, 2, 0);
    add('tcp.seq_raw', 0, 4, 4294967295);
    add('tcp.seq_raw', 0, 4, 4294967296); // past 32 bits: the writeValue path
    add('tcp.seq_raw', 0, 4, 1e9);
    add('tcp.seq_raw', 0, 4, 999999999);
    add('frame.len', 0, 0, 0);
    add('frame.number', 0, 0, 2 ** 40);
    add('frame.time_epoch', 0, 0, 1700000000, 5);
    add('frame.time_epoch', 0, 0, 1700000000, 999999999);
    add('frame.time_epoch', 0, 0, 0, 0);
    add('frame.time_epoch', 0, 0, 2 ** 33, 120); // past 32 bits: the writeValue path
    add('frame.time_epoch', 0, 0, -1, -5);
    add('ip.src', 0, 4, 0);
    add('ip.src', 10, 4, 0); // 255.99.100.9
    add('ip.src', 12, 4, 0); // cut off: the writeValue path (only compared with valueText)
    add('eth.src', 4, 6, 0);
    add('eth.src', 10, 6, 0); // cut off: the writeValue path (only compared with valueText)
    add('ip.ttl', 0, 1, 0);
    add('udp.srcport', 0, 2, 65535);
    add('mpls.label', 0, 4, 1048575);
    const got = cases.map((i) => {
      const chunks: Uint8Array[] = [];
      const sink = new ByteSink((b) => chunks.push(b));
      writeRow(sink, fl, [columnOf(fieldById(fl.id[i] as number))], new Int32Array([i]), new Int32Array([1]), 1);
      sink.flush();
      return utf8(chunks).slice(0, -1);
    });
    expect(got).toEqual(cases.map((i) => valueText(fl, i)));
    expect(got.filter((_, k) => k !== 16 && k !== 18)).toEqual([
      '0x1b68', '0x12345', '0x0000', '4294967295', '4294967296', '1000000000', '999999999', '0', '1099511627776',
      '1700000000.000000005', '1700000000.999999999', '0.000000000', '8589934592.000000120', '-1.000000005',
      '10.0.0.1', '255.99.100.9', '00:50:56:ab:cd:ef', '0', '65535', '1048575',
    ]);
  });
});
