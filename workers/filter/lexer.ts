// Display filter tokens, as Wireshark 4.0's scanner (epan/dfilter/scanner.l) cuts them.
//
// The one surprising rule is the "unparsed word": a run of [A-Za-z0-9_:] then [A-Za-z0-9_:/-],
// with single dots between runs. `ip.src`, `10.0.0.0/8`, `fe80::1`, `00:50:56`, `udp.port-1` and
// `example.com` are each one word; whether a word is a field or a literal is decided later, by the
// registry and by the type the other side of the comparison expects. ".." never belongs to a word
// (so `4780..4800` is three tokens) and a word never starts with "-" (so `65 -1` is a subtraction).
// Keywords (`and`, `eq`, `contains` …) are words that are spelled exactly like a keyword.
// Slices (`[0:3]`, `[1-2,4]`) and layers (`#2`, `#[1-2]`) are scanned whole, as the scanner's
// RANGE and LAYER states do.

export const enum T {
  END,
  LPAREN,
  RPAREN,
  LBRACE,
  RBRACE,
  COMMA,
  DOTDOT,
  /** `${field}`: a field of the selected packet. */
  REF,
  WORD,
  STRING,
  CHAR,
  /** `[ranges]` after a value. */
  SLICE,
  /** `#N` or `#[ranges]` after a field. */
  LAYER,
  // comparisons
  ANY_EQ,
  ALL_NE,
  ALL_EQ,
  ANY_NE,
  GT,
  GE,
  LT,
  LE,
  CONTAINS,
  MATCHES,
  IN,
  // logic
  AND,
  OR,
  NOT,
  ANY,
  ALL,
  // arithmetic
  PLUS,
  MINUS,
  STAR,
  SLASH,
  PERCENT,
  BITAND,
}

/** One range of a slice or a layer: `i:j` (start, length), `i-j` (start, end inclusive), `i`, `:j`, `i:`. */
export interface RangeSpec {
  start: number;
  /** Length, or -1 for "to the end". */
  length: number;
  /** The text of the range (for error messages) and where it is. */
  text: string;
  pos: number;
}

export interface Token {
  t: T;
  /** Source text of the token. */
  text: string;
  start: number;
  end: number;
  /** STRING: the bytes of the literal (escapes applied). */
  bytes?: Uint8Array;
  /** CHAR: the value of the character constant. */
  value?: number;
  /** SLICE and LAYER: the ranges. */
  ranges?: RangeSpec[];
}

export class LexError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const KEYWORDS: Record<string, T> = {
  eq: T.ANY_EQ,
  any_eq: T.ANY_EQ,
  ne: T.ALL_NE,
  all_ne: T.ALL_NE,
  all_eq: T.ALL_EQ,
  any_ne: T.ANY_NE,
  gt: T.GT,
  ge: T.GE,
  lt: T.LT,
  le: T.LE,
  contains: T.CONTAINS,
  matches: T.MATCHES,
  in: T.IN,
  and: T.AND,
  or: T.OR,
  not: T.NOT,
  any: T.ANY,
  all: T.ALL,
  bitwise_and: T.BITAND,
};

/** Operators, longest first (Wireshark 4.0 spells "any not equal" both `!==` and `~=`). */
const OPERATORS: [string, T][] = [
  ['===', T.ALL_EQ],
  ['!==', T.ANY_NE],
  ['==', T.ANY_EQ],
  ['!=', T.ALL_NE],
  ['~=', T.ANY_NE],
  ['>=', T.GE],
  ['<=', T.LE],
  ['&&', T.AND],
  ['||', T.OR],
  ['..', T.DOTDOT],
  ['>', T.GT],
  ['<', T.LT],
  ['~', T.MATCHES],
  ['!', T.NOT],
  ['&', T.BITAND],
  ['+', T.PLUS],
  ['-', T.MINUS],
  ['*', T.STAR],
  ['/', T.SLASH],
  ['%', T.PERCENT],
  ['(', T.LPAREN],
  [')', T.RPAREN],
  ['{', T.LBRACE],
  ['}', T.RBRACE],
  [',', T.COMMA],
];

