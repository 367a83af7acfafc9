// What the export's writer tests share: every packet of every corpus capture dissected whole (all
// fields), and a comparison of two texts that names the capture and shows where they part.
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import type { FieldList } from '../../../workers/fields/field-list.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { CAPTURES, goldenCases } from '../../golden/corpus.ts';

/**
 * Each capture of the golden corpus in turn: `start(capture)` gives the function that takes each
 * of its packets (a full dissection, valid during the call, and the frame number) and the one
 * called once they are all read. Returns how many field entries the packets held.
 */
export async function eachCorpusCapture(start: (capture: string) => { packet: (fl: FieldList, frame: number) => void; done: () => void }): Promise<number> {
  let entries = 0;
  for (const c of goldenCases()) {
    const blob = await openAsBlob(join(CAPTURES, c.capture));
    const d = new PacketDissector();
    const { packet, done } = start(c.capture);
    let n = 0;
    await readCapture(blob, (rec) => {
      const fl = d.dissect(rec, ++n);
      entries += fl.count;
      packet(fl, n);
    });
    done();
  }
  return entries;
}

/** `got` equals `want`; if not, the failure shows the capture and the text around the first difference. */
export function expectSameText(capture: string, got: string, want: string): void {
  if (got === want) return;
  let k = 0;
  while (got[k] === want[k]) k++;
  expect(`${capture}: …${got.slice(Math.max(0, k - 60), k + 60)}`).toBe(`${capture}: …${want.slice(Math.max(0, k - 60), k + 60)}`);
}

export function utf8(chunks: Uint8Array[]): string {
  return new TextDecoder().decode(Buffer.concat(chunks));
}
