// Display filter entry point (placeholder until the filter engine lands): the interface the session
// and the command line use.

import type { FieldList } from '../fields/field-list.ts';
import type { AddressTable } from '../table/addresses.ts';
import type { PacketTable } from '../table/packet-table.ts';

export interface FilterInput {
  table: PacketTable;
  addrs: AddressTable;
  rows: number;
  /** Dissect the given rows (ascending) and call `each` with every row's field list, in order. */
  dissect(rows: number[], each: (row: number, fl: FieldList) => void): Promise<void>;
}

export interface CompiledFilter {
  ok: true;
  /** The matching rows, ascending. */
  run(input: FilterInput): Promise<Uint32Array>;
  /** Test one dissected packet (the command line's -Y and the slow path). */
  matches(fl: FieldList): boolean;
}

export interface FilterError {
  ok: false;
  error: string;
  /** Character range [start, end) of the problem in the expression. */
  start: number;
  end: number;
}

export function compileFilter(expr: string): CompiledFilter | FilterError {
  return { ok: false, error: `display filters are not available yet ("${expr}")`, start: 0, end: expr.length };
}
