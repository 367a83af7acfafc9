// Recursive-descent parser for the display filter grammar (Wireshark 4.0's grammar.lemon):
//
//   expr     := and ( ("or" | "||") and )*
//   and      := not ( ("and" | "&&") not )*
//   not      := ("not" | "!") not | "(" expr ")" | relation
//   relation := ["any" | "all"] value [ cmpop value | "in" "{" set "}" ]
//   value    := term ( "&" term )*            (bitwise and binds loosest)
//   term     := factor ( ("+" | "-") factor )*
//   factor   := unary ( ("*" | "/" | "%") unary )*
//   unary    := ("-" | "+") unary | primary [slice]
//   primary  := word [layer] | string | char | ${field} | name "(" args ")" | "{" value "}"
//
// Comparisons do not chain (`a == b == c` is an error, as in Wireshark). Parentheses group tests
// only; arithmetic groups with braces. Errors carry the range of the offending token.

import type { ArithOp, CmpOp, SetElem, Span, TestNode, ValueNode } from './ast.ts';
import { LexError, T, tokenize, type Token } from './lexer.ts';

export class ParseError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const CMP: Partial<Record<T, CmpOp>> = {
  [T.ANY_EQ]: 'any_eq',
  [T.ALL_NE]: 'all_ne',
  [T.ALL_EQ]: 'all_eq',
  [T.ANY_NE]: 'any_ne',
  [T.GT]: 'gt',
  [T.GE]: 'ge',
  [T.LT]: 'lt',
  [T.LE]: 'le',
  [T.CONTAINS]: 'contains',
  [T.MATCHES]: 'matches',
};

/** Parse a whole expression (throws ParseError with a location). */
export function parse(src: string): TestNode {
  let toks: Token[];
  try {
    toks = tokenize(src);
  } catch (e) {
    if (e instanceof LexError) throw new ParseError(e.message, e.start, e.end);
    throw e;
  }
  return new Parser(src, toks).parseAll();
}

class Parser {
  private i = 0;

  constructor(
    private src: string,
    private toks: Token[],
  ) {}

  private get tok(): Token {
    return this.toks[this.i] as Token;
  }

  private next(): Token {
    const t = this.tok;
    if (t.t !== T.END) this.i++;
    return t;
  }

  private unexpected(t: Token = this.tok): ParseError {
    if (t.t === T.END) return new ParseError('Unexpected end of filter expression.', this.src.length, this.src.length);
    return new ParseError(`"${t.text}" was unexpected in this context.`, t.start, t.end);
  }

  private expect(t: T): Token {
    if (this.tok.t !== t) throw this.unexpected();
    return this.next();
  }

  parseAll(): TestNode {
    const e = this.orExpr();
    if (this.tok.t !== T.END) throw this.unexpected();
    return e;
  }

