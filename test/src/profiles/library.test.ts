// The profile library's rules, over an in-memory backend (the IndexedDB backend is exercised by
// the end-to-end tests in a real browser).

import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_ID, MemoryBackend, NameClash, ProfileLibrary } from '../../../src/lib/profiles/library.ts';
import { defaultProfile, type Profile } from '../../../src/lib/profiles/schema.ts';

function named(name: string, port = 4792): Profile {
  const p = defaultProfile(name);
  p.decodeAs.push({ table: 'udp.port', value: port, proto: 'vxlan' });
  return p;
}

async function fresh(backend = new MemoryBackend()): Promise<{ lib: ProfileLibrary; backend: MemoryBackend }> {
  const lib = new ProfileLibrary(backend);
  await lib.load();
  return { lib, backend };
}

describe('profile library', () => {
  it('creates the default profile on first start, and makes it active', async () => {
    const { lib, backend } = await fresh();
    expect(lib.items.map((p) => p.profile.name)).toEqual(['Default']);
    expect(lib.activeId).toBe(DEFAULT_PROFILE_ID);
    expect(backend.records.has(DEFAULT_PROFILE_ID)).toBe(true);
  });

  it('keeps profiles and the active one across a reload', async () => {
    const { lib, backend } = await fresh();
    const team = await lib.add(named('Team'));
    await lib.setActive(team.id);
    const again = await fresh(backend);
    expect(again.lib.items.map((p) => p.profile.name)).toEqual(['Default', 'Team']);
    expect(again.lib.active.profile.decodeAs).toEqual([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]);
  });

  it('never overwrites silently: a clash asks, then renames or replaces', async () => {
    const { lib } = await fresh();
    const first = await lib.add(named('Team', 1000));
    await expect(lib.add(named('team', 2000))).rejects.toBeInstanceOf(NameClash);
    expect(lib.byId(first.id)?.profile.decodeAs[0]?.value).toBe(1000);
    const renamed = await lib.add(named('Team', 2000), 'rename');
    expect(renamed.profile.name).toBe('Team (2)');
    expect((await lib.add(named('Team (2)', 3000), 'rename')).profile.name).toBe('Team (3)');
    const replaced = await lib.add(named('Team', 4000), 'replace');
    expect(replaced.id).toBe(first.id);
    expect(lib.byId(first.id)?.profile.decodeAs[0]?.value).toBe(4000);
    expect(lib.items.length).toBe(4);
  });

  it('refuses a rename onto another profile’s name', async () => {
    const { lib } = await fresh();
    const a = await lib.add(named('A'));
    await lib.add(named('B'));
    await expect(lib.rename(a.id, 'b')).rejects.toBeInstanceOf(NameClash);
    await expect(lib.rename(a.id, ' ')).rejects.toThrow('name: is empty');
    expect((await lib.rename(a.id, 'A2')).profile.name).toBe('A2');
  });

  it('cannot delete the default; deleting the active profile activates the default', async () => {
    const { lib } = await fresh();
    await expect(lib.remove(DEFAULT_PROFILE_ID)).rejects.toThrow(/cannot be deleted/);
    const t = await lib.add(named('T'));
    await lib.setActive(t.id);
    await lib.remove(t.id);
    expect(lib.activeId).toBe(DEFAULT_PROFILE_ID);
    expect(lib.items.length).toBe(1);
  });

  it('refuses an invalid profile and leaves the stored ones untouched', async () => {
    const { lib, backend } = await fresh();
    const bad = { ...named('Bad'), columns: [] };
    await expect(lib.add(bad)).rejects.toThrow('columns: is empty; a profile shows at least one column');
    expect([...backend.records.keys()]).toEqual([DEFAULT_PROFILE_ID]);
  });

  it('reports a damaged stored record instead of loading half of it', async () => {
    const backend = new MemoryBackend();
    backend.records.set('x', { id: 'x', profile: { name: 'broken' } as unknown as Profile, updated: 0 });
    const { lib } = await fresh(backend);
    expect(lib.damaged).toEqual([{ id: 'x', error: 'not a Decapod profile: "format" is missing, expected "decapod-profile"' }]);
    expect(lib.items.map((p) => p.id)).toEqual([DEFAULT_PROFILE_ID]);
    expect(backend.records.has('x')).toBe(true);
  });

  it('an unknown active id falls back to the default', async () => {
    const backend = new MemoryBackend();
    backend.active = 'gone';
    const { lib } = await fresh(backend);
    expect(lib.activeId).toBe(DEFAULT_PROFILE_ID);
  });
});
