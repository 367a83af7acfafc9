// The class stores of src/lib/state against a fake engine (compiled by the Svelte plugin: the
// `ui` project of vitest.e2e.config.ts).
import { describe, expect, it, vi } from 'vitest';
import { CaptureSession, nextSort } from '../../src/lib/state/capture.svelte.ts';
import { RowCache } from '../../src/lib/state/rows.svelte.ts';
import { Selection } from '../../src/lib/state/selection.svelte.ts';
import { ViewSettings } from '../../src/lib/state/view.svelte.ts';
import type { RowWindow } from '../../workers/api.ts';
import { FakeApi, fakeFactory, file, settle } from './fake-engine.ts';
import { heldApi, opening } from './opening.ts';

describe('CaptureSession', () => {
  it('counts packets while loading, without invalidating rows, and takes the result at the end', async () => {
    const f = fakeFactory(() => new FakeApi({ packets: 1000 }));
    const s = new CaptureSession(f.factory);
    const api = () => f.made[0] as FakeApi;
    const epoch0 = s.epoch;
    const run = s.open([file('a.pcap')]);
    expect(s.loading).toBe(true);
    expect(s.names).toEqual(['a.pcap']);
    await run;
    expect(s.loading).toBe(false);
    expect(s.packets).toBe(1000);
    expect(s.displayed).toBe(1000);
    expect(s.loadMs).toBe(12);
    expect(s.firstSec).toBe(1000);
    expect(s.files[0]?.encoding).toBe('pcap LE ns');
    expect(s.epoch).toBeGreaterThan(epoch0);
    expect(api().calls).toEqual(['open a.pcap']);
  });

  it('shows progress half-way and keeps the epoch while rows are only appended', async () => {
    const { s, run, api } = opening(() => heldApi(1000, 250));
    await settle();
    expect(s.loading).toBe(true);
    expect(s.packets).toBe(250);
    expect(s.displayed).toBe(250);
    expect(s.progress?.packets).toBe(250);
    const e = s.epoch;
    // rows of what is indexed so far can be read now
    const w = await s.getRows(0, 100);
    expect(w.count).toBe(100);
    s.noteFirstTime(w.sec[0] as number, 0);
    expect(s.firstSec).toBe(1000);
    api.finish();
    await run;
    expect(s.packets).toBe(1000);
    expect(s.epoch).toBe(e + 1);
  });

  it('names the file and its problem, and keeps the packets before the damage', async () => {
    const f = fakeFactory(() => new FakeApi({ packets: 35, error: 'pcap record 36 at offset 3342 is cut off by the end of the file' }));
    const s = new CaptureSession(f.factory);
    await s.open([file('cut.pcap')]);
    expect(s.packets).toBe(35);
    expect(s.notices.map((n) => [n.kind, n.text])).toEqual([['error', 'cut.pcap: pcap record 36 at offset 3342 is cut off by the end of the file']]);
    s.dismiss(s.notices[0]?.id ?? -1);
    expect(s.notices).toEqual([]);
  });

  it('reports a refused open and stays usable', async () => {
    let n = 0;
    const f = fakeFactory(() => new FakeApi(n++ === 0 ? { packets: 0, throws: 'not a capture file: unknown magic 0x68656c6c' } : { packets: 5 }));
    const s = new CaptureSession(f.factory);
    await s.open([file('notes.txt')]);
    expect(s.loading).toBe(false);
    expect(s.notices[0]?.text).toBe('Could not open notes.txt: not a capture file: unknown magic 0x68656c6c');
    // same engine, next file
    (f.made[0] as FakeApi)['opts'] = { packets: 5 };
    await s.open([file('ok.pcap')]);
    expect(s.packets).toBe(5);
    expect(s.notices).toEqual([]);
  });

  it('opening during a load replaces the worker', async () => {
    const f = fakeFactory(() => {
      const a = new FakeApi({ packets: 100 });
      if (f.made.length === 0) a.hold = 10;
      return a;
    });
    const s = new CaptureSession(f.factory);
    const first = s.open([file('slow.pcap')]);
    await settle();
    await s.open([file('next.pcap')]);
    expect(f.terminated).toBe(1);
    expect(f.made.length).toBe(2);
    expect(s.names).toEqual(['next.pcap']);
    expect(s.packets).toBe(100);
    // the abandoned load's late answer changes nothing
    (f.made[0] as FakeApi).finish();
    await first;
    expect(s.names).toEqual(['next.pcap']);
  });

  it('cycles the sort like Wireshark: ascending, descending, capture order', async () => {
    expect(nextSort({ key: 'frame', descending: false }, 'length')).toEqual({ key: 'length', descending: false });
    expect(nextSort({ key: 'length', descending: false }, 'length')).toEqual({ key: 'length', descending: true });
    expect(nextSort({ key: 'length', descending: true }, 'length')).toEqual({ key: 'frame', descending: false });
    const f = fakeFactory(() => new FakeApi({ packets: 10 }));
    const s = new CaptureSession(f.factory);
    await s.open([file('a.pcap')]);
    const e = s.epoch;
    await s.sortBy('length');
    await s.sortBy('length');
    expect(s.sort).toEqual({ key: 'length', descending: true });
    expect(s.epoch).toBe(e + 2);
    expect((f.made[0] as FakeApi).calls.filter((c) => c.startsWith('sort'))).toEqual(['sort length false', 'sort length true']);
  });

  it('applies a filter, and says why one does not parse', async () => {
    const f = fakeFactory(() => new FakeApi({ packets: 10 }));
    const s = new CaptureSession(f.factory);
    await s.open([file('a.pcap')]);
    expect(await s.applyFilter('udp')).toBe(true);
    expect(s.displayed).toBe(3);
    expect(s.filter).toBe('udp');
    expect(await s.applyFilter('bad ==')).toBe(false);
    expect(s.filterError).toBe('expected a value');
    expect(s.filter).toBe('udp');
    expect(await s.applyFilter('')).toBe(true);
    expect(s.displayed).toBe(10);
    expect(s.filterError).toBeNull();
  });
});

