// A token parser of the kind Wireshark's epan/tvbparse.c is, for the dissectors whose trees show
// its tokens (NTP's control data): a grammar of "wanted" elements (a character, a run of
// characters, a string, one of, a sequence, some of, until, quoted) matched at an offset into
// tokens with the same offsets, lengths and nesting as tvbparse's, including its quirks (a
// sequence skips the ignored characters after each element, so its length ends at its last
// non-empty element; "some" with a minimum of zero is a token even when nothing matched; "until"
// in its spend mode takes the delimiter but leaves it out of the token). The tree shows each
// token as a text line of its bytes (tvbparse_tree_add_elem).

import type { FieldList } from '../fields/field-list.ts';
import { formatText } from '../fields/format.ts';

/** A token (tvbparse_elem_t): its bytes, its first sub-token, its next sibling. */
export interface Token {
  offset: number;
  len: number;
  sub: Token | null;
  next: Token | null;
  /** The last of this token's siblings (the sequence being built appends after it). */
  last: Token | null;
  wanted: Wanted;
}

/** A parse in progress over `b` up to `end` (tvbparse_t). */
export interface Parse {
  b: Uint8Array;
  offset: number;
  end: number;
  ignore: Wanted | null;
  depth: number;
}

/** What a grammar element matches at `offset`: the bytes it takes (-1: no match), its token in
 *  `matched`. `len` is the least it can take (tvbparse's `wanted->len`). */
export interface Wanted {
  len: number;
  match(p: Parse, offset: number): number;
  /** Called on the token once the whole element it is part of matched (tvbparse's after_cb). */
  after?: (t: Token) => void;
}

const MAX_DEPTH = 100;
/** The token of the last successful match (tvbparse's out parameter). */
let matched: Token | null = null;

function token(offset: number, len: number, wanted: Wanted): Token {
  const t: Token = { offset, len, sub: null, next: null, last: null, wanted };
  t.last = t;
  return t;
}

function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(256);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i) & 0xff] = 1;
  return set;
}

/** One byte of `chars` (tvbparse_char). */
export function char(chars: string): Wanted {
  const set = charSet(chars);
  const w: Wanted = {
    len: 1,
    match(p, offset) {
      if (offset + 1 > p.end || set[p.b[offset] as number] !== 1) return -1;
      matched = token(offset, 1, w);
      return 1;
    },
  };
  return w;
}

/** From `min` to `max` (0: no limit) bytes of `chars`, or of anything but them (tvbparse_chars,
 *  tvbparse_not_chars). */
export function chars(min: number, max: number, chars: string, not = false): Wanted {
  const set = charSet(chars);
  const lo = min || 1;
  const hi = max || 0x3fffffff;
  const w: Wanted = {
    len: 0,
    match(p, offset) {
      if (offset + lo > p.end) return -1;
      let left = Math.min(p.end - offset, hi);
      let n = 0;
      for (let o = offset; left > 0; o++, left--, n++) if ((set[p.b[o] as number] === 1) === not) break;
      if (n < lo) return -1;
      matched = token(offset, n, w);
      return n;
    },
  };
  return w;
}

/** Exactly the bytes of `s` (tvbparse_string). */
export function string(s: string): Wanted {
  const w: Wanted = {
    len: s.length,
    match(p, offset) {
      if (offset + s.length > p.end) return -1;
      for (let i = 0; i < s.length; i++) if (p.b[offset + i] !== s.charCodeAt(i)) return -1;
      matched = token(offset, s.length, w);
      return s.length;
    },
  };
  return w;
}

/** The first of `ws` that matches, as a token over its token (tvbparse_set_oneof). */
export function oneOf(ws: readonly Wanted[], after?: (t: Token) => void): Wanted {
  const w: Wanted = {
    len: 0,
    after,
    match(p, offset) {
      if (offset > p.end || ++p.depth > MAX_DEPTH) return -1;
      for (const x of ws) {
        if (offset + x.len > p.end) continue;
        const n = x.match(p, offset);
        if (n >= 0) {
          const sub = matched as Token;
          const t = token(sub.offset, sub.len, w);
          t.sub = sub;
          matched = t;
          p.depth--;
          return n;
        }
      }
      p.depth--;
      return -1;
    },
  };
  return w;
}

