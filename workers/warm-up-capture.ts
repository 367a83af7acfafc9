// A small capture made in memory, with one packet of each kind an overlay network capture shows
// (the kinds of ../shared/bench/gen-capture.py): IPv4 TCP, IPv6 TCP and UDP, 802.1Q, DNS, ARP,
// VXLAN on UDP 4789 and 8472 and Geneve on 6081 around an inner TCP frame. The engine reads it at
// start (warm-up.ts) so that the code a real capture's first rows run through is compiled before
// the person opens one.

/** Packet kinds, in the order they repeat in the capture. */
export const WARM_UP_KINDS = ['tcp', 'ipv6-tcp', 'ipv6-udp', 'vlan-udp', 'dns', 'arp', 'vxlan', 'vxlan-8472', 'geneve'] as const;

class Bytes {
  readonly out: number[] = [];
  u8(...v: number[]): this {
    for (const x of v) this.out.push(x & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >> 8, v);
  }
  u32(v: number): this {
    return this.u8(v >>> 24, v >>> 16, v >>> 8, v);
  }
  add(b: readonly number[]): this {
    for (const x of b) this.out.push(x);
    return this;
  }
}

const mac = (i: number): number[] => [0x02, 0x00, 0x5e, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff];
const ip4 = (net: number, host: number): number[] => [10, net & 0xff, (host >> 8) & 0xff, host & 0xff];
const ip6 = (host: number): number[] => [0xfd, ...new Array<number>(13).fill(0), (host >> 8) & 0xff, host & 0xff];

function eth(dst: number[], src: number[], type: number, payload: number[], vlan?: number): number[] {
  const b = new Bytes().add(dst).add(src);
  if (vlan !== undefined) b.u16(0x8100).u16(vlan);
  return b.u16(type).add(payload).out;
}

function ipv4(src: number[], dst: number[], proto: number, payload: number[], id: number): number[] {
  const h = new Bytes().u8(0x45, 0).u16(20 + payload.length).u16(id).u16(0x4000).u8(64, proto).u16(0).add(src).add(dst).out;
  let sum = 0;
  for (let i = 0; i < 20; i += 2) sum += ((h[i] as number) << 8) | (h[i + 1] as number);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  h[10] = (~sum >> 8) & 0xff;
  h[11] = ~sum & 0xff;
  return [...h, ...payload];
}

const ipv6 = (src: number[], dst: number[], next: number, payload: number[]): number[] => new Bytes().u32(0x60000000).u16(payload.length).u8(next, 64).add(src).add(dst).add(payload).out;
const tcp = (sport: number, dport: number, seq: number, flags: number, payload: readonly number[]): number[] => new Bytes().u16(sport).u16(dport).u32(seq).u32(seq ? seq + 1 : 0).u8(5 << 4, flags).u16(64240).u16(0).u16(0).add(payload).out;
const udp = (sport: number, dport: number, payload: number[]): number[] => new Bytes().u16(sport).u16(dport).u16(8 + payload.length).u16(0).add(payload).out;
const vxlan = (vni: number, inner: number[]): number[] => new Bytes().u8(0x08, 0).u16(0).u32(vni << 8).add(inner).out;
const geneve = (vni: number, inner: number[]): number[] => new Bytes().u8(0, 0).u16(0x6558).u32(vni << 8).add(inner).out;
const arp = (smac: number[], sip: number[], tip: number[]): number[] => new Bytes().u16(1).u16(0x0800).u8(6, 4).u16(1).add(smac).add(sip).add(new Array<number>(6).fill(0)).add(tip).out;

function dnsQuery(id: number, name: string): number[] {
  const b = new Bytes().u16(id).u16(0x0100).u16(1).u16(0).u16(0).u16(0);
  for (const label of name.split('.')) b.u8(label.length).add([...label].map((c) => c.charCodeAt(0)));
  return b.u8(0).u16(1).u16(1).out;
}

/** TCP connections of each kind: the packets of a kind take them in turn, so that most packets
 *  belong to a connection seen before, as in a real capture. */
