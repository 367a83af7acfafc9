// The profile schema: what validates, what is refused and how the refusal reads.

import { describe, expect, it } from 'vitest';
import '../../../workers/dissectors/all.ts';
import { dissectorNames } from '../../../workers/dissectors/tables.ts';
import { COLUMNS } from '../../../src/lib/format/columns.ts';
import {
  BUILTIN_COLUMN_IDS,
  colourFrom16,
  colourTo16,
  cssColour,
  defaultProfile,
  parseProfileJson,
  PROFILE_VERSION,
  profileFileName,
  serializeProfile,
  validateProfile,
  type Profile,
} from '../../../src/lib/profiles/schema.ts';

const protocols = dissectorNames();

function full(): Profile {
  return {
    format: 'decapod-profile',
    version: 1,
    name: 'Overlay team',
    decodeAs: [
      { table: 'udp.port', value: 4792, proto: 'vxlan' },
      { table: 'udp.port', value: 4789, proto: 'none' },
      { table: 'ethertype', value: 0x88b5, proto: 'eth' },
    ],
    columns: [
      { type: 'builtin', id: 'no' },
      { type: 'builtin', id: 'time', width: 140 },
      { type: 'custom', title: 'Outer source', field: 'ip.src', occurrence: 1 },
      { type: 'custom', title: 'Inner source', field: 'ip.src', occurrence: -1, width: 150 },
      { type: 'builtin', id: 'info' },
    ],
    coloringRules: [
      { name: 'Overlay', filter: 'vxlan || geneve', background: '#e0f0ff', foreground: '#000000' },
      { name: 'Off', filter: 'arp', background: '#d6e8ffff0000', foreground: '#000000', disabled: true },
    ],
    filterButtons: [{ label: 'VNI 100', filter: 'vxlan.vni == 100' }],
  };
}

function errorOf(raw: unknown): string {
  const r = validateProfile(raw, { protocols });
  if (r.ok) throw new Error('expected a validation error');
  return r.error;
}

function mutate(f: (p: Record<string, unknown>) => void): Record<string, unknown> {
  const p = JSON.parse(JSON.stringify(full())) as Record<string, unknown>;
  f(p);
  return p;
}

