// IEEE 802.2 Logical Link Control with the SNAP extension (IEEE 802.2 §3, IEEE 802 §10.3, RFC 1042;
// Wireshark packet-llc.c and packet-xdlc.c).
//
//   +--------+--------+----------------+   SNAP (DSAP = SSAP = 0xAA):
//   |  DSAP  |  SSAP  | Control (1|2)  |   +--------------------------+-----------------+
//   +--------+--------+----------------+   | OUI (3)                  | Protocol ID (2) |
//                                          +--------------------------+-----------------+
// The control field is one byte for U frames (low bits 11) and two bytes, little-endian, for I and
// S frames ("extended operation"). With OUI 00-00-00 (RFC 1042), 00-00-F8 (Cisco) or 08-00-07
// (Apple) the protocol ID is an EtherType and the payload goes through the EtherType table.
// Payloads are dissected only for information frames: I frames and UI (control 0x03).

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { hex2 } from '../fields/format.ts';
import type { Ctx, Dissector } from './context.ts';
import { dissectData } from './data.ts';
import { ETHERTYPE_NAMES, dissectEthernet } from './ethernet.ts';
import { bind, registerDissector } from './tables.ts';

const DSAP = 0;
const SSAP = 1;
const CONTROL = 2;
const SNAP_OUI = 0;
const SNAP_PID = 3;
const SNAP_LEN = SNAP_PID + 2;
const SAP_SNAP = 0xaa;
const SAP_IP = 0x06;
const UI = 0x03;
/** RFC 1483 bridged frames keep 2 pad bytes after the PID (Wireshark's bridge_pad). */
const BRIDGE_PAD = 2;

const OUI_ENCAP_ETHER = 0x000000;
const OUI_CISCO = 0x00000c;
const OUI_CISCO_90 = 0x0000f8;
const OUI_IEEE_802_1 = 0x0080c2;
const OUI_APPLE_ATALK = 0x080007;

const SAP_NAMES: ReadonlyArray<readonly [number, string]> = [
  [0x00, 'NULL LSAP'], [0x02, 'LLC Sub-Layer Management Individual'], [0x03, 'LLC Sub-Layer Management Group'],
  [0x06, 'TCP/IP'], [0x0e, 'PROWAY (IEC955) Network Management and Initialization'], [0x18, 'Texas Instruments'],
  [0x42, 'Spanning Tree BPDU'], [0x4e, 'EIA RS-511 Manufacturing Message Service'], [0x7e, 'ISO 8208 (X.25 over 802.2)'],
  [0x80, 'XNS'], [0x86, 'Nestar'], [0x8e, 'PROWAY (IEC955) Active Station List Maintenance'], [0x98, 'ARP'],
  [0xaa, 'SNAP'], [0xbc, 'Banyan VINES'], [0xe0, 'NetWare'], [0xf0, 'NetBIOS'], [0xf4, 'IBM Net Management'],
  [0xf8, 'HP Extended LLC'], [0xfa, 'Ungermann-Bass'], [0xfe, 'ISO Network Layer (OSLAN 1)'], [0xff, 'Global LSAP'],
];