/** A fetch whose answers wait until released, in any order. */
class Gate {
  readonly asked: { start: number; count: number; go: () => void }[] = [];
  constructor(private readonly api: FakeApi) {}
  fetch = (start: number, count: number): Promise<RowWindow> =>
    new Promise((resolve) => this.asked.push({ start, count, go: () => resolve(this.api.getRows(start, count)) }));
  /** Answer the request for rows from `start`. */
  async release(start: number): Promise<void> {
    const i = this.asked.findIndex((a) => a.start === start);
    if (i < 0) throw new Error(`no request from ${start}; asked: ${this.asked.map((a) => `${a.start}+${a.count}`).join(', ')}`);
    const [a] = this.asked.splice(i, 1);
    a?.go();
    await settle();
  }
  get waiting(): string[] {
    return this.asked.map((a) => `${a.start}+${a.count}`);
  }
}

describe('RowCache', () => {
  const rowCalls = (api: FakeApi): string[] => api.calls.filter((c) => c.startsWith('rows'));

  it('asks for the rows on screen first, then the margin beside them in steps, and joins them', async () => {
    const api = new FakeApi({ packets: 100_000 });
    await api.open([], ['x'], []);
    const rows = new RowCache((s, c) => api.getRows(s, c));
    rows.want(1000, 30, 100_000, 1);
    rows.want(1000, 30, 100_000, 1); // while the first is in flight: no second request
    await settle();
    // the 30 rows on screen, then 150 + 20 rows below and above them, nearest first
    expect(rowCalls(api)).toEqual(['rows 1000+30', 'rows 950+50', 'rows 1030+50', 'rows 900+50', 'rows 1080+50', 'rows 850+50', 'rows 1130+50', 'rows 830+20', 'rows 1180+20']);
    expect([rows.window?.start, rows.window?.count]).toEqual([830, 370]);
    expect([rows.frameAt(830), rows.frameAt(1000), rows.frameAt(1199)]).toEqual([831, 1001, 1200]);
    expect([rows.window?.info[0], rows.window?.info[170], rows.window?.info[369]]).toEqual(['packet 831', 'packet 1001', 'packet 1200']);
    expect(rows.frameAt(5000)).toBeUndefined();
    // small scrolls stay inside the window
    rows.want(1050, 30, 100_000, 1);
    await settle();
    expect(rowCalls(api)).toHaveLength(9);
    // scrolling on past the margin: only rows beyond the window are asked for, until the slack is
    // there again, and the window keeps the rows around the screen
    rows.want(1160, 30, 100_000, 1);
    await settle();
    expect(rowCalls(api).slice(9)).toEqual(['rows 1200+50', 'rows 1250+50', 'rows 1300+50', 'rows 1350+10']);
    expect([rows.window?.start, rows.window?.count]).toEqual([990, 370]);
    expect(rows.frameAt(1359)).toBe(1360);
    // a new epoch (sort) fetches again; the old window is shown until then but is not trusted
    rows.want(1050, 30, 100_000, 2);
    expect(rows.frameAt(1050)).toBeUndefined();
    expect(rows.window?.start).toBe(990);
    await settle();
    expect(rowCalls(api).slice(13, 16)).toEqual(['rows 1050+30', 'rows 1000+50', 'rows 1080+50']);
    expect([rows.window?.start, rows.window?.count]).toEqual([880, 370]);
    expect(rows.frameAt(1050)).toBe(1051);
  });

  it('asks for the screen of a jump without waiting for a margin step, and drops answers for places it left', async () => {
    const api = new FakeApi({ packets: 1_000_000 });
    await api.open([], ['x'], []);
    const gate = new Gate(api);
    const rows = new RowCache(gate.fetch);
    rows.want(0, 40, 1_000_000, 1);
    expect(gate.waiting).toEqual(['0+40']);
    await gate.release(0);
    expect(gate.waiting).toEqual(['40+50']);
    // End while a margin step is on its way: the last screen is asked for at once
    rows.want(999_960, 40, 1_000_000, 1);
    await settle();
    expect(gate.waiting).toEqual(['40+50', '999960+40']);
    // and a scrollbar jump to the middle: two requests on their way already, it waits
    rows.want(500_000, 40, 1_000_000, 1);
    await settle();
    expect(gate.waiting).toEqual(['40+50', '999960+40']);
    // the margin step lands: a place the list has left, dropped; the middle is asked for
    await gate.release(40);
    expect([rows.window?.start, rows.window?.count]).toEqual([0, 40]);
    expect(gate.waiting).toEqual(['999960+40', '500000+40']);
    // End's rows land: not on screen any more, dropped
    await gate.release(999_960);
    expect(rows.window?.start).toBe(0);
    expect(rows.frameAt(999_960)).toBeUndefined();
    // the middle lands: shown, then its margin, one step at a time
    await gate.release(500_000);
    expect([rows.window?.start, rows.window?.count, rows.frameAt(500_000)]).toEqual([500_000, 40, 500_001]);
    const steps: string[] = [];
    while (gate.waiting.length > 0) {
      expect(gate.waiting).toHaveLength(1);
      steps.push(...gate.waiting);
      await gate.release(gate.asked[0]?.start as number);
    }
    expect(steps).toEqual(['499950+50', '500040+50', '499900+50', '500090+50', '499850+50', '500140+50', '499830+20', '500190+20']);
    expect([rows.window?.start, rows.window?.count]).toEqual([499_830, 380]);
    // the list changes twice (sorts) while its rows are asked for: the answer for the list in
    // between is shown over the older window, as it was, but not trusted; the last one is
    rows.want(10, 40, 1_000_000, 2);
    await settle();
    rows.want(10, 40, 1_000_000, 3);
    await settle();
    expect(gate.waiting).toEqual(['10+40', '10+40']);
    await gate.release(10);
    expect([rows.window?.start, rows.frameAt(10)]).toEqual([10, undefined]);
    await gate.release(10);
    expect(rows.frameAt(10)).toBe(11);
    // and an answer for a list older than the window shown is dropped: a margin step of list 3
    // lands after the screen of list 4
    expect(gate.waiting).toEqual(['0+10']);
    rows.want(10, 40, 1_000_000, 4);
    await settle();
    expect(gate.waiting).toEqual(['0+10', '10+40']);
    await gate.release(10);
    const shown = rows.window;
    await gate.release(0);
    expect(rows.window).toBe(shown);
    expect([rows.window?.start, rows.window?.count, rows.frameAt(10)]).toEqual([10, 40, 11]);
  });

  it('does not ask again for rows that are not there', async () => {
    const api = new FakeApi({ packets: 50 });
    await api.open([], ['x'], []);
    api.indexed = 20; // the engine has fewer rows than the UI believes
    const rows = new RowCache((s, c) => api.getRows(s, c));
    rows.want(0, 30, 50, 1);
    await settle();
    await settle();
    expect(rowCalls(api)).toEqual(['rows 0+30']);
    expect(rows.window?.count).toBe(20);
    rows.want(1, 30, 50, 1);
    await settle();
    expect(rowCalls(api)).toHaveLength(1);
    // the list grew (a load counting on): the rest is asked for
    api.indexed = 60;
    rows.want(1, 30, 60, 1);
    await settle();
    expect(rowCalls(api).slice(1)).toEqual(['rows 20+11', 'rows 31+29']);
    expect([rows.window?.start, rows.window?.count]).toEqual([0, 60]);
  });

  it('does not repeat a request that failed until the view moves', async () => {
    let calls = 0;
    const rows = new RowCache(async () => {
      calls++;
      throw new Error('engine gone');
    });
    rows.want(0, 30, 100, 1);
    await settle();
    await settle();
    expect(calls).toBe(1);
    expect(rows.error).toBe('engine gone');
    rows.want(40, 30, 100, 1);
    await settle();
    expect(calls).toBe(2);
  });
});

