// A decode profile: the Decode As rules, the packet list's columns, the colouring rules and the
// saved filter buttons that a team shares (the README section "Decode profiles" is the schema's documentation; keep the
// two in step). Pure TypeScript with no DOM or Node dependency: the app, the share links and the
// command line all validate through `validateProfile`.
//
// Map of this file: the types; `defaultProfile`; `validateProfile` (one walk over untrusted JSON
// that names the first problem by its path, e.g. `decodeAs[2].value`); colour helpers.

import type { DecodeAsRule, TableName } from '../../../workers/dissectors/tables.ts';
import { COLUMNS, type ColumnId } from '../format/columns.ts';

/** The `format` marker every profile carries: a JSON file without it is not a Decapod profile. */
export const PROFILE_FORMAT = 'decapod-profile';
/** The schema version this build writes and reads. */
export const PROFILE_VERSION = 1;

/** The dissector tables a Decode As rule may name (the same as the command line's `-d`). */
export const DECODE_AS_TABLES: readonly TableName[] = ['udp.port', 'tcp.port', 'ethertype', 'ip.proto', 'gre.proto', 'sll.ltype', 'wtap_encap'];

/** Largest selector value of each table (a port is 16 bits, an IP protocol 8). */
export const TABLE_MAX: Readonly<Record<string, number>> = {
  'udp.port': 0xffff,
  'tcp.port': 0xffff,
  ethertype: 0xffff,
  'ip.proto': 0xff,
  'gre.proto': 0xffff,
  'sll.ltype': 0xffff,
  wtap_encap: 0xffffffff,
};

/** How people write a table's values: EtherTypes and GRE protocol types in hex, the rest in decimal. */
export function formatTableValue(table: string, value: number): string {
  return table === 'ethertype' || table === 'gre.proto' || table === 'sll.ltype' ? `0x${value.toString(16).padStart(4, '0')}` : String(value);
}

/** A column of the packet list: one of the built-in ones, or any field with an occurrence. */
export type ProfileColumn =
  | { type: 'builtin'; id: ColumnId; width?: number }
  | {
      type: 'custom';
      title: string;
      /** A Wireshark field name (`ip.src`). */
      field: string;
      /** Wireshark's occurrence: 0 = all joined by ',', 1 = the first, -1 = the last, 2 = the second … */
      occurrence: number;
      width?: number;
    };

export interface ColoringRule {
  name: string;
  /** A display filter; the first enabled rule whose filter matches colours the row. */
  filter: string;
  /** `#rrggbb`, or `#rrrrggggbbbb` to keep the 16 bits per channel of a Wireshark colorfilters file. */
  background: string;
  foreground: string;
  disabled?: boolean;
}

export interface FilterButton {
  label: string;
  filter: string;
}

export interface Profile {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  name: string;
  /** User rules: they override the built-in bindings; `proto: "none"` removes one. */
  decodeAs: DecodeAsRule[];
  columns: ProfileColumn[];
  coloringRules: ColoringRule[];
  filterButtons: FilterButton[];
}

export const LIMITS = {
  name: 80,
  rules: 4096,
  columns: 64,
  coloringRules: 512,
  filterButtons: 128,
  title: 80,
  filter: 4096,
  field: 128,
  occurrence: 1024,
  minWidth: 36,
  maxWidth: 2000,
} as const;

export const BUILTIN_COLUMN_IDS: readonly ColumnId[] = COLUMNS.map((c) => c.id);

/** The columns a new profile shows (the app's first-start set). */
export function defaultColumns(): ProfileColumn[] {
  return COLUMNS.filter((c) => c.defaultVisible).map((c) => ({ type: 'builtin', id: c.id }));
}

export const DEFAULT_PROFILE_NAME = 'Default';

export function defaultProfile(name = DEFAULT_PROFILE_NAME): Profile {
  return { format: PROFILE_FORMAT, version: PROFILE_VERSION, name, decodeAs: [], columns: defaultColumns(), coloringRules: [], filterButtons: [] };
}

/** What validation checks names against. Without `protocols`, any lower-case name is accepted. */
export interface ValidateContext {
  /** Registered dissector names (`vxlan`, `dns` …); `none` is always allowed. */
  protocols?: ReadonlySet<string> | readonly string[];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

class Invalid extends Error {}

/** Field names as Wireshark writes them: `ip.src`, `tcp.flags.syn`, `_ws.col.info`. */
const FIELD_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const COLOUR = /^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{12})$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

