// The early first screen (CaptureSession #askHead): asked for when the engine reports bytes read
// before it has counted a packet, answered with the rows indexed by then, and used for the list's
// first request while the load runs (the `ui` project of vitest.e2e.config.ts).
import { describe, expect, it } from 'vitest';
import type { LoadProgress, OpenResult } from '../../workers/api.ts';
import { CaptureSession, HEAD_HOLD_MS, HEAD_ROWS } from '../../src/lib/state/capture.svelte.ts';
import { FakeApi, fakeFactory, file, settle } from './fake-engine.ts';
import { heldApi, opening } from './opening.ts';

/** An engine that reports the first chunk read (0 packets counted), then holds the load. */
class ChunkedApi extends FakeApi {
  report: ((p: LoadProgress) => void) | undefined;
  done: (() => void) | null = null;

  override async open(files: Blob[], names: string[], _rules: unknown[], onProgress?: (p: LoadProgress) => void): Promise<OpenResult> {
    this.calls.push(`open ${names.join(',')}`);
    this.report = onProgress;
    this.total = 1000;
    this.order = Array.from({ length: this.total }, (_, i) => i);
    onProgress?.({ bytesDone: 4096, bytesTotal: 100_000, packets: 0, file: names[0] ?? '' });
    await new Promise<void>((r) => (this.done = r));
    this.indexed = this.total;
    onProgress?.({ bytesDone: 100_000, bytesTotal: 100_000, packets: this.total, file: '' });
    const report = { name: names[0] ?? '', size: files[0]?.size ?? 0, encoding: 'pcap LE ns', packets: this.total, linkTypes: ['ETHERNET'], error: null };
    return { files: [report], packets: this.total, displayed: this.total, firstSec: 1000, firstNsec: 5, loadMs: 12, indexBytesPerPacket: 80, residentBytes: 0, suggestions: [] };
  }
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A ChunkedApi whose answers to getRows wait until released. */
class SlowRowsApi extends ChunkedApi {
  #waiting: (() => void)[] = [];
  override async getRows(start: number, count: number) {
    await new Promise<void>((r) => this.#waiting.push(r));
    return super.getRows(start, count);
  }
  answer(): void {
    for (const go of this.#waiting.splice(0)) go();
  }
}

/** A ChunkedApi over 1000 packets whose worker has indexed `indexed` when asked for rows. */
function chunked(indexed = 0): ChunkedApi {
  const a = new ChunkedApi({ packets: 1000 });
  a.indexed = indexed;
  return a;
}

describe('the first screen while a file loads', () => {
  it('is asked for at the first bytes read and serves the list before the first count', async () => {
    // the worker has indexed 250 packets when it gets to the request
    const { s, run, api } = opening(() => chunked(250));
    await settle();
    expect(api.calls).toEqual(['open big.pcap', `rows 0+${HEAD_ROWS}`]);
    expect(s.loading).toBe(true);
    expect(s.packets).toBe(250);
    expect(s.displayed).toBe(250);
    const epoch = s.epoch;

    // the list's first request (and the selection's) come from that answer, cut to what is asked
    const w = await s.getRows(0, 100, []);
    expect([w.start, w.count, w.frame.length, w.info.length]).toEqual([0, 100, 100, 100]);
    expect([w.frame[0], w.frame[99], w.info[99]]).toEqual([1, 100, 'packet 100']);
    expect((await s.getRows(0, 1)).frame[0]).toBe(1);
    expect(api.calls).toHaveLength(2);
    // beyond it, or not from the start: the engine
    expect((await s.getRows(0, 300, [])).count).toBe(250);
    expect((await s.getRows(10, 20, [])).frame[0]).toBe(11);
    expect(api.calls.slice(2)).toEqual(['rows 0+300', 'rows 10+20']);

    // later reports count on; the end of the load drops the early rows (new epoch)
    api.indexed = 600;
    api.report?.({ bytesDone: 60_000, bytesTotal: 100_000, packets: 600, file: 'big.pcap' });
    expect(s.packets).toBe(600);
    expect(s.epoch).toBe(epoch);
    api.done?.();
    await run;
    expect(s.packets).toBe(1000);
    await s.getRows(0, 100, []);
    expect(api.calls.at(-1)).toBe('rows 0+100');
  });

  it('asks again shortly when nothing was indexed yet, until packets are counted', async () => {
    const { s, run, api } = opening(() => chunked());
    await settle();
    expect(api.calls).toEqual(['open big.pcap', `rows 0+${HEAD_ROWS}`]);
    expect(s.packets).toBe(0);
    // the engine parses its first chunk meanwhile
    api.indexed = 40;
    await pause(40);
    expect(api.calls).toEqual(['open big.pcap', `rows 0+${HEAD_ROWS}`, `rows 0+${HEAD_ROWS}`]);
    expect(s.packets).toBe(40);
    // counted: no more early requests
    api.report?.({ bytesDone: 9000, bytesTotal: 100_000, packets: 0, file: 'big.pcap' });
    await pause(40);
    expect(api.calls).toHaveLength(3);
    api.done?.();
    await run;
    expect(s.packets).toBe(1000);
  });

  it("lets the list's first request join the early one on its way", async () => {
    const { s, run, api } = opening(() => chunked(300));
    // asked before the early answer is back: no second request to the engine
    const w = await s.getRows(0, 150, []);
    expect([w.count, w.frame[149]]).toEqual([150, 150]);
    expect(api.calls).toEqual(['open big.pcap', `rows 0+${HEAD_ROWS}`]);
    expect(s.packets).toBe(300);
    api.done?.();
    await run;
  });

  it('asks for the rows the list shows, and serves the list from them', async () => {
    const f = fakeFactory(() => chunked(300));
    const s = new CaptureSession(f.factory);
    s.setScreenRows(23);
    const run = s.open([file('big.pcap')]);
    const api = f.made[0] as ChunkedApi;
    await settle();
    expect(api.calls).toEqual(['open big.pcap', 'rows 0+23']);
    const w = await s.getRows(0, 23, []);
    expect([w.count, w.frame[22], w.info[0]]).toEqual([23, 23, 'packet 1']);
    expect(api.calls).toHaveLength(2);
    // more than it asked for: the engine
    expect((await s.getRows(0, 50, [])).count).toBe(50);
    expect(api.calls.at(-1)).toBe('rows 0+50');
    api.done?.();
    await run;
    // a list taller than HEAD_ROWS rows: HEAD_ROWS at most
    s.setScreenRows(10_000);
    const again = s.open([file('big.pcap')]);
    await settle();
    expect(api.calls.slice(-2)).toEqual(['open big.pcap', `rows 0+${HEAD_ROWS}`]);
    api.done?.();
    await again;
  });

  it('keeps the count at 0 while the first screen is on its way, so that the list draws it once', async () => {
    const { s, run, api } = opening(() => {
      const a = new SlowRowsApi({ packets: 1000 });
      a.indexed = 173;
      return a;
    });
    await settle();
    // the engine counts 173 packets before it gets to the request: not shown yet
    api.report?.({ bytesDone: 327_680, bytesTotal: 100_000_000, packets: 173, file: 'big.pcap' });
    expect(s.packets).toBe(0);
    expect(s.progress?.bytesDone).toBe(327_680);
    // the answer shows the rows and the count at once (the larger of the answer's and progress')
    api.answer();
    await settle();
    expect(api.calls).toEqual(['open big.pcap', `rows 0+${HEAD_ROWS}`]);
    expect(s.packets).toBe(173);
    expect(s.displayed).toBe(173);
    api.report?.({ bytesDone: 1_376_256, bytesTotal: 100_000_000, packets: 847, file: 'big.pcap' });
    expect(s.packets).toBe(847);
    api.done?.();
    api.answer();
    await run;
    expect(s.packets).toBe(1000);
  });

  it(`counts progress again when the first screen takes more than ${HEAD_HOLD_MS} ms`, async () => {
    const { s, run, api } = opening(() => new SlowRowsApi({ packets: 1000 }));
    await settle();
    api.report?.({ bytesDone: 327_680, bytesTotal: 100_000_000, packets: 173, file: 'big.pcap' });
    expect(s.packets).toBe(0);
    await pause(HEAD_HOLD_MS + 20);
    api.report?.({ bytesDone: 1_376_256, bytesTotal: 100_000_000, packets: 847, file: 'big.pcap' });
    expect(s.packets).toBe(847);
    api.done?.();
    api.answer();
    await run;
  });

  it('stops asking when the load ends', async () => {
    const { s, run, api } = opening(() => chunked());
    await settle();
    api.done?.();
    await run;
    await pause(40);
    expect(api.calls).toEqual(['open big.pcap', `rows 0+${HEAD_ROWS}`]);
    expect(s.packets).toBe(1000);
  });

  it('is not asked for when the first report already counts packets', async () => {
    const { s, run, api } = opening(() => heldApi(1000, 250));
    await settle();
    expect(s.packets).toBe(250);
    api.finish();
    await run;
    expect(api.calls).toEqual(['open big.pcap']);
  });
});
