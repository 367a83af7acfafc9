// Filter semantics on two real packets, frames 1 and 2 of the corpus's vxlan.pcap (tcpdump's test
// suite): VXLAN 100 over 192.168.203.1 → 192.168.202.1 carrying an ICMP echo request (frame 1,
// both TTLs 64) and an ARP request (frame 2, outer TTL 62). Each expectation is what tshark 4.0.17
// answers with -Y on that file.

import { describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import type { FieldList } from '../../../workers/fields/field-list.ts';
import { compileFilter } from '../../../workers/filter/compile.ts';
import { RecordKind, type PacketRecord } from '../../../workers/formats/record.ts';

const HEX = [
  '00163e0871cf36dc851eb3400800450000 86d2c0400040115152c0a8cb01c0a8ca01b05d12b500720000080000000000640000308801000200163e37f6040800' +
    '4500005400004000400123 4fc0a8cb03c0a8cb050800f6f2050c0001fce29751 00000000a6f80200000000001011121314151617 18191a1b1c1d1e1f2021222324252627 28292a2b2c2d2e2f3031323334353637',
  '36dc851eb34000163e0871cf080045000 04eb80240003e116e48c0a8ca01c0a8cb01a6d612b5003a0000080000000000 6400ffffffffffff003088010002080600010800060400010030880100 02c0a8cb05000000000000c0a8cb03',
];

function dissect(frame: number): FieldList {
  const hex = (HEX[frame - 1] as string).replace(/\s+/g, '');
  const data = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
  const rec: PacketRecord = { kind: RecordKind.PACKET, fileOffset: 0, data, capLen: data.length, origLen: data.length, hasTime: true, tsSec: 1368908504, tsNsec: 837063000, linkType: 1, interfaceId: 0, comments: null };
  const d = new PacketDissector();
  const fl = d.dissect(rec, frame);
  // a private copy: the dissector reuses its list
  const copy = Object.assign(Object.create(Object.getPrototypeOf(fl)) as FieldList, fl);
  for (const k of ['id', 'parent', 'src', 'flags', 'off', 'len', 'num', 'aux'] as const) (copy[k] as unknown) = fl[k].slice();
  copy.str = fl.str.slice();
  copy.sources = fl.sources.map((s) => ({ ...s }));
  return copy;
}

const frames = [dissect(1), dissect(2)];

/** The frames (of 1 and 2) a filter selects. */
function sel(expr: string): number[] {
  const c = compileFilter(expr);
  if (!c.ok) throw new Error(`${expr}: ${c.error}`);
  return frames.flatMap((fl, i) => (c.matches(fl) ? [i + 1] : []));
}

const cases: [string, number[]][] = [
  // existence, logic
  ['vxlan', [1, 2]],
  ['icmp', [1]],
  ['arp && !icmp', [2]],
  ['ip.src#2', [1]],
  ['tcp', []],
  // Wireshark 4.0: == any, != all not equal, === all equal, !== / ~= any not equal
  ['ip.ttl == 64', [1]],
  ['ip.ttl != 64', [2]],
  ['ip.ttl === 64', [1]],
  ['ip.ttl !== 64', [2]],
  ['ip.ttl ~= 62', [1]],
  ['all ip.ttl >= 64', [1]],
  ['any ip.ttl != 64', [2]],
  ['ip.dst != 192.168.203.0/24', []],
  ['ip.dst ~= 192.168.203.0/24', [1]],
  ['ip.dst == 192.168.203.0/24', [1, 2]],
  // literals
  ['ip.proto == "udp"', [1, 2]],
  ['ip.proto == UDP', [1, 2]],
  ['eth.type == ARP', [2]],
  ['arp.opcode == request', [2]],
  ['eth.src == 36:dc:85:1e:b3:40', [1]],
  ['eth.src == 36-dc-85-1e-b3-40', [1]],
  ['eth.src[0:2] == 36dc', [1]],
  ['eth.dst == ff:ff:ff:ff:ff:ff', [2]],
  ['frame[0] == 54', []],
  ["frame[0] == '6'", [2]],
  ['frame[0:1] == "6"', [2]],
  ['udp.port > -1', []],
  ['udp.port < -1', []],
  ['udp.port != -1', [1, 2]],
  // slices: bytes order by length first; out-of-range slices have no value
  ['eth.src[0:3] > 00', [1, 2]],
  ['eth.src[0:3] < ff', []],
  ['eth.src[5:] == 04', [1]],
  ['eth.src[-1] == 40', [1]],
  ['eth.src[6:]', []],
  ['eth.src[0:10] == 00', []],
  ['eth.src[0:10] != 00', [1, 2]],
  ['eth.src[0:2,4-5] == 36:dc:b3:40', [1]],
  ['frame[14:1] == 45', [1, 2]],
  ['ip[9] == 11', [1, 2]],
  // protocols: slices and length cover the header, contains searches to the end of the packet
  ['len(ip) == 20', [1, 2]],
  ['len(frame) == 92', [2]],
  ['udp contains 00:00:64', [1, 2]],
  ['udp[8:1]', []],
  ['vxlan == 08:00:00:00:00:00:64:00', [1, 2]],
  // functions
  ['count(eth.src) == 2', [1, 2]],
  ['count(ip.src#2) == 1', [1]],
  ['count(tcp) == 0', []],
  ['string(ip.src) == "192.168.203.1"', [1]],
  ['string(frame.number) matches "[13579]$"', [1]],
  ['max(icmp.type, ip.ttl) == 64', [1]],
  ['min(ip.ttl) == 62', [2]],
  // arithmetic and bitwise and
  ['udp.port - 1 == 4788', [1, 2]],
  ['ip.len + 50 > 180', [1]],
  ['ip.ttl - 100 == -36', [1]],
  ['ip.ttl + 0 > -1', []],
  ['ip.ttl - 100 > -40', [1, 2]],
  ['-ip.ttl < 0', [1, 2]],
  ['ip.ttl / 0 == 1', []],
  ['ip.ttl / 0 != 1', [1, 2]],
  ['ip.ttl + 1', [1, 2]],
  ['frame[0:2] & 0f', [2]],
  ['frame[0:2] & 0f:0f == 06:0c', [2]],
  ['ip.flags & 0x2', [1, 2]],
  // sets and layers
  ['ip.ttl in {60..63}', [2]],
  ['not ip.ttl in {64}', [2]],
  ['all ip.ttl in {64}', [1]],
  ['ip.ttl#1 == 62', [2]],
  ['ip.ttl#2 == 64', [1]],
  ['ip.ttl#[1:1] == 64', [1]],
  ['ip.ttl#[:1] == 62', []],
  ['eth#2[0:1] == 00', [1]],
  ['ip.src == 192.168.203.1 && ip.src#2 == 192.168.203.3', [1]],
  // no packet is selected: references have no value
  ['ip.src != ${ip.dst}', []],
];

describe('filter evaluation (tshark 4.0 answers on vxlan.pcap frames 1-2)', () => {
  for (const [expr, want] of cases) it(expr, () => expect(sel(expr)).toEqual(want));

  it('empty filter matches everything', () => {
    expect(sel('')).toEqual([1, 2]);
  });
});
