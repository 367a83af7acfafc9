// The key-exchange-specific SSH messages (codes 30-39; Wireshark 4.0's ssh_dissect_kex_dh,
// ssh_dissect_kex_dh_gex and ssh_dissect_kex_ecdh): the group exchange's sizes and group, the
// ephemeral public values, the server's host key and signature, as packet-ssh.c lays them out
// ("KEX host key (type: ssh-rsa)" with its exponent and modulus). Also the packets' sequence
// numbers as 4.0 counts them: one counter per side, and a slot per message kind that the first
// message of that kind fills once (some take the counter and then count, others count first:
// 4.0's numbers, which the tree shows, are kept as they are).

import { FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { KexKind, type SshFlow, type SshPeer } from './ssh-state.ts';
import { latin1Text } from './ascii.ts';

export const K = registerFields({
  seqNum: { name: 'ssh.seq_num', label: 'Sequence number', type: FT.UINT },
  mpintLength: { name: 'ssh.mpint_length', label: 'Multi Precision Integer Length', type: FT.UINT },
  hostKeyLength: { name: 'ssh.host_key.length', label: 'Host key length', type: FT.UINT },
  hostKeyTypeLength: { name: 'ssh.host_key.type_length', label: 'Host key type length', type: FT.UINT },
  hostKeyType: { name: 'ssh.host_key.type', label: 'Host key type', type: FT.STRING },
  hostKeyData: { name: 'ssh.host_key.data', label: 'Host key data', type: FT.BYTES },
  rsaN: { name: 'ssh.host_key.rsa.n', label: 'RSA modulus (N)', type: FT.BYTES },
  rsaE: { name: 'ssh.host_key.rsa.e', label: 'RSA public exponent (e)', type: FT.BYTES },
  dsaP: { name: 'ssh.host_key.dsa.p', label: 'DSA prime modulus (p)', type: FT.BYTES },
  dsaQ: { name: 'ssh.host_key.dsa.q', label: 'DSA prime divisor (q)', type: FT.BYTES },
  dsaG: { name: 'ssh.host_key.dsa.g', label: 'DSA subgroup generator (g)', type: FT.BYTES },
  dsaY: { name: 'ssh.host_key.dsa.y', label: 'DSA public key (y)', type: FT.BYTES },
  ecdsaIdLength: { name: 'ssh.host_key.ecdsa.id_length', label: 'ECDSA elliptic curve identifier length', type: FT.UINT },
  ecdsaId: { name: 'ssh.host_key.ecdsa.id', label: 'ECDSA elliptic curve identifier', type: FT.STRING },
  ecdsaQLength: { name: 'ssh.host_key.ecdsa.q_length', label: 'ECDSA public key length', type: FT.UINT },
  ecdsaQ: { name: 'ssh.host_key.ecdsa.q', label: 'ECDSA public key (Q)', type: FT.BYTES },
  eddsaKeyLength: { name: 'ssh.host_key.eddsa.key_length', label: 'EdDSA public key length', type: FT.UINT },
  eddsaKey: { name: 'ssh.host_key.eddsa.key', label: 'EdDSA public key', type: FT.BYTES },
  hostSigLength: { name: 'ssh.host_sig.length', label: 'Host signature length', type: FT.UINT },
  hostSigTypeLength: { name: 'ssh.host_sig.type_length', label: 'Host signature type length', type: FT.UINT },
  hostSigType: { name: 'ssh.host_sig.type', label: 'Host signature type', type: FT.STRING },
  hostSigData: { name: 'ssh.host_sig.data', label: 'Host signature data', type: FT.BYTES },
  sigRsa: { name: 'ssh.host_sig.rsa', label: 'RSA signature', type: FT.BYTES },
  sigDsa: { name: 'ssh.host_sig.dsa', label: 'DSA signature', type: FT.BYTES },
  dhE: { name: 'ssh.dh.e', label: 'DH client e', type: FT.BYTES },
  dhF: { name: 'ssh.dh.f', label: 'DH server f', type: FT.BYTES },
  gexMin: { name: 'ssh.dh_gex.min', label: 'DH GEX Min', type: FT.UINT },
  gexNbits: { name: 'ssh.dh_gex.nbits', label: 'DH GEX Number of Bits', type: FT.UINT },
  gexMax: { name: 'ssh.dh_gex.max', label: 'DH GEX Max', type: FT.UINT },
  gexP: { name: 'ssh.dh_gex.p', label: 'DH GEX modulus (P)', type: FT.BYTES },
  gexG: { name: 'ssh.dh_gex.g', label: 'DH GEX base (G)', type: FT.BYTES },
  ecdhQcLength: { name: 'ssh.ecdh.q_c_length', label: "ECDH client's ephemeral public key length", type: FT.UINT },
  ecdhQc: { name: 'ssh.ecdh.q_c', label: "ECDH client's ephemeral public key (Q_C)", type: FT.BYTES },
  ecdhQsLength: { name: 'ssh.ecdh.q_s_length', label: "ECDH server's ephemeral public key length", type: FT.UINT },
  ecdhQs: { name: 'ssh.ecdh.q_s', label: "ECDH server's ephemeral public key (Q_S)", type: FT.BYTES },
});

/**
 * A side's sequence number for a message kind (`slot`), filled on the first pass by the first
 * message of that kind: `countFirst` counts before taking the number (4.0's DH and group exchange
 * messages), otherwise the number is taken and then counted (KEXINIT, NEWKEYS, ECDH).
 */
export function sequenceNumber(c: Ctx, peer: SshPeer, slot: string, countFirst: boolean): number {
  if (c.firstPass && (peer.seqSlots.get(slot) ?? 0) === 0) {
    if (countFirst) peer.seqSlots.set(slot, ++peer.seq);
    else peer.seqSlots.set(slot, peer.seq++);
  }
  return peer.seqSlots.get(slot) ?? 0;
}

/** A message of code 30-39 after its code byte, at `o`; returns where it ends and its sequence
 *  number (in `out`). */
export function kexSpecific(c: Ctx, flow: SshFlow, code: number, o: number, end: number, out: { seq: number }): number {
  const [client, server] = flow.peers;
  out.seq = 0;
  switch (flow.kexKind) {
    case KexKind.DH:
      if (code === 30) {
        o += mpint(c, K.dhE, o, end);
        out.seq = sequenceNumber(c, client, 'dh_ini', true);
      } else if (code === 31) {
        o += hostKey(c, o, end);
        o += mpint(c, K.dhF, o, end);
        o += hostSignature(c, o, end);
        out.seq = sequenceNumber(c, server, 'dh_rep', true);
      }
      return o;
    case KexKind.DH_GEX:
      switch (code) {
        case 30:
          c.uint(K.gexNbits, o, 4, end);
          return o + 4;
        case 31:
          o += mpint(c, K.gexP, o, end);
          o += mpint(c, K.gexG, o, end);
          out.seq = sequenceNumber(c, server, 'gex_grp', true);
          return o;
        case 32:
          o += mpint(c, K.dhE, o, end);
          out.seq = sequenceNumber(c, client, 'gex_ini', true);
          return o;
        case 33:
          o += hostKey(c, o, end);
          o += mpint(c, K.dhF, o, end);
          o += hostSignature(c, o, end);
          out.seq = sequenceNumber(c, server, 'gex_rep', true);
          return o;
        case 34:
          c.uint(K.gexMin, o, 4, end);
          c.uint(K.gexNbits, o + 4, 4, end);
          c.uint(K.gexMax, o + 8, 4, end);
          out.seq = sequenceNumber(c, client, 'gex_req', true);
          return o + 12;
      }
      return o;
    case KexKind.ECDH:
      if (code === 30) {
        out.seq = sequenceNumber(c, client, 'ecdh_ini', false);
        o += lengthAnd(c, K.ecdhQcLength, K.ecdhQc, o, end);
      } else if (code === 31) {
        o += hostKey(c, o, end);
        out.seq = sequenceNumber(c, server, 'ecdh_rep', false);
        o += lengthAnd(c, K.ecdhQsLength, K.ecdhQs, o, end);
        o += hostSignature(c, o, end);
      }
      return o;
  }
}

/** A 4-byte length and the bytes (or string) it counts (ssh_tree_add_string); returns 4 + length. */
function lengthAnd(c: Ctx, lenId: number, id: number, o: number, end: number): number {
  const n = c.uint(lenId, o, 4, end);
  if (n < 0) return end - o;
  c.field(id, o + 4, n, end);
  return 4 + n;
}

/** An mpint (ssh_tree_add_mpint): "Multi Precision Integer Length", then its bytes. */
function mpint(c: Ctx, id: number, o: number, end: number): number {
  return lengthAnd(c, K.mpintLength, id, o, end);
}

/** What typedHead() read: the blob's type, where its parts start, and its length. */
interface Head {
  type: string;
  at: number;
  len: number;
}

/**
 * The head a host key and a host signature both start with (ssh_tree_add_hostkey /
 * ssh_tree_add_hostsignature): its length, its type's length and its type, under a subtree titled
 * "`title` (type: ssh-rsa)", left open for the caller's parts (which pops it). Null, with nothing
 * added, when the head is cut off.
 */
function typedHead(c: Ctx, o: number, end: number, title: string, ids: readonly [len: number, typeLen: number, type: number]): Head | null {
  const f = c.f;
  if (!c.has(o, 8, end)) return null;
  const len = c.u32(o);
  const typeLen = c.u32(o + 4);
  const type = latin1Text(c.b, o + 8, o + 8 + typeLen);
  f.push(f.text(o, len + 4, `${title} (type: ${type})`));
  f.add(ids[0], o, 4, len);
  f.add(ids[1], o + 4, 4, typeLen);
  if (c.has(o + 8, typeLen, end)) f.addStr(ids[2], o + 8, typeLen, type);
  return { type, at: o + 8 + typeLen, len };
}

/** "KEX host key (type: ssh-rsa)" with its parts by type. Returns 4 + the key's length. */
function hostKey(c: Ctx, o: number, end: number): number {
  const h = typedHead(c, o, end, 'KEX host key', [K.hostKeyLength, K.hostKeyTypeLength, K.hostKeyType]);
  if (h === null) return end - o;
  let p = h.at;
  if (h.type === 'ssh-rsa') {
    p += mpint(c, K.rsaE, p, end);
    mpint(c, K.rsaN, p, end);
  } else if (h.type === 'ssh-dss') {
    for (const id of [K.dsaP, K.dsaQ, K.dsaG]) p += mpint(c, id, p, end);
    mpint(c, K.dsaY, p, end);
  } else if (h.type.startsWith('ecdsa-sha2-')) {
    p += stringField(c, K.ecdsaIdLength, K.ecdsaId, p, end);
    lengthAnd(c, K.ecdsaQLength, K.ecdsaQ, p, end);
  } else if (h.type.startsWith('ssh-ed')) {
    lengthAnd(c, K.eddsaKeyLength, K.eddsaKey, p, end);
  } else c.field(K.hostKeyData, p, h.len - (p - o - 4), end);
  c.f.pop();
  return 4 + h.len;
}

/** A length and the ASCII string it counts. */
function stringField(c: Ctx, lenId: number, id: number, o: number, end: number): number {
  const n = c.uint(lenId, o, 4, end);
  if (n < 0) return end - o;
  if (c.has(o + 4, n, end)) c.f.addStr(id, o + 4, n, latin1Text(c.b, o + 4, o + 4 + n));
  return 4 + n;
}

/** "KEX host signature (type: ssh-rsa)" with its signature. Returns 4 + its length. */
function hostSignature(c: Ctx, o: number, end: number): number {
  const h = typedHead(c, o, end, 'KEX host signature', [K.hostSigLength, K.hostSigTypeLength, K.hostSigType]);
  if (h === null) return end - o;
  // (4.0 shows nothing more of an ECDSA or EdDSA signature)
  if (h.type === 'ssh-rsa') mpint(c, K.sigRsa, h.at, end);
  else if (h.type === 'ssh-dss') mpint(c, K.sigDsa, h.at, end);
  else if (!h.type.startsWith('ecdsa-sha2-') && !h.type.startsWith('ssh-ed')) c.field(K.hostSigData, h.at, h.len - (h.at - o - 4), end);
  c.f.pop();
  return 4 + h.len;
}