const FLOWS = 50;
const TCP_FLAGS = [0x02, 0x12, 0x10, 0x18, 0x11, 0x04];
/** Distinct UDP client ports and ARP senders. */
const HOSTS = 4000;

/**
 * The TCP segment of packet `n` of its kind, between a client (its port 1024 + the connection) and
 * `server`: every other one from the server back to the client, sequence numbers over the whole
 * 32-bit range, a SYN every sixth (a new connection on the same ports, as Wireshark counts one),
 * and payloads on every other one. Packets that only ever went one way, to new connections, with
 * small numbers, left V8 to compile the pass again on a real capture: its replies, conversations
 * found again and numbers past 2^31 reached code the warm-up never had.
 */
function segment(n: number, server: number, bytes: number, payload?: readonly number[]): { reply: boolean; tcp: number[] } {
  const flow = n % FLOWS;
  const reply = ((n / FLOWS) | 0) % 2 === 1;
  const client = 1024 + flow;
  const seq = Math.imul(n + 1, 0x9e3779b1) >>> 0;
  const flags = TCP_FLAGS[n % TCP_FLAGS.length] as number;
  const data = payload ?? new Array<number>(n % 2 ? bytes : 0).fill(0);
  return { reply, tcp: reply ? tcp(server, client, seq, flags, data) : tcp(client, server, seq, flags, data) };
}

/**
 * The server port of the plain TCP kind's packet `n`, and its payload: mostly HTTP's port; now
 * and then SSH's, DNS over TCP (a query with its length, or zeros that are no DNS message: a real
 * capture has both on port 53), or a port that no dissector takes on either side, so that the
 * dispatch tries all three ports. Code that V8 optimised without these branches was thrown away
 * when a real capture took them.
 */
function tcpService(n: number): { server: number; payload?: number[] } {
  switch (n % 10) {
    case 1:
      // SSH's port with no banner: "Encrypted packet", as the benchmark mix's port-22 segments (a
      // load that met SSH only after the warm-up took 15% longer in Chromium, five alternating runs)
      return { server: 22 };
    case 3:
      return { server: 53, payload: n % 20 === 3 ? withLength(dnsQuery(n & 0xffff, 'example.com')) : new Array<number>(100).fill(0) };
    case 7:
      return { server: 4000 };
    default:
      return { server: 80 };
  }
}

/** A DNS message as it goes over TCP: its length first (RFC 1035 4.2.2). */
const withLength = (m: number[]): number[] => [m.length >> 8, m.length & 0xff, ...m];

/** Two endpoints' bytes in the order of a segment's direction. */
const ends = <T>(reply: boolean, a: T, b: T): [T, T] => (reply ? [b, a] : [a, b]);

function innerFrame(n: number): number[] {
  const flow = n % FLOWS;
  const { reply, tcp: seg } = segment(n, 443, 64);
  const [ma, mb] = ends(reply, mac(0x100000 + 1 + (flow % 7)), mac(0x100000 + 9 + (flow % 5)));
  const [ia, ib] = ends(reply, ip4(200, 1 + (flow % 7)), ip4(200, 9 + (flow % 5)));
  return eth(mb, ma, 0x0800, ipv4(ia, ib, 6, seg, n & 0xffff));
}

/** The outer UDP source port of inner segment `n`: one per inner connection (RFC 7348: a hash of
 *  the inner headers). */
const tunnelPort = (n: number): number => 50000 + (n % FLOWS);

