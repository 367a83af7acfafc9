// MPLS (workers/dissectors/mpls.ts) against bytes copied from corpus captures, with the values
// tshark 4.0 prints for them, and the payload choices Wireshark 4.0 makes after the bottom label
// (checked with tshark on the hand-made payloads below).

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from './helpers.ts';

// mpls-over-udp.pcap frame 1: Ethernet / IPv4 / UDP 58699 -> 6635 / MPLS label 21 / IPv4 / ICMP.
const OVER_UDP =
  '529a00c84f88529a00825c62080045000074676f00004011e3fb0a640caa0a640d9de54b19eb00600000' +
  '0001513f' +
  '45000054676f40003f01c0220a03000a0a01000a08007643a6eb001094073f5e000000004588030000000000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637';
const MPLS_OFFSET = 42;

// mpls-in-vlan.pcap frame 3 with its 802.1Q tag removed: labels 254 and 99, then IPv4 / TCP.
const TWO_LABELS =
  '0008e34141410008e34141418847000fe03c0006313c450002c658f640003d06b72c4141414141414141ef0900509cc1e6765f072ed280186388c19400000101080a00a460de48bb5618474554202f41414141';

// mpls-label-heapoverflow.pcap frame 1: 22 of 262144 bytes captured; the stack ends the capture.
const HEAPOVERFLOW = '3030303030303030303030308848303030303030bb30';

/** An Ethernet frame with one bottom-of-stack label (100, TTL 63) and the given payload. */
function withPayload(payload: string): Uint8Array {
  return hex('00112233445566778899aabb8847' + '0006413f' + payload);
}

