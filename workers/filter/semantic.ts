// Typing (Wireshark's semcheck.c): resolve words to fields or to constants of the type the other
// side expects, check that each operator accepts its operands, and report the first problem with
// its character range. Wireshark 4.0's rules that the tests lean on:
//   - the left side of a comparison is a field, a slice, a function or arithmetic on a field;
//     a literal there is an error ("Left side of "==" expression must be a field or function");
//   - a literal takes the type of the other side (`ip.dst == 10.0.0.0/8`, `eth.src[0:3] == 00:50:56`),
//     integer fields also accept their value names (`ip.proto == UDP`, case-insensitive);
//   - `==` is "any pair equal", `!=` "all pairs not equal" (= `!(a == b)`), `===` "all equal",
//     `!==` / `~=` "any not equal"; `any` / `all` before a comparison override the operator's own.

import { unfilterable } from './unfilterable.ts';
import { Base, FT, fieldByName, type FieldDef } from '../fields/registry.ts';
import type { ArithOp, CmpOp, SetElem, Span, TestNode, ValueNode } from './ast.ts';
import type { CompiledIR, FieldRef, IRTest, IRValue, LayerRange, Rel, SetItem } from './ir.ts';
import type { RangeSpec } from './lexer.ts';
import { compileRegex } from './regex.ts';
import { closestField } from './suggest.ts';
import { compatible, ftName, isByteLike, isNumeric, timeKind, typeName, vtypeOf, type VType } from './types.ts';
import { Time, timeAdd, timeNeg, timeSub } from '../fields/time.ts';
import { fromChar, fromString, fromWord, LiteralError, type Const } from './values.ts';

export class SemError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const err = (msg: string, at: Span): never => {
  throw new SemError(msg, at.start, at.end);
};

/** What a literal should become: the other side's type and field (for its width and value names). */
interface Expect {
  type: VType;
  def: FieldDef | null;
}

const REL: Record<CmpOp, [Rel, boolean]> = {
  any_eq: ['eq', false],
  all_ne: ['ne', true],
  all_eq: ['eq', true],
  any_ne: ['ne', false],
  gt: ['gt', false],
  ge: ['ge', false],
  lt: ['lt', false],
  le: ['le', false],
  contains: ['contains', false],
  matches: ['matches', false],
};

const UINT32: FieldDef = { id: -1, name: '', label: '', type: FT.UINT, base: Base.DEC, bits: 32, mask: 0, names: undefined, tf: undefined, blurb: '', unit: undefined, nameOnly: false, nameAlone: false, valueFirst: false, unknownName: false, display: undefined, proto: '' };

export function analyze(root: TestNode, src: string): CompiledIR {
  return new Analyzer(src).run(root);
}

class Analyzer {
  private refs: FieldRef[] = [];
  private refKeys = new Map<string, number>();

  constructor(private src: string) {}

  run(root: TestNode): CompiledIR {
    return { test: this.test(root), refs: this.refs };
  }

  private text(s: Span): string {
    return this.src.slice(s.start, s.end);
  }

  private ref(def: FieldDef, layers: LayerRange[] | null, at: Span): number {
    const why = unfilterable(def.name);
    if (why !== undefined) return err(`"${def.name}" ${why}`, at);
    const key = `${def.id}#${layers ? layers.map((l) => `${l.lo}-${l.hi}`).join(',') : ''}`;
    const known = this.refKeys.get(key);
    if (known !== undefined) return known;
    this.refs.push({ def, layers });
    this.refKeys.set(key, this.refs.length - 1);
    return this.refs.length - 1;
  }

  private test(n: TestNode): IRTest {
    switch (n.kind) {
      case 'and':
      case 'or':
        return { k: n.kind, left: this.test(n.left), right: this.test(n.right) };
      case 'not':
        return { k: 'not', expr: this.test(n.expr) };
      case 'exists':
        return this.bare(n.value);
      case 'compare':
        return this.compare(n);
      case 'in':
        return this.membership(n);
    }
  }

