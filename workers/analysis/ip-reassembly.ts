// IPv4 / IPv6 fragment reassembly, as Wireshark's epan/reassemble.c does it for
// fragment_add_check(): fragments are keyed by (source, destination, id); a datagram is complete
// when a tail fragment (More Fragments clear) has fixed its length and the fragments cover
// [0, length) without a hole; the bytes are then laid down in offset order, and where fragments
// overlap "the existing behavior does not overwrite overlapping bytes even if there is a
// conflict. It only adds new bytes" (reassemble.c). Overlaps, conflicts, extra tails and bytes
// past the end are flagged per fragment, as Wireshark's ip.fragment.* fields show them.
//
// A completed datagram is removed from the in-progress table (a later fragment with the same key
// starts a new one) and remembered under the number of every frame that made it up, so that a
// later pass over any one frame (the details view) finds the same result.
//
// Memory is bounded for fuzzed or hostile captures: a datagram can never be longer than the IP
// offset field allows plus one frame (offset <= 65528, "65535+" bytes); bytes held by unfinished
// datagrams are capped (oldest dropped first, as if they had timed out), and so are the bytes of
// completed datagrams kept for later passes (oldest forgotten first).

export const enum FragFlag {
  OVERLAP = 1,
  OVERLAP_CONFLICT = 2,
  MULTIPLE_TAILS = 4,
  TOO_LONG = 8,
}

/** Flags that make Wireshark list a fragment as `ip.fragment.error` instead of `ip.fragment`. */
export const FRAG_ERROR = FragFlag.OVERLAP_CONFLICT | FragFlag.MULTIPLE_TAILS | FragFlag.TOO_LONG;

export interface Fragment {
  frame: number;
  offset: number;
  len: number;
  flags: number;
  /** The fragment's payload, dropped once the datagram is complete. */
  data: Uint8Array | null;
}

export interface Reassembled {
  id: number;
  /** Frame whose fragment completed the datagram (Wireshark's reassembled_in). */
  frame: number;
  data: Uint8Array;
  /** Fragments in offset order (stable for equal offsets), payloads dropped. */
  frags: Fragment[];
}

interface Head {
  id: number;
  addr: Uint8Array;
  frags: Fragment[];
  datalen: number;
  datalenSet: boolean;
  bytes: number;
  dead: boolean;
}

/** Longest datagram accepted: the largest fragment offset plus the largest IP payload. */
export const MAX_DATAGRAM = 0xfff8 + 0xffff;
const MAX_PENDING_BYTES = 64 << 20;
const MAX_PENDING_DATAGRAMS = 1 << 16;
const MAX_DONE_BYTES = 256 << 20;

export class FragmentTable {
  private pending = new Map<number, Head[]>();
  /** Unfinished datagrams, oldest first (finished ones are skipped lazily). */
  private order: Head[] = [];
  private orderStart = 0;
  private live = 0;
  private pendingBytes = 0;
  /** Completed datagrams by the number of each frame that made them up (an array only when several). */
  private done = new Map<number, Reassembled | Reassembled[]>();
  private doneOrder: Reassembled[] = [];
  private doneStart = 0;
  private doneBytes = 0;

  reset(): void {
    this.pending.clear();
    this.order = [];
    this.orderStart = 0;
    this.live = 0;
    this.pendingBytes = 0;
    this.done.clear();
    this.doneOrder = [];
    this.doneStart = 0;
    this.doneBytes = 0;
  }

  /**
   * First pass: add the fragment `b[off, off+len)` of the datagram keyed by the addresses
   * `b[src, src+alen)`, `b[dst, dst+alen)` and `id`, at byte offset `fragOffset`. Returns the
   * datagram when this fragment completes it, otherwise null. Adding the same frame's fragment
   * twice (a frame dissected again during the first pass) does not add it again.
   */
  add(frame: number, b: Uint8Array, src: number, dst: number, alen: number, id: number,
      fragOffset: number, off: number, len: number, more: boolean): Reassembled | null {
    const again = this.lookup(frame, id);
    if (again) return again.frame === frame ? again : null;
    if (fragOffset + len > MAX_DATAGRAM) return null;
    const head = this.head(b, src, dst, alen, id);
    for (const fd of head.frags) if (fd.frame === frame && fd.offset === fragOffset) return null;
    const fd: Fragment = { frame, offset: fragOffset, len, flags: 0, data: b.slice(off, off + len) };
    if (!more) {
      if (!head.datalenSet) {
        head.datalen = fragOffset + len;
        head.datalenSet = true;
      } else if (head.datalen !== fragOffset + len) {
        fd.flags |= FragFlag.MULTIPLE_TAILS;
      }
    }
    // LINK_FRAG: keep the list sorted by offset, a new fragment after those with the same offset.
    let at = head.frags.length;
    while (at > 0 && (head.frags[at - 1] as Fragment).offset > fragOffset) at--;
    head.frags.splice(at, 0, fd);
    head.bytes += len;
    this.pendingBytes += len;
    if (!head.datalenSet || !covered(head)) {
      this.trim();
      return null;
    }
    return this.complete(head, frame);
  }

