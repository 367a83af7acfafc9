// The set of saved profiles and which one is active, over a storage backend (IndexedDB in the app,
// see store.ts; a Map in unit tests). The rules that keep the set sound live here, not in the UI:
// a default profile always exists and cannot be deleted; names are unique (compared without regard
// to case, as people read them); nothing is overwritten unless the caller says `replace`; every
// record read back is validated, and a damaged one is reported, never half-loaded.

import { checkProfileName, DEFAULT_PROFILE_NAME, defaultProfile, validateProfile, type Profile, type ValidateContext } from './schema.ts';

export interface StoredProfile {
  /** Stable key: a rename keeps it. */
  id: string;
  profile: Profile;
  /** Milliseconds since the epoch of the last change. */
  updated: number;
}

export interface ProfileBackend {
  list(): Promise<unknown[]>;
  put(record: StoredProfile): Promise<void>;
  remove(id: string): Promise<void>;
  getActive(): Promise<string | null>;
  setActive(id: string): Promise<void>;
}

export const DEFAULT_PROFILE_ID = 'default';

/** A name clash on add or rename: the caller asks the person whether to rename or replace. */
export class NameClash extends Error {
  constructor(
    readonly clashName: string,
    readonly existing: StoredProfile,
  ) {
    super(`a profile named "${clashName}" already exists`);
  }
}