function fail(path: string, what: string): never {
  throw new Invalid(path === '' ? what : `${path}: ${what}`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v.length > 40 ? `a string ("${v.slice(0, 37)}…")` : `"${v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function object(v: unknown, path: string, keys: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, `expected an object, found ${describe(v)}`);
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!keys.includes(k) && !optional.includes(k)) fail(path, `unknown key "${k}" (expected ${[...keys, ...optional].map((x) => `"${x}"`).join(', ')})`);
  }
  for (const k of keys) if (!(k in o)) fail(path, `missing "${k}"`);
  return o;
}

function list(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) fail(path, `expected a list, found ${describe(v)}`);
  if (v.length > max) fail(path, `has ${v.length} entries; at most ${max} are allowed`);
  return v;
}

function text(v: unknown, path: string, max: number, allowEmpty = false): string {
  if (typeof v !== 'string') fail(path, `expected text, found ${describe(v)}`);
  if (!allowEmpty && v.trim() === '') fail(path, 'is empty');
  if (v.length > max) fail(path, `is ${v.length} characters long; at most ${max} are allowed`);
  if (CONTROL.test(v)) fail(path, 'contains a control character (a line break or tab)');
  return v;
}

function integer(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(path, `expected a whole number, found ${describe(v)}`);
  if (v < min || v > max) fail(path, `${v} is out of range (${min} to ${max})`);
  return v;
}

/** Check a profile name (also used by the UI's rename box). Returns the trimmed name or an error. */
export function checkProfileName(name: unknown): Validated<string> {
  try {
    const n = text(name, 'name', LIMITS.name).trim();
    return { ok: true, value: n };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function rule(v: unknown, path: string, protocols: ReadonlySet<string> | null): DecodeAsRule {
  const o = object(v, path, ['table', 'value', 'proto']);
  if (typeof o.table !== 'string' || !(DECODE_AS_TABLES as readonly string[]).includes(o.table)) {
    fail(`${path}.table`, `${describe(o.table)} is not a table Decapod knows (${DECODE_AS_TABLES.join(', ')})`);
  }
  const table = o.table as TableName;
  const value = integer(o.value, `${path}.value`, 0, TABLE_MAX[table] as number);
  if (typeof o.proto !== 'string' || !/^[a-z0-9_.-]+$/.test(o.proto)) fail(`${path}.proto`, `expected a protocol's filter name in lower case (e.g. "vxlan"), found ${describe(o.proto)}`);
  const proto = o.proto;
  if (protocols && proto !== 'none' && !protocols.has(proto)) fail(`${path}.proto`, `no protocol "${proto}" in this version of Decapod`);
  return { table, value, proto };
}

function column(v: unknown, path: string): ProfileColumn {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, `expected an object, found ${describe(v)}`);
  const type = (v as Record<string, unknown>).type;
  const width = (o: Record<string, unknown>): { width?: number } => (o.width === undefined ? {} : { width: integer(o.width, `${path}.width`, LIMITS.minWidth, LIMITS.maxWidth) });
  if (type === 'builtin') {
    const o = object(v, path, ['type', 'id'], ['width']);
    if (typeof o.id !== 'string' || !(BUILTIN_COLUMN_IDS as readonly string[]).includes(o.id)) {
      fail(`${path}.id`, `${describe(o.id)} is not a built-in column (${BUILTIN_COLUMN_IDS.join(', ')})`);
    }
    return { type, id: o.id as ColumnId, ...width(o) };
  }
  if (type === 'custom') {
    const o = object(v, path, ['type', 'title', 'field', 'occurrence'], ['width']);
    const title = text(o.title, `${path}.title`, LIMITS.title);
    const field = text(o.field, `${path}.field`, LIMITS.field);
    if (!FIELD_NAME.test(field)) fail(`${path}.field`, `"${field}" is not a field name (like ip.src)`);
    const occurrence = integer(o.occurrence, `${path}.occurrence`, -LIMITS.occurrence, LIMITS.occurrence);
    return { type, title, field, occurrence, ...width(o) };
  }
  fail(`${path}.type`, `expected "builtin" or "custom", found ${describe(type)}`);
}

function coloring(v: unknown, path: string): ColoringRule {
  const o = object(v, path, ['name', 'filter', 'background', 'foreground'], ['disabled']);
  const name = text(o.name, `${path}.name`, LIMITS.name);
  const filter = text(o.filter, `${path}.filter`, LIMITS.filter);
  for (const k of ['background', 'foreground'] as const) {
    if (typeof o[k] !== 'string' || !COLOUR.test(o[k])) fail(`${path}.${k}`, `expected a colour like "#a0c8ff", found ${describe(o[k])}`);
  }
  if (o.disabled !== undefined && typeof o.disabled !== 'boolean') fail(`${path}.disabled`, `expected true or false, found ${describe(o.disabled)}`);
  const r: ColoringRule = { name, filter, background: (o.background as string).toLowerCase(), foreground: (o.foreground as string).toLowerCase() };
  if (o.disabled === true) r.disabled = true;
  return r;
}

function button(v: unknown, path: string): FilterButton {
  const o = object(v, path, ['label', 'filter']);
  return { label: text(o.label, `${path}.label`, LIMITS.title), filter: text(o.filter, `${path}.filter`, LIMITS.filter) };
}

/**
 * Validate untrusted JSON (a file, a link, a stored record) as a profile. The error names the
 * first problem and where it is (`decodeAs[1].proto: no protocol "vxlam" …`); nothing is
 * repaired silently. The value returned is a fresh, normalised copy.
 */
