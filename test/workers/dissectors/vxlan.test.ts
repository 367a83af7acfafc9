// VXLAN (workers/dissectors/vxlan.ts) against bytes copied from corpus captures, with values that
// tshark 4.0 prints for them.

import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Status } from '../../../workers/dissectors/context.ts';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { EXPECTED, runGolden } from '../../golden/corpus.ts';
import { dissect, hex } from './helpers.ts';

// vxlan.pcap frame 1: Ethernet / IPv4 / UDP 45149 -> 4789 / VXLAN VNI 100 / Ethernet / IPv4 / ICMP.
const VXLAN_FRAME_1 =
  '00163e0871cf36dc851eb340080045000086d2c0400040115152c0a8cb01c0a8ca01b05d12b500720000' +
  '0800000000006400' +
  '00308801000200163e37f604080045000054000040004001234fc0a8cb03c0a8cb050800f6f2050c0001fce2975100000000a6f8020000000000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637';
const VXLAN_OFFSET = 42;
const VXLAN_HEADER = 8;

// vxlan-triple-v2.pcap frame 1: VXLAN in VXLAN in VXLAN (VNIs 1, 2, 3), then DNS.
const TRIPLE =
  '7a8a20f63cb5c889f3ada3330800450000cf0001000040117612010101010101010912b512b500bb91070c000003000001007a8a20f63cb5c889f3ada33308004500009d0001000040117241020202020202020912b512b5008990390c000003000002007a8a20f63cb5c889f3ada33308004500006b0001000040116e70030303030303030912b512b500578f6b0c000003000003007a8a20f63cb5c889f3ada3330800450000390001000040116a9f040404040404040900350035002598a0000001000001000000000000037777770362626303636f6d0000010001';

// vxlan_port_8472.pcap frame 1: the same packet as above with the UDP destination port 8472.
const PORT_8472 = VXLAN_FRAME_1.replace('b05d12b5', 'b05d2118');

