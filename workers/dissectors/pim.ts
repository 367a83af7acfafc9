// PIM (IP protocol 103; RFC 7761; Wireshark packet-pim.c): the common header — version, type,
// reserved byte, checksum (verified over the whole message, as Wireshark does for every type but
// Register; with IPv6's pseudo-header) — and a Hello's options, the message routers exchange every
// 30 s on each link (GRE tunnels included). The Protocol column says "PIMv2", the Info column the
// type.
//
// Not done: the bodies of the other message types (Join/Prune, Register, Assert… keep their header
// and an empty "PIM Options" item), PIMv1 (inside IGMP).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { Status, type Ctx } from './context.ts';
import { checksum, pseudoHeaderSum } from './ip-checksum.ts';
import { bind, registerDissector } from './tables.ts';

const IPPROTO_PIM = 103;
const HEADER_LEN = 4;
const HELLO = 0;
const REGISTER = 1;
const REGISTER_HEADER_LEN = 8;

export const PIM_TYPES = names([
  [0, 'Hello'], [1, 'Register'], [2, 'Register-stop'], [3, 'Join/Prune'], [4, 'Bootstrap'], [5, 'Assert'], [6, 'Graft'],
  [7, 'Graft-Ack'], [8, 'Candidate-RP-Advertisement'], [9, 'State-Refresh'], [10, 'DF election'], [11, 'ECMP redirect'],
  [12, 'PFM source discovery'],
]);

/** Hello option types (pim_opt_vals). */
const OPTIONS = names([
  [1, 'Hold Time'], [2, 'LAN Prune Delay'], [17, 'Label Parameters'], [18, 'Deprecated'], [19, 'DR Priority'],
  [20, 'Generation ID'], [21, 'State-Refresh'], [22, 'Bidirectional Capable'], [23, 'VCI Capability'], [24, 'Address List'],
  [25, 'Neighbor List TLV'], [26, 'Join Attribute'], [27, 'PIM-over-TCP-Capable'], [28, 'PIM-over-SCTP-Capable'],
  [29, 'Pop-Count'], [30, 'PIM MT-ID'], [31, 'Interface ID'], [32, 'PIM ECMP Redirect Hello Option'], [33, 'vPC Peer ID'],
  [34, 'DR Load Balancing Capability'], [35, 'DR Load Balancing List'], [36, 'Hierarchical Join/Prune Attribute'],
  [65001, 'Address list, old implementation'], [65004, 'RPF Proxy Vector (Cisco proprietary)'],
]);

export const F = registerFields({
  pim: { name: 'pim', label: 'Protocol Independent Multicast', type: FT.PROTOCOL },
  version: { name: 'pim.version', label: 'Version', type: FT.UINT, bits: 8, mask: 0xf0 },
  type: { name: 'pim.type', label: 'Type', type: FT.UINT, bits: 8, mask: 0x0f, names: PIM_TYPES },
  reserved: { name: 'pim.res_bytes', label: 'Reserved byte(s)', type: FT.BYTES },
  checksum: { name: 'pim.cksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: { name: 'pim.cksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, names: names([[0, 'Bad'], [1, 'Good'], [2, 'Unverified']]), nameAlone: true },
  option: { name: 'pim.option', label: 'PIM Options', type: FT.NONE },
  optionType: { name: 'pim.optiontype', label: 'Type', type: FT.UINT, bits: 16 },
  optionLength: { name: 'pim.optionlength', label: 'Length', type: FT.UINT, bits: 16 },
  holdtime: { name: 'pim.holdtime', label: 'Holdtime', type: FT.UINT, bits: 16 },
  drPriority: { name: 'pim.dr_priority', label: 'DR Priority', type: FT.UINT },
  generationId: { name: 'pim.generation_id', label: 'Generation ID', type: FT.UINT },
  refreshVersion: { name: 'pim.state_refresh_version', label: 'Version', type: FT.UINT, bits: 8 },
  refreshInterval: { name: 'pim.state_refresh_interval', label: 'Interval', type: FT.UINT, bits: 8 },
  refreshReserved: { name: 'pim.state_refresh_reserved', label: 'Reserved', type: FT.UINT, bits: 16 },
});

export function dissectPim(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, 1, end)) return;
  const vt = c.u8(off);
  const version = vt >> 4;
  const type = vt & 0x0f;
  c.colProtocol = `PIMv${version}`;
  c.proto(F.pim, off, end);
  f.add(F.version, off, 1, version);
  f.add(F.type, off, 1, type);
  if (!c.field(F.reserved, off + 1, 1, end)) return;
  const stop = Math.min(end, c.b.length);
  // the whole message (a Register's 8-byte header) when all of it is here and not a fragment
  const covered = version === 2 ? (type === REGISTER ? REGISTER_HEADER_LEN : end - off) : -1;
  const verify = covered >= 0 && !(c.status & Status.FRAGMENT) && off + covered <= stop;
  const pseudo = verify && c.netLen === 16 ? pseudoHeaderSum(c, covered, IPPROTO_PIM) : 0;
  checksum(c, F.checksum, F.checksumStatus, off, verify ? off + covered : stop, verify, pseudo);
  if (c.stop) return;
  let o = off + HEADER_LEN;
  if (o >= end) {
    f.pop();
    return;
  }
  const opts = f.add(F.option, o, end - o);
  f.push(opts);
  let count = 0;
  if (version === 2 && type === HELLO) {
    while (o + 2 <= end && c.has(o, 4, end)) {
      const t = c.u16(o);
      const len = c.u16(o + 2);
      const item = f.text(o, 4 + len, '');
      f.push(item);
      f.add(F.optionType, o, 2, t);
      f.add(F.optionLength, o + 2, 2, len);
      const v = o + 4;
      let title = `Option ${t}: ${OPTIONS.get(t) ?? 'Unknown'}`;
      if (c.has(v, len, end)) {
        if (t === 1 && len >= 2) {
          const hold = c.u16(v);
          f.add(F.holdtime, v, 2, hold);
          title += `: ${hold === 0xffff ? 'Infinity' : hold}`;
        } else if (t === 19 && len >= 4) {
          f.add(F.drPriority, v, 4, c.u32(v));
          title += `: ${c.u32(v)}`;
        } else if (t === 20 && len >= 4) {
          f.add(F.generationId, v, 4, c.u32(v));
          title += `: ${c.u32(v)}`;
        } else if (t === 21 && len >= 4) {
          f.add(F.refreshVersion, v, 1, c.u8(v));
          f.add(F.refreshInterval, v + 1, 1, c.u8(v + 1));
          f.add(F.refreshReserved, v + 2, 2, c.u16(v + 2));
          title += `: Version = ${c.u8(v)}, Interval = ${c.u8(v + 1)}s`;
        }
      }
      f.pop();
      if (f.wanted === null) f.label(item, title);
      count++;
      o = v + len;
    }
  }
  f.pop();
  if (f.wanted === null) f.label(opts, `PIM Options: ${count}`);
  f.pop();
}

registerDissector('pim', dissectPim);
bind('ip.proto', IPPROTO_PIM, 'pim');