describe('profile schema', () => {
  it('accepts a full profile and returns an equal copy', () => {
    const r = validateProfile(full(), { protocols });
    expect(r).toEqual({ ok: true, value: full() });
  });

  it('round-trips through its file text', () => {
    const text = serializeProfile(full());
    expect(text.endsWith('\n')).toBe(true);
    expect(parseProfileJson(text, { protocols })).toEqual({ ok: true, value: full() });
    // keys in schema order, so that exported files diff well
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'name', 'decodeAs', 'columns', 'coloringRules', 'filterButtons']);
  });

  it('the default profile is valid and shows the first-start columns', () => {
    const d = defaultProfile();
    expect(validateProfile(d, { protocols }).ok).toBe(true);
    expect(d.columns.map((c) => (c.type === 'builtin' ? c.id : c.field))).toEqual(COLUMNS.filter((c) => c.defaultVisible).map((c) => c.id));
    expect(BUILTIN_COLUMN_IDS).toEqual(COLUMNS.map((c) => c.id));
  });

  it('names what is wrong, and where', () => {
    expect(errorOf(null)).toBe('not a Decapod profile: expected a JSON object, found null');
    expect(errorOf([])).toBe('not a Decapod profile: expected a JSON object, found a list');
    expect(errorOf({ name: 'x' })).toBe('not a Decapod profile: "format" is missing, expected "decapod-profile"');
    expect(errorOf(mutate((p) => (p.version = 2)))).toBe('the profile has version 2, newer than this Decapod reads (version 1); update Decapod to open it');
    expect(errorOf(mutate((p) => delete p.version))).toBe('version: missing; this Decapod reads version 1');
    expect(errorOf(mutate((p) => (p.version = '1')))).toBe('version: "1"; this Decapod reads version 1');
    expect(errorOf(mutate((p) => delete p.columns))).toBe('missing "columns"');
    expect(errorOf(mutate((p) => (p.extra = 1)))).toMatch(/^unknown key "extra"/);
    expect(errorOf(mutate((p) => (p.name = '  ')))).toBe('name: is empty');
    expect(errorOf(mutate((p) => (p.name = 'a\nb')))).toBe('name: contains a control character (a line break or tab)');
    expect(errorOf(mutate((p) => ((p.decodeAs as { table: string }[])[1]!.table = 'sctp.ppi')))).toMatch(/^decodeAs\[1\]\.table: "sctp\.ppi" is not a table Decapod knows/);
    expect(errorOf(mutate((p) => ((p.decodeAs as { value: number }[])[0]!.value = 70000)))).toBe('decodeAs[0].value: 70000 is out of range (0 to 65535)');
    expect(errorOf(mutate((p) => ((p.decodeAs as { value: number }[])[0]!.value = 47.5)))).toBe('decodeAs[0].value: expected a whole number, found 47.5');
    expect(errorOf(mutate((p) => ((p.decodeAs as { proto: string }[])[0]!.proto = 'vxlam')))).toBe('decodeAs[0].proto: no protocol "vxlam" in this version of Decapod');
    expect(errorOf(mutate((p) => ((p.decodeAs as { proto: string }[])[0]!.proto = 'VXLAN')))).toMatch(/^decodeAs\[0\]\.proto: expected a protocol's filter name in lower case/);
    expect(errorOf(mutate((p) => (p.decodeAs as unknown[]).push({ table: 'udp.port', value: 4792, proto: 'geneve' })))).toBe('decodeAs[3]: udp.port 4792 already has a rule (decodeAs[0])');
    expect(errorOf(mutate((p) => (p.columns = [])))).toBe('columns: is empty; a profile shows at least one column');
    expect(errorOf(mutate((p) => ((p.columns as { id: string }[])[0]!.id = 'bogus')))).toMatch(/^columns\[0\]\.id: "bogus" is not a built-in column/);
    expect(errorOf(mutate((p) => (p.columns as unknown[]).push({ type: 'builtin', id: 'no' })))).toBe('columns[5]: the built-in column "no" is listed twice');
    expect(errorOf(mutate((p) => ((p.columns as { field: string }[])[2]!.field = 'ip src')))).toBe('columns[2].field: "ip src" is not a field name (like ip.src)');
    expect(errorOf(mutate((p) => ((p.columns as { type: string }[])[2]!.type = 'x')))).toBe('columns[2].type: expected "builtin" or "custom", found "x"');
    expect(errorOf(mutate((p) => ((p.columns as { width: number }[])[1]!.width = 5)))).toBe('columns[1].width: 5 is out of range (36 to 2000)');
    expect(errorOf(mutate((p) => ((p.coloringRules as { background: string }[])[0]!.background = 'red')))).toBe('coloringRules[0].background: expected a colour like "#a0c8ff", found "red"');
    expect(errorOf(mutate((p) => ((p.coloringRules as { disabled: unknown }[])[0]!.disabled = 'yes')))).toBe('coloringRules[0].disabled: expected true or false, found "yes"');
    expect(errorOf(mutate((p) => ((p.filterButtons as { filter: string }[])[0]!.filter = '')))).toBe('filterButtons[0].filter: is empty');
  });

  it('without a protocol list, accepts any well-formed protocol name', () => {
    const p = mutate((x) => ((x.decodeAs as { proto: string }[])[0]!.proto = 'future-proto'));
    expect(validateProfile(p).ok).toBe(true);
    expect(validateProfile(p, { protocols }).ok).toBe(false);
  });

  it('tells a damaged or foreign file from a profile', () => {
    expect(parseProfileJson('')).toEqual({ ok: false, error: 'the file is empty' });
    expect(parseProfileJson('decode_as_entry: udp.port,4792,(none),VXLAN\n')).toEqual({ ok: false, error: 'not a Decapod profile: the file is not JSON' });
    const cut = serializeProfile(full()).slice(0, 100);
    const r = parseProfileJson(cut);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^the profile is damaged: it is not valid JSON/);
    expect(parseProfileJson('{"hello": "world"}')).toEqual({ ok: false, error: 'not a Decapod profile: "format" is missing, expected "decapod-profile"' });
  });

  it('is the current version', () => {
    expect(PROFILE_VERSION).toBe(1);
  });

  it('converts colours between 8 and 16 bits without loss where Wireshark values allow', () => {
    expect(colourTo16('#ff8000')).toEqual([65535, 32896, 0]);
    expect(colourFrom16(65535, 32896, 0)).toBe('#ff8000');
    // not a multiple of 257: kept with all 16 bits
    expect(colourFrom16(65535, 24383, 24383)).toBe('#ffff5f3f5f3f');
    expect(colourTo16('#ffff5f3f5f3f')).toEqual([65535, 24383, 24383]);
    expect(cssColour('#ffff5f3f5f3f')).toBe('#ff5f5f');
    expect(cssColour('#a0c8ff')).toBe('#a0c8ff');
  });

  it('makes safe file names', () => {
    expect(profileFileName('Overlay team')).toBe('Overlay team.decapod-profile.json');
    expect(profileFileName('a/b:c')).toBe('a_b_c.decapod-profile.json');
  });
});
