// The 12 flag bits of the TCP header (RFC 9293 section 3.1; AE from RFC 9768, formerly NS of
// RFC 3540; Wireshark packet-tcp.c): tcp.flags with one boolean per bit and tcp.flags.str, and the
// AccECN handshake after which AE, CWR and ECE are read together as the 3-bit ACE counter.
//
//      4 bits   3 bits  1  1   1   1   1   1   1   1   1
//   +--------+-------+--+---+---+---+---+---+---+---+---+
//   | Offset | Rsvd  |AE|CWR|ECE|URG|ACK|PSH|RST|SYN|FIN|
//   +--------+-------+--+---+---+---+---+---+---+---+---+

import { Base, FT, registerFields } from '../fields/registry.ts';
import { EF, FieldGroup, WS } from '../fields/field-list.ts';
import { Group, Severity, expertInfo } from './expert.ts';
import type { Ctx } from './context.ts';
import { ACCECN_ASKED, ACCECN_ON, ACK, SYN } from '../analysis/tcp-state.ts';

const AE_CWR_ECE = 0x1c0;
/** Flag letters from the most significant of the 12 bits (Wireshark's tcp_flags_to_str). */
const FLAG_LETTERS = 'RRRACEUAPRSF';
const FLAG_NAMES: readonly [number, string][] = [
  [0x001, 'FIN'], [0x002, 'SYN'], [0x004, 'RST'], [0x008, 'PSH'], [0x010, 'ACK'], [0x020, 'URG'],
  [0x040, 'ECE'], [0x080, 'CWR'], [0x100, 'AE'], [0xe00, 'Reserved'],
];

const flag = (name: string, label: string, mask: number) =>
  ({ name, label, type: FT.BOOLEAN, bits: 12, mask, tf: ['Set', 'Not set'] as const });

