// Decode profiles as the UI sees them: the saved profiles (IndexedDB, through ProfileLibrary), the
// active one, what the engine offers for Decode As (protocols, built-in bindings), and the one
// import waiting for the person's answer (a file, a share link, a Wireshark file). Every change is
// saved before it shows; the app watches `active` and hands its rules to the capture session.
//
// Nothing here overwrites a profile without being told to: an import whose name is taken waits in
// `pending` until `accept('rename' | 'replace')`, and a bad file or link only produces a message.

import type { DecodeAsRule, DecodeAsTables } from '../../../workers/api.ts';
import { DEFAULT_PROFILE_ID, NameClash, ProfileLibrary, type ProfileBackend, type StoredProfile } from '../profiles/library.ts';
import { checkProfileName, DECODE_AS_TABLES, defaultProfile, parseProfileJson, profileFileName, serializeProfile, type ColoringRule, type FilterButton, type Profile, type ProfileColumn } from '../profiles/schema.ts';
import type { ColumnId } from '../format/columns.ts';
import { resetBuiltins, toggleBuiltin, withCustomWidth } from '../profiles/columns.ts';
import { decodeProfilePayload, payloadOfFragment, profileLink } from '../profiles/share-link.ts';
import { formatColorfilters, parseColorfilters } from '../profiles/wireshark-colorfilters.ts';
import { formatDecodeAsEntries, parseDecodeAsEntries, type SkippedEntry } from '../profiles/wireshark-decode-as.ts';

export type NoticeKind = 'error' | 'warning' | 'info';
export type Notify = (kind: NoticeKind, text: string) => void;

/** An import waiting for a yes, a name or a choice between renaming and replacing. */
export type PendingImport =
  | {
      kind: 'profile';
      /** Where it came from: a file name, or 'link'. */
      source: string;
      fromLink: boolean;
      profile: Profile;
      /** The stored profile whose name it takes, if any. */
      clash: StoredProfile | null;
    }
  | { kind: 'decode-as'; source: string; rules: DecodeAsRule[]; skipped: SkippedEntry[]; replaced: number }
  | { kind: 'colorfilters'; source: string; rules: ColoringRule[]; skipped: SkippedEntry[] };

/** A file to save: its name, text and MIME type (the component makes the download). */
export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const sameRule = (a: DecodeAsRule, b: DecodeAsRule): boolean => a.table === b.table && a.value === b.value;

export class ProfileState {
  #library: ProfileLibrary | null = null;
  readonly #notify: Notify;
  #items = $state.raw<readonly StoredProfile[]>([]);
  #activeId = $state(DEFAULT_PROFILE_ID);
  #ready = $state(false);
  #persistent = $state(true);
  #protocols = $state.raw<readonly string[]>([]);
  #defaults = $state.raw<readonly DecodeAsRule[]>([]);
  #pending = $state.raw<PendingImport | null>(null);
  /** Settles when the saved profiles and the engine's tables are loaded. */
  #loaded: Promise<void> = Promise.resolve();
  /** Serialises writes: the store sees changes in the order they were made. */
  #queue: Promise<unknown> = Promise.resolve();