const isStart = (c: string): boolean => /[A-Za-z0-9_:]/.test(c);
const isWordChar = (c: string): boolean => /[A-Za-z0-9_:/-]/.test(c);

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (c === '"' || ((c === 'r' || c === 'R') && src[i + 1] === '"')) {
      const raw = c !== '"';
      const r = scanString(src, raw ? i + 2 : i + 1, raw, start);
      out.push({ t: T.STRING, text: src.slice(start, r.end), start, end: r.end, bytes: r.bytes });
      i = r.end;
      continue;
    }
    if (c === "'") {
      const r = scanChar(src, i + 1, start);
      out.push({ t: T.CHAR, text: src.slice(start, r.end), start, end: r.end, value: r.value });
      i = r.end;
      continue;
    }
    if (c === '[') {
      const r = scanRanges(src, i, '[');
      out.push({ t: T.SLICE, text: src.slice(start, r.end), start, end: r.end, ranges: r.ranges });
      i = r.end;
      continue;
    }
    if (c === '#') {
      const next = src[i + 1];
      if (next === undefined) throw new LexError('The layer number or range was missing.', i, i + 1);
      if (next === '[') {
        const r = scanRanges(src, i + 1, '#');
        out.push({ t: T.LAYER, text: src.slice(start, r.end), start, end: r.end, ranges: r.ranges });
        i = r.end;
        continue;
      }
      if (!/[0-9]/.test(next)) throw new LexError(`Expected digit or "[", not "${next}"`, i + 1, i + 2);
      let j = i + 1;
      while (j < n && /[0-9]/.test(src[j] as string)) j++;
      const num = Number(src.slice(i + 1, j));
      out.push({ t: T.LAYER, text: src.slice(start, j), start, end: j, ranges: [{ start: num, length: 1, text: src.slice(i + 1, j), pos: i + 1 }] });
      i = j;
      continue;
    }
    if (c === '$' && src[i + 1] === '{') {
      const close = src.indexOf('}', i + 2);
      if (close < 0) throw new LexError('The closing "}" of a field reference is missing.', i, n);
      const name = src.slice(i + 2, close).trim();
      out.push({ t: T.REF, text: name, start, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (isStart(c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isWordChar(src[j] as string)) j++;
        // a single dot continues the word when a word character follows ("..": a range)
        if (src[j] === '.' && j + 1 < n && isWordChar(src[j + 1] as string)) {
          j++;
          continue;
        }
        break;
      }
      const text = src.slice(i, j);
      const kw = KEYWORDS[text];
      out.push({ t: kw ?? T.WORD, text, start, end: j });
      i = j;
      continue;
    }
    let matched = false;
    for (const [op, t] of OPERATORS) {
      if (src.startsWith(op, i)) {
        out.push({ t, text: op, start, end: i + op.length });
        i += op.length;
        matched = true;
        break;
      }
    }
    if (!matched) throw new LexError(`"${c}" was unexpected in this context.`, i, i + 1);
  }
  out.push({ t: T.END, text: '', start: n, end: n });
  return out;
}

const SIMPLE_ESCAPES: Record<string, number> = { "'": 0x27, '"': 0x22, '\\': 0x5c, a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** A double-quoted string from just after its opening quote; bytes are UTF-8 with escapes applied. */
function scanString(src: string, from: number, raw: boolean, start: number): { bytes: Uint8Array; end: number } {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  let i = from;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '"') return { bytes: Uint8Array.from(bytes), end: i + 1 };
    if (c !== '\\') {
      const cp = src.codePointAt(i) as number;
      const s = String.fromCodePoint(cp);
      for (const b of enc.encode(s)) bytes.push(b);
      i += s.length;
      continue;
    }
    const e = src[i + 1];
    if (e === undefined) break;
    if (raw) {
      // raw strings keep the backslash; `\"` still does not end the string
      bytes.push(0x5c, e.charCodeAt(0) & 0xff);
      i += 2;
      continue;
    }
    const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4));
    if (oct) {
      const v = parseInt(oct[0], 8);
      if (v > 0xff) throw new LexError(`\\${oct[0]} is larger than 255.`, i, i + 1 + oct[0].length);
      bytes.push(v);
      i += 1 + oct[0].length;
      continue;
    }
    if (e === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i + 2, i + 4));
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2 + hex[0].length;
        continue;
      }
    }
    if (e === 'u' || e === 'U') {
      const m = (e === 'u' ? /^[0-9a-fA-F]{4}/ : /^[0-9a-fA-F]{8}/).exec(src.slice(i + 2, i + (e === 'u' ? 6 : 10)));
      if (!m) throw new LexError(`\\${e} must be followed by ${e === 'u' ? 4 : 8} hexadecimal digits.`, i, i + 2);
      const cp = parseInt(m[0], 16);
      if (cp > 0x10ffff) throw new LexError(`\\${e}${m[0]} is not a valid Unicode code point.`, i, i + 2 + m[0].length);
      for (const b of enc.encode(String.fromCodePoint(cp))) bytes.push(b);
      i += 2 + m[0].length;
      continue;
    }
    const simple = SIMPLE_ESCAPES[e];
    bytes.push(simple ?? e.charCodeAt(0) & 0xff);
    i += 2;
  }
  throw new LexError('The final quote was missing from a quoted string.', start, src.length);
}

