// The Info column of GRE, as packet-gre.c writes it.

import type { FieldList } from '../../fields/field-list.ts';
import { hex4, namedOr } from './fields.ts';

/** "Encapsulated IP", of the innermost GRE header (each one writes over the column); a type
 *  without a name as "0x1234 (unknown)". */
export function greInfo(fl: FieldList): string {
  const name = namedOr(fl, 'gre.proto', (v) => `0x${hex4(v).toUpperCase()} (unknown)`);
  return name === '' ? '' : `Encapsulated ${name}`;
}