  /** The active profile (the default one until the store has loaded). */
  readonly active: Profile = $derived(this.#items.find((p) => p.id === this.#activeId)?.profile ?? defaultProfile());

  constructor(notify: Notify) {
    this.#notify = notify;
  }

  get ready(): boolean {
    return this.#ready;
  }
  /** False when IndexedDB is unavailable and profiles last for this page only. */
  get persistent(): boolean {
    return this.#persistent;
  }
  get items(): readonly StoredProfile[] {
    return this.#items;
  }
  get activeId(): string {
    return this.#activeId;
  }
  get protocols(): readonly string[] {
    return this.#protocols;
  }
  /** Built-in bindings of the tables a rule may name. */
  get defaults(): readonly DecodeAsRule[] {
    return this.#defaults;
  }
  get pending(): PendingImport | null {
    return this.#pending;
  }

  /**
   * Load the saved profiles and what the engine offers. `fragment` is location.hash: a share link
   * there becomes a pending import (nothing is added before the person accepts).
   */
  init(backend: Promise<{ backend: ProfileBackend; persistent: boolean }>, tables: Promise<DecodeAsTables>, fragment = ''): Promise<void> {
    this.#loaded = this.#load(backend, tables);
    const payload = payloadOfFragment(fragment);
    return payload === null ? this.#loaded : this.openLink(payload);
  }

  async #load(backend: Promise<{ backend: ProfileBackend; persistent: boolean }>, tables: Promise<DecodeAsTables>): Promise<void> {
    try {
      const [b, t] = await Promise.all([backend, tables]);
      this.#protocols = t.protocols;
      this.#defaults = t.defaults.filter((d) => (DECODE_AS_TABLES as readonly string[]).includes(d.table));
      const lib = new ProfileLibrary(b.backend, { protocols: t.protocols });
      await lib.load();
      this.#library = lib;
      this.#persistent = b.persistent;
      this.#sync();
      if (!b.persistent) this.#notify('warning', 'This browser does not let the page keep data (IndexedDB is off): profiles last until the page is closed.');
      for (const d of lib.damaged) this.#notify('warning', `A saved profile could not be read and was left as it is: ${d.error}`);
    } catch (e) {
      this.#notify('error', `Profiles could not be loaded: ${messageOf(e)}`);
    } finally {
      this.#ready = true;
    }
  }

