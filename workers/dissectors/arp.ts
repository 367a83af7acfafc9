// ARP and RARP (RFC 826, RFC 903; Wireshark packet-arp.c). EtherTypes 0x0806 and 0x8035.
//
//    0                   1                   2                   3
//   +---------------+---------------+---------------+---------------+
//   |        Hardware type          |        Protocol type          |
//   |  HW size (n)  | Proto size (m)|            Opcode             |
//   | sender hardware address (n) … sender protocol address (m) …   |
//   | target hardware address (n) … target protocol address (m) …   |
//   +---------------+---------------+---------------+---------------+
// Addresses are shown as MAC / IPv4 only when the sizes say so (hardware type Ethernet or IEEE 802
// with size 6; protocol IPv4 with size 4), as bytes otherwise (InfiniBand's 20-byte addresses,
// ARCNET's 1-byte ones). The packet claims 8 + 2n + 2m bytes: the rest of the frame is the
// caller's padding (Ctx.setEnd), and a packet that claims more than it was given is malformed.
//
// Address conflicts (packet-arp.c's check_for_duplicate_addresses, on by default): the first pass
// binds each IPv4 address to the first unicast MAC address seen using it, as the sender of a request
// or reply, or as the target of a reply; a later packet that uses the address from another MAC
// address gets "[Duplicate IP address detected for …]" beside the ARP layer, with the frame of the
// binding and a Warning/Sequence expert info. The binding is not replaced (the next packet from the
// first MAC address is no conflict), and a conflict is reported once per address and packet.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF, WS } from '../fields/field-list.ts';
import { etherText, ipv4Text, macNumber } from '../fields/format.ts';
import { perCapture } from '../analysis/per-capture.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { frameTime } from './frame.ts';
import { bind, registerDissector } from './tables.ts';

const HRD = 0;
const PRO = 2;
const HLN = 4;
const PLN = 5;
const OP = 6;
export const ARP_HEADER_LEN = OP + 2;

const ARPHRD_ETHER = 1;
const ARPHRD_IEEE802 = 6;
const ETHERTYPE_IP = 0x0800;
/** AX.25 layer-3 protocol id for IP, also accepted as "IPv4" by Wireshark. */
const AX25_P_IP = 0xcc;
const OP_REQUEST = 1;
const OP_REPLY = 2;
const OP_DRARP_ERROR = 7;
const MAC_LEN = 6;

/** The Protocol column of an opcode other than a request or reply (packet-arp.c: "ARP" for those
 *  and for opcodes it does not name). */
function protocolColumn(op: number): string | null {
  if (op === 3 || op === 4) return 'RARP';
  if (op >= 5 && op <= 7) return 'DRARP';
  if (op === 8 || op === 9) return 'Inverse ARP';
  if (op >= 11 && op <= 22) return 'MARS';
  return op === 23 ? 'MAPOS' : null;
}

export const ARP_HRD_NAMES = names([
  [0, 'NET/ROM pseudo'], [1, 'Ethernet'], [2, 'Experimental Ethernet'], [3, 'AX.25'], [4, 'ProNET'], [5, 'Chaos'],
  [6, 'IEEE 802'], [7, 'ARCNET'], [8, 'Hyperchannel'], [9, 'Lanstar'], [10, 'Autonet Short Address'],
  [11, 'Localtalk'], [12, 'LocalNet'], [13, 'Ultra link'], [14, 'SMDS'], [15, 'Frame Relay DLCI'], [16, 'ATM'],
  [17, 'HDLC'], [18, 'Fibre Channel'], [19, 'ATM (RFC 2225)'], [20, 'Serial Line'], [21, 'ATM'],
  [24, 'IEEE 1394.1995'], [27, 'EUI-64'], [32, 'InfiniBand'], [512, 'PPP'], [513, 'Cisco HDLC'], [519, 'Raw IP'],
  [768, 'IPIP tunnel'], [769, 'IP6IP6 tunnel'], [772, 'Loopback'], [776, 'sit0 device - IPv6-in-IPv4'],
  [778, 'GRE over IP'], [801, 'IEEE 802.11'], [803, 'IEEE 802.11 + radiotap header'], [823, 'GRE over IPv6'],
  [824, 'Netlink'], [825, 'IPv6 over LoWPAN'], [826, 'Vsock monitor header'], [0xfffe, 'zero header length'],
  [0xffff, 'Void type, nothing is known'],
]);