function newId(): string {
  const b = new Uint8Array(12);
  crypto.getRandomValues(b);
  return 'p-' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export class ProfileLibrary {
  #backend: ProfileBackend;
  #ctx: ValidateContext;
  #items: StoredProfile[] = [];
  #active = DEFAULT_PROFILE_ID;
  /** Stored records that did not validate (kept in storage untouched, listed for the UI). */
  damaged: { id: string; error: string }[] = [];

  constructor(backend: ProfileBackend, ctx: ValidateContext = {}) {
    this.#backend = backend;
    this.#ctx = ctx;
  }

  /** Read everything; create the default profile on first start. */
  async load(): Promise<void> {
    const raw = await this.#backend.list();
    const items: StoredProfile[] = [];
    this.damaged = [];
    for (const r of raw) {
      const rec = r as Partial<StoredProfile> | null;
      const id = typeof rec?.id === 'string' ? rec.id : '?';
      // Protocol names are not checked here: a profile saved by a build with a protocol this one
      // lacks still loads, and the engine reports the rule when it is applied.
      const v = validateProfile(rec?.profile);
      if (!v.ok || id === '?') {
        this.damaged.push({ id, error: v.ok ? 'the record has no id' : v.error });
        continue;
      }
      items.push({ id, profile: v.value, updated: typeof rec?.updated === 'number' ? rec.updated : 0 });
    }
    if (!items.some((p) => p.id === DEFAULT_PROFILE_ID)) {
      // a profile that took the name "Default" before the default existed keeps it; the default gets another
      const name = items.some((p) => sameName(p.profile.name, DEFAULT_PROFILE_NAME)) ? this.#uniqueName(DEFAULT_PROFILE_NAME, items) : DEFAULT_PROFILE_NAME;
      const d: StoredProfile = { id: DEFAULT_PROFILE_ID, profile: defaultProfile(name), updated: Date.now() };
      await this.#backend.put(d);
      items.push(d);
    }
    this.#items = sortProfiles(items);
    const active = await this.#backend.getActive();
    this.#active = active !== null && items.some((p) => p.id === active) ? active : DEFAULT_PROFILE_ID;
  }

  get items(): readonly StoredProfile[] {
    return this.#items;
  }

  get activeId(): string {
    return this.#active;
  }

  get active(): StoredProfile {
    return (this.#items.find((p) => p.id === this.#active) ?? this.#items.find((p) => p.id === DEFAULT_PROFILE_ID)) as StoredProfile;
  }

  byId(id: string): StoredProfile | undefined {
    return this.#items.find((p) => p.id === id);
  }

  byName(name: string): StoredProfile | undefined {
    return this.#items.find((p) => sameName(p.profile.name, name));
  }

  /** `name`, or `name (2)`, `name (3)` … whichever is free. */
  uniqueName(name: string): string {
    return this.#uniqueName(name, this.#items);
  }

  #uniqueName(name: string, items: readonly StoredProfile[]): string {
    const base = name.trim().replace(/ \(\d+\)$/, '');
    if (!items.some((p) => sameName(p.profile.name, name))) return name.trim();
    for (let n = 2; ; n++) {
      const c = `${base} (${n})`;
      if (!items.some((p) => sameName(p.profile.name, c))) return c;
    }
  }

  async setActive(id: string): Promise<void> {
    if (!this.byId(id)) throw new Error(`no profile with id ${id}`);
    await this.#backend.setActive(id);
    this.#active = id;
  }

  /**
   * Add a profile under its own name. A clash throws NameClash unless `mode` says what to do:
   * `replace` overwrites the profile of that name (keeping its id), `rename` picks a free name.
   */
  async add(profile: Profile, mode: 'ask' | 'replace' | 'rename' = 'ask'): Promise<StoredProfile> {
    const v = this.#check(profile);
    const clash = this.byName(v.name);
    if (clash && mode === 'ask') throw new NameClash(v.name, clash);
    if (clash && mode === 'replace') {
      // the default keeps its own name (it may be "Default" in any case the file spelt)
      const rec: StoredProfile = { id: clash.id, profile: { ...v, name: clash.profile.name }, updated: Date.now() };
      await this.#backend.put(rec);
      this.#items = sortProfiles(this.#items.map((p) => (p.id === clash.id ? rec : p)));
      return rec;
    }
    const name = clash ? this.uniqueName(v.name) : v.name;
    const rec: StoredProfile = { id: newId(), profile: { ...v, name }, updated: Date.now() };
    await this.#backend.put(rec);
    this.#items = sortProfiles([...this.#items, rec]);
    return rec;
  }

  /** Change a stored profile (rules, columns … or its name: a clash with another throws NameClash). */
  async update(id: string, profile: Profile): Promise<StoredProfile> {
    const cur = this.byId(id);
    if (!cur) throw new Error(`no profile with id ${id}`);
    const v = this.#check(profile);
    const clash = this.byName(v.name);
    if (clash && clash.id !== id) throw new NameClash(v.name, clash);
    const rec: StoredProfile = { id, profile: v, updated: Date.now() };
    await this.#backend.put(rec);
    this.#items = sortProfiles(this.#items.map((p) => (p.id === id ? rec : p)));
    return rec;
  }

  async rename(id: string, name: string): Promise<StoredProfile> {
    const cur = this.byId(id);
    if (!cur) throw new Error(`no profile with id ${id}`);
    const n = checkProfileName(name);
    if (!n.ok) throw new Error(n.error);
    return this.update(id, { ...cur.profile, name: n.value });
  }

  /** Delete a profile; the default cannot be. Deleting the active one activates the default. */
  async remove(id: string): Promise<void> {
    if (id === DEFAULT_PROFILE_ID) throw new Error('the default profile cannot be deleted (reset it instead)');
    if (!this.byId(id)) return;
    if (this.#active === id) await this.setActive(DEFAULT_PROFILE_ID);
    await this.#backend.remove(id);
    this.#items = this.#items.filter((p) => p.id !== id);
  }

  #check(profile: Profile): Profile {
    const v = validateProfile(profile, this.#ctx);
    if (!v.ok) throw new Error(v.error);
    return v.value;
  }
}

/** The default first, then by name. */
function sortProfiles(items: StoredProfile[]): StoredProfile[] {
  return [...items].sort((a, b) => (a.id === DEFAULT_PROFILE_ID ? -1 : b.id === DEFAULT_PROFILE_ID ? 1 : a.profile.name.localeCompare(b.profile.name)));
}

/** A backend in memory (unit tests, and the app when IndexedDB is unavailable). */
export class MemoryBackend implements ProfileBackend {
  readonly records = new Map<string, StoredProfile>();
  active: string | null = null;

  async list(): Promise<unknown[]> {
    return [...this.records.values()].map((r) => structuredClone(r));
  }
  async put(record: StoredProfile): Promise<void> {
    this.records.set(record.id, structuredClone(record));
  }
  async remove(id: string): Promise<void> {
    this.records.delete(id);
  }
  async getActive(): Promise<string | null> {
    return this.active;
  }
  async setActive(id: string): Promise<void> {
    this.active = id;
  }
}