  /** A value used as a test on its own. */
  private bare(v: ValueNode): IRTest {
    switch (v.kind) {
      case 'word': {
        const def = fieldByName(v.text);
        if (!def) return this.notAField(v);
        return { k: 'exists', ref: this.ref(def, this.layers(v.layers), v) };
      }
      case 'slice':
        return { k: 'nonempty', v: this.value(v, null) };
      case 'arith':
      case 'neg':
        return { k: 'nonzero', v: this.value(v, null) };
      case 'call':
        if (!FUNCTIONS.has(v.name)) return err(`Function '${v.name}' does not exist`, v.nameSpan);
        return err('You cannot test whether a function is present.', v.nameSpan);
      case 'ref':
        return { k: 'nonempty', v: { k: 'absent', type: 'none' } };
      case 'string':
      case 'char':
        return err(`${v.text} is neither a field nor a protocol name.`, v);
    }
  }

  private notAField(v: { text: string } & Span): never {
    const near = closestField(v.text);
    const hint = near !== null && near !== v.text ? ` Did you mean "${near}"?` : '';
    return err(`"${v.text}" is neither a field nor a protocol name.${hint}`, v);
  }

  private layers(specs: RangeSpec[] | null): LayerRange[] | null {
    if (specs === null) return null;
    return specs.map((r) => ({ lo: r.start, hi: r.length < 0 ? Infinity : r.start + r.length - 1 }));
  }

  private compare(n: Extract<TestNode, { kind: 'compare' }>): IRTest {
    const [rel, defaultAll] = REL[n.op];
    const all = n.quant === null ? defaultAll : n.quant === 'all';
    const left = this.lhs(n.left, n.opText);
    if (left.type === 'none') err(`${this.text(n.left)} (type=Label) cannot participate in "${n.opText}" comparison.`, n.left);
    const expect: Expect = { type: left.type, def: this.defOf(left) };
    if (rel === 'contains') {
      if (!(isByteLike(left.type) || left.type === 'string')) err(`${this.text(n.left)} (type=${typeName(expect.def, left.type)}) cannot participate in contains comparison.`, n.left);
      if (left.k === 'field' && left.type === 'proto') left.tail = true;
    }
    if (rel === 'matches') {
      if (!(left.type === 'bytes' || left.type === 'proto' || left.type === 'string')) err(`${this.text(n.left)} (type=${typeName(expect.def, left.type)}) cannot participate in matches comparison.`, n.left);
      if (n.right.kind !== 'string') return err('A regular expression must be a double quoted string.', n.right);
      if (left.k === 'field' && left.type === 'proto') left.tail = true;
      let regex: RegExp;
      try {
        regex = compileRegex(new TextDecoder().decode(n.right.bytes));
      } catch (e) {
        return err(`${(e as Error).message}`, n.right);
      }
      return { k: 'cmp', rel, all, left, right: { k: 'const', c: { type: 'string', v: '', prefix: 0 }, type: 'string' }, type: left.type, regex };
    }
    const right = this.value(n.right, expect);
    this.checkCompatible(left, right, n.left, n.right);
    return { k: 'cmp', rel, all, left, right, type: left.type, regex: null };
  }

  private membership(n: Extract<TestNode, { kind: 'in' }>): IRTest {
    const left = this.lhs(n.left, 'in');
    const expect: Expect = { type: left.type, def: this.defOf(left) };
    const items: SetItem[] = n.set.map((e: SetElem) => {
      if (e.kind === 'one') {
        const low = this.value(e.value, expect);
        this.checkCompatible(left, low, n.left, e.value);
        return { low, high: null };
      }
      if (!isNumeric(left.type) && left.type !== 'ipv4' && left.type !== 'ipv6' && left.type !== 'string' && !isByteLike(left.type)) err(`${this.text(n.left)} cannot be used in a range.`, e);
      const low = this.value(e.low, expect);
      const high = this.value(e.high, expect);
      this.checkCompatible(left, low, n.left, e.low);
      this.checkCompatible(left, high, n.left, e.high);
      return { low, high };
    });
    return { k: 'in', all: n.quant === 'all', left, items, type: left.type };
  }

