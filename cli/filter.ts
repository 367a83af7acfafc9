// `-Y FILTER` for the command line: the engine's display filter, tested on each dissected packet
// (tshark's one-pass -Y). A filter that does not compile is an error, printed as tshark prints it
// (message, the expression, carets under the problem), and the command exits non-zero.
import type { FieldList } from '../workers/fields/field-list.ts';
import type { DecodeAsRule } from '../workers/dissectors/tables.ts';
import { compileFilter, formatFilterError } from '../workers/filter/compile.ts';

export function compileFilterForCli(expr: string, _rules: readonly DecodeAsRule[]): (fl: FieldList, frameNo: number) => boolean {
  const c = compileFilter(expr);
  if (!c.ok) throw new Error(formatFilterError(expr, c));
  return (fl) => c.matches(fl);
}