const OP_NAMES = names([
  [1, 'request'], [2, 'reply'], [3, 'reverse request'], [4, 'reverse reply'], [5, 'drarp request'],
  [6, 'drarp reply'], [7, 'drarp error'], [8, 'inverse request'], [9, 'inverse reply'], [10, 'arp nak'],
  [11, 'mars request'], [12, 'mars multi'], [13, 'mars mserv'], [14, 'mars join'], [15, 'mars leave'],
  [16, 'mars nak'], [17, 'mars unserv'], [18, 'mars sjoin'], [19, 'mars sleave'], [20, 'mars grouplist request'],
  [21, 'mars grouplist reply'], [22, 'mars redirect map'], [23, 'mapos unarp'], [24, 'experimental 1'],
  [25, 'experimental 2'], [0, 'reserved'], [65535, 'reserved'],
]);

export const F = registerFields({
  arp: { name: 'arp', label: 'Address Resolution Protocol', type: FT.PROTOCOL },
  hwType: { name: 'arp.hw.type', label: 'Hardware type', type: FT.UINT, bits: 16, names: ARP_HRD_NAMES, unknownName: true },
  protoType: { name: 'arp.proto.type', label: 'Protocol type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
  hwSize: { name: 'arp.hw.size', label: 'Hardware size', type: FT.UINT, bits: 8 },
  protoSize: { name: 'arp.proto.size', label: 'Protocol size', type: FT.UINT, bits: 8 },
  opcode: { name: 'arp.opcode', label: 'Opcode', type: FT.UINT, bits: 16, names: OP_NAMES, unknownName: true },
  isGratuitous: { name: 'arp.isgratuitous', label: 'Is gratuitous', type: FT.BOOLEAN },
  isProbe: { name: 'arp.isprobe', label: 'Is probe', type: FT.BOOLEAN },
  isAnnouncement: { name: 'arp.isannouncement', label: 'Is announcement', type: FT.BOOLEAN },
  srcHw: { name: 'arp.src.hw', label: 'Sender hardware address', type: FT.BYTES },
  srcHwMac: { name: 'arp.src.hw_mac', label: 'Sender MAC address', type: FT.ETHER },
  srcProto: { name: 'arp.src.proto', label: 'Sender protocol address', type: FT.BYTES },
  srcProtoIpv4: { name: 'arp.src.proto_ipv4', label: 'Sender IP address', type: FT.IPV4 },
  dstHw: { name: 'arp.dst.hw', label: 'Target hardware address', type: FT.BYTES },
  dstHwMac: { name: 'arp.dst.hw_mac', label: 'Target MAC address', type: FT.ETHER },
  dstProto: { name: 'arp.dst.proto', label: 'Target protocol address', type: FT.BYTES },
  dstProtoIpv4: { name: 'arp.dst.proto_ipv4', label: 'Target IP address', type: FT.IPV4 },
  drarpError: { name: 'arp.dst.drarp_error_status', label: 'DRARP error status', type: FT.UINT, bits: 16, names: names([[1, 'restricted'], [2, 'no address'], [3, 'serverdown'], [4, 'moved'], [5, 'failure']]), unknownName: true },
  earlierFrame: { name: 'arp.duplicate-address-frame', label: 'Frame showing earlier use of IP address', type: FT.FRAMENUM },
  secondsSince: { name: 'arp.seconds-since-duplicate-address-frame', label: 'Seconds since earlier frame seen', type: FT.UINT },
});

const X = registerExperts({
  duplicate: { name: 'arp.duplicate-address-detected', msg: 'Duplicate IP address configured', severity: Severity.WARN, group: Group.SEQUENCE },
});

/** An IPv4 address's binding: the MAC address (as a 48-bit number) first seen using it, and the
 *  frame and whole seconds of the latest packet that used it from that MAC address. */
interface Binding {
  mac: number;
  frame: number;
  sec: number;
}

/** A conflict found on the first pass: the address, the MAC address that used it in this frame,
 *  and a copy of the binding it conflicts with. */
interface Conflict {
  ip: number;
  mac: number;
  was: Binding;
  sec: number;
}

/** Per capture: the bindings (first pass) and each frame's conflicts (for the later passes). */
const conflicts = perCapture(() => ({ bindings: new Map<number, Binding>(), byFrame: new Map<number, Conflict[]>() }));

function macBytes(mac: number): Uint8Array {
  const out = new Uint8Array(MAC_LEN);
  for (let k = MAC_LEN - 1; k >= 0; k--) {
    out[k] = mac % 256;
    mac = Math.floor(mac / 256);
  }
  return out;
}

/**
 * check_for_duplicate_addresses for the address `ip` used from `mac` in this frame: on the first
 * pass, bind it or note the conflict; on a later pass, the conflict the first pass noted. Returns
 * the conflict, if any.
 */
function checkBinding(c: Ctx, ip: number, mac: number): Conflict | undefined {
  const state = conflicts(c);
  if (!c.firstPass) return state.byFrame.get(c.frameNo)?.find((k) => k.ip === ip);
  const sec = frameTime(c).sec;
  const had = state.bindings.get(ip);
  if (had === undefined) {
    state.bindings.set(ip, { mac, frame: c.frameNo, sec });
    return undefined;
  }
  if (c.frameNo <= had.frame) return undefined;
  if (had.mac === mac) {
    had.frame = c.frameNo;
    had.sec = sec;
    return undefined;
  }
  const k: Conflict = { ip, mac, was: { ...had }, sec };
  const list = state.byFrame.get(c.frameNo);
  if (list === undefined) state.byFrame.set(c.frameNo, [k]);
  else list.push(k);
  return k;
}

/** A unicast, non-zero MAC address used with a non-zero IPv4 address: what packet-arp.c binds. */
function bindable(mac: number, ip: number): boolean {
  return mac !== 0 && Math.floor(mac / 2 ** 40) % 2 === 0 && ip !== 0;
}

/** What an ARP packet without a conflict finds: shared, so that the index pass allocates nothing
 *  for the usual packet. */
const NO_CONFLICTS: readonly Conflict[] = [];

/** The conflicts of an Ethernet/IPv4 request or reply: its sender's, then (a reply's) target's. */
function checkConflicts(c: Ctx, op: number, sha: number, spa: number, tha: number, tpa: number): readonly Conflict[] {
  let found = NO_CONFLICTS;
  const b = c.b;
  let ip = c.u32(spa);
  let mac = macNumber(b, sha);
  let duplicateIp = -1;
  if (bindable(mac, ip)) {
    const k = checkBinding(c, ip, mac);
    if (k !== undefined) {
      found = [k];
      duplicateIp = ip;
    }
  }
  ip = c.u32(tpa);
  mac = macNumber(b, tha);
  if (bindable(mac, ip) && op !== OP_REQUEST && ip !== duplicateIp) {
    const k = checkBinding(c, ip, mac);
    if (k !== undefined) found = [...found, k];
  }
  return found;
}

/** "[Duplicate IP address detected for 10.0.0.21 (…:16) - also in use by …:15 (frame 34)]" at the
 *  top level, with the earlier frame (and the expert info under it) and the seconds since. */
function addConflict(c: Ctx, k: Conflict): void {
  const f = c.f;
  const ip = new Uint8Array([k.ip >>> 24, (k.ip >>> 16) & 0xff, (k.ip >>> 8) & 0xff, k.ip & 0xff]);
  const ipText = ipv4Text(ip, 0);
  const line = f.wanted === null
    ? `Duplicate IP address detected for ${ipText} (${etherText(macBytes(k.mac), 0)}) - also in use by ${etherText(macBytes(k.was.mac), 0)} (frame ${k.was.frame})`
    : '';
  const t = f.addStr(WS.text, 0, 0, line, EF.GENERATED);
  f.push(t);
  const item = f.add(F.earlierFrame, 0, 0, k.was.frame, EF.GENERATED);
  expertAt(c, item, X.duplicate, `Duplicate IP address configured (${ipText})`);
  f.add(F.secondsSince, 0, 0, (k.sec - k.was.sec) >>> 0, EF.GENERATED);
  f.pop();
}

/** Whether [a, a+n) and [b, b+n) hold the same bytes. */
function same(buf: Uint8Array, a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (buf[a + i] !== buf[b + i]) return false;
  return true;
}

/** Six zero bytes at `o`, all captured inside `end` (Wireshark's tvb_memeql, which fails softly). */
function zeroMac(c: Ctx, o: number, end: number): boolean {
  if (o + MAC_LEN > Math.min(end, c.b.length)) return false;
  for (let i = 0; i < MAC_LEN; i++) if (c.b[o + i] !== 0) return false;
  return true;
}

export function dissectArp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off + HRD, 2, end)) return;
  const hrd = c.u16(off + HRD);
  const arp = c.proto(F.arp, off, end);
  f.add(F.hwType, off + HRD, 2, hrd);
  const pro = c.uint(F.protoType, off + PRO, 2, end);
  const hln = c.uint(F.hwSize, off + HLN, 1, end);
  const pln = c.uint(F.protoSize, off + PLN, 1, end);
  const op = c.uint(F.opcode, off + OP, 2, end);
  // the Protocol column names the reverse, inverse, MARS and MAPOS variants (packet-arp.c)
  const column = protocolColumn(op);
  if (column !== null) c.colProtocol = column;
  if (c.stop) return;
  const total = ARP_HEADER_LEN + 2 * hln + 2 * pln;
  f.len[arp] = Math.max(0, Math.min(total, c.b.length - off));
  if (off + total > end) {
    // tvb_set_reported_length past the end of the tvb: a ReportedBoundsError.
    c.fail(Status.MALFORMED);
    return;
  }
  end = off + total;
  c.setEnd(end);
  const sha = off + ARP_HEADER_LEN;
  const spa = sha + hln;
  const tha = spa + pln;
  const tpa = tha + hln;
  const ether = (hrd === ARPHRD_ETHER || hrd === ARPHRD_IEEE802) && hln === MAC_LEN;
  const ipv4 = (pro === ETHERTYPE_IP || pro === AX25_P_IP) && pln === 4;
  // (packet-arp.c reads the four addresses here: a packet cut short of them is reported as such
  // below, before any conflict is looked for)
  const found = (op === OP_REQUEST || op === OP_REPLY) && ether && ipv4 && c.has(sha, total - ARP_HEADER_LEN, end)
    ? checkConflicts(c, op, sha, spa, tha, tpa)
    : NO_CONFLICTS;
  let gratuitous = false;
  let probe = false;
  let announcement = false;
  if (op === OP_REQUEST || op === OP_REPLY) {
    // Wireshark compares the two protocol addresses before adding any of them.
    if (!c.has(tpa, pln, end)) return;
    gratuitous = same(c.b, spa, tpa, pln);
    if (gratuitous) announcement = op === OP_REQUEST && zeroMac(c, tha, end);
    else if (op === OP_REQUEST && zeroMac(c, tha, end)) {
      if (!c.has(spa, 4, end)) return;
      probe = c.u32(spa) === 0;
    }
  }
  if (gratuitous) f.add(F.isGratuitous, off, 0, 1, EF.GENERATED);
  if (probe) f.add(F.isProbe, off, 0, 1, EF.GENERATED);
  if (announcement) f.add(F.isAnnouncement, off, 0, 1, EF.GENERATED);
  if (hln !== 0) c.field(ether ? F.srcHwMac : F.srcHw, sha, hln, end);
  if (pln !== 0) c.field(ipv4 ? F.srcProtoIpv4 : F.srcProto, spa, pln, end);
  if (hln !== 0) c.field(ether ? F.dstHwMac : F.dstHw, tha, hln, end);
  if (pln !== 0 && op !== OP_DRARP_ERROR) c.field(ipv4 ? F.dstProtoIpv4 : F.dstProto, tpa, pln, end);
  else if (pln !== 0) c.uint(F.drarpError, tpa, 1, end);
  f.pop();
  for (const k of found) addConflict(c, k);
}

registerDissector('arp', dissectArp);
bind('ethertype', 0x0806, 'arp');
bind('ethertype', 0x8035, 'arp');
