// The profile store of the UI (src/lib/state/profiles.svelte.ts) over an in-memory backend:
// imports wait for an answer, a clash is never resolved silently, bad input only brings a message.
// Compiled by the Svelte plugin: the `ui` project of vitest.e2e.config.ts.

import { describe, expect, it } from 'vitest';
import { ProfileState } from '../../../src/lib/state/profiles.svelte.ts';
import { MemoryBackend } from '../../../src/lib/profiles/library.ts';
import { defaultProfile, serializeProfile } from '../../../src/lib/profiles/schema.ts';
import { encodeProfilePayload } from '../../../src/lib/profiles/share-link.ts';

const TABLES = {
  protocols: ['eth', 'geneve', 'ip', 'vxlan'],
  defaults: [
    { table: 'udp.port' as const, value: 4789, proto: 'vxlan' },
    { table: 'ppp.protocol' as const, value: 0x21, proto: 'ip' },
  ],
};

async function store(backend = new MemoryBackend(), fragment = ''): Promise<{ p: ProfileState; notes: string[]; backend: MemoryBackend }> {
  const notes: string[] = [];
  const p = new ProfileState((kind, text) => notes.push(`${kind}: ${text}`));
  await p.init(Promise.resolve({ backend, persistent: true }), Promise.resolve(TABLES), fragment);
  return { p, notes, backend };
}

function team(name = 'Team', port = 4792) {
  const t = defaultProfile(name);
  t.decodeAs.push({ table: 'udp.port', value: port, proto: 'vxlan' });
  return t;
}