  #sync(): void {
    const lib = this.#library;
    if (!lib) return;
    this.#items = lib.items;
    this.#activeId = lib.activeId;
  }

  /** Run a change against the library, in order, reporting failure instead of throwing. */
  #run<T>(job: (lib: ProfileLibrary) => Promise<T>): Promise<T | undefined> {
    const next = this.#queue.then(async () => {
      const lib = this.#library;
      if (!lib) {
        this.#notify('error', 'Profiles are not loaded yet.');
        return undefined;
      }
      try {
        return await job(lib);
      } catch (e) {
        this.#notify('error', messageOf(e));
        return undefined;
      } finally {
        this.#sync();
      }
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** One click: make a profile the active one. */
  switchTo(id: string): Promise<void> {
    return this.#run((lib) => lib.setActive(id)).then(() => undefined);
  }

  #updateActive(change: (p: Profile) => Profile): Promise<boolean> {
    return this.#run(async (lib) => {
      const cur = lib.active;
      await lib.update(cur.id, change(cur.profile));
      return true;
    }).then((ok) => ok === true);
  }

  /** Replace the active profile's Decode As rules (the dialog's Apply). */
  setDecodeAs(rules: readonly DecodeAsRule[]): Promise<boolean> {
    return this.#updateActive((p) => ({ ...p, decodeAs: rules.map((r) => ({ table: r.table, value: r.value, proto: r.proto })) }));
  }

  /** Add one rule (a suggestion accepted), replacing a rule for the same table and value. */
  addRule(rule: DecodeAsRule): Promise<boolean> {
    return this.#updateActive((p) => ({ ...p, decodeAs: [...p.decodeAs.filter((r) => !sameRule(r, rule)), { ...rule }] }));
  }

  setColumns(columns: readonly ProfileColumn[]): Promise<boolean> {
    return this.#updateActive((p) => ({ ...p, columns: columns.map((c) => ({ ...c })) }));
  }

  /** Show or hide an overlay column (the View menu); worked out on the stored profile, in order. */
  toggleColumn(id: ColumnId): Promise<boolean> {
    return this.#updateActive((p) => ({ ...p, columns: toggleBuiltin(p.columns, id) }));
  }

  /** The first-start built-in columns; custom columns stay. */
  resetColumns(): Promise<boolean> {
    return this.#updateActive((p) => ({ ...p, columns: resetBuiltins(p.columns) }));
  }

  setCustomWidth(custom: number, width: number): Promise<boolean> {
    return this.#updateActive((p) => ({ ...p, columns: withCustomWidth(p.columns, custom, width) }));
  }

  setColoringRules(rules: readonly ColoringRule[]): Promise<boolean> {
    return this.#updateActive((p) => ({ ...p, coloringRules: rules.map((c) => ({ ...c })) }));
  }

  setFilterButtons(buttons: readonly FilterButton[]): Promise<boolean> {
    return this.#updateActive((p) => ({ ...p, filterButtons: buttons.map((b) => ({ ...b })) }));
  }

  /** Save edits of the whole active profile at once (the profile editor's Save). */
  saveActive(profile: Profile): Promise<boolean> {
    return this.#updateActive((p) => ({ ...profile, name: p.name }));
  }

  /** A new profile: a copy of `fromId` (or a fresh default one), made active. */
  create(name: string, fromId?: string): Promise<boolean> {
    return this.#run(async (lib) => {
      const n = checkProfileName(name);
      if (!n.ok) throw new Error(`The name ${n.error.replace(/^name: /, '')}`);
      const base = fromId ? lib.byId(fromId)?.profile : undefined;
      const rec = await lib.add({ ...(base ?? defaultProfile()), name: n.value });
      await lib.setActive(rec.id);
      return true;
    }).then((ok) => ok === true);
  }

  rename(id: string, name: string): Promise<boolean> {
    return this.#run(async (lib) => {
      await lib.rename(id, name);
      return true;
    }).then((ok) => ok === true);
  }

  remove(id: string): Promise<boolean> {
    return this.#run(async (lib) => {
      await lib.remove(id);
      return true;
    }).then((ok) => ok === true);
  }

  /** Suggest a free name (`Team (2)`). */
  uniqueName(name: string): string {
    return this.#library?.uniqueName(name) ?? name;
  }

  isNameTaken(name: string, exceptId?: string): boolean {
    const p = this.#library?.byName(name);
    return p !== undefined && p.id !== exceptId;
  }

  // --- export ------------------------------------------------------------------------------------

  exportProfile(id = this.#activeId): ExportFile {
    const p = this.#items.find((x) => x.id === id)?.profile ?? this.active;
    return { name: profileFileName(p.name), text: serializeProfile(p), type: 'application/json' };
  }

  exportDecodeAsEntries(): ExportFile {
    return { name: 'decode_as_entries', text: formatDecodeAsEntries(this.active.decodeAs, this.#defaults), type: 'text/plain' };
  }

  /** Throws when a rule cannot be written in Wireshark's format (an `@` in a name or filter). */
  exportColorfilters(): ExportFile {
    return { name: 'colorfilters', text: formatColorfilters(this.active.coloringRules), type: 'text/plain' };
  }

  /** A link whose fragment holds the profile; `base` is the app's address. */
  shareLink(base: string, id = this.#activeId): Promise<string> {
    const p = this.#items.find((x) => x.id === id)?.profile ?? this.active;
    return profileLink(p, base);
  }

  // --- import ------------------------------------------------------------------------------------

  /**
   * A file chosen for import: a Decapod profile (JSON), or Wireshark's decode_as_entries or
   * colorfilters. Nothing changes until `accept`; a file that is none of these gets a message that
   * says what is wrong with it.
   */
  importText(source: string, text: string): void {
    // A file chosen before the saved profiles and the engine's protocols are loaded waits for them:
    // checked against the empty list, every rule's protocol was unknown and the file refused (an
    // end-to-end test that imported at once in a fresh page failed so, now and then, under load).
    if (!this.#ready) {
      void this.#loaded.then(() => this.importText(source, text));
      return;
    }
    const body = text.replace(/^\uFEFF/, '');
    const head = body.trimStart();
    if (head.startsWith('{') || head.startsWith('[')) {
      const r = parseProfileJson(body, { protocols: this.#protocols });
      if (!r.ok) return this.#notify('error', `${source}: ${r.error}. Nothing was imported.`);
      this.#offerProfile(source, r.value, false);
      return;
    }
    const firstRule = head.split('\n').find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
    if (/^\s*!?@/.test(firstRule)) {
      const r = parseColorfilters(body);
      if (!r.ok) return this.#notify('error', `${source}: ${r.error}. Nothing was imported.`);
      if (r.value.rules.length === 0) return this.#notify('error', `${source}: the colorfilters file holds no coloring rules. Nothing was imported.`);
      this.#pending = { kind: 'colorfilters', source, rules: r.value.rules, skipped: r.value.skipped };
      return;
    }
    if (/^decode_as_entry\s*:/.test(firstRule) || firstRule === '') {
      const r = parseDecodeAsEntries(body, this.#protocols);
      if (!r.ok) return this.#notify('error', `${source}: ${r.error}. Nothing was imported.`);
      if (r.value.rules.length === 0) {
        const why = r.value.skipped.length > 0 ? `none of its ${r.value.skipped.length} entries can be used (${r.value.skipped[0]?.reason})` : 'it holds no decode_as_entry lines';
        return this.#notify('error', `${source}: ${why}. Nothing was imported.`);
      }
      const replaced = r.value.rules.filter((x) => this.active.decodeAs.some((y) => sameRule(x, y))).length;
      this.#pending = { kind: 'decode-as', source, rules: r.value.rules, skipped: r.value.skipped, replaced };
      return;
    }
    this.#notify('error', `${source}: not a Decapod profile, nor a Wireshark decode_as_entries or colorfilters file (it starts with "${firstRule.slice(0, 40)}"). Nothing was imported.`);
  }

  /** A `#profile=…` link payload: validated, then offered (the person is asked before it is added). */
  async openLink(payload: string): Promise<void> {
    await this.#loaded;
    const r = await decodeProfilePayload(payload, { protocols: this.#protocols });
    if (!r.ok) {
      this.#notify('error', `${r.error} Your profiles were not changed.`);
      return;
    }
    this.#offerProfile('link', r.value, true);
  }

  #offerProfile(source: string, profile: Profile, fromLink: boolean): void {
    const clash = this.#library?.byName(profile.name) ?? null;
    this.#pending = { kind: 'profile', source, fromLink, profile, clash };
  }

  /**
   * Answer the pending import. For a profile: `add` (no clash), `rename` (under `name`, which must
   * be free) or `replace` (the clashing profile). For Wireshark files: `add` merges into the active
   * profile. The imported profile becomes the active one.
   */
  async accept(choice: 'add' | 'rename' | 'replace', name?: string): Promise<boolean> {
    const p = this.#pending;
    if (!p) return false;
    const ok = await this.#run(async (lib) => {
      if (p.kind === 'profile') {
        let profile = p.profile;
        if (choice === 'rename') {
          const n = checkProfileName(name ?? lib.uniqueName(profile.name));
          if (!n.ok) throw new Error(`The name ${n.error.replace(/^name: /, '')}`);
          if (lib.byName(n.value)) throw new NameClash(n.value, lib.byName(n.value) as StoredProfile);
          profile = { ...profile, name: n.value };
        }
        const rec = await lib.add(profile, choice === 'replace' ? 'replace' : 'ask');
        await lib.setActive(rec.id);
        this.#notify('info', `Profile "${rec.profile.name}" ${choice === 'replace' ? 'replaced' : 'added'} and in use.`);
      } else if (p.kind === 'decode-as') {
        const cur = lib.active;
        const rules = [...cur.profile.decodeAs.filter((r) => !p.rules.some((x) => sameRule(r, x))), ...p.rules];
        await lib.update(cur.id, { ...cur.profile, decodeAs: rules });
        this.#notify('info', `${p.rules.length} Decode As rule${p.rules.length === 1 ? '' : 's'} imported into "${cur.profile.name}".`);
      } else {
        const cur = lib.active;
        await lib.update(cur.id, { ...cur.profile, coloringRules: [...p.rules, ...cur.profile.coloringRules] });
        this.#notify('info', `${p.rules.length} coloring rule${p.rules.length === 1 ? '' : 's'} imported into "${cur.profile.name}".`);
      }
      return true;
    });
    if (ok === true) this.#pending = null;
    else if (p.kind === 'profile' && this.#library) {
      // the names may have changed meanwhile: ask again with what is stored now
      this.#pending = { ...p, clash: this.#library.byName(p.profile.name) ?? null };
    }
    return ok === true;
  }

  cancel(): void {
    this.#pending = null;
  }
}
