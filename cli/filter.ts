// `-Y FILTER` for the command line.
import type { FieldList } from '../workers/fields/field-list.ts';
import type { DecodeAsRule } from '../workers/dissectors/tables.ts';

export function compileFilterForCli(expr: string, _rules: readonly DecodeAsRule[]): (fl: FieldList, frameNo: number) => boolean {
  throw new Error(`display filters are not supported yet ("${expr}")`);
}
