// Transaction security records (Wireshark packet-dns.c dissect_dns_answer): TKEY (RFC 2930
// section 2) and TSIG (RFC 8945 section 4.2).
//
//   TKEY: Algorithm  Inception (4)  Expiration (4)  Mode (2)  Error (2)  Key Size (2)  Key Data
//         Other Size (2)  Other Data
//   TSIG: Algorithm  Time Signed (6)  Fudge (2)  MAC Size (2)  MAC  Original ID (2)  Error (2)
//         Other Len (2)  Other Data
//
// Wireshark hands a GSS-API TKEY's key to its GSS-API (or NTLMSSP) dissector; Decapod shows the
// key's bytes only. It hands a TSIG's MAC to the dissector registered for its algorithm in the
// "dns.tsig.mac" table, which tshark 4.0 has none in: every MAC gets the "No dissector for
// algorithm" warning.

import { FT, fieldById, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dnsName } from './dns-name.ts';
import { TSIG_ERRORS } from './dns-types.ts';
import { nameField } from './dns-rr-common.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { absTimeText, addAbsTime } from './time-fields.ts';

const T = registerFields({
  tkeyAlgorithm: { name: 'dns.tkey.algo_name', label: 'Algorithm name', type: FT.STRING },
  tkeyInception: { name: 'dns.tkey.signature_inception', label: 'Signature Inception', type: FT.ABSOLUTE_TIME },
  tkeyExpiration: { name: 'dns.tkey.signature_expiration', label: 'Signature Expiration', type: FT.ABSOLUTE_TIME },
  tkeyMode: { name: 'dns.tkey.mode', label: 'Mode', type: FT.UINT, bits: 16, unknownName: true,
    names: names([[1, 'Server assigned'], [2, 'Diffie Hellman'], [3, 'GSSAPI'], [4, 'Resolver assigned'], [5, 'Delete']]) },
  tkeyError: { name: 'dns.tkey.error', label: 'Error', type: FT.UINT, bits: 16, names: TSIG_ERRORS, unknownName: true },
  tkeyKeySize: { name: 'dns.tkey.key_size', label: 'Key Size', type: FT.UINT, bits: 16 },
  tkeyKeyData: { name: 'dns.tkey.key_data', label: 'Key Data', type: FT.BYTES },
  tkeyOtherSize: { name: 'dns.tkey.other_size', label: 'Other Size', type: FT.UINT, bits: 16 },
  tkeyOtherData: { name: 'dns.tkey.other_data', label: 'Other Data', type: FT.BYTES },
  tsigAlgorithm: { name: 'dns.tsig.algorithm_name', label: 'Algorithm Name', type: FT.STRING },
  tsigTime: { name: 'dns.tsig.time_signed', label: 'Time Signed', type: FT.ABSOLUTE_TIME },
  tsigFudge: { name: 'dns.tsig.fudge', label: 'Fudge', type: FT.UINT, bits: 16 },
  tsigMacSize: { name: 'dns.tsig.mac_size', label: 'MAC Size', type: FT.UINT, bits: 16 },
  tsigMac: { name: 'dns.tsig.mac', label: 'MAC', type: FT.NONE },
  tsigOriginalId: { name: 'dns.tsig.original_id', label: 'Original Id', type: FT.UINT, bits: 16 },
  tsigError: { name: 'dns.tsig.error', label: 'Error', type: FT.UINT, bits: 16, names: TSIG_ERRORS, unknownName: true },
  tsigOtherLen: { name: 'dns.tsig.other_len', label: 'Other Len', type: FT.UINT, bits: 16 },
  tsigOtherData: { name: 'dns.tsig.other_data', label: 'Other Data', type: FT.BYTES },
});

const X = registerExperts({
  noAlgorithm: { name: 'dns.tsig.noalg', msg: 'No dissector for algorithm', severity: Severity.WARN, group: Group.UNDECODED },
});

/** TKEY RDATA at `off` of the message [msg, end). */
export function dissectTkey(c: Ctx, off: number, msg: number, end: number): void {
  const n = nameField(c, T.tkeyAlgorithm, off, msg, end);
  if (n < 0) return;
  let o = off + n;
  for (const id of [T.tkeyInception, T.tkeyExpiration]) {
    if (!c.has(o, 4, end)) return;
    addAbsTime(c.f, id, o, 4, c.u32(o), 0);
    o += 4;
  }
  c.uint(T.tkeyMode, o, 2, end);
  c.uint(T.tkeyError, o + 2, 2, end);
  const keyLen = c.uint(T.tkeyKeySize, o + 4, 2, end);
  if (keyLen < 0) return;
  o += 6;
  if (keyLen !== 0) {
    if (!c.field(T.tkeyKeyData, o, keyLen, end)) return;
    o += keyLen;
  }
  const otherLen = c.uint(T.tkeyOtherSize, o, 2, end);
  if (otherLen > 0) c.field(T.tkeyOtherData, o + 2, otherLen, end);
}

/** TSIG RDATA at `off` of the message [msg, end). The time is 48 bits of seconds; packet-dns.c
 *  says "(high bits set)" when the top 16 are. */
export function dissectTsig(c: Ctx, off: number, msg: number, end: number): void {
  const f = c.f;
  const n = nameField(c, T.tsigAlgorithm, off, msg, end);
  if (n < 0) return;
  const algorithm = dnsName.text;
  let o = off + n;
  if (!c.has(o, 6, end)) return;
  const high = c.u16(o);
  const secs = high * 2 ** 32 + c.u32(o + 2);
  const t = addAbsTime(f, T.tsigTime, o, 6, secs, 0);
  if (high !== 0 && f.wanted === null) f.setText(t, `${fieldById(T.tsigTime).label}: ${absTimeText(secs, 0)} (high bits set)`);
  c.uint(T.tsigFudge, o + 6, 2, end);
  const macLen = c.uint(T.tsigMacSize, o + 8, 2, end);
  if (macLen < 0) return;
  o += 10;
  if (macLen !== 0) {
    if (!c.field(T.tsigMac, o, macLen, end)) return;
    expertAt(c, f.last, X.noAlgorithm, `No dissector for algorithm:${algorithm}`);
    o += macLen;
  }
  c.uint(T.tsigOriginalId, o, 2, end);
  c.uint(T.tsigError, o + 2, 2, end);
  const otherLen = c.uint(T.tsigOtherLen, o + 4, 2, end);
  if (otherLen > 0) c.field(T.tsigOtherData, o + 6, otherLen, end);
}
