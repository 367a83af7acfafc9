// The export writes values as bytes (writeValue) instead of strings (valueText): both must print
// the same text for every field entry of every corpus capture (full trees, all fields), and for
// hand-made entries at the edges (hex wider than its field, 64-bit numbers, negative times).
import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../../workers/export/byte-sink.ts';
import { writeValue } from '../../../workers/export/value-bytes.ts';
import { FieldList } from '../../../workers/fields/field-list.ts';
import { valueText } from '../../../workers/fields/format.ts';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { eachCorpusCapture, expectSameText, utf8 } from './corpus-walk.ts';

function bytesOf(fl: FieldList, i: number): string {
  const chunks: Uint8Array[] = [];
  const sink = new ByteSink((c) => chunks.push(c));
  writeValue(sink, fl, i);
  sink.flush();
  return utf8(chunks);
}

describe('writeValue prints what valueText prints', () => {
  it('for every entry of every corpus capture', async () => {
    const entries = await eachCorpusCapture((capture) => {
      // One line per entry: "frame entry value", written both ways.
      const chunks: Uint8Array[] = [];
      const sink = new ByteSink((b) => chunks.push(b));
      const want: string[] = [];
      return {
        packet: (fl, n) => {
          for (let i = 0; i < fl.count; i++) {
            const head = `${n} ${i} `;
            want.push(head + valueText(fl, i) + '\n');
            sink.text(head);
            writeValue(sink, fl, i);
            sink.byte(10);
          }
        },
        done: () => {
          sink.flush();
          // compared whole, not split into lines: a value may hold a newline (a pcapng if_name)
          expectSameText(capture, utf8(chunks), want.join(''));
        },
      };
    });
    expect(entries).toBeGreaterThan(50_000);
  }, 120_000);

  it('at the edges of the fast paths', () => {
    const fl = new FieldList();
    const frame = new Uint8Array([10, 0, 0, 1, 0, 0x50, 0x56, 0xab, 0xcd, 0xef]);
    fl.reset(frame);
    const id = (n: string): number => fieldByName(n)?.id ?? -1;
    const cases: [number, number][] = [];
    const add = (name: string, off: number, len: number, num: number, aux = 0): void => {
      const i = fl.add(id(name), off, len, num);
      fl.aux[i] = aux;
      cases.push([i, 0]);
    };
    add('ip.id', 0, 2, 0x1b68); // 0x1b68
    add('ip.id', 0, 2, 0x12345); // wider than 16 bits: all digits, as toString(16) gives
    add('tcp.seq_raw', 0, 4, 4294967295);
    add('frame.number', 0, 0, 2 ** 40);
    add('frame.time_epoch', 0, 0, 1700000000, 5);
    add('frame.time_epoch', 0, 0, -1, -5);
    add('ip.src', 0, 4, 0);
    add('eth.src', 4, 6, 0);
    add('ip.ttl', 0, 1, 0);
    add('udp.srcport', 0, 2, 65535);
    for (const [i] of cases) expect(bytesOf(fl, i)).toBe(valueText(fl, i));
    expect(cases.map(([i]) => bytesOf(fl, i))).toEqual(['0x1b68', '0x12345', '4294967295', '1099511627776', '1700000000.000000005', '-1.000000005', '10.0.0.1', '00:50:56:ab:cd:ef', '0', '65535']);
  });
});
