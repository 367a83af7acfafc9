// Spanning Tree BPDUs (IEEE 802.1D-2004 section 9, 802.1Q-2018 section 14 for RST and MST;
// Wireshark packet-bpdu.c, whose filter name is `stp`), behind LLC SAP 0x42 and ethertype 0x8181.
//
//   0        2        3       4       5                13           17                 25
//   +--------+--------+-------+-------+-----------------+------------+------------------+
//   | proto  | version| type  | flags | root identifier | root path  | bridge identifier|
//   | id (2) |  (1)   |  (1)  |  (1)  |       (8)       |  cost (4)  |       (8)        |
//   +--------+--------+-------+-------+-----------------+------------+------------------+
//   25       27       29      31      33       35
//   | port   | message| max   | hello | forward| version 1 length (RST) | version 3 length (MST)
//   | id (2) | age (2)| age(2)| (2)   | delay  |          (1)           |          (2)
//
// A Topology Change Notification is the first four octets only. An identifier is a 4-bit priority,
// a 12-bit system ID extension (Wireshark's default reading, bpdu_use_system_id_extensions) and a
// MAC address; the times count 1/256 seconds. Wireshark reads the type, flags, root identifier, cost
// and port first (its Info column), so a BPDU cut before the port identifier shows nothing.
// Cisco's PVST+ (SNAP, Cisco PID 0x010b) adds TLVs after a configuration BPDU, the Originating
// VLAN among them. Not dissected: MST's configuration identifier and MSTI records after the
// Version 3 Length.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { bind, registerDissector } from './tables.ts';
import { etherText } from '../fields/format.ts';

const PROTOCOL = 0;
const VERSION = 2;
const TYPE = 3;
const FLAGS = 4;
const ROOT = 5;
const ROOT_COST = 13;
const BRIDGE = 17;
const PORT = 25;
const MESSAGE_AGE = 27;
const MAX_AGE = 29;
const HELLO = 31;
const FORWARD_DELAY = 33;
const VERSION_1_LENGTH = 35;
const VERSION_3_LENGTH = 36;
const PVST_TLVS = 36;
const PVST_ORIGINATING_VLAN = 0;
/** What Wireshark reads before it adds anything to a configuration or RST BPDU. */
const READ_AHEAD = PORT + 2;
const MST_MIN_LEN = 102;

const BPDU_CONFIG = 0x00;
const BPDU_RST = 0x02;
const BPDU_TCN = 0x80;

const yes = ['Yes', 'No'] as const;
const flag = (name: string, label: string, mask: number) => ({ name, label, type: FT.BOOLEAN, bits: 8, mask, tf: yes });

