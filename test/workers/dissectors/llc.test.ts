// IEEE 802.2 LLC and SNAP (workers/dissectors/llc.ts). Frames from various_gre.pcap, and control
// fields of the other frame kinds checked against tshark 4.0.

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

const ETH = 'ffffffffffff001122334455';
// various_gre.pcap frame 2: VLAN 1213, 802.3 length 50, LLC SNAP with Cisco's OUI, PVSTP+ BPDU.
const CISCO_SNAP = '01000ccccccdaabbcc000310810004bd0032aaaa0300000c010b000000000084bdaabbcc0003000000000084bdaabbcc00030080020000140002000f00000000000204bd';

function llc(payload: string): ReturnType<typeof frame> {
  const n = payload.length / 2;
  return frame(hex(ETH + n.toString(16).padStart(4, '0') + payload));
}

describe('LLC', () => {
  it('reads SNAP with Cisco\'s OUI (various_gre.pcap frame 2)', () => {
    const f = frame(hex(CISCO_SNAP));
    expect(f.v('llc.dsap')).toBe('0xaa');
    expect(f.v('llc.dsap.sap')).toBe('85');
    expect(f.v('llc.ssap')).toBe('0xaa');
    expect(f.v('llc.control')).toBe('0x0003');
    expect(f.v('llc.oui')).toBe('12');
    expect(f.v('llc.cisco_pid')).toBe('0x010b');
    expect(f.v('llc.pid') + f.v('llc.type')).toBe('');
    expect(f.labels('llc.control.ftype')).toEqual(['.... ..11 = Frame type: Unnumbered frame (0x3)']);
  });

  it('reads a U frame with the poll bit (SABME, control 0x7f)', () => {
    const f = llc('f0f07f');
    expect(f.v('llc.control')).toBe('0x007f');
    expect(f.v('llc.control.p')).toBe('1');
    expect(f.v('llc.control.u_modifier_cmd')).toBe('0x1b');
    expect(f.v('llc.control.ftype')).toBe('0x03');
  });

  it('reads a U frame response with the final bit (TEST, control 0xf3)', () => {
    const f = llc('f0f1f3');
    expect(f.v('llc.control.f')).toBe('1');
    expect(f.v('llc.control.u_modifier_resp')).toBe('0x38');
  });

  it('reads the two-byte little-endian control field of I and S frames', () => {
    const i = llc('f0f00a05aabbccdd');
    expect(i.v('llc.control')).toBe('0x050a');
    expect(i.v('llc.control.n_r')).toBe('2');
    expect(i.v('llc.control.n_s')).toBe('5');
    expect(i.v('llc.control.p')).toBe('1');
    const s = llc('f0f1010bbeef');
    expect(s.v('llc.control')).toBe('0x0b01');
    expect(s.v('llc.control.n_r')).toBe('5');
    expect(s.v('llc.control.f')).toBe('1');
    expect(s.v('llc.control.s_ftype')).toBe('0x0000');
    expect(s.v('data.len')).toBe('2');
  });

  it('hands an I frame for SAP 0x06 to IPv4', () => {
    const f = llc('060602004500001400010000401100000102030405060708');
    expect(f.v('llc.control.n_s')).toBe('1');
    expect(f.v('ip.src')).toBe('1.2.3.4');
  });

  it('never throws at any cut of the LLC and SNAP headers', () => {
    checkCuts(hex(CISCO_SNAP), 1, 18, 26, ['llc.dsap', 'llc.ssap', 'llc.control', 'llc.oui', 'llc.cisco_pid']);
  });
});
