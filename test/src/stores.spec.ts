// The class stores of src/lib/state against a fake engine (compiled by the Svelte plugin: the
// `ui` project of vitest.e2e.config.ts).
import { describe, expect, it } from 'vitest';
import { CaptureSession, nextSort } from '../../src/lib/state/capture.svelte.ts';
import { RowCache } from '../../src/lib/state/rows.svelte.ts';
import { Selection } from '../../src/lib/state/selection.svelte.ts';
import { ViewSettings } from '../../src/lib/state/view.svelte.ts';
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

describe('RowCache', () => {
  it('fetches the viewport with slack, once, and again only when needed', async () => {
    const api = new FakeApi({ packets: 100_000 });
    await api.open([], ['x'], []);
    const rows = new RowCache((s, c) => api.getRows(s, c));
    rows.want(1000, 30, 100_000, 1);
    rows.want(1001, 30, 100_000, 1); // while the first is in flight: no second request
    await settle();
    expect(api.calls.filter((c) => c.startsWith('rows'))).toEqual(['rows 830+370']);
    expect(rows.window?.start).toBe(830);
    expect(rows.frameAt(1000)).toBe(1001);
    expect(rows.frameAt(5000)).toBeUndefined();
    // small scrolls stay inside the window
    rows.want(1050, 30, 100_000, 1);
    await settle();
    expect(api.calls.filter((c) => c.startsWith('rows')).length).toBe(1);
    // a new epoch (sort) fetches again; the old window is shown until then but is not trusted
    rows.want(1050, 30, 100_000, 2);
    expect(rows.frameAt(1050)).toBeUndefined();
    await settle();
    expect(api.calls.filter((c) => c.startsWith('rows')).length).toBe(2);
    expect(rows.frameAt(1050)).toBe(1051);
  });

  it('does not ask again for rows that are not there', async () => {
    const api = new FakeApi({ packets: 50 });
    await api.open([], ['x'], []);
    api.indexed = 20; // the engine has fewer rows than the UI believes
    const rows = new RowCache((s, c) => api.getRows(s, c));
    rows.want(0, 30, 50, 1);
    await settle();
    await settle();
    expect(api.calls.filter((c) => c.startsWith('rows'))).toEqual(['rows 0+50']);
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