describe('ProfileState', () => {
  it('starts with the default profile active and the Decode As tables of the engine', async () => {
    const { p } = await store();
    expect(p.ready).toBe(true);
    expect(p.active.name).toBe('Default');
    expect(p.protocols).toEqual(TABLES.protocols);
    // only the tables a rule may name
    expect(p.defaults).toEqual([{ table: 'udp.port', value: 4789, proto: 'vxlan' }]);
  });

  it('saves Decode As rules in the active profile; a suggestion replaces a rule for its port', async () => {
    const { p, backend } = await store();
    await p.setDecodeAs([{ table: 'udp.port', value: 4792, proto: 'geneve' }]);
    await p.addRule({ table: 'udp.port', value: 4792, proto: 'vxlan' });
    expect(p.active.decodeAs).toEqual([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]);
    expect(backend.records.get('default')?.profile.decodeAs).toEqual([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]);
  });

  it('imports a profile file only after a yes, and asks on a name clash', async () => {
    const { p } = await store();
    p.importText('team.json', serializeProfile(team()));
    expect(p.pending?.kind).toBe('profile');
    expect(p.items).toHaveLength(1);
    expect(await p.accept('add')).toBe(true);
    expect(p.active.name).toBe('Team');

    p.importText('team.json', serializeProfile(team('team', 5000)));
    const pending = p.pending;
    expect(pending?.kind === 'profile' && pending.clash?.profile.name).toBe('Team');
    // "add" does not overwrite: the question stays
    expect(await p.accept('add')).toBe(false);
    expect(p.pending).not.toBeNull();
    expect(p.active.decodeAs[0]?.value).toBe(4792);
    expect(await p.accept('rename', 'Team (2)')).toBe(true);
    expect(p.items.map((x) => x.profile.name)).toEqual(['Default', 'Team', 'Team (2)']);
    p.importText('team.json', serializeProfile(team('Team', 6000)));
    expect(await p.accept('replace')).toBe(true);
    expect(p.items.map((x) => x.profile.name)).toEqual(['Default', 'Team', 'Team (2)']);
    expect(p.active.name).toBe('Team');
    expect(p.active.decodeAs[0]?.value).toBe(6000);
  });

  it('checks a file chosen before the profiles and the engine\'s protocols are loaded once they are', async () => {
    const notes: string[] = [];
    const p = new ProfileState((kind, text) => notes.push(`${kind}: ${text}`));
    let tablesCame = (_t: typeof TABLES): void => undefined;
    const loaded = p.init(Promise.resolve({ backend: new MemoryBackend(), persistent: true }), new Promise<typeof TABLES>((r) => (tablesCame = r)));
    p.importText('team.json', serializeProfile(team()));
    expect(p.pending).toBeNull();
    tablesCame(TABLES);
    await loaded;
    await Promise.resolve();
    expect(notes).toEqual([]);
    const pending = p.pending;
    expect(pending?.kind === 'profile' && pending.profile.decodeAs).toEqual([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]);
  });

  it('says what is wrong with a bad file and changes nothing', async () => {
    const { p, notes, backend } = await store();
    const before = JSON.stringify([...backend.records.values()]);
    p.importText('cut.json', serializeProfile(team()).slice(0, 50));
    p.importText('v2.json', JSON.stringify({ ...team(), version: 2 }));
    p.importText('odd.json', serializeProfile({ ...team(), decodeAs: [{ table: 'udp.port', value: 1, proto: 'nosuch' }] }));
    p.importText('notes.txt', 'hello\n');
    p.importText('decode_as_entries', 'decode_as_entry: udp.port,47x2,(none),VXLAN\n');
    p.importText('colorfilters', '@UDP@udp@[1,2,3]\n');
    expect(p.pending).toBeNull();
    expect(notes).toEqual([
      expect.stringMatching(/^error: cut\.json: the profile is damaged: it is not valid JSON .*Nothing was imported\.$/),
      'error: v2.json: the profile has version 2, newer than this Decapod reads (version 1); update Decapod to open it. Nothing was imported.',
      'error: odd.json: decodeAs[0].proto: no protocol "nosuch" in this version of Decapod. Nothing was imported.',
      'error: notes.txt: not a Decapod profile, nor a Wireshark decode_as_entries or colorfilters file (it starts with "hello"). Nothing was imported.',
      'error: decode_as_entries: line 1: "47x2" is not a number. Nothing was imported.',
      'error: colorfilters: line 1: expected @name@filter@[r,g,b][r,g,b] with background then foreground, found "@UDP@udp@[1,2,3]". Nothing was imported.',
    ]);
    expect(JSON.stringify([...backend.records.values()])).toBe(before);
  });

  it('merges Wireshark files into the active profile after a yes, listing what it left out', async () => {
    const { p } = await store();
    await p.setDecodeAs([{ table: 'udp.port', value: 4792, proto: 'geneve' }, { table: 'udp.port', value: 1, proto: 'vxlan' }]);
    p.importText('decode_as_entries', 'decode_as_entry: udp.port,4792,(none),VXLAN\ndecode_as_entry: tcp.port,80,(none),HTTP\n');
    const d = p.pending;
    expect(d?.kind === 'decode-as' && [d.rules.length, d.replaced, d.skipped.map((s) => s.reason)]).toEqual([1, 1, ['Decapod has no protocol "HTTP"']]);
    await p.accept('add');
    expect(p.active.decodeAs).toEqual([
      { table: 'udp.port', value: 1, proto: 'vxlan' },
      { table: 'udp.port', value: 4792, proto: 'vxlan' },
    ]);
    p.importText('colorfilters', '@Overlay@vxlan@[41120,51400,65535][0,0,0]\n');
    p.cancel();
    expect(p.active.coloringRules).toEqual([]);
    p.importText('colorfilters', '@Overlay@vxlan@[41120,51400,65535][0,0,0]\n');
    await p.accept('add');
    expect(p.active.coloringRules).toEqual([{ name: 'Overlay', filter: 'vxlan', background: '#a0c8ff', foreground: '#000000' }]);
  });

  it('offers the profile of a share link, and refuses a damaged one', async () => {
    const payload = await encodeProfilePayload(team('Linked'));
    const { p } = await store(new MemoryBackend(), `#profile=${payload}`);
    expect(p.pending?.kind === 'profile' && p.pending.fromLink).toBe(true);
    expect(p.items).toHaveLength(1);
    await p.accept('add');
    expect(p.active.name).toBe('Linked');
    const bad = await store(new MemoryBackend(), `#profile=${payload.slice(0, -6)}`);
    expect(bad.p.pending).toBeNull();
    expect(bad.notes[0]).toMatch(/^error: The profile link is damaged: .* Your profiles were not changed\.$/);
  });

  it('creates, renames, switches and deletes profiles; the default stays', async () => {
    const { p, notes } = await store();
    expect(await p.create('Lab', 'default')).toBe(true);
    expect(p.active.name).toBe('Lab');
    expect(await p.create('lab')).toBe(false);
    expect(notes.at(-1)).toBe('error: a profile named "lab" already exists');
    expect(await p.rename(p.activeId, 'Lab 2')).toBe(true);
    const lab = p.activeId;
    await p.switchTo('default');
    expect(p.active.name).toBe('Default');
    expect(await p.remove('default')).toBe(false);
    expect(await p.remove(lab)).toBe(true);
    expect(p.items.map((x) => x.profile.name)).toEqual(['Default']);
  });

  it('toggles columns on the stored profile in order, so quick clicks are not lost', async () => {
    const { p } = await store();
    await Promise.all([p.toggleColumn('vni'), p.toggleColumn('outerSrc')]);
    expect(p.active.columns.filter((c) => c.type === 'builtin').map((c) => (c.type === 'builtin' ? c.id : ''))).toEqual(['no', 'time', 'outerSrc', 'vni', 'src', 'dst', 'protocol', 'length', 'info']);
  });
});