  private orExpr(): TestNode {
    let left = this.andExpr();
    while (this.tok.t === T.OR) {
      this.next();
      const right = this.andExpr();
      left = { kind: 'or', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private andExpr(): TestNode {
    let left = this.notExpr();
    while (this.tok.t === T.AND) {
      this.next();
      const right = this.notExpr();
      left = { kind: 'and', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private notExpr(): TestNode {
    const t = this.tok;
    if (t.t === T.NOT) {
      this.next();
      const expr = this.notExpr();
      return { kind: 'not', expr, start: t.start, end: expr.end };
    }
    if (t.t === T.LPAREN) {
      this.next();
      const e = this.orExpr();
      this.expect(T.RPAREN);
      return e;
    }
    return this.relation();
  }

  private relation(): TestNode {
    const first = this.tok;
    let quant: 'any' | 'all' | null = null;
    if (first.t === T.ANY || first.t === T.ALL) {
      quant = first.t === T.ANY ? 'any' : 'all';
      this.next();
    }
    const left = this.value();
    const start = quant ? first.start : left.start;
    const opTok = this.tok;
    const op = CMP[opTok.t];
    if (op !== undefined) {
      this.next();
      const right = this.value();
      if (CMP[this.tok.t] !== undefined || this.tok.t === T.IN) throw this.unexpected();
      return { kind: 'compare', op, opText: opTok.text, quant, left, right, start, end: right.end };
    }
    if (opTok.t === T.IN) {
      this.next();
      this.expect(T.LBRACE);
      const set: SetElem[] = [];
      for (;;) {
        const low = this.value();
        if (this.tok.t === T.DOTDOT) {
          this.next();
          const high = this.value();
          set.push({ kind: 'range', low, high, start: low.start, end: high.end });
        } else set.push({ kind: 'one', value: low });
        if (this.tok.t === T.COMMA) {
          this.next();
          continue;
        }
        break;
      }
      const close = this.expect(T.RBRACE);
      return { kind: 'in', quant, left, set, start, end: close.end };
    }
    if (quant) throw this.unexpected();
    return { kind: 'exists', value: left, start: left.start, end: left.end };
  }

  private value(): ValueNode {
    let left = this.term();
    while (this.tok.t === T.BITAND) {
      this.next();
      const right = this.term();
      left = this.arith('&', left, right);
    }
    return left;
  }

  private term(): ValueNode {
    let left = this.factor();
    while (this.tok.t === T.PLUS || this.tok.t === T.MINUS) {
      const op: ArithOp = this.next().t === T.PLUS ? '+' : '-';
      const right = this.factor();
      left = this.arith(op, left, right);
    }
    return left;
  }

  private factor(): ValueNode {
    let left = this.unary();
    while (this.tok.t === T.STAR || this.tok.t === T.SLASH || this.tok.t === T.PERCENT) {
      const t = this.next().t;
      const op: ArithOp = t === T.STAR ? '*' : t === T.SLASH ? '/' : '%';
      const right = this.unary();
      left = this.arith(op, left, right);
    }
    return left;
  }

  private arith(op: ArithOp, left: ValueNode, right: ValueNode): ValueNode {
    return { kind: 'arith', op, left, right, start: left.start, end: right.end };
  }

  private unary(): ValueNode {
    const t = this.tok;
    if (t.t === T.MINUS) {
      this.next();
      const expr = this.unary();
      return { kind: 'neg', expr, start: t.start, end: expr.end };
    }
    if (t.t === T.PLUS) {
      this.next();
      return this.unary();
    }
    let v = this.primary();
    while (this.tok.t === T.SLICE) {
      const s = this.next();
      v = { kind: 'slice', target: v, ranges: s.ranges ?? [], start: v.start, end: s.end };
    }
    return v;
  }

  private primary(): ValueNode {
    const t = this.tok;
    switch (t.t) {
      case T.WORD: {
        this.next();
        if (this.tok.t === T.LPAREN && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.text)) return this.call(t);
        if (this.tok.t === T.LAYER) {
          const l = this.next();
          return { kind: 'word', text: t.text, layers: l.ranges ?? [], start: t.start, end: l.end };
        }
        return { kind: 'word', text: t.text, layers: null, start: t.start, end: t.end };
      }
      case T.STRING:
        this.next();
        return { kind: 'string', bytes: t.bytes ?? new Uint8Array(0), text: t.text, start: t.start, end: t.end };
      case T.CHAR:
        this.next();
        return { kind: 'char', value: t.value ?? 0, text: t.text, start: t.start, end: t.end };
      case T.REF:
        this.next();
        return { kind: 'ref', name: t.text, start: t.start, end: t.end };
      case T.LBRACE: {
        this.next();
        const v = this.value();
        this.expect(T.RBRACE);
        return v;
      }
      default:
        throw this.unexpected();
    }
  }

  private call(name: Token): ValueNode {
    this.expect(T.LPAREN);
    const args: ValueNode[] = [];
    if (this.tok.t !== T.RPAREN) {
      for (;;) {
        args.push(this.value());
        if (this.tok.t !== T.COMMA) break;
        this.next();
      }
    }
    const close = this.expect(T.RPAREN);
    const nameSpan: Span = { start: name.start, end: name.end };
    return { kind: 'call', name: name.text, nameSpan, args, start: name.start, end: close.end };
  }
}
