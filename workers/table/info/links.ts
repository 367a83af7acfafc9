// The Info column of protocols between hosts and their links: Cisco SLARP, vSocket (host-guest
// sockets), MPLS Echo (LSP ping), NHRP (DMVPN's next hop resolution), as their Wireshark
// dissectors write it.

import type { FieldList } from '../../fields/field-list.ts';
import { fieldById } from '../../fields/registry.ts';
import { ids, named, namedOr, num, text } from './fields.ts';

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

const VSOCK_OPS = ['Unknown', 'Connect', 'Disconnect', 'Control', 'Payload'];
const VSOCK_TRANSPORTS = ['Unknown', 'No info', 'Virtio'];
const VIRTIO_TYPES = ['', 'Stream'];
const VIRTIO_OPS = ['Invalid', 'Request', 'Response', 'Rst', 'Shutdown', 'RW', 'Credit update', 'Credit response'];

/** packet-vsock.c: "[Connect] Virtio: Stream, Op: Request, Buf alloc: 262144, Fwd cnt: 0" (its
 *  4.0 name tables, which know one virtio type). */
export function vsockInfo(fl: FieldList): string {
  const op = num(fl, 'vsock.op');
  const trans = num(fl, 'vsock.trans');
  if (Number.isNaN(op) || Number.isNaN(trans)) return '';
  let s = `[${nameOf(VSOCK_OPS, op)}] ${nameOf(VSOCK_TRANSPORTS, trans)}`;
  const type = num(fl, 'vsock.virtio.type');
  const vop = num(fl, 'vsock.virtio.op');
  const alloc = num(fl, 'vsock.virtio.buf_alloc');
  const fwd = num(fl, 'vsock.virtio.fwd_cnt');
  if (trans === 2 && !Number.isNaN(fwd)) s += `: ${nameOf(VIRTIO_TYPES, type)}, Op: ${nameOf(VIRTIO_OPS, vop)}, Buf alloc: ${alloc}, Fwd cnt: ${fwd}`;
  return s;
}

/** packet-mpls-echo.c: the message type ("MPLS Echo Request"). */
export function mplsEchoInfo(fl: FieldList): string {
  return namedOr(fl, 'mpls_echo.msg_type', (v) => `Unknown Message Type (0x${v.toString(16).toUpperCase().padStart(2, '0')})`);
}

const [CODE, EXT_TYPE] = ids('nhrp.code', 'nhrp.ext.type');

/** The value name of entry i, val_to_str's "Unknown (%u)" without one. */
function namedAt(fl: FieldList, i: number): string {
  const v = fl.num[i] as number;
  return fieldById(fl.id[i] as number).names?.get(v) ?? `Unknown (${v})`;
}

/** val_to_str's "Unknown (%d)" for a value without a name. */
function nameOf(table: readonly string[], v: number): string {
  const s = table[v];
  return s === undefined || s === '' ? `Unknown (${v})` : s;
}

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
  for (let i = 0; i < fl.count && fl.id[i] !== EXT_TYPE; i++) if (fl.id[i] === CODE) s += `, Code=${namedAt(fl, i)}`;
  return s;
}