  private checkCompatible(left: IRValue, right: IRValue, ls: Span, rs: Span): void {
    if (right.k === 'const' || right.k === 'absent') return;
    if (!this.compatible(left, right)) err(`${this.text(ls)} and ${this.text(rs)} are not of compatible types.`, rs);
  }

  /** Value types that compare, and for times the same kind: a date is not a number of seconds. */
  private compatible(a: IRValue, b: IRValue): boolean {
    if (!compatible(a.type, b.type)) return false;
    return a.type !== 'time' || timeKind(this.defOf(a)) === timeKind(this.defOf(b));
  }

  /** Whether `v` is a relative time (seconds), which Wireshark adds, subtracts and negates; an
   *  absolute time does none of these. */
  private relTime(v: IRValue, def: FieldDef | null): boolean {
    return v.type === 'time' && timeKind(def ?? this.defOf(v)) === 'rel';
  }

  /** The left side of a comparison: not a constant. */
  private lhs(v: ValueNode, op: string): IRValue {
    if (v.kind === 'word' && !fieldByName(v.text)) {
      if (/[A-Za-z]/.test(v.text) && !/^[0-9a-fA-F:.-]+$/.test(v.text)) return this.notAField(v);
      return err(`Left side of "${op}" expression must be a field or function, not ${v.text}.`, v);
    }
    if (v.kind === 'string' || v.kind === 'char') return err(`Left side of "${op}" expression must be a field or function, not ${v.text}.`, v);
    const r = this.value(v, null);
    if (r.k === 'const') err('Constant arithmetic expression on the LHS is invalid.', v);
    return r;
  }

  /** The field whose width and value names a literal compared with `v` should use. */
  private defOf(v: IRValue): FieldDef | null {
    switch (v.k) {
      case 'field':
        return v.def;
      case 'arith':
        return this.defOf(v.left.k === 'const' ? v.right : v.left);
      case 'neg':
      case 'abs':
        return this.defOf(v.src);
      case 'minmax':
        return v.args[0] ? this.defOf(v.args[0]) : null;
      case 'len':
      case 'count':
        return UINT32;
      default:
        return null;
    }
  }

  /** Type a value; `expect` is the other side's type (null on the left, where literals are not allowed). */
  private value(v: ValueNode, expect: Expect | null): IRValue {
    switch (v.kind) {
      case 'word': {
        const def = fieldByName(v.text);
        if (def) return { k: 'field', ref: this.ref(def, this.layers(v.layers), v), type: vtypeOf(def), def, tail: false };
        if (v.layers !== null || expect === null) return this.notAField(v);
        return this.literal(v, () => fromWord(v.text, expect.type, expect.def), v.text);
      }
      case 'string':
        if (expect === null) return err(`${v.text} is neither a field nor a protocol name.`, v);
        return this.literal(v, () => fromString(v.bytes, expect.type, expect.def));
      case 'char':
        if (expect === null) return err(`${v.text} is neither a field nor a protocol name.`, v);
        return this.literal(v, () => fromChar(v.value, v.text, expect.type, expect.def));
      case 'ref': {
        const def = fieldByName(v.name);
        if (!def) return this.notAField({ text: v.name, start: v.start, end: v.end });
        return { k: 'absent', type: vtypeOf(def) };
      }
      case 'slice': {
        const src = this.value(v.target, expect === null ? null : { type: 'bytes', def: null });
        if (src.k === 'const') return err(`${this.text(v.target)} cannot be sliced.`, v.target);
        if (!(isByteLike(src.type) || src.type === 'string' || src.type === 'ipv4' || src.type === 'ipv6')) {
          const def = this.defOf(src);
          const what = src.k === 'field' ? `"${def?.name}"` : this.text(v.target);
          return err(`${what} is a ${typeName(def, src.type)} and cannot be sliced into a sequence of bytes.`, v.target);
        }
        return { k: 'slice', src, ranges: v.ranges, type: 'bytes' };
      }
      case 'call':
        return this.call(v, expect);
      case 'arith':
        return this.arith(v, expect);
      case 'neg': {
        const src = this.value(v.expr, expect);
        const t = src.type;
        const def = this.defOf(src) ?? expect?.def ?? null;
        if (!(t === 'uint' || t === 'int' || t === 'float' || this.relTime(src, def))) return err(`${ftName(def, t)} cannot -.`, v.expr);
        if (src.k === 'const') return { k: 'const', c: { ...src.c, v: src.c.v instanceof Time ? timeNeg(src.c.v) : -(src.c.v as number) }, type: t };
        return { k: 'neg', src, type: t === 'uint' ? 'int' : t };
      }
    }
  }

