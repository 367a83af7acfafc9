// Display filter entry point: compileFilter(expr) parses, types and compiles a Wireshark 4.0
// display filter, or returns the first error with its character range. The compiled filter tests
// one dissected packet (matches: the command line's -Y) or selects rows of a packet table (run:
// column fast path for the packets whose shape the columns describe, dissection for the rest).
//
//   lexer.ts → parser.ts (ast.ts) → semantic.ts (values.ts, types.ts) → ir.ts → evaluate.ts
//   view.ts: values from a FieldList; shapes.ts + fast-path.ts: values from the columns.

import type { FieldList } from '../fields/field-list.ts';
import type { AddressTable } from '../table/addresses.ts';
import type { PacketTable } from '../table/packet-table.ts';
import { compileTest, type TestFn } from './evaluate.ts';
import type { CompiledIR } from './ir.ts';
import { ParseError, parse } from './parser.ts';
import { SemError, analyze } from './semantic.ts';
import { runFilter, type RunStats } from './fast-path.ts';
import type { ShapeIndex } from './shapes.ts';
import { FieldListView } from './view.ts';

export interface FilterInput {
  table: PacketTable;
  addrs: AddressTable;
  rows: number;
  /** Dissect the given rows (ascending) and call `each` with every row's field list, in order. */
  dissect(rows: number[], each: (row: number, fl: FieldList) => void): Promise<void>;
  /**
   * The shapes of the rows, if the index pass recorded them (ShapeIndex.observe after summarize),
   * used for the filters they cover (a lean index: those whose fields its mask keeps). Another
   * filter dissects every row once and observes them into this index, which then covers every
   * filter. Without it, the first run dissects every row and learns full shapes (kept per table).
   */
  shapes?: ShapeIndex;
}

export interface CompiledFilter {
  ok: true;
  /** The expression as given. */
  text: string;
  /** The matching rows, ascending. */
  run(input: FilterInput): Promise<Uint32Array>;
  /** Test one dissected packet (the command line's -Y and the slow path). */
  matches(fl: FieldList): boolean;
  /** How the last run() went: rows answered from the columns, rows dissected. */
  readonly stats: RunStats;
  /** Ids of the fields (and protocols) the filter reads. */
  readonly fieldIds: readonly number[];
}

export interface FilterError {
  ok: false;
  error: string;
  /** Character range [start, end) of the problem in the expression. */
  start: number;
  end: number;
}

/** Parse and type-check only (the filter bar's check as you type). */
export function checkFilter(expr: string): FilterError | null {
  const r = compileIR(expr);
  return 'error' in r ? r : null;
}

function compileIR(expr: string): CompiledIR | FilterError {
  if (expr.trim() === '') return { test: { k: 'true' }, refs: [] };
  try {
    return analyze(parse(expr), expr);
  } catch (e) {
    if (e instanceof ParseError || e instanceof SemError) return { ok: false, error: e.message, start: e.start, end: Math.max(e.end, e.start) };
    throw e;
  }
}

export function compileFilter(expr: string): CompiledFilter | FilterError {
  const ir = compileIR(expr);
  if ('error' in ir) return ir;
  const fn: TestFn = compileTest(ir);
  const view = new FieldListView(ir.refs);
  const stats: RunStats = { rows: 0, fast: 0, dissected: 0, fromIndex: false, ms: 0 };
  return {
    ok: true,
    text: expr,
    stats,
    fieldIds: [...new Set(ir.refs.map((r) => r.def.id))],
    matches: (fl) => fn(view.reset(fl)),
    run: async (input) => {
      const s = await runFilter(ir, fn, view, input);
      Object.assign(stats, s);
      return s.result;
    },
  };
}

/** tshark's way of showing a filter error: the message, the expression, and carets under the problem. */
export function formatFilterError(expr: string, e: FilterError): string {
  if (e.start >= expr.length) return e.error;
  const width = Math.max(1, Math.min(e.end, expr.length) - e.start);
  return `${e.error}\n    ${expr}\n    ${' '.repeat(e.start)}^${'~'.repeat(width - 1)}`;
}