export const F = registerFields({
  stp: { name: 'stp', label: 'Spanning Tree Protocol', type: FT.PROTOCOL },
  protocol: { name: 'stp.protocol', label: 'Protocol Identifier', type: FT.UINT, base: Base.HEX, bits: 16, names: names([[0, 'Spanning Tree Protocol']]) },
  version: {
    name: 'stp.version', label: 'Protocol Version Identifier', type: FT.UINT, bits: 8,
    names: names([[0, 'Spanning Tree'], [2, 'Rapid Spanning Tree'], [3, 'Multiple Spanning Tree'], [4, 'Shortest Path Tree']]),
  },
  type: {
    name: 'stp.type', label: 'BPDU Type', type: FT.UINT, base: Base.HEX, bits: 8,
    names: names([[BPDU_CONFIG, 'Configuration'], [BPDU_RST, 'Rapid/Multiple Spanning Tree'], [BPDU_TCN, 'Topology Change Notification']]),
  },
  flags: { name: 'stp.flags', label: 'BPDU flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  tcack: flag('stp.flags.tcack', 'Topology Change Acknowledgment', 0x80),
  agreement: flag('stp.flags.agreement', 'Agreement', 0x40),
  forwarding: flag('stp.flags.forwarding', 'Forwarding', 0x20),
  learning: flag('stp.flags.learning', 'Learning', 0x10),
  portRole: {
    name: 'stp.flags.port_role', label: 'Port Role', type: FT.UINT, bits: 8, mask: 0x0c,
    names: names([[1, 'Alternate or Backup'], [2, 'Root'], [3, 'Designated']]),
  },
  proposal: flag('stp.flags.proposal', 'Proposal', 0x02),
  tc: flag('stp.flags.tc', 'Topology Change', 0x01),
  rootPrio: { name: 'stp.root.prio', label: 'Root Bridge Priority', type: FT.UINT, bits: 16 },
  rootExt: { name: 'stp.root.ext', label: 'Root Bridge System ID Extension', type: FT.UINT, bits: 16 },
  rootHw: { name: 'stp.root.hw', label: 'Root Bridge System ID', type: FT.ETHER },
  rootCost: { name: 'stp.root.cost', label: 'Root Path Cost', type: FT.UINT },
  bridgePrio: { name: 'stp.bridge.prio', label: 'Bridge Priority', type: FT.UINT, bits: 16 },
  bridgeExt: { name: 'stp.bridge.ext', label: 'Bridge System ID Extension', type: FT.UINT, bits: 16 },
  bridgeHw: { name: 'stp.bridge.hw', label: 'Bridge System ID', type: FT.ETHER },
  port: { name: 'stp.port', label: 'Port identifier', type: FT.UINT, base: Base.HEX, bits: 16 },
  messageAge: { name: 'stp.msg_age', label: 'Message Age', type: FT.DOUBLE },
  maxAge: { name: 'stp.max_age', label: 'Max Age', type: FT.DOUBLE },
  hello: { name: 'stp.hello', label: 'Hello Time', type: FT.DOUBLE },
  forwardDelay: { name: 'stp.forward', label: 'Forward Delay', type: FT.DOUBLE },
  version1Length: { name: 'stp.version_1_length', label: 'Version 1 Length', type: FT.UINT, bits: 8 },
  version3Length: { name: 'mstp.version_3_length', label: 'Version 3 Length', type: FT.UINT, bits: 16 },
  pvstType: { name: 'stp.pvst.tlvtype', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: names([[PVST_ORIGINATING_VLAN, 'Originating VLAN']]), unknownName: true },
  pvstLength: { name: 'stp.pvst.tlvlen', label: 'Length', type: FT.UINT, bits: 16 },
  pvstOriginatingVlan: { name: 'stp.pvst.origvlan', label: 'Originating VLAN', type: FT.UINT, bits: 16 },
  pvstValue: { name: 'stp.pvst.tlvval', label: 'Value', type: FT.BYTES },
});

// (field, mask, name) of the flag bits, in Wireshark's order
const TCACK = [F.tcack, 0x80, 'Topology Change Acknowledgment'] as const;
const TC = [F.tc, 0x01, 'Topology Change'] as const;
const CONFIG_FLAGS = [TCACK, TC];
const RST_FLAGS = [TCACK, [F.agreement, 0x40, 'Agreement'], [F.forwarding, 0x20, 'Forwarding'], [F.learning, 0x10, 'Learning'],
  [F.portRole, 0x0c, 'Port Role'], [F.proposal, 0x02, 'Proposal'], TC] as const;
const ROLES = ['Unknown', 'Alternate or Backup', 'Root', 'Designated'];

export function dissectStp(c: Ctx, off: number, end: number): void {
  bpdu(c, off, end, false);
}

/** Cisco's PVST+ BPDU: a BPDU, then TLVs. */
export function dissectStpCisco(c: Ctx, off: number, end: number): void {
  bpdu(c, off, end, true);
}

function bpdu(c: Ctx, off: number, end: number, pvst: boolean): void {
  const f = c.f;
  if (!c.has(off, TYPE + 1, end)) return;
  const type = c.u8(off + TYPE);
  const known = type === BPDU_CONFIG || type === BPDU_RST;
  if (known && !c.has(off, READ_AHEAD, end)) return;
  c.proto(F.stp, off, end);
  c.uint(F.protocol, off + PROTOCOL, 2, end);
  const version = c.uint(F.version, off + VERSION, 1, end);
  c.uint(F.type, off + TYPE, 1, end);
  if (!known || c.stop) return;
  const flags = c.u8(off + FLAGS);
  const flagsItem = f.add(F.flags, off + FLAGS, 1, flags);
  f.push(flagsItem);
  // the header's label names the set flags and the port role (proto_tree_add_bitmask_value_with_flags,
  // BMT_NO_FALSE | BMT_NO_TFS; written for a full tree only)
  let named = '';
  for (const [id, mask, name] of type === BPDU_RST ? RST_FLAGS : CONFIG_FLAGS) {
    if (id === F.portRole) {
      const role = (flags & mask) >> 2;
      f.add(id, off + FLAGS, 1, role);
      named += `, ${name}: ${ROLES[role]}`;
    } else {
      f.add(id, off + FLAGS, 1, flags & mask ? 1 : 0);
      if (flags & mask) named += `, ${name}`;
    }
  }
  f.pop();
  if (named !== '' && f.wanted === null) f.appendLabel(flagsItem, named);
  identifier(c, 'Root Identifier', F.rootPrio, F.rootExt, F.rootHw, off + ROOT);
  f.add(F.rootCost, off + ROOT_COST, 4, c.u32(off + ROOT_COST));
  identifier(c, 'Bridge Identifier', F.bridgePrio, F.bridgeExt, F.bridgeHw, off + BRIDGE);
  f.add(F.port, off + PORT, 2, c.u16(off + PORT));
  for (const [id, at] of [[F.messageAge, MESSAGE_AGE], [F.maxAge, MAX_AGE], [F.hello, HELLO], [F.forwardDelay, FORWARD_DELAY]] as const) {
    if (!c.has(off + at, 2, end)) return;
    f.add(id, off + at, 2, c.u16(off + at) / 256);
  }
  if (type !== BPDU_RST) {
    if (pvst) pvstTlvs(c, off + PVST_TLVS, end);
    return;
  }
  const v1 = c.uint(F.version1Length, off + VERSION_1_LENGTH, 1, end);
  // an MST BPDU: version 3 or later, no Version 1 information, 102 octets or more
  if (version >= 3 && v1 === 0 && end - off >= MST_MIN_LEN) c.uint(F.version3Length, off + VERSION_3_LENGTH, 2, end);
}

/** packet-bpdu.c's expert infos on PVST+ TLVs (severity and group as registered there, and as
 *  tshark 4.0.17 titles them on test/fixtures/expert/expert-cases.pcap). */
const X = registerExperts({
  tlvTruncated: { name: 'stp.pvst.tlv.truncated', msg: 'TLV record is truncated prematurely', severity: Severity.ERROR, group: Group.MALFORMED },
  tlvLengthInvalid: { name: 'stp.pvst.tlvlen.invalid', msg: 'Indicated length is not valid for this record type', severity: Severity.ERROR, group: Group.MALFORMED },
  origVlanMissing: { name: 'stp.pvst.origvlan.missing', msg: 'Originating (PVID) VLAN TLV is missing or corrupt', severity: Severity.ERROR, group: Group.MALFORMED },
  tlvUnknown: { name: 'stp.pvst.tlv.unknown', msg: 'TLV type is unknown', severity: Severity.COMMENT, group: Group.UNDECODED },
});

/** packet-bpdu.c's dissect_bpdu_pvst_tlv: type-length-value records to the end of the BPDU, one
 *  of which must be the Originating VLAN (2 octets). */
function pvstTlvs(c: Ctx, o: number, end: number): void {
  const f = c.f;
  let vlan = false;
  if (end - o < 4) expertAt(c, -1, X.tlvTruncated);
  while (end - o >= 4) {
    if (!c.has(o, 4, end)) return;
    const type = c.u16(o);
    const len = c.u16(o + 2);
    // (the record's subtree covers its value: one past the BPDU is an exception, as in Wireshark)
    if (!c.has(o, 4 + len, end)) return;
    const title = type === PVST_ORIGINATING_VLAN ? 'Originating VLAN' : `Unknown TLV type: 0x${type.toString(16).padStart(4, '0')}`;
    const item = f.text(o, 4 + len, title);
    f.push(item);
    f.add(F.pvstType, o, 2, type);
    const lenItem = f.add(F.pvstLength, o + 2, 2, len);
    if (type === PVST_ORIGINATING_VLAN) {
      if (len === 2 && c.has(o + 4, 2, end)) {
        const v = c.u16(o + 4);
        f.label(item, `${title} (PVID): ${v}`);
        f.add(F.pvstOriginatingVlan, o + 4, 2, v);
        vlan = true;
      } else expertAt(c, lenItem, X.tlvLengthInvalid);
    } else {
      c.field(F.pvstValue, o + 4, len, end);
      expertAt(c, -1, X.tlvUnknown);
    }
    f.pop();
    o += 4 + len;
  }
  if (!vlan) expertAt(c, -1, X.origVlanMissing);
}

/** A bridge identifier's subtree ("Root Identifier: 32768 / 1 / aa:bb:cc:00:03:00"). */
function identifier(c: Ctx, title: string, prio: number, ext: number, hw: number, o: number): void {
  const f = c.f;
  const v = c.u16(o);
  f.push(f.text(o, 8, `${title}: ${v & 0xf000} / ${v & 0x0fff} / ${etherText(c.b, o + 2)}`));
  f.add(prio, o, 1, v & 0xf000);
  f.add(ext, o, 2, v & 0x0fff);
  f.add(hw, o + 2, 6);
  f.pop();
}

registerDissector('stp', dissectStp);
registerDissector('bpdu_cisco', dissectStpCisco);
bind('llc.dsap', 0x42, 'stp');
bind('ethertype', 0x8181, 'stp');
// Cisco's RLQ request and response and VLAN-bridge STP are plain STP; PVST+ adds its TLVs
bind('llc.cisco_pid', 0x0108, 'stp');
bind('llc.cisco_pid', 0x0109, 'stp');
bind('llc.cisco_pid', 0x010c, 'stp');
bind('llc.cisco_pid', 0x010b, 'bpdu_cisco');
