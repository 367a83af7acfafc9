// UDP (workers/dissectors/udp.ts) against frames copied from corpus captures, with the values
// tshark 4.0 prints for them: bad lengths, the low-port-first dispatch and the DNS heuristic.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { PacketDissector } from '../../../workers/dissect.ts';
import { capture, hex, read, truncations } from './helpers.ts';

// dns_udp.pcap frame 1: a DNS query from port 43966 to 53.
const DNS_UDP_1 =
  '00112233446600112233445508004500005459cd0000401194aec0a8010bd157f912abbe003500407824593401200001000000000001037777770774637064756d70036f72670000010001000029100000000000000c000a000842f5d00996f90b13';
// udp-length-heapoverflow.pcap frame 1: 38 of 262144 bytes captured, the length field missing.
const HEAP_OVERFLOW = '3030303030303030303030300800453030303030000030113030303030303030303030303030';
// dns-zlip-1.pcap frame 1: UDP length 8 in a 43-byte IP payload (no payload: no DNS).
const ZLIP = '006094eb552f00c04f6b9fe008004500003f3b890000401186780a00000192541c5804000035000882b7ed6900000001000000000000c00cc007c010c017c020c027c030c0ffcf000000010001';
// dns_udp_8053.pcap frame 1: DNS to port 8053, found by the heuristic.
const DNS_8053 = '001122334466001122334455080045000054952e00004011594dc0a8010bd157f912aaed1f7500409453014301200001000000000001037777770774637064756d70036f72670000010001000029100000000000000c000a00089661b0beabd5df68';
// bigtcp-ipv4-vxlan-ipv4.pcap frame 1, first 60 bytes: IPv4 total length 0 (BIG TCP), UDP length 0.
const BIGTCP_HEAD = 'b8cef6048b14d4aff7dae1730800450000006f2900003d11f2790a19840b0a19840db7c412b50000552f0800000000138900fe36a567e0ac76bd914a21';

const FIELDS = ['udp.srcport', 'udp.dstport', 'udp.port', 'udp.length', 'udp.checksum', 'udp.checksum.status', 'udp.stream',
  'udp.payload', 'dns.id', 'dns.qry.name', 'vxlan.vni', 'data.len', '_ws.expert'];
const ETH_IP = 34;

describe('UDP', () => {
  it('decodes dns_udp.pcap frame 1 and hands port 53 to DNS', () => {
    const { out } = capture([DNS_UDP_1], FIELDS);
    const f = out[0] as (typeof out)[0];
    expect(f['udp.srcport']).toEqual(['43966']);
    expect(f['udp.dstport']).toEqual(['53']);
    expect(f['udp.port']).toEqual(['43966', '53']);
    expect(f['udp.length']).toEqual(['64']);
    expect(f['udp.checksum']).toEqual(['0x7824']);
    expect(f['udp.checksum.status']).toEqual(['2']);
    expect(f['udp.stream']).toEqual(['0']);
    expect(f['udp.payload']?.[0]).toHaveLength(112);
    expect(f['dns.id']).toEqual(['0x5934']);
    expect(f['dns.qry.name']).toEqual(['www.tcpdump.org']);
    expect(f.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it('stops after the ports of udp-length-heapoverflow.pcap (length not captured)', () => {
    // the record as the file has it: 38 bytes captured of 262,144 on the wire, so the missing
    // length is cut off by the capture (tshark: [Packet size limited during capture])
    const f = read(new PacketDissector(), HEAP_OVERFLOW, 1, FIELDS, 262144) as Record<string, string[]> & { status: number };
    expect(f['udp.srcport']).toEqual(['12336']);
    expect(f['udp.dstport']).toEqual(['12336']);
    expect(f['udp.length']).toEqual([]);
    expect(f.status & Status.TRUNCATED).toBeTruthy();
  });

  it('shows length 0 of a BIG TCP frame and stops there (no VXLAN), as tshark does', () => {
    const f = capture([BIGTCP_HEAD], FIELDS).out[0] as Record<string, string[]> & { status: number };
    expect(f['udp.dstport']).toEqual(['4789']);
    expect(f['udp.length']).toEqual(['0']);
    expect(f['udp.checksum']).toEqual([]);
    expect(f['vxlan.vni']).toEqual([]);
    expect(f['_ws.expert']).toEqual(['Bad length value 0 < 8']);
    expect(f.status & Status.MALFORMED).toBeTruthy();
  });

  it('gives no payload to DNS when the UDP length is 8 (dns-zlip-1.pcap)', () => {
    const f = capture([ZLIP], FIELDS).out[0] as Record<string, string[]> & { status: number };
    expect(f['udp.length']).toEqual(['8']);
    expect(f['udp.payload']).toEqual([]);
    expect(f['dns.id']).toEqual([]);
  });

  it('recognises DNS on port 8053 by the heuristic (dns_udp_8053.pcap)', () => {
    const f = capture([DNS_8053], FIELDS).out[0] as Record<string, string[]> & { status: number };
    expect(f['udp.dstport']).toEqual(['8053']);
    expect(f['dns.id']).toEqual(['0x0143']);
    expect(f['dns.qry.name']).toEqual(['www.tcpdump.org']);
  });

  it('goes on past a length beyond the IP payload, with what the IP payload holds', () => {
    const b = hex(DNS_UDP_1);
    b[38] = 0x01; // length 0x0140 = 320
    const f = capture([b], FIELDS).out[0] as Record<string, string[]> & { status: number };
    expect(f['udp.length']).toEqual(['320']);
    expect(f['_ws.expert']).toEqual(['Bad length value 320 > IP payload length']);
    expect(f['udp.checksum']).toEqual(['0x7824']);
    expect(f['dns.id']).toEqual(['0x5934']);
    expect(f.status & Status.MALFORMED).toBeTruthy();
  });

  it('numbers UDP streams per address and port pair, in either direction', () => {
    const back = hex(DNS_UDP_1);
    back.set(hex(DNS_UDP_1).subarray(30, 34), 26);
    back.set(hex(DNS_UDP_1).subarray(26, 30), 30);
    back.set([0x00, 0x35, 0xab, 0xbe], 34);
    const other = hex(DNS_UDP_1);
    other[35] = 0xbf;
    const { out } = capture([DNS_UDP_1, back, other], ['udp.stream']);
    expect(out.map((f) => f['udp.stream'])).toEqual([['0'], ['0'], ['1']]);
  });

  it('keeps the fields before every cut of the 8-byte header, never throwing', () => {
    truncations(DNS_UDP_1, ETH_IP, 8, ['udp.srcport', 'udp.dstport', 'udp.length', 'udp.checksum']).forEach((f, k) => {
      expect(f['udp.srcport']).toEqual(k >= 2 ? ['43966'] : []);
      expect(f['udp.dstport']).toEqual(k >= 4 ? ['53'] : []);
      expect(f['udp.length']).toEqual(k >= 6 ? ['64'] : []);
      expect(f['udp.checksum']).toEqual([]);
      expect(f.status & Status.TRUNCATED).toBeTruthy();
    });
  });
});
