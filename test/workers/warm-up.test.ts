// The engine's warm-up (workers/warm-up.ts): its capture made in memory is read as tshark reads it,
// and warming up changes nothing in what a real capture shows afterwards, or when it is opened
// during the warm-up.

import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaptureApi, RowWindow } from '../../workers/api.ts';
import { exportFields } from '../../workers/export/fields.ts';
import { CaptureSession } from '../../workers/session.ts';
import { warmUp, WARM_UP_PACKETS, WARM_UP_ROUNDS } from '../../workers/warm-up.ts';
import { WARM_UP_KINDS, warmUpCapture } from '../../workers/warm-up-capture.ts';
import { createWorkerApi } from '../../workers/worker-api.ts';
import { CAPTURES } from '../golden/corpus.ts';
// tshark's decode of the warm-up capture, made by scripts/make-warm-up-pins.ts
import { FIELDS, LATE_FIELDS, LATE_FIRST, TSHARK, TSHARK_LATE } from './warm-up-pins.ts';

async function fields(blob: Blob, names = FIELDS): Promise<string[]> {
  const chunks: Uint8Array[] = [];
  await exportFields(blob, { fields: names, write: (b) => void chunks.push(b.slice()) });
  return Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l !== '');
}

/** A window of rows as plain data (typed arrays as lists), to compare two engines' answers. */
const plain = (w: RowWindow): unknown => JSON.parse(JSON.stringify(w, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v)));

async function view(api: CaptureApi, name: string): Promise<unknown> {
  const r = await api.open([await openAsBlob(join(CAPTURES, name))], [name], []);
  const { loadMs: _ms, ...result } = r;
  const rows = await api.getRows(0, r.packets);
  const details = await api.getDetails(Math.min(4, r.packets));
  return { result, rows: plain(rows), details: JSON.stringify(details.tree) };
}

describe('engine warm-up', () => {
  it('reads its capture as tshark does: one packet of each kind in turn', async () => {
    const bytes = warmUpCapture(TSHARK.length);
    expect(await fields(new Blob([bytes as BlobPart]))).toEqual(TSHARK);
    const s = new CaptureSession();
    const r = await s.open([new Blob([warmUpCapture(WARM_UP_PACKETS) as BlobPart])], ['w'], []);
    expect(r.packets).toBe(WARM_UP_KINDS.length * 40);
    expect(r.files[0]?.error).toBeNull();
    // a VXLAN packet on 8472 (Wireshark 4.4's default, which tshark 4.0 was given with -d): its VNI
    const w = await s.getRows(0, WARM_UP_KINDS.length);
    expect([w.vni[7], w.vni[6], w.vni[8]]).toEqual([6007, 5006, 70000]);
  });

  it('reads the packets of its later rounds as tshark does', async () => {
    expect(await fields(new Blob([warmUpCapture(TSHARK_LATE.length, LATE_FIRST) as BlobPart]), LATE_FIELDS)).toEqual(TSHARK_LATE);
  });

  it('leaves what a capture shows unchanged, opened after the warm-up or during it', async () => {
    const expected = await view(createWorkerApi(new CaptureSession()), 'vxlan.pcap');
    let warmed = (): void => undefined;
    const done = new Promise<void>((r) => (warmed = r));
    let steps = 0;
    const after = createWorkerApi(new CaptureSession(), (signal) => warmUp(signal, () => steps++).finally(warmed));
    await done;
    // the first screen's steps, the session's close, the index-pass rounds
    expect(steps).toBe(3 + WARM_UP_KINDS.length + 1 + WARM_UP_ROUNDS);
    expect(await view(after, 'vxlan.pcap')).toEqual(expected);

    // opened at once: the warm-up stops inside its first step, the open of its capture
    steps = 0;
    const during = createWorkerApi(new CaptureSession(), (signal) => warmUp(signal, () => steps++));
    expect(await view(during, 'vxlan.pcap')).toEqual(expected);
    expect(steps).toBe(1);
  });

  it('stops an open of its capture at the next chunk when aborted, leaving the session closed', async () => {
    // 3,000 packets of ~400 bytes: chunks of 64 KiB, 256 KiB and 1 MiB (chunk-reader.ts)
    const blob = new Blob([warmUpCapture(3000, WARM_UP_PACKETS) as BlobPart]);
    const whole = await new CaptureSession().open([blob], ['w'], []);
    expect(whole.packets).toBe(3000);
    const stop = new AbortController();
    const s = new CaptureSession();
    const seen: number[] = [];
    const opened = s.open([blob], ['w'], [], (p) => {
      seen.push(p.packets);
      stop.abort();
    }, stop.signal);
    await expect(opened).rejects.toMatchObject({ name: 'AbortError' });
    // the first chunk's report (no packet dissected yet), then nothing more: the reader stopped
    // before it took the second chunk
    expect(seen).toEqual([0]);
    expect((await s.getRows(0, 10)).count).toBe(0);
  });
});