/** The frame of packet `i` (0-based): kind WARM_UP_KINDS[i % 9]; `n` counts the packets of its kind. */
export function warmUpFrame(i: number): number[] {
  const a = 1 + (i % 13);
  const b = 20 + (i % 11);
  const n = (i / WARM_UP_KINDS.length) | 0;
  const flow = n % FLOWS;
  switch (WARM_UP_KINDS[i % WARM_UP_KINDS.length]) {
    case 'tcp': {
      const { server, payload } = tcpService(n);
      const { reply, tcp: seg } = segment(n, server, 100, payload);
      const [ma, mb] = ends(reply, mac(1 + (flow % 13)), mac(20 + (flow % 11)));
      const [ia, ib] = ends(reply, ip4(1, 1 + (flow % 13)), ip4(2, 20 + (flow % 11)));
      return eth(mb, ma, 0x0800, ipv4(ia, ib, 6, seg, i & 0xffff));
    }
    case 'ipv6-tcp': {
      const { reply, tcp: seg } = segment(n, 443, 200);
      const [ia, ib] = ends(reply, ip6(1 + (flow % 13)), ip6(20 + (flow % 11)));
      return eth(mac(b), mac(a), 0x86dd, ipv6(ia, ib, 6, seg));
    }
    case 'ipv6-udp':
      return eth(mac(a), mac(b), 0x86dd, ipv6(ip6(a), ip6(b), 17, udp(50000, 5353, new Array<number>(60).fill(0))));
    // a new UDP conversation and ARP sender (its MAC address is the Source column's) each time
    // (up to HOSTS), so that the last, longer round grows the conversation and address tables as
    // a real capture does
    case 'vlan-udp':
      return eth(mac(a), mac(b), 0x0800, ipv4(ip4(3, a), ip4(4, b), 17, udp(1024 + (n % HOSTS), 514, new Array<number>(120).fill(0)), i & 0xffff), 100);
    // transaction IDs from a small set (40), as a long capture's IDs repeat; a (conversation, ID)
    // pair comes again only every 520 DNS packets, more than a round holds, so the warm-up still
    // never takes the transaction table's "key seen before" branch
    case 'dns':
      return eth(mac(a), mac(b), 0x0800, ipv4(ip4(5, a), ip4(5, 53), 17, udp(30000 + a, 53, dnsQuery(n % 40, 'example.com')), i & 0xffff));
    case 'arp': {
      // every 7th a gratuitous one (asking for its own address)
      const host = 1 + (n % HOSTS);
      const sender = ip4(6, host);
      return eth([255, 255, 255, 255, 255, 255], mac(0x10000 + host), 0x0806, arp(mac(0x10000 + host), sender, n % 7 === 6 ? sender : ip4(6, b)));
    }
    // the three tunnels carry segments of different inner connections
    case 'vxlan':
      return eth(mac(a), mac(b), 0x0800, ipv4(ip4(100, a), ip4(100, b), 17, udp(tunnelPort(3 * n), 4789, vxlan(5000 + (i % 8), innerFrame(3 * n))), i & 0xffff));
    case 'vxlan-8472':
      return eth(mac(a), mac(b), 0x0800, ipv4(ip4(101, a), ip4(101, b), 17, udp(tunnelPort(3 * n + 1), 8472, vxlan(6000 + (i % 8), innerFrame(3 * n + 1))), i & 0xffff));
    default:
      return eth(mac(a), mac(b), 0x0800, ipv4(ip4(102, a), ip4(102, b), 17, udp(tunnelPort(3 * n + 2), 6081, geneve(70000 + (i % 8), innerFrame(3 * n + 2))), i & 0xffff));
  }
}

/** A classic pcap (little-endian, microseconds, Ethernet) of `packets` frames, 1 ms apart, from
 *  packet `first` on (the later rounds of the warm-up read the packets after the first ones). */
export function warmUpCapture(packets: number, first = 0): Uint8Array {
  const le32 = (b: number[], v: number): void => void b.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  const out: number[] = [];
  for (const v of [0xa1b2c3d4, 0x00040002, 0, 0, 262144, 1]) le32(out, v);
  for (let i = first; i < first + packets; i++) {
    const f = warmUpFrame(i);
    le32(out, 1_700_000_000 + Math.floor(i / 1000));
    le32(out, (i % 1000) * 1000);
    le32(out, f.length);
    le32(out, f.length);
    for (const x of f) out.push(x);
  }
  return Uint8Array.from(out);
}