describe('Selection', () => {
  async function setup() {
    const api = new FakeApi({ packets: 1000 });
    await api.open([], ['x'], []);
    const rows = new RowCache((s, c) => api.getRows(s, c));
    rows.want(0, 30, 1000, 1);
    await settle();
    const sel = new Selection({
      getRows: (s, c) => api.getRows(s, c),
      getDetails: (f) => api.getDetails(f),
      positionOf: (f) => api.positionOf(f),
      frameAt: (p) => rows.frameAt(p),
    });
    return { api, rows, sel };
  }

  it('selects a row, dissects its packet, and asks the list to reveal it', async () => {
    const { api, sel } = await setup();
    const r = sel.reveal;
    await sel.selectPosition(4);
    expect(sel.position).toBe(4);
    expect(sel.frame).toBe(5);
    expect(sel.details?.frame).toBe(5);
    expect(sel.reveal).toBe(r + 1);
    // a row outside the fetched window: its frame number comes from the engine
    await sel.selectPosition(900);
    expect(sel.frame).toBe(901);
    expect(api.calls).toContain('rows 900+1');
  });

  it('takes the frame of a row the list is fetching from the list\'s answer (End: one round trip)', async () => {
    const api = new FakeApi({ packets: 1000 });
    await api.open([], ['x'], []);
    const gate = new Gate(api);
    const log: string[] = [];
    const rows = new RowCache((s, c) => (log.push(`rows ${s}+${c}`), gate.fetch(s, c)));
    rows.want(0, 30, 1000, 1);
    // the first screen and its margin
    while (gate.asked.length > 0) await gate.release((gate.asked[0] as { start: number }).start);
    const sel = new Selection({
      getRows: (s, c) => api.getRows(s, c),
      getDetails: (f) => (log.push(`details ${f}`), api.getDetails(f)),
      positionOf: (f) => api.positionOf(f),
      frameAt: (p) => rows.frameAt(p),
      frameSoon: (p) => rows.frameSoon(p),
    });
    api.calls.length = 0;
    // End: the cursor moves to the last row; the list (as Svelte updates it) asks for the last screen
    const done = sel.selectPosition(999);
    rows.want(970, 30, 1000, 1);
    await settle();
    expect(sel.position).toBe(999);
    expect(gate.waiting).toEqual(['970+30']);
    expect(api.calls).toEqual([]); // nothing asked for the cursor row on its own
    log.length = 0;
    await gate.release(970);
    await done;
    expect(sel.frame).toBe(1000);
    expect(sel.details?.frame).toBe(1000);
    expect(api.calls).toEqual(['rows 970+30', 'details 1000']);
    // the details are asked for before the list's next margin step
    await settle();
    expect(log.slice(0, 2)).toEqual(['details 1000', 'rows 920+50']);
    // a row the list does not fetch (not revealed): asked for on its own, as before
    api.calls.length = 0;
    await sel.selectPosition(500, false);
    expect(api.calls).toEqual(['rows 500+1', 'details 501']);
    // a failed list request: the cursor row is asked for on its own
    const failing = new RowCache(() => Promise.reject(new Error('engine gone')));
    failing.want(0, 30, 1000, 1);
    const sel2 = new Selection({
      getRows: (s, c) => api.getRows(s, c),
      getDetails: (f) => api.getDetails(f),
      positionOf: (f) => api.positionOf(f),
      frameAt: (p) => failing.frameAt(p),
      frameSoon: (p) => failing.frameSoon(p),
    });
    failing.want(0, 30, 1000, 1);
    api.calls.length = 0;
    await sel2.selectPosition(3);
    expect(sel2.frame).toBe(4);
    expect(api.calls).toEqual(['rows 3+1', 'details 4']);
  });

  it('fills the tree and bytes panes only after the next frame, so that the list draws its rows first', async () => {
    const { sel } = await setup();
    await sel.selectPosition(1);
    expect(sel.details?.frame).toBe(2);
    // a page that draws frames: hold them
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    try {
      const done = sel.selectPosition(4);
      await settle();
      await settle();
      // the cursor and the packet moved and the dissection is in, but the panes wait for a frame
      expect(sel.position).toBe(4);
      expect(sel.frame).toBe(5);
      expect(frames.length).toBe(1);
      expect(sel.details?.frame).toBe(2);
      (frames[0] as FrameRequestCallback)(performance.now());
      await done;
      expect(sel.details?.frame).toBe(5);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a byte click selects the innermost field and opens its parents', async () => {
    const { sel } = await setup();
    await sel.selectPosition(0);
    expect(sel.isExpanded('ip')).toBe(false);
    sel.selectByte(0, 27);
    expect(sel.field).toEqual([2, 0]);
    expect(sel.fieldNode?.field).toBe('ip.src');
    expect(sel.isExpanded('ip')).toBe(true);
    // the same field stays selected on the next packet
    await sel.selectPosition(1);
    expect(sel.fieldNode?.field).toBe('ip.src');
    expect(sel.fieldNode?.label).toBe('Source Address: 10.0.0.2');
  });

  it('finds the packet again after a sort; Go to packet', async () => {
    const { api, sel } = await setup();
    await sel.selectPosition(9);
    await api.sort('frame', true);
    await sel.relocate();
    expect(sel.frame).toBe(10);
    expect(sel.position).toBe(990);
    expect(await sel.selectFrame(42)).toBe(true);
    expect(sel.position).toBe(958);
    expect(await sel.selectFrame(5000)).toBe(false);
  });

  it('toggles subtrees by type', async () => {
    const { sel } = await setup();
    await sel.selectPosition(0);
    const eth = sel.details?.tree[1];
    if (!eth) throw new Error('no tree');
    sel.toggle(eth);
    expect(sel.isExpanded('eth')).toBe(true);
    sel.setExpanded(eth, false);
    expect(sel.isExpanded('eth')).toBe(false);
    sel.clear();
    expect(sel.details).toBeNull();
    expect(sel.position).toBe(-1);
  });
});

describe('ViewSettings', () => {
  function memory(): Storage {
    const m = new Map<string, string>();
    return {
      get length() {
        return m.size;
      },
      clear: () => m.clear(),
      getItem: (k) => m.get(k) ?? null,
      key: (i) => [...m.keys()][i] ?? null,
      removeItem: (k) => void m.delete(k),
      setItem: (k, v) => void m.set(k, v),
    };
  }

  it('shows the base columns, toggles overlay ones, and remembers', () => {
    const store = memory();
    const v = new ViewSettings(store);
    expect(v.columns.map((c) => c.id)).toEqual(['no', 'time', 'src', 'dst', 'protocol', 'length', 'info']);
    v.toggleColumn('vni');
    v.toggleColumn('outerSrc');
    v.toggleColumn('no'); // the base seven cannot be hidden
    expect(v.columns.map((c) => c.id)).toEqual(['no', 'time', 'outerSrc', 'vni', 'src', 'dst', 'protocol', 'length', 'info']);
    v.setWidth('src', 200);
    v.setTimeFormat('absolute');
    expect(v.template.startsWith('72px 128px 148px 72px 200px')).toBe(true);
    expect(v.template.endsWith('minmax(360px, 1fr)')).toBe(true);
    const again = new ViewSettings(store);
    expect(again.isVisible('vni')).toBe(true);
    expect(again.width('src')).toBe(200);
    expect(again.timeFormat).toBe('absolute');
    again.reset();
    expect(again.isVisible('vni')).toBe(false);
  });
});