  private literal(at: Span, make: () => Const, word?: string): IRValue {
    try {
      const c = make();
      return { k: 'const', c, type: c.type };
    } catch (e) {
      if (!(e instanceof LiteralError)) throw e;
      let msg = e.message;
      if (word !== undefined && /[a-z]/i.test(word) && word.includes('.')) {
        const near = closestField(word);
        if (near !== null) msg += ` (Did you mean the field "${near}"?)`;
      }
      return err(msg, at);
    }
  }

  private arith(v: Extract<ValueNode, { kind: 'arith' }>, expect: Expect | null): IRValue {
    // The non-constant side decides the type; literals on the other side take it.
    const lConst = isConstant(v.left);
    const rConst = isConstant(v.right);
    for (const side of [v.left, v.right]) if (side.kind === 'string') err(`${side.text} is not a valid arithmetic operand.`, side);
    if (lConst && rConst) {
      if (expect === null) return err('Constant arithmetic expression on the LHS is invalid.', v);
      const l = this.value(v.left, expect);
      const r = this.value(v.right, expect);
      return this.fold(v.op, v, l, r, expect);
    }
    const first = lConst ? this.value(v.right, expect) : this.value(v.left, expect);
    const def = this.defOf(first);
    const t = first.type;
    const okArith = t === 'uint' || t === 'int' || t === 'float' || (this.relTime(first, def) && (v.op === '+' || v.op === '-'));
    const okAnd = t === 'uint' || t === 'int' || t === 'bytes' || t === 'proto' || t === 'ether';
    if (v.op === '&' ? !okAnd : !okArith) return err(`${ftName(def, t)} cannot ${v.op}.`, lConst ? v.right : v.left);
    const inner: Expect = { type: t, def };
    const second = lConst ? this.value(v.left, inner) : this.value(v.right, inner);
    const left = lConst ? second : first;
    const right = lConst ? first : second;
    if (second.k !== 'const' && second.k !== 'absent' && !this.compatible(first, second)) err(`${this.text(v.left)} and ${this.text(v.right)} are not of compatible types.`, v);
    return { k: 'arith', op: v.op, left, right, type: t };
  }

  private fold(op: ArithOp, at: Span, l: IRValue, r: IRValue, expect: Expect): IRValue {
    if (l.k !== 'const' || r.k !== 'const') return err('Constant arithmetic expression is invalid here.', at);
    const a = l.c.v;
    const b = r.c.v;
    if (a instanceof Time && b instanceof Time) {
      if ((op === '+' || op === '-') && timeKind(expect.def) === 'rel') return { k: 'const', c: { type: 'time', v: op === '+' ? timeAdd(a, b) : timeSub(a, b), prefix: 0 }, type: 'time' };
      return err(`${ftName(expect.def, expect.type)} cannot ${op}.`, at);
    }
    if (typeof a !== 'number' || typeof b !== 'number') return err(`${ftName(expect.def, expect.type)} cannot do arithmetic.`, at);
    let v: number;
    switch (op) {
      case '+':
        v = a + b;
        break;
      case '-':
        v = a - b;
        break;
      case '*':
        v = a * b;
        break;
      case '/':
        if (b === 0) return err('Division by zero.', at);
        v = expect.type === 'float' || expect.type === 'time' ? a / b : Math.trunc(a / b);
        break;
      case '%':
        if (b === 0) return err('Division by zero.', at);
        v = a % b;
        break;
      default:
        v = Number((BigInt(Math.trunc(a)) & BigInt(Math.trunc(b))) & 0xffffffffffffffffn);
    }
    return { k: 'const', c: { type: expect.type, v, prefix: l.c.prefix }, type: expect.type };
  }