export const F = registerFields({
  llc: { name: 'llc', label: 'Logical-Link Control', type: FT.PROTOCOL },
  dsap: { name: 'llc.dsap', label: 'DSAP', type: FT.UINT, base: Base.HEX, bits: 8, names: names(SAP_NAMES) },
  dsapSap: { name: 'llc.dsap.sap', label: 'SAP', type: FT.UINT, bits: 8, mask: 0xfe, names: names(SAP_NAMES.map(([v, n]) => [v >> 1, n])), nameAlone: true },
  dsapIg: { name: 'llc.dsap.ig', label: 'IG Bit', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Group', 'Individual'] },
  ssap: { name: 'llc.ssap', label: 'SSAP', type: FT.UINT, base: Base.HEX, bits: 8, names: names(SAP_NAMES) },
  ssapSap: { name: 'llc.ssap.sap', label: 'SAP', type: FT.UINT, bits: 8, mask: 0xfe, names: names(SAP_NAMES.map(([v, n]) => [v >> 1, n])), nameAlone: true },
  ssapCr: { name: 'llc.ssap.cr', label: 'CR Bit', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Response', 'Command'] },
  control: { name: 'llc.control', label: 'Control', type: FT.UINT, base: Base.HEX, bits: 16 },
  nR: { name: 'llc.control.n_r', label: 'N(R)', type: FT.UINT, bits: 16, mask: 0xfe00 },
  nS: { name: 'llc.control.n_s', label: 'N(S)', type: FT.UINT, bits: 16, mask: 0x00fe },
  p: { name: 'llc.control.p', label: 'Poll', type: FT.BOOLEAN, bits: 8, mask: 0x10, tf: ['Set', 'Not set'] },
  f: { name: 'llc.control.f', label: 'Final', type: FT.BOOLEAN, bits: 8, mask: 0x10, tf: ['Set', 'Not set'] },
  sFtype: { name: 'llc.control.s_ftype', label: 'Supervisory frame type', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0x000c, names: names([[0, 'Receiver ready'], [1, 'Receiver not ready'], [2, 'Reject'], [3, 'Selective reject']]) },
  uCmd: { name: 'llc.control.u_modifier_cmd', label: 'Command', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xec, names: names([[0x00, 'Unnumbered Information'], [0x2b, 'Exchange identification'], [0x38, 'Test'], [0x1b, 'Set Asynchronous Balanced Mode Extended'], [0x10, 'Disconnect']]) },
  uResp: { name: 'llc.control.u_modifier_resp', label: 'Response', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xec, names: names([[0x00, 'Unnumbered Information'], [0x2b, 'Exchange identification'], [0x38, 'Test'], [0x18, 'Unnumbered Acknowledge'], [0x03, 'Disconnected Mode'], [0x21, 'Frame reject']]) },
  ftype: { name: 'llc.control.ftype', label: 'Frame type', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x03, names: names([[0, 'Information frame'], [1, 'Supervisory frame'], [2, 'Information frame'], [3, 'Unnumbered frame']]) },
  type: { name: 'llc.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
  oui: { name: 'llc.oui', label: 'Organization Code', type: FT.UINT, bits: 24, names: names([[OUI_ENCAP_ETHER, 'Encapsulated Ethernet'], [OUI_CISCO, 'Cisco Systems, Inc'], [OUI_CISCO_90, 'Cisco 90-Compatible'], [OUI_IEEE_802_1, 'IEEE 802.1 Chair'], [OUI_APPLE_ATALK, 'Apple (AppleTalk)']]) },
  pid: { name: 'llc.pid', label: 'Protocol ID', type: FT.UINT, base: Base.HEX, bits: 16 },
  ciscoPid: { name: 'llc.cisco_pid', label: 'PID', type: FT.UINT, base: Base.HEX, bits: 16, names: names([[0x0102, 'DRIP'], [0x0104, 'PAgP'], [0x0105, 'MLS Hello'], [0x010b, 'PVSTP+'], [0x0111, 'UDLD'], [0x2000, 'CDP'], [0x2003, 'VTP'], [0x2004, 'DTP'], [0x200a, 'STP Uplink Fast']]) },
});

/** Wireshark's XDLC_IS_INFORMATION: an I frame, or a UI frame with the P/F bit clear. */
function isInformation(control: number): boolean {
  return (control & 0x1) === 0 || control === UI;
}

/** dissect_xdlc_control for LLC (extended operation); returns the control value and its length. */
function control(c: Ctx, off: number, end: number, response: boolean): number {
  const f = c.f;
  if (!c.has(off, 1, end)) return -1;
  const b0 = c.u8(off);
  if ((b0 & 0x03) === 0x03) {
    const item = f.add(F.control, off, 1, b0);
    // dissect_xdlc_control's summary of an Unnumbered Information frame (the others keep the value)
    if (b0 === UI && f.wanted === null) f.setText(item, 'Control field: U, func=UI (0x03)');
    f.push(item);
    if (b0 & 0x10) f.add(response ? F.f : F.p, off, 1, 1);
    f.add(response ? F.uResp : F.uCmd, off, 1, (b0 & 0xec) >> 2);
    f.add(F.ftype, off, 1, b0 & 0x03);
    f.pop();
    return b0;
  }
  if (!c.has(off, 2, end)) return -1;
  const v = b0 | (c.u8(off + 1) << 8);
  f.push(f.add(F.control, off, 2, v));
  f.add(F.nR, off, 2, v >> 9);
  if (b0 & 0x01) {
    if (v & 0x0100) f.add(response ? F.f : F.p, off, 2, 1);
    f.add(F.sFtype, off, 2, (v & 0x0c) >> 2);
    f.add(F.ftype, off, 2, v & 0x03);
  } else {
    f.add(F.nS, off, 2, (v >> 1) & 0x7f);
    if (v & 0x0100) f.add(F.p, off, 2, 1);
    f.add(F.ftype, off, 2, v & 0x01);
  }
  f.pop();
  return v;
}

export function dissectLlc(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, 1, end)) return;
  const dsap = c.u8(off + DSAP);
  c.proto(F.llc, off, off + CONTROL);
  const llcEntry = f.last;
  f.push(f.add(F.dsap, off + DSAP, 1, dsap));
  f.add(F.dsapSap, off + DSAP, 1, dsap >> 1);
  f.add(F.dsapIg, off + DSAP, 1, dsap & 1);
  f.pop();
  const ssap = c.uint(F.ssap, off + SSAP, 1, end);
  if (ssap < 0) return;
  f.push(f.last);
  f.add(F.ssapSap, off + SSAP, 1, ssap >> 1);
  f.add(F.ssapCr, off + SSAP, 1, ssap & 1);
  f.pop();
  const ctl = control(c, off + CONTROL, end, (ssap & 1) !== 0);
  if (ctl < 0) return;
  let hlen = CONTROL + ((ctl & 0x03) === 0x03 ? 1 : 2);
  const snap = dsap === SAP_SNAP && ssap === SAP_SNAP;
  if (snap) hlen += SNAP_LEN;
  f.len[llcEntry] = Math.max(0, Math.min(hlen, c.b.length - off));
  if (snap) {
    dissectSnap(c, off + hlen - SNAP_LEN, end, ctl);
    return;
  }
  f.pop();
  const p = off + hlen;
  if (end - p <= 0) return;
  let d: Dissector | undefined;
  if (isInformation(ctl)) d = dsap === SAP_IP ? c.tables.lookup('ethertype', 0x0800) : c.tables.lookup('llc.dsap', dsap);
  c.call(d ?? dissectData, p, end);
}

/** The SNAP header at `off` (inside the LLC tree) and its payload. */
function dissectSnap(c: Ctx, off: number, end: number, ctl: number): void {
  const f = c.f;
  if (!c.has(off, SNAP_LEN, end)) return;
  const oui = (c.u8(off) << 16) | c.u16(off + 1);
  const pid = c.u16(off + SNAP_PID);
  const ouiItem = f.add(F.oui, off + SNAP_OUI, 3, oui);
  // BASE_OUI: the three bytes, then the organisation's name when Wireshark has one
  const org = fieldById(F.oui).names?.get(oui);
  if (org !== undefined && f.wanted === null) f.setText(ouiItem, `Organization Code: ${[0, 1, 2].map((k) => hex2(c.b[off + SNAP_OUI + k] as number)).join(':')} (${org})`);
  const p = off + SNAP_LEN;
  let d: Dissector | undefined;
  let at = p;
  switch (oui) {
    case OUI_ENCAP_ETHER:
    case OUI_CISCO_90:
    case OUI_APPLE_ATALK:
      if (isInformation(ctl)) {
        f.add(F.type, off + SNAP_PID, 2, pid);
        d = c.tables.lookup('ethertype', pid);
      }
      break;
    case OUI_IEEE_802_1:
      f.add(F.pid, off + SNAP_PID, 2, pid);
      // BPID_ETH_WITH_FCS 0x0001, BPID_ETH_WITHOUT_FCS 0x0007 (RFC 2684 §5.2 bridged Ethernet).
      if (pid === 0x0001 || pid === 0x0007) {
        d = dissectEthernet;
        at = p + BRIDGE_PAD;
      }
      break;
    case OUI_CISCO:
      f.add(F.ciscoPid, off + SNAP_PID, 2, pid);
      d = c.tables.lookup('llc.cisco_pid', pid);
      break;
    default:
      f.add(F.pid, off + SNAP_PID, 2, pid);
  }
  f.pop();
  c.call(d ?? dissectData, at, end);
}

registerDissector('llc', dissectLlc);
bind('sll.ltype', 0x0004, 'llc'); // LINUX_SLL_P_802_2
bind('ppp.protocol', 0x004b, 'llc'); // PPP_LLC
bind('ethertype', 0x8870, 'llc'); // ETHERTYPE_JUMBO_LLC
bind('wtap_encap', 100, 'llc'); // LINKTYPE_ATM_RFC1483
