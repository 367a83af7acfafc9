// The Slow Protocols (IEEE 802.3 Annex 57A, ethertype 0x8809; Wireshark 4.0's packet-slow-protocols.c,
// packet-lacp.c and packet-marker.c): a subtype byte, then LACP, with which a hypervisor's link
// aggregation (a vSphere LAG, a Linux bond) and its switch agree which links carry traffic, or
// the Marker protocol that flushes a link before its flows move. An LACPDU shows the actor's and
// partner's system, key, port and state (each state bit, and packet-lacp.c's flag string
// "**DCSGSA"); Info reads "v1 ACTOR 00:50:56:11:22:33 P: 32769 K: 13 **DCSGSA PARTNER …".

import { etherText } from '../fields/format.ts';
import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { flagWord } from './flag-names.ts';
import type { Ctx } from './context.ts';
import { bind, registerDissector } from './tables.ts';

const STATE_BITS: readonly (readonly [string, string, readonly [string, string]])[] = [
  ['activity', 'LACP Activity', ['Active', 'Passive']], ['timeout', 'LACP Timeout', ['Short Timeout', 'Long Timeout']],
  ['aggregation', 'Aggregation', ['Aggregatable', 'Individual']], ['synchronization', 'Synchronization', ['In Sync', 'Out of Sync']],
  ['collecting', 'Collecting', ['Enabled', 'Disabled']], ['distributing', 'Distributing', ['Enabled', 'Disabled']],
  ['defaulted', 'Defaulted', ['Yes', 'No']], ['expired', 'Expired', ['Yes', 'No']],
];
/** packet-lacp.c's letter for each state bit, from bit 7 down to bit 0 ('*' when clear). */
const STATE_LETTERS = 'EFDCSGSA';

function side(who: 'actor' | 'partner', label: string, system: string) {
  const out: Record<string, { name: string; label: string; type: FT; bits?: number; base?: Base; mask?: number; tf?: readonly [string, string] }> = {
    [`${who}Priority`]: { name: `lacp.${who}.sys_priority`, label: `${label} System Priority`, type: FT.UINT, bits: 16 },
    [`${who}System`]: { name: `lacp.${who}.sysid`, label: `${label} ${system}`, type: FT.ETHER },
    [`${who}Key`]: { name: `lacp.${who}.key`, label: `${label} Key`, type: FT.UINT, bits: 16 },
    [`${who}PortPriority`]: { name: `lacp.${who}.port_priority`, label: `${label} Port Priority`, type: FT.UINT, bits: 16 },
    [`${who}Port`]: { name: `lacp.${who}.port`, label: `${label} Port`, type: FT.UINT, bits: 16 },
    [`${who}State`]: { name: `lacp.${who}.state`, label: `${label} State`, type: FT.UINT, base: Base.HEX, bits: 8 },
    [`${who}StateStr`]: { name: `lacp.${who}.state_str`, label: `${label} State Flags`, type: FT.STRING },
    [`${who}Reserved`]: { name: `lacp.${who}.reserved`, label: 'Reserved', type: FT.BYTES },
  };
  STATE_BITS.forEach(([key, bitLabel, tf], k) => {
    out[`${who}.${key}`] = { name: `lacp.${who}.state.${key}`, label: bitLabel, type: FT.BOOLEAN, bits: 8, mask: 1 << k, tf };
  });
  return out;
}

const F = registerFields({
  slow: { name: 'slow', label: 'Slow Protocols', type: FT.PROTOCOL },
  subtype: { name: 'slow.subtype', label: 'Slow Protocols subtype', type: FT.UINT, base: Base.HEX, bits: 8, names: names([[1, 'LACP'], [2, 'Marker Protocol'], [3, 'OAM'], [10, 'Organization Specific Slow Protocol']]) },
  lacp: { name: 'lacp', label: 'Link Aggregation Control Protocol', type: FT.PROTOCOL },
  version: { name: 'lacp.version', label: 'LACP Version', type: FT.UINT, base: Base.HEX, bits: 8 },
  tlvType: { name: 'lacp.tlv_type', label: 'TLV Type', type: FT.UINT, base: Base.HEX, bits: 8, names: names([[0, 'Terminator'], [1, 'Actor Information'], [2, 'Partner Information'], [3, 'Collector Information']]) },
  tlvLength: { name: 'lacp.tlv_length', label: 'TLV Length', type: FT.UINT, base: Base.HEX, bits: 8 },
  ...side('actor', 'Actor', 'System ID'),
  ...side('partner', 'Partner', 'System'),
  maxDelay: { name: 'lacp.collector.max_delay', label: 'Collector Max Delay', type: FT.UINT, bits: 16 },
  collReserved: { name: 'lacp.coll_reserved', label: 'Reserved', type: FT.BYTES },
  pad: { name: 'lacp.pad', label: 'Pad', type: FT.BYTES },
  marker: { name: 'marker', label: 'Marker Protocol', type: FT.PROTOCOL },
  markerVersion: { name: 'marker.version', label: 'Version Number', type: FT.UINT, base: Base.HEX, bits: 8 },
  markerTlvType: { name: 'marker.tlvType', label: 'TLV Type', type: FT.UINT, base: Base.HEX, bits: 8, names: names([[0, 'Marker Terminator'], [1, 'Marker Information'], [2, 'Marker Response Information']]) },
  markerTlvLen: { name: 'marker.tlvLen', label: 'TLV Length', type: FT.UINT, base: Base.HEX, bits: 8 },
  requesterPort: { name: 'marker.requesterPort', label: 'Requester Port', type: FT.UINT, bits: 16 },
  requesterSystem: { name: 'marker.requesterSystem', label: 'Requester System', type: FT.ETHER },
  transId: { name: 'marker.requesterTransId', label: 'Requester Transaction ID', type: FT.UINT, bits: 32 },
  requesterPad: { name: 'marker.requesterPad', label: 'Requester Pad', type: FT.UINT, bits: 32 },
  markerReserved: { name: 'marker.reserved', label: 'Reserved', type: FT.BYTES },
});

