// Wireshark's decode_as_entries and colorfilters files: read, written, round-tripped and refused.

import { describe, expect, it } from 'vitest';
import '../../../workers/dissectors/all.ts';
import { defaultBindings, dissectorNames } from '../../../workers/dissectors/tables.ts';
import { formatDecodeAsEntries, parseDecodeAsEntries, wiresharkDescription } from '../../../src/lib/profiles/wireshark-decode-as.ts';
import { formatColorfilters, parseColorfilters } from '../../../src/lib/profiles/wireshark-colorfilters.ts';
import type { DecodeAsRule } from '../../../workers/dissectors/tables.ts';

const protocols = dissectorNames();

// As Wireshark 4.x writes it (epan/decode_as.c save_decode_as_entries).
const WIRESHARK_FILE = `# "Decode As" entries file for Wireshark 4.2.2.
#
# This file is regenerated each time "Decode As" preferences
# are saved within Wireshark. Making manual changes should be safe,
# however.
decode_as_entry: udp.port,4789,VXLAN,(none)
decode_as_entry: udp.port,4792,(none),VXLAN
decode_as_entry: udp.port,6082,(none),Geneve
`;

describe('decode_as_entries', () => {
  it('reads the file Wireshark writes', () => {
    const r = parseDecodeAsEntries(WIRESHARK_FILE, protocols);
    expect(r).toEqual({
      ok: true,
      value: {
        rules: [
          { table: 'udp.port', value: 4789, proto: 'none' },
          { table: 'udp.port', value: 4792, proto: 'vxlan' },
          { table: 'udp.port', value: 6082, proto: 'geneve' },
        ],
        skipped: [],
      },
    });
  });

  it('writes what Wireshark writes, sorted, with the built-in binding as the default column', () => {
    const rules: DecodeAsRule[] = [
      { table: 'udp.port', value: 6082, proto: 'geneve' },
      { table: 'udp.port', value: 4792, proto: 'vxlan' },
      { table: 'udp.port', value: 4789, proto: 'none' },
    ];
    const text = formatDecodeAsEntries(rules, defaultBindings());
    const body = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(body).toEqual(['decode_as_entry: udp.port,4789,VXLAN,(none)', 'decode_as_entry: udp.port,4792,(none),VXLAN', 'decode_as_entry: udp.port,6082,(none),Geneve']);
    // and reads back to the same rules (in Wireshark's sorted order)
    const back = parseDecodeAsEntries(text, protocols);
    expect(back.ok && back.value.rules).toEqual([rules[2], rules[1], rules[0]]);
  });

  it('round-trips every table and protocol Decapod has', () => {
    const rules: DecodeAsRule[] = protocols.map((proto, i) => ({ table: i % 2 ? 'tcp.port' : 'ethertype', value: 1000 + i, proto }));
    const back = parseDecodeAsEntries(formatDecodeAsEntries(rules), protocols);
    expect(back.ok && [...back.value.rules].sort((a, b) => a.value - b.value)).toEqual(rules);
  });

  it('reads values as strtol(…, 0) does: hex, octal, decimal', () => {
    const r = parseDecodeAsEntries('decode_as_entry: ethertype,0x88b5,(none),Ethernet\ndecode_as_entry: udp.port,010,(none),VXLAN\ndecode_as_entry: tcp.port,+99,(none),VXLAN\n', protocols);
    expect(r.ok && r.value.rules.map((x) => x.value)).toEqual([0x88b5, 8, 99]);
  });

  it('accepts CRLF line ends, continuation lines, "(NONE)" and a later entry replacing an earlier one', () => {
    const r = parseDecodeAsEntries('decode_as_entry: udp.port,4792,(none),\r\n  VXLAN\r\ndecode_as_entry:udp.port,4793,VXLAN,(NONE)\r\ndecode_as_entry: udp.port,4792,(none),Geneve\r\n', protocols);
    expect(r.ok && r.value.rules).toEqual([
      { table: 'udp.port', value: 4793, proto: 'none' },
      { table: 'udp.port', value: 4792, proto: 'geneve' },
    ]);
  });

  it('lists entries for tables or protocols Decapod lacks instead of dropping them silently', () => {
    const r = parseDecodeAsEntries('decode_as_entry: tcp.port,8080,(none),SMB\ndecode_as_entry: sctp.ppi,46,(none),DIAMETER\ndecode_as_entry: udp.port,4792,(none),VXLAN\ndecode_as_entry: udp.port,70000,(none),VXLAN\n', protocols);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rules).toEqual([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]);
    expect(r.value.skipped.map((s) => [s.line, s.reason])).toEqual([
      [1, 'Decapod has no protocol "SMB"'],
      [2, 'Decapod has no "sctp.ppi" table'],
      [4, '70000 is out of range for udp.port'],
    ]);
  });

  it('refuses damaged and foreign files, naming the line', () => {
    const bad = (t: string): string => {
      const r = parseDecodeAsEntries(t, protocols);
      if (r.ok) throw new Error('expected an error');
      return r.error;
    };
    expect(bad('decode_as_entry: udp.port,4792,VXLAN\n')).toBe('line 1: expected decode_as_entry: TABLE,VALUE,DEFAULT,CURRENT, found "udp.port,4792,VXLAN"');
    expect(bad('# x\ndecode_as_entry: udp.port,47x2,(none),VXLAN\n')).toBe('line 2: "47x2" is not a number');
    expect(bad('decode_as_entry: udp.port,-1,(none),VXLAN\n')).toBe('line 1: "-1" is not a number');
    expect(bad('gui.column.format: "No.", "%m"\n')).toBe('line 1: "gui.column.format" is not a decode_as_entry line; not a decode_as_entries file?');
    expect(bad('{"format": "decapod-profile"}')).toBe('line 1: "{"format": "decapod-profile"}" is not a decode_as_entries line; not a decode_as_entries file?');
    expect(bad('@Bad TCP@tcp.analysis.flags@[0,0,0][65535,24383,24383]\n')).toMatch(/^line 1: .* is not a decode_as_entries line/);
    expect(bad('hello world\n')).toBe('line 1: "hello world" is not "key: value"; not a decode_as_entries file?');
    expect(bad('\u00d4\u00c3\u00b2\u00a1\u0002\u0000\u0004\u0000')).toBe('not a decode_as_entries file: it is binary, not text');
  });

  it('an empty file or one with only comments has no rules', () => {
    expect(parseDecodeAsEntries('', protocols)).toEqual({ ok: true, value: { rules: [], skipped: [] } });
    expect(parseDecodeAsEntries('# nothing\n\n', protocols)).toEqual({ ok: true, value: { rules: [], skipped: [] } });
  });

  it("uses Wireshark's dissector descriptions", () => {
    expect(wiresharkDescription('vxlan')).toBe('VXLAN');
    expect(wiresharkDescription('geneve')).toBe('Geneve');
    expect(wiresharkDescription('ip')).toBe('IPv4');
    expect(wiresharkDescription('eth')).toBe('Ethernet');
    expect(wiresharkDescription('none')).toBe('(none)');
  });
});