export const F = registerFields({
  flags: { name: 'tcp.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 16, nameOnly: true },
  res: flag('tcp.flags.res', 'Reserved', 0xe00),
  ae: flag('tcp.flags.ae', 'Accurate ECN', 0x100),
  cwr: flag('tcp.flags.cwr', 'Congestion Window Reduced', 0x080),
  ece: flag('tcp.flags.ece', 'ECN-Echo', 0x040),
  ace: { name: 'tcp.flags.ace', label: 'ACE', type: FT.UINT, bits: 12, mask: 0x1c0 },
  urg: flag('tcp.flags.urg', 'Urgent', 0x020),
  ackFlag: flag('tcp.flags.ack', 'Acknowledgment', 0x010),
  push: flag('tcp.flags.push', 'Push', 0x008),
  reset: flag('tcp.flags.reset', 'Reset', 0x004),
  syn: flag('tcp.flags.syn', 'Syn', 0x002),
  fin: flag('tcp.flags.fin', 'Fin', 0x001),
  str: { name: 'tcp.flags.str', label: 'TCP Flags', type: FT.STRING },
});

/** The expert infos packet-tcp.c hangs under the SYN, FIN and RST bits and the flags' string. */
export const C = registerFields({
  syn: { name: 'tcp.connection.syn', label: 'Connection establish request (SYN)', type: FT.NONE },
  synack: { name: 'tcp.connection.synack', label: 'Connection establish acknowledge (SYN+ACK)', type: FT.NONE },
  fin: { name: 'tcp.connection.fin', label: 'Connection finish (FIN)', type: FT.NONE },
  rst: { name: 'tcp.connection.rst', label: 'Connection reset (RST)', type: FT.NONE },
  finActive: { name: 'tcp.connection.fin_active', label: 'This frame initiates the connection closing', type: FT.NONE },
  finPassive: { name: 'tcp.connection.fin_passive', label: 'This frame undergoes the connection closing', type: FT.NONE },
});

/** What a FIN does to the connection's closing (TcpStreams.closing): nothing known, or this frame
 *  starts it or follows the other side's. */
export const enum Closing {
  NONE = 0,
  ACTIVE = 1,
  PASSIVE = 2,
}

/** The connection notes and their items (a lean dissection that keeps none of them builds no
 *  message: the index pass meets a SYN or FIN nearly every packet of the benchmark's mix). */
const NOTES = new FieldGroup([...Object.values(C), WS.expert, WS.expertSeverity, WS.expertGroup]);

/** The flag bits, tcp.flags.str and the connection notes (skipped whole when a lean dissection
 *  keeps none of them). */
const BITS = new FieldGroup([F.res, F.ae, F.cwr, F.ece, F.ace, F.urg, F.ackFlag, F.push, F.reset, F.syn, F.fin, F.str, ...Object.values(C), WS.expert]);

/** tcp.flags and its bits, then tcp.flags.str ("·······AP···", ACE shown as "-n-"). */
export function dissectFlags(c: Ctx, o: number, flags: number, ace: boolean, closing: Closing = Closing.NONE): void {
  const f = c.f;
  const item = f.add(F.flags, o, 2, flags);
  // "Flags: 0x018 (PSH, ACK)", as packet-tcp.c writes the line (a full tree only)
  if (item >= 0 && f.wanted === null) f.appendLabel(item, `: 0x${flags.toString(16).padStart(3, '0')} (${tcpFlagsText(flags, ace ? (flags & AE_CWR_ECE) >> 6 : -1) || '<None>'})`);
  f.push(item);
  if (!BITS.kept(f)) {
    f.pop();
    return;
  }
  f.add(F.res, o, 1, flags & 0xe00 ? 1 : 0);
  if (ace) f.add(F.ace, o, 2, (flags & AE_CWR_ECE) >> 6);
  else {
    f.add(F.ae, o, 1, flags & 0x100 ? 1 : 0);
    f.add(F.cwr, o + 1, 1, flags & 0x080 ? 1 : 0);
    f.add(F.ece, o + 1, 1, flags & 0x040 ? 1 : 0);
  }
  f.add(F.urg, o + 1, 1, flags & 0x020 ? 1 : 0);
  f.add(F.ackFlag, o + 1, 1, flags & 0x010 ? 1 : 0);
  f.add(F.push, o + 1, 1, flags & 0x008 ? 1 : 0);
  const k = ace ? flags | 0x1000 : flags;
  if (!NOTES.kept(f)) {
    // (the index pass: no note is kept, so no nesting either)
    f.add(F.reset, o + 1, 1, flags & 0x004 ? 1 : 0);
    f.add(F.syn, o + 1, 1, flags & 0x002 ? 1 : 0);
    f.add(F.fin, o + 1, 1, flags & 0x001 ? 1 : 0);
    f.addStr(F.str, o, 2, (FLAG_STRINGS[k] ??= flagString(flags, ace)), EF.GENERATED);
    f.pop();
    return;
  }
  const { CHAT, NOTE, WARN } = Severity;
  const SEQ = Group.SEQUENCE;
  f.push(f.add(F.reset, o + 1, 1, flags & 0x004 ? 1 : 0));
  if (flags & 0x004) expertInfo(c, C.rst, 'Connection reset (RST)', WARN, SEQ);
  f.pop();
  f.push(f.add(F.syn, o + 1, 1, flags & 0x002 ? 1 : 0));
  // the server port: the SYN's destination, the SYN-ACK's source (the header's first two words)
  if (flags & 0x002) {
    if (flags & 0x010) expertInfo(c, C.synack, `Connection establish acknowledge (SYN+ACK): server port ${c.u16(o - 12)}`, CHAT, SEQ);
    else expertInfo(c, C.syn, `Connection establish request (SYN): server port ${c.u16(o - 10)}`, CHAT, SEQ);
  }
  f.pop();
  f.push(f.add(F.fin, o + 1, 1, flags & 0x001 ? 1 : 0));
  if (flags & 0x001) expertInfo(c, C.fin, 'Connection finish (FIN)', CHAT, SEQ);
  f.pop();
  f.push(f.addStr(F.str, o, 2, (FLAG_STRINGS[k] ??= flagString(flags, ace)), EF.GENERATED));
  // (these two need the stream: a lean dissection adds them only when it keeps them, as it adds
  // the sequence analysis' notes, so that `_ws.expert` alone does not make the export track streams)
  if (closing !== Closing.NONE && (f.wanted === null || c.wants(C.finActive) || c.wants(C.finPassive))) {
    if (closing === Closing.ACTIVE) expertInfo(c, C.finActive, 'This frame initiates the connection closing', NOTE, SEQ);
    else expertInfo(c, C.finPassive, 'This frame undergoes the connection closing', NOTE, SEQ);
  }
  f.pop();
  f.pop();
}

const TCP_FLAG_NAMES: [number, string][] = [
  [0x001, 'FIN'], [0x002, 'SYN'], [0x004, 'RST'], [0x008, 'PSH'], [0x010, 'ACK'], [0x020, 'URG'], [0x040, 'ECE'], [0x080, 'CWR'], [0x100, 'AE'],
];

/** packet-tcp.c's tcp_flags_to_str: the names of the flags set; with AccECN's ACE counter (`ace`,
 *  -1: none) in place of AE, CWR and ECE; then "Reserved" for any of the three reserved bits. */
export function tcpFlagsText(flags: number, ace = -1): string {
  const names = TCP_FLAG_NAMES.filter(([bit]) => flags & bit && (ace < 0 || bit < 0x040)).map(([, n]) => n);
  if (ace >= 0) names.push(`ACE=${ace}`);
  if (flags & 0xe00) names.push('Reserved');
  return names.join(', ');
}

/** tcp.flags.str of each of the 4096 flag values (and of each with ACE), built on first use. */
const FLAG_STRINGS: (string | undefined)[] = new Array<string | undefined>(0x2000).fill(undefined);

/** The flags as Wireshark spells them. */
export function flagString(flags: number, ace: boolean): string {
  let s = '';
  for (let i = 0; i < 12; i++) {
    if (ace && i >= 3 && i <= 5) {
      s += i === 4 ? String((flags & AE_CWR_ECE) >> 6) : '-';
      continue;
    }
    s += flags & (0x800 >> i) ? FLAG_LETTERS[i] : '\u00b7';
  }
  return s;
}

/** Flag names for the Info column and the Flags line ("SYN, ACK"; "<None>" when none). */
export function flagNames(flags: number, ace: boolean): string {
  const out: string[] = [];
  for (const [bit, name] of FLAG_NAMES) {
    if (ace && bit & AE_CWR_ECE) continue;
    if (flags & bit) out.push(name);
  }
  if (ace) out.push(`ACE=${(flags & AE_CWR_ECE) >> 6}`);
  return out.length ? out.join(', ') : '<None>';
}

/**
 * AccECN negotiation (RFC 9768 section 3.1): a SYN with AE, CWR and ECE all set asks for it, and a
 * SYN-ACK with AE or CWR set agrees; from then on, AE, CWR and ECE carry the ACE counter.
 * Returns the stream's state after this segment.
 */
export function nextAccEcn(cur: number, flags: number): number {
  if ((flags & (SYN | ACK)) === SYN) return (flags & AE_CWR_ECE) === AE_CWR_ECE ? ACCECN_ASKED : 0;
  if ((flags & (SYN | ACK)) === (SYN | ACK) && cur === ACCECN_ASKED && flags & 0x180) return ACCECN_ON;
  return cur;
}
