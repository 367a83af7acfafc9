// GSS-API tokens (RFC 2743's InitialContextToken, packet-gssapi.c) and what they carry here:
// SPNEGO's negotiation (RFC 4178, packet-spnego.c: negTokenInit with the mechanisms offered and the
// first mechanism's token, negTokenTarg with the result, the mechanism chosen and its answer), the
// Kerberos tokens inside (a krb5 blob: its OID, token ID and the AP-REQ or AP-REP, kerberos.ts),
// and RFC 4121's wrap token that signs or seals a Kerberos security layer's data (LDAP's SASL
// buffers). An AD client's LDAP bind with GSS-SPNEGO shows all of them.

import { appendTo } from './append-text.ts';
import { ber, BerClass, berElement as element, readBer } from './ber.ts';
import type { Ctx } from './context.ts';
import { flagWord } from './flag-names.ts';
import { kerberosMessage } from './kerberos.ts';
import { oidName, oidText } from './oid-text.ts';
import { G } from './spnego-fields.ts';

const SPNEGO = '1.3.6.1.5.5.2';
const KRB5 = new Set(['1.2.840.113554.1.2.2', '1.2.840.48018.1.2.2', '1.2.840.113554.1.2.2.3']);

function full(c: Ctx): boolean {
  return c.f.wanted === null;
}

/** An OID element as field `id` ("1.3.6.1.5.5.2 (SPNEGO - Simple Protected Negotiation)"); its
 *  text, or null when the packet stopped. */
function oid(c: Ctx, id: number, o: number, end: number): string | null {
  if (!element(c, o, end)) return null;
  const text = oidText(c.b, ber.value, ber.value + ber.len) ?? '';
  const i = c.f.addStr(id, ber.value, ber.len, text);
  const name = full(c) ? oidName(text) : null;
  if (name !== null) appendTo(c, i, ` (${name})`);
  return text;
}

/** A GSS-API InitialContextToken ([APPLICATION 0]: the mechanism's OID, then its token). */
export function gssapiToken(c: Ctx, o: number, end: number): void {
  const f = c.f;
  if (!readBer(c.b, o, end) || ber.cls !== BerClass.APPLICATION || ber.tag !== 0) return;
  c.proto(G.gssapi, o, end);
  if (element(c, o, end)) {
    const vEnd = ber.value + ber.len;
    const mech = oid(c, G.oid, ber.value, vEnd);
    const next = mech === null ? -1 : ber.value + ber.len;
    if (mech === SPNEGO && next >= 0) spnegoToken(c, next, vEnd);
  }
  f.pop();
}

/** SPNEGO's NegotiationToken: [0] negTokenInit or [1] negTokenTarg. */
export function spnegoToken(c: Ctx, o: number, end: number): void {
  const f = c.f;
  if (!element(c, o, end)) return;
  const tag = ber.tag;
  const v = ber.value;
  const vEnd = ber.value + ber.len;
  c.proto(G.spnego, o, vEnd);
  if (tag === 0 || tag === 1) {
    f.push(f.add(tag === 0 ? G.negTokenInit : G.negTokenTarg, o, vEnd - o));
    if (element(c, v, vEnd)) negotiation(c, tag, ber.value, ber.value + ber.len);
    f.pop();
  }
  f.pop();
}

/** The components of negTokenInit (tag 0) or negTokenTarg (1). */
function negotiation(c: Ctx, kind: number, o: number, end: number): void {
  const f = c.f;
  let firstMech = '';
  for (let p = o; p < end && !c.stop; ) {
    if (!element(c, p, end)) return;
    const tag = ber.tag;
    const v = ber.value;
    const wEnd = ber.value + ber.len;
    if (kind === 0 && tag === 0) {
      // mechTypes: "N items", each a MechType
      if (element(c, v, wEnd)) {
        const lEnd = ber.value + ber.len;
        const item = f.add(G.mechTypes, v, lEnd - v);
        f.push(item);
        let n = 0;
        for (let q = ber.value; q < lEnd && !c.stop; n++) {
          const t = oid(c, G.mechType, q, lEnd);
          if (t === null) break;
          if (n === 0) firstMech = t;
          q = ber.value + ber.len;
        }
        f.pop();
        if (item >= 0) {
          f.num[item] = n;
          if (full(c)) f.appendLabel(item, n === 1 ? ' item' : ' items');
        }
      }
    } else if (kind === 0 && tag === 2) mechToken(c, G.mechToken, v, wEnd, firstMech);
    else if (kind === 0 && tag === 1) {
      if (element(c, v, wEnd)) f.add(G.reqFlags, ber.value, ber.len);
    } else if (tag === 3 || (kind === 1 && tag === 3)) {
      if (element(c, v, wEnd)) f.add(G.mechListMic, ber.value, ber.len);
    } else if (kind === 1 && tag === 0) {
      if (element(c, v, wEnd)) f.add(G.negResult, ber.value, ber.len, ber.len > 0 ? (c.b[ber.value] as number) : 0);
    } else if (kind === 1 && tag === 1) {
      const t = oid(c, G.supportedMech, v, wEnd);
      if (t !== null) firstMech = t;
    } else if (kind === 1 && tag === 2) mechToken(c, G.responseToken, v, wEnd, firstMech);
    p = wEnd;
  }
}

