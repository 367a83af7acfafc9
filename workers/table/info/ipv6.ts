// The Info column of IPv6 when nothing above it takes the packet, as packet-ipv6.c writes it.

import type { FieldList } from '../../fields/field-list.ts';
import { fieldById } from '../../fields/registry.ts';
import { find, ids } from './fields.ts';

const [IPV6, VERSION, NXT, HOPOPTS, ROUTING, DSTOPTS, FRAGHDR, HOP_NXT, RT_NXT, DST_NXT, FRAG_NXT, FRAG_OFFSET, FRAG_MORE, FRAG_IDENT] = ids(
  'ipv6', 'ipv6.version', 'ipv6.nxt', 'ipv6.hopopts', 'ipv6.routing', 'ipv6.dstopts', 'ipv6.fraghdr', 'ipv6.hopopts.nxt',
  'ipv6.routing.nxt', 'ipv6.dstopts.nxt', 'ipv6.fraghdr.nxt', 'ipv6.fraghdr.offset', 'ipv6.fraghdr.more', 'ipv6.fraghdr.ident',
);
const EXTENSION_TEXT = new Map([[HOPOPTS, 'IPv6 hop-by-hop options'], [ROUTING, 'IPv6 routing'], [DSTOPTS, 'IPv6 destination options']]);
const NEXT_HEADER = new Set([NXT, HOP_NXT, RT_NXT, DST_NXT, FRAG_NXT]);
const NO_NEXT_HEADER = 59;

/**
 * Of the innermost IPv6 header: a bogus version; each extension header's name, " , " between
 * them; a fragment header's "IPv6 fragment (off=1432 more=y ident=0x00000002 nxt=17)" in place of
 * what came before; then, unless an exception stopped the packet first (`exception`), "IPv6 no next
 * header" or the unknown protocol after the last header.
 */
export function ipv6Info(fl: FieldList, exception: number): string {
  const from = find(fl, 'ipv6');
  if (from < 0) return '';
  let s = '';
  let nxt = -1;
  let fragment = false;
  for (let i = from; i < fl.count; i++) {
    const id = fl.id[i] as number;
    const v = fl.num[i] as number;
    if (id === IPV6 && i !== from) break;
    if (id === VERSION && v !== 6) return `Bogus IPv6 version (${v}, must be 6)`;
    const ext = EXTENSION_TEXT.get(id);
    if (ext !== undefined) s = s === '' ? ext : `${s} , ${ext}`;
    else if (NEXT_HEADER.has(id)) nxt = v;
    else if (id === FRAGHDR) fragment = true;
    else if (id === FRAG_IDENT) s = fragmentText(fl, i);
  }
  if (exception !== 0 || fragment || nxt < 0) return s;
  if (nxt === NO_NEXT_HEADER) return 'IPv6 no next header';
  return `Unknown IP Protocol: ${fieldById(NXT).names?.get(nxt) ?? 'Unknown'} (${nxt})`;
}

/** The fragment header whose identification is entry `ident` (its other fields come before it). */
function fragmentText(fl: FieldList, ident: number): string {
  let off = 0;
  let more = 0;
  let nxt = 0;
  for (let i = ident - 1; i >= 0 && fl.id[i] !== FRAGHDR; i--) {
    const id = fl.id[i] as number;
    if (id === FRAG_OFFSET) off = fl.num[i] as number;
    else if (id === FRAG_MORE) more = fl.num[i] as number;
    else if (id === FRAG_NXT) nxt = fl.num[i] as number;
  }
  const id = (fl.num[ident] as number) >>> 0;
  return `IPv6 fragment (off=${off * 8} more=${more ? 'y' : 'n'} ident=0x${id.toString(16).padStart(8, '0')} nxt=${nxt})`;
}