describe('VXLAN', () => {
  it('decodes the header of vxlan.pcap frame 1 as tshark 4.0 does', () => {
    const d = dissect(hex(VXLAN_FRAME_1));
    expect(d.layers).toEqual(['eth', 'ip', 'udp', 'vxlan', 'eth', 'ip', ...d.layers.slice(6)]);
    expect(d.values('vxlan.flags')).toEqual(['0x0800']);
    expect(d.values('vxlan.flag_g')).toEqual(['0']);
    expect(d.values('vxlan.flag_i')).toEqual(['1']);
    expect(d.values('vxlan.flag_d')).toEqual(['0']);
    expect(d.values('vxlan.flag_a')).toEqual(['0']);
    expect(d.values('vxlan.flags_reserved')).toEqual(['0x0000']);
    expect(d.values('vxlan.gbp')).toEqual(['0']);
    expect(d.values('vxlan.vni')).toEqual(['100']);
    expect(d.values('vxlan.reserved8')).toEqual(['0']);
    expect(d.values('eth.src')).toEqual(['36:dc:85:1e:b3:40', '00:16:3e:37:f6:04']);
    expect(d.values('ip.src')).toEqual(['192.168.203.1', '192.168.203.3']);
    expect(d.labels('vxlan.flag_g')).toEqual(['0... .... .... .... = GBP Extension: Not defined']);
    expect(d.labels('vxlan.flags_reserved')).toEqual(['.000 .000 0.00 .000 = Reserved(R): 0x0000']);
    expect(d.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it('shows the group-policy flags and ID (flags 0x8848, policy 4660)', () => {
    const b = hex(VXLAN_FRAME_1);
    b.set([0x88, 0x48, 0x12, 0x34], VXLAN_OFFSET);
    const d = dissect(b);
    expect(d.values('vxlan.flags')).toEqual(['0x8848']);
    expect(d.values('vxlan.flag_g')).toEqual(['1']);
    expect(d.values('vxlan.flag_d')).toEqual(['1']);
    expect(d.values('vxlan.flag_a')).toEqual(['1']);
    expect(d.values('vxlan.gbp')).toEqual(['4660']);
    expect(d.labels('vxlan.flag_g')).toEqual(['1... .... .... .... = GBP Extension: Defined']);
  });

  it('keeps the reserved flag bits as a masked value (vxlan-triple-v2: flags 0x0c00)', () => {
    const d = dissect(hex(TRIPLE));
    expect(d.values('vxlan.flags')).toEqual(['0x0c00', '0x0c00', '0x0c00']);
    expect(d.values('vxlan.flags_reserved')).toEqual(['0x0400', '0x0400', '0x0400']);
    expect(d.values('vxlan.gbp')).toEqual(['3', '3', '3']);
  });

  it('follows three nested VXLAN headers (vxlan-triple-v2.pcap)', () => {
    const d = dissect(hex(TRIPLE));
    expect(d.values('vxlan.vni')).toEqual(['1', '2', '3']);
    expect(d.values('ip.src')).toEqual(['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4']);
    expect(d.values('udp.dstport')).toEqual(['4789', '4789', '4789', '53']);
  });

  it('is the default on UDP 8472 as in Wireshark 4.4, and can be turned off by a rule', () => {
    expect(dissect(hex(PORT_8472)).values('vxlan.vni')).toEqual(['100']);
    const off = dissect(hex(PORT_8472), { rules: [{ table: 'udp.port', value: 8472, proto: 'none' }] });
    expect(off.values('vxlan.vni')).toEqual([]);
  });

  it('never throws on a header cut short, keeps what came before and flags the packet', () => {
    const whole = hex(VXLAN_FRAME_1);
    for (let n = 0; n < VXLAN_HEADER; n++) {
      const cut = whole.slice(0, VXLAN_OFFSET + n);
      const d = dissect(cut, { origLen: whole.length });
      expect(d.values('udp.dstport'), `cut at ${n}`).toEqual(['4789']);
      expect(d.status & Status.TRUNCATED, `cut at ${n}`).toBe(Status.TRUNCATED);
      expect(d.values('vxlan.flags'), `cut at ${n}`).toEqual(n >= 2 ? ['0x0800'] : []);
      expect(d.values('vxlan.gbp'), `cut at ${n}`).toEqual(n >= 4 ? ['0'] : []);
      expect(d.values('vxlan.vni'), `cut at ${n}`).toEqual(n >= 7 ? ['100'] : []);
      expect(d.values('eth.src').length, `cut at ${n}`).toBe(1);
    }
  });

  it('marks a header longer than the UDP datagram as malformed, not truncated', () => {
    // UDP length 13: 5 bytes of VXLAN header inside the datagram, the rest of the frame outside it.
    const b = hex(VXLAN_FRAME_1);
    b.set([0x00, 0x0d], 38);
    const d = dissect(b);
    expect(d.values('vxlan.gbp')).toEqual(['0']);
    expect(d.values('vxlan.vni')).toEqual([]);
    expect(d.status & Status.MALFORMED).toBe(Status.MALFORMED);
  });
});

// The capture's reference is tshark 4.0 with `-d udp.port==8472,vxlan`; we must print it with no rule.
const NAME = 'vxlan_port_8472.pcap.decode-as-8472.tsv';
describe.skipIf(!existsSync(join(EXPECTED, NAME)))('vxlan_port_8472.pcap without Decode As', () => {
  it('prints the decode-as-8472 reference', async () => {
    const r = await runGolden({ name: NAME, capture: 'vxlan_port_8472.pcap', decodeAs: [] });
    // Fields whose dissector is not written yet print empty; those columns are someone else's.
    const ours = r.mismatches.filter((m) => fieldByName(m.field) !== undefined);
    expect(ours.map((m) => `#${m.frame} ${m.field}: expected "${m.expected}" got "${m.actual}"`)).toEqual([]);
    expect(r.actualFrames).toBe(r.expectedFrames);
  });
});
