// ONC-RPC's credentials and verifiers (RFC 5531 section 8.2, opaque_auth: a flavor and up to 400
// bytes of body) as packet-rpc.c's dissect_rpc_cred / dissect_rpc_verf show them. AUTH_UNIX's body
// (appendix A, authsys_parms) is decoded:
//
//   stamp (4) | machinename (XDR string) | uid (4) | gid (4) | gids count (4) | gids (4 each)
//
// AUTH_NULL has none. The bodies of other flavors (RPCSEC_GSS, AUTH_DES, …) are not decoded: their
// lines stop after Flavor and Length, and the message goes on after the body.

import type { Ctx } from './context.ts';
import { R } from './rpc-fields.ts';
import { xdrOpaque } from './rpc-xdr.ts';

export const AUTH_UNIX = 1;
/** Wireshark prints at most this many auxiliary GIDs in their line's summary, then "...". */
const GIDS_SHOWN = 16;

/** Credentials or Verifier at `off` (`title`); returns the offset after it, or -1 when the
 *  packet stopped inside it. */
export function opaqueAuth(c: Ctx, title: 'Credentials' | 'Verifier', off: number, end: number): number {
  const f = c.f;
  if (!c.has(off, 8, end)) return -1;
  const flavor = c.u32(off);
  const len = c.u32(off + 4);
  const body = (len + 3) & ~3;
  // (its item covers the body before anything is read from it: a body past the data stops here)
  if (!c.has(off, 8 + body, end)) return -1;
  const item = f.text(off, 8 + body, title);
  f.push(item);
  f.add(R.authFlavor, off, 4, flavor);
  f.add(R.authLength, off + 4, 4, len);
  const o = off + 8;
  if (flavor === AUTH_UNIX && title === 'Credentials') authUnix(c, o, end);
  f.pop();
  return c.stop ? -1 : off + 8 + body;
}

function authUnix(c: Ctx, off: number, end: number): number {
  const f = c.f;
  let o = off;
  c.uint(R.authStamp, o, 4, end);
  o = xdrOpaque(c, R.machinename, o + 4, end);
  c.uint(R.authUid, o, 4, end);
  c.uint(R.authGid, o + 4, 4, end);
  o += 8;
  if (!c.has(o, 4, end)) return -1;
  const n = c.u32(o);
  const line = f.text(o, Math.max(0, Math.min(4 + 4 * n, end - o)), '');
  f.push(line);
  let list = '';
  for (let k = 0; k < n; k++) {
    const at = o + 4 + 4 * k;
    const gid = c.uint(R.authGid, at, 4, end);
    if (gid < 0) break;
    if (line >= 0 && k < GIDS_SHOWN) list += `${k > 0 ? ', ' : ''}${gid}`;
  }
  f.pop();
  if (line >= 0) f.label(line, `Auxiliary GIDs (${n}) [${list}${n > GIDS_SHOWN ? ', ...' : ''}]`);
  return c.stop ? -1 : o + 4 + 4 * n;
}