/** A mechanism's token (an OCTET STRING as field `id`); a Kerberos one is decoded beside it. */
function mechToken(c: Ctx, id: number, o: number, end: number, mech: string): void {
  if (!element(c, o, end)) return;
  const v = ber.value;
  const vEnd = ber.value + ber.len;
  c.f.add(id, v, vEnd - v);
  if (KRB5.has(mech)) krb5Blob(c, v, vEnd);
}

/** A Kerberos GSS-API token (RFC 4121 §4.1): [APPLICATION 0] { KRB5 OID, token ID, message }. */
function krb5Blob(c: Ctx, o: number, end: number): void {
  const f = c.f;
  f.push(f.add(G.krb5Blob, o, end - o));
  c.layer('spnego-krb5');
  if (readBer(c.b, o, end) && ber.cls === BerClass.APPLICATION && ber.tag === 0 && element(c, o, end)) {
    const vEnd = ber.value + ber.len;
    if (oid(c, G.krb5Oid, ber.value, vEnd) !== null) {
      const p = ber.value + ber.len;
      if (c.has(p, 2, vEnd)) {
        f.add(G.krb5TokId, p, 2, (c.b[p] as number) | ((c.b[p + 1] as number) << 8));
        kerberosMessage(c, p + 2, vEnd);
      }
    }
  }
  f.pop();
}

let sealed = false;

/** Whether the last wrapToken()'s data is encrypted. */
export function wrapSealed(): boolean {
  return sealed;
}

/**
 * The Kerberos GSS_Wrap token at `o` (RFC 4121 §4.2.6.2; packet-spnego.c's CFX wrap): its
 * header, and the checksum Windows rotates in front of the data (RRC = EC). Returns the bytes
 * before the wrapped data (0: not a token this dissects); `sealed` says whether the data is
 * encrypted.
 */
export function wrapToken(c: Ctx, o: number, end: number): number {
  const f = c.f;
  const b = c.b;
  if (!c.has(o, 16, end) || b[o] !== 0x05 || b[o + 1] !== 0x04) return 0;
  const flags = b[o + 2] as number;
  sealed = (flags & 0x02) !== 0;
  const ec = c.u16(o + 4);
  const rrc = c.u16(o + 6);
  const cksum = !sealed && rrc === ec ? ec : 0;
  const tokenLen = 16 + cksum;
  c.proto(G.gssapi, o, end);
  c.layer('spnego-krb5');
  f.push(f.add(G.krb5Blob, o, Math.min(tokenLen, end - o)));
  f.add(G.krb5TokId, o, 2, (b[o] as number) | ((b[o + 1] as number) << 8));
  flagWord(c, G.krb5CfxFlags, [G.krb5AcceptorSubkey, G.krb5Sealed, G.krb5SendByAcceptor], o + 2, end);
  c.field(G.krb5Filler, o + 3, 1, end);
  f.add(G.krb5CfxEc, o + 4, 2, ec);
  f.add(G.krb5CfxRrc, o + 6, 2, rrc);
  f.add(G.krb5CfxSeq, o + 8, 8, c.u32(o + 8) * 4294967296 + c.u32(o + 12));
  if (cksum > 0) c.field(G.krb5SgnCksum, o + 16, cksum, end);
  f.pop();
  f.pop();
  return c.stop ? 0 : tokenLen;
}