/** Each of `ws` in turn, the ignored characters skipped after each (tvbparse_set_seq). */
export function seq(ws: readonly Wanted[]): Wanted {
  const w: Wanted = {
    len: 0,
    match(p, start) {
      if (start > p.end || ++p.depth > MAX_DEPTH) return -1;
      let offset = start;
      let t: Token | null = null;
      for (const x of ws) {
        const n = offset + x.len > p.end ? -1 : x.match(p, offset);
        if (n < 0) {
          p.depth--;
          return -1;
        }
        const e = matched as Token;
        if (t !== null) {
          if (e.len !== 0) t.len = e.offset - t.offset + e.len;
          const first = t.sub as Token;
          (first.last as Token).next = e;
          first.last = e;
        } else {
          t = token(e.offset, e.len, w);
          t.sub = e;
          e.last = e;
        }
        offset += n;
        offset += skipIgnored(p, offset);
      }
      p.depth--;
      matched = t;
      return offset - start;
    },
  };
  return w;
}

/** From `min` to `max` matches of `x` in a row (tvbparse_some); with `min` 0, a token even when
 *  there are none. */
export function some(min: number, max: number, x: Wanted): Wanted {
  const w: Wanted = {
    len: 0,
    match(p, start) {
      if (start > p.end || ++p.depth > MAX_DEPTH) return -1;
      let offset = start;
      let t: Token | null = min === 0 ? token(start, 0, w) : null;
      let got = 0;
      while (got < max) {
        if (offset > p.end) {
          p.depth--;
          return -1;
        }
        const n = x.match(p, offset);
        if (n < 0) break;
        const e = matched as Token;
        if (t !== null) {
          if (e.len !== 0) t.len = e.offset - t.offset + e.len;
          if (t.sub !== null) {
            (t.sub.last as Token).next = e;
            t.sub.last = e;
          } else t.sub = e;
        } else {
          t = token(e.offset, e.len, w);
          t.sub = e;
        }
        offset += n;
        got++;
      }
      p.depth--;
      if (got < min) return -1;
      matched = t;
      return offset - start;
    },
  };
  return w;
}

/** Everything up to `x`, which is taken but left out of the token (tvbparse_until with
 *  TP_UNTIL_SPEND). */
export function untilSpend(x: Wanted): Wanted {
  const w: Wanted = {
    len: 0,
    match(p, offset) {
      if (offset + x.len > p.end || ++p.depth > MAX_DEPTH) return -1;
      let at = offset;
      let n: number;
      do n = x.match(p, at++);
      while (n < 0 && at + 1 < p.end);
      p.depth--;
      if (n < 0) return -1;
      const t = matched as Token;
      t.next = null;
      t.last = null;
      t.wanted = w;
      t.offset = offset;
      t.len = at - offset - 1;
      return at - offset - 1 + n;
    },
  };
  return w;
}

/** A string between `quote`s, `esc` before a quote inside it (tvbparse_quoted). */
export function quoted(quote: string, esc: string, after?: (t: Token) => void): Wanted {
  const q = char(quote);
  return oneOf([seq([q, seq([oneOf([string(esc + quote), chars(0, 0, quote, true)])]), q]), seq([q, q])], after);
}

/** tvbparse_shrink_token_cb: the token without its first and last byte (a quoted string's
 *  quotes). */
export function shrink(t: Token): void {
  t.offset += 1;
  t.len -= 2;
}

function skipIgnored(p: Parse, offset: number): number {
  if (p.ignore === null) return 0;
  let n = 0;
  let k: number;
  while ((k = p.ignore.match(p, offset)) > 0) {
    n += k;
    offset += k;
  }
  return n;
}

export function parse(b: Uint8Array, offset: number, len: number, ignore: Wanted | null): Parse {
  return { b, offset, end: offset + len, ignore, depth: 0 };
}

/** The next token of `w` after the ignored characters, its callbacks run (tvbparse_get); null
 *  when nothing matches there. */
export function get(p: Parse, w: Wanted): Token | null {
  const offset = p.offset + skipIgnored(p, p.offset);
  const n = w.match(p, offset);
  if (n < 0) return null;
  const t = matched as Token;
  runAfter(t);
  p.offset = offset + n;
  return t;
}

function runAfter(t: Token | null): void {
  for (let x = t; x !== null; x = x.next) {
    runAfter(x.sub);
    x.wanted.after?.(x);
  }
}

/** The token and its sub-tokens as text lines of their bytes, nested as they are
 *  (tvbparse_tree_add_elem). */
export function addTokenTree(f: FieldList, b: Uint8Array, t: Token): void {
  const item = f.text(t.offset, t.len, formatText(b.subarray(t.offset, t.offset + Math.max(0, t.len))));
  if (t.sub === null) return;
  f.push(item);
  for (let x: Token | null = t.sub; x !== null; x = x.next) addTokenTree(f, b, x);
  f.pop();
}
