// The Info column of protocols between hosts and their links: Cisco SLARP, vSocket (host-guest
// sockets), MPLS Echo (LSP ping), NHRP (DMVPN's next hop resolution), as their Wireshark
// dissectors write it.

import type { FieldList } from '../../fields/field-list.ts';
import { ids, named, namedAt, namedOr, num, text } from './fields.ts';

/** packet-chdlc.c: "Reply, from 15.0.0.1, mask 255.255.255.252", "Line keepalive, outgoing
 *  sequence 1, returned sequence 0"; nothing when the fields it reads are cut. */
export function slarpInfo(fl: FieldList): string {
  const type = num(fl, 'slarp.ptype');
  if (Number.isNaN(type)) return '';
  const name = named(fl, 'slarp.ptype');
  if (type === 0 || type === 1) {
    const from = text(fl, 'slarp.address');
    const mask = text(fl, 'slarp.netmask');
    return from === '' || mask === '' ? '' : `${name}, from ${from}, mask ${mask}`;
  }
  if (type === 2) {
    const mine = num(fl, 'slarp.mysequence');
    const yours = num(fl, 'slarp.yoursequence');
    return Number.isNaN(mine) || Number.isNaN(yours) ? '' : `${name}, outgoing sequence ${mine}, returned sequence ${yours}`;
  }
  return `Unknown packet type 0x${type.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** packet-vsock.c: "[Connect] Virtio: Stream, Op: Request, Buf alloc: 262144, Fwd cnt: 0" (the
 *  fields' name tables are its 4.0 ones, which know one virtio type). */
export function vsockInfo(fl: FieldList): string {
  const trans = num(fl, 'vsock.trans');
  const op = namedOr(fl, 'vsock.op', unknown);
  if (op === '' || Number.isNaN(trans)) return '';
  let s = `[${op}] ${namedOr(fl, 'vsock.trans', unknown)}`;
  const fwd = num(fl, 'vsock.virtio.fwd_cnt');
  if (trans === 2 && !Number.isNaN(fwd)) {
    s += `: ${namedOr(fl, 'vsock.virtio.type', unknown)}, Op: ${namedOr(fl, 'vsock.virtio.op', unknown)}, ` +
      `Buf alloc: ${num(fl, 'vsock.virtio.buf_alloc')}, Fwd cnt: ${fwd}`;
  }
  return s;
}

/** packet-mpls-echo.c: the message type ("MPLS Echo Request"). */
export function mplsEchoInfo(fl: FieldList): string {
  return namedOr(fl, 'mpls_echo.msg_type', (v) => `Unknown Message Type (0x${v.toString(16).toUpperCase().padStart(2, '0')})`);
}

const [CODE, EXT_TYPE] = ids('nhrp.code', 'nhrp.ext.type');

/** val_to_str's "Unknown (%d)" for a value without a name. */
const unknown = (v: number): string => `Unknown (${v})`;

/** packet-nhrp.c: the packet type, ", ID=" the request ID (not for indications), and for a reply
 *  each Client Information Entry's ", Code=" ("NHRP Registration Reply, ID=21, Code=Success").
 *  The error indication's error code, which Wireshark adds, is not dissected. */
export function nhrpInfo(fl: FieldList): string {
  const type = num(fl, 'nhrp.hdr.op.type');
  if (Number.isNaN(type)) return '';
  let s = namedOr(fl, 'nhrp.hdr.op.type', (v) => `0x${v.toString(16).toUpperCase().padStart(2, '0')} - unknown`);
  if (type >= 7) return s;
  const id = num(fl, 'nhrp.reqid');
  if (Number.isNaN(id)) return s;
  s += `, ID=${id >>> 0}`;
  if (type === 1 || type === 3 || type === 5) return s;
  // the mandatory part's entries only: the extensions' CIEs add nothing to the column
  for (let i = 0; i < fl.count && fl.id[i] !== EXT_TYPE; i++) if (fl.id[i] === CODE) s += `, Code=${namedAt(fl, i, unknown)}`;
  return s;
}