  /** The completed datagram that frame `frame` is part of, if any (for passes after the first). */
  lookup(frame: number, id: number): Reassembled | undefined {
    const hit = this.done.get(frame);
    if (hit === undefined) return undefined;
    if (!Array.isArray(hit)) return hit.id === id ? hit : undefined;
    for (const r of hit) if (r.id === id) return r;
    return undefined;
  }

  private head(b: Uint8Array, src: number, dst: number, alen: number, id: number): Head {
    let list = this.pending.get(id);
    if (list) {
      for (const h of list) if (sameKey(h.addr, b, src, dst, alen)) return h;
    } else {
      list = [];
      this.pending.set(id, list);
    }
    const addr = new Uint8Array(2 * alen);
    addr.set(b.subarray(src, src + alen), 0);
    addr.set(b.subarray(dst, dst + alen), alen);
    const h: Head = { id, addr, frags: [], datalen: 0, datalenSet: false, bytes: 0, dead: false };
    list.push(h);
    this.order.push(h);
    this.live++;
    return h;
  }

  /** fragment_add_work's copy loop: lay the fragments down, flagging overlaps and overruns. */
  private complete(head: Head, frame: number): Reassembled {
    const datalen = head.datalen;
    const data = new Uint8Array(datalen);
    let dfpos = 0;
    for (const fd of head.frags) {
      const bytes = fd.data as Uint8Array;
      if (fd.len === 0) continue;
      if (fd.offset >= datalen) {
        fd.flags |= FragFlag.TOO_LONG;
        continue;
      }
      let fraglen = fd.len;
      if (fd.offset + fraglen > datalen) {
        fd.flags |= FragFlag.TOO_LONG;
        fraglen = datalen - fd.offset;
      }
      const overlap = Math.max(0, dfpos - fd.offset);
      if (overlap > 0) {
        fd.flags |= FragFlag.OVERLAP;
        const n = Math.min(fd.len, overlap);
        for (let i = 0; i < n; i++) {
          if (data[fd.offset + i] !== bytes[i]) {
            fd.flags |= FragFlag.OVERLAP_CONFLICT;
            break;
          }
        }
      }
      if (fd.offset + fraglen > dfpos) {
        data.set(bytes.subarray(overlap, fraglen), dfpos);
        dfpos = fd.offset + fraglen;
      }
    }
    this.drop(head);
    this.trim();
    for (const fd of head.frags) fd.data = null;
    const r: Reassembled = { id: head.id, frame, data, frags: head.frags };
    for (const fd of head.frags) {
      const hit = this.done.get(fd.frame);
      if (hit === undefined) this.done.set(fd.frame, r);
      else if (Array.isArray(hit)) {
        if (!hit.includes(r)) hit.push(r);
      } else if (hit !== r) this.done.set(fd.frame, [hit, r]);
    }
    this.doneOrder.push(r);
    this.doneBytes += datalen;
    while (this.doneBytes > MAX_DONE_BYTES && this.doneStart < this.doneOrder.length - 1) {
      this.forget(this.doneOrder[this.doneStart++] as Reassembled);
    }
    if (this.doneStart > 1024 && this.doneStart * 2 > this.doneOrder.length) {
      this.doneOrder = this.doneOrder.slice(this.doneStart);
      this.doneStart = 0;
    }
    return r;
  }

  private drop(head: Head): void {
    if (head.dead) return;
    head.dead = true;
    this.live--;
    this.pendingBytes -= head.bytes;
    const list = this.pending.get(head.id);
    if (!list) return;
    const i = list.indexOf(head);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.pending.delete(head.id);
  }

  /** Drop the oldest unfinished datagrams while they hold too many bytes. */
  private trim(): void {
    while ((this.pendingBytes > MAX_PENDING_BYTES || this.live > MAX_PENDING_DATAGRAMS) && this.orderStart < this.order.length) {
      this.drop(this.order[this.orderStart++] as Head);
    }
    const n = this.order.length - this.orderStart;
    if (n > 1024 && this.live * 2 < n) {
      this.order = this.order.slice(this.orderStart).filter((h) => !h.dead);
      this.orderStart = 0;
    }
  }

  private forget(r: Reassembled): void {
    this.doneBytes -= r.data.length;
    for (const fd of r.frags) {
      const hit = this.done.get(fd.frame);
      if (hit === r) this.done.delete(fd.frame);
      else if (Array.isArray(hit)) {
        const rest = hit.filter((x) => x !== r);
        if (rest.length === 0) this.done.delete(fd.frame);
        else this.done.set(fd.frame, rest.length === 1 ? (rest[0] as Reassembled) : rest);
      }
    }
  }
}

/** Wireshark's "max" loop: the contiguous bytes from 0 reach the datagram length. */
function covered(head: Head): boolean {
  let max = 0;
  for (const fd of head.frags) if (fd.offset <= max && fd.offset + fd.len > max) max = fd.offset + fd.len;
  return max >= head.datalen;
}

function sameKey(addr: Uint8Array, b: Uint8Array, src: number, dst: number, alen: number): boolean {
  if (addr.length !== 2 * alen) return false;
  for (let i = 0; i < alen; i++) if (addr[i] !== b[src + i] || addr[alen + i] !== b[dst + i]) return false;
  return true;
}