describe('MPLS', () => {
  it('decodes the label of mpls-over-udp.pcap frame 1 and the IPv4 packet under it', () => {
    const d = dissect(hex(OVER_UDP));
    expect(d.layers.slice(0, 5)).toEqual(['eth', 'ip', 'udp', 'mpls', 'ip']);
    expect(d.values('udp.dstport')).toEqual(['6635']);
    expect(d.values('mpls.label')).toEqual(['21']);
    expect(d.values('mpls.exp')).toEqual(['0']);
    expect(d.values('mpls.bottom')).toEqual(['1']);
    expect(d.values('mpls.ttl')).toEqual(['63']);
    expect(d.labels('mpls.label')).toEqual(['0000 0000 0000 0001 0101 .... .... .... = MPLS Label: 21 (0x00015)']);
    expect(d.values('ip.src')).toEqual(['10.100.12.170', '10.3.0.10']);
  });

  it('shows each entry of a stack as its own mpls item (mpls-in-vlan.pcap frame 3)', () => {
    const d = dissect(hex(TWO_LABELS));
    expect(d.layers.slice(0, 4)).toEqual(['eth', 'mpls', 'mpls', 'ip']);
    expect(d.values('mpls.label')).toEqual(['254', '99']);
    expect(d.values('mpls.bottom')).toEqual(['0', '1']);
    expect(d.values('mpls.ttl')).toEqual(['60', '60']);
    expect(d.values('ip.src')).toEqual(['65.65.65.65']);
  });

  it('stops where the capture stops (mpls-label-heapoverflow.pcap)', () => {
    const d = dissect(hex(HEAPOVERFLOW), { origLen: 262144 });
    expect(d.values('mpls.label')).toEqual(['197379', '197387']);
    expect(d.values('mpls.exp')).toEqual(['0', '5']);
    expect(d.layers).toEqual(['eth', 'mpls', 'mpls']);
    expect(d.status & Status.TRUNCATED).toBe(Status.TRUNCATED);
  });

  it('names the reserved labels', () => {
    const d = dissect(hex('00112233445566778899aabb8847' + '0000113f' + '45000014000000004001000001020304050607'));
    expect(d.labels('mpls.label')).toEqual(['0000 0000 0000 0000 0001 .... .... .... = MPLS Label: Router Alert (1)']);
  });

  it('chooses the payload by its first nibble, as Wireshark 4.0 does', () => {
    // 4: IPv4 even when the total length does not fit (tshark 4.0 makes no length check).
    expect(dissect(withPayload('450000300000000040110000010203040506070800010002000800000000')).layers).toContain('ip');
    // 1: PW Associated Channel Header, then its channel type's protocol (0x0021: IPv4), or data.
    const ach = dissect(withPayload('10007ff80000'));
    expect(ach.layers).toEqual(['eth', 'mpls', 'pwach', 'data']);
    expect(ach.values('pwach.channel_type')).toEqual(['0x7ff8']);
    const achIp = dissect(withPayload('10000021' + '4500001400000000400100000102030405060708'));
    expect(achIp.layers.slice(0, 4)).toEqual(['eth', 'mpls', 'pwach', 'ip']);
    // 0 and no plausible Ethernet header: a 4-byte control word, then Ethernet.
    const cw = dissect(withPayload('00000007' + '00112233445566778899aabb0800' + '45'));
    expect(cw.layers.slice(0, 4)).toEqual(['eth', 'mpls', 'pwethcw', 'eth']);
    expect(cw.values('pweth.cw.sequence_number')).toEqual(['7']);
    // 0 followed by what looks like an Ethernet header (two vendor addresses, a known EtherType):
    // Ethernet at once. A locally administered address makes it a control word instead.
    const nocw = dissect(withPayload('00e0009b6d8100259e81b354' + '0800' + '4500001400000000400100000102030405060708'));
    expect(nocw.layers.slice(0, 4)).toEqual(['eth', 'mpls', 'eth', 'ip']);
    const local = dissect(withPayload('0011223344556677889900aa' + '0800' + '4500001400000000400100000102030405060708'));
    expect(local.layers.slice(0, 4)).toEqual(['eth', 'mpls', 'pwethcw', 'eth']);
    // Anything else: data.
    expect(dissect(withPayload('200000000000')).layers).toEqual(['eth', 'mpls', 'data']);
  });

  it('hands a GAL bottom label to the Generic Associated Channel header', () => {
    const d = dissect(hex('00112233445566778899aabb8847' + '0000d1ff' + '10007ff8' + 'aabb'));
    expect(d.values('mpls.label')).toEqual(['13']);
    expect(d.layers).toEqual(['eth', 'mpls', 'pwach', 'data']);
  });

  it('decodes an LSP ping over UDP 3503 (lspping-fec-ldp.pcap frame 2, here over Ethernet)', () => {
    const ping = '0001000001020000000000000000000140cd7b240001ce7500000000000000000001000c000100050c01010120000000';
    const udp = (payload: string): Uint8Array => {
      const n = payload.length / 2;
      return hex('00112233445566778899aabb08004500' + (28 + n).toString(16).padStart(4, '0') + '000000004011000001020304050607080daf0daf' + (8 + n).toString(16).padStart(4, '0') + '0000' + payload);
    };
    const d = dissect(udp(ping));
    expect(d.layers.slice(2)).toEqual(['udp', 'mpls-echo']);
    expect(d.values('mpls_echo.version')).toEqual(['1']);
    expect(d.values('mpls_echo.flags')).toEqual(['0x0000']);
    expect(d.values('mpls_echo.msg_type')).toEqual(['1']);
    expect(d.values('mpls_echo.reply_mode')).toEqual(['2']);
    expect(d.values('mpls_echo.sequence')).toEqual(['1']);
    // NTP era 1, as `tshark -T fields -e mpls_echo.timestamp_sent` prints it
    expect(d.values('mpls_echo.timestamp_sent')).toEqual(['Jul 21, 2070 16:45:24.000027564 UTC']);
    expect(d.values('mpls_echo.return_code')).toEqual(['0']);
    // the Target FEC Stack's LDP IPv4 prefix element (tshark: "IPv4 Prefix: 12.1.1.1", "Prefix Length: 32")
    expect(d.values('mpls_echo.tlv.fec.ldp_ipv4')).toEqual(['12.1.1.1']);
    expect(d.values('mpls_echo.tlv.fec.ldp_ipv4_mask')).toEqual(['32']);
    expect(d.values('mpls_echo.tlv.type')).toEqual(['1']);
    expect(d.values('mpls_echo.tlv.len')).toEqual(['12']);
    // Wireshark rejects a payload shorter than the fixed header, or of another version: data.
    expect(dissect(udp(ping.slice(0, 62))).layers.slice(2)).toEqual(['udp', 'data']);
    expect(dissect(udp('0002' + ping.slice(4))).layers.slice(2)).toEqual(['udp', 'data']);
  });

  it('never throws on a stack cut short, and keeps what came before', () => {
    const whole = hex(OVER_UDP);
    for (let n = 0; n <= 4; n++) {
      const d = dissect(whole.slice(0, MPLS_OFFSET + n), { origLen: whole.length });
      const at = `cut at ${n}`;
      expect(d.status & Status.TRUNCATED, at).toBe(Status.TRUNCATED);
      expect(d.values('udp.dstport'), at).toEqual(['6635']);
      // A label entry is read whole; with nothing after the bottom entry the payload read fails.
      expect(d.values('mpls.label'), at).toEqual(n === 4 ? ['21'] : []);
    }
  });
});