/** The field ids of the actor's or partner's information, in the TLV's order, and of its state bits. */
function sideIds(who: 'actor' | 'partner'): { ids: number[]; bits: number[]; word: string } {
  const all = F as Record<string, number>;
  const id = (key: string): number => all[key] as number;
  return {
    ids: ['Priority', 'System', 'Key', 'PortPriority', 'Port', 'State', 'StateStr', 'Reserved'].map((k) => id(`${who}${k}`)),
    bits: STATE_BITS.map(([key]) => id(`${who}.${key}`)),
    word: who.toUpperCase(),
  };
}
const SIDES = [sideIds('actor'), sideIds('partner')];

function dissectSlow(c: Ctx, off: number, end: number): void {
  c.proto(F.slow, off, Math.min(off + 1, end));
  const subtype = c.uint(F.subtype, off, 1, end);
  c.f.pop();
  if (subtype === 1) c.call(dissectLacp, off + 1, end);
  else if (subtype === 2) c.call(dissectMarker, off + 1, end);
}


function dissectLacp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'LACP';
  if (f.wanted === null) c.setInfo('');
  c.proto(F.lacp, off, end);
  const version = c.uint(F.version, off, 1, end);
  if (version < 0) return;
  c.addInfo(`v${version}`);
  let o = off + 1;
  for (const s of SIDES) {
    c.uint(F.tlvType, o, 1, end);
    c.uint(F.tlvLength, o + 1, 1, end);
    const [prio, system, key, portPrio, port, state, stateStr, reserved] = s.ids as [number, number, number, number, number, number, number, number];
    c.uint(prio, o + 2, 2, end);
    if (!c.field(system, o + 4, 6, end)) return;
    const k = c.uint(key, o + 10, 2, end);
    c.uint(portPrio, o + 12, 2, end);
    const p = c.uint(port, o + 14, 2, end);
    const st = flagWord(c, state, s.bits, o + 16, end);
    if (st < 0) return;
    let letters = '';
    for (let bit = 7; bit >= 0; bit--) letters += st & (1 << bit) ? STATE_LETTERS[7 - bit] : '*';
    f.addStr(stateStr, o + 16, 1, letters, 0);
    if (f.wanted === null) f.setText(f.last, `[${fieldById(stateStr).label}: ${letters}]`);
    c.addInfo(` ${s.word} ${etherText(c.b, o + 4)} P: ${p} K: ${k} ${letters}`);
    c.field(reserved, o + 17, 3, end);
    o += 20;
  }
  c.uint(F.tlvType, o, 1, end);
  c.uint(F.tlvLength, o + 1, 1, end);
  c.uint(F.maxDelay, o + 2, 2, end);
  c.field(F.collReserved, o + 4, 12, end);
  o += 16;
  c.uint(F.tlvType, o, 1, end);
  c.uint(F.tlvLength, o + 1, 1, end);
  c.field(F.pad, o + 2, 50, end);
  f.pop();
}

function dissectMarker(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'Marker';
  if (f.wanted === null) c.setInfo('');
  c.proto(F.marker, off, end);
  c.uint(F.markerVersion, off, 1, end);
  const type = c.uint(F.markerTlvType, off + 1, 1, end);
  c.uint(F.markerTlvLen, off + 2, 1, end);
  const port = c.uint(F.requesterPort, off + 3, 2, end);
  if (!c.field(F.requesterSystem, off + 5, 6, end)) return;
  const id = c.uint(F.transId, off + 11, 4, end);
  c.uint(F.requesterPad, off + 15, 2, end);
  if (id >= 0) c.addInfo(`${type === 1 ? 'Information' : type === 2 ? 'Response' : 'Unknown'} SysId=${etherText(c.b, off + 5)}, P=${port}, TId=${id}`);
  c.uint(F.markerTlvType, off + 17, 1, end);
  c.uint(F.markerTlvLen, off + 18, 1, end);
  c.field(F.markerReserved, off + 19, 90, end);
  f.pop();
}

registerDissector('slow', dissectSlow);
bind('ethertype', 0x8809, 'slow');