  private call(v: Extract<ValueNode, { kind: 'call' }>, expect: Expect | null): IRValue {
    const name = v.name;
    const argc = v.args.length;
    const need = (min: number, max: number): void => {
      if (argc < min) err(`Function ${name} needs at least ${min} arguments.`, v.nameSpan);
      if (argc > max) err(`Function ${name} can only accept ${max} arguments.`, v.nameSpan);
    };
    /** The single argument, which must be a field (with an optional layer). */
    const fieldArg = (): { ref: number; def: FieldDef } => {
      const a = v.args[0] as ValueNode;
      if (a.kind !== 'word') return err(`Only fields can be used as parameter for ${name}()`, a);
      const def = fieldByName(a.text);
      if (!def) return /[A-Za-z]/.test(a.text) ? this.notAField(a) : err(`Only fields can be used as parameter for ${name}()`, a);
      return { ref: this.ref(def, this.layers(a.layers), a), def };
    };
    switch (name) {
      case 'len': {
        need(1, 1);
        const { ref, def } = fieldArg();
        return { k: 'len', ref, def, type: 'uint' };
      }
      case 'count': {
        need(1, 1);
        return { k: 'count', ref: fieldArg().ref, type: 'uint' };
      }
      case 'lower':
      case 'upper': {
        need(1, 1);
        const a = v.args[0] as ValueNode;
        const src = a.kind === 'word' && fieldByName(a.text) ? this.value(a, null) : null;
        if (src === null || src.type !== 'string') return err(`Only string type fields can be used as parameter for ${name}()`, a);
        return { k: 'case', upper: name === 'upper', src, type: 'string' };
      }
      case 'string': {
        need(1, 1);
        const { def } = fieldArg();
        const src = this.value(v.args[0] as ValueNode, null);
        const t = src.type;
        if (!(t === 'uint' || t === 'int' || t === 'ipv4' || t === 'ipv6' || t === 'ether' || t === 'float')) return err(`String conversion for field "${def.name}" is not supported`, v.args[0] as ValueNode);
        return { k: 'tostring', src, from: t, type: 'string' };
      }
      case 'max':
      case 'min': {
        need(1, Infinity);
        const args: IRValue[] = [];
        let first: IRValue | null = null;
        for (const a of v.args) {
          if (a.kind === 'string') err(`Argument '${a.text}' is not valid for ${name}()`, a);
          const e: Expect | null = first ? { type: first.type, def: this.defOf(first) } : expect;
          const x = this.value(a, e);
          if (first === null) first = x;
          else if (x.k !== 'const' && ftName(this.defOf(x), x.type) !== ftName(this.defOf(first), first.type)) {
            err(`Arguments to '${name}' must have the same type (expected ${ftName(this.defOf(first), first.type)}, got ${ftName(this.defOf(x), x.type)})`, a);
          }
          args.push(x);
        }
        const t = (first as IRValue).type;
        if (!(isNumeric(t) || t === 'ipv4' || t === 'ipv6' || t === 'ether' || t === 'string')) err(`Argument to '${name}' must be a comparable value.`, v.args[0] as ValueNode);
        return { k: 'minmax', max: name === 'max', args, type: t };
      }
      case 'abs': {
        need(1, 1);
        const arg = v.args[0] as ValueNode;
        const src = this.value(arg, expect);
        const t = src.type;
        if (!(t === 'uint' || t === 'int' || t === 'float' || this.relTime(src, null))) return err(`'${this.text(arg)}' is not a valid argument to 'abs'()`, arg);
        return { k: 'abs', src, type: t };
      }
      default:
        return err(`Function '${name}' does not exist`, v.nameSpan);
    }
  }
}

const FUNCTIONS = new Set(['len', 'count', 'lower', 'upper', 'string', 'max', 'min', 'abs']);

/** Whether a value node holds no field (a literal, or arithmetic on literals). */
function isConstant(v: ValueNode): boolean {
  switch (v.kind) {
    case 'word':
      return !fieldByName(v.text);
    case 'string':
    case 'char':
      return true;
    case 'neg':
      return isConstant(v.expr);
    case 'arith':
      return isConstant(v.left) && isConstant(v.right);
    default:
      return false;
  }
}
