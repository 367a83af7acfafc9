// The parsed display filter, before typing: what the user wrote, with the character range of
// every node for error messages. Words stay unresolved here (a word is a field or a literal
// depending on the registry and on the other side of the comparison; see semantic.ts).

import type { RangeSpec } from './lexer.ts';

export interface Span {
  start: number;
  end: number;
}

export type CmpOp = 'any_eq' | 'all_ne' | 'all_eq' | 'any_ne' | 'gt' | 'ge' | 'lt' | 'le' | 'contains' | 'matches';

/** The operator as the user spelled it, for messages (`"=="`). */
export type Quantifier = 'any' | 'all' | null;

export type TestNode =
  | ({ kind: 'and' | 'or'; left: TestNode; right: TestNode } & Span)
  | ({ kind: 'not'; expr: TestNode } & Span)
  /** A value on its own: a field's existence, or a non-zero test of `a & b`. */
  | ({ kind: 'exists'; value: ValueNode } & Span)
  | ({ kind: 'compare'; op: CmpOp; opText: string; quant: Quantifier; left: ValueNode; right: ValueNode } & Span)
  | ({ kind: 'in'; quant: Quantifier; left: ValueNode; set: SetElem[] } & Span);

export type SetElem = { kind: 'one'; value: ValueNode } | ({ kind: 'range'; low: ValueNode; high: ValueNode } & Span);

export type ArithOp = '+' | '-' | '*' | '/' | '%' | '&';

export type ValueNode =
  /** An unparsed word: a field name or a literal. `layers` only when `#` followed it. */
  | ({ kind: 'word'; text: string; layers: RangeSpec[] | null } & Span)
  | ({ kind: 'string'; bytes: Uint8Array; text: string } & Span)
  | ({ kind: 'char'; value: number; text: string } & Span)
  /** `${field}`: the selected packet's value. */
  | ({ kind: 'ref'; name: string } & Span)
  | ({ kind: 'slice'; target: ValueNode; ranges: RangeSpec[] } & Span)
  | ({ kind: 'call'; name: string; nameSpan: Span; args: ValueNode[] } & Span)
  | ({ kind: 'arith'; op: ArithOp; left: ValueNode; right: ValueNode } & Span)
  | ({ kind: 'neg'; expr: ValueNode } & Span);
