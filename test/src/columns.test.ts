import { describe, expect, it } from 'vitest';
import type { RowWindow } from '../../workers/api.ts';
import { COLUMNS, MARKED, cellText, colorClasses, statusText } from '../../src/lib/format/columns.ts';
import { ASCII, HEX, inRange, lineCount, offsetDigits, offsetText } from '../../src/lib/format/hex.ts';
import { parseSaved } from '../../src/lib/state/view.svelte.ts';

function win(): RowWindow {
  return {
    start: 10,
    count: 2,
    frame: Uint32Array.of(11, 12),
    sec: Float64Array.of(1, 2),
    nsec: Int32Array.of(0, 0),
    delta: Float64Array.of(0, 1),
    length: Uint32Array.of(148, 60),
    status: Uint8Array.of(0, 2),
    vni: Int32Array.of(100, -1),
    srcPort: Uint16Array.of(45149, 0),
    dstPort: Uint16Array.of(4789, 0),
    src: ['192.168.203.3', '00:16:3e:08:71:cf'],
    dst: ['192.168.203.5', 'ff:ff:ff:ff:ff:ff'],
    outerSrc: ['192.168.203.1', ''],
    outerDst: ['192.168.202.1', ''],
    protocol: ['ICMP', 'ARP'],
    info: ['Echo (ping) request', 'Who has 10.0.0.2?'],
    color: ['icmp tunnelled', 'bad'],
    custom: [],
  };
}

describe('packet list columns', () => {
  it('has the base seven, always shown, and the overlay columns, hidden at first', () => {
    expect(COLUMNS.filter((c) => !c.optional).map((c) => c.title)).toEqual(['No.', 'Time', 'Source', 'Destination', 'Protocol', 'Length', 'Info']);
    expect(COLUMNS.filter((c) => c.optional).map((c) => c.title)).toEqual(['Outer source', 'Outer destination', 'VNI', 'Src port', 'Dst port']);
    expect(COLUMNS.filter((c) => c.optional).every((c) => !c.defaultVisible)).toBe(true);
  });

  it('reads cells from the window', () => {
    const w = win();
    expect(cellText('no', w, 0)).toBe('11');
    expect(cellText('vni', w, 0)).toBe('100');
    expect(cellText('vni', w, 1)).toBe('');
    expect(cellText('srcPort', w, 1)).toBe('');
    expect(cellText('dstPort', w, 0)).toBe('4789');
    expect(cellText('outerSrc', w, 0)).toBe('192.168.203.1');
    expect(cellText('info', w, 1)).toBe('Who has 10.0.0.2?');
    expect(cellText('length', w, 1)).toBe('60');
  });

  it('maps colour families to known classes only', () => {
    expect(colorClasses('icmp tunnelled')).toBe('c-icmp tunnelled');
    expect(colorClasses('bad')).toBe('c-bad');
    expect(colorClasses('"><script>')).toBe('c-other');
    expect(colorClasses(undefined)).toBe('c-other');
  });

  it('says what a status means', () => {
    expect(statusText(0)).toBe('');
    expect(statusText(2)).toBe('Malformed packet');
    expect(statusText(3)).toBe('Malformed packet; Truncated (packet size limited during capture)');
    expect(statusText(64)).toBe("Expert error (the packet breaks its protocol's rules)");
    // a row is marked for truncated, malformed, cut short and expert error, each with its words
    expect(MARKED).toBe(1 | 2 | 32 | 64);
    for (const bit of [1, 2, 32, 64]) expect(statusText(bit)).not.toBe('');
  });
});

describe('hex pane text', () => {
  it('has tables for every byte', () => {
    expect(HEX[0x64]).toBe('64');
    expect(HEX[0]).toBe('00');
    expect(ASCII[0x41]).toBe('A');
    expect(ASCII[0x7f]).toBe('.');
    expect(ASCII[0x0a]).toBe('.');
  });

  it('widens the offset column for big sources', () => {
    expect(offsetDigits(148)).toBe(4);
    expect(offsetDigits(65536)).toBe(4);
    expect(offsetDigits(65537)).toBe(5);
    expect(offsetText(0x30, 4)).toBe('0030');
    expect(lineCount(148)).toBe(10);
    expect(lineCount(0)).toBe(0);
    expect(inRange(46, 46, 3)).toBe(true);
    expect(inRange(49, 46, 3)).toBe(false);
    expect(inRange(46, 46, 0)).toBe(false);
  });
});

describe('saved view settings', () => {
  it('falls back to defaults on garbage', () => {
    expect(parseSaved(null).timeFormat).toBe('relative');
    expect(parseSaved('{not json').visible).toContain('info');
    expect(parseSaved('42').precision).toBe('auto');
  });

  it('keeps what is valid and drops the rest', () => {
    const s = parseSaved(JSON.stringify({ visible: ['vni', 'bogus'], widths: { info: 99999, src: 10, nope: 5 }, timeFormat: 'epoch', precision: 9, listSize: 5 }));
    expect(s.visible).toContain('vni');
    expect(s.visible).toContain('no');
    expect(s.visible).not.toContain('bogus');
    expect(s.visible).not.toContain('outerSrc');
    expect(s.widths).toEqual({ info: 2000, src: 36 });
    expect(s.timeFormat).toBe('epoch');
    expect(s.precision).toBe(9);
    expect(s.listSize).toBe(0.88);
  });
});
