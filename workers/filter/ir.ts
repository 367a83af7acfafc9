// The typed filter, after semantic.ts: every word resolved to a field reference or a typed
// constant, every operator checked against its operand types. evaluate.ts turns it into closures.

import type { FieldDef } from '../fields/registry.ts';
import type { ArithOp } from './ast.ts';
import type { RangeSpec } from './lexer.ts';
import type { VType } from './types.ts';
import type { Const } from './values.ts';

/** Which protocol layers a reference keeps (`ip.src#2`, `tcp.port#[2-4]`): inclusive, 1-based. */
export interface LayerRange {
  lo: number;
  hi: number;
}

/** A field as the filter reads it: all its occurrences, or those in some layers. */
export interface FieldRef {
  def: FieldDef;
  layers: LayerRange[] | null;
}

export type Rel = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'contains' | 'matches';

export type IRValue =
  | { k: 'field'; ref: number; type: VType; def: FieldDef; /** protocols: the bytes to the end of the packet (contains, matches) */ tail: boolean }
  | { k: 'const'; c: Const; type: VType }
  /** `${field}`: a field of the selected packet; there is none in the engine, so it never has a value. */
  | { k: 'absent'; type: VType }
  | { k: 'slice'; src: IRValue; ranges: RangeSpec[]; type: 'bytes' }
  | { k: 'len'; ref: number; def: FieldDef; type: 'uint' }
  | { k: 'count'; ref: number; type: 'uint' }
  | { k: 'case'; upper: boolean; src: IRValue; type: 'string' }
  | { k: 'tostring'; src: IRValue; from: VType; type: 'string' }
  | { k: 'minmax'; max: boolean; args: IRValue[]; type: VType }
  | { k: 'abs'; src: IRValue; type: VType }
  | { k: 'arith'; op: ArithOp; left: IRValue; right: IRValue; type: VType }
  | { k: 'neg'; src: IRValue; type: VType };

export interface SetItem {
  low: IRValue;
  /** null: a single value, not a range. */
  high: IRValue | null;
}

export type IRTest =
  | { k: 'and' | 'or'; left: IRTest; right: IRTest }
  | { k: 'not'; expr: IRTest }
  | { k: 'true' }
  | { k: 'exists'; ref: number }
  /** A slice on its own: true when it has a value. */
  | { k: 'nonempty'; v: IRValue }
  /** `a & b` (or any arithmetic) on its own: true when a value is non-zero. */
  | { k: 'nonzero'; v: IRValue }
  | { k: 'cmp'; rel: Rel; all: boolean; left: IRValue; right: IRValue; type: VType; regex: RegExp | null }
  | { k: 'in'; all: boolean; left: IRValue; items: SetItem[]; type: VType };

export interface CompiledIR {
  test: IRTest;
  refs: FieldRef[];
}
