// The glue between the IPv4 / IPv6 dissectors and the fragment tables (Wireshark's
// fragment_add_check + process_reassembled_data + show_fragment_tree): on the first pass a
// fragment is added to the capture's table; the frame that completes a datagram shows the
// fragment list, then the upper layers are dissected from the reassembled bytes as a new data
// source ("Reassembled IPv4"). On later passes the table is only read, so a frame dissects the
// same way again, and the other fragments also get "reassembled in" (Wireshark does the same: a
// single-pass tshark cannot know it yet, a second pass can).

import { EF } from '../fields/field-list.ts';
import { FRAG_ERROR, FragFlag, type FragmentTable, type Reassembled } from '../analysis/ip-reassembly.ts';
import type { Ctx, Dissector } from './context.ts';
import { labelPieces } from './fragment-tree.ts';

/** Field ids of one protocol's fragment list (ip.fragment…, ipv6.fragment…). */
export interface FragmentFieldIds {
  fragments: number;
  fragment: number;
  error: number;
  overlap: number;
  conflict: number;
  multipleTails: number;
  tooLong: number;
  count: number;
  reassembledIn: number;
  length: number;
  data: number;
}

/**
 * Add a fragment (the payload c.b[off, off+len), at byte offset `fragOffset` of its datagram)
 * and return the datagram if this frame completes it, for `dissectReassembled`. Otherwise, on
 * later passes, note in which frame it was completed. `src`/`dst` locate the key's addresses.
 */
export function addFragment(c: Ctx, table: FragmentTable, ids: FragmentFieldIds, id: number, src: number,
                            dst: number, alen: number, fragOffset: number, off: number, len: number,
                            more: boolean): Reassembled | null {
  const r = c.firstPass
    ? table.add(c.frameNo, c.b, src, dst, alen, id, fragOffset, off, len, more)
    : table.lookup(c.frameNo, id) ?? null;
  if (r === null) return null;
  if (r.frame !== c.frameNo) {
    c.f.add(ids.reassembledIn, 0, 0, r.frame, EF.GENERATED);
    return null;
  }
  return r;
}

/**
 * Switch to the reassembled bytes as a new data source, add the fragment list under the current
 * tree item, run `upper` on the whole datagram once the caller's `closeHeader` has closed the IP
 * item, and switch back.
 */
export function dissectReassembled(c: Ctx, ids: FragmentFieldIds, r: Reassembled, sourceName: string,
                                   closeHeader: () => void, upper: Dissector): void {
  const f = c.f;
  const savedB = c.b;
  const savedSrc = f.curSrc;
  const n = r.data.length;
  f.curSrc = f.addSource(sourceName, r.data);
  c.b = r.data;
  const list = f.add(ids.fragments, 0, n, 0, EF.GENERATED);
  f.push(list);
  const items: number[] = [];
  for (const fd of r.frags) {
    const err = (fd.flags & FRAG_ERROR) !== 0;
    const i = f.add(err ? ids.error : ids.fragment, fd.offset, fd.len, fd.frame, EF.GENERATED);
    items.push(i);
    if (fd.flags === 0) continue;
    f.push(i);
    if (fd.flags & (FragFlag.OVERLAP | FRAG_ERROR)) {
      if (fd.flags & FragFlag.OVERLAP) f.add(ids.overlap, fd.offset, 0, 1, EF.GENERATED);
      if (fd.flags & FragFlag.OVERLAP_CONFLICT) f.add(ids.conflict, fd.offset, 0, 1, EF.GENERATED);
      if (fd.flags & FragFlag.MULTIPLE_TAILS) f.add(ids.multipleTails, fd.offset, 0, 1, EF.GENERATED);
      if (fd.flags & FragFlag.TOO_LONG) f.add(ids.tooLong, fd.offset, 0, 1, EF.GENERATED);
    }
    f.pop();
  }
  f.add(ids.count, 0, 0, r.frags.length, EF.GENERATED);
  f.add(ids.length, 0, 0, n, EF.GENERATED);
  f.add(ids.data, 0, n, 0, EF.GENERATED);
  f.pop();
  labelPieces(f, list, ids.fragments, ids.fragment, items, r.frags, n);
  closeHeader();
  if (n > 0) c.call(upper, 0, n);
  c.b = savedB;
  f.curSrc = savedSrc;
}
