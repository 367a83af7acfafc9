// The IPv4 header's Header Length, Differentiated Services and Flags lines, IPv6's Traffic Class and UDP's
// payload line as tshark 4.0.17 -V prints them. The expected lines were copied from tshark on
// packets made for the purpose: an IPv4 header with each DS byte below (one packet per DSCP
// value 0..63 was checked; these are the kinds of line it gives), over Ethernet.
import { describe, expect, it } from 'vitest';
import { dissect, hex } from './helpers.ts';

/** Ethernet, then IPv4 (protocol 253, 20 bytes) with DS byte `ds`. */
function ipv4(ds: number, vhl = 0x45): Uint8Array {
  return hex(`000000000000000000000000 0800 ${vhl.toString(16)}${ds.toString(16).padStart(2, '0')} 0014 0001 0000 40fd 0000 0a000001 0a000002`);
}

describe('the DS field, as tshark shows it', () => {
  const cases: [number, string, string, string][] = [
    [0x00, 'Differentiated Services Field: 0x00 (DSCP: CS0, ECN: Not-ECT)', '0000 00.. = Differentiated Services Codepoint: Default (0)', ".... ..00 = Explicit Congestion Notification: Not ECN-Capable Transport (0)"],
    [0x05, 'Differentiated Services Field: 0x05 (DSCP: LE, ECN: ECT(1))', '0000 01.. = Differentiated Services Codepoint: Lower Effort (1)', ".... ..01 = Explicit Congestion Notification: ECN-Capable Transport codepoint '01' (1)"],
    [0x0a, 'Differentiated Services Field: 0x0a (DSCP: Unknown, ECN: ECT(0))', '0000 10.. = Differentiated Services Codepoint: Unknown (2)', ".... ..10 = Explicit Congestion Notification: ECN-Capable Transport codepoint '10' (2)"],
    [0xb0, 'Differentiated Services Field: 0xb0 (DSCP: VOICE-ADMIT, ECN: Not-ECT)', '1011 00.. = Differentiated Services Codepoint: Voice Admit (44)', '.... ..00 = Explicit Congestion Notification: Not ECN-Capable Transport (0)'],
    [0xba, 'Differentiated Services Field: 0xba (DSCP: EF PHB, ECN: ECT(0))', '1011 10.. = Differentiated Services Codepoint: Expedited Forwarding (46)', ".... ..10 = Explicit Congestion Notification: ECN-Capable Transport codepoint '10' (2)"],
    [0xff, 'Differentiated Services Field: 0xff (DSCP: Unknown, ECN: CE)', '1111 11.. = Differentiated Services Codepoint: Unknown (63)', '.... ..11 = Explicit Congestion Notification: Congestion Experienced (3)'],
  ];
  for (const [ds, field, dscp, ecn] of cases) {
    it(`IPv4, DS byte 0x${ds.toString(16).padStart(2, '0')}`, () => {
      const d = dissect(ipv4(ds));
      expect(d.labels('ip.dsfield')).toEqual([field]);
      expect(d.labels('ip.dsfield.dscp')).toEqual([dscp]);
      expect(d.labels('ip.dsfield.ecn')).toEqual([ecn]);
      // the values filters and `fields` read are the numbers
      expect(d.values('ip.dsfield.dscp')).toEqual([String(ds >> 2)]);
    });
  }

  it("IPv4's flags line names the set flags (tshark -V on a header with each of the 8 values)", () => {
    const want = ['000. .... = Flags: 0x0', '001. .... = Flags: 0x1, More fragments', "010. .... = Flags: 0x2, Don't fragment",
      "011. .... = Flags: 0x3, Don't fragment, More fragments", '100. .... = Flags: 0x4, Reserved bit', '101. .... = Flags: 0x5, Reserved bit, More fragments',
      "110. .... = Flags: 0x6, Reserved bit, Don't fragment", "111. .... = Flags: 0x7, Reserved bit, Don't fragment, More fragments"];
    for (let flags = 0; flags < 8; flags++) {
      const b = ipv4(0);
      b[14 + 6] = flags << 5;
      expect(dissect(b).labels('ip.flags')).toEqual([want[flags]]);
    }
  });

  it("IPv4's header length: the nibble and the bytes it means", () => {
    expect(dissect(ipv4(0)).labels('ip.hdr_len')).toEqual(['.... 0101 = Header Length: 20 bytes (5)']);
    expect(dissect(ipv4(0)).values('ip.hdr_len')).toEqual(['20']);
  });

  it("IPv6's Traffic Class (tshark -V on this header)", () => {
    const v6 = hex(`000000000000000000000000 86dd 6b800000 0000 3b 40 ${'20010db8000000000000000000000001'} ${'20010db8000000000000000000000002'}`);
    const d = dissect(v6);
    expect(d.labels('ipv6.tclass')).toEqual(['.... 1011 1000 .... .... .... .... .... = Traffic Class: 0xb8 (DSCP: EF PHB, ECN: Not-ECT)']);
    expect(d.labels('ipv6.tclass.dscp')).toEqual(['.... 1011 10.. .... .... .... .... .... = Differentiated Services Codepoint: Expedited Forwarding (46)']);
  });

  it("UDP's payload line says the UDP length (tshark -V on these datagrams)", () => {
    const udp = (len: number): Uint8Array => hex(`000000000000000000000000 0800 4500 ${(20 + 8 + len).toString(16).padStart(4, '0')} 0001 0000 4011 0000 0a000001 0a000002 ea60 ea61 ${(8 + len).toString(16).padStart(4, '0')} 0000 ${'58'.repeat(len)}`);
    expect(dissect(udp(4)).labels('udp.payload')).toEqual(['UDP payload (4 bytes)']);
    expect(dissect(udp(1)).labels('udp.payload')).toEqual(['UDP payload (1 byte)']);
  });
});