export function validateProfile(raw: unknown, ctx: ValidateContext = {}): Validated<Profile> {
  try {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('', `not a Decapod profile: expected a JSON object, found ${describe(raw)}`);
    const top = raw as Record<string, unknown>;
    if (top.format !== PROFILE_FORMAT) fail('', `not a Decapod profile: "format" is ${top.format === undefined ? 'missing' : describe(top.format)}, expected "${PROFILE_FORMAT}"`);
    if (top.version !== PROFILE_VERSION) {
      if (typeof top.version === 'number' && Number.isInteger(top.version) && top.version > PROFILE_VERSION) {
        fail('', `the profile has version ${top.version}, newer than this Decapod reads (version ${PROFILE_VERSION}); update Decapod to open it`);
      }
      fail('version', `${top.version === undefined ? 'missing' : describe(top.version)}; this Decapod reads version ${PROFILE_VERSION}`);
    }
    const o = object(raw, '', ['format', 'version', 'name', 'decodeAs', 'columns', 'coloringRules', 'filterButtons']);
    const name = text(o.name, 'name', LIMITS.name).trim();
    const protocols = ctx.protocols ? new Set(ctx.protocols) : null;
    const decodeAs = list(o.decodeAs, 'decodeAs', LIMITS.rules).map((r, i) => rule(r, `decodeAs[${i}]`, protocols));
    const seen = new Map<string, number>();
    decodeAs.forEach((r, i) => {
      const key = `${r.table}:${r.value}`;
      const before = seen.get(key);
      if (before !== undefined) fail(`decodeAs[${i}]`, `${r.table} ${formatTableValue(r.table, r.value)} already has a rule (decodeAs[${before}])`);
      seen.set(key, i);
    });
    const columns = list(o.columns, 'columns', LIMITS.columns).map((c, i) => column(c, `columns[${i}]`));
    if (columns.length === 0) fail('columns', 'is empty; a profile shows at least one column');
    const builtins = new Set<string>();
    columns.forEach((c, i) => {
      if (c.type !== 'builtin') return;
      if (builtins.has(c.id)) fail(`columns[${i}]`, `the built-in column "${c.id}" is listed twice`);
      builtins.add(c.id);
    });
    const coloringRules = list(o.coloringRules, 'coloringRules', LIMITS.coloringRules).map((c, i) => coloring(c, `coloringRules[${i}]`));
    const filterButtons = list(o.filterButtons, 'filterButtons', LIMITS.filterButtons).map((b, i) => button(b, `filterButtons[${i}]`));
    return { ok: true, value: { format: PROFILE_FORMAT, version: PROFILE_VERSION, name, decodeAs, columns, coloringRules, filterButtons } };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

/** Parse and validate a profile file's text. */
export function parseProfileJson(textIn: string, ctx: ValidateContext = {}): Validated<Profile> {
  let raw: unknown;
  try {
    raw = JSON.parse(textIn);
  } catch (e) {
    const trimmed = textIn.trimStart();
    if (trimmed === '') return { ok: false, error: 'the file is empty' };
    if (!trimmed.startsWith('{')) return { ok: false, error: 'not a Decapod profile: the file is not JSON' };
    return { ok: false, error: `the profile is damaged: it is not valid JSON (${(e as Error).message})` };
  }
  return validateProfile(raw, ctx);
}

/** The profile as a file's text: keys in schema order, two-space indent, a final newline. */
export function serializeProfile(p: Profile): string {
  const ordered: Profile = {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    name: p.name,
    decodeAs: p.decodeAs.map((r) => ({ table: r.table, value: r.value, proto: r.proto })),
    columns: p.columns.map((c) => ({ ...c })),
    coloringRules: p.coloringRules.map((c) => ({ ...c })),
    filterButtons: p.filterButtons.map((b) => ({ label: b.label, filter: b.filter })),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

/** A file name for a profile's export (`Overlay team.decapod.json` without the awkward characters). */
export function profileFileName(name: string): string {
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'profile';
  return `${base}.decapod-profile.json`;
}

// --- colours -------------------------------------------------------------------------------------

/** 16-bit channels of a profile colour (`#rrggbb` channels are scaled by 257: 0xff → 0xffff). */
export function colourTo16(c: string): [number, number, number] {
  const h = c.slice(1);
  if (h.length === 6) return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) * 257) as [number, number, number];
  return [0, 4, 8].map((i) => parseInt(h.slice(i, i + 4), 16)) as [number, number, number];
}

/** A profile colour from 16-bit channels: `#rrggbb` when that is exact (as Qt writes them), else 12 digits. */
export function colourFrom16(r: number, g: number, b: number): string {
  const ch = [r, g, b];
  if (ch.every((v) => v % 257 === 0)) return '#' + ch.map((v) => (v / 257).toString(16).padStart(2, '0')).join('');
  return '#' + ch.map((v) => v.toString(16).padStart(4, '0')).join('');
}

/** A CSS colour (8 bits a channel) for a profile colour. */
export function cssColour(c: string): string {
  if (c.length === 7) return c;
  return '#' + colourTo16(c).map((v) => Math.round(v / 257).toString(16).padStart(2, '0')).join('');
}
