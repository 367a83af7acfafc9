// Syslog on UDP 514, and the dispatch rule it exists for: Wireshark tries the lower port first.
import { describe, expect, it } from 'vitest';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { infoText } from '../../../workers/table/info.ts';
import { protocolName } from '../../../workers/table/protocol-names.ts';
import { dissect, hex } from './helpers.ts';

const SYSLOG = fieldByName('syslog')?.id ?? -1;

function udpFrame(sport: number, dport: number, payload: Uint8Array): Uint8Array {
  const ipLen = 20 + 8 + payload.length;
  const head = hex(`000000000001 000000000002 0800 4500 ${ipLen.toString(16).padStart(4, '0')} 0001 0000 4011 0000 0a000001 0a000002`);
  const udp = new Uint8Array(8);
  new DataView(udp.buffer).setUint16(0, sport);
  new DataView(udp.buffer).setUint16(2, dport);
  new DataView(udp.buffer).setUint16(4, 8 + payload.length);
  return new Uint8Array([...head, ...udp, ...payload]);
}

describe('syslog', () => {
  it('reads the priority and the message (RFC 3164 example)', () => {
    const msg = new TextEncoder().encode("<34>Oct 11 22:14:15 mymachine su: 'su root' failed");
    const d = dissect(udpFrame(40000, 514, msg));
    expect(d.values('syslog.facility')).toEqual(['4']);
    expect(d.values('syslog.level')).toEqual(['2']);
    expect(d.values('syslog.msg')).toEqual(["Oct 11 22:14:15 mymachine su: 'su root' failed"]);
  });

  it('wins over VXLAN-GPE on 4790 because 514 is the lower port (as tshark, gen-capture frame 22415)', () => {
    const d = dissect(udpFrame(4790, 514, new Uint8Array(120)));
    expect(d.layers).toContain('syslog');
    expect(d.values('vxlan.vni')).toEqual([]);
  });

  it('a datagram cut inside the priority is malformed before its Syslog line (tshark: only "[Malformed Packet: Syslog]")', () => {
    const d = dissect(udpFrame(40000, 514, new TextEncoder().encode('<3')));
    expect(d.values('syslog.msg')).toEqual([]);
    expect(d.values('syslog')).toEqual([]);
    expect(d.values('_ws.malformed').length).toBeGreaterThan(0);
  });

  it("writes tshark's Info: FACILITY.LEVEL: and every byte of the message, a NUL as \\000", () => {
    const msg = new TextEncoder().encode("<34>Oct 11 22:14:15 mymachine su: 'su root' failed\n");
    expect(infoText(dissect(udpFrame(40000, 514, msg)).fl, SYSLOG)).toBe("AUTH.CRIT: Oct 11 22:14:15 mymachine su: 'su root' failed\\n");
    // the 1M benchmark mix's syslog datagrams: 120 zero bytes, no priority (tshark -2: "\000" 120 times)
    expect(infoText(dissect(udpFrame(4790, 514, new Uint8Array(120))).fl, SYSLOG)).toBe('\\000'.repeat(120));
    expect(infoText(dissect(udpFrame(40000, 514, new TextEncoder().encode('<191>x\x01\x7f'))).fl, SYSLOG)).toBe('LOCAL7.DEBUG: x\\001\\177');
    expect(protocolName(SYSLOG)).toBe('Syslog');
  });
});