// Lines of Wireshark's global colorfilters file (its repository root), background then foreground.
const COLORFILTERS = `# DO NOT EDIT THIS FILE!  It was created by Wireshark
@Bad TCP@tcp.analysis.flags && !tcp.analysis.window_update@[0,0,0][65535,24383,24383]
@ARP@arp@[55011,59486,65534][0,0,0]
@TCP RST@tcp.flags.reset eq 1@[37008,0,0][65535,63121,32911]
!@UDP@udp@[28834,57427,65533][0,0,0]
@Broadcast@eth[0] & 1@[65535,65535,65535][32768,32768,32768]

# Bluetooth
@HCI_CMD@bthci_cmd@[18901,48590,65535][0,0,0]
`;

describe('colorfilters', () => {
  it('reads rules in order, background first, with disabled ones', () => {
    const r = parseColorfilters(COLORFILTERS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.skipped).toEqual([]);
    expect(r.value.rules.map((x) => x.name)).toEqual(['Bad TCP', 'ARP', 'TCP RST', 'UDP', 'Broadcast', 'HCI_CMD']);
    expect(r.value.rules[0]).toEqual({ name: 'Bad TCP', filter: 'tcp.analysis.flags && !tcp.analysis.window_update', background: '#000000', foreground: '#ffff5f3f5f3f' });
    expect(r.value.rules[3]).toEqual({ name: 'UDP', filter: 'udp', background: '#70a2e053fffd', foreground: '#000000', disabled: true });
    expect(r.value.rules[4]?.background).toBe('#ffffff');
  });

  it('writes the 16-bit values back exactly (a round trip keeps every rule line)', () => {
    const r = parseColorfilters(COLORFILTERS);
    if (!r.ok) throw new Error(r.error);
    const text = formatColorfilters(r.value.rules);
    const lines = (t: string): string[] => t.split('\n').filter((l) => l.startsWith('@') || l.startsWith('!@'));
    expect(lines(text)).toEqual(lines(COLORFILTERS));
    expect(parseColorfilters(text)).toEqual(r);
  });

  it('writes 8-bit profile colours as Qt does (× 257)', () => {
    expect(formatColorfilters([{ name: 'Overlay', filter: 'vxlan', background: '#e0f0ff', foreground: '#000000' }])).toBe(
      '# This file was created by Decapod, in the format of Wireshark. Edit with care.\n@Overlay@vxlan@[57568,61680,65535][0,0,0]\n',
    );
  });

  it('refuses what the format cannot hold, and damaged or foreign files', () => {
    expect(() => formatColorfilters([{ name: 'a@b', filter: 'udp', background: '#000000', foreground: '#000000' }])).toThrow(/cannot hold "@"/);
    const bad = (t: string): string => {
      const r = parseColorfilters(t);
      if (r.ok) throw new Error('expected an error');
      return r.error;
    };
    expect(bad('@UDP@udp@[1,2,3]\n')).toBe('line 1: expected @name@filter@[r,g,b][r,g,b] with background then foreground, found "@UDP@udp@[1,2,3]"');
    expect(bad('@UDP@udp@[1,2,3][4,5,70000]\n')).toBe('line 1: colour value 70000 is out of range (0 to 65535)');
    expect(bad('decode_as_entry: udp.port,4792,(none),VXLAN\n')).toMatch(/^line 1: .* is not a coloring rule .*; not a colorfilters file\?$/);
    expect(bad('{"format":"decapod-profile"}')).toMatch(/not a colorfilters file\?$/);
  });

  it('skips rules without a name or filter, saying so', () => {
    const r = parseColorfilters('@@udp@[0,0,0][0,0,0]\n@X@@[0,0,0][0,0,0]\n');
    expect(r.ok && r.value.skipped.map((s) => s.reason)).toEqual(['the rule has no name', 'the rule has no filter']);
  });
});