/** A character constant from just after its opening quote: `'a'`, `'\n'`, `'\x0a'`, `'\012'`. */
function scanChar(src: string, from: number, start: number): { value: number; end: number } {
  const close = src.indexOf("'", from + (src[from] === '\\' ? 2 : 1));
  if (close < 0) throw new LexError('The final quote was missing from a character constant.', start, src.length);
  const body = src.slice(from, close);
  let value: number | undefined;
  if (body.length === 1) value = body.charCodeAt(0);
  else if (body[0] === '\\') {
    const rest = body.slice(1);
    if (rest.length === 1 && SIMPLE_ESCAPES[rest] !== undefined) value = SIMPLE_ESCAPES[rest];
    else if (/^x[0-9a-fA-F]{1,2}$/.test(rest)) value = parseInt(rest.slice(1), 16);
    else if (/^[0-7]{1,3}$/.test(rest)) value = parseInt(rest, 8);
  }
  if (value === undefined || value > 0xff) throw new LexError(`${src.slice(start, close + 1)} is not a valid character constant.`, start, close + 1);
  return { value, end: close + 1 };
}

/** `[a:b,c-d,e]` starting at the `[`; each range is checked as Wireshark's drange parser does. */
function scanRanges(src: string, open: number, what: '[' | '#'): { ranges: RangeSpec[]; end: number } {
  const close = src.indexOf(']', open + 1);
  if (close < 0) throw new LexError(what === '[' ? 'The right bracket was missing from a slice.' : 'The right bracket was missing from a layer range.', open, src.length);
  const ranges: RangeSpec[] = [];
  let pos = open + 1;
  for (const raw of src.slice(open + 1, close).split(',')) {
    const text = raw.trim();
    const at = pos + raw.indexOf(text);
    ranges.push(parseRange(text, at));
    pos += raw.length + 1;
  }
  return { ranges, end: close + 1 };
}

const INT = /^-?[0-9]+$/;

function num(s: string, at: number): number {
  if (!INT.test(s)) throw new LexError(`"${s}" is not a valid number.`, at, at + Math.max(1, s.length));
  return Number(s);
}

function parseRange(text: string, at: number): RangeSpec {
  if (text === '') throw new LexError('A slice range is empty.', at, at + 1);
  const colon = text.indexOf(':');
  if (colon >= 0) {
    const a = text.slice(0, colon);
    const b = text.slice(colon + 1);
    const start = a === '' ? 0 : num(a, at);
    if (b === '') return { start, length: -1, text, pos: at };
    const length = num(b, at + colon + 1);
    if (length <= 0) throw new LexError(`Range ${text} isn't valid because length ${length} isn't positive`, at, at + text.length);
    return { start, length, text, pos: at };
  }
  // i-j (end inclusive); the first "-" after a digit separates, so "-4-2" reads as start -4, end 2
  const dash = text.indexOf('-', 1);
  if (dash > 0) {
    const start = num(text.slice(0, dash), at);
    const end = num(text.slice(dash + 1), at + dash + 1);
    if (start >= end) throw new LexError(`Range ${text} isn't valid because ${start} is greater or equal than ${end}`, at, at + text.length);
    return { start, length: end - start + 1, text, pos: at };
  }
  return { start: num(text, at), length: 1, text, pos: at };
}
